"""What every interchange format shares: the articles to export, tokens, hashes.

``items`` streams the selected articles one at a time (a shard in memory at once, never the
corpus), each with its corrected entities, this reviewer's status, every reviewer's status and
its activity records. Which records travel is a parameter (``records=``, a ``RecordSource``):
all of them by default, one reviewer's with ``reviewer_records(name)``, or any other selection
(an adjudicated set) a caller plugs in.

Noise (boilerplate such as "Baca juga: …") is never exported as an entity, and the entities
the recogniser found on a noise line are left out: noise is not part of the article, so a model
must not learn from it. A span a reviewer labelled there themselves is kept (they chose it).
Offsets are code points (Python string indices) throughout.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from collections.abc import Callable, Container, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from store.errors import QueryError
from store.model import MAX_LIMIT, ActivityRecord, Article, Entity, Span

if TYPE_CHECKING:
    from store.store import Store

#: which records an export carries: a function of the store (all, one reviewer's, adjudicated …)
RecordSource = Callable[["Store"], Iterable[ActivityRecord]]
#: called with (articles done, articles selected)
Progress = Callable[[int, int], None]


def all_records(st: Store) -> Iterable[ActivityRecord]:
    """Every reviewer's records (the default)."""
    return st.records()


def reviewer_records(name: str) -> RecordSource:
    """Only the records ``name`` coded: one reviewer's view, for per-reviewer exports."""

    def source(st: Store) -> Iterable[ActivityRecord]:
        return (r for r in st.records() if r.reviewer == name)

    return source


@dataclass(slots=True)
class Item:
    """One article ready to export: entities corrected and noise-free."""

    article: Article
    status: str
    statuses: dict[str, str]
    records: list[ActivityRecord] = field(default_factory=list)


def overlaps(start: int, end: int, spans: Sequence[Span]) -> bool:
    return any(s.start < end and start < s.end for s in spans)


def clean_entities(article: Article, entities: Iterable[Entity],
                   chosen: Container[tuple[int, int]] = frozenset()) -> list[Entity]:
    """Entities inside the text, non-empty, outside noise lines (unless a reviewer labelled that
    very span: ``chosen``), without overlaps (the first kept), sorted: the shape every
    token-based format (CoNLL, spaCy, Prodigy) needs."""
    out: list[Entity] = []
    last_end = -1
    n = len(article.text)
    for e in sorted(entities, key=lambda e: (e.start, -e.end)):
        if not 0 <= e.start < e.end <= n:
            continue
        if (e.start, e.end) not in chosen and overlaps(e.start, e.end, article.noise):
            continue
        if e.start < last_end:
            continue
        out.append(e)
        last_end = e.end
    return out


def selected_ids(st: Store, query: str | None) -> set[str] | None:
    """The ids a query selects (None: every article); a bad query raises QueryError."""
    if query is None or not query.strip():
        return None
    ids: set[str] = set()
    offset = 0
    while True:
        result = st.search(query, limit=MAX_LIMIT, offset=offset)
        if result.error:
            raise QueryError(result.error)
        ids.update(result.hits)
        offset += len(result.hits)
        if not result.hits or offset >= result.total:
            return ids


