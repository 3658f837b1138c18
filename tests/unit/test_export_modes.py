"""An export is a file (or folder) made for people and other tools: it gets the permissions any
new file of theirs gets (0666 / 0777 less the umask), or keeps those of the file it replaces, not
the 0600 / 0700 of the temp file it was written as (a colleague or a web server reading an
export folder must not be locked out). The store's own files are not concerned."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

import store
from store.export import Options, export_file


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def export(src: Path, out: Path | str, fmt: str) -> None:
    with store.open(src, reviewer="r", read_only=True) as st:
        export_file(st, out, fmt, options=Options(workers=1))  # type: ignore[arg-type]


@pytest.mark.parametrize(("fmt", "name"), [("jsonl", "a.jsonl"), ("csv", "a.csv"), ("prodigy", "p.jsonl"),
                                           ("conll", "c.conll"), ("labelstudio", "ls.json")])
def test_a_new_export_file_gets_the_umask_mode(sample_store_path: Path, tmp_path: Path, umask_022: None,
                                               fmt: str, name: str) -> None:
    out = tmp_path / name
    export(sample_store_path, out, fmt)
    assert mode(out) == 0o644
    if fmt == "labelstudio":
        assert mode(tmp_path / "ls.config.xml") == 0o644


def test_an_export_over_a_file_keeps_its_mode(sample_store_path: Path, tmp_path: Path, umask_022: None) -> None:
    out = tmp_path / "a.jsonl"
    out.write_bytes(b"old\n")
    out.chmod(0o640)
    export(sample_store_path, out, "jsonl")
    assert mode(out) == 0o640 and out.read_bytes() != b"old\n"


def test_an_export_under_another_umask_follows_it(sample_store_path: Path, tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        export(sample_store_path, tmp_path / "a.csv", "csv")
        export(sample_store_path, tmp_path / "brat", "brat")
    finally:
        os.umask(old)
    assert mode(tmp_path / "a.csv") == 0o640
    assert mode(tmp_path / "brat") == 0o750


@pytest.mark.parametrize(("fmt", "name"), [("brat", "brat"), ("spacy", "parts/")])
def test_a_new_export_folder_gets_the_umask_mode(sample_store_path: Path, tmp_path: Path, umask_022: None,
                                                 fmt: str, name: str) -> None:
    if fmt == "spacy":
        pytest.importorskip("spacy")
    export(sample_store_path, f"{tmp_path}/{name}", fmt)  # "DIR/": a folder of spaCy parts
    folder = tmp_path / name.rstrip("/")
    assert folder.is_dir()
    assert mode(folder) == 0o755
    assert {mode(p) for p in folder.iterdir()} == {0o644}
