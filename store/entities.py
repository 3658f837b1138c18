"""Entity recognition for Indonesian police/election news, fast and forgiving.

It follows the domain's structure rather than a list of this corpus's names: unit heads
(Polres, Polsek, Kodim, KPU …) take the place name that follows them; ranks take the name that
follows them (academic titles after it are left out); admin prefixes (Kecamatan, Desa …) take
their place name; a gazetteer of provinces and major regencies/cities finds bare place names;
dates and personnel counts are normalised. Compiled regexes plus an Aho-Corasick automaton:
no per-token Python loops over long lists.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache

import ahocorasick

from . import gazetteer as gz
from .dates import find_dates
from .model import Entity, Span

_SP = r"[ \t\u00a0]"
_WORD = r"(?:[A-Z][\w'’\-]*|[A-Z]{2,})"
# up to five capitalised words or numbers after a head (trimmed later at stop words)
_TAIL = rf"(?:{_SP}+(?:{_WORD}|\d{{1,4}}(?:/[A-Z][\w]*)?))" + "{0,5}"
_ADMIN_TAIL = rf"(?:{_SP}+{_WORD})" + "{1,4}"

PRIORITY = {
    "DATE": 0,
    "PERSONNEL": 0,
    "RANK": 1,
    "ROLE": 2,
    "POLICE_UNIT": 3,
    "MILITARY_UNIT": 3,
    "ELECTION_BODY": 3,
    "GOV_ORG": 3,
    "ELECTION": 3,
    "PERSON": 4,
    "LOC": 5,
}


def _alt(words: str) -> str:
    return "|".join(
        sorted(
            (re.escape(w).replace(r"\ ", rf"{_SP}+") for w in words.split("|") if w), key=len, reverse=True
        )
    )


_BASE_RANKS = "|".join(r for r in gz.POLICE_RANKS.split("|") if not r.endswith((" Pol", " Polisi")))
_SUBUNIT = (
    r"Sat(?:uan)?\s?(?:Brimob|Samapta|Sabhara|Lantas|Reskrim|Intelkam|Binmas|Narkoba|Resnarkoba|Tahti|"
    r"Polairud|Pamobvit)|Satbrimob|Ditsamapta|Ditlantas|Ditintelkam|Ditbinmas|Ditreskrimum|Ditreskrimsus|"
    r"Ditpamobvit|Ditpolairud|Direktorat(?:\s+[A-Z][a-z]+){1,2}|Subdit\s+\w+|Bid\s?Humas|Bidhumas|Si\s?Humas|"
    r"Sihumas|Humas|Brimob|Batalyon\s+[A-Z]\w*|Kompi\s+\d+|Densus\s+88|Korbrimob|Baharkam"
)
_TERRITORIAL = r"Polrestabes|Polresta|Polres(?:\s+Metro)?|Polsekta|Polsek|Polda"
_RE_POLICE = re.compile(
    rf"(?:(?:{_SUBUNIT}){_SP}+(?:{_TERRITORIAL})|(?:{_TERRITORIAL})|(?:{_SUBUNIT})|Mabes{_SP}+Polri|Polri)"
    rf"(?![\w]){_TAIL}"
)
_RE_MILITARY = re.compile(
    r"(?:Kodam(?:\s+(?:[IVX]{1,5}(?:/\w+)?|Jaya|Iskandar\s+Muda|Siliwangi|Diponegoro|Brawijaya|Udayana|"
    r"Hasanuddin|Mulawarman|Tanjungpura|Cenderawasih|Pattimura|Merdeka|Bukit\s+Barisan|Sriwijaya|"
    r"Kasuari|Mandala\s+Trikora))?"
    r"|Korem\s+\d{3}(?:/[A-Z][\w\-]*)?|Kodim\s+\d{4}(?:/[A-Z][\w\-]*(?:\s+(?:Barat|Timur|Utara|Selatan|Tengah|Raya|Kota))?)?|Koramil(?:\s+\d{2,4}(?:[\-/]\d{1,3})*)?"
    r"(?:/[A-Z][\w\-]*)?|Lanal\s+[A-Z]\w+|Lanud\s+[A-Z][\w ]*?(?=[\s,.)]|$)|Lantamal\s+[IVX]+|Yonif\s+\d+\w*"
    r"|Brigif\s+\d+|Kostrad|Kopassus|Denpom\s+[IVX\d/\-]+|Makodim|Koarmada\s+[IVX]+"
    r"|TNI(?:[\-\s]+(?:AD|AL|AU|Angkatan\s+(?:Darat|Laut|Udara)))?)\b"
)
_RE_ELECTION_BODY = re.compile(
    r"(?:(?:KPUD?|Bawaslu|KIP|Panwas(?:lu|lih)?(?:cam|kec)?|PPK|PPS|KPPS)(?:\s+(?:RI|Republik\s+Indonesia))?"
    r"(?:\s+(?:Provinsi|Prov\.|Kabupaten|Kab\.|Kota|Kecamatan|Kec\.|Desa|Kelurahan))?(?:\s+[A-Z][\w\-]*){0,3}"
    r"|Komisi\s+Pemilihan\s+Umum(?:\s+Daerah)?|Badan\s+Pengawas\s+Pemil(?:u|ihan\s+Umum)"
    r"|Panitia\s+Pengawas\s+Pemil(?:u|ihan)(?:\s+Kecamatan)?|Panitia\s+Pemilihan\s+Kecamatan"
    r"|Panitia\s+Pemungutan\s+Suara|Kelompok\s+Penyelenggara\s+Pemungutan\s+Suara"
    r"|Sentra\s+Gakkumdu|Gakkumdu|DKPP|PKD|PTPS|Pengawas\s+TPS)\b"
)
_RE_GOV = re.compile(
    r"(?:(?:Pemkab|Pemkot|Pemprov|Pemda)(?:\s+(?:[A-Z][\w\-]*|[A-Z]{2,})){0,2}"
    rf"|Pemerintah\s+(?:Kabupaten|Kota|Provinsi|Daerah){_ADMIN_TAIL}"
    r"|Forkopimda(?:\s+(?:[A-Z][\w\-]*)){0,2}|Forkopimcam|Forkopimka|Satlinmas|Linmas"
    r"|Satpol[\s\-]?PP(?:\s+(?:Kabupaten|Kota|Provinsi))?(?:\s+[A-Z][\w\-]*){0,2}"
    r"|Kesbangpol|Bakesbangpol|Badan\s+Kesatuan\s+Bangsa\s+dan\s+Politik|BPBD|DPRD(?:\s+[A-Z][\w\-]*){0,2})\b"
)
_RE_ELECTION = re.compile(
    r"(?:(?:[Pp]ilkada|PILKADA|Pemilu|PEMILU|[Pp]ilgub|[Pp]ilbup|[Pp]ilwalkot|[Pp]ilwali|[Pp]ileg|[Pp]ilpres)"
    r"(?:\s+(?i:serentak))?"
    r"(?:\s+(?i:tahun)?\s*20\d\d)?"
    r"|Pemilihan\s+(?:Kepala\s+Daerah|Umum|Gubernur(?:\s+dan\s+Wakil\s+Gubernur)?|Bupati(?:\s+dan\s+Wakil\s+Bupati)?"
    r"|Wali\s?kota(?:\s+dan\s+Wakil\s+Wali\s?kota)?)(?:\s+[Ss]erentak)?(?:\s+(?:[Tt]ahun\s+)?20\d\d)?"
    r"|PSU|Pemungutan\s+Suara\s+Ulang)\b"
)
_RE_RANK = re.compile(
    rf"(?:(?:{_alt(_BASE_RANKS)})(?:{_SP}*Pol(?:isi)?\.?(?=[\s\w]|$))?"
    rf"|(?:{_alt(gz.MILITARY_RANKS)})(?:{_SP}+{gz.CORPS})?(?:{_SP}*\(K\))?)(?![a-z])"
)
_RE_ROLE = re.compile(rf"(?:{_alt(gz.ROLES)})(?:{_SP}+\d)?(?![\w])")
_RE_PERSONNEL = re.compile(
    r"(?P<n>\d{1,3}(?:\.\d{3})+|\d{1,6})\s+(?:orang\s+)?"
    r"(?P<noun>personel|personil|anggota|petugas|pasukan|prajurit|polisi|polwan|aparat)"
    r"(?:\s+(?:gabungan(?:\s+TNI[\-/ ]Polri)?|TNI[\-/ ]Polri|TNI/Polri|TNI|Polri|Brimob|Linmas|Satlinmas|BKO))?(?![\w])"
)
_RE_ADMIN = re.compile(
    r"(?:Provinsi|Kabupaten|Kab\.|Kota|Kecamatan|Kec\.|Kelurahan|Kel\.|Desa|Dusun|Kampung|Nagari|"
    r"Gampong|Distrik|Jalan|Jl\.|Jln\.)" + _ADMIN_TAIL
)
_RE_VENUE = re.compile(
    r"(?:Mapolda|Mapolrestabes|Mapolresta|Mapolres|Mapolsek|Makodim|Makoramil|Mako\s+Brimob|Lapangan|"
    r"Gedung|Aula|Alun-alun|Pasar|Masjid|Stadion|Hotel|Pelabuhan|Bandara|Taman|Pantai|Pendopo|Balai|GOR|"
    r"Rumah\s+Dinas|Lapas|Rutan|Monumen|Tugu)" + _ADMIN_TAIL
)
_RE_DATELINE = re.compile(
    r"(?m)^[ \t\u00a0*]*(?:[A-Z0-9\-]+(?:\.[A-Z0-9\-]+)+,[ \t\u00a0]*)?"
    r"(?P<p>[A-Z][A-Z'’]+(?:[ \t\u00a0][A-Z][A-Z'’]+){0,2})(?:[ \t\u00a0]*\([A-Z]{1,6}\))?"
    r"(?=[ \t\u00a0]*(?:,|[\-–—]))"
)

_RE_DATELINE_TITLED = re.compile(
    r"(?m)^[ \t\u00a0]*(?P<p>[A-Z][a-z]+(?:[ \t\u00a0][A-Z][a-z]+){0,2})"
    r"(?:,[ \t\u00a0]*[\w\-]+(?:\.[\w\-]+)*\.(?:com|id|co\.id|net|news|co)\b"
    r"|[ \t\u00a0]*\([A-Z]{2,12}\)[ \t\u00a0]*[\-–—])"
)

_HONORIFIC = re.compile(rf"(?:Dr|Drs|Dra|H|Hj|Ir|Prof)\.{_SP}*")
_SPEECH = re.compile(
    r"(?<![\w])(?:ujar|kata|tegas|jelas|ucap|tutur|terang|imbuh|pungkas|ungkap|sebut|tambah)[ \t\u00a0]+(?=[A-Z][a-z])"
)
_TERRITORIAL_ROLES = {
    "kapolres",
    "kapolresta",
    "kapolrestabes",
    "kapolsek",
    "kapolsekta",
    "kapolda",
    "wakapolres",
    "wakapolresta",
    "wakapolda",
    "wakapolsek",
    "camat",
    "lurah",
    "kades",
    "bupati",
    "wakil bupati",
    "wali kota",
    "walikota",
    "wakil wali kota",
    "gubernur",
    "wakil gubernur",
    "pj gubernur",
    "pj bupati",
    "pj wali kota",
}
_ORG_HEAD = re.compile(
    r"(?:KPUD?|Bawaslu|KIP|Panwas(?:lu|lih)?(?:cam|kec)?|PPK|PPS|KPPS|Pemkab|Pemkot|Pemprov|Pemda|Forkopimda"
    r"|Satpol[\s\-]?PP|DPRD|Pemerintah\s+(?:Kabupaten|Kota|Provinsi|Daerah))(?:\s+(?:RI|Republik\s+Indonesia))?"
    r"(?:\s+(?:Provinsi|Prov\.|Kabupaten|Kab\.|Kota|Kecamatan|Kec\.|Desa|Kelurahan))?"
)
_ROLE_BEFORE = re.compile(r"(?:Kabid|Kasi|Kasie|Kasubbag|Kaur|Paur|Kabag|Kasubbid)[ \t\u00a0]+$")
_ADMIN_WORD = re.compile(r"\b(?:Kabupaten|Kab\.|Kota|Provinsi|Prov\.|Kecamatan|Daerah)(?![\w])")
_NAME_TOKEN = re.compile(r"(?:[A-Z][a-z'’]+(?:-[A-Z]?[a-z]+)?|[A-Z]\.|[A-Z](?=\s+[A-Z][a-z]))")
_AFTER_RANK = re.compile(rf"(?:(?<=\.)(?=\S)|{_SP}*(?:,{_SP}*)?)")
_APPOSITIVE = re.compile(rf",{_SP}*")
_TOKEN_SPLIT = re.compile(rf"{_SP}+")


def _matches(regex: re.Pattern[str], text: str) -> Iterable[re.Match[str]]:
    """Matches that start at a word boundary (checked here, not in the pattern: a leading
    assertion stops the regex engine from skipping ahead to its literal prefix)."""
    for m in regex.finditer(text):
        s = m.start()
        if s == 0 or not (text[s - 1].isalnum() or text[s - 1] in "_.,"):
            yield m


def _is_academic(token: str) -> bool:
    t = token.lower().strip(".,")
    return t in gz.ACADEMIC or bool(re.fullmatch(r"(?:[a-z]{1,3}\.){2,}[a-z]{0,3}\.?", token.lower()))


def _words(alternation: str) -> set[str]:
    return {w.split(" ")[0] for w in alternation.split("|") if w}


HEADS: dict[str, set[str]] = {
    "RANK": _words(gz.POLICE_RANKS) | _words(gz.MILITARY_RANKS),
    "ROLE": _words(gz.ROLES),
    "POLICE": set(
        "Polda Polres Polresta Polrestabes Polsek Polsekta Sat Satuan Satbrimob Ditsamapta Ditlantas Ditintelkam "
        "Ditbinmas Ditreskrimum Ditreskrimsus Ditpamobvit Ditpolairud Direktorat Subdit Bid Bidhumas Si Sihumas "
        "Humas Brimob Batalyon Kompi Densus Korbrimob Baharkam Mabes Polri".split()
    ),
    "MILITARY": set(
        "Kodam Korem Kodim Koramil Lanal Lanud Lantamal Yonif Brigif Kostrad Kopassus Denpom Makodim Koarmada "
        "TNI".split()
    ),
    "BODY": set(
        "KPU KPUD Bawaslu KIP Panwas Panwaslu Panwascam Panwaskec Komisi Badan Panitia Kelompok Sentra Gakkumdu "
        "DKPP KPPS PPK PPS PKD PTPS Pengawas".split()
    ),
    "GOV": set(
        "Pemkab Pemkot Pemprov Pemda Pemerintah Forkopimda Forkopimcam Forkopimka Satlinmas Linmas Satpol "
        "Kesbangpol Bakesbangpol Badan BPBD DPRD".split()
    ),
    "ELECTION": set(
        "Pilkada pilkada PILKADA Pemilu PEMILU Pilgub pilgub Pilbup pilbup Pilwalkot pilwalkot Pilwali "
        "Pileg Pilpres Pemilihan PSU Pemungutan".split()
    ),
    "ADMIN": set(
        "Provinsi Kabupaten Kab. Kota Kecamatan Kec. Kelurahan Kel. Desa Dusun Kampung Nagari Gampong Distrik "
        "Jalan Jl. Jln.".split()
    ),
    "VENUE": set(
        "Mapolda Mapolrestabes Mapolresta Mapolres Mapolsek Makodim Makoramil Mako Lapangan Gedung Aula "
        "Alun-alun Pasar Masjid Stadion Hotel Pelabuhan Bandara Taman Pantai Pendopo Balai GOR Rumah Lapas "
        "Rutan Monumen Tugu".split()
    ),
    "PERSONNEL": set("personel personil anggota petugas pasukan prajurit polisi polwan aparat".split()),
}


@lru_cache(maxsize=1)
def _places() -> tuple[ahocorasick.Automaton, frozenset[str]]:
    """One automaton over every head keyword and place name: a single pass finds where to look."""
    names = {n.strip() for n in (gz.PROVINCES + "|" + gz.CITIES).replace("\n", "").split("|") if n.strip()}
    keys: dict[str, list[str]] = {}
    for kind, words in HEADS.items():
        for w in words:
            keys.setdefault(w, []).append(kind)
    for name in names:
        keys.setdefault(name, []).append("PLACE")
    auto = ahocorasick.Automaton()
    for key, kinds in keys.items():
        auto.add_word(key, (key, tuple(kinds)))
    auto.make_automaton()
    return auto, frozenset(n.lower() for n in names)


@lru_cache(maxsize=1)
def _head_words() -> frozenset[str]:
    """Every keyword that starts an entity of its own: a place-name tail ends before it."""
    words = {w.lower() for kind, ws in HEADS.items() if kind not in ("PERSONNEL",) for w in ws}
    return frozenset(words)


@lru_cache(maxsize=1)
def _hard_heads() -> frozenset[str]:
    """Heads of other entities (ranks, roles, units, bodies): never part of a place name."""
    kinds = ("RANK", "ROLE", "POLICE", "MILITARY", "BODY", "GOV")
    return frozenset(w.lower() for kind in kinds for w in HEADS[kind])


def _is_stop(word: str, places: frozenset[str]) -> bool:
    low = word.lower()
    if low in places:
        return False
    if low in gz.STOP or low in gz.UNIT_WORDS or low in _head_words():
        return True
    if len(low) >= 6 and (low.endswith("kan") or (low.endswith("i") and low[:-1] + "kan" in gz.VERB_ROOTS)):
        return True  # Gelarkan, Amankan, Kunjungi: title-case verbs in headlines
    return (
        bool(re.match(r"(?:me[mn]?g?|ber|di|ter|per)[a-z]{4,}$", low)) and word[0].isupper() and len(word) > 6
    )


def _trim_tail(
    text: str, start: int, head_end: int, end: int, places: frozenset[str], kota_ends: bool = False
) -> int:
    """End of a head + place-name tail, cut before the first word that cannot be part of a name.
    The first word is taken unless it is a stop word outright (a place may end in -kan)."""
    pos = head_end
    for i, m in enumerate(re.finditer(rf"{_SP}+(\S+)", text[head_end:end])):
        word = m.group(1)
        bare = word.rstrip(".,;:)")
        if kota_ends and i > 0 and bare == "Kota":
            return head_end + m.start(1) + 4
        if i == 0:  # the first word: only stop words and other entities' heads end it
            stop = bare.lower() in gz.STOP or bare.lower() in _hard_heads()
        else:
            stop = _is_stop(bare, places)
        if stop or not (word[0].isupper() or word[0].isdigit()):
            break
        if any(c in word for c in ",.;:)") and not re.fullmatch(r"[\w/\-]+\.", word):
            clean = re.match(r"[\w/\-'’]+", word)
            if clean and clean.group(0) and not _is_stop(clean.group(0), places):
                pos = head_end + m.start(1) + len(clean.group(0))
            break
        pos = head_end + m.end()
    return pos


def _head_end(text: str, start: int, end: int, heads: re.Pattern[str]) -> int:
    m = heads.match(text, start, end)
    return m.end() if m else end


_POLICE_HEAD = re.compile(rf"(?:(?:{_SUBUNIT}){_SP}+)?(?:{_TERRITORIAL})|{_SUBUNIT}|Mabes\s+Polri|Polri")


class Recogniser:
    """Build once (compiles patterns, builds the gazetteer automaton), then call ``recognise``."""

    def __init__(self) -> None:
        self._auto, self._places = _places()

    def recognise(self, text: str, published: str | None = None, noise: Sequence[Span] = ()) -> list[Entity]:
        cands: list[tuple[int, int, str, object]] = []
        places = self._places
        for s, e, v in find_dates(text, published):
            cands.append((s, e, "DATE", v))
        seen: set[tuple[int, str, int]] = set()
        for end_idx, (key, kinds) in self._auto.iter(text):
            start = end_idx - len(key) + 1
            if start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
                continue
            for kind in kinds:
                mark = (start, kind, end_idx if kind == "PLACE" else 0)
                if mark in seen:
                    continue
                seen.add(mark)
                found = _DISPATCH[kind](text, start, end_idx + 1, places)
                if found is not None:
                    cands.append(found)
        for m in _RE_DATELINE_TITLED.finditer(text, 0, 4000):
            cands.append((m.start("p"), m.end("p"), "LOC", None))
        for m in _RE_DATELINE.finditer(text, 0, 4000):
            if len(m.group("p")) >= 3 and m.group("p").lower() not in gz.STOP:
                cands.append((m.start("p"), m.end("p"), "LOC", None))
        chosen = self._resolve(cands)
        chosen = self._people(text, chosen, places)
        return self._finish(text, chosen, noise)

    @staticmethod
    def _resolve(cands: Iterable[tuple[int, int, str, object]]) -> list[tuple[int, int, str, object]]:
        """Non-overlapping: longer spans win, then the label's priority, then the earlier start."""
        ordered = sorted(cands, key=lambda c: (-(c[1] - c[0]), PRIORITY[c[2]], c[0]))
        taken: list[tuple[int, int, str, object]] = []
        occupied = bytearray()
        for c in ordered:
            s, e = c[0], c[1]
            if e <= s:
                continue
            if len(occupied) < e:
                occupied.extend(b"\0" * (e - len(occupied)))
            if any(occupied[s:e]):
                continue
            occupied[s:e] = b"\1" * (e - s)
            taken.append(c)
        taken.sort(key=lambda c: c[0])
        return taken

    def _people(
        self, text: str, ents: list[tuple[int, int, str, object]], places: frozenset[str]
    ) -> list[tuple[int, int, str, object]]:
        """Names after ranks (and after "ROLE ...," appositions); then later bare mentions of them."""
        starts = {e[0] for e in ents}
        occupied = bytearray(len(text) + 1)
        for s, e, *_ in ents:
            occupied[s:e] = b"\1" * (e - s)
        people: list[tuple[int, int, str, object]] = []
        # the place a territorial role is of: "Kapolsek Pino Raya", "Camat Kinal"
        for _s, e, label, _ in ents:
            if label == "ROLE" and text[_s:e].lower() in _TERRITORIAL_ROLES:
                end = _trim_tail(text, _s, e, min(len(text), e + 60), places)
                gap = re.match(rf"{_SP}+", text[e : e + 3])
                if gap and end > e + gap.end() and not any(occupied[e + gap.end() : end]):
                    occupied[e + gap.end() : end] = b"\1" * (end - e - gap.end())
                    people.append((e + gap.end(), end, "LOC", None))
        by_start = {c[0]: c for c in ents}
        for _s, e, label, _ in ents:
            if label not in ("RANK", "ROLE"):
                continue
            if label == "ROLE":  # "Ketua KPU Kabupaten X, Name": skip the body the role belongs to
                gap = re.match(rf"{_SP}+", text[e : e + 3])
                nxt = by_start.get(e + gap.end()) if gap else None
                if nxt is not None and nxt[2] in (
                    "POLICE_UNIT",
                    "ELECTION_BODY",
                    "GOV_ORG",
                    "LOC",
                    "MILITARY_UNIT",
                ):
                    e = nxt[1]
            sep = _AFTER_RANK.match(text, e) if label == "RANK" else _APPOSITIVE.match(text, e)
            if sep is None or (label == "ROLE" and sep.end() == e):
                continue
            at = sep.end()
            honorific = _HONORIFIC.match(text, at) if label == "RANK" else None
            span = self._name_at(text, honorific.end() if honorific else at, places)
            if span and not any(occupied[span[0] : span[1]]) and span[0] not in starts:
                occupied[span[0] : span[1]] = b"\1" * (span[1] - span[0])
                people.append((span[0], span[1], "PERSON", None))
        for m in _SPEECH.finditer(text):  # "ujar Sutrisno", "kata Lilik"
            span = self._name_at(text, m.end(), places)
            if span and span[1] - span[0] >= 3 and not any(occupied[span[0] : span[1]]):
                occupied[span[0] : span[1]] = b"\1" * (span[1] - span[0])
                people.append((span[0], span[1], "PERSON", None))
        if any(p[2] == "PERSON" for p in people):
            tokens = {
                t
                for ps, pe, plabel, _v in people
                if plabel == "PERSON"
                for t in _TOKEN_SPLIT.split(text[ps:pe])
                if len(t) >= 4 and t.lower() not in places and t.lower() not in gz.STOP
            }
            if tokens:
                pattern = re.compile(
                    r"(?<![\w])(?:"
                    + "|".join(re.escape(t) for t in sorted(tokens, key=len, reverse=True))
                    + r")(?![\w])"
                )
                for m in pattern.finditer(text):
                    if not any(occupied[m.start() : m.end()]):
                        occupied[m.start() : m.end()] = b"\1" * (m.end() - m.start())
                        people.append((m.start(), m.end(), "PERSON", None))
        return sorted(ents + people, key=lambda c: c[0])

    @staticmethod
    def _name_at(text: str, pos: int, places: frozenset[str]) -> tuple[int, int] | None:
        end = pos
        count = 0
        cursor = pos
        while count < 5:
            m = _NAME_TOKEN.match(text, cursor)
            if not m:
                break
            token = m.group(0)
            if (
                _is_academic(token)
                or token.lower() in gz.STOP
                or token.lower() in gz.UNIT_WORDS
                or (_RE_ROLE.match(text, cursor) or _RE_RANK.match(text, cursor))
            ):
                break
            end = m.end()
            count += 1
            gap = re.match(rf"{_SP}+", text[end : end + 3])
            if not gap:
                break
            cursor = end + gap.end()
        if count == 0:
            return None
        while end > pos and text[end - 1] == ".":
            if re.search(r"(?:^|\s)[A-Z]\.$", text[pos:end]):
                break
            end -= 1
        return (pos, end) if end > pos else None

    @staticmethod
    def _finish(text: str, ents: list[tuple[int, int, str, object]], noise: Sequence[Span]) -> list[Entity]:
        out: list[Entity] = []
        spans = sorted((n.start, n.end) for n in noise)
        for s, e, label, value in ents:
            while e > s and text[e - 1] in " \u00a0\t,.;:":
                if label == "RANK" and text[e - 1] == "." and text[s:e].rstrip(".").endswith("Pol"):
                    break
                e -= 1
            if e <= s or any(ns <= s and e <= ne for ns, ne in spans):
                continue
            out.append(Entity(s, e, label, text[s:e], value))
        return out


