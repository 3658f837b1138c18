"""Handlers for the heads of units, bodies, places, elections and counts: each finds the whole
entity that starts at a keyword the automaton found and adds it as a candidate.

Over 400 lines, on purpose: every handler has the automaton's calling convention and builds its
candidate with the same helpers (tails, stop words, acronyms in brackets); one file keeps the
kinds comparable side by side (docs/recogniser.md)."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from store.text import gazetteer as gz
from store.text import regions
from store.text.entities.patterns import (
    _ADMIN_AFTER,
    _ADMIN_HEAD,
    _BLOCK,
    _BODY_HEAD,
    _COUNT_BEFORE,
    _DESIGNATION,
    _DIRECTIONS,
    _ELECTION_REST,
    _GAP,
    _GEO_HEAD,
    _GLUED_WORD,
    _GOV_HEAD,
    _GOV_NAMED,
    _GOV_NEEDS_NAME,
    _LO,
    _MEMBERS_OF_BODY,
    _METRO,
    _MIL_NEEDS_NAME,
    _MUTE,
    _NAME_PREFIX_WORDS,
    _PAREN_ACR,
    _POLAIR,
    _RE_ELECTION,
    _RE_MILITARY,
    _RE_PERSONNEL_TAIL,
    _RE_POLRI,
    _RE_ROLE,
    _REST,
    _ROLE_BEFORE_HUMAS,
    _S,
    _SUBUNIT,
    _SUBUNIT_ACR,
    _SUBUNIT_LONG,
    _TAIL_WORD,
    _TERR,
    _UP,
    _VENUE_HEAD,
    _WALI_BEFORE,
    Add,
    Cand,
    _alt,
    _hard_heads,
    _hard_stop,
    _places,
    _stops,
    _tail,
)

_WEEKDAY_VALUE = "weekday"  # marks a bare weekday; the recogniser gives it its date
_CANDIDACY = re.compile(rf"(?<![\w])(?:{_alt(gz.CANDIDACY)}){_S}+(?:(?:wakil|Wakil){_S}+)?$")
_ROLE_OFFICE = re.compile(
    rf"(?:Wakil{_S}+)?Kepala{_S}+(?:Kepolisian{_S}+(?:Negara{_S}+Republik{_S}+Indonesia|Daerah|Resor{_S}+Kota{_S}+Besar"
    rf"|Resor{_S}+Kota|Resor|Sektor{_S}+Kota|Sektor)|Polrestabes|Polresta|Polres|Polsekta|Polsek|Polda"
    rf"|(?P<o>{_alt(gz.ROLE_OFFICES)}))(?![\w])"
    rf"|Direktur(?=(?P<d>{_S}))"
)
# words that may name an office although they open other things elsewhere ("Kepala Biro Operasi")
_OFFICE_WORDS = frozenset("operasi operasional humas intelkam lalu lintas samapta reserse kriminal".split())


def _role_place(text: str, end: int, add: Add) -> None:
    """A role's place is part of no entity: "Kapolres [Garut]", "Bhabinkamtibmas [Desa Ujung]"."""
    metro = _METRO.match(text, end)
    at = metro.end() if metro else end
    adm = _ADMIN_AFTER.match(text, at)
    if adm is not None:
        at = adm.end()
    tail_end, n = _tail(text, at, max_words=3, kota=True)
    if n > 1:  # "Bupati Kulon Progo Agus Santoso mengatakan": the longest known place, then a name
        pos = tail_end
        while (pos := text.rfind(" ", at + 1, pos)) > at:
            name = _HOLDER_NAME.match(text, pos)
            if name is not None and text[at:pos].strip().lower() in _places():
                words = name["n"].split()
                if not _hard_stop(words[0]) and not any(w.lower() in _DIRECTIONS for w in words):
                    tail_end = pos
                    add((name.start("n"), name.end("n"), "PERSON", None))
                break
    if n or metro:
        add((end, tail_end if n else at, _MUTE, None))


# an office-holder's name after the known place the role is of, before a verb of speech or action
# (the shape ``_tail``'s ``split`` cuts the place at), a conjunction or the clause's end
_HOLDER_NAME = re.compile(
    rf"{_S}+(?P<n>[{_UP}][{_LO}]+(?:{_S}+[{_UP}][{_LO}]+){{1,2}})(?:{_S}+(?:me[a-z]{{3,}}|ber[a-z]{{3,}}|ujar"
    rf"|kata|menurut|dan|serta|bersama|saat)(?![\w])|{_S}*[.,;](?!\S))"
)


def _h_role(text: str, start: int, key_end: int, add: Add) -> None:
    m = _RE_ROLE.match(text, start)
    if m is None:
        return
    if _CANDIDACY.search(text, max(0, start - 24), start):
        add((start, m.end(), _MUTE, None))  # "calon bupati": a candidacy, not an office-holder
        return
    end = m.end()
    add((start, end, "ROLE", None))
    role = re.sub(r"[ \t\u00a0]+", " ", m.group()).lower()
    if role.startswith(("dan", "pangdam")):
        d = _DESIGNATION.match(text, end)
        if d:  # "Dandim 0825/Banyuwangi": the designation belongs to the title
            d_end = d.end()
            if text.startswith("/", d_end):
                d_end = _tail(text, d_end + 1, max_words=3, glued=True)[0]
            add((end, d_end, _BLOCK, None))
            return
    if text.startswith(")", end):  # "Kepala Kepolisian Resor (Kapolres) Tanjung Jabung Timur"
        end += 1
    _role_place(text, end, add)


def _h_role_office(text: str, start: int, key_end: int, add: Add) -> None:
    """A head of an office written out: "Kepala Satuan Intelijen Keamanan", "Kepala Kepolisian
    Resor", "Direktur Lalu Lintas"; the office ends at a unit, a rank, a name's comma."""
    m = _ROLE_OFFICE.match(text, start)
    if m is None:
        return
    end = m.end()
    if m["o"] is not None or m["d"] is not None:
        n = 0
        while n < 4:
            w = _TAIL_WORD.match(text, end)
            if w is None:
                break
            low = w.group(1).lower()
            if low not in _OFFICE_WORDS and (low in _hard_heads() or low in gz.STOP or low in _places()):
                break
            end = w.end()
            n += 1
        if n == 0:
            return
    add((start, end, "ROLE", None))
    _role_place(text, end, add)


