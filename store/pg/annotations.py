"""Reviewers' annotations in PostgreSQL, behind the interface of ``store.disk.annotations``.

The ``Store`` reads annotations from memory (``tables``: a mirror of ``tandai.annotations``)
and changes them through ``apply``, exactly as with the file store; only where a change goes
differs. Why a mirror: search filters and list pages ask for statuses and record counts per
keystroke, which must not wait on the network.

A change is one committed transaction: it takes the database's write lock (so change ids are
gapless and in commit order: a reader that has seen change N has seen every change before it),
checks that each row it touches still has the version this mirror read (optimistic
concurrency: someone else's change since then is a ``Conflict`` naming who and what, and the
mirror catches up so the caller shows their version), appends the change to ``tandai.changes``
(the history, and what other reviewers' mirrors replay) and writes the rows. It is acknowledged
(``apply`` returns) only after the commit. The database, not this module, decides who may change
what (row-level security: see ``store.pg.schema``); the checks here only make the message
clear before the database would refuse.

A connection that drops is reconnected; a change whose commit answer was lost is looked up by
its ``uid``, so it is neither lost nor made twice.

A save is one round trip and one fsync, the server's (its WAL, ``synchronous_commit`` on): the
mirror is memory only and nothing is written on this machine. No local fsync is needed because
the mirror is derived: it takes a change only after the commit returned (or after the change was
found committed by its ``uid``), so it never shows a change the database lacks, and it is read
again from the database on every open, so a crash of this process loses nothing acknowledged.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Iterator, Sequence
from typing import Any

import psycopg
from psycopg import errors as pgerrors
from psycopg.types.json import Jsonb

from store.disk.annotations import TABLES, ByArticle, record_problem
from store.errors import Conflict, ReadOnlyStore, StoreError
from store.pg.connection import ConnectionLost, connect, first_line, redact, reported

WHAT = {"records": "record", "overrides": "entity correction", "status": "status", "searches": "saved search"}
RECONNECT_FOR = 3.0  # seconds a change waits for a dropped connection before it is refused


# Conflict is store.Conflict, still importable from here
__all__ = ["Conflict", "Forbidden", "PgAnnotations", "bad_change", "bad_op"]


_KINDS = ("records", "overrides", "status", "searches")  # what tandai.annotations holds


def bad_op(op: Any) -> str | None:
    """Why an op of the history cannot be applied to the mirror or trusted by its readers, or None.
    The same checks as ``tandai.bad_op`` in the database, for changes written before it checked."""
    if not isinstance(op, list) or len(op) < 3 or op[0] not in ("put", "del") or op[1] not in _KINDS:
        return "not a put or del of records, overrides, status or searches"
    if not isinstance(op[2], str) or not op[2]:
        return "the key is not a non-empty text"
    if op[0] == "del":
        return None if len(op) == 3 else "a del has three elements"
    value = op[3] if len(op) == 4 else None
    if not isinstance(value, dict) or not isinstance(value.get("reviewer"), str):
        return "a put's value is not an object with a reviewer"
    if op[1] != "searches" and not isinstance(value.get("article_id"), str):
        return "article_id is not a text"
    if op[1] == "records":
        return _bad_record(value)
    return None


def _bad_record(value: dict[str, Any]) -> str | None:
    return record_problem(value)  # what the file store's readers are kept from, too


def bad_change(ops: Any) -> str | None:
    """Why a change of the history cannot be applied (all of it, or none), or None."""
    if not isinstance(ops, list):
        return "its ops are not a list"
    for number, op in enumerate(ops, 1):
        why = bad_op(op)
        if why is not None:
            return f"op {number}: {why}"
    return None


class Forbidden(StoreError):
    """The database does not let this reviewer change that row (another reviewer's)."""


class PgAnnotations:
    """The mirror of the database's annotations, and the one way to change them."""

    def __init__(self, url: str, writable: bool) -> None:
        self.url = url
        self.writable = writable
        self.notice: str | None = None
        self.tables: dict[str, dict[str, dict[str, Any]]] = {t: {} for t in TABLES}
        self.versions: dict[tuple[str, str], int] = {}
        self.by_article = ByArticle()
        self.unreadable: dict[str, dict[str, Any]] = {}  # (none: rows it cannot trust are left out, see load)
        self.seq = 0  # counts every change to the mirror (the Store keys its filter cache on it)
        self.caught_up = 0  # the last change id replayed from the database
        self.last_own = 0  # the id of the last change this mirror made (``position``)
        self.label = "change"  # what the next change is called (set by PgHistory)
        self.offline = False  # the listener found the database gone (see PgStore): do not wait
        self._mine: set[int] = set()  # change ids this mirror applied itself (not replayed again)
        self.skipped: list[str] = []  # others' changes catch_up could not apply (see take_skipped)
        self.lock = threading.RLock()
        self._conn: psycopg.Connection[Any] | None = connect(url, autocommit=True)  # transactions explicit
        with reported(url, "opening"):
            row = self._conn.execute(
                "SELECT current_user, pg_has_role(current_user, 'tandai_adjudicator', 'MEMBER')").fetchone()
        assert row is not None
        self.reviewer, self.adjudicator = str(row[0]), bool(row[1])
        self.load()

    # -- the connection --------------------------------------------------------------------------

    def connection(self) -> psycopg.Connection[Any]:
        if self._conn is None or self._conn.closed or self._conn.broken:
            if self._conn is not None:
                self._conn.close()
            self._conn = None
            try:
                self._conn = connect(self.url, autocommit=True)
            except StoreError as exc:
                raise ConnectionLost(f"connection to {redact(self.url)} lost, retrying ({exc})") from None
        return self._conn

    def _reconnect(self, wait: float) -> psycopg.Connection[Any] | None:
        deadline = time.monotonic() + wait
        while True:
            try:
                return self.connection()
            except StoreError:
                if time.monotonic() >= deadline:
                    return None
                time.sleep(0.2)

    # -- loading and catching up -----------------------------------------------------------------

    def load(self) -> None:
        """Read every annotation and the last change id in one consistent snapshot."""
        conn = self.connection()
        with self.lock, reported(self.url, "reading the annotations"):
            with conn.transaction():
                conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                last = conn.execute("SELECT coalesce(max(id), 0) FROM tandai.changes").fetchone()
                rows = conn.execute("SELECT kind, key, value, version FROM tandai.annotations").fetchall()
            self.tables = {t: {} for t in TABLES}
            self.versions, self.by_article = {}, ByArticle()
            bad = []
            for kind, key, value, version in rows:
                why = bad_op(["put", kind, key, value])
                if why is None:
                    self._put(kind, key, value, version)
                else:
                    bad.append(f"{kind}/{key}: {why}")
            if bad:  # written by hand into an older database: left out, never dropped silently
                more = f" (and {len(bad) - 1} more)" if len(bad) > 1 else ""
                self.notice = (f"ignored the row {bad[0]}{more}; the database owner should correct or "
                               "remove it in tandai.annotations")
            self.caught_up = int(last[0]) if last else 0
            self.seq += 1

    def catch_up(self) -> int:
        """Replay the changes others made since this mirror last looked; returns how many. Its
        own are in already: a change that succeeded had seen every earlier change to its rows.
        A change it cannot apply (written into an older database by hand) is skipped whole and
        named in ``skipped``: one bad row must not stop every open workbench."""
        with self.lock:
            conn = self.connection()
            try:
                rows = conn.execute("SELECT id, reviewer, ops FROM tandai.changes WHERE id > %s ORDER BY id",
                                    (self.caught_up,)).fetchall()
            except psycopg.OperationalError as exc:
                raise ConnectionLost(f"connection to {redact(self.url)} lost, retrying: "
                                     f"{first_line(exc)}") from None
            others = 0
            for change_id, reviewer, ops in rows:
                if change_id in self._mine:
                    self._mine.discard(change_id)
                else:
                    why = bad_change(ops)
                    if why is None:
                        self._replay(int(change_id), ops)
                        others += 1
                    else:
                        self.skipped.append(f"change {change_id} by {reviewer}: {why}")
                self.caught_up = int(change_id)
            return others

    def take_skipped(self) -> str | None:
        """One line naming the changes skipped since last asked, or None."""
        with self.lock:
            skipped, self.skipped = self.skipped, []
        if not skipped:
            return None
        more = f" (and {len(skipped) - 1} more)" if len(skipped) > 1 else ""
        return (f"ignored {skipped[0]}{more}: it cannot be applied; the database owner should remove it "
                "from tandai.changes")

    def _replay(self, change_id: int, ops: list[list[Any]]) -> None:
        for op in ops:
            if op[0] == "put":
                self._put(op[1], op[2], op[3], change_id)
            else:
                self._delete(op[1], op[2])

    def _put(self, table: str, key: str, value: dict[str, Any], version: int) -> None:
        self.by_article.put(table, key, value, self.tables[table].get(key))
        self.tables[table][key] = value
        self.versions[(table, key)] = version
        self.seq += 1

    def _delete(self, table: str, key: str) -> None:
        self.by_article.delete(table, key, self.tables[table].pop(key, None))
        self.versions.pop((table, key), None)
        self.seq += 1

    # -- changing --------------------------------------------------------------------------------

    def apply(self, ops: list[tuple[Any, ...]]) -> None:
        """Make a group of changes one committed transaction, then visible here. All or nothing."""
        if not self.writable:
            raise ReadOnlyStore("this store is open read-only; changes cannot be saved")
        with self.lock:
            uid = uuid.uuid4().hex
            clean = [list(op) for op in ops]
            try:
                change_id, clean = self._write(uid, clean)
            except psycopg.OperationalError as exc:
                change_id, clean = self._recover(uid, clean, exc)
            self._replay(change_id, clean)
            self.last_own = change_id
            if change_id == self.caught_up + 1:  # ids are gapless: nothing of others' in between
                self.caught_up = change_id
            elif change_id > self.caught_up:
                self._mine.add(change_id)

    def has(self, change_id: int) -> bool:
        """Whether the mirror holds this change already (this store made it, or replayed it): the
        listener then need not wake anyone. Asked from the listener's thread: the news of this
        store's own change can only come once ``apply`` committed it, while ``apply`` still holds
        the lock, so waiting for the lock gives the right answer (after a second: "no", which
        only costs a catch-up that finds nothing)."""
        got = self.lock.acquire(timeout=1.0)
        try:
            return change_id <= self.caught_up or change_id in self._mine
        finally:
            if got:
                self.lock.release()

    def _recover(self, uid: str, ops: list[list[Any]], exc: Exception) -> tuple[int, list[list[Any]]]:
        """After a dropped connection: the change committed (found by uid), or is written again."""
        conn = self._reconnect(0.0 if self.offline else RECONNECT_FOR)
        if conn is not None:
            try:
                row = conn.execute("SELECT id, ops FROM tandai.changes WHERE uid = %s", (uid,)).fetchone()
                if row is not None:
                    return int(row[0]), row[1]
                return self._write(uid, ops)
            except psycopg.OperationalError as again:
                exc = again
        raise ConnectionLost(f"connection to {redact(self.url)} lost, retrying; this change is not "
                             f"saved yet ({first_line(exc)})")

    def _write(self, uid: str, ops: list[list[Any]]) -> tuple[int, list[list[Any]]]:
        """One statement (``tandai.apply_change``: checks, history, rows), committed on return."""
        self._check_owners(ops)
        expected = [self.versions.get((op[1], op[2])) for op in ops]
        conn = self.connection()
        try:
            row = conn.execute("SELECT tandai.apply_change(%s, %s, %s, %s)",
                               (uid, self.label, Jsonb(ops), Jsonb(expected))).fetchone()
        except (pgerrors.InsufficientPrivilege, pgerrors.CheckViolation) as exc:
            why = first_line(exc)
            raise Forbidden(f"the database refused this change for {self.reviewer}: {why}") from None
        except psycopg.OperationalError:
            raise
        except psycopg.Error as exc:
            if exc.sqlstate != "TD409":
                raise StoreError(f"the database refused this change: {first_line(exc)}") from None
            table, _, key = first_line(exc).partition("/")
            raise self._conflict(table, key) from None
        assert row is not None
        change_id = int(row[0])
        return change_id, [[*op[:3], {**op[3], "seq": change_id}] if op[0] == "put" and op[1] == "overrides"
                           else op for op in ops]

    def _check_owners(self, ops: list[list[Any]]) -> None:
        """Say whose row it is before the database refuses (it would only say "not yours")."""
        if self.adjudicator:
            return
        for op in ops:
            now = self.tables.get(op[1], {}).get(op[2])
            owners = {str(now.get("reviewer"))} if now else set()
            if op[0] == "put":
                owners.add(str(op[3].get("reviewer")))
            for owner in sorted(owners - {self.reviewer}):
                raise Forbidden(f"this {WHAT.get(op[1], op[1])} is {owner}'s: only {owner} or an "
                                "adjudicator may change it")

    def _conflict(self, table: str, key: str) -> Conflict:
        """Name who changed the row and how, then catch up so the caller shows their version."""
        who_how = self.last_change(table, key, after=self.versions.get((table, key), 0))
        try:
            self.catch_up()
        except (psycopg.Error, StoreError):
            pass
        return Conflict(WHAT.get(table, table), *(who_how or ("another reviewer", None)))

    def last_change(self, table: str, key: str, after: int = 0) -> tuple[str, str] | None:
        """Who made the last change to a row (after change id ``after``) and what it was called,
        with its time: what a ``Conflict`` says. None when the history has none or cannot be
        read now (the refusal then says less, but still refuses)."""
        try:
            row = self.connection().execute(
                "SELECT reviewer, label, to_char(at, 'HH24:MI:SS') FROM tandai.changes "
                "WHERE keys @> ARRAY[%s] AND id > %s ORDER BY id DESC LIMIT 1",
                (f"{table}/{key}", after)).fetchone()
        except (psycopg.Error, StoreError):
            return None
        return None if row is None else (str(row[0]), f"{row[1]} at {row[2]}")

    # -- what undoes a command (``Store.undoable``; the table ``tandai.undo``) ----------------------

    def position(self) -> int:
        """The id of the last change this mirror made: where a command that just ran left off."""
        return self.last_own

    def moved_since(self, position: int, keys: Sequence[tuple[str, str]]) -> str | None:
        """Why undoing the command that ended at change ``position`` would lose something, or None:
        a change since by this reviewer (a workbench's save, another program), or by anyone to a
        row the command changed. Others' changes to other rows lose nothing: a team store moves
        all day, and waiting for it to stand still would make undo useless there."""
        named = [f"{table}/{key}" for table, key in keys]
        with self.lock, reported(self.url, "looking for changes since the command"):
            row = self.connection().execute(
                "SELECT reviewer, label, to_char(at, 'HH24:MI:SS'), count(*) OVER () FROM tandai.changes "
                "WHERE id > %s AND (reviewer = current_user OR keys && %s::text[]) ORDER BY id DESC LIMIT 1",
                (position, named)).fetchone()
            if row is None:
                last = self.connection().execute("SELECT coalesce(max(id), 0) FROM tandai.changes").fetchone()
                if last is not None and int(last[0]) < position:
                    return (f"the database holds changes up to {last[0]}, the command ended at {position} "
                            "(put back?)")
                return None
        who, label, at, n = str(row[0]), str(row[1]), str(row[2]), int(row[3])
        more = f" (and {n - 1} more change{'s' if n > 2 else ''})" if n > 1 else ""
        if who == self.reviewer:
            return f"you saved {label!r} at {at} since{more}"
        return f"{who} changed its rows since ({label!r} at {at}){more}"

    def keep_undo(self, kept: dict[str, Any]) -> None:
        """Keep what undoes this reviewer's last command (one committed row, replacing the last)."""
        with self.lock, reported(self.url, "keeping what undoes this command"):
            self.connection().execute(
                "INSERT INTO tandai.undo (reviewer, kept) VALUES (current_user, %s) "
                "ON CONFLICT (reviewer) DO UPDATE SET kept = EXCLUDED.kept, at = now()", (Jsonb(kept),))

    def kept_undo(self) -> object:
        """What ``keep_undo`` kept for this reviewer, or None."""
        with self.lock, reported(self.url, "reading what undoes your last command"):
            row = self.connection().execute("SELECT kept FROM tandai.undo WHERE reviewer = current_user"
                                            ).fetchone()
        return None if row is None else row[0]

    # -- reading (the same as store.disk.annotations) --------------------------------------------

    def get(self, table: str, key: str) -> dict[str, Any] | None:
        return self.tables[table].get(key)

    stored = get  # (rows it cannot trust are not loaded at all: the database keeps them)

    def values(self, table: str) -> Iterator[dict[str, Any]]:
        return iter(list(self.tables[table].values()))

    def record_ids_for(self, article_id: str) -> list[str]:
        return self.by_article.keys("records", article_id)

    def record_count(self, article_id: str) -> int:
        return self.by_article.count("records", article_id)

    def override_ids_for(self, article_id: str) -> list[str]:
        return self.by_article.keys("overrides", article_id)

    def article_doc(self, article_id: str) -> dict[str, Any] | None:
        """One article's ``to_dict()`` from the database, or None when it is not there or the
        database cannot answer now (the caller then reads its cache). Never waits behind a save
        in progress on another thread (one waiting for the database's write lock would freeze a
        reader that only wants an article): the cache answers instead."""
        if self.offline or not self.lock.acquire(blocking=False):
            return None
        try:
            row = self.connection().execute("SELECT doc FROM tandai.articles WHERE id = %s",
                                            (article_id,)).fetchone()
        except (psycopg.Error, StoreError):
            return None
        finally:
            self.lock.release()
        return row[0] if row is not None and isinstance(row[0], dict) else None

    def history(self, limit: int = 50) -> list[dict[str, Any]]:
        """The last changes made by anyone, newest first (who, what, when)."""
        conn = self.connection()
        with reported(self.url, "reading the history"):
            rows = conn.execute("SELECT id, reviewer, label, at FROM tandai.changes "
                                "ORDER BY id DESC LIMIT %s", (limit,)).fetchall()
        return [{"id": r[0], "reviewer": r[1], "label": r[2], "at": r[3].isoformat()} for r in rows]

    def compact(self) -> None:
        """Nothing to fold: every change is already in the database."""

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
