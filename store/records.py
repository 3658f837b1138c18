"""Activity records: what makes one valid, and a new one's slots guessed from its evidence.

``validate`` checks a record's fields against its article and the store's taxonomy (a type a
store's ``taxonomy.toml`` adds is as valid as a built-in one) and reports every problem at once.
``prefill`` drafts a record: the reviewer confirms or edits every slot; the guesses only save
keystrokes: unit, date, location, partners and personnel come from the entities inside the
sentence (falling back to the article's publication date and dateline, and to the unit of the
article's last record), the type from the taxonomy's trigger words, the phase from the date and
the election calendar.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from store.errors import InvalidRecord
from store.model import (
    PHASES,
    RECORD_FIELDS,
    ActivityRecord,
    Article,
    Span,
    parse_personnel,
    record_field_problems,
)
from store.taxonomy import Taxonomy
from store.text.dates import parse_date
from store.text.phases import phase_for

PARTNER_LABELS = ("MILITARY_UNIT", "ELECTION_BODY", "GOV_ORG")


_ROLE_UNIT = {"kapolres": "Polres", "kapolresta": "Polresta", "kapolrestabes": "Polrestabes",
              "kapolsek": "Polsek", "kapolda": "Polda", "wakapolres": "Polres", "wakapolda": "Polda",
              "wakapolsek": "Polsek", "kabag ops": "Polres"}


def _unit(article: Article, inside: Sequence[Any], start: int) -> str:
    """The acting unit: a specific unit in the sentence, else one implied by a role and place
    ("Kapolres Lombok Timur" → Polres Lombok Timur), else the article's first specific unit."""
    specific = [e for e in inside if e.label == "POLICE_UNIT" and e.text not in ("Polri", "Mabes Polri")]
    if specific:
        return str(specific[0].text)
    for i, e in enumerate(inside):
        head = _ROLE_UNIT.get(e.text.lower()) if e.label == "ROLE" else None
        nxt = inside[i + 1] if i + 1 < len(inside) else None
        if head and nxt is not None and nxt.label == "LOC" and nxt.start - e.end <= 2:
            return f"{head} {nxt.text}"
    for e in article.entities:
        if e.label == "POLICE_UNIT" and e.text not in ("Polri", "Mabes Polri"):
            return e.text
    return next((e.text for e in inside if e.label == "POLICE_UNIT"), "")


def prefill(article: Article, start: int, end: int, taxonomy: Taxonomy,
            earlier: Sequence[ActivityRecord] = ()) -> dict[str, Any]:
    """Record fields for the evidence span ``start:end`` of ``article``."""
    inside = [e for e in article.entities if start <= e.start and e.end <= end]
    sentence = article.text[start:end]

    def first(label: str) -> Any:
        return next((e for e in inside if e.label == label), None)

    unit_text = _unit(article, inside, start) or (earlier[-1].unit if earlier else "")
    date = first("DATE")
    if date is not None and date.value:
        date_iso = date.value
    elif article.published:
        date_iso = article.published[:10]
    else:  # no publication date: the article's first dated event is the best guess
        dated = next((e for e in article.entities if e.label == "DATE" and e.value), None)
        date_iso = dated.value if dated else None
    loc = first("LOC")
    partners: list[str] = []
    for e in inside:
        if e.label in PARTNER_LABELS and e.text not in partners and e.text != unit_text:
            partners.append(e.text)
    personnel = first("PERSONNEL")
    return {
        "type": taxonomy.guess_type(sentence) or "",
        "unit": unit_text,
        "date": date_iso,
        "date_text": date.text if date is not None else None,
        "location": loc.text if loc is not None else (article.dateline or None),
        "partners": partners,
        "personnel": personnel.value if personnel is not None else None,
        "phase": phase_for(date_iso),
        "evidence": [{"start": start, "end": end}],
        "notes": "",
    }


def validate(article: Article, fields: dict[str, Any], taxonomy: Taxonomy) -> dict[str, Any]:
    """The record's fields cleaned (spans carry their text, dates are ISO, phase derived), or
    InvalidRecord naming every problem; a value of the wrong type is reported, never used."""
    wrong_type = record_field_problems(fields)
    fields = {k: v for k, v in fields.items() if k not in wrong_type}
    problems: dict[str, str] = {}
    unknown = set(fields) - RECORD_FIELDS
    if unknown:
        problems["fields"] = f"unknown field(s): {', '.join(sorted(unknown))}"
    out = dict(fields)
    rtype = (out.get("type") or "").strip()
    if not rtype:
        problems["type"] = "an activity type is required"
    elif rtype not in taxonomy.activities:
        problems["type"] = f"{rtype!r} is not an activity type ({', '.join(taxonomy.activities)})"
    out["type"] = rtype
    unit = (out.get("unit") or "").strip()
    if not unit:
        problems["unit"] = "the acting unit is required"
    out["unit"] = unit
    spans: list[Span] = []
    for raw in out.get("evidence") or []:
        span = raw if isinstance(raw, Span) else Span.from_dict(raw) if isinstance(raw, dict) else None
        if span is None or not (0 <= span.start < span.end <= len(article.text)):
            problems["evidence"] = "an evidence span lies outside the article's text"
            continue
        spans.append(Span(span.start, span.end, article.text[span.start : span.end]))
    if not spans and "evidence" not in problems:
        problems["evidence"] = "at least one evidence sentence is required"
    out["evidence"] = spans
    raw_date = out.get("date")
    if raw_date:
        iso = parse_date(str(raw_date), article.published)
        if iso is None:
            problems["date"] = f"{raw_date!r} is not a date (try 2024-11-27 or 27/11/2024)"
        else:
            out["date"] = iso
    else:
        out["date"] = None
    out["personnel"] = parse_personnel(out.get("personnel"))  # checked above: 2.5 is not 25
    phase = out.get("phase")
    if not phase:
        out["phase"] = phase_for(out.get("date"))
    elif phase not in PHASES:
        problems["phase"] = f"{phase!r} is not a phase ({', '.join(PHASES)})"
    partners = out.get("partners") or []
    if isinstance(partners, str):
        partners = [p.strip() for p in partners.split(",")]
    out["partners"] = [str(p).strip() for p in partners if str(p).strip()]
    out["location"] = (out.get("location") or "").strip() or None
    out["date_text"] = (out.get("date_text") or "").strip() or None
    out["notes"] = out.get("notes") or ""
    problems.update(wrong_type)
    if problems:
        raise InvalidRecord(problems)
    return out
