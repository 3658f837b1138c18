"""Settling candidates into entities: overlaps (longest span first, then the label's priority), the
second pass that needs the settled entities, and the final trim and noise filter."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Callable, Iterator, Sequence
from itertools import accumulate
from operator import attrgetter, itemgetter

from store.model import Entity, Span
from store.text.entities.patterns import (
    _BLOCK,
    _GAP,
    _MUTE,
    _REST,
    _S,
    _UP,
    _WORD_LATIN1,
    PRIORITY,
    Cand,
    _places,
    _tail,
)
from store.text.entities.people import _name_at, _name_stop

_APPOS_AFTER_ROLE = re.compile(rf",{_S}*")
_VERB_AFTER_NAME = re.compile(rf"{_S}+(?:me[a-z]{{3,}}|ber[a-z]{{3,}}|ujar|kata|menurut)(?![\w])")
_PAREN_ABBR = re.compile(rf"{_S}*\($")
_CHAIN = re.compile(rf"(?:,{_S}+|[–—](?=[{_UP}]))")
_ORG_LABELS = frozenset({"POLICE_UNIT", "ELECTION_BODY", "GOV_ORG", "MILITARY_UNIT"})

# A candidate of a piece (offsets from the piece's start): start, end, label, value, and the end
# and text of its entity trimmed (text None: no entity, a hidden span or nothing left)
PieceCand = tuple[int, int, str, object, int, str | None]
# A piece's settled candidates (sorted, non-overlapping) and what the article-level steps read
# from them, worked out once: where the candidates lie (the second pass takes no span there),
# the places named after a unit or role, the words of people's names. Plain tuples of ints,
# strings and bytes, so the collector stops tracking them (the cache holds thousands).
Piece = tuple[tuple[PieceCand, ...], bytes, tuple[str, ...], tuple[str, ...]]


def settle(text: str, cands: list[Cand], marked: bytearray | None = None) -> Piece:
    """The ``Piece`` of ``text`` from its settled candidates: a piece seen again (boilerplate,
    a republished press release, a template sentence) costs a look-up, and its candidates are
    shifted to article offsets only where the second pass looks at them. ``marked``: the
    candidates' characters marked already (``_resolve_marked``'s, this piece's own to keep): the
    mask is cut from it, not marked again a candidate at a time."""
    if marked is None:
        mask = bytearray(cands[-1][1] if cands else 0)
        for s, e, _label, _value in cands:
            mask[s:e] = b"\1" * (e - s)
    else:  # (the spans are sorted and apart: the last ends last)
        mask = marked
        del mask[cands[-1][1] if cands else 0 :]
    places: list[str] = []
    tokens: list[str] = []
    out: list[PieceCand] = []
    for s, e, label, value in cands:
        if label in _PLACE_LABELS:
            name = _place_name(text, s, e, label) if label == _MUTE or text[s] in _PLACE_OF_FIRST else None
            if name is None and label == "LOC" and text.endswith(_AFTER_LANDSCAPE, 0, s):
                name = _place_name(text, s, e, _MUTE)  # "dataran tinggi Dieng": found bare elsewhere too
            if name is not None:
                places.append(name)
        elif label == "PERSON":
            tokens += _tokens(text[s:e])
        end = e
        etext = None
        if label not in _HIDDEN:
            end = _trimmed(text, s, e, label) if text[e - 1] in _TRIMMED else e
            if end > s:
                etext = text[s:end]
        out.append((s, e, label, value, end, etext))
    return (tuple(out), bytes(mask), tuple(places), tuple(tokens))


def second_pass(text: str, groups: list[tuple[int, Piece]], noise: Sequence[Span]) -> list[Entity]:
    """The entities of an article from its pieces' candidates (``groups``: where each piece
    starts, and the piece) and what needs them all: a role's apposition ("Ketua KPU X, Name"),
    places chained after a place ("Jalan X, Tanah Grogot"), abbreviations in parentheses after a
    unit (dropped), places named after a unit found again bare, and later bare mentions of a
    person's name."""
    occupied = bytearray(len(text) + 1)
    for pos, pc in groups:
        mask = pc[1]
        occupied[pos:pos + len(mask)] = mask
    positions: list[int] = []
    extra: list[Cand] = []
    drop: set[int] = set()

    def at(x: int) -> Cand | None:
        """The candidate that starts at ``x``."""
        if not positions:
            positions.extend(pos for pos, _pc in groups)
        i = bisect_right(positions, x) - 1
        if i < 0:
            return None
        pos, pc = groups[i]
        rel = x - pos
        cands = pc[0]
        # by bisection: a piece can hold thousands of candidates (one long line of units and
        # roles), and a walk from its start for each role made the article quadratic
        j = bisect_left(cands, rel, key=_FIRST)
        if j < len(cands) and cands[j][0] == rel:
            c = cands[j]
            return (x, c[1] + pos, c[2], c[3])
        return None

    def free(s: int, e: int) -> bool:
        return occupied.find(1, s, e) == -1

    def take(s: int, e: int, label: str, value: object = None) -> None:
        occupied[s:e] = b"\1" * (e - s)
        extra.append((s, e, label, value))

    for pos, pc in groups:
        for s, e, label, _v, _end, _text in pc[0]:
            if label not in _SECOND:
                continue
            s += pos
            e += pos
            if label == "ROLE":
                gap = _GAP.match(text, e)
                nxt = at(gap.end()) if gap else None
                while nxt is not None and nxt[2] in ("POLICE_UNIT", "ELECTION_BODY", "GOV_ORG", "LOC",
                                                     "MILITARY_UNIT", _BLOCK, _MUTE):
                    e = nxt[1]
                    gap = _GAP.match(text, e)
                    nxt = at(gap.end()) if gap else None
                if text[e:e + 1] != ",":  # (a one-character slice is a cached string: no call to parse)
                    # "Ketua KPU Kota X Rahmat Hidayat mengatakan": the name, then what they did
                    gap = _GAP.match(text, e) if e > s else None
                    span = _name_at(text, gap.end(), max_words=4) if gap and text[e - 1] != "." else None
                    if (span is not None and span[1] - span[0] >= 3 and free(*span) and at(span[0]) is None
                            and _VERB_AFTER_NAME.match(text, span[1])):
                        take(span[0], span[1], "PERSON")
                    continue
                sep = _APPOS_AFTER_ROLE.match(text, e)
                span = _name_at(text, sep.end(), max_words=4) if sep else None
                if span is not None and free(*span) and at(span[0]) is None:
                    take(span[0], span[1], "PERSON")
            elif label == _REST:  # "Sisanya, 60 orang": personnel if the sentence before counted personnel
                if _personnel_shortly_before(groups, s):
                    take(s, e, "PERSONNEL", _v)
            elif label in _ORG_LABELS:
                # the word before names a venue ("Kantor KPU X"); its last letter says most are not
                venue = (_VENUE_OF_ORG.search(text, max(0, s - 30), s)
                         if s >= 2 and text[s - 2] in _VENUE_ENDS
                         and text[max(0, text.rfind(" ", 0, s - 1) + 1):s - 1] in _VENUE_WORDS else None)
                if venue is not None and (joined := _JOINED.match(text, e)) is not None:
                    nxt = at(joined.end())  # "Kantor KPU dan Bawaslu": the offices of both, the bodies marked
                    venue = None if nxt is not None and nxt[2] in _ORG_LABELS else venue
                if venue is not None and free(venue.start(), s):
                    drop.add(s)  # "Kantor KPU Kabupaten Lebak": the office is a place
                    take(venue.start(), e, "LOC")
                    continue
                # "Panitia Pengawas Pemilihan Kecamatan (Panwascam) Balocci": the region after the
                # acronym is a place of its own
                if s and text[s - 1] == "(" and text[e:e + 1] == ")":
                    end, nw = _tail(text, e + 1, max_words=4, kota=True)
                    first = _GAP.match(text, e + 1)
                    if nw and first and free(first.end(), end):
                        take(first.end(), end, "LOC")
            else:  # LOC
                hq = (_VENUE_BEFORE_HQ.search(text, max(0, s - 40), s)
                      if text[s] == "M" and text.startswith("Ma", s) else None)
                if hq is not None and free(hq.start(), s):
                    drop.add(s)  # "Aula Tribrata Mapolda Sulbar": a hall in the headquarters
                    take(hq.start(), e, "LOC")
                    continue
                if text[e:e + 1] == ")" and _PAREN_ABBR.search(text, max(0, s - 3), s):
                    prev = max((c for c in _shifted(groups) if c[1] <= s - 1), key=lambda c: c[1], default=None)
                    if prev is not None and prev[2] != "PERSON" and text[prev[1]:s].strip() == "(":
                        drop.add(s)  # "Polres Kutai Timur (Kutim)": an abbreviation, not a place
                        continue
                at_end = e
                while True:  # "Jalan Jenderal Sudirman, Tanah Grogot, Selasa": a place after a place
                    sep = _CHAIN.match(text, at_end)
                    if sep is None:
                        break
                    if at(sep.end()) is not None:
                        break
                    end, nw = _tail(text, sep.end() - 1 if text[sep.end() - 1] in " \t\u00a0" else sep.end(),
                                    max_words=3, glued=text[sep.end() - 1] not in " \t\u00a0")
                    if nw == 0 or not free(sep.end(), end) or not _after_place_ok(text, end):
                        break
                    take(sep.end(), end, "LOC")
                    at_end = end
    names = {name for _pos, pc in groups for name in pc[2]}
    if names:
        _bare_mentions(text, names, "LOC", free, take)
    tokens = {t for _pos, pc in groups for t in pc[3]}
    for s, e, label, _v in extra:
        if label == "PERSON":
            tokens.update(_tokens(text[s:e]))
    if tokens:
        _bare_mentions(text, tokens, "PERSON", free, take)
    return _finish(text, groups, extra, drop, noise)


