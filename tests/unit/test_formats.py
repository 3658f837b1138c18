"""Every input format read from real files on disk, and a reason for every kind of bad file."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store.errors import BadInput
from store.sources.decode import decode_bytes
from store.sources.formats import RawDoc, Skipped, iter_paths, read_source

BODY = "KOTA CONTOH – Polres Contoh menggelar patroli gabungan bersama TNI di Kecamatan Sukamaju."
BODY2 = "Kapolres Contoh AKBP Budi Santoso mengatakan patroli dilakukan setiap malam jelang Pilkada."


def read(path: Path, **kw: int) -> list[RawDoc | Skipped]:
    return list(read_source(path, **kw))


def one_doc(path: Path) -> RawDoc:
    [doc] = read(path)
    assert isinstance(doc, RawDoc), doc
    return doc


def one_skip(path: Path, **kw: int) -> Skipped:
    [skip] = read(path, **kw)
    assert isinstance(skip, Skipped), skip
    return skip


# -- plain text ----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["a.txt", "b.md", "c.markdown", "README", "berita 27.11.2024", "UPPER.TXT"])
def test_text_files_are_one_article(tmp_path: Path, name: str) -> None:
    p = tmp_path / name
    p.write_text(f"Judul\n\n{BODY}\n", encoding="utf-8")
    doc = one_doc(p)
    assert doc.source == str(p) and doc.text == f"Judul\n\n{BODY}\n" and doc.meta == {}


def test_text_file_with_crlf_bom_and_cp1252(tmp_path: Path) -> None:
    crlf = tmp_path / "crlf.txt"
    crlf.write_bytes(f"Judul\r\n\r\n{BODY}\r\n".encode())
    assert one_doc(crlf).text == f"Judul\n\n{BODY}\n"
    bom = tmp_path / "bom.md"
    bom.write_bytes(b"\xef\xbb\xbf# Judul\n")
    assert one_doc(bom).text == "# Judul\n"
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes("Kapolres: “aman” – Jum’at\n".encode("cp1252"))
    assert one_doc(legacy).text == "Kapolres: “aman” – Jum’at\n"


# -- HTML ----------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html><html><head>
<title>Judul Tab Panjang - Warta Contoh</title>
<meta property="og:title" content="Polres Contoh Gelar Patroli &amp; Sambang">
<meta property="og:site_name" content="Warta Contoh">
<meta property="og:url" content="https://wartacontoh.example/patroli">
<meta property="article:published_time" content="2024-11-25T08:00:00+07:00">
<meta name="author" content="Siti Rahma">
<style>p { color: red }</style>
<script>var tracker = "JANGAN_MASUK";</script>
</head><body>
<header><a href="/">Beranda</a></header>
<nav><ul><li>Politik</li><li>Hukum</li></ul></nav>
<article>
  <h1>Polres Contoh Gelar Patroli &amp; Sambang</h1>
  <p>{body}</p>
  <script>document.write("IKLAN_SKRIP")</script>
  <p>{body2}<br>Baris kedua paragraf.</p>
  <div>Teks tanpa paragraf<br><br>lalu paragraf baru</div>
  <ul><li>Satu</li><li>Dua</li></ul>
  <form><input value="CARI"><button>KIRIM</button></form>
  <aside>SAMPING_TERKAIT</aside>
</article>
<footer>© Warta Contoh FOOTER_TEKS</footer>
</body></html>"""


