"""The workbench on a store holding records an older tandai's merge stored unchecked (``unit: null``,
a dict as the unit, ``type: null``): it opened to a traceback. Now it opens, names them once with
``tandai check``, and every article, record and screen works; the records stay on disk."""

from __future__ import annotations

from pathlib import Path

import store
from tests.app.pilot import messages, open_id, screen_text, settle
from tests.unit.test_unreadable_records import BAD, snapshot_records, with_bad_records
from tui.app import TandaiApp
from tui.screens.adjudicate import AdjudicateScreen
from tui.screens.agreement import AgreementScreen
from tui.screens.readings import ReadingsScreen
from tui.screens.stats import StatsScreen


async def test_the_workbench_opens_and_names_them(sample_store_path: Path, config_home: Path) -> None:
    bad_article, good_article = with_bad_records(sample_store_path)
    with store.open(sample_store_path, reviewer="setup", read_only=True) as st:
        bad_title = st.article(bad_article).title
        good_title = st.article(good_article).title
    app = TandaiApp(sample_store_path, reviewer="rina", config={})
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot, app)
        opened = (f"record bad0000000000001 of article {bad_article} cannot be read (record unit is not a "
                  "non-empty text) (and 2 more): left out, kept as stored; `tandai check` names it.")
        assert opened in messages(app)
        # the article holding them: opened with keys, named once, the records not shown
        await pilot.press("escape", "slash", *"unit:Uji", "enter")  # (the good record's article)
        await settle(pilot, app)
        assert open_id(app) == good_article and "Polres Uji" in screen_text(app)
        await pilot.press("escape", "slash", "ctrl+a", "ctrl+k", *"status:done", "enter")
        await settle(pilot, app)
        assert open_id(app) == bad_article, bad_title
        here = ("record bad0000000000001 of this article cannot be read (record unit is not a non-empty text) "
                "(and 2 more): not shown; `tandai check` names it.")
        assert messages(app).count(here) == 1
        # coding it works: a record from the sentence, saved; the screens that read every record open
        await pilot.press("j", "a")
        await settle(pilot, app)
        assert any(m.startswith("Saved a ") for m in messages(app))
        await pilot.press("escape", "escape")
        await settle(pilot, app)
        for key, screen in (("G", StatsScreen), ("A", AgreementScreen), ("C", AdjudicateScreen),
                            ("R", ReadingsScreen)):
            await pilot.press(key)
            await settle(pilot, app)
            assert isinstance(app.screen, screen), key
            await pilot.press("escape")
            await settle(pilot, app)
        assert messages(app).count(here) == 1  # reopened after the save: not said again
        assert good_title
    stored = snapshot_records(sample_store_path)
    assert {rid: stored[rid]["unit"] for rid in BAD} == {
        "bad0000000000001": None, "bad0000000000002": {"name": "Polres"}, "bad0000000000003": "Polres Uji"}
    with store.open(sample_store_path, reviewer="rina", read_only=True) as st:
        assert [r.reviewer for r in st.records(bad_article)] == ["rina"]