def _territorial(text: str, start: int, add: Add | None = None) -> int | None:
    """End of a territorial unit at ``start`` with its place ("Polres Metro Jakarta Barat"), or
    None for a bare generic word ("Polsek jajaran"), unless it stands in parentheses."""
    m = _TERR.match(text, start)
    if m is None:
        return None
    end = m.end()
    if m.group().startswith("Kepolisian"):
        acr = _PAREN_ACR.match(text, end)
        if acr is not None and "Pol" in acr.group():
            end = acr.end()  # "Kepolisian Resor (Polres) Kuningan", not "(Kapolres)"
    end, n = _tail(text, end, max_words=4, kota=True)
    village = _VILLAGE_NAMED.match(text, end) if n == 0 else None
    if village is not None:  # "Polsek Jorong", "Polsek Dusun Hilir": a district named by a village word
        end, n = _tail(text, village.end(), max_words=3, kota=True)
        end, n = (end, n + 1) if n else (village.end(), 1)
    if n == 0 and not text.startswith("Kepolisian", start):
        if not (text.endswith("(", 0, start) and text.startswith(")", m.end())):
            return None
        end = m.end()
    return end


# a word that heads villages, opening a district's name after a station ("Polsek Dusun Hilir", "Polsek
# Jorong"): a sector is named by its district, never by a village head alone
_VILLAGE_NAMED = re.compile(rf"{_S}+(?:Jorong|Dusun|Nagari|Gampong|Tiyuh|Pekon|Kampung)(?![\w])(?!{_S}*[,.(])")


_CREDIT_BEFORE = re.compile(
    rf"(?:^\(|(?:Sumber|SUMBER|Foto|FOTO|Rilis|Penulis|PENULIS|Editor){_S}*:{_S}*|©{_S}*(?:20\d\d{_S}*)?|(?:Dok|DOK)\.{_S}*|/HO-|\([A-Za-z.]{{1,12}}/)$"
)  # "ANTARA/HO-Humas Polres X", "(SKO/Humas Polsek X)": a credit's initials or handout mark
# a unit named in a photo's credit: a handout's "ANTARA/HO-Polres X", a press office in capitals "(FOTO:
# HUMAS POLRES X)" ("Humas" in title case is looked at where it starts, below)
_CREDIT_UNIT_BEFORE = re.compile(
    rf"(?:/HO-|(?:^\(|/HO-|\((?:FOTO|Foto){_S}*:{_S}*|(?:Sumber|SUMBER|Foto|FOTO){_S}*:{_S}*)HUMAS{_S}+)$")
# a photo's credit in brackets closing its caption: "... mengikuti apel. (Humas Polresta X)"
_CREDIT_CLOSES = re.compile(r"[^()\n]*\)[ \t\u00a0]*$")


# the head of a functional unit before its name: "Kasat Polairud Polres X" is a role, then the Polres
# (after "Sat" the functional unit's own pattern has taken it)
_KASAT_BEFORE = re.compile(rf"(?:Kasat|KASAT|Wakasat|Kanit|Sat|SAT){_S}+$")


# a unit's press office, as credits name it
_PRESS_OFFICES = frozenset(("Humas", "Bidhumas", "Bid Humas", "Sihumas", "Si Humas"))


def _paren_acronym(text: str, end: int) -> int:
    """A long form's acronym in parentheses belongs to it: "Mahkamah Konstitusi (MK)"."""
    m = _PAREN_ACR.match(text, end)
    return m.end() if m else end


def _h_police(text: str, start: int, key_end: int, add: Add) -> None:
    # "Polres", "Polda", "Polsek" ... (nine calls in ten): neither the force ("Polri") nor a
    # functional unit or its long form starts "Pol", so their three patterns are not tried
    # (each a failed match, ~1 % of the recogniser; a test holds the patterns to this)
    territorial = text.startswith("Pol", start) and not text.startswith("Polri", start)
    m = None if territorial else _RE_POLRI.match(text, start)
    if m is not None:
        if m.group().startswith("Mabes"):
            add((start, m.end(), "POLICE_UNIT", None))
        else:  # bare "Polri" is the force, not a unit
            add((start, m.end(), _MUTE, None))
        return
    # (the letter before the blank first: a test of a character where an ``endswith`` with
    # positions parses its arguments)
    if start >= 7 and text[start - 2] in "aA" and text.endswith(("Kepala ", "KEPALA "), 0, start):
        return  # "Kepala Kepolisian Resor": a role
    long = None if territorial else _SUBUNIT_LONG.match(text, start)
    sub = None if territorial else long or _SUBUNIT.match(text, start)
    if territorial and text[start + 3] in "aA" and not _KASAT_BEFORE.search(  # ("Pola": the key is "Polair")
            text, max(0, start - 8), start):
        sub = _POLAIR.match(text, start)  # "Polairud Polres X": the water police written without "Sat"
        gap = _GAP.match(text, sub.end()) if sub is not None else None
        if sub is not None and (gap is None or _territorial(text, gap.end()) is None):
            return  # bare, as a headline writes it ("Dikawal Polairud"): no unit the pages mark
    if sub is None:
        end = _territorial(text, start)
        if end is not None:
            before = text[max(0, start - 20):start]  # (a credit holds "HUMAS" or ends "/HO-")
            if ("HUMAS" in before or before.endswith("/HO-")) and _CREDIT_UNIT_BEFORE.search(
                    text, max(0, start - 20), start):
                add((start, end, _MUTE, None))  # "ANTARA/HO-Polres X", "(FOTO: HUMAS POLRES X)": a credit
                return
            add((start, end, "POLICE_UNIT", None))
        return
    if sub.group().startswith(("Humas", "Si", "Bid")) and _ROLE_BEFORE_HUMAS.search(text, max(0, start - 20), start):
        return  # "Kabid Humas Polda X": a role, then the unit
    if sub.group() in _PRESS_OFFICES and (_CREDIT_BEFORE.search(text, max(0, start - 20), start) or (
            text.endswith("(", 0, start) and _CREDIT_CLOSES.match(text, start))):
        add((start, len(text), _MUTE, None))  # "(Humas Polres X)", "Sumber: Humas Polres X": a credit
        return
    acr = _SUBUNIT_ACR.match(text, sub.end()) if long is not None else None
    # "Direktorat Samapta (Ditsamapta) Polda Papua Barat", "Satuan ... (Sat Binmas) Polres X"
    end = acr.end() if acr is not None else _paren_acronym(text, sub.end())
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
    if not start and sub.group() in _PRESS_OFFICES and not text[end:].strip():
        add((start, end, _MUTE, None))  # "Humas Polres X" on a line of its own: the page's source, a credit
        return
    if sub.group().startswith("Unit") and _TERR.search(text, sub.end(), end) is None:
        return  # "Unit Samapta" with no Polsek after it: a team, not a unit the pages mark
    if end == sub.end() and sub.group() in ("Brimob", "BRIMOB"):
        add((start, end, _MUTE, None))  # bare "Brimob" is the corps, as "Polri" is ("Danki Brimob Iptu X")
        return
    add((start, end, "POLICE_UNIT", None))


