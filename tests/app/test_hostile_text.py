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

ROOT = Path(__file__).resolve().parents[2]
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
    pattern = re.compile(r"\b(eval|exec)\(|\bpickle\b|\bmarshal\b|yaml\.(load|unsafe_load)\(|\bshelve\b"
                         r"|shell=True|os\.system\(|os\.popen\(|\bdill\b|jsonpickle")
    offenders = []
    for folder in ("store", "tui", "bench"):
        for path in (ROOT / folder).rglob("*.py"):
            for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if pattern.search(line) and not line.lstrip().startswith("#"):
                    offenders.append(f"{path.relative_to(ROOT)}:{i}: {line.strip()}")
    assert offenders == []


MORE_ESCAPES = (
    "OSC 52 ended by ST \x1b]52;c;cm0gLXJmIH4=\x1b\\ ; DCS \x1bP+q544e\x1b\\ ; 8-bit OSC \x9d0;judul\x9c ; "
    "backspace ov\x08\x08er ; title report \x1b[21t ; cursor \x1b[2J\x1b[H ; del \x7f ; "
    "lrm \u200e rlm \u200f lri \u2067 bom \ufeff"
)


def test_every_escape_family_is_neutralised_on_the_cli(tmp_path: Path) -> None:
    src = tmp_path / "in" / "more.jsonl"
    src.parent.mkdir()
    rows = [{"title": "Polres Uji [bold]tebal[/bold] \x1b]0;judul\x07", "text": "Polres Uji patroli. " + MORE_ESCAPES}]
    src.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    store_dir = tmp_path / "s"
    assert run("ingest", str(src.parent), store=store_dir).returncode == 0
    found = run("search", "patroli", store=store_dir)
    assert b"[bold]tebal[/bold]" in found.stdout  # markup shown, not obeyed
    aid = found.stdout.decode().splitlines()[1].split()[0]
    shown = run("show", aid, store=store_dir)
    exported = run("export", store=store_dir)
    for out in (found.stdout, shown.stdout, found.stderr, shown.stderr):
        assert not re.search(rb"[\x00-\x08\x0b-\x1f\x7f]", out), out
        text = out.decode("utf-8")
        assert not re.search(r"[\x80-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]", text), text
    assert "cm0gLXJmIH4=" in shown.stdout.decode()  # the payload is visible as text, not sent anywhere
    # JSONL export is data for programs: the text is kept exactly, JSON-escaped
    assert json.loads(exported.stdout.decode().splitlines()[0])["text"].endswith(MORE_ESCAPES)


def test_csv_export_neutralises_formulas_in_every_column(tmp_path: Path) -> None:
    """Reviewer-typed fields reach the CSV too: a unit, place, partner or note that starts with
    = + - @ (or tab / carriage return) must not become a spreadsheet formula."""
    import csv
    import io

    import store

    src = tmp_path / "in" / "a.jsonl"
    src.parent.mkdir()
    src.write_text(json.dumps({"title": "@SUM(A1:A9)", "outlet": "-2+3",
                               "text": "=HYPERLINK(\"http://evil.example\") Polres Uji patroli malam."}) + "\n",
                   encoding="utf-8")
    with store.open(tmp_path / "s", reviewer="rina") as st:
        st.ingest([src.parent])
        aid = st.search("patroli").hits[0]
        st.add_record(aid, type="patrol", unit="=cmd|' /C calc'!A0", location="+62 Jakarta",
                      partners=["-TNI", "@KPU"], notes="\t=1+1", evidence=[{"start": 0, "end": 30}])
    out = run("export", "--format", "csv", store=tmp_path / "s")
    rows = list(csv.DictReader(io.StringIO(out.stdout.decode("utf-8"))))
    assert len(rows) == 1
    row = rows[0]
    for column in ("title", "unit", "location", "partners", "notes", "evidence"):
        assert row[column][:1] == "'", (column, row[column])
    for value in row.values():
        assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value
