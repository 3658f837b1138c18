"""The building blocks every rule shares: character classes, label priorities, the words that
end a name (stop words and other entities' heads), the tail of capitalised words after a head, and
the precompiled patterns of each head. Data and pure functions only."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from store.text import gazetteer as gz
from store.text.dates import MONTHS, _trie

_S = r"[ \t\u00a0]"
_UP = "A-ZÀ-ÖØ-Þ"
_LO = "a-zß-öø-ÿ"
_BLOCK = "_"  # a span that is no entity but keeps others out (operation names, designations)
_MUTE = "~"  # like _BLOCK, but it also wins a tie: a role's place ("Kapolres [Garut]") is no LOC
# a count of people that is personnel if the sentence before counted personnel ("Sisanya, 60 orang, ..."):
# the second pass, which sees the sentences before, decides; hidden until then
_REST = "?"

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
    _MUTE: -1,
    _REST: 0,
}

Cand = tuple[int, int, str, object]
Add = Callable[[Cand], None]


def _alt(words: str | Sequence[str]) -> str:
    """Regex alternation, longest first, with spaces matching any run of blanks, as a trie: the
    lists run to hundreds of words (279 roles), and a plain alternation tries each of them at
    every keyword, a trie a few characters. Not for matching that ignores case (``_alt_words``)."""
    items = words.split("|") if isinstance(words, str) else list(words)
    return _trie([w for w in items if w], space=f"{_S}+")


def _alt_words(words: str | Sequence[str]) -> str:
    """``_alt`` as a plain alternation, longest first: under ``(?i:…)``, where a trie's branches
    for "P" and "p" would both match and be tried in character order, not longest first."""
    items = words.split("|") if isinstance(words, str) else list(words)
    return "|".join(
        sorted((re.escape(w).replace(r"\ ", f"{_S}+") for w in items if w), key=len, reverse=True)
    )


def _cased(words: str) -> list[str]:
    """Each word as listed, lower-cased, upper-cased and capitalised: how news writes them."""
    return [form for w in words.split("|") if w
            for form in dict.fromkeys((w, w.lower(), w.upper(), w[0].upper() + w[1:]))]


def _first(words: str) -> set[str]:
    return {w.split(" ")[0] for w in words.split("|") if w}


# --- stop words -----------------------------------------------------------------------------------

_AMBIGUOUS_HEADS = {"bandar", "si", "bid", "sat", "satuan", "i", "ni", "ka", "kepala", "badan", "komisi", "dewan",
                    "kelompok", "sentra", "pengawas", "panitia", "kesatuan", "perlindungan", "cut", "lalu",
                    "raden", "tuan", "anak", "ida", "laut", "muara", "kuala", "tanjung", "taman", "pasar", "balai",
                    "hall", "graha", "wisma", "pura", "simpang", "hotel", "pelabuhan", "bandara", "bukit", "gunung", "pulau",
                    "kepulauan", "perairan", "teluk", "danau", "selat", "sungai", "pantai", "lingkungan",
                    "kampung", "kampong", "pondok", "langgar"}


@lru_cache(maxsize=1)
def _hard_heads() -> frozenset[str]:
    """Lower-cased words that open another entity: a place-name tail never runs into them."""
    words: set[str] = set()
    for src in (gz.POLICE_RANKS, gz.MILITARY_RANKS, gz.RANKS_LONG, gz.ROLES, gz.POLICE_TERRITORIAL, gz.POLICE_DIRECTORATES,
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
    words |= {"si" + f.lower() for f in gz.POLICE_SECTIONS.split("|")}
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
    if low in _NAME_PREFIX_WORDS or low in _SUPERLATIVES:
        return True
    if len(low) >= 6 and (low.endswith("kan") or (low.endswith("i") and low[:-1] + "kan" in gz.VERB_ROOTS)):
        return True
    return _verb_shaped(word)


@lru_cache(maxsize=8192)
def _verb_shaped(word: str) -> bool:
    """A title-case word shaped like a verb ("Bersiaga", "Dikawal", "Perketat"): a headline's verb,
    or a place name ("Terunjam", "Perbaungan") when lower-case running text goes on after it."""
    if len(word) == 6 and word[0] == "D":
        return word.lower() in _SHORT_PASSIVES  # "KPU X Dijaga Ketat" ("Digoel" is a place's name)
    return len(word) > 6 and word[0].isupper() and not word.isupper() and bool(_VERBISH.match(word.lower()))


# passives of seven or eight letters headlines write right after a name ("Sidang MK Dimulai")
_HEADLINE_PASSIVES = frozenset("dimulai dikawal digelar ditutup dipantau diawasi dijemput disegel diangkut".split())
# superlatives a headline writes after a head word to say which one ("ke Kecamatan Terjauh", "Pulau
# Terluar", "Desa Terpencil"): no name
_SUPERLATIVES = frozenset(
    """terjauh terluar terdepan terpencil terdalam terujung terpelosok terisolir terisolasi terdekat terakhir
    terbesar terbanyak tertinggi terpadat terbaik terawan tersulit terparah""".split()
)
# passives of six letters a headline opens its verb with (longer ones are told by their shape)
_SHORT_PASSIVES = frozenset("dijaga dibuka dibagi diatur diraih disita diusir dibawa diberi dicari dikira dijual".split())


# lower-case text after a name word: running text, not a title-case headline ("Polsek Teras Terunjam
# mengumpulkan ...", not "Polres X Perketat Pengamanan")
_RUNNING_ON = re.compile(rf"{_S}+(?:(?:me|ber|di|ter|per)[a-z]{{3,}}|yang|dan|untuk|bersama|juga)(?![\w])")


def _verb_next(text: str, pos: int) -> bool:
    """A title-case verb-shaped word follows ``pos``: the one before it is a name's, not the verb."""
    m = _TAIL_WORD.match(text, pos)
    return m is not None and _verb_shaped(m.group(1))


