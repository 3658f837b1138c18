"""``tandai import`` after the s26 red team (D4, D6, D8), through the installed ``tandai`` command
on real files and real stores, and through ``import_file`` where a timing or the history needs it.

D4: a brat folder's file that is a symlink out of the folder is not read (ingest's rule and
message) unless ``--follow-symlinks``. D6: one text's corrections are one change, so an import
takes time linear in the text's length (it was quadratic: 250 KB took 100 s). D8: a reviewer name,
a status or a Prodigy answer that tandai would refuse elsewhere skips its line with a reason."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest

import store
from store.errors import StoreError
from store.interchange.importing import import_file

TANDAI = Path(sys.executable).with_name("tandai")
SENTENCE = "Polres Bontang melaksanakan patroli malam di Bontang Utara pada Senin (25/11/2024)."
SECRET = "root:x:0:0:root:/root:/bin/bash\nsecret line that must stay outside\n"
REFUSED = "a symlink to a file outside the folder, not followed (use --follow-symlinks to read it)"


def tandai(tmp: Path, *args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TANDAI_STORE": str(tmp / "store"), "TANDAI_REVIEWER": "rina",
           "XDG_CONFIG_HOME": str(tmp / "config"), "XDG_DATA_HOME": str(tmp / "data")}
    return subprocess.run([str(TANDAI), *args], capture_output=True, text=True, env=env, timeout=timeout)


def exported(tmp: Path) -> list[dict[str, object]]:
    out = tandai(tmp, "export", "--format", "jsonl")
    assert out.returncode == 0, out.stderr
    return [orjson.loads(line) for line in out.stdout.splitlines()]


# -- D4: symlinks out of a brat folder ----------------------------------------------------------

def _brat_folder(tmp: Path) -> Path:
    outside = tmp / "outside"
    outside.mkdir()
    (outside / "passwd").write_text(SECRET, encoding="utf-8")
    folder = tmp / "b5"
    folder.mkdir()
    (folder / "a.txt").write_text(SENTENCE, encoding="utf-8")
    (folder / "a.ann").write_text("T1\tPOLICE_UNIT 0 14\tPolres Bontang\n", encoding="utf-8")
    (folder / "b.txt").symlink_to(outside / "passwd")
    (folder / "b.ann").write_text("T1\tLOC 0 4\troot\n", encoding="utf-8")
    return folder


def test_brat_import_does_not_read_a_symlink_out_of_the_folder(tmp_path: Path) -> None:
    folder = _brat_folder(tmp_path)
    out = tandai(tmp_path, "import", "--format", "brat", str(folder))
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines() == [
        f"skipped {folder} b.txt: {REFUSED}",
        "b5: 1 texts: 1 articles added, 0 already present, 2 entity corrections, 0 statuses, 0 records, 1 skipped"]
    rows = exported(tmp_path)
    assert [r["text"] for r in rows] == [SENTENCE]
    # the verdict is ingest's own for the same folder
    ingest = tandai(tmp_path, "ingest", str(folder))
    assert f"skipped {folder / 'b.txt'}: {REFUSED}" in ingest.stdout.splitlines()


def test_brat_import_reads_it_when_asked_and_reads_links_inside_the_folder(tmp_path: Path) -> None:
    folder = _brat_folder(tmp_path)
    (folder / "c.txt").symlink_to(folder / "a.txt")  # inside the folder: read as ingest reads it
    (folder / "c.ann").write_text("T1\tLOC 45 58\tBontang Utara\n", encoding="utf-8")
    out = tandai(tmp_path, "import", "--format", "brat", str(folder))
    assert out.stdout.splitlines()[0] == f"skipped {folder} b.txt: {REFUSED}"
    assert out.stdout.splitlines()[1].startswith("b5: 1 texts: 1 articles added")  # c is a's text
    out = tandai(tmp_path, "import", "--format", "brat", "--follow-symlinks", str(folder))
    assert out.returncode == 0 and out.stdout.startswith("b5: 2 texts: 1 articles added"), out.stdout
    assert SECRET in [r["text"] for r in exported(tmp_path)]


def test_an_ann_file_linked_out_of_the_folder_is_not_read_but_one_named_is(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "x.ann").write_text("T1\tLOC 0 6\tPolres\n", encoding="utf-8")
    folder = tmp_path / "b6"
    folder.mkdir()
    (folder / "x.txt").write_text(SENTENCE, encoding="utf-8")
    (folder / "x.ann").symlink_to(outside / "x.ann")
    out = tandai(tmp_path, "import", "--format", "brat", str(folder))
    assert out.returncode == 1
    assert out.stdout.splitlines() == [f"skipped {folder} x.ann: {REFUSED}", "b6: nothing imported (1 rows skipped)"]
    # named on the command line, it was asked for (as ingest reads a named symlink)
    out = tandai(tmp_path, "import", "--format", "brat", str(folder / "x.ann"))
    assert out.returncode == 0 and out.stdout.startswith("x.ann: 1 texts: 1 articles added"), out.stdout


# -- D6: time linear in the text's length -------------------------------------------------------

def _prodigy_file(path: Path, repeats: int) -> Path:
    """One task whose text is the sentence ``repeats`` times, listing no spans: every entity the
    recogniser finds (three a sentence) becomes a removal. (A task without a ``spans`` list says
    nothing about entities, and is skipped.)"""
    path.write_bytes(orjson.dumps({"text": SENTENCE * repeats, "spans": []}) + b"\n")
    return path


def test_a_250_kb_text_imports_in_seconds(tmp_path: Path) -> None:
    f = _prodigy_file(tmp_path / "big.jsonl", 3000)
    assert 240_000 < f.stat().st_size < 260_000
    start = time.monotonic()
    try:
        out = tandai(tmp_path, "import", "--format", "prodigy", str(f), timeout=60)
    except subprocess.TimeoutExpired:
        pytest.fail("importing a 250 KB text took more than a minute (it took 100 s when quadratic)")
    took = time.monotonic() - start
    assert out.returncode == 0, out.stderr
    assert out.stdout == ("big.jsonl: 1 texts: 1 articles added, 0 already present, 9000 entity corrections, "
                          "0 statuses, 0 records, 0 skipped\n")
    assert took < 15, f"{took:.1f} s"
    assert exported(tmp_path)[0]["entities"] == []  # the file's entities (none) are the article's


def _import_seconds(tmp: Path, repeats: int, runs: int = 1) -> float:
    """The best of ``runs`` imports of the text into fresh stores, the import alone timed."""
    best = float("inf")
    tmp.mkdir(exist_ok=True)
    for n in range(runs):
        f = _prodigy_file(tmp / f"t{repeats}-{n}.jsonl", repeats)
        with store.open(tmp / f"s{repeats}-{n}", reviewer="rina") as st:
            start = time.perf_counter()
            report = import_file(st, f, "prodigy")
            best = min(best, time.perf_counter() - start)
        assert report.corrections == 3 * repeats and not report.skipped
    return best


def test_import_time_grows_linearly_with_the_text(tmp_path: Path) -> None:
    """63 KB against 250 KB. Quadratic, they took 12 s and 130 s; linear, 0.2 s and 0.45 s."""
    _import_seconds(tmp_path / "warm", 20)  # the recogniser's first use is not the import's time
    one = _import_seconds(tmp_path, 750, runs=2)
    four = _import_seconds(tmp_path, 3000)
    assert four < 8 * one, f"4x the text took {four / one:.1f}x the time ({one:.2f} s, {four:.2f} s)"
    assert four < 15, f"{four:.1f} s"


def test_one_text_s_corrections_are_one_change_and_one_undo(tmp_path: Path) -> None:
    f = tmp_path / "t.jsonl"
    text = SENTENCE * 3
    first = SENTENCE.index("Bontang Utara")
    f.write_bytes(orjson.dumps({"text": text, "spans": [
        {"start": 0, "end": 14, "label": "GOV_ORG"},  # relabelled
        {"start": first, "end": first + 13, "label": "LOC"},
        {"start": 28, "end": 35, "label": "DATE"}]}) + b"\n")  # added
    with store.open(tmp_path / "s", reviewer="rina") as st:
        st.ingest([_prodigy_file(tmp_path / "plain.jsonl", 3)])
        (a,) = list(st.articles())
        found = [(e.start, e.end, e.label) for e in st.article(a.id).entities]
        seq = st.annotations.seq
        report = import_file(st, f, "prodigy")
        assert st.annotations.seq == seq + 1  # one journal line
        assert [(e.start, e.end, e.label) for e in st.article(a.id).entities] == [
            (0, 14, "GOV_ORG"), (28, 35, "DATE"), (first, first + 13, "LOC")]
        assert report.corrections == len(st.overrides(a.id)) == (len(found) - 2) + 2  # removals, a relabel, an add
        assert len(st.history.undo_stack) == 1
        st.undo()  # the import's corrections of the text, all at once
        assert [(e.start, e.end, e.label) for e in st.article(a.id).entities] == found


def test_a_batch_of_corrections_refuses_what_its_order_would_decide(tmp_path: Path) -> None:
    with store.open(tmp_path / "s", reviewer="rina") as st:
        st.ingest([_prodigy_file(tmp_path / "plain.jsonl", 1)])
        (a,) = list(st.articles())
        with pytest.raises(StoreError, match="must not overlap"):
            st.correct_entities(a.id, [(0, 14, "GOV_ORG"), (7, 20, "LOC")])
        with pytest.raises(StoreError, match="overlaps a span labelled"):
            st.correct_entities(a.id, [(0, 14, None), (7, 20, "LOC")])
        assert st.annotations.seq == 0 or not st.overrides(a.id)  # nothing half done
        assert st.correct_entities(a.id, []) == []


# -- D8: reviewer names, statuses and answers -----------------------------------------------------

def test_prodigy_lines_with_a_bad_reviewer_status_or_answer_are_skipped(tmp_path: Path) -> None:
    rows = [{"text": SENTENCE, "meta": {"statuses": {"x\u001b": "done"}}},
            {"text": SENTENCE + " 2", "meta": {"status": "bogus"}},
            {"text": SENTENCE + " 3", "answer": "weird"},
            {"text": SENTENCE + " 4", "meta": {"statuses": {"budi": "nope"}}},
            {"text": SENTENCE + " 5", "meta": {"statuses": "done"}},
            {"text": SENTENCE + " 6", "meta": {"status": "done", "statuses": {" budi ": "done"}}, "answer": "accept"}]
    f = tmp_path / "p.jsonl"
    f.write_bytes(b"".join(orjson.dumps({**r, "spans": []}) + b"\n" for r in rows))
    out = tandai(tmp_path, "import", "--format", "prodigy", str(f))
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines()[:5] == [
        f"skipped {f} line 1: statuses: the reviewer name must not contain control characters",
        f"skipped {f} line 2: meta.status 'bogus' is not a status "
        "(todo, in_progress, done, skipped, irrelevant, flagged)",
        f"skipped {f} line 3: answer 'weird' is not one of accept, reject, ignore",
        f"skipped {f} line 4: statuses: budi's status 'nope' is not a status "
        "(todo, in_progress, done, skipped, irrelevant, flagged)",
        f"skipped {f} line 5: statuses is not an object of reviewer: status"]
    (row,) = exported(tmp_path)
    assert row["statuses"] == {"budi": "done"}  # the name as check_reviewer gives it


def test_doccano_labelstudio_and_brat_refuse_the_same(tmp_path: Path) -> None:
    d = tmp_path / "d.jsonl"
    d.write_bytes(orjson.dumps({"text": SENTENCE, "label": [], "status": "bogus"}) + b"\n"
                  + orjson.dumps({"text": SENTENCE, "label": [], "statuses": {"a\u0085b": "done"}}) + b"\n")
    out = tandai(tmp_path, "import", "--format", "doccano", str(d))
    assert out.returncode == 1
    assert out.stdout.splitlines()[:2] == [
        f"skipped {d} line 1: status 'bogus' is not a status (todo, in_progress, done, skipped, irrelevant, flagged)",
        f"skipped {d} line 2: statuses: the reviewer name must not contain control characters"]
    ls = tmp_path / "ls.json"
    ls.write_bytes(orjson.dumps([{"data": {"text": SENTENCE, "status": "bogus"}, "annotations": []},
                                 {"data": {"text": SENTENCE, "statuses": {"\u202eevil": "done"}},
                                  "annotations": []}]))
    out = tandai(tmp_path, "import", "--format", "labelstudio", str(ls))
    assert out.stdout.splitlines()[:2] == [
        f"skipped {ls} task 1: data.status 'bogus' is not a status "
        "(todo, in_progress, done, skipped, irrelevant, flagged)",
        f"skipped {ls} task 2: statuses: the reviewer name must not contain control characters"]
    folder = tmp_path / "brat"
    folder.mkdir()
    (folder / "a.txt").write_text(SENTENCE, encoding="utf-8")
    notes = orjson.dumps({"reviewer": "x\u001b[31m"}).decode()
    (folder / "a.ann").write_text("T1\tPOLICE_UNIT 0 14\tPolres Bontang\nT2\tpatrol 28 35\tpatroli\n"
                                  "E1\tpatrol:T2 Unit:T1\n"
                                  f"#1\tAnnotatorNotes E1\t{notes}\n", encoding="utf-8")
    out = tandai(tmp_path, "import", "--format", "brat", str(folder))
    assert out.stdout.splitlines()[0] == (
        f"skipped {folder} a.ann line 3: the reviewer name must not contain control characters")
    assert "0 records" in out.stdout


# -- brat round trip: tandai's own export imports back ------------------------------------------

def test_tandai_s_own_brat_export_imports_back_and_one_bad_pair_does_not_stop_the_folder(tmp_path: Path) -> None:
    """An article without entities is exported with an empty ``.ann`` (brat's "no annotations"); the import
    stopped the whole folder on it ("empty file"), so tandai's own export did not import back. A pair whose
    text cannot be read (binary) is skipped with its reason and the rest are imported."""
    src = tmp_path / "in"
    src.mkdir()
    (src / "plain.txt").write_text("Cuaca\n\nHari ini cuaca cerah dan warga berjalan santai di taman sore.\n",
                                   encoding="utf-8")
    (src / "police.txt").write_text(f"Patroli Malam\n\n{SENTENCE}\n", encoding="utf-8")
    assert tandai(tmp_path, "ingest", str(src)).returncode == 0
    folder = tmp_path / "brat"
    assert tandai(tmp_path, "export", "--format", "brat", "--out", str(folder)).returncode == 0
    assert any(p.stat().st_size == 0 for p in folder.glob("*.ann"))
    (folder / "zz.txt").write_bytes(b"\x00\x01\x02 not text")
    (folder / "zz.ann").write_text("T1\tLOC 0 3\tabc\n", encoding="utf-8")
    back = tmp_path / "back"
    back.mkdir()
    out = tandai(back, "import", "--format", "brat", str(folder))
    assert out.returncode == 0, out.stderr
    assert "2 articles added" in out.stdout + out.stderr and "zz.ann" in out.stdout + out.stderr
    assert sorted(r["title"] for r in exported(back)) == ["Cuaca", "Patroli Malam"]
