"""Settling candidates into entities: overlaps (longest span first, then the label's priority), the
second pass that needs the settled entities, and the final trim and noise filter."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from operator import itemgetter

from store.model import Entity, Span
from store.text.entities.patterns import (
    _BLOCK,
    _GAP,
    _MUTE,
    _S,
    _UP,
    PRIORITY,
    Cand,
    _places,
    _tail,
    _wordchar,
)
from store.text.entities.people import _name_at, _name_stop

_APPOS_AFTER_ROLE = re.compile(rf",{_S}*")
_VERB_AFTER_NAME = re.compile(rf"{_S}+(?:me[a-z]{{3,}}|ber[a-z]{{3,}}|ujar|kata|menurut)(?![\w])")
_PAREN_ABBR = re.compile(rf"{_S}*\($")
_CHAIN = re.compile(rf"(?:,{_S}+|[–—](?=[{_UP}]))")
_ORG_LABELS = frozenset({"POLICE_UNIT", "ELECTION_BODY", "GOV_ORG", "MILITARY_UNIT"})





def second_pass(text: str, ents: list[Cand]) -> list[Cand]:
    """What needs the settled entities: a role's apposition ("Ketua KPU X, Name"), places
    chained after a place ("Jalan X, Tanah Grogot"), abbreviations in parentheses after a
    unit (dropped), and later bare mentions of a person's name."""
    occupied = bytearray(len(text) + 1)
    for s, e, _l, _v in ents:
        occupied[s:e] = b"\1" * (e - s)
    starts = {c[0]: c for c in ents}
    extra: list[Cand] = []
    drop: set[int] = set()

    def free(s: int, e: int) -> bool:
        return occupied.find(1, s, e) == -1

    def take(s: int, e: int, label: str) -> None:
        occupied[s:e] = b"\1" * (e - s)
        extra.append((s, e, label, None))

    for s, e, label, _v in ents:
        if label == "ROLE":
            gap = _GAP.match(text, e)
            nxt = starts.get(gap.end()) if gap else None
            while nxt is not None and nxt[2] in ("POLICE_UNIT", "ELECTION_BODY", "GOV_ORG", "LOC",
                                                 "MILITARY_UNIT", _BLOCK, _MUTE):
                e = nxt[1]
                gap = _GAP.match(text, e)
                nxt = starts.get(gap.end()) if gap else None
            if not text.startswith(",", e):
                # "Ketua KPU Kota X Rahmat Hidayat mengatakan": the name, then what they did
                gap = _GAP.match(text, e) if e > s else None
                span = _name_at(text, gap.end(), max_words=4) if gap and text[e - 1] != "." else None
                if (span is not None and span[1] - span[0] >= 3 and free(*span) and span[0] not in starts
                        and _VERB_AFTER_NAME.match(text, span[1])):
                    take(span[0], span[1], "PERSON")
                continue
            sep = _APPOS_AFTER_ROLE.match(text, e)
            span = _name_at(text, sep.end(), max_words=4) if sep else None
            if span is not None and free(*span) and span[0] not in starts:
                take(span[0], span[1], "PERSON")
        elif label in _ORG_LABELS:
            # the word before names a venue ("Kantor KPU X"); its last letter says most are not
            venue = (_VENUE_OF_ORG.search(text, max(0, s - 30), s)
                     if s >= 2 and text[s - 2] in _VENUE_ENDS
                     and text[max(0, text.rfind(" ", 0, s - 1) + 1):s - 1] in _VENUE_WORDS else None)
            if venue is not None and free(venue.start(), s):
                drop.add(s)  # "Kantor KPU Kabupaten Lebak": the office is a place
                take(venue.start(), e, "LOC")
                continue
            # "Panitia Pengawas Pemilihan Kecamatan (Panwascam) Balocci": the region after the
            # acronym is a place of its own
            if s and text[s - 1] == "(" and text.startswith(")", e):
                end, nw = _tail(text, e + 1, max_words=4, kota=True)
                first = _GAP.match(text, e + 1)
                if nw and first and free(first.end(), end):
                    take(first.end(), end, "LOC")
        elif label == "LOC":
            hq = _VENUE_BEFORE_HQ.search(text, max(0, s - 40), s) if text.startswith("Ma", s) else None
            if hq is not None and free(hq.start(), s):
                drop.add(s)  # "Aula Tribrata Mapolda Sulbar": a hall in the headquarters
                take(hq.start(), e, "LOC")
                continue
            if text.startswith(")", e) and _PAREN_ABBR.search(text, max(0, s - 3), s):
                prev = max((c for c in ents if c[1] <= s - 1), key=lambda c: c[1], default=None)
                if prev is not None and prev[2] != "PERSON" and text[prev[1]:s].strip() == "(":
                    drop.add(s)  # "Polres Kutai Timur (Kutim)": an abbreviation, not a place
                    continue
            at = e
            while True:  # "Jalan Jenderal Sudirman, Tanah Grogot, Selasa": a place after a place
                sep = _CHAIN.match(text, at)
                if sep is None:
                    break
                if sep.end() in starts:
                    break
                end, nw = _tail(text, sep.end() - 1 if text[sep.end() - 1] in " \t\u00a0" else sep.end(),
                                max_words=3, glued=text[sep.end() - 1] not in " \t\u00a0")
                if nw == 0 or not free(sep.end(), end) or not _after_place_ok(text, end):
                    break
                take(sep.end(), end, "LOC")
                at = end
    _known_places(text, ents, free, take)
    people = [c for c in ents if c[2] == "PERSON"] + [c for c in extra if c[2] == "PERSON"]
    if people:
        tokens = set()
        for ps, pe, _l, _v in people:
            for t in text[ps:pe].split():
                if len(t) >= 3 and not t.endswith(".") and t.lower() not in _places() and not _name_stop(t):
                    tokens.add(t)
        _bare_mentions(text, tokens, "PERSON", free, take)
    out = [c for c in ents if c[0] not in drop] + extra
    out.sort(key=itemgetter(0))
    return out


