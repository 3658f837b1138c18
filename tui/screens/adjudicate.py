"""Adjudication (issue 13): walk the articles where reviewers disagree, both versions side by
side, and settle each row with one key: ``a`` takes A's, ``b`` takes B's, ``e`` edits.

Rows: the status, each record pair slot by slot (a record only one reviewer found has "—" on
the other side), each entity span whose label differs. ``A``/``B`` take a whole record; taking one
slot leaves the record's other differing slots "? undecided" (the head names them) until each is
decided, and the record is not settled (nor exported as adjudicated) before. What
is taken is written at once under the adjudicator's name (the workbench's reviewer) as one
undoable change (``u`` in the workbench). An article the workbench's reviewer coded (or, on a team
database, any article for a reviewer without the adjudicator role) shows why it cannot be settled
here instead of the rows and keys. Every value is data: escaped, never markup."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Footer, Input, Label, Static

from store.adjudicate import (
    WHOLE,
    Comparison,
    compare,
    disagreements,
    settled,
    show,
    take_entity,
    take_record,
    take_status,
)
from store.errors import StoreError

from ..messages import StoreChanged
from ..safe import safe_line
from .dialogs import DIALOG_CSS, HoldsTyped

WIDTH = 30  # a cell's text at most (evidence can be long): the four columns fit in 120
UNDECIDED = "? undecided"  # a slot A and B differ on that the adjudicator has not decided yet


def cell(value: str) -> str:
    text = " ".join(safe_line(value).split())
    return text if len(text) <= WIDTH else text[: WIDTH - 1] + "…"


class EditValue(HoldsTyped, ModalScreen[str | None]):
    """The adjudicator types a slot's value."""

    DEFAULT_CSS = DIALOG_CSS.format(name="EditValue")
    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="adjudicate_edit_cancel")]

    def __init__(self, slot: str, value: str, store: Callable[[str], bool]) -> None:
        super().__init__()
        self.slot, self.value = slot, value
        self.store = store  # the adjudication's: writes the value, or says why not

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(Text(f"The adjudicated {self.slot}:"))
            yield Input(value=safe_line(self.value), id="adjudicate-value")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def typed(self) -> dict[str, str]:
        value = self.query_one(Input).value
        # what it opened with is what is stored: unchanged, nothing would be lost
        return {f"adjudicated {self.slot}": value} if value != safe_line(self.value) else {}

    def keep(self, kept: list[bool]) -> None:
        kept.append(self.store(self.query_one(Input).value))


