"""The conventions screen (``R``): how drafts read each coding convention and why, the table of
``tandai conventions``, for a reviewer in the workbench or in a browser (``tandai serve``), who has no
terminal to run the command in. Read through the store's one owner in a worker; every cell is data."""

from __future__ import annotations

from typing import Any

from rich.table import Table
from rich.text import Text
from textual.binding import Binding
from textual.widgets import Static

from store.conventions import reading_rows

from ..safe import safe_line
from .computed import Computed


class ReadingsScreen(Computed):
    NAME = "readings"
    WAITING = "reading the conventions…"
    DEFAULT_CSS = """
    ReadingsScreen #readings-summary { height: auto; padding: 0 1; background: $panel; }
    ReadingsScreen #readings-body { padding: 1 1; }
    """
    BINDINGS = [Binding("escape,q", "close", "Close", id="readings_close")]

    def gather(self, owner: Any) -> tuple[dict[str, Any], str]:
        return owner.call(owner.store.conventions_in_use), owner.store.reviewer

    def show(self, result: tuple[dict[str, Any], str]) -> None:
        used, reviewer = result
        summary = (f"How drafts read what the guidelines leave open, for {reviewer}: a reading your "
                   "records decide (three, two of three agreeing) comes first, then the team's; "
                   "`tandai conventions set NAME READING` settles one for everyone · Esc back")
        self.query_one("#readings-summary", Static).update(Text(safe_line(summary)))
        table = Table(box=None, pad_edge=False)
        for column in ("convention", "drafts write", "why", "records", "yours"):
            table.add_column(Text(column), overflow="fold")
        for row in reading_rows(used):
            table.add_row(*(Text(safe_line(cell)) for cell in row))
        self.query_one("#readings-body", Static).update(table)


SCREEN = ReadingsScreen
