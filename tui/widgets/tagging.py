"""The tagging panel: the record being coded (every field saved when you leave it or press Enter)
and the article's records, then its suggested records (drawn apart: ``◇``, italic). A suggestion
in the form is not stored: editing one of its fields accepts it with the edit. It holds no data
of its own beyond what is typed: changes go up as messages and the app saves them through the
store owner. What it shows is the screen's state, bound to it (``data_bind``): ``FormState``
(the record, draft or suggestion in the form, its problems, the fields whose save was refused
or is under way), ``RecordsState`` (the article's records and suggestions, the one in the
form) and ``Completions`` (what the fields offer to complete); the screen never pokes values
in, it sets a new state.

Each field shows what is stored (escaped with ``safe_line``; a field left unchanged is never
saved back, so the escaping never rewrites data). A value the store refused stays in its field,
so it can be fixed, but marked ``unsaved`` with the stored value and the reason beside it until
it is saved or the record changes: saving another field does not hide it."""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.reactive import reactive
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from store import PHASES, ActivityRecord, Taxonomy, parse_date

from ..safe import safe_line
from .fields import Field, ListField, TypeField, TypeKeys

FIELDS = ("type", "unit", "date", "location", "partners", "personnel", "phase", "notes")
# ctrl+g then one of these goes to that field (the form's fields in order, each by a letter of its name)
FIELD_LETTERS = {"t": "type", "u": "unit", "d": "date", "l": "location", "p": "partners", "n": "personnel",
                 "h": "phase", "o": "notes"}
GROWING = ("unit", "location", "partners")  # ctrl+→ / ctrl+← take the text's next word (fields.py)
SUGGESTED = "s:"  # the records list's option id of a suggestion: this prefix, then its key
SUGGESTION_STYLE = "italic #d7af5f"
NONE: Mapping[str, str] = MappingProxyType({})


@dataclass(frozen=True)
class FormState:
    """What the record form shows, owned by the screen: a saved record, a draft (a dict with no
    ``id``) or a suggestion (a dict with a ``key``); None: nothing. Immutable: a change is a new
    state. ``keep_typed``: the same record as stored now (after a save, an undo, a reload), so
    the text being typed in the focused field stays; otherwise the record is put in the form
    afresh. A field in ``rejected`` (refused by the store: why) or ``saving`` (its save is
    queued or running) keeps what was typed, whatever the state."""

    record: ActivityRecord | Mapping[str, Any] | None = None
    text: str = ""  # the article's text: the evidence is shown from it
    published: str | None = None  # the open article's date: "kemarin" counts from it
    problems: Mapping[str, str] = field(default_factory=lambda: NONE)  # a draft's problems
    rejected: Mapping[str, str] = field(default_factory=lambda: NONE)
    saving: frozenset[str] = frozenset()
    keep_typed: bool = False
    adding: bool = False  # ``a`` was pressed: the record is being made (keys typed meanwhile stay)

    @property
    def data(self) -> Mapping[str, Any]:
        record = self.record
        return record.to_dict() if isinstance(record, ActivityRecord) else (record or NONE)

    @property
    def record_id(self) -> str | None:
        return self.data.get("id")

    @property
    def suggestion_key(self) -> str | None:
        return None if self.record_id else self.data.get("key")


@dataclass(frozen=True)
class Completions:
    """What the fields offer to complete: the article's units, places and partners first."""

    units: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    partners: tuple[str, ...] = ()


@dataclass(frozen=True)
class RecordsState:
    """The records list of the panel: the article's saved records, then its suggestions, and
    the one to highlight (a record id or a suggestion key)."""

    records: tuple[ActivityRecord, ...] = ()
    suggestions: tuple[Mapping[str, Any], ...] = ()
    current: str | None = None


def record_line(data: Mapping[str, Any]) -> str:
    """One line naming a record or suggestion: type · unit · date · personnel."""
    personnel = f" · {data['personnel']}" if data.get("personnel") else ""
    return f"{data.get('type') or '?'} · {data.get('unit') or '?'} · {data.get('date') or '?'}{personnel}"


