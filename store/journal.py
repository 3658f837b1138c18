"""An append-only, checksummed, fsync'd journal of annotation changes.

Why a journal: a save must cost the same with 100 records or 20,000. Rewriting a 10 MB file on
every keystroke cannot do that; appending one line and fsyncing it can. Each line is
``<crc32 hex> <json>``. A crash can only tear the last line (it was never acknowledged, because
``append`` returns only after fsync), so replay drops a torn tail and treats a bad line followed
by good ones as corruption.
"""

from __future__ import annotations

import os
import zlib
from pathlib import Path
from typing import Any

import orjson

from .atomic import fsync_dir, write_bytes
from .errors import CorruptFile, StoreError


def encode_line(entry: dict[str, Any]) -> bytes:
    payload = orjson.dumps(entry)
    return b"%08x " % zlib.crc32(payload) + payload + b"\n"


def decode_line(line: bytes) -> dict[str, Any] | None:
    """Return the entry, or None when the line is torn or its checksum does not match."""
    if len(line) < 10 or line[8:9] != b" ":
        return None
    payload = line[9:]
    try:
        if int(line[:8], 16) != zlib.crc32(payload):
            return None
        entry = orjson.loads(payload)
    except ValueError:
        return None
    return entry if isinstance(entry, dict) else None


class Journal:
    """One journal file; the writer keeps it open for appending."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fh: Any = None

    def replay(self, repair: bool) -> tuple[list[dict[str, Any]], int]:
        """Read every valid entry. Returns (entries, bytes dropped from a torn tail).

        With ``repair`` (the writer), a torn tail is cut off so later appends start clean.
        """
        if not self.path.exists():
            return [], 0
        try:
            data = self.path.read_bytes()
        except OSError as exc:
            raise CorruptFile(self.path, f"cannot be read: {exc.strerror or exc}") from exc
        entries: list[dict[str, Any]] = []
        pos = 0
        good_end = 0
        while pos < len(data):
            nl = data.find(b"\n", pos)
            if nl == -1:  # no newline: a torn final append
                break
            entry = decode_line(data[pos:nl])
            if entry is None:
                rest = data[nl + 1 :]
                if any(decode_line(ln) for ln in rest.split(b"\n") if ln):
                    raise CorruptFile(self.path, f"damaged entry at byte {pos}, followed by valid ones")
                break
            entries.append(entry)
            pos = nl + 1
            good_end = pos
        dropped = len(data) - good_end
        if dropped and repair:
            with open(self.path, "r+b") as fh:
                fh.truncate(good_end)
                fh.flush()
                os.fsync(fh.fileno())
        return entries, dropped

    def append(self, entry: dict[str, Any]) -> None:
        """Append and fsync; on any failure the file is cut back, so no partial line remains."""
        line = encode_line(entry)
        if self._fh is None:
            created = not self.path.exists()
            try:
                self._fh = open(self.path, "ab")
            except OSError as exc:
                raise StoreError(f"could not open {self.path}: {exc.strerror or exc}") from exc
            if created:
                fsync_dir(self.path.parent)
        fh = self._fh
        size = fh.tell()
        try:
            fh.write(line)
            fh.flush()
            os.fsync(fh.fileno())
        except OSError as exc:
            self._cut_back(size)
            raise StoreError(f"could not save to {self.path}: {exc.strerror or exc}") from exc

    def _cut_back(self, size: int) -> None:
        try:
            self._fh.close()
        except OSError:
            pass
        self._fh = None
        try:
            with open(self.path, "r+b") as fh:
                fh.truncate(size)
                os.fsync(fh.fileno())
        except OSError:
            pass  # replay will drop the torn tail

    def reset(self) -> None:
        """Empty the journal atomically (after its entries reached a snapshot)."""
        self.close()
        write_bytes(self.path, b"")

    def close(self) -> None:
        if self._fh is not None:
            try:
                self._fh.close()
            finally:
                self._fh = None
