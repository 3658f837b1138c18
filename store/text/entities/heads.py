"""Handlers for the heads of units, bodies, places, elections and counts: each finds the whole
entity that starts at a keyword the automaton found and adds it as a candidate."""

from __future__ import annotations

import re
from collections.abc import Callable

from store.text import gazetteer as gz
from store.text.entities.patterns import (
    _ADMIN_AFTER,
    _ADMIN_HEAD,
    _BLOCK,
    _BODY_HEAD,
    _COUNT_BEFORE,
    _DESIGNATION,
    _DIRECTIONS,
    _GAP,
    _GLUED_WORD,
    _GOV_HEAD,
    _GOV_NAMED,
    _GOV_NEEDS_NAME,
    _MEMBERS_OF_BODY,
    _METRO,
    _MIL_NEEDS_NAME,
    _OPERATION,
    _RE_ELECTION,
    _RE_MILITARY,
    _RE_PERSONNEL_TAIL,
    _RE_POLRI,
    _RE_ROLE,
    _ROLE_BEFORE_HUMAS,
    _SUBUNIT,
    _TAIL_WORD,
    _TERR,
    _WALI_BEFORE,
    Add,
    _tail,
)


def _h_role(text: str, start: int, key_end: int, add: Add) -> None:
    m = _RE_ROLE.match(text, start)
    if m is None:
        return
    end = m.end()
    add((start, end, "ROLE", None))
    role = re.sub(r"[ \t\u00a0]+", " ", m.group()).lower()
    if role not in gz.TERRITORIAL_ROLES:
        return
    if role.startswith(("dan", "pangdam")):
        d = _DESIGNATION.match(text, end)
        if d:  # "Dandim 0825/Banyuwangi": the designation belongs to the title
            d_end = d.end()
            if text.startswith("/", d_end):
                d_end = _tail(text, d_end + 1, max_words=3, glued=True)[0]
            add((end, d_end, _BLOCK, None))
            return
    metro = _METRO.match(text, end)
    if metro:  # "Kapolres Metro Jakarta Timur": "Metro" is part of the unit's name, not the city
        add((end, metro.end(), _BLOCK, None))
    at = metro.end() if metro else end
    tail_end, n = _tail(text, at, max_words=3, kota=True)
    if n:
        first = _GAP.match(text, at)
        s = first.end() if first else at
        add((s, tail_end, "LOC", None))


def _territorial(text: str, start: int, add: Add | None = None) -> int | None:
    """End of a territorial unit at ``start`` with its place ("Polres Metro Jakarta Barat"), or
    None for a bare generic word ("Polsek jajaran"), unless it stands in parentheses."""
    m = _TERR.match(text, start)
    if m is None:
        return None
    end, n = _tail(text, m.end(), max_words=4, kota=True)
    if n == 0 and not text.startswith("Kepolisian", start):
        if not (text.endswith("(", 0, start) and text.startswith(")", m.end())):
            return None
        end = m.end()
    return end


def _h_police(text: str, start: int, key_end: int, add: Add) -> None:
    m = _RE_POLRI.match(text, start)
    if m is not None:
        add((start, m.end(), "POLICE_UNIT", None))
        return
    sub = _SUBUNIT.match(text, start)
    if sub is None:
        end = _territorial(text, start)
        if end is not None:
            add((start, end, "POLICE_UNIT", None))
        return
    if sub.group().startswith(("Humas", "Si", "Bid")) and _ROLE_BEFORE_HUMAS.search(text, max(0, start - 12), start):
        return  # "Kabid Humas Polda X": a role, then the unit
    end = sub.end()
    while True:  # functional units chain into the unit they belong to: "Batalyon A Satbrimob Polda X"
        gap = _GAP.match(text, end)
        if gap is None:
            break
        nxt = _SUBUNIT.match(text, gap.end())
        if nxt is not None:
            end = nxt.end()
            continue
        terr = _territorial(text, gap.end())
        if terr is not None:
            end = terr
        else:
            polri = _RE_POLRI.match(text, gap.end())
            if polri is not None:
                end = polri.end()
        break
    add((start, end, "POLICE_UNIT", None))


def _h_military(text: str, start: int, key_end: int, add: Add) -> None:
    m = _RE_MILITARY.match(text, start)
    if m is None:
        return
    end = m.end()
    head = m.group()
    if head.endswith("/"):
        end, n = _tail(text, end, max_words=3, glued=True)
        if n == 0:
            end = m.end() - 1
    elif head.startswith(_MIL_NEEDS_NAME) or head in ("Kodam", "KODAM") or (
        head.startswith("Kodam") and text.startswith(" ", end)
    ):
        end, n = _tail(text, end, max_words=3)
        if n == 0 and head.startswith(_MIL_NEEDS_NAME):
            return
    if head.startswith(("Korem", "Kodim", "Koramil", "KOREM", "KODIM", "KORAMIL", "Kodam", "KODAM")) and end == start + 5:
        return  # a bare "Kodim"/"Koramil" is a generic word
    if end > start + len(head.rstrip("/")) or not head.startswith(("Kodam", "KODAM")) or head.strip() != head:
        add((start, end, "MILITARY_UNIT", None))
    elif end > start:
        add((start, end, "MILITARY_UNIT", None))


