"""Input files to raw documents: .txt/.md (one article), .html, .jsonl/.json and .csv (one per row).

Nothing here raises for a bad file: each problem becomes a ``Skipped`` with a reason a person
can act on, and one bad row never stops the rest of its file. The readers live beside this
module: ``walk`` (finding files), ``rows`` (JSONL/JSON/CSV), ``html`` (saved pages); the types
in ``raw``. This module picks the reader for a file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from store.errors import BadInput
from store.sources.decode import MAX_BYTES, decode_bytes, read_limited
from store.sources.html import html_to_doc
from store.sources.raw import ALIASES, META_KEYS, RawDoc, Skipped
from store.sources.rows import read_csv, read_json, read_jsonl
from store.sources.walk import iter_paths

__all__ = ["ALIASES", "META_KEYS", "SUPPORTED", "RawDoc", "Skipped", "html_to_doc", "iter_paths",
           "read_source"]

TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text", ""})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | {".json", ".csv"}


def _suffix(path: Path) -> str:
    """The file type; a "suffix" with spaces or only digits ("berita 27.11.2024") is no type."""
    suffix = path.suffix.lower()
    if suffix and (not re.fullmatch(r"\.[a-z0-9]{1,10}", suffix) or suffix[1:].isdigit()):
        return ""
    return suffix


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "file vanished before it could be read"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    return f"cannot be read: {exc.strerror or exc}"


def read_source(path: Path, max_bytes: int = MAX_BYTES) -> Iterator[RawDoc | Skipped]:
    """Every document in one file, or a Skipped saying why there is none. Never raises."""
    path = path if isinstance(path, Path) else Path(path)  # (a Path again re-parses its parts)
    source = str(path)
    try:
        if path.is_dir():
            yield Skipped(source, "is a directory")
            return
    except (OSError, ValueError) as exc:
        yield Skipped(source, f"cannot be read: {exc}")
        return
    suffix = _suffix(path)
    if suffix not in SUPPORTED:
        yield Skipped(source, f"unsupported file type {suffix}")
        return
    try:
        data = read_limited(path, max_bytes)
        text, _encoding = decode_bytes(data, path.name)
    except BadInput as exc:
        yield Skipped(source, str(exc))
        return
    except OSError as exc:
        yield Skipped(source, _os_reason(exc))
        return
    if suffix in TEXT_SUFFIXES:
        yield RawDoc(source, text, {})
        return
    done = 0
    try:
        if suffix in JSONL_SUFFIXES:
            docs: Iterator[RawDoc | Skipped] = read_jsonl(path, text)
        elif suffix == ".json":
            docs = read_json(path, text)
        elif suffix == ".csv":
            docs = read_csv(path, text, max_bytes)
        else:
            docs = iter([html_to_doc(source, text)])
        for doc in docs:
            done += 1
            yield doc
    except Exception as exc:  # noqa: BLE001 - a parser bug on one file must not stop an ingest
        rest = " (the rest of the file)" if done else ""
        yield Skipped(source, f"could not be read{rest}: {type(exc).__name__}: {exc}")
        return
    if not done:  # a header-only CSV, ``[]``: the file was read and held nothing
        yield Skipped(source, "holds no article (no rows, or only empty ones)")
