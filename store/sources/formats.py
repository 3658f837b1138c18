"""Input files to raw documents: .txt/.md (one article), .html, .jsonl/.json and .csv (one per row).

Nothing here raises for a bad file: each problem becomes a ``Skipped`` with a reason a person
can act on, and one bad row never stops the rest of its file.
"""

from __future__ import annotations

import csv
import glob
import io
import os
import re
import sys
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
from selectolax.lexbor import LexborHTMLParser, LexborNode

from store.errors import BadInput
from store.sources.decode import MAX_BYTES, decode_bytes, read_limited

TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text", ""})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | {".json", ".csv"}
META_KEYS = ("title", "outlet", "author", "url", "published")
# Column / field names, case-insensitive, English and Indonesian, as exports spell them.
ALIASES: dict[str, tuple[str, ...]] = {
    "title": ("title", "judul", "headline", "judul_berita"),
    "text": ("text", "body", "content", "isi", "isi_berita", "article", "artikel", "berita"),
    "outlet": ("outlet", "media", "source_name", "site", "publisher", "nama_media", "sumber"),
    "author": ("author", "penulis", "byline", "reporter", "pewarta"),
    "url": ("url", "link", "tautan", "permalink"),
    "published": ("published", "date", "tanggal", "published_at", "datetime", "waktu", "time", "tgl"),
}
_TEXT_NAMES = ", ".join(ALIASES["text"][:3])


@dataclass(slots=True)
class RawDoc:
    """One article as a file gave it: the text, and whatever metadata the format carried."""

    source: str
    text: str
    meta: dict[str, str | None] = field(default_factory=dict)


@dataclass(slots=True)
class Skipped:
    """Something that was not read, and why (shown in the ingest report)."""

    source: str
    reason: str


# -- finding files ------------------------------------------------------------------------------


_OUTSIDE = "a symlink to {what} outside the folder, not followed (use --follow-symlinks to read it)"


def _inside(path: Path, root: str) -> bool:
    try:
        return Path(os.path.realpath(path)).is_relative_to(root)
    except (OSError, ValueError):
        return False


def _glob_base(pattern: str) -> str:
    """The real folder a glob pattern searches: its leading components without wildcards."""
    parts: list[str] = []
    for part in Path(pattern).parts:
        if glob.has_magic(part):
            break
        parts.append(part)
    return os.path.realpath(Path(*parts) if parts else Path("."))


def _walk(root: Path, follow_symlinks: bool = False) -> Iterator[Path | Skipped]:
    """Files under ``root``, sorted, hidden files and folders skipped.

    A symlink (file or folder) that leads outside ``root`` is not followed but reported: a folder
    received from someone else must not make tandai read ``/etc/passwd`` or a home directory.
    With ``follow_symlinks`` they are followed, each real folder once (no loops).
    """
    real_root = os.path.realpath(root)
    visited: set[str] = {real_root}
    for dirpath, dirs, files in os.walk(root, followlinks=follow_symlinks):
        kept = []
        for d in sorted(dirs):
            if d.startswith("."):
                continue
            full = Path(dirpath) / d
            if full.is_symlink():
                real = os.path.realpath(full)
                if not follow_symlinks:
                    if not _inside(full, real_root):
                        yield Skipped(str(full), _OUTSIDE.format(what="a folder"))
                    continue  # inside: its files are reached through the real folder
                if real in visited:
                    continue
                visited.add(real)
            elif follow_symlinks:
                real = os.path.realpath(full)
                if real in visited:
                    continue
                visited.add(real)
            kept.append(d)
        dirs[:] = kept
        for name in sorted(files):
            if name.startswith("."):
                continue
            full = Path(dirpath) / name
            if not follow_symlinks and full.is_symlink() and not _inside(full, real_root):
                yield Skipped(str(full), _OUTSIDE.format(what="a file"))
                continue
            yield full


