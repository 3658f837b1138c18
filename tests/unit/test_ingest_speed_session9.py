"""Session 9's ingest speed work gives what the plain definitions give: the duplicate signature
(shingles zipped from shifted copies of the word list, sampled from the set), the story
signature's figures (found in an ASCII text's bytes with its digits made "0"), and a worker's
chunks leave no garbage for the collector (what outlives a chunk is frozen)."""

from __future__ import annotations

import gc
import zlib
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from store import ingest
from store.model import Article, Span
from store.sources.formats import RawDoc
from store.text import dedupe, noise

ROOT = Path(__file__).parents[2]


def plain_signature(text: str, noise: list[Span]) -> list[int]:
    """The signature by its definition: every 5-word shingle of the body, hashed, sampled."""
    nl = text.find("\n")
    words = dedupe._body_bytes(text, [*noise, Span(0, nl)] if nl > 0 else noise)
    shingles = [b" ".join(words[i : i + dedupe.SHINGLE]) for i in range(len(words) - dedupe.SHINGLE + 1)]
    return sorted({h for h in map(zlib.crc32, shingles) if h % dedupe.SAMPLE == 0})


WORDS = ["Polres", "Kuningan", "240", "personel", "TPS", "di", "dan", "pengamanan", "KPU", "Senin", "1.240"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([*WORDS, "\n", "\n\n", "Baca juga: X", ",", "Kapolsek"]), max_size=80))
def test_the_signature_is_the_plain_definition(parts: list[str]) -> None:
    text = "Judul\n" + " ".join(parts)
    noise = [Span(m, m + 12) for m in range(len(text)) if text.startswith("Baca juga: X", m)]
    assert dedupe.signature(text, noise) == plain_signature(text, noise)


def test_a_huge_text_keeps_the_iterators_and_signs_alike() -> None:
    body = " ".join(f"{WORDS[i % len(WORDS)]} kata{i % 997}" for i in range(dedupe._COPY_WORDS // 2 + 50))
    text = "Judul\n" + body
    assert len(dedupe._body_bytes(text, [Span(0, 5)])) > dedupe._COPY_WORDS
    assert dedupe.signature(text) == plain_signature(text, [])


FIGURE_TEXT = st.lists(
    st.sampled_from(
        [
            "1.240",
            "07.30",
            "26/11",
            "9,8",
            "12",
            "0",
            "2024",
            "1.2345",
            "A12",
            "12a",
            "-12",
            "12-",
            "12.",
            "12,",
            "1.240.000",
            "x.123",
            ":45",
            "45:",
            "_12",
            "12_",
            "(25)",
            "Rp 15.000",
            " ",
            ".",
            ",",
            "/",
            "-",
            "a",
            "\n",
            "3.",
            ".5",
            "12,5",
            "7/",
            "100",
        ]
    ),
    max_size=30,
)


@settings(max_examples=300, deadline=None)
@given(FIGURE_TEXT)
def test_figures_of_an_ascii_text_are_those_of_the_unicode_pattern(parts: list[str]) -> None:
    text = "".join(parts)
    assert text.isascii()
    zeroed = text.encode().translate(dedupe._ZEROED)
    assert [m.span() for m in dedupe._FIGURE_ASCII.finditer(zeroed)] == [
        m.span() for m in dedupe._FIGURE.finditer(text)
    ]


def test_story_figures_alike_in_ascii_and_unicode_text() -> None:
    text = "Judul\nSebanyak 1.240 personel dan 118 TPS, pukul 07.30, 26/11, 9,8 persen, 2024, 35 unit."
    ascii_facts = dedupe.story_signature(Article(id="a", source="s", title="Judul", text=text))
    # the same figures in a text that is not ASCII (an accented word after them) take the other path
    other = dedupe.story_signature(Article(id="b", source="s", title="Judul", text=text + " Café"))
    figures = {dedupe._hash(dedupe.FIGURE, n) for n in ("1240", "118", "35")}
    assert set(ascii_facts) == figures == set(other)


def test_a_workers_chunks_leave_no_garbage() -> None:
    """What a chunk makes dies by reference counting (no cycles), so freezing what outlives a
    chunk (``_worker_prepare_many`` in a worker) keeps nothing the collector would have freed."""
    files = sorted(str(p) for p in (ROOT / "sample_articles").iterdir())
    rows = [
        RawDoc(source=f"r{i}", text=f"Judul {i}\n\nKapolres Bima AKBP Dedi menyiagakan {i}0 personel.")
        for i in range(3)
    ]
    ingest._worker_recogniser = ingest.Recogniser()
    frozen = gc.get_freeze_count()
    enabled = gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        first = ingest._worker_prepare_many([*files, *rows])
        second = ingest._worker_prepare_many([*files, *rows])
        assert first == second and len(first) >= len(files) + len(rows)
        del first, second
        assert gc.collect() == 0
    finally:
        if enabled:
            gc.enable()
        ingest._worker_recogniser = None
    assert gc.get_freeze_count() == frozen  # outside a worker nothing is frozen


def test_lines_of_a_text_without_marks_are_cleaned_as_one_by_one() -> None:
    """A text that misses the fast path for its spacing alone ("  ", a tab, a space at a line's
    end) but holds no markup mark: its lines are cleaned without the scan for marks, alike."""
    text = "Judul  berita\n\n Polres  Garut\tmenggelar apel. \n\nBaca juga:  Patroli\n\u00a0Tags: a \nx\x0by"
    raws, cleans, nonblank = noise.split_lines(text)
    assert raws == text.split("\n")
    assert cleans == ["" if not r or len(r) > noise.MAX_NOISE_LINE else noise.clean(r) for r in raws]
    assert nonblank == [i for i, r in enumerate(raws) if r.strip()]
    starts = noise.line_starts(raws)
    assert len(starts) == len(raws) + 1 and starts[-1] == len(text) + 1
    assert [text[s : s + len(r)] for s, r in zip(starts, raws, strict=False)] == raws
