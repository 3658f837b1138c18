"""Crashes and failures during saves never lose an acknowledged change or half-write a file.

These tests kill real processes (SIGKILL) at chosen points and reopen the store from disk.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import store
from store.disk import annotations as ann_mod
from store.errors import CorruptFile, StoreError
from tests.conftest import article_id_with

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")


def run_child(code: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
                          cwd=cwd, timeout=120)


def test_crash_mid_snapshot_write_keeps_previous_store(tmp_path: Path, article_files: Path) -> None:
    path = tmp_path / "s"
    with store.open(path, reviewer="rina") as st:
        st.ingest([article_files])
        aid = article_id_with(st, "bontang")
        st.set_status(aid, "flagged")
    before = (path / "annotations" / "annotations.json").read_bytes()
    # The child writes 3 changes (acknowledged), then dies with SIGKILL inside the snapshot
    # write, after the temp file is written and before it replaces the real one.
    child = run_child(f"""
        import os, signal, store
        from store.disk import atomic
        st = store.open({str(path)!r}, reviewer="rina")
        st.set_status({aid!r}, "done")
        st.save_search("q1", "bontang")
        st.save_search("q2", "bungoro")
        print("acknowledged", flush=True)
        real = os.replace
        def crash(src, dst):
            os.kill(os.getpid(), signal.SIGKILL)
        atomic.os.replace = crash
        st.close()
    """, tmp_path)
    assert child.returncode == -9, child.stderr
    assert "acknowledged" in child.stdout
    assert (path / "annotations" / "annotations.json").read_bytes() == before  # untouched
    with store.open(path, reviewer="rina") as st:
        assert st.status(aid) == "done"
        assert [s["name"] for s in st.saved_searches()] == ["q1", "q2"]


def test_kill_during_a_stream_of_saves_loses_nothing_acknowledged(tmp_path: Path, article_files: Path) -> None:
    path = tmp_path / "s"
    with store.open(path) as st:
        st.ingest([article_files])
    proc = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import store
        st = store.open({str(path)!r})
        i = 0
        while True:
            st.save_search(f"s{{i:05d}}", "x")
            print(i, flush=True)
            i += 1
    """)], stdout=subprocess.PIPE, text=True)
    acked = []
    assert proc.stdout is not None
    for line in proc.stdout:
        acked.append(int(line))
        if len(acked) >= 300:
            break
    proc.kill()
    proc.wait()
    with store.open(path) as st:
        names = {s["name"] for s in st.saved_searches()}
    assert {f"s{i:05d}" for i in acked} <= names


def test_torn_journal_tail_is_dropped(tmp_path: Path, article_files: Path) -> None:
    path = tmp_path / "s"
    st = store.open(path)
    st.ingest([article_files])
    aid = article_id_with(st, "bontang")
    st.set_status(aid, "done")
    st.annotations.journal.close()
    st._lock.release()  # type: ignore[union-attr]  # the process "dies" here, without close()
    journal = path / "annotations" / "journal.jsonl"
    with open(journal, "ab") as fh:
        fh.write(b'0badc0de {"seq": 99, "ops": [["put", "sta')  # a crash mid-append
    with store.open(path) as again:
        assert again.status(aid) == "done"
        assert again.annotations.dropped_bytes > 0


def test_damaged_journal_line_followed_by_good_ones_is_reported(tmp_path: Path, article_files: Path) -> None:
    path = tmp_path / "s"
    st = store.open(path)
    st.ingest([article_files])
    aid = article_id_with(st, "bontang")
    st.set_status(aid, "done")
    st.set_status(aid, "flagged")
    st.annotations.journal.close()
    st._lock.release()  # type: ignore[union-attr]
    journal = path / "annotations" / "journal.jsonl"
    lines = journal.read_bytes().split(b"\n")
    lines[0] = lines[0].replace(b"done", b"dune")
    journal.write_bytes(b"\n".join(lines))
    with pytest.raises(CorruptFile) as err:
        store.open(path)
    assert "journal.jsonl" in str(err.value)


def test_truncated_snapshot_names_the_file(tmp_path: Path, article_files: Path) -> None:
    path = tmp_path / "s"
    with store.open(path) as st:
        st.ingest([article_files])
        st.save_search("a", "b")
    snap = path / "annotations" / "annotations.json"
    snap.write_bytes(snap.read_bytes()[:20])
    with pytest.raises(CorruptFile) as err:
        store.open(path)
    assert "annotations.json" in str(err.value)


def test_failed_write_leaves_state_and_file_clean(tmp_path: Path, article_files: Path, monkeypatch) -> None:
    path = tmp_path / "s"
    with store.open(path) as st:
        st.ingest([article_files])
        aid = article_id_with(st, "bontang")
        st.set_status(aid, "done")
        real_fsync = os.fsync

        def failing_fsync(fd: int) -> None:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(os, "fsync", failing_fsync)
        with pytest.raises(StoreError) as err:
            st.set_status(aid, "flagged")
        assert "No space left" in str(err.value)
        monkeypatch.setattr(os, "fsync", real_fsync)
        assert st.status(aid) == "done"  # the failed change is not visible
        st.set_status(aid, "skipped")
    with store.open(path) as st:
        assert st.status(aid) == "skipped"


def test_compaction_keeps_rotated_backups(tmp_path: Path, article_files: Path, monkeypatch) -> None:
    monkeypatch.setattr(ann_mod, "COMPACT_EVERY", 5)
    path = tmp_path / "s"
    with store.open(path) as st:
        st.ingest([article_files])
        for i in range(40):
            st.save_search(f"s{i}", "q")
    backups = sorted((path / "annotations" / "backups").glob("annotations-*.json"))
    assert 1 <= len(backups) <= ann_mod.KEEP_BACKUPS
    with store.open(path) as st:
        assert len(st.saved_searches()) == 40