def test_html_article_body_and_metadata(tmp_path: Path) -> None:
    p = tmp_path / "page.html"
    p.write_text(PAGE.replace("{body}", BODY).replace("{body2}", BODY2), encoding="utf-8")
    doc = one_doc(p)
    assert doc.meta == {
        "title": "Polres Contoh Gelar Patroli & Sambang",
        "outlet": "Warta Contoh",
        "url": "https://wartacontoh.example/patroli",
        "published": "2024-11-25T08:00:00+07:00",
        "author": "Siti Rahma",
    }
    paragraphs = doc.text.split("\n\n")
    assert paragraphs[0] == "Polres Contoh Gelar Patroli & Sambang"  # title line, the <h1> not repeated
    assert paragraphs[1] == BODY
    assert paragraphs[2] == BODY2 + "\nBaris kedua paragraf."
    assert "Teks tanpa paragraf" in paragraphs and "lalu paragraf baru" in paragraphs
    assert "• Satu" in paragraphs and "• Dua" in paragraphs
    for junk in (
        "JANGAN_MASUK",
        "IKLAN_SKRIP",
        "CARI",
        "KIRIM",
        "SAMPING_TERKAIT",
        "FOOTER_TEKS",
        "Beranda",
        "Hukum",
    ):
        assert junk not in doc.text
    assert "\n\n\n" not in doc.text


def test_html_fallbacks_title_tag_time_and_canonical(tmp_path: Path) -> None:
    p = tmp_path / "plain.htm"
    p.write_text(
        "<html><head><title>Patroli Malam di Desa Contoh | Kabar Desa</title>"
        '<meta property="og:site_name" content="Kabar Desa"><link rel="canonical" href="https://kabar.example/1">'
        f'</head><body><main><time datetime="2024-10-07T15:35">7 Okt</time><p>{BODY}</p></main></body></html>',
        encoding="utf-8",
    )
    doc = one_doc(p)
    assert doc.meta["title"] == "Patroli Malam di Desa Contoh"  # site name cut from the <title>
    assert doc.meta["url"] == "https://kabar.example/1" and doc.meta["published"] == "2024-10-07T15:35"
    assert doc.text.startswith("Patroli Malam di Desa Contoh\n\n") and BODY in doc.text


def test_html_h1_title_json_ld_and_body_without_article(tmp_path: Path) -> None:
    ld = {
        "@context": "https://schema.org",
        "@graph": [
            {
                "@type": "NewsArticle",
                "datePublished": "2024-11-20",
                "author": [{"name": "Andi"}],
                "publisher": {"@type": "Organization", "name": "Media Contoh"},
            }
        ],
    }
    p = tmp_path / "ld.html"
    p.write_text(
        f'<html><head><script type="application/ld+json">{json.dumps(ld)}</script></head>'
        f"<body><h1>Judul Dari H1</h1><div>{BODY}</div><footer>kaki</footer></body></html>",
        encoding="utf-8",
    )
    doc = one_doc(p)
    assert doc.meta == {
        "title": "Judul Dari H1",
        "published": "2024-11-20",
        "author": "Andi",
        "outlet": "Media Contoh",
    }
    assert doc.text == f"Judul Dari H1\n\n{BODY}"


def test_html_in_windows_1252(tmp_path: Path) -> None:
    p = tmp_path / "lama.html"
    p.write_bytes(
        f"<html><body><article><p>Kapolres: “aman” – café. {BODY}</p></article></body></html>".encode(
            "cp1252"
        )
    )
    assert "“aman” – café" in one_doc(p).text


@pytest.mark.parametrize(
    "html",
    [
        "<html><head><script>alert('only a script')</script></head><body></body></html>",
        "<html><body><nav>Menu</nav><footer>Kaki</footer></body></html>",
    ],
)
def test_html_without_article_text_is_skipped(tmp_path: Path, html: str) -> None:
    p = tmp_path / "kosong.html"
    p.write_text(html, encoding="utf-8")
    assert "without article text" in one_skip(p).reason


def test_deeply_nested_html_does_not_overflow(tmp_path: Path) -> None:
    p = tmp_path / "deep.html"
    p.write_text(
        "<html><body>" + "<div>" * 5000 + BODY + "</div>" * 5000 + "</body></html>", encoding="utf-8"
    )
    assert BODY in one_doc(p).text


# -- JSONL / JSON ----------------------------------------------------------------------------------


