"""The adjudication screen for a reviewer who coded the article (red-team s26 R3): it says why it
cannot be settled here and offers no take keys; pressing them writes nothing."""

from __future__ import annotations

from pathlib import Path

import store
from tests.app.pilot import screen_by_key, screen_text, settle
from tests.app.test_adjudicate import two_reviewers
from tui.app import TandaiApp
from tui.screens.adjudicate import AdjudicateScreen


async def test_a_coder_sees_why_not_and_cannot_take(sample_store_path: Path, config_home: Path) -> None:
    aid = two_reviewers(sample_store_path)  # a: done, b: flagged; they disagree
    app = TandaiApp(sample_store_path, reviewer="b", config={})
    async with app.run_test(size=(160, 50)) as pilot:
        await screen_by_key(pilot, app, "C", AdjudicateScreen)
        text = screen_text(app)
        assert f"you coded article {aid} (as b); another reviewer adjudicates it" in text
        assert "adjudicated as b" not in text and "Take A" not in text and "Take B" not in text
        await pilot.press("a", "b", "down", "A", "B", "e")
        await settle(pilot, app)
        assert isinstance(app.screen, AdjudicateScreen)  # no edit dialog either
        await pilot.press("escape")
        await settle(pilot, app)
        assert not isinstance(app.screen, AdjudicateScreen)
    with store.open(sample_store_path, reviewer="b", read_only=True) as st:
        assert st.statuses(aid) == {"a": "done", "b": "flagged"}
        assert not (st.annotations.get("status", "b\x1f" + aid) or {}).get("adjudicated")
        assert sorted(r.type for r in st.records(aid) if r.reviewer == "b") == ["escort", "static_guard"]
