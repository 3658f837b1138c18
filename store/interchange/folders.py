"""Exports that are a folder (brat; spaCy DocBin parts), written whole or not at all.

The files go into a temp folder beside the destination; at the end one ``syncfs`` makes them all
durable (one flush for the whole folder instead of an fsync per file: a brat export of 100k
articles is 200k files), then the temp folder is swapped in and the parent folder synced. An
error or Ctrl-C removes the temp folder and leaves the old one (or none). An existing folder is
replaced only when it is empty or an export of the same kind (``ours``), never a folder of
someone's other files.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from store.disk.atomic import fsync_dir, shared_mode
from store.errors import StoreError


def sync_folder(folder: Path) -> None:
    """Everything written under ``folder`` (its file system, in fact) reaches the disk:
    ``syncfs`` where the C library has it, else ``sync``."""
    libc_name = ctypes.util.find_library("c")
    syncfs = getattr(ctypes.CDLL(libc_name, use_errno=True), "syncfs", None) if libc_name else None
    if syncfs is None:  # pragma: no cover - not Linux
        os.sync()
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        if syncfs(fd) != 0:  # pragma: no cover - the disk failed
            err = ctypes.get_errno()
            raise OSError(err, os.strerror(err))
    finally:
        os.close(fd)


def write_all(fd: int, data: bytes) -> None:
    """All of ``data`` to a file descriptor (``os.write`` may write part of it)."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


_NEW = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)


def write_new(path: Path | str, data: bytes, dir_fd: int | None = None) -> None:
    """A new file in a temp folder (made durable by ``sync_folder`` later, not one by one);
    ``path`` is a name inside the folder open as ``dir_fd`` when that is given (the kernel then
    looks up one name, not the whole path: a brat export makes two files an article)."""
    fd = os.open(path, _NEW, 0o666, dir_fd=dir_fd)
    try:
        write_all(fd, data)
    finally:
        os.close(fd)


@contextmanager
def replacing_folder(folder: Path, ours: Callable[[Path], bool], kind: str) -> Iterator[Path]:
    """A temp folder to fill that replaces ``folder`` when the block ends without an error (see
    the module's docstring). ``kind`` names the export in messages ("a brat export")."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise StoreError(f"cannot write {folder}: it is a file ({kind} is a folder)")
    if folder.is_dir() and any(folder.iterdir()) and not ours(folder):
        raise StoreError(f"{folder} is a folder that is not {kind}; name a new or empty folder")
    parent = folder.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".tmp", dir=parent))
        tmp.chmod(shared_mode(folder, folder=True))  # for people and tools, not mkdtemp's 0700
    except OSError as exc:
        raise StoreError(f"cannot write {folder}: {exc.strerror or exc}") from exc
    try:
        yield tmp
        sync_folder(tmp)
        fsync_dir(tmp)
        old = None
        if folder.exists():
            old = parent / f".{folder.name}.old-{os.getpid()}"
            os.replace(folder, old)
        os.replace(tmp, folder)
        fsync_dir(parent)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise StoreError(f"cannot write {folder}: {exc.strerror or exc}") from exc
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise

