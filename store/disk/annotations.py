"""Reviewers' annotations: activity records, entity overrides, article status, saved searches.

Kept apart from the articles so a save touches a small file. The canonical form is a TinyDB
database (``annotations.json``, read and written through TinyDB with the atomic storage and
:class:`ChecksumMiddleware`) plus the journal of changes made since it was written
(``journal.jsonl``). Every change is one journal line (durable when ``apply`` returns); every
``COMPACT_EVERY`` changes, and on close, the state is written as a new snapshot and the old
snapshot and journal are kept in ``backups/`` (the last ``KEEP_BACKUPS`` generations), so a
broken snapshot can be restored without losing a change.

Readers take no lock: they read the journal before the snapshot, so a compaction between the two
reads cannot hide a change from them (see ``_load_once``). A snapshot behind the archived
journals (an old or emptied copy) is a gap, never a silently smaller state. Damaged journal lines
at the end are kept in ``damaged/`` before a writer cuts them, and ``notice`` says so. A journal
deleted or emptied behind the store's back is a gap too: when a change begins a journal, the
change it continues after is written beside it (``journal-begun.json``), so a journal that
should hold changes past the snapshot and holds none is reported, never read as "no changes".
"""

from __future__ import annotations

import contextlib
import os
import re
import zlib
from collections.abc import Container, Iterator, Sequence
from contextlib import AbstractContextManager, nullcontext
from datetime import timedelta
from pathlib import Path
from types import NoneType
from typing import Any

import orjson
from tinydb import TinyDB
from tinydb.middlewares import Middleware

from store.disk import storage
from store.disk.atomic import fsync_dir, own_dir, parse_json, read_own, write_bytes, write_json
from store.disk.journal import Journal, Scan
from store.disk.layout import BACKUPS, DAMAGED_DIR, JOURNAL, JOURNAL_BEGUN, SNAPSHOT, UNDO
from store.errors import CorruptFile, StoreError

TABLES = ("records", "overrides", "status", "searches", "rejections", "entity_rules")
# The tables every snapshot's checksum has always covered; the later ones (rejected suggestions,
# store-wide entity rules) join it only when they hold something, so a snapshot written before
# they existed, or one where they are empty, keeps the checksum it was sealed with.
_SEALED = TABLES[:4]
COMPACT_EVERY = 1000
KEEP_BACKUPS = 5


class ByArticle:
    """The keys of each article's rows, per table, for the tables read an article at a time
    (records: a list page's counts; overrides: every read of an article's entities, which scanned
    every correction of the store, so an import of K texts into a store of M corrections took
    K x M). Why one class: the file store and the database's mirror both keep it, through their one
    ``_put`` and ``_delete`` that every change, undo, load and replay goes through."""

    TABLES = ("records", "overrides")

    def __init__(self) -> None:
        self._keys: dict[str, dict[str, dict[str, None]]] = {t: {} for t in self.TABLES}

    def put(self, table: str, key: str, value: dict[str, Any], old: dict[str, Any] | None) -> None:
        """``value`` replaces ``old`` (None: a new row) at ``key``."""
        by = self._keys.get(table)
        if by is None:
            return
        if old is not None and old["article_id"] != value["article_id"]:
            self.delete(table, key, old)
        by.setdefault(value["article_id"], {})[key] = None

    def delete(self, table: str, key: str, old: dict[str, Any] | None) -> None:
        by = self._keys.get(table)
        if by is None or old is None:
            return
        keys = by.get(old["article_id"])
        if keys is not None:
            keys.pop(key, None)
            if not keys:
                del by[old["article_id"]]

    def keys(self, table: str, article_id: str) -> list[str]:
        """The article's rows' keys, in the order they were first put."""
        return list(self._keys[table].get(article_id, ()))

    def count(self, table: str, article_id: str) -> int:
        return len(self._keys[table].get(article_id, ()))


CLOCK_SKEW = timedelta(days=1)  # another reviewer's clock may run ahead; a stamp beyond is made up
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")  # as ``tandai.bad_op`` asks, in a team database
_TEXT_OR_NULL = ("date_text", "location", "phase", "notes", "created", "updated")


