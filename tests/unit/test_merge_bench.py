"""The merge bench's CI-sized variant (the full one, 100k articles, is opt-in: bench/bench_merge.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bench.bench_merge import main


@pytest.mark.slow
def test_the_small_merge_bench_runs_and_passes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--articles", "1000", "--records", "200", "--work", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "600 record(s) added" in out and "300 status(es)" in out
    merge_line = next(line for line in out.splitlines() if line.startswith("merge:"))
    assert merge_line.endswith("PASS"), merge_line
    assert re.search(r"a~b records aligned 100,", out)
