"""The project stands alone: a user's clone has nothing beside the repository, so no file the
repository ships may point outside it. The rules name nothing outside (this file is scanned too):

- a relative path that climbs out of its folder must lead, from the file's folder or from the repository's
  root, to something inside the repository;
- an absolute path may start only in a system folder (``/usr``, ``/tmp``, ...): one in another
  top-level folder of the machine the tests run on is that machine's own (a clone elsewhere lacks it);
- a Python file named in prose or code must be one the repository holds (a script the maintainers
  keep elsewhere is named by what it does, never by its file name)."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Collection
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
_CLIMB = re.compile(r"(?<![\w./])(?:\.\./)+[\w.-]+(?:/[\w.-]+)*")
_ABSOLUTE = re.compile(r"(?<![\w.:/~$<>-])/([A-Za-z][\w.-]*)/[\w.-]")
_PY = re.compile(r"(?<![\w./-])([\w-]+\.py)\b")
_SYSTEM = frozenset({"usr", "tmp", "etc", "opt", "dev", "proc", "var", "home", "bin", "sbin", "lib", "lib64",
                     "sys", "run", "srv", "mnt", "media", "root", "boot", "snap", "nix"})


def _shipped() -> list[Path]:
    """The files the repository ships: what git tracks (a clone's caches and venv are not shipped); without
    git, every file outside a dot-directory."""
    try:
        listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
        paths = [ROOT / name for name in listed.decode("utf-8").split("\0") if name]
    except (OSError, subprocess.CalledProcessError):
        paths = [p for p in ROOT.rglob("*") if not any(part.startswith(".") for part in p.relative_to(ROOT).parts)]
    return [p for p in paths if p.is_file() and p.stat().st_size < 5_000_000]


def _machine_folders() -> set[str]:
    """The machine's top-level folders that are not the system's."""
    return {p.name for p in Path("/").iterdir() if p.is_dir() and p.name not in _SYSTEM}


def _inside(path: Path) -> bool:
    resolved = path.resolve()
    return resolved.exists() and (resolved == ROOT or ROOT in resolved.parents)


def outside(line: str, here: Path, machine: Collection[str], python_files: Collection[str]) -> list[str]:
    """What ``line`` of a file in the folder ``here`` points at outside the repository."""
    found = [m.group() for m in _CLIMB.finditer(line)
             if not any(_inside(base / m.group()) for base in (here, ROOT))]
    found += [m.group() for m in _ABSOLUTE.finditer(line) if m.group(1) in machine]
    found += [m.group(1) for m in _PY.finditer(line) if m.group(1) not in python_files]
    return found


def test_the_rules_find_what_they_guard_against() -> None:
    here, ours, up = ROOT / "tests" / "unit", {"conftest.py", "app.py"}, "../"  # made-up names, built so
    py = ".py"  # that this file's own scan passes them by
    assert outside(f"see {up}notes-beside/GUIDELINES.md", here, (), ours)  # climbs out of the repository
    assert outside(f"python3 {up * 3}somewhere/x{py}", here, (), {f"x{py}"})
    assert outside(f"python3 /scratchdisk/helpers/tool{py}", here, {"scratchdisk"}, {f"tool{py}"})
    assert outside(f"checked with verify_links{py}", here, (), ours)  # no such file here
    assert not outside("see ../../README.md and tests/unit/conftest.py", here, (), ours)  # inside
    assert not outside("written to /tmp/x/y.json, href=\"/assets/a.css\", a .../initials credit", here,
                       {"scratchdisk"}, ours)


def test_no_shipped_file_points_outside_the_repository() -> None:
    files = _shipped()
    python_files = {p.name for p in files}
    machine = _machine_folders()
    found = []
    for path in files:
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        for n, line in enumerate(text.splitlines(), 1):
            if hits := outside(line, path.parent, machine, python_files):
                found.append(f"{path.relative_to(ROOT)}:{n}: {', '.join(hits)}")
    assert not found, "\n".join(found)
