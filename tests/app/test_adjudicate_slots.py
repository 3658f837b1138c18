"""The adjudication screen, keys as an adjudicator presses them: one slot taken leaves the record's
other differing slots "? undecided" and named in the head; deciding them settles the record."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable

import store
from store import adjudicate
from tests.app.pilot import messages, screen_by_key, screen_text, settle, type_text
from tests.unit.test_adjudicate_slots import differ_in_three
from tui.app import TandaiApp
from tui.screens.adjudicate import AdjudicateScreen


def adjudicated(app: TandaiApp) -> dict[str, str]:
    """The adjudicated column of record 1's differing slots, as the table shows it."""
    table = app.screen.query_one(DataTable)
    rows = [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
    return {r[0].split(": ")[1]: r[3] for r in rows if r[0].startswith("≠ record 1: ")
            and r[0].split(": ")[1] in ("type", "date", "location")}


async def test_a_slot_taken_shows_the_others_undecided_until_decided(
        sample_store_path: Path, config_home: Path) -> None:
    aid = differ_in_three(sample_store_path)  # type, date, location differ
    app = TandaiApp(sample_store_path, reviewer="lead", config={})
    async with app.run_test(size=(160, 50)) as pilot:
        await screen_by_key(pilot, app, "C", AdjudicateScreen)
        assert "≠ record 1: location" in screen_text(app) and "undecided" not in screen_text(app)
        for _ in range(4):  # status → record 1's type, unit, date, location
            await pilot.press("down")
        await pilot.press("b")  # B's location only
        await settle(pilot, app)
        text = screen_text(app)
        assert "not settled yet, still to decide: record 1 (type, date)" in text
        assert text.count("? undecided") == 2  # type and date: not A's values as if decided
        assert adjudicated(app) == {"type": "? undecided", "date": "? undecided", "location": "Gudang KPU"}
        assert "location from b; not settled yet, still to decide: record 1 (type, date)" in messages(app)
        with_lead = app.owner.store
        assert app.owner.call(adjudicate.adjudicated_records, with_lead) == []
        await pilot.press("up", "up", "up", "a")  # A's type
        await settle(pilot, app)
        assert "still to decide: record 1 (date)" in screen_text(app)
        assert adjudicated(app) == {"type": "patrol", "date": "? undecided", "location": "Gudang KPU"}
        await pilot.press("down", "down", "e")  # the date, typed
        await settle(pilot, app)
        await pilot.press("ctrl+a", "ctrl+k")
        await type_text(pilot, "2024-11-27")
        await pilot.press("enter")
        await settle(pilot, app)
        text = screen_text(app)
        assert "undecided" not in text and "not settled" not in text
        assert adjudicated(app) == {"type": "patrol", "date": "2024-11-27", "location": "Gudang KPU"}
        assert messages(app)[-1] == "date edited"
        await pilot.press("escape")
        await settle(pilot, app)
    with store.open(sample_store_path, reviewer="lead", read_only=True) as st:
        assert adjudicate.undecided_slots(st, aid) == {}
        assert [(r.article_id, r.type, r.date, r.location) for r in adjudicate.adjudicated_records(st)] == [
            (aid, "patrol", "2024-11-27", "Gudang KPU")]
