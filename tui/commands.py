"""The command palette: every action by name, and the saved searches."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.command import Hit, Hits, Provider

if TYPE_CHECKING:
    from .app import TandaiApp


class TandaiCommands(Provider):
    async def search(self, query: str) -> Hits:
        app: TandaiApp = self.app  # type: ignore[assignment]
        matcher = self.matcher(query)
        for name, help_text, callback in app.palette_commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)

    async def discover(self) -> Hits:
        app: TandaiApp = self.app  # type: ignore[assignment]
        for name, help_text, callback in app.palette_commands():
            yield Hit(1.0, name, partial(callback), help=help_text)
