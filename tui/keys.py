"""Every key binding, with an id (for remapping in the config file) and a description (for the
footer, the help screen and the command palette)."""

from __future__ import annotations

from textual.binding import Binding
from textual.keys import _character_to_key

APP = [
    Binding("ctrl+q", "quit", "Quit", id="quit", priority=True),
    Binding("q", "quit_unless_typing", "Quit", id="quit_q", show=False),
    Binding("slash", "focus_search", "Search", id="focus_search"),
    Binding("question_mark", "help", "Keys", id="help"),
    Binding("n", "next_article", "Next", id="next_article"),
    Binding("p", "previous_article", "Prev", id="previous_article"),
    Binding("g", "next_todo", "Next todo", id="next_todo"),
    Binding("u,ctrl+z", "undo", "Undo", id="undo"),
    Binding("ctrl+y", "redo", "Redo", id="redo"),
    Binding("i", "ingest", "Ingest", id="ingest"),
    Binding("t", "toggle_panel", "Panel", id="toggle_panel"),
    Binding("l", "toggle_list", "List", id="toggle_list", show=False),
    Binding("D", "status('done')", "Done", id="status_done"),
    Binding("S", "status('skipped')", "Skip", id="status_skipped", show=False),
    Binding("I", "status('irrelevant')", "Irrelevant", id="status_irrelevant", show=False),
    Binding("F", "status('flagged')", "Flag", id="status_flagged", show=False),
]

READER = [
    Binding("j,down", "sentence(1)", "Next sentence", id="sentence_next", show=False),
    Binding("k,up", "sentence(-1)", "Prev sentence", id="sentence_prev", show=False),
    Binding("w,right", "word(1)", "Next word", id="word_next", show=False),
    Binding("b,left", "word(-1)", "Prev word", id="word_prev", show=False),
    Binding("shift+right", "extend(1)", "Extend selection", id="extend_right", show=False),
    Binding("shift+left", "extend(-1)", "Shrink selection", id="extend_left", show=False),
    Binding("v", "toggle_select", "Select", id="select"),
    Binding("escape", "clear_selection", "Clear", id="clear_selection", show=False),
    Binding("a", "app.add_record", "Add record", id="add_record"),
    Binding("e", "app.add_evidence", "Evidence", id="add_evidence"),
    Binding("d", "app.remove_entity", "Remove entity", id="remove_entity", show=False),
    Binding("x", "app.delete_record", "Delete record", id="delete_record", show=False),
    Binding("z", "toggle_noise", "Noise", id="toggle_noise", show=False),
    Binding("pageup", "page(-1)", "Page up", id="page_up", show=False),
    Binding("pagedown", "page(1)", "Page down", id="page_down", show=False),
]


def key_name(character: str) -> str:
    """Textual's name for the key that types ``character`` ("-" is "minus", "," "comma"): a
    taxonomy key is one character, and a raw "," would even split the binding in two."""
    return _character_to_key(character) if len(character) == 1 else character


def label_bindings(keys: dict[str, str]) -> list[Binding]:
    """One binding per entity label, from the taxonomy's keys (1…9, 0, -)."""
    return [
        Binding(
            key_name(key),
            f"app.label('{label}')",
            f"Label {label}",
            id=f"label_{label.lower()}",
            show=False,
        )
        for label, key in keys.items()
    ]
