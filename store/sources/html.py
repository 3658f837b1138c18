"""Saved HTML pages to raw documents: the article's blocks in reading order, page chrome
(navigation, headers, footers, asides) dropped, metadata from JSON-LD and meta tags."""

from __future__ import annotations

import re

import orjson
from selectolax.lexbor import LexborHTMLParser, LexborNode

from store.sources.raw import RawDoc, Skipped

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
