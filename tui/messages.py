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
        focus: bool,
        changed: str | None,
    ) -> None:
        self.article, self.records, self.duplicates, self.status = article, records, duplicates, status
        self.focus, self.changed = focus, changed  # changed: see Workbench.open_article
        super().__init__()


class SuggestionsLoaded(Message):
    """A worker read the article's suggested records (best first) and the completions of its
    fields; ``first``: the article was just opened (the cursor goes to the best one)."""

    def __init__(
        self,
        article_id: str,
        suggestions: list[dict[str, Any]],
        completions: dict[str, list[str]],
        first: bool,
    ) -> None:
        self.article_id, self.suggestions, self.completions = article_id, suggestions, completions
        self.first = first
        super().__init__()


class StoreChanged(Message):
    """A change was written (a record, a correction, a status, an undo): redraw what shows it."""

    def __init__(self, record_id: str | None = None) -> None:
        self.record_id = record_id
        super().__init__()
