"""Small modal screens: the reviewer's name, a yes/no question, unsaved text at quit, the key
map, the ingest prompt. Anything from data (paths, queries, summaries) is shown as escaped
``Text``, never as markup."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from rich.table import Table
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Input, Label, ProgressBar, Static

from ..ingest_rule import IngestRule
from ..messages import IngestRequested
from ..safe import safe, safe_line

DIALOG_CSS = """
{name} {{ align: center middle; }}
{name} > Vertical {{ width: 70; height: auto; max-height: 90%; border: thick $primary; background: $surface;
    padding: 1 2; }}
{name} Input {{ margin-top: 1; }}
"""


class HoldsTyped:
    """A dialog whose typed text quitting must not drop in silence (README): the workbench's quit
    asks about it with the tagging form's question (``Form.request_quit``)."""

    keeps = True  # s can store what is typed; False: nothing to store it as (the question says so)

    def typed(self) -> dict[str, str]:
        """What is typed and would be lost, by what it is; empty when nothing would be."""
        return {}

    def keep(self, kept: list[bool]) -> None:
        """Store what is typed (the question's s) as Enter would; ``kept`` is told whether it was."""
        kept.append(False)


class AskName(HoldsTyped, ModalScreen[str]):
    DEFAULT_CSS = DIALOG_CSS.format(name="AskName")

    def __init__(self, remember: Callable[[str], bool]) -> None:
        super().__init__()
        self.remember = remember  # the workbench's: takes the name as the reviewer's, or says why not

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("Your name (stamped on every record and status):")
            yield Input(placeholder="e.g. rina", id="name")

    def typed(self) -> dict[str, str]:
        name = self.query_one(Input).value
        return {"your name": name} if name.strip() else {}

    def keep(self, kept: list[bool]) -> None:
        kept.append(self.remember(self.query_one(Input).value.strip()))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.value.strip():
            self.dismiss(event.value.strip())


class Confirm(ModalScreen[bool]):
    DEFAULT_CSS = DIALOG_CSS.format(name="Confirm")
    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="confirm_yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm_no"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(Text(safe(self.question) + "  [y/n]"))

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class FieldPicker(ModalScreen[str]):
    """``ctrl+g``, then a field's letter: the record form's field to go to (a fix three or five Tabs
    down the form costs two keys); any other key stays where it was."""

    # every letter on the screen: one line at 160 columns, wrapped at 80
    DEFAULT_CSS = DIALOG_CSS.format(name="FieldPicker").replace("width: 70;", "width: 104; max-width: 96%;")

    def __init__(self, letters: dict[str, str]) -> None:
        super().__init__()
        self.letters = letters

    def compose(self) -> ComposeResult:
        text = Text("go to field:  ")
        for letter, name in self.letters.items():
            text.append(letter, "bold")
            text.append(f" {name}  ")
        text.append("(another key stays)", "dim")
        with Vertical():
            yield Static(text)

    def on_key(self, event: events.Key) -> None:
        event.stop()
        event.prevent_default()
        self.dismiss(self.letters.get(event.character or "", ""))


class SaveSearch(HoldsTyped, ModalScreen[str]):
    DEFAULT_CSS = DIALOG_CSS.format(name="SaveSearch")
    BINDINGS = [Binding("escape", "dismiss('')", "Cancel", id="save_search_cancel")]

    def __init__(self, query: str, save: Callable[[str, list[bool]], None]) -> None:
        super().__init__()
        self.query_text = query
        self.save = save  # the workbench's: saves the search under a name (in its write queue)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(Text(f"Save the search “{safe_line(self.query_text)}” as:"))
            yield Input(placeholder="e.g. my Kaltim queue", id="search-name")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip())

    def typed(self) -> dict[str, str]:
        name = self.query_one(Input).value
        return {"search name": name} if name.strip() else {}

    def keep(self, kept: list[bool]) -> None:
        self.save(self.query_one(Input).value.strip(), kept)


class UnsavedChanges(ModalScreen[str]):
    """Quitting with typed text that is not stored: save it, discard it, or stay. Text that has
    nothing to be saved as (an ingest path) is listed as not kept; with only such text there is
    no s. The choices come first, one a line, and a small terminal drops the frame: at 20x6 they
    were cut off below the list (s, d and Esc not shown)."""

    DEFAULT_CSS = DIALOG_CSS.format(name="UnsavedChanges") + """
UnsavedChanges.small > Vertical { width: 100%; max-height: 100%; border: none; padding: 0; }
"""
    SMALL = (50, 16)  # columns or rows below these: no frame around the question
    BINDINGS = [
        Binding("s", "answer('save')", "Save", id="unsaved_save"),
        Binding("d", "answer('discard')", "Discard", id="unsaved_discard"),
        Binding("escape,c", "answer('cancel')", "Cancel", id="unsaved_cancel"),
    ]

    def __init__(
        self, pending: dict[str, str], draft: bool = False, unkept: dict[str, str] | None = None
    ) -> None:
        super().__init__()
        self.pending, self.draft, self.unkept = pending, draft, unkept or {}

    @property
    def can_save(self) -> bool:
        return bool(self.pending or self.draft)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.can_save or action != "answer" or parameters != ("save",)

    def compose(self) -> ComposeResult:
        text = Text("Typed but not saved:\n", style="bold")
        choices = ([("s", "save and quit")] if self.can_save else []) + [("d", "discard and quit"),
                                                                        ("Esc", "stay")]
        for key, does in choices:
            text.append(key, style="bold")
            text.append(f" {does}\n")
        text.append("\n")
        if self.draft:
            text.append("  the draft record (not saved yet)\n")
        for name, value in self.pending.items():
            text.append(f"  {name}: ", style="bold")
            text.append(safe_line(value)[:60] + "\n")
        for name, value in self.unkept.items():
            text.append(f"  {name}: ", style="bold")
            text.append(safe_line(value)[:60] + "  (not kept: nothing to save it as)\n")
        text.rstrip()
        with Vertical():
            yield Static(text)

    def on_mount(self) -> None:
        self.on_resize()

    def on_resize(self, event: object = None) -> None:
        width, height = self.app.size
        self.set_class(width < self.SMALL[0] or height < self.SMALL[1], "small")

    def action_answer(self, choice: str) -> None:
        self.dismiss(choice)