def _org_region(text: str, end: int) -> int:
    """After an organisation's name: its region, with the division word ("Kabupaten Magelang")
    or without ("Bawaslu Sulteng", "PPK Seginim")."""
    adm = _ADMIN_AFTER.match(text, end)
    if adm is not None:
        t_end, n = _tail(text, adm.end(), max_words=4)
        if n:
            return t_end
    t_end, n = _tail(text, end, max_words=4)
    return t_end if n else end


def _h_body(text: str, start: int, key_end: int, add: Add) -> None:
    m = _BODY_HEAD.match(text, start)
    if m is None:
        return
    add((start, _org_region(text, m.end()), "ELECTION_BODY", None))


def _h_gov(text: str, start: int, key_end: int, add: Add) -> None:
    m = _GOV_HEAD.match(text, start)
    if m is not None:
        end = _org_region(text, m.end())
        if end == m.end() and m.group().startswith(_GOV_NEEDS_NAME):
            return
        add((start, end, "GOV_ORG", None))
        return
    m = _GOV_NAMED.match(text, start)
    if m is None:
        return
    end, n = _tail(text, m.end(), max_words=5)
    if n == 0:
        return
    add((start, _org_region(text, end), "GOV_ORG", None))


def _h_election(text: str, start: int, key_end: int, add: Add) -> None:
    m = _RE_ELECTION.match(text, start)
    if m is not None:
        add((start, m.end(), "ELECTION", None))


def _count_value(m: re.Match[str]) -> int | None:
    if m["n"]:
        return int(m["n"].replace(".", ""))
    words = m["w"].lower().split()
    if len(words) == 1:
        return gz.NUMBER_WORDS.get(words[0])
    unit, scale = gz.NUMBER_WORDS.get(words[0]), words[-1]
    if unit is None:
        return None
    return unit + 10 if scale == "belas" else unit * (10 if scale == "puluh" else 100)


def _h_personnel(text: str, start: int, key_end: int, add: Add) -> None:
    back = _COUNT_BEFORE.search(text, max(0, start - 30), start)
    if back is None:
        return
    if text.startswith("anggota", start) and _MEMBERS_OF_BODY.match(text, key_end):
        return  # "dua anggota KPPS": members of a body, not personnel
    value = _count_value(back)
    if value is None:
        return
    tail = _RE_PERSONNEL_TAIL.match(text, key_end)
    if tail is None:
        return
    add((back.start(), tail.end(), "PERSONNEL", value))


def _h_loc(head: re.Pattern[str], **opts: bool) -> Callable[[str, int, int, Add], None]:
    def find(text: str, start: int, key_end: int, add: Add) -> None:
        m = head.match(text, start)
        if m is None:
            return
        if head is _ADMIN_HEAD and _WALI_BEFORE.search(text, max(0, start - 20), start):
            return  # "Wali Kota Cirebon": the role, then the city
        street = m.group().lower() in gz.STREETS
        end, n = _tail(text, m.end(), max_words=4 if not street else 5, street=street, **opts)
        if n:
            add((start, end, "LOC", None))

    return find


def _h_place(text: str, start: int, key_end: int, add: Add) -> None:
    end = key_end
    m = _TAIL_WORD.match(text, end)
    if m is not None and m.group(1).lower() in _DIRECTIONS and not _TAIL_WORD.match(text, m.end()):
        end = m.end()  # "Bangka Barat", "Bima Kota"
    elif m is not None and m.group(1).lower() in _DIRECTIONS and m.group(1) != "Kota":
        end = m.end()
    add((start, end, "LOC", None))


def _h_prep(text: str, start: int, key_end: int, add: Add) -> None:
    at = key_end - 1  # the capital letter
    word = _GLUED_WORD.match(text, at)
    if word is None or len(word.group()) < 3 or (word.group().isupper() and len(word.group()) < 4):
        return
    end, n = _tail(text, at - 1, max_words=3)
    if n:
        add((at, end, "LOC", None))


def _h_operation(text: str, start: int, key_end: int, add: Add) -> None:
    m = _OPERATION.match(text, start)
    if m is not None:
        add((start, m.end(), _BLOCK, None))
