"""The search bar and the hit list: top hits only (an OptionList of at most ``LIMIT`` rows),
never one widget per article, so it stays responsive at 100k articles."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.message import Message
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

    def __init__(self, **kwargs: object) -> None:
        super().__init__(markup=False, **kwargs)  # type: ignore[arg-type]
        self.hits: list[ListRow] = []

    def show_hits(
        self,
        hits: list[ListRow],
        statuses: dict[str, str],
        records: dict[str, int],
        words: list[str],
        keep: str | None = None,
    ) -> None:
        self.hits = hits
        self.set_options(
            [
                Option(row_text(h, statuses.get(h.id, "todo"), records.get(h.id, 0), words), id=h.id)
                for h in hits
            ]
        )
        if hits:
            index = next((i for i, h in enumerate(hits) if h.id == keep), 0)
            self.highlighted = index
