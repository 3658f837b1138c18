"""What the readers of input files produce: a raw document, or a verdict saying why there is none."""

from __future__ import annotations

from dataclasses import dataclass, field

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
TEXT_NAMES = ", ".join(ALIASES["text"][:3])


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
