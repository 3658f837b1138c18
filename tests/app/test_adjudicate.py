"""Pilot tests of the agreement screen and of an adjudication (issue 13), keys as pressed."""

from __future__ import annotations

from pathlib import Path

import store
from store.adjudicate import adjudicated_id
from tests.app.pilot import screen_by_key, screen_text, settle, type_text
from tui.app import TandaiApp
from tui.screens.adjudicate import AdjudicateScreen
from tui.screens.agreement import AgreementScreen


def two_reviewers(path: Path) -> str:
    """a and b finish one article: the same sentence as patrol (a, 40 personnel) and static_guard
    (b, 45 personnel); b also codes a record a did not; b marks it flagged, a done."""
    with store.open(path, reviewer="setup") as st:
        aid = st.search("Bontang", limit=1).hits[0] if st.search("Bontang", limit=1).hits else next(
            r.id for r in st.articles())
        text = st.article(aid).text
    for who, typ, n, status in (("a", "patrol", 40, "done"), ("b", "static_guard", 45, "flagged")):
        with store.open(path, reviewer=who) as st:
            st.add_record(aid, type=typ, unit="Polres Uji", date="2024-11-25", personnel=n,
                          evidence=[{"start": 0, "end": min(60, len(text))}])
            if who == "b":
                st.add_record(aid, type="escort", unit="Polres Uji", evidence=[{"start": 100, "end": 140}])
            st.set_status(aid, status)
    return aid


async def test_an_adjudication_from_the_keyboard(sample_store_path: Path, config_home: Path) -> None:
    aid = two_reviewers(sample_store_path)
    app = TandaiApp(sample_store_path, reviewer="lead", config={})
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot, app)
        await pilot.press("escape", "A")  # the agreement screen
        await settle(pilot, app)
        assert isinstance(app.screen, AgreementScreen)
        text = screen_text(app)
        assert "1 article(s) finished by two or more reviewers (a, b)" in text
        assert "a ~ b" in text and "progress per reviewer" in text
        await pilot.press("c")  # adjudicate from there
        await settle(pilot, app)
        assert isinstance(app.screen, AdjudicateScreen)
        text = screen_text(app)
        assert "A: a" in text and "B: b" in text and "≠ status" in text and "≠ record 1: type" in text
        # status row: take B's (flagged)
        await pilot.press("b")
        await settle(pilot, app)
        # down to record 1's type: take A's (patrol); personnel: edit to 42
        await pilot.press("down")
        await pilot.press("a")
        await settle(pilot, app)
        for _ in range(4):  # type, unit, date, location → personnel
            await pilot.press("down")
        await pilot.press("e")
        await settle(pilot, app)
        await pilot.press("ctrl+a", "ctrl+k")
        await type_text(pilot, "42")
        await pilot.press("enter")
        await settle(pilot, app)
        # record 2 (only b found it): take B's whole record with B
        for _ in range(3):  # partners, evidence → record 2's type
            await pilot.press("down")
        await pilot.press("B")
        await settle(pilot, app)
        assert "adjudicated" in screen_text(app)
        await pilot.press("escape", "escape")  # adjudication, agreement: back to the workbench
        await settle(pilot, app)
        assert "records 5" in screen_text(app)  # a's 1, b's 2, the adjudicated 2: redrawn
    with store.open(sample_store_path, reviewer="lead", read_only=True) as st:
        mine = [r for r in st.records(aid) if r.reviewer == "lead"]
        assert sorted((r.type, r.personnel) for r in mine) == [("escort", None), ("patrol", 42)]
        a_rec = next(r for r in st.records(aid) if r.reviewer == "a")
        b_rec = next(r for r in st.records(aid) if r.reviewer == "b" and r.type == "static_guard")
        assert any(r.id == adjudicated_id("lead", [a_rec.id, b_rec.id]) for r in mine)
        entry = st.annotations.get("status", "lead\x1f" + aid)
        assert entry is not None and entry["status"] == "flagged" and entry["adjudicated"] is True
        # the reviewers' own versions are untouched
        assert {r.reviewer for r in st.records(aid)} == {"a", "b", "lead"}
        assert st.statuses(aid)["a"] == "done" and st.statuses(aid)["b"] == "flagged"


async def test_nothing_to_adjudicate_says_so(sample_store_path: Path, config_home: Path) -> None:
    app = TandaiApp(sample_store_path, reviewer="lead", config={})
    async with app.run_test(size=(120, 40)) as pilot:
        await screen_by_key(pilot, app, "C", AdjudicateScreen)
        assert "No article where reviewers disagree" in screen_text(app)
        await pilot.press("a", "escape")
        await settle(pilot, app)
        assert not isinstance(app.screen, AdjudicateScreen)


async def test_saving_a_record_of_an_event_coded_in_another_article_says_so(
        sample_store_path: Path, config_home: Path) -> None:
    """A record saved from the keyboard (``a``, then ``e`` adds a sentence to it: a save) whose
    unit, type, date and place match b's record in another article: the workbench says so."""
    from store.adjudicate import same_events
    from tests.app.pilot import messages, open_article

    app = TandaiApp(sample_store_path, reviewer="rina", config={})
    async with app.run_test(size=(160, 50)) as pilot:
        await open_article(pilot, app, "Apel Pergeseran Pasukan")
        await pilot.press("j", "j", "a")
        await settle(pilot, app)
        st = app.owner.store
        here = app.workbench.article.id
        first = next(r for r in st.records(here) if r.reviewer == "rina")
        # whatever the pre-fill gave, the record has all four slots (the match needs them)
        first = app.owner.call(st.update_record, first.id, date=first.date or "2024-11-26",
                               location=first.location or "Lapangan Mapolres")
        assert not any("probably one event" in m for m in messages(app))
        # the same event, coded by b in another article (a rewrite of the press release)
        other = next(r.id for r in st.articles() if r.id != here)
        twin = app.owner.call(st.add_record, other, type=first.type, unit=first.unit.upper(), date=first.date,
                              location=f" {first.location} ", evidence=[{"start": 0, "end": 20}])
        await pilot.press("escape")
        await settle(pilot, app)
        await pilot.press("j", "e")  # the next sentence as evidence: the record is saved again
        await settle(pilot, app)
        said = [m for m in messages(app) if "probably one event" in m]
        assert said and other in said[-1], messages(app)
        assert [r.id for r in app.owner.call(same_events, st, first.id)] == [twin.id]
