"""Article text and metadata from a news web page (selectolax: fast, tolerant HTML5 parser)."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser as HTMLParser

DROP = "script, style, noscript, nav, footer, aside, form, iframe, svg, button, template"
BLOCKS = "h1, h2, h3, h4, p, li, blockquote, figcaption, pre"
_SPACE = re.compile(r"[ \t\u00a0]+")


def _meta(tree: HTMLParser, *selectors: str) -> str | None:
    for sel in selectors:
        node = tree.css_first(sel)
        if node is not None:
            attrs = node.attributes
            value = attrs.get("content") or attrs.get("href") or attrs.get("datetime")
            if value and value.strip():
                return value.strip()
    return None


def extract(html: str) -> tuple[str, str, dict[str, str | None]]:
    """(title, body text with blank lines between blocks, metadata)."""
    tree = HTMLParser(html)
    meta = {
        "title": _meta(tree, 'meta[property="og:title"]', 'meta[name="twitter:title"]'),
        "outlet": _meta(tree, 'meta[property="og:site_name"]', 'meta[name="application-name"]'),
        "url": _meta(tree, 'meta[property="og:url"]', 'link[rel="canonical"]'),
        "published": _meta(tree, 'meta[property="article:published_time"]', 'meta[name="pubdate"]',
                           'meta[name="date"]', 'meta[itemprop="datePublished"]', "time[datetime]"),
        "author": _meta(tree, 'meta[name="author"]', 'meta[property="article:author"]'),
    }
    if meta["title"] is None:
        node = tree.css_first("title") or tree.css_first("h1")
        meta["title"] = node.text(strip=True) if node is not None else None
    for node in tree.css(DROP):
        node.decompose()
    container = tree.css_first("article") or tree.css_first("main") or tree.body
    if container is None:
        return meta["title"] or "", "", meta
    blocks = []
    for node in container.css(BLOCKS):
        if node.css_first(BLOCKS) is not None and node.tag in ("li", "blockquote"):
            continue  # its inner blocks are taken on their own
        text = _SPACE.sub(" ", node.text(separator=" ", strip=True)).strip()
        if text and (not blocks or blocks[-1] != text):
            blocks.append(text)
    if not blocks:
        raw = container.text(separator="\n", strip=True)
        blocks = [_SPACE.sub(" ", ln).strip() for ln in raw.split("\n") if ln.strip()]
    title = (meta["title"] or "").strip()
    if blocks and title and blocks[0] == title:
        blocks = blocks[1:]
    return title, "\n\n".join(blocks), meta
