"""Every command of the workbench, declared once.

A ``Command`` is the one place a command lives: its binding (keys, action, id for remapping in
``config.toml``), its footer label, its palette entry and its help row all come from it, so they
cannot drift apart; ``tests/app/test_keys.py`` holds the README's key table to these declarations.
Keys are Textual key names here (``slash``); ``key_label`` names them as a person would (``/``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from textual.binding import Binding, BindingType
from textual.keys import _character_to_key, format_key


@dataclass(frozen=True)
class Command:
    id: str  # the binding id: `[keys] <id> = "key"` in config.toml remaps it
    keys: str  # default keys, Textual names, comma-separated
    action: str
    does: str  # the help row, the palette's help line and the README's "does" column
    footer: str = ""  # the footer label; empty: not in the footer
    palette: str = ""  # the palette entry; empty: not in the palette
    priority: bool = False

    def binding(self) -> Binding:
        return Binding(
            self.keys,
            self.action,
            self.footer or self.does,
            show=bool(self.footer),
            id=self.id,
            priority=self.priority,
            tooltip=self.does,
        )


def bindings(commands: Iterable[Command]) -> list[BindingType]:
    return [c.binding() for c in commands]


_SPOKEN = {"escape": "Esc", "enter": "Enter", "tab": "Tab", "pageup": "PgUp", "pagedown": "PgDn"}


def key_label(key: str) -> str:
    """A key as a person names it: ``/``, ``?``, ``-``, ``ctrl+p``, ``Esc``, ``up`` (never
    ``slash``, ``question_mark``, ``minus``)."""
    *mods, base = key.split("+")
    base = _SPOKEN.get(base, base if base in ("up", "down", "left", "right") else format_key(base))
    return "+".join([*mods, base])


def keys_label(keys: str) -> str:
    return " ".join(key_label(k.strip()) for k in keys.split(",") if k.strip())


def active_keys(command: Command, keymap: Mapping[str, str]) -> str:
    """The keys that run ``command`` now: the user's remapping if there is one."""
    return keymap.get(command.id, command.keys)


# -- anywhere ------------------------------------------------------------------------------------

ANYWHERE = [
    Command("quit", "ctrl+q", "quit", "quit", "Quit", "Quit", priority=True),
    Command("quit_q", "q", "quit_unless_typing", "quit (not while typing)"),
    Command("focus_search", "slash", "focus_search", "focus the search bar", "Search", "Search"),
    Command("help", "question_mark", "help", "every key", "Keys", "Keys"),
    Command("next_article", "n", "next_article", "next article in the list", "Next", "Next article"),
    Command(
        "previous_article", "p", "previous_article", "previous article in the list", "Prev",
        "Previous article",
    ),
    Command("next_todo", "g", "next_todo", "next article with status todo", "Next todo", "Next todo"),
    Command(
        "undo", "u,ctrl+z", "undo", "undo (records, corrections, status; across articles)", "Undo",
        "Undo",
    ),
    Command("redo", "ctrl+y", "redo", "redo", "Redo", "Redo"),
    Command("ingest", "i", "ingest", "ingest files (Tab completes the path; progress)", "Ingest", "Ingest"),
    Command("stats", "G", "stats", "stats screen: plots of the records and coding progress", palette="Stats"),
    Command("agreement", "A", "open_screen('agreement')",
            "agreement between reviewers, progress per reviewer", palette="Agreement"),
    Command("adjudicate", "C", "open_screen('adjudicate')", "adjudicate where reviewers disagree (a/b/e)",
            palette="Adjudicate"),
    Command("readings", "R", "open_screen('readings')",
            "conventions: how drafts read what the guidelines leave open, and why", palette="Conventions"),
    Command("toggle_panel", "t", "toggle_panel", "show / hide the tagging panel", "Panel", "Panel"),
    Command("toggle_list", "l", "toggle_list", "show / hide the list", palette="List"),
    Command("status_done", "D", "status('done')", "status done", "Done", "Done"),
    Command(
        "save_done", "ctrl+s", "save_and_done",
        "save the field being typed, then status done (works in a field)",
        palette="Save and done", priority=True,
    ),
    Command(
        "go_to_field", "ctrl+g", "go_to_field",
        "go to a field of the record form: then t u d l p n h o (type … notes; works in a field)",
        palette="Go to field", priority=True,
    ),
    Command("status_skipped", "S", "status('skipped')", "status skipped", palette="Skip"),
    Command("status_irrelevant", "I", "status('irrelevant')", "status irrelevant", palette="Irrelevant"),
    Command("status_flagged", "F", "status('flagged')", "status flagged", palette="Flag"),
]

