"""The short variant of bench/bench_export.py: a store built as the 100k bench builds it, each
format exported by `tandai export` in its own process, peak memory under the bar. The rate is
printed, not asserted (a loaded CI machine is no measure of it); the full run is opt-in."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_short_export_bench_stays_under_the_memory_bar(tmp_path: Path) -> None:
    out = subprocess.run([sys.executable, "-m", "bench.bench_export", "--n", "400", "--seed", "100",
                          "--formats", "jsonl,brat,spacy", "--work", str(tmp_path)],
                         capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert out.returncode == 0, out.stderr + out.stdout
    rows = {line.split()[0]: line.split() for line in out.stdout.splitlines()[2:-1]}
    assert set(rows) == {"jsonl", "brat", "spacy"}
    for fmt, (_, seconds, rate, _cpu, _cpu_rate, peak, _worker, total, *over) in rows.items():
        assert float(seconds) > 0 and float(rate) > 0, fmt
        assert 0 < float(total) < 300 and float(peak) < 300 and not over, f"{fmt}: peak {peak} MB, total {total} MB"
    (run,) = (tmp_path / "export-out-400").iterdir()  # this run's folder
    assert len(list((run / "brat").glob("*.ann"))) == 400
    assert list((run / "spacy-parts").glob("part-*.spacy"))


def test_a_run_keeps_only_its_own_outputs(tmp_path: Path) -> None:
    """Each run writes into a fresh folder and removes the earlier runs' outputs after its own are
    timed (so no run times files being made where 200k were just deleted)."""
    argv = [sys.executable, "-m", "bench.bench_export", "--n", "300", "--seed", "50", "--formats", "csv",
            "--work", str(tmp_path)]
    runs = []
    for _ in range(2):
        out = subprocess.run(argv, capture_output=True, text=True, cwd=ROOT, timeout=600)
        assert out.returncode == 0, out.stderr + out.stdout
        runs.append(list((tmp_path / "export-out-300").iterdir()))
    assert len(runs[0]) == 1 and len(runs[1]) == 1 and runs[0] != runs[1]
    assert (runs[1][0] / "a.csv").stat().st_size > 0
