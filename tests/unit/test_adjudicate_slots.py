"""Adjudicating one slot of a record decides that slot only (red-team: the other slots where the two
reviewers differ were silently filled from A and exported as settled). The record stays unsettled,
left out of ``export --adjudicated`` with a line saying so, until every differing slot is decided."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import orjson

import store
from store import adjudicate

TANDAI = str(Path(sys.executable).parent / "tandai")  # the installed command beside this Python


def differ_in_three(path: Path) -> str:
    """a and b code the same sentence of one article: type, date and location differ; both done."""
    with store.open(path, reviewer="setup", read_only=True) as st:
        aid = next(r.id for r in st.articles())
    for who, typ, date, place in (("a", "patrol", "2024-11-25", "Lapangan Merdeka"),
                                  ("b", "escort", "2024-11-26", "Gudang KPU")):
        with store.open(path, reviewer=who) as st:
            st.add_record(aid, type=typ, unit="Polres Uji", date=date, location=place, personnel=40,
                          evidence=[{"start": 0, "end": 60}])
            st.set_status(aid, "done")
    return aid


def export_adjudicated(path: Path) -> tuple[list[dict[str, object]], str]:
    """The records of ``tandai export --adjudicated`` (the installed command) and its stderr."""
    done = subprocess.run([TANDAI, "export", "--adjudicated", "--store", str(path)],
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "XDG_CONFIG_HOME": "/nonexistent"})
    assert done.returncode == 0, done.stderr
    return [r for line in done.stdout.splitlines() for r in orjson.loads(line)["records"]], done.stderr


def test_one_slot_taken_leaves_the_others_undecided_until_each_is_decided(sample_store_path: Path) -> None:
    aid = differ_in_three(sample_store_path)
    with store.open(sample_store_path, reviewer="lead") as st:
        cmp = adjudicate.compare(st, aid)
        assert (cmp.a.reviewer, cmp.b.reviewer, len(cmp.pairs)) == ("a", "b", 1)
        rec = adjudicate.take_record(st, cmp, 0, "b", slot="location")
        assert rec is not None and rec["location"] == "Gudang KPU"
        # nobody decided type and date: the record is not settled, not the adjudicated version
        assert adjudicate.adjudicated_records(st) == []
        assert adjudicate.undecided_slots(st, aid) == {rec["id"]: ["type", "date"]}
        assert adjudicate.settled(st, cmp)["undecided"] == [["type", "date"]]
        assert adjudicate.unsettled(st) == [(aid, rec["id"], ["type", "date"])]
        assert adjudicate.progress(st)["lead"]["adjudicated"] == 0
        assert adjudicate.progress(st)["lead"]["unsettled"] == 1
        # taking the status keeps what is undecided
        adjudicate.take_status(st, cmp, "a")
        assert adjudicate.undecided_slots(st, aid) == {rec["id"]: ["type", "date"]}
        # A's type, which the record holds already: a decision, though no value changes
        adjudicate.take_record(st, cmp, 0, "a", slot="type")
        assert adjudicate.undecided_slots(st, aid) == {rec["id"]: ["date"]}
        assert adjudicate.adjudicated_records(st) == []
        adjudicate.take_record(st, cmp, 0, "edit", slot="date", value="2024-11-27")
        assert adjudicate.undecided_slots(st, aid) == {}
        [settled] = adjudicate.adjudicated_records(st)
        assert (settled.type, settled.date, settled.location) == ("patrol", "2024-11-27", "Gudang KPU")
        assert adjudicate.progress(st)["lead"]["adjudicated"] == 1
        assert adjudicate.progress(st)["lead"]["unsettled"] == 0
        # undo brings the undecided date back with the record as it was
        st.undo()
        assert adjudicate.undecided_slots(st, aid) == {rec["id"]: ["date"]}
        assert adjudicate.adjudicated_records(st) == []
        # a whole record taken decides every slot
        adjudicate.take_record(st, cmp, 0, "b")
        assert adjudicate.undecided_slots(st, aid) == {}
        assert [(r.type, r.date, r.location) for r in adjudicate.adjudicated_records(st)] == [
            ("escort", "2024-11-26", "Gudang KPU")]


def test_export_adjudicated_leaves_an_unsettled_record_out_and_says_so(sample_store_path: Path) -> None:
    aid = differ_in_three(sample_store_path)
    with store.open(sample_store_path, reviewer="lead") as st:
        rid = adjudicate.take_record(st, adjudicate.compare(st, aid), 0, "b", slot="location")["id"]  # type: ignore[index]
    records, err = export_adjudicated(sample_store_path)
    assert rid not in [r["id"] for r in records] and records == []
    assert (f"1 adjudicated record(s) left out, not settled yet (article {aid}: type, date undecided); "
            "decide them on the adjudication screen (C)") in err
    with store.open(sample_store_path, reviewer="lead") as st:
        cmp = adjudicate.compare(st, aid)
        adjudicate.take_record(st, cmp, 0, "b", slot="type")
        adjudicate.take_record(st, cmp, 0, "a", slot="date")
    records, err = export_adjudicated(sample_store_path)
    assert [(r["id"], r["type"], r["date"], r["location"]) for r in records] == [
        (rid, "escort", "2024-11-25", "Gudang KPU")]
    assert "left out" not in err


def test_an_adjudication_written_before_undecided_slots_reads_as_settled(sample_store_path: Path) -> None:
    """A store adjudicated by an older tandai: its status entry has no ``undecided``; its copies
    are exported as before."""
    from store.disk.annotations import status_key
    from store.history import Put

    aid = differ_in_three(sample_store_path)
    with store.open(sample_store_path, reviewer="lead") as st:
        cmp = adjudicate.compare(st, aid)
        ra, rb = cmp.pairs[0]
        assert ra is not None and rb is not None
        rid = adjudicate.adjudicated_id("lead", [ra["id"], rb["id"]])
        st.history.change("adjudicate patrol record", [
            Put("status", status_key("lead", aid), {"article_id": aid, "reviewer": "lead", "status": "in_progress",
                                                    "updated": "2024-11-25T00:00:00Z", "adjudicated": True}),
            Put("records", rid, {**ra, "id": rid, "reviewer": "lead", "location": rb["location"]})])
    records, err = export_adjudicated(sample_store_path)
    assert [(r["id"], r["location"]) for r in records] == [(rid, "Gudang KPU")] and "left out" not in err


def test_editing_the_adjudicated_copy_decides_the_slots_edited(sample_store_path: Path) -> None:
    """The adjudicator edits their copy where every record is edited (the workbench's form calls
    ``update_record`` a slot at a time): that slot is decided, as ``e`` on the adjudication screen
    decides it; before, the record stayed unsettled whatever was typed. Deleting the copy drops the
    pair: decided too. Another reviewer's edit decides nothing."""
    aid = differ_in_three(sample_store_path)
    with store.open(sample_store_path, reviewer="lead") as st:
        rec = adjudicate.take_record(st, adjudicate.compare(st, aid), 0, "b", slot="location")
        assert rec is not None
    with store.open(sample_store_path, reviewer="rina") as other:
        other.update_record(rec["id"], type="patrol")  # not the adjudicator: nothing decided
        assert adjudicate.undecided_slots(other, aid, "lead") == {rec["id"]: ["type", "date"]}
    with store.open(sample_store_path, reviewer="lead") as st:
        st.update_record(rec["id"], type="escort")
        assert adjudicate.undecided_slots(st, aid) == {rec["id"]: ["date"]}
        st.update_record(rec["id"], notes="checked with both")  # not an undecided slot: nothing decided
        assert adjudicate.undecided_slots(st, aid) == {rec["id"]: ["date"]}
        st.update_record(rec["id"], date="2024-11-26")
        assert adjudicate.undecided_slots(st, aid) == {} and adjudicate.unsettled(st) == []
        assert [(r.type, r.date) for r in adjudicate.adjudicated_records(st)] == [("escort", "2024-11-26")]
        st.undo()  # the edit and its decision are one step
        assert adjudicate.undecided_slots(st, aid) == {rec["id"]: ["date"]}
        st.delete_record(rec["id"])
        assert adjudicate.undecided_slots(st, aid) == {}
    records, err = export_adjudicated(sample_store_path)
    assert records == [] and "left out" not in err
