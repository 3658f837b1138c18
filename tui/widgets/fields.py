"""The inputs of the record form, made to do what a reviewer means (issue 11's trial):

- focusing a field selects its value, so typing replaces a pre-filled value instead of
  prepending to it (``p`` on ``escort`` gave ``pescort``);
- in the type field one type key always means that type, wherever the cursor is;
- a key typed with no record in the form is not thrown away in silence (``NoRecord``);
- ``Esc`` and a key typed within the terminal's escape delay arrive as one ``alt+key``: that is
  leaving the field, then the key (``EscapeThen``), never the letter typed into the field;
- a field left shows its value from the start, and the completion on offer is posted
  (``Completing``) so the panel shows it in full under the field, where it can be read before
  ``→`` takes it.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import events
from textual.message import Message
from textual.suggester import Suggester
from textual.widgets import Input, Static

from ..safe import safe_line


class Field(Input):
    """One field of the record form."""

    class NoRecord(Message):
        """A key was typed while no record, draft or suggestion is in the form."""

    class EscapeThen(Message):
        """``Esc`` then ``key``, typed too fast for the terminal to send them apart."""

        def __init__(self, key: str) -> None:
            self.key = key
            super().__init__()

    class Completing(Message):
        """The completion now on offer for ``field`` (empty: none)."""

        def __init__(self, field: Field, completion: str) -> None:
            self.field, self.completion = field, completion
            super().__init__()

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(select_on_focus=True, **kwargs)
        self.editing = False  # the panel sets it: something is in the form to type into

    async def _on_key(self, event: events.Key) -> None:
        """Runs before ``Input._on_key``; ``prevent_default`` keeps the letter out of the field."""
        if event.key.startswith("alt+") and event.character and event.character.isprintable():
            event.stop()
            event.prevent_default()
            self.post_message(self.EscapeThen(event.character))
        elif event.is_printable and not self.editing:
            event.stop()
            event.prevent_default()
            self.post_message(self.NoRecord())

    def watch__suggestion(self, suggestion: str) -> None:
        self.post_message(self.Completing(self, self.completion_shown(suggestion)))

    def completion_shown(self, suggestion: str) -> str:
        """The part of the completion worth naming (a list field names only its last item)."""
        return suggestion if suggestion != self.value else ""

    def on_blur(self) -> None:
        self.cursor_position = 0  # a long value shows from its start again
        self.post_message(self.Completing(self, ""))


class TypeField(Field):
    """The activity type: a type key typed over a whole type name replaces it, wherever the
    cursor stands (``ctrl+k p`` after the cursor moved used to give ``ceremony_apelp``)."""

    def __init__(self, names: list[str], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.names = set(names)

    async def _on_key(self, event: events.Key) -> None:
        await super()._on_key(event)
        if event._no_default_action or not event.is_printable or not event.character:
            return
        if self.value.strip() in self.names or not self.value.strip():
            event.stop()
            event.prevent_default()
            self.value = event.character
            self.cursor_position = 1


class TypeKeys(Static):
    """Every type key and name, packed into as many lines as the width needs, an entry never
    split (one cut-off line showed 3 of 10 keys at 80 and 160 columns)."""

    def __init__(self, entries: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.entries = [(safe_line(k), safe_line(n)) for k, n in entries]
        self.update(self.packed(40))

    def packed(self, width: int) -> Text:
        out, used = Text(), 0
        for key, name in self.entries:
            size = len(key) + 1 + len(name)
            if used and used + 2 + size > width:
                out.append("\n")
                used = 0
            elif used:
                out.append("  ")
                used += 2
            out.append(key, "bold")
            out.append(" " + name)
            used += size
        return out

    def on_resize(self) -> None:
        if self.size.width:
            self.update(self.packed(self.size.width))


class ListField(Field):
    """A comma-separated list (partners): completion names the item being typed."""

    def completion_shown(self, suggestion: str) -> str:
        if not suggestion or suggestion == self.value:
            return ""
        return suggestion.rpartition(",")[2].strip()


class ListTailSuggester(Suggester):
    """Completes the last item of a comma-separated list, matching without regard to case but
    keeping what was typed before it as typed (a case-folding suggester lowercased the list)."""

    def __init__(self, items: list[str]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.items = items
        self.folded = [i.casefold() for i in items]

    async def get_suggestion(self, value: str) -> str | None:
        tail = value.rpartition(",")[2].lstrip()
        if not tail:
            return None
        folded = tail.casefold()
        for item, low in zip(self.items, self.folded, strict=True):
            if low.startswith(folded) and len(item) > len(tail):
                return value + item[len(tail):]
        return None
