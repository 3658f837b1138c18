"""The workbench on a shared database: another reviewer's record shows up without reopening."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import store
from tests.app.pilot import screen_text, settle
from tests.pg.conftest import as_role, drafted
from tui.app import TandaiApp


async def test_another_reviewers_record_appears_within_a_second(filled: str, tmp_path: Path,
                                                                monkeypatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    app = TandaiApp(as_role(filled, "rina"), reviewer="rina", config={})
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot, app)
        assert "records 0" in screen_text(app)
        await asyncio.sleep(0.3)  # the listener is connected
        budi = store.open(as_role(filled, "budi"))
        aid = next(budi.articles()).id
        budi.add_record(aid, **drafted(budi, aid))
        saved = time.perf_counter()
        while "records 1" not in screen_text(app) and time.perf_counter() - saved < 3:
            await pilot.pause(0.05)
        shown = time.perf_counter() - saved
        budi.close()
        assert "records 1" in screen_text(app)
        assert shown < 1.0, f"took {shown:.2f} s"


async def test_a_database_workbench_never_asks_for_a_name_nor_saves_one(filled: str, tmp_path: Path,
                                                                        monkeypatch) -> None:
    """Red team 2 (session 26): opened on a team database with no name configured, the workbench asked for
    one, ignored it (the role decides whose work it is) and saved it in config.toml, where every local store
    opened later stamped it on the work. Now no prompt, no config written, the role on the status line."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    app = TandaiApp(as_role(filled, "rina"), config={})
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot, app)
        assert app.screen.__class__.__name__ != "AskName"
        assert "rina" in screen_text(app)
    assert not (tmp_path / "config" / "tandai" / "config.toml").exists()
