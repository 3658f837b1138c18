"""The half of the workbench screen that changes the store: statuses, entity corrections,
records and their fields, evidence, undo and redo. Each change runs in the write worker
(``write``), in the order the keys asked for it, and its result comes back as ``StoreChanged``:
the workbench then reads again what shows it. The screen is one class in layers, each a file:
``Coding`` (here) → ``Form`` (form.py: the record form) → ``Suggesting`` (suggesting.py) →
``Menus`` (menus.py: help, palette, other screens, ingest) → ``Workbench`` (workbench.py).

Saving a typed field and adding a record run in the same worker and queue (on PostgreSQL each
is a network round trip). What such a step saves into (a record, a draft, a suggestion) depends
on the steps before it, so it is decided on the UI thread when its turn comes (``write_when_due``),
after every earlier change's result is shown; the form meanwhile keeps taking keys (a field
whose save is under way keeps its text; ``a`` puts the form up at once, so the keys typed after
it land in the type field).
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from textual import work
from textual.notifications import SeverityLevel
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import OptionList

import store
from store import Article, InvalidRecord, StoreError
from store.adjudicate import same_events
from store.taxonomy import READINGS

from ..messages import StoreChanged
from ..safe import safe_line
from ..widgets.article_list import Listing
from ..widgets.reader import Reader
from ..widgets.tagging import FormState, RecordsState, TaggingPanel

if TYPE_CHECKING:
    from textual.worker import Worker

    from ..owner import StoreOwner


Step = tuple[Callable[[], Any], Callable[[Any], None]]  # (the change, in the worker; its result, on the UI)


def conflict(exc: BaseException) -> bool:
    """A save refused because someone changed the record since the form read it (a shared
    database, or a save that said which version it read): the form shows the stored version."""
    return isinstance(exc, store.Conflict)


def outcome(change: Callable[[], Any]) -> Callable[[], Any]:
    """``change`` whose ``StoreError`` is returned, not raised: the form's steps decide what a
    refusal means (a field marked, a draft's problems, the other reviewer's version shown)."""

    def run() -> Any:
        try:
            return change()
        except StoreError as exc:
            return exc

    return run


class Coding(Screen[None]):
    owner: StoreOwner
    article: Article | None
    draft: dict[str, Any] | None
    _wanted: str | None
    listing: Listing

    if TYPE_CHECKING:  # the top layer (Workbench) provides these; the layers below call them
        def run_search(self, query: str, keep: str | None = None) -> Worker[None]: ...  # a @work thread
        def open_article(self, article_id: str, focus: bool = True, changed: str | None = None) -> None: ...
        def action_focus_list(self) -> None: ...
        def _show_panel(self, show: bool) -> None: ...

    # what the tagging panel shows (bound to it in Workbench.compose): the record in the form,
    # and the records list; every change is a new state
    form: reactive[FormState] = reactive(FormState, always_update=True)
    records_state: reactive[RecordsState] = reactive(RecordsState, always_update=True)

    def __init__(self) -> None:
        super().__init__()
        self.suggestions: list[dict[str, Any]] = []  # the open article's, best first
        self.records_shown: list[store.ActivityRecord] = []  # the open article's records
        self.last_correction: tuple[str, str | None] | None = None  # (text, label): E spreads it
        # each: a step, or (on the UI thread, when its turn comes) a function deciding one
        self._writes: deque[tuple[Callable[[], Step | None], bool]] = deque()
        self._write_lock = threading.Lock()
        # (reviewer, each convention's reading and whose records decided it) as drafts last read them
        self._readings: tuple[str, dict[str, tuple[str, str]]] | None = None
        self._readings_lock = threading.Lock()  # two saves' workers compare and keep them one at a time

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
        self._writes.append((lambda: (change, done), False))
        self._write_next()

    def write_when_due(self, decide: Callable[[], Step | None]) -> None:
        """A change decided on the UI thread when its turn comes, after every change asked for
        before it has been written and its result shown: ``decide`` returns the step (or None:
        nothing to write). The form's saves go this way: whether a field goes into a record, a
        draft or a suggestion depends on what the earlier ones made of the form."""
        self._writes.append((decide, True))
        self._write_next()

    def then(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` on the UI thread once every change asked for so far is shown."""

        def decide() -> None:
            callback()  # nothing to write: it only waits its turn

        self.write_when_due(decide)

    @work(thread=True, group="write")
    def _write_next(self) -> None:
        with self._write_lock:  # one worker per change; each takes the oldest one waiting
            decide, on_ui = self._writes.popleft()
            step = self.app.call_from_thread(decide) if on_ui else decide()
            if step is None:
                return
            change, done = step
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
        """``a``: a record drafted from the sentence under the cursor, saved when it validates,
        else left in the form as a draft with its problems marked. The form comes up at once,
        the type field focused, so what is typed while the record is made goes into it."""
        if not self._can_edit() or not self._guard():
            return
        assert self.article is not None
        article = self.article
        start, end = self.query_one(Reader).current_sentence()
        self._show_panel(True)
        self.draft = None
        self.form = FormState(text=article.text, published=article.published, adding=True,
                              record={"evidence": [{"start": start, "end": end}]})
        panel = self.query_one(TaggingPanel)
        panel.focus_field("type")
        typed_before = panel.values()["type"]

        def change() -> tuple[dict[str, Any] | None, Any]:
            try:
                draft = self.owner.store.draft_record(article.id, start, end)
            except StoreError as exc:
                return None, exc
            return draft, outcome(lambda: self.owner.store.add_record(article.id, **draft))()

        def done(result: tuple[dict[str, Any] | None, Any]) -> None:
            draft, made = result
            failed = draft is None or isinstance(made, StoreError)
            if self.article is None or self.article.id != article.id or not self.form.adding:
                if not failed:  # another article or record was opened meanwhile
                    self.after_change(made.id)
                return
            untouched = panel.values()["type"] == typed_before
            saving = self.form.saving  # fields typed and left while the record was made
            if draft is None or (isinstance(made, StoreError) and not isinstance(made, InvalidRecord)):
                self.form = FormState(text=article.text, published=article.published)
                self.say(str(made), severity="error")
                return
            if isinstance(made, InvalidRecord):
                self.draft = draft
                self.form = FormState(draft, article.text, article.published, made.problems,
                                      saving=saving, keep_typed=True)
                if untouched and next(iter(made.problems)) == "unit":
                    panel.focus_field("unit")
                return
            self.form = FormState(made, article.text, article.published, saving=saving, keep_typed=True)
            self.say(f"Saved a {made.type} record; check the fields (Enter saves each).", timeout=3)
            self.after_change(made.id)

        self.write_when_due(lambda: (change, done))

    def edit_record(self, record_id: str) -> None:
        try:
            record = self.owner.record(record_id)
        except StoreError as exc:
            self.say(str(exc), severity="error")
            return
        self.draft = None
        self.form = FormState(record, self.article.text if self.article else "", self.form.published)
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
                self.form = FormState(record, text, self.form.published)
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
                self.form = FormState(text=self.form.text, published=self.form.published)
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
        self.run_worker(self.note_readings, thread=True, group="readings")

    def note_readings(self) -> None:
        """Keep how drafts read each coding convention, and say when a change moved one (the reviewer's
        third record coding a sub-unit alone, a deleted record taking a reading back): drafts that start
        to read otherwise are never a surprise, and the reviewer knows whose records decided it."""
        st = self.owner.store
        with self._readings_lock:
            used = self.owner.call(st.conventions_in_use)
            now = {name: (str(c["reading"]), str(c.get("from", c["how"]))) for name, c in used.items()}
            before, self._readings = self._readings, (st.reviewer, now)
        if before is None or before[0] != st.reviewer:
            return  # the first look, or another reviewer's name typed: what drafts read for them now
        for name, (reading, whose) in now.items():
            if before[1].get(name, (reading, ""))[0] == reading:
                continue
            said = f"Drafts now write {READINGS.get((name, reading), f'{name} = {reading}')}"
            said += {"yours": ", as your records do", "team": ", as the team's records do",
                     "default": " again: the records no longer decide it"}.get(whose, "")
            self.app.call_from_thread(self.say, f"{said} (R shows why).", "information", 8)

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
        self.run_search(self.listing.query, keep=self.article.id if self.article else None)
        self.refresh_status()

    def _keep_form(self, records: list[store.ActivityRecord], record_id: str | None) -> None:
        """After a change: the form keeps the record it shows (now as stored), or empties if
        that record is gone (deleted, undone)."""
        shown = self.form.record_id
        current = record_id or shown
        if current and any(r.id == current for r in records):
            self.records_state = replace(self.records_state, current=current)
            if self.draft is None and (record_id or shown == current) and not self.form.adding:
                stored = next(r for r in records if r.id == current)
                self.form = replace(self.form, record=stored, keep_typed=True, problems={})
        elif shown and not any(r.id == shown for r in records):
            self.form = FormState(text=self.form.text, published=self.form.published)

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
