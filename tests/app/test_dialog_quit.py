"""Quitting from a dialog with typed text asks first, with the tagging form's question (README:
"Typed text is never dropped in silence"): s stores it as Enter would, d quits without it, Esc
stays with the text intact. Keys as a reviewer presses them."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

import store
from tests.app.pilot import save_search_dialog, screen_by_key, screen_text, settle, type_text
from tests.app.test_adjudicate import two_reviewers
from tui.app import TandaiApp
from tui.config import load_config
from tui.screens.adjudicate import EditValue
from tui.screens.dialogs import AskName, IngestScreen, SaveSearch, UnsavedChanges


async def ask_and_answer(pilot: Pilot, app: TandaiApp, answer: str, shown: str) -> None:
    """ctrl+q with text typed in a dialog: the question names it; then ``answer`` is pressed (Esc: the same
    dialog back, its text as typed)."""
    dialog = app.screen
    typed = dialog.query_one(Input).value
    await pilot.press("ctrl+q")
    await settle(pilot, app)
    assert app.return_value is None, "quit without asking"
    assert isinstance(app.screen, UnsavedChanges)
    assert shown in screen_text(app)
    await pilot.press(answer)
    await settle(pilot, app)
    if answer == "escape":  # stay: the dialog is back with its text
        assert app.return_value is None and app.screen is dialog
        assert dialog.query_one(Input).value == typed
    else:
        assert app.return_value == 0


@pytest.mark.parametrize("answer", ["s", "d", "escape"])
async def test_adjudicated_value_typed_then_quit(sample_store_path: Path, config_home: Path, answer: str) -> None:
    aid = two_reviewers(sample_store_path)
    app = TandaiApp(sample_store_path, reviewer="lead", config={})
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot, app)
        await pilot.press("escape", "C")
        await settle(pilot, app)
        await pilot.press(*["down"] * 5, "e")  # status, record 1: type, unit, date, location → personnel
        await settle(pilot, app)
        assert isinstance(app.screen, EditValue) and "The adjudicated personnel:" in screen_text(app)
        await pilot.press("ctrl+a", "ctrl+k")
        await type_text(pilot, "999")
        await ask_and_answer(pilot, app, answer, "adjudicated personnel: 999")
        if answer == "escape":  # back in the field: typing goes on where it was
            await type_text(pilot, "1")
            assert app.screen.query_one(Input).value == "9991"
    with store.open(sample_store_path, reviewer="lead", read_only=True) as st:
        mine = [r.personnel for r in st.records(aid) if r.reviewer == "lead"]
    assert mine == ([999] if answer == "s" else [])


@pytest.mark.parametrize("answer", ["s", "d", "escape"])
async def test_search_name_typed_then_quit(sample_store_path: Path, config_home: Path, answer: str) -> None:
    app = TandaiApp(sample_store_path, reviewer="rina", config={})
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot, app)
        await save_search_dialog(pilot, app, "outlet:antara")
        assert isinstance(app.screen, SaveSearch)
        await type_text(pilot, "[red]hi[/red] my queue")
        await ask_and_answer(pilot, app, answer, "search name: [red]hi[/red] my queue")
    with store.open(sample_store_path, reviewer="rina", read_only=True) as st:
        searches = [(s["name"], s["query"]) for s in st.saved_searches()]
    assert searches == ([("[red]hi[/red] my queue", "outlet:antara")] if answer == "s" else [])


@pytest.mark.parametrize("answer", ["s", "d", "escape"])
async def test_reviewer_name_typed_then_quit(sample_store_path: Path, config_home: Path, answer: str) -> None:
    app = TandaiApp(sample_store_path, reviewer=None, config={})
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot, app)
        assert isinstance(app.screen, AskName)
        await type_text(pilot, "dewi")
        await ask_and_answer(pilot, app, answer, "your name: dewi")
    assert load_config().get("reviewer") == ("dewi" if answer == "s" else None)


@pytest.mark.parametrize("answer", ["d", "escape"])
async def test_ingest_path_typed_then_quit_offers_no_save(
    sample_store_path: Path, config_home: Path, tmp_path: Path, answer: str
) -> None:
    """A path has nothing to be stored as: the question lists it as not kept, and s does nothing."""
    app = TandaiApp(sample_store_path, reviewer="rina", config={})
    async with app.run_test(size=(160, 50)) as pilot:
        await screen_by_key(pilot, app, "i", IngestScreen)
        path = str(tmp_path / "artikel")
        await type_text(pilot, path)
        await pilot.press("ctrl+q")
        await settle(pilot, app)
        assert isinstance(app.screen, UnsavedChanges)
        text = screen_text(app)
        assert "ingest path:" in text and "not kept" in text and "s save" not in text
        await pilot.press("s")  # no such choice here: still asking
        await settle(pilot, app)
        assert app.return_value is None and isinstance(app.screen, UnsavedChanges)
        await pilot.press(answer)
        await settle(pilot, app)
        if answer == "escape":
            assert app.return_value is None and isinstance(app.screen, IngestScreen)
            assert app.screen.query_one(Input).value == path
        else:
            assert app.return_value == 0


async def test_a_search_name_refused_on_quit_stays_typed_and_the_workbench_stays(
        sample_store_path: Path, config_home: Path) -> None:
    """s on quit saves the name as Enter would; when the store refuses it (another reviewer's
    search has that name) the workbench says so and stays, with the name still in the dialog."""
    with store.open(sample_store_path, reviewer="budi") as st:
        st.save_search("nightly", "outlet:antara")
    app = TandaiApp(sample_store_path, reviewer="rina", config={})
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot, app)
        await save_search_dialog(pilot, app, "outlet:kompas")
        dialog = app.screen
        assert isinstance(dialog, SaveSearch)
        await type_text(pilot, "nightly")
        await pilot.press("ctrl+q")
        await settle(pilot, app)
        assert isinstance(app.screen, UnsavedChanges)
        await pilot.press("s")
        await settle(pilot, app)
        assert app.return_value is None, "quit though the name was refused"
        assert app.screen is dialog and dialog.query_one(Input).value == "nightly"
        assert any("budi" in said for said in app.said), list(app.said)[-3:]
    with store.open(sample_store_path, reviewer="rina", read_only=True) as st:
        assert [(s["name"], s["reviewer"], s["query"]) for s in st.saved_searches()] == [
            ("nightly", "budi", "outlet:antara")]


async def test_the_question_shows_its_choices_on_a_20x6_terminal(sample_store_path: Path,
                                                                 config_home: Path) -> None:
    """At 20x6 the framed question showed the typed text and cut its choices off (s, d, Esc not
    shown): now they come first, one a line, and a small terminal has no frame around them."""
    app = TandaiApp(sample_store_path, reviewer="rina", config={})
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot, app)
        await pilot.press("escape", "enter")  # the top article
        await settle(pilot, app)
        await pilot.press("a")  # a record from the sentence, in the form
        await settle(pilot, app)
        await pilot.press("ctrl+g", "o")  # to the notes, typed and not saved
        await type_text(pilot, "dicatat")
        await pilot.resize_terminal(20, 6)
        await pilot.press("ctrl+q")
        await settle(pilot, app)
        assert isinstance(app.screen, UnsavedChanges)
        shown = screen_text(app)
        for choice in ("s save and quit", "d discard and quit", "Esc stay"):
            assert choice in shown, shown
        await pilot.press("s")
        await settle(pilot, app)
        assert app.return_value == 0
    with store.open(sample_store_path, reviewer="rina", read_only=True) as st:
        assert [r.notes for r in st.records() if r.reviewer == "rina"] == ["dicatat"]