_REGION_AFTER_SLASH = re.compile(r"(?:Kabupaten|Kab\.|Kota)[ \t]+(?=[A-Z])")


_TASK_FORCE = re.compile(rf"(?<![\w])Satgas(?:{_S}+Pamtas)?(?:{_S}+RI-[A-Z]{{2,5}})?{_S}+$")


# a police task force: an operation's ("Satgas Damai Cartenz", "Satgas Ops Damai Cartenz 2024") or a unit's
# ("Satgas Kamseltibcarlantas Polres X"); "Satgas Yonif ...", "Satgas Pamtas ..." are the army's (_h_military)
_TASK_OPERATION = re.compile(rf"(?:Satgas|SATGAS){_S}+(?:(?:Ops|Operasi){_S}+)?(?:Damai|DAMAI){_S}+(?:Cartenz|CARTENZ)"
                             rf"(?:{_S}+20\d\d)?(?![\w])")
_TASK_OF_UNIT = re.compile(rf"(?:Satgas|SATGAS){_S}+(?!Yonif|Pamtas)[{_UP}][{_LO}]+{_S}+(?=Pol)")


_TASK_BORDER = re.compile(rf"(?:Satgas|SATGAS){_S}+Pamtas{_S}+RI-[{_UP}][\w]+(?![\w-])(?!{_S}+Yonif)")


def _h_task(text: str, start: int, key_end: int, add: Add) -> None:
    border = _TASK_BORDER.match(text, start)
    if border is not None:  # "Satgas Pamtas RI-Malaysia": the army's border task force ("... Yonif X": _h_military)
        add((start, border.end(), "MILITARY_UNIT", None))
        return
    m = _TASK_OPERATION.match(text, start)
    if m is not None:
        add((start, m.end(), "POLICE_UNIT", None))
        return
    m = _TASK_OF_UNIT.match(text, start)
    end = _territorial(text, m.end()) if m is not None else None
    if end is not None:
        add((start, end, "POLICE_UNIT", None))


def _h_military(text: str, start: int, key_end: int, add: Add) -> None:
    m = _RE_MILITARY.match(text, start)
    if m is None:
        return
    end = m.end()
    head = m.group()
    task = _TASK_FORCE.search(text, max(0, start - 30), start)
    if task is not None and head.startswith(("Yonif", "Brigif")):
        start = task.start()  # "Satgas Yonif 741/Garuda Nusantara": the border task force, one unit
    if m["kn"] is not None:  # "Kodam Jaya", "Kodam Iskandar Muda": the command's name is its own
        if text.startswith("/", end):  # "Kodam Jaya/Jayakarta"
            end = _tail(text, end + 1, max_words=2, glued=True)[0]
        add((start, end, "MILITARY_UNIT", None))
        return
    if m["kr"] is not None:  # "Koramil Lewa"; in a headline's capitals its one word ("Koramil X Bantu Warga")
        end, n = _tail(text, end, max_words=1 if _headline(text) else 2, split=True)
        if n:
            add((start, end, "MILITARY_UNIT", None))
        return
    if head.endswith("/"):
        region = _REGION_AFTER_SLASH.match(text, end)
        if region is not None:  # "Kodim 0509/Kabupaten Bekasi": the regency written with its division word
            end, n = _tail(text, region.end() - 1, max_words=3, kota=True)
            end = end if n else m.end() - 1
        else:
            end, n = _tail(text, end, max_words=3, glued=True, kota=True)
        if n and text.startswith("-", end) and text[end + 1:end + 2].isupper():
            end = _tail(text, end + 1, max_words=2, glued=True)[0]  # "Kodim 0818/Malang-Batu": two regions
        if n == 0:
            end = m.end() - 1
    elif head.startswith(_MIL_NEEDS_NAME) or head in ("Kodam", "KODAM") or (
        head.startswith("Kodam") and text.startswith(" ", end)
    ) or (head[:5] in ("Kodim", "Korem", "KODIM", "KOREM") and head[-1:].isdigit()) or (  # "Kodim 0803 Madiun"
        head[:7] in ("Koramil", "KORAMIL") and head[-1:].isdigit()):  # "Koramil 0826/13 Batumarmar"
        end, n = _tail(text, end, max_words=3)
        if n == 0 and head.startswith(_MIL_NEEDS_NAME):
            return
    if head.startswith(("Korem", "Kodim", "Koramil", "KOREM", "KODIM", "KORAMIL", "Kodam", "KODAM")) and end == start + 5:
        return  # a bare "Kodim"/"Koramil" is a generic word
    if head[:3] == "TNI":  # bare "TNI" is the armed forces, "TNI AL" one of its services: no specific unit
        add((start, end, _MUTE, None))
        return
    if end > start + len(head.rstrip("/")) or not head.startswith(("Kodam", "KODAM")) or head.strip() != head:
        add((start, end, "MILITARY_UNIT", None))
    elif end > start:
        add((start, end, "MILITARY_UNIT", None))


