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


async def test_the_first_take_settles_what_both_agree_on_and_names_the_pairs_left(
        sample_store_path: Path, config_home: Path) -> None:
    """Three pairs: alike, another type, one only A has. Taking the status settles the first (its
    copy shows in the adjudicated column) and names the two others in the head until each is taken."""
    from tests.unit.test_adjudicate_pairs import three_pairs

    aid = three_pairs(sample_store_path)
    app = TandaiApp(sample_store_path, reviewer="lead", config={})
    async with app.run_test(size=(160, 50)) as pilot:
        await screen_by_key(pilot, app, "C", AdjudicateScreen)
        assert "not settled" not in screen_text(app)
        await pilot.press("a")  # the status row: A's status
        await settle(pilot, app)
        text = screen_text(app)
        assert "not settled yet, still to decide: record 2 (type) · record 3 (keep or drop)" in text
        table = app.screen.query_one(DataTable)
        rows = {str(table.get_row_at(i)[0]): str(table.get_row_at(i)[3]) for i in range(table.row_count)}
        assert rows["record 1: type"] == "static_guard"  # settled with the first take
        assert rows["≠ record 2: type"] == "? undecided" and rows["≠ record 3: type"] == "? undecided"
        record3 = next(i for i in range(table.row_count) if str(table.get_row_at(i)[0]) == "≠ record 3: type")
        table.move_cursor(row=record3)
        await pilot.press("B")  # B has no third record: dropped, which decides it
        await settle(pilot, app)
        assert "still to decide: record 2 (type)" in screen_text(app)
        record2 = next(i for i in range(table.row_count) if str(table.get_row_at(i)[0]) == "≠ record 2: type")
        table.move_cursor(row=record2)
        await pilot.press("A")
        await settle(pilot, app)
        assert "not settled" not in screen_text(app)
        await pilot.press("escape")
        await settle(pilot, app)
    with store.open(sample_store_path, reviewer="lead", read_only=True) as st:
        assert adjudicate.unsettled(st) == []
        assert sorted(r.type for r in adjudicate.adjudicated_records(st) if r.article_id == aid) == [
            "patrol", "static_guard"]
