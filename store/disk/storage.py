"""A TinyDB storage that writes atomically with orjson.

TinyDB's own JSONStorage rewrites its file in place, so a crash mid-write corrupts it; this one
goes through :mod:`store.atomic`. It is TinyDB's extension point, so TinyDB stays the canonical
format: every store file can be opened with plain ``TinyDB(path)`` for inspection.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.storages import Storage

from store.disk import atomic


class AtomicJSONStorage(Storage):
    """Read the whole file once, write it whole and atomically; never touch it in place."""

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only

    def read(self) -> dict[str, dict[str, Any]] | None:
        if not self.path.exists():
            return None
        data = atomic.read_json(self.path)
        if not isinstance(data, dict):
            from store.errors import CorruptFile

            raise CorruptFile(self.path, "is not a TinyDB document (top level is not an object)")
        return data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        if self.read_only:
            from store.errors import ReadOnlyStore

            raise ReadOnlyStore(f"{self.path} is open read-only")
        atomic.write_json(self.path, data)

    def close(self) -> None:
        pass


def open_db(path: Path, read_only: bool = False) -> TinyDB:
    """Open a TinyDB database file over the atomic storage (no query cache surprises)."""
    return TinyDB(path, storage=AtomicJSONStorage, read_only=read_only)
