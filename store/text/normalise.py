"""Stable article ids: the same text (whatever its line ends, BOM, spacing or Unicode form) gets
the same id, so re-ingesting an article is recognised instead of stored twice."""

from __future__ import annotations

import hashlib
import unicodedata

# Invisible characters that editors and browsers add or drop freely: BOM / zero-width no-break
# space, zero-width space, word joiner, soft hyphen. They must not change an article's identity.
_INVISIBLE = dict.fromkeys(map(ord, "\ufeff\u200b\u2060\u00ad"))


def normalised_for_id(text: str) -> str:
    """NFKC, case-folded, invisible characters dropped, every whitespace run one space, stripped."""
    return " ".join(unicodedata.normalize("NFKC", text).translate(_INVISIBLE).casefold().split())


def article_id(text: str) -> str:
    """First 16 hex digits of the SHA-256 of the normalised text (64 bits: no collisions at 10^6)."""
    return hashlib.sha256(normalised_for_id(text).encode("utf-8", "surrogatepass")).hexdigest()[:16]
