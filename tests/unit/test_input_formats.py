"""Reading real files of every supported format, and a verdict for every kind of bad file."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from store.errors import BadInput
from store.sources.decode import decode_bytes
from store.sources.formats import RawDoc, Skipped, iter_paths, read_source

BODY = "Polres Contoh melaksanakan patroli malam di Kecamatan Sukamaju jelang Pilkada 2024."


def docs(path: Path, **kw: int) -> list[RawDoc | Skipped]:
    return list(read_source(path, **kw))


def test_txt_md_and_encodings(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(("Judul\r\n\r\n" + BODY + "\r\n").encode())
    (tmp_path / "b.md").write_bytes(b"\xef\xbb\xbf# Judul\n\n" + BODY.encode())
    (tmp_path / "c.txt").write_bytes("Kapolres menyampaikan “aman” dan café\n".encode("cp1252") + BODY.encode())
    (tmp_path / "d.txt").write_bytes(("Judul\rBaris dua\r" + BODY).encode("utf-16"))
    a, b, c, d = (docs(tmp_path / n)[0] for n in ("a.txt", "b.md", "c.txt", "d.txt"))
    assert isinstance(a, RawDoc) and "\r" not in a.text and a.text.startswith("Judul\n\nPolres")
    assert isinstance(b, RawDoc) and b.text.startswith("# Judul")
    assert isinstance(c, RawDoc) and "“aman”" in c.text and "café" in c.text
    assert isinstance(d, RawDoc) and d.text.startswith("Judul\nBaris dua\n")


def test_jsonl_rows_and_broken_lines(tmp_path: Path) -> None:
    p = tmp_path / "x.jsonl"
    rows = [json.dumps({"title": "Satu", "text": BODY, "outlet": "antaranews.com", "published": "2024-11-25"}),
            "{not json", json.dumps({"title": "Tanpa isi"}), json.dumps(["list"]),
            json.dumps({"judul": "Dua", "isi": BODY + " Dua."})]
    p.write_text("\n".join(rows) + "\n")
    out = docs(p)
    assert [type(o).__name__ for o in out] == ["RawDoc", "Skipped", "Skipped", "Skipped", "RawDoc"]
    assert out[0].source.endswith("#L1") and out[0].meta["outlet"] == "antaranews.com"
    assert out[0].text.startswith("Satu\n\n")
    assert "invalid JSON" in out[1].reason and "no text" in out[2].reason
    assert out[4].meta["title"] == "Dua"


def test_csv_rows_bad_rows_and_missing_column(tmp_path: Path) -> None:
    good = tmp_path / "ok.csv"
    good.write_text('title,outlet,published,url,text\n"Satu",tribun,2024-11-27,http://x,"' + BODY
                    + '\nbaris kedua"\nDua,kompas\n')
    out = docs(good)
    assert isinstance(out[0], RawDoc) and out[0].source.endswith("#row2") and "baris kedua" in out[0].text
    assert isinstance(out[1], Skipped) and "cells" in out[1].reason
    nocol = tmp_path / "nocol.csv"
    nocol.write_text("a,b\n1,2\n")
    [skip] = docs(nocol)
    assert isinstance(skip, Skipped) and "no text column" in skip.reason
    badq = tmp_path / "badq.csv"
    badq.write_text('title,text\n"A","' + BODY + '"x"\n')
    assert all(isinstance(o, Skipped) for o in docs(badq))


def test_html_page(tmp_path: Path) -> None:
    p = tmp_path / "page.html"
    p.write_text("""<html><head><title>Judul Tab</title>
    <meta property="og:title" content="Polres Contoh Gelar Patroli">
    <meta property="og:site_name" content="Kabar Contoh">
    <meta property="article:published_time" content="2024-11-25T08:00:00+07:00">
    <script>alert('x')</script></head><body><nav>Menu Beranda</nav>
    <article><h1>Polres Contoh Gelar Patroli</h1><p>""" + BODY + """</p><p>Paragraf kedua.</p></article>
    <footer>© Kabar Contoh</footer></body></html>""")
    [doc] = docs(p)
    assert isinstance(doc, RawDoc)
    assert doc.text == "Polres Contoh Gelar Patroli\n\n" + BODY + "\n\nParagraf kedua."
    assert doc.meta["outlet"] == "Kabar Contoh" and doc.meta["published"].startswith("2024-11-25")
    assert "alert" not in doc.text and "Menu" not in doc.text


@pytest.mark.parametrize(("name", "data", "reason"), [
    ("bin.txt", bytes(range(256)) * 4, "binary"),
    ("empty.txt", b"", "empty"),
    ("space.txt", b"  \n\t\n ", "whitespace"),
    ("nul.txt", b"abc\x00def" * 10, "binary"),
    ("photo.png", b"\x89PNG....", "unsupported"),
])
def test_bad_files_get_a_reason(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    (tmp_path / name).write_bytes(data)
    [out] = docs(tmp_path / name)
    assert isinstance(out, Skipped) and reason in out.reason


def test_too_large_and_vanished_files(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("x" * 5000)
    [out] = docs(big, max_bytes=1000)
    assert isinstance(out, Skipped) and "too large" in out.reason
    gone = tmp_path / "gone.txt"
    [out] = docs(gone)
    assert isinstance(out, Skipped) and "vanished" in out.reason


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read a chmod 000 file")
def test_unreadable_file(tmp_path: Path) -> None:
    p = tmp_path / "secret.txt"
    p.write_text(BODY)
    p.chmod(0)
    [out] = docs(p)
    assert isinstance(out, Skipped) and "permission" in out.reason


def test_iter_paths_directories_globs_and_missing(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text(BODY)
    (tmp_path / "a.txt").write_text(BODY)
    (tmp_path / ".hidden.txt").write_text(BODY)
    found = list(iter_paths([str(tmp_path), str(tmp_path / "**" / "*.txt"), str(tmp_path / "nope.txt")]))
    names = [p.name for p in found if isinstance(p, Path)]
    assert names[:2] == ["a.txt", "b.txt"] and ".hidden.txt" not in names[:2]
    assert isinstance(found[-1], Skipped) and "no such file" in found[-1].reason


def test_decode_refuses_binary_and_keeps_control_characters() -> None:
    with pytest.raises(BadInput):
        decode_bytes(b"\x00\x01\x02\x03" * 100)
    text, enc = decode_bytes(b"Judul \x1b[31mmerah\x1b[0m\n")
    assert "\x1b[31m" in text and enc == "utf-8"
