"""Sentence boundaries in Indonesian news text, for the reader's sentence cursor and evidence.

A sentence ends at . ! ? (and closing quotes after them) followed by space and an upper-case
letter, digit or quote, or at a line break. Abbreviations and academic titles ("S.I.K.",
"M.H.", "Pol.", "No.", "Kab."), initials ("M. Yusuf"), decimal and thousands numbers ("1.112")
and times ("10.30") never end one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from store.model import Span

_ABBREV = {
    "pol", "no", "kab", "kec", "kel", "jl", "jln", "dr", "drs", "dra", "ir", "h", "hj", "prof", "st", "sh",
    "mh", "sik", "ssos", "msi", "spd", "se", "mm", "bpk", "ibu", "sdr", "tgl", "rp", "dkk", "dll", "dsb",
    "a.n", "u.p", "kol", "let", "brig", "ket", "s", "m", "k", "p", "a", "i", "wib", "wita", "wit", "vs",
    "ds", "prov", "kota", "yth", "an", "pt", "cv", "tbk",
    "muh", "moh", "moch", "mochd", "muhd", "mhd", "abd", "hi",  # names: "IPTU Muh. Asri", "Rusdi Hi. Ahmad"
}
_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])|\n")


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the '.' at ``dot`` belongs to an abbreviation, a title or an initial."""
    start = dot
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "."):
        start -= 1
    word = text[start:dot].lower()
    if not word:
        return False
    if word.replace(".", "") in _ABBREV or "." in word:  # S.I.K, M.H, a.n
        return True
    return len(word) == 1 and word.isalpha()  # an initial


def sentences(text: str, noise: Sequence[Span] = ()) -> list[tuple[int, int]]:
    """(start, end) of each sentence, stripped of surrounding space; noise lines are their own."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in _END.finditer(text):
        if m.group() != "\n":
            first_dot = m.start()
            if text[first_dot] == "." and _is_abbreviation(text, first_dot):
                continue
        end = m.end() if m.group() != "\n" else m.start()
        _add(text, start, end, out)
        start = m.end()
    _add(text, start, len(text), out)
    return out


def _add(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append((start, end))


def sentence_at(spans: Sequence[tuple[int, int]], offset: int) -> int:
    """Index of the sentence containing (or nearest after) ``offset``."""
    for i, (_s, e) in enumerate(spans):
        if offset < e:
            return i
    return max(0, len(spans) - 1)