def _personnel_shortly_before(groups: list[tuple[int, Piece]], s: int) -> bool:
    """A count of personnel ends in the 300 characters before ``s`` (the sentence before). The
    pieces before ``s`` are walked back only as far as that (a text of thousands of such counts
    must not make the article quadratic)."""
    i = bisect_right(groups, s, key=_FIRST) - 1
    while i >= 0:
        pos, pc = groups[i]
        if pos + len(pc[1]) < s - 300:
            return False  # (pieces do not overlap: the ones before end earlier still)
        if any(c[2] == "PERSONNEL" and s - 300 <= c[1] + pos <= s for c in pc[0]):
            return True
        i -= 1
    return False


def _shifted(groups: list[tuple[int, Piece]]) -> Iterator[Cand]:
    for pos, pc in groups:
        for s, e, label, value, _end, _text in pc[0]:
            yield (s + pos, e + pos, label, value)


def _tokens(name: str) -> list[str]:
    """The words of a person's name that are looked for bare elsewhere in the article."""
    return [t for t in name.split()
            if len(t) >= 3 and not t.endswith(".") and t.lower() not in _places() and not _name_stop(t)]


# (a hall of the office too: "Aula Kantor KPU X", "Ruang Rapat Sekretariat KPU")
_VENUE_OF_ORG = re.compile(
    rf"(?<![\w])(?:(?:Aula|Halaman|Lobi|Ruang(?:{_S}+Rapat)?){_S}+)?(?:Gudang(?:{_S}+Logistik)?|Kantor|Gedung|Markas|Sekretariat|Posko|Rumah{_S}+Dinas|Rumah{_S}+Jabatan)"
    rf"{_S}+$"
)
_JOINED = re.compile(rf"{_S}+(?:dan|serta){_S}+")
_VENUE_WORDS = frozenset("Gudang Logistik Kantor Gedung Markas Sekretariat Posko Dinas Jabatan".split())
_VENUE_ENDS = frozenset(w[-1] for w in _VENUE_WORDS)
_VENUE_BEFORE_HQ = re.compile(
    rf"(?<![\w])(?:Lapangan|Aula|Halaman|Gedung|Ruang|Gudang|Masjid|Gelanggang)(?:{_S}+[{_UP}][\w]+){{0,2}}{_S}+$"
)
# words for a landscape, after which a capitalised name is a place no list needs to hold: "di dataran
# tinggi Dieng", "lereng Sindoro" (looked for as the prepositions are)
LANDSCAPE = ("dataran tinggi", "dataran rendah", "lereng", "pesisir", "lembah", "pegunungan", "perbukitan",
             "pedalaman", "pelosok")
