"""The recogniser's session-10 speed-ups give what the forms they replace gave (issue 10): a word
character told by a set up to U+00FF (``isalnum`` past it), overlaps settled by a look at a span's
two ends instead of a search of its bytes, the hyphen of a reduplication looked at by index, the
searches of a window made only where a substring they need is in it, and a reduplicated word's
lower-case run possessive."""

from __future__ import annotations

import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from store.text.entities import Recogniser
from store.text.entities.heads import _BODY_BEFORE, _CREDIT_UNIT_BEFORE, _HOLDER_BEFORE, _doubled, _holder_in
from store.text.entities.patterns import (
    _GLUED_WORD,
    _STREET_WORD,
    _TAIL_WORD,
    _WALI_BEFORE,
    _WORD_LATIN1,
    PRIORITY,
    Cand,
    _wordchar,
)
from store.text.entities.resolve import _bare_mentions, _resolve


def _word_by_set(c: str) -> bool:
    """The test the keyword loop and the bare mentions make in place of ``_wordchar``."""
    return c in _WORD_LATIN1 or (c > "\xff" and c.isalnum())


def test_the_set_tells_every_character_as_wordchar_does() -> None:
    differ = [i for i in range(sys.maxunicode + 1) if _word_by_set(chr(i)) != _wordchar(chr(i))]
    assert differ == []


def _resolve_by_search(cands: list[Cand], size: int) -> list[Cand]:
    """The former settling: a span is free where a search of its bytes finds none taken."""
    taken: list[Cand] = []
    if len(cands) < 2:
        return [c for c in cands if c[1] > c[0]]
    ordered = sorted([(c[0] - c[1], PRIORITY[c[2]], c[0], i) for i, c in enumerate(cands)])
    occupied = bytearray(size + 1)
    for _neg, _p, s, i in ordered:
        e = cands[i][1]
        if e <= s or occupied.find(1, s, e) != -1:
            continue
        occupied[s:e] = b"\1" * (e - s)
        taken.append(cands[i])
    taken.sort()
    return taken


_LABELS = sorted(PRIORITY)


@st.composite
def _cands(draw: st.DrawFn) -> tuple[list[Cand], int]:
    size = draw(st.integers(0, 60))
    n = draw(st.integers(0, 25))
    out: list[Cand] = []
    for _ in range(n):
        s = draw(st.integers(0, size))
        e = draw(st.integers(max(0, s - 2), size))  # empty and reversed spans too
        out.append((s, e, draw(st.sampled_from(_LABELS)), None))
    return out, size


@settings(max_examples=3000, deadline=None)
@given(_cands())
def test_settling_by_the_ends_is_settling_by_search(case: tuple[list[Cand], int]) -> None:
    cands, size = case
    assert _resolve(list(cands), size) == _resolve_by_search(list(cands), size)


def test_settling_nested_and_equal_spans() -> None:
    # a short span inside a long one, two of one length side by side and overlapping, one of
    # length one at a long one's either end
    cands: list[Cand] = [
        (5, 6, "LOC", None),
        (2, 12, "PERSON", None),
        (3, 9, "LOC", None),
        (8, 14, "LOC", None),
        (11, 12, "DATE", None),
        (0, 2, "LOC", None),
        (1, 3, "PERSON", None),
        (12, 13, "LOC", None),
    ]
    assert _resolve(list(cands), 20) == _resolve_by_search(list(cands), 20)


# characters next to a name or a key: ASCII, Latin-1 letters, letters and digits past U+00FF
# (Greek, Arabic-Indic, a title-case digraph), marks and blanks that are no word characters
_NEIGHBOURS = [
    "",
    " ",
    "_",
    "a",
    "Z",
    "7",
    "é",
    "ß",
    "ª",
    "º",
    "\u00b2",
    "\u00d7",
    "\u00f7",
    "α",
    "Ω",
    "\u0663",
    "\u01c5",
    "\u2013",
    "\u201c",
    "\u00a0",
    "\u0301",
    "-",
    ".",
    ",",
]


def _bare_by_wordchar(text: str, names: set[str]) -> list[tuple[int, int, str]]:
    """The former bare mentions (every span free)."""
    out = []
    for name in sorted(names, key=lambda n: (-len(n), n)):
        at = text.find(name)
        if text.find(name, at + len(name)) == -1:
            continue
        while at != -1:
            end = at + len(name)
            if (at == 0 or not _wordchar(text[at - 1])) and (end >= len(text) or not _wordchar(text[end])):
                out.append((at, end, "LOC"))
            at = text.find(name, end)
    return out


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from([*_NEIGHBOURS, "Wolo", "Wolo Jaya", " dan "]), max_size=14))
def test_bare_mentions_by_the_set(parts: list[str]) -> None:
    text = "".join(parts)
    found: list[tuple[int, int, str]] = []
    _bare_mentions(
        text, {"Wolo", "Wolo Jaya"}, "LOC", lambda s, e: True, lambda s, e, label: found.append((s, e, label))
    )
    assert found == _bare_by_wordchar(text, {"Wolo", "Wolo Jaya"})