def test_jsonl_rows_aliases_and_bad_lines(tmp_path: Path) -> None:
    p = tmp_path / "ekspor.jsonl"
    lines = [
        json.dumps(
            {
                "title": "Satu",
                "text": BODY,
                "outlet": "Contoh.id",
                "url": "https://x.example/1",
                "published": "2024-11-25",
                "author": "Rina",
            }
        ),
        "",
        '{"title": "Rusak", "text": ',
        json.dumps({"Judul": "Dua", "ISI": BODY2, "Tanggal": "25/11/2024", "Media": "Warta"}),
        json.dumps({"title": "Tanpa isi", "url": "https://x.example/3"}),
        json.dumps({"title": "Isi kosong", "body": "   "}),
        json.dumps(["bukan", "objek"]),
        json.dumps({"title": "Isi angka", "content": 12345}),
        json.dumps({"title": "Tiga", "content": "Tiga\n\n" + BODY}),
        json.dumps({"headline": "Empat", "body": BODY + "\r\nbaris\rlain", "date": 2024}),
    ]
    p.write_bytes(("\r\n".join(lines) + "\r\n").encode())
    out = read(p)
    kinds = [type(o).__name__ for o in out]
    assert kinds == [
        "RawDoc",
        "Skipped",
        "RawDoc",
        "Skipped",
        "Skipped",
        "Skipped",
        "Skipped",
        "RawDoc",
        "RawDoc",
    ]
    first, broken, second, no_text, empty, not_obj, number, third, fourth = out
    assert first.source == f"{p}#L1" and first.text == f"Satu\n\n{BODY}"
    assert first.meta == {
        "title": "Satu",
        "outlet": "Contoh.id",
        "url": "https://x.example/1",
        "published": "2024-11-25",
        "author": "Rina",
    }
    assert broken.source == f"{p}#L3" and broken.reason == "line 3: invalid JSON"
    assert second.meta == {"title": "Dua", "published": "25/11/2024", "outlet": "Warta"}
    assert second.text == f"Dua\n\n{BODY2}"
    assert no_text.reason.startswith("line 5: no text field")
    assert empty.reason.startswith("line 6:") and "empty" in empty.reason
    assert "not a JSON object" in not_obj.reason
    assert number.reason.startswith("line 8:")
    assert third.text == "Tiga\n\n" + BODY  # the body already opens with its title: not doubled
    assert fourth.text == f"Empat\n\n{BODY}\nbaris\nlain" and fourth.meta["published"] == "2024"


def test_json_array_and_single_object(tmp_path: Path) -> None:
    arr = tmp_path / "arr.json"
    arr.write_text(json.dumps([{"title": "A", "text": BODY}, 5, {"title": "B"}]), encoding="utf-8")
    a, five, b = read(arr)
    assert isinstance(a, RawDoc) and a.source == f"{arr}#item1"
    assert isinstance(five, Skipped) and isinstance(b, Skipped) and "no text" in b.reason
    obj = tmp_path / "obj.json"
    obj.write_text(json.dumps({"judul": "C", "isi": BODY}), encoding="utf-8")
    assert one_doc(obj).text == f"C\n\n{BODY}"
    bad = tmp_path / "bad.json"
    bad.write_text("[{", encoding="utf-8")
    assert "invalid JSON" in one_skip(bad).reason


# -- CSV -----------------------------------------------------------------------------------------


def test_csv_rows_with_multiline_cells_and_indonesian_headers(tmp_path: Path) -> None:
    p = tmp_path / "sheet.csv"
    p.write_text(
        "Judul,Media,Tanggal,Isi\n"
        f'"Patroli, Malam",warta.example,2024-11-26,"{BODY}\n\n{BODY2}"\n'
        '"Kutip ""ganda""",x,,"Isi dengan ""kutipan"" di dalam."\n',
        encoding="utf-8",
    )
    first, second = read(p)
    assert isinstance(first, RawDoc) and isinstance(second, RawDoc)
    assert first.source == f"{p}#row2" and second.source == f"{p}#row3"
    assert first.text == f"Patroli, Malam\n\n{BODY}\n\n{BODY2}"
    assert first.meta == {"title": "Patroli, Malam", "outlet": "warta.example", "published": "2024-11-26"}
    assert second.text == 'Kutip "ganda"\n\nIsi dengan "kutipan" di dalam.'


