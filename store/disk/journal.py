"""An append-only, checksummed, fsync'd journal of annotation changes.

Why a journal: a save must cost the same with 100 records or 20,000. Rewriting a 10 MB file on
every keystroke cannot do that; appending one line and fsyncing it can. Each line is
``<crc32 hex> <json>\\n``, written with one ``write`` and acknowledged only after fsync.

What a crash can leave: a last line without its newline (a torn append, never acknowledged).
Only that is cut off silently. A line that ends in a newline but does not decode is *damage* (a
bit flip in an acknowledged change, or garbage written by something else): at the end of the
file the writer keeps a byte-for-byte copy in ``damaged/`` before cutting it, and says so; before
valid lines it is an error that ``tandai check --repair`` handles (it keeps every valid line).

The journal is opened without following links (see ``store.atomic``), and a journal that has a
second name (a hard link) is copied before it is appended to, so no other file ever changes.
"""

from __future__ import annotations

import os
import time
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from store.disk.atomic import fsync_dir, open_own, own_dir, read_own, write_bytes
from store.disk.layout import DAMAGED_DIR
from store.errors import CorruptFile, StoreError


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


@dataclass
class Scan:
    """What one read of the journal found."""

    data: bytes
    entries: list[dict[str, Any]] = field(default_factory=list)
    good_end: int = 0  # bytes up to the end of the last valid line
    torn: int = 0  # bytes of an unterminated last line (a torn append)
    damaged: int = 0  # terminated lines at the end that do not decode


def scan(path: Path, data: bytes) -> Scan:
    """Split ``data`` into valid entries, damaged terminated lines at the end, and a torn tail.

    A damaged line followed by a valid one raises CorruptFile: replaying past it would apply later
    changes without an earlier one; ``tandai check --repair`` keeps both sides.
    """
    out = Scan(data)
    pos = 0
    first_damage = -1
    while pos < len(data):
        nl = data.find(b"\n", pos)
        if nl == -1:  # no newline: a torn final append
            out.torn = len(data) - pos
            break
        entry = decode_line(data[pos:nl])
        if entry is None:
            out.damaged += 1
            first_damage = pos if first_damage < 0 else first_damage
        elif out.damaged:
            raise CorruptFile(path, f"damaged entry at byte {first_damage}, followed by valid ones; "
                                    "run `tandai check --repair` (it keeps every valid entry)")
        else:
            out.entries.append(entry)
            out.good_end = nl + 1
        pos = nl + 1
    return out


class Journal:
    """One journal file; the writer keeps it open for appending."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fh: Any = None

    def read(self) -> Scan:
        """Read the journal once (no link followed); a missing journal is an empty one."""
        data = read_own(self.path)
        return scan(self.path, data or b"")

    def cut(self, found: Scan) -> Path | None:
        """Cut what follows the last valid line. A damaged (terminated) line is never dropped
        without a copy: the journal as it was is first kept in ``damaged/``; returns that copy."""
        if not (found.torn or found.damaged):
            return None
        kept = None
        if found.damaged:
            folder = self.path.parent / DAMAGED_DIR
            own_dir(folder, create=True)
            stamp = time.strftime("%Y%m%d-%H%M%S")
            kept = folder / f"{self.path.stem}-{stamp}-{os.getpid()}{self.path.suffix}"
            n = 1
            while os.path.lexists(kept):
                n += 1
                kept = folder / f"{self.path.stem}-{stamp}-{os.getpid()}-{n}{self.path.suffix}"
            write_bytes(kept, found.data)
        self.close()
        try:
            fd = open_own(self.path, os.O_RDWR)
            try:
                os.ftruncate(fd, found.good_end)
                os.fsync(fd)
            finally:
                os.close(fd)
        except OSError as exc:
            why = exc.strerror or exc
            raise StoreError(f"could not cut the unreadable end of {self.path}: {why}") from exc
        return kept

    def _open_for_append(self) -> Any:
        created = not os.path.lexists(self.path)
        try:
            fd = open_own(self.path, os.O_RDWR | os.O_APPEND | os.O_CREAT)  # read: its last byte
        except OSError as exc:
            raise StoreError(f"could not open {self.path}: {exc.strerror or exc}") from exc
        try:
            st = os.fstat(fd)
            if st.st_nlink > 1:
                # A second name for these bytes (a hard link from elsewhere): appending would change
                # that file too. Give the journal its own copy first (atomic), then append to it.
                os.close(fd)
                fd = -1
                write_bytes(self.path, read_own(self.path) or b"")
                fd = open_own(self.path, os.O_RDWR | os.O_APPEND)
                st = os.fstat(fd)
            if st.st_size:
                last = os.pread(fd, 1, st.st_size - 1)
                if last != b"\n":  # a torn append left by a failed write: never glue onto it
                    data = read_own(self.path) or b""
                    os.ftruncate(fd, data.rfind(b"\n") + 1)
                    os.fsync(fd)
            fh = open(fd, "ab")  # builtin open: the crash test injects write faults here
        except OSError as exc:
            if fd >= 0:
                os.close(fd)
            raise StoreError(f"could not open {self.path}: {exc.strerror or exc}") from exc
        if created:
            fsync_dir(self.path.parent)
        return fh

    def empty(self) -> bool:
        """Whether the journal holds nothing yet (the next append begins it)."""
        if self._fh is not None:
            return bool(self._fh.tell() == 0)
        try:
            return os.lstat(self.path).st_size == 0
        except FileNotFoundError:
            return True

    def append(self, entry: dict[str, Any]) -> None:
        """Append and fsync; on any failure the file is cut back, so no partial line remains."""
        line = encode_line(entry)
        if self._fh is None:
            self._fh = self._open_for_append()
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
            fd = open_own(self.path, os.O_RDWR)
            try:
                os.ftruncate(fd, size)
                os.fsync(fd)
            finally:
                os.close(fd)
        except OSError:
            pass  # the next append (or open) cuts the torn tail before writing

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
