"""Entity recognition for Indonesian police/election news, fast and forgiving.

It follows the domain's structure rather than a list of this corpus's names:
- unit, body and place heads (Polres, Polsek, Kodim, KPU, Pemkab, Kecamatan, Sungai, Mapolres …)
  take the capitalised place words that follow them, up to a word that cannot be part of a name;
- a functional police unit joins the territorial unit after it ("Sat Lantas Polres X"), while two
  territorial units in a row stay two ("Polsek Mancak Polres Cilegon");
- ranks take the name after them (honorifics before it and academic titles after it are left out);
  so do a role's apposition ("Ketua KPU X, Name,"), speech verbs ("kata Riko"), credit lines and
  given-name prefixes (Teuku, Andi, I Made); later bare mentions of a name are people too;
- a territorial role names its territory ("Kapolres [Lombok Timur]");
- a gazetteer of provinces and major regencies/cities finds bare place names, and a capitalised
  phrase after "di"/"ke"/"dari"/"menuju" is a place;
- dates (``dates.find_dates``) and personnel counts (digits or number words) carry values.

Speed: one Aho-Corasick pass (pyahocorasick, in C) finds every keyword; each hit runs one
anchored, precompiled regex at that spot. Overlaps are settled once, longest span first.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from functools import lru_cache

import ahocorasick

from store.model import Entity, Span
from store.text import gazetteer as gz
from store.text.dates import MONTHS, WEEKDAYS, find_dates

_S = r"[ \t\u00a0]"
_UP = "A-ZÀ-ÖØ-Þ"
_LO = "a-zß-öø-ÿ"
_BLOCK = "_"  # a span that is no entity but keeps others out (operation names, designations)

PRIORITY = {
    "DATE": 0,
    "PERSONNEL": 0,
    "RANK": 1,
    "ROLE": 2,
    "POLICE_UNIT": 3,
    "MILITARY_UNIT": 3,
    "ELECTION_BODY": 3,
    "ELECTION": 3,
    "GOV_ORG": 4,
    "PERSON": 5,
    "LOC": 6,
    _BLOCK: 7,
}

Cand = tuple[int, int, str, object]
Add = Callable[[Cand], None]


def _alt(words: str | Sequence[str]) -> str:
    """Regex alternation, longest first, with spaces matching any run of blanks."""
    items = words.split("|") if isinstance(words, str) else list(words)
    return "|".join(
        sorted((re.escape(w).replace(r"\ ", f"{_S}+") for w in items if w), key=len, reverse=True)
    )


def _cased(words: str) -> list[str]:
    """Each word as listed (Title case), lower-cased and upper-cased: how news writes them."""
    return [form for w in words.split("|") if w for form in dict.fromkeys((w, w.lower(), w.upper()))]


def _first(words: str) -> set[str]:
    return {w.split(" ")[0] for w in words.split("|") if w}


# --- stop words -----------------------------------------------------------------------------------

_AMBIGUOUS_HEADS = {"bandar", "si", "bid", "sat", "satuan", "i", "ni", "ka", "kepala", "badan", "komisi", "dewan",
                    "kelompok", "sentra", "pengawas", "panitia", "kesatuan", "perlindungan", "cut", "lalu",
                    "raden", "tuan", "anak", "ida", "laut", "muara", "tanjung", "taman", "pasar", "balai",
                    "hall", "graha", "wisma", "pura", "simpang", "hotel", "bukit", "gunung", "pulau",
                    "kepulauan", "perairan", "teluk", "danau", "selat", "sungai", "pantai", "lingkungan",
                    "kampung", "kampong"}


@lru_cache(maxsize=1)
def _hard_heads() -> frozenset[str]:
    """Lower-cased words that open another entity: a place-name tail never runs into them."""
    words: set[str] = set()
    for src in (gz.POLICE_RANKS, gz.MILITARY_RANKS, gz.ROLES, gz.POLICE_TERRITORIAL, gz.POLICE_DIRECTORATES,
                gz.MILITARY_UNITS_BARE, gz.ELECTION_BODIES, gz.ELECTION_BODY_LONG, gz.GOV_BODIES, gz.GOV_LONG,
                gz.GOV_NAMED, gz.ADMIN, gz.VENUES):
        words |= {w.lower() for w in _first(src)}
    words |= {w.lower() for w in gz.MILITARY_HEADS.split("|")}
    words |= {"polri",
              "mabes", "satbrimob", "brimob", "direktorat", "subdit", "batalyon", "densus", "korbrimob",
              "psu", "humas",
              "operasi", "kepolisian", "mapolres", "mapolsek", "mapolda", "mapolresta"}
    words |= {w.lower() for w in gz.ELECTIONS.split("|")}
    words |= {"sat" + f.lower() for f in gz.POLICE_FUNCTIONS.split("|")}
    return frozenset(words - _AMBIGUOUS_HEADS)


_NAME_PREFIX_WORDS = frozenset(w.lower() for w in _first(gz.NAME_PREFIXES) if len(w) > 2)
_VERBISH = re.compile(r"(?:meng|meny|mem|men|ber|per|di|ter)[a-z]{3,}$")


@lru_cache(maxsize=8192)
def _stops(word: str) -> bool:
    """True when ``word`` (as written) cannot continue a name: a stop word, another entity's
    head, or a title-case verb from a headline ("Gelar", "Perkuat", "Kunjungi", "Amankan")."""
    low = word.lower()
    if low in _places():
        return False
    if low in gz.STOP or low in _hard_heads():
        return True
    if low in _NAME_PREFIX_WORDS:
        return True
    if len(low) >= 6 and (low.endswith("kan") or (low.endswith("i") and low[:-1] + "kan" in gz.VERB_ROOTS)):
        return True
    return len(word) > 6 and word[0].isupper() and not word.isupper() and bool(_VERBISH.match(low))


@lru_cache(maxsize=8192)
def _first_stops(word: str) -> bool:
    """The first word after a head is taken unless it is a stop word or another entity's head
    (a place may well look like a verb: "Mempawah", "Dikawal" is rare as a name)."""
    low = word.lower()
    return (low in gz.STOP or low in _hard_heads()) and low not in _places()


# --- tails: the capitalised words after a head ---------------------------------------------------

_TAIL_WORD = re.compile(rf"{_S}+([{_UP}0-9][\w'’]*(?:-[a-z0-9][\w'’]*)*)")
_STREET_WORD = re.compile(rf"{_S}+([{_UP}0-9][\w'’]*(?:-[\w'’]+)*)")
_GLUED_WORD = re.compile(rf"([{_UP}0-9][\w'’]*(?:-[a-z0-9][\w'’]*)*)")
_ABBREV_DOT = re.compile(rf"\.(?={_S}+[{_UP}])")
_DIRECTIONS = frozenset("barat timur utara selatan tengah raya daya laut darat kota".split())


def _tail(
    text: str,
    pos: int,
    max_words: int = 4,
    kota: bool = False,
    abbrev: bool = False,
    digits: bool = False,
    glued: bool = False,
    street: bool = False,
) -> tuple[int, int]:
    """End of the name that follows a head ending at ``pos``, and its number of words.

    ``kota``: a trailing "Kota" belongs to the name and ends it ("Polres Tasikmalaya Kota").
    ``abbrev``: dotted abbreviations inside the name ("Lapangan Drh. Soepardi").
    ``street``: ranks and titles are part of a street name ("Jalan Jenderal Sudirman").
    ``glued``: the first word follows without a space ("Kodim 0825/Banyuwangi").
    """
    end = pos
    n = 0
    while n < max_words:
        m = (_GLUED_WORD if glued and n == 0 else _STREET_WORD if street else _TAIL_WORD).match(text, end)
        if m is None:
            break
        word = m.group(1)
        if word[0].isdigit():
            if not digits:
                break
        elif street and word.lower() not in gz.STOP:
            pass
        elif _first_stops(word) if n == 0 else _stops(word):
            if not (kota and n > 0 and word == "Kota"):
                break
        end = m.end()
        n += 1
        if kota and n > 1 and word == "Kota":
            break
        if (abbrev or street) and len(word) <= 4 and _ABBREV_DOT.match(text, end):
            end += 1
    return end, n


# --- names of people -----------------------------------------------------------------------------

_NAME_WORD = re.compile(
    rf"[{_UP}](?:[{_LO}]{{0,3}}\.(?={_S}+[{_UP}])|[{_LO}'’]+(?:-[{_UP}]?[{_LO}]+)*(?![\w]))"
)
_GAP = re.compile(rf"{_S}+")
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
        or low in {"pol", "polisi", "tni", "humas", "kasat", "kapolsek", "kapolres"}
    )


def _name_at(text: str, pos: int, max_words: int = 5) -> tuple[int, int] | None:
    """The personal name starting at ``pos``: capitalised words, "Muh."-style abbreviations and
    initials, up to an academic title, a stop word or another entity's head."""
    end = pos
    count = 0
    cursor = pos
    while count < max_words:
        m = _NAME_WORD.match(text, cursor)
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