def _org_region(text: str, end: int) -> int:
    """After an organisation's name: its region, with the division word ("Kabupaten Magelang")
    or without ("Bawaslu Sulteng", "PPK Seginim"), after its acronym if it is a long form."""
    end = _paren_acronym(text, end)
    adm = _ADMIN_AFTER.match(text, end)
    if adm is not None:
        t_end, n = _tail(text, adm.end(), max_words=4, split=True)
        if n:
            return t_end
    t_end, n = _tail(text, end, max_words=4, split=True)
    known = _known_region_end(text, end)
    if known > (t_end if n else end):  # "KPU Barito Kuala": a regency whose second word heads a place
        return known
    return t_end if n else end


_WORD_AT = re.compile(r"[\w'’.\-]+")


def _inside_region(text: str, start: int) -> bool:
    """Whether the word at ``start`` ends a known regency or city begun up to two words before it
    ("Barito Kuala": "Kuala" is a river mouth's head, here the regency's last word)."""
    for back in (1, 2):
        m = re.search(rf"([{_UP}][\w'’.\-]*)((?:{_S}+[{_UP}][\w'’.\-]*){{{back - 1}}}){_S}+$",
                      text[max(0, start - 50):start])
        if m is None:
            return False
        w = _WORD_AT.match(text, start)
        if w is not None and f"{m.group(1)}{m.group(2)} {w.group()}".lower() in _regions():
            return True
    return False


def _known_region_end(text: str, end: int) -> int:
    """The end of the longest known regency or city written right after ``end`` ("Barito Kuala", "Hulu
    Sungai Tengah"), or ``end``: a region's word that heads a place of its own ("Kuala", "Sungai") does not
    end it."""
    best, pos, words = end, end, 0
    first = _GAP.match(text, end)
    if first is None:
        return end
    while words < 4:
        w = _REGION_WORD.match(text, pos)
        if w is None or not w.group(1)[:1].isupper():
            break
        pos, words = w.end(), words + 1
        if text[first.end():pos].lower() in _regions():
            best = pos
    return best


def _h_body(text: str, start: int, key_end: int, add: Add) -> None:
    m = _BODY_HEAD.match(text, start)
    if m is None:
        return
    end = _org_region(text, m.end())
    if _holder_in(text[max(0, start - 40):start]) and _HOLDER_BEFORE.search(text, max(0, start - 40), start):
        cut = _region_before_name(text, m.end(), end)
        known = _known_region_end(text, m.end())
        if cut == end == known > m.end():  # "Ketua KPU Barito Kuala Rahmadi Noor": the name after a known
            gap = _GAP.match(text, end)  # regency its last word ended
            name = _TAIL_WORD.match(text, gap.end()) if gap is not None else None
            if name is not None and not _stops(name.group(1)) and name.group(1)[:1].isupper():
                stop, more = name.end(), _TAIL_WORD.match(text, name.end())
                while more is not None and more.end() - name.start() < 40 and not _stops(more.group(1)):
                    stop, more = more.end(), _TAIL_WORD.match(text, more.end())
                add((name.start(1), stop, "PERSON", None))
        if cut < end:  # "Ketua KPU Kabupaten Kulon Progo Sri Hartini": the holder's name after the region
            gap = _GAP.match(text, cut)
            if gap is not None:
                # (the whole name, where the region's words left part of it out: "Ketua KPU Tanjung Jabung
                # Barat Rini Astuti")
                more = _TAIL_WORD.match(text, end)
                while more is not None and more.end() - gap.end() < 40 and (
                        not _stops(more.group(1)) or more.group(1).lower() in _NAME_PREFIX_WORDS):  # ("Daeng")
                    end = more.end()
                    more = _TAIL_WORD.match(text, end)
                add((gap.end(), end, "PERSON", None))
            end = cut
    add((start, end, "ELECTION_BODY", None))


# an office-holder's role before a body: its name follows the body's region ("Ketua KPU Kabupaten Kulon
# Progo Sri Hartini", "Ketua Bawaslu Kota Sawahlunto Desriyanti mengatakan")
_HOLDER_BEFORE = re.compile(rf"(?<![\w])(?:Ketua|Anggota|Komisioner|Kordiv|Koordinator)(?:{_S}+[\w,]+){{0,4}}{_S}+$")


def _holder_in(window: str) -> bool:
    """One of ``_HOLDER_BEFORE``'s words is in ``window``: where none is, the pattern's search of
    it is not made (a search tries every position of the window, substring tests run in C)."""
    return ("Ketua" in window or "Anggota" in window or "Komisioner" in window or "Kordiv" in window
            or "Koordinator" in window)
_REGION_WORD = re.compile(rf"{_S}+([\w'’.\-]+)")


@lru_cache(maxsize=1)
def _regions() -> frozenset[str]:
    """Every regency and city (the gazetteer's places and the stats' table, which also holds the names
    the gazetteer leaves out because their geographic head already makes a place: "Kepulauan
    Meranti", "Pulau Morotai", "Tanjung Jabung Barat")."""
    names = {e.partition("=")[0].strip().lower() for v in regions.REGENCIES.values() for e in v.split("|")}
    return _places() | frozenset(n for n in names if n)


def _region_before_name(text: str, head_end: int, end: int) -> int:
    """Where a body's region ends when an office-holder's name follows it: after the longest known
    place the region's words begin with, if more words come after it that are no direction."""
    adm = _ADMIN_AFTER.match(text, head_end)
    at = adm.end() if adm is not None else head_end
    first = _GAP.match(text, at)
    if first is None or text[first.end():end].lower() in _regions():
        return end  # "KPU Halmahera Selatan": the region whole
    best = end
    pos = at
    while pos < end:
        w = _REGION_WORD.match(text, pos)
        if w is None or w.end() > end:
            break
        pos = w.end()
        nxt = _REGION_WORD.match(text, pos)
        if pos < end and text[first.end():pos].lower() in _regions() and (
                nxt is None or nxt.group(1).lower() not in _DIRECTIONS):
            best = pos
    return best


def _holder_region(text: str, start: int, end: int) -> int:
    """A place head's end inside a body's region an office-holder's name follows ("Ketua KPU
    [Kabupaten Kulon Progo] Sri Hartini"): the body's cut, so the place does not take the name."""
    if not _holder_in(text[max(0, start - 100):start]):
        return end  # (no holder's word where the holder's search below could look)
    body = _BODY_BEFORE.search(text, max(0, start - 60), start)
    if body is None or not _HOLDER_BEFORE.search(text, max(0, body.start() - 40), body.start()):
        return end
    return _region_before_name(text, body.end() - len(body.group("gap")), end)