def items(st: Store, query: str | None = None, records: RecordSource | None = None,
          progress: Progress | None = None, damaged: list[str] | None = None,
          clean: bool = True) -> Iterator[Item]:
    """The selected articles in ingest order, one at a time (see the module's docstring).
    ``clean=False`` keeps every corrected entity (tandai's own JSONL, which also lists noise)."""
    wanted = selected_ids(st, query)
    total = st.count() if wanted is None else len(wanted)
    by_article: dict[str, list[ActivityRecord]] = {}
    for rec in (records or all_records)(st):
        by_article.setdefault(rec.article_id, []).append(rec)
    statuses: dict[str, list[dict[str, str]]] = {}
    for entry in st.annotations.values("status"):
        statuses.setdefault(entry["article_id"], []).append(entry)
    corrected = {o["article_id"] for o in st.annotations.values("overrides")}
    done = 0
    for _, article in st.corpus.iter_articles():
        if wanted is not None and article.id not in wanted:
            continue
        if article.damaged and damaged is not None:
            damaged.append(article.id)
        chosen: set[tuple[int, int]] = set()
        ents = article.entities
        if article.id in corrected:
            ents = st.entities(article)
            chosen = {(o["start"], o["end"]) for o in st.overrides(article.id) if o["action"] != "remove"}
        article.entities = clean_entities(article, ents, chosen) if clean else ents
        entries = sorted(statuses.get(article.id, []), key=lambda e: e.get("updated", ""))
        by_reviewer = {e["reviewer"]: e["status"] for e in entries}
        status = by_reviewer.get(st.reviewer) or (entries[-1]["status"] if entries else "todo")
        yield Item(article, status, by_reviewer, by_article.get(article.id, []))
        done += 1
        if progress is not None and (done % 200 == 0 or done == total):
            progress(done, total)


# -- tokens -------------------------------------------------------------------------------------

# a word with its combining marks; any other character with the marks, variation selectors, skin
# tones and zero-width-joined characters that belong to it (one emoji stays one token)
_MARKS = "\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u064b-\u065f\u0900-\u0903\u093a-\u094f" \
         "\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_TOKEN = re.compile(
    rf"[\w{_MARKS}]+|[^\w\s](?:[{_MARKS}\ufe0e\ufe0f\u20e3\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f]"
    rf"|\u200d[^\s])*"
)


Token = tuple[int, int]  # (start, end) in code points


def tokenize(text: str, boundaries: Iterable[int] = ()) -> list[Token]:
    """Word and punctuation tokens, split wherever an entity starts or ends inside one, so every
    entity is a whole number of tokens. One regex pass; splits are rare (entities almost always
    start and end on token boundaries), so they are looked up rather than looped over."""
    spans = [m.span() for m in _TOKEN.finditer(text)]
    cuts = sorted(set(boundaries))
    if not cuts or not spans:
        return spans
    starts = [s for s, _ in spans]
    inner: dict[int, list[int]] = {}
    for c in cuts:
        i = bisect_right(starts, c) - 1
        if i >= 0 and spans[i][0] < c < spans[i][1]:
            inner.setdefault(i, []).append(c)
    if not inner:
        return spans
    out: list[Token] = []
    for i, (s, e) in enumerate(spans):
        for c in inner.get(i, ()):
            out.append((s, c))
            s = c
        out.append((s, e))
    return out


def entity_tokens(article: Article) -> list[Token]:
    return tokenize(article.text, (b for e in article.entities for b in (e.start, e.end)))


def token_index(tokens: Sequence[Token], entities: Sequence[Entity]) -> list[tuple[int, int]]:
    """For each entity, (first token, last token) inclusive; (-1, -1) when no token lies inside
    (an entity of whitespace only)."""
    starts = {t[0]: i for i, t in enumerate(tokens)}
    ends = {t[1]: i for i, t in enumerate(tokens)}
    out = []
    for e in entities:
        first = starts.get(e.start)
        last = ends.get(e.end)
        if first is None or last is None:  # an entity starting or ending on whitespace
            inside = [i for i, (s, t) in enumerate(tokens) if e.start <= s and t <= e.end]
            first, last = (inside[0], inside[-1]) if inside else (-1, -1)
        out.append((first, last))
    return out


def hash32(*parts: str) -> int:
    """A stable signed 32-bit id (Prodigy's ``_input_hash``/``_task_hash`` are such ints)."""
    digest = hashlib.blake2b("\x1f".join(parts).encode("utf-8", "surrogatepass"), digest_size=4).digest()
    return int.from_bytes(digest, "big", signed=True)