class HelpScreen(ModalScreen[None]):
    """Every key that works, grouped by where it works."""

    DEFAULT_CSS = DIALOG_CSS.format(name="HelpScreen").replace("width: 70", "width: 90")
    BINDINGS = [Binding("escape,question_mark,q", "dismiss", "Close", id="help_close")]

    def __init__(self, groups: dict[str, list[tuple[str, str, str]]]) -> None:
        super().__init__()
        self.groups = groups

    def compose(self) -> ComposeResult:
        table = Table(box=None, show_header=True, header_style="bold", expand=True)
        table.add_column("key", style="bold cyan", no_wrap=True)
        table.add_column("does")
        table.add_column("id (for [keys] in config.toml)", style="dim")
        for group, rows in self.groups.items():
            table.add_row(Text(group, style="bold underline"), "", "")
            for key, description, binding_id in rows:  # Text: a taxonomy's key is never markup
                table.add_row(*(Text(safe_line(x)) for x in (key, description, binding_id)))
        with Vertical():
            with VerticalScroll():
                yield Static(table)
            yield Label("Esc closes · ctrl+p opens the command palette", classes="dim")


class PathSuggester(Suggester):
    """Completes file-system paths, directory by directory; in a browser session only inside the
    folder it may ingest from (a name outside is not shown either)."""

    def __init__(self, rule: IngestRule | None = None) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.rule = rule or IngestRule()

    async def get_suggestion(self, value: str) -> str | None:
        if not value:
            return None
        path = Path(os.path.expanduser(value))
        parent, stem = (path, "") if value.endswith(os.sep) else (path.parent, path.name)
        where = self.rule.listable(str(parent))
        if where is None:
            return None
        parent = Path(where)
        try:
            names = sorted(
                p.name
                for p in parent.iterdir()
                # a name with control characters is never suggested: it would be drawn raw
                if p.name.startswith(stem) and not p.name.startswith(".") and safe_line(p.name) == p.name
            )
        except OSError:
            return None
        if not names:
            return None
        done = value[: len(value) - len(stem)] + names[0]
        return done + (os.sep if (parent / names[0]).is_dir() else "")


class IngestScreen(HoldsTyped, ModalScreen[str]):
    """Asks for a path (with completion); the app runs the ingest and reports progress here."""

    DEFAULT_CSS = DIALOG_CSS.format(name="IngestScreen")
    BINDINGS = [Binding("escape", "dismiss('')", "Close", id="ingest_close"),
                Binding("tab", "complete", "Complete", id="ingest_complete", show=False)]
    keeps = False  # a path to read now: there is nothing to store it as when quitting
    started = ""  # the path whose ingest was asked for: no longer typed and unsent

    def __init__(self, rule: IngestRule | None = None) -> None:
        super().__init__()
        self.rule = rule or IngestRule()  # in a browser session: paths inside one folder only

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(Text(f"Ingest files, a directory or a glob{self.rule.label()} "
                             "(Tab completes, Enter starts):"))
            placeholder = "articles/" if self.rule.served else "~/articles/"
            yield Input(placeholder=placeholder, id="ingest-path", suggester=PathSuggester(self.rule))
            yield ProgressBar(id="ingest-progress", show_eta=False)
            yield Static("", id="ingest-status")

    def action_complete(self) -> None:
        """Tab takes the completion, as in a shell (Textual's Input takes it with the right arrow
        at the end of the text); with nothing to complete it does nothing (focus stays)."""
        field = self.query_one(Input)
        field.cursor_position = len(field.value)
        field.action_cursor_right()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.value.strip():
            self.started = event.value
            self.post_message(IngestRequested(event.value.strip(), self))

    def typed(self) -> dict[str, str]:
        path = self.query_one(Input).value
        return {"ingest path": path} if path.strip() and path != self.started else {}

    def progress(self, done: int, added: int, skipped: int, current: str) -> None:
        self.query_one("#ingest-progress", ProgressBar).update(total=None, progress=done)
        self.query_one("#ingest-status", Static).update(
            Text(f"{done} read · {added} added · {skipped} skipped  {safe_line(current)[-50:]}")
        )

    def refused(self, why: str) -> None:
        """The path typed may not be read (``IngestRule``): why, in the dialog; it is still typed."""
        self.started = ""
        self.query_one("#ingest-status", Static).update(Text(safe_line(why)))

    def failed(self, why: str) -> None:
        """The ingest stopped on an error: why, in the dialog (a toast fades), and the bar stopped (it
        spun on, as if still reading); the path stays, Enter tries again."""
        self.started = ""
        self.query_one("#ingest-progress", ProgressBar).update(total=1, progress=0)
        self.query_one("#ingest-status", Static).update(Text(safe_line(why) + "  (Esc closes)"))

    def finished(self, summary: str) -> None:
        bar = self.query_one("#ingest-progress", ProgressBar)
        bar.update(total=1, progress=1)
        self.query_one("#ingest-status", Static).update(Text(safe(summary) + "  (Esc closes)"))