_BODY_BEFORE = re.compile(rf"(?:{_BODY_HEAD.pattern})(?P<gap>{_S}+)$")


_GOV_INNER = re.compile(rf"{_S}+{_GOV_HEAD.pattern}(?P<more>{_S}+dan{_S}+{_GOV_HEAD.pattern})?")


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
    inner = _GOV_INNER.match(text, m.end())
    if inner is not None:  # an agency named by a body: "Dinas Pemadam Kebakaran", "Dinas Satpol PP dan Damkar"
        end = _org_region(text, inner.end())
        if inner["more"] is not None and end == inner.end() and text.endswith(", ", 0, start):
            # "..., BPBD, Dinas Pemadam Kebakaran dan Linmas.": the list's last item, not the agency's
            # second body (that one has the agency's region after it: "Dinas Satpol PP dan Damkar Kota X")
            end = _org_region(text, inner.start("more"))
        add((start, end, "GOV_ORG", None))
        return
    end, n = _tail(text, m.end(), max_words=5)
    if n == 0:
        return
    add((start, _org_region(text, end), "GOV_ORG", None))


def _h_election(text: str, start: int, key_end: int, add: Add) -> None:
    """An election with its region and year: "pilgub Maluku", "Pilkada Kota Tangerang 2024"."""
    m = _RE_ELECTION.match(text, start)
    if m is None:
        return
    end = _paren_acronym(text, m.end())
    if not text.startswith(" ", end):
        add((start, end, "ELECTION", None))
        return
    rest = _ELECTION_REST.match(text, end)
    if rest is not None and rest.end() > end:
        add((start, rest.end(), "ELECTION", None))
        return
    adm = _ADMIN_AFTER.match(text, end)
    t_end, n = _tail(text, adm.end() if adm else end, max_words=3)
    if n:
        end = t_end
    rest = _ELECTION_REST.match(text, end)
    add((start, rest.end() if rest else end, "ELECTION", None))


def _count_value(m: re.Match[str]) -> int | None:
    if m["v"]:
        return None
    if m["n"]:
        return int(m["n"].replace(".", ""))
    words = m["w"].lower().split()
    if len(words) == 1:
        return gz.NUMBER_WORDS.get(words[0])
    unit, scale = gz.NUMBER_WORDS.get(words[0]), words[-1]
    if unit is None:
        return None
    return unit + 10 if scale == "belas" else unit * (10 if scale == "puluh" else 100)


_ENDS = "".join({w[-1] for w in gz.NUMBER_WORDS} | {"s", "h", "n", "g", "u"})
_COUNT_WORD_ENDS = frozenset("0123456789" + _ENDS + _ENDS.upper())  # last letters of figures


def _h_personnel(text: str, start: int, key_end: int, add: Add) -> None:
    if start < 2 or text[start - 2] not in _COUNT_WORD_ENDS:
        return  # the word before is no figure ("seluruh personel")
    back = _COUNT_BEFORE.search(text, max(0, start - 30), start)
    if back is None:
        return
    if text.startswith("anggota", start) and _MEMBERS_OF_BODY.match(text, key_end):
        return  # "dua anggota KPPS": members of a body, not personnel
    label = "PERSONNEL"
    if text.startswith(("orang", "Orang"), start) and _CROWD_BEFORE.search(
            text, max(_sentence_start(text, back.start()), back.start() - 60), back.start()):
        return  # "menemui perwakilan massa dan memfasilitasi lima orang di antaranya": the crowd's people
    if text.startswith(("orang", "Orang"), start) and not _personnel_before(text, back.start()):
        if _REST_OF.match(text, 0, back.start()):
            label = _REST  # ... or the one before it: "Sisanya, 60 orang, ..." (the second pass looks)
        elif not _SENT_BY_POLICE.search(text, _sentence_start(text, back.start()), back.start()):
            return  # "30 orang" counts personnel only where the sentence is about them ...
    value = _count_value(back)
    if value is None and back["v"] is None:
        return
    tail = _RE_PERSONNEL_TAIL.match(text, key_end)
    if tail is None:
        return
    end = tail.end()
    if end > key_end and _UNIT_QUALIFIER.match(text, key_end):
        end = key_end  # "30 anggota [Brimob Polda Sulsel]": the qualifier opens a unit of its own
    add((back.start(), end, label, value))


# people of a crowd named just before a count in "orang" (the count is theirs, not the police's)
_CROWD_BEFORE = re.compile(r"(?<![\w])(?:massa|warga|pendukung|simpatisan|perwakilan|pengunjuk{_S}+rasa|demonstran|"
                           r"pemilih|penonton|peserta)(?![\w])".replace("{_S}", _S), re.IGNORECASE)
# ... or where a police unit sends them: "Polsek Bukit Bestari menurunkan 10 orang dari ..."
_SENT_BY_POLICE = re.compile(
    rf"(?:Polsek|Polres|Polresta|Polrestabes|Polda|Satbrimob|Brimob|Sat{_S}?[A-Z][a-z]+)(?![\w])[^.;]{{0,80}}?"
    rf"(?:menurunkan|mengerahkan|menerjunkan|menyiagakan|menempatkan|mengirim|mengirimkan|menugaskan|melibatkan)"
    rf"{_S}+(?:sebanyak{_S}+)?$"
)


# a sentence that opens on the rest or a part of what the sentence before counted
_REST_OF = re.compile(
    rf"(?:(?:Sedangkan|Sementara|Adapun){_S}+)?(?:[Ss]isanya|[Ss]elebihnya|[Ss]ebagian(?:{_S}+lainnya)?)"
    rf"{_S}*,?{_S}*(?:sebanyak{_S}+|berjumlah{_S}+)?$"
)


# a qualifier that is the head of a unit or body, then that unit's place or parent unit
_UNIT_QUALIFIER = re.compile(
    rf"{_S}+(?:Brimob|Linmas|Satlinmas|Dalmas){_S}+(?:Polda|Polres|Polresta|Polrestabes|Polsek|Provinsi|Kabupaten|Kota"
    rf"|Kecamatan|Desa|Kelurahan)(?![\w])"
)


