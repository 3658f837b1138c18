"""Session 10's ingest speed work gives what the code before it gave: the story signature (unit
spans and facts read by comprehensions, the furthest reach kept by a loop), the duplicate
signature (sampled before the set), a file's control characters (made NUL by one table, then
counted) and newlines (no replacement when a text holds no CR), and the label terms of the
search index (pairs and labels read by comprehensions)."""

from __future__ import annotations

import os
import random
import re
import threading
import time
import zlib
from bisect import bisect_right
from itertools import accumulate, compress
from operator import attrgetter, itemgetter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from store import ingest
from store.model import Article, Entity, Span
from store.search import tantivy_query
from store.search.query import tokens
from store.sources import decode
from store.sources.formats import RawDoc, Skipped, read_source
from store.text import dedupe

ROOT = Path(__file__).parents[2]


def story_signature_before(article: Article) -> list[int]:
    """``dedupe.story_signature`` as session 9 left it (attrgetter chains, ``accumulate(max)``)."""
    span, label = attrgetter("start", "end"), attrgetter("label")
    text, ents = article.text, article.entities
    units = compress(ents, map(dedupe._UNIT_LABELS.__contains__, map(label, ents)))
    nl = text.find("\n")
    skip = sorted([*map(span, article.noise), *map(span, units), (0, nl if nl > 0 else 0)])
    starts = list(map(itemgetter(0), skip))
    reach = list(accumulate(map(itemgetter(1), skip), max))
    facts: set[int] = set()
    if text.isascii():
        figures = list(dedupe._FIGURE_ASCII.finditer(text.encode().translate(dedupe._ZEROED)))
    else:
        figures = list(dedupe._FIGURE.finditer(text))
    for m in figures:
        s = m.start()
        k = bisect_right(starts, s) - 1
        if k >= 0 and s < reach[k]:
            continue
        n = int(text[s : m.end()].replace(".", ""))
        if n > 10 and not 1945 <= n <= 2035:
            facts.add(dedupe._hash(dedupe.FIGURE, str(n)))
    people: set[str] = set()
    days: set[str] = set()
    for e in compress(ents, map(dedupe._FACT_LABELS.__contains__, map(label, ents))):
        if e.label == "PERSON":
            if e.text not in people:
                people.add(e.text)
                for w in dedupe._NAME_WORD.findall(e.text.lower()):
                    if w not in dedupe._NAME_STOP:
                        facts.add(dedupe._hash(dedupe.PERSON_WORD, w))
        elif isinstance(e.value, str) and len(e.value) >= 10 and e.value[:10] not in days:
            days.add(e.value[:10])
            facts.add(dedupe._hash(dedupe.DAY, e.value[:10]))
    return sorted(facts)


PIECES = [
    "1.240",
    "118",
    "07.30",
    "26/11",
    "9,8",
    "2024",
    "35",
    "Rp 15.000",
    "Polres Garut",
    "AKBP Dedi",
    "Dedi Kurniawan",
    "Sik",
    "Kapolres",
    "\n",
    " ",
    ", ",
    ". ",
    "personel",
    "Café",
    "١٢٣",
    "12,5",
    "400",
]
LABELS = ["PERSON", "DATE", "POLICE_UNIT", "GOV_ORG", "LOC", "ROLE", "ELECTION", "PERSONNEL", "MILITARY_UNIT"]
VALUES = [None, "2024-11-27", "2024-11-27T08:00", "2024-11", 240, "", "2024-11-28"]


@st.composite
def articles(draw: st.DrawFn) -> Article:
    text = "".join(draw(st.lists(st.sampled_from(PIECES), max_size=40)))
    n = len(text)
    spans = st.tuples(st.integers(0, n), st.integers(0, n)).map(sorted)
    ents = []
    for start, end in draw(st.lists(spans, max_size=12)):
        ents.append(
            Entity(
                start,
                end,
                draw(st.sampled_from(LABELS)),
                text[start:end] or draw(st.sampled_from(PIECES)),
                draw(st.sampled_from(VALUES)),
            )
        )
    noise = [Span(a, b, text[a:b]) for a, b in draw(st.lists(spans, max_size=4))]
    return Article(id="a", source="s", title="t", text=text, noise=noise, entities=ents)


