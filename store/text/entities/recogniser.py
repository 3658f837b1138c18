"""The keyword automaton and the ``Recogniser``: one Aho-Corasick pass finds every keyword, each
keyword's handler matches its pattern at that spot only."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from operator import itemgetter

import ahocorasick

from store.model import Entity, Span
from store.text import gazetteer as gz
from store.text.dates import DATE_WORDS, WEEKDAYS, _bare_day, _ref, find_dates
from store.text.entities.heads import (
    _WEEKDAY_VALUE,
    _h_body,
    _h_election,
    _h_figure,
    _h_gov,
    _h_loc,
    _h_military,
    _h_operation,
    _h_personnel,
    _h_place,
    _h_police,
    _h_prep,
    _h_role,
    _h_role_office,
    _h_seat,
    _h_task,
    _h_tps,
    _h_weekday,
)
from store.text.entities.patterns import (
    _ADMIN_HEAD,
    _BLOCK,
    _DATELINE,
    _DATELINE_ALONE,
    _DATELINE_MORE,
    _DATELINE_OUTLET,
    _GEO_HEAD,
    _VENUE_HEAD,
    _WORD_LATIN1,
    Add,
    Cand,
    _cased,
    _first,
    _hard_heads,
    _outlet_line,
    _places,
    _provinces,
    _stops,
    _wordchar,
)
from store.text.entities.people import (
    _h_appos,
    _h_credit,
    _h_initials,
    _h_nameprefix,
    _h_rank,
    _h_speech,
    _h_subject,
)
from store.text.entities.resolve import LANDSCAPE, Piece, _resolve_marked, second_pass, settle

_SUBJECT_VERBS = ("juga", "mengatakan", "menegaskan", "menjelaskan", "menambahkan", "mengimbau", "mengingatkan",
                  "berharap", "meminta", "menyampaikan", "menyebutkan", "mengungkapkan", "menuturkan")
_PREPOSITIONS = ("di", "ke", "dari", "menuju", "sekitar", "kawasan", "untuk", "asal", "tujuan", "perairan",
                 *LANDSCAPE)
_UPPER_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


@lru_cache(maxsize=1)
def _automaton() -> ahocorasick.Automaton:
    """One automaton over every keyword: a single pass in C finds where to look."""
    keys: dict[str, list[str]] = {}

    def put(kind: str, words: set[str] | list[str]) -> None:
        for w in words:
            if w and kind not in keys.setdefault(w, []):
                keys[w].append(kind)

    ranks = _first(gz.POLICE_RANKS) | _first(gz.MILITARY_RANKS)
    put("RANK", ranks | {r.upper() for r in ranks} | _first(gz.RANKS_LONG))
    put("ROLE", _keys(gz.ROLES))
    put("OFFICE", {"Kepala", "Wakil", "Direktur"})
    funcs = gz.POLICE_FUNCTIONS.split("|")
    police = _first(gz.POLICE_TERRITORIAL) | _first(gz.POLICE_DIRECTORATES) | {
        "POLRESTABES", "POLRESTA", "POLRES", "POLSEK", "POLDA", "Kepolisian", "Sat", "Satuan", "Direktorat",
        "Subdit", "Sub", "Si", "Sihumas", "Humas", "Brimob", "Batalyon", "Kompi", "Detasemen", "Subden",
        "Densus", "Korbrimob", "SAT",
        "Baharkam", "Pelopor", "Mabes", "Polri", "POLRI", "Polairud", "Polair", "POLAIRUD"}
    police |= {"Sat" + f.lower() for f in funcs} | {"Sat" + f for f in funcs}
    police |= {"Si" + f.lower() for f in gz.POLICE_SECTIONS.split("|")}
    police |= {d.upper() for d in _first(gz.POLICE_DIRECTORATES)} | {"Unit"}  # "DITSAMAPTA POLDA X", "Unit Samapta"
    put("POLICE", police)
    put("TASK", {"Satgas", "SATGAS"})
    put("MILITARY", {f for w in gz.MILITARY_HEADS.split("|") for f in (w, w.upper())} | _first(gz.MILITARY_UNITS_BARE))
    put("BODY", _first(gz.ELECTION_BODY_LONG) | _first(gz.ELECTION_BODIES))
    put("GOV", _first(gz.GOV_LONG) | _first(gz.GOV_BODIES) | _first(gz.GOV_BODIES_LOWER) | _first(gz.GOV_NAMED)
        | _first(gz.GOV_BODIES_LOWER.upper()))
    # a re-vote (PSU, "pemungutan suara ulang") is a stage of an election, not one: no key
    put("ELECTION", set(_cased(gz.ELECTIONS)) | set(_cased("Pemilihan")))
    put("ADMIN", _first(gz.ADMIN))
    put("GEO", _first(gz.GEO))
    put("VENUE", _first(gz.VENUES))
    # "Kapolsek dan dua anggotanya": a count of his own people
    put("PERSONNEL", set(_cased(gz.PERSONNEL_NOUNS.replace("|aparat gabungan", "") + "|orang|anggotanya|personelnya")))
    put("FIGURE", set(gz.FIGURE_CUES.split("|")))
    put("PLACE", {n.strip() for n in (gz.PROVINCES + "|" + gz.CITIES + "|" + gz.COUNTRIES).replace("\n", "").split("|")
                  if n.strip()})
    put("PREP", {f"{p} {c}" for p in _PREPOSITIONS for c in _UPPER_LETTERS})
    put("SPEECH", {f"{v} {c}" for v in gz.SPEECH_VERBS.split("|") for c in _UPPER_LETTERS})
    put("APPOS", {f", {c}" for c in _UPPER_LETTERS})
    put("NAMEPFX", _keys(gz.NAME_PREFIXES))
    put("CREDIT", _first(gz.CREDITS))
    put("INITIALS", {"inisial", "berinisial"})
    put("OPERATION", {"Operasi"})
    put("TPS", {"TPS"})
    put("SEAT", {"Aula", "Halaman", "Gedung", "Ruang", "Kantor", "Pendopo", "Pendapa", "Rumah"})
    put("WEEKDAY", {w[0].upper() + w[1:] for w in WEEKDAYS if w.isalpha()})
    put("SUBJECT", {" " + v for v in _SUBJECT_VERBS})
    put(_DATE_WORD, set(DATE_WORDS))  # no handler: where they are is handed to ``find_dates``
    auto = ahocorasick.Automaton()
    for key, kinds in keys.items():
        closed = tuple(_DISPATCH[k] for k in kinds if k not in _OPEN_RIGHT and k != _DATE_WORD)
        opened = tuple(_DISPATCH[k] for k in kinds if k in _OPEN_RIGHT)
        auto.add_word(key, (len(key), _wordchar(key[0]), closed, opened, _DATE_WORD in kinds))
    auto.make_automaton()
    return auto


def _keys(words: str) -> set[str]:
    """Keys for a list of phrases: the first word, or the whole phrase where the first word is
    too short to look for alone ("KA SPKT", "I Made": not every "Ka" or "I")."""
    return {w if len(w.split(" ")[0]) <= 2 else w.split(" ")[0] for w in words.split("|") if w}


_PLANNED = re.compile(r"(?<![\w])(?:akan|dijadwalkan|direncanakan|rencananya)(?![\w])")
_FUTURE_AFTER = re.compile(r"[ \t\u00a0]+(?:mendatang|depan|besok)(?![\w])")
_LINE_CACHE = 16384  # sentences; each holds a few small tuples (about 10 MB when full)
# where the text breaks into pieces no rule looks across: a line end, or a sentence end (a word
# of three lower-case letters or a closing bracket, then a stop, then a capital), not the dot of
# an abbreviation ("Kombes Pol. Hendra", "Jl. Sudirman", "S.H., M.H.")
# (the word before is part of the pattern, as lookbehinds: a candidate that fails costs no Python).
# Each pattern opens with one literal character, so the engine skips to the next one in a tight
# loop: one pattern for all of them (a character class first) tested every character of every
# article in a function call, ~5 % of the recogniser's time. A run of line ends is one break.
_LINE_ENDS = re.compile(r"\n\n*")  # not "\n+": a repeat first hides the literal from the engine
# (group "g": the blanks between the sentences, from the piece's end to the next one's start)
_STOP = re.compile(r"\.(?:(?<=[a-z]{3}.)|(?<=\)\.))[\"”]?(?P<g>[ ]+)(?=[\"“]?[A-Z])")
_MARK = re.compile(r"[!?](?<=[a-z]{3}.)[\"”]?(?P<g>[ ]+)(?=[\"“]?[A-Z])")  # rare: looked for if present
_LABEL = itemgetter(2)  # a candidate's label
_VALUE = itemgetter(3)  # a candidate's value
_DATELINE_ZONE = 3000  # a dateline opens one of the lines that start in the first 3,000 characters

# keys that may be glued to the word after them (handlers check their own right boundary)
_OPEN_RIGHT = frozenset({"PREP", "SPEECH", "APPOS", "CREDIT"})






_DISPATCH: dict[str, Callable[[str, int, int, Add], None]] = {
    "RANK": _h_rank,
    "ROLE": _h_role,
    "POLICE": _h_police,
    "MILITARY": _h_military,
    "TASK": _h_task,
    "BODY": _h_body,
    "GOV": _h_gov,
    "ELECTION": _h_election,
    "PERSONNEL": _h_personnel,
    "FIGURE": _h_figure,
    "TPS": _h_tps,
    "SEAT": _h_seat,
    "WEEKDAY": _h_weekday,
    "OFFICE": _h_role_office,
    "ADMIN": _h_loc(_ADMIN_HEAD),
    "GEO": _h_loc(_GEO_HEAD),
    "VENUE": _h_loc(_VENUE_HEAD, kota=True, abbrev=True),
    "PLACE": _h_place,
    "PREP": _h_prep,
    "SPEECH": _h_speech,
    "APPOS": _h_appos,
    "NAMEPFX": _h_nameprefix,
    "CREDIT": _h_credit,
    "INITIALS": _h_initials,
    "OPERATION": _h_operation,
    "SUBJECT": _h_subject,
}


_DATE_WORD = "DATE_WORD"
_AFTER_DATE_WORD = frozenset("'’")  # (with a word character: what may not follow a day or month name)


def date_word_spans(text: str, found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """What ``dates._P_WORD.finditer(text)`` gives, from where the keyword automaton found the
    day and month names (``found``: every occurrence, in the order their ends come): at each
    start the longest name that no word character or apostrophe follows, left to right, none
    starting inside the one before (a name in a word included: ``find_dates`` tests the left
    side). The automaton's pass replaces a regex scan of every character (~1 % of a worker)."""
    size = len(text)
    word = _WORD_LATIN1
    best: dict[int, int] = {}
    for s, e in found:
        if e < size:
            c = text[e]
            if c in word or c in _AFTER_DATE_WORD or (c > "\xff" and c.isalnum()):
                continue
        if best.get(s, -1) < e:
            best[s] = e
    spans = []
    reach = 0
    for s in sorted(best):
        if s >= reach:
            reach = best[s]
            spans.append((s, reach))
    return spans