@lru_cache(maxsize=8192)
def _hard_stop(word: str) -> bool:
    """A stop word, another entity's head or a word that opens a name: never part of this name."""
    low = word.lower()
    return low in gz.STOP or low in _hard_heads() or low in _NAME_PREFIX_WORDS


@lru_cache(maxsize=8192)
def _first_stops(word: str) -> bool:
    """The first word after a head is taken unless it is a stop word or another entity's head
    (a place may well look like a verb: "Mempawah", "Dikawal" is rare as a name)."""
    low = word.lower()
    if low in _places():
        return False
    if len(low) >= 9 and low.startswith("di") and low.endswith("kan"):
        return True  # a headline's passive: "Pilkada Diterbangkan", "Logistik Pilkada Diseberangkan"
    if low in _SHORT_PASSIVES or low in _HEADLINE_PASSIVES:
        return True  # "Kecamatan Dimulai", "Hotel Dijaga Ketat": the headline's verb
    return low in gz.STOP or low in _hard_heads() or low in _SUPERLATIVES


_GAP = re.compile(rf"{_S}+")


def _wordchar(c: str) -> bool:
    return c.isalnum() or c == "_"


# the word characters up to U+00FF: a loop that tests one character in a set and calls
# ``isalnum`` only past U+00FF says what ``_wordchar`` says without a call (a method call is
# about three times a set's look-up)
_WORD_LATIN1 = frozenset(c for c in map(chr, range(256)) if _wordchar(c))


# --- tails: the capitalised words after a head ---------------------------------------------------

