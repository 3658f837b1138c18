"""What to offer while a reviewer types a record's unit, location or partners, and which of it
matches what is typed: pure functions over an article and the store's records (no store, no UI).

A name typed letter by letter costs 8-15 keys before a plain prefix completion is the wanted
one (``Kodim 0825/Banyuwangi`` needs ``Kodim 0825/B``: the article has two Kodims, the store
more). So the offer is ranked the way the reviewer looks for it: what the article itself names
(units for the unit, bodies for partners, places for the location), nearest the record's
sentence first, then what this store's records used before, most used first; and a match is
found from a few letters of any of its words: ``bany``, ``kd ban`` (word starts, letters in
order) or ``pbw`` (initials) all find ``Kodim 0825/Banyuwangi`` or ``Polresta Banyuwangi``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from store.conventions import sub_unit_alone
from store.model import Article, Entity
from store.text.dates import find_dates
from store.text.sentences import sentences

FIELDS = ("location", "partners", "unit")
LABELS: dict[str, tuple[str, ...]] = {
    "unit": ("POLICE_UNIT",),
    "location": ("LOC",),
    "partners": ("POLICE_UNIT", "MILITARY_UNIT", "ELECTION_BODY", "GOV_ORG"),
}
_WORD = re.compile(r"[^\W_]+")
_BEHIND = 300  # a date before the record's sentence ranks as if this many characters further


# A reviewer's location is often a phrase around or beyond the named place, as the sentence writes it:
# "halaman Mapolres X", "ruas Jalan Y", "gudang PPK di Batu Panjang", "Dermaga Tenau, Kota Kupang",
# "kantor PPK dan gudang logistik KPU Z". The writers of the real-page gold split on which (the guidelines:
# "as written"), and a place the field cannot offer is typed in full: 32 keys a location fix on dev pages
# e850-e859 coded through the workbench (bench.keys_real), 87 % of the fixing keys. So the field offers
# the sentence's phrases too: each runs from a place, a preposition's object or a word that says where
# around ("halaman", "sekitar", "ruas") to the end of a named place or body, or to where the phrase stops
# (a clause word, a verb, punctuation), across "dan"/"serta" and across a comma before a capital.
_PLACE_AFTER = re.compile(r"(?<![^\W_])(?:di|ke|dari|menuju|hingga|sampai|sepanjang|seputar|sekitar|keliling|"
                          r"mengelilingi|menyisir|menyusuri|mendatangi|menyambangi|mengunjungi|menyasar|"
                          r"mengamankan|menjaga)\s+", re.IGNORECASE)
_AROUND = re.compile(r"(?<![^\W_])(?:halaman|depan|sekitar|kawasan|area|lingkungan|seputar|luar|belakang|"
                     r"samping|seberang|tepi|pinggir|sisi|ujung|ruas|simpang|pintu|gerbang|pagar|dalam|sepanjang|perairan|"
                     r"wilayah|pelataran|teras|serambi|bantaran|pesisir)\s+", re.IGNORECASE)
_PHRASE_STOP = re.compile(
    r"\s+(?:untuk|agar|guna|supaya|yang|sebagai|dengan|sejak|hingga|sampai|selama|pada|sementara|sedangkan|"
    r"sambil|sekaligus|bersama|oleh|saat|ketika|usai|setelah|sebelum|karena|terutama|termasuk|antara|pukul|"
    r"juga|di(?!nas|strik|nding)[a-z]{3,}|me(?!nara|ja|rah|dan|nuju)[a-z]{4,}|ber(?!as)[a-z]{3,})(?![\w-])"
    r"|\s*(?:[,.;:](?!\d)|[\"”()])|\s+(?:dan|serta|ke|menuju)\s+|\s*$")  # lower case: "Mehara" is no verb
_ACROSS = re.compile(r"\s+(?:dan|serta|hingga|sampai|ke|menuju)\s+", re.IGNORECASE)
# a list of venues after a comma: "ruang pleno, ruang saksi dan area parkir"
_VENUE_NEXT = re.compile(r"(?:ruang|area|halaman|lobi|gudang|kantor|pintu|aula|posko|pos|sekretariat|balai|"
                         r"jalan|ruas|lapangan|parkir|dermaga|pelabuhan|pasar|gedung|gerbang|depan|sekitar)(?![\w-])")
_NOT_A_PLACE = re.compile(r"(?:Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu|Pukul|Sementara|Sedangkan|"
                          r"Selain|Namun|Kemudian|Lalu)(?![\w-])")
_LAST_NOT = {"di", "ke", "dan", "serta", "dari", "yang"}
_BODIES = ("LOC", "ELECTION_BODY", "GOV_ORG", "POLICE_UNIT", "MILITARY_UNIT")
_PHRASE_WORDS = 14
_RUN = 3  # how many "dan"/comma joins a phrase may run across


def place_phrases(text: str, start: int, end: int, entities: Iterable[Entity]) -> list[tuple[int, str]]:
    """The phrases of the sentence ``start:end`` a reviewer may code as its place, with where each
    starts, in text order (see above)."""
    sentence = text[start:end]
    inside = [e for e in entities if start <= e.start and e.end <= end]
    starts = {e.start for e in inside if e.label == "LOC"}
    starts.update(start + m.end() for m in _PLACE_AFTER.finditer(sentence))
    starts.update(start + m.start() for m in _AROUND.finditer(sentence))
    named_ends = {e.end for e in inside if e.label in _BODIES}
    found: dict[str, tuple[int, str]] = {}
    for a in sorted(starts):
        at, stops, limit = a - start, set(), end
        for n, m in enumerate(_PHRASE_STOP.finditer(sentence, at)):
            if m.start() > at:
                stops.add(start + m.start())
            after = sentence[m.end():].lstrip()
            named = after[:1].isupper() and not _NOT_A_PLACE.match(after)
            across = _ACROSS.fullmatch(m.group()) is not None or (
                m.group().strip() == "," and (named or _VENUE_NEXT.match(after) is not None))
            if n >= _RUN or not across:
                limit = start + m.start()
                break
        for b in sorted(stops | {e for e in named_ends if a < e <= limit}):
            phrase = text[a:b]
            words = phrase.split()
            if (b <= a or not phrase[:1].isalnum() or len(words) > _PHRASE_WORDS
                    or words[-1].casefold() in _LAST_NOT or "\n" in phrase):
                continue
            found.setdefault(phrase.casefold(), (a, phrase))
    return sorted(found.values())


def from_article(article: Article, field: str, near: int | None = None) -> list[str]:
    """The article's entities of the field's labels (noise lines left out), a sub-unit also
    without its parent ("Sat Lantas" of "Sat Lantas Polres X"), and, for the location, its
    sentences' place phrases (``place_phrases``), each once: nearest ``near`` (a character
    offset, the record's sentence) first, else in text order."""
    labels = LABELS[field]
    noise = [(n.start, n.end) for n in article.noise]
    mentions = [(e.start, e.end, e.text.strip()) for e in article.entities
                if e.label in labels and not any(s <= e.start and e.end <= t for s, t in noise)]
    if field != "location":  # "Sat Lantas" of "Sat Lantas Polres X" too: reviewers who code it alone
        mentions += [(start, end, alone) for start, end, text in mentions
                     if (alone := sub_unit_alone(text)) != text]
    if field == "location":
        for s, t in sentences(article.text, article.noise):
            if not any(a <= s and t <= b for a, b in noise):
                phrases = place_phrases(article.text, s, t, article.entities)
                mentions += [(a, a + len(p), p) for a, p in phrases]
    distance: dict[str, tuple[int, int]] = {}
    for start, end, text in mentions:
        if not text:
            continue
        far = 0 if near is None or start <= near < end else min(abs(start - near), abs(end - near))
        here = (far, start)
        if text not in distance or here < distance[text]:
            distance[text] = here
    return sorted(distance, key=lambda t: distance[t])


