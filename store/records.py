"""A new activity record's slots, guessed from the evidence sentence and its article.

The reviewer confirms or edits every slot; the guesses only save keystrokes: unit, date,
location, partners and personnel come from the entities inside the sentence (falling back to
the article's publication date and dateline), the type from the taxonomy's trigger words, the
phase from the date and the election calendar.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from store.model import ActivityRecord, Article
from store.taxonomy import Taxonomy
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
        return specific[0].text
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
