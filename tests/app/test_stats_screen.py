"""The stats screen, opened with its key from the workbench, on a real store with records."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

import store
from tests.app.pilot import messages, screen_by_key, screen_text, settle
from tui.app import TandaiApp
from tui.screens.stats import StatsScreen
from tui.screens.workbench import Workbench


def add_records(path: Path) -> None:
    """Records whose unit names are markup and a control code: they must show as written."""
    with store.open(path, reviewer="rina") as st:
        ids = [a.id for a in st.articles()][:4]
        units = ["[bold]Polres Kutim[/bold]", "Polres Lombok Timur", "[red]Polda\x1b[31m", "Polres Bontang"]
        for i, (aid, unit) in enumerate(zip(ids, units, strict=True)):
            st.add_record(aid, type="patrol", unit=unit, date=f"2024-11-2{i + 3}", evidence=[{"start": 0, "end": 20}])
        st.set_status(ids[0], "done")


@pytest.mark.parametrize("size", [(80, 24), (160, 50)])
async def test_stats_screen_shows_the_figures_and_data_is_never_markup(
    sample_store_path: Path, config_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    size: tuple[int, int],
) -> None:
    add_records(sample_store_path)
    app = TandaiApp(sample_store_path, reviewer="rina", config={})
    async with app.run_test(size=size) as pilot:
        await screen_by_key(pilot, app, "G", StatsScreen)
        shown = screen_text(app)
        assert "records per week" in shown and "campaign" in shown
        assert "4 records" in shown
        for _ in range(2):  # Calendar -> Types -> Units
            await pilot.press("right")
        await settle(pilot, app)
        shown = screen_text(app)
        assert "records by unit" in shown
        assert "[bold]Polres Kutim[/bold]" in shown  # literally, brackets and all
        assert "Polda␛[31m" in shown  # the escape shown as a stand-in, never sent
        assert "\x1b" not in shown

        # export: an SVG of what is on the screen, in the current folder
        monkeypatch.chdir(tmp_path)
        await pilot.press("e")
        await settle(pilot, app)
        await pilot.pause(0.3)
        [svg] = list(tmp_path.glob("tandai-stats-unit-*.svg"))
        text = svg.read_text(encoding="utf-8")
        assert text.startswith("<svg") and "records&#160;by&#160;unit" in text
        assert any(str(svg) in m for m in messages(app))

        await pilot.press("escape")
        await settle(pilot, app)
        assert isinstance(app.screen, Workbench)


async def test_stats_from_the_palette(sample_store_path: Path, config_home: Path) -> None:
    app = TandaiApp(sample_store_path, reviewer="rina", config={})
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        await pilot.press("ctrl+p")
        await settle(pilot, app)
        await pilot.press(*"Stats", "enter")
        await settle(pilot, app)
        assert isinstance(app.screen, StatsScreen)
        assert "coding progress" in screen_text(app) or "records per week" in screen_text(app)


async def test_G_in_the_search_bar_is_a_letter(sample_store_path: Path, config_home: Path) -> None:
    app = TandaiApp(sample_store_path, reviewer="rina", config={})
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        await pilot.press("escape", "slash", *"Gowa")
        await settle(pilot, app)
        assert isinstance(app.screen, Workbench)
        assert app.query_one("#search", Input).value == "Gowa"
