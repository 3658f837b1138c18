"""Ingest of a generated directory of hostile files (bench/hostile_corpus.py): every file gets a
verdict with a reason a person can act on, nothing crashes or hangs (a FIFO, /dev/zero, a
symlink loop), the store stays valid, memory stays bounded, and a file removed mid-ingest is
reported."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

import store
import store.ingest as ingest_module
from bench.hostile_corpus import expected_names, ingest_in_child, make, verdicts
from store.check import check_store

ROOT = Path(__file__).resolve().parents[2]

# name -> what its verdict must say ("added", or a piece of the reason it was skipped)
EXPECTED = {
    "binary.txt": "binary", "gzip_named_txt.txt": "binary", "empty.txt": "empty", "whitespace.txt": "whitespace",
    "only_bom.txt": "empty", "nul_bytes.txt": "binary", "photo.png": "unsupported", "archive.zip": "unsupported",
    "missing_columns.csv": "no text column", "deep_nesting.json": "invalid JSON", "fifo.txt": "not a regular file",
    "dev_zero.txt": "outside the folder", "loop.txt": "symbolic links", "dangling.txt": "vanished",
    "vanishing.txt": "vanished",
    **{name: "added" for name in (
        "invalid_utf8.txt", "windows1252.txt", "utf16_bom.txt", "utf32_bom.txt", "crlf.txt", "lone_cr.txt",
        "control_codes.txt", "scripts.html", "deep.html", "unclosed.html", "one_long_line.txt",
        "one_long_word.txt", "many_lines.txt", "repeated_heads.txt", "huge_field.csv", "folder.txt",
        "bad_name_\ufffd\ufffd.txt", "new\nline name.txt", "\x1b[31mescape_name.txt")},
}
PARTLY = {  # files with good and bad parts: both verdicts
    "broken.jsonl": ("added 2", "line 2: invalid JSON", "line 3: not a JSON object", "line 4", "line 6"),
    "deep_nesting.jsonl": ("added", "line 1: invalid JSON"),
    "not_objects.json": ("added", "item 1: not a JSON object", "item 3"),
    "bad_quoting.csv": ("added", "bad CSV quoting"),
    "unclosed_quote.csv": ("unclosed quote",),
    "short_rows.csv": ("added", "text column is missing"),
}


def test_every_hostile_file_gets_a_verdict(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = tmp_path / "files"
    paths = make(files, line_mb=2)
    gone = files / "vanishing.txt"
    real_read = ingest_module.read_source

    def read_source(path: Path, *args: object, **kwargs: object):
        if path == gone:
            gone.unlink()  # listed by the directory walk, removed just before it is read
        return real_read(path, *args, **kwargs)

    monkeypatch.setattr(ingest_module, "read_source", read_source)
    started = time.perf_counter()
    with store.open(tmp_path / "s") as st:
        report = st.ingest([files])
        result = {"skipped": report.skipped, "added": [[a.source, a.id] for a in st.articles()]}
    seconds = time.perf_counter() - started
    seen = verdicts(result, files)
    assert expected_names(paths) <= set(seen), f"no verdict for {expected_names(paths) - set(seen)}"
    expected = dict(EXPECTED)
    if os.geteuid() == 0:  # root reads a chmod-000 file: nothing to test there
        expected["unreadable.txt"] = "added"
    else:
        expected["unreadable.txt"] = "permission denied"
    for name, want in expected.items():
        if want == "added":
            assert seen[name] == "added", (name, seen[name])
        else:
            assert want in seen[name] and "added" not in seen[name], (name, seen[name])
    for name, wants in PARTLY.items():
        for want in wants:
            assert want in seen[name], (name, want, seen[name])
    for source, reason in report.skipped:
        assert "Error" not in reason, f"a parser bug, not a verdict: {source}: {reason}"
    assert check_store(tmp_path / "s").ok
    # 7 s here; a quadratic step in the recogniser once made it 147 s (one long line of heads)
    assert seconds < 45, f"hostile files took {seconds:.0f} s"


def test_names_and_text_reach_the_terminal_safely(tmp_path: Path) -> None:
    """A file name with an escape sequence or a newline, and text with control codes, are shown
    as visible stand-ins by the CLI (ingest report, search list)."""
    files = tmp_path / "files"
    make(files, line_mb=1)
    env = {**os.environ, "TANDAI_STORE": str(tmp_path / "s")}
    out = subprocess.run([sys.executable, "-m", "tui.cli", "ingest", str(files)], capture_output=True, env=env,
                         timeout=300, cwd=ROOT)
    assert out.returncode == 0, out.stderr[-2000:]
    found = subprocess.run([sys.executable, "-m", "tui.cli", "search", "judul", "--limit", "100"],
                           capture_output=True, env=env, timeout=60, cwd=ROOT)
    for stream in (out.stdout, out.stderr, found.stdout):
        assert b"\x1b" not in stream and b"\x07" not in stream
        stream.decode("utf-8")  # valid UTF-8, whatever the file names were


def test_memory_stays_bounded_on_big_files(tmp_path: Path) -> None:
    """A 30 MB text file is refused without being read; a 12 MB single line and a 6 MB word are
    read; peak memory of the whole ingest stays bounded."""
    d = tmp_path / "big"
    d.mkdir()
    with open(d / "huge.txt", "wb") as fh:
        fh.write(b"Judul besar\n\n" + b"Polres Uji patroli malam. " * (30 * 2**20 // 26))
    (d / "line.txt").write_bytes(b"Judul satu baris " + b"kata " * (12 * 2**20 // 5))
    (d / "word.txt").write_bytes(b"Judul satu kata\n\nPolres Uji patroli. " + b"a" * (6 * 2**20))
    result = ingest_in_child(d, tmp_path / "s")
    seen = verdicts(result, d)
    assert "too large" in seen["huge.txt"] and seen["line.txt"] == "added" and seen["word.txt"] == "added"
    assert result["check"][-1] == "ok"  # type: ignore[index]
    assert result["peak_mb"] < 400, f"peak RSS {result['peak_mb']:.0f} MB"  # type: ignore[operator]
