"""Other reviewers' changes, live: a thread that LISTENs on its own connection.

The database sends a notification when a change or an article batch commits (triggers in
``store.pg.schema``; a change's carries its id). The thread only passes the news on
(``"changes"`` with the change id, ``"articles"``, ``"lost"`` when the connection drops,
``"back"`` when it is up again); the Store's owner decides when to catch up, on its own thread,
so the mirror never changes under a reader's feet.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import psycopg

from store.pg.schema import ARTICLES_CHANNEL, CHANGES_CHANNEL

RETRY_EVERY = 0.25  # seconds between reconnection attempts, and how long stop() may wait


class Listener(threading.Thread):
    """Calls ``notify(kind, payload)`` from its own thread; stops with ``stop()``."""

    def __init__(self, url: str, notify: Callable[[str, str], None]) -> None:
        super().__init__(name="tandai-listen", daemon=True)
        self.url = url
        self.notify = notify
        self.state = "connecting"
        self._halt = threading.Event()
        self._conn: psycopg.Connection[Any] | None = None

    def run(self) -> None:
        lost = False
        while not self._halt.is_set():
            try:
                with psycopg.connect(self.url, autocommit=True, connect_timeout=5,
                                     application_name="tandai-listen") as conn:
                    self._conn = conn
                    conn.execute(f"LISTEN {CHANGES_CHANNEL}")
                    conn.execute(f"LISTEN {ARTICLES_CHANNEL}")
                    self.state = "ok"
                    if lost:  # whatever happened while we were away: catch up once
                        lost = False
                        self._tell("back")
                    while not self._halt.is_set():
                        for note in conn.notifies(timeout=RETRY_EVERY, stop_after=64):
                            if note.channel == ARTICLES_CHANNEL:
                                self._tell("articles")
                            else:
                                self._tell("changes", note.payload)
            except psycopg.Error:
                if self._halt.is_set():
                    break
                if not lost:
                    lost = True
                    self.state = "lost"
                    self._tell("lost")
                self._halt.wait(RETRY_EVERY)
            finally:
                self._conn = None

    def _tell(self, kind: str, payload: str = "") -> None:
        try:
            self.notify(kind, payload)
        except Exception:  # noqa: BLE001 - a subscriber's bug must not end live updates
            pass

    def stop(self) -> None:
        self._halt.set()
        self.join(timeout=3)
