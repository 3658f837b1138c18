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
    """Sentences, joined where an entity crosses a border, without the ones on noise lines."""
    inside = {i for e in article.entities for i in range(e.start + 1, e.end)}  # borders inside entities
    merged: list[tuple[int, int]] = []
    for start, end in sentences(article.text, article.noise):
        if merged and (merged[-1][1] in inside or any(i in inside for i in range(merged[-1][1], start))):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return [(s, e) for s, e in merged if not any(n.start <= s and e <= n.end for n in article.noise)]


def lines(article: Article) -> Iterator[str]:
    """The article's lines: the document start, then each sentence's tokens and a blank line."""
    text = article.text
    tokens = entity_tokens(article)
    tags = ["O"] * len(tokens)
    starts = {t[0]: i for i, t in enumerate(tokens)}
    for ent in article.entities:
        i = starts.get(ent.start)
        if i is None:
            continue
        tags[i] = f"B-{ent.label}"
        i += 1
        while i < len(tokens) and tokens[i][1] <= ent.end:
            tags[i] = f"I-{ent.label}"
            i += 1
    yield DOCSTART
    yield ""
    ti, n = 0, len(tokens)
    for start, end in _sentences(article):
        while ti < n and tokens[ti][0] < start:
            ti += 1
        first = ti
        while ti < n and tokens[ti][1] <= end:
            ti += 1
        if ti == first:
            continue
        if tags[first].startswith("I-"):  # a sentence never opens inside an entity (IOB2)
            tags[first] = "B-" + tags[first][2:]
        yield "\n".join([f"{text[s:e]} _ _ {tag}" for (s, e), tag in zip(tokens[first:ti], tags[first:ti],
                                                                          strict=True)])
        yield ""


def write(items: Iterable[Item], out: IO[bytes]) -> int:
    n = 0
    for item in items:
        out.write("\n".join(lines(item.article)).encode("utf-8", "surrogatepass") + b"\n")
        n += 1
    return n
