"""Eight reviewers' processes changing one database at once, and the server killed mid-run:
every acknowledged change is in the database, every conflict was reported, none is lost.

The long runs (8 × 500) are ``bench/bench_pg.py``; these are their short variants."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from pathlib import Path

import psycopg
import pytest

import store
from tests.pg.conftest import ADJUDICATOR, as_role, drafted
from tests.pg.server import PgServer, find_bindir

ROOT = Path(__file__).resolve().parents[2]


def prepare(url: str, records: int = 4) -> list[str]:
    """Samples ingested, a few shared records of rina's that every process edits."""
    with store.open(url) as st:
        st.ingest([store.samples_dir()])
    with store.open(as_role(url, "rina")) as rina:
        aid = next(rina.articles()).id
        return [rina.add_record(aid, **drafted(rina, aid)).id for _ in range(records)]


def run_workers(url: str, shared: list[str], procs: int, n: int, out: Path, roles: list[str]) -> list[subprocess.Popen[bytes]]:
    return [subprocess.Popen([sys.executable, "-m", "tests.pg.worker", as_role(url, roles[p % len(roles)]),
                              str(p), str(n), ",".join(shared), str(out / f"p{p}.jsonl")], cwd=ROOT)
            for p in range(procs)]


def acknowledged(out: Path) -> list[dict[str, object]]:
    return [json.loads(line) for f in sorted(out.glob("p*.jsonl")) for line in f.read_text().splitlines()]


def verify(url: str, acks: list[dict[str, object]], exact: bool) -> dict[str, int]:
    """Every acknowledged change is in the history; the state is the history's last word."""
    with psycopg.connect(url) as conn:
        ops = [op for (ops,) in conn.execute("SELECT ops FROM tandai.changes ORDER BY id") for op in ops]
        notes = {op[3].get("notes") for op in ops if op[0] == "put" and op[1] == "records"}
        statuses = {(op[3]["reviewer"], op[3]["article_id"], op[3]["status"]) for op in ops
                    if op[0] == "put" and op[1] == "status"}
        rows = {(k, key): v for k, key, v in conn.execute("SELECT kind, key, value FROM tandai.annotations")}
        last: dict[tuple[str, str], object] = {}
        for op in ops:
            last[(op[1], op[2])] = op[3] if op[0] == "put" else None
    saved = [a for a in acks if a["kind"] != "conflict"]
    for a in saved:
        if a["kind"] in ("edit", "add"):
            assert a["note"] in notes, f"acknowledged {a} is not in the database"
        if a["kind"] == "add":
            assert ("records", a["id"]) in rows
        if a["kind"] == "status":
            assert (a["reviewer"], a["id"], a["status"]) in statuses
    assert {k: v for k, v in last.items() if v is not None} == rows  # replaying the history gives the state
    if exact:  # no change the database holds that was not acknowledged (beyond the setup's)
        made = [op for op in ops if op[0] == "put" and op[1] == "records" and str(op[3].get("notes", "")).startswith("p")]
        assert len(made) == sum(1 for a in saved if a["kind"] in ("edit", "add"))
    return {"acknowledged": len(saved), "conflicts": len(acks) - len(saved)}


def test_eight_processes_every_acknowledged_change_is_there(team_url: str, tmp_path: Path) -> None:
    shared = prepare(team_url)
    procs, n = 8, 40
    workers = run_workers(team_url, shared, procs, n, tmp_path, ["rina", ADJUDICATOR])
    assert all(w.wait(timeout=300) == 0 for w in workers)
    acks = acknowledged(tmp_path)
    assert len(acks) == procs * n
    counts = verify(team_url, acks, exact=True)
    assert counts["conflicts"] > 0, "eight processes editing four records never conflicted?"
    conflicts = [a["message"] for a in acks if a["kind"] == "conflict"]
    assert all(m.split(" changed this ")[0] in ("rina", ADJUDICATOR) for m in conflicts), conflicts[:3]


@pytest.mark.skipif(find_bindir() is None, reason="no PostgreSQL server binaries")
def test_server_killed_mid_run_every_acknowledged_change_is_there(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TANDAI_CACHE", str(tmp_path / "cache"))
    server = PgServer()  # its own: killing the shared one would fail the other tests
    server.start()
    try:
        with psycopg.connect(server.url(), autocommit=True) as conn:
            conn.execute("CREATE DATABASE team")
            conn.execute("CREATE ROLE rina LOGIN")
            conn.execute(f"CREATE ROLE {ADJUDICATOR} LOGIN")
        url = server.url("team")
        from store.pg import add_member, init_database

        init_database(url)
        add_member(url, "rina")
        add_member(url, ADJUDICATOR, adjudicator=True)
        shared = prepare(url)
        out = tmp_path / "acks"
        out.mkdir()
        workers = run_workers(url, shared, 4, 60, out, ["rina", ADJUDICATOR])
        killed = threading.Event()

        def crash() -> None:
            while len(acknowledged(out)) < 40:  # mid-run
                time.sleep(0.05)
            server.kill()
            killed.set()
            time.sleep(1.0)
            server.start()

        crasher = threading.Thread(target=crash)
        crasher.start()
        assert all(w.wait(timeout=300) == 0 for w in workers)
        crasher.join()
        assert killed.is_set()
        acks = acknowledged(out)
        assert len(acks) == 4 * 60
        verify(url, acks, exact=False)
    finally:
        server.remove()
