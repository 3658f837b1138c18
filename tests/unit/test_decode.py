"""Bytes to text: encodings, BOMs, newlines, refusals, size limits, and stable article ids."""

from __future__ import annotations

import codecs
import os
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from store.errors import BadInput
from store.sources.decode import decode_bytes, normalise_newlines, read_limited
from store.text.normalise import article_id, normalised_for_id

TEXT = "Polsek Contoh Patroli Malam\n\nKapolsek menyampaikan “situasi aman” – café di Desa Sukamaju.\n"


# -- encodings ------------------------------------------------------------------------------------


def test_plain_utf8_is_returned_as_is() -> None:
    assert decode_bytes(TEXT.encode("utf-8")) == (TEXT, "utf-8")


def test_utf8_bom_is_stripped() -> None:
    text, enc = decode_bytes(codecs.BOM_UTF8 + TEXT.encode("utf-8"))
    assert text == TEXT and enc == "utf-8-sig"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_with_bom(codec: str) -> None:
    data = TEXT.encode(codec)
    if not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        bom = {
            "utf-16-le": codecs.BOM_UTF16_LE,
            "utf-16-be": codecs.BOM_UTF16_BE,
            "utf-32-le": codecs.BOM_UTF32_LE,
            "utf-32-be": codecs.BOM_UTF32_BE,
        }[codec]
        data = bom + data
    text, enc = decode_bytes(data)
    assert text == TEXT and enc.startswith(codec[:6])


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_recognised_not_called_binary(codec: str) -> None:
    text, enc = decode_bytes(TEXT.encode(codec))
    assert text == TEXT and enc == codec


def test_windows_1252_is_detected() -> None:
    data = ("Kapolres: “Kami siap mengamankan Pilkada” – katanya di café Jum’at.\n" * 3).encode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    text, enc = decode_bytes(data)
    assert enc == "cp1252"
    assert "“Kami siap mengamankan Pilkada”" in text and "café" in text and "Jum’at" in text and "–" in text


def test_bytes_undefined_in_cp1252_still_decode() -> None:
    # 0x81 and 0x8d have no Windows-1252 character: the fallback must not fail on them
    text, _enc = decode_bytes(b"Judul berita\n\nIsi \x81 dan \x8d serta \xe9t\xe9.\n")
    assert text.startswith("Judul berita\n\nIsi ") and "\u00e9t\u00e9" in text


def test_utf8_with_a_few_stray_cp1252_bytes_keeps_both() -> None:
    utf8_part = "Pengamanan TPS “aman” di Kecamatan Sukamaju – kata Kapolres.\n".encode() * 5
    stray = "Ditambahkan: caf\xe9 “x”\n".encode("cp1252")
    text, enc = decode_bytes(utf8_part + stray + utf8_part)
    assert enc == "utf-8+cp1252"
    assert "“aman”" in text and "café “x”" in text and "â€" not in text


# -- newlines, normalisation, control characters ---------------------------------------------------


def test_crlf_and_lone_cr_become_lf() -> None:
    text, _ = decode_bytes(b"Satu\r\nDua\rTiga\n\rEmpat\r\n")
    assert text == "Satu\nDua\nTiga\n\nEmpat\n"
    assert normalise_newlines("a\r\r\nb") == "a\n\nb"


def test_text_is_nfc() -> None:
    text, _ = decode_bytes("Cafe\u0301 di Pekon".encode())
    assert text == "Caf\u00e9 di Pekon" and unicodedata.is_normalized("NFC", text)


def test_terminal_control_characters_are_kept_not_deleted() -> None:
    raw = "Judul \x1b[31mmerah\x1b[0m\x07 dan \x9b2J serta \x08 di sini\n"
    text, _ = decode_bytes(raw.encode())
    assert text == raw  # offsets must refer to the text as read; display escapes them


# -- refusals ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "needle"),
    [
        (b"", "empty file"),
        (b"   \n\t\r\n  ", "empty file"),
        (codecs.BOM_UTF8, "empty file"),
        ("\u00a0 \u3000\n".encode(), "empty file"),
        (b"Judul\x00\x00isi" * 20, "binary"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "binary"),
        (bytes(range(1, 32)) * 40, "binary"),  # control characters only, no NUL
        (bytes(range(256)) * 8, "binary"),
    ],
)
def test_refused_input_says_why(data: bytes, needle: str) -> None:
    with pytest.raises(BadInput) as info:
        decode_bytes(data)
    assert needle in str(info.value) and "\n" not in str(info.value)


def test_whitespace_only_reason_mentions_whitespace() -> None:
    with pytest.raises(BadInput, match="whitespace"):
        decode_bytes(b" \n \n")