# -- the reader (actions prefixed "screen." run on the workbench) ---------------------------------

READER = [
    Command("sentence_next", "j,down", "sentence(1)", "next sentence", palette="Next sentence"),
    Command("sentence_prev", "k,up", "sentence(-1)", "previous sentence", palette="Prev sentence"),
    Command("word_next", "w,right", "word(1)", "next word", palette="Next word"),
    Command("word_prev", "b,left", "word(-1)", "previous word", palette="Prev word"),
    Command("extend_right", "shift+right", "extend(1)", "extend the selection", palette="Extend selection"),
    Command("extend_left", "shift+left", "extend(-1)", "shrink the selection", palette="Shrink selection"),
    Command("select", "v", "toggle_select", "start / stop a word selection", "Select", "Select"),
    Command("clear_selection", "escape", "clear_selection", "clear the selection, then go to the list",
            palette="Clear"),
    Command(
        "add_record", "a", "screen.add_record",
        "new activity record from the sentence, pre-filled (a suggestion there: accept it and edit)",
        "Add record", "Add record",
    ),
    Command(
        "add_evidence", "e", "screen.add_evidence", "add the sentence as evidence to the selected record",
        "Evidence", "Evidence",
    ),
    Command("remove_entity", "d", "screen.remove_entity", "remove the entity under the cursor",
            palette="Remove entity"),
    Command("delete_record", "x", "screen.delete_record", "delete the selected record (undoable)",
            palette="Delete record"),
    Command("accept_suggestion", "y", "screen.accept_suggestion",
            "accept the suggestion under the cursor (saves it)", "Accept", "Accept suggestion"),
    Command("reject_suggestion", "r", "screen.reject_suggestion",
            "reject the suggestion (never suggested again)", "Reject", "Reject suggestion"),
    Command("next_suggestion", "right_square_bracket", "screen.next_suggestion",
            "next suggestion (best first)", "Next sugg.", "Next suggestion"),
    Command("previous_suggestion", "left_square_bracket", "screen.previous_suggestion", "previous suggestion",
            palette="Previous suggestion"),
    Command("suggestion_below", "right_curly_bracket", "screen.suggestion_below",
            "next suggested sentence below the cursor (text order)", palette="Suggestion below"),
    Command("suggestion_above", "left_curly_bracket", "screen.suggestion_above",
            "previous suggested sentence above the cursor (text order)", palette="Suggestion above"),
    Command("everywhere", "E", "screen.everywhere",
            "make the last entity correction in every article, present and future", palette="Everywhere"),
    Command("toggle_noise", "z", "toggle_noise", "hide / show noise lines", palette="Noise"),
    Command("page_up", "pageup", "page(-1)", "page up", palette="Page up"),
    Command("page_down", "pagedown", "page(1)", "page down", palette="Page down"),
]

# -- the list and the search bar ------------------------------------------------------------------

LIST = [
    Command("list_down", "j", "cursor_down", "move down the list"),
    Command("list_up", "k", "cursor_up", "move up the list"),
]

SEARCH_BAR = [
    Command("history_back", "up", "history(-1)", "earlier query"),
    Command("history_forward", "down", "history(1)", "later query"),
]

# where each group works, for the help screen
PLACES = {"anywhere": ANYWHERE, "reader": READER, "list": LIST, "search bar": SEARCH_BAR}


def key_name(character: str) -> str:
    """Textual's name for the key that types ``character`` ("-" is "minus", "," "comma"): a
    taxonomy key is one character, and a raw "," would even split the binding in two."""
    return _character_to_key(character) if len(character) == 1 else character


def label_commands(keys: Mapping[str, str]) -> list[Command]:
    """One command per entity label, from the taxonomy's keys (1…9, 0, -)."""
    return [
        Command(f"label_{label.lower()}", key_name(key), f"screen.label('{label}')", f"label {label}",
                palette=f"Label {label}")
        for label, key in keys.items()
    ]