# --- heads and their patterns --------------------------------------------------------------------

_BASE_RANKS = [r for r in gz.POLICE_RANKS.split("|") if not r.endswith((" Pol", " Polisi"))]
_RE_RANK = re.compile(
    rf"(?:(?:{_alt(_BASE_RANKS)})(?:{_S}*Pol(?:isi)?\.?(?=[\s\w]|$))?"
    rf"|(?:{_alt(gz.MILITARY_RANKS)})(?:{_S}+{gz.CORPS})?(?:{_S}*\(K\))?)(?![a-z])"
)
_AFTER_RANK = re.compile(rf"(?:(?<=\.)(?=[{_UP}])|{_S}*(?:,{_S}*)?)")
_RE_ROLE = re.compile(rf"(?:{_alt(gz.ROLES)})(?![\w])")
_DESIGNATION = re.compile(rf"{_S}+(?:\d[\d\-.]*|[IVX]+)(?![\w])")
_METRO = re.compile(rf"{_S}+Metro(?={_S})")

_TERR = re.compile(
    rf"(?:Polres{_S}+Metro|{gz.POLICE_TERRITORIAL}|POLRESTABES|POLRESTA|POLRES{_S}+METRO|POLRES|POLSEK|POLDA"
    rf"|Kepolisian{_S}+(?:Negara{_S}+Republik{_S}+Indonesia|Daerah|Resor{_S}+Kota{_S}+Besar|Resor{_S}+Kota"
    rf"|Resort|Resor|Sektor{_S}+Kota|Sektor))(?![\w])"
)
_FUNCS = gz.POLICE_FUNCTIONS
_SUBUNIT = re.compile(
    rf"(?:Sat(?:uan)?{_S}*(?:{_FUNCS}|{_FUNCS.lower()})|Sat(?:{_FUNCS.lower()})|{gz.POLICE_DIRECTORATES}"
    rf"|Direktorat(?:{_S}+(?!Pol)[{_UP}][a-z]+){{1,2}}|Subdit{_S}+[\w]+|Sub{_S}?Direktorat{_S}+[{_UP}][a-z]+"
    rf"|Si{_S}*Humas|Sihumas|Humas|Brimob|Batalyon(?:{_S}+(?:[A-Z]|[IVX]+|\d+))?(?:{_S}+Pelopor)?"
    rf"|Kompi(?:{_S}+(?:[A-Z]|\d+))?|Densus{_S}*88(?:{_S}+AT)?|Korbrimob|Baharkam|Pelopor)(?![\w])"
)
_ROLE_BEFORE_HUMAS = re.compile(r"(?:Kabid|Kasi|Kasie|Kasubbag|Kaur|Paur|Kabag|Kasubbid|Kasubsi)[ \t\u00a0]+$")
_RE_POLRI = re.compile(rf"(?:Mabes{_S}+Polri|Polri|POLRI)(?![\w])")

