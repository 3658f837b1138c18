"""`tandai serve`'s safety rules, through the installed command (the browser test is in
tests/browser): loopback by default, another address only with --public and a warning, a shell
command per session that a hostile store path cannot break out of, an ingest folder that is one."""

from __future__ import annotations

import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from tui.cli.serve import is_loopback, workbench_command

TANDAI = Path(sys.executable).with_name("tandai")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(TANDAI), *args], capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize(("host", "loopback"), [
    ("127.0.0.1", True), ("127.1.2.3", True), ("::1", True), ("[::1]", True), ("localhost", True),
    ("0.0.0.0", False), ("::", False), ("192.168.1.5", False), ("example.org", False), ("", False),
])
def test_loopback(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_a_non_loopback_host_needs_public(sample_store_path: Path) -> None:
    out = run("--store", str(sample_store_path), "serve", "--host", "0.0.0.0", "--port", "8799")
    assert out.returncode == 1
    assert out.stderr.count("\n") == 1 and "not a loopback address" in out.stderr and "--public" in out.stderr
    assert "Traceback" not in out.stderr


def test_public_warns_that_anyone_can_change_the_store(sample_store_path: Path) -> None:
    # 192.0.2.1 (TEST-NET) is on no interface here: the warning comes, then binding fails in one line
    out = run("--store", str(sample_store_path), "serve", "--host", "192.0.2.1", "--public", "--port", "8799")
    assert "WARNING" in out.stderr and "anyone who can reach this port can read and change the store" in out.stderr
    assert out.returncode == 1 and "Traceback" not in out.stderr


def test_no_store_no_server(tmp_path: Path) -> None:
    out = run("--store", str(tmp_path / "nothing"), "serve")
    assert out.returncode == 1 and "no store at" in out.stderr


@pytest.mark.parametrize("port", ["0", "-1", "65536", "http", "1e3"])
def test_bad_port_is_usage(sample_store_path: Path, port: str) -> None:
    out = run("--store", str(sample_store_path), "serve", "--port", port)
    assert out.returncode == 2 and "port number" in out.stderr


def test_an_ingest_folder_that_is_not_one_is_refused(sample_store_path: Path, tmp_path: Path) -> None:
    out = run("--store", str(sample_store_path), "serve", "--ingest-dir", str(tmp_path / "missing"))
    assert out.returncode == 1 and out.stderr == f"tandai: --ingest-dir: {tmp_path / 'missing'} is not a folder\n"


def test_the_session_command_quotes_a_hostile_reviewer_and_leaves_the_store_out() -> None:
    argv = shlex.split(workbench_command("rina $(touch pwned);`id` 'x'"))
    assert argv == [sys.executable, "-m", "tui.cli", "--served", "--reviewer", "rina $(touch pwned);`id` 'x'"]
    # --served: every session confines its ingest dialog (tui.ingest_rule)
    assert shlex.split(workbench_command(None)) == [sys.executable, "-m", "tui.cli", "--served"]