_SENTENCE_END = re.compile(r"[.!?\n](?:[ \t\u00a0\"”]|$)")
_PERSONNEL_WORD = re.compile(rf"(?i:{gz.PERSONNEL_NOUNS.replace(' ', _S)})(?![\w])")
_FIGURE = re.compile(rf"(?:{_alt(gz.FIGURE_CUES)}){_S}+(?P<n>\d{{1,3}}(?:\.\d{{3}})+|\d{{1,6}})(?=[.,;]|{_S}*$|{_S}+(?:dan|yang|termasuk|di|ke|untuk|itu|orang)(?![\w]))")


def _sentence_start(text: str, pos: int) -> int:
    lo = max(0, pos - 300)
    last = lo
    for m in _SENTENCE_END.finditer(text, lo, pos):
        last = m.end()
    return last


def _personnel_before(text: str, pos: int) -> bool:
    """A personnel noun earlier in the same sentence ("Personel ... berjumlah 14 orang")."""
    return _PERSONNEL_WORD.search(text, _sentence_start(text, pos), pos) is not None


def _h_figure(text: str, start: int, key_end: int, add: Add) -> None:
    """A bare figure whose noun came earlier: "personel gabungan ... mencapai 2.140"."""
    m = _FIGURE.match(text, start)
    if m is None or not _personnel_before(text, start):
        return
    add((m.start("n"), m.end("n"), "PERSONNEL", int(m["n"].replace(".", ""))))


_SEAT = re.compile(
    rf"(?:(?:Aula|Halaman|Gedung|Ruang){_S}+)?(?:Kantor|Pendopo|Pendapa|Rumah{_S}+Dinas|Rumah{_S}+Jabatan){_S}+"
)


def _h_seat(text: str, start: int, key_end: int, add: Add) -> None:
    """The seat of an office is a venue: "Pendopo Bupati", "Aula Kantor Camat Lilirilau"."""
    m = _SEAT.match(text, start)
    role = _RE_ROLE.match(text, m.end()) if m else None
    if role is None:
        adm = _ADMIN_HEAD.match(text, m.end()) if m and "Kantor" in m.group() else None
        if adm is not None:  # "Kantor Kecamatan Paiton", "Aula Kantor Desa Benan": the office of the place
            end, n = _tail(text, adm.end(), max_words=4, split=True)
            if n:
                add((start, end, "LOC", None))
        return
    end, n = _tail(text, role.end(), max_words=3, split=True)
    add((start, end if n else role.end(), "LOC", None))


_SCHOOL_DIVISION = re.compile(r"/[IVX]{1,4}(?=[ \t\u00a0]+[A-Z])")


def _h_loc(head: re.Pattern[str], **opts: bool) -> Callable[[str, int, int, Add], None]:
    def find(text: str, start: int, key_end: int, add: Add) -> None:
        m = head.match(text, start)
        if m is None or _doubled(text, start, m.end()):
            return  # "Pulau-Pulau": a plural, no place
        if head is _ADMIN_HEAD and "Wali" in text[max(0, start - 20):start] and _WALI_BEFORE.search(
                text, max(0, start - 20), start):
            return  # "Wali Kota Cirebon": the role, then the city
        if head is _ADMIN_HEAD and ((m.group() == "Kampung" and _KIND_OF_KAMPUNG.match(text, m.end())) or (
                m.group() in _VILLAGE_HEADS and _KIND_OF_VILLAGE.match(text, m.end()))) and _headline(text):
            return  # "... Kawal Logistik ke Kampung Nelayan Pulau X": a kind of kampung, in a headline's capitals
        street = m.group().lower() in gz.STREETS
        # a school's number is part of its name: "SDN Penjaringan 07", "SMP Negeri 2 Bukit Sari"
        school = head is _VENUE_HEAD and m.group()[:2] in ("SD", "SM")
        at, named = m.end(), 0
        if head is _VENUE_HEAD:
            acr = _PAREN_ACR.match(text, at)
            if acr is not None:  # "Gedung Olahraga (GOR) X", "Tempat Pelelangan Ikan (TPI) X": the name follows
                at = acr.end()
            elif m.group() == "Mako":
                unit: list[Cand] = []
                gap = _GAP.match(text, at)
                if gap is not None:
                    _h_police(text, gap.end(), gap.end(), unit.append)
                    if unit and unit[-1][2] == "POLICE_UNIT" and unit[-1][0] == gap.end():
                        add((start, unit[-1][1], "LOC", None))  # "Mako Satbrimob Polda X": the unit's headquarters
                        return
            elif m.group() == "Simpang":
                pos = _POS_NAME.match(text, at)
                if pos is not None:  # "Simpang Pos", "Simpang Pos Tambarangan": a junction named for a post
                    at, named = pos.end(), 1
        end, n = _tail(text, at, max_words=4 if not street else 5, street=street,
                       split=not street, lead=start if head is _GEO_HEAD else -1,
                       **({**opts, "digits": True} if school else opts))
        if school and n and (div := _SCHOOL_DIVISION.match(text, end)) is not None:
            # "SD Negeri 91/III Tamiai": a school numbered within its district (a Roman numeral), then its village
            end = _tail(text, div.end(), max_words=3, split=True)[0]
        if not n and head is not _GEO_HEAD and (num := _NUMBERED.match(text, at)) is not None:
            end, n = _tail(text, num.end(), max_words=3, split=True)  # "Kelurahan 26 Ilir", "Dermaga 17 Marina Baru"
        if named and not n:
            end = at
        n += named
        if not n and head is _VENUE_HEAD and (b := _BHAYANGKARA.match(text, end)) is not None:
            end, n = b.end(), 1  # "Aula Bhayangkara", "Aula Gedung Bhayangkara": the police's name, no rank
        if head is _VENUE_HEAD and not n and (gap := _GAP.match(text, end)) is not None:
            inner = _VENUE_HEAD.match(text, gap.end())
            if inner is not None:  # "Dermaga Pelabuhan Tunon Taka": a part of a named venue
                end, n = _tail(text, inner.end(), max_words=4, split=True, kota=True, abbrev=True)
                if not n and (b := _BHAYANGKARA.match(text, inner.end())) is not None:
                    end, n = b.end(), 1  # "Aula Gedung Bhayangkara"
            elif text.startswith(("Kantor", "Pendopo", "Pendapa", "Rumah"), gap.end()):
                seat: list[Cand] = []  # "Lapangan Kantor Bupati Paser": the ground of an office
                _h_seat(text, gap.end(), gap.end(), seat.append)
                if seat:
                    end, n = seat[-1][1], 1
        if head is _VENUE_HEAD:
            gap = _GAP.match(text, end)
            hq = _VENUE_HEAD.match(text, gap.end()) if gap and text.startswith("Ma", gap.end()) else None
            if hq is not None:  # "Aula Tribrata Mapolda Sulbar": a hall in the headquarters
                end, n = _tail(text, hq.end(), max_words=4, kota=True)
                end = end if n else hq.end()
            elif n and gap and m.group() in _HALLS and text.startswith("Pol", gap.end()):
                owner: list[Cand] = []  # "Aula Bhayangkara Polres Paser": a hall in the unit's headquarters
                _h_police(text, gap.end(), gap.end(), owner.append)
                if owner and owner[-1][2] == "POLICE_UNIT" and owner[-1][0] == gap.end():
                    end = owner[-1][1]
            elif n and gap and m.group() in _HALLS and text.startswith("Kantor", gap.end()):
                office: list[Cand] = []  # "Gedung Pertemuan Kantor Bupati X": a hall of an office's seat
                _h_seat(text, gap.end(), gap.end(), office.append)
                if office:
                    end = office[-1][1]
            if n:
                adm = _ADMIN_AFTER.match(text, end)
                if adm is not None:  # "Balai Adat Desa Sepaso"
                    t_end, nt = _tail(text, adm.end(), max_words=3, split=True)
                    end = t_end if nt else end
        if n and (head is _ADMIN_HEAD or head is _GEO_HEAD):  # (a region "Kepulauan Meranti" too)
            end = _holder_region(text, start, end)
        if n and head is _GEO_HEAD and _inside_region(text, start):
            return  # "KPU Barito Kuala Rahmadi Noor": the head's word ends a known regency, no place of its own
        if n:
            add((start, end, "LOC", None))
            if head is _ADMIN_HEAD and m.group() in _LISTED_HEADS:
                _places_listed(text, end, add)

    return find


