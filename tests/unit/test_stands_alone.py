"""The project stands alone: a user's clone has nothing beside the repository (not the maintainers' shared
reference folder, their scratch directories nor the held-out checker), so no file the repository ships may
point at them, this one included (its own patterns are built from parts so that it can scan itself)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
_SIBLING = re.escape("..") + "/" + "shared"  # the maintainers' folder beside the project
_MACHINE = "/" + "work" + "/" + r"(?:shared|helpers|main|\.library|\.mirror)"  # their machine's absolute paths
_CHECKER = "check" + "_url" + r"\.py"  # the held-out checker, which only the maintainers have
OUTSIDE = re.compile(rf"(?<![\w.]){_SIBLING}\b|(?<![\w]){_MACHINE}\b|{_CHECKER}")


def _shipped() -> list[Path]:
    """The files the repository ships: what git tracks (a clone's caches and venv are not shipped); without
    git, every file outside a dot-directory."""
    try:
        listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
        paths = [ROOT / name for name in listed.decode("utf-8").split("\0") if name]
    except (OSError, subprocess.CalledProcessError):
        paths = [p for p in ROOT.rglob("*") if not any(part.startswith(".") for part in p.relative_to(ROOT).parts)]
    return [p for p in paths if p.is_file() and p.stat().st_size < 5_000_000]


def test_the_patterns_find_what_they_guard_against() -> None:
    for line in ("see " + ".." + "/shared/GUIDELINES.md", "python3 /" + "work/helpers/x.py",
                 "checked with " + "check_url" + ".py"):
        assert OUTSIDE.search(line), line
    assert not OUTSIDE.search("tests/gold/real/README.md, store/pg/connection.py: check_url(url)")


def test_no_shipped_file_points_outside_the_repository() -> None:
    found = []
    for path in _shipped():
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        for n, line in enumerate(text.splitlines(), 1):
            if OUTSIDE.search(line):
                found.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()[:100]}")
    assert not found, "\n".join(found)