def _pieces(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, opens a line) of each piece of ``text`` no rule looks across."""
    return _split_at(text, _breaks(text))


_OPENS_LINE, _IN_LINE = (True,), (False,)


def _breaks(text: str) -> list[tuple[int, int, bool]]:
    """Where ``text`` breaks into pieces: (where a piece ends, where the next one starts, whether
    that one opens a line), sorted; the patterns' matches never overlap (a line end is none of a
    sentence end's characters). The stop and a closing quote stay with the sentence."""
    breaks = [m.span() + _OPENS_LINE for m in _LINE_ENDS.finditer(text)]
    breaks += [m.span(1) + _IN_LINE for m in _STOP.finditer(text)]  # (group "g" by number: no name look-up)
    if "!" in text or "?" in text:
        breaks += [m.span(1) + _IN_LINE for m in _MARK.finditer(text)]
    breaks.sort()
    return breaks


def _split_at(text: str, breaks: list[tuple[int, int, bool]]) -> list[tuple[int, int, bool]]:
    """The pieces between sorted ``breaks`` (piece end, next start, next opens a line); empty
    pieces dropped. Apart from finding the breaks so a test can check the finding alone."""
    out = []
    pos = 0
    head = True
    for end, after, line in breaks:
        if end > pos:
            out.append((pos, end, head))
        pos, head = after, line
    if pos < len(text):
        out.append((pos, len(text), head))
    return out


