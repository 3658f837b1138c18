"""The wheel ships what an installed tandai needs: both packages, the taxonomy, the samples, the page
``tandai serve`` sends."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_wheel_contains_packages_taxonomy_and_samples(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-w", str(tmp_path), str(ROOT)],
        capture_output=True, text=True, timeout=300,
    )
    if out.returncode != 0 and "hatchling" in out.stderr:
        out = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", str(tmp_path), str(ROOT)],
                             capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    [wheel] = tmp_path.glob("tandai-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    samples = [n for n in names if n.startswith("store/sample_articles/")]
    on_disk = [p for p in (ROOT / "sample_articles").rglob("*") if p.is_file()]
    assert len(samples) == len(on_disk) >= 30
    assert "store/taxonomy.toml" in names
    assert "store/__init__.py" in names and "tui/app.py" in names
    assert "tui/serve_templates/app_index.html" in names  # tandai serve's page (no third-party host)
    entry = next(n for n in names if n.endswith("entry_points.txt"))
    assert "tandai = tui.cli:main" in zipfile.ZipFile(wheel).read(entry).decode()