# the next item of a list of places written with their head word once: "Kecamatan A, B dan C",
# "Desa A dan B", "mulai Kecamatan A hingga B" (the comma or conjunction, before the name's blank)
_LIST_NEXT = re.compile(rf"{_S}*,(?:{_S}*(?P<c>dan|serta))?(?={_S}+[{_UP}])|{_S}+(?P<j>dan|serta|hingga|sampai)(?={_S}+[{_UP}])")


# the heads of a district or a larger region, which pages list with the head word once ("Kecamatan A, B
# dan C", "Kapanewon A dan B"); villages so listed are left alone ("warga Desa A dan B": the pre-fill
# ranks a bare name above the venue an occasion points back to)
_LISTED_HEADS = frozenset("Kecamatan Kec. Kapanewon Kemantren Distrik Kabupaten Kab. Kota Provinsi".split())


def _places_listed(text: str, end: int, add: Add) -> None:
    """The bare names after a place's head word that a list joins to it ("di Kecamatan Tinombo,
    Tomini dan Palasa": Tomini and Palasa are kecamatan too). Items after a comma count only when
    the list closes with "dan"/"serta"/"hingga" ("Desa X, Senin" or "Desa X, Ahmad, warga ..." is
    no list); a name is at most three words, never another entity's head or a stop word."""
    pending: list[tuple[int, int]] = []
    while True:
        m = _LIST_NEXT.match(text, end)
        if m is None:
            return
        at = _GAP.match(text, m.end()).end()  # type: ignore[union-attr]
        if _ADMIN_HEAD.match(text, at) or _GEO_HEAD.match(text, at) or _VENUE_HEAD.match(text, at):
            return  # "... dan Balai Kalurahan X": a place with its own head, found by that head
        t_end, n = _tail(text, m.end(), max_words=3, split=True)
        if not n:
            return
        item = (at, t_end)
        if m["c"] or m["j"]:  # the list closes: its comma items are places too
            for s, e in [*pending, item]:
                add((s, e, "LOC", None))
            return
        pending.append(item)
        end = t_end


# the division words of a village, which a headline's kind word may follow ("Pekon Pesisir")
_VILLAGE_HEADS = frozenset("Desa Ds. Pekon Kampung Dusun Gampong Nagari Kelurahan Tiyuh Jorong".split())
# halls a police headquarters holds, named with the unit after them ("Aula Rupatama Polres X")
_HALLS = frozenset(("Aula", "Gedung", "Graha", "Wisma"))
# the police's own name, not the ranks that begin with it ("Bhayangkara Dua")
_BHAYANGKARA = re.compile(rf"{_S}+Bhayangkara(?![\w])(?!{_S}+(?:Kepala|Satu|Dua)(?![\w]))")
# a village's number before its name word ("Kelurahan 26 Ilir", "Kelurahan 14 Ulu")
_NUMBERED = re.compile(rf"{_S}+\d{{1,3}}(?={_S}+[{_UP}][{_LO}])")
_POS_NAME = re.compile(rf"{_S}+Pos(?![\w])")
# what kind of kampung a headline's capitals make a name of ("Kampung Nelayan", "Kampung Adat")
_KIND_OF_KAMPUNG = re.compile(rf"{_S}+(?:Nelayan|Adat|Tangguh|Pancasila|Wisata|Tematik|Narkoba|Bebas|KB)(?![\w])")
# what kind of village a headline's capitals make a name of, any division word's: "Pekon Pesisir", "Desa
# Perbatasan" (the kind's word last: "Desa Pesisir Indah" is a name)
_KIND_OF_VILLAGE = re.compile(rf"{_S}+(?:Pesisir|Perbatasan|Pedalaman|Terpencil|Nelayan)(?![\w])(?!{_S}+[{_UP}])")


