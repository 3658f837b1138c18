"""CoNLL-2003 style IOB2: one token a line (``token _ _ TAG``: the word, two empty columns where
CoNLL-2003 had part of speech and chunk, the tag last), a blank line between sentences, and
``-DOCSTART- -X- O O`` before each article (the spelling ``spacy convert`` splits documents on).

Sentences come from tandai's own splitter; two are joined where an entity crosses their border,
so no entity is cut. Noise lines are left out (a model must not train on boilerplate). The
format has no room for article ids, statuses or records.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import IO

from store.interchange.common import Item, entity_tokens
from store.model import Article
from store.text.sentences import sentences

DOCSTART = "-DOCSTART- -X- O O"


def _sentences(article: Article) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sentences(article.text, article.noise):
        if merged and any(e.start < merged[-1][1] < e.end for e in article.entities):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return [(s, e) for s, e in merged if not any(n.start <= s and e <= n.end for n in article.noise)]


def lines(article: Article) -> Iterator[str]:
    text = article.text
    tokens = entity_tokens(article)
    tags = ["O"] * len(tokens)
    starts = {t.start: i for i, t in enumerate(tokens)}
    for e in article.entities:
        i = starts.get(e.start)
        if i is None:
            continue
        tags[i] = f"B-{e.label}"
        i += 1
        while i < len(tokens) and tokens[i].end <= e.end:
            tags[i] = f"I-{e.label}"
            i += 1
    yield DOCSTART
    yield ""
    ti = 0
    for start, end in _sentences(article):
        while ti < len(tokens) and tokens[ti].start < start:
            ti += 1
        first = True
        while ti < len(tokens) and tokens[ti].end <= end:
            tag = tags[ti]
            if first and tag.startswith("I-"):
                tag = "B-" + tag[2:]
            yield f"{text[tokens[ti].start:tokens[ti].end]} _ _ {tag}"
            first = False
            ti += 1
        if not first:
            yield ""


def write(items: Iterable[Item], out: IO[bytes]) -> int:
    n = 0
    for item in items:
        out.write("\n".join(lines(item.article)).encode("utf-8", "surrogatepass") + b"\n")
        n += 1
    return n