_VENUE_OF_ORG = re.compile(
    rf"(?<![\w])(?:Gudang(?:{_S}+Logistik)?|Kantor|Gedung|Markas|Sekretariat|Posko|Rumah{_S}+Dinas|Rumah{_S}+Jabatan)"
    rf"{_S}+$"
)
_VENUE_WORDS = frozenset("Gudang Logistik Kantor Gedung Markas Sekretariat Posko Dinas Jabatan".split())
_VENUE_ENDS = frozenset(w[-1] for w in _VENUE_WORDS)
_VENUE_BEFORE_HQ = re.compile(
    rf"(?<![\w])(?:Lapangan|Aula|Halaman|Gedung|Ruang|Gudang|Masjid|Gelanggang)(?:{_S}+[{_UP}][\w]+){{0,2}}{_S}+$"
)
_PLACE_OF = re.compile(
    rf"(?:Polrestabes|Polresta|Polres|Polsekta|Polsek|Polda|Kepolisian{_S}+(?:Daerah|Resor|Sektor)"
    rf"(?:{_S}+\(\w+\))?|Provinsi|Kabupaten|Kota|Kecamatan|Desa|Kelurahan|Distrik|Nagari|Gampong)"
    rf"{_S}+(?:Metro{_S}+)?"
)


def _known_places(text: str, ents: list[Cand], free: Callable[[int, int], bool],
                  take: Callable[[int, int, str], None]) -> None:
    """A place this article names after a unit, a division word or a role ("Polsek Bengalon",
    "Kapolsek Cipondoh") is a place where it later stands bare ("warga Cipondoh")."""
    names: set[str] = set()
    for s, e, label, _v in ents:
        if label == _MUTE:
            m = _PLACE_OF.match(text, s)
            name = text[m.end() if m else s:e]
        elif label in ("POLICE_UNIT", "LOC"):
            m = _PLACE_OF.match(text, s)
            if m is None:
                continue
            name = text[m.end():e]
        else:
            continue
        if (4 <= len(name) <= 40 and name.count(" ") <= 2 and name[0].isupper() and not name.isupper()
                and name.lower() not in _places()):  # the gazetteer finds its own places bare
            names.add(name)
    if names:
        _bare_mentions(text, names, "LOC", free, take)