# a name word doubled with a hyphen is one word ("Bone-Bone", "Wangi-Wangi", "Toli-Toli"): Indonesian
# reduplication, never two names
# (the lower-case run possessive: only the whole run can have the hyphen after it, and a word
# that is no reduplication fails at once, not once for every shorter run)
_REDUP = rf"(?P<rd>[{_UP}][{_LO}]++)-(?P=rd)(?![\w])"
_TAIL_WORD = re.compile(rf"{_S}+({_REDUP}|[{_UP}0-9][\w'’]*(?:-[a-z0-9][\w'’]*)*)")
# an Arabic article glued to a capitalised name is one word with it: "Masjid Al-Ikhlas", "Pesantren An-Nur"
_ARTICLES = frozenset("Al An Ar As At Ad Az Asy Ash Ath El".split())
_ARTICLE_NAME = re.compile(rf"-[{_UP}][\w'’]*(?:-[a-z0-9][\w'’]*)*")
# a road between two places is one street's name: "Jalan Raya Banjar–Pangandaran", "Jalan Medan–Banda Aceh"
_STREET_WORD = re.compile(rf"{_S}+([{_UP}0-9][\w'’]*(?:(?:-[\w'’]+)|(?:–[{_UP}][\w'’]*))*)")
_GLUED_WORD = re.compile(rf"({_REDUP}|[{_UP}0-9][\w'’]*(?:-[a-z0-9][\w'’]*)*)")
_ABBREV_DOT = re.compile(rf"\.(?={_S}+[{_UP}])")
# common words that also end place names ("Teluk Dalam", "Kampung Damai"): capitalised and followed by no
# other capitalised word (not a title-case headline's "Dalam Pengamanan") they are the name's last word
_NAME_FUNCTION_WORDS = frozenset(("Dalam", "Damai"))
# (and the upstream and downstream of a river a place is named for: "Batang Hilir", "Banyuasin Hulu")
_DIRECTIONS = frozenset("barat timur utara selatan tengah raya daya laut darat kota hilir hulu ilir ulu".split())


_NAME_AFTER_PLACE = re.compile(
    rf"{_S}+[{_UP}][{_LO}]+(?:{_S}+[{_UP}][{_LO}]+){{1,2}}{_S}+(?:me[a-z]{{3,}}|ber[a-z]{{3,}}|ujar|kata|menurut)(?![\w])"
)


def _kota_opens(text: str, end: int) -> bool:
    """"Kota" opens the place after a unit head when a name word follows it ("Polsek [Kota Baru]",
    "Kodim 0201/[Kota Raja]"), as "Kota" does in many place names."""
    m = _TAIL_WORD.match(text, end)
    return m is not None and not m.group(1)[0].isdigit() and not _stops(m.group(1))


_WEEKDAYS = frozenset("senin selasa rabu kamis jumat sabtu minggu".split())
_MARKET = re.compile(rf"(?:Pasar|PASAR){_S}+$")
# (a day of the month after the weekday, "Minggu, 10 November", "Minggu 10/11"; not a figure after a comma,
# "45 personel Polsek Pasar Minggu, 10 personel Polsek Y")
_MONTH_NAME = "|".join(sorted(MONTHS, key=len, reverse=True))
_DATED_AFTER = re.compile(rf"{_S}*(?:\(|,?{_S}*\d{{1,2}}(?:[/.-]\d|{_S}+(?i:{_MONTH_NAME})(?![\w]))|"
                          rf"{_S}+(?:pagi|siang|sore|malam|lalu|kemarin)(?![\w]))")


def _market_day(text: str, start: int, end: int) -> bool:
    """A weekday after "Pasar" is the market's name ("Pasar Minggu", "Pasar Jumat"), unless a date goes on
    after it ("Pasar Baru Minggu (24/11)" ends before the day; "Pasar Minggu (24/11)" is rare)."""
    return text[start:end].lower() in _WEEKDAYS and _MARKET.search(text, max(0, start - 8), start) is not None and (
        _DATED_AFTER.match(text, end) is None)


