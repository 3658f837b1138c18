"""The one owner of the Store inside the app: every call from the UI or a worker goes through
it, one at a time, so workers never touch the store concurrently."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

from store import Store

T = TypeVar("T")


class StoreOwner:
    def __init__(self, st: Store) -> None:
        self.store = st
        self._lock = threading.RLock()

    def call(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        with self._lock:
            return fn(*args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self.store, name)
        if not callable(attr):
            return attr

        def locked(*args: Any, **kwargs: Any) -> Any:
            with self._lock:
                return attr(*args, **kwargs)

        return locked