_RE_MILITARY = re.compile(
    rf"(?:Kodam|KODAM)(?:{_S}+(?:[IVX]{{1,5}}(?![\w])(?:/(?=[{_UP}]))?|(?={gz.KODAM_NAMES})))?"
    rf"|(?:Korem|KOREM){_S}+\d{{3}}(?:/(?=[{_UP}0-9]))?"
    rf"|(?:Kodim|KODIM){_S}+\d{{4}}(?:/(?=[{_UP}]))?"
    rf"|(?:Koramil|KORAMIL){_S}+\d{{2,4}}(?:[\-./]\d{{1,3}})*(?:/(?=[{_UP}]))?"
    rf"|Lanal|Lanud|Lantamal{_S}+[IVX]+|Yonif{_S}+(?:Raider{_S}+)?\d+[\w/\-]*|Brigif{_S}+\d+[\w/\-]*"
    rf"|Denpom{_S}+[IVX\d/\-]+|Koarmada{_S}+[IVX]+|Kodaeral{_S}+[IVX]+|Pomdam{_S}+[IVX]+[\w/\-]*"
    rf"|Kostrad|Kopassus|Korps{_S}+Marinir|Paspampres"
    rf"|TNI(?:[\-\s]+(?:AD|AL|AU|Angkatan{_S}+(?:Darat|Laut|Udara))(?![\w]))?"
)
_MIL_NEEDS_NAME = ("Lanal", "Lanud")

