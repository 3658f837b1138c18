"""Session 11's recogniser speed work gives what the code before it gave: the day and month names
a first pass hands to ``find_dates`` come from the keyword automaton's pass (``date_word_spans``),
not from a regex scan of the piece, and must be exactly the spans that scan gives, on generated
texts (names next to letters, digits, apostrophes, other names, inside words) and on every
real-shaped page the repository holds; the dates found from them must be the same too."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from store.text import dates
from store.text.entities import recogniser

ROOT = Path(__file__).resolve().parents[2]


def _from_automaton(text: str) -> list[tuple[int, int]]:
    found = [(end - value[0] + 1, end + 1) for end, value in recogniser._automaton().iter(text) if value[4]]
    return recogniser.date_word_spans(text, found) if found else []


def _from_regex(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in dates._P_WORD.finditer(text)]


_OTHERS = "a x _ 1 é ñ \u0660 - ( Desa Sept SEPT Mart Junita".split()
_PARTS = [*sorted(dates.DATE_WORDS), *_OTHERS, " ", "\n", "'", "’"]
_TEXTS = st.lists(st.sampled_from(_PARTS), max_size=14).map("".join)


@settings(max_examples=4000, deadline=None)
@given(_TEXTS)
def test_date_word_spans_are_the_regex_scan(text: str) -> None:
    assert _from_automaton(text) == _from_regex(text)


@settings(max_examples=1500, deadline=None)
@given(_TEXTS, st.sampled_from([None, "2024-11-27", "2024-01-02T08:00"]))
def test_dates_from_the_automaton_are_the_dates(text: str, published: str | None) -> None:
    assert dates.find_dates(text, published, relative=False, words=_from_automaton(text)) == dates.find_dates(
        text, published, relative=False
    )


def test_known_shapes() -> None:
    # the longest name no word character or apostrophe follows; none inside the one before
    assert _from_automaton("Sept. 2024, Sep 3, SEPTEMBER") == [(0, 4), (12, 15)]  # (months: capitalised only)
    assert _from_automaton("Jum'at (22/11), Jum’at, JUM'AT, Jum'atan") == [(0, 6), (16, 22), (24, 30)]
    assert _from_automaton("Desa Desember,Des") == [(5, 13), (14, 17)]
    assert _from_automaton("Senin' Selasa’s Rabu") == [(16, 20)]  # (an apostrophe after: no name)
    # a name inside a word is a span: find_dates tests its left side
    assert _from_automaton("xSenin Senin_ Senin2 Seniné Senin-") == [(1, 6), (28, 33)]


def test_real_pages() -> None:
    folders = [ROOT / "sample_articles", ROOT / "tests" / "gold" / "real" / "dev"]
    pages = [p for folder in folders for p in sorted(folder.iterdir()) if p.suffix in (".txt", ".md")]
    assert len(pages) > 100
    for page in pages:
        text = page.read_text(encoding="utf-8", errors="replace")
        assert _from_automaton(text) == _from_regex(text), page.name
