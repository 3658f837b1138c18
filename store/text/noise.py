"""Boilerplate lines of copied news pages: "Baca juga", share rows, credits, tags, related
headline lists, captions, and the site chrome above a headline (menus, tickers, mastheads).

Everything here classifies whole lines; :mod:`store.text.parse` turns the verdicts into noise
spans. The patterns are written for the shapes pages take (one table per shape), not for any
one outlet.
"""

from __future__ import annotations

import re
from itertools import accumulate, compress, count, repeat
from operator import add

MAX_NOISE_LINE = 400  # noise lines are short; longer lines are body text and are not classified

_UNESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
LEAD_MD = re.compile(r"^[\s#>*_•·▪●◦‣∙|]+")  # markdown heading/emphasis/quote marks, bullets
# ... and, for classifying a line only, stray CMS tags before it ("[/i]Editor: …")
LEAD = re.compile(r"^(?:[\s#>*_•·▪●◦‣∙|]+|\[/?[a-z][^\]\n]{0,40}\])+", re.IGNORECASE)
TRAIL = re.compile(r"[\s*_|]+$")
_MDLINK = re.compile(r"\[([^\]\n]{1,300})\]\([^)\s]{1,500}\)")
_SEPARATOR = re.compile(r"^[\W_]{1,12}$")  # "--", "***", "• • •", "…": no letter or digit
_NON_WORD = re.compile(r"[\W_]+")
_WORDS = re.compile(r"[^\W_]+")

