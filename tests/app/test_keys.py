"""The keys, declared once in ``tui.commands``: the README's key table says the same thing
(key, where, binding id, description), and the help screen shows the keys that work now
(remapped in config.toml), named as a person names them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import store
from tui.app import TandaiApp
from tui.commands import PLACES, key_label, keys_label

README = Path(__file__).resolve().parents[2] / "README.md"


def readme_key_rows() -> list[list[str]]:
    """The rows of the README's key table, as cells."""
    text = README.read_text(encoding="utf-8")
    start = text.index("| key | where | does | binding id |")
    rows = []
    for line in text[start:].splitlines()[2:]:
        if not line.startswith("|"):
            break
        rows.append([c.strip() for c in line.strip("|").split("|")])
    return rows


def test_the_readme_key_table_is_the_bindings() -> None:
    declared = {c.id: (place, c) for place, commands in PLACES.items() for c in commands}
    seen = set()
    for key_cell, where, does, id_cell in readme_key_rows():
        ids = re.findall(r"`([^`]+)`", id_cell)
        if not ids or "…" in id_cell:
            continue  # keys that are not bindings (Enter in a field), or the taxonomy's labels
        assert len(ids) == 1 and ids[0] in declared, f"README row for an unknown binding: {id_cell}"
        place, command = declared[ids[0]]
        assert re.findall(r"`([^`]+)`", key_cell) == keys_label(command.keys).split(" "), command.id
        assert (where, does) == (place, command.does), command.id
        seen.add(command.id)
    assert seen == set(declared), f"not in the README's key table: {sorted(set(declared) - seen)}"


def test_the_readme_label_row_has_the_default_taxonomy_keys(tmp_path: Path) -> None:
    with store.open(tmp_path / "s", reviewer="rina") as st:
        labels = st.taxonomy.labels
    row = next(r for r in readme_key_rows() if "…" in r[3])
    names = list(labels)
    first, last = names[0], names[-1]
    assert row[3] == f"`label_{first.lower()}` …" and first in row[2] and last in row[2]
    keys = [s.key for s in labels.values()]
    assert keys == [*"123456789", "0", "-"]
    assert row[0] == "`1`…`9` `0` `-`"


@pytest.mark.parametrize(
    ("key", "spoken"),
    [("slash", "/"), ("question_mark", "?"), ("minus", "-"), ("ctrl+p", "ctrl+p"), ("escape", "Esc"),
     ("shift+right", "shift+right"), ("D", "D"), ("pagedown", "PgDn"), ("up", "up")],
)
def test_keys_are_named_as_a_person_names_them(key: str, spoken: str) -> None:
    assert key_label(key) == spoken


async def test_help_shows_the_remapped_keys(sample_store_path: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    config = {"reviewer": "rina", "keys": {"add_record": "A", "focus_search": "ctrl+f"}}
    app = TandaiApp(sample_store_path, config=config)
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.press("escape", "question_mark")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "HelpScreen"
        rows = {binding_id: key for rows in app.screen.groups.values() for key, _, binding_id in rows}
        assert rows["add_record"] == "A" and rows["focus_search"] == "ctrl+f"
        assert rows["help"] == "?" and rows["label_election"] == "-" and rows["page_down"] == "PgDn"
        await pilot.press("escape", "ctrl+f")  # the remapped key works, the old one is gone
        await pilot.pause()
        assert app.focused is not None and app.focused.id == "search"
