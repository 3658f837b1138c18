"""The installed `tandai` in a real terminal (tmux), quitting when the store cannot be closed: files may
not grow past a limit (``ulimit -f``, as a full disk refuses), so the snapshot written at quit fails.
It says so once the terminal is back, says the changes are kept in the journal, and exits 1 (it exited
0); the next open reads the journal back: nothing was lost."""

from __future__ import annotations

import json
import os
import shlex
import subprocess
from pathlib import Path

import store
from tests.conftest import SAMPLES
from tests.tmux.test_tmux import TANDAI, Tmux, pytestmark  # noqa: F401 - the same skips apply here


def test_quitting_when_the_snapshot_cannot_be_written_exits_1_and_keeps_the_change(tmp_path: Path) -> None:
    path = tmp_path / "store"
    with store.open(path, reviewer="rina") as st:  # records enough for a snapshot of some size
        st.ingest([SAMPLES])
        for row in list(st.articles()):
            for suggestion in st.suggestions(row.id)[:2]:
                st.accept_suggestion(row.id, suggestion["key"])
    blocks = (path / "annotations" / "annotations.json").stat().st_size // 1024 // 2  # half its size, in KiB
    assert blocks >= 4  # the journal's new line and the lock still fit
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "config"), "TERM": "xterm-256color"}
    env.pop("TANDAI_STORE", None)
    t = Tmux(env)
    q = shlex.quote
    t.start("bash", "-c", q(f"ulimit -f {blocks}; {q(str(TANDAI))} --store {q(str(path))} --reviewer rina; "
                           "echo EXIT=$?; sleep 60"))
    try:
        t.wait_for("42 of 42 articles", timeout=60)
        t.keys("Escape")
        t.keys("Enter")  # the top article
        t.wait_for("[in_progress]")
        t.keys("D")  # done: a line in the journal
        t.wait_for("[done]")
        t.keys("q")
        screen = t.wait_for("EXIT=", timeout=30)
    finally:
        t.kill()
    assert "EXIT=1" in screen, screen
    said = "".join(screen.splitlines())  # (tmux wraps a long line anywhere, at 160 columns)
    assert "tandai: could not close the store: could not write" in said and "File too large" in said, screen
    assert "every change you saved is kept in the store's journal" in said, screen
    out = subprocess.run([str(TANDAI), "export", "--store", str(path), "--format", "jsonl"], capture_output=True,
                         text=True, timeout=60, env=env, check=True)
    done = [row for row in map(json.loads, out.stdout.splitlines()) if row["status"] == "done"]
    assert len(done) == 1  # read back from the journal
