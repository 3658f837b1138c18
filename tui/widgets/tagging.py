"""The tagging panel: the record being coded (every field saved when you leave it or press
Enter) and the article's records. It holds no data of its own beyond what is typed: changes go
up as messages and the app saves them through the store owner."""

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

from store.dates import parse_date
from store.model import PHASES, ActivityRecord
from store.taxonomy import Taxonomy

from ..safe import safe_line

FIELDS = ("type", "unit", "date", "location", "partners", "personnel", "phase", "notes")


class TaggingPanel(Vertical):
    DEFAULT_CSS = """
    TaggingPanel { width: 44; border-left: solid $primary-darken-2; padding: 0 1; }
    TaggingPanel .field-label { color: $text-muted; height: 1; margin-top: 0; }
    TaggingPanel .problem { color: $error; height: auto; }
    TaggingPanel Input { height: 1; border: none; padding: 0 1; background: $boost; }
    TaggingPanel Input:focus { background: $primary 30%; border: none; }
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

    def _label(self, name: str) -> str:
        if name == "type":
            keys = " ".join(f"{a.key}={a.name}" for a in self.taxonomy.activities.values())
            return f"type  ({keys})"
        return name

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
        self.query_one("#field-unit", Input).suggester = SuggestFromList(units, case_sensitive=False)
        self.query_one("#field-location", Input).suggester = SuggestFromList(places, case_sensitive=False)
        self.query_one("#field-partners", Input).suggester = _ListTailSuggester(partners)

    # -- showing ------------------------------------------------------------------------------

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
            title = (
                "Record " + (data["id"][:8] if data.get("id") else "(draft: not saved yet)")
                if data
                else "No record"
            )
            self.query_one("#record-title", Static).update(Text(title))
            ev = data.get("evidence") or []
            snippet = " | ".join(
                safe_line(article_text[e["start"] : e["end"]] if article_text else e.get("text", ""))[:120]
                for e in ev
            )
            self.query_one("#evidence", Static).update(Text("evidence: " + snippet if snippet else ""))
            for name in FIELDS:
                value = data.get(name)
                if name == "partners":
                    value = ", ".join(value or [])
                self.query_one(f"#field-{name}", Input).value = "" if value is None else str(value)
                self.query_one(f"#problem-{name}", Static).update("")
            self.show_problems(problems or {})
            self.show_date_value(str(data.get("date") or ""))
        finally:
            self._loading = False

    def show_problems(self, problems: dict[str, str]) -> None:
        for name in FIELDS:
            self.query_one(f"#problem-{name}", Static).update(Text(problems.get(name, "")))
        if "evidence" in problems:
            self.query_one("#evidence", Static).update(Text("evidence: " + problems["evidence"], style="red"))

    def show_date_value(self, typed: str) -> None:
        iso = parse_date(typed) if typed else None
        label = "date" + (f"  → {iso}" if iso else ("  → ?" if typed else ""))
        self.query_one("#label-date", Label).update(label)

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
        if name == "type":
            inp.value = self._expand_type(inp.value)
        self.post_message(self.FieldChanged(name, inp.value))

    def _expand_type(self, value: str) -> str:
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
