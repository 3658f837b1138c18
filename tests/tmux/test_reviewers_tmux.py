"""The installed `tandai` in a real terminal (tmux), issue 13: `tandai merge` of two reviewers'
stores, then `tandai agreement`, then the workbench's agreement screen (A)."""

from __future__ import annotations

import os
import shlex
import time
from pathlib import Path

import store
from tests.conftest import ARTICLE_A, ARTICLE_B
from tests.tmux.test_tmux import TANDAI, Tmux, pytestmark  # noqa: F401 - the same skips apply here


def reviewer_store(path: Path, inputs: Path, who: str, typ: str, status: str) -> None:
    with store.open(path, reviewer=who) as st:
        st.ingest([inputs])
        aid = st.search("bontang", limit=1).hits[0]
        text = st.article(aid).text
        s = text.index("Sebanyak 40")
        st.add_record(aid, type=typ, unit="Polres Bontang", date="2024-11-25", personnel=40,
                      evidence=[{"start": s, "end": s + 60}])
        st.set_status(aid, status)


def test_merge_then_agreement_in_a_terminal(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (inputs / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    reviewer_store(tmp_path / "rina", inputs, "rina", "patrol", "done")
    reviewer_store(tmp_path / "budi", inputs, "budi", "static_guard", "done")
    target = tmp_path / "lead"
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "config"), "TERM": "xterm-256color"}
    t = Tmux(env)
    q = shlex.quote
    script = (f"{q(str(TANDAI))} merge --store {q(str(target))} --reviewer lead {q(str(tmp_path / 'rina'))} "
              f"{q(str(tmp_path / 'budi'))}; {q(str(TANDAI))} agreement --store {q(str(target))} "
              f"--reviewer lead; echo END-OF-AGREEMENT; sleep 60")
    t.start("bash", "-c", q(script))
    try:
        screen = t.wait_for("END-OF-AGREEMENT", timeout=90)
        assert "merged 2 source(s) from budi, rina: 2 article(s) imported, 2 record(s) added" in screen
        assert "1 article(s) finished by two or more of: budi, rina" in screen
        row = next(line for line in screen.splitlines() if line.strip().startswith("budi ~ rina") and "1.000" in line
                   and "0.000" in line)
        assert row.split()[3:6] == ["1", "0", "0"]  # aligned 1, only A 0, only B 0
    finally:
        t.kill()
    # the workbench on the merged store: A shows the same figures and the progress per reviewer
    w = Tmux(env)
    w.start(q(str(TANDAI)), "--store", q(str(target)), "--reviewer", "lead")
    try:
        w.wait_for("2 of 2 articles", timeout=60)
        time.sleep(0.5)
        w.keys("Escape")
        time.sleep(0.5)  # a key right after Esc would be read as alt+key
        w.keys("A")
        screen = w.wait_for("progress per reviewer")
        assert "budi ~ rina" in screen and "finished by two or more reviewers (budi, rina)" in screen
        w.keys("Escape")
        time.sleep(0.5)
        w.keys("C")
        screen = w.wait_for("A: budi")
        assert "B: rina" in screen and "record 1: type" in screen
        w.keys("C-q")
    finally:
        w.kill()
