"""The workbench screen: search list on the left, reader in the middle, tagging panel on the
right. State flows down (this screen tells widgets what to show); requests flow up as messages
(``tui.messages``) and key actions; everything that touches the store runs through the owner,
blocking work in workers.

It is the largest module of the workbench (about 700 lines) because it is where every command's
action lives, next to the binding that declares it (``tui.commands``): splitting the actions
from the screen would scatter one command over two files.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.notifications import SeverityLevel
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Static
from textual.worker import get_current_worker

import store
from store import Article, InvalidRecord, SearchResult, StoreError, parse_date, samples_dir

from ..commands import ANYWHERE, PLACES, READER, active_keys, bindings, keys_label, label_commands
from ..config import save_reviewer
from ..messages import ArticleLoaded, FocusList, StoreChanged
from ..owner import StoreOwner
from ..render import legend
from ..safe import safe_line
from ..widgets.article_list import LIMIT, ArticleList, SearchBar
from ..widgets.reader import Reader
from ..widgets.tagging import TaggingPanel
from ..widgets.text_line import TextLine
from .dialogs import AskName, Confirm, HelpScreen, IngestScreen, SaveSearch, UnsavedChanges

NARROW = 120


class Workbench(Screen[None]):
    BINDINGS = bindings(ANYWHERE[1:])  # ctrl+q lives on the app: it quits from any screen

    # what the one-line labels show, bound to them (text, style)
    status: reactive[tuple[str, str]] = reactive(("", ""))  # reviewer, progress
    found: reactive[tuple[str, str]] = reactive(("", ""))  # how many articles the query finds

    def __init__(self, owner: StoreOwner, keymap: dict[str, str], reviewer_known: bool) -> None:
        super().__init__()
        self.owner = owner
        self.keymap = keymap
        self.reviewer_known = reviewer_known
        self.taxonomy = owner.store.taxonomy
        self.article: Article | None = None
        self.result = SearchResult()
        self.query_text = ""
        self.history: list[str] = []
        self.history_pos = 0
        self.draft: dict[str, Any] | None = None
        self.hidden_labels: set[str] = set()
        self._wanted: str | None = None  # the article the last open asked for
        self._writes: deque[tuple[Callable[[], Any], Callable[[Any], None]]] = deque()
        self._write_lock = threading.Lock()

    # -- layout -------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(id="main"):
            with Vertical(id="left"):
                yield SearchBar(
                    placeholder='/ search: words "phrase" status:todo type: unit: date:', id="search"
                )
                yield TextLine(id="search-info").data_bind(line=Workbench.found)
                yield ArticleList(id="list")
            with Vertical(id="middle"):
                yield Static("", id="article-head")
                yield Static(legend(self.taxonomy), id="legend")
                # the label keys come from this store's taxonomy, so the reader class is made for it
                labels = bindings(label_commands(self._label_keys()))
                reader_class = type("Reader", (Reader,), {"BINDINGS": [*bindings(READER), *labels]})
                yield reader_class(self.taxonomy, id="reader")
            yield TaggingPanel(self.taxonomy, id="panel")
        yield TextLine(id="statusline").data_bind(line=Workbench.status)
        yield Footer()

    def _label_keys(self) -> dict[str, str]:
        return {n: s.key for n, s in self.taxonomy.labels.items()}

    def on_mount(self) -> None:
        self.on_resize()
        if self.owner.store.notice:
            self.say(self.owner.store.notice, severity="warning", timeout=10)
        self.refresh_status()
        self.run_search("")
        self.query_one("#search", Input).focus()
        if not self.reviewer_known:
            self.app.push_screen(AskName(), self._set_reviewer)
        elif self.owner.count() == 0 and self.owner.store.writable:
            self._offer_samples()

    def _set_reviewer(self, name: str | None) -> None:
        if name and (safe_line(name) != name or not name.isprintable()):
            # stamped on every record and shown on the status line: no control characters
            self.say("A name cannot hold control characters; type it again.", severity="error")
            self.app.push_screen(AskName(), self._set_reviewer)
            return
        if name:
            self.owner.store.reviewer = name
            try:
                save_reviewer(name)
            except StoreError as exc:
                self.say(f"Could not remember your name: {exc}", severity="warning")
            self.refresh_status()
            self.run_search(self.query_text)
        if self.owner.count() == 0 and self.owner.store.writable:
            self._offer_samples()

    def _offer_samples(self) -> None:
        def answer(yes: bool | None) -> None:
            if yes:
                screen = IngestScreen()
                self.app.push_screen(screen)
                self.start_ingest(str(samples_dir()), screen)

        self.app.push_screen(Confirm("This store is empty. Load the bundled sample articles?"), answer)

    def on_resize(self, event: object = None) -> None:
        self.set_class(self.size.width < NARROW, "narrow")

    # -- search -------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="search")
    def run_search(self, query: str, keep: str | None = None) -> None:
        worker = get_current_worker()
        result = self.owner.search(query, limit=LIMIT)
        if worker.is_cancelled:
            return
        ids = [h.id for h in result.rows]
        statuses, records = self.owner.call(lambda: ({i: self.owner.store.status(i) for i in ids},
                                                     self.owner.store.record_counts(ids)))
        if not worker.is_cancelled:
            self.app.call_from_thread(self._show_results, query, result, statuses, records, keep)

    def _show_results(
        self,
        query: str,
        result: SearchResult,
        statuses: dict[str, str],
        records: dict[str, int],
        keep: str | None,
    ) -> None:
        self.query_text = query
        self.result = result
        if result.error:
            self.found = (safe_line(result.error), "red")
            return
        total = result.total
        self.found = (f"{len(result.rows)} of {total} articles" if total else "no articles match", "dim")
        keep = keep or (self.article.id if self.article else None)
        self.query_one(ArticleList).show_hits(result.rows, statuses, records, result.words, keep=keep)

    @on(Input.Changed, "#search")
    def _search_changed(self, event: Input.Changed) -> None:
        self.run_search(event.value)

    @on(Input.Submitted, "#search")
    def _search_submitted(self, event: Input.Submitted) -> None:
        value = event.value.strip()
        if value and (not self.history or self.history[-1] != value):
            self.history.append(value)
        self.history_pos = len(self.history)
        if self.result.rows and not self.result.error:
            self.open_article(self.result.rows[0].id)

    def on_search_bar_recall(self, event: SearchBar.Recall) -> None:
        if not self.history:
            return
        self.history_pos = max(0, min(len(self.history), self.history_pos + event.step))
        bar = self.query_one("#search", Input)
        bar.value = self.history[self.history_pos] if self.history_pos < len(self.history) else ""
        bar.cursor_position = len(bar.value)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id == "list" and event.option.id:
            self.open_article(event.option.id)
        elif event.option_list.id == "records" and event.option.id:
            self.edit_record(event.option.id)

    def on_tagging_panel_record_chosen(self, event: TaggingPanel.RecordChosen) -> None:
        self.edit_record(event.record_id)

    # -- opening an article -------------------------------------------------------------------

    def open_article(self, article_id: str, focus: bool = True, changed: str | None = None) -> None:
        """Read the article in a worker; ``ArticleLoaded`` shows it. ``changed`` is the record a
        change just wrote (``""`` for a change with no record): the form then keeps its place."""
        self._wanted = article_id
        self._load_article(article_id, focus, changed)

    @work(thread=True, exclusive=True, group="open")
    def _load_article(self, article_id: str, focus: bool, changed: str | None) -> None:
        worker = get_current_worker()
        try:
            article = self.owner.article(article_id)
            records = self.owner.records(article_id)
            dups = self.owner.duplicates_of(article_id)
            status = self.owner.status(article_id)
            units = self.owner.known_units()
        except StoreError as exc:
            self.app.call_from_thread(self.say, str(exc), severity="error")
            return
        if not worker.is_cancelled:
            self.post_message(ArticleLoaded(article, records, dups, status, sorted(units), focus, changed))

    def on_article_loaded(self, loaded: ArticleLoaded) -> None:
        if loaded.article.id != self._wanted:
            return  # a later open asked for another article
        self._show_article(loaded)
        if loaded.changed is not None:
            self._keep_form(loaded.records, loaded.changed or None)

    def _show_article(self, loaded: ArticleLoaded) -> None:
        article, records, dups, focus = loaded.article, loaded.records, loaded.duplicates, loaded.focus
        same = self.article is not None and self.article.id == article.id
        self.article = article
        if not same:
            self.draft = None
        reader = self.query_one(Reader)
        reader.hidden_labels = self.hidden_labels
        reader.show(article, self.result.words, keep_cursor=same)
        head = Text()
        head.append(safe_line(article.title) or "(untitled)", "bold")
        meta = " · ".join(
            safe_line(x) for x in (article.outlet, (article.published or "")[:16], article.dateline) if x
        )
        head.append("\n" + (meta or "no outlet or date found"), "dim")
        head.append(f"  [{loaded.status}]", "cyan")
        if article.duplicate_of:
            head.append(f"\n↳ near duplicate of {article.duplicate_of}", "yellow")
        if dups:
            head.append(f"\n↳ {len(dups)} near duplicate(s): {', '.join(dups[:3])}", "yellow")
        self.query_one("#article-head", Static).update(head)
        panel = self.query_one(TaggingPanel)
        panel.show_records(records)
        if not same:
            dropped = panel.pending()
            if dropped:  # refused values are never dropped in silence
                said = "; ".join(f"{k} “{v}”" for k, v in dropped.items())
                self.say(f"Not saved, left in the previous record: {said}", severity="warning", timeout=8)
            panel.show_record(None)
        groups = {"POLICE_UNIT": "unit", "LOC": "place", "MILITARY_UNIT": "partner",
                  "ELECTION_BODY": "partner", "GOV_ORG": "partner"}
        found: dict[str, set[str]] = {"unit": set(), "place": set(), "partner": set()}
        for e in article.entities:  # one pass: a huge article has hundreds of thousands
            group = groups.get(e.label)
            if group:
                found[group].add(e.text)
        places = found["place"] | ({article.dateline} if article.dateline else set())
        units = sorted(found["unit"] | set(loaded.units))
        panel.set_suggestions(units, sorted(places), sorted(found["partner"]))
        self.add_class("reading")
        if focus:
            reader.focus()
        self.refresh_status()

    # -- actions: navigation ------------------------------------------------------------------

    def action_focus_search(self) -> None:
        self.remove_class("reading")
        self.query_one("#search", Input).focus()

    def on_focus_list(self, _: FocusList) -> None:
        self.action_focus_list()

    def action_focus_list(self) -> None:
        self.remove_class("reading")
        self.query_one(ArticleList).focus()

    def _step_article(self, step: int) -> None:
        rows = self.result.rows
        if not rows:
            return
        ids = [r.id for r in rows]
        current = ids.index(self.article.id) if self.article and self.article.id in ids else -1
        target = max(0, min(len(ids) - 1, current + step))
        self.query_one(ArticleList).highlighted = target
        self.open_article(ids[target])

    def action_next_article(self) -> None:
        self._step_article(1)

    def action_previous_article(self) -> None:
        self._step_article(-1)

    def action_next_todo(self) -> None:
        rows = [r.id for r in self.result.rows]
        start = rows.index(self.article.id) + 1 if self.article and self.article.id in rows else 0
        for aid in rows[start:] + rows[:start]:
            if self.owner.status(aid) == "todo" and (self.article is None or aid != self.article.id):
                self.open_article(aid)
                return
        res = self.owner.search("status:todo", limit=1)
        if res.hits:
            self.open_article(res.hits[0])
        else:
            self.say("Nothing left to do.")

    def action_quit_unless_typing(self) -> None:
        if not isinstance(self.focused, Input):
            self.request_quit()

    def request_quit(self) -> None:
        """Quit, unless something typed is not stored: then ask (save / discard / cancel)."""
        if isinstance(self.screen, UnsavedChanges):
            return
        pending = self.query_one(TaggingPanel).pending()
        if not pending and self.draft is None:
            self.app.exit(0)
            return

        def answer(choice: str | None) -> None:
            if choice == "discard":
                self.app.exit(0)
            elif choice == "save":
                if self._save_pending():
                    self.app.exit(0)
                else:
                    self.say("Not everything could be saved (see the panel); still here.", severity="error")

        self.app.push_screen(UnsavedChanges(pending, draft=self.draft is not None), answer)

    def _save_pending(self) -> bool:
        panel = self.query_one(TaggingPanel)
        pending = panel.pending()
        if self.draft is not None and not pending:
            pending = {"type": panel.values()["type"]}  # try the draft as it is
        ok = True
        for name, typed in pending.items():
            if name == "type":
                typed = panel.expand_type(typed)
            ok = self._save_field(name, typed) and ok
        return ok and self.draft is None

    def action_toggle_panel(self) -> None:
        self._show_panel(not self.query_one(TaggingPanel).display)

    def _show_panel(self, show: bool) -> None:
        self.set_class(not show, "panel-hidden")
        self.set_class(show, "panel-shown")

    def action_toggle_list(self) -> None:
        self.toggle_class("reading")

    def action_help(self) -> None:
        """Every key that works, grouped by where it works, as remapped in config.toml."""
        groups: dict[str, list[tuple[str, str, str]]] = {}
        places = {**PLACES, "labels (reader)": label_commands(self._label_keys())}
        for place, commands in places.items():
            groups[place] = [(keys_label(active_keys(c, self.keymap)), c.does, c.id) for c in commands]
        groups["anywhere"].append(("ctrl+p", "command palette: every action, saved searches", ""))
        groups["search bar"] += [("Enter", "open the top hit", ""), ("Esc", "go to the list", "")]
        types = " ".join(f"{a.key}={a.name}" for a in self.taxonomy.activities.values())
        groups["tagging panel"] = [
            ("Enter Tab", "save the field and go to the next", ""),
            ("type field", f"a key ({types})", ""),
        ]
        self.app.push_screen(HelpScreen(groups))

    def on_key(self, event: Any) -> None:
        if event.key != "escape" or not isinstance(self.focused, Input):
            return
        if self.focused.id == "search":
            self.action_focus_list()
            event.stop()
        elif (self.focused.id or "").startswith("field-"):
            self.query_one(Reader).focus()  # leaving the field saves it
            event.stop()

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
            self.say(f"{label}: {safe_line(article.text[start:end])}", timeout=2)
            self.query_one(Reader).anchor = None
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
        article_id = self.article.id

        def done(_: object) -> None:
            self.say(f"Removed {found[2]} (u undoes).", timeout=2)
            self.after_change()

        self.write(lambda: self.owner.store.correct_entity(article_id, found[0], found[1], None), done)

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

    def on_tagging_panel_field_changed(self, event: TaggingPanel.FieldChanged) -> None:
        self._save_field(event.name, event.value)

    def _save_field(self, name: str, typed: str) -> bool:
        """Save one field of the record (or draft) in the panel; False if it was not saved (the
        panel then marks it, with the reason)."""
        panel = self.query_one(TaggingPanel)
        if not self._can_edit():
            return False
        value: Any = typed
        if name == "partners":
            value = [p.strip() for p in typed.split(",") if p.strip()]
        if self.draft is not None and self.article is not None:
            self.draft[name] = value
            try:
                record = self.owner.call(self.owner.store.add_record, self.article.id, **self.draft)
            except InvalidRecord as exc:
                panel.show_problems(exc.problems)
                return False
            except StoreError as exc:
                self.say(str(exc), severity="error")
                return False
            self.draft = None
            panel.show_record(record, self.article.text)
            self.say("Record saved.", timeout=2)
            self.after_change(record.id)
            return True
        if panel.record_id is None:
            return False
        try:
            current = self.owner.record(panel.record_id)
        except StoreError as exc:
            self.say(str(exc), severity="error")
            return False
        old = getattr(current, name, None)
        if name == "date" and value and self.article is not None:
            value_cmp: Any = parse_date(str(value), self.article.published) or value
        else:
            value_cmp = value
        if old == value_cmp or (old is None and value in ("", [])) or str(old) == str(value_cmp):
            panel.accept(name)
            panel.load_stored(current)
            return True  # unchanged (Enter then leaving the field must not save twice)
        try:
            self.owner.call(self.owner.store.update_record, panel.record_id, **{name: value})
        except InvalidRecord as exc:
            panel.reject(name, exc.problems)  # what was typed stays in the field, marked
            return False
        except StoreError as exc:
            self.say(str(exc), severity="error")
            return False
        panel.accept(name)
        self.after_change(panel.record_id)
        return True

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
        query = self.query_text

        def named(name: str | None) -> None:
            if name:
                self.write(lambda: self.owner.store.save_search(name, query),
                           lambda _: self.say(f"Saved search “{name}”.", timeout=2))

        self.app.push_screen(SaveSearch(query), named)

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
        for name in self.taxonomy.labels:
            cmds.append(
                (f"Show/hide {name}", "toggle the label in the reader", lambda n=name: self.toggle_label(n))
            )
        return cmds

    def action_ingest(self) -> None:
        if not self._can_edit():
            return
        self.app.push_screen(IngestScreen())

    def start_ingest(self, path: str, screen: IngestScreen) -> None:
        self._ingest(path, screen)

    @work(thread=True, exclusive=True, group="ingest")
    def _ingest(self, path: str, screen: IngestScreen) -> None:
        worker = get_current_worker()

        def progress(p: store.IngestProgress) -> None:
            self.app.call_from_thread(screen.progress, p.sources, p.added, p.skipped, p.current)

        try:
            report = self.owner.ingest([path], progress=progress, cancelled=lambda: worker.is_cancelled)
        except StoreError as exc:
            self.app.call_from_thread(self.say, str(exc), severity="error")
            return
        except Exception as exc:  # noqa: BLE001 - a worker must never take the app down
            self.app.call_from_thread(
                self.say, f"Ingest failed: {type(exc).__name__}: {exc}", severity="error"
            )
            return
        self.app.call_from_thread(screen.finished, report.summary())
        for source, reason in report.skipped[:5]:
            self.app.call_from_thread(self.say, f"skipped {safe_line(source)}: {reason}", severity="warning")
        self.app.call_from_thread(self.run_search, self.query_text)
        self.app.call_from_thread(self.refresh_status)
