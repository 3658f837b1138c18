"""Ingest of a generated directory of hostile files: every file gets a verdict, nothing crashes,
the store stays valid, memory stays bounded, and a file removed mid-ingest is reported."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import store
import store.ingest as ingest_module
from bench.hostile_corpus import make
from store.check import check_store

ROOT = Path(__file__).resolve().parent.parent


def test_every_hostile_file_gets_a_verdict(tmp_path: Path, monkeypatch) -> None:
    files = tmp_path / "files"
    paths = make(files, line_mb=2)
    gone = files / "vanishing.txt"
    real_read = ingest_module.read_source

    def read_source(path: Path, *args: object, **kwargs: object):
        if path == gone:
            gone.unlink()  # listed by the directory walk, removed just before it is read
        return real_read(path, *args, **kwargs)

    monkeypatch.setattr(ingest_module, "read_source", read_source)
    with store.open(tmp_path / "s") as st:
        report = st.ingest([files])
        reasons = {Path(source.split("#")[0]).name: reason for source, reason in report.skipped}
        added = {Path(a.source.split("#")[0]).name for a in st.articles()}
    verdicts = added | set(reasons)
    assert {p.name for p in paths} <= verdicts, "a file got no verdict"
    assert "binary" in reasons["binary.txt"] and "empty" in reasons["empty.txt"]
    assert "whitespace" in reasons["whitespace.txt"] and "binary" in reasons["nul_bytes.txt"]
    assert "unsupported" in reasons["photo.png"] and "unsupported" in reasons["archive.zip"]
    assert "no text column" in reasons["missing_columns.csv"]
    assert "vanished" in reasons["vanishing.txt"]
    for ok in ("invalid_utf8.txt", "windows1252.txt", "utf16_bom.txt", "crlf.txt", "lone_cr.txt",
               "control_codes.txt", "scripts.html", "deep.html", "one_long_line.txt", "broken.jsonl"):
        assert ok in added, f"{ok} should have been read: {reasons.get(ok)}"
    if os.geteuid() != 0:
        assert "permission" in reasons["unreadable.txt"]
    assert check_store(tmp_path / "s").ok


def test_memory_stays_bounded_on_big_files(tmp_path: Path) -> None:
    """A 30 MB text file is refused without being read; a 12 MB single line is read; peak
    RSS of the whole ingest stays far below the files' sizes times a small factor."""
    d = tmp_path / "big"
    d.mkdir()
    with open(d / "huge.txt", "wb") as fh:
        fh.write(b"Judul besar\n\n" + b"Polres Uji patroli malam. " * (30 * 2**20 // 26))
    (d / "line.txt").write_bytes(b"Judul satu baris " + b"kata " * (12 * 2**20 // 5))
    code = (
        "import sys, store; st = store.open(sys.argv[1]); r = st.ingest([sys.argv[2]]); st.close();"
        "print(r.added, len(r.skipped), [x[1] for x in r.skipped]);"
        "print(next(l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM')))"
    )
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path / "s"), str(d)], capture_output=True,
                         text=True, timeout=300, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert out.returncode == 0, out.stderr
    first, hwm = out.stdout.strip().splitlines()
    assert first.startswith("1 1") and "too large" in first
    assert int(hwm) / 1024 < 500, f"peak RSS {int(hwm) / 1024:.0f} MB"