_AFTER_LANDSCAPE = tuple(w + " " for w in LANDSCAPE)
_PLACE_OF_FIRST = frozenset("PKDNG")  # the first letters of _PLACE_OF's heads
_PLACE_OF = re.compile(
    rf"(?:Polrestabes|Polresta|Polres|Polsekta|Polsek|Polda|Kepolisian{_S}+(?:Daerah|Resor|Sektor)"
    rf"(?:{_S}+\(\w+\))?|Provinsi|Kabupaten|Kota|Kecamatan|Desa|Kelurahan|Distrik|Nagari|Gampong)"
    rf"{_S}+(?:Metro{_S}+)?"
)


def _place_name(text: str, s: int, e: int, label: str) -> str | None:
    """The place a unit, a division word or a role names ("Polsek Bengalon", "Kapolsek
    Cipondoh"): the article's other bare mentions of it are places ("warga Cipondoh")."""
    m = _PLACE_OF.match(text, s)
    if label == _MUTE:
        name = text[m.end() if m else s:e]
    elif m is None:
        return None
    else:
        name = text[m.end():e]
    if (4 <= len(name) <= 40 and name.count(" ") <= 2 and name[0].isupper() and not name.isupper()
            and name.lower() not in _places()):  # the gazetteer finds its own places bare
        return name
    return None


