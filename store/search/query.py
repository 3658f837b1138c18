"""The search query language, parsed into a plain structure (no search engine here).

``words`` (all must match; the last bare word is a prefix while typing), ``"quoted phrases"``,
and filters ``status:todo type:patrol unit:"Polres Bontang" outlet:antara
label:PERSON=Syarifuddin date:2024-11 date:2024-11-01..2024-11-30 dup:yes status:conflict
agree:no story:ID story:any dup:ID dup:any`` (``story:`` finds rewrites of one source, ``dup:``
copies). A leading ``-`` negates a word, phrase or filter. The parser is lenient with what is
still being typed (an unclosed quote, an empty ``status:``) and strict with what cannot mean
anything (an unknown filter, a bad date): those raise :class:`QueryError` with a message for
the person typing.

The labels and activity types a query may name are the store's taxonomy (its ``taxonomy.toml``
may add some), passed to :func:`parse`; without one, the built-in defaults.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from functools import lru_cache

from store.errors import QueryError
from store.model import STATUSES
from store.taxonomy import Taxonomy, load_taxonomy

FILTERS = ("status", "type", "unit", "outlet", "label", "date", "dup", "story", "agree")
_TOKEN = re.compile(r'(-?)(?:([A-Za-z_]+):)?(?:"([^"]*)("?)|(\S+))?')
_WORD = re.compile(r"[^\W_]+")
_ARTICLE_ID = re.compile(r"[0-9a-f]{16}")  # store.text.normalise.article_id


@dataclass(slots=True)
class Term:
    words: list[str]  # the value split into index tokens (lower-case)
    phrase: bool = False
    negated: bool = False


@dataclass(slots=True)
class Filter:
    field: str
    value: str
    negated: bool = False
    low: int = 0  # for date: yyyymmdd bounds, inclusive
    high: int = 0


@dataclass(slots=True)
class Query:
    terms: list[Term] = field(default_factory=list)
    filters: list[Filter] = field(default_factory=list)
    prefix: bool = False  # the last positive bare word is still being typed

    @property
    def empty(self) -> bool:
        return not self.terms and not self.filters

    def highlight_words(self) -> list[str]:
        """Words a view may mark in titles and text (negated ones excluded)."""
        return [w for t in self.terms if not t.negated for w in t.words]


def tokens(text: str) -> list[str]:
    """Split like the index does: runs of letters and digits, lower-cased."""
    return _WORD.findall(text.lower())


def _date_bound(text: str, end: bool) -> int:
    parts = text.split("-")
    try:
        nums = [int(p) for p in parts]
    except ValueError as exc:
        raise QueryError(f"date: {text!r} is not a date (use 2024, 2024-11 or 2024-11-27)") from exc
    if not 1 <= len(nums) <= 3 or not 1900 <= nums[0] <= 2100:
        raise QueryError(f"date: {text!r} is not a date (use 2024, 2024-11 or 2024-11-27)")
    year = nums[0]
    month = nums[1] if len(nums) > 1 else (12 if end else 1)
    if not 1 <= month <= 12:
        raise QueryError(f"date: month {month} in {text!r} is out of range")
    last = calendar.monthrange(year, month)[1]
    day = nums[2] if len(nums) > 2 else (last if end else 1)
    if not 1 <= day <= last:
        raise QueryError(f"date: day {day} in {text!r} is out of range")
    return year * 10000 + month * 100 + day


def _date_filter(value: str, negated: bool) -> Filter:
    if ".." in value:
        lo_s, hi_s = value.split("..", 1)
        low = _date_bound(lo_s, end=False) if lo_s else 1  # 0 is the index's "date unknown"
        high = _date_bound(hi_s, end=True) if hi_s else 99991231
    else:
        low, high = _date_bound(value, end=False), _date_bound(value, end=True)
    if low > high:
        raise QueryError(f"date: the range {value!r} ends before it starts")
    return Filter("date", value, negated, low, high)


@lru_cache(maxsize=1)
def _default_taxonomy() -> Taxonomy:
    return load_taxonomy()


def _filter(name: str, value: str, negated: bool, taxonomy: Taxonomy) -> Filter | None:
    name = name.lower()
    if name not in FILTERS:
        raise QueryError(f"unknown filter {name}: (filters are {', '.join(f + ':' for f in FILTERS)})")
    value = value.strip()
    if not value:
        return None  # still being typed
    low = value.lower()
    if name == "status":
        if low not in (*STATUSES, "conflict"):  # conflict: reviewers who finished it disagree
            raise QueryError(f"status: {value!r} is not one of {', '.join(STATUSES)}, conflict")
        return Filter(name, low, negated)
    if name == "type":
        types = {t.lower(): t for t in taxonomy.activities}
        if low not in types:
            raise QueryError(f"type: {value!r} is not one of {', '.join(taxonomy.activities)}")
        return Filter(name, types[low], negated)
    if name == "story" or (name == "dup" and low not in ("yes", "no")):
        # story:ID / dup:ID: the rewrites (copies) of one story with that article; :any, all linked
        if low != "any" and not _ARTICLE_ID.fullmatch(low):
            raise QueryError(f"{name}: takes {'yes, no, ' if name == 'dup' else ''}any or an article id")
        return Filter(name, low, negated)
    if name in ("dup", "agree"):  # agree: two or more reviewers finished it and (dis)agree
        if low not in ("yes", "no"):
            raise QueryError(f"{name}: takes yes or no")
        return Filter(name, low, negated)
    if name == "label":
        label, _, text = value.partition("=")
        labels = {n.upper(): n for n in taxonomy.labels}
        if label.upper() not in labels:
            raise QueryError(f"label: {label!r} is not a label ({', '.join(taxonomy.labels)})")
        canon = labels[label.upper()]
        return Filter(name, f"{canon}={text}" if text else canon, negated)
    if name == "date":
        return _date_filter(value, negated)
    return Filter(name, value, negated)  # unit, outlet: free text


def parse(text: str, taxonomy: Taxonomy | None = None) -> Query:
    """Parse a query string; raise QueryError for what cannot mean anything. ``taxonomy`` is
    the store's (the labels and types ``label:`` and ``type:`` accept); None means the defaults."""
    taxonomy = taxonomy if taxonomy is not None else _default_taxonomy()
    query = Query()
    pos = 0
    last_bare: Term | None = None
    while pos < len(text):
        if text[pos].isspace():
            pos += 1
            continue
        m = _TOKEN.match(text, pos)
        if m is None or m.end() == pos:  # pragma: no cover - the pattern always consumes a char
            pos += 1
            continue
        neg, name, quoted, _closed, bare = m.groups()
        pos = m.end()
        negated = neg == "-"
        if name is not None:
            value = quoted if quoted is not None else (bare or "")
            flt = _filter(name, value, negated, taxonomy)
            if flt is not None:
                query.filters.append(flt)
            last_bare = None
            continue
        if quoted is not None:
            words = tokens(quoted)
            if words:
                query.terms.append(Term(words, phrase=True, negated=negated))
            last_bare = None
            continue
        words = tokens(bare or "")
        if not words:
            continue
        term = Term(words, phrase=len(words) > 1, negated=negated)
        query.terms.append(term)
        last_bare = term if not negated else None
    typing_last_word = bool(text) and not text[-1].isspace()
    if last_bare is not None and typing_last_word and query.terms and query.terms[-1] is last_bare:
        query.prefix = True
    return query
