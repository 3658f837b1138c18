"""Stable article ids: the same text (whatever its line ends, BOM, spacing or Unicode form) gets
the same id, so re-ingesting an article is recognised instead of stored twice."""

from __future__ import annotations

import hashlib
import unicodedata

# Invisible characters that editors and browsers add or drop freely: BOM / zero-width no-break
# space, zero-width space, word joiner, soft hyphen. They must not change an article's identity.
_INVISIBLE = dict.fromkeys(map(ord, "\ufeff\u200b\u2060\u00ad"))
# whitespace to ``str.split`` besides " " and "\n", among ASCII characters
_OTHER_SPACES = "\t\x0b\x0c\r\x1c\x1d\x1e\x1f"


def normalised_for_id(text: str) -> str:
    """NFKC, case-folded, invisible characters dropped, every whitespace run one space, stripped."""
    if text.isascii():
        return _ascii_normalised(text)
    return " ".join(unicodedata.normalize("NFKC", text).translate(_INVISIBLE).casefold().split())


def _ascii_normalised(text: str) -> str:
    """``normalised_for_id`` of an ASCII text, in fewer passes: NFKC leaves ASCII as it is, it
    holds no invisible character, and casefold is lower. Where its only whitespace is " " and
    "\\n" (most articles), its non-empty lines are joined by one space (a run of line ends, a
    paragraph break, is one), and only a text that then holds two spaces in a row is squeezed:
    replacing "  " scans the text twice, stepping a character at a time (~15 us an article)."""
    text = text.lower()
    if any(map(text.__contains__, _OTHER_SPACES)):
        return " ".join(text.split())
    text = " ".join(filter(None, text.split("\n")))
    while "  " in text:
        text = text.replace("  ", " ")
    return text.strip(" ")


def article_id(text: str) -> str:
    """First 16 hex digits of the SHA-256 of the normalised text (64 bits: no collisions at 10^6)."""
    return hashlib.sha256(normalised_for_id(text).encode("utf-8", "surrogatepass")).hexdigest()[:16]
