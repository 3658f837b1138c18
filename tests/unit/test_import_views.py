"""``tandai import`` of several annotators' work on one text (red team s28, A3 and A7), through the
installed command on real files and stores.

A3: each annotator's corrections are worked out against what that annotator sees (the recognised
entities and their own corrections), not against the store's view with everyone's applied: two
identical codings agree fully, and importing the same file again changes nothing. A7/A6: an import
does not know when a status was set, so it writes none dated now: a merge back never lets an old
snapshot's status beat a status set later."""

from __future__ import annotations

from pathlib import Path

import orjson

import store
from tests.conftest import store_of_text
from tests.unit.test_import_s26 import tandai

TEXT = ("Kapolres Paser AKBP Novy Adi Wibowo memimpin patroli bersama Kodim 0904/Paser di Kecamatan Tanah "
        "Grogot pada 27 November 2024. Sebanyak 120 personel dikerahkan ke kantor KPU Paser.\n")


def _manual(tmp: Path, annotators: list[str], without: str) -> Path:
    """One ner_manual task per annotator: the recognised entities but ``without``, accepted."""
    ingest = tmp / "probe"
    ingest.mkdir()
    (ingest / "t.txt").write_text(TEXT, encoding="utf-8")
    with store.open(tmp / "probe-store", reviewer="x") as st:
        st.ingest([ingest])
        (art,) = st.articles()
        ents = [e for e in st.article(art.id).entities if e.text != without]
    assert len(ents) >= 5 and without not in [e.text for e in ents]
    spans = [{"start": e.start, "end": e.end, "label": e.label} for e in ents]
    f = tmp / "manual.jsonl"
    f.write_bytes(b"".join(orjson.dumps({"text": TEXT, "spans": spans, "answer": "accept",
                                         "_view_id": "ner_manual", "_annotator_id": who}) + b"\n"
                           for who in annotators))
    return f


def test_two_identical_codings_agree_and_a_second_import_changes_nothing(tmp_path: Path) -> None:
    f = _manual(tmp_path, ["alice", "bob"], without="AKBP")
    out = tandai(tmp_path, "import", "--format", "prodigy", str(f))
    assert out.returncode == 0, out.stderr
    with store.open(tmp_path / "store", reviewer="lead", read_only=True) as st:
        (art,) = st.articles()
        mine = {who: [o["text"] for o in st.overrides(art.id) if o["reviewer"] == who] for who in ("alice", "bob")}
        assert mine == {"alice": ["AKBP"], "bob": ["AKBP"]}  # each removed it from their own view
    again = tandai(tmp_path, "import", "--format", "prodigy", str(f))
    assert again.returncode == 0, again.stderr
    assert "0 entity corrections" in again.stdout, again.stdout
    with store.open(tmp_path / "store", reviewer="lead", read_only=True) as st:
        assert len(st.overrides(art.id)) == 2


def test_the_agreement_command_sees_two_identical_codings_as_one(tmp_path: Path) -> None:
    f = _manual(tmp_path, ["alice", "bob"], without="AKBP")
    assert tandai(tmp_path, "import", "--format", "prodigy", str(f)).returncode == 0
    out = tandai(tmp_path, "agreement")
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert not [line for line in lines if " RANK " in line], out.stdout  # neither has AKBP: no row
    (whole,) = [line.split() for line in lines if line.split()[:4] == ["alice", "~", "bob", "ALL"]]
    assert whole[4:] == ["7", "7", "1.000", "1.000", "1.000", "1.000"], out.stdout


def _rina_done(tmp: Path) -> tuple[Path, str]:
    """The store the tandai command uses, one article: rina coded a patrol and is done."""
    path, aid = store_of_text(tmp, TEXT)
    with store.open(path, reviewer="rina") as st:
        st.add_record(aid, type="patrol", unit="Polres Paser", evidence=[{"start": 0, "end": 60}])
        st.set_status(aid, "done")
    return path, aid


def test_an_imported_status_is_undated_so_a_later_one_wins_the_merge_back(tmp_path: Path) -> None:
    """A snapshot exported, imported elsewhere, merged back: rina's later 'flagged' stays."""
    main, aid = _rina_done(tmp_path)
    snap = tmp_path / "snap.json"
    assert tandai(tmp_path, "export", "--format", "labelstudio", "--out", str(snap)).returncode == 0
    with store.open(main, reviewer="rina") as st:
        st.set_status(aid, "flagged")  # after the snapshot
    other = tmp_path / "other"
    out = tandai(tmp_path, "import", "--format", "labelstudio", "--store", str(other), str(snap))
    assert out.returncode == 0, out.stderr
    with store.open(other, reviewer="x", read_only=True) as st:
        entries = [e for e in st.annotations.values("status") if e["reviewer"] == "rina"]
    assert [(e["status"], e["updated"]) for e in entries] == [("done", "")]
    merged = tandai(tmp_path, "merge", str(other))
    assert merged.returncode == 0, merged.stderr
    with store.open(main, reviewer="rina", read_only=True) as st:
        assert st.status(aid) == "flagged"


def test_a_record_s_import_starts_the_article_undated_so_done_stays_done_after_a_merge_back(
        tmp_path: Path) -> None:
    """brat carries records, not statuses: the import starts the annotator's article (in_progress),
    undated, so merging it back leaves the coder's 'done' as it was (it became 'in_progress')."""
    main, aid = _rina_done(tmp_path)
    folder = tmp_path / "brat"
    assert tandai(tmp_path, "export", "--format", "brat", "--out", str(folder)).returncode == 0
    other = tmp_path / "other"
    out = tandai(tmp_path, "import", "--format", "brat", "--store", str(other), str(folder))
    assert out.returncode == 0 and "1 records" in out.stdout, out.stdout + out.stderr
    with store.open(other, reviewer="x", read_only=True) as st:
        assert [(e["reviewer"], e["status"], e["updated"]) for e in st.annotations.values("status")] == [
            ("rina", "in_progress", "")]
    assert tandai(tmp_path, "merge", str(other)).returncode == 0
    with store.open(main, reviewer="rina", read_only=True) as st:
        assert st.status(aid) == "done"