def test_a_few_control_characters_do_not_make_text_binary() -> None:
    body = ("Polres Contoh menggelar apel pasukan. " * 20 + "\x01\x02\x03\n").encode()
    text, _ = decode_bytes(body)
    assert "\x01\x02\x03" in text


@pytest.mark.parametrize("top", [128, 160])  # ASCII text (counted as bytes), and text that is not
def test_the_binary_reason_counts_every_control_character(top: int) -> None:
    kept = "\t\n\x0b\x0c\r\x1b"  # (NUL has its own reason)
    controls = "".join(c for c in map(chr, range(1, top)) if unicodedata.category(c) == "Cc" and c not in kept)
    text = "Judul berita caf\u00e9 " + controls * 20 if top > 128 else "Judul berita " + controls * 20
    with pytest.raises(BadInput, match=rf"^binary file \({len(controls) * 20} control characters in the first "):
        decode_bytes(text.encode())


# -- reading files with a limit --------------------------------------------------------------------


def test_read_limited_reads_a_small_file(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_bytes(b"isi berita")
    assert read_limited(p, 100) == b"isi berita"


@pytest.mark.skipif(not os.path.isfile("/proc/self/status"), reason="needs Linux's /proc")
def test_read_limited_reads_past_the_size_the_stat_gave() -> None:
    assert os.stat("/proc/self/status").st_size == 0  # a regular file that says it is empty
    assert b"Pid:" in read_limited("/proc/self/status")


def test_read_limited_refuses_large_files_with_sizes(tmp_path: Path) -> None:
    p = tmp_path / "big.txt"
    p.write_bytes(b"x" * 5000)
    with pytest.raises(BadInput, match=r"^too large: 4\.9 KB \(limit 1000 bytes\)$"):
        read_limited(p, 1000)
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as fh:  # sparse: 21 MiB on paper, nothing written
        fh.truncate(21 * 2**20)
    with pytest.raises(BadInput, match=r"^too large: 21 MB \(limit 20 MB\)$"):
        read_limited(huge)


def test_read_limited_leaves_os_errors_to_the_caller(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        read_limited(tmp_path / "missing.txt")
    with pytest.raises(IsADirectoryError):
        read_limited(tmp_path)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_read_limited_refuses_a_pipe_instead_of_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(BadInput, match="not a regular file"):
        read_limited(fifo)


# -- properties ------------------------------------------------------------------------------------

_TEXTISH = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"), exclude_characters="\ufeff")
    | st.sampled_from("\n\r\t"),
    max_size=300,
)


@settings(max_examples=200, deadline=None)
@given(_TEXTISH)
def test_any_utf8_text_round_trips_modulo_newlines_and_nfc(text: str) -> None:
    expected = unicodedata.normalize("NFC", normalise_newlines(text))
    try:
        got, enc = decode_bytes(text.encode("utf-8"))
    except BadInput as exc:
        assert not text.strip() and "empty" in str(exc)
        return
    assert got == expected and enc == "utf-8"


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=600))
def test_any_bytes_decode_or_give_a_reason(data: bytes) -> None:
    try:
        text, enc = decode_bytes(data)
    except BadInput as exc:
        assert str(exc)
        return
    assert text.strip() and "\r" not in text and enc


# -- stable ids ------------------------------------------------------------------------------------


def test_article_id_is_stable_across_line_ends_bom_and_encoding() -> None:
    variants = [
        TEXT.encode("utf-8"),
        TEXT.replace("\n", "\r\n").encode("utf-8"),
        TEXT.replace("\n", "\r").encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),
        TEXT.encode("cp1252"),
    ]
    ids = {article_id(decode_bytes(v)[0]) for v in variants}
    assert len(ids) == 1
    [aid] = ids
    assert len(aid) == 16 and int(aid, 16) >= 0


def test_article_id_ignores_case_spacing_width_and_invisible_characters() -> None:
    base = article_id("Polres Contoh Patroli\n\nIsi berita.")
    assert article_id("  POLRES  contoh\tpatroli Isi berita.  ") == base
    assert article_id("\ufeffPolres Contoh Patroli\u200b\n\nIsi berita.") == base
    assert article_id("Ｐｏｌｒｅｓ Contoh Patroli Isi berita.") == base  # full-width letters (NFKC)
    assert article_id("Polres Contoh Patroli\n\nIsi berita lain.") != base
    assert normalised_for_id(" A\u00a0\n b ") == "a b"


def test_article_id_never_raises_on_odd_strings() -> None:
    for s in ("", "\ud800", "\x00", "a" * 100_000):
        assert len(article_id(s)) == 16
