"""One writer at a time: a second process gets a clear message and read-only access."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import store
from tests.conftest import article_id_with


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


def test_cli_reads_stats_and_search_while_held_and_refuses_check_repair(tmp_path: Path, article_files: Path) -> None:
    import os

    path = tmp_path / "s"
    holder = store.open(path, reviewer="rina")
    holder.ingest([article_files])
    holder.save_search("punya rina", "patroli")
    try:
        env = {**os.environ, "TANDAI_STORE": str(path), "TANDAI_REVIEWER": "budi"}
        cli = [sys.executable, "-m", "tui.cli"]
        stats = subprocess.run([*cli, "stats"], capture_output=True, text=True, env=env, timeout=60)
        assert stats.returncode == 0 and "articles" in stats.stdout and "Traceback" not in stats.stderr
        check = subprocess.run([*cli, "check"], capture_output=True, text=True, env=env, timeout=60)
        assert check.returncode == 0 and check.stdout.strip().endswith("ok")  # reading needs no lock
        repair = subprocess.run([*cli, "check", "--repair"], capture_output=True, text=True, env=env, timeout=60)
        assert repair.returncode == 0  # nothing to repair: it does not need the lock either
        holder.save_search("masih rina", "bontang")  # the owner keeps writing throughout
    finally:
        holder.close()
    with store.open(path, reviewer="rina", read_only=True) as st:
        assert {s["name"] for s in st.saved_searches()} == {"punya rina", "masih rina"}


WRITER = """
import random, sys, time
import store
name, path, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
rng = random.Random(name)
wrote, deadline, i = False, time.monotonic() + 60, 0
# the rounds, then (on a loaded machine the other writer may have held the lock at each of them) more
# rounds until this one has had a turn too
while i < rounds or (not wrote and time.monotonic() < deadline):
    i += 1
    st = store.open(path, reviewer=name)
    try:
        if st.writable:
            wrote = True
            for j in range(3):
                st.save_search(f"{name}-{i}-{j}", "q")
                print("ack", f"{name}-{i}-{j}", flush=True)
                time.sleep(rng.random() * 0.003)
        else:
            try:
                st.save_search(f"{name}-refused-{i}", "q")
                print("WRONGLY ACCEPTED", flush=True)
            except store.ReadOnlyStore:
                print("refused", i, flush=True)
    finally:
        st.close()
    time.sleep(rng.random() * 0.01)
"""


def test_two_processes_writing_at_once_lose_and_interleave_nothing(tmp_path: Path, article_files: Path) -> None:
    """Two processes open the store for writing over and over; whichever holds the lock writes,
    the other is refused. Every acknowledged write is there, no refused one is, and the journals
    are one clean sequence (no torn, duplicated or interleaved entries)."""
    from store.check import check_store
    from store.disk.annotations import COMPACT_EVERY  # noqa: F401 - the writers compact on every close
    from store.disk.journal import decode_line

    path = tmp_path / "s"
    holder = store.open(path, reviewer="rina")
    holder.ingest([article_files])
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, name, str(path), "60"], stdout=subprocess.PIPE,
                              text=True) for name in ("ani", "budi")]
    outputs: dict[int, list[str]] = {0: [], 1: []}
    try:
        for i, p in enumerate(procs):  # both are refused while this process holds the lock
            assert p.stdout is not None
            line = p.stdout.readline()
            outputs[i].append(line)
            assert line.startswith("refused"), line
    finally:
        holder.close()
    for i, p in enumerate(procs):
        out, _ = p.communicate(timeout=240)
        outputs[i] += out.splitlines()
        assert p.returncode == 0
    lines = [ln for i in outputs for ln in outputs[i]]
    assert not any("WRONGLY" in ln for ln in lines)
    acked = {ln.split()[1] for ln in lines if ln.startswith("ack")}
    assert {n.split("-")[0] for n in acked} == {"ani", "budi"}, "both writers should have had turns"
    with store.open(path, read_only=True) as st:
        names = {s["name"] for s in st.saved_searches()}
    assert names == acked
    assert check_store(path).ok
    ann = path / "annotations"
    seqs = []
    for journal in [*sorted((ann / "backups").glob("journal-upto-*.jsonl")), ann / "journal.jsonl"]:
        if journal.exists():
            for raw in journal.read_bytes().splitlines():
                entry = decode_line(raw)
                assert entry is not None, f"a torn or interleaved line in {journal.name}: {raw[:80]!r}"
                seqs.append(entry["seq"])
    assert seqs == sorted(set(seqs)), "journal entries out of order or duplicated"