_BODY_HEAD = re.compile(
    rf"(?:{_alt(gz.ELECTION_BODY_LONG)}|{gz.ELECTION_BODIES})(?![\w])(?:{_S}+(?:RI|Republik{_S}+Indonesia)(?![\w]))?"
)
_GOV_HEAD = re.compile(rf"(?:{_alt(gz.GOV_LONG)}|{_alt(gz.GOV_BODIES)})(?![\w])")
_GOV_NAMED = re.compile(rf"(?:{gz.GOV_NAMED})(?![\w])")
_ADMIN_AFTER = re.compile(
    rf"{_S}+(?:Provinsi|Prov\.|Kabupaten|Kab\.|Kota|Kecamatan|Kec\.|Desa|Kelurahan|Distrik|Nagari|Gampong)"
    rf"(?={_S})"
)
_GOV_NEEDS_NAME = ("Pemerintah", "Kejaksaan", "Pengadilan")

_RE_ELECTION = re.compile(
    rf"(?:(?:{_alt(_cased(gz.ELECTIONS))})"
    rf"(?:{_S}+(?:[Ss]erentak|SERENTAK))?(?:{_S}+(?:[Tt]ahun{_S}+)?20\d\d)?"
    rf"|Pemilihan{_S}+(?:Kepala{_S}+Daerah|Umum|Gubernur(?:{_S}+dan{_S}+Wakil{_S}+Gubernur)?"
    rf"|Bupati(?:{_S}+dan{_S}+Wakil{_S}+Bupati)?|Wali{_S}?[Kk]ota(?:{_S}+dan{_S}+Wakil{_S}+Wali{_S}?[Kk]ota)?)"
    rf"(?:{_S}+[Ss]erentak)?(?:{_S}+(?:[Tt]ahun{_S}+)?20\d\d)?"
    rf"|PSU|Pemungutan{_S}+Suara{_S}+Ulang)(?![\w])"
)

_NUMBER_WORDS = (
    r"(?:(?:satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan)(?:[ \t\u00a0]+(?:belas|puluh|ratus))?"
    r"|sepuluh|sebelas|seratus|seribu)"
)
_COUNT_BEFORE = re.compile(
    rf"(?:(?<![\d.,])(?P<n>\d{{1,3}}(?:\.\d{{3}})+|\d{{1,6}})|(?<![\w])(?P<w>(?i:{_NUMBER_WORDS})))"
    rf"{_S}+(?:orang{_S}+)?$"
)
_RE_PERSONNEL_TAIL = re.compile(
    rf"(?:{_S}+(?:{_alt(gz.PERSONNEL_QUALIFIERS)}))?(?![\w\-])"
)
_MEMBERS_OF_BODY = re.compile(
    rf"{_S}+(?:KPPS|PPS|PPK|KPU|Bawaslu|Panwas\w*|DPRD|DPR|kelompok|keluarga|tim{_S}+sukses|partai)"
)

