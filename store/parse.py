"""An article's parts, found in text copied from news pages: title, outlet, byline, dateline,
publication date, and the boilerplate lines (noise) that are dimmed in the reader.

The text is never changed: everything found here is a field or a span over it, so offsets stay
valid. The parser is total: any string gives a result without raising.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .dates import normalise_published
from .formats import RawDoc
from .model import Span

HEAD_LINES = 14  # where title, byline, timestamp and caption lines may be

_DASH = r"[\-–—‒]"
_SP = r"[ \t\u00a0]"
_NOISE = re.compile(
    r"""^(?:
        baca\s+(?:juga|pula)\b.* |
        (?:lihat|simak)\s+juga\s*:.* |
        tinggalkan\s+(?:komentar|balasan).* |
        cek\s+berita\s+dan\s+artikel.* |
        .*\bgoogle\s+news\b.* |
        (?:ikuti|follow)\s+(?:kami|us|juga)\b.* |
        download\s+(?:aplikasi|app)\b.* |
        (?:share|bagikan)(?:\s+(?:this\s+article|artikel\s+ini|berita\s+ini))?\s*:?.{0,40} |
        (?:pewarta|editor|penulis|reporter|redaktur|penyunting|fotografer|pengirim|kontributor)\s*:.* |
        (?:copyright|hak\s+cipta)\b.* | ©.* |
        sumber\s*:?\s* |
        -{2,}\s* | \*{3,}\s* |
        (?:tags?|tag\s+terkait|topik)\s*:?.{0,200} |
        (?:advertisement|iklan|scroll\s+to\s+continue.*|scroll\s+untuk\s+melanjutkan.*)
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
_RELATED = re.compile(
    r"^(?:artikel\s+sebelumnya|artikel\s+berikutnya|berita\s+terkait|rekomendasi\s+berita|berita\s+lainnya|"
    r"baca\s+berita\s+lainnya|terpopuler|berita\s+populer|related\s+(?:posts?|articles?)|more\s+stories)\s*:?$",
    re.IGNORECASE,
)
_CAPTION = re.compile(
    r"(?:sumber\s+foto|foto\s*:|\(foto|/foto|ilustrasi\s*:|foto\s+ilustrasi)", re.IGNORECASE
)
_BYLINE = re.compile(
    rf"^(?P<author>[^\[\]\n]{{2,60}}?){_SP}*{_DASH}{_SP}*\[(?P<outlet>[^\]\n]{{3,80}})\]\((?P<url>[^)\s]+)\)\s*$"
)
_CREDIT = re.compile(r"^(?:oleh|by)\s*:?\s*(?P<author>[A-Z][\w .']{2,50})$", re.IGNORECASE)
_AGENCY = re.compile(
    rf"^{_SP}*(?P<place>[A-Z][\w .'’]{{1,40}}?){_SP}*\((?P<agency>[A-Za-z][\w .]{{1,30}})\){_SP}*{_DASH}"
)
_PAIR = re.compile(rf"^{_SP}*(?P<a>[^,\n–—]{{2,60}}?),{_SP}*(?P<b>[^,\n–—]{{2,70}}?){_SP}*{_DASH}(?:{_SP}|$)")
_CAPS = re.compile(rf"^{_SP}*(?P<place>[A-Z][A-Z .'’]{{1,40}}?)(?:{_SP}*\([A-Z]{{1,10}}\))?{_SP}*{_DASH}")
_DOMAIN = re.compile(
    r"^[\w\-]+(?:\.[\w\-]+)*\.(?:com|id|net|org|co|info|news|web|tv|my\.id)(?:\.[a-z]{2,3})?$", re.IGNORECASE
)
_EMPHASIS = re.compile(r"^[\s#>*_\\•·\-]+|[\s*_\\]+$")
_LINE_DATE = re.compile(r"\d")


@dataclass(slots=True)
class ParsedArticle:
    title: str
    text: str
    outlet: str | None = None
    author: str | None = None
    url: str | None = None
    published: str | None = None
    dateline: str | None = None
    noise: list[Span] = field(default_factory=list)


@dataclass(slots=True)
class _Line:
    start: int
    end: int
    text: str

    @property
    def clean(self) -> str:
        return _EMPHASIS.sub("", self.text).strip()


def _lines(text: str) -> list[_Line]:
    out = []
    pos = 0
    for raw in text.split("\n"):
        out.append(_Line(pos, pos + len(raw), raw))
        pos += len(raw) + 1
    return out


def _norm(s: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", s.lower()).split())


def _outlet_name(s: str) -> str:
    s = s.strip().strip("[]()").strip()
    s = re.sub(r"^https?://", "", s, flags=re.IGNORECASE).rstrip("/")
    return s.lower() if _DOMAIN.match(s) else s


def _place_name(s: str) -> str:
    s = re.sub(r"\s*\([^)]*\)\s*", " ", s).strip(" ,.-–—\u00a0")
    return s.title() if s.isupper() or s.islower() else s


_TITLED = re.compile(rf"^{_SP}*(?P<place>[A-Z][a-z]+(?:{_SP}[A-Z][a-z]+){{0,2}}){_SP}+{_DASH}{_SP}")


def _dateline(line: str) -> tuple[str | None, str | None]:
    """(place, outlet) from the opening of the body, e.g. "PESBAR, MEDIALAMPUNG.CO.ID -"."""
    line = line.replace("**", "").replace("__", "")
    m = _AGENCY.match(line)
    if m:
        return _place_name(m.group("place")), m.group("agency").strip().upper()
    m = _PAIR.match(line)
    if m:
        a, b = m.group("a").strip(), m.group("b").strip()
        if _DOMAIN.match(a) or (a.isupper() and "." in a):
            return _place_name(b), _outlet_name(a)
        if _DOMAIN.match(b) or (b.isupper() and "." in b):
            return _place_name(a), _outlet_name(b)
    m = _CAPS.match(line)
    if m and len(m.group("place").strip()) >= 3:
        return _place_name(m.group("place")), None
    m = _TITLED.match(line)
    if m:
        return m.group("place"), None
    return None, None


def _is_timestamp(line: str) -> str | None:
    clean = line.strip(" *_|")
    if not clean or len(clean) > 60 or not _LINE_DATE.search(clean):
        return None
    value = normalise_published(clean)
    if value is None:
        return None
    leftover = re.sub(r"[\d:.,/\-–—|()\s]", "", clean)
    return value if len(leftover) <= 22 else None


def parse_article(raw: RawDoc) -> ParsedArticle:
    """Find an article's parts in ``raw.text`` (newlines already normalised by decoding)."""
    text = raw.text.replace("\r\n", "\n").replace("\r", "\n")
    meta = raw.meta or {}
    lines = _lines(text)
    noise: list[Span] = []
    marked: set[int] = set()

    def mark(i: int) -> None:
        ln = lines[i]
        if i not in marked and ln.text.strip():
            marked.add(i)
            noise.append(Span(ln.start, ln.end, ln.text))

    outlet = meta.get("outlet")
    author = meta.get("author")
    url = meta.get("url")
    published = normalise_published(meta.get("published"))
    title = (meta.get("title") or "").strip()

    nonblank = [i for i, ln in enumerate(lines) if ln.text.strip()]
    head = nonblank[:HEAD_LINES]
    title_idx: int | None = None
    heading_outlet: str | None = None
    # "# Outlet" site heading followed by "## Title"
    if (
        len(head) >= 2
        and re.match(r"^#\s", lines[head[0]].text.strip())
        and lines[head[1]].text.lstrip().startswith("##")
    ):
        heading_outlet = lines[head[0]].clean or None
        mark(head[0])
        head = head[1:]
    for i in head:
        clean = lines[i].clean
        if clean:
            if not title:
                title = clean
            title_idx = i
            break
    title = title[:500]
    ntitle = _norm(title)
    body_start: int | None = None
    for i in head:
        if i == title_idx:
            continue
        ln = lines[i]
        clean = ln.clean
        if ntitle and _norm(clean) == ntitle:
            mark(i)  # the title repeated (often emphasised)
            continue
        m = _BYLINE.match(clean) or _BYLINE.match(ln.text.strip())
        if m:
            author = author or m.group("author").strip()
            outlet = outlet or _outlet_name(m.group("outlet"))
            url = url or m.group("url")
            mark(i)
            continue
        m = _CREDIT.match(clean)
        if m and len(clean) < 60:
            author = author or m.group("author").strip()
            mark(i)
            continue
        stamp = _is_timestamp(ln.text)
        if stamp:
            published = published or stamp
            mark(i)
            continue
        if _CAPTION.search(clean) and len(clean) < 300 and body_start is None:
            mark(i)
            continue
        if _NOISE.match(clean):
            continue  # handled below
        if body_start is None and len(clean) > 40:
            body_start = i
            break
    dateline = None
    if body_start is not None:
        for i in [j for j in nonblank if j >= body_start][:3]:
            place, agency = _dateline(lines[i].text)
            if place:
                dateline = place
                if agency and not outlet:
                    outlet = agency
                break
    outlet = outlet or heading_outlet
    # boilerplate anywhere
    related_from: int | None = None
    for i in nonblank:
        clean = lines[i].clean
        if _RELATED.match(clean):
            mark(i)
            nxt = [j for j in nonblank if j > i]
            if nxt and len(lines[nxt[0]].clean) < 150 and not _RELATED.match(lines[nxt[0]].clean):
                mark(nxt[0])  # the headline after "Artikel Sebelumnya"
            if related_from is None and all(len(lines[j].clean) < 150 for j in nxt):
                related_from = i
        elif _NOISE.match(clean) or _NOISE.match(lines[i].text.strip()):
            mark(i)
    if related_from is not None:
        for j in nonblank:
            if j > related_from:
                mark(j)
    if outlet:
        outlet = _outlet_name(outlet) if isinstance(outlet, str) else None
    noise.sort(key=lambda s: s.start)
    return ParsedArticle(
        title=title,
        text=text,
        outlet=outlet or None,
        author=(author or None),
        url=url or None,
        published=published,
        dateline=dateline,
        noise=noise,
    )
