"""Article text is data: terminal escapes, Rich markup, bidi overrides and zero-width characters
are shown as harmless visible text by `tandai show`, `tandai search` and the reader; and no
input is ever evaluated."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from tui.safe import safe

ROOT = Path(__file__).resolve().parent.parent
HOSTILE_TITLE = "Polres Uji \x1b[31mMERAH\x1b[0m [bold red]tebal[/bold red] \u202eterbalik\u202c"
HOSTILE_BODY = (
    "Polres Uji melaksanakan patroli malam di Desa Maju.\n\n"
    "Tautan \x1b]8;;http://evil.example\x07klik\x1b]8;;\x07 dan clipboard \x1b]52;c;cm0gLXJmIC8=\x07 bunyi \x07.\n\n"
    "Markup [link=http://evil.example]klik[/link] dan zero\u200bwidth\u2066isolasi\u2069 serta \x9b31m C1.\n"
)


def run(*args: str, store: Path) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "TANDAI_STORE": str(store), "TANDAI_REVIEWER": "rina"}
    return subprocess.run([sys.executable, "-m", "tui.cli", *args], capture_output=True, env=env, timeout=60)


def test_cli_show_and_search_print_no_control_sequences(tmp_path: Path) -> None:
    src = tmp_path / "in" / "evil.jsonl"
    src.parent.mkdir()
    src.write_text(json.dumps({"title": HOSTILE_TITLE, "text": HOSTILE_BODY}) + "\n", encoding="utf-8")
    store_dir = tmp_path / "s"
    assert run("ingest", str(src.parent), store=store_dir).returncode == 0
    found = run("search", "patroli", store=store_dir)
    assert found.returncode == 0
    aid = found.stdout.decode().splitlines()[1].split()[0]
    shown = run("show", aid, store=store_dir)
    for out in (found.stdout, shown.stdout):
        text = out.decode("utf-8")
        assert "\x1b" not in text and "\x07" not in text and "\x9b" not in text
        assert "\u202e" not in text and "\u200b" not in text and "\u2066" not in text
    body = shown.stdout.decode()
    assert "[bold red]tebal[/bold red]" in body and "[link=http://evil.example]klik[/link]" in body
    assert "␛[31m" in body  # the escape is visible, not obeyed


def test_safe_keeps_offsets() -> None:
    cleaned = safe(HOSTILE_BODY)
    assert len(cleaned) == len(HOSTILE_BODY)
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]", cleaned)


def test_no_input_is_ever_evaluated() -> None:
    pattern = re.compile(r"\b(eval|exec)\(|\bpickle\b|\bmarshal\b|yaml\.load\(|\bshelve\b")
    offenders = []
    for folder in ("store", "tui", "bench"):
        for path in (ROOT / folder).rglob("*.py"):
            for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if pattern.search(line) and not line.lstrip().startswith("#"):
                    offenders.append(f"{path.relative_to(ROOT)}:{i}: {line.strip()}")
    assert offenders == []
