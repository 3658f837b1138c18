"""`tandai merge` stores nothing `add_record` would refuse, and `tandai check` names a stored record
that does not validate (red team s26 D2: a hand-edited export's `"unit": null` made stats,
conventions, several exports and the workbench crash, and check said "ok").

Everything through the installed `tandai` command on real stores in tmp_path."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import store
from store.history import Put
from tests.conftest import ARTICLE_A, ARTICLE_B

TANDAI = str(Path(sys.executable).with_name("tandai"))  # the installed command beside this Python
GOOD_ID, BAD_ID = "b000000000000001", "b000000000000002"
STAMP = "2024-11-26T10:00:00+00:00"


def tandai(path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TANDAI_REVIEWER": "lead", "XDG_CONFIG_HOME": "/nonexistent-config"}
    return subprocess.run([TANDAI, "--store", str(path), *args], capture_output=True, text=True, env=env,
                          timeout=120)


def good_record(row: dict[str, Any]) -> dict[str, Any]:
    """A record as another reviewer's tandai exports it, on the Bontang article of ``row``."""
    start = row["text"].index("Sebanyak 40")
    return {"id": GOOD_ID, "article_id": row["id"], "reviewer": "budi", "type": "patrol",
            "unit": "Polres Bontang", "date": "2024-11-25", "date_text": None, "location": "Bontang",
            "partners": ["TNI"], "personnel": 40, "phase": "quiet", "notes": "",
            "evidence": [{"start": start, "end": start + 60}], "created": STAMP, "updated": STAMP}


def export_line(row: dict[str, Any], records: list[dict[str, Any]], **extra: Any) -> str:
    return json.dumps({**row, "records": records, "statuses": {}, **extra}) + "\n"


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any], dict[str, Any]]:
    """A store with two articles and budi's good record merged in; the Bontang article's export line;
    the good record as exported."""
    root = tmp_path_factory.mktemp("merge-validation")
    (root / "in").mkdir()
    (root / "in" / "bontang.txt").write_text(ARTICLE_A, encoding="utf-8")
    (root / "in" / "bungoro.txt").write_text(ARTICLE_B, encoding="utf-8")
    path = root / "store"
    assert tandai(path, "ingest", str(root / "in")).returncode == 0
    rows = [json.loads(line) for line in tandai(path, "export", "--format", "jsonl").stdout.splitlines()]
    row = next(r for r in rows if "Bontang" in r["text"])
    good = root / "good.jsonl"
    good.write_text(export_line(row, [good_record(row)]), encoding="utf-8")
    done = tandai(path, "merge", str(good))
    assert done.returncode == 0 and "1 record(s) added" in done.stdout, done
    return path, row, stored_records(path)[GOOD_ID]


@pytest.fixture()
def target(tmp_path: Path, template: tuple[Path, dict[str, Any], dict[str, Any]]) -> Path:
    shutil.copytree(template[0], tmp_path / "t", ignore=shutil.ignore_patterns("write.lock", "write.owner"))
    return tmp_path / "t"


def stored_records(path: Path) -> dict[str, dict[str, Any]]:
    out = tandai(path, "export", "--format", "jsonl")
    assert out.returncode == 0, out.stderr
    return {r["id"]: r for line in out.stdout.splitlines() for r in json.loads(line)["records"]}


READERS = [("stats",), ("conventions",), ("export", "--format", "events"), ("export", "--format", "csv"),
           ("check",)]


def readers_run(path: Path, tmp_path: Path) -> None:
    """Every reader that crashed on a bad record runs cleanly (brat writes a folder)."""
    for args in [*READERS, ("export", "--format", "brat", "--out", str(tmp_path / "brat"))]:
        done = tandai(path, *args)
        assert done.returncode == 0 and "Traceback" not in done.stderr, (args, done.stdout[-500:], done.stderr)


BAD = {  # name → the fields changed in budi's good record, and what the skip says
    "unit null": ({"unit": None}, "unit: the acting unit is required"),
    "unit a dict": ({"unit": {"a": 1}}, "unit must be text"),
    "type null": ({"type": None}, "type: an activity type is required"),
    "type unknown": ({"type": "nope"}, "'nope' is not an activity type"),
    "date not a date": ({"date": "99/99/9999"}, "'99/99/9999' is not a date"),
    "partners text": ({"partners": "TNI"}, "partners: must be a list of texts"),
    "partners not texts": ({"partners": [None, 1]}, "partners must be text or a list of texts"),
    "personnel text": ({"personnel": "abc"}, "personnel: 'abc' is not a whole number"),
    "personnel huge": ({"personnel": 1e30}, "personnel: '1e+30' is not a whole number"),
    "phase unknown": ({"phase": "zzz"}, "'zzz' is not a phase"),
    "updated not a time": ({"updated": "9999-99-99"}, "updated: '9999-99-99' is not a time"),
    "updated in the future": ({"updated": "2999-01-01T00:00:00+00:00"}, "is in the future"),
    "created missing": ({"created": None}, "created: missing"),
    "id not an id": ({"id": "a b/../c"}, "is not a record id"),
    # the same record again, edited later, into a date no reader can parse: not taken as an update
    "update to a bad date": ({"id": GOOD_ID, "updated": "2024-11-27T10:00:00+00:00", "date": "99/99/9999"},
                             "'99/99/9999' is not a date"),
}


