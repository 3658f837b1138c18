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
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import orjson

from store.agreement import same_event_index
from store.disk.atomic import replacing, write_bytes
from store.errors import StoreError
from store.interchange.common import Item, Progress, RecordSource, items, select
from store.interchange.parallel import Spilled, Work, chunks, write_piece

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


# the same characters as UTF-8 bytes: found without decoding a line that has none (most lines)
_JSON_RAW_UTF8 = re.compile(
    rb"\x7f|\xc2[\x80-\x9f]|\xd8\x9c|\xe2\x80[\x8b-\x8f\xa8-\xae]|\xe2\x81[\xa0-\xaf]|\xef\xbb\xbf")


def needs_escape(data: bytes) -> bool:
    """Whether orjson's output holds a character ``escape_line`` escapes."""
    return not data.isascii() and _JSON_RAW_UTF8.search(data) is not None


def escape_line(data: bytes) -> bytes:
    """orjson's output as one line with every character a terminal could act on escaped."""
    if not needs_escape(data):
        return data + b"\n"
    text = _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", data.decode("utf-8"))
    return text.encode("utf-8") + b"\n"


def json_line(row: Any) -> bytes:
    """One JSON line with every character a terminal could act on escaped as ``\\uXXXX``."""
    return escape_line(orjson.dumps(row))


def _row(item: Item, same: dict[str, list[str]]) -> dict[str, Any]:
    row = item.article.to_dict()
    row["status"] = item.status
    row["statuses"] = item.statuses
    row["records"] = [{**r.to_dict(), "same_event_as": same.get(r.id, [])} for r in item.records]
    return row


def article_rows(st: Store, damaged: list[str] | None = None, query: str | None = None,
                 records: RecordSource | None = None, progress: Progress | None = None,
                 ) -> Iterator[dict[str, Any]]:
    """Every selected article with its entities (corrections applied), status and records.

    Articles whose stored entities or spans are damaged are exported without the damaged ones;
    their ids are added to ``damaged`` so the caller can say so.
    """
    same = same_event_index(st.annotations.values("records"))  # issue 13: one event, two articles
    for item in items(st, query, records, progress, damaged, clean=False):
        yield _row(item, same)


def write_jsonl(st: Store, out: IO[bytes], damaged: list[str] | None = None,
                **select: Any) -> int:
    """``select``: ``query``, ``records``, ``progress`` (see ``article_rows``)."""
    n = 0
    for row in article_rows(st, damaged, **select):
        out.write(json_line(row))
        n += 1
    return n


def _csv_rows(row: dict[str, Any]) -> Iterator[list[str]]:
    """An article's CSV rows, one per record (one without a record when it has none)."""
    base = [row["id"], row["title"], row["outlet"], row["published"], row["dateline"],
            row["duplicate_of"]]
    for rec in row["records"] or [None]:
        if rec is None:
            cells = [*base, row["status"], *[""] * (len(CSV_COLUMNS) - len(base) - 1)]
        else:
            cells = [  # a record's row: its reviewer's status, the same whoever exports
                *base, row["statuses"].get(rec["reviewer"], "todo"),
                rec["id"], rec["reviewer"], rec["type"], rec["unit"], rec["date"], rec["date_text"],
                rec["location"], "; ".join(rec["partners"]), rec["personnel"], rec["phase"],
                " | ".join(e["text"] for e in rec["evidence"]), rec["notes"], rec["created"],
                rec["updated"],
            ]
        yield ["" if c is None else str(c) for c in cells]


def _csv_cells(texts: list[str], cell: Callable[[str], str] | None) -> list[str]:
    return [neutralise(cell(t) if cell else t) for t in texts]


def write_csv(st: Store, out: IO[str], cell: Callable[[str], str] | None = None,
              damaged: list[str] | None = None, **select: Any) -> int:
    """One row per record; an article without records still gets a row (its status counts).

    ``cell`` (e.g. the terminal-escaping function) is applied to each cell's text first."""
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    n = 0
    for row in article_rows(st, damaged, **select):
        for texts in _csv_rows(row):
            writer.writerow(_csv_cells(texts, cell))
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
    workers: int | None = None  # processes (None: two for a large export, else one)
    folder: bool = False  # spaCy: a folder of parts even where PATH does not exist yet


FORMATS = ("jsonl", "csv", "prodigy", "doccano", "labelstudio", "brat", "conll", "spacy", "events")
FOLDER_FORMATS = ("brat",)  # written as a folder
FILE_ONLY = ("brat", "spacy")  # never to standard output (a folder; binary)


