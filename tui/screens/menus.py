"""The workbench's menus: the help screen, the command palette's entries (saved searches, label
toggles), the screens opened from a key (stats, agreement, adjudication) and ingesting from
inside the app. A base class of ``Workbench`` (``workbench.py``), so that file stays the layout,
search, opening and navigation."""

from __future__ import annotations

from importlib import import_module
from typing import Any

from textual import work
from textual.widgets import Input, Static
from textual.worker import get_current_worker

import store
from store import StoreError, Taxonomy

from ..commands import ANYWHERE, PLACES, READER, active_keys, keys_label, label_commands
from ..ingest_rule import IngestRule, Refused
from ..render import legend
from ..safe import safe_line
from ..widgets.reader import Reader
from .dialogs import HelpScreen, IngestScreen, SaveSearch
from .suggesting import Suggesting


class Menus(Suggesting):
    keymap: dict[str, str]
    taxonomy: Taxonomy
    hidden_labels: set[str]
    ingest_rule: IngestRule

    def _label_keys(self) -> dict[str, str]:
        return {n: s.key for n, s in self.taxonomy.labels.items()}

    def action_help(self) -> None:
        """Every key that works, grouped by where it works, as remapped in config.toml."""
        groups: dict[str, list[tuple[str, str, str]]] = {}
        places = {**PLACES, "labels (reader)": label_commands(self._label_keys())}
        for place, commands in places.items():
            groups[place] = [(keys_label(active_keys(c, self.keymap)), c.does, c.id) for c in commands]
        groups["anywhere"].append(("ctrl+p", "command palette: every action, saved searches", ""))
        groups["search bar"] += [("Enter", "open the top hit", ""), ("Esc", "go to the list", "")]
        types = "  ".join(f"{a.key} {a.name}" for a in self.taxonomy.activities.values())
        groups["tagging panel"] = [
            ("Enter Tab", "save the field and go to the next", ""),
            ("→", "take the completion shown under the field", ""),
            ("ctrl+→ ctrl+←", "unit, location, partners: grow the value by the article's next (previous)"
             " word", ""),
            ("type field", f"a key ({types})", ""),
        ]
        self.app.push_screen(HelpScreen(groups))

    # -- labels legend, saved searches, ingest ------------------------------------------------

    def toggle_label(self, label: str) -> None:
        self.hidden_labels ^= {label}
        self.query_one("#legend", Static).update(legend(self.taxonomy, self.hidden_labels))
        reader = self.query_one(Reader)
        reader.hidden_labels = self.hidden_labels
        reader.restyle()

    def save_current_search(self) -> None:
        if not self._can_edit():
            return
        query = self.listing.query

        def save(name: str, saved: list[bool] | None = None) -> None:
            """In the write queue; ``saved`` (quitting waits for it) is told if it was saved."""

            def done(_: object) -> None:
                self.say(f"Saved search “{name}”.", timeout=2)
                if saved is not None:
                    saved.append(True)

            if name:
                self.write(lambda: self.owner.store.save_search(name, query), done)

        self.app.push_screen(SaveSearch(query, save), lambda name: save(name) if name else None)

    def run_saved(self, query: str) -> None:
        query = safe_line(query)  # it is drawn in the search bar; control characters match nothing
        bar = self.query_one("#search", Input)
        bar.value = query
        self.run_search(query)
        self.action_focus_list()

    def palette_commands(self) -> list[tuple[str, str, Any]]:
        """The palette: every command that has an entry, then the saved searches and labels."""
        cmds: list[tuple[str, str, Any]] = []
        reader = self.query_one(Reader)
        for c in (*ANYWHERE, *READER):
            if not c.palette:
                continue
            target = reader if c in READER and not c.action.startswith("screen.") else self
            action = c.action.removeprefix("screen.")
            help_text = f"{keys_label(active_keys(c, self.keymap))} · {c.does}"
            cmds.append((c.palette, help_text, lambda a=action, t=target: t.run_action(a)))
        cmds.append(("Save the current search", "keep this query in the store", self.save_current_search))
        for s in self.owner.saved_searches():
            cmds.append((f"Saved search: {s['name']}", s["query"], lambda q=s["query"]: self.run_saved(q)))
        for rule in self.owner.store.entity_rules():  # the store-wide corrections, listed (E)
            what = rule["label"] or "not an entity"
            cmds.append((f"Everywhere: {rule['text']} → {what}", f"by {rule['reviewer']} · choose to stop it "
                         "(undoable)", lambda t=rule["text"]: self.stop_everywhere(t)))
        for name in self.taxonomy.labels:
            cmds.append(
                (f"Show/hide {name}", "toggle the label in the reader", lambda n=name: self.toggle_label(n))
            )
        return cmds

    def stop_everywhere(self, text: str) -> None:
        """Stop a store-wide correction (chosen in the palette); ``u`` brings it back."""
        if not self._can_edit() or not self._guard():
            return

        def done(_: object) -> None:
            self.say(f"“{text}” is no longer corrected everywhere (u undoes).", timeout=4)
            self.after_change()

        self.write(lambda: self.owner.store.remove_entity_rule(text), done)

    def action_open_screen(self, name: str) -> None:
        """A screen module's ``SCREEN`` (tui/screens/NAME.py), imported when first asked for."""
        self.app.push_screen(import_module(f"{__package__}.{name}").SCREEN())

    def action_stats(self) -> None:
        from .stats import StatsScreen  # plotext is loaded only when the screen is asked for

        self.app.push_screen(StatsScreen())

    def action_ingest(self) -> None:
        if not self._can_edit():
            return
        try:
            self.ingest_rule.check_open()  # a browser session of a server started without a folder
        except Refused as exc:
            self.say(str(exc), severity="error")
            return
        self.app.push_screen(IngestScreen(self.ingest_rule))

    def start_ingest(self, typed: str, screen: IngestScreen) -> None:
        """The dialog's path, read as the rule lets it be (in a browser: inside the served folder)."""
        self._ingest(typed, screen, typed=True)

    @work(thread=True, exclusive=True, group="ingest")
    def _ingest(self, path: str, screen: IngestScreen, typed: bool) -> None:
        worker = get_current_worker()
        try:  # in the worker: resolving links and a pattern reads the disk
            paths = self.ingest_rule.paths(path) if typed else [path]
        except Refused as exc:
            self.app.call_from_thread(screen.refused, str(exc))
            self.app.call_from_thread(self.say, str(exc), severity="error")
            return

        def progress(p: store.IngestProgress) -> None:
            self.app.call_from_thread(screen.progress, p.sources, p.added, p.skipped, p.current)

        before = self.owner.count()
        try:
            report = self.owner.ingest(paths, progress=progress, cancelled=lambda: worker.is_cancelled)
        except Exception as exc:  # noqa: BLE001 - a worker must never take the app down
            why = str(exc) if isinstance(exc, StoreError) else f"{type(exc).__name__}: {exc}"
            added = self.owner.count() - before  # the batches committed before it stopped are kept
            why = f"Ingest failed: {why}" + (f" ({added} added before it stopped)" if added > 0 else "")
            self.app.call_from_thread(screen.failed, why)
            self.app.call_from_thread(self.say, why, severity="error")
            if added > 0:
                self.app.call_from_thread(self.run_search, self.listing.query)
                self.app.call_from_thread(self.refresh_status)
            return
        self.app.call_from_thread(screen.finished, report.summary())
        for source, reason in report.skipped[:5]:
            self.app.call_from_thread(self.say, f"skipped {safe_line(source)}: {reason}", severity="warning")
        self.app.call_from_thread(self.run_search, self.listing.query)
        self.app.call_from_thread(self.refresh_status)
