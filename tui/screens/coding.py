"""The half of the workbench screen that changes the store: statuses, entity corrections,
records and their fields, evidence, undo and redo. Each change runs in the write worker
(``write``), in the order the keys asked for it, and its result comes back as ``StoreChanged``:
the workbench then reads again what shows it. The screen is one class in layers, each a file:
``Coding`` (here) → ``Form`` (form.py: the record form) → ``Suggesting`` (suggesting.py) →
``Menus`` (menus.py: help, palette, other screens, ingest) → ``Workbench`` (workbench.py).

Saving a typed field and adding a record stay on the UI thread: their outcome (saved, refused
and marked, a draft that became a record) decides what the form does next, and a save is a
journal line (about 1 ms, 6 ms at worst measured on the CI disk).
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual import work
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.widgets import OptionList

import store
from store import Article, InvalidRecord, StoreError
from store.adjudicate import same_events

from ..messages import StoreChanged
from ..safe import safe_line
from ..widgets.reader import Reader
from ..widgets.tagging import TaggingPanel

if TYPE_CHECKING:
    from textual.worker import Worker

    from ..owner import StoreOwner


class Coding(Screen[None]):
    owner: StoreOwner
    article: Article | None
    draft: dict[str, Any] | None
    _wanted: str | None
    query_text: str

    if TYPE_CHECKING:  # the top layer (Workbench) provides these; the layers below call them
        def run_search(self, query: str, keep: str | None = None) -> Worker[None]: ...  # a @work thread
        def open_article(self, article_id: str, focus: bool = True, changed: str | None = None) -> None: ...
        def action_focus_list(self) -> None: ...
        def _show_panel(self, show: bool) -> None: ...

    def __init__(self) -> None:
        super().__init__()
        self.suggestions: list[dict[str, Any]] = []  # the open article's, best first
        self.records_shown: list[store.ActivityRecord] = []  # the open article's records
        self.last_correction: tuple[str, str | None] | None = None  # (text, label): E spreads it
        self._writes: deque[tuple[Callable[[], Any], Callable[[Any], None]]] = deque()
        self._write_lock = threading.Lock()

    # -- actions: annotation ------------------------------------------------------------------

    def say(
        self, message: str, severity: SeverityLevel = "information", timeout: float | None = None
    ) -> None:
        """Every notification goes through here: data in it is escaped and never read as markup
        (a span holding ``[/]`` crashed the toast; ``[@click=app.quit]`` became an action)."""
        self.app.notify(safe_line(message), severity=severity, timeout=timeout, markup=False)

    def _can_edit(self) -> bool:
        """A read-only store refuses every change up front, with one clear message."""
        if self.owner.store.writable:
            return True
        notice = self.owner.store.notice or "This store is open read-only: changes cannot be saved."
        self.say(notice if "read-only" in notice.lower() else f"Read-only: {notice}", severity="error")
        return False

    def _guard(self) -> bool:
        if self.article is None:
            self.say("Open an article first.", severity="warning")
            return False
        return True

    def write(self, change: Callable[[], Any], done: Callable[[Any], None]) -> None:
        """Run one store change in a worker; ``done`` gets its result on the UI thread, and a
        ``StoreError`` becomes a notification. Changes run in the order they were asked for."""
        self._writes.append((change, done))
        self._write_next()

    @work(thread=True, group="write")
    def _write_next(self) -> None:
        with self._write_lock:  # one worker per change; each takes the oldest one waiting
            change, done = self._writes.popleft()
            try:
                result = self.owner.call(change)
            except StoreError as exc:
                self.app.call_from_thread(self.say, str(exc), severity="error", timeout=8)
                return
            self.app.call_from_thread(done, result)

    def action_status(self, status: str) -> None:
        if not self._can_edit() or not self._guard():
            return
        assert self.article is not None
        article_id = self.article.id

        def done(_: object) -> None:
            self.say(f"Marked {status}.", timeout=2)
            self.after_change()

        self.write(lambda: self.owner.store.set_status(article_id, status), done)

    def action_label(self, label: str) -> None:
        if not self._can_edit() or not self._guard():
            return
        assert self.article is not None
        start, end = self.query_one(Reader).selection()
        if end <= start:
            return
        article = self.article

        def done(_: object) -> None:
            self.last_correction = (article.text[start:end], label)
            self.say(f"{label}: {safe_line(article.text[start:end])} (E: in every article)", timeout=3)
            self.query_one(Reader).selection_anchor = None
            self.after_change()

        self.write(lambda: self.owner.store.correct_entity(article.id, start, end, label), done)

    def action_remove_entity(self) -> None:
        if not self._can_edit() or not self._guard():
            return
        assert self.article is not None
        found = self.query_one(Reader).entity_under_cursor()
        if found is None:
            self.say("No entity under the cursor.", severity="warning", timeout=2)
            return
        article_id, text = self.article.id, self.article.text[found[0] : found[1]]

        def done(_: object) -> None:
            self.last_correction = (text, None)
            self.say(f"Removed {found[2]} (u undoes; E: in every article).", timeout=3)
            self.after_change()

        self.write(lambda: self.owner.store.correct_entity(article_id, found[0], found[1], None), done)

    def action_everywhere(self) -> None:
        """The last entity correction, made in every article, present and future (the store's
        own gazetteer, ``gazetteer.toml``): one key after ``1``…``-`` or ``d``."""
        if not self._can_edit() or not self._guard():
            return
        if self.last_correction is None:
            self.say("Correct an entity first (a label key, or d), then E makes it store-wide.",
                     severity="warning", timeout=3)
            return
        text, label = self.last_correction

        def done(_: object) -> None:
            what = f"labelled {label}" if label else "no longer an entity"
            self.say(f"Everywhere: “{text}” is {what} in every article (u undoes).", timeout=4)
            self.last_correction = None
            self.after_change()

        self.write(lambda: self.owner.store.correct_entity_everywhere(text, label), done)

    def action_add_record(self) -> None:
        if not self._can_edit() or not self._guard():
            return
        assert self.article is not None
        start, end = self.query_one(Reader).current_sentence()
        try:
            draft = self.owner.draft_record(self.article.id, start, end)
        except StoreError as exc:
            self.say(str(exc), severity="error")
            return
        panel = self.query_one(TaggingPanel)
        self._show_panel(True)
        try:
            record = self.owner.call(self.owner.store.add_record, self.article.id, **draft)
        except InvalidRecord as exc:
            self.draft = draft
            panel.show_record(draft, self.article.text, exc.problems)
            panel.focus_field(
                next(iter(exc.problems)) if next(iter(exc.problems)) in ("type", "unit") else "type"
            )
            return
        except StoreError as exc:
            self.say(str(exc), severity="error")
            return
        self.draft = None
        panel.show_record(record, self.article.text)
        panel.focus_field("type")
        self.say(f"Saved a {record.type} record; check the fields (Enter saves each).", timeout=3)
        self.after_change(record.id)

    def edit_record(self, record_id: str) -> None:
        try:
            record = self.owner.record(record_id)
        except StoreError as exc:
            self.say(str(exc), severity="error")
            return
        self.draft = None
        self.query_one(TaggingPanel).show_record(record, self.article.text if self.article else "")
        self.query_one(TaggingPanel).focus_field("type")

    def action_add_evidence(self) -> None:
        panel = self.query_one(TaggingPanel)
        if not self._can_edit():
            return
        if not self._guard() or panel.record_id is None:
            self.say("Choose a record first (a adds one).", severity="warning")
            return
        start, end = self.query_one(Reader).current_sentence()
        record_id, text = panel.record_id, self.article.text if self.article else ""

        def add() -> store.ActivityRecord | None:
            evidence = [e.to_dict() for e in self.owner.store.record(record_id).evidence]
            if any(e["start"] == start and e["end"] == end for e in evidence):
                return None
            evidence.append({"start": start, "end": end})
            return self.owner.store.update_record(record_id, evidence=evidence)

        def done(record: store.ActivityRecord | None) -> None:
            if record is None:
                self.say("That sentence is already evidence.", timeout=2)
                return
            if panel.record_id == record.id:
                panel.show_record(record, text)
            self.say("Evidence added.", timeout=2)
            self.after_change(record.id)

        self.write(add, done)

    def action_delete_record(self) -> None:
        if not self._can_edit():
            return
        panel = self.query_one(TaggingPanel)
        record_id = panel.record_id
        if record_id is None:
            box = panel.query_one("#records", OptionList)
            if box.highlighted is not None and box.option_count:
                record_id = box.get_option_at_index(box.highlighted).id
        if record_id is None:
            self.say("No record selected.", severity="warning")
            return
        def done(_: object) -> None:
            if panel.record_id == record_id:
                panel.show_record(None)
            self.say("Record deleted (u undoes).", timeout=3)
            self.after_change()

        self.write(lambda: self.owner.store.delete_record(record_id), done)

    def action_undo(self) -> None:
        self._undo_or_redo(self.owner.store.undo_article, self.owner.store.undo, "Undone", "Nothing to undo.")

    def action_redo(self) -> None:
        self._undo_or_redo(self.owner.store.redo_article, self.owner.store.redo, "Redone", "Nothing to redo.")

    def _undo_or_redo(self, article_of_next: Any, step: Any, done: str, nothing: str) -> None:
        """Undo/redo reach across articles: a change elsewhere is named and shown, never silent."""
        if not self._can_edit():
            return
        here = self.article.id if self.article else None

        def change() -> tuple[str | None, str | None, str]:
            target = article_of_next()
            what = step()
            title = target or ""
            if what and target is not None and target != here:
                try:
                    title = self.owner.store.article(target).title or target
                except StoreError:
                    pass
            return target, what, title

        def shown(result: tuple[str | None, str | None, str]) -> None:
            target, what, title = result
            if not what:
                self.say(nothing, timeout=2)
                return
            if target is None or target == here:
                self.say(f"{done}: {what}", timeout=2)
                self.after_change()
                return
            self.say(f"{done} in “{title}”: {what} (now shown)", timeout=5)
            self.open_article(target)
            self.after_change()

        self.write(change, shown)

    def after_change(self, record_id: str | None = None) -> None:
        """A change was written: say so (``StoreChanged``), and everything showing it is read again."""
        self.post_message(StoreChanged(record_id))
        if record_id:  # the same event coded in another article? (issue 13)
            self.run_worker(lambda: self._same_event(record_id), thread=True, group="same", exclusive=True)

    def _same_event(self, record_id: str) -> None:
        same = self.owner.call(same_events, self.owner.store, record_id)
        if same:
            where = ", ".join(sorted({r.article_id for r in same})[:3])
            said = f"Same unit, type, date and place as {len(same)} record(s) in "
            said += f"other article(s) ({where}): probably one event."
            self.app.call_from_thread(self.say, said, "warning", 8)

    def on_store_changed(self, changed: StoreChanged) -> None:
        """Show what a change did: the article (entities, records), its list row, the totals."""
        shown = self._wanted or (self.article.id if self.article else None)
        if shown is not None:
            self.open_article(shown, focus=False, changed=changed.record_id or "")
        self.run_search(self.query_text, keep=self.article.id if self.article else None)
        self.refresh_status()

    def _keep_form(self, records: list[store.ActivityRecord], record_id: str | None) -> None:
        """After a change: the form keeps the record it shows (now as stored), or empties if
        that record is gone (deleted, undone)."""
        panel = self.query_one(TaggingPanel)
        current = record_id or panel.record_id
        if current and any(r.id == current for r in records):
            panel.show_records(records, current)
            if self.draft is None and record_id:
                panel.record_id = record_id
            if self.draft is None and panel.record_id == current:
                panel.load_stored(next(r for r in records if r.id == current))
        elif panel.record_id and not any(r.id == panel.record_id for r in records):
            panel.show_record(None)

    @work(thread=True, exclusive=True, group="status")
    def refresh_status(self) -> None:
        """Count the progress in a worker; the status line is bound to ``status`` (data_bind)."""
        p = self.owner.progress()
        mode = "" if self.owner.store.writable else "  READ-ONLY"
        line = (
            f" {safe_line(self.owner.store.reviewer)} · done {p['done']}/{p['total']} · in progress "
            f"{p['in_progress']} · records {p['records']} · ? keys · ctrl+p commands{mode}"
        )
        self.app.call_from_thread(setattr, self, "status", (line, ""))
