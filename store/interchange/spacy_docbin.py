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
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice
from operator import attrgetter
from pathlib import Path
from typing import Any

from store.errors import StoreError
from store.interchange.common import _SPACE, _WORD, Item, Tokens, char_classes, entity_tokens
from store.interchange.folders import replacing_folder, write_new

MISSING = "the spacy format needs spaCy, which is not installed: pip install 'tandai[spacy]'"


def _spacy() -> Any:
    try:
        import spacy
    except ImportError as exc:
        raise StoreError(MISSING) from exc
    return spacy


PART = 100
MAX_WORDS = 200_000  # distinct words one lexicon learns before a fresh one (~60 MB)
# the token attributes a DocBin keeps besides ORTH and SPACY (always kept): the ones tandai's Docs
# set. spaCy's default adds nine more (tags, heads, lemmas …) that are all zero here, and
# compressing their columns was a third of the export's time.
ATTRS = ("NORM", "ENT_IOB", "ENT_TYPE")
# zlib level of the DocBin's bytes: spaCy's to_bytes uses the default (6), which was a fifth of
# the export's time; level 1 is 4 times quicker for files 1.5 times larger, and any level reads
# back the same (DocBin.from_bytes decompresses whatever level wrote it)
LEVEL = 1


def _compressor() -> Callable[[bytes], bytes]:
    """zlib at ``LEVEL``: by ISA-L (``isal``, a dependency; zlib where it cannot be imported), whose
    level 1 writes the same format five times quicker than zlib's (1.0 against 5.2 ms for 100
    articles, a slightly smaller file: 167 against 173 KB), else by zlib itself."""
    try:
        from isal import isal_zlib
    except ImportError:
        return lambda data: zlib.compress(data, LEVEL)
    return lambda data: bytes(isal_zlib.compress(data, LEVEL))


