"""The record form's side of the workbench: saving a typed field into a record, a draft or a
suggestion (which accepts it), one key that saves and marks the article done from inside a
field, what a key in a field with nothing to type into says, ``Esc`` and a key typed too fast to
arrive apart, and quitting with typed text not yet saved. On ``Coding`` (the store changes);
each save is a step of its write queue, decided when its turn comes."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from textual.widgets import Input

import store
from store import InvalidRecord, StoreError, parse_date

from ..commands import key_name
from ..widgets.fields import Field
from ..widgets.reader import Reader
from ..widgets.tagging import FIELD_LETTERS, FormState, TaggingPanel
from .coding import Coding, Step, conflict, outcome
from .dialogs import FieldPicker, HoldsTyped, UnsavedChanges


class Form(Coding):
    def on_tagging_panel_field_changed(self, event: TaggingPanel.FieldChanged) -> None:
        self._save_field(event.name, event.value)

    def save_into_suggestion(self, name: str, value: Any, extra: dict[str, Any],
                             saved: list[bool] | None) -> Step | None:
        raise NotImplementedError  # Suggesting, the subclass

    def _save_field(self, name: str, typed: str, saved: list[bool] | None = None) -> None:
        """Save one field of the record (or draft, or suggestion) in the form, in the write
        queue; the field keeps what is typed until the result is shown. ``saved`` is told
        whether it was saved (a refusal is marked in the panel, with the reason)."""
        if not self._can_edit():
            if saved is not None:
                saved.append(False)
            return
        self.form = replace(self.form, saving=self.form.saving | {name}, keep_typed=True)
        self.write_when_due(lambda: self._save_step(name, typed, saved))

    def _done_saving(self, name: str, ok: bool, saved: list[bool] | None, **state: Any) -> None:
        """A field's save came back: it is no longer under way, and the form takes ``state``."""
        if saved is not None:
            saved.append(ok)
        self.form = replace(self.form, saving=self.form.saving - {name}, keep_typed=True, **state)

    def _save_step(self, name: str, typed: str, saved: list[bool] | None) -> Step | None:
        """Decided when its turn comes (the form may hold what an earlier step made of it)."""
        panel = self.query_one(TaggingPanel)
        value: Any = typed
        extra: dict[str, Any] = {}
        if name == "partners":
            value = [p.strip() for p in typed.split(",") if p.strip()]
        if name == "date":  # the words typed are the date's text ("kemarin"), unless a bare ISO date
            words = typed.strip()
            extra["date_text"] = words if words and parse_date(words) != words else None
        article = self.article
        if article is None or not self._can_edit():
            self._done_saving(name, False, saved)
            return None
        if panel.suggestion_key is not None:
            return self.save_into_suggestion(name, value, extra, saved)
        if self.draft is not None:
            return self._draft_step(article, {**self.draft, name: value, **extra}, name, saved)
        record_id = panel.record_id
        if record_id is None:
            self._done_saving(name, False, saved)
            return None
        st = self.owner.store
        read = panel.base(name)  # the version the field's value was read from
        before: list[str] = []  # the version this save changed

        def change() -> tuple[store.ActivityRecord, bool]:
            current = st.record(record_id)
            before.append(current.updated)
            old = getattr(current, name, None)
            if name == "date" and value and article is not None:
                value_cmp: Any = parse_date(str(value), article.published) or value
            else:
                value_cmp = value
            if old == value_cmp or (old is None and value in ("", [])) or str(old) == str(value_cmp):
                return current, False  # unchanged (Enter then leaving the field must not save twice)
            return st.update_record(record_id, read=read, **{name: value, **extra}), True

        def done(result: Any) -> None:
            here = self.form.record_id == record_id
            if isinstance(result, StoreError) and conflict(result):
                self._show_theirs(record_id, name, result, saved)
                return
            if isinstance(result, StoreError):
                if not isinstance(result, InvalidRecord):
                    self.say(str(result), severity="error")
                problems = result.problems if isinstance(result, InvalidRecord) else {name: str(result)}
                why = problems.get(name) or "; ".join(f"{k}: {v}" for k, v in problems.items())
                # what was typed stays in the field, marked, with the reason
                self._done_saving(name, False, saved, **({"rejected": {**self.form.rejected, name: why}}
                                                         if here else {}))
                return
            record, changed = result
            if changed and before:  # fields typed over what this save replaced read nobody else's
                panel.saved_over(before[0], record.updated)
            rejected = {k: v for k, v in self.form.rejected.items() if k != name}
            self._done_saving(name, True, saved, **({"record": record, "rejected": rejected} if here else {}))
            if changed:
                self.after_change(record_id)

        return outcome(change), done

    def _draft_step(self, article: store.Article, draft: dict[str, Any], name: str,
                    saved: list[bool] | None) -> Step:
        """A field of a draft was typed: the draft with it is tried as a new record."""

        def done(made: Any) -> None:
            if isinstance(made, InvalidRecord):
                self.draft = draft
                self._done_saving(name, False, saved, record=draft, problems=made.problems)
            elif isinstance(made, StoreError):  # the draft keeps what was typed
                self.say(str(made), severity="error")
                self.draft = draft
                self._done_saving(name, False, saved, record=draft)
            else:
                self.draft = None
                self._done_saving(name, True, saved, record=made, problems={}, rejected={})
                self.say("Record saved.", timeout=2)
                self.after_change(made.id)

        return outcome(lambda: self.owner.store.add_record(article.id, **draft)), done

    def _show_theirs(self, record_id: str, name: str, refused: StoreError, saved: list[bool] | None) -> None:
        """Someone else changed the record since it was read (a shared database): say who and
        what, and put the store's version in the form instead of the refused text."""
        self.say(str(refused), severity="warning", timeout=10)
        if saved is not None:
            saved.append(False)
        try:
            theirs = self.owner.record(record_id)
        except StoreError as exc:  # they deleted it
            self.say(str(exc), severity="error")
            self.form = FormState(text=self.form.text, published=self.form.published)
        else:
            if self.form.record_id == record_id:
                self.form = FormState(theirs, self.form.text, self.form.published)
        self.after_change(record_id)

    def action_save_and_done(self) -> None:
        """Save what is typed in the form, then mark the article done: one key that works from
        inside a field (``Esc`` then ``D`` typed fast reached the field as one alt+D)."""
        if not self._can_edit() or not self._guard():
            return
        if not self.query_one(TaggingPanel).pending() and self.draft is None:
            self.action_status("done")
            return
        saved = self._save_pending()

        def then() -> None:
            if all(saved) and self.draft is None:
                self.action_status("done")
            else:
                self.say("Not saved (see the marked field); the status is unchanged.", severity="error")

        self.then(then)

    def action_go_to_field(self) -> None:
        """``ctrl+g`` and a letter: to that field of the form, from anywhere in it or from the reader
        (Tab goes one field at a time: a place is three down the form, personnel five)."""
        panel = self.query_one(TaggingPanel)
        if not panel.editing or not panel.display:
            self.say("No record in the form: a adds one from the sentence under the cursor "
                     "(t shows a hidden panel).", severity="warning", timeout=3)
            return

        def chosen(name: str | None) -> None:
            if name:
                self.query_one(f"#field-{name}", Field).focus()

        self.app.push_screen(FieldPicker(FIELD_LETTERS), chosen)

    def on_field_no_record(self, event: Field.NoRecord) -> None:
        self.say("No record is selected: a adds one from the sentence under the cursor, y accepts a "
                 "suggestion, Enter on one in the records list opens it.", severity="warning", timeout=4)

    def on_field_escape_then(self, event: Field.EscapeThen) -> None:
        """``Esc`` and a key typed in quick succession: leave the field (saving it), then the key."""
        self.query_one(Reader).focus()  # the focus moves on the app's queue: the key follows it
        self.app.call_later(self.app.simulate_key, key_name(event.key))

    # -- quitting with unsaved text ---------------------------------------------------------

    def action_quit_unless_typing(self) -> None:
        if not isinstance(self.focused, Input):
            self.request_quit()

    def request_quit(self) -> None:
        """Quit, unless something typed is not stored: then ask (save / discard / cancel). Saves
        under way are waited for first (their result decides whether anything is unsaved). Text
        typed in an open dialog (a search's name, an adjudicated value) is asked about the same way."""
        if isinstance(self.app.screen, UnsavedChanges):  # ctrl+q again while it asks
            return
        if self._writes or self._write_lock.locked():
            self.then(self._quit_or_ask)
        else:
            self._quit_or_ask()

    def _quit_or_ask(self) -> None:
        if isinstance(self.app.screen, UnsavedChanges):
            return
        dialog = self.app.screen if isinstance(self.app.screen, HoldsTyped) else None
        typed = dialog.typed() if dialog is not None else {}
        keeps = dialog is not None and bool(typed) and dialog.keeps  # s can store the dialog's text
        pending = self.query_one(TaggingPanel).pending()
        if not pending and self.draft is None and not typed:
            self.app.exit(0)
            return

        def answer(choice: str | None) -> None:
            if choice == "discard":
                self.app.exit(0)
            elif choice == "save":
                kept: list[bool] = []  # the dialog's text: stored, or not
                if keeps and dialog is not None:
                    dialog.keep(kept)  # as its Enter would (a write may go in the queue)
                saved = self._save_pending() if pending or self.draft is not None else []

                def then() -> None:
                    if kept == ([True] if keeps else []) and all(saved) and self.draft is None:
                        self.app.exit(0)
                    else:
                        self.say("Not everything could be saved (see the marked field or the dialog); "
                                 "still here.", severity="error")

                self.then(then)

        asked = UnsavedChanges({**(typed if keeps else {}), **pending}, draft=self.draft is not None,
                               unkept={} if keeps else typed)
        self.app.push_screen(asked, answer)

    def _save_pending(self) -> list[bool]:
        """Save every field typed and not stored (the draft as it is, if nothing is typed);
        the list returned is told, field by field, whether it was saved."""
        panel = self.query_one(TaggingPanel)
        pending = panel.pending()
        if self.draft is not None and not pending:
            pending = {"type": panel.values()["type"]}  # try the draft as it is
        saved: list[bool] = []
        for name, typed in pending.items():
            if name == "type":
                typed = panel.expand_type(typed)
            self._save_field(name, typed, saved)
        return saved
