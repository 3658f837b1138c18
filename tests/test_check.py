"""`tandai check [--repair]` on stores broken on purpose: clear errors naming the file, repairs
that lose no acknowledged change, broken files kept aside."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import store
from store import annotations as ann_mod
from store.check import check_store

from .conftest import article_id_with


@pytest.fixture()
def busy_store(tmp_path: Path, article_files: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, str]:
    """A store with several compactions behind it (backups exist) and changes after the last one."""
    monkeypatch.setattr(ann_mod, "COMPACT_EVERY", 4)
    path = tmp_path / "s"
    with store.open(path, reviewer="rina") as st:
        st.ingest([article_files])
        aid = article_id_with(st, "bontang")
        for i in range(10):
            st.save_search(f"q{i}", "x")
        st.set_status(aid, "done")
    st = store.open(path, reviewer="rina")
    st.save_search("after-close", "y")  # only in the journal of this session
    st.annotations.journal.close()
    st._lock.release()  # type: ignore[union-attr]  # the process "dies" without compacting
    return path, aid


def test_healthy_store_checks_ok(busy_store: tuple[Path, str]) -> None:
    report = check_store(busy_store[0])
    assert report.ok, report.lines()
    assert report.articles == 2


def test_truncated_snapshot_is_named_and_restored_without_loss(busy_store: tuple[Path, str]) -> None:
    path, aid = busy_store
    snap = path / "annotations" / "annotations.json"
    snap.write_bytes(snap.read_bytes()[:25])
    report = check_store(path)
    assert not report.ok and any("annotations.json" in p for p in report.problems)
    fixed = check_store(path, repair=True)
    assert fixed.ok, fixed.lines()
    assert list((path / "annotations").glob("annotations.json.broken-*"))
    with store.open(path, reviewer="rina") as st:
        names = {s["name"] for s in st.saved_searches()}
        assert names == {f"q{i}" for i in range(10)} | {"after-close"}
        assert st.status(aid) == "done"


def test_damaged_journal_keeps_its_valid_entries(busy_store: tuple[Path, str]) -> None:
    path, _ = busy_store
    journal = path / "annotations" / "journal.jsonl"
    good = journal.read_bytes()
    journal.write_bytes(b"0000beef {broken}\n" + good)  # a damaged line followed by valid ones
    assert not check_store(path).ok
    fixed = check_store(path, repair=True)
    assert fixed.ok, fixed.lines()
    assert list((path / "annotations").glob("journal.jsonl.broken-*"))


def test_stale_or_missing_index_is_rebuilt(busy_store: tuple[Path, str]) -> None:
    path, _ = busy_store
    shutil.rmtree(path / "index")
    report = check_store(path)
    assert any("index" in p for p in report.problems)
    fixed = check_store(path, repair=True)
    assert fixed.ok and any("rebuilt the search index" in a for a in fixed.actions)
    with store.open(path, read_only=True) as st:
        assert st.search("patroli").total == 2


def test_broken_shard_is_reported_with_what_to_do(busy_store: tuple[Path, str]) -> None:
    path, _ = busy_store
    shard = next((path / "corpus").glob("shard-*[0-9].json"))
    shard.write_text("{not json")
    report = check_store(path, repair=True)
    assert not report.ok
    assert any(shard.name in p and "re-ingest" in p for p in report.problems)


def test_cli_check_exit_codes(busy_store: tuple[Path, str]) -> None:
    path, _ = busy_store
    ok = subprocess.run([sys.executable, "-m", "tui.cli", "check", "--store", str(path)], capture_output=True,
                        text=True, timeout=60)
    assert ok.returncode == 0 and ok.stdout.strip().endswith("ok")
    (path / "annotations" / "annotations.json").write_text("")
    bad = subprocess.run([sys.executable, "-m", "tui.cli", "check", "--store", str(path)], capture_output=True,
                         text=True, timeout=60)
    assert bad.returncode == 1 and "annotations.json" in bad.stdout
    fixed = subprocess.run([sys.executable, "-m", "tui.cli", "check", "--repair", "--store", str(path)],
                           capture_output=True, text=True, timeout=60)
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
