"""Exports for analysis: JSONL (one line per article with its status and records) and CSV.

``status`` is the exporting reviewer's status, else the latest any reviewer set; ``statuses``
holds every reviewer's.

CSV cells that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``,
tab or carriage return) are prefixed with a quote, because exported text comes from the web.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from typing import IO, TYPE_CHECKING, Any

import orjson

if TYPE_CHECKING:
    from .store import Store

CSV_COLUMNS = (
    "article_id", "title", "outlet", "published", "dateline", "duplicate_of", "status",
    "record_id", "reviewer", "type", "unit", "date", "date_text", "location", "partners",
    "personnel", "phase", "evidence", "notes", "created", "updated",
)
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> str:
    """A CSV cell that no spreadsheet will evaluate."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA) else text


def article_rows(st: Store) -> Iterator[dict[str, Any]]:
    """Every article with its entities (corrections applied), status and records."""
    by_article: dict[str, list[dict[str, Any]]] = {}
    for rec in st.records():
        by_article.setdefault(rec.article_id, []).append(rec.to_dict())
    statuses: dict[str, list[dict[str, Any]]] = {}
    for entry in st.annotations.values("status"):
        statuses.setdefault(entry["article_id"], []).append(entry)
    for _, article in st.corpus.iter_articles():
        article.entities = st.entities(article)
        row = article.to_dict()
        entries = sorted(statuses.get(article.id, []), key=lambda e: e.get("updated", ""))
        by_reviewer = {e["reviewer"]: e["status"] for e in entries}
        # this reviewer's status; else the latest anyone set (an export must not hide others' work)
        row["status"] = by_reviewer.get(st.reviewer) or (entries[-1]["status"] if entries else "todo")
        row["statuses"] = by_reviewer
        row["records"] = by_article.get(article.id, [])
        yield row


def write_jsonl(st: Store, out: IO[bytes]) -> int:
    n = 0
    for row in article_rows(st):
        out.write(orjson.dumps(row) + b"\n")
        n += 1
    return n


def write_csv(st: Store, out: IO[str]) -> int:
    """One row per record; an article without records still gets a row (its status counts)."""
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    n = 0
    for row in article_rows(st):
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
            writer.writerow([neutralise(c) for c in cells])
            n += 1
    return n
