"""CoNLL-2003 style IOB2: one token a line (``token _ _ TAG``: the word, two empty columns where
CoNLL-2003 had part of speech and chunk, the tag last), a blank line between sentences, and
``-DOCSTART- -X- O O`` before each article (the spelling ``spacy convert`` splits documents on).

Sentences come from tandai's own splitter; two are joined where an entity crosses their border,
so no entity is cut. Noise lines are left out (a model must not train on boilerplate). The
format has no room for article ids, statuses or records.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from itertools import repeat
from operator import add, attrgetter, le
from typing import IO, Any

from store.interchange.common import Item, assembler, entity_tokens
from store.model import Article, Entity
from store.text.sentences import sentences

DOCSTART = "-DOCSTART- -X- O O"
_O = " _ _ O"
_START, _END, _LABEL = attrgetter("start"), attrgetter("end"), attrgetter("label")


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
    found = sentences(article.text, article.noise)
    if ents and found and not _inside(ents, found):
        ends = [e.end for e in ents]
        merged: list[tuple[int, int]] = []
        for start, end in found:
            if merged and _crosses(ents, ends, merged[-1][1], start):
                merged[-1] = (merged[-1][0], end)
            else:
                merged.append((start, end))
        found = merged
    noise = article.noise
    if not noise:
        return found
    starts = [s for s, _ in found]
    drop = set()
    for n in noise:  # the sentences lying wholly on a noise line (sentences are in order, apart)
        i = bisect_left(starts, n.start)
        while i < len(found) and found[i][1] <= n.end:
            drop.add(i)
            i += 1
    return [s for i, s in enumerate(found) if i not in drop] if drop else found


def _inside(entities: Sequence[Entity], found: list[tuple[int, int]]) -> bool:
    """Whether every entity lies inside one sentence (nearly always): then none crosses a
    border. Found by bisection in whole-list steps."""
    starts = [s for s, _ in found]
    ends = [e for _, e in found]
    at = [i - 1 for i in map(bisect_right, repeat(starts), map(_START, entities))]
    return min(at) >= 0 and all(map(le, map(_END, entities), map(ends.__getitem__, at)))


_B: dict[str, str] = {}  # label -> its B- and I- tags (made once)
_I: dict[str, str] = {}


def _tags(label: str) -> tuple[str, str]:
    if label not in _B:
        _B[label], _I[label] = f" _ _ B-{label}", f" _ _ I-{label}"
    return _B[label], _I[label]


def document_text(article: Article) -> str:
    """The article's lines, each ended by a line break: the document start and a blank line,
    then each sentence's tokens (``token _ _ TAG``) and a blank line. A sentence's tokens are
    found by bisection (tokens never straddle a sentence border) and joined in whole-list steps."""
    tokens = entity_tokens(article)
    starts, ends = tokens.starts, tokens.ends
    n = len(tokens)
    tags = [_O] * n
    ents = article.entities
    at_first = map(bisect_left, repeat(starts), map(_START, ents))
    at_last = map(bisect_right, repeat(ends), map(_END, ents))  # tokens ending inside, and before
    for ent, i, j in zip(ents, at_first, at_last, strict=True):
        if i >= n or starts[i] != ent.start:
            continue
        begin, inside = _tags(ent.label)
        tags[i] = begin
        if j > i + 1:
            tags[i + 1:j] = [inside] * (j - i - 1)
    found = _sentences(article)
    firsts = list(map(bisect_left, repeat(starts), [s for s, _ in found]))
    lasts = list(map(bisect_right, repeat(ends), [e for _, e in found]))
    spans = [(a, b) for a, b in zip(firsts, lasts, strict=True) if b > a]
    for a, _ in spans:
        if tags[a].startswith(" _ _ I-"):  # a sentence never opens inside an entity (IOB2)
            tags[a] = " _ _ B-" + tags[a][7:]
    lines = list(map(add, tokens.texts, tags))
    blocks = ["\n".join(lines[a:b]) for a, b in spans]
    return f"{DOCSTART}\n\n" + "".join(map(add, blocks, repeat("\n\n", len(blocks))))


def document(item: Item) -> bytes:
    """An article's lines as bytes, each ended by a line break."""
    quick = _assembled(item.article)
    if quick is not None:
        return quick
    return document_text(item.article).encode("utf-8", "surrogatepass")


