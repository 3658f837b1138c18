"""Activity records as an event table, in the columns event datasets use (ACLED's names where
one fits): one row per record. CSV (formula cells neutralised, as in every tandai CSV), or a
JSON list of objects.

``event_date`` is the record's date with ``time_precision`` 1 (the day); a record without a
date takes the article's publication date with precision 3 (the month: the event happened
around then). ``notes`` is the evidence sentence; the record's own notes are ``record_notes``.
``admin1``/``admin2`` are the province and regency of the record's location (else of its unit:
"Polres Kutim" is in Kutai Timur, Kalimantan Timur), from tandai's gazetteer of regions.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any

from store.export import json_line, neutralise
from store.interchange.common import Item
from store.text.regions import place_of

COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "election_phase",
    "actor1", "assoc_actor_1", "country", "admin1", "admin2", "location", "personnel",
    "source", "source_url", "notes", "record_notes", "article_id", "article_title",
    "published", "reviewer", "status",
)
Places = Callable[[str], tuple[str | None, str | None]]  # text -> (regency, province)


def rows(items: Iterable[Item], places: Places | None = None) -> Iterator[dict[str, Any]]:
    for item in items:
        a = item.article
        for rec in item.records:
            date: str | None
            if rec.date:
                date, precision = rec.date, 1
            else:
                date, precision = (a.published or "")[:10] or None, 3
            admin2, admin1 = None, None
            for where in (rec.location, rec.unit):
                if where and admin1 is None:
                    admin2, admin1 = (places or place_of)(where)
            yield {
                "event_id_cnty": rec.id, "event_date": date, "year": int(date[:4]) if date else None,
                "time_precision": precision if date else None, "event_type": rec.type,
                "election_phase": rec.phase, "actor1": rec.unit, "assoc_actor_1": "; ".join(rec.partners),
                "country": "Indonesia", "admin1": admin1, "admin2": admin2, "location": rec.location,
                "personnel": rec.personnel, "source": a.outlet, "source_url": a.url,
                "notes": " | ".join(a.text[s.start:s.end] for s in rec.evidence),
                "record_notes": rec.notes, "article_id": a.id, "article_title": a.title,
                # the record's reviewer's status, not the exporter's: the same file whoever exports
                "published": a.published, "reviewer": rec.reviewer,
                "status": item.statuses.get(rec.reviewer, "todo"),
            }


def cells(row: dict[str, Any], cell: Callable[[str], str] | None = None) -> list[str]:
    """A row's CSV cells in ``COLUMNS`` order, each through ``cell`` and made formula-safe."""
    texts = ["" if row[c] is None else str(row[c]) for c in COLUMNS]
    return [neutralise(cell(t) if cell else t) for t in texts]


def write_csv(items: Iterable[Item], out: IO[bytes], cell: Callable[[str], str] | None = None,
              places: Places | None = None) -> int:
    text = io.TextIOWrapper(out, encoding="utf-8", newline="")
    writer = csv.writer(text)
    writer.writerow(COLUMNS)
    n = 0
    for row in rows(items, places):
        writer.writerow(cells(row, cell))
        n += 1
    text.flush()
    text.detach()
    return n


def write_json(items: Iterable[Item], out: IO[bytes], places: Places | None = None) -> int:
    n = 0
    out.write(b"[\n")
    for row in rows(items, places):
        if n:
            out.write(b",\n")
        out.write(json_line(row).rstrip(b"\n"))
        n += 1
    out.write(b"\n]\n")
    return n