_ADMIN_HEAD = re.compile(rf"(?:{_alt(gz.ADMIN)})(?![\w])")
_GEO_HEAD = re.compile(rf"(?:{gz.GEO})(?![\w\-])")
_VENUE_HEAD = re.compile(rf"(?:{_alt(gz.VENUES)})(?![\w\-])(?:{_S}+(?:Desa|Kelurahan|Kota|Kabupaten))?")
_WALI_BEFORE = re.compile(rf"(?:Wali|Wakil{_S}+Wali|Penjabat{_S}+Wali|Pj\.?{_S}+Wali){_S}+$")

_OPERATION = re.compile(rf"Operasi(?:{_S}+[{_UP}][\w\-]*){{1,5}}(?:{_S}+20\d\d)?")
_CREDIT = re.compile(rf"(?:{gz.CREDITS}){_S}*:{_S}*")
_INITIALS = re.compile(
    rf"{_S}+(?P<i>[A-Z]{{1,4}}|(?:[A-Z]\.){{1,4}})(?![\w])(?:{_S}*\(\d{{1,3}}\))?"
)
_MORE_INITIALS = re.compile(
    rf"{_S}*(?:,|dan|serta){_S}*(?:berinisial{_S}+|inisial{_S}+)?(?P<i>[A-Z]{{1,4}}|(?:[A-Z]\.){{1,4}})"
    rf"(?![\w])(?:{_S}*\(\d{{1,3}}\))?"
)
_APPOSITION = re.compile(
    rf",{_S}+(?P<n>[{_UP}][{_LO}'’]+(?:{_S}+[{_UP}][{_LO}'’]+){{0,3}}),{_S}+"
    rf"(?:(?:me|ber)[a-z]{{3,}}|(?:yang|selaku|ketua|warga|anggota|kepala|tokoh|pemilik|petugas|salah)(?![\w]))"
)
_NAME_PREFIX = re.compile(rf"(?:{_alt(gz.NAME_PREFIXES)}){_S}+(?=[{_UP}][{_LO}])")

# datelines: at a line start, a place in capitals or title case before a dash or an outlet
_DATELINE = re.compile(
    rf"[ \t\u00a0*_#>]*(?:"
    rf"(?:[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+,{_S}*)?(?P<c>[A-Z][A-Z'’]+(?:{_S}[A-Z][A-Z'’]+){{0,2}})"
    rf"(?:{_S}*\([A-Z]{{1,6}}\))?(?={_S}*(?:,|[\-–—]))"
    rf"|[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+,{_S}*(?P<o>[{_UP}][{_LO}]+(?:{_S}[{_UP}][{_LO}]+){{0,2}}){_S}*[\-–—]"
    rf"|(?P<t>[{_UP}][{_LO}]+(?:{_S}[{_UP}][{_LO}]+){{0,2}})"
    rf"(?:,{_S}*[\w\-]+(?:\.[\w\-]+)*\.(?:com|id|co\.id|net|news|co|or\.id|go\.id)(?![\w])"
    rf"|{_S}*\([A-Z]{{2,12}}\){_S}*[\-–—]|,{_S}*(?=\d{{1,2}}{_S}+[A-Za-z]+{_S}+20\d\d))"
    rf")"
)


# --- the keyword automaton -----------------------------------------------------------------------

_SUBJECT_VERBS = ("juga", "mengatakan", "menegaskan", "menjelaskan", "menambahkan", "mengimbau", "mengingatkan",
                  "berharap", "meminta", "menyampaikan", "menyebutkan", "mengungkapkan", "menuturkan")