class AdjudicateScreen(Screen[None]):
    DEFAULT_CSS = """
    AdjudicateScreen #adjudicate-head { height: 3; padding: 0 1; background: $panel; }
    AdjudicateScreen DataTable { height: 1fr; }
    """
    BINDINGS = [
        Binding("a", "take('a')", "Take A", id="adjudicate_a"),
        Binding("b", "take('b')", "Take B", id="adjudicate_b"),
        Binding("e", "edit", "Edit", id="adjudicate_edit"),
        Binding("A", "take_record('a')", "Record A", id="adjudicate_record_a", show=False),
        Binding("B", "take_record('b')", "Record B", id="adjudicate_record_b", show=False),
        Binding("n", "article(1)", "Next", id="adjudicate_next"),
        Binding("p", "article(-1)", "Prev", id="adjudicate_prev", show=False),
        Binding("escape,q", "close", "Close", id="adjudicate_close"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.articles: list[str] = []
        self.index = 0
        self.cmp: Comparison | None = None
        self.done: dict[str, Any] = {}
        self.keys: list[tuple[str, int, str]] = []  # per row: (kind, index, slot)
        self.changed = False  # the workbench redraws its list and totals when we leave

    @property
    def owner(self) -> Any:
        return self.app.owner  # type: ignore[attr-defined]

    def compose(self) -> ComposeResult:
        yield Static("", id="adjudicate-head")
        yield DataTable(id="adjudicate-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.articles = self.owner.call(disagreements, self.owner.store)
        self.show()

    def say(self, message: str, severity: str = "information") -> None:
        """Messages hold reviewer names (from others' stores, by merge) and errors: never markup."""
        self.notify(safe_line(message), severity=severity, timeout=4, markup=False)  # type: ignore[arg-type]

    def show(self, keep_row: int = 0) -> None:
        head = self.query_one("#adjudicate-head", Static)
        table = self.query_one(DataTable)
        table.clear(columns=True)
        if not self.articles:
            self.cmp = None
            head.update(Text("No article where reviewers disagree. Esc back."))
            return
        aid = self.articles[self.index]
        try:
            self.cmp = self.owner.call(compare, self.owner.store, aid)
            self.done = self.owner.call(settled, self.owner.store, self.cmp)
        except StoreError as exc:  # e.g. the reviewer coded it: say why, offer only n/p and Esc
            self.cmp = None
            lines: tuple[str, ...] = (f"{self.index + 1}/{len(self.articles)} · {aid}",
                                      f"{exc} · n/p article · Esc back")
            head.update(Text("\n").join(Text(safe_line(x), no_wrap=True, overflow="ellipsis") for x in lines))
            self.refresh_bindings()
            return
        self.refresh_bindings()
        cmp = self.cmp
        title = self.owner.call(self.owner.store.article, aid).title
        lines = (f"{self.index + 1}/{len(self.articles)} · {title}",
                 f"A = {cmp.a.reviewer}, B = {cmp.b.reviewer}; adjudicated as {self.owner.store.reviewer} · "
                 "a/b take A/B · A/B whole record · e edit · n/p article", self.unsettled_line())
        head.update(Text("\n").join(Text(safe_line(x), no_wrap=True, overflow="ellipsis") for x in lines))
        table.add_columns("", Text(safe_line(f"A: {cmp.a.reviewer}")),
                          Text(safe_line(f"B: {cmp.b.reviewer}")), "adjudicated")
        self.keys = []

        def row(key: tuple[str, int, str], what: str, va: str, vb: str, settled_value: str | None) -> None:
            mark = "" if va == vb else "≠ "
            self.keys.append(key)
            table.add_row(*(Text(cell(x)) for x in (mark + what, va, vb, settled_value or "")))

        row(("status", 0, ""), "status", cmp.a.status, cmp.b.status, self.done.get("status"))
        for i, _ in enumerate(cmp.pairs):
            adj = self.done["records"][i]
            undecided = self.done["undecided"][i]
            for slot, va, vb, _same in cmp.slot_rows(i):
                row(("record", i, slot), f"record {i + 1}: {slot}", va, vb,
                    UNDECIDED if {slot, WHOLE} & set(undecided) else show(adj, slot) if adj else None)
        article = self.owner.call(self.owner.store.article, aid, False)
        for i, (s, e, la, lb) in enumerate(cmp.entity_diffs):
            settled_label = self.done["entities"][i]
            row(("entity", i, ""), f"entity “{article.text[s:e]}”", la or "—", lb or "—",
                None if settled_label == "?" else (settled_label or "—"))
        table.move_cursor(row=min(keep_row, len(self.keys) - 1))
        table.focus()

    def unsettled_line(self) -> str:
        """Which adjudicated records still have undecided slots: they are not settled (nor exported)
        until each of those slots is taken or edited."""
        undecided = self.done.get("undecided", [])
        left = [f"record {i + 1} ({', '.join('keep or drop' if s == WHOLE else s for s in slots)})"
                for i, slots in enumerate(undecided) if slots]
        return f"not settled yet, still to decide: {' · '.join(left)}" if left else ""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """No take or edit keys in the footer while there is nothing this reviewer may settle."""
        if action in ("take", "take_record", "edit") and self.cmp is None:
            return False
        return True

    def _row(self) -> tuple[str, int, str] | None:
        table = self.query_one(DataTable)
        if self.cmp is None or not self.keys:
            return None
        return self.keys[min(table.cursor_row, len(self.keys) - 1)]

    def _apply(self, change: Any, what: str) -> bool:
        """Write one adjudication; whether it was written (a refusal is said)."""
        if not self.owner.store.writable:
            self.say("This store is open read-only: changes cannot be saved.", "error")
            return False
        try:
            self.owner.call(change)
        except StoreError as exc:
            self.say(str(exc), "error")
            return False
        self.changed = True
        self.show(keep_row=self.query_one(DataTable).cursor_row)
        left = self.unsettled_line()
        self.say(f"{what}; {left}" if left else what)
        return True

    def action_take(self, side: str) -> None:
        key, cmp = self._row(), self.cmp
        if key is None or cmp is None:
            return
        kind, i, slot = key
        st = self.owner.store
        name = cmp.a.reviewer if side == "a" else cmp.b.reviewer
        if kind == "status":
            self._apply(lambda: take_status(st, cmp, side), f"status from {name}")
        elif kind == "entity":
            self._apply(lambda: take_entity(st, cmp, i, side), f"entity from {name}")
        elif slot == "evidence" or cmp.pairs[i][0 if side == "a" else 1] is None:
            self._apply(lambda: take_record(st, cmp, i, side), f"record from {name}")
        else:
            self._apply(lambda: take_record(st, cmp, i, side, slot), f"{slot} from {name}")

    def action_take_record(self, side: str) -> None:
        key, cmp = self._row(), self.cmp
        if key is None or cmp is None or key[0] != "record":
            self.say("Put the cursor on a record's row first.", "warning")
            return
        name = cmp.a.reviewer if side == "a" else cmp.b.reviewer
        self._apply(lambda: take_record(self.owner.store, cmp, key[1], side), f"record from {name}")

    def action_edit(self) -> None:
        key, cmp = self._row(), self.cmp
        if key is None or cmp is None or key[0] != "record" or key[2] == "evidence":
            self.say("e edits a record's slot; on other rows take A or B.", "warning")
            return
        _, i, slot = key
        adj = self.done["records"][i]
        current = show(adj or cmp.pairs[i][0] or cmp.pairs[i][1], slot)

        def store(value: str) -> bool:
            parsed: Any = [p.strip() for p in value.split(",") if p.strip()] if slot == "partners" else (
                value.strip() or None)
            return self._apply(lambda: take_record(self.owner.store, cmp, i, "edit", slot, parsed),
                               f"{slot} edited")

        def typed(value: str | None) -> None:
            if value is not None:
                store(value)

        self.app.push_screen(EditValue(slot, current, store), typed)

    def action_article(self, step: int) -> None:
        if not self.articles:
            return
        self.index = (self.index + step) % len(self.articles)
        self.show()

    def action_close(self) -> None:
        self.app.pop_screen()
        if self.changed:
            self.app.workbench.post_message(StoreChanged())  # type: ignore[attr-defined]


SCREEN = AdjudicateScreen