@pytest.mark.parametrize("name", list(BAD))
def test_merge_skips_and_names_a_record_that_does_not_validate(
        name: str, target: Path, template: tuple[Path, dict[str, Any], dict[str, Any]], tmp_path: Path) -> None:
    change, said = BAD[name]
    row = template[1]
    bad = {**good_record(row), "id": BAD_ID, **change}
    source = tmp_path / "evil.jsonl"
    source.write_text("\n" + export_line(row, [bad]), encoding="utf-8")  # line 2: the blank one is skipped
    done = tandai(target, "merge", str(source))
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    skips = [line for line in done.stderr.splitlines() if line.startswith("tandai: skipped")]
    assert len(skips) == 1 and skips[0].startswith(f"tandai: skipped evil.jsonl:2: record {bad['id']} "), skips
    assert said in skips[0], skips[0]
    assert "0 record(s) added, 0 updated" in done.stdout and "1 skipped" in done.stdout, done.stdout
    assert stored_records(target) == {GOOD_ID: template[2]}
    readers_run(target, tmp_path)


def test_a_correction_with_an_unknown_label_is_skipped(target: Path, template: tuple[Path, dict[str, Any], dict[str, Any]],
                                                       tmp_path: Path) -> None:
    row = template[1]
    fix = {"id": "c000000000000001", "reviewer": "budi", "action": "add", "start": 0, "end": 6,
           "label": "NOPE", "text": row["text"][:6], "created": STAMP, "seq": 1}
    source = tmp_path / "evil.jsonl"
    source.write_text(export_line(row, [], corrections=[fix]), encoding="utf-8")
    done = tandai(target, "merge", str(source))
    assert done.returncode == 0 and "0 correction(s)" in done.stdout, done.stdout
    assert "tandai: skipped evil.jsonl:1: correction c000000000000001" in done.stderr
    assert "'NOPE' is not a label" in done.stderr
    readers_run(target, tmp_path)
    assert "Traceback" not in tandai(target, "show", row["id"]).stderr


def test_a_date_as_typed_is_stored_as_add_record_stores_it_and_merging_again_changes_nothing(
        target: Path, template: tuple[Path, dict[str, Any], dict[str, Any]], tmp_path: Path) -> None:
    """validate() normalises: the merged record is the one add_record would have stored, so a second
    merge of the same line finds it already here (the join stays idempotent)."""
    row = template[1]
    typed = {**good_record(row), "id": BAD_ID, "date": "25/11/2024", "location": " Bontang ", "phase": None}
    source = tmp_path / "typed.jsonl"
    source.write_text(export_line(row, [typed]), encoding="utf-8")
    first = tandai(target, "merge", str(source))
    assert first.returncode == 0 and "1 record(s) added" in first.stdout, first
    rec = stored_records(target)[BAD_ID]
    assert (rec["date"], rec["location"], rec["phase"]) == ("2024-11-25", "Bontang", "quiet")
    assert rec["evidence"][0]["text"] == row["text"][typed["evidence"][0]["start"]:typed["evidence"][0]["end"]]
    again = tandai(target, "merge", str(source))
    assert "0 record(s) added, 0 updated" in again.stdout and "1 already here" in again.stdout, again.stdout
    readers_run(target, tmp_path)


SET_ASIDE, EDIT = "--repair sets it aside", "edit or delete it"
CHECKED = {  # what an older tandai's merge could store, what check says of it, and what it advises
    # no reader can show these (``record_problem``), so no reviewer can edit them: repair sets them aside
    "unit null": ({"unit": None}, "record unit is not a non-empty text", SET_ASIDE),
    "date not a date": ({"date": "99/99/9999"}, "record date is not null or YYYY-MM-DD", SET_ASIDE),
    "date not ISO": ({"date": "25/11/2024"}, "record date is not null or YYYY-MM-DD", SET_ASIDE),
    "partners not texts": ({"partners": [None, 1]}, "record partners is not a list of texts", SET_ASIDE),
    "personnel text": ({"personnel": "abc"}, "personnel", SET_ASIDE),
    # shown, and refused by add_record: the reviewer edits or deletes them
    "type unknown": ({"type": "nope"}, "'nope' is not an activity type", EDIT),
    "updated not a time": ({"updated": "9999-99-99"}, "updated: '9999-99-99' is not a time", EDIT),
}


@pytest.mark.parametrize("name", list(CHECKED))
def test_check_names_a_stored_record_that_does_not_validate(
        name: str, target: Path, template: tuple[Path, dict[str, Any], dict[str, Any]]) -> None:
    change, said, remedy = CHECKED[name]
    assert tandai(target, "check").returncode == 0  # budi's good record is no problem
    bad = {**good_record(template[1]), "id": BAD_ID, **change}
    with store.open(target, reviewer="old-tandai") as st:  # written as an older merge wrote it: unchecked
        st.history.change("old merge", [Put("records", BAD_ID, bad)])
    done = tandai(target, "check")
    assert done.returncode == 1 and "Traceback" not in done.stderr, done
    problems = [line for line in done.stdout.splitlines() if line.startswith("problem:")]
    assert len(problems) == 1, done.stdout
    assert f"record {BAD_ID} of article {template[1]['id']} does not validate" in problems[0]
    assert said in problems[0] and remedy in problems[0], problems[0]
    assert done.stdout.strip().endswith("1 problem(s)")
