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

from typing import Any

from textual import work
from textual.worker import get_current_worker

from store import Article, InvalidRecord, StoreError

from ..messages import SuggestionsLoaded
from ..safe import safe_line
from ..widgets.reader import Reader
from ..widgets.tagging import TaggingPanel, record_line
from .form import Form

# longer articles get no suggestions: proposing costs ~15 µs a character (a 10 MB article
# would keep a core busy for minutes); they are coded with a, sentence by sentence
SUGGEST_MAX_CHARS = 100_000
COMPLETED = ("unit", "location", "partners")


class Suggesting(Form):
    suggestions: list[dict[str, Any]]

    @work(thread=True, exclusive=True, group="suggest")
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
        self.query_one(TaggingPanel).set_completions(done["unit"], places, done["partners"])
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
        panel = self.query_one(TaggingPanel)
        self.suggestions = [s for s in self.suggestions if s["key"] != suggestion["key"]]
        if panel.suggestion_key == suggestion["key"]:
            panel.show_record(None)
        self._show_marks()

    def accept(self, suggestion: dict[str, Any], edits: dict[str, Any], edit: bool) -> bool:
        """Save ``suggestion`` with ``edits`` as a record; ``edit`` opens it in the form at its
        type. A suggestion the store refuses (no unit found, say) becomes a draft in the form,
        its problems marked, as ``a`` does with a sentence."""
        assert self.article is not None
        panel = self.query_one(TaggingPanel)
        following = self._after(suggestion)
        try:
            record = self.owner.call(
                self.owner.store.accept_suggestion, self.article.id, suggestion["key"], **edits
            )
        except InvalidRecord as exc:
            self.draft = {k: v for k, v in suggestion.items() if k not in ("key", "score", "source")} | edits
            self._show_panel(True)
            panel.show_record(self.draft, self.article.text, exc.problems)
            first = next(iter(exc.problems))
            panel.focus_field(first if first in ("type", "unit") else "type")
            return False
        except StoreError as exc:
            self.say(str(exc), severity="error")
            return False
        self.draft = None
        self._drop(suggestion)
        panel.show_record(record, self.article.text)
        if edit:
            self._show_panel(True)
            panel.focus_field("type")
        else:
            self.go_to_suggestion(following if following is not suggestion else None)
        self.say(f"Accepted: {safe_line(record_line(record.to_dict()))}", timeout=3)
        self.after_change(record.id)
        return True

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
        panel = self.query_one(TaggingPanel)
        panel.show_record(chosen, self.article.text)
        panel.focus_field("type")

    def save_into_suggestion(self, name: str, value: Any, extra: dict[str, Any]) -> bool:
        """A field of a suggestion in the form was edited: accept it with the edit."""
        panel = self.query_one(TaggingPanel)
        chosen = next((s for s in self.suggestions if s["key"] == panel.suggestion_key), None)
        if chosen is None:
            self.say("That suggestion is gone (decided or rejected meanwhile).", severity="warning")
            return False
        return self.accept(chosen, {name: value, **extra}, edit=True)

    def _show_marks(self) -> None:
        """The reader's margin and the records list: saved records, then suggestions."""
        marks = [(s, e, "suggestion") for s, e in map(self._span, self.suggestions)]
        marks += [(ev.start, ev.end, "record") for r in self.records_shown for ev in r.evidence]
        self.query_one(Reader).set_marks(marks)
        panel = self.query_one(TaggingPanel)
        panel.show_records(self.records_shown, panel.record_id or panel.suggestion_key, self.suggestions)
