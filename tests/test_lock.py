"""One writer at a time: a second process gets a clear message and read-only access."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import store

from .conftest import article_id_with


def test_second_process_is_read_only_and_told_why(tmp_path: Path, article_files: Path) -> None:
    path = tmp_path / "s"
    st = store.open(path, reviewer="rina")
    st.ingest([article_files])
    aid = article_id_with(st, "bontang")
    st.set_status(aid, "done")
    try:
        child = subprocess.run([sys.executable, "-c", textwrap.dedent(f"""
            import store
            st = store.open({str(path)!r}, reviewer="budi")
            print("writable", st.writable)
            print("notice", st.notice)
            print("hits", st.search("bontang").total)
            try:
                st.set_status({aid!r}, "flagged")
            except store.ReadOnlyStore as exc:
                print("refused", exc)
        """)], capture_output=True, text=True, timeout=60)
        out = child.stdout
        assert "writable False" in out
        assert "open for writing by pid" in out
        assert "hits 1" in out
        assert "refused" in out
        st.set_status(aid, "skipped")  # the owner keeps writing
    finally:
        st.close()
    with store.open(path, reviewer="rina") as again:
        assert again.writable
        assert again.status(aid) == "skipped"


def test_cli_while_another_process_writes(tmp_path: Path, article_files: Path) -> None:
    """Reading commands work read-only; a writing command fails with one clear line (exit 1)."""
    import os

    path = tmp_path / "s"
    holder = store.open(path, reviewer="rina")
    holder.ingest([article_files])
    try:
        env = {**os.environ, "TANDAI_STORE": str(path)}
        cli = [sys.executable, "-m", "tui.cli"]
        found = subprocess.run([*cli, "search", "patroli"], capture_output=True, text=True, env=env, timeout=60)
        assert found.returncode == 0 and "2 of 2 articles" in found.stdout  # readers need no lock
        ingest = subprocess.run([*cli, "ingest", str(article_files)], capture_output=True, text=True, env=env,
                                timeout=60)
        assert ingest.returncode == 1 and ingest.stderr.strip().splitlines()[-1].startswith("tandai: ")
        assert "read-only" in ingest.stderr or "open for writing" in ingest.stderr
    finally:
        holder.close()
