"""The reader of a release carried by 150 sites: its original shows every copy, not the first 40
(red team 3, F6) nor a page of 100."""

from __future__ import annotations

from pathlib import Path

import store
from tests.app.pilot import open_article
from tests.unit.test_dedupe_many import write_copies
from tui.app import TandaiApp


async def test_the_original_shows_all_149_copies_and_a_copy_its_original(tmp_path: Path, config_home: Path) -> None:
    write_copies(tmp_path / "in", range(150))
    with store.open(tmp_path / "s") as st:
        st.ingest([tmp_path / "in"])
    app = TandaiApp(tmp_path / "s", reviewer="rina", config={})
    async with app.run_test(size=(160, 50)) as pilot:
        await open_article(pilot, app, "dup:no")
        first = app.workbench.article
        assert first is not None and first.title.endswith("(0)")
        assert "↳ 149 near duplicate(s)" in str(app.query_one("#article-head").render())
        await open_article(pilot, app, "taliwang (149)")
        last = app.workbench.article
        assert last is not None and last.title.endswith("(149)")
        assert f"↳ near duplicate of {first.id}" in str(app.query_one("#article-head").render())
