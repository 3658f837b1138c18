"""``tandai export --format …`` and ``tandai import``, run as real processes: what a user types,
what lands on disk, the verdicts, the exit codes and the one-line messages."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import orjson


def tandai(*args: str, store_path: Path, reviewer: str = "rina") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TANDAI_STORE": str(store_path), "TANDAI_REVIEWER": reviewer}
    return subprocess.run([sys.executable, "-m", "tui.cli", *args], capture_output=True, text=True,
                          env=env, timeout=180)


def test_export_a_query_then_import_it_into_another_store(tmp_path: Path, article_files: Path) -> None:
    s = tmp_path / "s"
    assert tandai("ingest", str(article_files), store_path=s).returncode == 0
    out = tandai("export", "--format", "prodigy", "patroli", "bontang", store_path=s)
    assert out.returncode == 0, out.stderr
    tasks = [orjson.loads(line) for line in out.stdout.splitlines()]
    assert len(tasks) == 1 and "Polres Bontang" in tasks[0]["text"]
    assert out.stderr == ""  # no progress bar when standard error is not a terminal
    f = tmp_path / "tasks.jsonl"
    f.write_text(out.stdout + "{broken\n", encoding="utf-8")
    other = tmp_path / "other"
    done = tandai("import", str(f), "--format", "prodigy", store_path=other, reviewer="budi")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == f"skipped {f} line 2: invalid JSON"
    assert lines[1].startswith("tasks.jsonl: 1 texts: 1 articles added")
    again = tandai("import", str(f), "--format", "prodigy", store_path=other)
    assert "0 articles added, 1 already present, 0 entity corrections" in again.stdout


def test_folder_and_binary_formats_need_out(tmp_path: Path, article_files: Path) -> None:
    s = tmp_path / "s"
    tandai("ingest", str(article_files), store_path=s)
    for fmt, what in (("brat", "a folder"), ("spacy", "a file")):
        out = tandai("export", "--format", fmt, store_path=s)
        assert (out.returncode, out.stdout) == (1, "")
        assert out.stderr == f"tandai: the {fmt} format needs --out ({what})\n"
    out = tandai("export", "--format", "brat", "--out", str(tmp_path / "b"), store_path=s)
    assert out.returncode == 0 and out.stderr.startswith("exported 2 articles to ")
    assert re.fullmatch(r"exported 2 articles to .* in \d+\.\d s \([\d,]+/s\)\n", out.stderr), out.stderr
    assert len(list((tmp_path / "b").glob("*.ann"))) == 2 and (tmp_path / "b" / "annotation.conf").exists()
    # a folder that is not a brat export is never replaced
    keep = tmp_path / "keep"
    keep.mkdir()
    (keep / "notes.txt").write_text("mine", encoding="utf-8")
    out = tandai("export", "--format", "brat", "--out", str(keep), store_path=s)
    assert out.returncode == 1 and "not a brat export" in out.stderr and (keep / "notes.txt").exists()


def test_labelstudio_export_writes_its_config_beside_it(tmp_path: Path, article_files: Path) -> None:
    s = tmp_path / "s"
    tandai("ingest", str(article_files), store_path=s)
    out = tandai("export", "--format", "labelstudio", "--out", str(tmp_path / "tasks.json"), store_path=s)
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "tasks.config.xml").read_text(encoding="utf-8").startswith("<View>")
    assert "labeling config:" in out.stderr
    assert len(orjson.loads((tmp_path / "tasks.json").read_bytes())) == 2


def test_events_are_json_when_out_ends_in_json(tmp_path: Path, article_files: Path) -> None:
    s = tmp_path / "s"
    tandai("ingest", str(article_files), store_path=s)
    out = tandai("export", "--format", "events", "--out", str(tmp_path / "ev.json"), store_path=s)
    assert out.returncode == 0 and orjson.loads((tmp_path / "ev.json").read_bytes()) == []
    assert out.stderr.startswith("exported 0 events")


def test_import_errors_are_one_line(tmp_path: Path) -> None:
    s = tmp_path / "s"
    out = tandai("import", str(tmp_path / "nope.json"), "--format", "labelstudio", store_path=s)
    assert out.returncode == 1 and out.stdout == f"{tmp_path / 'nope.json'}: not imported: no such file: {tmp_path / 'nope.json'}\n"
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2", encoding="utf-8")
    out = tandai("import", str(bad), "--format", "labelstudio", store_path=s)
    assert out.returncode == 1 and "not imported" in out.stdout and "Traceback" not in out.stderr
    out = tandai("import", str(bad), "--format", "excel", store_path=s)
    assert out.returncode == 2 and "invalid choice" in out.stderr
    out = tandai("export", "--format", "doccano", "date:nonsense", store_path=s)
    assert out.returncode == 1 and out.stderr.startswith("tandai: ") and len(out.stderr.splitlines()) == 1
