"""``tandai undo`` on a team database, through the installed ``tandai``: what undoes each reviewer's
last command is kept in ``tandai.undo``; an undo is one change in ``tandai.changes`` like any other.

On a team store others save all day, so the rule differs from a directory's: refused when the
reviewer saved anything since (their workbench) or anyone changed a row the command changed;
someone else's change to other rows is kept as it is."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import store
from tests.pg.conftest import as_role

TANDAI = str(Path(sys.executable).parent / "tandai")


def tandai(tmp: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TANDAI_CACHE": str(tmp / "cache"), "XDG_CONFIG_HOME": str(tmp / "config")}
    return subprocess.run([TANDAI, *args], capture_output=True, text=True, env=env, timeout=180)


def tables(url: str) -> dict[str, Any]:
    with store.open(url, read_only=True) as st:
        return {t: dict(st.annotations.tables[t]) for t in ("records", "status", "overrides")}


def one_line(done: subprocess.CompletedProcess[str]) -> str:
    assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1, done.stderr
    return done.stderr.strip()


@pytest.fixture()
def team(filled: str, tmp_path: Path) -> dict[str, Any]:
    """The samples in the database; budi's coding merged in once by ayu (an adjudicator: a merge
    writes other reviewers' rows); then budi's export edited and grown, to merge again."""
    local = tmp_path / "budi"
    ayu = as_role(filled, "ayu")
    with store.open(local, reviewer="budi") as st:
        st.ingest([store.samples_dir()])
        first, second, third = (a.id for a in list(st.articles())[:3])
        rec = st.add_record(first, type="patrol", unit="Polres Uji", evidence=[{"start": 0, "end": 30}])
        st.set_status(first, "done")
    assert tandai(tmp_path, "export", "--store", str(local), "--format", "jsonl",
                  "--out", str(tmp_path / "one.jsonl")).returncode == 0
    assert tandai(tmp_path, "merge", "--store", ayu, str(tmp_path / "one.jsonl")).returncode == 0
    with store.open(local, reviewer="budi") as st:
        st.update_record(rec.id, personnel=12)  # the merge again updates a row the database holds
        st.add_record(second, type="escort", unit="Polres Uji", evidence=[{"start": 0, "end": 30}])
        st.set_status(second, "irrelevant")
    assert tandai(tmp_path, "export", "--store", str(local), "--format", "jsonl",
                  "--out", str(tmp_path / "two.jsonl")).returncode == 0
    return {"url": filled, "ayu": ayu, "export": tmp_path / "two.jsonl", "record": rec.id,
            "articles": (first, second, third)}


def test_a_merge_into_the_database_is_undone_exactly(team: dict[str, Any], tmp_path: Path) -> None:
    before = tables(team["url"])
    done = tandai(tmp_path, "merge", "--store", team["ayu"], str(team["export"]))
    assert done.returncode == 0, done.stderr
    merged = tables(team["url"])
    assert merged["records"][team["record"]] != before["records"][team["record"]]
    assert len(merged["records"]) == len(before["records"]) + 1 and merged["status"] != before["status"]
    undone = tandai(tmp_path, "undo", "--store", team["ayu"])
    assert undone.returncode == 0, undone.stderr
    assert undone.stdout == "undid: merge of two.jsonl (2 records, 1 status)\n"
    assert tables(team["url"]) == before
    with store.open(team["url"], read_only=True) as st:  # one change in the team's history, named
        assert st.annotations.history(1)[0]["label"] == "undo merge of two.jsonl"
        assert st.annotations.history(1)[0]["reviewer"] == "ayu"
    again = tandai(tmp_path, "undo", "--store", team["ayu"])
    assert again.returncode == 1 and one_line(again) == "tandai: nothing to undo: merge of two.jsonl was undone already"
    theirs = tandai(tmp_path, "undo", "--store", as_role(team["url"], "rina"))  # each reviewer their own
    assert theirs.returncode == 1 and "this store keeps no command's change" in one_line(theirs)


def test_refused_when_someone_changed_a_row_it_changed_or_you_saved_since(
        team: dict[str, Any], tmp_path: Path) -> None:
    assert tandai(tmp_path, "merge", "--store", team["ayu"], str(team["export"])).returncode == 0
    with store.open(as_role(team["url"], "budi")) as budi:  # budi's workbench: his record, merged
        budi.update_record(team["record"], personnel=99)
    saved = tables(team["url"])
    refused = tandai(tmp_path, "undo", "--store", team["ayu"])
    assert refused.returncode == 1
    said = one_line(refused)
    assert said.startswith("tandai: cannot undo merge of two.jsonl: budi changed its rows since ('edit patrol "
                           "record' at "), said
    assert said.endswith("which undoing it now would lose")
    assert tables(team["url"]) == saved
    assert tandai(tmp_path, "merge", "--store", team["ayu"], str(team["export"])).returncode == 0
    with store.open(team["ayu"]) as ayu:  # ayu's own workbench, on another article
        ayu.set_status(team["articles"][2], "done")
    refused = tandai(tmp_path, "undo", "--store", team["ayu"])
    assert refused.returncode == 1 and "you saved 'mark done' at " in one_line(refused)


def test_anothers_change_to_other_rows_does_not_stop_it_and_stays(team: dict[str, Any], tmp_path: Path) -> None:
    before = tables(team["url"])
    assert tandai(tmp_path, "merge", "--store", team["ayu"], str(team["export"])).returncode == 0
    with store.open(as_role(team["url"], "rina")) as rina:
        rina.set_status(team["articles"][2], "done")
    undone = tandai(tmp_path, "undo", "--store", team["ayu"])
    assert undone.returncode == 0, undone.stderr
    after = tables(team["url"])
    [rinas] = [k for k in after["status"] if k not in before["status"]]
    assert after["status"].pop(rinas)["reviewer"] == "rina"
    assert after == before


def test_an_import_into_the_database_is_undone(filled: str, tmp_path: Path) -> None:
    """An import is many changes (a text's corrections, its status): one undo, as on a directory."""
    import orjson

    rina = as_role(filled, "rina")
    with store.open(rina, read_only=True) as st:
        article = st.article(next(iter(st.articles())).id, corrected=False)
    police = next(e for e in article.entities if e.label == "POLICE_UNIT")
    task = {"text": article.text, "answer": "accept",
            "spans": [{"start": police.start, "end": police.end, "label": "POLICE_UNIT"}]}
    (tmp_path / "tasks.jsonl").write_bytes(orjson.dumps(task) + b"\n")
    before = tables(filled)
    done = tandai(tmp_path, "import", "--store", rina, "--format", "prodigy", str(tmp_path / "tasks.jsonl"))
    assert done.returncode == 0 and "1 statuses" in done.stdout, done.stdout + done.stderr
    imported = tables(filled)
    assert imported["overrides"] != before["overrides"] and imported["status"] != before["status"]
    undone = tandai(tmp_path, "undo", "--store", rina)
    assert undone.returncode == 0 and undone.stdout.startswith("undid: prodigy import of tasks.jsonl (1 status, ")
    assert tables(filled) == before
