"""Atomic, durable file writes: temp file, fsync, ``os.replace``, fsync of the directory.

A crash at any moment leaves either the old file or the new one, never a mix. This is the only
place in tandai that writes whole files; everything else goes through it.

It is also where a store's own files are opened without following symbolic links: a store may
come from someone else, and a link inside it (``journal.jsonl -> ~/.bashrc``) must never make
tandai read, truncate or write a file outside the store. ``os.replace`` replaces a link itself,
never its target, and ``mkstemp`` creates with ``O_EXCL``, so writes cannot be redirected either.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import orjson

from store.errors import CorruptFile, NoPermission, StoreError, denied, permission_problem

NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
CLOEXEC = getattr(os, "O_CLOEXEC", 0)
LINK_REASON = "is a symbolic link; tandai never follows links inside a store (move it away)"


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


def fsync_tree(root: Path) -> None:
    """Make every file and folder under ``root`` durable (before it is renamed into place: a
    crash after the rename must not leave a store whose files the disk never got). Links are not
    followed; a file already synced costs little."""
    for folder, _, files in os.walk(root):
        for name in files:
            try:
                fd = os.open(os.path.join(folder, name), os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
            except OSError:
                continue  # (a link)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
        fsync_dir(Path(folder))


def open_own(path: Path, flags: int, mode: int = 0o644) -> int:
    """Open one of a store's own files without following a link; only regular files.

    Raises CorruptFile naming the file when it is a link or not a regular file, and OSError for
    anything else (FileNotFoundError when it does not exist and ``flags`` does not create it).
    """
    if not NOFOLLOW and os.path.islink(path):  # pragma: no cover - platforms without O_NOFOLLOW
        raise CorruptFile(path, LINK_REASON)
    try:
        fd = os.open(path, flags | NOFOLLOW | CLOEXEC | getattr(os, "O_NONBLOCK", 0), mode)
    except OSError as exc:
        if os.path.islink(path):  # ELOOP (Linux) or EMLINK/EFTYPE (BSDs): a link
            raise CorruptFile(path, LINK_REASON) from exc
        if os.path.isdir(path):
            raise CorruptFile(path, "is a folder, not a file") from exc
        raise
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise CorruptFile(path, "is not a regular file")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    return fd


def read_own(path: Path) -> bytes | None:
    """The bytes of one of a store's own files, None when it does not exist (see ``open_own``)."""
    try:
        fd = open_own(path, os.O_RDONLY)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise _unreadable(path, exc) from exc
    try:
        with os.fdopen(fd, "rb") as fh:
            return fh.read()
    except OSError as exc:
        raise _unreadable(path, exc) from exc


def _unreadable(path: Path, exc: OSError) -> CorruptFile:
    """A read the OS refused: damage for check to name, or (EACCES, EPERM) a permission problem."""
    if denied(exc):
        return NoPermission(path, f"cannot be read: {exc.strerror}; {permission_problem(path)}")
    return CorruptFile(path, f"cannot be read: {exc.strerror or exc}")


def own_dir(path: Path, create: bool) -> None:
    """Check (and with ``create``, make) a folder of the store: a real folder, not a link or file."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        if not create:
            return
        try:
            os.mkdir(path)
        except FileExistsError:  # made meanwhile: check what it is
            return own_dir(path, create=False)
        except OSError as exc:
            raise StoreError(f"cannot create {path}: {exc.strerror or exc}") from exc
        fsync_dir(path.parent)  # the new folder's entry must survive a crash like its files
        return
    except OSError as exc:
        raise StoreError(f"cannot use {path}: {exc.strerror or exc}") from exc
    if stat.S_ISLNK(st.st_mode):
        raise CorruptFile(path, f"{LINK_REASON}; run `tandai check --repair`")
    if not stat.S_ISDIR(st.st_mode):
        raise CorruptFile(path, "should be a folder but is a file; run `tandai check --repair`")


def umask() -> int:
    """This process's umask, read where Linux shows it (setting it to read it back would change it
    for every thread meanwhile); the usual 022 where it cannot be read."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return 0o022


def shared_mode(path: Path, folder: bool = False) -> int:
    """The permissions of a file (or folder) written for people and other tools, not for the store
    itself (an export): those of the one it replaces, else what any new one gets (0666, 0777 for a
    folder, less the umask), never the temp file's private 0600 / 0700."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        return (0o777 if folder else 0o666) & ~umask()


@contextlib.contextmanager
def replacing(path: Path, shared: bool = False) -> Iterator[IO[bytes]]:
    """A file to write that replaces ``path`` atomically and durably when the block ends without
    an error (temp file, fsync, ``os.replace``, fsync of the folder); on any error the temp file
    goes and ``path`` is as it was. OS failures become StoreError. Streams: an export of 100k
    articles never holds the file in memory. ``shared``: the file is for people and other tools
    (an export) and gets ``shared_mode``; a store's own files stay the temp file's 0600."""
    path = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        if shared:
            os.fchmod(fd, shared_mode(path))
    except OSError as exc:
        raise StoreError(f"could not write {path}: {exc.strerror or exc}") from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise StoreError(f"could not write {path}: {exc.strerror or exc}") from exc
        raise
    fsync_dir(path.parent)


def write_bytes(path: Path, data: bytes, shared: bool = False) -> None:
    """Replace ``path`` with ``data`` atomically and durably; raise StoreError on any OS failure
    (``shared``: see ``replacing``)."""
    with replacing(path, shared) as fh:
        fh.write(data)


def write_json(path: Path, obj: object) -> None:
    """Serialise with orjson (fast, strict) and write atomically."""
    write_bytes(path, orjson.dumps(obj))


def read_json(path: Path) -> object:
    """Read a JSON file; a truncated or broken one raises CorruptFile naming the file."""
    data = read_own(Path(path))
    if data is None:
        raise CorruptFile(path, "cannot be read: No such file or directory")
    return parse_json(path, data)


def parse_json(path: Path, data: bytes) -> object:
    """Parse bytes already read from ``path``; CorruptFile naming it when they are not JSON."""
    if not data.strip():
        raise CorruptFile(path, "is empty (truncated?)")
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        raise CorruptFile(path, f"is not valid JSON ({exc})") from exc
