"""Screens whose figures are computed through the store's one owner, off the UI thread (the stats, the
agreement, the conventions): written once, so each says only what it asks (``gather``, in the worker) and
how it shows the answer (``show``, on the UI thread). An error is one line in the summary, never a
traceback on screen."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from ..safe import safe_line


class Computed(Screen[None]):
    NAME = "computed"  # the widgets' ids: NAME-summary (one line) and NAME-body (scrolls)
    WAITING = "computing…"

    def compose(self) -> ComposeResult:
        yield Static(self.WAITING, id=f"{self.NAME}-summary")
        with VerticalScroll():
            yield Static("", id=f"{self.NAME}-body")
        yield Footer()

    def on_mount(self) -> None:
        self.compute()

    def gather(self, owner: Any) -> Any:
        """What the screen shows, read through ``owner`` (the store's one owner), in the worker."""
        raise NotImplementedError

    def show(self, result: Any) -> None:
        """Draw ``gather``'s result, on the UI thread."""
        raise NotImplementedError

    def show_error(self, message: str) -> None:
        self.query_one(f"#{self.NAME}-summary", Static).update(Text(safe_line(message)))

    @work(thread=True, exclusive=True, group="computed")
    def compute(self) -> None:
        try:
            result = self.gather(self.app.owner)  # type: ignore[attr-defined]
        except Exception as exc:  # noqa: BLE001 - shown, never a traceback on screen
            self.app.call_from_thread(self.show_error, str(exc))
            return
        self.app.call_from_thread(self.show, result)

    def action_refresh_figures(self) -> None:
        self.compute()

    def action_close(self) -> None:
        self.app.pop_screen()
