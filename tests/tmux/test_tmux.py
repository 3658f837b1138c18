"""The installed `tandai`, in a real terminal (tmux): search, open, accept a suggested record
with one key, accept the next and edit its type, a fast Esc D from inside the field marks it
done, quit; then `tandai export` shows the records and the status."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

TANDAI = Path(sys.executable).parent / "tandai"
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
    pytest.mark.skipif(not TANDAI.exists(), reason="tandai is not installed in this environment"),
]


class Tmux:
    def __init__(self, env: dict[str, str]) -> None:
        self.name = f"tandai-{uuid.uuid4().hex[:8]}"
        self.env = env

    def start(self, *cmd: str) -> None:
        subprocess.run(["tmux", "new-session", "-d", "-s", self.name, "-x", "160", "-y", "50",
                        " ".join(cmd)], check=True, env=self.env)

    def keys(self, *keys: str, literal: bool = False) -> None:
        subprocess.run(["tmux", "send-keys", "-t", self.name, *(["-l"] if literal else []), *keys], check=True)

    def screen(self) -> str:
        out = subprocess.run(["tmux", "capture-pane", "-p", "-t", self.name], capture_output=True, text=True)
        return out.stdout

    def wait_for(self, needle: str, timeout: float = 30.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if needle in screen:
                return screen
            time.sleep(0.2)
        raise AssertionError(f"{needle!r} never appeared; the screen was:\n{self.screen()}")

    def alive(self) -> bool:
        return subprocess.run(["tmux", "has-session", "-t", self.name], capture_output=True).returncode == 0

    def kill(self) -> None:
        subprocess.run(["tmux", "kill-session", "-t", self.name], capture_output=True)


@contextmanager
def _demo_article(tmp_path: Path, query: str) -> Iterator[tuple[Tmux, list[dict[str, Any]]]]:
    """The installed ``tandai demo`` in tmux with the one article ``query`` finds open; the keys then
    sent must quit it; after the block, the list holds the store's export (jsonl rows)."""
    store_dir = tmp_path / "store"
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "config"), "TERM": "xterm-256color"}
    env.pop("TANDAI_STORE", None)
    tmux = Tmux(env)
    tmux.start(str(TANDAI), "demo", "--store", str(store_dir), "--reviewer", "rina")
    exported: list[dict[str, Any]] = []
    try:
        tmux.wait_for("42 of 42 articles", timeout=60)
        tmux.keys(query, literal=True)
        tmux.wait_for("1 of 1 articles")
        tmux.keys("Enter")
        tmux.wait_for("[todo]")
        tmux.wait_for("◇")  # the reader's margin marks the suggested sentences
        yield tmux, exported
        deadline = time.monotonic() + 20
        while tmux.alive() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not tmux.alive(), "q did not quit"
    finally:
        tmux.kill()
    out = subprocess.run([str(TANDAI), "export", "--store", str(store_dir), "--format", "jsonl"],
                         capture_output=True, text=True, timeout=60, env=env, check=True)
    exported += [json.loads(line) for line in out.stdout.splitlines()]


def test_real_terminal_session_then_export(tmp_path: Path) -> None:
    with _demo_article(tmp_path, "apel lombok dup:no") as (tmux, rows):
        tmux.keys("y")  # the cursor starts on the best suggestion: one key accepts it
        tmux.wait_for("Accepted:")
        tmux.wait_for("records 1 ")  # the status line (the panel may be hidden when narrow)
        tmux.keys("a")  # the next suggestion: accept it and open it in the form at its type
        tmux.wait_for("records 2 ")
        tmux.keys("p", "Enter")  # p replaces the pre-filled type: patrol
        time.sleep(1.0)
        tmux.keys("Escape", "D")  # typed fast: the terminal sends one alt+D, which is Esc, then D
        tmux.wait_for("[done]")
        tmux.keys("q")
    done = [r for r in rows if r["status"] == "done"]
    assert len(done) == 1 and done[0]["title"].startswith("Polres Lombok Timur Gelar Apel")
    records = done[0]["records"]
    assert len(records) == 2 and all(r["reviewer"] == "rina" for r in records)
    assert "patrol" in {r["type"] for r in records}
    assert any(r["unit"] == "Polres Lombok Timur" for r in records)


def test_ctrl_arrows_grow_a_field_in_a_real_terminal(tmp_path: Path) -> None:
    """``ctrl+g`` ``l`` and ``ctrl+←`` as a terminal sends them (tmux: ``C-g`` is the BEL byte, ``C-Left``
    an escape sequence the app must read as ctrl+left, not as Esc and keys): to the location field, then
    the drafted place grown by the word before it."""
    with _demo_article(tmp_path, "apel lombok dup:no") as (tmux, rows):
        tmux.keys("a")  # the best suggestion, the lede, into the form at its type
        tmux.wait_for("records 1 ")
        tmux.keys("C-g")  # ctrl+g (the terminal's BEL) and l: to the location field
        time.sleep(0.3)
        tmux.keys("l")
        time.sleep(0.3)
        tmux.keys("C-Left")
        time.sleep(0.5)
        tmux.keys("Enter")
        time.sleep(1.0)
        tmux.keys("Escape")
        time.sleep(0.5)
        tmux.keys("q")
    [coded] = [r for r in rows if r["records"]]
    assert [r["location"] for r in coded["records"]] == ["halaman Mapolres Lombok Timur"]