def _tail(
    text: str,
    pos: int,
    max_words: int = 4,
    kota: bool = False,
    abbrev: bool = False,
    digits: bool = False,
    glued: bool = False,
    street: bool = False,
    split: bool = False,
    after_place: bool = False,
    lead: int = -1,
) -> tuple[int, int]:
    """End of the name that follows a head ending at ``pos``, and its number of words.

    ``kota``: a trailing "Kota" belongs to the name and ends it ("Polres Tasikmalaya Kota").
    ``abbrev``: dotted abbreviations inside the name ("Lapangan Drh. Soepardi").
    ``street``: ranks and titles are part of a street name ("Jalan Jenderal Sudirman").
    ``glued``: the first word follows without a space ("Kodim 0825/Banyuwangi").
    ``split``: a known place ends the name where a person's name and a verb follow it.
    ``after_place``: a known place after the first word starts a new name ("TPS 07 Kluwut Brebes").
    ``lead``: where the place name starts if the head is part of it ("[Sungai] Penuh").
    """
    end = pos
    n = 0
    first = pos
    while n < max_words:
        m = (_GLUED_WORD if glued and n == 0 else _STREET_WORD if street else _TAIL_WORD).match(text, end)
        if m is None:
            break
        word = m.group(1)
        # an Arabic article glued to a name is no stop word ("Masjid Raya At-Taqwa", "At" being English's)
        article = len(word) < 4 and word in _ARTICLES and text.startswith("-", m.end())
        if word[0] <= "9":  # (the patterns open a word with a capital or an ASCII digit)
            if not digits:
                break
        elif street and word.lower() not in gz.STOP:
            pass
        elif not article and (_first_stops(word) if n == 0 else _stops(word)):
            if n and _market_day(text, m.start(1), m.end(1)):
                pass  # "Polsek Pasar Minggu": a market named for its day, not "Polres X Minggu (24/11)"
            elif n and word in _NAME_FUNCTION_WORDS and not _TAIL_WORD.match(text, m.end()):
                pass  # "Koramil 05/Teluk Dalam ikut ...": a common word capitalised in running text ends a name
            elif n and _verb_shaped(word) and not _hard_stop(word) and (
                    _RUNNING_ON.match(text, m.end()) or _verb_next(text, m.end())):
                pass  # "Polsek Teras Terunjam mengumpulkan": a place name shaped like a verb, in running text;
                # "Polsek Tanjung Berlian Perketat ...": the headline's verb is the word after it
            elif word not in ("Kota", "KOTA") or not (
                (n > 0 and (kota or not _kota_opens(text, m.end()))) or (kota and _kota_opens(text, m.end()))
            ):
                break  # a last "Kota" is part of the name ("Kelurahan Ranai Kota"), not "X Kota Bekasi"
        elif n and after_place and word.lower() in _places():
            break  # "TPS 07 Kluwut Brebes": a known place after a name starts a new one
        if n == 0:
            first = m.start(1) if lead < 0 else lead
        end = m.end()
        if article:  # "Al-Ikhlas"
            name = _ARTICLE_NAME.match(text, end)
            end = name.end() if name else end
        n += 1
        if split and text[first:end].lower() in _places() and _NAME_AFTER_PLACE.match(text, end):
            break  # "KPU Kota Palangka Raya Ariyanto Nyahu mengatakan": a name follows the region
        if n > 1 and word in ("Kota", "KOTA"):
            break
        if (abbrev or street) and len(word) <= 4 and _ABBREV_DOT.match(text, end):
            end += 1
    if n and word in _AND_WORDS and text.startswith(" dan ", end):  # "Polres Pangkajene dan Kepulauan"
        end = _and_name(text, first, end)  # (a set's look-up first: a tail ends before "dan" often)
    return end, n


@lru_cache(maxsize=1)
def _and_places() -> tuple[str, ...]:
    """The known places whose name holds "dan" ("pangkajene dan kepulauan"), lower case."""
    return tuple(n for n in _places() if " dan " in n)


# the words such a name has before "dan", as written and in capitals ("Pangkajene", "AMBON")
_AND_WORDS = frozenset(
    form for n in gz.CITIES.replace("\n", "").split("|") if " dan " in n
    for form in (n.split(" dan ")[0].split()[-1], n.split(" dan ")[0].split()[-1].upper())
)


