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
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Container, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import accumulate
from typing import TYPE_CHECKING

from store.errors import QueryError
from store.model import MAX_LIMIT, ActivityRecord, Article, Entity, Span
from store.text.dedupe import story_groups

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
    noise = [(s.start, s.end) for s in article.noise]
    for e in sorted(entities, key=_order):
        start, end = e.start, e.end
        if not 0 <= start < end <= n or start < last_end:
            continue
        if noise and (start, end) not in chosen and _on_noise(start, end, noise):
            continue
        out.append(e)
        last_end = end
    return out


def _order(e: Entity) -> tuple[int, int]:
    return e.start, -e.end


def _on_noise(start: int, end: int, noise: list[tuple[int, int]]) -> bool:
    for s, e in noise:  # a few lines at most: a loop is quicker than any() over a generator
        if s < end and start < e:
            return True
    return False


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


@dataclass(slots=True)
class Selection:
    """What ``items`` needs beside the articles themselves, read once: the selected ids (None:
    all), every article's records and statuses, which articles have corrections, and the groups
    of rewrites (``same_story``, only tandai's own JSONL shows them). A worker process forked
    from the exporting one shares it without copying (``store.interchange.parallel``)."""

    wanted: set[str] | None
    total: int
    records: dict[str, list[ActivityRecord]]
    statuses: dict[str, list[dict[str, str]]]
    corrected: set[str]
    everywhere: bool  # store-wide corrections exist: every article's entities need applying
    groups: dict[str, list[str]] | None


def select(st: Store, query: str | None = None, records: RecordSource | None = None,
           groups: bool = True) -> Selection:
    """Read what ``shard_items`` needs; a bad query raises QueryError."""
    wanted = selected_ids(st, query)
    by_article: dict[str, list[ActivityRecord]] = {}
    for rec in (records or all_records)(st):
        by_article.setdefault(rec.article_id, []).append(rec)
    statuses: dict[str, list[dict[str, str]]] = {}
    for entry in st.annotations.values("status"):
        statuses.setdefault(entry["article_id"], []).append(entry)
    corrected = {o["article_id"] for o in st.annotations.values("overrides")}
    return Selection(
        wanted=wanted, total=st.count() if wanted is None else len(wanted), records=by_article,
        statuses=statuses, corrected=corrected, everywhere=bool(st.annotations.tables["entity_rules"]),
        groups=story_groups((s["id"], s.get("same_story") or []) for _, s in st.corpus.iter_summaries())
        if groups else None)


def shard_items(st: Store, sel: Selection, shard: str, damaged: list[str] | None = None,
                clean: bool = True) -> Iterator[Item]:
    """The selected articles of one shard, in order (see ``items``)."""
    reviewer = st.reviewer
    for doc in st.corpus.load_shard(shard).values():
        if sel.wanted is not None and doc["id"] not in sel.wanted:
            continue
        article = Article.from_dict(doc)
        if sel.groups is not None:
            article.same_story = sel.groups.get(article.id, article.same_story)
        if article.damaged and damaged is not None:
            damaged.append(article.id)
        chosen: set[tuple[int, int]] = set()
        ents = article.entities
        if article.id in sel.corrected:
            ents = st.entities(article)
            chosen = {(o["start"], o["end"]) for o in st.overrides(article.id) if o["action"] != "remove"}
        elif sel.everywhere:
            ents = st.entities(article)
        article.entities = clean_entities(article, ents, chosen) if clean else ents
        entries = sel.statuses.get(article.id)
        if entries:
            entries = sorted(entries, key=lambda e: e.get("updated", ""))
            by_reviewer = {e["reviewer"]: e["status"] for e in entries}
            status = by_reviewer.get(reviewer) or entries[-1]["status"]
        else:
            by_reviewer, status = {}, "todo"
        yield Item(article, status, by_reviewer, sel.records.get(article.id, []))


