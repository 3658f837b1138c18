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
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from itertools import accumulate, islice, repeat
from operator import add
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
MAX_WORDS = 200_000  # distinct words one lexicon learns before a fresh one (~60 MB)
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


class Lexicon:
    """What a DocBin needs of each word: its ORTH and NORM ids and its norm's text, asked of the
    vocabulary once per word and then looked up for a whole article at a time."""

    def __init__(self, vocab: Any = None) -> None:
        self.vocab = new_vocab() if vocab is None else vocab
        self.orth: dict[str, int] = {}
        self.norm: dict[str, int] = {}
        self.norm_text: dict[str, str] = {}

    def learn(self, words: Iterable[str]) -> None:
        for w in set(words).difference(self.orth):
            lex = self.vocab[w]
            self.orth[w], self.norm[w], self.norm_text[w] = lex.orth, lex.norm, lex.norm_

    def ids(self, words: list[str]) -> tuple[list[int], list[int]]:
        try:
            return list(map(self.orth.__getitem__, words)), list(map(self.norm.__getitem__, words))
        except KeyError:
            self.learn(words)
            return self.ids(words)


def _empty_spans() -> bytes:
    """What ``doc.spans.to_bytes()`` is for a Doc without span groups."""
    if not _EMPTY:
        from spacy.tokens import Doc

        _EMPTY.append(Doc(new_vocab(), words=["x"]).spans.to_bytes())
    return _EMPTY[0]


_EMPTY: list[bytes] = []
_IOB_I, _IOB_O, _IOB_B = 1, 2, 3  # spaCy's ENT_IOB codes


def _add(db: Any, lexicon: Lexicon, item: Item) -> None:
    """``DocBin.add`` of the Doc ``Doc(vocab, words, spaces)`` with ``doc.ents`` set from the
    entities by ``doc.char_span`` (strict) and the user data, without making the Doc: the same
    columns (ORTH, NORM, ENT_IOB, ENT_TYPE), spaces and strings. An entity whose ends are not
    word boundaries is left out, as ``char_span`` leaves it."""
    import numpy
    from spacy.strings import get_string_id

    a = item.article
    words, spaces = words_and_spaces(a.text, item)
    n = len(words)
    lens = list(map(len, words))
    starts = list(accumulate(map(add, lens, spaces), initial=0))
    orths, norms = lexicon.ids(words)
    iob = [_IOB_O] * n
    types = [0] * n
    labels = set()
    for e in a.entities:
        i = bisect_left(starts, e.start, 0, n)
        j = bisect_left(starts, e.end, 0, n) - 1
        if i == n or starts[i] != e.start or j < i or starts[j] + lens[j] != e.end:
            continue
        kind = get_string_id(e.label)
        iob[i] = _IOB_B
        iob[i + 1:j + 1] = [_IOB_I] * (j - i)
        types[i:j + 1] = [kind] * (j - i + 1)
        labels.add(e.label)
    columns = {"ORTH": orths, "NORM": norms, "ENT_IOB": iob, "ENT_TYPE": types}
    array = numpy.empty((n, len(db.attrs)), dtype="uint64")
    for k, name in enumerate(_names(db.attrs)):
        array[:, k] = columns[name]
    db.tokens.append(array)
    db.spaces.append(numpy.asarray(spaces, dtype=bool).reshape((-1, 1)))
    db.flags.append({"has_unknown_spaces": False})
    unique = set(words)
    db.strings.update(unique)
    db.strings.update(map(lexicon.norm_text.__getitem__, unique))
    db.strings.add("")
    db.strings.update(labels)
    db.cats.append({})
    db.user_data.append(_packer().pack({"article_id": a.id, "title": a.title, "outlet": a.outlet,
                                        "status": item.status, "records": [r.id for r in item.records]}))
    db.span_groups.append(_empty_spans())


def _names(attrs: list[int]) -> list[str]:
    ids = importlib.import_module("spacy.attrs").IDS  # untyped: name -> id
    names = {v: k for k, v in ids.items()}
    return [names[x] for x in attrs]


def new_vocab() -> Any:
    """An Indonesian vocabulary, as ``spacy.blank("id")`` has (the same norms), without the
    pipeline: its tokenizer loads thousands of special cases (a second or more) that a Doc made
    from words never uses."""
    from spacy.util import get_lang_class
    from spacy.vocab import create_vocab

    return create_vocab("id", get_lang_class("id").Defaults)


def docbin_bytes(items: Iterable[Item], lexicon: Lexicon | None = None) -> tuple[bytes, int]:
    """One DocBin of ``items``; ``lexicon`` (a fresh one by default) knows the words' ids."""
    _spacy()
    from spacy.tokens import DocBin

    lexicon = Lexicon() if lexicon is None else lexicon
    db = DocBin(attrs=ATTRS, store_user_data=True)
    n = 0
    for item in items:
        _add(db, lexicon, item)
        n += 1
    return bytes(db.to_bytes()), n


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


_LEXICON: list[Lexicon] = []  # this process's


def _lexicon() -> Lexicon:
    """This process's lexicon, fresh when it knows ``MAX_WORDS`` words: the vocabulary and the
    lookups grow with every new word, and memory must not grow with the corpus."""
    if not _LEXICON or len(_LEXICON[0].orth) >= MAX_WORDS:
        _LEXICON.clear()
        gc.collect()  # spaCy's objects hold cycles: free the old vocabulary before the new
        _LEXICON.append(Lexicon())
    return _LEXICON[0]


def parts(items: Iterable[Item], size: int = PART) -> tuple[list[bytes], int]:
    """DocBins of ``size`` articles each (the last may hold fewer); (their bytes, articles)."""
    out = []
    n = 0
    for chunk in _chunks(items, size):
        data, count = docbin_bytes(chunk, _lexicon())
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
