"""One writer per store: an OS file lock (released by the kernel if the process dies).

The holder writes who it is into the lock file (earlier versions used ``write.owner``, which is
no longer read or written).

The lock file is opened without following links and never truncated: a store received from
someone else may hold ``write.lock -> ~/important``, and taking the lock must not touch that file.
When the lock cannot be taken for another reason than a second writer (a read-only mount, a
folder or a link where the file should be), ``problem`` says why, so the store opens read-only
and says so instead of failing with an OS error.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path

from store.disk.atomic import open_own, read_own
from store.disk.layout import LOCK_FILE  # the file also says who holds it ("pid N on host")
from store.errors import CorruptFile, StoreError

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: filelock's msvcrt lock
    fcntl = None  # type: ignore[assignment]



def _printable(text: str, limit: int = 80) -> str:
    """The owner file is data from disk: no control characters reach a message or a terminal."""
    return "".join(c if c.isprintable() else "?" for c in text)[:limit]


class WriterLock:
    """Non-blocking writer lock; records who holds it so the next process can say so."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.problem: str | None = None
        self._fd: int | None = None
        self._fallback = None
        if fcntl is None:  # pragma: no cover
            from filelock import FileLock

            self._fallback = FileLock(str(root / LOCK_FILE), timeout=0, thread_local=False,
                                      is_singleton=False)

    def acquire(self) -> bool:
        """True when this process now holds the lock. False when another process holds it, or when
        it cannot be taken at all (then ``problem`` says why)."""
        self.problem = None
        if self._fallback is not None:  # pragma: no cover
            from filelock import Timeout

            try:
                self._fallback.acquire(timeout=0)
            except Timeout:
                return False
            except OSError as exc:
                self.problem = f"{LOCK_FILE} cannot be created ({exc.strerror or exc})"
                return False
        else:
            try:
                fd = open_own(self.root / LOCK_FILE, os.O_RDWR | os.O_CREAT)
            except CorruptFile as exc:  # a link or a folder in its place
                self.problem = f"{LOCK_FILE} cannot be used: it {exc.reason}"
                return False
            except OSError as exc:  # a read-only mount, no permission
                self.problem = f"{LOCK_FILE} cannot be opened ({exc.strerror or exc})"
                return False
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(fd)
                return False
            except OSError as exc:
                os.close(fd)
                self.problem = f"{LOCK_FILE} cannot be locked ({exc.strerror or exc})"
                return False
            self._fd = fd
            self._write_owner(fd)
        return True

    @staticmethod
    def _write_owner(fd: int) -> None:
        """Say who holds the lock, in the lock file itself (only this process writes it now). Not
        when the file has a second name (a hard link): that other file must not change."""
        try:
            if os.fstat(fd).st_nlink == 1:
                os.ftruncate(fd, 0)
                os.pwrite(fd, f"pid {os.getpid()} on {socket.gethostname()}\n".encode(), 0)
        except OSError:
            pass  # only informative

    def holder(self) -> str:
        try:
            data = read_own(self.root / LOCK_FILE)
        except (StoreError, OSError):
            data = None
        text = _printable((data or b"")[:200].decode("utf-8", "replace").strip())
        return text or "another process"

    def writer_alive(self) -> bool:
        """Whether the process the lock file names (``pid N on HOST``, left there after it ends)
        still runs on this machine: a reader's guess whether someone is writing, without taking
        the lock (which would turn that writer away). A pid reused since reads as alive."""
        words = self.holder().split()
        if len(words) != 4 or words[0] != "pid" or not words[1].isdigit() or words[3] != socket.gethostname():
            return False
        try:
            os.kill(int(words[1]), 0)
        except PermissionError:
            return True
        except (OSError, OverflowError):
            return False
        return True

    def why_not(self) -> str:
        """Why ``acquire`` failed, as the end of a sentence starting with the store's name."""
        if self.problem:
            return f"cannot be written here ({self.problem})"
        return f"is open for writing by {self.holder()}"

    @property
    def held(self) -> bool:
        return self._fd is not None or (self._fallback is not None and self._fallback.is_locked)

    def release(self) -> None:
        if self._fd is not None:
            fd, self._fd = self._fd, None
            try:
                fcntl.flock(fd, fcntl.LOCK_UN)
            finally:
                os.close(fd)
        elif self._fallback is not None and self._fallback.is_locked:  # pragma: no cover
            self._fallback.release(force=True)
