"""Input files to raw documents: .txt/.md (one article), .html, .jsonl and .csv (one per row).

Nothing here raises for a bad file: each problem becomes a ``Skipped`` with a reason, and one
bad row never stops the rest of its file.
"""

from __future__ import annotations

import csv
import glob
import io
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import orjson

from .decode import MAX_BYTES, decode_bytes, read_limited
from .errors import BadInput

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
META_KEYS = ("title", "outlet", "author", "url", "published")
_ALIASES = {
    "title": ("title", "judul", "headline"),
    "text": ("text", "body", "content", "isi", "article", "artikel"),
    "outlet": ("outlet", "media", "source_name", "site", "publisher"),
    "author": ("author", "penulis", "byline", "reporter"),
    "url": ("url", "link", "tautan"),
    "published": ("published", "date", "tanggal", "published_at", "datetime", "time"),
}


@dataclass(slots=True)
class RawDoc:
    source: str
    text: str
    meta: dict[str, str | None] = field(default_factory=dict)


@dataclass(slots=True)
class Skipped:
    source: str
    reason: str


def iter_paths(args: Sequence[str | os.PathLike[str]]) -> Iterator[Path | Skipped]:
    """Files named, found under directories (recursively, sorted, hidden ones skipped) or by globs."""
    for arg in args:
        text = str(arg)
        path = Path(text).expanduser()
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        yield Path(root) / name
        elif path.exists():
            yield path
        elif any(c in text for c in "*?["):
            matches = sorted(glob.glob(text, recursive=True))
            if not matches:
                yield Skipped(text, "no files match this pattern")
            for m in matches:
                if Path(m).is_file():
                    yield Path(m)
        else:
            yield Skipped(text, "no such file or directory")


def _pick(row: dict[str, object], key: str) -> str | None:
    lowered = {str(k).strip().lower(): v for k, v in row.items() if k is not None}
    for alias in _ALIASES[key]:
        value = lowered.get(alias)
        if value is not None and str(value).strip():
            return str(value) if not isinstance(value, str) else value
    return None


def _row_doc(source: str, row: dict[str, object]) -> RawDoc | Skipped:
    body = _pick(row, "text")
    if body is None:
        return Skipped(source, "no text field (expected text, body or content)")
    meta = {k: _pick(row, k) for k in META_KEYS}
    meta = {k: v.strip() for k, v in meta.items() if v}
    body = body.replace("\r\n", "\n").replace("\r", "\n")
    title = meta.get("title")
    text = body if not title or body.lstrip().startswith(title) else f"{title}\n\n{body}"
    return RawDoc(source, text, meta)


def _read_jsonl(path: Path, text: str) -> Iterator[RawDoc | Skipped]:
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        source = f"{path}#L{lineno}"
        try:
            row = orjson.loads(line)
        except orjson.JSONDecodeError:
            yield Skipped(source, f"line {lineno}: invalid JSON")
            continue
        if not isinstance(row, dict):
            yield Skipped(source, f"line {lineno}: not a JSON object")
            continue
        yield _row_doc(source, row)


def _read_csv(path: Path, text: str) -> Iterator[RawDoc | Skipped]:
    csv.field_size_limit(MAX_BYTES)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as exc:
        yield Skipped(str(path), f"not a readable CSV file ({exc or 'empty'})")
        return
    names = [h.strip().lower() for h in header]
    if not any(n in _ALIASES["text"] for n in names):
        yield Skipped(str(path), f"CSV has no text column (columns: {', '.join(names)[:200]})")
        return
    rownum = 1
    while True:
        rownum += 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            reason = f"row {rownum}: bad CSV ({exc}); the rest of the file is unreadable"
            yield Skipped(f"{path}#row{rownum}", reason)
            return
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(names):
            yield Skipped(f"{path}#row{rownum}", f"row {rownum}: {len(cells)} cells, header has {len(names)}")
            continue
        yield _row_doc(f"{path}#row{rownum}", dict(zip(names, cells, strict=True)))


def _read_html(path: Path, text: str) -> Iterator[RawDoc | Skipped]:
    from .html import extract

    title, body, meta = extract(text)
    if not body.strip():
        yield Skipped(str(path), "HTML page without article text")
        return
    full = f"{title}\n\n{body}" if title and not body.startswith(title) else body
    yield RawDoc(str(path), full, {k: v for k, v in meta.items() if v})


def read_source(path: Path, max_bytes: int = MAX_BYTES) -> Iterator[RawDoc | Skipped]:
    """Every document in one file, or a Skipped saying why there is none."""
    source = str(path)
    suffix = path.suffix.lower()
    if suffix not in TEXT_SUFFIXES | HTML_SUFFIXES | {".jsonl", ".ndjson", ".csv"}:
        yield Skipped(source, f"unsupported file type {suffix}")
        return
    try:
        if path.is_dir():
            yield Skipped(source, "is a directory")
            return
        data = read_limited(path, max_bytes)
        text, _encoding = decode_bytes(data, path.name)
    except BadInput as exc:
        yield Skipped(source, str(exc))
        return
    except FileNotFoundError:
        yield Skipped(source, "file vanished before it could be read")
        return
    except PermissionError:
        yield Skipped(source, "permission denied")
        return
    except OSError as exc:
        yield Skipped(source, f"cannot be read: {exc.strerror or exc}")
        return
    if suffix in (".jsonl", ".ndjson"):
        yield from _read_jsonl(path, text)
    elif suffix == ".csv":
        yield from _read_csv(path, text)
    elif suffix in HTML_SUFFIXES:
        yield from _read_html(path, text)
    else:
        yield RawDoc(source, text, {})