def _and_name(text: str, first: int, end: int) -> int:
    """Where a name that ends at ``end`` before " dan " ends if it and the words after "dan"
    are one known place's name ("Kabupaten Pangkajene dan Kepulauan"), else ``end``."""
    low = text[first:end].lower() + " dan "
    for name in _and_places():
        if name.startswith(low) and text[first:first + len(name)].lower() == name and (
                first + len(name) == len(text) or not _wordchar(text[first + len(name)])):
            return first + len(name)
    return end


# --- heads and their patterns --------------------------------------------------------------------

_BASE_RANKS = [r for r in gz.POLICE_RANKS.split("|") if not r.endswith((" Pol", " Polisi"))]
_BASE_RANKS += [r.upper() for r in _BASE_RANKS if " " not in r]  # "KOMPOL", "BRIPKA"
_MIL_RANKS = gz.MILITARY_RANKS.split("|")
_MIL_RANKS += [r.upper() for r in _MIL_RANKS if " " not in r]
_RE_RANK = re.compile(
    rf"(?:(?:{_alt(gz.RANKS_LONG)})(?:{_S}+{gz.CORPS})?"
    rf"|(?:{_alt(_BASE_RANKS)})(?:{_S}*(?:Pol(?:isi)?|POL)\.?(?=[\s\w]|$))?"
    rf"|(?:{_alt(_MIL_RANKS)})(?:{_S}+{gz.CORPS})?(?:{_S}*\(K\))?)(?![a-z])"
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
# the sections of a Polres written "Si" + function: "Si Humas", "Si Propam", "Sidokkes"
_SI = gz.POLICE_SECTIONS
_SUBUNIT = re.compile(
    rf"(?:Satuan{_S}+(?:{_alt(gz.POLICE_FUNCTIONS_LONG)})|Sat(?:uan)?\.?{_S}*(?:{_FUNCS}|{_FUNCS.lower()})|Sat(?:{_FUNCS.lower()})|SAT{_S}*(?:{_FUNCS.upper()})"
    rf"|{gz.POLICE_DIRECTORATES}|{gz.POLICE_DIRECTORATES.upper()}"
    # a Polsek's unit, "Unit Samapta Polsek X" (kept only with its Polsek: see ``_h_police``)
    rf"|Unit{_S}+(?:{_FUNCS})"
    rf"|Direktorat(?:{_S}+(?!Pol)[{_UP}][a-z]+){{1,2}}|Subdit{_S}+[\w]+|Sub{_S}?Direktorat{_S}+[{_UP}][a-z]+"
    rf"|Si{_S}*(?:{_SI})|Si(?:{_SI.lower()})|Humas|Brimob|Batalyon(?:{_S}+(?:[A-Z]|[IVX]+|\d+))?(?:{_S}+Pelopor)?"
    rf"|Kompi{_S}+(?:[A-Z](?![\w])|\d+)|(?:Detasemen|Subden){_S}+(?:[A-Z]|[IVX]+|\d+[A-Z]?)(?![\w])"
    rf"|Densus{_S}*88(?:{_S}+AT)?|Korbrimob|Baharkam|Pelopor)(?![\w])"
)
# a functional unit written out before its acronym, spaced or glued: "Satuan Polisi Perairan dan Udara
# (Sat Polairud)", "Satuan Lalu Lintas (Satlantas)",
# "Direktorat Pengamanan Objek Vital (Ditpamobvit)" (the acronym says it is a police unit: "Satuan
# Polisi Pamong Praja (Satpol PP)" is not)
_SUB_ACRONYM = rf"\((?:Sat{_S}*(?:{_FUNCS})|Sat(?:{_FUNCS.lower()})|{gz.POLICE_DIRECTORATES})\)"
_SUBUNIT_LONG = re.compile(
    rf"(?:Satuan|Direktorat)(?:{_S}+(?:dan{_S}+)?[{_UP}][a-z]+){{1,5}}(?={_S}*{_SUB_ACRONYM})")
_SUBUNIT_ACR = re.compile(rf"{_S}*{_SUB_ACRONYM}")
_ROLE_BEFORE_HUMAS = re.compile(
    r"(?:Kabid|Kasi|Kasie|Kasubbag|Kaur|Paur|Kabag|Kasubbid|Kasubsi"
    r"|Kepala[ \t\u00a0]+(?:Seksi|Bidang|Bagian|Sub[ \t\u00a0]?[Bb]agian|Urusan))[ \t\u00a0]+$"  # "Kepala Seksi Humas"
)
# the water police written without "Sat": "Polairud Polres X", a headline's "Polairud Kawal Logistik"
_POLAIR = re.compile(r"(?:Polairud|Polair|POLAIRUD)(?![\w])")
_RE_POLRI = re.compile(rf"(?:Mabes{_S}+Polri|Polri|POLRI)(?![\w])")

_RE_MILITARY = re.compile(
    rf"(?:Kodam|KODAM)(?:{_S}+(?:[IVX]{{1,5}}(?![\w])(?:/(?=[{_UP}]))?|(?P<kn>{gz.KODAM_NAMES})(?![\w])))?"
    rf"|(?:Korem|KOREM){_S}+\d{{3}}(?:/(?=[{_UP}0-9]))?"
    rf"|(?:Kodim|KODIM){_S}+\d{{4}}(?:/(?=[{_UP}]))?"
    rf"|(?:Koramil|KORAMIL){_S}+\d{{2,4}}(?:[\-./]\d{{1,3}})*(?:/(?=[{_UP}]))?"
    rf"|(?P<kr>Koramil)(?={_S}+[{_UP}][{_LO}])"  # "Koramil Lewa": a Koramil named for its kecamatan, no number
    rf"|Lanal|Lanud|Posal|Posmat|Posramil|Lantamal{_S}+[IVX]+"
    # a battalion's or brigade's name after its number ("Yonif 122/Tombak Sakti", "Brigif 22/Ota Manasa")
    rf"|(?:Yonif{_S}+(?:Raider{_S}+)?|Brigif{_S}+)\d+(?:-\w+)?(?:/(?=[{_UP}0-9]))?"
    rf"|Denpom{_S}+[IVX\d/\-]+|Koarmada{_S}+[IVX]+|Kodaeral{_S}+[IVX]+|Pomdam{_S}+[IVX]+[\w/\-]*"
    rf"|Kostrad|Kopassus|Korps{_S}+Marinir|Paspampres"
    rf"|TNI(?:[\-\s]+(?:AD|AL|AU|Angkatan{_S}+(?:Darat|Laut|Udara))(?![\w]))?"
)
_MIL_NEEDS_NAME = ("Lanal", "Lanud", "Posal", "Posmat", "Posramil")

_BODY_HEAD = re.compile(
    rf"(?:{_alt(gz.ELECTION_BODY_LONG)}|{gz.ELECTION_BODIES})(?![\w])(?:{_S}+(?:RI|Republik{_S}+Indonesia)(?![\w]))?"
)
_GOV_HEAD = re.compile(rf"(?:{_alt(gz.GOV_LONG)}|{_alt(gz.GOV_BODIES)}|{_alt(gz.GOV_BODIES_LOWER)}"
                       rf"|{_alt(gz.GOV_BODIES_LOWER.upper())})(?![\w])")  # "SATPOL PP KOTA BEKASI" in a caption
_GOV_NAMED = re.compile(rf"(?:{gz.GOV_NAMED})(?![\w])")
_ADMIN_AFTER = re.compile(
    rf"{_S}+(?:Provinsi|Prov\.|Kabupaten|Kab\.|Kota|Kecamatan|Kec\.|Desa|Kelurahan|Distrik|Nagari|Gampong|Pekon|Dusun"
    rf"|Kampung|Tiyuh|Jorong|Kapanewon|Kemantren|Kalurahan|PROVINSI|KABUPATEN|KOTA|KECAMATAN)"
    rf"(?={_S})"
)
_GOV_NEEDS_NAME = ("Pemerintah", "Kejaksaan", "Pengadilan", "Mahkamah Syar")
_PAREN_ACR = re.compile(rf"{_S}*\((?=[{_UP}])[\w\-]{{2,15}}\)")

def _ci(word: str) -> str:
    """A word with its first letter in either case ("[Gg]ubernur"), or in capitals."""
    return f"(?:[{word[0].upper()}{word[0].lower()}]{word[1:]}|{word.upper()})"


_OFFICE = rf"(?:{_ci('kepala')}{_S}+{_ci('daerah')}|{_ci('umum')}|{_ci('legislatif')}|{_ci('presiden')}|{_ci('gubernur')}|{_ci('bupati')}|{_ci('wali')}{_S}?{_ci('kota')}|{_ci('walikota')})"
_RE_ELECTION = re.compile(
    rf"(?:(?:{_alt(_cased(gz.ELECTIONS))})"
    rf"|{_ci('pemilihan')}{_S}+{_OFFICE}(?:{_S}+(?:dan|DAN){_S}+(?:{_ci('wakil')}{_S}+)?{_OFFICE})?"
    rf")(?![\w])"
)
# after an election word: its region ("pilgub Maluku", "Pilkada Kota Tangerang"), "Serentak", the year
_ELECTION_REST = re.compile(rf"(?:{_S}+(?:[Ss]erentak|SERENTAK))?(?:{_S}+(?:[Tt]ahun{_S}+)?20\d\d)?(?![\w])")

_NUMBER_WORDS = (
    r"(?:(?:satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan)(?:[ \t\u00a0]+(?:belas|puluh|ratus))?"
    r"|sepuluh|sebelas|seratus|seribu)"
)
_COUNT_BEFORE = re.compile(
    rf"(?:(?<![\d.,])(?P<n>\d{{1,3}}(?:\.\d{{3}})+|\d{{1,6}})|(?<![\w])(?P<w>(?i:{_NUMBER_WORDS}))"
    rf"|(?<![\w])(?P<v>(?i:{_alt_words(gz.VAGUE_COUNTS)})))"
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
# a venue of a division takes its division word, regional names too ("Balai Kalurahan X", "Balai Nagari X")
_VENUE_DIVISIONS = (
    "Desa Adat|Desa|Kelurahan|Kecamatan|Kota|Kabupaten|Dusun|Pekon|Kalurahan|Kapanewon|Kemantren|Padukuhan|Nagari"
    "|Gampong|Jorong|Tiyuh|Distrik|Kampung|Kampong|Mukim"
)
_VENUE_HEAD = re.compile(rf"(?:{_alt(gz.VENUES)})(?![\w\-])(?:{_S}+(?:{_VENUE_DIVISIONS})(?![\w\-]))?")
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

# datelines: at a line start, a place in capitals or title case before a dash or an outlet. The
# runs are possessive (``++``, ``{0,2}+``): what follows each never starts with a character of the
# run, so giving some back cannot make a match; the engine no longer tries each shorter run when a
# line is no dateline (most are not: 1.5 -> 1.1 us a line opening the body).
_DATELINE = re.compile(
    rf"[ \t\u00a0*_#>]*+(?:"
    rf"(?:[A-Za-z0-9\-]++(?:\.[A-Za-z0-9\-]++)++,{_S}*+)?\[?(?P<c>[A-Z][A-Z'’]++(?:{_S}[A-Z][A-Z'’]++){{0,2}}+)\]?"
    rf"(?:{_S}*\([A-Z]{{1,6}}\))?(?={_S}*(?:,|[\-–—]))"
    rf"|[A-Za-z0-9\-]++(?:\.[A-Za-z0-9\-]++)++,{_S}*+(?P<o>[{_UP}][{_LO}]++(?:{_S}[{_UP}][{_LO}]++){{0,2}}+){_S}*[\-–—]"
    rf"|(?P<t>[{_UP}][{_LO}]++(?:{_S}[{_UP}][{_LO}]++){{0,2}}+)"
    rf"(?:,{_S}*[\w\-]+(?:\.[\w\-]+)*\.(?:com|id|co\.id|net|news|co|or\.id|go\.id)(?![\w])"
    rf"|(?:,{_S}*[A-Z][A-Za-z]+(?:{_S}[A-Z][A-Za-z]+)?)?{_S}*\([A-Z]{{2,12}}\){_S}*[\-–—]"
    rf"|,{_S}*(?=\d{{1,2}}{_S}+[A-Za-z]+{_S}+20\d\d))"
    rf")"
)
# when ``_DATELINE`` finds none: a place in capitals with its outlet's web name in brackets ("PULAU X
# (Outlet.id) –", ``c``), or a title-case place of two or three words before a plain spaced dash ("Tanah
# Datar - Jelang ...", ``d``, as the parser's ``_TITLED``), taken when none of its words is a stop word or
# another entity's head
_DATELINE_MORE = re.compile(
    rf"[ \t\u00a0*_#>]*+(?:(?P<c>[A-Z][A-Z'’]++(?:{_S}[A-Z][A-Z'’]++){{0,2}}+){_S}*\([\w\-]++(?:\.[\w\-]++)++\)"
    rf"(?={_S}*[\-–—])"
    rf"|(?P<d>[{_UP}][{_LO}]++{_S}[{_UP}][{_LO}]++(?:{_S}[{_UP}][{_LO}]++)?+){_S}+[\-–—]{_S}+(?=[{_UP}]))"
)


# a dateline on a line of its own: "Cibarusah, Jabar", "Muara Teweh, Kalimantan Tengah" (the province
# after the comma tells it from a credit line "Nama, Kota"); possessive runs as in ``_DATELINE``
_DATELINE_ALONE = re.compile(
    rf"[ \t\u00a0*_#>]*+(?P<t>[{_UP}][{_LO}]++(?:{_S}[{_UP}][{_LO}]++){{0,2}}+),{_S}*+"
    rf"(?P<r>[{_UP}][A-Za-z]++(?:{_S}[{_UP}][A-Za-z]++){{0,2}}+)[ \t\u00a0*_]*\n?\Z"
)


# an outlet's name after a dateline's place in capitals, before the dash: "MALANG, Jatim Sepekan –"
_DATELINE_OUTLET = re.compile(rf"{_S}*,{_S}*(?P<o>[{_UP}][\w'’]*(?:{_S}[{_UP}][\w'’]*){{0,3}}){_S}*[\-–—]")
# a line of two or three capitalised words and nothing else: an outlet's name under a headline ("Riau
# Pesisir", "Top Riau") when one word is a known place and the line as a whole is none
# (possessive runs: a line that is none fails at once, not once for every shorter run)
_NAME_LINE = re.compile(rf"[ \t\u00a0]*+[{_UP}][\w'’]++(?:{_S}[{_UP}][\w'’]++){{1,2}}+[ \t\u00a0]*+\n?")


def _outlet_line(text: str) -> bool:
    """``text`` (a line opening the page) is an outlet's name made of a region's and other words
    ("Jatim Sepekan"), not a place ("Bandung Barat", "Pesisir Selatan", "Kota Malang")."""
    if _NAME_LINE.fullmatch(text) is None:  # (the caller tests the length first)
        return False
    words = text.lower().split()
    places = _places()
    if " ".join(words) in places or not any(w in places for w in words):
        return False
    return not any(w in _DIRECTIONS or w in _hard_heads() for w in words)


@lru_cache(maxsize=1)
def _provinces() -> frozenset[str]:
    return frozenset(n.strip().lower() for n in gz.PROVINCES.replace("\n", "").split("|") if n.strip())


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    names = {n.strip() for n in (gz.PROVINCES + "|" + gz.CITIES).replace("\n", "").split("|") if n.strip()}
    return frozenset(n.lower() for n in names)

