"""The head of a copied news page: which line is the headline, which lines carry the byline
and the publication date, and which are the site's chrome (masthead, menus, tickers).

Pages copied whole put the site above the article: a masthead, a menu bar, a "Breaking News"
ticker, a rubric, then the headline, then a byline or a date line ("Penulis: … | Selasa, 12
November 2024 14:05 WIB"). The headline is the line that reads like one (several words, no
full stop) standing nearest before the byline or date line; what stands above it is chrome.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from store.text.dates import find_dates, month_number, normalise_published
from store.text.noise import (
    CAPTION,
    CHROME,
    CREDIT_LINE,
    LEAD,
    MAX_NOISE_LINE,
    NOISE,
    TRAIL,
    caption,
    credit_only,
    ends_sentence,
    headline_like,
    is_boilerplate,
    is_menu,
    is_separator,
)

_SP = r"[ \t\u00a0\u2007\u202f]"
DASH = r"(?:--|[\-–—‒―‑−])"
_STAMP_WORDS = frozenset(
    """senin selasa rabu kamis jumat jum'at sabtu minggu ahad monday tuesday wednesday thursday friday
    saturday sunday mon tue wed thu fri sat sun wib wita wit utc gmt pukul jam pada diposting dipublikasikan
    diterbitkan diperbarui diupdate terbit update updated published posted on at am pm tanggal tgl""".split()
)
# words that make a line holding a date a byline or date line, not a headline about that date
_META_WORDS = frozenset(
    """oleh by penulis reporter editor redaksi redaktur laporan wartawan admin sumber diposting diunggah
    ditulis dipublikasikan diterbitkan diperbarui diupdate terbit update updated published posted wib wita
    wit utc gmt dibaca baca dilihat views kategori category rubrik""".split()
)
# words that are meta only in their date-line shape: "3 jam yang lalu", "dibaca 120 kali", "pukul 08.30",
# "Tim Redaksi"; in a sentence they are ordinary words ("Satuan Lalu Lintas", "tim gabungan")
_META_SHAPES = re.compile(
    r"\d[\d.,]*\s+(?:detik|menit|jam|hari|minggu|pekan|bulan|tahun|kali|min|hours?|days?|mins?)\b"
    r"(?:\s+(?:yang\s+)?(?:lalu|ago))?|\b(?:pukul|jam)\s*\d|\btim\s+redaksi\b",
    re.IGNORECASE,
)
# a line with more words than this besides its date and stamp words, or more lower-case ones than
# _META_MAX_LOWER (a sentence's verbs and particles; names and outlets are capitalised), is a sentence
_META_MAX_WORDS = 8
_META_MAX_LOWER = 2
BYLINE = re.compile(
    rf"^(?P<author>[^\[\]\n]{{2,60}}?){_SP}*{DASH}{_SP}*\[(?P<outlet>[^\]\n]{{3,80}})\]"
    rf"\((?P<url>[^)\s]{{1,500}})\)(?:{_SP}*{DASH}.{{0,60}})?$"
)
BYLINE_PLAIN = re.compile(
    rf"^(?P<author>[^\W\d][\w .']{{1,50}}?){_SP}+{DASH}{_SP}+(?P<outlet>[\w.\-]{{4,80}})$"
)
BY = re.compile(r"^(?:oleh|by)\s*:?\s*(?P<author>[^\W\d][\w .,'\-]{1,60})$", re.IGNORECASE)
# credit lines without a colon: "Redaksi Poros Maluku", "Laporan Wartawan X, Nama", "Tim Redaksi"
_CREDIT = re.compile(
    r"^(?:(?:tim\s+)?redaksi(?:\s+[\w.]+){0,4}|laporan(?:\s+wartawan)?\b.{0,80}|"
    r"(?:diposting|diunggah|ditulis|dilaporkan)\s+oleh\b.{0,80})$",
    re.IGNORECASE,
)
_AUTHOR_IN = re.compile(
    r"^(?:oleh|by|penulis|reporter|laporan|ditulis\s+oleh|diposting\s+oleh)\s*:?\s*(?P<name>[^|•·—–\-]{2,60})",
    re.IGNORECASE,
)
# "date 2024-11-27", "published: 2024-11-27T08:00": a scraper's date line, anywhere in the text
DATE_FIELD = re.compile(
    r"^(?:date|tanggal|published|publish(?:ed)?_?(?:at|date)|diterbitkan|dipublikasikan|datetime)\s*[:=]?\s*"
    r"(?P<value>(?:19|20)\d\d-\d\d-\d\d(?:[T ]\d\d:\d\d)?)",
    re.IGNORECASE,
)


@dataclass(slots=True)
class Head:
    """What the head holds: the headline's line, the lines that are meta or chrome (noise), the
    publication date and the author found there, and where the body starts."""

    title_idx: int | None = None
    body_from: int | None = None
    published: str | None = None
    author: str | None = None
    outlet: str | None = None
    url: str | None = None
    marked: set[int] = field(default_factory=set)


def safe(fn: Callable[[str], str | None], s: str | None) -> str | None:
    """Call a helper from another module without letting its failure break totality."""
    if not s:
        return None
    try:
        return fn(s)
    except Exception:  # noqa: BLE001 - parse_article must be total whatever a helper does
        return None


def _month(word: str) -> bool:
    try:
        return month_number(word) is not None
    except Exception:  # noqa: BLE001 - total
        return False


# What every valued date of ``find_dates`` holds (a day and a month as "25/11", "2024-11-25" or
# "25 November", or an English "Oct 7, 2024"): a line without it gives no date, so the date
# helpers are not run on it. test_parse_speed pins this against find_dates itself.
_DATE_HINT = re.compile(r"\d\d?(?:[/.\-]\d|(?:st|nd|rd|th)?,?[ \t\u00a0]+[A-Za-z\d])")
_PLACE_COMMA = re.compile(r"^[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2},\s*(?=\w)")  # "Kota X, 23 Sep…"
_STAMP_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
_LETTERS = re.compile(r"[^\W\d_]+")
_NOT_PLAIN = _META_WORDS | _STAMP_WORDS
# The most words a date ``find_dates`` values can hold that are neither meta nor stamp words: a
# day name's "Jum" (of "Jum'at"), "dini hari", a month name ("Rabu dini hari (27 November"); an
# English month and its "th" ("Oct 7th, 2024"). A line with more than this plus _META_MAX_WORDS
# of them keeps too many outside any date to be a date line.
_DATE_PLAIN_WORDS = 4


def could_be_dated(c: str) -> bool:
    """Whether ``c`` may hold a date ``find_dates`` gives a value (see _DATE_HINT)."""
    return _DATE_HINT.search(c) is not None


def timestamp(c: str) -> str | None:
    """ISO value of a line that is only a publication timestamp ("Oct 7, 2024 - 15:35")."""
    if not c or len(c) > 70 or not _DATE_HINT.search(c):
        return None
    unknown = letters = 0
    for w in _STAMP_WORD.findall(_PLACE_COMMA.sub("", c)):
        if w.lower() in _STAMP_WORDS or _month(w):
            continue
        unknown += 1
        letters += len(w)
        if unknown > 1 or letters > 10:
            return None
    return safe(normalise_published, c)


def dated_meta(c: str) -> str | None:
    """ISO value of a byline or date line that holds a date ("Oleh Redaksi — Rabu, 27 November
    2024 - 15:48 WITA", "05/12/2024 | 08:30 | Penulis: X"); None for a headline about a date."""
    if not c or len(c) > 200 or not _DATE_HINT.search(c):
        return None
    if len(c) > 40:  # a lede: too many plain words for a date line, without looking for its date
        words = _LETTERS.findall(c)
        plain = len(words) - sum(map(_NOT_PLAIN.__contains__, map(str.lower, words)))
        if plain > _META_MAX_WORDS + _DATE_PLAIN_WORDS:
            return None
    try:
        hits = [h for h in find_dates(c) if h[2]]
    except Exception:  # noqa: BLE001 - total
        return None
    if not hits:
        return None
    start, end, _ = hits[0]
    # "| Sumber: kabarsungai.co.id | Dibaca 52 kali": a domain's parts are no sentence's words
    outside = _DOMAIN.sub(" ", c[:start] + " " + c[end:])
    # ("Diposting oleh: humas_polresx | ... | Dibaca: 312 kali", "admin_x · 27 Nov 2024 · 4 min read · 58
    # views", "November 30, 2024 · by humasdompu · Leave a comment"): a CMS's user handle, its counters and
    # widgets are no sentence's words
    counted = _WIDGETS.sub(" ", _HANDLE.sub(" ", outside))
    rest = _LETTERS.findall(counted)
    if len(rest) > 3:
        meta = any(w.lower() in _META_WORDS for w in _LETTERS.findall(outside)) or (
            _META_SHAPES.search(outside))
        plain_words = [w for w in rest if w.lower() not in _NOT_PLAIN]
        lower = sum(w.islower() and w not in ("yang", "di", "dan") for w in plain_words)
        if not meta or len(plain_words) > _META_MAX_WORDS or lower > _META_MAX_LOWER:
            return None
    return safe(normalise_published, c[start:])


_DOMAIN = re.compile(r"[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}(?![\w.])")
# a user handle: with an underscore, or the one lower-case word after "by"/"oleh", or the lower-case words
# after "admin" to the field's end ("admin humas polres x | Dibaca ...")
_HANDLE = re.compile(r"[\w.]*_[\w.]*|(?<=\bby )[a-z][a-z0-9]+\b|(?<=\boleh )[a-z][a-z0-9]+\b|"
                     r"(?<=\badmin )[a-z][a-z0-9]*(?:\s+[a-z][a-z0-9]*){0,4}(?=\s*(?:[|·•]|$))")
# a page's counters and widgets beside its date: "4 min read", "58 views", "312 kali", "Dilihat: 212",
# "Leave a comment"
_WIDGETS = re.compile(r"\b\d[\d.,]*\s*(?:min(?:ute)?s?\s+read|menit\s+baca|views?|kali|komentar|comments?|"
                      r"dilihat)\b|\b(?:dilihat|dibaca|views?)\s*:?\s*\d[\d.,]*|\bleave\s+a\s+comment\b|"
                      r"\b(?:min|menit)\s+read\b", re.IGNORECASE)
# a clock time or a time zone: what makes a dated line a stamp rather than a dated item of a list
_CLOCK = re.compile(r"\d\d?[:.]\d\d(?!\d)|\b(?:WIB|WITA|WIT)\b")


def stamp_line(c: str) -> str | None:
    """ISO value of a line that is only a publication timestamp with its time ("Rabu, 25
    September 2024 07:40 WITA"), not a bare date ("Hari Jumat, 29 November 2024" in a list)."""
    return timestamp(c) if _CLOCK.search(c) else None


_CREDIT_END = re.compile(r"\s*(?:[|/;,(•·]|\s[-–—]\s|\beditor\b|\bfoto\b)", re.IGNORECASE)


def person(s: str) -> str | None:
    """A name from a credit ("Budi Santoso | Editor: Ani" → "Budi Santoso")."""
    s = _CREDIT_END.split(s, maxsplit=1)[0]
    s = " ".join(s.strip(" *_.:").split())
    return s[:60] if any(c.isalpha() for c in s) else None


_WORDS = re.compile(r"[^\W_]+")


def _headline_score(c: str) -> float | None:
    """How much a line reads like a headline; None when it cannot be one."""
    if len(c) > 250 or ends_sentence(c, "."):
        return None  # a sentence (a caption, a promo, the lead), not a headline
    words = _WORDS.findall(c)
    if not words:
        return None
    score = min(len(words), 12) / 12 * 2.5
    if len(words) < 3:
        score -= 1.0
    if headline_like(c, words):
        score += 0.5
    if c.isupper() and len(words) <= 4:
        score -= 0.5  # a masthead in capitals
    return score


# the first letters CREDIT_LINE, BY and _CREDIT can match (ignoring case; a line opening with any
# other ASCII character is none of them)
_CREDIT_FIRST = frozenset("prdobtlPRDOBTL")


def read_head(
    texts: list[str],
    cleans: list[str],
    head: list[int],
    title_keys: set[str],
    key: Callable[[str], str],
    is_body: Callable[[int, bool], bool],
    is_domain: Callable[[str], bool],
    outlet_name: Callable[[str], str | None],
) -> Head:
    """Classify the head lines (``head``: indices of non-blank lines at the top; ``texts`` and
    ``cleans`` the lines and their clean forms) and pick the headline. ``title_keys`` holds the
    metadata title's key when there is one: then the headline is the line that repeats it, if
    any. ``is_body(i, below_headline)`` says whether a line opens the body (below a possible
    headline, a dateline without an outlet does)."""
    h = Head()
    candidates: list[tuple[int, float]] = []
    meta_at: list[int] = []
    dated: list[tuple[int, str]] = []
    for n, i in enumerate(head):
        text = texts[i]
        c = cleans[i]
        if is_separator(text):
            h.marked.add(i)
            continue
        top = text[:MAX_NOISE_LINE]
        # "[outlet](url)": cleaning the ends of a line cannot make one where there is none
        m = BYLINE.match(TRAIL.sub("", LEAD.sub("", top))) if "](" in top else None
        if m is None and candidates:
            plain = BYLINE_PLAIN.match(c)
            m = plain if plain and is_domain(plain.group("outlet")) else None
        if m is not None:
            h.author = h.author or person(m.group("author"))
            h.outlet = h.outlet or outlet_name(m.group("outlet"))
            if "url" in m.groupdict():
                h.url = h.url or m.group("url")
            h.marked.add(i)
            meta_at.append(n)
            continue
        stamp = (timestamp(c) or dated_meta(c)) if c and _DATE_HINT.search(c) else None
        if stamp:
            dated.append((n, stamp))
            meta_at.append(n)
            h.marked.add(i)
            am = _AUTHOR_IN.match(c)
            if am:
                h.author = h.author or person(am.group("name"))
            continue
        if c[:1] in _CREDIT_FIRST or not c[:1].isascii():
            credit = CREDIT_LINE.match(c) or BY.match(c)
            if credit or _CREDIT.match(c):
                if credit:
                    h.author = h.author or person(credit.group(credit.lastgroup or 1))
                meta_at.append(n)
                h.marked.add(i)
                continue
        if is_body(i, bool(candidates)):
            h.body_from = i
            break
        if not c:
            continue
        if (is_boilerplate(c) and NOISE.match(c)) or (
                ":" in c and len(c) <= 300 and CAPTION.search(c) and credit_only(c)):
            h.marked.add(i)
            continue
        if CHROME.match(c) or is_menu(text):
            h.marked.add(i)
            continue
        score = _headline_score(c) if not caption(c) else None  # a caption is no headline
        if score is not None:
            candidates.append((n, score))
    h.title_idx = _pick(cleans, head, candidates, meta_at, title_keys, key)
    if h.title_idx is not None:
        title_n = head.index(h.title_idx)
        tkey = key(cleans[h.title_idx])
        for n, _ in candidates:
            i = head[n]
            if n < title_n:
                h.marked.add(i)  # above the headline: the site's name, a rubric, a tagline
            elif n > title_n and key(cleans[i]) in title_keys | {tkey}:
                h.marked.add(i)  # the headline again (often as an emphasised copy)
        later = [v for n, v in dated if n > title_n]
        h.published = later[0] if later else (dated[0][1] if dated else None)
        if h.body_from is None:
            after = [head[n] for n, _ in candidates if n > title_n and head[n] not in h.marked]
            h.body_from = after[0] if after else None
    else:
        h.published = dated[0][1] if dated else None
        first = head[candidates[0][0]] if candidates else None
        if first is not None and (h.body_from is None or first < h.body_from):
            h.body_from = first  # a metadata title the text does not repeat: the body starts here
    return h


def _pick(cleans: list[str], head: list[int], candidates: list[tuple[int, float]], meta_at: list[int],
          title_keys: set[str], key: Callable[[str], str]) -> int | None:
    if not candidates:
        return None
    if title_keys:
        for n, _ in candidates:
            k = key(cleans[head[n]])
            if k and any(k.startswith(t) for t in title_keys):
                return head[n]
        return None
    first_meta = meta_at[0] if meta_at else len(head)
    last = candidates[-1][0]
    best: tuple[float, int] | None = None
    for n, score in candidates:
        if any(n < m <= n + 3 for m in meta_at):
            score += 2.0  # a byline or date line right below: the article's headline
        elif n == last and any(n - 2 <= m < n for m in meta_at):
            score += 2.0  # ... or right above, when the body follows (a date over the headline)
        if n < first_meta:
            score += 1.0
        if best is None or score > best[0]:
            best = (score, n)
    assert best is not None
    return head[best[1]]
