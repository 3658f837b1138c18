"""The tagging panel: the record being coded (every field saved when you leave it or press Enter)
and the article's records, then its suggested records (drawn apart: ``◇``, italic). A suggestion
in the form is not stored: editing one of its fields accepts it with the edit. It holds no data
of its own beyond what is typed: changes go up as messages and the app saves them through the
store owner.

Each field shows what is stored (escaped with ``safe_line``; a field left unchanged is never
saved back, so the escaping never rewrites data). A value the store refused stays in its field,
so it can be fixed, but marked ``unsaved`` with the stored value and the reason beside it until
it is saved or the record changes: saving another field does not hide it."""

from __future__ import annotations

import difflib
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from store import PHASES, ActivityRecord, Taxonomy, parse_date

from ..safe import safe_line
from .fields import Field, ListField, TypeField, TypeKeys

FIELDS = ("type", "unit", "date", "location", "partners", "personnel", "phase", "notes")
SUGGESTED = "s:"  # the records list's option id of a suggestion: this prefix, then its key
SUGGESTION_STYLE = "italic #d7af5f"


def record_line(data: dict[str, Any]) -> str:
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

    def __init__(self, taxonomy: Taxonomy, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.taxonomy = taxonomy
        self.record_id: str | None = None
        self.suggestion_key: str | None = None  # a suggestion (not stored) is in the form
        self.published: str | None = None  # the open article's date: "kemarin" counts from it
        self.editing = False  # a record or a draft is in the form
        self.shown: dict[str, str] = {}  # what each field showed when loaded (stored or draft)
        self.rejected: dict[str, str] = {}  # field -> why the store refused what was typed
        self.problems: dict[str, str] = {}  # a draft's problems (nothing of it is stored yet)
        self._loading = False
        self.suggestions: list[dict[str, Any]] = []

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

    def set_completions(self, units: list[str], places: list[str], partners: list[str]) -> None:
        # entity texts come from the article: escaped, as the completion is drawn in the field
        units, places, partners = ([safe_line(x) for x in xs] for xs in (units, places, partners))
        for name, names in (("unit", units), ("location", places), ("partners", partners)):
            self.query_one(f"#field-{name}", Field).offer_from(names)  # fields.py: how they match

    def on_field_completing(self, event: Field.Completing) -> None:
        event.stop()
        name = (event.field.id or "").removeprefix("field-")
        line = self.query_one(f"#completion-{name}", Static)
        line.update(Text("→ " + safe_line(event.completion), style="italic") if event.completion else Text())

    # -- showing ------------------------------------------------------------------------------

    @staticmethod
    def _display(data: dict[str, Any], name: str) -> str:
        value = data.get(name)
        if name == "partners":
            value = ", ".join(str(p) for p in value or [])
        return "" if value is None else safe_line(str(value))

    def show_record(
        self,
        record: ActivityRecord | dict[str, Any] | None,
        article_text: str = "",
        problems: dict[str, str] | None = None,
    ) -> None:
        """Fill the form from a saved record, a draft or a suggestion (dict; a suggestion has a
        ``key``); None clears it."""
        self._loading = True
        try:
            data = record.to_dict() if isinstance(record, ActivityRecord) else (record or {})
            self.record_id = data.get("id")
            self.suggestion_key = None if self.record_id else data.get("key")
            self.editing = record is not None
            for field in self.query(Field):
                field.editing = self.editing
            self.rejected, self.problems = {}, dict(problems or {})
            if self.suggestion_key is not None:
                title = Text(safe_line(f"◇ Suggested ({data.get('score', 0):.2f}): y accepts, r rejects"),
                             style=SUGGESTION_STYLE)
                title.append("\nediting a field accepts it with the edit", "dim")
            elif data:
                name = data["id"][:8] if data.get("id") else "(draft: not saved yet)"
                title = Text(safe_line("Record " + name))
            else:
                title = Text("No record: a adds one from the sentence, y accepts a suggestion", style="dim")
            self.query_one("#record-title", Static).update(title)
            ev = data.get("evidence") or []
            snippet = " | ".join(
                safe_line(article_text[e["start"] : e["end"]] if article_text else e.get("text", ""))[:120]
                for e in ev
            )
            self.query_one("#evidence", Static).update(Text("evidence: " + snippet if snippet else ""))
            for name in FIELDS:
                self.shown[name] = self._display(data, name)
                self.query_one(f"#field-{name}", Input).value = self.shown[name]
            self._show_marks()
            self.show_date_value(self.shown["date"])
            for field in self.query(Field):  # the names near the record's sentence complete first
                field.near(article_text, int(ev[0]["start"]) if ev and article_text else None)
        finally:
            self._loading = False

    def load_stored(self, record: ActivityRecord) -> None:
        """Show what is stored now (after a save, an undo, a redo), keeping a refused value
        (still marked) and text being typed in the focused field."""
        if record.id != self.record_id:
            return
        data = record.to_dict()
        self._loading = True
        try:
            for name in FIELDS:
                field = self.query_one(f"#field-{name}", Input)
                typing = field.has_focus and field.value != self.shown.get(name)
                self.shown[name] = self._display(data, name)
                if name not in self.rejected and not typing:
                    field.value = self.shown[name]
            self._show_marks()
            self.show_date_value(self.query_one("#field-date", Input).value)
        finally:
            self._loading = False

    def reject(self, name: str, problems: dict[str, str]) -> None:
        """The store refused what was typed in ``name``: keep it, marked as not saved."""
        self.rejected[name] = problems.get(name) or "; ".join(f"{k}: {v}" for k, v in problems.items())
        self._show_marks()

    def accept(self, name: str) -> None:
        self.rejected.pop(name, None)
        self._show_marks()

    def show_problems(self, problems: dict[str, str]) -> None:
        """A draft's problems (the draft as a whole is not saved)."""
        self.problems = dict(problems)
        self._show_marks()
        if "evidence" in problems:
            self.query_one("#evidence", Static).update(
                Text("evidence: " + safe_line(problems["evidence"]), style="red")
            )

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
        iso = parse_date(typed, self.published) if typed else None
        label = "date" + (f"  → {iso}" if iso else ("  → ?" if typed else ""))
        self.query_one("#label-date", Label).update(Text(label))

    def show_records(
        self,
        records: list[ActivityRecord],
        current: str | None = None,
        suggestions: list[dict[str, Any]] | None = None,
    ) -> None:
        """The saved records (``●``), then the suggestions (``◇``, italic): never mistaken."""
        if suggestions is not None:
            self.suggestions = suggestions
        box = self.query_one("#records", OptionList)
        options = [Option(Text("● " + safe_line(record_line(r.to_dict()))), id=r.id) for r in records]
        options += [
            Option(Text(safe_line(f"◇ {record_line(s)}  {s.get('score', 0):.2f}"), style=SUGGESTION_STYLE),
                   id=SUGGESTED + s["key"])
            for s in self.suggestions
        ]
        box.set_options(options)
        box.border_title = f"{len(records)} record(s) · {len(self.suggestions)} suggested"
        if current:
            for i, option in enumerate(options):
                if option.id in (current, SUGGESTED + current):
                    box.highlighted = i

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
