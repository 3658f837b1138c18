"""A short run of the crash test (bench/crash_test.py): SIGKILL at random moments, with and
without injected write failures; the full runs are opt-in (see the README)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "bench" / "crash_test.py"


@pytest.mark.slow
@pytest.mark.parametrize("extra", [[], ["--inject"]])
def test_short_crash_loop_loses_nothing(tmp_path: Path, extra: list[str]) -> None:
    out = subprocess.run([sys.executable, str(SCRIPT), "--kills", "8", "--seed", "3", "--store", str(tmp_path),
                          *extra], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "lost: 0" in out.stdout and "survived: 8 of 8" in out.stdout