_PREPOSITIONS = ("di", "ke", "dari", "menuju", "sekitar", "kawasan", "untuk", "asal")
_UPPER_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    names = {n.strip() for n in (gz.PROVINCES + "|" + gz.CITIES).replace("\n", "").split("|") if n.strip()}
    return frozenset(n.lower() for n in names)


@lru_cache(maxsize=1)
def _automaton() -> ahocorasick.Automaton:
    """One automaton over every keyword: a single pass in C finds where to look."""
    keys: dict[str, list[str]] = {}

    def put(kind: str, words: set[str] | list[str]) -> None:
        for w in words:
            if w and kind not in keys.setdefault(w, []):
                keys[w].append(kind)

    put("RANK", _first(gz.POLICE_RANKS) | _first(gz.MILITARY_RANKS))
    put("ROLE", _first(gz.ROLES.replace("\\", "")))
    funcs = gz.POLICE_FUNCTIONS.split("|")
    police = _first(gz.POLICE_TERRITORIAL) | _first(gz.POLICE_DIRECTORATES) | {
        "POLRESTABES", "POLRESTA", "POLRES", "POLSEK", "POLDA", "Kepolisian", "Sat", "Satuan", "Direktorat",
        "Subdit", "Sub", "Si", "Sihumas", "Humas", "Brimob", "Batalyon", "Kompi", "Densus", "Korbrimob",
        "Baharkam", "Pelopor", "Mabes", "Polri", "POLRI"}
    police |= {"Sat" + f.lower() for f in funcs} | {"Sat" + f for f in funcs}
    put("POLICE", police)
    put("MILITARY", {f for w in gz.MILITARY_HEADS.split("|") for f in (w, w.upper())} | _first(gz.MILITARY_UNITS_BARE))
    put("BODY", _first(gz.ELECTION_BODY_LONG) | _first(gz.ELECTION_BODIES))
    put("GOV", _first(gz.GOV_LONG) | _first(gz.GOV_BODIES) | _first(gz.GOV_NAMED))
    put("ELECTION", set(_cased(gz.ELECTIONS)) | {"Pemilihan", "PSU", "Pemungutan"})
    put("ADMIN", _first(gz.ADMIN))
    put("GEO", _first(gz.GEO))
    put("VENUE", _first(gz.VENUES))
    put("PERSONNEL", set(gz.PERSONNEL_NOUNS.replace("aparat gabungan", "").split("|")))
    put("PLACE", {n.strip() for n in (gz.PROVINCES + "|" + gz.CITIES).replace("\n", "").split("|") if n.strip()})
    put("PREP", {f"{p} {c}" for p in _PREPOSITIONS for c in _UPPER_LETTERS})
    put("SPEECH", {f"{v} {c}" for v in gz.SPEECH_VERBS.split("|") for c in _UPPER_LETTERS})
    put("APPOS", {f", {c}" for c in _UPPER_LETTERS})
    put("NAMEPFX", _first(gz.NAME_PREFIXES))
    put("CREDIT", _first(gz.CREDITS))
    put("INITIALS", {"inisial", "berinisial"})
    put("OPERATION", {"Operasi"})
    put("SUBJECT", {" " + v for v in _SUBJECT_VERBS})
    auto = ahocorasick.Automaton()
    for key, kinds in keys.items():
        auto.add_word(key, (len(key), tuple(kinds)))
    auto.make_automaton()
    return auto


# keys that may be glued to the word after them (handlers check their own right boundary)
_OPEN_RIGHT = frozenset({"PREP", "SPEECH", "APPOS", "CREDIT"})


def _wordchar(c: str) -> bool:
    return c.isalnum() or c == "_"


# --- handlers: one per kind of keyword; each adds candidates -------------------------------------


def _h_rank(text: str, start: int, key_end: int, add: Add) -> None:
    m = _RE_RANK.match(text, start)
    if m is None:
        return
    end = m.end()
    while end > start and text[end - 1] in " \t\u00a0":
        end -= 1
    add((start, end, "RANK", None))
    sep = _AFTER_RANK.match(text, m.end())
    at = sep.end() if sep else m.end()
    hon = _HONORIFIC.match(text, at)
    if hon:
        at = hon.end()
    span = _name_at(text, at)
    if span is not None:
        add((span[0], span[1], "PERSON", None))


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


