"""Changes to the annotations, typed, and the undo/redo history of one open Store.

A change is a group of ``Put``/``Delete`` operations that is journalled as one line (all or
nothing) and undone as one step. On disk an operation stays what it always was, a JSON list
(``["put", table, key, value]`` or ``["del", table, key]``), so stores written before these types
existed open unchanged; the types exist so that code names ``op.table`` instead of ``op[1]``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from store.disk.annotations import Annotations

UNDO_DEPTH = 500  # steps kept; older ones are forgotten (the journal still holds them)


@dataclass(frozen=True, slots=True)
class Put:
    """Store ``value`` under ``key`` in ``table`` (replacing what was there)."""

    table: str
    key: str
    value: dict[str, Any]

    def journal(self) -> tuple[Any, ...]:
        return ("put", self.table, self.key, self.value)


@dataclass(frozen=True, slots=True)
class Delete:
    """Remove ``key`` from ``table`` (nothing happens when it is not there)."""

    table: str
    key: str

    def journal(self) -> tuple[Any, ...]:
        return ("del", self.table, self.key)


Op = Put | Delete


def from_journal(raw: Sequence[Any]) -> Op:
    """An operation as the journal holds it (a list) back to its type; ValueError when malformed."""
    if len(raw) == 4 and raw[0] == "put" and isinstance(raw[3], dict):
        return Put(str(raw[1]), str(raw[2]), raw[3])
    if len(raw) >= 3 and raw[0] == "del":
        return Delete(str(raw[1]), str(raw[2]))
    raise ValueError(f"not a journal operation: {raw!r:.80}")


@dataclass(frozen=True, slots=True)
class Change:
    """One undoable step: what it is called, its operations, and the operations that undo it."""

    label: str
    ops: tuple[Op, ...]
    inverse: tuple[Op, ...]

    def article_id(self) -> str | None:
        """The article this change touches (records, status and overrides all carry one)."""
        for op in (*self.ops, *self.inverse):
            if isinstance(op, Put) and isinstance(op.value.get("article_id"), str) and op.value["article_id"]:
                return str(op.value["article_id"])
        return None


class History:
    """Applies changes through the annotations and keeps what undo and redo need."""

    def __init__(self, annotations: Annotations) -> None:
        self.annotations = annotations
        self.undo_stack: list[Change] = []
        self.redo_stack: list[Change] = []

    def _apply(self, ops: Sequence[Op]) -> None:
        self.annotations.apply([op.journal() for op in ops])

    def _inverse(self, ops: Sequence[Op]) -> tuple[Op, ...]:
        inverse: list[Op] = []
        for op in ops:
            old = self.annotations.stored(op.table, op.key)  # an unreadable record is put back too
            inverse.append(Put(op.table, op.key, old) if old is not None else Delete(op.table, op.key))
        return tuple(reversed(inverse))

    def change(self, label: str, ops: Sequence[Op]) -> None:
        """Make ``ops`` durable as one step and remember how to undo it."""
        inverse = self._inverse(ops)
        self._apply(ops)
        self.undo_stack.append(Change(label, tuple(ops), inverse))
        del self.undo_stack[:-UNDO_DEPTH]
        self.redo_stack.clear()

    def undo(self) -> str | None:
        if not self.undo_stack:
            return None
        step = self.undo_stack[-1]
        self._apply(step.inverse)
        self.undo_stack.pop()
        self.redo_stack.append(step)
        return step.label

    def redo(self) -> str | None:
        if not self.redo_stack:
            return None
        step = self.redo_stack[-1]
        self._apply(step.ops)
        self.redo_stack.pop()
        self.undo_stack.append(step)
        return step.label
