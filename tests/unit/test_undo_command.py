"""``tandai undo``: a merge, an import or a ``check --repair`` taken back by a later process, through
the installed ``tandai`` on real stores. A workbench's ``u`` undoes only what that workbench did, so
a reviewer who merged the wrong export had no way back but a copy made before.

The stores are compared table by table (records, statuses, corrections, as stored) before the
command, after it (it must have changed them, or the restore proves nothing) and after the undo."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import orjson
import pytest

import store
from tests.conftest import ARTICLE_A, ARTICLE_B
from tests.unit.test_merge import ARTICLE_C, KILL_SCRIPT, _aid, _span
from tests.unit.test_unreadable_records import BAD, with_bad_records

TANDAI = str(Path(sys.executable).parent / "tandai")  # the installed command beside this Python


def tandai(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([TANDAI, *args], capture_output=True, text=True, timeout=180,
                          env={**os.environ, "XDG_CONFIG_HOME": "/nonexistent-config", "TANDAI_REVIEWER": "rina"})


def tables(path: Path) -> dict[str, Any]:
    """Records (unreadable ones too), statuses and corrections as stored, and the article count."""
    with store.open(path, reviewer="rina", read_only=True) as st:
        stored = st.annotations.stored_tables()
        return {**{t: dict(stored[t]) for t in ("records", "status", "overrides")}, "articles": st.count()}


def one_line(done: subprocess.CompletedProcess[str]) -> str:
    assert "Traceback" not in done.stderr, done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    return done.stderr.strip()


@pytest.fixture()
def stores(tmp_path: Path) -> dict[str, Path]:
    """rina's store (two articles, coded); budi's export: rina's record edited since, budi's own
    records, statuses and a correction, and a third article rina's store lacks."""
    inputs, extra = tmp_path / "in", tmp_path / "extra"
    inputs.mkdir()
    extra.mkdir()
    (inputs / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (inputs / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    (extra / "c.txt").write_text(ARTICLE_C, encoding="utf-8")
    mine, theirs = tmp_path / "rina", tmp_path / "budi"
    with store.open(mine, reviewer="rina") as st:
        st.ingest([inputs])
        bontang = _aid(st, "bontang")
        st.add_record(bontang, type="patrol", unit="Polres Bontang", date="2024-11-25", personnel=40,
                      evidence=[_span(st, bontang, "Sebanyak 40")])
        st.set_status(bontang, "done")
        ent = next(e for e in st.article(bontang).entities if e.label == "LOC")
        st.correct_entity(bontang, ent.start, ent.end, "GOV_ORG")
    shutil.copytree(mine, theirs, ignore=shutil.ignore_patterns("write.lock"))
    with store.open(theirs, reviewer="budi") as st:
        st.ingest([extra])
        bontang, paser = _aid(st, "bontang"), _aid(st, "paser")
        [rinas] = st.records(bontang)
        st.update_record(rinas.id, personnel=45)  # the same record, edited later: the merge updates it
        st.add_record(bontang, type="escort", unit="Polres Bontang", evidence=[_span(st, bontang, "Sebanyak 40")])
        st.set_status(bontang, "irrelevant")
        st.add_record(paser, type="static_guard", unit="Polres Paser", evidence=[_span(st, paser, "Sebanyak 120")])
        st.set_status(paser, "done")
        ent = next(e for e in st.article(paser).entities if e.label == "LOC")
        st.correct_entity(paser, ent.start, ent.end, "GOV_ORG")
    export = tmp_path / "budi.jsonl"
    done = tandai("export", "--store", str(theirs), "--format", "jsonl", "--out", str(export))
    assert done.returncode == 0, done.stderr
    brat = tmp_path / "budi-brat"
    done = tandai("export", "--store", str(theirs), "--format", "brat", "--out", f"{brat}/")
    assert done.returncode == 0, done.stderr
    return {"mine": mine, "theirs": theirs, "export": export, "brat": brat}


def merged_changes(before: dict[str, Any], after: dict[str, Any]) -> None:
    """The command changed every table, updated a row that existed (so an undo must put the old
    value back, not delete it) and added an article."""
    for table in ("records", "status", "overrides"):
        assert after[table] != before[table], table
    assert any(key in before["records"] and after["records"][key] != before["records"][key]
               for key in after["records"])
    assert after["articles"] == before["articles"] + 1


def test_merge_then_undo_puts_the_store_back_exactly(stores: dict[str, Path]) -> None:
    """Two sources: budi's export and budi's store (an export carries no corrections)."""
    mine = str(stores["mine"])
    before = tables(stores["mine"])
    done = tandai("merge", "--store", mine, str(stores["export"]), str(stores["theirs"]))
    assert done.returncode == 0, done.stderr
    assert "tandai undo" in done.stdout
    merged = tables(stores["mine"])
    merged_changes(before, merged)
    undone = tandai("undo", "--store", mine)
    assert undone.returncode == 0, undone.stderr
    assert undone.stdout == ("undid: merge of budi.jsonl, budi (3 records, 2 statuses, 1 correction); "
                             "the 1 article it added stay\n")
    after = tables(stores["mine"])
    assert {t: after[t] for t in ("records", "status", "overrides")} == {
        t: before[t] for t in ("records", "status", "overrides")}
    assert after["articles"] == merged["articles"]  # articles stay, as after an ingest
    again = tandai("undo", "--store", mine)
    assert again.returncode == 1 and one_line(again) == (
        "tandai: nothing to undo: merge of budi.jsonl, budi was undone already")
    assert tables(stores["mine"]) == after


def test_import_then_undo_puts_the_store_back_exactly(stores: dict[str, Path]) -> None:
    """An import is many changes (one per text's corrections, status and record): one undo."""
    mine = str(stores["mine"])
    before = tables(stores["mine"])
    done = tandai("import", "--store", mine, "--format", "brat", str(stores["brat"]))
    assert done.returncode == 0, done.stdout + done.stderr
    imported = tables(stores["mine"])
    assert imported["records"] != before["records"] and imported["overrides"] != before["overrides"]
    assert imported["articles"] == before["articles"] + 1
    undone = tandai("undo", "--store", mine)
    assert undone.returncode == 0, undone.stderr
    assert undone.stdout.startswith("undid: brat import of budi-brat (") and "article it added stay" in undone.stdout
    after = tables(stores["mine"])
    assert {**after, "articles": before["articles"]} == before


def test_an_import_changing_a_row_twice_is_undone_to_before_the_first_change(
        tmp_path: Path, stores: dict[str, Path]) -> None:
    """Two files, one command: budi accepts the Bontang text (status done, the file's entities),
    then rejects it (irrelevant). The undo puts back what was there before the first: no status."""
    with store.open(stores["mine"], reviewer="rina", read_only=True) as st:
        bontang = st.article(_aid(st, "bontang"), corrected=False)
    police = next(e for e in bontang.entities if e.label == "POLICE_UNIT")
    task = {"text": bontang.text, "_annotator_id": "budi",
            "spans": [{"start": police.start, "end": police.end, "label": "POLICE_UNIT"}]}
    (tmp_path / "accept.jsonl").write_bytes(orjson.dumps({**task, "answer": "accept"}) + b"\n")
    (tmp_path / "reject.jsonl").write_bytes(orjson.dumps({**task, "answer": "reject"}) + b"\n")
    before = tables(stores["mine"])
    done = tandai("import", "--store", str(stores["mine"]), "--format", "prodigy",
                  str(tmp_path / "accept.jsonl"), str(tmp_path / "reject.jsonl"))
    assert done.returncode == 0, done.stdout + done.stderr
    imported = tables(stores["mine"])
    [budis] = [s for s in imported["status"].values() if s["reviewer"] == "budi"]
    assert budis["status"] == "irrelevant" and imported["overrides"] != before["overrides"]
    undone = tandai("undo", "--store", str(stores["mine"]))
    assert undone.stdout.startswith("undid: prodigy import of accept.jsonl, reject.jsonl (1 status, "), undone
    assert tables(stores["mine"]) == before


def test_undo_is_refused_when_something_was_saved_since(stores: dict[str, Path]) -> None:
    """A workbench's save after the merge: putting the merge's rows back would lose it."""
    mine = str(stores["mine"])
    assert tandai("merge", "--store", mine, str(stores["export"])).returncode == 0
    with store.open(stores["mine"], reviewer="rina") as st:  # as a workbench saves
        st.set_status(_aid(st, "bungoro"), "done")
    saved = tables(stores["mine"])
    refused = tandai("undo", "--store", mine)
    assert refused.returncode == 1 and refused.stdout == ""
    assert one_line(refused) == ("tandai: cannot undo merge of budi.jsonl: 1 change was saved since (a workbench, "
                                 "or another program), which undoing it now would lose")
    assert tables(stores["mine"]) == saved


def test_a_later_command_is_the_one_undone_and_one_that_changes_nothing_keeps_the_earlier(
        stores: dict[str, Path]) -> None:
    mine = str(stores["mine"])
    before = tables(stores["mine"])
    assert tandai("merge", "--store", mine, str(stores["export"])).returncode == 0
    merged = tables(stores["mine"])
    same = tandai("merge", "--store", mine, str(stores["export"]))  # nothing new: the first stays undoable
    assert same.returncode == 0 and "0 record(s) added, 0 updated" in same.stdout
    assert tandai("undo", "--store", mine).returncode == 0
    assert {**tables(stores["mine"]), "articles": before["articles"]} == before
    assert tandai("merge", "--store", mine, str(stores["export"])).returncode == 0
    assert tables(stores["mine"]) == merged
    later = tandai("merge", "--store", mine, str(stores["theirs"]))  # budi's store: the correction and stamps
    assert "1 correction(s)" in later.stdout and tables(stores["mine"]) != merged
    assert tandai("undo", "--store", mine).stdout == "undid: merge of budi (2 statuses, 1 correction)\n"
    assert tables(stores["mine"]) == merged


def test_nothing_to_undo_is_one_line(tmp_path: Path, stores: dict[str, Path]) -> None:
    fresh = tandai("undo", "--store", str(stores["theirs"]))  # coded through the API, no command
    assert fresh.returncode == 1 and one_line(fresh) == (
        "tandai: nothing to undo: this store keeps no command's change "
        "(tandai merge, import and check --repair keep theirs)")
    nowhere = tmp_path / "typo"
    missing = tandai("undo", "--store", str(nowhere))
    assert missing.returncode == 1 and one_line(missing).startswith(f"tandai: no store at {nowhere}")
    assert not nowhere.exists()  # never created by asking to undo in it


def test_a_store_open_in_a_workbench_is_refused(stores: dict[str, Path]) -> None:
    mine = str(stores["mine"])
    assert tandai("merge", "--store", mine, str(stores["export"])).returncode == 0
    merged = tables(stores["mine"])
    with store.open(stores["mine"], reviewer="rina"):  # holds the writer lock
        refused = tandai("undo", "--store", mine)
    assert refused.returncode == 1 and "read-only" in one_line(refused)
    assert tables(stores["mine"]) == merged
    # opened and closed (compacted) without a save: nothing was saved since, so the undo goes ahead
    assert tandai("undo", "--store", mine).stdout.startswith("undid: merge of budi.jsonl (")


UNDO_FILE = ("annotations", "undo.json")


@pytest.mark.parametrize(("damage", "said"), [
    (b"", "tandai: cannot undo: annotations/undo.json is empty (truncated?); nothing was changed"),
    (b"\x00\xffnot json", "tandai: cannot undo: annotations/undo.json is not valid JSON"),
    (b"half", "tandai: cannot undo: annotations/undo.json is not valid JSON"),
    (b'{"label": 3}', "tandai: cannot undo: annotations/undo.json is damaged (its label, position or checksum"),
    (b'{"label": "x", "after": 1, "digest": "d", "inverse": [["put", "passwords", "k", {}]]}',
     "tandai: cannot undo: annotations/undo.json is damaged (not an operation on a table"),
    (b'{"label": "x", "after": 1, "digest": "d", "inverse": [["put", "records", "k", 7]]}',
     "tandai: cannot undo: annotations/undo.json is damaged (not a journal operation"),
], ids=["empty", "binary", "torn", "shape", "table", "op"])
def test_a_damaged_undo_file_is_one_line_and_changes_nothing(
        stores: dict[str, Path], damage: bytes, said: str) -> None:
    """What a kill -9 or a disk could leave instead of the file (written atomically, so a torn one
    needs a disk that lies): refused in one line, nothing changed."""
    mine = str(stores["mine"])
    assert tandai("merge", "--store", mine, str(stores["export"])).returncode == 0
    merged = tables(stores["mine"])
    path = stores["mine"].joinpath(*UNDO_FILE)
    if damage == b"half":
        damage = path.read_bytes()[: path.stat().st_size // 2]
    path.write_bytes(damage)
    refused = tandai("undo", "--store", mine)
    assert refused.returncode == 1 and one_line(refused).startswith(said), refused.stderr
    assert tables(stores["mine"]) == merged


def test_an_absent_or_linked_undo_file_is_one_line(tmp_path: Path, stores: dict[str, Path]) -> None:
    mine = str(stores["mine"])
    assert tandai("merge", "--store", mine, str(stores["export"])).returncode == 0
    merged = tables(stores["mine"])
    path = stores["mine"].joinpath(*UNDO_FILE)
    outside = tmp_path / "elsewhere.json"
    shutil.move(path, outside)
    gone = tandai("undo", "--store", mine)
    assert gone.returncode == 1 and one_line(gone).startswith("tandai: nothing to undo: this store keeps no")
    path.symlink_to(outside)  # a store from someone else: never read through a link
    linked = tandai("undo", "--store", mine)
    assert linked.returncode == 1 and "is a symbolic link" in one_line(linked)
    assert tables(stores["mine"]) == merged


def test_an_undo_stopped_before_it_said_so_is_not_done_twice(stores: dict[str, Path]) -> None:
    """The undo's change is journalled, then the file says it is done: a process killed between
    the two leaves the old file. The next undo sees the rows already as before: nothing to undo."""
    mine = str(stores["mine"])
    before = tables(stores["mine"])
    assert tandai("merge", "--store", mine, str(stores["export"])).returncode == 0
    path = stores["mine"].joinpath(*UNDO_FILE)
    kept = path.read_bytes()
    assert tandai("undo", "--store", mine).returncode == 0
    path.write_bytes(kept)
    again = tandai("undo", "--store", mine)
    assert again.returncode == 1 and one_line(again) == "tandai: nothing to undo: merge of budi.jsonl was undone already"
    assert {**tables(stores["mine"]), "articles": before["articles"]} == before
    assert orjson.loads(path.read_bytes())["undone"] is True


def test_rows_not_as_the_command_left_them_are_refused(stores: dict[str, Path]) -> None:
    """The change number alone could match a store put back from another copy: the rows the
    command touched are checked too."""
    mine = str(stores["mine"])
    assert tandai("merge", "--store", mine, str(stores["export"])).returncode == 0
    path = stores["mine"].joinpath(*UNDO_FILE)
    path.write_bytes(orjson.dumps({**orjson.loads(path.read_bytes()), "digest": "0" * 32}))
    merged = tables(stores["mine"])
    refused = tandai("undo", "--store", mine)
    assert refused.returncode == 1 and "its rows are not as it left them" in one_line(refused)
    assert tables(stores["mine"]) == merged


def test_check_repair_setting_records_aside_is_undone_too(sample_store_path: Path) -> None:
    with_bad_records(sample_store_path)
    before = tables(sample_store_path)
    assert set(BAD) <= set(before["records"])
    fixed = tandai("check", "--repair", "--store", str(sample_store_path))
    assert "set 3 record(s) no reader could use aside" in fixed.stdout, fixed
    assert not set(BAD) & set(tables(sample_store_path)["records"])
    undone = tandai("undo", "--store", str(sample_store_path))
    assert undone.stdout == "undid: check --repair setting aside 3 unreadable record(s) (3 records)\n", undone
    assert tables(sample_store_path) == before


def test_a_merge_killed_before_its_coding_is_finished_and_undone_by_the_next_command(
        stores: dict[str, Path]) -> None:
    """A merge killed between its articles and its journal line is finished by the next writer
    (``annotations/pending.json``); that finished change is kept for undo like the command's own."""
    before = tables(stores["mine"])
    script = (KILL_SCRIPT.replace('print("open", flush=True)\n', 'print("open", flush=True)\n'
              "import os, signal\nreal = st.commit_batch\n"
              "def dying(batch):\n    real(batch)\n    os.kill(os.getpid(), signal.SIGKILL)\n"
              "st.commit_batch = dying\n"))
    proc = subprocess.run([sys.executable, "-c", script, str(stores["mine"]), str(stores["theirs"])],
                          capture_output=True, timeout=180)
    assert proc.returncode == -signal.SIGKILL
    assert stores["mine"].joinpath("annotations", "pending.json").exists()
    undone = tandai("undo", "--store", str(stores["mine"]))
    assert "finished an interrupted change: merge" in undone.stderr, undone.stderr
    assert undone.returncode == 0 and undone.stdout.startswith("undid: merge 6 change(s) from budi, rina ("), undone
    assert {**tables(stores["mine"]), "articles": before["articles"]} == before