def from_records(records: Iterable[Mapping[str, Any]], field: str) -> list[str]:
    """What the store's records (as stored: dicts) hold in ``field``, most used first."""
    used: dict[str, int] = {}
    for r in records:
        values = r.get(field) if field == "partners" else [r.get(field)]
        for v in values if isinstance(values, list) else []:
            if isinstance(v, str) and v.strip():
                used[v.strip()] = used.get(v.strip(), 0) + 1
    return sorted(used, key=lambda v: (-used[v], v.casefold()))


def ranked(article: Article, records: Iterable[Mapping[str, Any]], field: str,
           near: int | None = None) -> list[str]:
    """The field's completions: the article's (``from_article``) then the records' (``from_records``),
    each once (the first spelling met wins over one that differs only in case)."""
    out: dict[str, str] = {}
    for value in [*from_article(article, field, near), *from_records(records, field)]:
        out.setdefault(value.casefold(), value)
    return list(out.values())


def _abbreviates(token: str, word: str) -> bool:
    """``token`` starts ``word`` and its other letters come in order in it (``kd`` for ``kodim``)."""
    if not word.startswith(token[0]):
        return False
    at = 1
    for ch in token[1:]:
        at = word.find(ch, at) + 1
        if not at:
            return False
    return True


def _in_order(tokens: list[str], words: list[str], fits: Any) -> bool:
    """Each token fits a later word than the one before it."""
    at = 0
    for token in tokens:
        while at < len(words) and not fits(token, words[at]):
            at += 1
        if at == len(words):
            return False
        at += 1
    return True


