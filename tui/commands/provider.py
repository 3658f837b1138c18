"""The command palette: every command that has a palette entry, and the saved searches.

Names and help come from data (saved search names and queries, taxonomy labels), so they are
handed to Textual as ``Content`` built from plain text, never parsed as markup: Textual's own
``Matcher.highlight`` and a string ``help`` would read ``[/]evil`` as a tag and crash, and
``[@click=app.quit]`` as an action."""

from __future__ import annotations

from functools import partial
from typing import Any

from textual.command import Hit, Hits, Matcher, Provider
from textual.content import Content
from textual.markup import escape

from ..safe import safe_line


def highlight(matcher: Matcher, name: str) -> Content:
    """``name`` as plain text with the fuzzily matched letters styled."""
    content = Content(name)
    score, offsets = matcher.fuzzy_search.match(matcher.query, name)
    if score:
        for offset in offsets:
            if not name[offset].isspace():
                content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


class TandaiCommands(Provider):
    def _commands(self) -> list[tuple[str, str, Any]]:
        """The workbench's entries; none on other screens (a dialog has its own keys)."""
        from ..screens.workbench import Workbench

        screen: Workbench | Any = self.screen
        return screen.palette_commands() if isinstance(screen, Workbench) else []

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback in self._commands():
            name = safe_line(name)
            score = matcher.match(name)
            if score > 0:
                help_content = escape(safe_line(help_text))
                yield Hit(score, highlight(matcher, name), callback, text=name, help=help_content)

    async def discover(self) -> Hits:
        for name, help_text, callback in self._commands():
            name = safe_line(name)
            yield Hit(1.0, Content(name), partial(callback), text=name, help=escape(safe_line(help_text)))
