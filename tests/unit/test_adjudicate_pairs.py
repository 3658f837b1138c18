"""Once an adjudicator starts an article, every record pair of it is accounted for (session 27's
note: a pair nobody took was dropped from ``export --adjudicated`` without a word, and so was a
record both coders agreed on, since an adjudicated article exports only the adjudicator's copies).
As in INCEpTION's curation, what the two coders agree on is settled at once (copied with the first
take); every pair they differ on stays undecided, left out and named, until it is taken."""

from __future__ import annotations

from pathlib import Path

import store
from store import adjudicate
from tests.unit.test_adjudicate_slots import export_adjudicated


def three_pairs(path: Path) -> str:
    """a and b each code three sentences of one article: the first alike, the second with another
    type, the third only by a; both done."""
    with store.open(path, reviewer="setup", read_only=True) as st:
        aid = next(r.id for r in st.articles())
    for who, second in (("a", "patrol"), ("b", "escort")):
        with store.open(path, reviewer=who) as st:
            st.add_record(aid, type="static_guard", unit="Polres Uji", date="2024-11-25", location="Gudang KPU",
                          personnel=40, evidence=[{"start": 0, "end": 60}])
            st.add_record(aid, type=second, unit="Polres Uji", date="2024-11-25", location="Pasar Baru",
                          personnel=20, evidence=[{"start": 100, "end": 160}])
            if who == "a":
                st.add_record(aid, type="coordination", unit="Polres Uji", date="2024-11-24",
                              location="Aula Polres", evidence=[{"start": 200, "end": 260}])
            st.set_status(aid, "done")
    return aid


def test_agreed_pairs_are_settled_and_untaken_ones_named_not_dropped(sample_store_path: Path) -> None:
    aid = three_pairs(sample_store_path)
    with store.open(sample_store_path, reviewer="lead") as st:
        cmp = adjudicate.compare(st, aid)
        assert [adjudicate.differing(x, y) for x, y in cmp.pairs] == [[], ["type"], []]
        assert cmp.pairs[2][1] is None
        adjudicate.take_status(st, cmp, "a")  # the first take: nothing of the records decided yet
        done = adjudicate.settled(st, cmp)
        # the pair they agree on is settled with the first take; the two others wait
        assert done["records"][0] is not None and done["records"][0]["type"] == "static_guard"
        assert done["records"][1:] == [None, None]
        assert done["undecided"] == [[], ["type"], ["record"]]
        assert [r.type for r in adjudicate.adjudicated_records(st)] == ["static_guard"]
        assert len(adjudicate.unsettled(st)) == 2
        assert adjudicate.progress(st)["lead"]["unsettled"] == 1
    records, err = export_adjudicated(sample_store_path)
    assert [r["type"] for r in records] == ["static_guard"]
    assert f"2 adjudicated record(s) left out, not settled yet (article {aid}: " in err
    assert ("type undecided and 1 more" in err) != ("keep or drop undecided and 1 more" in err)

    with store.open(sample_store_path, reviewer="lead") as st:
        cmp = adjudicate.compare(st, aid)
        adjudicate.take_record(st, cmp, 1, "b")
        adjudicate.take_record(st, cmp, 2, "b")  # B has no such record: the adjudicator drops A's
        assert adjudicate.settled(st, cmp)["undecided"] == [[], [], []]
        assert adjudicate.unsettled(st) == []
        assert adjudicate.progress(st)["lead"]["adjudicated"] == 1
    records, err = export_adjudicated(sample_store_path)
    assert [(r["type"], r["reviewer"]) for r in records] == [("static_guard", "lead"), ("escort", "lead")]
    assert "left out" not in err


def test_the_first_take_of_a_record_settles_the_agreed_pair_too_and_undo_takes_both_back(
        sample_store_path: Path) -> None:
    aid = three_pairs(sample_store_path)
    with store.open(sample_store_path, reviewer="lead") as st:
        cmp = adjudicate.compare(st, aid)
        adjudicate.take_record(st, cmp, 1, "a")
        assert [r.type for r in adjudicate.adjudicated_records(st)] == ["static_guard", "patrol"]
        assert adjudicate.unsettled(st) == [
            (aid, adjudicate.adjudicated_id("lead", [cmp.pairs[2][0]["id"]]), ["record"])]  # type: ignore[index]
        st.undo()  # one take, one step: the agreed copy goes with it
        assert {r.reviewer for r in adjudicate.adjudicated_records(st)} == {"a"}  # not adjudicated now
        assert adjudicate.settled(st, cmp)["records"] == [None, None, None]
