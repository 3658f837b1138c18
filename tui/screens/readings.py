"""The conventions screen (``R``): how drafts read each coding convention and why, the table of
``tandai conventions``, for a reviewer in the workbench or in a browser (``tandai serve``), who has no
terminal to run the command in. Read through the store's one owner in a worker; every cell is data."""

from __future__ import annotations

from typing import Any

from rich.table import Table
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from store.conventions import reading_rows

from ..safe import safe_line


class ReadingsScreen(Screen[None]):
    DEFAULT_CSS = """
    ReadingsScreen #readings-summary { height: auto; padding: 0 1; background: $panel; }
    ReadingsScreen #readings-body { padding: 1 1; }
    """
    BINDINGS = [Binding("escape,q", "close", "Close", id="readings_close")]

    def compose(self) -> ComposeResult:
        yield Static("reading the conventions…", id="readings-summary")
        with VerticalScroll():
            yield Static("", id="readings-body")
        yield Footer()

    def on_mount(self) -> None:
        self.compute()

    @work(thread=True, exclusive=True, group="readings-screen")
    def compute(self) -> None:
        owner = self.app.owner  # type: ignore[attr-defined]
        used = owner.call(owner.store.conventions_in_use)
        self.app.call_from_thread(self.show, used, owner.store.reviewer)

    def show(self, used: dict[str, Any], reviewer: str) -> None:
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

    def action_close(self) -> None:
        self.app.pop_screen()


SCREEN = ReadingsScreen