def _assembled(article: Article) -> bytes | None:
    """``document_text`` as UTF-8 by the ``Assembler`` (None where the quick tokenizer did not
    split the text): per token its text, its tag's line end, and one more line break after a
    sentence's last token; tokens outside the kept sentences are left out."""
    tokens = entity_tokens(article)
    if tokens.arrays is None:
        return None
    asm = assembler()
    np = asm.np
    starts, ends, codes = tokens.arrays
    n = len(starts)
    found = _sentences(article)
    head = f"{DOCSTART}\n\n".encode()
    if not n or not found:
        return head
    o_at = asm.const(_O.encode() + b"\n")
    brk = asm.const(b"\n")
    tag_at = np.full(n, o_at, np.intp)
    tag_len = np.full(n, len(_O) + 1, np.intp)
    opens_at = tag_at  # per token, where the B- line of the entity it is in lies
    opens_len = tag_len
    ents = article.entities
    if ents:
        e_start = np.fromiter(map(_START, ents), np.intp, len(ents))
        e_end = np.fromiter(map(_END, ents), np.intp, len(ents))
        first = np.searchsorted(starts, e_start)
        upto = np.searchsorted(ends, e_end, "right")  # tokens ending inside, and before
        ok = first < n
        ok[ok] &= starts[first[ok]] == e_start[ok]
        chosen = np.flatnonzero(ok)
        if len(chosen):
            # entities are in order and apart: number them 1 … k, and each token gets the number
            # of the entity it lies in (0: none) from a running sum of openings and closings
            first, upto = first[chosen], upto[chosen]
            rows = np.zeros(len(chosen) + 1, np.intp)  # entity number -> its label's row (0: O)
            kept = map(_LABEL, map(ents.__getitem__, chosen.tolist()))
            rows[1:] = np.fromiter(map(_ROWS.__getitem__, kept), np.intp, len(chosen))
            pieces = _ROWS.table[rows]
            marks = np.zeros(n + 1, np.intp)
            number = np.arange(1, len(chosen) + 1)
            marks[first] = number
            marks[upto] -= number
            inside = np.cumsum(marks[:n])
            tag_at, tag_len = pieces[inside, 2], pieces[inside, 3]
            tag_at[first], tag_len[first] = pieces[1:, 0], pieces[1:, 1]
            opens_at, opens_len = pieces[inside, 0], pieces[inside, 1]
    bounds = np.asarray(found, np.intp)
    firsts = np.searchsorted(starts, bounds[:, 0])
    lasts = np.searchsorted(ends, bounds[:, 1], "right")
    keep = lasts > firsts
    firsts, lasts = firsts[keep], lasts[keep]
    if not len(firsts):
        return head
    # a sentence never opens inside an entity (IOB2): its first token's I- line becomes B-
    tag_at[firsts], tag_len[firsts] = opens_at[firsts], opens_len[firsts]
    marks = np.zeros(n + 1, np.intp)  # sentences are apart: +1 where one opens, -1 after it
    marks[firsts] = 1
    marks[lasts] -= 1
    kept = np.cumsum(marks[:n]) > 0
    offsets = np.empty((n, 3), np.intp)
    lengths = np.zeros((n, 3), np.intp)
    offsets[:, 2] = brk
    lengths[lasts - 1, 2] = 1
    offsets[:, 1], lengths[:, 1] = tag_at, tag_len
    data = article.text.encode("utf-8")
    base = asm.text(data)
    where = asm.byte_offsets(article.text, codes)
    b_start, b_end = (starts, ends) if where is None else (where[starts], where[ends])
    offsets[:, 0] = b_start + base
    lengths[:, 0] = b_end - b_start
    lengths[~kept] = 0
    return head + asm.gather(offsets.ravel(), lengths.ravel())


class _Rows(dict[str, int]):
    """Label -> its row in ``table``, the (B- offset, B- length, I- offset, I- length) line ends
    in the process's assembler; row 0 is O. A lookup per entity stays in C; a label seen for the
    first time adds its row (the table is made anew)."""

    table: Any = None

    def __missing__(self, label: str) -> int:
        asm = assembler()
        o_line = (_O + "\n").encode()
        o_at = asm.const(o_line)
        begin, inside = (f"{t}\n".encode() for t in _tags(label))
        line = (asm.const(begin), len(begin), asm.const(inside), len(inside))
        old = self.table.tolist() if self.table is not None else [(o_at, len(o_line), o_at, len(o_line))]
        self.table = asm.np.array([*old, line], asm.np.intp)
        self[label] = len(old)
        return len(old)


_ROWS = _Rows()


def write(items: Iterable[Item], out: IO[bytes]) -> int:
    n = 0
    for item in items:
        out.write(document(item))
        n += 1
    return n