def _h_speech(text: str, start: int, key_end: int, add: Add) -> None:
    span = _name_at(text, key_end - 1, max_words=3)
    if span is not None and span[1] - span[0] >= 3:
        add((span[0], span[1], "PERSON", None))


def _h_appos(text: str, start: int, key_end: int, add: Add) -> None:
    m = _APPOSITION.match(text, start)
    if m is None:
        return
    words = m["n"].split()
    if any(_name_stop(w) or w.lower() in _places() for w in words):
        return
    add((m.start("n"), m.end("n"), "PERSON", None))


_SUBJECT = re.compile(rf"(?:^|(?<=[.!?\n])[ \t\u00a0\"“*]*|(?<=[\"“]))([{_UP}][{_LO}]{{2,}})$", re.M)
_NOT_SUBJECTS = frozenset(
    "ia dia beliau mereka kami kita kapolres kapolsek pihaknya selain namun sementara kemudian hal ini itu "
    "kegiatan pengamanan personel masyarakat warga petugas polisi aparat semua seluruh para".split()
)


def _h_subject(text: str, start: int, key_end: int, add: Add) -> None:
    """"Ridwan juga mengingatkan …": a capitalised word opening a sentence before a speech verb."""
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


def _h_operation(text: str, start: int, key_end: int, add: Add) -> None:
    m = _OPERATION.match(text, start)
    if m is not None:
        add((start, m.end(), _BLOCK, None))


