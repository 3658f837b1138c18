"""Ctrl-C during `tandai ingest` leaves the store as it was after the last whole batch."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import store
from bench.generate import generate
from store.check import check_store
from store.disk.corpus import SHARD_SIZE


@pytest.mark.slow
def test_ctrl_c_mid_ingest_leaves_whole_batches(tmp_path: Path) -> None:
    corpus = generate(tmp_path / "corpus", 3000, seed=4)
    path = tmp_path / "s"
    proc = subprocess.Popen([sys.executable, "-m", "tui.cli", "ingest", "--store", str(path), str(corpus)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:  # wait until at least one batch is committed
        if (path / "tandai.json").exists() and len(list((path / "corpus").glob("shard-*.meta.json"))) >= 1:
            break
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGINT)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode in (0, 130), err
    report = check_store(path)
    assert report.ok, report.lines()
    with store.open(path, read_only=True) as st:
        count = st.count()
        assert count == st.search("", limit=1).total  # the index agrees with the store
    if proc.returncode == 130:
        assert "interrupted" in out
        assert count % SHARD_SIZE == 0 and 0 < count < 3000
