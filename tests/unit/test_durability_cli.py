"""Disk full, kill -9 and permission problems met through the installed ``tandai`` on real stores
(red team s28, pass 4). A full disk is a small tmpfs (skipped where mounting is not allowed) or a
file-size limit (``ulimit -f``: the same failing write, EFBIG instead of ENOSPC)."""

from __future__ import annotations

import os
import resource
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import store
from bench.generate import generate

TANDAI = str(Path(sys.executable).with_name("tandai"))  # the installed command beside this Python


def tandai(*args: str, limit: int | None = None, user: int | None = None,
           ) -> subprocess.CompletedProcess[str]:
    """Run ``tandai ARGS``; ``limit``: a file-size limit in bytes for it (``ulimit -f``)."""
    def preexec() -> None:
        if limit is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    env = {**os.environ, "TANDAI_REVIEWER": "rina"}
    return subprocess.run([TANDAI, *args], capture_output=True, text=True, env=env, timeout=120,
                          preexec_fn=preexec, user=user)


def one_line(out: subprocess.CompletedProcess[str]) -> str:
    """The run failed with one line on stderr (no traceback)."""
    assert out.returncode == 1, (out.stdout, out.stderr)
    assert "Traceback" not in out.stderr and out.stderr.count("\n") == 1, out.stderr
    return out.stderr


def copy_store(src: Path, dst: Path) -> Path:
    shutil.copytree(src, dst, ignore=shutil.ignore_patterns("write.lock"))
    return dst


def kill_when(args: list[str], appears: Path, timeout: float = 60.0) -> None:
    """Run ``tandai ARGS`` and kill -9 it the moment ``appears`` exists."""
    proc = subprocess.Popen([TANDAI, *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env={**os.environ, "TANDAI_REVIEWER": "rina"})
    deadline = time.monotonic() + timeout
    try:
        while not appears.exists():
            assert proc.poll() is None, f"tandai ended before {appears.name} appeared"
            assert time.monotonic() < deadline
            time.sleep(0.002)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait()


@pytest.fixture(scope="module")
def source_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """750 generated articles (three shards) with a record and a status on the first 20: what a
    merge brings into a store of the samples."""
    root = tmp_path_factory.mktemp("source")
    path = root / "ayu"
    with store.open(path, reviewer="ayu") as st:
        st.ingest([generate(root / "docs", 750, seed=3)])
        for row in list(st.articles())[:20]:
            st.add_record(row.id, type="patrol", unit="Polres Bontang", evidence=[{"start": 0, "end": 20}])
            st.set_status(row.id, "done")
    return path


def test_a_merge_killed_then_run_again_leaves_no_shard_check_calls_lost(
        tmp_path: Path, sample_store_template: Path, source_store: Path) -> None:
    """Finding 1: the killed merge's shards were left in corpus/, the second merge numbered its own
    after them, and `check` then took them for shards the manifest lost ("--repair rebuilds the
    manifest"), advice that doubled the articles."""
    target = tmp_path / "s"
    for _ in range(3):  # the kill must land between the shard files and the manifest's commit
        shutil.rmtree(target, ignore_errors=True)
        copy_store(sample_store_template, target)
        kill_when(["--store", str(target), "merge", str(source_store)],
                  target / "corpus" / "shard-000003.meta.json")
        if "shard-000003" not in (target / "tandai.json").read_text():
            break
    else:
        pytest.skip("the merge committed each time before it could be killed")
    out = tandai("--store", str(target), "check")
    assert out.returncode == 0 and "unfinished" in out.stdout, out.stdout
    out = tandai("--store", str(target), "merge", str(source_store))
    assert out.returncode == 0 and "750 article(s) imported" in out.stdout, out.stderr
    out = tandai("--store", str(target), "check")
    assert out.returncode == 0 and "not listed" not in out.stdout, out.stdout
    assert "792 articles, 20 records" in out.stdout


def legacy_leftovers(target: Path, source: Path) -> list[str]:
    """The state an older tandai left: a killed merge's shards (never committed), then the next
    merge's shards numbered after them, so they lie below the manifest's next shard."""
    with store.open(source, read_only=True) as src:
        sigs = {s["id"]: s.get("sig") or [] for name in src.corpus.shards for s in src.corpus.load_meta(name)}
        batch = [(store.Article.from_dict(doc), sigs[doc["id"]])
                 for name in src.corpus.shards for doc in src.corpus.load_shard(name).values()]
    with store.open(target, reviewer="rina") as st:
        for start in (0, 250):  # what the killed merge wrote before its commit
            part = batch[start:start + 250]
            st.corpus.write_shard(st.corpus.next_shard_name(), [a for a, _ in part], [s for _, s in part])
        st._orphans_cleared = True  # (as the older tandai: the next merge did not clear them)
        st.commit_batch(batch)
        return st.corpus.shards


def test_check_never_offers_to_adopt_shards_whose_articles_the_store_holds(
        tmp_path: Path, sample_store_template: Path, source_store: Path) -> None:
    """Finding 1: `check` called such shards lost ("--repair rebuilds the manifest") and the repair
    adopted them: 1,000 articles twice, then a second repair quarantined good shards and asked
    for them to be re-ingested."""
    target = copy_store(sample_store_template, tmp_path / "s")
    legacy_leftovers(target, source_store)
    out = tandai("--store", str(target), "check")
    assert out.returncode == 0 and "every article in them is in the store" in out.stdout, out.stdout
    out = tandai("--store", str(target), "check", "--repair")
    assert out.returncode == 0 and "removed shard-000002.json, shard-000003.json" in out.stdout, out.stdout
    out = tandai("--store", str(target), "check")
    assert out.returncode == 0 and "792 articles" in out.stdout and "note" not in out.stdout, out.stdout
    assert sorted(p.name for p in (target / "corpus").glob("shard-*.json"))[:3] == [
        "shard-000001.json", "shard-000001.meta.json", "shard-000004.json"]


def test_repair_drops_listed_shards_that_repeat_others_instead_of_quarantining(
        tmp_path: Path, sample_store_template: Path, source_store: Path) -> None:
    """Finding 1: a store that followed the old advice lists the leftovers: 1,000 articles twice.
    Repair now drops the repeating shards (nothing lost) where it quarantined good ones."""
    target = copy_store(sample_store_template, tmp_path / "s")
    listed = legacy_leftovers(target, source_store)
    with store.open(target, reviewer="rina") as st:  # as the old repair's rebuilt manifest listed them
        st.corpus.commit(["shard-000002", "shard-000003"], 500)
    assert listed == ["shard-000001", "shard-000004", "shard-000005", "shard-000006"]
    out = tandai("--store", str(target), "check", "--repair")
    assert out.returncode == 0, out.stdout
    assert "quarantine" not in out.stdout and "re-ingest" not in out.stdout, out.stdout
    out = tandai("--store", str(target), "check")
    assert out.returncode == 0 and "792 articles" in out.stdout, out.stdout
    out = tandai("--store", str(target), "stats")
    assert "792" in out.stdout.splitlines()[1], out.stdout
