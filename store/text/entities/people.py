"""Names of people: where a personal name starts and ends, and the cues that introduce one (a rank,
a speech verb, an apposition, a sentence subject before a speech verb, a given-name prefix, a
credit line, initials)."""

from __future__ import annotations

import re
from functools import lru_cache

from store.text import gazetteer as gz
from store.text.dates import MONTHS, WEEKDAYS
from store.text.entities.patterns import (
    _AFTER_RANK,
    _APPOSITION,
    _CREDIT,
    _GAP,
    _INITIALS,
    _LO,
    _MORE_INITIALS,
    _NAME_PREFIX,
    _RE_RANK,
    _S,
    _UP,
    Add,
    _hard_heads,
    _places,
    _stops,
)

# --- names of people -----------------------------------------------------------------------------

_NAME_WORD = re.compile(
    rf"[{_UP}](?:[{_LO}]{{0,3}}\.(?={_S}+[{_UP}])|[{_LO}'’]+(?:-[{_UP}]?[{_LO}]+)*(?![\w]))"
)
_HONORIFIC = re.compile(rf"(?:Dr|Drs|Dra|Ir|H|Hj|Prof|KH|dr)\.?{_S}+(?=[{_UP}])")
_ACADEMIC_LIKE = re.compile(r"(?:[A-Za-z]{1,4}\.){2,}[A-Za-z]{0,4}\.?|[A-Z][a-z]{0,3}\.[A-Z][a-z]*")


_MONTH_NAMES = frozenset(m for m in MONTHS if len(m) >= 5 and m not in ("april", "agust"))


@lru_cache(maxsize=8192)
def _name_stop(token: str) -> bool:
    low = token.lower().rstrip(".")
    return (
        low in gz.ACADEMIC
        or low in gz.STOP
        or low in _hard_heads()
        or low in WEEKDAYS
        or low in _MONTH_NAMES
        or low in {"pol", "polisi", "tni", "humas", "kasat", "kapolsek", "kapolres", "lintas"}
    )


_CAPS_NAME_WORD = re.compile(rf"[{_UP}](?:[{_UP}]{{1,3}}\.(?={_S}+[{_UP}])|[{_UP}'’]+(?:-[{_UP}]+)*(?![\w]))")


def _name_at(text: str, pos: int, max_words: int = 5, caps: bool = False) -> tuple[int, int] | None:
    """The personal name starting at ``pos``: capitalised words, "Muh."-style abbreviations and
    initials, up to an academic title, a stop word or another entity's head. ``caps``: a name in
    capitals is taken too ("BRIPKA MUH. YUSRAN"), when its first word is."""
    end = pos
    count = 0
    cursor = pos
    word = _NAME_WORD
    if caps and _CAPS_NAME_WORD.match(text, pos) and not _NAME_WORD.match(text, pos):
        word = _CAPS_NAME_WORD
    while count < max_words:
        m = word.match(text, cursor)
        if m is None:
            break
        token = m.group()
        if _name_stop(token):
            break
        end = m.end()
        count += 1
        gap = _GAP.match(text, end)
        if gap is None:
            break
        cursor = gap.end()
    if count == 0:
        return None
    while end > pos and text[end - 1] == ".":  # "Bambang S." keeps the initial, not the dot
        end -= 1
    return (pos, end) if end > pos else None


def _h_rank(text: str, start: int, key_end: int, add: Add) -> None:
    m = _RE_RANK.match(text, start)
    if m is None:
        return
    end = m.end()
    while end > start and text[end - 1] in " \t\u00a0":
        end -= 1
    add((start, end, "RANK", None))
    after = m.end()
    if start and text[start - 1] == "(" and text.startswith(")", end):
        after = end + 1  # "Ajun Komisaris Besar Polisi (AKBP) Samsul Lubis": the name after the bracket
    sep = _AFTER_RANK.match(text, after)
    at = sep.end() if sep else after
    hon = _HONORIFIC.match(text, at)
    if hon:
        at = hon.end()
    span = _name_at(text, at, caps=True)
    if span is not None:
        add((span[0], span[1], "PERSON", None))

def _h_speech(text: str, start: int, key_end: int, add: Add) -> None:
    span = _name_at(text, key_end - 1, max_words=3)
    if span is not None and span[1] - span[0] >= 3:
        add((span[0], span[1], "PERSON", None))


def _h_appos(text: str, start: int, key_end: int, add: Add) -> None:
    m = _APPOSITION.match(text, start)
    if m is None:
        return
    words = m["n"].split()
    if m["n"].lower() in _places() or any(_name_stop(w) or w.lower() in _places() for w in words):
        return
    add((m.start("n"), m.end("n"), "PERSON", None))


_SUBJECT = re.compile(rf"(?:^|(?<=[.!?\n])[ \t\u00a0\"“*]*|(?<=[\"“]))([{_UP}][{_LO}]{{2,}})$", re.M)
_NOT_SUBJECTS = frozenset(
    "ia dia beliau mereka kami kita kapolres kapolsek pihaknya selain namun sementara kemudian hal ini itu "
    "baca tonton simak lihat klik cek "
    "kegiatan pengamanan personel masyarakat warga petugas polisi aparat semua seluruh para "
    # the events the pages tell of, opening a sentence ("Rakor juga menyepakati ...")
    "rakor pleno simulasi pertemuan kampanye gladi razia sambang acara audiensi dialog penjagaan pengawalan "
    "pergeseran pendistribusian distribusi rekapitulasi pemungutan pencoblosan upacara".split()
)


def _h_subject(text: str, start: int, key_end: int, add: Add) -> None:
    """"Ridwan juga mengingatkan …": a capitalised word opening a sentence before a speech verb."""
    word_start = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start)) + 1
    if not text[word_start:word_start + 2].strip("\"“*")[:1].isupper():
        return  # the word before the verb is not capitalised
    m = _SUBJECT.search(text, max(0, start - 30), start)
    if m is None:
        return
    word = m.group(1)
    low = word.lower()
    if low in _NOT_SUBJECTS or low.endswith("nya") or _name_stop(word) or low in _places() or _stops(word):
        return
    add((m.start(1), m.end(1), "PERSON", None))


def _h_nameprefix(text: str, start: int, key_end: int, add: Add) -> None:
    m = _NAME_PREFIX.match(text, start)
    if m is None:
        return
    span = _name_at(text, m.end(), max_words=4)
    if span is not None:
        add((start, span[1], "PERSON", None))


def _h_credit(text: str, start: int, key_end: int, add: Add) -> None:
    m = _CREDIT.match(text, start)
    if m is None:
        return
    span = _name_at(text, m.end(), max_words=4)
    if span is not None:
        add((span[0], span[1], "PERSON", None))


def _h_initials(text: str, start: int, key_end: int, add: Add) -> None:
    m = _INITIALS.match(text, key_end)
    while m is not None:
        add((m.start("i"), m.end("i"), "PERSON", None))
        m = _MORE_INITIALS.match(text, m.end())