def _doubled(text: str, start: int, end: int) -> bool:
    """The word at ``start:end`` is half of a hyphenated reduplication ("Bone-Bone", "Pulau-Pulau"):
    a place's name of its own or a plural, never the single word's entity."""
    # (the hyphen looked at by index first: most words have none beside them, and a
    # ``startswith`` with positions parses its arguments)
    n = end - start
    if end < len(text) and text[end] == "-" and text.startswith(text[start:end], end + 1):
        return True
    return start > n and text[start - 1] == "-" and text.startswith(text[start:end], start - 1 - n)


# the blanks of ``_S``, and the first letters of ``_DIRECTIONS``' words as ``_TAIL_WORD`` opens them (a
# capital): after one blank, a character that is neither starts no direction
_BLANKS = frozenset(" \t\u00a0")
_DIRECTION_OPENS = frozenset(w[0].upper() for w in _DIRECTIONS) | _BLANKS


def _h_place(text: str, start: int, key_end: int, add: Add) -> None:
    if _doubled(text, start, key_end):
        return  # "Kecamatan Bone-Bone": the head's tail takes it whole; "Bone" alone is another place
    end = key_end
    # (most places are followed by a blank and a word that is no direction, or by no blank at
    # all: told by two characters, not by ``_TAIL_WORD``'s match and the word lowered)
    if text[end:end + 1] not in _BLANKS or text[end + 1:end + 2] not in _DIRECTION_OPENS:
        add((start, end, "LOC", None))
        return
    m = _TAIL_WORD.match(text, end)
    if m is not None and m.group(1).lower() in _DIRECTIONS and not _TAIL_WORD.match(text, m.end()):
        end = m.end()  # "Bangka Barat", "Bima Kota"
    elif m is not None and m.group(1).lower() in _DIRECTIONS and m.group(1) != "Kota":
        end = m.end()
        m = _TAIL_WORD.match(text, end)
        if m is not None and m.group(1) in ("Daya", "Laut"):
            end = m.end()  # "Sumba Barat Daya": a compound direction
    add((start, end, "LOC", None))


_CONTENT_WORD = re.compile(
    r"(?<![\w\-])(?!(?:di|ke|dan|dari|yang|untuk|jelang|pada|atau|serta|hingga|usai|saat|dengan|bagi|ini|itu)"
    r"(?![\w]))[a-z]{3,}"
)


@lru_cache(maxsize=2048)
def _headline(piece: str) -> bool:
    """A piece written in title case, every content word capitalised: a headline or a ticker."""
    return _CONTENT_WORD.search(piece) is None


def _h_prep(text: str, start: int, key_end: int, add: Add) -> None:
    at = key_end - 1  # the capital letter
    m = _GLUED_WORD.match(text, at)
    if m is None:
        return
    word = m.group()
    if len(word) < 3 or (word.isupper() and len(word) < 4):
        return
    if word.lower() in gz.NUMBER_WORDS:
        return  # "ke Delapan PPK"
    if text[m.end():m.end() + 1] == "." and text.startswith((".com", ".id", ".co", ".net", ".news"), m.end()):
        return  # "terbit di RiauPesisir.com": an outlet's web address
    if _headline(text):
        return  # a headline capitalises every word ("Gendong Nenek ke Bilik Suara")
    end, n = _tail(text, at - 1, max_words=3)  # (after the headline test: the tail only reads)
    if n == 3:  # "di Ballroom Hotel Mahkota Kapuas": a venue head inside takes the venue's own tail
        pos = text.find(" ", at, end)
        while pos != -1:
            venue = _VENUE_HEAD.match(text, pos + 1)
            if venue is not None:
                v_end, nv = _tail(text, venue.end(), max_words=4, split=True, kota=True, abbrev=True)
                end = v_end if nv and v_end > end else end
                break
            pos = text.find(" ", pos + 1, end)
    if n:
        add((at, end, "LOC", None))


_WEEKDAY_CUE = re.compile(rf"(?<![\w])(?:[Pp]ada|[Hh]ingga|[Ss]ejak|[Ss]ampai|[Hh]ari|tiba|digelar|berlangsung|dimulai)(?:{_S}+hari)?{_S}+$")
# "Sabtu kemarin anggota juga ...": a day told as past ("Minggu lalu" is last week)
_WEEKDAY_PAST = re.compile(rf"(?<!Minggu){_S}+kemarin(?![\w])|(?<!Minggu)(?<!Ahad){_S}+lalu(?![\w])")
_WEEKDAY_NOT = re.compile(rf"{_S}*(?:\(|\d|,{_S}*\d|{_S}[{_UP}])")


def _h_weekday(text: str, start: int, key_end: int, add: Add) -> None:
    """A bare weekday that dates the event: "hingga Rabu sore", "pada Kamis dengan pengawalan"
    (with a date after it, or in a name like "Jumat Curhat", it is left to the date rules)."""
    if _WEEKDAY_NOT.match(text, key_end) or not (
            _WEEKDAY_CUE.search(text, max(0, start - 16), start) or _WEEKDAY_PAST.match(text, key_end)):
        return
    add((start, key_end, "DATE", _WEEKDAY_VALUE))


_TPS = re.compile(rf"TPS{_S}+(?:(?:No\.?|Nomor){_S}*)?\d{{1,3}}[A-Z]?(?![\w/])")


def _h_tps(text: str, start: int, key_end: int, add: Add) -> None:
    """A numbered polling station is a venue, with its village: "TPS 07 Desa Kluwut"."""
    m = _TPS.match(text, start)
    if m is None:
        return
    adm = _ADMIN_AFTER.match(text, m.end())
    end, n = _tail(text, adm.end() if adm else m.end(), max_words=3, split=True, after_place=True)
    add((start, end if n else m.end(), "LOC", None))


_OPERATION_WORD = re.compile(rf"{_S}+([{_UP}][\w\-]*|20\d\d(?![\w]))")


def _h_operation(text: str, start: int, key_end: int, add: Add) -> None:
    """An operation's name ("Operasi Mantap Praja 2024") is no entity, up to a unit or a rank
    ("Kepala Biro Operasi [Polda Maluku]")."""
    end = key_end
    n = 0
    while n < 5:
        m = _OPERATION_WORD.match(text, end)
        if m is None or m.group(1).lower() in _hard_heads():
            break
        end = m.end()
        n += 1
    if n:
        add((start, end, _BLOCK, None))
