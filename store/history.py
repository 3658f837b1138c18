"""Changes to the annotations, typed, and the undo/redo history of one open Store.

A change is a group of ``Put``/``Delete`` operations that is journalled as one line (all or
nothing) and undone as one step. On disk an operation stays what it always was, a JSON list
(``["put", table, key, value]`` or ``["del", table, key]``), so stores written before these types
existed open unchanged; the types exist so that code names ``op.table`` instead of ``op[1]``.

The undo stack lives in the process that made the changes. What a command (``tandai merge``,
``import``) changed must be undoable after that process is gone, so while a ``History`` is
``gathering`` it keeps, per row, how the row was before the first change to it: the one inverse
of all the command's changes, which the Store keeps in the store as a :class:`KeptUndo`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

import orjson

from store.disk.annotations import TABLES, Annotations

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
        # while a command runs (``Store.undoable``): each row it changed, as it was before
        self.gathered: dict[tuple[str, str], Op] | None = None

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
        if self.gathered is not None:  # (a row twice in one change: both inverses are the row before it)
            for op in inverse:
                self.gathered.setdefault((op.table, op.key), op)
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


# what the tables are called in a sentence, in its order (``KeptUndo.summary``)
_NAMED = {"records": ("record", "records"), "status": ("status", "statuses"),
          "overrides": ("correction", "corrections"), "searches": ("saved search", "saved searches"),
          "rejections": ("rejected suggestion", "rejected suggestions"),
          "entity_rules": ("everywhere correction", "everywhere corrections")}


def rows_digest(annotations: Annotations, keys: Iterable[tuple[str, str]]) -> str:
    """A checksum of these rows as stored now (absent ones too): whether a store is still as a
    command left it, whatever its change number says (a store put back from an older copy). Keys
    sorted: a database hands a row back with its keys in its own order (jsonb)."""
    rows = [[table, key, annotations.stored(table, key)] for table, key in keys]
    return hashlib.sha256(orjson.dumps(rows, option=orjson.OPT_SORT_KEYS)).hexdigest()[:32]


@dataclass(frozen=True, slots=True)
class KeptUndo:
    """What undoes the last command's change, as the store keeps it (``Store.undo_command``).

    ``after`` is where the store's changes stood right after the command (a file store's change
    number, which compaction keeps, unlike the journal's lines and bytes; a database's change id):
    a later change means a workbench or a program saved something since, which undoing would lose.
    ``digest`` is the rows the command touched as it left them (``rows_digest``)."""

    label: str
    after: int
    digest: str
    inverse: tuple[Op, ...]
    articles: int = 0  # articles it added: they stay (an undo takes back annotations, as after an ingest)
    undone: bool = False

    def to_json(self) -> dict[str, Any]:
        return {"label": self.label, "after": self.after, "digest": self.digest, "articles": self.articles,
                "undone": self.undone, "counts": self.counts(),
                "inverse": [op.journal() for op in self.inverse]}

    @classmethod
    def from_json(cls, data: Any) -> KeptUndo:
        """Back from ``to_json``; ValueError saying what is wrong when it is not one."""
        if not isinstance(data, dict):
            raise ValueError("not an object")
        label, after, digest = data.get("label"), data.get("after"), data.get("digest")
        articles, undone, raw = data.get("articles", 0), data.get("undone", False), data.get("inverse")
        if not isinstance(label, str) or not label or type(after) is not int or not isinstance(digest, str):
            raise ValueError("its label, position or checksum is missing")
        if type(articles) is not int or type(undone) is not bool or not isinstance(raw, list):
            raise ValueError("its article count, undone flag or operations are missing")
        inverse = []
        for op in raw:
            if not isinstance(op, list) or len(op) < 3 or op[1] not in TABLES or not isinstance(op[2], str):
                raise ValueError(f"not an operation on a table: {op!r:.60}")
            inverse.append(from_journal(op))
        return cls(label, after, digest, tuple(inverse), articles, undone)

    def counts(self) -> dict[str, int]:
        """How many rows of each table the command changed."""
        out: dict[str, int] = {}
        for op in self.inverse:
            out[op.table] = out.get(op.table, 0) + 1
        return out

    def summary(self) -> str:
        """``merge of 2 sources (14 records, 3 statuses)``: the label and what it changed."""
        counts = self.counts()
        parts = [f"{counts[t]} {names[counts[t] != 1]}" for t, names in _NAMED.items() if t in counts]
        return f"{self.label} ({', '.join(parts) or 'nothing'})"

    def done(self) -> KeptUndo:
        """What the store keeps once it is undone: its name, to say so (no operations)."""
        return replace(self, inverse=(), undone=True)
