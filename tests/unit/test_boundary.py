"""store/ is a library of its own: it must never import Textual or the UI package."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

STORE = Path(__file__).resolve().parents[2] / "store"


def test_store_sources_do_not_import_textual_or_tui() -> None:
    offenders = []
    for path in STORE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] in ("textual", "tui")]
    assert offenders == []


def test_importing_store_loads_no_textual() -> None:
    code = "import sys, store, store.export, store.ingest; print(any(m.split('.')[0] in ('textual','tui') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
