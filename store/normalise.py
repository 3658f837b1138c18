"""Stable article ids: the same text (whatever its line ends, BOM or spacing) gets the same id."""

from __future__ import annotations

import hashlib
import unicodedata


def normalised_for_id(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def article_id(text: str) -> str:
    """First 16 hex digits of the SHA-256 of the normalised text (64 bits: no collisions at 10^6)."""
    return hashlib.sha256(normalised_for_id(text).encode("utf-8")).hexdigest()[:16]
