"""Bytes to text, robustly: BOMs, UTF-8, Windows-1252 by detection, CRLF/CR; binary refused.

Why so careful: what reaches an ingest is whatever people saved from browsers, Excel and
chat apps. Every later offset (entities, evidence, noise) refers to the text returned here, so
the only changes made are the ones that must be stable across re-reads: newline style, a BOM,
and Unicode NFC. Control characters inside otherwise-text input are kept, not deleted; the
display layer escapes them.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
import unicodedata
from collections.abc import Iterable

from charset_normalizer import from_bytes

from store.errors import BadInput

MAX_BYTES = 20 * 2**20
SNIFF = 8192  # bytes (and characters) looked at to decide "binary"

# Longest BOM first: the UTF-32-LE BOM starts with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Single-byte encodings a Latin-script (Indonesian, English) file can plausibly be in. Restricting
# the detector to these stops it from "finding" Cyrillic or Greek in a Windows-1252 file.
_CANDIDATES = ["cp1252", "latin_1", "iso8859_15"]
# A valid multi-byte UTF-8 sequence (2, 3 or 4 bytes), used to tell "UTF-8 with a few stray
# Windows-1252 bytes" (text pasted together) from "a Windows-1252 file".
_UTF8_MB = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
_HIGH = bytes(range(0x80, 0x100))
# Characters that do not occur in text: C0 controls other than tab, newlines, form feed and
# ESC, plus DEL and the C1 block. A few are kept (hostile or odd input); many mean "binary".
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f-\x9f]")
# the same characters in ASCII text, as bytes: each made NUL by one table, then the NULs counted
# (a sample holds none of its own: it was refused before): C, cheaper than deleting them
_CONTROL_TO_NUL = bytes(0 if c < 128 and _CONTROL.match(chr(c)) else c for c in range(256))


def _cp1252_fallback(exc: UnicodeError) -> tuple[str, int]:
    """Decode the bytes UTF-8 rejected as Windows-1252 (Latin-1 for the five it leaves undefined)."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    out = []
    for b in exc.object[exc.start : exc.end]:
        try:
            out.append(bytes([b]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(b))
    return "".join(out), exc.end


codecs.register_error("tandai-cp1252", _cp1252_fallback)


def _size(n: int) -> str:
    if n >= 2**20:
        return f"{n / 2**20:.1f}".removesuffix(".0") + " MB"
    if n >= 1024:
        return f"{n / 1024:.1f}".removesuffix(".0") + " KB"
    return f"{n} bytes"


def read_ahead(paths: Iterable[str | os.PathLike[str]]) -> None:
    """Ask the kernel to start reading these files now (``POSIX_FADV_WILLNEED``), all at once,
    before they are read one by one: files not in the page cache (an archive ingested cold) were
    read one disk round trip at a time while the CPU waited (the 10k bench corpus, page cache
    dropped: 819/s against 1,263/s warm; with the hint a chunk ahead, 1,127 and 1,272/s). Only a
    regular file is asked for, opened without blocking (never a FIFO's writer awaited); anything
    that fails is left to the read that follows to report."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    flags |= getattr(os, "O_CLOEXEC", 0)
    advise = getattr(os, "posix_fadvise", None)
    if advise is None:  # pragma: no cover - not POSIX
        return
    for path in paths:
        try:
            if not stat.S_ISREG(os.stat(path).st_mode):
                continue  # a device is never opened (opening one may act), a FIFO never waited on
            fd = os.open(path, flags)
        except (OSError, ValueError):  # (a NUL in a name: no such file either)
            continue
        try:
            advise(fd, 0, 0, os.POSIX_FADV_WILLNEED)
        except OSError:
            pass
        finally:
            os.close(fd)


def read_limited(path: str | os.PathLike[str], max_bytes: int = MAX_BYTES) -> bytes:
    """Read a regular file, refusing one larger than ``max_bytes`` without reading it whole.

    OSErrors (missing, permission, a directory) propagate: the caller words them per file.
    FIFOs and devices are refused because reading them may block forever or never end.
    """
    st = os.stat(path)
    if stat.S_ISDIR(st.st_mode):
        raise IsADirectoryError(21, "is a directory", str(path))
    if not stat.S_ISREG(st.st_mode):
        raise BadInput("not a regular file (device, pipe or socket)")
    # Opened without blocking and checked again on the descriptor: a file swapped for a FIFO
    # after the stat would otherwise block the open forever.
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise BadInput("not a regular file (device, pipe or socket)")
        if st.st_size > max_bytes:
            raise BadInput(f"too large: {_size(st.st_size)} (limit {_size(max_bytes)})")
        # read what the stat says is there (a read of n allocates n bytes first: a 20 MB buffer
        # per file cost more than the read), and on to the limit only if the file grew; by the
        # descriptor itself (no file object: its buffer, its own fstat and its close were a
        # tenth of reading a file), each read taking what a short one left
        want = st.st_size + 1
        data = _read_fd(fd, want)
        if len(data) == want:
            data += _read_fd(fd, max_bytes + 1 - want)
    finally:
        os.close(fd)
    if len(data) > max_bytes:  # it grew after the stat
        raise BadInput(f"too large: more than {_size(max_bytes)} (limit {_size(max_bytes)})")
    return data


def _read_fd(fd: int, n: int) -> bytes:
    """Up to ``n`` bytes from ``fd``: fewer only at the end of the file (as a buffered read)."""
    data = os.read(fd, n)
    if 0 < len(data) < n:  # a short read (a signal, a network file system): go on to n or the end
        parts = [data]
        while n > (got := sum(map(len, parts))) and (part := os.read(fd, n - got)):
            parts.append(part)
        data = b"".join(parts)
    return data


def _utf16_without_bom(head: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when NULs sit in every other byte, as in ASCII-range UTF-16."""
    pairs = len(head) // 2
    if pairs < 8:
        return None
    even = head[0 : 2 * pairs : 2].count(0)
    odd = head[1 : 2 * pairs : 2].count(0)
    if odd >= 0.3 * pairs and even <= 0.02 * pairs:
        return "utf-16-le"
    if even >= 0.3 * pairs and odd <= 0.02 * pairs:
        return "utf-16-be"
    return None


def _decode_legacy(data: bytes) -> tuple[str, str]:
    """Text that is not UTF-8: mostly-UTF-8 with stray bytes, else a detected single-byte code."""
    high = len(data) - len(data.translate(None, _HIGH))
    rest, sequences = _UTF8_MB.subn(b"", data)  # counted in C: files may be 20 MB
    stray = high - (len(data) - len(rest))
    if sequences and sequences >= stray:
        return data.decode("utf-8", errors="tandai-cp1252"), "utf-8+cp1252"
    best = from_bytes(data[: 16 * SNIFF], cp_isolation=_CANDIDATES).best()
    for enc in (best.encoding if best is not None else None, "cp1252", "latin-1"):
        if enc is None:
            continue
        try:
            return data.decode(enc), enc
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("latin-1"), "latin-1"  # pragma: no cover - latin-1 decodes any bytes


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR to LF: one newline style, so offsets agree whatever wrote the file."""
    if "\r" not in text:  # (most texts: one scan for a character, not two for the replacements)
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_bytes(data: bytes, name: str = "") -> tuple[str, str]:
    """Return (text, encoding name). Raise BadInput for binary, undecodable or empty input.

    ``name`` (the file name) is accepted for callers' logs; reasons do not repeat it because
    they are always shown next to the source.
    """
    encoding: str | None = None
    for bom, enc in _BOMS:
        if data.startswith(bom):
            encoding = enc
            break
    if encoding is None and b"\x00" in data[:SNIFF]:
        encoding = _utf16_without_bom(data[:SNIFF])
        if encoding is None:
            raise BadInput("binary file (NUL bytes, not text)")
    if encoding is not None:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            if encoding == "utf-32":  # a UTF-16-LE file whose first character is NUL
                try:
                    text, encoding = data.decode("utf-16"), "utf-16"
                except UnicodeDecodeError:
                    raise BadInput(f"invalid {encoding} text after its byte-order mark") from exc
            elif encoding == "utf-8-sig":
                text, encoding = _decode_legacy(data[3:])
            else:
                raise BadInput(f"invalid {encoding} text") from exc
    else:
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            text, encoding = _decode_legacy(data)
    text = text.removeprefix("\ufeff")
    sample = text[:SNIFF]
    if "\x00" in sample:
        raise BadInput("binary file (NUL characters, not text)")
    if sample.isascii():
        marked = sample.encode().translate(_CONTROL_TO_NUL)
        controls = marked.count(0) if 0 in marked else 0  # (a search for one byte is memchr, a count is not)
    else:
        controls = len(_CONTROL.findall(sample))
    if controls > max(16, len(sample) // 10):
        raise BadInput(f"binary file ({controls} control characters in the first {len(sample)}, not text)")
    if not text.strip():
        raise BadInput("empty file" if not text else "empty file (only whitespace)")
    return unicodedata.normalize("NFC", normalise_newlines(text)), encoding