def items(st: Store, query: str | None = None, records: RecordSource | None = None,
          progress: Progress | None = None, damaged: list[str] | None = None,
          clean: bool = True) -> Iterator[Item]:
    """The selected articles in ingest order, one at a time (see the module's docstring).
    ``clean=False`` keeps every corrected entity (tandai's own JSONL, which also lists noise)."""
    sel = select(st, query, records)
    done = 0
    for shard in st.corpus.shards:
        for item in shard_items(st, sel, shard, damaged, clean):
            yield item
            done += 1
            if progress is not None and (done % 200 == 0 or done == sel.total):
                progress(done, sel.total)


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
_SPLIT = re.compile(f"({_TOKEN.pattern})")  # the text as gap, token, gap, …, token, gap
_BIG = 1 << 62


@dataclass(slots=True)
class Tokens:
    """An article's tokens column by column, with the whitespace between them: the writers use
    whole lists, so the work per token stays inside C (``map``, slicing, one ``%`` format per
    article) rather than a Python object per token."""

    starts: list[int]
    ends: list[int]
    texts: list[str]
    gaps: list[str]  # whitespace before the first token, then after each token (len + 1)

    def __len__(self) -> int:
        return len(self.starts)

    def spans(self) -> list[Token]:
        return list(zip(self.starts, self.ends, strict=True))

    def spaced(self) -> list[bool]:
        """Whether whitespace follows each token."""
        return list(map(bool, self.gaps[1:]))


def split_tokens(text: str, boundaries: Iterable[int] = ()) -> Tokens:
    """Word and punctuation tokens, split wherever an entity starts or ends inside one, so every
    entity is a whole number of tokens. One regex split (every character that is not
    whitespace is in a token, so what lies between tokens is whitespace); offsets are the running
    sum of the pieces' lengths. Splits are rare (entities almost always start and end on token
    boundaries), so they are looked up by bisection, not looped over."""
    parts = _SPLIT.split(text)
    acc = list(accumulate(map(len, parts)))
    starts, ends, texts, gaps = acc[0:-1:2], acc[1::2], parts[1::2], parts[0::2]
    inner: dict[int, list[int]] = {}
    if starts:
        # a cut on a token's edge (nearly all) needs nothing: only the others are looked up
        for c in sorted(set(boundaries).difference(acc)):
            i = bisect_right(starts, c) - 1
            if i >= 0 and starts[i] < c < ends[i]:
                inner.setdefault(i, []).append(c)
    if not inner:
        return Tokens(starts, ends, texts, gaps)
    out = Tokens([], [], [], [gaps[0]])
    for i, (s, e) in enumerate(zip(starts, ends, strict=True)):
        for c in inner.get(i, ()):
            out.starts.append(s)
            out.ends.append(c)
            out.gaps.append("")
            s = c
        out.starts.append(s)
        out.ends.append(e)
        out.gaps.append(gaps[i + 1])
    out.texts = list(map(text.__getitem__, map(slice, out.starts, out.ends)))
    return out


def tokenize(text: str, boundaries: Iterable[int] = ()) -> list[Token]:
    """(start, end) of each token (see ``split_tokens``)."""
    return split_tokens(text, boundaries).spans()


def entity_tokens(article: Article) -> Tokens:
    return split_tokens(article.text, (b for e in article.entities for b in (e.start, e.end)))


def token_index(tokens: Tokens, entities: Sequence[Entity]) -> list[tuple[int, int]]:
    """For each entity, (first token, last token) inclusive: the tokens that lie inside it
    (found by bisection); (-1, -1) when none does (an entity of whitespace only)."""
    starts, ends = tokens.starts, tokens.ends
    out = []
    for e in entities:
        first = bisect_left(starts, e.start)
        last = bisect_left(starts, e.end) - 1
        while last >= first and ends[last] > e.end:
            last -= 1
        out.append((first, last) if last >= first else (-1, -1))
    return out


def hash32(*parts: str) -> int:
    """A stable signed 32-bit id (Prodigy's ``_input_hash``/``_task_hash`` are such ints)."""
    digest = hashlib.blake2b("\x1f".join(parts).encode("utf-8", "surrogatepass"), digest_size=4).digest()
    return int.from_bytes(digest, "big", signed=True)