def _bare_mentions(text: str, names: set[str], label: str, free: Callable[[int, int], bool],
                   take: Callable[[int, int, str], None]) -> None:
    """Every free whole-word occurrence of each name, as ``label``; the longer of two names that
    start alike first ("Wolo Jaya" before "Wolo"), in one order in every process (not hash order)."""
    word, size = _WORD_LATIN1, len(text)  # (``_wordchar`` without a call)
    for name in sorted(names, key=lambda n: (-len(n), n)):
        at = text.find(name)
        nxt = text.find(name, at + len(name))
        if nxt == -1:
            continue  # named once: that mention is the one already found
        while True:  # (each mention searched for once: the second was found by the test above)
            end = at + len(name)
            if (
                (at == 0 or not ((c := text[at - 1]) in word or (c > "\xff" and c.isalnum())))
                and (end >= size or not ((c := text[end]) in word or (c > "\xff" and c.isalnum())))
                and free(at, end)
            ):
                take(at, end, label)
            if nxt == -1:
                break
            at, nxt = nxt, text.find(name, nxt + len(name))


def _after_place_ok(text: str, end: int) -> bool:
    """A chained place ends a clause: punctuation, a bracket or the end follows (not a domain's
    dot: "WAY KANAN, LAMPUNGKINI.CO.ID")."""
    rest = text[end:end + 2]
    if not rest:
        return True
    if rest[0] == ".":
        return len(rest) == 1 or not rest[1].isalnum()
    return rest[0] in ",;:)–—-\n" or rest.startswith(" (")


def _resolve(cands: list[Cand], size: int) -> list[Cand]:
    """Non-overlapping: longer spans win, then the label's priority, then the earlier start.
    ``size``: the length of the text the candidates are in (none ends past it)."""
    return _resolve_marked(cands, size)[0]


def _resolve_marked(cands: list[Cand], size: int) -> tuple[list[Cand], bytearray | None]:
    """``_resolve``, and where the kept candidates lie (a byte 1 a character, ``size`` + 1
    bytes) when it had more than one to settle: ``settle``'s mask, made once."""
    taken: list[Cand] = []
    if len(cands) < 2:
        return [c for c in cands if c[1] > c[0]], None
    prio = PRIORITY
    ordered = sorted([(c[0] - c[1], prio[c[2]], c[0], i) for i, c in enumerate(cands)])
    occupied = bytearray(size + 1)
    for _neg, _p, s, i in ordered:
        e = cands[i][1]
        # the spans come longest first: one taken before that overlaps this one is at least as
        # long, so it holds this one's first or last character (a look at two bytes, not a search)
        if e <= s or occupied[s] or occupied[e - 1]:
            continue
        occupied[s:e] = b"\1" * (e - s)
        taken.append(cands[i])
    taken.sort()
    return taken, occupied