def test_csv_semicolon_bom_and_crlf_from_excel(tmp_path: Path) -> None:
    p = tmp_path / "excel.csv"
    p.write_bytes(b"\xef\xbb\xbfjudul;isi;tanggal\r\nSatu;" + BODY.encode() + b";25/11/2024\r\n")
    doc = one_doc(p)
    assert doc.text == f"Satu\n\n{BODY}" and doc.meta["published"] == "25/11/2024"


def test_csv_bad_rows_are_skipped_and_the_rest_read(tmp_path: Path) -> None:
    p = tmp_path / "campur.csv"
    p.write_text(
        "title,outlet,text\n"
        f"Baik,a,{BODY}\n"
        f'"Rusak"x,b,{BODY}\n'  # bad quoting
        "Pendek,c\n"  # the text column is missing
        f"Lebih,d,{BODY},sel lebih\n"  # more cells than the header
        "Kosong,e,   \n"
        "\n"
        f"Akhir,f,{BODY2}\n",
        encoding="utf-8",
    )
    out = read(p)
    assert [type(o).__name__ for o in out] == ["RawDoc", "Skipped", "Skipped", "Skipped", "Skipped", "RawDoc"]
    assert out[0].source.endswith("#row2") and out[-1].text == f"Akhir\n\n{BODY2}"
    assert "row 3" in out[1].reason and "quoting" in out[1].reason
    assert "row 4" in out[2].reason and "cells" in out[2].reason and "missing" in out[2].reason
    assert "row 5" in out[3].reason and "4 cells" in out[3].reason
    assert "row 6" in out[4].reason and "empty" in out[4].reason


def test_csv_unclosed_quote_and_missing_text_column(tmp_path: Path) -> None:
    p = tmp_path / "terbuka.csv"
    p.write_text(f'title,text\nSatu,{BODY}\nDua,"tidak pernah ditutup\nTiga,x\n', encoding="utf-8")
    first, rest = read(p)
    assert isinstance(first, RawDoc) and isinstance(rest, Skipped) and "unclosed quote" in rest.reason
    nocol = tmp_path / "nocol.csv"
    nocol.write_text("nama,alamat\nBudi,Jakarta\n", encoding="utf-8")
    reason = one_skip(nocol).reason
    assert "no text column" in reason and "nama, alamat" in reason


def test_csv_field_larger_than_the_default_limit(tmp_path: Path) -> None:
    long_body = (BODY + " ") * 3000  # ~270 KB, more than csv's 128 KiB default field limit
    p = tmp_path / "panjang.csv"
    p.write_text(f'title,text\nPanjang,"{long_body}"\n', encoding="utf-8")
    assert one_doc(p).text.endswith(long_body)


# -- bad files -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "needle"),
    [
        ("scan.pdf", b"%PDF-1.7\n", "unsupported file type .pdf"),
        ("foto.png", b"\x89PNG\r\n\x1a\n", "unsupported file type .png"),
        ("laporan.docx", b"PK\x03\x04", "unsupported file type .docx"),
        ("arsip.zip", b"PK\x03\x04", "unsupported file type .zip"),
        ("bin.txt", bytes(range(256)) * 4, "binary"),
        ("nul.md", b"Judul\x00isi" * 10, "binary"),
        ("kosong.txt", b"", "empty file"),
        ("spasi.txt", b" \n\t \r\n", "whitespace"),
        ("kosong.jsonl", b"\n\n", "empty file"),
        ("gambar", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),  # extensionless but not text
    ],
)
def test_bad_files_get_a_one_line_reason(tmp_path: Path, name: str, data: bytes, needle: str) -> None:
    p = tmp_path / name
    p.write_bytes(data)
    skip = one_skip(p)
    assert skip.source == str(p) and needle in skip.reason and "\n" not in skip.reason


