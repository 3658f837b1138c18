"""The sentence splitter reads the text in whole-list steps (issue 12: it runs for every article of
a CoNLL export); it must cut exactly where the one-match-at-a-time reading below cut, which is
kept here as the reference: texts full of stops, abbreviations, initials, numbers, quotes,
line breaks and the characters whose case rules are odd (the Kelvin sign, a dotted capital I,
superscript digits)."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from store.text.sentences import _ABBREV, sentences

_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])|\n")


def _is_abbreviation(text: str, dot: int) -> bool:
    start = dot
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "."):
        start -= 1
    word = text[start:dot].lower()
    if not word:
        return False
    if word.replace(".", "") in _ABBREV or "." in word:
        return True
    return len(word) == 1 and word.isalpha()


def reference(text: str) -> list[tuple[int, int]]:
    """The splitter as it was: each match of the end pattern checked one by one."""
    out: list[tuple[int, int]] = []
    start = 0

    def add(start: int, end: int) -> None:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            out.append((start, end))

    for m in _END.finditer(text):
        if m.group() != "\n" and text[m.start()] == "." and _is_abbreviation(text, m.start()):
            continue
        add(start, m.end() if m.group() != "\n" else m.start())
        start = m.end()
    add(start, len(text))
    return out


PIECES = [
    *"aAbKz.!? \n\t\"'”’)]([“‘09", "²", "½", "Ⅻ", "\u212a", "İ", "ı", "\u00a0", "\r\n", "\u2028",
    "Pol", "pol", "POL", "S.H", "S.I.K", "m²", "WIB", "Kota", "kota", "1.112", "10.30", "dr", "Dr",
    "Hi", "M", "Rp", "a.n", "...", "?!", "!.", "Kapolres", "  ", "\u212aab", "Muh",
]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40))
def test_same_cuts_as_the_reference(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert sentences(text) == reference(text)


def test_same_cuts_on_the_sample_articles() -> None:
    root = Path(__file__).resolve().parents[2] / "sample_articles"
    texts = [p.read_bytes().decode("utf-8", "replace") for p in sorted(root.iterdir()) if p.is_file()]
    assert len(texts) > 10
    for text in texts:
        assert sentences(text) == reference(text)


def test_cuts() -> None:
    text = ('Kapolres AKBP Budi S.I.K., M.H. memimpin apel pukul 10.30 WIB. Hadir 1.112 personel! '
            '"Siap?" kata Kompol M. Yusuf.\nBaris baru tanpa titik\n\n  Kab. Sleman aman. 2 orang')
    got = [text[s:e] for s, e in sentences(text)]
    assert got == ["Kapolres AKBP Budi S.I.K., M.H. memimpin apel pukul 10.30 WIB. Hadir 1.112 personel!",
                   '"Siap?" kata Kompol M. Yusuf.', "Baris baru tanpa titik", "Kab. Sleman aman.", "2 orang"]
    assert sentences("") == [] and sentences(" \n ") == []