class TaggingPanel(Vertical):
    DEFAULT_CSS = """
    TaggingPanel { width: 44; border-left: solid $primary-darken-2; padding: 0 1; }
    TaggingPanel .field-label { color: $text-muted; height: 1; margin-top: 0; }
    TaggingPanel .problem { color: $error; height: auto; }
    TaggingPanel .completion { color: $text-muted; height: auto; }
    TaggingPanel #type-keys { height: auto; color: $text; }
    TaggingPanel Input { height: 1; border: none; padding: 0 1; background: $boost; }
    TaggingPanel Input:focus { background: $primary 30%; border: none; }
    TaggingPanel Input.unsaved { background: $error 35%; text-style: italic; }
    TaggingPanel #records { height: auto; max-height: 8; border-top: solid $primary-darken-3; }
    TaggingPanel #record-title { text-style: bold; height: auto; }
    TaggingPanel #evidence { color: $text-muted; height: auto; max-height: 4; }
    """

    class FieldChanged(Message):
        """A field was committed (Enter or leaving it); the app saves it."""

        def __init__(self, name: str, value: str) -> None:
            self.name, self.value = name, value
            super().__init__()

    class RecordChosen(Message):
        def __init__(self, record_id: str) -> None:
            self.record_id = record_id
            super().__init__()

    class SuggestionChosen(Message):
        def __init__(self, key: str) -> None:
            self.key = key
            super().__init__()

    # bound to the screen's state (data_bind); every new state is drawn
    form: reactive[FormState] = reactive(FormState, always_update=True)
    records_list: reactive[RecordsState] = reactive(RecordsState, always_update=True)
    completions: reactive[Completions] = reactive(Completions)

    def __init__(self, taxonomy: Taxonomy, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.taxonomy = taxonomy
        self.shown: dict[str, str] = {}  # what each field showed when loaded (stored or draft)
        self._sent: dict[str, str] = {}  # field -> the value whose save was asked for, until it is over
        self._loading = False

    # what the form holds, read from its state
    @property
    def record_id(self) -> str | None:
        return self.form.record_id

    @property
    def suggestion_key(self) -> str | None:
        return self.form.suggestion_key

    @property
    def editing(self) -> bool:
        """A record, a draft or a suggestion is in the form (or one is being added)."""
        return self.form.record is not None or self.form.adding

    @property
    def rejected(self) -> Mapping[str, str]:
        return self.form.rejected

    @property
    def problems(self) -> Mapping[str, str]:
        return self.form.problems

    def compose(self) -> ComposeResult:
        yield Static("No record", id="record-title")
        yield Static("", id="evidence")
        # not a focus stop of its own: Tab goes from field to field, never to a box where
        # letters are commands
        with VerticalScroll(id="form", can_focus=False):
            for name in FIELDS:
                yield Label(Text(name), classes="field-label", id=f"label-{name}")
                if name == "type":
                    keys = [(a.key, a.name) for a in self.taxonomy.activities.values()]
                    yield TypeKeys(keys, id="type-keys")
                    field: Field = TypeField(list(self.taxonomy.activities), id="field-type")
                elif name == "partners":
                    field = ListField(id="field-partners", placeholder=self._hint(name))
                else:
                    field = Field(id=f"field-{name}", placeholder=self._hint(name))
                field.grows = name in GROWING
                yield field
                yield Static("", classes="completion", id=f"completion-{name}")
                yield Static("", classes="problem", id=f"problem-{name}")
        yield OptionList(id="records", markup=False)

    @staticmethod
    def _hint(name: str) -> str:
        return {
            "date": "27/11/2024, Rabu (27/11), kemarin…",
            "partners": "comma-separated: TNI, KPU, Bawaslu",
            "phase": "/".join(PHASES),
            "personnel": "a number",
        }.get(name, "")

    def on_mount(self) -> None:
        self.query_one("#field-phase", Input).suggester = SuggestFromList(list(PHASES))

    def watch_completions(self, offered: Completions) -> None:
        if not self.is_mounted:
            return
        # entity texts come from the article: escaped, as the completion is drawn in the field
        units, places, partners = ([safe_line(x) for x in xs]
                                   for xs in (offered.units, offered.places, offered.partners))
        for name, names in (("unit", units), ("location", places), ("partners", partners)):
            self.query_one(f"#field-{name}", Field).offer_from(names)  # fields.py: how they match

    def on_field_completing(self, event: Field.Completing) -> None:
        event.stop()
        name = (event.field.id or "").removeprefix("field-")
        line = self.query_one(f"#completion-{name}", Static)
        if event.hint:  # what ctrl+←/ctrl+→ would add: dim, apart from a completion to take
            line.update(Text(safe_line(event.completion), style="dim"))
            return
        line.update(Text("→ " + safe_line(event.completion), style="italic") if event.completion else Text())

    # -- showing ------------------------------------------------------------------------------

    @staticmethod
    def _display(data: Mapping[str, Any], name: str) -> str:
        value = data.get(name)
        if name == "partners":
            value = ", ".join(str(p) for p in value or [])
        return "" if value is None else safe_line(str(value))

    def watch_form(self, old: FormState, new: FormState) -> None:
        """Draw the form from its state. A field keeps what is typed in it when its save was
        refused or is under way, and (``keep_typed``) when it has the focus and differs from
        what it showed; every other field shows the stored (or drafted) value."""
        if not self.is_mounted:
            return
        self._loading = True
        try:
            data = new.data
            for f in self.query(Field):
                f.editing = self.editing
            if new.suggestion_key is not None:
                title = Text(safe_line(f"◇ Suggested ({data.get('score', 0):.2f}): y accepts, r rejects"),
                             style=SUGGESTION_STYLE)
                title.append("\nediting a field accepts it with the edit", "dim")
            elif new.adding and not data.get("id"):
                title = Text("Adding a record from the sentence…", style="dim")
            elif data:
                name = data["id"][:8] if data.get("id") else "(draft: not saved yet)"
                title = Text(safe_line("Record " + name))
            else:
                title = Text("No record: a adds one from the sentence, y accepts a suggestion", style="dim")
            self.query_one("#record-title", Static).update(title)
            self._show_evidence(new)
            for name in FIELDS:
                if name not in new.saving and (name in old.saving or not new.keep_typed):
                    self._sent.pop(name, None)  # that save is over, or another record is in the form
                inp = self.query_one(f"#field-{name}", Field)
                typing = new.keep_typed and inp.has_focus and inp.value != self.shown.get(name)
                self.shown[name] = self._display(data, name)
                if not typing and name not in new.rejected and name not in new.saving:
                    inp.value = self.shown[name]
                    inp.base = data.get("updated") if data.get("id") else None  # a stored record's
            self._show_marks()
            self.show_date_value(self.query_one("#field-date", Input).value)
            ev = data.get("evidence") or []
            span = (int(ev[0]["start"]), int(ev[-1]["end"])) if ev and new.text else (None, None)
            for f in self.query(Field):  # the names of the record's sentence complete first
                f.near(new.text, *span)
        finally:
            self._loading = False

    def _show_evidence(self, state: FormState) -> None:
        if "evidence" in state.problems:
            line = Text("evidence: " + safe_line(state.problems["evidence"]), style="red")
        else:
            text = state.text
            snippet = " | ".join(
                safe_line(text[e["start"]: e["end"]] if text else e.get("text", ""))[:120]
                for e in state.data.get("evidence") or []
            )
            line = Text("evidence: " + snippet if snippet else "")
        self.query_one("#evidence", Static).update(line)

    def _show_marks(self) -> None:
        for name in FIELDS:
            field = self.query_one(f"#field-{name}", Input)
            line = self.query_one(f"#problem-{name}", Static)
            if name in self.rejected and self.record_id is not None:
                stored = self.shown.get(name) or "empty"
                note = f"not saved (stored: {stored}): {self.rejected[name]}"
                line.update(Text(safe_line(note), style="bold"))
                field.add_class("unsaved")
            else:
                line.update(Text(safe_line(self.problems.get(name, ""))))
                field.set_class(name in self.problems, "unsaved")

    def pending(self) -> dict[str, str]:
        """What is typed but not stored: field -> text (empty when no record is in the form)."""
        if not self.editing:
            return {}
        values = self.values()
        return {n: v for n, v in values.items() if v != self.shown.get(n) or n in self.rejected}

    def show_date_value(self, typed: str) -> None:
        """What the typed date means, counted from the article's date as the store counts it."""
        iso = parse_date(typed, self.form.published) if typed else None
        label = "date" + (f"  → {iso}" if iso else ("  → ?" if typed else ""))
        self.query_one("#label-date", Label).update(Text(label))

    def watch_records_list(self, state: RecordsState) -> None:
        """The saved records (``●``), then the suggestions (``◇``, italic): never mistaken."""
        if not self.is_mounted:
            return
        box = self.query_one("#records", OptionList)
        options = [Option(Text("● " + safe_line(record_line(r.to_dict()))), id=r.id) for r in state.records]
        options += [
            Option(Text(safe_line(f"◇ {record_line(s)}  {s.get('score', 0):.2f}"), style=SUGGESTION_STYLE),
                   id=SUGGESTED + s["key"])
            for s in state.suggestions
        ]
        box.set_options(options)
        box.border_title = f"{len(state.records)} record(s) · {len(state.suggestions)} suggested"
        if state.current:
            for i, option in enumerate(options):
                if option.id in (state.current, SUGGESTED + state.current):
                    box.highlighted = i

    def base(self, name: str) -> str | None:
        """The version (``updated``) of the record a field's value was read from (``Field.base``)."""
        return self.query_one(f"#field-{name}", Field).base

    def saved_over(self, before: str, after: str) -> None:
        """This reviewer's own save turned the record's version ``before`` into ``after``: a field
        still typed over a value read from ``before`` read nothing anyone else changed since."""
        for f in self.query(Field):
            if f.base == before:
                f.base = after

    def values(self) -> dict[str, str]:
        return {name: self.query_one(f"#field-{name}", Input).value for name in FIELDS}

    def focus_field(self, name: str = "type") -> None:
        self.query_one(f"#field-{name}", Input).focus()

    # -- events -------------------------------------------------------------------------------

    def _commit(self, inp: Input) -> None:
        if self._loading or not inp.id or not inp.id.startswith("field-"):
            return
        name = inp.id.removeprefix("field-")
        if not self.editing:
            return  # no record or draft in the form: nothing to save into
        if name == "type":
            inp.value = self.expand_type(inp.value)
        if inp.value == self.shown.get(name) and name not in self.rejected and name not in self.problems:
            return  # unchanged: never write the shown (escaped) text back
        if self._sent.get(name) == inp.value:
            return  # Enter then leaving the field: that value's save is under way
        self._sent[name] = inp.value
        self.post_message(self.FieldChanged(name, inp.value))

    def expand_type(self, value: str) -> str:
        """A key ("p"), an unambiguous prefix or part ("pat", "guard"), or a near miss ("patrl")
        becomes the type's name; anything else stays as typed (and validation explains it)."""
        value = value.strip()
        by_key = self.taxonomy.activity_for_key(value)
        if by_key or not value:
            return by_key or value
        names = list(self.taxonomy.activities)
        low = value.lower()
        for candidates in ([n for n in names if n.startswith(low)], [n for n in names if low in n]):
            if len(candidates) == 1:
                return candidates[0]
        close = difflib.get_close_matches(low, names, n=1, cutoff=0.7)
        return close[0] if close else value

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._commit(event.input)
        if event.input.id and event.input.id.startswith("field-"):
            self.screen.focus_next()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "field-date" and not self._loading:
            self.show_date_value(event.value)

    def on_descendant_blur(self, event: Any) -> None:
        widget = getattr(event, "widget", None) or getattr(event, "control", None)
        if isinstance(widget, Input):
            self._commit(widget)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id == "records" and event.option.id:
            event.stop()
            if event.option.id.startswith(SUGGESTED):
                self.post_message(self.SuggestionChosen(event.option.id.removeprefix(SUGGESTED)))
            else:
                self.post_message(self.RecordChosen(event.option.id))
