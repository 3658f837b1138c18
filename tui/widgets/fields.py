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

Unit, location and partners complete from names (``offer_from``: the article's, nearest the
record's sentence first, then the store's records'), found from a few letters of any word
(``bany`` or ``kd ban`` for ``Kodim 0825/Banyuwangi``: ``store.suggest.completions``): the one
on offer is drawn inline after what is typed (the rest of it, or ``→ name`` when what is typed
is not its start) and named under the field with its place among the matches; ``↓``/``↑`` step
through them (in a field not yet typed in: through every name, nearest first), ``→`` or
``Enter`` takes it (Enter then saves, as ever), ``Tab`` leaves the field with what is typed. A
list field (partners) completes the item being typed, never one already in the list.

Unit, location and partners also grow from the text (``store.suggest.completions.grow``): where
the article writes what the field holds (or the partner being typed), ``ctrl+→`` at its end takes
the text's next word and ``ctrl+←`` at its start, or on a value just focused, taken or grown, the
word before it: "Kecamatan Mapilli" and five ``ctrl+←`` are "jalur pulang massa hingga perbatasan
Kecamatan Mapilli", as selecting the span in a reader would give. A place written as a phrase or a
list no name on offer holds took 40-140 keys typed in full.
"""

from __future__ import annotations

import re
from typing import Any

from rich.text import Text
from textual import events
from textual.message import Message
from textual.widgets import Input, Static

from store.suggest.completions import dates_near, grow, matching, near_first

from ..safe import safe_line

DATE_FIELD = "field-date"  # the panel's date field: it completes from the article's own dates
DATES_AROUND = 10_000  # characters either side of the record's sentence searched for dates
TYPED_DATE = re.compile(r"\d\s*[/.\-]\s*\d")


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
        """The completion now on offer for ``field`` (empty: none); ``hint``: with none on offer, the
        words ``ctrl+←``/``ctrl+→`` would grow it by."""

        def __init__(self, field: Field, completion: str, hint: bool = False) -> None:
            self.field, self.completion, self.hint = field, completion, hint
            super().__init__()

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(select_on_focus=True, **kwargs)
        self.editing = False  # the panel sets it: something is in the form to type into
        # the ``updated`` stamp of the stored record whose value the field was filled from: its
        # save says it started from that version (a change made since by someone else is refused)
        self.base: str | None = None
        self.given: list[str] = []  # the names to complete from, as the panel gave them
        self.candidates: list[str] = []  # the same, nearest the record's sentence first
        self.offers: list[str] = []  # the names matching what is typed, best first
        self.offer_at = 0  # the one on offer
        self._taking = False
        self._fresh = False  # focused and not typed in yet: the whole value is selected
        self._grown = False  # the value was just taken or grown: ``ctrl+←`` grows it too
        self.grows = False  # the panel sets it: the field grows from the text (unit, location, partners)
        # the record's sentence: (text, start, end)
        self._near: tuple[str, int | None, int | None] = ("", None, None)

    # -- completing from names ---------------------------------------------------------------

    def offer_from(self, names: list[str]) -> None:
        """Complete from ``names`` (ranked: the article's first, then the records'); they come
        again after every save (the records' names change), still nearest the record's sentence."""
        once: dict[str, str] = {}
        for name in names:
            once.setdefault(name.casefold(), name)  # the first spelling met (the article's)
        self.given = list(once.values())
        self.candidates = near_first(self.given, *self._near)
        if not self.offers:
            return
        shown = self.offers[self.offer_at]  # while typing: the same matches, the same one on offer
        head, tail = self.split(self.value)
        self.offers = self._matches(head, tail)
        self.offer_at = self.offers.index(shown) if shown in self.offers else 0
        self._show_offer()

    def near(self, text: str, at: int | None, until: int | None = None) -> None:
        """The record in the form has its sentence at ``at:until`` of ``text``: its names first, in
        the order it writes them (the date field: the dates the article writes, its sentence's own
        first)."""
        self._near = (text, at, until)
        if self.id == DATE_FIELD:
            lo = max(0, (at or 0) - DATES_AROUND)
            near = dates_near(text[lo: lo + 2 * DATES_AROUND], None if at is None else at - lo)
            self.given = [safe_line(d) for d in near]  # article text, drawn in the field
            self.candidates = list(self.given)
            return
        self.candidates = near_first(self.given, text, at, until)

    def split(self, value: str) -> tuple[str, str]:
        """(what stays, what is being typed and completed): here the whole value, unless the
        whole value is selected (not typed yet: a completion replaces it)."""
        if self._all_selected():
            return "", ""
        return self.parts(value)

    def parts(self, value: str) -> tuple[str, str]:
        """(what stays, the item): the whole value is one item."""
        return "", value

    def _all_selected(self) -> bool:
        """Nothing typed since focusing, which selected the whole value."""
        start, end = sorted(self.selection)
        return self._fresh and bool(self.value) and start == 0 and end == len(self.value)

    def _matches(self, head: str, tail: str) -> list[str]:
        if self.id == DATE_FIELD and TYPED_DATE.search(tail):
            return []  # a date typed as a date is taken as typed (1/10 is not Sabtu (12/10/2024))
        return matching(tail, self.candidates) if tail.strip() else list(self.candidates)

    def watch_value(self, value: str) -> None:
        """Runs after ``Input._watch_value`` (which clears the completion): what matches now."""
        if self._taking:
            return
        self._grown = False
        if not self.candidates or not self.has_focus:
            return
        self._fresh = False
        head, tail = self.split(value)
        self.offers = self._matches(head, tail) if tail.strip() else []
        self.offer_at = 0
        self._show_offer()

    def step(self, by: int) -> None:
        """Offer the next (``by`` 1) or previous (-1) match; with none offered yet, start on
        the first (or last) of the matches (of every name when nothing is typed)."""
        if self.offers:
            self.offer_at = (self.offer_at + by) % len(self.offers)
        else:
            head, tail = self.split(self.value)
            self.offers = self._matches(head, tail)
            self.offer_at = 0 if by > 0 else len(self.offers) - 1
        self._show_offer()

    def take(self) -> bool:
        """Put the name on offer in place of what is being typed; False when none is offered."""
        if not self.offers:
            return False
        name = self.offers[self.offer_at]
        head, _ = self.split(self.value)
        self._taking = True
        try:
            self.value = head + name
        finally:
            self._taking = False
        self.cursor_position = len(self.value)
        self._drop_offers()
        self._grown = True
        self._grow_hint()
        return True

    def grow(self, left: bool) -> bool:
        """The item grown by the text's word after it (``left``: before it), where the text writes
        it, the record's sentence first; False when it does not or nothing follows (precedes) it."""
        text, at, until = self._near
        head, item = self.parts(self.value)
        grown = grow(text, item, at, until, left=left) if self.grows and text and item.strip() else None
        if grown is None:
            return False
        self._taking = True
        try:
            self.value = head + safe_line(grown)  # article text, drawn in the field
        finally:
            self._taking = False
        self._fresh = False
        self.cursor_position = len(self.value)
        self._drop_offers()
        self._grown = True
        self._grow_hint()
        return True

    def _grows_left(self) -> bool:
        """``ctrl+←`` grows (rather than moves the cursor): at the item's start, on a value focusing
        selected, or on one just taken or grown."""
        at_start = self.cursor_position == len(self.parts(self.value)[0])
        return at_start or self._all_selected() or (self._grown and self.cursor_at_end)

    def _grow_hint(self) -> None:
        """Under a field that grows, with nothing on offer: the words ``ctrl+←`` and ``ctrl+→`` would add
        (a reviewer sees the keys where they help, as a shell shows the rest of a command)."""
        text, at, until = self._near
        _, item = self.parts(self.value)
        if self.offers or not (self.grows and self.editing and self.has_focus and text and item.strip()):
            return
        left = grow(text, item, at, until, left=True) if self._grows_left() else None
        right = grow(text, item, at, until) if self.cursor_at_end or self._all_selected() else None
        said = [f"ctrl+← {left.split()[0]}"] if left else []
        said += [f"ctrl+→ {right.split()[-1]}"] if right else []
        if said:
            self.post_message(self.Completing(self, "  ·  ".join(said), hint=True))

    def action_cursor_right_word(self, select: bool = False) -> None:
        if select or not (self.cursor_at_end or self._all_selected()) or not self.grow(left=False):
            super().action_cursor_right_word(select)

    def action_cursor_left_word(self, select: bool = False) -> None:
        if select or not self._grows_left() or not self.grow(left=True):
            super().action_cursor_left_word(select)

    def _drop_offers(self) -> None:
        had = bool(self.offers)
        self.offers, self.offer_at = [], 0
        self._suggestion = ""
        if had:  # the line under the field named it: no more
            self.post_message(self.Completing(self, ""))

    def _show_offer(self) -> None:
        if not self.offers:
            self._suggestion = ""
            self.post_message(self.Completing(self, ""))
            self._grow_hint()
            return
        name = self.offers[self.offer_at]
        _, tail = self.split(self.value)
        if tail and name.casefold().startswith(tail.casefold()) and not self._all_selected():
            ghost = self.value + name[len(tail):]  # the rest of it, after what is typed
        else:
            ghost = self.value + "  → " + name
        self._suggestion = ghost
        where = f"  ({self.offer_at + 1} of {len(self.offers)}: ↓ ↑)" if len(self.offers) > 1 else ""
        self.post_message(self.Completing(self, name + where))

    def action_cursor_right(self, select: bool = False) -> None:
        if not select and self.offers and (self.cursor_at_end or self._all_selected()):
            self.take()
        else:
            super().action_cursor_right(select)

    async def action_submit(self) -> None:
        self.take()
        await super().action_submit()

    # -- keys ----------------------------------------------------------------------------------

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
        elif event.key in ("down", "up") and self.candidates and self.editing:
            event.stop()
            event.prevent_default()
            self.step(1 if event.key == "down" else -1)

    def watch__suggestion(self, suggestion: str) -> None:
        if not self.offers:  # a completion of Textual's own suggester (the phase)
            self.post_message(self.Completing(self, self.completion_shown(suggestion)))

    def completion_shown(self, suggestion: str) -> str:
        """The part of the completion worth naming."""
        return suggestion if suggestion != self.value else ""

    def on_focus(self) -> None:
        self._fresh = True
        self._grown = False
        self._drop_offers()
        self.call_after_refresh(self._grow_hint)  # once the focus and the selection are the field's

    def on_blur(self) -> None:
        self._drop_offers()
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
    """A comma-separated list (partners): completion takes the item being typed, offering only
    names not in the list yet."""

    def parts(self, value: str) -> tuple[str, str]:
        """(the items before, the last item): the last one is the one typed, completed and grown."""
        _, comma, after = value.rpartition(",")
        tail = after.lstrip()
        head = value[: len(value) - len(tail)]
        if comma and not head.endswith(" "):
            head += " "
        return head, tail

    def _matches(self, head: str, tail: str) -> list[str]:
        listed = {p.strip().casefold() for p in head.split(",")}
        return [n for n in super()._matches(head, tail) if n.casefold() not in listed]