_HIDDEN = frozenset({_BLOCK, _MUTE, _REST})
_SECOND = _ORG_LABELS | {"ROLE", "LOC", _REST}  # the labels the second pass looks around
_PLACE_LABELS = frozenset({_MUTE, "POLICE_UNIT", "LOC"})


_TRIMMED = frozenset(" \u00a0\t,;:.")  # the last characters an entity may lose


def _trimmed(text: str, s: int, e: int, label: str) -> int:
    """The end of an entity without trailing blanks, commas and a final dot (it reads only the
    entity's own characters, so a piece's entities are trimmed once)."""
    if e > s and text[e - 1] in _TRIMMED:  # most end in a letter or digit: nothing to trim
        while e > s and text[e - 1] in " \u00a0\t,;:":
            e -= 1
        if e > s and text[e - 1] == "." and not (label == "RANK" and text[s:e - 1].endswith("Pol")):
            if label != "PERSON" or not (e - s >= 2 and text[e - 2].isupper() and (e - s == 2 or text[e - 3] == " ")):
                e -= 1
    return e


def _finish(text: str, groups: list[tuple[int, Piece]], extra: list[Cand], drop: set[int],
            noise: Sequence[Span]) -> list[Entity]:
    """Entities from the pieces' trimmed ones and the second pass's ``extra`` ones, sorted by
    start: hidden ones and ``drop``ped starts left out, those wholly inside a noise span too."""
    out: list[Entity] = []
    append = out.append
    if not noise and not drop:
        for pos, pc in groups:
            if pos:
                for s, _e, label, value, e, etext in pc[0]:
                    if etext is not None:
                        append(Entity(s + pos, e + pos, label, etext, value))
            else:
                for s, _e, label, value, e, etext in pc[0]:
                    if etext is not None:
                        append(Entity(s, e, label, etext, value))
    else:
        spans = sorted((ns.start, ns.end) for ns in noise)
        starts = [s for s, _ in spans]
        reach = list(accumulate([e for _, e in spans], max))  # the furthest end of the spans so far
        n_spans = len(spans)
        i = -1  # the last noise span starting at or before the entity (starts only grow)
        for pos, pc in groups:
            k = bisect_left(starts, pos + len(pc[1])) - 1
            if k < 0 or reach[k] <= pos:  # no noise span reaches into the piece (most of them)
                for s, _e, label, value, e, etext in pc[0]:
                    if etext is not None and not (drop and s + pos in drop):
                        append(Entity(s + pos, e + pos, label, etext, value))
                continue
            for s, _e, label, value, e, etext in pc[0]:
                if etext is None:
                    continue
                s += pos
                e += pos
                if n_spans:
                    while i + 1 < n_spans and starts[i + 1] <= s:
                        i += 1
                    if i >= 0 and spans[i][1] >= e:
                        continue
                if drop and s in drop:
                    continue
                append(Entity(s, e, label, etext, value))
    if extra:
        spans = sorted((ns.start, ns.end) for ns in noise)
        starts = [s for s, _ in spans]
        for s, e, label, value in sorted(extra):
            e = _trimmed(text, s, e, label)
            if e > s and not _noisy(spans, starts, s, e):
                insort(out, Entity(s, e, label, text[s:e], value), key=_START)
    return out


_START = attrgetter("start")
_FIRST = itemgetter(0)  # a candidate's start in its piece


def _noisy(spans: list[tuple[int, int]], starts: list[int], s: int, e: int) -> bool:
    """Wholly inside the last noise span that starts at or before ``s``."""
    i = bisect_right(starts, s) - 1
    return i >= 0 and spans[i][1] >= e
