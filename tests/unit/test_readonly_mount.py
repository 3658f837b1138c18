"""A store on a read-only mount (a DVD, a shared folder mounted ro, a backup) is read in full:
search, show, stats and check work; only writing is refused."""

from __future__ import annotations

import gc
import os
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

import store

CLI = [sys.executable, "-m", "tui.cli"]


@pytest.fixture()
def store_on_ro_mount(tmp_path: Path, article_files: Path) -> Iterator[Path]:
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("a read-only mount needs root and mount(8)")
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64m", f"tandai-{uuid.uuid4().hex[:8]}", str(mnt)],
                          capture_output=True, text=True)
    if made.returncode != 0:
        pytest.skip(f"this sandbox cannot mount a tmpfs ({made.stderr.strip()})")
    try:
        path = mnt / "s"
        with store.open(path, reviewer="rina") as st:
            st.ingest([article_files])
            st.set_status(st.search("bontang").hits[0], "done")
        ro = subprocess.run(["mount", "-o", "remount,ro", str(mnt)], capture_output=True, text=True)
        if ro.returncode != 0:
            pytest.skip(f"this sandbox cannot remount read-only ({ro.stderr.strip()})")
        yield path
    finally:
        gc.collect()  # a Store the test still references keeps files on the mount open
        for _ in range(20):
            if subprocess.run(["umount", str(mnt)], capture_output=True).returncode == 0:
                break
            time.sleep(0.1)
        else:
            subprocess.run(["umount", "-l", str(mnt)], capture_output=True)


def _cli(path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    out = subprocess.run([*CLI, "--store", str(path), *args], capture_output=True, text=True, timeout=120)
    assert "Traceback" not in out.stdout + out.stderr and "panicked" not in out.stderr, out.stderr
    return out


def test_a_store_on_a_read_only_mount_searches_and_shows_its_articles(store_on_ro_mount: Path) -> None:
    path = store_on_ro_mount
    with store.open(path, reviewer="rina") as st:
        assert not st.writable
        res = st.search("bontang")
        assert res.error is None and len(res.hits) == 1
        article = st.article(res.hits[0])
        assert "Bontang" in article.title and st.status(article.id) == "done"
        assert st.duplicates_of(article.id) == []
    del st
    out = _cli(path, "search", "bontang")
    assert out.returncode == 0 and "1 of 1" in out.stdout, out.stdout + out.stderr
    aid = res.hits[0]
    out = _cli(path, "show", aid)
    assert out.returncode == 0 and "Bontang" in out.stdout
    out = _cli(path, "check")
    assert out.returncode == 0, out.stdout
    before = sorted(p.name for p in path.rglob("*"))
    assert sorted(p.name for p in path.rglob("*")) == before
