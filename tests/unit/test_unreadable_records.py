"""A store holding records an older tandai's merge stored unchecked (``unit: null``, a dict as the
unit, ``type: null``) crashed stats, conventions, search, several exports and the workbench. Every
reader now leaves such a record out with one line naming it and ``tandai check``; the record stays
on disk as it was (compaction, undo), and ``tandai check`` still names it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import orjson
import pytest

import store
from store.history import Put

TANDAI = str(Path(sys.executable).parent / "tandai")  # the installed command beside this Python
BAD = {"bad0000000000001": {"unit": None}, "bad0000000000002": {"unit": {"name": "Polres"}},
       "bad0000000000003": {"type": None}}


def snapshot_records(path: Path) -> dict[str, dict[str, Any]]:
    """The records of the store's snapshot file, read as plain JSON (TinyDB's own format)."""
    data = orjson.loads((path / "annotations" / "annotations.json").read_bytes())
    return {doc["_key"]: doc for doc in data["records"].values()}


def with_bad_records(path: Path) -> tuple[str, str]:
    """A good record in one article; in another, three records as an old merge stored them (one
    journalled change, the way a merge writes). Returns (the bad records' article, the good one's)."""
    with store.open(path, reviewer="rina") as st:
        first, second, *_ = (a.id for a in st.articles())
        good = st.add_record(second, type="patrol", unit="Polres Uji", evidence=[{"start": 0, "end": 30}])
        text = st.article(first).text
        base = {**good.to_dict(), "article_id": first, "reviewer": "old",
                "evidence": [{"start": 0, "end": 30, "text": text[:30]}]}
        st.history.change("merge", [Put("records", rid, {**base, "id": rid, **bad}) for rid, bad in BAD.items()])
        st.set_status(first, "done")
    return first, second


def tandai(path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([TANDAI, *args, "--store", str(path)], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "XDG_CONFIG_HOME": "/nonexistent"})


@pytest.mark.parametrize("bad", list(BAD.values()), ids=["unit-null", "unit-dict", "type-null"])
def test_a_record_readers_cannot_trust_is_named(bad: dict[str, Any]) -> None:
    from store.disk.annotations import record_problem

    ok = {"id": "r1", "article_id": "a1", "reviewer": "x", "type": "patrol", "unit": "Polres X",
          "partners": [], "evidence": [{"start": 0, "end": 3}], "date": "2024-11-25", "personnel": 3}
    assert record_problem(ok) is None
    assert record_problem({**ok, **bad}) in ("record unit is not a non-empty text",
                                             "record type is not a non-empty text")
    for other in ({"date": "25/11/2024"}, {"date": {"d": 1}}, {"partners": "TNI"}, {"personnel": "40"},
                  {"evidence": "x"}, {"location": ["a"]}, {"created": None, "updated": 5}):
        assert record_problem({**ok, **other}) is not None, other


def test_every_reader_leaves_them_out_with_one_line(sample_store_path: Path) -> None:
    bad_article, good_article = with_bad_records(sample_store_path)
    said = (f"record bad0000000000001 of article {bad_article} cannot be read (record unit is not a non-empty "
            "text) (and 2 more): left out, kept as stored; `tandai check` names it.")
    runs = [("stats",), ("stats", "--json"), ("search", "unit:Uji"), ("search", "type:patrol"), ("conventions",),
            ("agreement",), ("agreement", "--json"), ("export",), ("export", "--adjudicated"),
            *(("export", "--format", f) for f in ("csv", "prodigy", "doccano", "labelstudio", "conll", "events")),
            ("export", "--format", "doccano", "--relations"),
            ("export", "--format", "brat", "--out", str(sample_store_path.parent / "brat")),
            ("export", "--format", "spacy", "--out", str(sample_store_path.parent / "out.spacy"))]
    for args in runs:
        done = tandai(sample_store_path, *args)
        assert done.returncode == 0 and "Traceback" not in done.stderr, (args, done.stderr[-800:])
        assert said in done.stderr.splitlines(), (args, done.stderr)
        assert "bad000000000000" not in done.stdout, args
    lines = [orjson.loads(x) for x in tandai(sample_store_path, "export").stdout.splitlines()]
    records = {r["id"]: r for x in lines for r in x["records"]}
    assert [r["article_id"] for r in records.values()] == [good_article]
    figures = orjson.loads(tandai(sample_store_path, "stats", "--json").stdout)
    assert figures["records"] == 1
    # check still names each one; nothing was rewritten or dropped on disk
    check = tandai(sample_store_path, "check")
    assert check.returncode == 1
    assert sum(f"record {rid} of article {bad_article} does not validate" in check.stdout for rid in BAD) == 3


def test_the_records_stay_as_stored_through_compaction_and_undo(sample_store_path: Path) -> None:
    bad_article, _ = with_bad_records(sample_store_path)
    with store.open(sample_store_path, reviewer="rina") as st:
        assert [rid for rid, _ in st.unreadable_records(bad_article)] == sorted(BAD)
        assert st.records(bad_article) == [] and st.annotations.get("records", "bad0000000000001") is None
        assert "cannot be read" in (st.notice or "")
        # a merge of a good version of one of them, undone: the stored one comes back as it was
        was = dict(st.annotations.stored("records", "bad0000000000002") or {})
        fixed = {**was, "unit": "Polres Uji"}
        st.history.change("merge", [Put("records", "bad0000000000002", fixed)])
        assert [r.unit for r in st.records(bad_article)] == ["Polres Uji"]
        st.undo()
        assert st.records(bad_article) == [] and st.annotations.stored("records", "bad0000000000002") == was
        st.annotations.compact()  # the snapshot keeps them
    stored = snapshot_records(sample_store_path)
    assert {rid: {k: stored[rid][k] for k in ("unit", "type")} for rid in BAD} == {
        "bad0000000000001": {"unit": None, "type": "patrol"},
        "bad0000000000002": {"unit": {"name": "Polres"}, "type": "patrol"},
        "bad0000000000003": {"unit": "Polres Uji", "type": None}}


def test_check_repair_sets_them_aside_in_a_file_and_the_store_stops_naming_them(sample_store_path: Path) -> None:
    """``check`` said "edit or delete it", but no reader shows such a record, so no reviewer could:
    ``--repair`` now writes them, as stored, to a file of their own in the annotations folder and
    removes them in one journalled change; the good record and the status are untouched."""
    bad_article, good_article = with_bad_records(sample_store_path)
    with store.open(sample_store_path, reviewer="x", read_only=True) as st:
        was = {rid: st.annotations.stored("records", rid) for rid in BAD}
    first = tandai(sample_store_path, "check")
    assert first.returncode == 1 and first.stdout.count("--repair sets it aside") == 3, first.stdout
    fixed = tandai(sample_store_path, "check", "--repair")
    assert "Traceback" not in fixed.stderr and "set 3 record(s) no reader could use aside" in fixed.stdout, fixed
    [kept] = (sample_store_path / "annotations").glob("unreadable-*.jsonl")
    assert {r["id"]: r for r in map(orjson.loads, kept.read_bytes().splitlines())} == was
    again = tandai(sample_store_path, "check")
    assert again.returncode == 0, again.stdout
    stats = tandai(sample_store_path, "stats", "--json")
    assert "cannot be read" not in stats.stderr and orjson.loads(stats.stdout)["records"] == 1
    with store.open(sample_store_path, reviewer="rina", read_only=True) as st:
        assert st.notice is None or "cannot be read" not in st.notice
        assert [r.article_id for r in st.records(good_article)] == [good_article]
        assert st.status(bad_article) == "done" and st.unreadable_records(bad_article) == []
