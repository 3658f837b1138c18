"""Dates as Indonesian news writes them, normalised to ISO.

"Minggu, 06 Oktober 2024", "Senin (25/11/2024)", "Rabu (27/11)" (year from the publication
date), "Minggu (01/12/24) malam", "27 Novemver 2024" (month typos within a small edit
distance), "Oct 7, 2024", "2024-11-27", "kemarin" (relative to publication), and a bare day
name that points at one day ("kata Yohanes di Manokwari, Senin."). A numeric date needs a day
name, parentheses or a four-digit year, so "pola 2-6-12" or "1/3" are not dates. Nothing here
raises: an impossible date (31/02/2024) is found but gets no value.

Speed matters (every article passes through here): each scan starts with a literal or a digit
class so the regex engine skips ahead in C, and the specific forms are only tried where a scan
stopped.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from contextlib import suppress
from datetime import date, timedelta
from functools import lru_cache
from operator import methodcaller
from typing import Any

from store.text.phases import DEFAULT_REFERENCE, YEARS

MONTHS: dict[str, int] = {}
for _num, _names in enumerate(
    (
        ("januari", "january", "jan"),
        ("februari", "february", "feb", "pebruari", "febuari"),
        ("maret", "march", "mar"),
        ("april", "apr"),
        ("mei", "may"),
        ("juni", "june", "jun"),
        ("juli", "july", "jul"),
        ("agustus", "august", "agu", "agt", "aug", "ags", "agust"),
        ("september", "sep", "sept", "sep"),
        ("oktober", "october", "okt", "oct"),
        ("november", "nov", "nopember", "nop"),
        ("desember", "december", "des", "dec", "dess"),
    ),
    1,
):
    for _n in _names:
        MONTHS[_n] = _num
# the names typos are measured against (short forms are too close to each other to guess from)
_FULL_MONTHS = tuple((n, v) for n, v in MONTHS.items() if len(n) >= 5)

WEEKDAYS: dict[str, int] = {
    "senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "jum'at": 4, "jum’at": 4, "sabtu": 5,
    "minggu": 6, "ahad": 6, "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
    "saturday": 5, "sunday": 6, "mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6,
}
RELATIVE: dict[str, int] = {"kemarin": -1, "hari ini": 0, "besok": 1, "lusa": 2}


def _trie(words: Iterable[str], space: str | None = None) -> str:
    """An alternation factored into a trie: the engine tests one character per branch point
    instead of trying every word at every position. Where several words match at one spot, they
    are prefixes of one another and the longest is tried first, as in an alternation sorted
    longest first (so the two match alike, unless matching ignores case). ``space``: the pattern
    a space in a word stands for (``[ \t]+``)."""
    root: dict[str, Any] = {}
    for w in set(words):
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        alts = [(space if space is not None and ch == " " else re.escape(ch)) + build(child)
                for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return "(?:" + build(root) + ")"


_S = r"[ \t\u00a0]"
# scans: a literal or a digit class first, so the regex engine skips ahead in C
_DAY_NAMES = [w for d in ("Senin Selasa Rabu Kamis Jumat Jum'at Jum’at Sabtu Minggu Ahad "
                          "Monday Tuesday Wednesday Thursday Friday Saturday Sunday").split()
              for w in (d, d.upper())]
_EN_MONTHS = ("January February March April May June July August September October November December "
              "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec").split()
# Indonesian month names written month first, as an English-format date line does in an Indonesian
# site ("Oktober 17, 2024", "Desember 2, 2024"): the month-first form (_A_EN) takes them as it takes
# "Oct 7, 2024"; the day-first forms start at the digit, so the names are looked at there only
_ID_MONTHS = "Januari Februari Maret Mei Juni Juli Agustus Oktober Desember Agu Okt Des".split()
DATE_WORDS = frozenset(_DAY_NAMES + _EN_MONTHS + _ID_MONTHS)
_P_WORD = re.compile(_trie(DATE_WORDS) + r"(?![\w'’])")
_SPAN = methodcaller("span")
_P_DIGIT = re.compile(rf"\d(?:\d\d\d-\d\d-\d\d|\d?(?:[/.\-]\d|{_S}+[A-Za-z]))")
# the same for a text of ASCII characters only (most), where ``\d`` is [0-9]: a scan that tests a
# range, not every character's Unicode category (~35 % quicker; ``str.isascii`` costs nothing)
_P_DIGIT_ASCII = re.compile(_P_DIGIT.pattern, re.ASCII)
# anchored forms, tried where a scan stopped
_A_ISO = re.compile(r"(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)(?!\d)")
_A_TEXT = re.compile(
    rf"(?P<d>\d{{1,2}}){_S}+(?P<m>[A-Za-z]{{3,10}})\.?(?:{_S}*,?{_S}+(?P<y>(?:19|20)\d\d))?(?![\w])"
)
_A_NUM = re.compile(r"(?P<d>\d{1,2})(?P<sep>[/\-.])(?P<m>\d{1,2})(?:(?P=sep)(?P<y>\d{4}|\d{2}))?(?![\d/\-])")
# the three forms above as one pattern, alternatives in the same order (the first that matches wins,
# as when tried in turn), groups renamed: one match a digit run instead of up to three
_A_AT_DIGIT = re.compile(
    "|".join(
        p.pattern.replace("?P<", f"?P<{k}").replace("(?P=sep)", f"(?P={k}sep)")
        for k, p in (("i", _A_ISO), ("t", _A_TEXT), ("n", _A_NUM))
    )
)
_A_EN = re.compile(rf"\.?{_S}+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?{_S}+(?P<y>(?:19|20)\d\d)(?!\d)")
# the first day of a range written with the month once, glued to its last: "27-29 Agustus 2024"
_A_RANGE_HEAD = re.compile(r"(\d{1,2})[-–](?=\d{1,2}[ \t\u00a0]+[A-Za-z])")
_A_RANGE_DASH = re.compile(r"(?:^|(?<=[^\w/.\-]))(\d{1,2})[ \t\u00a0]?[–-][ \t\u00a0]?$")
_A_CLOSE = re.compile(rf"{_S}*\)")
# the time of day may stand between a day and its date: "Selasa malam (26/11/2024)", "Rabu pagi, 13 November"
_A_AFTER_DAY = re.compile(
    rf"(?:{_S}+(?:malam|pagi|siang|sore|petang|subuh|dini{_S}+hari)(?![\w]))?"
    rf"{_S}*,?{_S}*(?:(?:tanggal|tgl\.?|Tanggal){_S}+)?(?P<open>\({_S}*)?"
)
# a range of days, told by its two day names and dates: "Rabu-Kamis (4-5/12/2024)", "Jumat (29-30/11)";
# the range is one date, its first day's (the annotation guidelines' reading)
_A_DAY_RANGE = re.compile(rf"{_S}*[-–]{_S}*" + _trie(_DAY_NAMES) + r"(?![\w'’])")
_A_FIRST_DAY = re.compile(rf"(?P<d0>\d{{1,2}}){_S}*[-–]{_S}*(?=\d{{1,2}}/)")
# what may follow a bare day name for it to be a date: end of clause or a time of day
_A_BARE_AFTER = re.compile(
    rf"{_S}*(?:[.,;:)\]\"”]|$|\n|(?:malam|pagi|siang|sore|petang|subuh|dini{_S}+hari|lalu|kemarin|ini)(?![\w]))"
)
# a bare day name with its time of day is a date whatever stands before it ("mulai bergerak Selasa pagi")
_A_DAY_TIME = re.compile(rf"{_S}+(?:malam|pagi|siang|sore|petang|subuh|dini{_S}+hari)(?![\w])")
_EVERY = ("setiap ", "Setiap ", "tiap ", "Tiap ", "saban ")  # "setiap Jumat malam": no one day
_A_BARE_FUTURE = re.compile(rf"{_S}+(?:mendatang|depan|besok)(?![\w])")
_BARE_BEFORE = ("pada ", "Pada ", "hari ", "Hari ", "sejak ", "Sejak ", "tiba ", "digelar ", "berlangsung ")
_TIME = re.compile(r"[\s,|\-–—]*(?:pukul\s*|jam\s*)?(?P<h>[01]?\d|2[0-3])[:.](?P<min>[0-5]\d)(?::\d{2})?")


def _distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, stopping early past ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        if min(cur) > limit:
            return limit + 1
        prev = cur
    return prev[-1]


@lru_cache(maxsize=4096)
def month_number(word: str) -> int | None:
    """A month from its Indonesian or English name or abbreviation, forgiving small typos
    ("Novemver", "Septmber"): one edit for names under eight letters, two for longer ones."""
    w = word.lower().rstrip(".")
    if w in MONTHS:
        return MONTHS[w]
    if len(w) < 5:
        return None
    limit = 1 if len(w) < 8 else 2
    best: tuple[int, int] | None = None
    for name, num in _FULL_MONTHS:
        d = _distance(w, name, limit)
        if d <= limit and (best is None or d < best[0]):
            best = (d, num)
    return best[1] if best else None


@lru_cache(maxsize=256)
def _ref(published: str | None) -> date | None:
    """The publication date as a date (cached: an ingest run sees a few hundred distinct ones)."""
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


@lru_cache(maxsize=4096)
def _make(year: int | None, month: int, day: int, ref: date | None, weekday: str | None) -> str | None:
    """The ISO date, or None when impossible. A missing year is the one that puts the date
    nearest the reference (so "Selasa (31/12)" published 2 January is last year's); without
    a reference the day name picks among recent years. Cached: the same few dates recur across
    a corpus's articles (762 distinct of 5,213 calls over 1,000 bench articles) and working one
    out (dates made, compared, formatted) costs 0.4-1.2 us against 0.07 for a look-up."""
    if year is not None and year < 100:
        year += 2000
    if year is not None:
        try:
            return date(year, month, day).isoformat()
        except ValueError:
            return None
    if ref is not None:
        best: date | None = None
        for y in (ref.year, ref.year - 1, ref.year + 1):
            try:
                d = date(y, month, day)
            except ValueError:
                continue
            if best is None or abs((d - ref).days) < abs((best - ref).days):
                best = d
        return best.isoformat() if best is not None and abs((best - ref).days) <= 183 else None
    if weekday:
        want = WEEKDAYS.get(weekday.lower())
        for y in YEARS:
            try:
                d = date(y, month, day)
            except ValueError:
                continue
            if want is None or d.weekday() == want:
                return d.isoformat()
    return None


def _left_ok(text: str, start: int) -> bool:
    if start == 0:
        return True
    c = text[start - 1]
    return not (c.isalnum() or (c in "/.-" and start > 1 and text[start - 2].isdigit()))


def _numeric_at(text: str, pos: int, ref: date | None, weekday: str | None,
                opened: bool) -> tuple[int, str | None] | None:
    """A date starting with a digit at ``pos``: its end and value (None: not a date here)."""
    m = _A_AT_DIGIT.match(text, pos)
    if m is None:
        return None
    if m["iy"] is not None:
        return m.end(), _make(int(m["iy"]), int(m["im"]), int(m["id"]), ref, None)
    if m["td"] is not None:
        month = month_number(m["tm"])
        if month is None:
            return None
        end = m.end()
        if opened:
            close = _A_CLOSE.match(text, end)
            end = close.end() if close else end
        y = m["ty"]
        return end, _make(int(y) if y else None, month, int(m["td"]), ref, weekday)
    y = m["ny"]
    if m["nsep"] == "." and (y is None or len(y) != 4):
        return None  # "1.112" is a number, "10.30" a time
    close = _A_CLOSE.match(text, m.end()) if opened else None
    if not (weekday or close or (y and len(y) == 4)):
        return None
    end = close.end() if close else m.end()
    return end, _make(int(y) if y else None, int(m["nm"]), int(m["nd"]), ref, weekday)


# a bare day name that, read as past, would fall this many days before publication is the next one: "mulai
# bergerak Selasa pagi" on a Monday's page is the next day (dev: 3 records, none the Tuesday before)
NEAR_AHEAD_FROM = 6


def _bare_day(ref: date | None, weekday: str, future: bool) -> str | None:
    """The day a bare day name points at: the latest such day up to publication ("Senin" in a
    Monday evening's article is that Monday), or the next one when "mendatang"/"depan" follows or
    the latest would be six days back (the day after publication)."""
    if ref is None:
        return None
    want = WEEKDAYS[weekday.lower()]
    back = (ref.weekday() - want) % 7
    if future or back >= NEAR_AHEAD_FROM:
        return (ref + timedelta(days=(want - ref.weekday()) % 7 or 7)).isoformat()
    return (ref - timedelta(days=back)).isoformat()


def _range_of(s: int, last_at: int, last: tuple[int, str | None],
              first_day: str) -> tuple[int, int, str | None]:
    """A range of days written with its month once ("27-29 Agustus 2024"): the whole span valued at its first
    day, or only the last day when the first is no earlier day of that month ("12-3 Mei")."""
    if last[1] is None or int(first_day) >= int(last[1][8:]):
        return last_at, last[0], last[1]
    return s, last[0], f"{last[1][:8]}{int(first_day):02d}"


def find_dates(text: str, published: str | None = None, relative: bool = True,
               words: list[tuple[int, int]] | None = None) -> list[tuple[int, int, str | None]]:
    """Every date mention as (start, end, ISO value or None), non-overlapping, in text order.

    ``relative=False`` leaves out the relative words ("kemarin", "besok"): the recogniser marks
    none of them, and no other date can overlap one (a date starts at a digit or a day or month
    name after a non-letter, and none spans such a word), so the rest is the same either way.
    ``words``: the spans ``_P_WORD.finditer`` gives, when the caller has them already (the
    recogniser's keyword pass finds the day and month names: ``date_word_spans``).
    """
    ref = _ref(published)
    found: list[tuple[int, int, str | None]] = []
    add = found.append
    if relative:
        _relative(text, ref, add)
    for s, e in words if words is not None else map(_SPAN, _P_WORD.finditer(text)):
        if not _left_ok(text, s):
            continue
        word = text[s:e]
        if word.lower() not in WEEKDAYS:  # an English month: "Oct 7, 2024"
            en = _A_EN.match(text, e)
            if en:
                add((s, en.end(), _make(int(en["y"]), MONTHS[word.lower()], int(en["d"]), ref, None)))
            continue
        pair = _A_DAY_RANGE.match(text, e) if text[e:e + 1] in "-– \t\u00a0" else None
        after = _A_AFTER_DAY.match(text, pair.end() if pair else e)
        at = after.end() if after else e
        first = _A_FIRST_DAY.match(text, at) if after and after["open"] else None
        if first is not None:  # "(4-5/12/2024)": the range's last date, valued at its first day
            hit = _numeric_at(text, first.end(), ref, None, True)
            if hit is not None and hit[1] is not None:
                with suppress(ValueError):
                    add((s, hit[0], date.fromisoformat(hit[1]).replace(day=int(first["d0"])).isoformat()))
                    continue
        if at < len(text) and text[at].isdigit() and (pair is None or after is not None):
            hit = _numeric_at(text, at, ref, word, bool(after and after["open"]))
            if hit is not None:
                add((s, hit[0], hit[1]))
                continue
        if word[0].isupper() and _A_BARE_AFTER.match(text, e) and (
            text.endswith(", ", 0, s) or text.endswith(_BARE_BEFORE, 0, s) or text.endswith("(", 0, s)
            or (_A_DAY_TIME.match(text, e) and not text.endswith(_EVERY, 0, s))
        ):
            add((s, e, _bare_day(ref, word, bool(_A_BARE_FUTURE.match(text, e)))))
    pos = 0
    search = _P_DIGIT_ASCII.search if text.isascii() else _P_DIGIT.search
    while True:
        digit = search(text, pos)
        if digit is None:
            break
        s = digit.start()
        pos = digit.end()
        if not _left_ok(text, s):
            continue
        opened = text.endswith("(", 0, s) or text.endswith("( ", 0, s)
        hit = _numeric_at(text, s, ref, None, opened)
        if hit is None:
            head = _A_RANGE_HEAD.match(text, s)
            last = _numeric_at(text, head.end(), ref, None, False) if head is not None else None
            if head is not None and last is not None:  # "pada 27-29 Agustus 2024": the range, valued at its
                # first day (as "(4-5/12/2024)" is)
                add(_range_of(s, head.end(), last, head.group(1)))
                pos = last[0]
            continue
        start = s - (1 if text.endswith("(", 0, s) else 2) if opened and text[hit[0] - 1] == ")" else s
        dash = _A_RANGE_DASH.search(text[max(0, s - 6):s]) if hit[1] and text[s - 1:s] in ("–", " ") else None
        if dash is not None and not opened:  # "27–29 Agustus 2024", "27 – 29 Agustus 2024"
            add(_range_of(s - len(dash.group()), s, hit, dash.group(1)))
        else:
            add((start, hit[0], hit[1]))
        pos = hit[0]
    if len(found) > 1:
        found.sort(key=lambda f: (f[0], f[0] - f[1]))
        out: list[tuple[int, int, str | None]] = []
        for item in found:
            if out and item[0] < out[-1][1]:
                continue
            out.append(item)
        return out
    return found


def _relative(text: str, ref: date | None, add: Callable[[tuple[int, int, str | None]], None]) -> None:
    low = text.lower()
    if len(low) != len(text):  # a character whose lower case is longer: offsets would drift
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    for word, shift in RELATIVE.items():  # str.find is far cheaper than a regex scan here
        at = low.find(word)
        while at != -1:
            e = at + len(word)
            if _left_ok(text, at) and not (e < len(text) and (text[e].isalnum() or text[e] == "_")):
                add((at, e, (ref + timedelta(days=shift)).isoformat() if ref else None))
            at = low.find(word, e)


def parse_date(s: str, published: str | None = None) -> str | None:
    """A date a reviewer typed ("27/11/2024", "27 Nov", "2024-11-27", "kemarin", "Rabu (27/11)").

    Looser than ``find_dates``: a bare "27/11" or "27 Nov" is accepted, and takes its year from
    ``published`` (or the election year of :mod:`store.text.phases` when there is none). None
    when it is not a date.
    """
    s = (s or "").strip()
    if not s:
        return None
    m = _A_ISO.fullmatch(s[:10])
    if m:
        try:
            return date.fromisoformat(s[:10]).isoformat()
        except ValueError:
            return None
    hits = [h for h in find_dates(s, published) if h[2]]
    if hits:
        return hits[0][2]
    ref = _ref(published) or DEFAULT_REFERENCE
    m = re.fullmatch(r"(\d{1,2})[/\-.](\d{1,2})(?:[/\-.](\d{2}|\d{4}))?", s)
    if m:
        y = m.group(3)
        return _make(int(y) if y else None, int(m.group(2)), int(m.group(1)), ref, None)
    m = re.fullmatch(r"(\d{1,2})\s+([A-Za-z]{3,10})\.?(?:\s+(\d{4}))?", s)
    if m and month_number(m.group(2)):
        y = m.group(3)
        return _make(int(y) if y else None, month_number(m.group(2)) or 1, int(m.group(1)), ref, None)
    return None


def normalise_published(s: str | None) -> str | None:
    """A header timestamp ("Oct 7, 2024 - 15:35", "Senin, 25 Nov 2024 10:15 WIB", ISO) as ISO:
    ``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM`` when a time follows the date."""
    if not s:
        return None
    s = s.strip()
    iso = re.match(r"((?:19|20)\d{2}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}))?", s)
    if iso:
        try:
            date.fromisoformat(iso.group(1))
        except ValueError:
            return None
        return iso.group(1) + (f"T{iso.group(2)}" if iso.group(2) else "")
    hits = [h for h in find_dates(s) if h[2]]
    if not hits:
        return None
    _start, end, value = hits[0]
    t = _TIME.match(s, end)
    if t:
        return f"{value}T{int(t.group('h')):02d}:{t.group('min')}"
    return value