def iter_paths(args: Sequence[str | os.PathLike[str]],
               follow_symlinks: bool = False) -> Iterator[Path | Skipped]:
    """Files named, found under directories (recursively, sorted, hidden skipped) or matched by globs.

    A file reached twice (named and inside a named folder) is given once. A path named on the
    command line is read even if it is a symlink (it was asked for); inside folders, see ``_walk``.
    """
    seen: set[str] = set()

    def once(p: Path | Skipped) -> Iterator[Path | Skipped]:
        if isinstance(p, Skipped):
            yield p
            return
        try:
            key = os.path.realpath(p)
        except (OSError, ValueError):
            key = str(p)
        if key not in seen:
            seen.add(key)
            yield p

    for arg in args:
        text = os.fspath(arg)
        try:
            path = Path(text).expanduser()
            is_dir, exists = path.is_dir(), path.exists() or path.is_symlink()
        except (OSError, ValueError) as exc:
            yield Skipped(text, f"not a usable path ({exc})")
            continue
        if is_dir:
            for p in _walk(path, follow_symlinks):
                yield from once(p)
        elif exists:
            yield from once(path)
        elif glob.has_magic(text):
            pattern = os.path.expanduser(text)
            matches = sorted(glob.glob(pattern, recursive=True))
            if not matches:
                yield Skipped(text, "no files match this pattern")
            base = _glob_base(pattern)  # a pattern picks files in a folder: the same rule as _walk
            for m in matches:
                mp = Path(m)
                if not follow_symlinks and mp.is_symlink() and not _inside(mp, base):
                    yield Skipped(m, _OUTSIDE.format(what="a file or folder"))
                elif mp.is_dir():
                    for p in _walk(mp, follow_symlinks):
                        yield from once(p)
                else:
                    yield from once(mp)
        else:
            yield Skipped(text, "no such file or directory")


# -- rows (jsonl, json, csv) --------------------------------------------------------------------


def _clean(value: str) -> str:
    return unicodedata.normalize("NFC", value.replace("\r\n", "\n").replace("\r", "\n"))


def _pick(row: dict[str, Any], key: str) -> str | None:
    """The first non-empty field among the aliases of ``key`` (``row`` keys already lower-case)."""
    for alias in ALIASES[key]:
        value = row.get(alias)
        if isinstance(value, bool) or value is None:
            continue
        if isinstance(value, int | float) and key != "text":
            value = str(value)  # a year or a numeric id in a metadata field; never as article text
        if isinstance(value, str) and value.strip():
            return _clean(value)
    return None


def _same_start(body: str, title: str) -> bool:
    """Whether the body already opens with the title (ignoring case, spacing and markup)."""

    def squash(s: str) -> str:
        return " ".join(re.sub(r"[#*_\s]+", " ", s).split()).casefold()

    return squash(body[: len(title) + 40]).startswith(squash(title))


def _row_doc(source: str, where: str, row: dict[str, Any]) -> RawDoc | Skipped:
    row = {str(k).strip().lower(): v for k, v in reversed(list(row.items())) if k is not None}
    body = _pick(row, "text")
    if body is None:
        present = [a for a in ALIASES["text"] if a in row]
        if present:
            return Skipped(source, f"{where}: the {present[0]} field is empty or not text")
        return Skipped(source, f"{where}: no text field (expected {_TEXT_NAMES} …)")
    meta: dict[str, str | None] = {}
    for key in META_KEYS:
        value = _pick(row, key)
        if value is not None:
            meta[key] = " ".join(value.split())
    title = meta.get("title")
    text = body if not title or _same_start(body, title) else f"{title}\n\n{body}"
    return RawDoc(source, text, meta)


def _read_jsonl(path: Path, text: str) -> Iterator[RawDoc | Skipped]:
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        source = f"{path}#L{lineno}"
        try:
            row = orjson.loads(line)
        except orjson.JSONDecodeError:
            yield Skipped(source, f"line {lineno}: invalid JSON")
            continue
        if not isinstance(row, dict):
            yield Skipped(source, f"line {lineno}: not a JSON object")
            continue
        yield _row_doc(source, f"line {lineno}", row)


