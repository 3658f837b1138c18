"""The record form's side of the workbench: saving a typed field into a record, a draft or a
suggestion (which accepts it), one key that saves and marks the article done from inside a
field, what a key in a field with nothing to type into says, ``Esc`` and a key typed too fast to
arrive apart, and quitting with typed text not yet saved. On ``Coding`` (the store changes)."""

from __future__ import annotations

from typing import Any

from textual.widgets import Input

from store import InvalidRecord, StoreError, parse_date

from ..commands import key_name
from ..widgets.fields import Field
from ..widgets.reader import Reader
from ..widgets.tagging import TaggingPanel
from .coding import Coding
from .dialogs import UnsavedChanges


class Form(Coding):
    def on_tagging_panel_field_changed(self, event: TaggingPanel.FieldChanged) -> None:
        self._save_field(event.name, event.value)

    def save_into_suggestion(self, name: str, value: Any, extra: dict[str, Any]) -> bool:
        raise NotImplementedError  # Suggesting, the subclass

    def _save_field(self, name: str, typed: str) -> bool:
        """Save one field of the record (or draft, or suggestion) in the panel; False if it was
        not saved (the panel then marks it, with the reason)."""
        panel = self.query_one(TaggingPanel)
        if not self._can_edit():
            return False
        value: Any = typed
        extra: dict[str, Any] = {}
        if name == "partners":
            value = [p.strip() for p in typed.split(",") if p.strip()]
        if name == "date":  # the words typed are the date's text ("kemarin"), unless a bare ISO date
            words = typed.strip()
            extra["date_text"] = words if words and parse_date(words) != words else None
        if panel.suggestion_key is not None and self.article is not None:
            return self.save_into_suggestion(name, value, extra)
        if self.draft is not None and self.article is not None:
            self.draft[name] = value
            self.draft.update(extra)
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
            self.owner.call(self.owner.store.update_record, panel.record_id, **{name: value, **extra})
        except InvalidRecord as exc:
            panel.reject(name, exc.problems)  # what was typed stays in the field, marked
            return False
        except StoreError as exc:
            self.say(str(exc), severity="error")
            return False
        panel.accept(name)
        self.after_change(panel.record_id)
        return True

    def action_save_and_done(self) -> None:
        """Save what is typed in the form, then mark the article done: one key that works from
        inside a field (``Esc`` then ``D`` typed fast reached the field as one alt+D)."""
        if not self._can_edit() or not self._guard():
            return
        if (self.query_one(TaggingPanel).pending() or self.draft is not None) and not self._save_pending():
            self.say("Not saved (see the marked field); the status is unchanged.", severity="error")
            return
        self.action_status("done")

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
        """Quit, unless something typed is not stored: then ask (save / discard / cancel)."""
        if isinstance(self.app.screen, UnsavedChanges):  # ctrl+q again while it asks
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