def test_too_large_file_is_refused_with_its_size(tmp_path: Path) -> None:
    p = tmp_path / "besar.txt"
    p.write_text("x" * 3000, encoding="utf-8")
    assert one_skip(p, max_bytes=1024).reason == "too large: 2.9 KB (limit 1 KB)"
    assert isinstance(one_doc(p), RawDoc)  # under the default limit


def test_vanished_file_and_directory(tmp_path: Path) -> None:
    assert "vanished" in one_skip(tmp_path / "hilang.txt").reason
    (tmp_path / "folder.txt").mkdir()
    assert one_skip(tmp_path / "folder.txt").reason == "is a directory"


def test_unreadable_file(tmp_path: Path) -> None:
    p = tmp_path / "rahasia.txt"
    p.write_text(BODY, encoding="utf-8")
    p.chmod(0)
    try:
        if os.access(p, os.R_OK):
            pytest.skip("running as a user (root) who can read a chmod 000 file")
        assert one_skip(p).reason == "permission denied"
    finally:
        p.chmod(0o644)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_pipe_is_refused_not_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipa.txt"
    os.mkfifo(fifo)
    assert "not a regular file" in one_skip(fifo).reason


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    data=st.binary(max_size=400),
    suffix=st.sampled_from([".txt", ".md", ".html", ".jsonl", ".json", ".csv", ""]),
)
def test_any_bytes_in_any_format_never_raise(tmp_path: Path, data: bytes, suffix: str) -> None:
    p = tmp_path / f"acak{suffix}"
    p.write_bytes(data)
    for out in read_source(p):
        assert isinstance(out, RawDoc | Skipped)
        if isinstance(out, RawDoc):
            assert out.text.strip() and "\r" not in out.text
        else:
            assert out.reason and "\n" not in out.reason


# -- finding files ---------------------------------------------------------------------------------


def make_tree(root: Path) -> None:
    for rel in (
        "b.txt",
        "a.md",
        "sub/c.txt",
        "sub/deeper/d.jsonl",
        ".hidden.txt",
        ".git/config.txt",
        "sub/.secret/e.txt",
        "z.csv",
    ):
        f = root / rel
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text(BODY, encoding="utf-8")


def rels(root: Path, found: list[Path | Skipped]) -> list[str]:
    return [p.relative_to(root).as_posix() for p in found if isinstance(p, Path)]


def test_iter_paths_walks_directories_sorted_without_hidden(tmp_path: Path) -> None:
    make_tree(tmp_path)
    found = list(iter_paths([str(tmp_path)]))
    assert rels(tmp_path, found) == ["a.md", "b.txt", "z.csv", "sub/c.txt", "sub/deeper/d.jsonl"]


def test_iter_paths_globs_files_missing_and_duplicates(tmp_path: Path) -> None:
    make_tree(tmp_path)
    args = [
        str(tmp_path / "b.txt"),
        str(tmp_path / "**" / "*.txt"),
        str(tmp_path / "tidak-ada.txt"),
        str(tmp_path / "*.pdf"),
        tmp_path / "sub",  # a PathLike folder; its files were already found by the glob
    ]
    found = list(iter_paths(args))
    assert rels(tmp_path, found) == ["b.txt", "sub/c.txt", "sub/deeper/d.jsonl"]
    skipped = [s for s in found if isinstance(s, Skipped)]
    assert [s.source for s in skipped] == [str(tmp_path / "tidak-ada.txt"), str(tmp_path / "*.pdf")]
    assert (
        skipped[0].reason == "no such file or directory"
        and skipped[1].reason == "no files match this pattern"
    )


