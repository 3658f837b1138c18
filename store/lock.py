"""One writer per store: an OS file lock (released by the kernel if the process dies)."""

from __future__ import annotations

import os
import socket
from pathlib import Path

from filelock import FileLock, Timeout

LOCK_FILE = "write.lock"
OWNER_FILE = "write.owner"


class WriterLock:
    """Non-blocking writer lock; records who holds it so the next process can say so."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._lock = FileLock(str(root / LOCK_FILE), timeout=0, thread_local=False, is_singleton=False)

    def acquire(self) -> bool:
        try:
            self._lock.acquire(timeout=0)
        except Timeout:
            return False
        try:
            (self.root / OWNER_FILE).write_text(f"pid {os.getpid()} on {socket.gethostname()}\n")
        except OSError:
            pass
        return True

    def holder(self) -> str:
        try:
            return (self.root / OWNER_FILE).read_text().strip() or "another process"
        except OSError:
            return "another process"

    def release(self) -> None:
        if self._lock.is_locked:
            self._lock.release(force=True)
