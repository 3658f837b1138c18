"""The project stands alone: a user's clone has no ``../shared`` and none of the maintainers' scratch
directories, so no file the repository ships may point at them (a page list once named the held-out
checker by its path on the maintainers' machine)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# the sibling directory of the project, or an absolute path into the maintainers' machine
OUTSIDE = re.compile(r"(?<![\w.])\.\./shared\b|(?<![\w])/work/(?:shared|helpers|main|\.library|\.mirror)\b")


def _shipped() -> list[Path]:
    """The files the repository ships: what git tracks (a clone's caches and venv are not shipped); without
    git, every file outside a dot-directory."""
    try:
        listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
        paths = [ROOT / name for name in listed.decode("utf-8").split("\0") if name]
    except (OSError, subprocess.CalledProcessError):
        paths = [p for p in ROOT.rglob("*") if not any(part.startswith(".") for part in p.relative_to(ROOT).parts)]
    return [p for p in paths if p.is_file() and p.stat().st_size < 5_000_000]


def test_no_shipped_file_points_outside_the_repository() -> None:
    found = []
    for path in _shipped():
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        for n, line in enumerate(text.splitlines(), 1):
            if OUTSIDE.search(line) and path.name != Path(__file__).name:
                found.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()[:100]}")
    assert not found, "\n".join(found)