Cand = tuple[int, int, str, object]


def _rank(text: str, start: int, key_end: int, places: frozenset[str]) -> Cand | None:
    m = _RE_RANK.match(text, start)
    if m is None:
        return None
    end = m.end()
    while end > start and text[end - 1] in " \u00a0":
        end -= 1
    return (start, end, "RANK", None)


def _simple(regex: re.Pattern[str], label: str) -> Callable[[str, int, int, frozenset[str]], Cand | None]:
    def find(text: str, start: int, key_end: int, places: frozenset[str]) -> Cand | None:
        m = regex.match(text, start)
        return (start, m.end(), label, None) if m else None

    return find


def _police(text: str, start: int, key_end: int, places: frozenset[str]) -> Cand | None:
    m = _RE_POLICE.match(text, start)
    if m is None:
        return None
    if text.startswith(("Humas", "Bid Humas", "Si Humas"), start) and _ROLE_BEFORE.search(
        text, max(0, start - 12), start
    ):
        return None  # "Kabid Humas Polda X": a role, then the unit
    head = _head_end(text, start, m.end(), _POLICE_HEAD)
    return (start, _trim_tail(text, start, head, m.end(), places, kota_ends=True), "POLICE_UNIT", None)


def _org(regex: re.Pattern[str], label: str) -> Callable[[str, int, int, frozenset[str]], Cand | None]:
    def find(text: str, start: int, key_end: int, places: frozenset[str]) -> Cand | None:
        m = regex.match(text, start)
        if m is None:
            return None
        end = m.end()
        head = _ORG_HEAD.match(text, start, end)
        if head is not None:  # only the region written after the body's own name is trimmed
            end = _trim_tail(text, start, head.end(), end, places)
        return (start, end, label, None)

    return find


