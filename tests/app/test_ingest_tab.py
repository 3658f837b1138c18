"""The ingest dialog says "Tab completes": Tab takes the path's completion, as a shell's does
(before, only the right arrow took it and Tab did nothing)."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from tests.app.pilot import settle, type_text
from tests.app.test_serve_ingest import open_dialog
from tests.conftest import ARTICLE_A
from tui.app import TandaiApp
from tui.screens.dialogs import IngestScreen


async def test_tab_takes_the_completion_and_enter_ingests_it(tmp_path: Path, config_home: Path) -> None:
    folder = tmp_path / "berita"
    (folder / "kalimantan").mkdir(parents=True)
    (folder / "kalimantan" / "bontang.txt").write_text(ARTICLE_A, encoding="utf-8")
    app = TandaiApp(tmp_path / "s", reviewer="rina", config={})
    async with app.run_test(size=(160, 50)) as pilot:
        await open_dialog(pilot, app)
        assert isinstance(app.screen, IngestScreen)
        field = app.screen.query_one(Input)
        await type_text(pilot, f"{folder}/kal")
        await settle(pilot, app)
        await pilot.press("tab")  # a folder: completed with its separator, ready for the next name
        assert field.value == f"{folder}/kalimantan/" and field.has_focus
        await type_text(pilot, "bo")
        await settle(pilot, app)
        await pilot.press("tab")
        assert field.value == f"{folder}/kalimantan/bontang.txt"
        await pilot.press("tab")  # nothing more to complete: the path stays, the field keeps focus
        assert field.value == f"{folder}/kalimantan/bontang.txt" and field.has_focus
        await pilot.press("enter")
        await settle(pilot, app)
        assert "1 added" in str(app.screen.query_one("#ingest-status").render())
        assert app.owner.count() == 1
