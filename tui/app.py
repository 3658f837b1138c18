"""The tandai workbench app: it opens the store (through its one owner), applies the user's key
remapping, and shows the workbench screen (``tui.screens.workbench``), where every command's
action lives. Quitting from any screen and closing the store are the app's."""

from __future__ import annotations

import os
import sys
from collections import deque
from pathlib import Path
from typing import Any

from textual import work
from textual.app import App

import store
from store import StoreError
from store.model import check_reviewer

from .commands import ANYWHERE, bindings
from .commands.provider import TandaiCommands
from .config import config_path, load_config
from .ingest_rule import IngestRule
from .messages import IngestRequested, StoreChanged
from .owner import StoreOwner
from .safe import safe_line
from .screens.workbench import Workbench


def _reviewer(given: str | None, config_data: dict[str, Any]) -> tuple[str, bool]:
    """The name stamped on this session's work, and whether it is known: ``--reviewer``,
    $TANDAI_REVIEWER, the saved name, each checked as every command checks it (a list or a name with
    control characters in config.toml is a one-line error naming where it came from, never stamped);
    else "reviewer", and the workbench asks."""
    sources = ((given, "--reviewer"), (os.environ.get("TANDAI_REVIEWER"), "$TANDAI_REVIEWER"),
               (config_data.get("reviewer"), f"the reviewer in {config_path()}"))
    for value, where in sources:
        if value is not None and value != "":
            try:
                return check_reviewer(value), True
            except StoreError as exc:
                raise StoreError(f"{where}: {exc}") from exc
    return "reviewer", False


class TandaiApp(App[int]):
    CSS_PATH = "app.tcss"
    TITLE = "tandai"
    BINDINGS = bindings(ANYWHERE[:1])  # ctrl+q, with priority: it works on every screen
    COMMANDS = App.COMMANDS | {TandaiCommands}

    def __init__(
        self, store_path: str | Path, reviewer: str | None = None, config: dict[str, Any] | None = None,
        ingest: IngestRule | None = None,
    ) -> None:
        super().__init__()
        self.ingest_rule = ingest or IngestRule()  # what the ingest dialog may read (a browser: little)
        self.said: deque[str] = deque(maxlen=200)
        self.close_error = ""  # closing the store failed (a full disk): said when the terminal is back
        config_data = load_config() if config is None else config
        name, self.reviewer_known = _reviewer(reviewer, config_data)
        keys = config_data.get("keys")
        self.keymap = {str(k): str(v) for k, v in keys.items()} if isinstance(keys, dict) else {}
        self.owner = StoreOwner(store.open(store_path, reviewer=name))
        if self.owner.store.names_its_reviewer:  # a team database: the role decides; a name asked for
            self.reviewer_known = True  # would change nothing there and be saved for every local store
        try:
            self.owner.store.taxonomy  # noqa: B018 - a bad taxonomy.toml fails here, not on screen
        except StoreError:
            self.owner.store.close()  # release the store, say it in one line
            raise

    def get_default_screen(self) -> Workbench:
        return Workbench(self.owner, self.keymap, self.reviewer_known, self.ingest_rule)

    @property
    def workbench(self) -> Workbench:
        screen = self.default_screen
        assert isinstance(screen, Workbench)
        return screen

    def on_mount(self) -> None:
        if self.keymap:
            self.set_keymap(self.keymap)
        subscribe = getattr(self.owner.store, "subscribe", None)
        if subscribe is not None:  # a shared database (store.pg): others' changes come in live
            subscribe(lambda kind: self.call_from_thread(self._heard, kind))

    def _heard(self, kind: str) -> None:
        """Another reviewer changed something, or the database connection dropped or came back."""
        if kind == "lost":
            self.workbench.say("Connection to the database lost, retrying…", "warning", 30)
            return
        self._catch_up(kind)

    @work(thread=True, group="live")
    def _catch_up(self, kind: str) -> None:
        """Read what others changed (a network round trip: never on the UI thread); the
        workbench then reads again what shows it (``StoreChanged``)."""
        refresh = getattr(self.owner.store, "refresh", None)  # a shared database's, beside subscribe
        if refresh is None:
            return
        try:
            came = self.owner.call(refresh)
        except StoreError as exc:  # a change the mirror skipped (SkippedChanges) still brings the rest
            self.call_from_thread(self.workbench.say, str(exc), "warning")
            if getattr(exc, "came", 0):
                self.workbench.post_message(StoreChanged())
            return
        if kind == "back":
            self.call_from_thread(self.workbench.say, "Connected to the database again.", "information", 5)
        if came:
            self.workbench.post_message(StoreChanged())

    async def action_quit(self) -> None:
        self.workbench.request_quit()

    def on_ingest_requested(self, event: IngestRequested) -> None:
        self.workbench.start_ingest(event.path, event.dialog)

    def notify(self, message: str, *, title: str = "", severity: Any = "information",
               timeout: float | None = None, markup: bool = True) -> None:
        """A notification, and the last 200 kept in ``said``: a toast goes after its timeout, what the
        workbench told stays readable (a slow machine's tests read it after the toast is gone)."""
        self.said.append(message)
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    def clear_notifications(self) -> None:
        self.said.clear()
        super().clear_notifications()

    def on_unmount(self) -> None:
        """Close the store (a file store folds its journal into a snapshot). A failure there (a full
        disk) is said once the terminal is back, and the exit status is 1 (``run_app``); nothing saved
        is lost: every change was written to the journal as it was made, and the next open reads it."""
        try:
            self.owner.close()
        except StoreError as exc:
            where = ("the team database" if self.owner.store.names_its_reviewer else "the store's journal "
                     "(annotations/journal.jsonl), as it was made; the next open reads it back")
            self.close_error = (f"tandai: could not close the store: {safe_line(str(exc))}\n"
                                f"tandai: every change you saved is kept in {where}")


def run_app(path: str | Path, reviewer: str | None = None, served: bool = False) -> int:
    """Open the workbench; a store that cannot be opened is a one-line message, not a traceback.
    ``served``: a browser session of ``tandai serve`` (its ingest is confined, ``tui.ingest_rule``)."""
    try:
        app = TandaiApp(path, reviewer=reviewer, ingest=IngestRule.for_session(served))
    except StoreError as exc:
        print(f"tandai: {exc}", file=sys.stderr)
        return 1
    result = app.run()
    if app.close_error:
        print(app.close_error, file=sys.stderr)
        return 1
    # an exception Textual caught (its traceback printed) is a failure, whatever ``exit`` was given
    return app.return_code or int(result or 0)