_SOCIAL = (
    r"facebook|twitter|x|whatsapp|wa|telegram|line|linkedin|pinterest|email|e-mail|copy\s+link|"
    r"salin\s+(?:tautan|link)|print|cetak|f|in|✉"
)
NOISE = re.compile(
    rf"""^(?:
        baca\s+(?:juga|pula)\b.* |
        (?:lihat|simak)\s+(?:juga|pula)\b.* |
        tinggalkan\s+(?:komentar|balasan)\b.* | leave\s+a\s+(?:comment|reply)\b.* |
        (?:\d+\s+)?komentar\s*(?:\(\d+\))?\s*:? | tulis\s+komentar\b.* | batalkan\s+balasan |
        cek\s+berita\s+dan\s+artikel\b.* |
        (?:ikuti|follow|gabung|bergabung|simak|dapatkan|download|unduh|klik)\b.{{0,200}}
            \b(?:google\s+news|whatsapp|telegram|channel|instagram|youtube|tiktok|aplikasi|app)\b.* |
        (?:izinkan|aktifkan|nyalakan)\s+notifikasi\b.{{0,200}} | allow\s+notifications?\b.{{0,200}} |
        (?:dapatkan|terima)\s+(?:update|notifikasi|informasi)\s+berita\b.{{0,200}} |
        artikel\s+ini\s+(?:telah\s+)?(?:tayang|ditayangkan|dimuat|terbit)\b.{{0,300}} |
        (?:share|bagikan)(?:\s+(?:this\s+article|this|artikel\s+ini|berita\s+ini|ke|on|via|to))?\s*:?
            (?:[\s,|/·•]*(?:{_SOCIAL}))*[\s,|/·•]* |
        (?:(?:facebook|twitter|whatsapp|telegram|linkedin|pinterest|copy\s+link|salin\s+tautan)
            [\s,|/·•]*){{2,10}} |
        (?:pewarta|editor|penulis|reporter|redaktur|penyunting|fotografer|pengirim|kontributor|
            uploader|diunggah\s+oleh|ditulis\s+oleh|dilaporkan\s+oleh)\s*:.{{0,200}} |
        (?:copyright|hak\s+cipta|all\s+rights\s+reserved)\b.{{0,200}} | .{{0,100}}©.{{0,150}} |
        sumber\s*:? |
        (?:tags?|tag\s+terkait|topik(?:\s+terkait)?|kata\s+kunci|keywords?|kategori|categor(?:y|ies)|rubrik)
            (?:\s*:.{{0,300}})? |
        (?:advertisement|advertorial|iklan|sponsored) |
        scroll\s+(?:to|untuk)\s+(?:continue|melanjutkan|lanjut)\b.* |
        iklan\s+(?:layanan\s+masyarakat|ucapan|sponsor)\b.{{0,200}} |
        halaman(?:\s*:?\s*[\d\s»>«<]*|\s+(?:selanjutnya|berikutnya|sebelumnya)) |
        (?:selanjutnya|sebelumnya|next|previous|prev)\s*[»>«<]*
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
GOOGLE_NEWS = re.compile(r"\bgoogle\s+news\b", re.IGNORECASE)
# "Artikel Sebelumnya" / "Artikel Berikutnya": the next line is one headline (or it follows a colon).
PREV_NEXT = re.compile(
    r"^(?:(?:artikel|berita|post(?:ingan)?)\s+(?:sebelumnya|berikutnya|selanjutnya)|"
    r"(?:previous|next|older|newer)\s+(?:article|post|story))\s*(?::\s*(?P<rest>.*))?$",
    re.IGNORECASE,
)
# Headers of related-headline lists: the short title-case lines after them are noise.
LIST_HEAD = re.compile(
    r"^(?:(?:berita|artikel)\s+(?:terkait|lainnya|terkini|terbaru|populer|pilihan)|rekomendasi(?:\s+berita)?|"
    r"(?:berita|artikel)(?:\s+[\w\-]+){1,2}\s+lainnya|"  # "Berita Wonosobo Lainnya"
    r"baca\s+(?:juga|berita\s+lainnya)|baca\s+artikel\s+.{1,40}\s+lainnya|terpopuler|paling\s+banyak\s+dibaca|"
    r"pilihan\s+redaksi|related\s+(?:posts?|articles?|news|stories)|more\s+stories|you\s+may\s+also\s+like|"
    r"(?:lihat|simak)\s+juga|populer|terkini|trending(?:\s+now)?|"
    r"bacaan\s+lainnya|(?:pos|postingan|tulisan|konten)\s+terkait|jangan\s+lewatkan)\s*:?$",
    re.IGNORECASE,
)
TAGS = re.compile(
    r"^(?:tags?|tag\s+terkait|topik(?:\s+terkait)?|kata\s+kunci|keywords?)\s*:?$", re.IGNORECASE
)
# Whether a line can be any of PREV_NEXT, TAGS, LIST_HEAD or NOISE: one match that fails at once
# for a line of body text, instead of four.
BOILERPLATE = re.compile(
    "|".join(f"(?{'ix' if p.flags & re.VERBOSE else 'i'}:{p.pattern})"
             for p in (PREV_NEXT, TAGS, LIST_HEAD, NOISE))
)
# The first three letters of every line the four can match (their opening words, lower-cased),
# besides a digit ("12 komentar") or a "©" anywhere: a line opening otherwise is none of them.
_OPENERS = frozenset(w[:3] for w in """
    artikel berita post postingan previous next older newer prev tag tags topik kata keyword keywords
    rekomendasi baca terpopuler paling pilihan related more you lihat simak populer terkini trending
    tinggalkan leave komentar tulis batalkan cek ikuti follow gabung bergabung dapatkan download unduh klik
    izinkan aktifkan nyalakan allow terima share bagikan facebook twitter whatsapp telegram linkedin
    pinterest copy salin pewarta editor penulis reporter redaktur penyunting fotografer pengirim kontributor
    uploader diunggah ditulis dilaporkan copyright hak all sumber advertisement advertorial iklan sponsored
    scroll halaman selanjutnya sebelumnya kategori category categories rubrik bacaan tulisan konten
    jangan""".split())


def is_boilerplate(c: str) -> bool:
    """``BOILERPLATE.match(c)``, answered without the regex for most lines of body text (the
    regex tries each of ~80 openings in turn). Non-ASCII openings go to the regex: case-blind
    matching folds a few of them to ASCII letters ("K", "ſ", "İ", "ı")."""
    head = c[:3]
    if head.isascii() and "©" not in c and head.lower() not in _OPENERS and not head[:1].isdigit():
        return False
    return BOILERPLATE.match(c) is not None


CREDIT_LINE = re.compile(
    r"^(?:pewarta|penulis|reporter|ditulis\s+oleh|dilaporkan\s+oleh)\s*:\s*(?P<name>.+)$", re.IGNORECASE
)
CAPTION = re.compile(
    r"^(?:foto|photo|ilustrasi|keterangan\s+foto|caption)\s*:|sumber\s+foto\s*:|\(\s*foto\s*:|\bfoto\s*:\s*\S",
    re.IGNORECASE,
)
# what a caption line holds besides its picture: a credit in brackets ("(Foto: Humas Polres X)"), a
# trailing credit ("Foto: Nama/Outlet"), a leading label ("Foto:", "KETERANGAN FOTO:")
_CAPTION_CREDITS = re.compile(
    r"\(\s*(?:foto|photo|sumber\s+foto|dok\.?|ist\.?|istimewa)\b[^)]*\)"
    r"|(?<=[.,])\s*(?:foto|photo|sumber\s+foto)\s*:[^.]{0,80}$"
    r"|(?<=\.)\s+[^.\s]*/[^.]{0,60}$|\([^()]*/[^()]*\)\s*$"  # "ANTARA/HO-Polres X", "(Nama/outlet.news)"
    r"|^\s*(?:foto|photo|keterangan\s+foto|caption)\s*:",
    re.IGNORECASE,
)


def _told(rest: str) -> bool:
    """A sentence telling something: five words or more, ending in a stop, some lower-case."""
    words = rest.split()
    return len(words) >= 5 and ends_sentence(rest.rstrip(" ,;")) and any(w.islower() for w in words)


def credit_only(c: str) -> bool:
    """Whether a line ``CAPTION`` matches is only a photo's credit or label ("Foto: Humas Polres X",
    "Penulis: X | Foto: Dok. Y"), not a caption: a caption tells what the picture shows in a
    sentence of its own ("Kapolres X memeriksa pasukan di Y, Senin. (Foto: Humas Polres X)") and is
    annotated like body text (the annotation guidelines; its credit is no entity)."""
    return not _told(_CAPTION_CREDITS.sub(" ", c).strip())


def caption(c: str) -> bool:
    """A photo caption: a sentence closed (or opened) by its credit or label, never a headline (one
    in capitals too: "TIM JIBOM MENYISIR BALLROOM SEBELUM DEBAT. (IST/HUMAS POLRES X)")."""
    rest, n = _CAPTION_CREDITS.subn(" ", c)
    rest = rest.strip()
    return n > 0 and (_told(rest) or (rest.isupper() and _told(rest.lower())))

# -- site chrome above a headline ------------------------------------------------------------------
# One-word controls, relative times, reading times, view counts, audio players, tickers.
CHROME = re.compile(
    r"""^(?:
        notifi(?:cation|kasi)s? | menu | [×✕☰≡🔍]+(?:\s*menu)? | search | cari(?:\s+berita)?\.*
        | login | masuk | daftar | log\s+in | sign\s+in | register | beranda | home | indeks(?:\s+berita)?
        | (?:login|masuk)\s*[|/]\s*(?:daftar|register)
        | \d+\s+(?:detik|menit|jam|hari|minggu|pekan|bulan|tahun|seconds?|minutes?|hours?|days?|weeks?
            |months?)\s+(?:yang\s+)?(?:lalu|ago)
        | (?:waktu\s+baca\s*:?\s*\d+\s+menit|\d+\s+menit\s+(?:baca|membaca)|\d+\s+min(?:ute)?s?\s+read)
        | dibaca\s*:?\s*[\d.,]+(?:\s*kali)? | [\d.,]+\s+(?:kali\s+dibaca|views?|dilihat)
        | (?:[▶►]\s*)?(?:dengarkan|putar)\s+(?:artikel|berita|audio)\b.{0,40}
        | listen\s+to\s+(?:this\s+)?article.{0,20}
        | (?:breaking\s+news|trending(?:\s+now)?|hot\s+news|news\s+ticker|flash\s+news)\b.{0,400}
        | (?:headlines?|terkini|populer|terpopuler)\s*:.{0,400}
        | .{0,200}\+\+\+.{0,200}
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
# Items of a menu, breadcrumb or ticker: "Home  Daerah  Politik", "Beranda » Hukum » Polri".
_MENU_SPLIT = re.compile(r"\s{2,}|\s*[|•·›»>/]\s*|\s[-–—]\s")


def clean(s: str, lead: re.Pattern[str] = LEAD) -> str:
    s = _UNESCAPE.sub(r"\1", s[:MAX_NOISE_LINE])
    s = _MDLINK.sub(r"\1", s)
    s = TRAIL.sub("", lead.sub("", s))
    s = s.replace("**", "").replace("__", "")
    return " ".join(s.split())


# markdown's own marks inside lines: a backslash escape ("\\*"), emphasis ("**Polres X**",
# "*Kapolsek X,*", "__x__"), a heading's hashes, a link's brackets and address. A page copied as
# markdown adds them to the words; the reader dims them (noise to dim, DOMAIN), the text keeps
# them (every offset stays). A lone "*" between words ("2*3") or before a space (a bullet) is no mark.
_INLINE_MARKUP = re.compile(
    r"\\[\\`*_{}\[\]()#+\-.!|>~]"
    r"|(?<![\w*\\])\*{1,3}(?=[^\s*])|(?<=[^\s*\\])\*{1,3}(?![\w*])"
    r"|(?<![\w_])__(?=[^\s_])|(?<=[^\s_])__(?![\w_])"
    r"|^\#{1,6}[ \t]+"
    r"|\[(?=[^\]\n]{1,300}\]\([^)\s]{1,500}\))|\]\([^)\s]{1,500}\)",
    re.MULTILINE,
)


def markup_marks(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Where markdown marks lie in ``text[start:end]`` (see ``_INLINE_MARKUP``), as (start, end)
    offsets into ``text``; none where the piece holds no mark character at all (most text)."""
    end = len(text) if end is None else end
    if not any(c in text[start:end] for c in "\\*_#["):
        return []
    return [m.span() for m in _INLINE_MARKUP.finditer(text, start, end)]


_MARKS = "\\[*_#>•·▪●◦‣∙|"
_MARKUP = re.compile(f"[{re.escape(_MARKS)}]")


def split_lines(text: str) -> tuple[list[str], list[str], list[int]]:
    """The text's lines (split at "\\n"), each line's clean form ("" for a blank line or one too
    long to be noise), and the indices of the non-blank lines. Plain lists, no object per line:
    most of an article's lines are only looked at once. A line's offsets are ``line_starts``."""
    raws = text.split("\n")
    marked = any(map(text.__contains__, _MARKS))  # a substring search per mark beats one regex scan
    if (
        not marked
        and "  " not in text
        and " \n" not in text
        and "\n " not in text
        and text[:1] != " "
        and text[-1:] != " "
        and _spaced_plainly(text)
    ):
        # the common case, text spaced once with no markup and no whitespace but " " and "\n":
        # every line is its own clean form, and blank when empty
        if max(map(len, raws)) <= MAX_NOISE_LINE:
            cleans = raws
        else:
            cleans = [raw if len(raw) <= MAX_NOISE_LINE else "" for raw in raws]
        return raws, cleans, list(compress(range(len(raws)), raws))
    # a text with no mark at all (most, when the fast path above is missed for "  "): no line
    # needs the regex scan for one
    cleans = list(map(_clean_line, raws) if marked else map(_clean_line, raws, repeat(False)))
    return raws, cleans, list(compress(range(len(raws)), map(str.strip, raws)))


# whitespace to ``str.split`` besides " " and "\n", among ASCII characters
_ASCII_SPACES = "\t\x0b\x0c\r\x1c\x1d\x1e\x1f"


def _spaced_plainly(text: str) -> bool:
    """No whitespace in ``text`` but " " and "\n" (``clean`` squeezes any other). An ASCII text
    is searched for the eight others; any other text must be printable (which excludes them all)."""
    if text.isascii():
        return not any(map(text.__contains__, _ASCII_SPACES))
    return text.replace("\n", " ").isprintable()


def line_starts(raws: list[str]) -> list[int]:
    """Where each line starts in the text ``raws`` were split from."""
    # the lengths summed, plus one a line break (``add`` with ``count``: ``(1).__add__`` is a
    # method wrapper, called with a tuple of arguments made and freed a line)
    return list(map(add, accumulate(map(len, raws), initial=0), count()))


def _clean_line(raw: str, marks: bool = True) -> str:
    """``clean(raw)`` of one line (``marks``: whether the text may hold a markup mark at all)."""
    if not raw or len(raw) > MAX_NOISE_LINE:
        return ""
    if (not marks or _MARKUP.search(raw) is None) and not raw[0].isspace() and not raw[-1].isspace():
        # no markup, escapes or links: ``clean`` would only respace it (a printable line holds
        # no whitespace but " "; "  " would be squeezed)
        return raw if raw.isprintable() and "  " not in raw else " ".join(raw.split())
    return clean(raw)


# an ASCII text's non-word characters (\\W and "_") as spaces, its capitals in lower case
_ASCII_KEY = {i: " " if not chr(i).isalnum() else chr(i).lower() for i in range(128)}


def key(s: str) -> str:
    """Comparison form: case, punctuation and spacing ignored (an emphasised copy equals the title)."""
    if s.isascii():  # the same by one table: casefold is lower, and \W is what is not a letter or digit
        return " ".join(s.translate(_ASCII_KEY).split())
    return " ".join(_NON_WORD.sub(" ", s.casefold()).split())


def is_separator(line: str) -> bool:
    s = line.strip()
    return 0 < len(s) <= 12 and bool(_SEPARATOR.match(s))


def ends_sentence(c: str, stops: str = ".!?") -> bool:
    """Whether ``c`` (one line) ends a sentence: a stop not after a full stop ("..." cuts a
    headline), then perhaps a closing quote. Read from its last three characters; the regex
    ``[^.][.!?]["”’']?$`` would try every position of the line."""
    if c and c[-1] in _QUOTES:
        return len(c) >= 3 and c[-2] in stops and c[-3] != "."
    return len(c) >= 2 and c[-1] in stops and c[-2] != "."


_QUOTES = "\"”’'"


def prose(c: str) -> bool:
    """A sentence of body text: several words ending in a full stop (not a "..." cut headline)."""
    return ends_sentence(c) and len(c.split()) >= 6


def headline_like(c: str, words: list[str] | None = None) -> bool:
    """A short line most of whose words are capitalised, as headlines in lists are. ``words``:
    ``c``'s words when the caller has them."""
    if len(c) > 160:
        return False
    long = [w for w in (_WORDS.findall(c) if words is None else words) if len(w) > 2]
    if not long:
        return False
    caps = sum(1 for w in long if w[0].isupper() or w[0].isdigit())
    return caps >= 0.5 * len(long)


def is_menu(raw: str) -> bool:
    """A menu bar, breadcrumb or ticker: three or more short items ("Home  Daerah  Politik"), or
    two after a home link ("Home / Politik"), or a list of long items run together by ``|``."""
    items = [p for p in _MENU_SPLIT.split(raw.strip()) if p.strip()]
    if len(items) < 2:
        return False
    short = all(len(p.split()) <= 3 for p in items)
    home = items[0].strip().lower() in ("home", "beranda", "index", "indeks")
    if short and (len(items) >= 3 or home):
        return True
    if home and len(items) >= 3 and all(len(p.split()) <= 3 for p in items[:-1]):
        return True  # "Home / Pilkada 2024 / Usai Pleno PPK, Kotak Suara ...": a trail ending in the headline
    ticker = raw.count("|") + raw.count("•") >= 1
    return ticker and all(len(p.split()) >= 4 for p in items)


def mark_list(texts: list[str], cleans: list[str], nonblank: list[int], pos: int, marked: set[int],
              tags: bool) -> None:
    """Mark the lines a list header introduces: headlines after "Rekomendasi berita", tags after "Tags".

    A run of short lines reaching the end of the text (or more boilerplate) is all footer; a run
    followed by body text is marked only as far as it looks like headlines.
    """
    run: list[int] = []
    k = pos + 1
    while k < len(nonblank):  # by index: slicing per header would be quadratic on hostile input
        cj = cleans[nonblank[k]]
        if not cj or len(cj) > (60 if tags else 160) or LIST_HEAD.match(cj) or PREV_NEXT.match(cj):
            break
        if TAGS.match(cj):
            break
        run.append(nonblank[k])
        k += 1
    after = nonblank[k] if k < len(nonblank) else None
    after_clean = cleans[after] if after is not None else ""
    footer = (
        after is None
        or is_separator(texts[after])
        or bool(after_clean and (LIST_HEAD.match(after_clean) or TAGS.match(after_clean)))
        or bool(after_clean and (NOISE.match(after_clean) or PREV_NEXT.match(after_clean)))
    )
    for j in run:
        cj = cleans[j]
        if not (headline_like(cj) or ((footer or tags) and not prose(cj))):
            break
        marked.add(j)