@dataclass(slots=True)
class Plan:
    """How a format is written shard by shard (``store.interchange.parallel``): ``work`` turns a
    shard's items into bytes; ``head``, ``tail`` and ``sep`` (between two shards' output, for the
    JSON lists) are written by the exporter. ``rows``: the count is rows, not articles."""

    work: Work
    clean: bool = True
    head: bytes = b""
    sep: bytes = b""
    tail: bytes = b""
    rows: bool = False
    start: Callable[[], None] | None = None


def _lines(fn: Callable[[Item], bytes]) -> Work:
    """One piece per article (written by ``writev`` or joined by the hand-over, never both)."""
    def work(chosen: Iterable[Item]) -> tuple[list[bytes], int]:
        out = [fn(item) for item in chosen]
        return out, len(out)
    return work


def _listed(fn: Callable[[Item], Iterable[bytes]]) -> Work:
    """A JSON list's entries, one a line, separated by commas (the exporter adds the brackets)."""
    def work(chosen: Iterable[Item]) -> tuple[list[bytes], int]:
        out = [line for item in chosen for line in fn(item)]
        return [b",\n".join(out)], len(out)
    return work


def _csv_work(rows: Callable[[Item], Iterable[list[str]]]) -> Work:
    def work(chosen: Iterable[Item]) -> tuple[list[bytes], int]:
        text = io.StringIO(newline="")
        writer = csv.writer(text)
        n = 0
        for item in chosen:
            for cells in rows(item):
                writer.writerow(cells)
                n += 1
        return [text.getvalue().encode("utf-8")], n
    return work


def _csv_head(columns: Iterable[str]) -> bytes:
    text = io.StringIO(newline="")
    csv.writer(text).writerow(columns)
    return text.getvalue().encode("utf-8")


# what a terminal would act on, as UTF-8: C0 controls but tab and line feed, DEL, C1 (ESC and CSI among
# them), and the bidi and zero-width marks ``Options.cell`` (the command's) also shows as stand-ins (not
# the joiners U+200C/U+200D: parts of emoji and words, kept)
_UNSAFE = re.compile(rb"[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\x8b\x8e\x8f\xaa-\xae]|"
                     rb"\xe2\x81[\xa0-\xaf]|\xef\xbb\xbf|\xd8\x9c")


def _visible(doc: bytes, cell: Callable[[str], str]) -> bytes:
    """A CoNLL document's tokens through ``cell`` (a text's control codes as one-for-one stand-ins: the
    tokens are the text's words, printed raw they ring the bell or clear the screen), looked at only when
    the bytes hold such a code."""
    if _UNSAFE.search(doc) is None:
        return doc
    return cell(doc.decode("utf-8", "surrogatepass")).encode("utf-8", "surrogatepass")


def plan(st: Store, fmt: str, opts: Options) -> Plan:
    """The plan for a format written to a stream (every format but brat and spaCy)."""
    reviewer = st.reviewer
    if fmt in ("jsonl", "csv"):
        same = same_event_index(st.annotations.values("records"))  # issue 13: one event, two articles
        if fmt == "jsonl":
            return Plan(_lines(lambda item: json_line(_row(item, same))), clean=False)
        cell = opts.cell
        return Plan(_csv_work(lambda item: (_csv_cells(t, cell) for t in _csv_rows(_row(item, same)))),
                    clean=False, head=_csv_head(CSV_COLUMNS), rows=True)
    if fmt == "prodigy":
        from store.interchange import prodigy
        return Plan(_lines(lambda item: prodigy.task_line(item, reviewer)))
    if fmt == "doccano":
        from store.interchange import doccano
        relations = opts.relations
        return Plan(_lines(lambda item: json_line(doccano.row(item, reviewer, relations))))
    if fmt == "labelstudio":
        from store.interchange import labelstudio
        return Plan(_listed(lambda item: (json_line(labelstudio.task(item, reviewer))[:-1],)),
                    head=b"[\n", sep=b",\n", tail=b"\n]\n")
    if fmt == "conll":
        from store.interchange import conll
        if opts.cell is None:
            return Plan(_lines(conll.document))
        shown: Callable[[str], str] = opts.cell
        return Plan(_lines(lambda item: _visible(conll.document(item), shown)))
    if fmt == "events":
        from store.interchange import events
        if opts.json:
            return Plan(_listed(lambda item: (json_line(r)[:-1] for r in events.rows((item,)))),
                        head=b"[\n", sep=b",\n", tail=b"\n]\n", rows=True)
        cell = opts.cell
        return Plan(_csv_work(lambda item: (events.cells(r, cell) for r in events.rows((item,)))),
                    head=_csv_head(events.COLUMNS), rows=True)
    raise StoreError(f"unknown export format {fmt!r} ({', '.join(FORMATS)})")