def _bare_mentions(text: str, names: set[str], label: str, free: Callable[[int, int], bool],
                   take: Callable[[int, int, str], None]) -> None:
    """Every free whole-word occurrence of each name, as ``label``; the longer of two names that
    start alike first ("Wolo Jaya" before "Wolo"), in one order in every process (not hash order)."""
    for name in sorted(names, key=lambda n: (-len(n), n)):
        at = text.find(name)
        if text.find(name, at + len(name)) == -1:
            continue  # named once: that mention is the one already found
        while at != -1:
            end = at + len(name)
            if (
                (at == 0 or not _wordchar(text[at - 1]))
                and (end >= len(text) or not _wordchar(text[end]))
                and free(at, end)
            ):
                take(at, end, label)
            at = text.find(name, end)


def _after_place_ok(text: str, end: int) -> bool:
    """A chained place ends a clause: punctuation, a bracket or the end follows (not a domain's
    dot: "WAY KANAN, LAMPUNGKINI.CO.ID")."""
    rest = text[end:end + 2]
    if not rest:
        return True
    if rest[0] == ".":
        return len(rest) == 1 or not rest[1].isalnum()
    return rest[0] in ",;:)–—-\n" or rest.startswith(" (")


def _resolve(cands: list[Cand]) -> list[Cand]:
    """Non-overlapping: longer spans win, then the label's priority, then the earlier start."""
    taken: list[Cand] = []
    if len(cands) < 2:
        return [c for c in cands if c[1] > c[0]]
    prio = PRIORITY
    ordered = sorted([(c[0] - c[1], prio[c[2]], c[0], i) for i, c in enumerate(cands)])
    occupied = bytearray(max(c[1] for c in cands) + 1)
    find = occupied.find
    for _neg, _p, s, i in ordered:
        e = cands[i][1]
        if e <= s or find(1, s, e) != -1:
            continue
        occupied[s:e] = b"\1" * (e - s)
        taken.append(cands[i])
    taken.sort()
    return taken


_HIDDEN = frozenset({_BLOCK, _MUTE})


_TRIMMED = frozenset(" \u00a0\t,;:.")  # the last characters an entity may lose


def _finish(text: str, ents: list[Cand], noise: Sequence[Span]) -> list[Entity]:
    """Entities from settled candidates (sorted by start): hidden ones left out, trailing blanks,
    commas and a final dot trimmed, those wholly inside a noise span left out."""
    out: list[Entity] = []
    spans = sorted((ns.start, ns.end) for ns in noise)
    starts = [s for s, _ in spans]
    n_spans = len(spans)
    i = -1  # the last noise span starting at or before the entity (starts only grow)
    for s, e, label, value in ents:
        if label in _HIDDEN:
            continue
        if e > s and text[e - 1] in _TRIMMED:  # most end in a letter or digit: nothing to trim
            while e > s and text[e - 1] in " \u00a0\t,;:":
                e -= 1
            if e > s and text[e - 1] == "." and not (label == "RANK" and text[s:e - 1].endswith("Pol")):
                if label != "PERSON" or not (e - s >= 2 and text[e - 2].isupper() and (e - s == 2 or text[e - 3] == " ")):
                    e -= 1
        if e <= s:
            continue
        if n_spans:
            while i + 1 < n_spans and starts[i + 1] <= s:
                i += 1
            if i >= 0 and spans[i][1] >= e:
                continue
        out.append(Entity(s, e, label, text[s:e], value))
    return out
