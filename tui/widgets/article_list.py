"""The search bar and the hit list: top hits only (an OptionList of at most ``LIMIT`` rows),
never one widget per article, so it stays responsive at 100k articles. The list draws a
``Listing``, the screen's state bound to it (``data_bind``): the screen never pokes rows in."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from rich.style import Style
from rich.text import Text
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from store import ListRow

from ..commands import LIST, SEARCH_BAR, bindings
from ..render import MATCH_STYLE, word_pattern
from ..safe import safe_line

LIMIT = 200
STATUS_MARKS = {
    "todo": "·",
    "in_progress": "◐",
    "done": "✓",
    "skipped": "↷",
    "irrelevant": "✗",
    "flagged": "⚑",
}
STATUS_STYLES = {
    "done": "green",
    "in_progress": "yellow",
    "flagged": "red",
    "irrelevant": "dim",
    "skipped": "dim",
}


def row_text(hit: ListRow, status: str, records: int, words: list[str], width: int = 60) -> Text:
    """status mark, title (matched words marked), then outlet · date · records on a dim line."""
    text = Text(no_wrap=True, overflow="ellipsis")
    text.append(STATUS_MARKS.get(status, "?") + " ", STATUS_STYLES.get(status, ""))
    title = Text(safe_line(hit.title) or "(untitled)")
    pattern = word_pattern(words)
    if pattern is not None:
        for m in pattern.finditer(title.plain):
            title.stylize(MATCH_STYLE, m.start(), m.end())
    text.append_text(title)
    meta = " · ".join(x for x in (safe_line(hit.outlet or ""), (hit.published or "")[:10]) if x)
    text.append("\n  ")
    text.append(meta, Style(dim=True))
    if records:
        text.append(f"  {records} rec", Style(color="cyan"))
    if hit.duplicate_of:
        text.append("  dup", Style(color="yellow", dim=True))
    return text


EMPTY: Mapping[str, Any] = MappingProxyType({})


@dataclass(frozen=True)
class Listing:
    """What the list shows, owned by the screen: a query's top rows, each row's status and
    record count, the query's words (marked in the titles), how many articles it finds, and
    the row kept highlighted. Immutable: a change is a new ``Listing``. A query that could not
    run (``error``) leaves the rows shown before on screen and names no rows here."""

    query: str = ""
    rows: tuple[ListRow, ...] = ()
    statuses: Mapping[str, str] = field(default_factory=lambda: EMPTY)
    records: Mapping[str, int] = field(default_factory=lambda: EMPTY)
    words: tuple[str, ...] = ()
    total: int = 0
    error: str | None = None
    keep: str | None = None  # the row to highlight (the open article's), else the first

    @property
    def found(self) -> tuple[str, str]:
        """The line under the search bar: (text, Rich style)."""
        if self.error:
            return safe_line(self.error), "red"
        if not self.total:
            return "no articles match", "dim"
        return f"{len(self.rows)} of {self.total} articles", "dim"


class SearchBar(Input):
    """The query input, with recall of earlier queries on up/down."""

    BINDINGS = bindings(SEARCH_BAR)

    class Recall(Message):
        def __init__(self, step: int) -> None:
            self.step = step
            super().__init__()

    def action_history(self, step: int) -> None:
        self.post_message(self.Recall(step))


class ArticleList(OptionList):
    BINDINGS = bindings(LIST)

    # bound to the screen's listing; every new Listing is drawn (a search run again after a
    # change finds the same rows, and the open article's row is highlighted again)
    listing: reactive[Listing] = reactive(Listing, always_update=True)

    def __init__(self, **kwargs: object) -> None:
        super().__init__(markup=False, **kwargs)  # type: ignore[arg-type]

    def watch_listing(self, listing: Listing) -> None:
        if listing.error:
            return  # the rows of the last query that ran stay, the search line says why
        words = list(listing.words)
        self.set_options(
            [
                Option(row_text(h, listing.statuses.get(h.id, "todo"), listing.records.get(h.id, 0), words),
                       id=h.id)
                for h in listing.rows
            ]
        )
        if listing.rows:
            self.highlighted = next((i for i, h in enumerate(listing.rows) if h.id == listing.keep), 0)