@settings(max_examples=400, deadline=None)
@given(articles())
def test_the_story_signature_is_what_it_was(article: Article) -> None:
    assert dedupe.story_signature(article) == story_signature_before(article)


def test_story_signatures_of_prepared_articles_are_what_they_were() -> None:
    """Real-shaped articles through the worker's own steps: the samples and random pages of
    synthetic text with overlapping noise and unit spans."""
    recogniser = ingest.Recogniser()
    docs = [
        d
        for p in sorted((ROOT / "sample_articles").iterdir())
        for d in read_source(p)
        if not isinstance(d, Skipped)
    ]
    rng = random.Random(10)
    for i in range(40):
        words = rng.choices(
            [
                "Kapolres",
                "Garut",
                "AKBP",
                "Dedi",
                "Kurniawan",
                "menurunkan",
                "1.240",
                "personel",
                "ke",
                "118",
                "TPS",
                "pada",
                "Rabu",
                "(27/11/2024).",
                "Baca",
                "juga:",
                "Polsek",
                "Cilawu",
                "\n",
                "\n\n",
                "Pilkada",
                "2024",
                "Senin",
                "kemarin",
                "35",
            ],
            k=120,
        )
        docs.append(RawDoc(f"r{i}", "Judul\n" + " ".join(words), {}))
    assert len(docs) > 40
    for doc in docs:
        article, sig = ingest.prepare(doc, recogniser)
        assert dedupe.story_signature(article) == story_signature_before(article), doc.source
        assert sig == dedupe.signature(article.text, article.noise) + story_signature_before(article)


def test_an_article_with_no_unit_noise_or_line_break() -> None:
    bare = Article(id="a", source="s", title="", text="1.240 personel dan 118 TPS")
    assert dedupe.story_signature(bare) == story_signature_before(bare) != []
    empty = Article(id="b", source="s", title="", text="")
    assert dedupe.story_signature(empty) == story_signature_before(empty) == []


def signature_before(text: str, noise: list[Span]) -> list[int]:
    """The duplicate signature as session 9 left it: the hashes' set first, then the sample."""
    nl = text.find("\n")
    words = dedupe._body_bytes(text, [*noise, Span(0, nl)] if nl > 0 else list(noise))
    if len(words) < dedupe.SHINGLE:
        return []
    shingles = map(b" ".join, zip(*[words[k:] for k in range(dedupe.SHINGLE)], strict=False))
    return sorted(h for h in set(map(zlib.crc32, shingles)) if h % dedupe.SAMPLE == 0)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Polres", "Garut", "240", "personel", "di", "dan", "\n", "Café", "a", "a"]),
        max_size=60,
    )
)
def test_the_duplicate_signature_is_what_it_was(parts: list[str]) -> None:
    text = "Judul\n" + " ".join(parts) + " " + " ".join(parts)  # repeated shingles
    assert dedupe.signature(text) == signature_before(text, [])


CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f-\x9f]")


