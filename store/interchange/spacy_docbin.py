"""A spaCy ``DocBin`` (``.spacy``): each article a ``Doc`` whose text is the article's text,
``doc.ents`` its corrected entities, and ``user_data`` its id, title, outlet, status and record
ids. spaCy is an optional dependency (``pip install 'tandai[spacy]'``); without it this format
says so in one line.

A DocBin is built in memory and written at the end (spaCy has no streaming writer; it holds
every token's attributes, tens of KB an article), so a large export goes to a folder instead:
``part-00001.spacy`` … of ``PART`` (100) articles each, which ``spacy train`` reads as one corpus.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any

from store.disk.atomic import write_bytes
from store.errors import StoreError
from store.interchange.common import Item, entity_tokens

MISSING = "the spacy format needs spaCy, which is not installed: pip install 'tandai[spacy]'"


def _spacy() -> Any:
    try:
        import spacy
    except ImportError as exc:
        raise StoreError(MISSING) from exc
    return spacy


def words_and_spaces(text: str, item: Item) -> tuple[list[str], list[bool]]:
    """spaCy's tokens for the text: each token with a trailing-space flag; any other whitespace
    (line breaks, runs of spaces) is a token of its own, so ``doc.text`` is the text exactly."""
    words: list[str] = []
    spaces: list[bool] = []
    pos = 0

    def gap(upto: int) -> None:
        ws = text[pos:upto]
        if not ws:
            return
        if words and ws[0] == " " and not spaces[-1]:
            spaces[-1] = True
            ws = ws[1:]
        if ws:
            words.append(ws)
            spaces.append(False)

    for start, end in entity_tokens(item.article):
        gap(start)
        words.append(text[start:end])
        spaces.append(False)
        pos = end
    gap(len(text))
    return words, spaces


PART = 100
VOCAB_PARTS = 10  # parts written with one vocabulary


def docbin_bytes(items: Iterable[Item], nlp: Any = None) -> tuple[bytes, int]:
    """One DocBin of ``items``; ``nlp`` (a blank Indonesian pipeline by default) gives the vocab."""
    spacy = _spacy()
    from spacy.tokens import Doc, DocBin

    nlp = nlp or spacy.blank("id")
    db = DocBin(store_user_data=True)
    n = 0
    for item in items:
        a = item.article
        words, spaces = words_and_spaces(a.text, item)
        doc = Doc(nlp.vocab, words=words, spaces=spaces)
        ents = [doc.char_span(e.start, e.end, label=e.label) for e in a.entities]
        doc.ents = [s for s in ents if s is not None]
        doc.user_data.update({"article_id": a.id, "title": a.title, "outlet": a.outlet,
                              "status": item.status, "records": [r.id for r in item.records]})
        db.add(doc)
        n += 1
    return bytes(db.to_bytes()), n


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def write_parts(items: Iterable[Item], folder: Path, size: int = PART) -> int:
    """``part-NNNNN.spacy`` files of ``size`` articles each in ``folder`` (each written atomically);
    memory holds one part at a time."""
    spacy = _spacy()
    folder.mkdir(parents=True, exist_ok=True)
    n = 0
    nlp = None
    for i, chunk in enumerate(_chunks(items, size), 1):
        if i % VOCAB_PARTS == 1 or VOCAB_PARTS == 1:  # a fresh vocabulary now and then: its strings
            nlp = None  # grow with every new word, and a part needs only its own
            gc.collect()  # spaCy's objects hold cycles: free the old vocabulary before the new
            nlp = spacy.blank("id")
        data, count = docbin_bytes(chunk, nlp)
        write_bytes(folder / f"part-{i:05d}.spacy", data)
        n += count
    return n