def record_problem(value: dict[str, Any]) -> str | None:
    """Why the readers cannot trust a stored record, or None. They index, sort, hash, strip and slice
    its slots without asking (stats, exports, search, the workbench), and an older tandai's merge
    stored anything (``unit: null``, a dict as the unit): such a record is kept as stored but left out
    of what they read. A team database refuses these (``tandai.bad_op``), and its mirror leaves out
    what an older one holds, by this same rule."""
    for name in ("id", "article_id", "reviewer"):
        if type(value.get(name)) is not str or not value[name]:
            return f"record {name} is not a text"
    for name in ("type", "unit"):
        if type(value.get(name)) is not str or not value[name].strip():
            return f"record {name} is not a non-empty text"
    partners = value.get("partners", [])
    if type(partners) is not list or any(type(p) is not str for p in partners):
        return "record partners is not a list of texts"
    date = value.get("date")
    if date is not None and (type(date) is not str or not _DATE.fullmatch(date)):
        return "record date is not null or YYYY-MM-DD"
    personnel = value.get("personnel")
    if personnel is not None and (type(personnel) is not int or personnel < 0):
        return "record personnel is not null or a whole number"
    for name in _TEXT_OR_NULL:
        if type(value.get(name, "")) not in (str, NoneType):
            return f"record {name} is not a text"
    evidence = value.get("evidence") or []
    if type(evidence) is not list or not all(type(e) is dict and type(e.get("start")) is int
                                             and type(e.get("end")) is int and 0 <= e["start"] <= e["end"]
                                             for e in evidence):
        return "record evidence is not a list of spans"
    return None


def status_key(reviewer: str, article_id: str) -> str:
    return f"{reviewer}\x1f{article_id}"


def snapshot_digest(seq: object, data: dict[str, Any]) -> str:
    """Checksum of a snapshot's change number and tables, as written (orjson is deterministic and
    its output parses back to the same bytes): a flipped byte that still parses is damage too."""
    sealed: list[Any] = [data.get(t, {}) for t in _SEALED]
    sealed += [[t, data[t]] for t in TABLES[len(_SEALED):] if data.get(t)]
    return f"{zlib.crc32(orjson.dumps([seq, sealed])):08x}"


def snapshot_problem(data: dict[str, Any]) -> str | None:
    """Why a snapshot's checksum does not hold, or None. Snapshots written before it existed
    (schema 1, no ``crc``) are taken as they are."""
    meta = data.get("_meta", {}).get("1", {}) if isinstance(data.get("_meta"), dict) else {}
    if not isinstance(meta, dict) or (meta.get("schema") != 2 and "crc" not in meta):
        return None
    if meta.get("crc") != snapshot_digest(meta.get("seq"), data):
        return "does not match its checksum (damaged)"
    return None


class ChecksumMiddleware(Middleware):
    """TinyDB middleware for the snapshot: seals ``_meta`` with the checksum of what is written,
    and refuses (CorruptFile, naming the file) a snapshot whose checksum does not hold."""

    def read(self) -> dict[str, Any] | None:
        data: dict[str, Any] | None = self.storage.read()
        if data is not None:
            problem = snapshot_problem(data)
            if problem:
                path = getattr(self.storage, "path", SNAPSHOT)
                raise CorruptFile(path, f"{problem}; run `tandai check --repair`")
        return data

    def write(self, data: dict[str, Any]) -> None:
        meta = data.get("_meta", {}).get("1")
        if isinstance(meta, dict) and meta.get("schema") == 2:
            data = {**data, "_meta": {"1": {**meta, "crc": snapshot_digest(meta.get("seq"), data)}}}
        self.storage.write(data)

    def close(self) -> None:
        self.storage.close()


def write_snapshot(path: Path, seq: int, tables: dict[str, dict[str, dict[str, Any]]]) -> None:
    """Write a snapshot through TinyDB (one atomic write; the middleware adds the checksum)."""
    docs: dict[str, list[dict[str, Any]]] = {"_meta": [{"schema": 2, "seq": seq}]}
    for table in TABLES:
        docs[table] = [{"_key": key, **value} for key, value in tables.get(table, {}).items()]
    storage.rewrite(path, docs, middleware=ChecksumMiddleware)


def journal_begun(directory: Path) -> int | None:
    """The change the live journal continues after, as written when a change began it; None when
    no journal was begun since the last compaction (or the marker is unreadable: no alarm)."""
    try:
        data = read_own(directory / JOURNAL_BEGUN)
        value = orjson.loads(data)["after"] if data else None
    except (CorruptFile, orjson.JSONDecodeError, KeyError, TypeError):
        return None
    return value if isinstance(value, int) else None


def lost_journal(after: int | None, snapshot_seq: int, seqs: Container[int]) -> str | None:
    """Why the journal misses changes it was begun with (deleted or emptied), or None: a
    journal begun after change ``after`` holds after + 1 unless a snapshot already does (``seqs``:
    the changes the journals read hold). ``after`` must be read BEFORE the journal: the marker is
    written after the journal's first change and removed after it is archived, so a marker read
    first names a journal that held its first change when the journal was read, or a snapshot
    read later holds it; read after, it may name a journal begun since (a false alarm)."""
    if after is None or after < snapshot_seq or after + 1 in seqs:
        return None
    return (f"{JOURNAL} is missing or empty, but changes from {after + 1} on were saved to it "
            "(deleted or emptied?)")


