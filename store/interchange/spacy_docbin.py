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
import importlib
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from itertools import islice, repeat
from pathlib import Path
from typing import Any

from store.errors import StoreError
from store.interchange.common import Item, entity_tokens
from store.interchange.folders import replacing_folder, write_new

MISSING = "the spacy format needs spaCy, which is not installed: pip install 'tandai[spacy]'"


def _spacy() -> Any:
    try:
        import spacy
    except ImportError as exc:
        raise StoreError(MISSING) from exc
    return spacy


def words_and_spaces(text: str, item: Item) -> tuple[list[str], list[bool]]:
    """spaCy's tokens for the text: each token with a trailing-space flag; any other whitespace
    (line breaks, runs of spaces) is a token of its own, so ``doc.text`` is the text exactly.
    A gap of one space (nearly all of them) is only a flag, so the lists are the tokens' own
    unless a gap holds more."""
    toks = entity_tokens(item.article)
    gaps = toks.gaps
    spaces = list(map(str.startswith, gaps[1:], repeat(" ")))
    odd = [i for i, g in enumerate(gaps) if g and g != " "]
    if not odd:
        return toks.texts, spaces
    words: list[str] = []
    flags: list[bool] = []
    done = 0  # tokens copied so far
    for i in odd:  # gaps[i] follows token i - 1 (gaps[0]: the text's leading whitespace)
        words += toks.texts[done:i]
        flags += spaces[done:i]
        done = i
        ws = gaps[i][1:] if i and gaps[i][0] == " " else gaps[i]
        if ws:
            words.append(ws)
            flags.append(False)
    words += toks.texts[done:]
    flags += spaces[done:]
    return words, flags


PART = 100
VOCAB_PARTS = 10  # parts written with one vocabulary
# the token attributes a DocBin keeps besides ORTH and SPACY (always kept): the ones tandai's Docs
# set. spaCy's default adds nine more (tags, heads, lemmas …) that are all zero here, and
# compressing their columns was a third of the export's time.
ATTRS = ("NORM", "ENT_IOB", "ENT_TYPE")


_PACKER: list[Any] = []


def _packer() -> Any:
    """``srsly.msgpack_dumps`` without its cost: each call builds a Packer, and each Packer
    looks its encoders up in a registry that scans the installed packages' entry points (3 ms,
    more than the rest of the article); one Packer packs the same bytes."""
    if not _PACKER:
        msgpack = importlib.import_module("srsly.msgpack")  # comes with spaCy; untyped
        _PACKER.append(msgpack.Packer(use_bin_type=True))
    return _PACKER[0]


def _add(db: Any, doc: Any, labels: Iterable[str]) -> None:
    """``DocBin.add`` for a Doc that has only words, spaces, entities and user data: the same
    arrays and strings, without the nine token attributes read per token in Python (all empty
    here but the text, the norm and the entity label)."""
    import numpy

    ids = importlib.import_module("spacy.attrs").IDS  # untyped
    norm, spacy_attr = ids["NORM"], ids["SPACY"]

    array = doc.to_array(db.attrs)
    db.tokens.append(array)
    db.spaces.append(numpy.asarray(doc.to_array(spacy_attr).reshape((-1, 1)), dtype=bool))
    db.flags.append({"has_unknown_spaces": doc.has_unknown_spaces})
    strings = doc.vocab.strings
    norms = array[:, db.attrs.index(norm)]
    db.strings.update([strings[int(h)] for h in numpy.unique(norms)])
    db.strings.add("")
    db.strings.update(labels)
    db.cats.append(doc.cats)
    db.user_data.append(_packer().pack(doc.user_data))
    db.span_groups.append(doc.spans.to_bytes())


def new_vocab() -> Any:
    """An Indonesian vocabulary, as ``spacy.blank("id")`` has (the same norms), without the
    pipeline: its tokenizer loads thousands of special cases (a second or more) that a Doc made
    from words never uses."""
    from spacy.util import get_lang_class
    from spacy.vocab import create_vocab

    return create_vocab("id", get_lang_class("id").Defaults)


def docbin_bytes(items: Iterable[Item], vocab: Any = None) -> tuple[bytes, int]:
    """One DocBin of ``items``; ``vocab`` (an Indonesian one by default, ``new_vocab``) holds
    the Docs' strings."""
    _spacy()
    from spacy.tokens import Doc, DocBin

    if vocab is None:
        vocab = new_vocab()
    db = DocBin(attrs=ATTRS, store_user_data=True)
    n = 0
    for item in items:
        a = item.article
        words, spaces = words_and_spaces(a.text, item)
        doc = Doc(vocab, words=words, spaces=spaces)
        ents = [doc.char_span(e.start, e.end, label=e.label) for e in a.entities]
        found = [s for s in ents if s is not None]
        doc.ents = found
        doc.user_data.update({"article_id": a.id, "title": a.title, "outlet": a.outlet,
                              "status": item.status, "records": [r.id for r in item.records]})
        db.strings.update(words)
        _add(db, doc, {s.label_ for s in found})
        n += 1
    return bytes(db.to_bytes()), n


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


_NLP: list[Any] = []  # this process's vocabulary and how many parts it has made


def _vocab() -> Any:
    """A vocabulary, fresh every ``VOCAB_PARTS`` parts: its vocabulary grows with every new
    word, and a part needs only its own. Each worker process keeps its own."""
    if not _NLP or _NLP[1] >= VOCAB_PARTS:
        _NLP.clear()
        gc.collect()  # spaCy's objects hold cycles: free the old vocabulary before the new
        _spacy()
        _NLP.extend([new_vocab(), 0])
    _NLP[1] += 1
    return _NLP[0]


def parts(items: Iterable[Item], size: int = PART) -> tuple[list[bytes], int]:
    """DocBins of ``size`` articles each (the last may hold fewer); (their bytes, articles)."""
    out = []
    n = 0
    for chunk in _chunks(items, size):
        data, count = docbin_bytes(chunk, _vocab())
        out.append(data)
        n += count
    return out, n


def _ours(folder: Path) -> bool:
    return all(PART_NAME.fullmatch(p.name) for p in folder.iterdir())


PART_NAME = re.compile(r"part-\d{5,}\.spacy")


@contextmanager
def folder_export(folder: Path) -> Iterator[Callable[[bytes], None]]:
    """A function that adds the next part; the folder replaces ``folder`` at the end
    (``replacing_folder``: an interrupted export leaves no parts)."""
    _spacy()
    with replacing_folder(folder, _ours, "a spaCy parts export") as tmp:
        n = 0

        def add(data: bytes) -> None:
            nonlocal n
            n += 1
            write_new(tmp / f"part-{n:05d}.spacy", data)

        yield add


def write_parts(items: Iterable[Item], folder: Path, size: int = PART) -> int:
    """``part-NNNNN.spacy`` files of ``size`` articles each, in a folder that replaces ``folder``
    whole at the end; memory holds one part at a time."""
    n = 0
    with folder_export(folder) as add:
        for chunk in _chunks(items, size):
            blobs, count = parts(chunk, size)
            for data in blobs:
                add(data)
            n += count
    return n
