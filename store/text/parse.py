"""An article's parts, found in text copied from news pages: title, outlet, byline, dateline,
publication date, and the boilerplate lines (noise) that the reader dims.

The text is never changed beyond newline style: everything found here is a field or a span over
it, so offsets stay valid. Noise is marked as whole lines. The parser is total: any string gives
a result without raising, because one odd file must never stop an ingest.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from store.model import Span
from store.sources.formats import RawDoc
from store.text.dates import month_number, normalise_published

HEAD_LINES = 12  # non-blank lines at the top where title, byline, timestamp and caption may be
MAX_NOISE_LINE = 400  # noise lines are short; longer lines are body text and are not classified
TITLE_MAX = 200

_SP = r"[ \t\u00a0\u2007\u202f]"
_DASH = r"(?:--|[\-–—‒―‑−])"
_UNESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
_LEAD_MD = re.compile(r"^[\s#>*_•·▪●◦‣∙|]+")  # markdown heading/emphasis/quote marks, bullets
# ... and, for classifying a line only, stray CMS tags before it ("[/i]Editor: …")
_LEAD = re.compile(r"^(?:[\s#>*_•·▪●◦‣∙|]+|\[/?[a-z][^\]\n]{0,40}\])+", re.IGNORECASE)
_TRAIL = re.compile(r"[\s*_|]+$")
_MDLINK = re.compile(r"\[([^\]\n]{1,300})\]\([^)\s]{1,500}\)")
_SEPARATOR = re.compile(r"^[\W_]{1,12}$")  # "--", "***", "• • •", "…": no letter or digit

_SOCIAL = (
    r"facebook|twitter|x|whatsapp|wa|telegram|line|linkedin|pinterest|email|e-mail|copy\s+link|"
    r"salin\s+tautan|print|cetak"
)
_NOISE = re.compile(
    rf"""^(?:
        baca\s+(?:juga|pula)\b.* |
        (?:lihat|simak)\s+(?:juga|pula)\b.* |
        tinggalkan\s+(?:komentar|balasan)\b.* | leave\s+a\s+(?:comment|reply)\b.* |
        (?:\d+\s+)?komentar\s*(?:\(\d+\))?\s*:? | tulis\s+komentar\b.* | batalkan\s+balasan |
        cek\s+berita\s+dan\s+artikel\b.* |
        (?:ikuti|follow|gabung|bergabung|simak|dapatkan|download|unduh|klik)\b.{{0,200}}
            \b(?:google\s+news|whatsapp|telegram|channel|instagram|youtube|tiktok|aplikasi|app)\b.* |
        (?:share|bagikan)(?:\s+(?:this\s+article|this|artikel\s+ini|berita\s+ini|ke|on|via|to))?\s*:?
            (?:[\s,|/·•]*(?:{_SOCIAL}))*[\s,|/·•]* |
        (?:(?:facebook|twitter|whatsapp|telegram|linkedin|pinterest|copy\s+link|salin\s+tautan)
            [\s,|/·•]*){{2,10}} |
        (?:pewarta|editor|penulis|reporter|redaktur|penyunting|fotografer|pengirim|kontributor|
            uploader|diunggah\s+oleh|ditulis\s+oleh|dilaporkan\s+oleh)\s*:.{{0,200}} |
        (?:copyright|hak\s+cipta|all\s+rights\s+reserved)\b.{{0,200}} | .{{0,100}}©.{{0,150}} |
        sumber\s*:? |
        (?:tags?|tag\s+terkait|topik(?:\s+terkait)?|kata\s+kunci|keywords?)(?:\s*:.{{0,300}})? |
        (?:advertisement|iklan|sponsored|scroll\s+(?:to|untuk)\s+(?:continue|melanjutkan|lanjut)\b.*) |
        halaman(?:\s*:?\s*[\d\s»>«<]*|\s+(?:selanjutnya|berikutnya|sebelumnya)) |
        (?:selanjutnya|sebelumnya|next|previous|prev)\s*[»>«<]*
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
_GOOGLE_NEWS = re.compile(r"\bgoogle\s+news\b", re.IGNORECASE)
# "Artikel Sebelumnya" / "Artikel Berikutnya": the next line is one headline (or it follows a colon).
_PREV_NEXT = re.compile(
    r"^(?:(?:artikel|berita|post(?:ingan)?)\s+(?:sebelumnya|berikutnya|selanjutnya)|"
    r"(?:previous|next|older|newer)\s+(?:article|post|story))\s*(?::\s*(?P<rest>.*))?$",
    re.IGNORECASE,
)
# Headers of related-headline lists: the short title-case lines after them are noise.
_LIST_HEAD = re.compile(
    r"^(?:(?:berita|artikel)\s+(?:terkait|lainnya|terkini|terbaru|populer|pilihan)|rekomendasi(?:\s+berita)?|"
    r"baca\s+(?:juga|berita\s+lainnya)|terpopuler|paling\s+banyak\s+dibaca|pilihan\s+redaksi|"
    r"related\s+(?:posts?|articles?|news|stories)|more\s+stories|you\s+may\s+also\s+like|"
    r"(?:lihat|simak)\s+juga|populer|terkini|trending(?:\s+now)?)\s*:?$",
    re.IGNORECASE,
)
_TAGS = re.compile(
    r"^(?:tags?|tag\s+terkait|topik(?:\s+terkait)?|kata\s+kunci|keywords?)\s*:?$", re.IGNORECASE
)
_CREDIT_LINE = re.compile(
    r"^(?:pewarta|penulis|reporter|ditulis\s+oleh|dilaporkan\s+oleh)\s*:\s*(?P<name>.+)$", re.IGNORECASE
)
_CAPTION = re.compile(
    r"^(?:foto|photo|ilustrasi|keterangan\s+foto|caption)\s*:|sumber\s+foto\s*:|\(\s*foto\s*:|\bfoto\s*:\s*\S",
    re.IGNORECASE,
)
_BYLINE = re.compile(
    rf"^(?P<author>[^\[\]\n]{{2,60}}?){_SP}*{_DASH}{_SP}*\[(?P<outlet>[^\]\n]{{3,80}})\]"
    rf"\((?P<url>[^)\s]{{1,500}})\)(?:{_SP}*{_DASH}.{{0,60}})?$"
)
_BYLINE_PLAIN = re.compile(
    rf"^(?P<author>[^\W\d][\w .']{{1,50}}?){_SP}+{_DASH}{_SP}+(?P<outlet>[\w.\-]{{4,80}})$"
)
_BY = re.compile(r"^(?:oleh|by)\s*:?\s*(?P<author>[^\W\d][\w .,'\-]{1,60})$", re.IGNORECASE)

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
_STRICT_PLACE = re.compile(rf"{_PLACE_WORD}(?:{_SP}+(?:[A-Z(][\w.'’()]*)){{0,3}}")
# Words that open a body sentence (or a title) before a dash but are not places.
_NOT_PLACES = frozenset(
    """tni polri kpu kpud bawaslu panwaslu panwas pilkada pemilu tps ppk pps kpps dpr dprd brimob polres
    polresta polsek polda polrestabes kapolres kapolresta kapolsek kapolda wakapolres satpol pemkab pemkot
    pemprov forkopimda kodim koramil babinsa bhabinkamtibmas humas sat satgas ops operasi mabes jelang
    jaga wujudkan sambut cegah ciptakan amankan viral breaking update video foto berita""".split()
)
_TLDS = frozenset(
    """com net org info biz id co tv news online site xyz media today asia io web my or go ac sch live press
    pro top click link one network digital me us uk sg""".split()
)
_STAMP_WORDS = frozenset(
    """senin selasa rabu kamis jumat jum'at sabtu minggu ahad monday tuesday wednesday thursday friday
    saturday sunday mon tue wed thu fri sat sun wib wita wit utc gmt pukul jam pada diposting dipublikasikan
    diterbitkan diperbarui diupdate terbit update updated published posted on at am pm tanggal tgl""".split()
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


@dataclass(slots=True)
class _Line:
    start: int
    end: int
    text: str
    clean: str  # markup, escapes, bullets and spacing removed; "" for lines too long to be noise


def _clean(s: str, lead: re.Pattern[str] = _LEAD) -> str:
    s = _UNESCAPE.sub(r"\1", s[:MAX_NOISE_LINE])
    s = _MDLINK.sub(r"\1", s)
    s = _TRAIL.sub("", lead.sub("", s))
    s = s.replace("**", "").replace("__", "")
    return " ".join(s.split())


def _lines(text: str) -> list[_Line]:
    out = []
    pos = 0
    for raw in text.split("\n"):
        end = pos + len(raw)
        out.append(_Line(pos, end, raw, _clean(raw) if len(raw) <= MAX_NOISE_LINE else ""))
        pos = end + 1
    return out


def _key(s: str) -> str:
    """Comparison form: case, punctuation and spacing ignored (an emphasised copy equals the title)."""
    return " ".join(re.sub(r"[\W_]+", " ", s.casefold()).split())


def _is_separator(line: str) -> bool:
    s = line.strip()
    return 0 < len(s) <= 12 and bool(_SEPARATOR.match(s))


def _is_domain(s: str) -> bool:
    host = s.lower().strip(".")
    m = re.fullmatch(r"(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+([a-z]{2,12})", host)
    return m is not None and m.group(1) in _TLDS and any(len(p) >= 3 for p in host.split("."))


def outlet_name(s: str) -> str | None:
    """A readable, consistent outlet: a lower-case domain ("medialampung.co.id") or the name as given."""
    s = " ".join(str(s).split()).strip(" []()<>|:,;-–—\"'")
    s = re.sub(r"^(?:https?:)?//", "", s, flags=re.IGNORECASE)
    host = s.split("/", 1)[0]
    if _is_domain(host):
        return host.lower().strip(".").removeprefix("www.")
    return s[:80] or None


def _place(s: str, org_ok: bool = False) -> str | None:
    """A dateline place, title-cased if written in one case: "BENGKULU SELATAN (BS)" → "Bengkulu Selatan"."""
    s = re.sub(r"\([^)]*\)", " ", s)
    s = " ".join(s.replace("\u00a0", " ").split()).strip(" ,.;:-–—*_")
    if len(s) < 3 or not any(c.isalpha() for c in s):
        return None
    words = [w.lower() for w in s.split()]
    if all(w in _NOT_PLACES for w in words) or (not org_ok and words[0] in _NOT_PLACES):
        return None  # "TNI -", "Jelang Pilkada –": not a place (a unit in capitals, "POLSEK X --", is)
    if s.isupper() or s.islower():
        s = " ".join(w[:1].upper() + w[1:].lower() for w in s.split())
    return s


def _dateline(line: str, strict: bool = False) -> tuple[str | None, str | None]:
    """(place, outlet) from the opening of the body: "PESBAR, MEDIALAMPUNG.CO.ID -",
    "Gerbangkaltim.com, Bontang –", "Jakarta (ANTARA) -", "BUNGORO–", "PURWAKARTA -".

    ``strict`` (for a line that may be the title) accepts only the forms that name an outlet.
    """
    head = _LEAD.sub("", line[:200]).replace("**", "").replace("__", "")
    m = _AGENCY.match(head)
    if m:
        agency = " ".join(m.group("agency").split())
        place = _place(m.group("place")) if m.group("place") else None
        initials = "".join(w[0] for w in (m.group("place") or "").split()).upper()
        if place and (agency.upper() == initials or len(agency) <= 3):
            return place, None  # "BENGKULU SELATAN (BS) -": an abbreviation, not an agency
        return place, outlet_name(agency)
    m = _PAIR.match(head)
    if m:
        a, b = m.group("a").strip(" *_\u00a0"), m.group("b").strip(" *_\u00a0")
        if _is_domain(a.split("/")[0]):
            return _place(b), outlet_name(a)
        if _is_domain(b.split("/")[0]):
            return _place(a), outlet_name(b)
        spaced = m.group("after") in " \u00a0"
        if not strict and spaced and _STRICT_PLACE.fullmatch(a) and len(b.split()) <= 4:
            return _place(a), None  # "JAKARTA, Senin (25/11) -": the place, then a date or name
    if strict:
        return None, None
    m = _CAPS.match(head)
    if m and (m.group("before") or m.group("dash") == "--" or m.group("after") in ("", " ", "\u00a0")):
        place = _place(m.group("place"), org_ok=" " in m.group("place").strip())
        if place and sum(c.isalpha() for c in place) >= 3:
            return place, None
    m = _TITLED.match(head)
    if m:
        return _place(m.group("place")), None
    return None, None


def _safe(fn: Callable[[str], str | None], s: str | None) -> str | None:
    """Call a helper from another module without letting its failure break totality."""
    if not s:
        return None
    try:
        return fn(s)
    except Exception:  # noqa: BLE001 - parse_article must be total whatever a helper does
        return None


def _timestamp(clean: str) -> str | None:
    """ISO value of a line that is only a publication timestamp ("Oct 7, 2024 - 15:35")."""
    if not clean or len(clean) > 70 or not any(c.isdigit() for c in clean):
        return None
    rest = re.sub(r"^[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2},\s*(?=\w)", "", clean)  # "Kota X, 23 Sep…"
    words = re.findall(r"[^\W\d_]+(?:'[^\W\d_]+)?", rest)
    unknown = [w for w in words if w.lower() not in _STAMP_WORDS and not _safe(_month, w)]
    if len(unknown) > 1 or sum(map(len, unknown)) > 10:
        return None
    return _safe(normalise_published, clean)


def _month(word: str) -> str | None:
    n = month_number(word)
    return str(n) if n else None


def _person(s: str) -> str | None:
    """A name from a credit ("Budi Santoso | Editor: Ani" → "Budi Santoso")."""
    s = re.split(r"\s*(?:[|/;,(]|\s[-–—]\s|\beditor\b|\bfoto\b)", s, maxsplit=1, flags=re.IGNORECASE)[0]
    s = " ".join(s.strip(" *_.:").split())
    return s[:60] if any(c.isalpha() for c in s) else None


def _short_title(s: str) -> str:
    s = " ".join(s.split())
    if len(s) <= TITLE_MAX:
        return s
    cut = s[:TITLE_MAX].rsplit(" ", 1)[0] or s[:TITLE_MAX]
    return cut.rstrip(" ,;:-") + "…"


def _lead_title(s: str) -> str:
    """A stand-in title from the opening sentence of a body, at most ~120 characters."""
    m = re.match(r"(.{20,}?[.!?])(?:\s|$)", s[:400])
    s = m.group(1) if m else s[:400]
    if not any(c.isalnum() for c in s):
        return ""
    if len(s) <= 120:
        return s
    return (s[:120].rsplit(" ", 1)[0] or s[:120]).rstrip(" ,;:-") + "…"


def _prose(clean: str) -> bool:
    """A sentence of body text: several words ending in a full stop (not a "..." cut headline)."""
    return len(clean.split()) >= 6 and bool(re.search(r"[^.][.!?][\"”’']?$", clean))


def _headline_like(clean: str) -> bool:
    """A short line most of whose words are capitalised, as headlines in lists are."""
    words = [w for w in re.findall(r"[^\W_]+", clean) if len(w) > 2]
    if not words or len(clean) > 160:
        return False
    caps = sum(1 for w in words if w[0].isupper() or w[0].isdigit())
    return caps >= 0.5 * len(words)


def parse_article(raw: RawDoc) -> ParsedArticle:
    """Find an article's parts in ``raw.text``; never raises."""
    text = str(raw.text or "").replace("\r\n", "\n").replace("\r", "\n")
    meta = {k: " ".join(str(v).split()) or None for k, v in (raw.meta or {}).items() if v is not None}
    lines = _lines(text)
    nonblank = [i for i, ln in enumerate(lines) if ln.text.strip()]
    marked: set[int] = set()

    title = _short_title(meta.get("title") or "")
    raw_outlet = meta.get("outlet")
    outlet = outlet_name(raw_outlet) if raw_outlet else None
    author = meta.get("author")
    url = meta.get("url")
    published = _safe(normalise_published, meta.get("published"))
    found: dict[str, str | None] = {"author": None, "outlet": None, "url": None}
    heading_outlet: str | None = None

    # -- the head: site heading, title, repeats, byline, timestamp, caption ----------------------
    head = nonblank[:HEAD_LINES]
    if (
        len(head) >= 2
        and re.match(r"^#(?!#)", lines[head[0]].text.strip())
        and lines[head[1]].text.lstrip().startswith("##")
        and 0 < len(lines[head[0]].clean) <= 60
    ):
        heading_outlet = lines[head[0]].clean  # "# NGO" then "## Title": the site's name
        marked.add(head[0])
        head = head[1:]
    title_idx: int | None = None
    title_keys = {_key(title)} - {""}
    body_from: int | None = None
    for i in head:
        ln = lines[i]
        c = ln.clean
        if _is_separator(ln.text):
            marked.add(i)  # "--", "***": a bare separator
            continue
        bare = _TRAIL.sub("", _LEAD.sub("", ln.text[:MAX_NOISE_LINE]))
        m = _BYLINE.match(bare)
        if m is None and title_idx is not None:
            plain = _BYLINE_PLAIN.match(c)
            m = plain if plain and _is_domain(plain.group("outlet")) else None
        if m is not None:
            found["author"] = found["author"] or _person(m.group("author"))
            found["outlet"] = found["outlet"] or outlet_name(m.group("outlet"))
            if "url" in m.groupdict():
                found["url"] = found["url"] or m.group("url")
            marked.add(i)
            continue
        m = _BY.match(c)
        if m and title_idx is not None:
            found["author"] = found["author"] or _person(m.group("author"))
            marked.add(i)
            continue
        stamp = _timestamp(c)
        if stamp:
            published = published or stamp
            marked.add(i)
            continue
        if c and _NOISE.match(c):
            continue  # marked in the pass below
        key = _key(c)
        if title_idx is None:
            if len(ln.text) > 300 or _dateline(ln.text, strict=len(ln.text) < 150) != (None, None):
                body_from = i  # no title line: the text opens with its body
                break
            if not title_keys or any(key.startswith(k) for k in title_keys):
                title_idx = i
                title = title or _short_title(_clean(ln.text, _LEAD_MD))
                title_keys.add(key)
                continue
            body_from = i  # a metadata title that the text does not repeat: this is the body
            break
        if key and key in title_keys:
            marked.add(i)  # the title again (often as an emphasised copy)
            continue
        if c and _CAPTION.search(c) and len(c) <= 300:
            marked.add(i)
            continue
        if len(c) > 40 or not c:
            body_from = i
            break
    if body_from is None:
        after = [i for i in nonblank if i not in marked and (title_idx is None or i > title_idx)]
        body_from = after[0] if after else None

    # -- dateline: the place (and often the outlet) opening the body ----------------------------
    dateline: str | None = None
    dateline_idx: int | None = None
    if body_from is not None:
        for i in [i for i in nonblank if i >= body_from and i not in marked][:3]:
            place, agency = _dateline(lines[i].text)
            if place or agency:
                dateline, dateline_idx = place, i
                found["outlet"] = found["outlet"] or agency
                break
    if not title and body_from is not None:
        # no separate title line: the opening of the body stands in for one
        first = lines[body_from].text[:1000]
        if dateline_idx == body_from:
            first = re.sub(rf"^.{{0,120}}?{_DASH}{_SP}*", "", first, count=1)
        title = _lead_title(_clean(first, _LEAD_MD)) if first.strip() else ""

    # -- boilerplate anywhere --------------------------------------------------------------------
    credit_author: str | None = None
    prev_key: str | None = None
    prev_i: int | None = None
    for pos, i in enumerate(nonblank):
        ln = lines[i]
        c = ln.clean
        if i == title_idx or i == dateline_idx or not c:
            if i != title_idx and _is_separator(ln.text):
                marked.add(i)
            prev_key, prev_i = (_key(c), i) if i == title_idx else (None, None)
            continue
        key = _key(c)
        # a short line printed twice in a row ("Polres Purwakarta" / "Polres Purwakarta"): tag links
        if key and key == prev_key and prev_i is not None and prev_i != title_idx and len(c) <= 80:
            marked.update((prev_i, i))
        prev_key, prev_i = key, i
        m = _PREV_NEXT.match(c)
        if m:
            marked.add(i)
            if pos + 1 < len(nonblank) and not m.group("rest"):
                j = nonblank[pos + 1]
                cj = lines[j].clean
                if cj and len(cj) <= 160 and not (_LIST_HEAD.match(cj) or _PREV_NEXT.match(cj)):
                    marked.add(j)  # the headline of the previous / next article
            continue
        is_tags = bool(_TAGS.match(c))
        if is_tags or _LIST_HEAD.match(c):
            marked.add(i)
            _mark_list(lines, nonblank, pos, marked, tags=is_tags)
            continue
        if _NOISE.match(c) or (_GOOGLE_NEWS.search(c) and len(c) <= 150):
            marked.add(i)
            m = _CREDIT_LINE.match(c)
            if m and credit_author is None:
                credit_author = _person(m.group("name"))
            continue
        if _CAPTION.search(c) and len(c) <= 250:
            marked.add(i)

    marked -= {i for i in (title_idx, dateline_idx) if i is not None}
    author = author or found["author"] or credit_author
    outlet = outlet or found["outlet"] or (outlet_name(heading_outlet) if heading_outlet else None)
    url = url or found["url"]
    noise = [Span(lines[i].start, lines[i].end, lines[i].text) for i in sorted(marked)]
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


def _mark_list(lines: list[_Line], nonblank: list[int], pos: int, marked: set[int], tags: bool) -> None:
    """Mark the lines a list header introduces: headlines after "Rekomendasi berita", tags after "Tags".

    A run of short lines reaching the end of the text (or more boilerplate) is all footer; a run
    followed by body text is marked only as far as it looks like headlines.
    """
    run: list[int] = []
    k = pos + 1
    while k < len(nonblank):  # by index: slicing per header would be quadratic on hostile input
        cj = lines[nonblank[k]].clean
        if not cj or len(cj) > (60 if tags else 160) or _LIST_HEAD.match(cj) or _PREV_NEXT.match(cj):
            break
        if _TAGS.match(cj):
            break
        run.append(nonblank[k])
        k += 1
    after = lines[nonblank[k]] if k < len(nonblank) else None
    footer = (
        after is None
        or _is_separator(after.text)
        or bool(after.clean and (_LIST_HEAD.match(after.clean) or _TAGS.match(after.clean)))
        or bool(after.clean and (_NOISE.match(after.clean) or _PREV_NEXT.match(after.clean)))
    )
    for j in run:
        cj = lines[j].clean
        if not (_headline_like(cj) or ((footer or tags) and not _prose(cj))):
            break
        marked.add(j)