def _initials(token: str, words: list[str]) -> bool:
    """``token`` is the initials of words in order (``pb`` for ``Polresta Banyuwangi``)."""
    return len(token) > 1 and _in_order(list(token), words, lambda ch, w: w.startswith(ch))


def how_well(typed: str, candidate: str) -> int | None:
    """How ``candidate`` matches ``typed``, 0 best: 0 it starts with it, 1 each typed word starts
    one of its words in order, 2 the typed word is initials of its words in order, 3 each typed
    word abbreviates one of its words in order (``kd`` ``kodim``), 4 it contains it; None when
    it does not match."""
    folded, text = typed.casefold().strip(), candidate.casefold()
    if not folded:
        return None
    if text.startswith(folded):
        return 0
    tokens, words = _WORD.findall(folded), _WORD.findall(text)
    if not tokens:
        return 4 if folded in text else None
    if _in_order(tokens, words, lambda t, w: w.startswith(t)):
        return 1
    if len(tokens) == 1 and _initials(tokens[0], words):
        return 2
    if _in_order(tokens, words, _abbreviates):
        return 3
    return 4 if folded in text else None


def matching(typed: str, candidates: Iterable[str]) -> list[str]:
    """The candidates that match ``typed`` (``how_well``), best match first and, within one kind
    of match, in the order given (the ranking). When what is typed is itself one of the
    candidates, nothing is offered: Enter takes the offer, so a whole name typed must stay that
    name (``Polres Garut`` typed is never turned into ``Polres Garut Kota``)."""
    scored, whole = [], typed.casefold().strip()
    for order, candidate in enumerate(candidates):
        if candidate.casefold() == whole:
            return []
        score = how_well(typed, candidate)
        if score is not None:
            scored.append((score, order, candidate))
    return [c for _, _, c in sorted(scored)]


def near_first(names: list[str], text: str, at: int | None, until: int | None = None) -> list[str]:
    """``names`` reordered for a record whose sentence starts at ``at`` (and ends at ``until``):
    the ones ``text`` contains, nearest it first (a mention holding ``at`` is nearest; with
    ``until``, the sentence's own mentions come first, in the order it writes them), then the
    others as given. For a caller that holds the names and the text but not the entities (the
    workbench's form)."""
    if at is None:
        return list(names)
    found: dict[str, tuple[int, int, int]] = {}
    for order, name in enumerate(names):
        best, start = None, text.find(name) if name else -1
        while start >= 0:
            end = start + len(name)
            if until is not None and at <= start and end <= until:
                here = (0, start - at)
            else:
                here = (1, 0 if start <= at < end else min(abs(start - at), abs(end - at)))
            best = here if best is None else min(best, here)
            start = text.find(name, start + 1)
        if best is not None:
            found[name] = (*best, order)
    return sorted(found, key=lambda n: found[n]) + [n for n in names if n not in found]


def dates_near(text: str, at: int | None, published: str | None = None) -> list[str]:
    """The dates the article writes (``Minggu (24/11/2024)``, ``Jumat, 18 Oktober 2024``) as
    it writes them, one per day, nearest ``at`` (the record's sentence) first: the record's date
    is most often the one its own sentence gives, two keys (down, Enter) instead of six."""
    best: dict[str, tuple[int, int, str]] = {}
    for start, end, iso in find_dates(text, published):
        if not iso:
            continue
        # the sentence's own dates come after its start; one before it is behind them
        far = 0 if at is None else start - at if start >= at else _BEHIND + at - end
        here = (far, start, " ".join(text[start:end].split()))
        if iso not in best or here < best[iso]:
            best[iso] = here
    return [shown for _, _, shown in sorted(best.values())]