def write_stream(st: Store, raw: IO[bytes], fmt: str, opts: Options) -> int:
    """Export ``fmt`` into a binary stream; returns the number of articles (rows for csv and
    events). brat needs a folder (``export_folder``); spacy is written whole (``export_file``)."""
    if fmt == "spacy":
        from store.interchange import spacy_docbin
        data, n = spacy_docbin.docbin_bytes(items(st, opts.query, opts.records, opts.progress, opts.damaged))
        raw.write(data)
        return n
    how = plan(st, fmt, opts)
    sel = select(st, opts.query, opts.records, groups=not how.clean)
    raw.write(how.head)
    n = 0
    wrote = False
    out = _shared_file(raw) if not how.sep else None  # the workers write into it themselves
    with closing(chunks(st, sel, how.work, clean=how.clean, workers=opts.workers, progress=opts.progress,
                        damaged=opts.damaged, start=how.start, spill=True, out=out)) as done:
        for chunk in done:
            for piece in chunk.pieces:
                if not (piece.size if isinstance(piece, Spilled) else piece):
                    continue
                if wrote and how.sep:
                    raw.write(how.sep)
                write_piece(raw, piece)
                wrote = True
            n += chunk.rows if how.rows else chunk.articles
    raw.write(how.tail)
    return n


def _shared_file(raw: IO[bytes]) -> int | None:
    """The descriptor of ``raw`` (flushed) when it is a regular file the export's processes can
    write into in turn (``Turn``); None for anything else (a pipe, a terminal, memory)."""
    try:
        fd = raw.fileno()
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
    except (OSError, ValueError, io.UnsupportedOperation):
        return None
    raw.flush()
    return fd


def _export_folder(st: Store, opts: Options, work: Work, add: Callable[[bytes], None] | None) -> int:
    """A folder export shard by shard: ``work`` writes its files itself (brat) or returns them
    for ``add`` to write in order (spaCy parts)."""
    sel = select(st, opts.query, opts.records, groups=False)
    n = 0
    with closing(chunks(st, sel, work, workers=opts.workers, progress=opts.progress,
                        damaged=opts.damaged)) as done:
        for chunk in done:
            for piece in chunk.pieces:
                if add is not None and isinstance(piece, bytes):
                    add(piece)
            n += chunk.articles
    return n


def _stream_to(st: Store, raw: IO[bytes], fmt: str, opts: Options) -> int:
    n = write_stream(st, raw, fmt, opts)
    raw.flush()
    return n


def _outside_the_store(st: Store, path: Path) -> None:
    """An export never lands inside the store it reads: written over ``tandai.json`` or the journal it
    would break the store, and a writer holding the journal open would go on appending acknowledged
    changes to the file the export replaced (lost). Links are followed, as the write would."""
    home = os.path.realpath(st.path)
    target = os.path.realpath(path)
    if target == home or target.startswith(home.rstrip(os.sep) + os.sep):
        raise StoreError(f"cannot write {path}: it is inside the store {st.path}; export outside it")


def export_file(st: Store, path: Path | str, fmt: str, cell: Callable[[str], str] | None = None,
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
    # "DIR/" asks for a folder of DocBin parts: seen before Path() drops the trailing separator
    as_folder = opts.folder or (isinstance(path, str) and path.endswith(("/", os.sep)))
    path = Path(path)
    _outside_the_store(st, path)
    if fmt == "spacy" and (as_folder or path.is_dir()):  # DocBin parts
        from store.interchange import spacy_docbin
        with spacy_docbin.folder_export(path) as add:
            return _export_folder(st, opts, lambda chosen: spacy_docbin.parts(chosen), add)
    if fmt in FOLDER_FORMATS:
        from store.interchange import brat
        with brat.folder_export(path, st.taxonomy) as tmp:
            return _export_folder(st, opts, lambda chosen: ([], brat.write_files(chosen, tmp)), None)
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
    with replacing(path, shared=True) as raw:
        n = _stream_to(st, raw, fmt, opts)
    if fmt == "labelstudio":  # the labeling config that matches, beside the tasks
        from store.interchange.labelstudio import label_config
        write_bytes(config_path(path), label_config(st.taxonomy).encode("utf-8"), shared=True)
    return n


def config_path(tasks: Path) -> Path:
    """Where a Label Studio export's labeling config goes: ``NAME.config.xml`` beside ``NAME.json``."""
    return tasks.with_name(f"{tasks.stem}.config.xml")
