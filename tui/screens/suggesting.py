"""Suggested records on the workbench, decided as in Prodigy: one key each.

When an article opens, the store's suggestions (``Store.suggestions``: the sentences that read
as police activity, slots pre-filled, best first) show in the records list (``◇``, italic) and
in the reader's margin, and the sentence cursor starts on the best one. ``y`` accepts the
suggestion under the cursor (it is saved as a record), ``r`` rejects it (the store remembers),
``]``/``[`` go to the next/previous one in rank order, and ``a`` on a suggested sentence accepts
it and opens it in the form to edit (as ``a`` adds a record from any other sentence). A
suggestion chosen in the records list fills the form without being saved; editing a field then
accepts it with that edit. So accepting the right suggestion is one key after opening the
article when it ranks first, three when it ranks third.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from textual import work
from textual.reactive import reactive
from textual.worker import get_current_worker

from store import Article, InvalidRecord, StoreError

from ..messages import SuggestionsLoaded
from ..safe import safe_line
from ..widgets.reader import Reader
from ..widgets.tagging import Completions, FormState, RecordsState, TaggingPanel, record_line
from .coding import Step, outcome
from .form import Form

# longer articles get no suggestions: proposing costs ~15 µs a character (a 10 MB article
# would keep a core busy for minutes); they are coded with a, sentence by sentence
SUGGEST_MAX_CHARS = 100_000
COMPLETED = ("unit", "location", "partners")


def fields_of(suggestion: dict[str, Any]) -> dict[str, Any]:
    """A suggestion's record fields (without its key, score and source)."""
    return {k: v for k, v in suggestion.items() if k not in ("key", "score", "source")}


