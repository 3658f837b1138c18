"""Atomic, durable file writes: temp file, fsync, ``os.replace``, fsync of the directory.

A crash at any moment leaves either the old file or the new one, never a mix. This is the only
place in tandai that writes whole files; everything else goes through it.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import orjson

from .errors import CorruptFile, StoreError


def fsync_dir(directory: Path) -> None:
    """Make a rename durable: the directory entry must reach the disk too (POSIX)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:  # pragma: no cover - platforms without directory fds
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(fd)


def write_bytes(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically and durably; raise StoreError on any OS failure."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise StoreError(f"could not write {path}: {exc.strerror or exc}") from exc
    fsync_dir(path.parent)


def write_json(path: Path, obj: object) -> None:
    """Serialise with orjson (fast, strict) and write atomically."""
    write_bytes(path, orjson.dumps(obj))


def read_json(path: Path) -> object:
    """Read a JSON file; a truncated or broken one raises CorruptFile naming the file."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise CorruptFile(path, f"cannot be read: {exc.strerror or exc}") from exc
    if not data.strip():
        raise CorruptFile(path, "is empty (truncated?)")
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        raise CorruptFile(path, f"is not valid JSON ({exc})") from exc
