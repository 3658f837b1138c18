"""The workbench screen: search list on the left, reader in the middle, tagging panel on the
right. State flows down: the screen owns what the widgets show as reactive values bound to them
(``data_bind``: the list's ``Listing``, the panel's ``FormState`` and ``RecordsState``, the
one-line labels); requests flow up as messages (``tui.messages``) and key actions; everything
that touches the store runs through the owner, in workers.

The actions that change the store are in its base classes: ``coding.py`` (store changes),
``form.py`` (the record form), ``suggesting.py`` (suggested records), ``menus.py`` (help,
palette, other screens, ingest).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.widgets import Footer, Input, OptionList, Static
from textual.worker import get_current_worker

from store import Article, SearchResult, StoreError, samples_dir

from ..commands import ANYWHERE, READER, bindings, label_commands
from ..config import save_reviewer
from ..ingest_rule import IngestRule
from ..messages import ArticleLoaded, FocusList
from ..owner import StoreOwner
from ..render import legend
from ..safe import safe_line
from ..widgets.article_list import LIMIT, ArticleList, Listing, SearchBar
from ..widgets.reader import Reader
from ..widgets.tagging import FormState, TaggingPanel
from ..widgets.text_line import TextLine
from .dialogs import AskName, Confirm, IngestScreen
from .menus import Menus

NARROW = 120


class Workbench(Menus):
    BINDINGS = bindings(ANYWHERE[1:])  # ctrl+q lives on the app: it quits from any screen

    # what the one-line labels show, bound to them (text, style)
    status: reactive[tuple[str, str]] = reactive(("", ""))  # reviewer, progress
    found: reactive[tuple[str, str]] = reactive(("", ""))  # how many articles the query finds
    # what the list shows (bound to it); a new Listing for each search that comes back
    listing: reactive[Listing] = reactive(Listing, always_update=True)

    def __init__(self, owner: StoreOwner, keymap: dict[str, str], reviewer_known: bool,
                 ingest_rule: IngestRule | None = None) -> None:
        super().__init__()
        self.ingest_rule = ingest_rule or IngestRule()
        self.owner = owner
        self.keymap = keymap
        self.reviewer_known = reviewer_known
        self.taxonomy = owner.store.taxonomy
        self.article: Article | None = None
        self.history: list[str] = []
        self.history_pos = 0
        self.draft: dict[str, Any] | None = None
        self.hidden_labels: set[str] = set()
        self._wanted: str | None = None  # the article the last open asked for
        self.unreadable_said: set[str] = set()  # articles whose unreadable records were named
        self._open_top_of: str | None = None  # a query submitted before its results came back

    # -- layout -------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(id="main"):
            with Vertical(id="left"):
                yield SearchBar(
                    placeholder='/ search: words "phrase" status:todo type: unit: date:', id="search"
                )
                yield TextLine(id="search-info").data_bind(line=Workbench.found)
                yield ArticleList(id="list").data_bind(Workbench.listing)
            with Vertical(id="middle"):
                yield Static("", id="article-head")
                yield Static(legend(self.taxonomy), id="legend")
                # the label keys come from this store's taxonomy, so the reader class is made for it
                labels = bindings(label_commands(self._label_keys()))
                reader_class = type("Reader", (Reader,), {"BINDINGS": [*bindings(READER), *labels]})
                yield reader_class(self.taxonomy, id="reader")
            yield TaggingPanel(self.taxonomy, id="panel").data_bind(
                Workbench.completions, form=Workbench.form, records_list=Workbench.records_state)
        yield TextLine(id="statusline").data_bind(line=Workbench.status)
        yield Footer()

    def on_mount(self) -> None:
        self.on_resize()
        if self.owner.store.notice:
            self.say(self.owner.store.notice, severity="warning", timeout=10)
        self.refresh_status()
        self.run_search("")
        self.run_worker(self.note_readings, thread=True, group="readings")  # what drafts read before a change
        self.query_one("#search", Input).focus()
        if not self.reviewer_known:
            self.app.push_screen(AskName(self._remember_reviewer), self._set_reviewer)
        elif self.owner.count() == 0 and self.owner.store.writable:
            self._offer_samples()

    def _set_reviewer(self, name: str | None) -> None:
        if name and not self._remember_reviewer(name):
            self.app.push_screen(AskName(self._remember_reviewer), self._set_reviewer)
            return
        if self.owner.count() == 0 and self.owner.store.writable:
            self._offer_samples()

    def _remember_reviewer(self, name: str) -> bool:
        """Take the name typed as the reviewer's (and remember it in config.toml), or say why not;
        the name dialog's Enter, and its s when quitting."""
        if safe_line(name) != name or not name.isprintable():
            # stamped on every record and shown on the status line: no control characters
            self.say("A name cannot hold control characters; type it again.", severity="error")
            return False
        if name.startswith("/"):  # "/" then a search, typed before the prompt was seen
            self.say("That looks like a search: type your name first, then / to search.", severity="warning")
            return False
        self.owner.store.reviewer = name
        self.run_worker(self.note_readings, thread=True, group="readings")  # drafts follow their records
        try:
            save_reviewer(name)
        except StoreError as exc:
            self.say(f"Could not remember your name: {exc}", severity="warning")
        self.refresh_status()
        self.run_search(self.listing.query)
        return True

    def _offer_samples(self) -> None:
        def answer(yes: bool | None) -> None:
            if yes:
                screen = IngestScreen()
                self.app.push_screen(screen)
                self._ingest(str(samples_dir()), screen, typed=False)  # the bundled samples: no path typed

        self.app.push_screen(Confirm("This store is empty. Load the bundled sample articles?"), answer)

    def on_resize(self, event: object = None) -> None:
        narrow = self.size.width < NARROW
        self.set_class(narrow, "narrow")
        self.remove_class("list-beside" if not narrow else "list-hidden")  # (l's, for the other width)

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
        keep = keep or (self.article.id if self.article else None)
        self.listing = Listing(query, tuple(result.rows), statuses, records, tuple(result.words),
                               result.total, result.error, keep)
        if self._open_top_of is not None and self._open_top_of == query:
            self._open_top_of = None
            if result.rows:
                self.open_article(result.rows[0].id)

    def watch_listing(self, listing: Listing) -> None:
        self.found = listing.found

    @on(Input.Changed, "#search")
    def _search_changed(self, event: Input.Changed) -> None:
        self.run_search(event.value)

    @on(Input.Submitted, "#search")
    def _search_submitted(self, event: Input.Submitted) -> None:
        value = event.value.strip()
        if value and (not self.history or self.history[-1] != value):
            self.history.append(value)
        self.history_pos = len(self.history)
        if self.listing.query != event.value:
            # the list still shows an earlier query (Enter came before the last letter's search
            # came back): open the top hit of what was typed when its results arrive
            self._open_top_of = event.value
            return
        self._open_top_of = None
        if self.listing.rows:
            self.open_article(self.listing.rows[0].id)

    def on_search_bar_recall(self, event: SearchBar.Recall) -> None:
        if not self.history:
            return
        self.history_pos = max(0, min(len(self.history), self.history_pos + event.step))
        bar = self.query_one("#search", Input)
        bar.value = self.history[self.history_pos] if self.history_pos < len(self.history) else ""
        bar.cursor_position = len(bar.value)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id == "list" and event.option.id:  # the panel's list posts RecordChosen
            self.open_article(event.option.id)

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
            unreadable = self.owner.unreadable_records(article_id)
        except StoreError as exc:
            self.app.call_from_thread(self.say, str(exc), severity="error")
            return
        if unreadable and article_id not in self.unreadable_said:  # once per article, not per reload
            self.unreadable_said.add(article_id)
            more = f" (and {len(unreadable) - 1} more)" if len(unreadable) > 1 else ""
            self.app.call_from_thread(self.say, f"record {unreadable[0][0]} of this article cannot be read "
                                      f"({unreadable[0][1]}){more}: not shown; `tandai check` names it.",
                                      severity="warning", timeout=10)
        if not worker.is_cancelled:
            self.post_message(ArticleLoaded(article, records, dups, status, focus, changed))

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
        reader.show(article, list(self.listing.words), keep_cursor=same)
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
        self.records_shown = records
        if not same:
            self.suggestions = []  # the new article's come from their own worker
        self._show_marks()
        self.load_suggestions(article, first=not same)
        if not same:
            dropped = panel.pending()
            if dropped:  # refused values are never dropped in silence
                said = "; ".join(f"{k} “{v}”" for k, v in dropped.items())
                self.say(f"Not saved, left in the previous record: {said}", severity="warning", timeout=8)
            self.form = FormState(text=article.text, published=article.published)
        elif self.form.published != article.published or self.form.text != article.text:
            self.form = replace(self.form, text=article.text, published=article.published, keep_typed=True)
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
        rows = self.listing.rows
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
        rows = [r.id for r in self.listing.rows]
        here = self.article.id if self.article else None
        start = rows.index(here) + 1 if here in rows else 0
        self._find_todo(rows[start:] + rows[:start], here)

    @work(thread=True, exclusive=True, group="todo", description="find the next to do")  # ids: no repr
    def _find_todo(self, ids: list[str], here: str | None) -> None:
        """The next todo article after the shown one in the list, else the first in the store
        (statuses are read in this worker, never on the UI thread)."""
        found = next((i for i in ids if i != here and self.owner.status(i) == "todo"), None)
        if found is None:
            found = next(iter(self.owner.search("status:todo", limit=1).hits), None)
        if found is None:
            self.app.call_from_thread(self.say, "Nothing left to do.")
        else:
            self.app.call_from_thread(self.open_article, found)

    def action_toggle_panel(self) -> None:
        self._show_panel(not self.query_one(TaggingPanel).display)

    def _show_panel(self, show: bool) -> None:
        self.set_class(not show, "panel-hidden")
        self.set_class(show, "panel-shown")
        if show and self.has_class("narrow"):  # under 120 columns the reader keeps 40: the list goes
            self.remove_class("list-beside")

    def action_toggle_list(self) -> None:
        """``l``: the list hidden or shown beside the reader. Under 120 columns it comes beside the
        reader, which keeps the rest (at least 40 columns: the tagging panel gives way); it made the
        list fill the screen, the reader no columns wide and nothing focused. From the list alone
        there (Esc), ``l`` goes back to the article."""
        reader = self.query_one(Reader)
        if not self.has_class("narrow"):
            shown = not self.toggle_class("list-hidden").has_class("list-hidden")
        elif not self.has_class("reading"):
            if self.article is not None:
                self.add_class("reading")
                reader.focus()
            return
        else:
            shown = self.toggle_class("list-beside").has_class("list-beside")
            if shown:
                self.set_class(False, "panel-shown")
        focused = self.focused
        if not shown and focused is not None and self.query_one("#left") in focused.ancestors_with_self:
            reader.focus()  # the list or the search bar had it

    def on_key(self, event: Any) -> None:
        if event.key != "escape" or not isinstance(self.focused, Input):
            return
        if self.focused.id == "search":
            self.action_focus_list()
            event.stop()
        elif (self.focused.id or "").startswith("field-"):
            self.query_one(Reader).focus()  # leaving the field saves it
            event.stop()