def test_iter_paths_glob_matching_a_folder_recurses(tmp_path: Path) -> None:
    make_tree(tmp_path)
    assert rels(tmp_path, list(iter_paths([str(tmp_path / "s*")]))) == ["sub/c.txt", "sub/deeper/d.jsonl"]


def test_iter_paths_survives_a_symlink_loop(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    assert rels(tmp_path, list(iter_paths([str(tmp_path)]))) == ["a.txt"]


def test_iter_paths_then_read_source_end_to_end(tmp_path: Path) -> None:
    make_tree(tmp_path)
    (tmp_path / "sub" / "deeper" / "d.jsonl").write_text(json.dumps({"title": "J", "text": BODY}) + "\n")
    (tmp_path / "z.csv").write_text(f"title,text\nC,{BODY}\n", encoding="utf-8")
    docs = [d for p in iter_paths([str(tmp_path)]) if isinstance(p, Path) for d in read_source(p)]
    assert all(isinstance(d, RawDoc) for d in docs) and len(docs) == 5


def test_html_picks_the_longest_article_not_a_teaser_card(tmp_path: Path) -> None:
    p = tmp_path / "teaser.html"
    p.write_text(
        "<html><head><title>Judul Utama</title></head><body>"
        "<article><h2>Berita Lain</h2><p>Ringkasan pendek.</p></article>"
        f"<article><p>{BODY}</p><p>{BODY2}</p></article></body></html>",
        encoding="utf-8",
    )
    doc = one_doc(p)
    assert doc.text == f"Judul Utama\n\n{BODY}\n\n{BODY2}" and "Ringkasan" not in doc.text


# -- merged from the former input-formats tests (the same reader, other shapes of the same inputs) ---------------

PLAIN_BODY = "Polres Contoh melaksanakan patroli malam di Kecamatan Sukamaju jelang Pilkada 2024."


def test_txt_md_utf16_and_lone_cr(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(("Judul\r\n\r\n" + PLAIN_BODY + "\r\n").encode())
    (tmp_path / "b.md").write_bytes(b"\xef\xbb\xbf# Judul\n\n" + PLAIN_BODY.encode())
    (tmp_path / "c.txt").write_bytes("Kapolres menyampaikan “aman” dan café\n".encode("cp1252") + PLAIN_BODY.encode())
    (tmp_path / "d.txt").write_bytes(("Judul\rBaris dua\r" + PLAIN_BODY).encode("utf-16"))
    a, b, c, d = (read(tmp_path / n)[0] for n in ("a.txt", "b.md", "c.txt", "d.txt"))
    assert isinstance(a, RawDoc) and "\r" not in a.text and a.text.startswith("Judul\n\nPolres")
    assert isinstance(b, RawDoc) and b.text.startswith("# Judul")
    assert isinstance(c, RawDoc) and "“aman”" in c.text and "café" in c.text
    assert isinstance(d, RawDoc) and d.text.startswith("Judul\nBaris dua\n")


def test_jsonl_rows_and_broken_lines(tmp_path: Path) -> None:
    p = tmp_path / "x.jsonl"
    rows = [json.dumps({"title": "Satu", "text": PLAIN_BODY, "outlet": "antaranews.com", "published": "2024-11-25"}),
            "{not json", json.dumps({"title": "Tanpa isi"}), json.dumps(["list"]),
            json.dumps({"judul": "Dua", "isi": PLAIN_BODY + " Dua."})]
    p.write_text("\n".join(rows) + "\n")
    out = read(p)
    assert [type(o).__name__ for o in out] == ["RawDoc", "Skipped", "Skipped", "Skipped", "RawDoc"]
    assert out[0].source.endswith("#L1") and out[0].meta["outlet"] == "antaranews.com"
    assert out[0].text.startswith("Satu\n\n")
    assert "invalid JSON" in out[1].reason and "no text" in out[2].reason
    assert out[4].meta["title"] == "Dua"


def test_csv_rows_bad_rows_and_missing_column(tmp_path: Path) -> None:
    good = tmp_path / "ok.csv"
    good.write_text('title,outlet,published,url,text\n"Satu",tribun,2024-11-27,http://x,"' + PLAIN_BODY
                    + '\nbaris kedua"\nDua,kompas\n')
    out = read(good)
    assert isinstance(out[0], RawDoc) and out[0].source.endswith("#row2") and "baris kedua" in out[0].text
    assert isinstance(out[1], Skipped) and "cells" in out[1].reason
    nocol = tmp_path / "nocol.csv"
    nocol.write_text("a,b\n1,2\n")
    [skip] = read(nocol)
    assert isinstance(skip, Skipped) and "no text column" in skip.reason
    badq = tmp_path / "badq.csv"
    badq.write_text('title,text\n"A","' + PLAIN_BODY + '"x"\n')
    assert all(isinstance(o, Skipped) for o in read(badq))


def test_html_page(tmp_path: Path) -> None:
    p = tmp_path / "page.html"
    p.write_text("""<html><head><title>Judul Tab</title>
    <meta property="og:title" content="Polres Contoh Gelar Patroli">
    <meta property="og:site_name" content="Kabar Contoh">
    <meta property="article:published_time" content="2024-11-25T08:00:00+07:00">
    <script>alert('x')</script></head><body><nav>Menu Beranda</nav>
    <article><h1>Polres Contoh Gelar Patroli</h1><p>""" + PLAIN_BODY + """</p><p>Paragraf kedua.</p></article>
    <footer>© Kabar Contoh</footer></body></html>""")
    [doc] = read(p)
    assert isinstance(doc, RawDoc)
    assert doc.text == "Polres Contoh Gelar Patroli\n\n" + PLAIN_BODY + "\n\nParagraf kedua."
    assert doc.meta["outlet"] == "Kabar Contoh" and doc.meta["published"].startswith("2024-11-25")
    assert "alert" not in doc.text and "Menu" not in doc.text


@pytest.mark.parametrize(("name", "data", "reason"), [
    ("bin.txt", bytes(range(256)) * 4, "binary"),
    ("empty.txt", b"", "empty"),
    ("space.txt", b"  \n\t\n ", "whitespace"),
    ("nul.txt", b"abc\x00def" * 10, "binary"),
    ("photo.png", b"\x89PNG....", "unsupported"),
])
def test_bad_files_get_a_reason_in_their_words(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    (tmp_path / name).write_bytes(data)
    [out] = read(tmp_path / name)
    assert isinstance(out, Skipped) and reason in out.reason


def test_too_large_and_vanished_files(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("x" * 5000)
    [out] = read(big, max_bytes=1000)
    assert isinstance(out, Skipped) and "too large" in out.reason
    gone = tmp_path / "gone.txt"
    [out] = read(gone)
    assert isinstance(out, Skipped) and "vanished" in out.reason


def test_iter_paths_directories_globs_and_missing(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text(PLAIN_BODY)
    (tmp_path / "a.txt").write_text(PLAIN_BODY)
    (tmp_path / ".hidden.txt").write_text(PLAIN_BODY)
    found = list(iter_paths([str(tmp_path), str(tmp_path / "**" / "*.txt"), str(tmp_path / "nope.txt")]))
    names = [p.name for p in found if isinstance(p, Path)]
    assert names[:2] == ["a.txt", "b.txt"] and ".hidden.txt" not in names[:2]
    assert isinstance(found[-1], Skipped) and "no such file" in found[-1].reason


def test_decode_refuses_binary_and_keeps_control_characters() -> None:
    with pytest.raises(BadInput):
        decode_bytes(b"\x00\x01\x02\x03" * 100)
    text, enc = decode_bytes(b"Judul \x1b[31mmerah\x1b[0m\n")
    assert "\x1b[31m" in text and enc == "utf-8"
