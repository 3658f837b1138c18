"""The short variant of bench/bench_stats.py (CI runs it with the suite; the 100k run is opt-in):
it builds a store through the API, times the figures and the two commands, and passes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_bench_stats_short_variant(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "bench_stats.py"), "--articles", "300", "--records", "300",
         "--repeat", "2", "--work", str(tmp_path)],
        capture_output=True, text=True, timeout=300, cwd=ROOT,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    result = json.loads(out.stdout[: out.stdout.rindex("}") + 1])
    assert result["records"] == 300 and result["articles"] >= 280  # near duplicates are linked, not added
    assert result["statuses"] > 0 and result["figures_max_s"] < 1.0
    assert "figures under 1.0 s: PASS" in out.stdout