def _read_json(path: Path, text: str) -> Iterator[RawDoc | Skipped]:
    """A JSON file: one article object, or an array of them (as many exporters write)."""
    try:
        data = orjson.loads(text)
    except orjson.JSONDecodeError as exc:
        yield Skipped(str(path), f"invalid JSON ({str(exc).split(':')[0]})")
        return
    if isinstance(data, dict):
        yield _row_doc(str(path), "object", data)
        return
    if not isinstance(data, list):
        yield Skipped(str(path), "JSON is neither an article object nor a list of them")
        return
    for n, item in enumerate(data, 1):
        source = f"{path}#item{n}"
        if isinstance(item, dict):
            yield _row_doc(source, f"item {n}", item)
        else:
            yield Skipped(source, f"item {n}: not a JSON object")


def _delimiter(text: str) -> str:
    """The separator of the header line: Excel in an Indonesian locale writes ';', some tools tabs."""
    header = text.split("\n", 1)[0]
    header = re.sub(r'"[^"]*"', "", header)
    counts = {d: header.count(d) for d in (",", ";", "\t", "|")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _read_csv(path: Path, text: str, max_bytes: int) -> Iterator[RawDoc | Skipped]:
    # A whole article is one field; the default limit (128 KiB) is smaller than a long one.
    csv.field_size_limit(min(max(max_bytes, csv.field_size_limit()), sys.maxsize // 2, 2**31 - 1))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=True)
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as exc:
        yield Skipped(str(path), f"not a readable CSV file ({exc or 'no header'})")
        return
    names = [h.strip().lstrip("\ufeff").lower() for h in header]
    if not any(n in ALIASES["text"] for n in names):
        cols = ", ".join(n for n in names if n)[:200] or "none"
        yield Skipped(str(path), f"CSV has no text column (expected {_TEXT_NAMES} …; columns: {cols})")
        return
    text_cols = {i for i, n in enumerate(names) if n in ALIASES["text"]}
    row_no = 1  # the header is row 1, as a spreadsheet numbers it
    while True:
        row_no += 1
        source = f"{path}#row{row_no}"
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            if "end of data" in str(exc).lower() or "eof" in str(exc).lower():
                yield Skipped(source, f"row {row_no}: unclosed quote runs to the end of the file ({exc})")
                return
            # The reader drops the rest of the bad line and resumes with the next one.
            yield Skipped(source, f"row {row_no} (line {reader.line_num}): bad CSV quoting ({exc})")
            continue
        if not any(c.strip() for c in cells):
            continue
        if len(cells) > len(names):
            yield Skipped(source, f"row {row_no}: {len(cells)} cells but the header has {len(names)}")
            continue
        if not any(i < len(cells) and cells[i].strip() for i in text_cols):
            if len(cells) < len(names):
                why = f"only {len(cells)} cells of {len(names)}, the text column is missing"
            else:
                why = "the text column is empty"
            yield Skipped(source, f"row {row_no}: {why}")
            continue
        row: dict[str, Any] = {}
        for name, cell in zip(names, cells, strict=False):
            if name and (name not in row or not str(row[name]).strip()):
                row[name] = cell  # a repeated column name: the first non-empty one counts
        yield _row_doc(source, f"row {row_no}", row)


# -- HTML ---------------------------------------------------------------------------------------

# Page furniture, not article text; skipped while walking (not decomposed: no tree mutation).
_DROP_TAGS = frozenset(
    "script style noscript nav footer aside form iframe svg button template select object embed canvas "
    "head title meta link input textarea".split()
)
_DROP_ROLES = frozenset({"navigation", "complementary", "banner", "contentinfo", "search"})
_BLOCK_TAGS = frozenset(
    "address article blockquote dd details dialog div dl dt fieldset figcaption figure h1 h2 h3 h4 h5 h6 "
    "header hgroup hr li main ol p pre section summary table tbody thead tfoot tr ul caption body".split()
)
_CELL_TAGS = frozenset({"td", "th"})
_BREAK = "\x00"  # paragraph marker while walking (NUL never survives decoding)
_SPACES = re.compile(r"[^\S\n]+")


def _dropped(node: LexborNode, skip_header: bool) -> bool:
    tag = node.tag or ""
    if tag in _DROP_TAGS or (skip_header and tag == "header"):
        return True
    attrs = node.attributes
    return (
        "hidden" in attrs
        or (attrs.get("aria-hidden") or "").lower() == "true"
        or (attrs.get("role") or "").lower() in _DROP_ROLES
    )


def _attr(tree: LexborHTMLParser, *selectors: str) -> str | None:
    for sel in selectors:
        for node in tree.css(sel):
            attrs = node.attributes
            value = attrs.get("content") or attrs.get("href") or attrs.get("datetime")
            if value and value.strip():
                return " ".join(value.split())
    return None


def _json_ld(tree: LexborHTMLParser) -> dict[str, str]:
    """headline, datePublished, author and publisher from schema.org JSON-LD, which many news
    sites carry even when their meta tags are thin."""
    found: dict[str, str] = {}
    for node in tree.css('script[type="application/ld+json"]'):
        try:
            data = orjson.loads(node.text() or "null")
        except orjson.JSONDecodeError:
            continue
        stack = [data]
        while stack and len(found) < 4:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
                continue
            if not isinstance(item, dict):
                continue
            if "@graph" in item:
                stack.append(item["@graph"])
            for key, out in (("headline", "title"), ("datePublished", "published")):
                if isinstance(item.get(key), str) and out not in found:
                    found[out] = item[key]
            for key, out in (("author", "author"), ("publisher", "outlet")):
                who = item.get(key)
                if isinstance(who, list) and who:
                    who = who[0]
                if isinstance(who, dict):
                    who = who.get("name")
                if isinstance(who, str) and who.strip() and out not in found:
                    found[out] = who
    return {k: " ".join(v.split()) for k, v in found.items() if v.strip()}


def _blocks(container: LexborNode, skip_header: bool) -> list[str]:
    """Text of ``container`` as paragraphs: block elements and double <br> separate them."""
    parts: list[str] = []
    stack: list[tuple[LexborNode, bool]] = [(container, False)]
    while stack:  # iterative: hostile pages nest deeper than Python's recursion limit
        node, leaving = stack.pop()
        tag = node.tag
        if leaving:
            parts.append(_BREAK if tag in _BLOCK_TAGS else " ")
            continue
        if tag == "-text":
            parts.append(node.text_content or "")
            continue
        if tag == "br":
            parts.append("\n")
            continue
        if tag is None or tag.startswith(("-", "!")) or _dropped(node, skip_header):
            continue
        if tag in _BLOCK_TAGS:
            parts.append(_BREAK)
        if tag == "li":
            parts.append("• ")
        if tag in _BLOCK_TAGS or tag in _CELL_TAGS:
            stack.append((node, True))
        children = []
        child = node.child
        while child is not None:
            children.append(child)
            child = child.next
        stack.extend((c, False) for c in reversed(children))
    joined = "".join(parts).replace("\u00a0", " ")
    joined = re.sub(r"\n[^\S\n]*\n", _BREAK, joined)  # <br><br> is a paragraph break
    out: list[str] = []
    for para in joined.split(_BREAK):
        lines = [_SPACES.sub(" ", ln).strip() for ln in para.split("\n")]
        para = "\n".join(ln for ln in lines if ln)
        if para and para != "•" and (not out or out[-1] != para):
            out.append(para)
    return out


def html_to_doc(source: str, html: str) -> RawDoc | Skipped:
    """Title, metadata and article body of a saved news page."""
    tree = LexborHTMLParser(html)
    ld = _json_ld(tree)
    meta: dict[str, str | None] = {
        "title": _attr(tree, 'meta[property="og:title"]', 'meta[name="twitter:title"]'),
        "outlet": _attr(tree, 'meta[property="og:site_name"]', 'meta[name="application-name"]')
        or ld.get("outlet"),
        "url": _attr(tree, 'meta[property="og:url"]', 'link[rel="canonical"]'),
        "published": _attr(
            tree,
            'meta[property="article:published_time"]',
            "time[datetime]",
            'meta[name="pubdate"]',
            'meta[name="date"]',
            'meta[name="publishdate"]',
            'meta[itemprop="datePublished"]',
            'meta[name="dc.date"]',
        )
        or ld.get("published"),
        "author": _attr(tree, 'meta[name="author"]', 'meta[property="article:author"]') or ld.get("author"),
    }
    if meta["title"] is None:
        node = tree.css_first("title")
        title = " ".join(node.text().split()) if node is not None else ""
        site = meta["outlet"]
        if site and title.lower().endswith(site.lower()):  # "Headline - Site" / "Headline | Site"
            title = re.sub(r"\s*[\-–—|:·]\s*$", "", title[: -len(site)]).strip() or title
        if not title:
            h1 = tree.css_first("h1")
            title = " ".join(h1.text().split()) if h1 is not None else ""
        meta["title"] = title or ld.get("title")
    # the longest <article>: pages also wrap teaser cards of other stories in <article>
    articles = sorted(tree.css("article"), key=lambda n: len(n.text(strip=True)), reverse=True)
    container = (articles[0] if articles else None) or tree.css_first("main") or tree.body
    blocks = _blocks(container, skip_header=container.tag == "body") if container is not None else []
    title = (meta["title"] or "").strip()
    while blocks and title and " ".join(blocks[0].split()).casefold() == title.casefold():
        blocks.pop(0)  # the <h1> that repeats the title
    if not blocks:
        return Skipped(source, "HTML page without article text")
    body = "\n\n".join(blocks)
    meta = {k: v for k, v in meta.items() if v}
    return RawDoc(source, f"{title}\n\n{body}" if title else body, meta)


# -- one file -----------------------------------------------------------------------------------


def _suffix(path: Path) -> str:
    """The file type; a "suffix" with spaces or only digits ("berita 27.11.2024") is no type."""
    suffix = path.suffix.lower()
    if suffix and (not re.fullmatch(r"\.[a-z0-9]{1,10}", suffix) or suffix[1:].isdigit()):
        return ""
    return suffix


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "file vanished before it could be read"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    return f"cannot be read: {exc.strerror or exc}"


def read_source(path: Path, max_bytes: int = MAX_BYTES) -> Iterator[RawDoc | Skipped]:
    """Every document in one file, or a Skipped saying why there is none. Never raises."""
    path = Path(path)
    source = str(path)
    try:
        if path.is_dir():
            yield Skipped(source, "is a directory")
            return
    except (OSError, ValueError) as exc:
        yield Skipped(source, f"cannot be read: {exc}")
        return
    suffix = _suffix(path)
    if suffix not in SUPPORTED:
        yield Skipped(source, f"unsupported file type {suffix}")
        return
    try:
        data = read_limited(path, max_bytes)
        text, _encoding = decode_bytes(data, path.name)
    except BadInput as exc:
        yield Skipped(source, str(exc))
        return
    except OSError as exc:
        yield Skipped(source, _os_reason(exc))
        return
    if suffix in TEXT_SUFFIXES:
        yield RawDoc(source, text, {})
        return
    done = 0
    try:
        if suffix in JSONL_SUFFIXES:
            docs: Iterator[RawDoc | Skipped] = _read_jsonl(path, text)
        elif suffix == ".json":
            docs = _read_json(path, text)
        elif suffix == ".csv":
            docs = _read_csv(path, text, max_bytes)
        else:
            docs = iter([html_to_doc(source, text)])
        for doc in docs:
            done += 1
            yield doc
    except Exception as exc:  # noqa: BLE001 - a parser bug on one file must not stop an ingest
        rest = " (the rest of the file)" if done else ""
        yield Skipped(source, f"could not be read{rest}: {type(exc).__name__}: {exc}")
        return
    if not done:  # a header-only CSV, ``[]``: the file was read and held nothing
        yield Skipped(source, "holds no article (no rows, or only empty ones)")
