"""The ``tandai`` command line, run as a real process: exit codes, messages, export."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest


def tandai(*args: str, store_path: Path, check: bool = False) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TANDAI_STORE": str(store_path), "TANDAI_REVIEWER": "rina"}
    return subprocess.run([sys.executable, "-m", "tui.cli", *args], capture_output=True, text=True,
                          env=env, timeout=120, check=check)


def test_ingest_search_show_export_stats(tmp_path: Path, article_files: Path) -> None:
    s = tmp_path / "s"
    out = tandai("ingest", str(article_files), str(tmp_path / "missing.txt"), store_path=s)
    # a path naming nothing is a failure (exit 1, as ``cp`` has it; red team, session 26: it exited 0), the
    # others ingested all the same
    assert out.returncode == 1, out.stderr
    assert "2 added" in out.stdout and "skipped" in out.stdout and "missing.txt" in out.stdout
    assert out.stderr.count("\n") == 1 and "named nothing" in out.stderr and "missing.txt" in out.stderr
    out = tandai("ingest", str(article_files), store_path=s)
    assert out.returncode == 0 and "2 already present" in out.stdout, out.stderr
    out = tandai("search", "patroli bontang", store_path=s)
    assert out.returncode == 0 and "Polres Bontang Gelar" in out.stdout and "1 of 1" in out.stdout
    aid = out.stdout.split("\n")[1].split()[0]
    out = tandai("show", aid, store_path=s)
    assert out.returncode == 0 and "Kodim 0908" in out.stdout
    out = tandai("export", "--format", "jsonl", store_path=s)
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert len(rows) == 2 and {r["status"] for r in rows} == {"todo"} and all("records" in r for r in rows)
    out = tandai("export", "--format", "csv", store_path=s)
    assert next(csv.reader(io.StringIO(out.stdout)))[0] == "article_id"
    out = tandai("stats", store_path=s)
    assert out.returncode == 0 and "articles" in out.stdout


def test_user_errors_exit_1_with_one_line(tmp_path: Path, article_files: Path) -> None:
    s = tmp_path / "s"
    tandai("ingest", str(article_files), store_path=s, check=True)
    for args in (("search", "status:finished"), ("show", "doesnotexist")):
        out = tandai(*args, store_path=s)
        assert out.returncode == 1
        assert out.stderr.count("\n") == 1 and out.stderr.startswith("tandai: ")
    out = tandai("search", "x", store_path=tmp_path / "nothing-here")
    assert out.returncode == 1 and "no store" in out.stderr


@pytest.mark.parametrize("args", [("export", "--format", "xml"), ("frobnicate",), ("search",)])
def test_bad_usage_exits_2(tmp_path: Path, args: tuple[str, ...]) -> None:
    assert tandai(*args, store_path=tmp_path / "s").returncode == 2


def test_help_everywhere(tmp_path: Path) -> None:
    for cmd in ("", "demo", "ingest", "search", "show", "export", "stats", "reindex", "check"):
        out = tandai(*([cmd] if cmd else []), "--help", store_path=tmp_path / "s")
        assert out.returncode == 0 and "usage: tandai" in out.stdout


def test_csv_export_neutralises_formulas(tmp_path: Path) -> None:
    d = tmp_path / "in"
    d.mkdir()
    (d / "evil.jsonl").write_text(json.dumps({"title": "=HYPERLINK(\"http://x\")", "text":
                                              "Polres Contoh melakukan patroli malam di desa."}) + "\n")
    s = tmp_path / "s"
    tandai("ingest", str(d), store_path=s, check=True)
    out = tandai("export", "--format", "csv", store_path=s)
    row = list(csv.reader(io.StringIO(out.stdout)))[1]
    assert row[1].startswith("'=")


def test_store_option_before_or_after_the_command(tmp_path: Path, article_files: Path) -> None:
    env_store = tmp_path / "env-store"  # TANDAI_STORE must lose to an explicit --store
    a, b = tmp_path / "a", tmp_path / "b"
    out = tandai("--store", str(a), "ingest", str(article_files), store_path=env_store)
    assert out.returncode == 0 and "2 added" in out.stdout
    out = tandai("ingest", "--store", str(b), str(article_files), store_path=env_store)
    assert out.returncode == 0 and "2 added" in out.stdout
    assert (a / "tandai.json").exists() and (b / "tandai.json").exists() and not env_store.exists()