_DISPATCH: dict[str, Callable[[str, int, int, Add], None]] = {
    "RANK": _h_rank,
    "ROLE": _h_role,
    "POLICE": _h_police,
    "MILITARY": _h_military,
    "BODY": _h_body,
    "GOV": _h_gov,
    "ELECTION": _h_election,
    "PERSONNEL": _h_personnel,
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


# --- the recogniser ------------------------------------------------------------------------------

_APPOS_AFTER_ROLE = re.compile(rf",{_S}*")
_PAREN_ABBR = re.compile(rf"{_S}*\($")
_CHAIN = re.compile(rf"(?:,{_S}+|[–—](?=[{_UP}]))")
_ORG_LABELS = frozenset({"POLICE_UNIT", "ELECTION_BODY", "GOV_ORG", "MILITARY_UNIT"})


class Recogniser:
    """Build once (compiles patterns, builds the keyword automaton), then call ``recognise``."""

    def __init__(self) -> None:
        self._auto = _automaton()
        _places()
        _hard_heads()

    def recognise(self, text: str, published: str | None = None, noise: Sequence[Span] = ()) -> list[Entity]:
        """Entities in ``text``, sorted by start, non-overlapping, code-point offsets (end exclusive).

        ``published`` (ISO) anchors yearless and relative dates; entities wholly inside a
        ``noise`` span are left out.
        """
        if not text:
            return []
        cands: list[Cand] = [(s, e, "DATE", v) for s, e, v in find_dates(text, published)]
        add = cands.append
        n = len(text)
        for end_idx, (length, kinds) in self._auto.iter(text):
            start = end_idx - length + 1
            if start and _wordchar(text[start - 1]) and _wordchar(text[start]):
                continue
            right_open = end_idx + 1 >= n or not _wordchar(text[end_idx + 1])
            for kind in kinds:
                if right_open or kind in _OPEN_RIGHT:
                    _DISPATCH[kind](text, start, end_idx + 1, add)
        self._datelines(text, add)
        ents = _resolve(cands)
        ents = self._second_pass(text, ents)
        return _finish(text, ents, noise)

    @staticmethod
    def _datelines(text: str, add: Add) -> None:
        """The place opening the body ("BUNGORO–", "Selong (ANTARA) -", "Outlet.com, Bontang –")."""
        pos = 0
        limit = min(len(text), 3000)
        while pos < limit:
            m = _DATELINE.match(text, pos)
            if m is not None:
                for g in ("c", "o", "t"):
                    if m[g] and m[g].lower() not in gz.STOP and len(m[g]) >= 3:
                        add((m.start(g), m.end(g), "LOC", None))
            nl = text.find("\n", pos, limit)
            if nl == -1:
                break
            pos = nl + 1

    @staticmethod
    def _second_pass(text: str, ents: list[Cand]) -> list[Cand]:
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
                                                     "MILITARY_UNIT", _BLOCK):
                    e = nxt[1]
                    gap = _GAP.match(text, e)
                    nxt = starts.get(gap.end()) if gap else None
                sep = _APPOS_AFTER_ROLE.match(text, e)
                if sep is None or sep.end() == e or not text.startswith(",", e):
                    continue
                span = _name_at(text, sep.end(), max_words=4)
                if span is not None and free(*span) and span[0] not in starts:
                    take(span[0], span[1], "PERSON")
            elif label in _ORG_LABELS:
                # "Panitia Pengawas Pemilihan Kecamatan (Panwascam) Balocci": the region after the
                # acronym is a place of its own
                if s and text[s - 1] == "(" and text.startswith(")", e):
                    end, nw = _tail(text, e + 1, max_words=4, kota=True)
                    first = _GAP.match(text, e + 1)
                    if nw and first and free(first.end(), end):
                        take(first.end(), end, "LOC")
            elif label == "LOC":
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
        people = [c for c in ents if c[2] == "PERSON"] + [c for c in extra if c[2] == "PERSON"]
        if people:
            tokens = set()
            for ps, pe, _l, _v in people:
                for t in text[ps:pe].split():
                    if len(t) >= 3 and not t.endswith(".") and t.lower() not in _places() and not _name_stop(t):
                        tokens.add(t)
            for t in tokens:
                at = text.find(t)
                while at != -1:
                    e = at + len(t)
                    if (
                        (at == 0 or not _wordchar(text[at - 1]))
                        and (e >= len(text) or not _wordchar(text[e]))
                        and free(at, e)
                    ):
                        take(at, e, "PERSON")
                    at = text.find(t, e)
        out = [c for c in ents if c[0] not in drop] + extra
        out.sort(key=lambda c: c[0])
        return out


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
    ordered = sorted(cands, key=lambda c: (c[0] - c[1], PRIORITY[c[2]], c[0]))
    taken: list[Cand] = []
    if not ordered:
        return taken
    size = max(c[1] for c in ordered) + 1
    occupied = bytearray(size)
    for c in ordered:
        s, e = c[0], c[1]
        if e <= s or occupied.find(1, s, e) != -1:
            continue
        occupied[s:e] = b"\1" * (e - s)
        taken.append(c)
    taken.sort(key=lambda c: c[0])
    return taken


def _finish(text: str, ents: list[Cand], noise: Sequence[Span]) -> list[Entity]:
    out: list[Entity] = []
    spans = sorted((ns.start, ns.end) for ns in noise)
    starts = [s for s, _ in spans]
    for s, e, label, value in ents:
        if label == _BLOCK:
            continue
        while e > s and text[e - 1] in " \u00a0\t,;:":
            e -= 1
        if e > s and text[e - 1] == "." and not (label == "RANK" and text[s:e - 1].endswith("Pol")):
            if label != "PERSON" or not (e - s >= 2 and text[e - 2].isupper() and (e - s == 2 or text[e - 3] == " ")):
                e -= 1
        if e <= s:
            continue
        if spans:
            i = bisect_right(starts, s) - 1
            if i >= 0 and spans[i][1] >= e:
                continue
        out.append(Entity(s, e, label, text[s:e], value))
    return out


_DEFAULT: Recogniser | None = None


def recognise(text: str, published: str | None = None, noise: Sequence[Span] = ()) -> list[Entity]:
    """Recognise with a shared default instance (built on first use)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Recogniser()
    return _DEFAULT.recognise(text, published, noise)
