"""Article text is data: make it safe to put on a terminal without changing its length.

Every control character, bidi override and zero-width character is replaced by exactly one
visible stand-in, so offsets into the text still point at the same characters and entity
highlighting stays aligned. Text is always handed to Rich as ``Text`` objects, never markup.
"""

from __future__ import annotations

_TABLE: dict[int, str] = {}
for _c in range(0x20):
    if _c not in (0x0A, 0x09):
        _TABLE[_c] = chr(0x2400 + _c)  # ␀ … ␟, ␛ for ESC
_TABLE[0x7F] = "\u2421"  # ␡
for _c in range(0x80, 0xA0):
    _TABLE[_c] = "\ufffd"
for _c in (*range(0x200B, 0x2010), *range(0x202A, 0x202F), *range(0x2060, 0x2070), 0xFEFF, 0x061C):
    _TABLE[_c] = "\u2422" if _c in range(0x202A, 0x202F) or _c in range(0x2066, 0x206A) else "\u00b7"


def safe(text: str | None) -> str:
    """The text with each dangerous code point replaced one-for-one by a visible stand-in."""
    return (text or "").translate(_TABLE)


# in exported files (CSV, CoNLL, events), the joiners stay: a zero-width joiner is part of an emoji
# ("👮🏻‍♂️") and a non-joiner of a word in some scripts, not a code a terminal acts on; a stand-in made
# the file's tokens differ from the article's text (red team s28, A11)
_CELL = {c: v for c, v in _TABLE.items() if c not in (0x200C, 0x200D)}


def safe_cell(text: str | None) -> str:
    """``safe`` for an exported cell or token: the same stand-ins, but the joiners are kept."""
    return (text or "").translate(_CELL)


def safe_line(text: str | None) -> str:
    """For one-line places (list rows, titles): newlines and tabs become spaces too."""
    return safe(text).replace("\n", " ").replace("\t", " ")
