"""Coding conventions learned from a store's records.

Where the guidelines read either way (``CONVENTIONS`` in ``store.taxonomy``) a project settles the
reading in its taxonomy.toml; where it has not, the pre-fill follows what its reviewers' records do,
once they clearly do one thing. Why: on the real-shaped gold set, writers who read the guidelines
alone split on these readings (``Sat Lantas Polres X`` written as the unit by the older writers 191
times of 191, as ``Sat Lantas`` by the session-16 judges every time), and a draft in the other reading
costs the reviewer a correction on every such record. In a team the drafting reviewer's own records
decide first, the team's until they do (``learned_how``): people split the same way. Pure functions over
records (no store)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from store.model import ActivityRecord

# how many records must have decided a reading, and which share of them, before the store follows it
MIN_VOTES = 3
MAJORITY = 2 / 3

# a sub-unit of a Polres ("Sat Lantas", "Satuan Samapta (Sat Samapta)") written before its parent ("Polres
# X", "Kepolisian Resor X"); a Polda's ("Satbrimob Polda Y", "Ditsamapta Polda Y") is named with its Polda
# by the writers who leave a Polres out (the session-16 judges: 20 of 20)
_PARENT = r"(?:Polres|Polresta|Polrestabes|Kepolisian\s+Resor)\b"
_SUB = rf"(?:Sat|Satuan|Unit)(?:[\w().-]*)(?:\s+(?!{_PARENT})[\w().-]+){{0,5}}?"
_SUB_WITH_PARENT = re.compile(rf"({_SUB})\s+{_PARENT}")


def sub_unit_alone(unit: str) -> str:
    """The sub-unit without its parent: "Sat Lantas Polres X" -> "Sat Lantas"; any other unit is its own."""
    m = _SUB_WITH_PARENT.match(unit)
    return m.group(1) if m is not None else unit


def _sub_unit_vote(record: ActivityRecord) -> str | None:
    unit = record.unit.strip()
    if not unit or not re.match(_SUB, unit):
        return None
    if _SUB_WITH_PARENT.match(unit):
        return "with_parent"
    written = re.compile(rf"(?<![^\W_]){re.escape(unit)}\s+{_PARENT}")
    if any(written.search(span.text) for span in record.evidence):
        return "alone"  # the evidence writes the parent after it; the reviewer left it out
    return None


_SHARED = re.compile(r"(?<![^\W_])masing-masing(?![^\W_])", re.IGNORECASE)


def _location_list_vote(record: ActivityRecord) -> str | None:
    place = (record.location or "").strip()
    if not place:
        return None
    texts = [span.text for span in record.evidence]
    if any(_SHARED.search(t) for t in texts):
        return None  # "Distrik A dan Distrik B masing-masing mendapat 30 personel": a record each, no list
    if re.search(r",\s|\s(?:dan|serta)\s", place) and any(place in t for t in texts):
        return "all"
    kind = re.escape(place.split()[0])
    after = re.compile(rf"(?<![^\W_]){re.escape(place)}(?:,\s+|\s+(?:dan|serta)\s+){kind}(?![^\W_])")
    if any(after.search(t) for t in texts):
        return "first"  # "di Kecamatan A dan Kecamatan B" coded as "Kecamatan A"
    return None


# where around a place an act happens, written before it ("di halaman Mapolres X", "di sekitar Lapangan Y");
# not "dalam" nor "sepanjang", which people who keep "halaman" leave out (dev gold and second codings:
# "di dalam ..." kept 9 times of 40, "di sepanjang ..." 13 of 60, "di halaman ..." 188 of 253)
_AROUND = (r"(?:halaman|depan|sekitar|kawasan|area|lingkungan|seputar|luar|belakang|samping|"
           r"seberang|tepi|pinggir|sisi|ujung|ruas|simpang|pintu\s+masuk|pintu|gerbang|pagar)")
_AROUND_BEFORE = re.compile(rf"(?<![^\W_])((?:{_AROUND}\s+){{1,3}})$", re.IGNORECASE)
_AROUND_FIRST = re.compile(rf"{_AROUND}\s", re.IGNORECASE)


def location_phrase(place: str, sentence: str) -> str:
    """The place with the words before it that say where around it ("halaman Mapolres X" for "Mapolres X"
    in "apel di halaman Mapolres X"); the place itself when the sentence writes none."""
    at = sentence.find(place)
    if at <= 0 or _AROUND_FIRST.match(place):
        return place
    m = _AROUND_BEFORE.search(sentence, max(0, at - 40), at)
    return (m.group(1) + place) if m is not None else place


def _location_phrase_vote(record: ActivityRecord) -> str | None:
    place = (record.location or "").strip()
    texts = [span.text for span in record.evidence]
    if not place or not any(place in t for t in texts):
        return None
    if _AROUND_FIRST.match(place):
        return "phrase"  # "halaman Mapolres X" as written
    if any(location_phrase(place, t) != place for t in texts):
        return "place"  # "Mapolres X" where the evidence writes "di halaman Mapolres X"
    return None


# where a venue lies, after it: "Gudang KPU X di Dringu", "kantor PPK A di Desa B" (a name, not "di sana")
_WHERE_AFTER = re.compile(r"\s+di\s+((?:Jalan|Jl\.)\s+[\w.'’-]+(?:\s+[A-Z0-9][\w.'’-]*){0,3}|"
                          r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})")


def location_where(place: str, sentence: str) -> str:
    """The venue with where it lies as the sentence writes it right after ("Gudang KPU X di Dringu" for
    "Gudang KPU X"); the place itself when the sentence writes nothing there."""
    at = sentence.find(place)
    if at < 0 or _WHERE_AFTER.search(place):
        return place
    m = _WHERE_AFTER.match(sentence, at + len(place))
    if m is not None:
        return f"{place} di {m.group(1)}"
    # "diangkut ke gudang PPK di Batu Panjang": the unnamed venue the place is where of, as written
    lies = _UNNAMED_WHERE.search(sentence, max(0, at - 80), at)
    return f"{lies.group(1)} di {place}" if lies is not None and lies.end() == at else place


def _location_where_vote(record: ActivityRecord) -> str | None:
    place = (record.location or "").strip()
    texts = [span.text for span in record.evidence]
    if not place or not any(place in t for t in texts):
        return None
    if _WHERE_AFTER.search(place) and not place.startswith(("di ", "Di ")):
        return "with_where"  # "Gudang KPU X di Dringu" as written
    if any(_WHERE_AFTER.match(t, t.find(place) + len(place)) is not None for t in texts if place in t):
        return "place"  # "Gudang KPU X" where the evidence goes on "di Dringu"
    return None


# an unnamed place after the act's preposition, as written: "ke permukiman warga", "di dekat pintu masuk
# lapangan", "ke dusun-dusun di sekitar area tambang" (a place with a name is the pre-fill's own business)
_UNNAMED_HEAD = (r"(?:permukiman|pemukiman|rumah|kantor|gudang|pos|posko|area|kawasan|sekitar|dekat|pintu|"
                 r"halaman|lobi|depan|jalan|ruas|jalur|desa-desa|dusun-dusun|kampung-kampung|pekon-pekon|pasar|"
                 r"dermaga|pelabuhan|lokasi|wilayah|titik|tempat|sekretariat|markas|perairan|pusat|balai|aula|ruang|"
                 r"gerbang|luar|dalam|tepi|pinggir|seluruh|setiap|tiap|sejumlah|beberapa|TPS-TPS)")
_UNNAMED_STOP = (r"(?:untuk|agar|guna|supaya|yang|sebagai|dengan|sejak|hingga|sampai|selama|pada|sementara|"
                 r"sedangkan|serta|dan\s+(?:me|ber|di)[a-z]+|sambil|sekaligus|bersama|oleh|saat|ketika|usai|setelah|sebelum|"
                 r"masing-masing|karena|terutama|termasuk|antara|pukul|sekitar\s+pukul|\d[\w.]*|"
                 # a verb after the place: "di pintu masuk dan area parkir diisi 95 personel", "di depan
                 # gerbang menahan dorongan"
                 r"di(?!nas|strik|nding)[a-z]{3,}|me(?!nara|ja|rah|dan|nuju)[a-z]{4,}|ber(?!as)[a-z]{3,}|juga)")
_UNNAMED = re.compile(rf"(?<![^\W_])(?:di|ke|menuju|menyisir|menyusuri)\s+({_UNNAMED_HEAD}(?![^\W_])"
                      rf"(?:\s+(?!{_UNNAMED_STOP}(?![^\W_]))[\w-]+){{0,7}}?)(?=\s+{_UNNAMED_STOP}(?![^\W_])|"
                      r"\s*[,.;:\"”)]|\s*$)")


# an unnamed venue written before where it lies: "ke gudang PPK di ", "setiap gudang PPK di "
# (a building, not an area: "ke permukiman warga di Desa X" is coded the village)
_UNNAMED_WHERE = re.compile(r"(?<![^\W_])(?:di|ke|menuju)\s+((?:(?:setiap|tiap|seluruh)\s+)?(?:gudang|kantor|"
                            r"sekretariat|aula|balai|posko|pos|gedung|markas|dermaga|pelabuhan|ruang|TPS-TPS)"
                            rf"(?![^\W_])"
                            rf"(?:\s+(?!{_UNNAMED_STOP}(?![^\W_]))[\w-]+){{0,4}}?)\s+di\s+")


def unnamed_place(sentence: str) -> str | None:
    """The first unnamed place the sentence puts its act at, as written ("permukiman warga" in "berpatroli
    ke permukiman warga untuk ..."); ``None`` when there is none or it holds a name (a named place is
    found by the pre-fill itself)."""
    m = _UNNAMED.search(sentence)
    if m is None or any(w[:1].isupper() for w in m.group(1).split()[1:]):
        return None
    return m.group(1)


_WHEN = r"(?:setiap|tiap)\s+(?:hari|malam|pagi|siang|sore|jam)"
# an unnamed place listed after the place, as written: " dan sejumlah posko pemenangan", " dan area parkir"
_AND_UNNAMED = re.compile(rf"\s+(?:dan|serta)\s+((?:(?:\d[\d.]*|sejumlah|beberapa|seluruh|setiap|dua|tiga|"
                          rf"empat|lima)\s+)?(?:{_UNNAMED_HEAD}|pangkalan|desa|parkir|terminal|lapangan)(?![^\W_])"
                          rf"(?:\s+(?!(?:{_UNNAMED_STOP}|{_WHEN})(?![^\W_]))[\w-]+){{0,6}}?)"
                          rf"(?=\s+(?:{_UNNAMED_STOP}|{_WHEN})(?![^\W_])|"
                          r"\s*[,.;:\"”)]|\s*$)")


def listed_as_written(place: str, sentence: str) -> str:
    """The place with the unnamed places the sentence lists right after it, as written ("ruang sidang dan area
    parkir", "Pasar X dan pangkalan ojek di sekitarnya"); the place itself when it lists none."""
    at = sentence.find(place)
    m = _AND_UNNAMED.match(sentence, at + len(place)) if at >= 0 else None
    return sentence[at:m.end(1)] if m is not None else place


def _location_unnamed_vote(record: ActivityRecord) -> str | None:
    texts = [span.text for span in record.evidence]
    written = next((p for p in map(unnamed_place, texts) if p), None)
    if written is None or any(re.search(r"\s(?:di|ke)\s+[A-Z]", t) for t in texts):
        return None  # the evidence names no unnamed place, or names a place with a name too
    place = (record.location or "").strip()
    if place and place[:1].islower() and any(place in t for t in texts):
        return "as_written"
    if not place or not any(place in t for t in texts):
        return "none"  # nothing, or a place the sentence does not write (the dateline, the venue before)
    return None


_VOTERS = {"sub_unit": _sub_unit_vote, "location_list": _location_list_vote,
           "location_phrase": _location_phrase_vote, "location_where": _location_where_vote,
           "location_unnamed": _location_unnamed_vote}
LEARNED = frozenset(_VOTERS)  # the conventions records decide (unit_form is only ever settled)


def record_votes(record: ActivityRecord) -> dict[str, str]:
    """The readings one record decides (a record with no sub-unit and no list decides none)."""
    out = {}
    for name, vote in _VOTERS.items():
        reading = vote(record)
        if reading is not None:
            out[name] = reading
    return out


_AROUND_WORDS = re.compile(rf"^(?:{_AROUND}\s+){{1,3}}", re.IGNORECASE)


def _same_under(name: str, a: str, b: str) -> bool:
    """Whether two values of one slot are the same once ``name``'s two readings are made one."""
    if name == "sub_unit":
        return sub_unit_alone(a) == sub_unit_alone(b)
    if name == "location_phrase":
        return _AROUND_WORDS.sub("", a) == _AROUND_WORDS.sub("", b)
    if name == "location_where":
        short, long = sorted((a, b), key=len)
        return bool(short) and (long.startswith(short + " di ") or long.endswith(" di " + short))
    if name == "location_list":
        short, long = sorted((a, b), key=len)
        return bool(short) and re.match(rf"{re.escape(short)}(?:,\s|\s(?:dan|serta)\s)", long) is not None
    if name == "location_unnamed":
        return not a or not b
    return False


_SLOT_OF = {"sub_unit": "unit", "location_list": "location", "location_phrase": "location",
            "location_where": "location", "location_unnamed": "location"}


def convention_between(a: ActivityRecord, b: ActivityRecord, slot: str) -> str | None:
    """The convention two codings of one activity read differently, when that alone makes their ``slot``
    differ ("Sat Lantas" against "Sat Lantas Polres X": sub_unit): a disagreement a project settles with one
    line (``tandai conventions set``), not one about what happened."""
    va, vb = record_votes(a), record_votes(b)
    x, y = (str(getattr(r, slot) or "").strip() for r in (a, b))
    if x == y:
        return None
    for name, of in _SLOT_OF.items():
        if of == slot and va.get(name) and vb.get(name) and va[name] != vb[name] and _same_under(name, x, y):
            return name
    return None


class Tally:
    """The readings a store's records decide, kept up to date record by record: a record is read
    again only when it is new or changed (a draft follows every save: 10k records read in full cost
    ~85 ms, checked again ~5 ms). Each record's reviewer is kept with its readings, so a reviewer's
    own can be told from the team's."""

    def __init__(self) -> None:
        self._seen: dict[str, tuple[str, str, dict[str, str]]] = {}

    def update(self, records: Iterable[Mapping[str, Any]]) -> None:
        seen: dict[str, tuple[str, str, dict[str, str]]] = {}
        for data in records:
            rid, stamp = str(data.get("id", "")), str(data.get("updated", ""))
            kept = self._seen.get(rid)
            seen[rid] = kept if kept is not None and kept[0] == stamp else (
                stamp, str(data.get("reviewer", "")), record_votes(ActivityRecord.from_dict(dict(data))))
        self._seen = seen

    def counts(self, reviewer: str | None = None) -> dict[str, Counter[str]]:
        """How many records decided each reading: every reviewer's, or ``reviewer``'s alone."""
        out: dict[str, Counter[str]] = {name: Counter() for name in _VOTERS}
        for _, by, decided in self._seen.values():
            if reviewer is not None and by != reviewer:
                continue
            for name, reading in decided.items():
                out[name][reading] += 1
        return out


def _decided(tally: Counter[str]) -> str | None:
    """The reading ``MIN_VOTES`` records or more decided with ``MAJORITY`` of them agreeing, if any."""
    total = sum(tally.values())
    if total < MIN_VOTES:
        return None
    reading, n = tally.most_common(1)[0]
    return reading if n >= MAJORITY * total else None


def learned_how(counts: Mapping[str, Counter[str]], settled: Iterable[str], current: Mapping[str, str],
                own: Mapping[str, Counter[str]] | None = None) -> dict[str, tuple[str, str]]:
    """Each convention's reading and where it comes from: "settled" (the project's taxonomy.toml), "yours"
    (``own``: the drafting reviewer's records decided it), "team" (``counts``: every reviewer's records
    decided it) or "default". Why the reviewer's own first: people who code by the guidelines alone split on
    these readings and each keeps to one (the gold's writers, see the module docstring); drafted in a
    teammate's reading, a reviewer corrects every such record, and the drafts would lean a double coder
    toward the other reading. The team's reading stands until the reviewer's own records decide."""
    fixed = set(settled)
    out: dict[str, tuple[str, str]] = {}
    for name, reading in current.items():
        if name in fixed:
            out[name] = (reading, "settled")
        elif own is not None and (mine := _decided(own.get(name, Counter()))) is not None:
            out[name] = (mine, "yours")
        elif (team := _decided(counts.get(name, Counter()))) is not None:
            out[name] = (team, "team")
        else:
            out[name] = (reading, "default")
    return out


def learned(counts: Mapping[str, Counter[str]], settled: Iterable[str], current: Mapping[str, str],
            own: Mapping[str, Counter[str]] | None = None) -> dict[str, str]:
    """``current`` with each convention the project has not settled set to the reading the records
    follow: the drafting reviewer's (``own``) once theirs decide it, else every reviewer's (``counts``,
    from ``Tally``), when at least ``MIN_VOTES`` records decided it and ``MAJORITY`` of them agree."""
    return {name: reading for name, (reading, _) in learned_how(counts, settled, current, own).items()}


def why_reading(name: str, used: Mapping[str, Any]) -> str:
    """Why drafts read a convention as they do, in words (``used``: one entry of
    ``Store.conventions_in_use``), as ``tandai conventions`` and the workbench's conventions screen say it."""
    if used["how"] == "settled":
        return "settled in the store"
    if used["how"] == "learned":
        whose = "your" if used.get("from") == "yours" else "the team's"
        return f"learned from {whose} records"
    if name in LEARNED:
        return "the default: no records decide it yet"
    return "the default (records never decide it)"


def reading_rows(used: Mapping[str, Mapping[str, Any]]) -> list[tuple[str, str, str, str, str]]:
    """``Store.conventions_in_use`` as rows to show: the convention, what drafts write (the reading and its
    example), why, and the records deciding each reading, everyone's and this reviewer's."""
    from store.taxonomy import READINGS

    def counted(counts: Mapping[str, int]) -> str:
        return ", ".join(f"{r} {n}" for r, n in sorted(counts.items()) if n) or "-"

    return [(name, f"{c['reading']}: {READINGS[(name, c['reading'])]}", why_reading(name, c),
             counted(c["records"]), counted(c["yours"])) for name, c in used.items()]