def test_a_key_glued_to_a_word_character_is_no_key() -> None:
    """The keyword loop skips a key with a word character before it or (a closed key) after it,
    whatever the script; a key beside any other character is read."""
    rec = Recogniser()
    for c in _NEIGHBOURS:
        if not c:
            continue
        before = rec.recognise(f"Personel {c}Polres Bandung berjaga.", "2024-02-14")
        after = rec.recognise(f"Personel Polres{c} Bandung berjaga.", "2024-02-14")
        glued = _wordchar(c)
        assert (not any(e.label == "POLICE_UNIT" and e.text.startswith("Polres") for e in before)) == glued, c
        if glued:
            assert not any(e.label == "POLICE_UNIT" and e.text.startswith("Polres") for e in after), c


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                *_NEIGHBOURS,
                "Polres",
                "Bandung",
                "Kapolres",
                "AKBP",
                "Budi",
                "di",
                "Kecamatan",
                "Cibarusah",
                "14 Februari 2024",
                "KPU",
                "Kantor",
                "Jalan",
            ]
        ),
        max_size=20,
    )
)
def test_random_texts_recognised_alike_by_fresh_and_warm_recognisers(parts: list[str]) -> None:
    """A text read by a fresh recogniser and again by one that has read others gives the same
    entities (the per-piece cache and the settled candidates agree)."""
    text = " ".join(parts)
    warm = _WARM
    assert [e.to_dict() for e in Recogniser().recognise(text, "2024-02-14")] == [
        e.to_dict() for e in warm.recognise(text, "2024-02-14")
    ]


_WARM = Recogniser()


def _doubled_by_slices(text: str, start: int, end: int) -> bool:
    """The former reduplication test."""
    word = text[start:end]
    return (text.startswith("-", end) and text.startswith(word, end + 1)) or (
        start > len(word) and text[start - 1] == "-" and text.startswith(word, start - 1 - len(word))
    )


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet="Bone- ", max_size=16), st.data())
def test_doubled_by_index_is_doubled_by_slices(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert _doubled(text, start, end) == _doubled_by_slices(text, start, end)


def test_kepala_before_a_force_word_is_a_role_at_every_distance() -> None:
    """The letter looked at before the ``endswith``: "Kepala"/"KEPALA" right before the unit is
    still a role's, at the text's start and after other words."""
    rec = Recogniser()
    for lead in ("", "Menurut ", "x"):
        for kepala in ("Kepala ", "KEPALA ", "Kepal "):
            text = f"{lead}{kepala}Kepolisian Resor Bandung hadir."
            units = [e for e in rec.recognise(text) if e.label == "POLICE_UNIT"]
            role = kepala in ("Kepala ", "KEPALA ")
            assert (not any(e.start == len(lead) + len(kepala) for e in units)) == role, text


# words around an office-holder, a credit and a mayor, pieces of them, blanks of every kind
_BEFORE_WORDS = [
    "Ketua",
    "Anggota",
    "Komisioner",
    "Kordiv",
    "Koordinator",
    "Ketu",
    "ketua",
    "KPU",
    "Bawaslu",
    "Kabupaten",
    "Bandung",
    "HUMAS",
    "Humas",
    "/HO-",
    "/HO",
    "(",
    "FOTO",
    "Foto",
    ":",
    "Sumber",
    "ANTARA",
    "Wali",
    "Wakil",
    "Penjabat",
    "Pj.",
    "Pj",
    "Kota",
    " ",
    "  ",
    "\u00a0",
    "\t",
    ",",
    "x",
]


@settings(max_examples=4000, deadline=None)
@given(st.lists(st.sampled_from(_BEFORE_WORDS), max_size=24), st.data())
def test_a_window_without_the_literal_has_no_match(parts: list[str], data: st.DataObject) -> None:
    """The substring tests made before the searches of a window are implied by a match: where
    one fails, the search would have found nothing."""
    text = "".join(parts)
    end = data.draw(st.integers(0, len(text)))
    for width, pattern, literal in (
        (40, _HOLDER_BEFORE, _holder_in),
        (100, _HOLDER_BEFORE, _holder_in),
        (20, _CREDIT_UNIT_BEFORE, lambda w: "HUMAS" in w or w.endswith("/HO-")),
        (20, _WALI_BEFORE, lambda w: "Wali" in w),
    ):
        start = max(0, end - width)
        if pattern.search(text, start, end) is not None:
            assert literal(text[start:end]), (pattern.pattern[:30], text[start:end])
    # the holder's search behind a body found in the 60 characters before: inside the 100
    body = _BODY_BEFORE.search(text, max(0, end - 60), end)
    if body is not None and _HOLDER_BEFORE.search(text, max(0, body.start() - 40), body.start()):
        assert _holder_in(text[max(0, end - 100) : end])


@settings(max_examples=4000, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Bone", "bone", "-", " ", "\u00a0", "B", "o", "é", "Ö", "0", "'", "’", "_", "x"]),
        max_size=14,
    )
)
def test_tail_words_with_the_possessive_run_match_as_before(parts: list[str]) -> None:
    """A reduplicated word's lower-case run made possessive: the same match, group and end on
    every text (only the whole run can have the hyphen after it)."""
    text = "".join(parts)
    for pattern in (_TAIL_WORD, _GLUED_WORD):
        assert "]++)-(?P=rd)" in pattern.pattern
        former = re.compile(pattern.pattern.replace("]++)-(?P=rd)", "]+)-(?P=rd)"))
        for pos in range(len(text) + 1):
            new, old = pattern.match(text, pos), former.match(text, pos)
            assert (new and (new.span(), new.groups())) == (old and (old.span(), old.groups()))


def test_a_tail_word_opens_with_a_capital_or_an_ascii_digit() -> None:
    """``_tail`` tells a figure by its first character's code (``<= "9"``): every character a
    tail-word pattern may open a word with is an ASCII digit or above "9" and no digit."""
    for pattern in (_TAIL_WORD, _GLUED_WORD, _STREET_WORD):
        for i in range(sys.maxunicode + 1):
            c = chr(i)
            m = pattern.match(" " + c + "a" if pattern is not _GLUED_WORD else c + "a")
            if m is not None:
                assert (c <= "9") == c.isdigit() and (c.isdigit() == ("0" <= c <= "9")), hex(i)