class Suggesting(Form):
    suggestions: list[dict[str, Any]]
    # what the form's fields offer to complete (bound to the panel in Workbench.compose)
    completions: reactive[Completions] = reactive(Completions)

    @work(thread=True, exclusive=True, group="suggest", description="load suggestions")
    def load_suggestions(self, article: Article, first: bool) -> None:
        """Read the article's suggestions and completions after it shows (never delaying it)."""
        worker = get_current_worker()
        if len(article.text) > SUGGEST_MAX_CHARS:
            if first:
                self.app.call_from_thread(self.say, f"No suggestions: the article is long "
                                          f"({len(article.text):,} characters); a adds records.", timeout=4)
            self.post_message(SuggestionsLoaded(article.id, [], {f: [] for f in COMPLETED}, first))
            return
        try:
            suggestions = self.owner.suggestions(article.id)
            completions = {f: self.owner.completions(article.id, f) for f in COMPLETED}
        except StoreError as exc:
            self.app.call_from_thread(self.say, str(exc), severity="error")
            return
        if not worker.is_cancelled:
            self.post_message(SuggestionsLoaded(article.id, suggestions, completions, first))

    def on_suggestions_loaded(self, loaded: SuggestionsLoaded) -> None:
        if self.article is None or loaded.article_id != self.article.id:
            return
        self.suggestions = loaded.suggestions
        self._show_marks()
        done = loaded.completions  # what the article holds first, then what records used before
        places = done["location"] + ([self.article.dateline] if self.article.dateline else [])
        self.completions = Completions(tuple(done["unit"]), tuple(places), tuple(done["partners"]))
        if loaded.first and self.suggestions:
            self.go_to_suggestion(self.suggestions[0])  # the best suggestion: y accepts it

    def _span(self, suggestion: dict[str, Any]) -> tuple[int, int]:
        ev = suggestion["evidence"][0]
        return int(ev["start"]), int(ev["end"])

    def suggestion_here(self) -> dict[str, Any] | None:
        """The suggestion whose evidence is the sentence under the cursor, if any."""
        start, end = self.query_one(Reader).current_sentence()
        for s in self.suggestions:
            s_start, s_end = self._span(s)
            if s_start < end and start < s_end:
                return s
        return None

    def _suggestion_in_play(self) -> dict[str, Any] | None:
        """The one ``y``/``r`` decide: the form's suggestion when the form shows one, else the
        one under the reader's cursor."""
        key = self.query_one(TaggingPanel).suggestion_key
        chosen = next((s for s in self.suggestions if s["key"] == key), None) if key else None
        return chosen or self.suggestion_here()

    def go_to_suggestion(self, suggestion: dict[str, Any] | None) -> None:
        if suggestion is not None:
            self.query_one(Reader).go_to(self._span(suggestion)[0])

    def _after(self, suggestion: dict[str, Any] | None, step: int = 1) -> dict[str, Any] | None:
        """The suggestion ``step`` places after ``suggestion`` in rank order (wrapping)."""
        if not self.suggestions:
            return None
        keys = [s["key"] for s in self.suggestions]
        if suggestion is None or suggestion["key"] not in keys:
            return self.suggestions[0 if step > 0 else -1]
        return self.suggestions[(keys.index(suggestion["key"]) + step) % len(keys)]

    def action_next_suggestion(self) -> None:
        self._step_suggestion(1)

    def action_previous_suggestion(self) -> None:
        self._step_suggestion(-1)

    def action_suggestion_below(self) -> None:
        self._step_in_text(1)

    def action_suggestion_above(self) -> None:
        self._step_in_text(-1)

    def _step_in_text(self, step: int) -> None:
        """To the next suggested sentence below the cursor (``step`` -1: above it), in the order the
        article reads: a reviewer coding a page top to bottom skips the sentences between (``]`` goes
        best first, from one end of the page to the other)."""
        if not self._guard():
            return
        start, end = self.query_one(Reader).current_sentence()
        starts = sorted(self._span(s)[0] for s in self.suggestions)
        found = (next((a for a in starts if a >= end), None) if step > 0
                 else next((a for a in reversed(starts) if a < start), None))
        if found is None:
            self.say(f"No suggestion {'below' if step > 0 else 'above'} the cursor.", timeout=2)
            return
        self.query_one(Reader).go_to(found)

    def _step_suggestion(self, step: int) -> None:
        if not self._guard():
            return
        if not self.suggestions:
            self.say("No suggestions left in this article.", timeout=2)
            return
        self.go_to_suggestion(self._after(self.suggestion_here(), step))

    def _to_decide(self) -> dict[str, Any] | None:
        """The suggestion ``y``/``r`` act on, or None (said why)."""
        if not self._can_edit() or not self._guard():
            return None
        suggestion = self._suggestion_in_play()
        if suggestion is None:
            self.say("No suggestion under the cursor (] goes to the next).", severity="warning", timeout=3)
        return suggestion

    def action_accept_suggestion(self) -> None:
        suggestion = self._to_decide()
        if suggestion is not None:
            self.accept(suggestion, {}, edit=False)

    def action_reject_suggestion(self) -> None:
        suggestion = self._to_decide()
        if suggestion is None:
            return
        assert self.article is not None
        article_id, key = self.article.id, suggestion["key"]
        following = self._after(suggestion)
        self._drop(suggestion)

        def done(_: object) -> None:
            self.say("Rejected; it will not be suggested again (u undoes).", timeout=2)
            self.after_change()

        self.write(lambda: self.owner.store.reject_suggestion(article_id, key), done)
        self.go_to_suggestion(following if following is not suggestion else None)

    def _drop(self, suggestion: dict[str, Any]) -> None:
        """Take a decided suggestion off the screen now (the reload that follows agrees)."""
        self.suggestions = [s for s in self.suggestions if s["key"] != suggestion["key"]]
        if self.form.suggestion_key == suggestion["key"]:
            self.form = FormState(text=self.form.text, published=self.form.published)
        self._show_marks()

    def accept(self, suggestion: dict[str, Any], edits: dict[str, Any], edit: bool) -> None:
        """Save ``suggestion`` with ``edits`` as a record (in the write queue). It leaves the
        screen at once, so a second ``y`` decides the next one; ``edit`` puts it in the form at
        its type, where the keys typed meanwhile go. A suggestion the store refuses (no unit
        found, say) becomes a draft in the form, its problems marked, as ``a`` does."""
        assert self.article is not None
        article = self.article
        following = self._after(suggestion)
        self._drop(suggestion)
        if edit:
            self._show_panel(True)
            self.draft = None
            self.form = FormState(fields_of(suggestion), article.text, article.published, adding=True)
            self.query_one(TaggingPanel).focus_field("type")
        else:
            self.go_to_suggestion(following if following is not suggestion else None)
        self.write_when_due(lambda: self._accept_step(article, suggestion, edits, edit))

    def _accept_step(self, article: Article, suggestion: dict[str, Any], edits: dict[str, Any], edit: bool,
                     field: str | None = None, saved: list[bool] | None = None) -> Step:
        """Accepting ``suggestion``: ``field`` is the form's field whose edit it carries."""
        panel = self.query_one(TaggingPanel)
        typed_before = panel.values()["type"]
        key = suggestion["key"]

        def done(made: Any) -> None:
            if saved is not None:
                saved.append(not isinstance(made, StoreError))
            saving = self.form.saving - {field} if field else self.form.saving
            if self.article is None or self.article.id != article.id:
                if not isinstance(made, StoreError):
                    self.after_change(made.id)
                return
            if isinstance(made, StoreError):
                self.load_suggestions(article, first=False)  # it is still a suggestion: back on screen
            if isinstance(made, InvalidRecord):
                self.draft = fields_of(suggestion) | edits
                self._show_panel(True)
                self.form = FormState(self.draft, article.text, article.published, made.problems,
                                      saving=saving, keep_typed=True)
                first = next(iter(made.problems))
                if not edit or panel.values()["type"] == typed_before:
                    panel.focus_field(first if first in ("type", "unit") else "type")
                return
            if isinstance(made, StoreError):
                self.say(str(made), severity="error")
                if self.form.adding:
                    self.form = FormState(text=article.text, published=article.published)
                return
            self.draft = None
            self.form = FormState(made, article.text, article.published, saving=saving, keep_typed=edit)
            if field is not None:
                panel.focus_field("type")
            self.say(f"Accepted: {safe_line(record_line(made.to_dict()))}", timeout=3)
            self.after_change(made.id)

        return outcome(lambda: self.owner.store.accept_suggestion(article.id, key, **edits)), done

    def action_add_record(self) -> None:
        """``a``: a suggested sentence is accepted and opened in the form; any other sentence
        gets a new pre-filled record (``Coding.action_add_record``)."""
        if not self._can_edit() or not self._guard():
            return
        here = self.suggestion_here()
        if here is None:
            super().action_add_record()
        else:
            self.accept(here, {}, edit=True)

    def on_tagging_panel_suggestion_chosen(self, event: TaggingPanel.SuggestionChosen) -> None:
        """A suggestion picked in the records list fills the form, unsaved; the reader shows it."""
        chosen = next((s for s in self.suggestions if s["key"] == event.key), None)
        if chosen is None or self.article is None:
            return
        self.draft = None
        self.go_to_suggestion(chosen)
        self.form = FormState(chosen, self.article.text, self.article.published)
        self.query_one(TaggingPanel).focus_field("type")

    def save_into_suggestion(self, name: str, value: Any, extra: dict[str, Any],
                             saved: list[bool] | None) -> Step | None:
        """A field of a suggestion in the form was edited: accept it with the edit."""
        key = self.form.suggestion_key
        chosen = next((s for s in self.suggestions if s["key"] == key), None)
        if chosen is None or self.article is None:
            self.say("That suggestion is gone (decided or rejected meanwhile).", severity="warning")
            self._done_saving(name, False, saved)
            return None
        self.suggestions = [s for s in self.suggestions if s["key"] != key]
        self._show_marks()
        # the form holds it while it is saved; the keys typed meanwhile stay
        self.form = replace(self.form, record=fields_of(chosen), adding=True, keep_typed=True)
        return self._accept_step(self.article, chosen, {name: value, **extra}, True, name, saved)

    def _show_marks(self) -> None:
        """The reader's margin and the records list: saved records, then suggestions."""
        marks = [(s, e, "suggestion") for s, e in map(self._span, self.suggestions)]
        marks += [(ev.start, ev.end, "record") for r in self.records_shown for ev in r.evidence]
        self.query_one(Reader).set_marks(marks)
        self.records_state = RecordsState(tuple(self.records_shown), tuple(self.suggestions),
                                          self.form.record_id or self.form.suggestion_key)
