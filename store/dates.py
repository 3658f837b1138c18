"""Dates as Indonesian news writes them, normalised to ISO.

"Minggu, 06 Oktober 2024", "Senin (25/11/2024)", "Rabu (27/11)" (year from the publication
date), "Minggu (01/12/24) malam", "27 Novemver 2024" (month typos within a small edit
distance), "Oct 7, 2024", "2024-11-27", "kemarin" (relative to publication). A numeric date
needs a day name, parentheses or a four-digit year, so "pola 2-6-12" or "1/3" are not dates.
Nothing here raises: an impossible date (31/02/2024) is found but gets no value.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

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
        ("september", "sep", "sept"),
        ("oktober", "october", "okt", "oct"),
        ("november", "nov", "nopember", "nop"),
        ("desember", "december", "des", "dec"),
    ),
    1,
):
    for _n in _names:
        MONTHS[_n] = _num

_DAYS = (
    r"Senin|Selasa|Rabu|Kamis|Jum['’]?at|Jumat|Sabtu|Minggu|Ahad|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Wed|Thu|Fri|Sat|Sun"
)
_P_TEXT = re.compile(
    r"(?P<d>\d{1,2})\s+(?P<m>[A-Za-z]{3,10})\.?(?:\s*,?\s+(?P<y>(?:19|20)\d{2}))?(?![\w])",
)
_P_NUM = re.compile(
    r"(?P<d>\d{1,2})(?P<sep>[/\-.])(?P<m>\d{1,2})"
    r"(?:(?P=sep)(?P<y>\d{4}|\d{2}))?(?![\d/\-])(?P<close>\s*\))?",
)
_P_EN = re.compile(
    r"(?P<m>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6})\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d{2})\b"
)
_P_ISO = re.compile(r"(?P<y>(?:19|20)\d{2})-(?P<m>\d{2})-(?P<d>\d{2})(?![\d])")
_P_REL = re.compile(r"(?P<rel>kemarin|hari ini|besok|lusa)(?![\w])")  # run on lower-cased text
_P_OPEN = re.compile(r"\(\s*$")
# a day name (and "tanggal") just before a date: looked for behind a match, not scanned for
_P_DAYNAME = re.compile(rf"(?P<dn>{_DAYS})\s*,?\s*(?:(?:tanggal|tgl\.?)\s+)?$", re.IGNORECASE)
_REL = {"kemarin": -1, "hari ini": 0, "besok": 1, "lusa": 2}
_WEEKDAY = {
    "senin": 0,
    "selasa": 1,
    "rabu": 2,
    "kamis": 3,
    "jumat": 4,
    "jum'at": 4,
    "jum’at": 4,
    "sabtu": 5,
    "minggu": 6,
    "ahad": 6,
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
    "mon": 0,
    "tue": 1,
    "wed": 2,
    "thu": 3,
    "fri": 4,
    "sat": 5,
    "sun": 6,
}
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
    """A month from its Indonesian or English name or abbreviation, forgiving small typos."""
    w = word.lower().rstrip(".")
    if w in MONTHS:
        return MONTHS[w]
    if len(w) < 5:
        return None
    limit = 1 if len(w) < 8 else 2
    best: tuple[int, int] | None = None
    for name, num in MONTHS.items():
        if len(name) < 5:
            continue
        d = _distance(w, name, limit)
        if d <= limit and (best is None or d < best[0]):
            best = (d, num)
    return best[1] if best else None


def _ref(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def _make(year: int | None, month: int, day: int, ref: date | None, weekday: str | None) -> str | None:
    if year is not None and year < 100:
        year += 2000
    if year is None:
        candidates = []
        if ref is not None:
            candidates = [ref.year, ref.year - 1, ref.year + 1]
        elif weekday:
            candidates = [2024, 2025, 2023]
        for y in candidates:
            try:
                d = date(y, month, day)
            except ValueError:
                continue
            if ref is not None and abs((d - ref).days) > 183:
                continue
            if weekday and ref is None and d.weekday() != _WEEKDAY.get(weekday.lower(), d.weekday()):
                continue
            return d.isoformat()
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _left_ok(text: str, start: int) -> bool:
    return start == 0 or not text[start - 1].isalnum()


def _dayname(text: str, start: int) -> tuple[int, str | None]:
    """A day name right before ``start`` ("Senin, ", "Kamis "): its start and the name."""
    m = _P_DAYNAME.search(text, max(0, start - 20), start)
    if m and _left_ok(text, m.start()):
        return m.start(), m.group("dn")
    return start, None


def find_dates(text: str, published: str | None = None) -> list[tuple[int, int, str | None]]:
    """Every date mention as (start, end, ISO value or None), non-overlapping, in text order."""
    ref = _ref(published)
    found: list[tuple[int, int, str | None]] = []
    for m in _P_TEXT.finditer(text):
        if not _left_ok(text, m.start()):
            continue
        month = month_number(m.group("m"))
        if month is None:
            continue
        start, dn = _dayname(text, m.start())
        y = m.group("y")
        found.append((start, m.end(), _make(int(y) if y else None, month, int(m.group("d")), ref, dn)))
    for m in _P_NUM.finditer(text):
        closed, y = m.group("close"), m.group("y")
        if not _left_ok(text, m.start()):
            continue
        op = _P_OPEN.search(text, max(0, m.start() - 3), m.start())
        opened = op is not None
        if m.group("sep") == "." and (y is None or len(y) != 4):
            continue  # "1.112" is a number
        start, dn = _dayname(text, op.start() if op else m.start())
        if not (dn or (opened and closed) or (y and len(y) == 4)):
            continue
        end = m.end() if (opened and closed) else m.end("y") if y else m.end("m")
        if not dn:
            start = op.start() if (op and closed) else m.start()
        found.append(
            (start, end, _make(int(y) if y else None, int(m.group("m")), int(m.group("d")), ref, dn))
        )
    for m in _P_EN.finditer(text):
        month = month_number(m.group("m"))
        if month is not None and _left_ok(text, m.start()) and m.group("m").lower() not in _WEEKDAY:
            found.append((m.start(), m.end(), _make(int(m.group("y")), month, int(m.group("d")), ref, None)))
    for m in _P_ISO.finditer(text):
        if _left_ok(text, m.start()):
            value = _make(int(m.group("y")), int(m.group("m")), int(m.group("d")), ref, None)
            found.append((m.start(), m.end(), value))
    lowered = text.lower()
    for m in _P_REL.finditer(lowered if len(lowered) == len(text) else text):
        if _left_ok(text, m.start()):
            value = (ref + timedelta(days=_REL[m.group("rel").lower()])).isoformat() if ref else None
            found.append((m.start(), m.end(), value))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    out: list[tuple[int, int, str | None]] = []
    for item in found:
        if out and item[0] < out[-1][1]:
            continue
        out.append(item)
    return out


def parse_date(s: str, published: str | None = None) -> str | None:
    """A date a reviewer typed ("27/11/2024", "27 Nov", "2024-11-27", "kemarin", "Rabu (27/11)")."""
    s = (s or "").strip()
    if not s:
        return None
    try:
        return (
            date.fromisoformat(s[:10]).isoformat() if _P_ISO.fullmatch(s[:10]) else _parse_loose(s, published)
        )
    except ValueError:
        return None


def _parse_loose(s: str, published: str | None) -> str | None:
    hits = [h for h in find_dates(s, published) if h[2]]
    if hits:
        return hits[0][2]
    m = re.fullmatch(r"(\d{1,2})[/\-.](\d{1,2})(?:[/\-.](\d{2}|\d{4}))?", s)
    if m:
        y = m.group(3)
        return _make(
            int(y) if y else None, int(m.group(2)), int(m.group(1)), _ref(published) or date(2024, 7, 1), None
        )
    m = re.fullmatch(r"(\d{1,2})\s+([A-Za-z]{3,10})\.?", s)
    if m and month_number(m.group(2)):
        return _make(
            None, month_number(m.group(2)) or 1, int(m.group(1)), _ref(published) or date(2024, 7, 1), None
        )
    return None


def normalise_published(s: str | None) -> str | None:
    """A header timestamp ("Oct 7, 2024 - 15:35", "Senin, 25 Nov 2024 10:15 WIB", ISO) as ISO."""
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
