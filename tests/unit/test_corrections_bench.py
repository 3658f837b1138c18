"""The corrections bench's quick variant (bench/bench_corrections.py; its default run is the one
BENCHMARKS.md quotes): it runs, exports every entity, imports every text."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.bench_corrections import main


def test_the_quick_corrections_bench_runs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--sizes", "200,800", "--chars", "20000", "--texts", "30", "--held", "0,1500",
                 "--work", str(tmp_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "export of one 20 KB text, jsonl"
    rows = {line.split()[0]: line.split() for line in lines if line.split()[0].replace(",", "").isdigit()}
    assert set(rows) == {"200", "800", "0", "1,500"}
    assert all(float(r[1]) > 0 for r in rows.values())
    assert "import of 30 texts (prodigy), into a store holding M corrections" in lines
