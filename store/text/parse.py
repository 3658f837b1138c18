"""An article's parts, found in text copied from news pages: title, outlet, byline, dateline,
publication date, and the boilerplate lines (noise) that the reader dims.

The text is never changed beyond newline style: everything found here is a field or a span over
it, so offsets stay valid. Noise is marked as whole lines. The parser is total: any string gives
a result without raising, because one odd file must never stop an ingest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice

from store.model import Span
from store.sources.raw import RawDoc
from store.text.dates import normalise_published
from store.text.head import DASH as _DASH
from store.text.head import DATE_FIELD, could_be_dated, person, read_head, safe, stamp_line
from store.text.noise import (
    CAPTION,
    CREDIT_LINE,
    GOOGLE_NEWS,
    LEAD,
    LEAD_MD,
    LIST_HEAD,
    NOISE,
    PREV_NEXT,
    TAGS,
    clean,
    credit_only,
    is_boilerplate,
    is_separator,
    key,
    line_starts,
    mark_list,
    prose,
    split_lines,
)
from store.text.regions import is_province

HEAD_LINES = 30  # non-blank lines at the top where site chrome, title, byline, timestamp may be
TITLE_MAX = 200

_SP = r"[ \t\u00a0\u2007\u202f]"
_PLACE_WORD = r"[A-Z][\w.'’]*"
_AGENCY = re.compile(
    rf"^(?P<place>{_PLACE_WORD}(?:{_SP}+[\w.'’]+){{0,3}})?{_SP}*,?{_SP}*"
    rf"\((?P<agency>[A-Za-z][\w .&/-]{{1,30}})\){_SP}*(?:{_DASH}|:)"
)
_PAIR = re.compile(rf"^(?P<a>[^,\n]{{2,60}}?){_SP}*,{_SP}*(?P<b>[^,\n]{{2,70}}?){_SP}*{_DASH}(?P<after>.?)")
_CAPS = re.compile(
    rf"^(?P<place>[A-Z][A-Z.'’]+(?:{_SP}+[A-Z.'’]+){{0,3}})(?:{_SP}*\([A-Z]{{1,10}}\))?"
    rf"(?P<before>{_SP}*)(?P<dash>{_DASH})(?P<after>.?)"
)
_TITLED = re.compile(rf"^(?P<place>[A-Z][a-z]+(?:{_SP}[A-Z][a-z]+){{0,2}}){_SP}+{_DASH}{_SP}+\S")
# a dateline alone on its line, a province after the comma ("Cibarusah, Jabar"; a credit "Nama, Kota"
# names no province)
_ALONE = re.compile(
    rf"(?P<place>{_PLACE_WORD}(?:{_SP}+{_PLACE_WORD}){{0,2}}){_SP}*,{_SP}*"
    rf"(?P<province>[A-Z][A-Za-z]+(?:{_SP}+[A-Z][A-Za-z]+){{0,3}})(?:{_SP}|[*_.])*"
)
_STRICT_PLACE = re.compile(rf"{_PLACE_WORD}(?:{_SP}+(?:[A-Z(][\w.'’()]*)){{0,3}}")
# Words that open a body sentence (or a title) before a dash but are not places.
_NOT_PLACES = frozenset(
    """tni polri kpu kpud bawaslu panwaslu panwas pilkada pemilu tps ppk pps kpps dpr dprd brimob polres
    polresta polsek polda polrestabes kapolres kapolresta kapolsek kapolda wakapolres satpol pemkab pemkot
    pemprov forkopimda kodim koramil babinsa bhabinkamtibmas humas sat satgas ops operasi mabes jelang
    jaga wujudkan sambut cegah ciptakan amankan viral breaking update video foto berita""".split()
)
_DOMAIN = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+([a-z]{2,12})")
_SCHEME = re.compile(r"^(?:https?:)?//", re.IGNORECASE)
_PARENS = re.compile(r"\([^)]*\)")
_FIRST_SENTENCE = re.compile(r"(.{20,}?[.!?])(?:\s|$)")
_DASH_RE = re.compile(_DASH)
_H1 = re.compile(r"^#(?!#)")
_OPENING = re.compile(rf"^.{{0,120}}?{_DASH}")
_OPENING_SP = re.compile(rf"^.{{0,120}}?{_DASH}{_SP}*")
_TLDS = frozenset(
    """com net org info biz id co tv news online site xyz media today asia io web my or go ac sch live press
    pro top click link one network digital me us uk sg""".split()
)
@dataclass(slots=True)
class ParsedArticle:
    """What the parser found; ``text`` is the article as read, ``noise`` whole-line spans over it."""

    title: str = ""
    outlet: str | None = None
    author: str | None = None
    url: str | None = None
    published: str | None = None
    dateline: str | None = None
    text: str = ""
    noise: list[Span] = field(default_factory=list)


# outlets and places repeat from article to article: the helpers below remember their answers
@lru_cache(maxsize=4096)
def _is_domain(s: str) -> bool:
    host = s.lower().strip(".")
    m = _DOMAIN.fullmatch(host)
    return m is not None and m.group(1) in _TLDS and any(len(p) >= 3 for p in host.split("."))


def outlet_name(s: str) -> str | None:
    """A readable, consistent outlet: a lower-case domain ("medialampung.co.id") or the name as given."""
    return _outlet_name(str(s))


@lru_cache(maxsize=4096)
def _outlet_name(s: str) -> str | None:
    s = " ".join(s.split()).strip(" []()<>|:,;-–—\"'")
    s = _SCHEME.sub("", s)
    host = s.split("/", 1)[0]
    if _is_domain(host):
        return host.lower().strip(".").removeprefix("www.")
    return s[:80] or None


@lru_cache(maxsize=4096)
def _place(s: str, org_ok: bool = False) -> str | None:
    """A dateline place, title-cased if written in one case: "BENGKULU SELATAN (BS)" → "Bengkulu Selatan"."""
    s = _PARENS.sub(" ", s)
    s = " ".join(s.replace("\u00a0", " ").split()).strip(" ,.;:-–—*_")
    if len(s) < 3 or not any(c.isalpha() for c in s):
        return None
    words = [w.lower() for w in s.split()]
    if all(w in _NOT_PLACES for w in words) or (not org_ok and words[0] in _NOT_PLACES):
        return None  # "TNI -", "Jelang Pilkada –": not a place (a unit in capitals, "POLSEK X --", is)
    if s.isupper() or s.islower():
        s = " ".join(w[:1].upper() + w[1:].lower() for w in s.split())
    return s


@lru_cache(maxsize=64)  # the line that opens the body is asked about twice: by read_head, then below
def _dateline(line: str, strict: bool = False) -> tuple[str | None, str | None]:
    """(place, outlet) from the opening of the body: "PESBAR, MEDIALAMPUNG.CO.ID -",
    "Gerbangkaltim.com, Bontang –", "Jakarta (ANTARA) -", "BUNGORO–", "PURWAKARTA -", or a
    line of its own "Cibarusah, Jabar".

    ``strict`` (for a line that may be the title) accepts only the forms that name an outlet.
    """
    head = LEAD.sub("", line[:200]).replace("**", "").replace("__", "")
    m = _AGENCY.match(head) if "(" in head else None
    if m:
        agency = " ".join(m.group("agency").split())
        place = _place(m.group("place")) if m.group("place") else None
        initials = "".join(w[0] for w in (m.group("place") or "").split()).upper()
        if place and (agency.upper() == initials or len(agency) <= 3):
            return place, None  # "BENGKULU SELATAN (BS) -": an abbreviation, not an agency
        return place, outlet_name(agency)
    m = _PAIR.match(head) if "," in head else None
    if m:
        a, b = m.group("a").strip(" *_\u00a0"), m.group("b").strip(" *_\u00a0")
        if _is_domain(a.split("/")[0]):
            return _place(b), outlet_name(a)
        if _is_domain(b.split("/")[0]):
            return _place(a), outlet_name(b)
        spaced = m.group("after") in " \u00a0"
        if not strict and spaced and _STRICT_PLACE.fullmatch(a) and len(b.split()) <= 4:
            return _place(a), None  # "JAKARTA, Senin (25/11) -": the place, then a date or name
    if strict or not ("A" <= head[:1] <= "Z"):  # both forms below open with a capital A-Z
        return None, None
    m = _CAPS.match(head)
    if m and (m.group("before") or m.group("dash") == "--" or m.group("after") in ("", " ", "\u00a0")):
        place = _place(m.group("place"), org_ok=" " in m.group("place").strip())
        if place and sum(c.isalpha() for c in place) >= 3:
            return place, None
    m = _TITLED.match(head)
    if m:
        return _place(m.group("place")), None
    m = _ALONE.fullmatch(head) if len(line) <= 100 else None
    if m and is_province(m.group("province")):
        return _place(m.group("place")), None
    return None, None


def _short_title(s: str) -> str:
    s = " ".join(s.split())
    if len(s) <= TITLE_MAX:
        return s
    cut = s[:TITLE_MAX].rsplit(" ", 1)[0] or s[:TITLE_MAX]
    return cut.rstrip(" ,;:-") + "…"


def _lead_title(s: str) -> str:
    """A stand-in title from the opening sentence of a body, at most ~120 characters."""
    m = _FIRST_SENTENCE.match(s[:400])
    s = m.group(1) if m else s[:400]
    if not any(c.isalnum() for c in s):
        return ""
    if len(s) <= 120:
        return s
    return (s[:120].rsplit(" ", 1)[0] or s[:120]).rstrip(" ,;:-") + "…"


def _opens_body(text: str, c: str, below_headline: bool) -> bool:
    """A line that opens the body: a dateline, a long paragraph, or a sentence of prose. A
    short line that may be the headline itself needs a dateline naming an outlet."""
    if len(text) > 300 or (len(c) > 80 and prose(c)):
        return True
    if _dateline(text, strict=not below_headline and len(text) < 150) == (None, None):
        return False
    after = _DASH_RE.split(c, maxsplit=1)
    return len(after) < 2 or len(after[1].split()) >= 3  # "Fajar Nugroho - wartaJateng": a byline


def parse_article(raw: RawDoc) -> ParsedArticle:
    """Find an article's parts in ``raw.text``; never raises."""
    text = str(raw.text or "")
    if "\r" in text:  # most texts hold none: two passes saved
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    meta = {k: " ".join(str(v).split()) or None for k, v in (raw.meta or {}).items() if v is not None}
    texts, cleans, nonblank = split_lines(text)
    marked: set[int] = set()

    title = _short_title(meta.get("title") or "")
    raw_outlet = meta.get("outlet")
    outlet = outlet_name(raw_outlet) if raw_outlet else None
    author = meta.get("author")
    url = meta.get("url")
    published = safe(normalise_published, meta.get("published"))
    heading_outlet: str | None = None

    # -- the head: site chrome, title, repeats, byline, timestamp, caption -----------------------
    head = nonblank[:HEAD_LINES]
    if (
        len(head) >= 2
        and _H1.match(texts[head[0]].strip())
        and texts[head[1]].lstrip().startswith("##")
        and 0 < len(cleans[head[0]]) <= 60
    ):
        heading_outlet = cleans[head[0]]  # "# NGO" then "## Title": the site's name
        marked.add(head[0])
        head = head[1:]
    opens_body = lambda i, below: _opens_body(texts[i], cleans[i], below)
    found = read_head(texts, cleans, head, {key(title)} - {""}, key, opens_body, _is_domain, outlet_name)
    marked |= found.marked
    title_idx, body_from = found.title_idx, found.body_from
    if title_idx is not None and not title:
        title = _short_title(clean(texts[title_idx], LEAD_MD))
    published = published or found.published
    if body_from is None:
        after = [i for i in nonblank if i not in marked and (title_idx is None or i > title_idx)]
        body_from = after[0] if after else None

    # -- dateline: the place (and often the outlet) opening the body ----------------------------
    dateline: str | None = None
    dateline_idx: int | None = None
    if body_from is not None:
        for i in islice((i for i in nonblank if i >= body_from and i not in marked), 3):
            place, agency = _dateline(texts[i], strict=False)
            if place or agency:
                dateline, dateline_idx = place, i
                found.outlet = found.outlet or agency
                if not published:  # "Kupang, 25/11/2024 (ANTARA) -": a date in the dateline
                    opening = _OPENING.match(cleans[i])
                    if opening and could_be_dated(opening.group()):
                        published = safe(normalise_published, opening.group())
                break
    if not published and body_from is not None and dateline_idx != body_from:
        # a standfirst under the headline ("Personel diminta ... netral.") opened the body before
        # the byline: a stamp line between it and the lede is still the page's date line
        for i in islice((i for i in nonblank if i > body_from and i not in marked), 3):
            if dateline_idx is not None and i >= dateline_idx:
                break
            stamp = stamp_line(cleans[i]) if could_be_dated(cleans[i]) else None
            if stamp:
                published = stamp
                marked.add(i)
                break
    if not title and body_from is not None:
        # no separate title line: the opening of the body stands in for one
        first = texts[body_from][:1000]
        if dateline_idx == body_from:
            first = _OPENING_SP.sub("", first, count=1)
        title = _lead_title(clean(first, LEAD_MD)) if first.strip() else ""

    # -- boilerplate anywhere --------------------------------------------------------------------
    credit_author: str | None = None
    prev_key: str | None = None
    prev_i: int | None = None
    for pos, i in enumerate(nonblank):
        c = cleans[i]
        if i == title_idx or i == dateline_idx or not c:
            if i != title_idx and is_separator(texts[i]):
                marked.add(i)
            prev_key, prev_i = (key(c), i) if i == title_idx else (None, None)
            continue
        if not published and (c[:1] in "dDtTpP" and (m := DATE_FIELD.match(c))):
            published = safe(normalise_published, m.group("value"))  # "date 2024-11-27"
            marked.add(i)
            continue
        k = key(c) if len(c) <= 80 else None
        # a short line printed twice in a row ("Polres Purwakarta" / "Polres Purwakarta"): tag links
        if k and k == prev_key and prev_i is not None and prev_i != title_idx:
            marked.update((prev_i, i))
        prev_key, prev_i = k, i
        hit = is_boilerplate(c)  # most lines are none of the four below
        m = PREV_NEXT.match(c) if hit else None
        if m:
            marked.add(i)
            if pos + 1 < len(nonblank) and not m.group("rest"):
                cj = cleans[nonblank[pos + 1]]
                if cj and len(cj) <= 160 and not (LIST_HEAD.match(cj) or PREV_NEXT.match(cj)):
                    marked.add(nonblank[pos + 1])  # the headline of the previous / next article
            continue
        is_tags = hit and bool(TAGS.match(c))
        if is_tags or (hit and LIST_HEAD.match(c)):
            marked.add(i)
            mark_list(texts, cleans, nonblank, pos, marked, tags=is_tags)
            continue
        if (hit and NOISE.match(c)) or (len(c) <= 150 and "oogle" in c.lower() and GOOGLE_NEWS.search(c)):
            marked.add(i)
            m = CREDIT_LINE.match(c)
            if m and credit_author is None:
                credit_author = person(m.group("name"))
            continue
        # every caption form has a colon; a credit is noise, a caption's sentence is annotated like body text
        if len(c) <= 250 and ":" in c and CAPTION.search(c) and credit_only(c):
            marked.add(i)

    marked -= {i for i in (title_idx, dateline_idx) if i is not None}
    author = author or found.author or credit_author
    outlet = outlet or found.outlet or (outlet_name(heading_outlet) if heading_outlet else None)
    url = url or found.url
    noise: list[Span] = []
    if marked:
        starts = line_starts(texts)
        noise = [Span(starts[i], starts[i] + len(texts[i]), texts[i]) for i in sorted(marked)]
    return ParsedArticle(
        title=title,
        outlet=outlet or None,
        author=author or None,
        url=url or None,
        published=published,
        dateline=dateline,
        text=text,
        noise=noise,
    )
