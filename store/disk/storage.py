"""TinyDB over tandai's durability: a Storage that writes atomically with orjson, and the two
ways the store uses it (read a whole file once; write a whole file anew in one atomic write).

TinyDB's own JSONStorage rewrites its file in place, so a crash mid-write corrupts it; this one
goes through :mod:`store.disk.atomic` (temp file, fsync, rename, fsync of the folder) and reads
only the store's own files (never through a link). Storage and Middleware are TinyDB's only
extension points, so TinyDB stays the canonical format: every store file opens with a stock
``TinyDB(path)`` for inspection. The small tables (manifest, annotation snapshot with the saved
searches) go through here; the journal is not TinyDB (one fsync'd line per change) and the
shards keep writing their TinyDB-shaped documents with orjson directly (speed: see BENCHMARKS).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.middlewares import CachingMiddleware, Middleware
from tinydb.storages import Storage
from tinydb.table import Document

from store.disk import atomic
from store.errors import CorruptFile, ReadOnlyStore

Tables = dict[str, dict[str, dict[str, Any]]]
MiddlewareClass = Callable[[Any], Middleware]


class AtomicJSONStorage(Storage):
    """Read the whole file once, write it whole and atomically; never touch it in place."""

    def __init__(self, path: str | Path, read_only: bool = False, **_: Any) -> None:
        self.path = Path(path)
        self.read_only = read_only

    def read(self) -> Tables | None:
        """The file's tables, None when it does not exist; CorruptFile (naming it) when it is
        unreadable, not JSON or not a TinyDB document."""
        data = atomic.read_own(self.path)
        if data is None:
            return None
        obj = atomic.parse_json(self.path, data)
        if not isinstance(obj, dict):
            raise CorruptFile(self.path, "is not a TinyDB document")
        return obj

    def write(self, data: Mapping[str, Mapping[str, Any]]) -> None:
        if self.read_only:
            raise ReadOnlyStore(f"{self.path} is open read-only")
        atomic.write_json(self.path, data)

    def close(self) -> None:
        pass


def _storage(middleware: MiddlewareClass | None) -> CachingMiddleware:
    """Caching outermost: TinyDB reads a file once per open, and a rewrite reaches the disk as
    one atomic write on close (never a half-built file between drop and insert)."""
    inner: Any = middleware(AtomicJSONStorage) if middleware is not None else AtomicJSONStorage
    return CachingMiddleware(inner)  # type: ignore[no-untyped-call]  # (tinydb leaves it untyped)


def open_db(path: Path, read_only: bool = True, middleware: MiddlewareClass | None = None) -> TinyDB:
    """A TinyDB over the atomic storage; it reads the file at most once."""
    return TinyDB(path, storage=_storage(middleware), read_only=read_only)


def exists(db: TinyDB) -> bool:
    """Whether the database's file was there when it was (first) read."""
    return db.storage.read() is not None


def rewrite(path: Path, tables: Mapping[str, Iterable[Mapping[str, Any]]],
            middleware: MiddlewareClass | None = None) -> None:
    """Replace a TinyDB file by these tables (documents numbered from 1), in one atomic write.

    The old file is not read (a damaged one is being replaced). Nothing is written if building
    the tables fails: the cache is flushed only after the last insert.
    """
    db = TinyDB(path, storage=_storage(middleware), read_only=False)
    db.drop_tables()
    for name, docs in tables.items():
        db.table(name, cache_size=0).insert_multiple(
            Document(doc, doc_id=i) for i, doc in enumerate(docs, 1))
    db.close()  # flushes the one write


def first_doc(db: TinyDB, table: str) -> dict[str, Any] | None:
    """Document 1 of a one-row table (the manifest's ``meta``), None when there is none."""
    doc = db.table(table, cache_size=0).get(doc_id=1)
    return dict(doc) if isinstance(doc, Mapping) else None
