"""Rows of JSONL, JSON and CSV exports to raw documents, one per row: field names in English or
Indonesian (``ALIASES``); one bad row is a ``Skipped`` naming its line, never the end of the file."""

from __future__ import annotations

import csv
import io
import re
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson

from store.sources.raw import ALIASES, META_KEYS, TEXT_NAMES, RawDoc, Skipped


def _clean(value: str) -> str:
    return unicodedata.normalize("NFC", value.replace("\r\n", "\n").replace("\r", "\n"))


def _pick(row: dict[str, Any], key: str) -> str | None:
    """The first non-empty field among the aliases of ``key`` (``row`` keys already lower-case)."""
    for alias in ALIASES[key]:
        value = row.get(alias)
        if isinstance(value, bool) or value is None:
            continue
        if isinstance(value, int | float) and key != "text":
            value = str(value)  # a year or a numeric id in a metadata field; never as article text
        if isinstance(value, str) and value.strip():
            return _clean(value)
    return None


def _same_start(body: str, title: str) -> bool:
    """Whether the body already opens with the title (ignoring case, spacing and markup)."""

    def squash(s: str) -> str:
        return " ".join(re.sub(r"[#*_\s]+", " ", s).split()).casefold()

    return squash(body[: len(title) + 40]).startswith(squash(title))


def _row_doc(source: str, where: str, row: dict[str, Any]) -> RawDoc | Skipped:
    row = {str(k).strip().lower(): v for k, v in reversed(list(row.items())) if k is not None}
    body = _pick(row, "text")
    if body is None:
        present = [a for a in ALIASES["text"] if a in row]
        if present:
            return Skipped(source, f"{where}: the {present[0]} field is empty or not text")
        return Skipped(source, f"{where}: no text field (expected {TEXT_NAMES} …)")
    meta: dict[str, str | None] = {}
    for key in META_KEYS:
        value = _pick(row, key)
        if value is not None:
            meta[key] = " ".join(value.split())
    title = meta.get("title")
    text = body if not title or _same_start(body, title) else f"{title}\n\n{body}"
    return RawDoc(source, text, meta)


def read_jsonl(path: Path, text: str) -> Iterator[RawDoc | Skipped]:
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
        yield _row_doc(source, f"line {lineno}", row)


def read_json(path: Path, text: str) -> Iterator[RawDoc | Skipped]:
    """A JSON file: one article object, or an array of them (as many exporters write)."""
    try:
        data = orjson.loads(text)
    except orjson.JSONDecodeError as exc:
        yield Skipped(str(path), f"invalid JSON ({str(exc).split(':')[0]})")
        return
    if isinstance(data, dict):
        yield _row_doc(str(path), "object", data)
        return
    if not isinstance(data, list):
        yield Skipped(str(path), "JSON is neither an article object nor a list of them")
        return
    for n, item in enumerate(data, 1):
        source = f"{path}#item{n}"
        if isinstance(item, dict):
            yield _row_doc(source, f"item {n}", item)
        else:
            yield Skipped(source, f"item {n}: not a JSON object")


def _delimiter(text: str) -> str:
    """The separator of the header line: Excel in an Indonesian locale writes ';', some tools tabs."""
    header = text.split("\n", 1)[0]
    header = re.sub(r'"[^"]*"', "", header)
    counts = {d: header.count(d) for d in (",", ";", "\t", "|")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_csv(path: Path, text: str, max_bytes: int) -> Iterator[RawDoc | Skipped]:
    # A whole article is one field; the default limit (128 KiB) is smaller than a long one.
    csv.field_size_limit(min(max(max_bytes, csv.field_size_limit()), sys.maxsize // 2, 2**31 - 1))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=True)
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as exc:
        yield Skipped(str(path), f"not a readable CSV file ({exc or 'no header'})")
        return
    names = [h.strip().lstrip("\ufeff").lower() for h in header]
    if not any(n in ALIASES["text"] for n in names):
        cols = ", ".join(n for n in names if n)[:200] or "none"
        yield Skipped(str(path), f"CSV has no text column (expected {TEXT_NAMES} …; columns: {cols})")
        return
    text_cols = {i for i, n in enumerate(names) if n in ALIASES["text"]}
    row_no = 1  # the header is row 1, as a spreadsheet numbers it
    while True:
        row_no += 1
        source = f"{path}#row{row_no}"
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            if "end of data" in str(exc).lower() or "eof" in str(exc).lower():
                yield Skipped(source, f"row {row_no}: unclosed quote runs to the end of the file ({exc})")
                return
            # The reader drops the rest of the bad line and resumes with the next one.
            yield Skipped(source, f"row {row_no} (line {reader.line_num}): bad CSV quoting ({exc})")
            continue
        if not any(c.strip() for c in cells):
            continue
        if len(cells) > len(names):
            yield Skipped(source, f"row {row_no}: {len(cells)} cells but the header has {len(names)}")
            continue
        if not any(i < len(cells) and cells[i].strip() for i in text_cols):
            if len(cells) < len(names):
                why = f"only {len(cells)} cells of {len(names)}, the text column is missing"
            else:
                why = "the text column is empty"
            yield Skipped(source, f"row {row_no}: {why}")
            continue
        row: dict[str, Any] = {}
        for name, cell in zip(names, cells, strict=False):
            if name and (name not in row or not str(row[name]).strip()):
                row[name] = cell  # a repeated column name: the first non-empty one counts
        yield _row_doc(source, f"row {row_no}", row)


# -- HTML ---------------------------------------------------------------------------------------

# Page furniture, not article text; skipped while walking (not decomposed: no tree mutation).
