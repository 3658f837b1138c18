"""Exports: tandai's JSONL (one line per article with its status and records) and CSV, and the
interchange formats (``store.interchange``: Prodigy, doccano, Label Studio, brat, CoNLL, spaCy,
event tables). Every format streams the selected articles (``Options.query``) one at a time.

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
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import orjson

from store.agreement import same_event_index
from store.disk.atomic import replacing, write_bytes
from store.errors import StoreError
from store.interchange.common import Progress, RecordSource, items

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


def article_rows(st: Store, damaged: list[str] | None = None, query: str | None = None,
                 records: RecordSource | None = None, progress: Progress | None = None,
                 ) -> Iterator[dict[str, Any]]:
    """Every selected article with its entities (corrections applied), status and records.

    Articles whose stored entities or spans are damaged are exported without the damaged ones;
    their ids are added to ``damaged`` so the caller can say so.
    """
    same = same_event_index(st.annotations.values("records"))  # issue 13: one event, two articles
    for item in items(st, query, records, progress, damaged, clean=False):
        row = item.article.to_dict()
        row["status"] = item.status
        row["statuses"] = item.statuses
        row["records"] = [{**r.to_dict(), "same_event_as": same.get(r.id, [])} for r in item.records]
        yield row


def write_jsonl(st: Store, out: IO[bytes], damaged: list[str] | None = None,
                **select: Any) -> int:
    """``select``: ``query``, ``records``, ``progress`` (see ``article_rows``)."""
    n = 0
    for row in article_rows(st, damaged, **select):
        out.write(json_line(row))
        n += 1
    return n


def write_csv(st: Store, out: IO[str], cell: Callable[[str], str] | None = None,
              damaged: list[str] | None = None, **select: Any) -> int:
    """One row per record; an article without records still gets a row (its status counts).

    ``cell`` (e.g. the terminal-escaping function) is applied to each cell's text first."""
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    n = 0
    for row in article_rows(st, damaged, **select):
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


@dataclass(slots=True)
class Options:
    """What to export and how: the article selection (``query``), which records travel
    (``records``: all by default; ``reviewer_records(name)`` or an adjudicated source plug in
    here), ``progress`` (done, total), ``cell`` (CSV cell text filter), ``relations`` (doccano's
    relation shape), ``json`` (events as JSON rather than CSV)."""

    query: str | None = None
    records: RecordSource | None = None
    progress: Progress | None = None
    cell: Callable[[str], str] | None = None
    relations: bool = False
    json: bool = False
    damaged: list[str] = field(default_factory=list)


FORMATS = ("jsonl", "csv", "prodigy", "doccano", "labelstudio", "brat", "conll", "spacy", "events")
FOLDER_FORMATS = ("brat",)  # written as a folder
FILE_ONLY = ("brat", "spacy")  # never to standard output (a folder; binary)


def write_stream(st: Store, raw: IO[bytes], fmt: str, opts: Options) -> int:
    """Export ``fmt`` into a binary stream; returns the number of articles (rows for csv and
    events). brat needs a folder (``export_folder``); spacy is written whole (``export_file``)."""
    select: dict[str, Any] = {"query": opts.query, "records": opts.records, "progress": opts.progress}
    if fmt == "jsonl":
        return write_jsonl(st, raw, opts.damaged, **select)
    if fmt == "csv":
        text = io.TextIOWrapper(raw, encoding="utf-8", newline="")
        n = write_csv(st, text, opts.cell, opts.damaged, **select)
        text.flush()
        text.detach()  # the raw file stays open (for the caller's fsync)
        return n
    chosen = items(st, opts.query, opts.records, opts.progress, opts.damaged)
    if fmt == "prodigy":
        from store.interchange import prodigy
        return prodigy.write(chosen, raw, st.reviewer)
    if fmt == "doccano":
        from store.interchange import doccano
        return doccano.write(chosen, raw, st.reviewer, relations=opts.relations)
    if fmt == "labelstudio":
        from store.interchange import labelstudio
        return labelstudio.write(chosen, raw, st.reviewer)
    if fmt == "conll":
        from store.interchange import conll
        return conll.write(chosen, raw)
    if fmt == "events":
        from store.interchange import events
        if opts.json:
            return events.write_json(chosen, raw)
        return events.write_csv(chosen, raw, opts.cell)
    if fmt == "spacy":
        from store.interchange import spacy_docbin
        data, n = spacy_docbin.docbin_bytes(chosen)
        raw.write(data)
        return n
    raise StoreError(f"unknown export format {fmt!r} ({', '.join(FORMATS)})")


def _stream_to(st: Store, raw: IO[bytes], fmt: str, opts: Options) -> int:
    n = write_stream(st, raw, fmt, opts)
    raw.flush()
    return n


def export_file(st: Store, path: Path, fmt: str, cell: Callable[[str], str] | None = None,
                damaged: list[str] | None = None, options: Options | None = None) -> int:
    """Export to ``path`` atomically and durably; StoreError (and no temp file left) on failure.
    A pipe or device (``/dev/stdout``) is written into; a brat export is a folder."""
    opts = options or Options()
    if cell is not None:
        opts.cell = cell
    if damaged is not None:
        opts.damaged = damaged
    if fmt not in FORMATS:
        raise StoreError(f"unknown export format {fmt!r} ({', '.join(FORMATS)})")
    path = Path(path)
    if fmt == "spacy" and (path.is_dir() or str(path).endswith(os.sep)):  # DocBin parts, bounded memory
        from store.interchange import spacy_docbin
        chosen = items(st, opts.query, opts.records, opts.progress, opts.damaged)
        return spacy_docbin.write_parts(chosen, path)
    if fmt in FOLDER_FORMATS:
        from store.interchange import brat
        chosen = items(st, opts.query, opts.records, opts.progress, opts.damaged)
        return brat.write_folder(chosen, path, st.taxonomy)
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
                return _stream_to(st, raw, fmt, opts)
        except OSError as exc:
            raise StoreError(f"cannot write {path}: {exc.strerror or exc}") from exc
    path = Path(os.path.realpath(path))  # a link to a file: replace the file, keep the link
    with replacing(path) as raw:
        n = _stream_to(st, raw, fmt, opts)
    if fmt == "labelstudio":  # the labeling config that matches, beside the tasks
        from store.interchange.labelstudio import label_config
        write_bytes(config_path(path), label_config(st.taxonomy).encode("utf-8"))
    return n


def config_path(tasks: Path) -> Path:
    """Where a Label Studio export's labeling config goes: ``NAME.config.xml`` beside ``NAME.json``."""
    return tasks.with_name(f"{tasks.stem}.config.xml")
