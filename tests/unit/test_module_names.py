"""A module-level name is bound once: the rule modules grow a pattern at a time, and a second
``_NAME = re.compile(...)`` further down silently replaces the first for every use above it (session 20
found one: a guard pattern written near its use was never the one in force)."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MODULES = sorted(p for d in ("store", "tui") for p in (ROOT / d).rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_module_level_name_is_bound_twice(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: Counter[str] = Counter()
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(
            node, ast.AnnAssign) and node.value is not None else []
        names.update(t.id for t in targets if isinstance(t, ast.Name))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names[node.name] += 1
    twice = sorted(n for n, k in names.items() if k > 1 and n != "__all__")
    assert not twice, f"{path.relative_to(ROOT)}: bound more than once at module level: {twice}"
