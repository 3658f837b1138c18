"""Prodigy ``ner_manual`` tasks, one JSON object a line (what ``prodigy db-in`` reads).

Each task: ``text``; ``tokens`` (``text``, ``start``, ``end``, ``id``, ``ws``: spaCy's layout,
whitespace beyond one space a token of its own, so the tokens rebuild the text); ``spans``
(``start``, ``end``, ``token_start``, ``token_end`` inclusive, ``label``); ``meta`` (shown under
the task in Prodigy: article id, title, outlet, tandai status, every reviewer's status, record
ids); ``answer``; ``_input_hash``/``_task_hash`` (signed 32-bit ints, as Prodigy's own);
``_annotator_id``/``_session_id`` (the reviewer); ``_view_id``. The answer follows the status:
done and in progress are ``accept``, irrelevant ``reject``, anything else ``ignore`` (the exact
status travels in ``meta.status``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import IO, Any

import orjson

from store.export import escape_line, needs_escape
from store.interchange.common import Assembler, Item, Tokens, assembler, entity_tokens, hash32, token_index
from store.model import Entity

ANSWER = {"done": "accept", "in_progress": "accept", "irrelevant": "reject"}
STATUS_OF_ANSWER = {"accept": "done", "reject": "irrelevant", "ignore": "skipped"}
_WS = (b',"ws":false},{"text":', b',"ws":true},{"text":')  # ends a token, opens the next
_FIELDS = (b',"start":%d', b',"end":%d', b',"id":%d')
_TABLE_MAX = 1 << 16  # numbers up to this are looked up, not formatted (the tables stay a few MB)
_TABLES: tuple[list[bytes], list[bytes], list[bytes]] = ([], [], [])
_ENCODED_MAX = 200_000  # distinct token texts remembered (a few tens of MB at most)


class _Encoded(dict[str, bytes]):
    """Each token text as orjson writes it, encoded once per process: a corpus repeats its
    words, and a lookup is a fifth of an ``orjson.dumps`` call (a task has hundreds of tokens)."""

    def __missing__(self, text: str) -> bytes:
        if len(self) >= _ENCODED_MAX:
            self.clear()  # memory must not grow with the corpus
        data = self[text] = orjson.dumps(text)
        return data


_ENCODED = _Encoded()


def _numbered(field: int, values: Iterable[int], top: int) -> Iterable[bytes]:
    """``_FIELDS[field]`` for each value (all at most ``top``): from a table of them made once
    per process, a lookup per token instead of a ``%`` format."""
    fmt = _FIELDS[field]
    if top >= _TABLE_MAX:
        return map(fmt.__mod__, values)
    table = _TABLES[field]
    if len(table) <= top:
        table.extend(fmt % i for i in range(len(table), min(2 * top + 1, _TABLE_MAX)))
    return map(table.__getitem__, values)


class _Words:
    """The task's tokens as spaCy lays a text out (``spacy_docbin.words``): the tokens, and a
    whitespace token wherever a gap holds more than the one space ``ws`` stands for (a line
    break, a run of spaces), so ``"".join(t.text + " " * t.ws)`` is the text (Prodigy's ``ws`` is
    spaCy's ``whitespace_``). Columns as numpy arrays; ``spaces`` marks the whitespace tokens."""

    __slots__ = ("codes", "ends", "flags", "spaces", "starts", "texts")

    def __init__(self, text: str, toks: Tokens) -> None:
        from store.interchange.spacy_docbin import layout, words

        np = assembler().np
        if toks.arrays is not None and len(text) < Assembler.TABLE_MAX:  # assembled: no texts needed
            self.starts, self.ends, self.flags, ws_at, self.codes, _ = layout(text, toks)
            self.texts: list[str] = []
        else:
            self.starts, self.ends, self.flags, self.texts = words(text, toks)
            self.codes = None
            ws_at = np.flatnonzero(np.isin(self.starts, np.asarray(toks.starts, dtype=np.intp), invert=True))
        self.spaces = np.zeros(len(self.starts), bool)
        self.spaces[ws_at] = True

    def index(self, entities: Sequence[Entity]) -> list[tuple[int, int]]:
        """(first token, last token) of each entity, as ``token_index`` gives them."""
        codes = self.codes if self.codes is not None else self.starts  # unused by the lookup
        return token_index(Tokens(arrays=(self.starts, self.ends, codes)), entities)


def _tokens_json(text: str, w: _Words) -> bytes:
    """The ``tokens`` list as orjson writes it, joined from pieces (a task has hundreds of
    tokens; a dict each, or one ``%`` format of them all, cost twice as much): per token its
    text, ``start``, ``end``, ``id`` and ``ws``, each piece with the punctuation around it."""
    quick = _tokens_assembled(text, w)
    if quick is not None:
        return quick
    n = len(w.texts)
    if not n:
        return b"[]"
    flat: list[bytes] = [b'[{"text":'] * (5 * n + 1)
    flat[1::5] = map(_ENCODED.__getitem__, w.texts)
    flat[2::5] = _numbered(0, w.starts.tolist(), len(text))
    flat[3::5] = _numbered(1, w.ends.tolist(), len(text))
    flat[4::5] = _numbered(2, range(n), n)
    flat[5::5] = map(_WS.__getitem__, w.flags.tolist())
    flat[-1] = flat[-1][:flat[-1].index(b"}") + 1] + b"]"
    return b"".join(flat)


class _Pieces:
    """Where the constant pieces of a token list lie in the process's ``Assembler``."""

    def __init__(self, asm: Assembler) -> None:
        np = asm.np
        self.first = asm.const(b'[{"text":"')
        opens = (b',"ws":false},{"text":"', b',"ws":true},{"text":"')  # after a token, by its ws
        self.next = np.array([asm.const(p) for p in opens], np.intp)
        self.next_len = len(b',"ws":false},{"text":"')
        self.last = [(asm.const(p), len(p)) for p in (b',"ws":false}]', b',"ws":true}]')]
        # what orjson writes inside the quotes for the characters it escapes (a token holding
        # one is that one character: the quick tokenizer makes one token of each punctuation)
        escaped = [c for c in range(0x80) if orjson.dumps(chr(c)) != b'"' + chr(c).encode() + b'"']
        self.esc_at = np.zeros(0x80, np.intp)
        self.esc_len = np.zeros(0x80, np.intp)
        for c in escaped:
            inner = orjson.dumps(chr(c))[1:-1]
            self.esc_at[c], self.esc_len[c] = asm.const(inner), len(inner)
        self.escapes = np.zeros(0x10000, bool)
        self.escapes[escaped] = True


_PIECES: list[_Pieces] = []


def _tokens_assembled(text: str, w: _Words) -> bytes | None:
    """``_tokens_json`` by the ``Assembler`` for tokens from the quick tokenizer (None for
    others, and for texts too long for its number tables)."""
    if w.codes is None or not len(w.starts):
        return None
    asm = assembler()
    if not _PIECES:
        _PIECES.append(_Pieces(asm))
    pc = _PIECES[0]
    np = asm.np
    starts, ends, codes = w.starts, w.ends, w.codes
    n = len(starts)
    s_at, s_len = asm.numbers(b'","start":%d', len(text))
    e_at, e_len = asm.numbers(b',"end":%d', len(text))
    i_at, i_len = asm.numbers(b',"id":%d', n)
    flat_at = np.empty(5 * n + 1, np.intp)  # five pieces a token, then the list's end
    flat_len = np.empty(5 * n + 1, np.intp)
    offsets, lengths = flat_at[:-1].reshape(n, 5), flat_len[:-1].reshape(n, 5)
    spaced = w.flags.astype(np.intp)
    offsets[0, 0], lengths[0, 0] = pc.first, len(b'[{"text":"')
    offsets[1:, 0] = pc.next[spaced[:-1]]
    lengths[1:, 0] = pc.next_len - spaced[:-1]  # "true" is one shorter than "false"
    data = text.encode("utf-8")
    # whitespace tokens as orjson writes them (a line break is escaped), copied behind the text
    gaps = np.flatnonzero(w.spaces)
    escaped = [_ENCODED[text[g:h]][1:-1] for g, h in zip(starts[gaps].tolist(), ends[gaps].tolist(),
                                                         strict=True)]
    base = asm.text(data + b"".join(escaped))
    where = asm.byte_offsets(text, codes)
    b_start, b_end = (starts, ends) if where is None else (where[starts], where[ends])
    offsets[:, 1] = b_start + base
    lengths[:, 1] = b_end - b_start
    firsts = codes[starts]
    odd = np.flatnonzero(pc.escapes[firsts])
    if len(odd):
        offsets[odd, 1] = pc.esc_at[firsts[odd]]
        lengths[odd, 1] = pc.esc_len[firsts[odd]]
    if len(gaps):
        sizes = np.fromiter(map(len, escaped), np.intp, len(escaped))
        offsets[gaps, 1] = base + len(data) + np.cumsum(sizes) - sizes
        lengths[gaps, 1] = sizes
    offsets[:, 2], lengths[:, 2] = s_at[starts], s_len[starts]
    offsets[:, 3], lengths[:, 3] = e_at[ends], e_len[ends]
    offsets[:, 4], lengths[:, 4] = i_at[:n], i_len[:n]
    flat_at[-1], flat_len[-1] = pc.last[int(spaced[-1])]
    return asm.gather(flat_at, flat_len)


def _parts(item: Item, reviewer: str) -> tuple[bytes, bytes, bytes]:
    """The task as orjson writes it, in three pieces: up to the tokens, the tokens, the rest."""
    a = item.article
    w = _Words(a.text, entity_tokens(a))
    index = w.index(a.entities)
    ents = [e for e, (first, _) in zip(a.entities, index, strict=True) if first >= 0]
    at = [i for i in index if i[0] >= 0]
    starts, ends, labels = [e.start for e in ents], [e.end for e in ents], [e.label for e in ents]
    spans = [{"start": s, "end": e, "token_start": f, "token_end": t, "label": label}
             for s, e, (f, t), label in zip(starts, ends, at, labels, strict=True)]
    input_hash = hash32(a.text)
    task_hash = hash32(str(input_hash), *map("{}:{}:{}".format, starts, ends, labels))
    head = orjson.dumps({
        "text": a.text,
        "meta": {"article_id": a.id, "title": a.title, "outlet": a.outlet, "url": a.url,
                 "published": a.published, "status": item.status, "statuses": item.statuses,
                 "records": [r.id for r in item.records]},
    })
    tail = orjson.dumps({
        "spans": spans,
        "answer": ANSWER.get(item.status, "ignore"),
        "_input_hash": input_hash,
        "_task_hash": task_hash,
        "_view_id": "ner_manual",
        "_annotator_id": reviewer,
        "_session_id": reviewer,
    })
    return head[:-1] + b',"tokens":', _tokens_json(a.text, w), b"," + tail[1:]


def task_json(item: Item, reviewer: str) -> bytes:
    """One task as a JSON object, byte for byte what ``orjson.dumps`` writes for ``task``."""
    return b"".join(_parts(item, reviewer))


def task_line(item: Item, reviewer: str) -> bytes:
    """``task_json`` as one line, escaped as ``json_line`` escapes it. The tokens are pieces of
    the text, so the text and the rest are searched for what needs escaping, not the tokens'
    copy of it; when something does, the whole line is escaped."""
    head, tokens, tail = _parts(item, reviewer)
    if needs_escape(head) or needs_escape(tail):
        return escape_line(head + tokens + tail)
    return b"".join((head, tokens, tail, b"\n"))


def task(item: Item, reviewer: str) -> dict[str, Any]:
    """One task as a dict (``task_json`` parsed)."""
    out: dict[str, Any] = orjson.loads(task_json(item, reviewer))
    return out


def write(items: Iterable[Item], out: IO[bytes], reviewer: str) -> int:
    n = 0
    for item in items:
        out.write(task_line(item, reviewer))
        n += 1
    return n
