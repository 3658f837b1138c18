"""Crash and write-failure safety: a short run of the crash test (bench/crash_test.py: SIGKILL
at random moments, with and without injected ENOSPC/EIO), and the exact moments the crash test
found to be dangerous, replayed deterministically. The full runs are opt-in (see the README)."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import store
from store.check import check_store
from store.disk import annotations as ann_mod
from store.disk import atomic, corpus
from tests.conftest import ARTICLE_A, ARTICLE_B

SCRIPT = Path(__file__).resolve().parents[2] / "bench" / "crash_test.py"
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")


@pytest.mark.slow
@pytest.mark.parametrize("extra", [[], ["--inject"]])
def test_short_crash_loop_loses_nothing(tmp_path: Path, extra: list[str]) -> None:
    out = subprocess.run([sys.executable, str(SCRIPT), "--kills", "10", "--seed", "3", "--store", str(tmp_path),
                          *extra], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "lost: 0" in out.stdout and "survived: 10 of 10" in out.stdout
    checked = int(out.stdout.split("changes checked: ")[1].split(";")[0])
    assert checked > 50, out.stdout  # the writer really worked between the kills
    if extra:
        assert "none half-applied: True" in out.stdout
        assert int(out.stdout.split("injected failures: ")[1].split()[0]) > 0, out.stdout


def _inputs(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (d / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    return d


def test_kill_between_index_commit_and_its_stamp_does_not_index_twice(tmp_path: Path) -> None:
    """The index is committed, then its stamp written: a kill in between used to make the next
    open index the batch again (two documents per article)."""
    src = _inputs(tmp_path)
    path = tmp_path / "s"
    with store.open(path) as st:
        st.ingest([src / "a.txt"])  # a first batch: the stamp now lists a shard
    child = subprocess.run([sys.executable, "-c", textwrap.dedent(f"""
        import os, signal, store
        from store.search import index as search
        def die(*a, **k):
            os.kill(os.getpid(), signal.SIGKILL)
        st = store.open({str(path)!r})
        search.SearchIndex.write_stamp = die
        st.ingest([{str(src / "b.txt")!r}])
    """)], capture_output=True, text=True, timeout=120)
    assert child.returncode == -9, child.stderr
    with store.open(path) as st:  # the writer catches the index up
        assert st.count() == 2 and st.index.num_docs() == 2
        assert st.search("patroli").total == 2
    assert check_store(path).ok


def test_failed_manifest_write_does_not_commit_the_batch_later(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """An ingest whose commit (the manifest write) fails reports a StoreError; its articles must
    not slip into the store with the next successful ingest."""
    src = _inputs(tmp_path)
    (src / "b.txt").unlink()
    later = tmp_path / "later"
    later.mkdir()
    (later / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    real = atomic.write_json  # the manifest is written through TinyDB's storage, which calls it

    def full_disk(path: Path, obj: object) -> None:
        if Path(path).name == corpus.MANIFEST:
            raise store.StoreError(f"could not write {path}: No space left on device")
        real(path, obj)

    with store.open(tmp_path / "s") as st:
        monkeypatch.setattr(atomic, "write_json", full_disk)
        with pytest.raises(store.StoreError, match="No space"):
            st.ingest([src])
        assert st.count() == 0
        monkeypatch.setattr(atomic, "write_json", real)
        report = st.ingest([later])
        assert report.added == 1 and st.count() == 1
        assert [a.source for a in st.articles()] == [str(later / "b.txt")]
    assert check_store(tmp_path / "s").ok
    with store.open(tmp_path / "s", read_only=True) as st:
        assert st.count() == 1 and st.search("bontang").total == 0


def test_short_write_then_enospc_leaves_the_journal_as_it_was(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """A write that puts half its bytes on disk and then fails (a disk filling up) is cut back:
    the journal is byte for byte what it was, the state is unchanged, the caller gets a StoreError."""
    src = _inputs(tmp_path)
    path = tmp_path / "s"
    import store.disk.journal as journal_mod

    st = store.open(path, reviewer="rina")
    st.ingest([src])
    aid = st.search("bontang").hits[0]
    st.set_status(aid, "done")
    journal = path / "annotations" / "journal.jsonl"
    before = journal.read_bytes()

    class HalfFull:
        def __init__(self, fh: object) -> None:
            self._fh = fh

        def write(self, data: bytes) -> int:
            self._fh.write(data[: len(data) // 2])  # type: ignore[attr-defined]
            raise OSError(errno.ENOSPC, "No space left on device")

        def __getattr__(self, name: str) -> object:
            return getattr(self._fh, name)

        def __enter__(self) -> HalfFull:
            return self

        def __exit__(self, *exc: object) -> None:
            self._fh.close()  # type: ignore[attr-defined]

    st.annotations.journal.close()  # the next append reopens the file through the wrapper
    real_open = open
    monkeypatch.setattr(journal_mod, "open", lambda *a, **k: HalfFull(real_open(*a, **k)), raising=False)
    with pytest.raises(store.StoreError, match="No space"):
        st.add_record(aid, type="patrol", unit="Polres Bontang", evidence=[{"start": 0, "end": 20}])
    monkeypatch.undo()
    assert journal.read_bytes() == before
    assert st.records() == [] and st.status(aid) == "done"
    st.set_status(aid, "flagged")  # the store keeps working
    st.close()
    with store.open(path, reviewer="rina") as again:
        assert again.records() == [] and again.status(aid) == "flagged"


def test_failed_compaction_does_not_fail_the_save_it_follows(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """The change is durable once its journal line is; a snapshot or rename failing afterwards
    is retried later and must not be reported as a failed save (or lose the change)."""
    src = _inputs(tmp_path)
    path = tmp_path / "s"
    monkeypatch.setattr(ann_mod, "COMPACT_EVERY", 2)
    st = store.open(path, reviewer="rina")
    st.ingest([src])
    real_replace = os.replace

    def failing_replace(a: object, b: object) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(atomic.os, "replace", failing_replace)
    for i in range(5):
        st.save_search(f"q{i}", "patroli")  # compactions fail underneath; the saves do not
    assert st.annotations.compaction_error is not None
    monkeypatch.setattr(atomic.os, "replace", real_replace)
    st.save_search("q5", "patroli")  # the next compaction succeeds
    assert st.annotations.compaction_error is None
    st.annotations.journal.close()
    st._lock.release()  # type: ignore[union-attr]  # dies without closing
    assert check_store(path).ok
    with store.open(path, reviewer="rina") as again:
        assert {s["name"] for s in again.saved_searches()} == {f"q{i}" for i in range(6)}