def _loc(regex: re.Pattern[str]) -> Callable[[str, int, int, frozenset[str]], Cand | None]:
    def find(text: str, start: int, key_end: int, places: frozenset[str]) -> Cand | None:
        m = regex.match(text, start)
        if m is None:
            return None
        first = re.match(
            r"\S+(?:\s+(?:Brimob|Desa|Kelurahan|Kecamatan|Kota|Kabupaten))?", text[start : m.end()]
        )
        head = start + (first.end() if first else 0)
        end = _trim_tail(text, start, head, m.end(), places)
        return (start, end, "LOC", None) if end > head else None

    return find


_NUM_BEFORE = re.compile(r"(?<![\d.,])(?:\d{1,3}(?:\.\d{3})+|\d{1,6})[ \t\u00a0]+(?:orang[ \t\u00a0]+)?$")


def _personnel(text: str, start: int, key_end: int, places: frozenset[str]) -> Cand | None:
    if key_end < len(text) and text[key_end].isalnum():
        return None
    back = _NUM_BEFORE.search(text, max(0, start - 24), start)
    if back is None:
        return None
    m = _RE_PERSONNEL.match(text, back.start())
    if m is None:
        return None
    return (back.start(), m.end(), "PERSONNEL", int(m.group("n").replace(".", "")))


def _place(text: str, start: int, key_end: int, places: frozenset[str]) -> Cand | None:
    if (key_end < len(text) and text[key_end].isalnum()) or (start > 0 and text[start - 1] == "/"):
        return None
    return (start, key_end, "LOC", None)


_DISPATCH: dict[str, Callable[[str, int, int, frozenset[str]], Cand | None]] = {
    "RANK": _rank,
    "ROLE": _simple(_RE_ROLE, "ROLE"),
    "POLICE": _police,
    "MILITARY": _simple(_RE_MILITARY, "MILITARY_UNIT"),
    "BODY": _org(_RE_ELECTION_BODY, "ELECTION_BODY"),
    "GOV": _org(_RE_GOV, "GOV_ORG"),
    "ELECTION": _simple(_RE_ELECTION, "ELECTION"),
    "ADMIN": _loc(_RE_ADMIN),
    "VENUE": _loc(_RE_VENUE),
    "PERSONNEL": _personnel,
    "PLACE": _place,
}

_DEFAULT: Recogniser | None = None


def recognise(text: str, published: str | None = None, noise: Sequence[Span] = ()) -> list[Entity]:
    """Recognise with a shared default instance."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Recogniser()
    return _DEFAULT.recognise(text, published, noise)
