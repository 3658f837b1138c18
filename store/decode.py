"""Bytes to text, robustly: BOMs, UTF-8, Windows-1252 by detection, CRLF/CR; binary refused.

Control characters inside otherwise-text input are kept (offsets must refer to the text as
read); the display layer escapes them.
"""

from __future__ import annotations

import codecs
import os
import unicodedata
from pathlib import Path

from charset_normalizer import from_bytes

from .errors import BadInput

MAX_BYTES = 20 * 2**20
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CANDIDATES = ("cp1252", "latin-1", "utf-16", "iso-8859-15")


def read_limited(path: Path, max_bytes: int = MAX_BYTES) -> bytes:
    """Read a file, refusing one larger than ``max_bytes`` without reading it whole."""
    size = os.stat(path).st_size
    if size > max_bytes:
        raise BadInput(f"too large: {size / 2**20:.1f} MB (limit {max_bytes / 2**20:.0f} MB)")
    with open(path, "rb") as fh:
        data = fh.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise BadInput(f"too large: more than {max_bytes / 2**20:.0f} MB")
    return data


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 9 or (13 < b < 32 and b != 27))
    return controls > max(8, len(head) // 20)


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_bytes(data: bytes, name: str = "") -> tuple[str, str]:
    """Return (text, encoding). Raise BadInput for binary, undecodable or empty input."""
    encoding = None
    for bom, enc in _BOMS:
        if data.startswith(bom):
            encoding = enc
            break
    if encoding is not None:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise BadInput(f"invalid {encoding} after its byte-order mark") from exc
    else:
        if _looks_binary(data):
            raise BadInput("binary file (not text)")
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            best = from_bytes(data, cp_isolation=list(_CANDIDATES)).best()
            enc = best.encoding if best is not None else "cp1252"
            try:
                text, encoding = data.decode(enc), enc
            except (UnicodeDecodeError, LookupError):
                try:
                    text, encoding = data.decode("cp1252"), "cp1252"
                except UnicodeDecodeError:
                    text, encoding = data.decode("latin-1"), "latin-1"
    text = text.lstrip("\ufeff")
    if "\x00" in text:
        raise BadInput("binary file (NUL characters)")
    text = unicodedata.normalize("NFC", normalise_newlines(text))
    if not text.strip():
        raise BadInput("empty file" if not data else "only whitespace")
    return text, encoding
