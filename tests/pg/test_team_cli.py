"""The installed ``tandai`` against a real database: init, grant, --store postgresql://…, copy."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import psycopg

import store
from store.pg.schema import SCHEMA_VERSION
from tests.pg.conftest import as_role

TANDAI = str(Path(sys.executable).parent / "tandai")  # the installed command beside this Python
if not Path(TANDAI).exists():
    TANDAI = shutil.which("tandai") or "tandai"


def run(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([TANDAI, *args], capture_output=True, text=True, env=env, timeout=120)


def test_init_grant_ingest_search_copy(pg_url: str, tmp_path: Path) -> None:
    env = {**os.environ, "TANDAI_CACHE": str(tmp_path / "cache")}
    done = run("init", pg_url, env=env)
    assert done.returncode == 0, done.stderr
    assert f"schema {SCHEMA_VERSION} ready" in done.stdout
    assert "already in place" in run("init", pg_url, env=env).stdout
    assert run("grant", "rina", "--store", pg_url, env=env).returncode == 0
    ingest = run("--store", pg_url, "ingest", str(store.samples_dir()), env=env)
    assert ingest.returncode == 0, ingest.stderr
    rina = as_role(pg_url, "rina")
    found = run("--store", rina, "search", "patroli", env=env)
    assert found.returncode == 0 and "Polsek" in found.stdout, found.stderr
    stats = run("--store", rina, "stats", env=env)
    assert stats.returncode == 0 and "42" in stats.stdout, stats.stderr
    out = tmp_path / "copy"
    copied = run("copy", pg_url, str(out), env=env)
    assert copied.returncode == 0, copied.stderr
    assert "articles 42" in copied.stdout
    with store.open(out, read_only=True) as st:
        assert st.count() == 42


def test_one_line_messages(pg_url: str, tmp_path: Path) -> None:
    env = {**os.environ, "TANDAI_CACHE": str(tmp_path / "cache")}
    not_set_up = run("--store", pg_url, "stats", env=env)
    assert not_set_up.returncode == 1
    assert not_set_up.stderr.count("\n") == 1 and "tandai init" in not_set_up.stderr
    run("init", pg_url, env=env)
    with psycopg.connect(pg_url) as conn:
        conn.execute("UPDATE tandai.meta SET value = '7' WHERE key = 'schema_version'")
    newer = run("--store", pg_url, "stats", env=env)
    assert newer.returncode == 1 and "newer than this tandai knows" in newer.stderr
    assert newer.stderr.count("\n") == 1
    down = run("--store", "postgresql://nobody@127.0.0.1:1/none", "stats", env=env)
    assert down.returncode == 1 and "cannot connect to postgresql://nobody@127.0.0.1:1/none" in down.stderr
    check = run("check", "--store", pg_url, env=env)
    assert check.returncode == 1 and "for store directories" in check.stderr
    secret = run("--store", "postgresql://rina:hunter2@127.0.0.1:1/none", "stats", env=env)
    assert "hunter2" not in secret.stderr and "rina@127.0.0.1" in secret.stderr
