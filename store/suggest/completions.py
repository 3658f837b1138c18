"""What to offer while a reviewer types a record's unit, location or partners, and which of it
matches what is typed: pure functions over an article and the store's records (no store, no UI).

A name typed letter by letter costs 8-15 keys before a plain prefix completion is the wanted
one (``Kodim 0825/Banyuwangi`` needs ``Kodim 0825/B``: the article has two Kodims, the store
more). So the offer is ranked the way the reviewer looks for it: what the article itself names
(units for the unit, bodies for partners, places for the location), nearest the record's
sentence first, then what this store's records used before, most used first; and a match is
found from a few letters of any of its words: ``bany``, ``kd ban`` (word starts, letters in
order) or ``pbw`` (initials) all find ``Kodim 0825/Banyuwangi`` or ``Polresta Banyuwangi``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from store.model import Article
from store.text.dates import find_dates

FIELDS = ("location", "partners", "unit")
LABELS: dict[str, tuple[str, ...]] = {
    "unit": ("POLICE_UNIT",),
    "location": ("LOC",),
    "partners": ("POLICE_UNIT", "MILITARY_UNIT", "ELECTION_BODY", "GOV_ORG"),
}
_WORD = re.compile(r"[^\W_]+")
_BEHIND = 300  # a date before the record's sentence ranks as if this many characters further


def from_article(article: Article, field: str, near: int | None = None) -> list[str]:
    """The article's entities of the field's labels (noise lines left out), each once: nearest
    ``near`` (a character offset, the record's sentence) first, else in text order."""
    labels = LABELS[field]
    noise = [(n.start, n.end) for n in article.noise]
    distance: dict[str, tuple[int, int]] = {}
    for e in article.entities:
        text = e.text.strip()
        if e.label not in labels or not text or any(s <= e.start and e.end <= t for s, t in noise):
            continue
        far = 0 if near is None or e.start <= near < e.end else min(abs(e.start - near), abs(e.end - near))
        here = (far, e.start)
        if text not in distance or here < distance[text]:
            distance[text] = here
    return sorted(distance, key=lambda t: distance[t])


def from_records(records: Iterable[Mapping[str, Any]], field: str) -> list[str]:
    """What the store's records (as stored: dicts) hold in ``field``, most used first."""
    used: dict[str, int] = {}
    for r in records:
        values = r.get(field) if field == "partners" else [r.get(field)]
        for v in values if isinstance(values, list) else []:
            if isinstance(v, str) and v.strip():
                used[v.strip()] = used.get(v.strip(), 0) + 1
    return sorted(used, key=lambda v: (-used[v], v.casefold()))


def ranked(article: Article, records: Iterable[Mapping[str, Any]], field: str,
           near: int | None = None) -> list[str]:
    """The field's completions: the article's (``from_article``) then the records' (``from_records``),
    each once (the first spelling met wins over one that differs only in case)."""
    out: dict[str, str] = {}
    for value in [*from_article(article, field, near), *from_records(records, field)]:
        out.setdefault(value.casefold(), value)
    return list(out.values())


def _abbreviates(token: str, word: str) -> bool:
    """``token`` starts ``word`` and its other letters come in order in it (``kd`` for ``kodim``)."""
    if not word.startswith(token[0]):
        return False
    at = 1
    for ch in token[1:]:
        at = word.find(ch, at) + 1
        if not at:
            return False
    return True


def _in_order(tokens: list[str], words: list[str], fits: Any) -> bool:
    """Each token fits a later word than the one before it."""
    at = 0
    for token in tokens:
        while at < len(words) and not fits(token, words[at]):
            at += 1
        if at == len(words):
            return False
        at += 1
    return True


def _initials(token: str, words: list[str]) -> bool:
    """``token`` is the initials of words in order (``pb`` for ``Polresta Banyuwangi``)."""
    return len(token) > 1 and _in_order(list(token), words, lambda ch, w: w.startswith(ch))


def how_well(typed: str, candidate: str) -> int | None:
    """How ``candidate`` matches ``typed``, 0 best: 0 it starts with it, 1 each typed word starts
    one of its words in order, 2 the typed word is initials of its words in order, 3 each typed
    word abbreviates one of its words in order (``kd`` ``kodim``), 4 it contains it; None when
    it does not match."""
    folded, text = typed.casefold().strip(), candidate.casefold()
    if not folded:
        return None
    if text.startswith(folded):
        return 0
    tokens, words = _WORD.findall(folded), _WORD.findall(text)
    if not tokens:
        return 4 if folded in text else None
    if _in_order(tokens, words, lambda t, w: w.startswith(t)):
        return 1
    if len(tokens) == 1 and _initials(tokens[0], words):
        return 2
    if _in_order(tokens, words, _abbreviates):
        return 3
    return 4 if folded in text else None


def matching(typed: str, candidates: Iterable[str]) -> list[str]:
    """The candidates that match ``typed`` (``how_well``), best match first and, within one kind
    of match, in the order given (the ranking). When what is typed is itself one of the
    candidates, nothing is offered: Enter takes the offer, so a whole name typed must stay that
    name (``Polres Garut`` typed is never turned into ``Polres Garut Kota``)."""
    scored, whole = [], typed.casefold().strip()
    for order, candidate in enumerate(candidates):
        if candidate.casefold() == whole:
            return []
        score = how_well(typed, candidate)
        if score is not None:
            scored.append((score, order, candidate))
    return [c for _, _, c in sorted(scored)]


def near_first(names: list[str], text: str, at: int | None) -> list[str]:
    """``names`` reordered for a record whose sentence starts at ``at``: the ones ``text``
    contains, nearest it first (a mention holding ``at`` is nearest), then the others as given.
    For a caller that holds the names and the text but not the entities (the workbench's form)."""
    if at is None:
        return list(names)
    found: dict[str, tuple[int, int]] = {}
    for order, name in enumerate(names):
        best, start = None, text.find(name) if name else -1
        while start >= 0:
            end = start + len(name)
            far = 0 if start <= at < end else min(abs(start - at), abs(end - at))
            best = far if best is None else min(best, far)
            start = text.find(name, start + 1)
        if best is not None:
            found[name] = (best, order)
    return sorted(found, key=lambda n: found[n]) + [n for n in names if n not in found]


def dates_near(text: str, at: int | None, published: str | None = None) -> list[str]:
    """The dates the article writes (``Minggu (24/11/2024)``, ``Jumat, 18 Oktober 2024``) as
    it writes them, one per day, nearest ``at`` (the record's sentence) first: the record's date
    is most often the one its own sentence gives, two keys (down, Enter) instead of six."""
    best: dict[str, tuple[int, int, str]] = {}
    for start, end, iso in find_dates(text, published):
        if not iso:
            continue
        # the sentence's own dates come after its start; one before it is behind them
        far = 0 if at is None else start - at if start >= at else _BEHIND + at - end
        here = (far, start, " ".join(text[start:end].split()))
        if iso not in best or here < best[iso]:
            best[iso] = here
    return [shown for _, _, shown in sorted(best.values())]
