"""CoNLL-2003 style IOB2: one token a line (``token _ _ TAG``: the word, two empty columns where
CoNLL-2003 had part of speech and chunk, the tag last), a blank line between sentences, and
``-DOCSTART- -X- O O`` before each article (the spelling ``spacy convert`` splits documents on).

Sentences come from tandai's own splitter; two are joined where an entity crosses their border,
so no entity is cut. Noise lines are left out (a model must not train on boilerplate). The
format has no room for article ids, statuses or records.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from operator import add
from typing import IO

from store.interchange.common import Item, entity_tokens
from store.model import Article, Entity
from store.text.sentences import sentences

DOCSTART = "-DOCSTART- -X- O O"
_O = " _ _ O"


def _crosses(entities: Sequence[Entity], ends: Sequence[int], lo: int, hi: int) -> bool:
    """Whether a position in ``lo`` … ``hi - 1`` (at least ``lo``) lies strictly inside an entity
    (entities sorted and apart, ``ends`` their ends)."""
    hi = max(hi, lo + 1)
    k = bisect_right(ends, lo)
    while k < len(entities) and entities[k].start + 1 < hi:
        e = entities[k]
        if max(lo, e.start + 1) <= min(hi - 1, e.end - 1):
            return True
        k += 1
    return False


def _sentences(article: Article) -> list[tuple[int, int]]:
    """Sentences, joined where an entity crosses a border, without the ones on noise lines."""
    ents = article.entities
    ends = [e.end for e in ents]
    merged: list[tuple[int, int]] = []
    for start, end in sentences(article.text, article.noise):
        if merged and _crosses(ents, ends, merged[-1][1], start):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    noise = article.noise
    if not noise:
        return merged
    return [(s, e) for s, e in merged if not any(n.start <= s and e <= n.end for n in noise)]


def lines(article: Article) -> Iterator[str]:
    """The article's lines: the document start, then each sentence's tokens and a blank line
    (a sentence's lines come as one string)."""
    tokens = entity_tokens(article)
    starts, ends = tokens.starts, tokens.ends
    n = len(tokens)
    tags = [_O] * n
    for ent in article.entities:
        i = bisect_left(starts, ent.start)
        if i >= n or starts[i] != ent.start:
            continue
        tags[i] = f" _ _ B-{ent.label}"
        i += 1
        inside = f" _ _ I-{ent.label}"
        while i < n and ends[i] <= ent.end:
            tags[i] = inside
            i += 1
    yield DOCSTART
    yield ""
    ti = 0
    for start, end in _sentences(article):
        first = max(ti, bisect_left(starts, start))
        ti = bisect_right(ends, end, first)
        if ti == first:
            continue
        if tags[first].startswith(" _ _ I-"):  # a sentence never opens inside an entity (IOB2)
            tags[first] = " _ _ B-" + tags[first][7:]
        yield "\n".join(map(add, tokens.texts[first:ti], tags[first:ti]))
        yield ""


def document(item: Item) -> bytes:
    """An article's lines as bytes, each ended by a line break."""
    return ("\n".join(lines(item.article)) + "\n").encode("utf-8", "surrogatepass")


def write(items: Iterable[Item], out: IO[bytes]) -> int:
    n = 0
    for item in items:
        out.write(document(item))
        n += 1
    return n