compress = _compressor()


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
    vocabulary once per word. Each word has a row; an article's words become an array of rows
    (one dict lookup each) and their ids are read from the id columns by numpy."""

    def __init__(self, vocab: Any = None) -> None:
        import numpy

        self.vocab = new_vocab() if vocab is None else vocab
        self.row: dict[str, int] = {}
        self.words: list[str] = []
        self.norm_text: list[str] = []
        self.ids = numpy.zeros((1024, 2), dtype=numpy.uint64)  # ORTH, NORM of each row

    def __len__(self) -> int:
        return len(self.words)

    def learn(self, words: Iterable[str]) -> None:
        import numpy

        for w in set(words).difference(self.row):
            lex = self.vocab[w]
            n = len(self.words)
            if n == len(self.ids):
                self.ids = numpy.concatenate((self.ids, numpy.zeros_like(self.ids)))
            self.ids[n] = (lex.orth, lex.norm)
            self.row[w] = n
            self.words.append(w)
            self.norm_text.append(lex.norm_)

    def rows(self, words: list[str]) -> Any:
        """The rows of ``words`` (a numpy array), learning the new ones."""
        import numpy

        try:
            return numpy.fromiter(map(self.row.__getitem__, words), numpy.intp, len(words))
        except KeyError:
            self.learn(words)
            return self.rows(words)


def _empty_spans() -> bytes:
    """What ``doc.spans.to_bytes()`` is for a Doc without span groups."""
    if not _EMPTY:
        from spacy.tokens import Doc

        _EMPTY.append(Doc(new_vocab(), words=["x"]).spans.to_bytes())
    return _EMPTY[0]


_EMPTY: list[bytes] = []
_IOB_I, _IOB_O, _IOB_B = 1, 2, 3  # spaCy's ENT_IOB codes
_START, _END = attrgetter("start"), attrgetter("end")


class _Kinds(dict[str, int]):
    """Label -> its string id (spaCy's hash), asked of spaCy once a label: a lookup per entity
    stays in C (an article has dozens)."""

    def __missing__(self, label: str) -> int:
        from spacy.strings import get_string_id

        kind: int = get_string_id(label)
        self[label] = kind
        return kind


_KIND = _Kinds()


@dataclass(slots=True)
class _Doc:
    """One article as a DocBin holds it: the token columns (ORTH, NORM, ENT_IOB, ENT_TYPE in
    ``attrs`` order), the trailing-space flags, the lexicon rows of its words (for the strings)
    and its labels."""

    columns: Any
    spaces: Any
    rows: Any
    labels: set[str]


def words(text: str, toks: Tokens) -> tuple[Any, Any, Any, list[str]]:
    """The Doc ``Doc(vocab, words, spaces)`` that holds ``text`` exactly: the tokens, each with
    a trailing-space flag, and between them whitespace words wherever a gap holds more than the
    one space a flag stands for (line breaks, runs of spaces; spaCy's own rule). Returns where
    each word starts and ends, its flag, and the words in order (numpy arrays but the last)."""
    word_starts, word_ends, flags, ws_at, codes, flagged = layout(text, toks)
    if toks.arrays is not None:
        return word_starts, word_ends, flags, _word_texts(codes, word_starts, flagged)
    texts = toks.texts
    if len(ws_at):
        texts = texts.copy()
        for at, a, b in zip(ws_at.tolist(), word_starts[ws_at].tolist(), word_ends[ws_at].tolist(),
                            strict=True):
            texts.insert(at, text[a:b])  # in order: each lands where the words before it put it
    return word_starts, word_ends, flags, texts


def layout(text: str, toks: Tokens) -> tuple[Any, Any, Any, Any, Any, Any]:
    """``words`` without the words' texts (Prodigy's tokens need none), as numpy arrays: where
    each word starts and ends, its flag, which words are whitespace, the text's code points, and
    where the spaces the flags stand for are."""
    import numpy

    if toks.arrays is not None:
        starts, ends, codes = toks.arrays
    else:
        starts = numpy.asarray(toks.starts, dtype=numpy.intp)
        ends = numpy.asarray(toks.ends, dtype=numpy.intp)
        codes = numpy.frombuffer(text.encode("utf-32-le", "surrogatepass"), numpy.uint32)
    k = len(toks)
    size = len(text)
    gap_from = numpy.zeros(k + 1, numpy.intp)  # gap i lies before token i (gap k: after the last)
    gap_from[1:] = ends
    gap_to = numpy.full(k + 1, size, numpy.intp)
    gap_to[:k] = starts
    spaced = gap_to > gap_from
    spaced[0] = False  # the text's leading whitespace follows no token
    spaced[spaced] = codes[gap_from[spaced]] == 32
    ws_from = gap_from + spaced
    has_ws = gap_to > ws_from
    before = numpy.cumsum(has_ws)  # whitespace words up to and with gap i
    token_at = numpy.arange(k) + before[:k]
    ws_at = (numpy.arange(k + 1) + before - 1)[has_ws]
    count = k + int(before[-1])
    word_starts = numpy.empty(count, numpy.intp)
    word_ends = numpy.empty(count, numpy.intp)
    flags = numpy.zeros(count, bool)
    word_starts[token_at] = starts
    word_ends[token_at] = ends
    flags[token_at] = spaced[1:]
    if len(ws_at):
        word_starts[ws_at] = ws_from[has_ws]
        word_ends[ws_at] = gap_to[has_ws]
    return word_starts, word_ends, flags, ws_at, codes, gap_from[spaced]


def quick_words(text: str, bounds: list[int]) -> tuple[Any, Any, Any, list[str]] | None:
    """``words(text, split_tokens(text, bounds))`` in one pass over the characters, without
    the tokens first (each numpy step once over the text, not once for the tokens and again for
    the gaps between them): a character starts a word when it starts a token (a run of word
    characters, cut at ``bounds``, or one other character) or a run of whitespace that is not
    the single space a token's flag stands for. None where the quick tokenizer declines the text
    (``_split_quick``: then ``words`` over the pattern's tokens)."""
    classes = char_classes(text)
    if classes is None:
        return None
    np, codes, kind = classes
    n = len(codes)
    space = kind == _SPACE
    word = kind == _WORD
    inside = word[1:] & word[:-1]  # character i + 1 goes on with the word of character i
    if bounds:
        cuts = np.asarray(bounds, dtype=np.intp)
        cuts = cuts[(cuts > 0) & (cuts < n)]
        inside[cuts - 1] = False
    # the flag's space: a space right after a token's last character
    flagged = np.zeros(n, bool)
    flagged[1:] = (codes[1:] == 32) & ~space[:-1]
    begins = ~space  # a token's first character, or whitespace a word of its own begins at
    begins[1:] &= ~inside
    begins[1:] |= space[1:] & ~flagged[1:] & (~space[:-1] | flagged[:-1])
    begins[0] = True
    starts = np.flatnonzero(begins)
    after = np.empty(len(starts), np.intp)  # where the next word starts (the text's end for the last)
    after[:-1] = starts[1:]
    after[-1] = n
    flags = flagged[after - 1]  # a word followed by its flag's space: it lies just before the next
    ends = after - flags
    return starts, ends, flags, _word_texts(codes, starts, np.flatnonzero(flagged))


def _word_texts(codes: Any, word_starts: Any, flagged: Any) -> list[str]:
    """The words' texts in one split: every character of the text is in a word but the spaces
    the trailing-space flags stand for (at ``flagged``), so the text without those, with a NUL
    before each word but the first, splits into the words (the string per token made by one C
    call, not a slice each)."""
    import numpy

    count = len(word_starts)
    if not count:
        return []
    size = len(codes)
    step = numpy.zeros(size, numpy.intp)
    step[word_starts[1:]] = 1
    step[flagged] -= 1
    keep = numpy.ones(size, bool)
    keep[flagged] = False
    at = numpy.arange(size)
    at += numpy.cumsum(step)
    spread = numpy.zeros(size - len(flagged) + count - 1, codes.dtype)
    spread[at[keep]] = codes[keep]
    encoding = "latin-1" if codes.dtype == numpy.uint8 else "utf-32-le"
    return spread.tobytes().decode(encoding).split("\x00")


def _doc(lexicon: Lexicon, item: Item, names: list[str]) -> _Doc:
    """The DocBin's view of ``Doc(vocab, words, spaces)`` with ``doc.ents`` set from the
    entities by ``doc.char_span`` (strict), without making the Doc: an entity whose ends are not
    word boundaries is left out, as ``char_span`` leaves it."""
    import numpy

    a = item.article
    ents = a.entities
    quick = quick_words(a.text, [*map(_START, ents), *map(_END, ents)])
    starts, ends, flags, texts = quick if quick is not None else words(a.text, entity_tokens(a))
    count = len(texts)
    rows = lexicon.rows(texts)
    ids = lexicon.ids[rows]
    iob = numpy.full(count, _IOB_O, numpy.uint64)
    types = numpy.zeros(count, numpy.uint64)
    labels: set[str] = set()
    if ents and count:
        e_start = numpy.fromiter(map(_START, ents), numpy.intp, len(ents))
        e_end = numpy.fromiter(map(_END, ents), numpy.intp, len(ents))
        first = numpy.searchsorted(starts, e_start)
        last = numpy.searchsorted(ends, e_end)
        ok = (first < count) & (last < count)
        ok[ok] &= (starts[first[ok]] == e_start[ok]) & (ends[last[ok]] == e_end[ok])
        ok &= last >= first
        if ok.any():
            chosen = numpy.flatnonzero(ok)
            first, last = first[chosen], last[chosen]
            kept = [ents[i].label for i in chosen.tolist()]
            labels.update(kept)
            kinds = numpy.zeros(len(kept) + 1, numpy.uint64)
            kinds[1:] = numpy.fromiter(map(_KIND.__getitem__, kept), numpy.uint64, len(kept))
            number = numpy.arange(1, len(kept) + 1)
            opened = numpy.zeros(count + 1, numpy.intp)
            closed = numpy.zeros(count + 1, numpy.intp)
            opened[first] = number
            closed[last + 1] = number
            inside = numpy.cumsum(opened - closed)[:count]  # the entity a word is in (0: none)
            types = kinds[inside]
            iob[inside > 0] = _IOB_I
            iob[first] = _IOB_B
    column = {"ORTH": ids[:, 0], "NORM": ids[:, 1], "ENT_IOB": iob, "ENT_TYPE": types}
    return _Doc(numpy.column_stack([column[name] for name in names]), flags, rows, labels)


def _names(attrs: list[Any]) -> list[str]:  # spaCy's attribute ids
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
    """One DocBin of ``items`` (the bytes ``DocBin.to_bytes`` writes for the articles' Docs,
    compressed at ``LEVEL``); ``lexicon`` (a fresh one by default) knows the words' ids."""
    _spacy()
    import numpy
    from spacy.tokens import DocBin

    lexicon = Lexicon() if lexicon is None else lexicon
    db = DocBin(attrs=ATTRS, store_user_data=True)
    names = _names(db.attrs)
    docs: list[_Doc] = []
    user_data: list[bytes] = []
    pack = _packer().pack
    for item in items:
        docs.append(_doc(lexicon, item, names))
        a = item.article
        user_data.append(pack({"article_id": a.id, "title": a.title, "outlet": a.outlet,
                               "status": item.status, "records": [r.id for r in item.records]}))
    if not docs:
        return bytes(db.to_bytes()), 0
    strings = {""}
    for d in docs:
        strings.update(d.labels)
    seen = numpy.zeros(len(lexicon), bool)  # which of the lexicon's words the part uses: a mark
    for d in docs:  # per word, not a sort of all the part's words (numpy.unique: 17 µs an article)
        seen[d.rows] = True
    used = numpy.flatnonzero(seen).tolist()
    strings.update(map(lexicon.words.__getitem__, used))
    strings.update(map(lexicon.norm_text.__getitem__, used))
    n = len(docs)
    # DocBin.to_bytes's message, key for key (tests/unit/test_interchange_parallel.py holds it
    # to spaCy's own for the same Docs)
    msg = {
        "version": db.version,
        "attrs": db.attrs,
        "tokens": numpy.concatenate([d.columns for d in docs]).tobytes("C"),
        "spaces": numpy.concatenate([d.spaces for d in docs]).tobytes("C"),
        "lengths": numpy.asarray([len(d.spaces) for d in docs], dtype="int32").tobytes("C"),
        "strings": sorted(strings),
        "cats": [{} for _ in range(n)],
        "flags": [{"has_unknown_spaces": False} for _ in range(n)],
        "span_groups": [_empty_spans()] * n,
        "user_data": user_data,
    }
    return compress(_packer().pack(msg)), n


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


_LEXICON: list[Lexicon] = []  # this process's


def _lexicon() -> Lexicon:
    """This process's lexicon, fresh when it knows ``MAX_WORDS`` words: the vocabulary and the
    lookups grow with every new word, and memory must not grow with the corpus."""
    if not _LEXICON or len(_LEXICON[0]) >= MAX_WORDS:
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
