"""Exports for analysis: JSONL (one line per article with its status and records) and CSV.

``status`` is the exporting reviewer's status, else the latest any reviewer set; ``statuses``
holds every reviewer's.

Exported text comes from the web, so it is treated as hostile. JSONL escapes every control,
C1, bidi and zero-width character as ``\\uXXXX`` (lossless: a JSON reader gets the same text
back, a terminal gets no escape sequence). CSV cells that a spreadsheet would run as a formula
(starting, after any leading whitespace, with ``=``, ``+``, ``-``, ``@``) are prefixed with a
quote; the caller may pass ``cell`` to make them terminal-safe too (the CLI does).

An export to a file is written to a temp file beside it, fsync'd and renamed: a failure or an
interruption leaves the old file (or none) and no temp file.
"""

from __future__ import annotations

import csv
import io
import os
import re
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import orjson

from store.disk.atomic import replacing
from store.errors import StoreError

if TYPE_CHECKING:
    from store.store import Store

CSV_COLUMNS = (
    "article_id", "title", "outlet", "published", "dateline", "duplicate_of", "status",
    "record_id", "reviewer", "type", "unit", "date", "date_text", "location", "partners",
    "personnel", "phase", "evidence", "notes", "created", "updated",
)
_FORMULA = ("=", "+", "-", "@", "\t", "\r", "\n")
# orjson escapes C0 itself; these it writes raw (DEL, C1, bidi controls, zero-width, BOM)
_JSON_RAW = re.compile("[\u007f-\u009f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u206f\ufeff]")


def neutralise(value: Any) -> str:
    """A CSV cell that no spreadsheet will evaluate (spreadsheets skip leading spaces too)."""
    text = "" if value is None else str(value)
    return "'" + text if text.lstrip(" \u00a0\u3000").startswith(_FORMULA) else text


def json_line(row: Any) -> bytes:
    """One JSON line with every character a terminal could act on escaped as ``\\uXXXX``."""
    data = orjson.dumps(row)
    if data.isascii():
        return data + b"\n"
    text = _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", data.decode("utf-8"))
    return text.encode("utf-8") + b"\n"


def article_rows(st: Store, damaged: list[str] | None = None) -> Iterator[dict[str, Any]]:
    """Every article with its entities (corrections applied), status and records.

    Articles whose stored entities or spans are damaged are exported without the damaged ones;
    their ids are added to ``damaged`` so the caller can say so.
    """
    by_article: dict[str, list[dict[str, Any]]] = {}
    for rec in st.records():
        by_article.setdefault(rec.article_id, []).append(rec.to_dict())
    statuses: dict[str, list[dict[str, Any]]] = {}
    for entry in st.annotations.values("status"):
        statuses.setdefault(entry["article_id"], []).append(entry)
    for _, article in st.corpus.iter_articles():
        if article.damaged and damaged is not None:
            damaged.append(article.id)
        article.entities = st.entities(article)
        row = article.to_dict()
        entries = sorted(statuses.get(article.id, []), key=lambda e: e.get("updated", ""))
        by_reviewer = {e["reviewer"]: e["status"] for e in entries}
        # this reviewer's status; else the latest anyone set (an export must not hide others' work)
        row["status"] = by_reviewer.get(st.reviewer) or (entries[-1]["status"] if entries else "todo")
        row["statuses"] = by_reviewer
        row["records"] = by_article.get(article.id, [])
        yield row


def write_jsonl(st: Store, out: IO[bytes], damaged: list[str] | None = None) -> int:
    n = 0
    for row in article_rows(st, damaged):
        out.write(json_line(row))
        n += 1
    return n


def write_csv(st: Store, out: IO[str], cell: Callable[[str], str] | None = None,
              damaged: list[str] | None = None) -> int:
    """One row per record; an article without records still gets a row (its status counts).

    ``cell`` (e.g. the terminal-escaping function) is applied to each cell's text first."""
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    n = 0
    for row in article_rows(st, damaged):
        base = [row["id"], row["title"], row["outlet"], row["published"], row["dateline"],
                row["duplicate_of"], row["status"]]
        records = row["records"] or [None]
        for rec in records:
            if rec is None:
                cells = [*base, *[""] * (len(CSV_COLUMNS) - len(base))]
            else:
                cells = [
                    *base,
                    rec["id"], rec["reviewer"], rec["type"], rec["unit"], rec["date"], rec["date_text"],
                    rec["location"], "; ".join(rec["partners"]), rec["personnel"], rec["phase"],
                    " | ".join(e["text"] for e in rec["evidence"]), rec["notes"], rec["created"],
                    rec["updated"],
                ]
            texts = ["" if c is None else str(c) for c in cells]
            writer.writerow([neutralise(cell(t) if cell else t) for t in texts])
            n += 1
    return n


def _write(st: Store, raw: IO[bytes], fmt: str, cell: Callable[[str], str] | None,
           damaged: list[str] | None) -> int:
    if fmt == "jsonl":
        n = write_jsonl(st, raw, damaged)
    else:
        text = io.TextIOWrapper(raw, encoding="utf-8", newline="")
        n = write_csv(st, text, cell, damaged)
        text.flush()
        text.detach()  # the raw file stays open (for the caller's fsync)
    raw.flush()
    return n


def export_file(st: Store, path: Path, fmt: str, cell: Callable[[str], str] | None = None,
                damaged: list[str] | None = None) -> int:
    """Export to ``path`` atomically and durably; StoreError (and no temp file left) on failure."""
    if fmt not in ("jsonl", "csv"):
        raise StoreError(f"unknown export format {fmt!r} (jsonl or csv)")
    path = Path(path)
    try:
        info: os.stat_result | None = os.stat(path)  # through links: /dev/stdout is one
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise StoreError(f"cannot write {path}: {exc.strerror or exc}") from exc
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise StoreError(f"cannot write {path}: it is a directory")
    if info is not None and not stat.S_ISREG(info.st_mode):
        # a pipe, terminal or device (`--out /dev/stdout`): written into, never replaced by a file
        try:
            with open(path, "wb") as raw:
                return _write(st, raw, fmt, cell, damaged)
        except OSError as exc:
            raise StoreError(f"cannot write {path}: {exc.strerror or exc}") from exc
    path = Path(os.path.realpath(path))  # a link to a file: replace the file, keep the link
    with replacing(path) as raw:
        return _write(st, raw, fmt, cell, damaged)
