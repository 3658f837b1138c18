"""A one-line label whose text is reactive, so a screen binds its state to it (``data_bind``)
instead of poking ``update`` into it. The text is data: drawn as plain ``Text``, never markup."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static


class TextLine(Static):
    line: reactive[tuple[str, str]] = reactive(("", ""))  # (text, Rich style)

    def watch_line(self, line: tuple[str, str]) -> None:
        self.update(Text(line[0], style=line[1]))