class Recogniser:
    """Build once (compiles patterns, builds the keyword automaton), then call ``recognise``."""

    def __init__(self) -> None:
        self._auto = _automaton()
        _places()
        _hard_heads()
        # Every rule of the first pass looks within one sentence, so a sentence's entities
        # depend on it alone: outlets repeat boilerplate and press releases are republished, so
        # a sentence seen before (in this article or an earlier one) costs a dictionary lookup.
        # Only a date's value depends on the publication date: a sentence without a date is
        # kept once for every article (``_plain``), one with a date per publication date.
        # ``_plain`` is bounded in two halves: when the young one is full it becomes the old
        # one and the oldest is dropped; a piece found in the old half moves to the young one.
        # Pieces still in use (an outlet's boilerplate) survive, unlike a clear of the whole
        # cache, at no cost per look-up (first passes over one worker's half of the 10k bench
        # corpus: 7.85 -> 7.73 an article).
        self._line = lru_cache(maxsize=_LINE_CACHE)(self._first_pass)
        self._plain: dict[tuple[str, bool], Piece] = {}
        self._older: dict[tuple[str, bool], Piece] = {}

    def _piece(self, text: str, published: str | None, head: bool) -> Piece:
        key = (text, head)
        found = self._plain.get(key)
        if found is not None:
            return found
        found = self._older.get(key)  # (holds no piece with a date)
        if found is None:
            found = self._line(text, published, head)
            if "DATE" in map(_LABEL, found[0]):  # (in C: no generator's frame per candidate)
                return found
        if len(self._plain) >= _LINE_CACHE // 2:
            self._older, self._plain = self._plain, {}
        self._plain[key] = found
        return found

    def recognise(self, text: str, published: str | None = None, noise: Sequence[Span] = ()) -> list[Entity]:
        """Entities in ``text``, sorted by start, non-overlapping, code-point offsets (end exclusive).

        ``published`` (ISO) anchors yearless and relative dates; entities wholly inside a
        ``noise`` span are left out.
        """
        if not text:
            return []
        groups: list[tuple[int, Piece]] = []  # where each piece with candidates starts, and the piece
        piece, plain = self._piece, self._plain
        quiet = sorted((ns.start, ns.end) for ns in noise)
        q, n_quiet = 0, len(quiet)
        breaks = _breaks(text)
        breaks.append((len(text), len(text), True))  # (the last piece ends with the text)
        pos, head = 0, True
        for end, after, line in breaks:  # the pieces between the breaks (``_split_at``), in place
            if end > pos:
                while q < n_quiet and quiet[q][1] < end:
                    q += 1
                if q >= n_quiet or quiet[q][0] > pos:  # (else boilerplate: what it holds is left out)
                    key = (text[pos:end], head and pos < _DATELINE_ZONE)
                    found = plain.get(key)  # the first look-up of ``_piece``, without a call per piece
                    if found is None:
                        found = piece(key[0], published, key[1])
                    if found[0]:
                        groups.append((pos, found))
            pos, head = after, line
        return second_pass(text, groups, noise)

    def _first_pass(self, text: str, published: str | None, head: bool) -> Piece:
        """Entities of one line, overlaps settled: dates, every keyword's entity, and a dateline
        if the line opens the body (``head``). No candidate crosses a line, so settling each
        line alone gives what settling the whole text would."""
        keyed: list[Cand] = []  # the keywords' candidates, after the dates (their order settles ties)
        add = keyed.append
        last = len(text) - 1
        word = _WORD_LATIN1  # (``_wordchar`` without a call)
        days: list[tuple[int, int]] = []  # where a day or month name ends: ``date_word_spans``
        for end_idx, (length, left_word, closed, opened, date_word) in self._auto.iter(text):
            start = end_idx - length + 1
            if date_word:
                days.append((start, end_idx + 1))
            if left_word and start:
                c = text[start - 1]
                if c in word or (c > "\xff" and c.isalnum()):
                    continue  # inside a word
            key_end = end_idx + 1
            if opened:
                for handler in opened:
                    handler(text, start, key_end, add)
            if closed:
                if end_idx < last:
                    c = text[key_end]
                    if c in word or (c > "\xff" and c.isalnum()):
                        continue  # the key is the start of a longer word
                for handler in closed:
                    handler(text, start, key_end, add)
        # relative words ("besok", "hari ini") are no DATE entity (the annotation guidelines, tests/gold/README.md); a record's date
        # reads them from dates.find_dates itself
        words = date_word_spans(text, days) if days else []
        cands: list[Cand] = [(s, e, "DATE", v) for s, e, v in find_dates(text, published, relative=False, words=words)]
        cands += keyed
        add = cands.append
        if head:
            m = _DATELINE.match(text)
            if m is not None:  # "BUNGORO–", "Selong (ANTARA) -", "Outlet.com, Bontang –"
                for g in ("c", "o", "t"):
                    if m[g] and m[g].lower() not in gz.STOP and len(m[g]) >= 3:
                        add((m.start(g), m.end(g), "LOC", None))
                if m["c"] and (o := _DATELINE_OUTLET.match(text, m.end())) is not None and (
                        o["o"].lower() not in _places()):
                    add((o.start("o"), o.end("o"), _BLOCK, None))  # "MALANG, Jatim Sepekan –": the outlet
            elif (m := _DATELINE_MORE.match(text)) is not None:  # "PULAU X (Outlet.id) –", "Tanah Datar -"
                g = "c" if m["c"] else "d"
                if not any(map(_stops, m[g].split())):  # not "Kapolres X -", "Sambut Pilkada -"
                    add((m.start(g), m.end(g), "LOC", None))
            else:
                m = _DATELINE_ALONE.match(text)
                if m is not None and m["r"].lower() in _provinces() and m["t"].lower() not in gz.STOP:
                    add((m.start("t"), m.end("t"), "LOC", None))  # "Cibarusah, Jabar" on its own line
                elif len(text) <= 40 and " " in text and _outlet_line(text):
                    add((0, len(text.rstrip()), _BLOCK, None))  # "Riau Pesisir" under the headline: the outlet
        # a bare weekday is rare: looked for in C first (a Python loop over every candidate of
        # every piece was ~1.5 % of the recogniser)
        if _WEEKDAY_VALUE in map(_VALUE, cands):
            for i, (s, e, label, value) in enumerate(cands):
                if value is _WEEKDAY_VALUE:  # a bare weekday: the latest such day, or the next one if planned
                    future = _PLANNED.search(text, 0, s) is not None or _FUTURE_AFTER.match(text, e) is not None
                    cands[i] = (s, e, label, _bare_day(_ref(published), text[s:e], future))
        return settle(text, *_resolve_marked(cands, len(text)))


_DEFAULT: Recogniser | None = None


def recognise(text: str, published: str | None = None, noise: Sequence[Span] = ()) -> list[Entity]:
    """Recognise with a shared default instance (built on first use)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Recogniser()
    return _DEFAULT.recognise(text, published, noise)