def _archived_upto(backups: Path) -> list[int]:
    """The seq each archived journal ends at (its name says so); a snapshot must reach the last."""
    out = []
    for path in backups.glob("journal-upto-*.jsonl"):
        try:
            out.append(int(path.name[len("journal-upto-") : -len(".jsonl")]))
        except ValueError:
            continue
    return out


class Annotations:
    """The in-memory state of all annotation tables, loaded from snapshot + journal."""

    # held while a change is checked against what its caller read and made: nothing to hold
    # here (one writer, and nothing changes the tables behind it); a shared database's mirror,
    # which its listener catches up meanwhile, holds its lock (``store.pg.annotations``)
    lock: AbstractContextManager[Any] = nullcontext()

    def __init__(self, directory: Path, writable: bool) -> None:
        self.dir = directory
        self.writable = writable
        self.tables: dict[str, dict[str, dict[str, Any]]] = {t: {} for t in TABLES}
        self.seq = 0
        self._snapshot_seq = 0
        self._since_snapshot = 0
        self.by_article = ByArticle()
        # records the readers cannot trust (``record_problem``): kept as stored (snapshots, repair,
        # undo), never in ``tables``, which every reader reads
        self.unreadable: dict[str, dict[str, Any]] = {}
        self.dropped_bytes = 0
        self.damaged_lines = 0  # terminated journal lines at the end that could not be read
        self.damaged_copy: Path | None = None  # where the writer kept the journal before cutting them
        self.compaction_error: str | None = None
        self.journal = Journal(directory / JOURNAL)
        if writable:  # real folders only: a link here would send every write outside the store
            own_dir(directory, create=True)
            own_dir(directory / BACKUPS, create=True)
            own_dir(directory / DAMAGED_DIR, create=False)
        self._load()

    @property
    def notice(self) -> str | None:
        """What a person must be told on opening: damaged journal lines and records that cannot be
        read (never silently dropped)."""
        said = [x for x in (self._damaged_notice(), self._unreadable_notice()) if x]
        return " ".join(said) or None

    def _damaged_notice(self) -> str | None:
        if not self.damaged_lines:
            return None
        where = self.dir.name + "/" + JOURNAL
        what = (f"{where}: {self.damaged_lines} damaged line(s) at its end could not be read "
                "(a saved change may be lost)")
        if self.damaged_copy is not None:
            kept = f"{self.dir.name}/{DAMAGED_DIR}/{self.damaged_copy.name}"
            return f"{what}; the journal as it was is kept as {kept}."
        return f"{what}; `tandai check --repair` keeps a copy and removes them."

    def _unreadable_notice(self) -> str | None:
        if not self.unreadable:
            return None
        key, value = min(self.unreadable.items())
        more = f" (and {len(self.unreadable) - 1} more)" if len(self.unreadable) > 1 else ""
        return (f"record {str(key)[:40]} of article {str(value.get('article_id'))[:40]} cannot be read "
                f"({record_problem(value)}){more}: left out, kept as stored; `tandai check` names it.")

    # -- loading -------------------------------------------------------------------------

    def _load(self) -> None:
        # Readers do not take the lock, so a writer may compact while they read. The journal is
        # read first, then the backups listed, then the snapshot: the snapshot only ever moves
        # forward and is written before its journal is archived, so whatever journal was read,
        # the snapshot read after it joins up with it (see ``_load_once``). A repair moving files
        # aside can still be caught mid-way: a reader tries again; a writer holds the lock, so a
        # gap it sees is real.
        for attempt in range(3):
            found, gap = self._load_once()
            if gap is None:
                break
            if self.writable or attempt == 2:
                raise CorruptFile(self.dir / SNAPSHOT, f"{gap}; run `tandai check --repair`")
        self.dropped_bytes = found.torn
        self.damaged_lines = found.damaged
        if self.writable and (found.torn or found.damaged):
            self.damaged_copy = self.journal.cut(found)
            held = {e["seq"] for e in found.entries}
            if found.damaged and lost_journal(journal_begun(self.dir), self._snapshot_seq, held):
                # the damaged lines were what the journal began with: said in ``notice``, kept in
                # damaged/; the next change begins the journal again
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(self.dir / JOURNAL_BEGUN)

    def _load_once(self) -> tuple[Scan, str | None]:
        """Load journal + snapshot; returns the journal read and why changes are missing (or None).

        Why the order makes a reader consistent while a writer compacts (new snapshot S1, then the
        journal J0 archived, then a new J1 begun): if J0 was read, the snapshot is S0 (J0 replays
        on top) or S1 (J0's entries are all in it); if J1 was read, the snapshot is already S1 or
        later. Either way the result is at least what was acknowledged when the read began.
        """
        self.tables = {t: {} for t in TABLES}
        self.by_article = ByArticle()
        self.unreadable = {}
        self.seq = self._snapshot_seq = self._since_snapshot = 0
        begun = journal_begun(self.dir)  # first: see ``lost_journal``
        found = self.journal.read()
        archived = _archived_upto(self.dir / BACKUPS)
        snap = self.dir / SNAPSHOT
        db = storage.open_db(snap, middleware=ChecksumMiddleware)
        if storage.exists(db):  # read once, the checksum checked by the middleware
            self._load_snapshot(snap, db)
        elif archived:
            return found, "is missing, but backups show it existed"
        for entry in found.entries:
            if not isinstance(entry.get("seq"), int):
                raise CorruptFile(self.journal.path, "has an entry without a change number; "
                                                     "run `tandai check --repair`")
            if entry["seq"] <= self._snapshot_seq:
                continue
            if int(entry["seq"]) > self.seq + 1:
                return found, f"holds changes up to {self.seq}, the journal continues at {entry['seq']}"
            try:
                self._apply_entry(entry)
            except (KeyError, TypeError, ValueError, IndexError, AttributeError) as exc:
                raise CorruptFile(self.journal.path, f"has a malformed entry ({exc!r:.60}); "
                                                     "run `tandai check --repair`") from exc
            self._since_snapshot += 1
        lost = lost_journal(begun, self._snapshot_seq, {e["seq"] for e in found.entries})
        if lost is not None and not found.damaged:  # (damaged lines are reported as such)
            return found, lost
        if archived and self._snapshot_seq < max(archived):
            return found, (f"holds changes up to {self._snapshot_seq}, but the backups hold changes up to "
                           f"{max(archived)} (an old or emptied copy?)")
        return found, None

    def _load_snapshot(self, path: Path, db: TinyDB) -> None:
        try:
            meta = storage.first_doc(db, "_meta") or {}
            self._snapshot_seq = self.seq = int(meta.get("seq", 0))
            for table in TABLES:
                for doc in db.table(table, cache_size=0):
                    key = doc["_key"]
                    value = {k: v for k, v in doc.items() if k != "_key"}
                    self._put(table, key, value)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise CorruptFile(path, f"has a malformed entry ({exc!r})") from exc

    # -- changing --------------------------------------------------------------------------

    def _put(self, table: str, key: str, value: dict[str, Any]) -> None:
        if table == "records":
            if record_problem(value) is not None:
                self._delete(table, key)
                self.unreadable[key] = value
                return
            self.unreadable.pop(key, None)
        self.by_article.put(table, key, value, self.tables[table].get(key))
        self.tables[table][key] = value

    def _delete(self, table: str, key: str) -> None:
        if table == "records":
            self.unreadable.pop(key, None)
        self.by_article.delete(table, key, self.tables[table].pop(key, None))

    def _apply_entry(self, entry: dict[str, Any]) -> None:
        self.seq = max(self.seq, int(entry["seq"]))
        for op in entry["ops"]:
            if op[0] == "put":
                self._put(op[1], op[2], op[3])
            else:
                self._delete(op[1], op[2])

    def apply(self, ops: list[tuple[Any, ...]]) -> None:
        """Make a group of changes durable (one journal line), then visible. All or nothing."""
        if not self.writable:
            from store.errors import ReadOnlyStore

            raise ReadOnlyStore("this store is open read-only; changes cannot be saved")
        entry = {"seq": self.seq + 1, "ops": [list(op) for op in ops]}
        begins = self.journal.empty()
        self.journal.append(entry)  # raises StoreError, state unchanged
        if begins:
            self._mark_begun()
        self._apply_entry(entry)
        self._since_snapshot += 1
        if self._since_snapshot >= COMPACT_EVERY:
            # The change is already durable in the journal; a failed compaction must not make the
            # caller believe it failed. It is retried at the next change and on close.
            try:
                self.compact()
            except StoreError as exc:
                self.compaction_error = str(exc)
            else:
                self.compaction_error = None

    def _mark_begun(self) -> None:
        """Say (durably) that a journal now holds the changes after the snapshot. Written after
        the change itself, so a crash in between leaves no false alarm; failing to write it only
        loses the check, never the change."""
        try:
            write_bytes(self.dir / JOURNAL_BEGUN, orjson.dumps({"after": self._snapshot_seq}))
        except (OSError, StoreError):
            pass

    # -- what undoes a command (``Store.undoable``) -----------------------------------------------

    def position(self) -> int:
        """Where the changes stand: the last change's number. Not the journal's lines or bytes:
        each compaction (every close) empties the journal, and the number goes on from there."""
        return self.seq

    def moved_since(self, position: int, keys: Sequence[tuple[str, str]]) -> str | None:
        """Why the store is not where a command left it (``position``), or None. Any change since
        counts: the journal keeps no names, so which rows a change meant cannot be told apart."""
        if self.seq > position:
            n = self.seq - position
            return (f"{n} change{'s' if n > 1 else ''} {'were' if n > 1 else 'was'} saved since "
                    "(a workbench, or another program)")
        if self.seq < position:
            return f"the store holds changes up to {self.seq}, the command ended at {position} (put back?)"
        return None

    def keep_undo(self, kept: dict[str, Any]) -> None:
        """Keep what undoes the last command, durably (atomic: the old one or the new one)."""
        write_json(self.dir / UNDO, kept)

    def kept_undo(self) -> object:
        """What ``keep_undo`` kept, parsed; None when nothing is; CorruptFile naming it when it
        cannot be read or parsed (never followed through a link)."""
        data = read_own(self.dir / UNDO)
        return None if data is None else parse_json(self.dir / UNDO, data)

    # -- reading ---------------------------------------------------------------------------

    def last_change(self, table: str, key: str) -> tuple[str, str] | None:
        """Who last changed a row and how (a shared database's history says; the journal keeps
        no names): None, so a ``Conflict`` here is a plain message."""
        return None

    def get(self, table: str, key: str) -> dict[str, Any] | None:
        return self.tables[table].get(key)

    def stored(self, table: str, key: str) -> dict[str, Any] | None:
        """A row as stored, an unreadable record too (what undo puts back)."""
        found = self.tables[table].get(key)
        return self.unreadable.get(key) if found is None and table == "records" else found

    def stored_tables(self) -> dict[str, dict[str, dict[str, Any]]]:
        """Every table as stored, the unreadable records too: what a snapshot keeps."""
        if not self.unreadable:
            return self.tables
        return {**self.tables, "records": {**self.tables["records"], **self.unreadable}}

    def values(self, table: str) -> Iterator[dict[str, Any]]:
        return iter(self.tables[table].values())

    def record_ids_for(self, article_id: str) -> list[str]:
        return self.by_article.keys("records", article_id)

    def record_count(self, article_id: str) -> int:
        return self.by_article.count("records", article_id)

    def override_ids_for(self, article_id: str) -> list[str]:
        return self.by_article.keys("overrides", article_id)

    # -- snapshots ---------------------------------------------------------------------------

    def compact(self) -> None:
        """Write the state as a new snapshot; keep the previous one and its journal as a backup."""
        if not self.writable or (self._since_snapshot == 0 and (self.dir / SNAPSHOT).exists()):
            return
        backups = self.dir / BACKUPS
        snap = self.dir / SNAPSHOT
        jpath = self.dir / JOURNAL
        tag = f"{self.seq:012d}"
        try:
            if snap.exists():
                os.link(snap, backups / f"annotations-{self._snapshot_seq:012d}.json")
        except FileExistsError:
            pass
        except OSError as exc:
            raise StoreError(f"could not keep a backup of {snap}: {exc.strerror or exc}") from exc
        write_snapshot(snap, self.seq, self.stored_tables())
        self.journal.close()
        if jpath.exists():
            try:
                os.replace(jpath, backups / f"journal-upto-{tag}.jsonl")
            except OSError as exc:  # the new snapshot holds every entry: replay skips them
                raise StoreError(f"could not archive {jpath}: {exc.strerror or exc}") from exc
            fsync_dir(backups)
            fsync_dir(self.dir)
        with contextlib.suppress(FileNotFoundError):  # the snapshot holds what it promised
            os.unlink(self.dir / JOURNAL_BEGUN)
        self._snapshot_seq = self.seq
        self._since_snapshot = 0
        self._prune_backups(backups)

    @staticmethod
    def _prune_backups(backups: Path) -> None:
        for pattern in ("annotations-*.json", "journal-upto-*.jsonl"):
            old = sorted(backups.glob(pattern))
            for path in old[:-KEEP_BACKUPS]:
                try:
                    path.unlink()
                except OSError:
                    pass

    def close(self) -> None:
        if self.writable:
            try:
                self.compact()
            finally:
                self.journal.close()
