"""The tagging panel: the record being coded (every field saved when you leave it or press
Enter) and the article's records. It holds no data of its own beyond what is typed: changes go
up as messages and the app saves them through the store owner.

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

FIELDS = ("type", "unit", "date", "location", "partners", "personnel", "phase", "notes")


class TaggingPanel(Vertical):
    DEFAULT_CSS = """
    TaggingPanel { width: 44; border-left: solid $primary-darken-2; padding: 0 1; }
    TaggingPanel .field-label { color: $text-muted; height: 1; margin-top: 0; }
    TaggingPanel .problem { color: $error; height: auto; }
    TaggingPanel Input { height: 1; border: none; padding: 0 1; background: $boost; }
    TaggingPanel Input:focus { background: $primary 30%; border: none; }
    TaggingPanel Input.unsaved { background: $error 35%; text-style: italic; }
    TaggingPanel #records { height: 8; border-top: solid $primary-darken-3; }
    TaggingPanel #record-title { text-style: bold; height: 1; }
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

    def __init__(self, taxonomy: Taxonomy, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.taxonomy = taxonomy
        self.record_id: str | None = None
        self.editing = False  # a record or a draft is in the form
        self.shown: dict[str, str] = {}  # what each field showed when loaded (stored or draft)
        self.rejected: dict[str, str] = {}  # field -> why the store refused what was typed
        self.problems: dict[str, str] = {}  # a draft's problems (nothing of it is stored yet)
        self._loading = False

    def compose(self) -> ComposeResult:
        yield Static("No record", id="record-title")
        yield Static("", id="evidence")
        with VerticalScroll(id="form"):
            for name in FIELDS:
                yield Label(self._label(name), classes="field-label", id=f"label-{name}")
                yield Input(id=f"field-{name}", placeholder=self._hint(name), select_on_focus=False)
                yield Static("", classes="problem", id=f"problem-{name}")
        yield OptionList(id="records", markup=False)

    def _label(self, name: str) -> Text:
        if name == "type":
            keys = " ".join(f"{a.key}={a.name}" for a in self.taxonomy.activities.values())
            return Text(safe_line(f"type  ({keys})"))
        return Text(name)

    @staticmethod
    def _hint(name: str) -> str:
        return {
            "date": "27/11/2024, Rabu (27/11), kemarin…",
            "partners": "comma-separated: TNI, KPU, Bawaslu",
            "phase": "/".join(PHASES),
            "personnel": "a number",
        }.get(name, "")

    def on_mount(self) -> None:
        self.query_one("#field-type", Input).suggester = SuggestFromList(list(self.taxonomy.activities))
        self.query_one("#field-phase", Input).suggester = SuggestFromList(list(PHASES))

    def set_suggestions(self, units: list[str], places: list[str], partners: list[str]) -> None:
        # entity texts come from the article: escaped, as the suggestion is drawn in the field
        units, places, partners = ([safe_line(x) for x in xs] for xs in (units, places, partners))
        self.query_one("#field-unit", Input).suggester = SuggestFromList(units, case_sensitive=False)
        self.query_one("#field-location", Input).suggester = SuggestFromList(places, case_sensitive=False)
        self.query_one("#field-partners", Input).suggester = _ListTailSuggester(partners)

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
        """Fill the form from a saved record or a draft (dict); None clears it."""
        self._loading = True
        try:
            data = record.to_dict() if isinstance(record, ActivityRecord) else (record or {})
            self.record_id = data.get("id")
            self.editing = record is not None
            self.rejected, self.problems = {}, dict(problems or {})
            title = (
                "Record " + (data["id"][:8] if data.get("id") else "(draft: not saved yet)")
                if data
                else "No record"
            )
            self.query_one("#record-title", Static).update(Text(safe_line(title)))
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
        iso = parse_date(typed) if typed else None
        label = "date" + (f"  → {iso}" if iso else ("  → ?" if typed else ""))
        self.query_one("#label-date", Label).update(Text(label))

    def show_records(self, records: list[ActivityRecord], current: str | None = None) -> None:
        box = self.query_one("#records", OptionList)
        box.set_options(
            [
                Option(
                    Text(
                        safe_line(
                            f"{r.type or '?'} · {r.unit} · {r.date or '?'}"
                            f"{' · ' + str(r.personnel) if r.personnel else ''}"
                        )
                    ),
                    id=r.id,
                )
                for r in records
            ]
        )
        box.border_title = f"{len(records)} record(s)"
        if current:
            for i, r in enumerate(records):
                if r.id == current:
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
            self.post_message(self.RecordChosen(event.option.id))


class _ListTailSuggester(SuggestFromList):
    """Completes the last item of a comma-separated list."""

    async def get_suggestion(self, value: str) -> str | None:
        head, sep, tail = value.rpartition(",")
        tail_stripped = tail.lstrip()
        if not tail_stripped:
            return None
        found = await super().get_suggestion(tail_stripped)
        if found is None:
            return None
        prefix = head + sep + tail[: len(tail) - len(tail_stripped)]
        return prefix + found
