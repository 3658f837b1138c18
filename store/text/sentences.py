"""Sentence boundaries in Indonesian news text, for the reader's sentence cursor and evidence.

A sentence ends at . ! ? (and closing quotes after them) followed by space and an upper-case
letter, digit or quote, or at a line break. Abbreviations and academic titles ("S.I.K.",
"M.H.", "Pol.", "No.", "Kab."), initials ("M. Yusuf"), decimal and thousands numbers ("1.112")
and times ("10.30") never end one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import accumulate, count
from operator import add

from store.model import Span

_ABBREV = {
    "pol", "no", "kab", "kec", "kel", "jl", "jln", "dr", "drs", "dra", "ir", "h", "hj", "prof", "st", "sh",
    "mh", "sik", "ssos", "msi", "spd", "se", "mm", "bpk", "ibu", "sdr", "tgl", "rp", "dkk", "dll", "dsb",
    "a.n", "u.p", "kol", "let", "brig", "ket", "s", "m", "k", "p", "a", "i", "wib", "wita", "wit", "vs",
    "ds", "prov", "kota", "yth", "an", "pt", "cv", "tbk",
    "muh", "moh", "moch", "mochd", "muhd", "mhd", "abd", "hi",  # names: "IPTU Muh. Asri", "Rusdi Hi. Ahmad"
}
_CLOSE = "[\"'”’)\\]]*"  # closing quotes and brackets after the stop
_NEXT = r"(?=\s+[\"'“‘(\[]?[A-Z0-9])"  # space, then an upper-case letter, digit or quote
# a run of stops (found from its first character, not from inside the run) that ends a sentence
# unless an abbreviation comes before it; one pattern per first character, so each is found by
# the quick search for one character rather than a test of every character of the text
_DOT = re.compile(rf"\.(?<![.!?]\.)[.!?]*{_CLOSE}{_NEXT}")
_BANG = re.compile(rf"!(?<![.!?]!)[.!?]*{_CLOSE}{_NEXT}")
_ASK = re.compile(rf"\?(?<![.!?]\?)[.!?]*{_CLOSE}{_NEXT}")


def _letters(word: str) -> str:
    """A pattern for ``word`` in any case (the characters whose ``lower()`` is its letter)."""
    return "".join("[kK\u212a]" if ch == "k" else f"[{ch}{ch.upper()}]" for ch in word)


_LISTED = "|".join(_letters(w[::-1]) for w in sorted(_ABBREV, key=lambda w: (-len(w), w))
                   if w.isalpha() and len(w) > 1)
# read in the reversed text, so the word before a dot comes after it: the dot, then a word that
# holds a dot ("S.I.K", "1.112"), a listed abbreviation, or one letter (checked by _initial)
_AFTER_ABBREVIATION = re.compile(rf"\.(?=[^\W_]+\.|(?:{_LISTED})(?![^\W_.])|([^\W\d_])(?![^\W_.]))")


def _initial(ch: str) -> bool:
    low = ch.lower()
    return len(low) == 1 and low.isalpha()


def _abbreviations(text: str) -> set[int]:
    """Where a dot belongs to an abbreviation, a title or an initial: the word before it (letters,
    digits and dots) holds a dot, is a listed abbreviation or is one letter."""
    last = len(text) - 1
    return {last - m.start() for m in _AFTER_ABBREVIATION.finditer(text[::-1])
            if m.group(1) is None or _initial(m.group(1))}


def sentences(text: str, noise: Sequence[Span] = ()) -> list[tuple[int, int]]:
    """(start, end) of each sentence, stripped of surrounding space; noise lines are their own.

    The text is cut after each run of stops that ends a sentence and after each line break, and
    the pieces are stripped, in whole-list steps (this runs for every article of an export)."""
    cuts: list[int] = []
    if "." in text:
        skip = _abbreviations(text)
        cuts = [m.end() for m in _DOT.finditer(text) if m.start() not in skip]
    if "!" in text:
        cuts += [m.end() for m in _BANG.finditer(text)]
    if "?" in text:
        cuts += [m.end() for m in _ASK.finditer(text)]
    lines = text.split("\n")
    if len(lines) > 1:
        cuts += map(add, accumulate(map(len, lines[:-1])), count(1))  # just after each line break
    cuts.sort()
    cuts.append(len(text))
    starts = [0, *cuts[:-1]]
    pieces = list(map(text.__getitem__, map(slice, starts, cuts)))
    lead = map(len, map(str.lstrip, pieces))
    kept = map(len, map(str.rstrip, pieces))
    return [(s + n - ls, s + rs) for s, n, ls, rs in zip(starts, map(len, pieces), lead, kept, strict=True)
            if rs > n - ls]


def sentence_at(spans: Sequence[tuple[int, int]], offset: int) -> int:
    """Index of the sentence containing (or nearest after) ``offset``."""
    for i, (_s, e) in enumerate(spans):
        if offset < e:
            return i
    return max(0, len(spans) - 1)