@pytest.mark.parametrize("extra", [0, 1])
@pytest.mark.parametrize("size", [100, 400, 8192, 9000])
def test_control_characters_are_counted_as_the_pattern_counts_them(size: int, extra: int) -> None:
    """An ASCII file with as many control characters as are allowed is read; one more refuses it."""
    allowed = max(16, min(size, decode.SNIFF) // 10)
    rng = random.Random(size)
    controls = [chr(c) for c in range(128) if CONTROL.match(chr(c)) and c != 0]
    chars = list("Polres Garut menurunkan 240 personel.\n\t\x0b\x0c\x1b" * (size // 40 + 1))[:size]
    for i in rng.sample(range(min(size, decode.SNIFF)), allowed + extra):
        chars[i] = rng.choice(controls)
    text = "".join(chars)
    assert len(CONTROL.findall(text[: decode.SNIFF])) == allowed + extra
    if extra:
        with pytest.raises(decode.BadInput, match=f"binary file \\({allowed + extra} control"):
            decode.decode_bytes(text.encode())
    else:
        assert decode.decode_bytes(text.encode())[0] == text.replace("\r", "\n")


def test_the_control_table_marks_the_patterns_characters_only() -> None:
    marked = bytes(range(128)).translate(decode._CONTROL_TO_NUL)
    assert [c for c in range(128) if marked[c] == 0] == [c for c in range(128) if CONTROL.match(chr(c))]
    assert bytes(range(128, 256)).translate(decode._CONTROL_TO_NUL) == bytes(range(128, 256))


@pytest.mark.parametrize("text", ["a\r\nb\rc\n\rd\r", "\r", "\r\n", "no returns\nat all", "", "é\r\nü"])
def test_newlines_are_made_one_style(text: str) -> None:
    assert decode.normalise_newlines(text) == text.replace("\r\n", "\n").replace("\r", "\n")


def test_label_terms_are_their_definition_with_repeats_and_no_entities(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(tantivy_query, "_TERMS", {})
    ents = [
        Entity(0, 6, "POLICE_UNIT", "Polres Garut"),
        Entity(9, 12, "PERSON", "Dedi"),
        Entity(20, 32, "POLICE_UNIT", "Polres Garut"),
        Entity(40, 45, "LOC", "Garut"),
        Entity(50, 55, "LOC", "GARUT"),
        Entity(60, 61, "PERSONNEL", ""),
    ]
    article = Article(id="a", source="s", title="t", text="x" * 70, entities=ents)
    want = sorted(
        {e.label.lower() for e in ents} | {f"{e.label.lower()}={' '.join(tokens(e.text))}" for e in ents}
    )
    assert tantivy_query.label_terms(article) == want
    assert tantivy_query.label_terms(article) == want  # remembered
    assert tantivy_query.label_terms(Article(id="b", source="s", title="t", text="x")) == []


def test_isal_crc32_is_zlib_crc32() -> None:
    """The duplicate signature hashes with ISA-L's CRC-32 where ``isal`` is installed: the same
    value as zlib's for any bytes and any running value (stored signatures stay comparable)."""
    isal_zlib = pytest.importorskip("isal.isal_zlib")
    assert dedupe._crc32 is isal_zlib.crc32
    rng = random.Random(3)
    for n in [*range(0, 300), 4095, 4096, 4097, 65_537]:
        data = rng.randbytes(n)
        start = rng.getrandbits(32)
        assert isal_zlib.crc32(data) == zlib.crc32(data)
        assert isal_zlib.crc32(data, start) == zlib.crc32(data, start)
        assert isal_zlib.crc32(memoryview(data)) == zlib.crc32(data)


def test_the_signature_is_the_same_with_either_crc32(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [
        "Judul\n"
        + " ".join(random.Random(i).choices(["Polres", "Garut", "240", "di", "Café", "kata"], k=300))
        for i in range(20)
    ]
    with_isal = [dedupe.signature(t) for t in texts]
    monkeypatch.setattr(dedupe, "_crc32", zlib.crc32)
    assert [dedupe.signature(t) for t in texts] == with_isal
    assert all(with_isal)


def test_a_descriptor_read_goes_on_after_a_short_read() -> None:
    """``read_limited`` reads by the descriptor: a read that returns less than asked (here a
    pipe written in pieces) is followed by more until the count or the end, as a buffered read."""
    pieces = [b"Polres Garut ", b"menurunkan 240 ", b"personel."]
    r, w = os.pipe()

    def write() -> None:
        for piece in pieces:
            os.write(w, piece)
            time.sleep(0.05)
        os.close(w)

    writer = threading.Thread(target=write)
    writer.start()
    try:
        assert decode._read_fd(r, 20) == b"".join(pieces)[:20]
        assert decode._read_fd(r, 1000) == b"".join(pieces)[20:]  # fewer: the end came first
        assert decode._read_fd(r, 10) == b""
    finally:
        writer.join()
        os.close(r)


@pytest.mark.parametrize("size", [0, 1, 4095, 4096, 70_000])
def test_read_limited_reads_a_file_whole(tmp_path: Path, size: int) -> None:
    data = random.Random(size).randbytes(size)
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    assert decode.read_limited(path) == data
    if size > 1:
        with pytest.raises(decode.BadInput, match="too large"):
            decode.read_limited(path, size - 1)
