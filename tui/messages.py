"""Messages that carry requests up and results back: widgets and dialogs never call the screen
or the app; workers post what they read or changed instead of drawing it themselves."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.message import Message

if TYPE_CHECKING:
    from store import ActivityRecord, Article


class FocusList(Message):
    """The reader has nothing left to clear: go back to the list."""


class IngestRequested(Message):
    """The ingest dialog was given a path; the workbench runs the ingest and reports back."""

    def __init__(self, path: str, dialog: Any) -> None:
        self.path, self.dialog = path, dialog  # the dialog shows the progress
        super().__init__()


class ArticleLoaded(Message):
    """A worker read an article, its records and its near duplicates; the screen shows them."""

    def __init__(
        self,
        article: Article,
        records: list[ActivityRecord],
        duplicates: list[str],
        status: str,
        units: list[str],
        focus: bool,
        changed: str | None,
    ) -> None:
        self.article, self.records, self.duplicates = article, records, duplicates
        self.status, self.units = status, units  # units: every unit named in a record (suggestions)
        self.focus, self.changed = focus, changed  # changed: see Workbench.open_article
        super().__init__()


class StoreChanged(Message):
    """A change was written (a record, a correction, a status, an undo): redraw what shows it."""

    def __init__(self, record_id: str | None = None) -> None:
        self.record_id = record_id
        super().__init__()