# Growing a value from the text: a reviewer's place or partner is often a phrase of the record's sentence
# longer than any name on offer ("dari Kecamatan Polewali hingga Wonomulyo", "Atambua Barat, Tasifeto
# Timur, Raihat dan Lamaknen"): typed in full, 40-140 keys (bench.keys_real, dev). Where what the field
# holds is written in the text, a key takes the text's next word after it (or the one before it), as a
# reader selects a span with the mouse in brat or INCEpTION, a word at a time.
_GROW_AROUND = 10_000  # characters either side of the record's sentence (and of the value) looked at
_TRAILING = ",.;:!?\"”’'"
_LEADING = "\"“‘'("
_NEXT_WORD = re.compile(r"[ \t]*[,;:]?[ \t]*([^\s]+)")
_WORD_BEFORE = re.compile(r"([^\s]+)[ \t]*[,;:]?[ \t]*$")


def _occurrence(text: str, value: str, at: int | None, until: int | None) -> tuple[int, int] | None:
    """Where ``text`` writes ``value`` (any case, any run of spaces for a space): in the sentence
    ``at:until`` first, else nearest it; never from inside a word unless ``value`` starts with no letter
    (``dar`` finds "dari", never "Kodar")."""
    words = value.split()
    if not words:
        return None
    pattern = re.compile(r"\s+".join(re.escape(w) for w in words), re.IGNORECASE)
    best: tuple[tuple[int, int], tuple[int, int]] | None = None
    lo = max(0, (at or 0) - _GROW_AROUND)  # (a 10 MB article is not searched whole on a key)
    for m in pattern.finditer(text, lo, (until or at or 0) + _GROW_AROUND):
        s, e = m.span()
        if s and text[s - 1].isalnum() and value[0].isalnum():
            continue
        if at is not None and until is not None and at <= s and e <= until:
            here = (0, s - at)
        else:
            here = (1, 0 if at is None else min(abs(s - at), abs(e - at)))
        if best is None or here < best[0]:
            best = (here, (s, e))
    return None if best is None else best[1]


def _word_after(text: str, end: int, limit: int) -> int | None:
    """Where the next word after ``end`` ends (the rest of the word ``end`` is inside), within the
    sentence ending at ``limit`` and on its line; None when there is none."""
    if end < limit and end and text[end].isalnum() and text[end - 1].isalnum():
        m = re.compile(r"[^\s]*").match(text, end, limit)
        assert m is not None
        rest = m.group().rstrip(_TRAILING)
        return end + len(rest) if rest else None
    m = _NEXT_WORD.match(text, end, limit)
    if m is None:
        return None
    word = m.group(1)
    # an abbreviation's dot inside the sentence stays ("Jl. Merdeka"), the sentence's stop does not
    stops = _TRAILING if not text[m.end(1):limit].strip() else _TRAILING.replace(".", "")
    kept = word.rstrip(stops if "(" in word else stops + ")")
    return m.start(1) + len(kept) if kept else None


def _word_before(text: str, start: int, floor: int) -> int | None:
    """Where the word before ``start`` starts (the start of the word ``start`` is inside), within the
    sentence starting at ``floor`` and on its line; None when there is none."""
    if floor < start < len(text) and text[start].isalnum() and text[start - 1].isalnum():
        at = start
        while at > floor and not text[at - 1].isspace():
            at -= 1
        lead = len(text[at:start]) - len(text[at:start].lstrip(_LEADING))
        return at + lead if at + lead < start else None
    m = _WORD_BEFORE.search(text, max(floor, start - 80), start)
    if m is None:
        return None
    word = m.group(1)
    lead = len(word) - len(word.lstrip(_LEADING if ")" in word else _LEADING.replace("(", "")))
    return m.start(1) + lead if lead < len(word) else None


def grow(text: str, value: str, at: int | None, until: int | None, left: bool = False) -> str | None:
    """``value`` with the text's next word after it (``left``: the word before it) where the text writes
    it, the record's sentence (``at:until``) first, as written (runs of spaces one space); None when
    the text does not write ``value`` or nothing follows (precedes) it in its sentence."""
    found = _occurrence(text, value.strip(), at, until)
    if found is None:
        return None
    s, e = found
    lo = max(0, s - _GROW_AROUND)
    around = [(a + lo, b + lo) for a, b in sentences(text[lo:e + _GROW_AROUND])]
    first, last = next(((a, b) for a, b in around if a <= s < b), (lo, min(len(text), e + _GROW_AROUND)))
    if left:
        moved = _word_before(text, s, first)
        s = moved if moved is not None else -1
    else:
        moved = _word_after(text, e, last)
        e = moved if moved is not None else -1
    return None if moved is None else " ".join(text[s:e].split())
