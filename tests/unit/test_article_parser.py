"""The article parser on real-shaped raw pages (written for these tests, in the seeds' shapes)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from store.sources.formats import RawDoc
from store.text.parse import parse_article

MARKDOWN_PAGE = """

# KABARSULSEL

## Polsek Tanete Gelar Patroli Dialogis Jelang Pilkada

Andi Rahman - [TANETE.KABARSULSEL.ID](http://TANETE.KABARSULSEL.ID)

Nov 18, 2024 - 21:05



*Polsek Tanete Gelar Patroli Dialogis Jelang Pilkada*

TANETE– Personel Polsek Tanete melaksanakan patroli dialogis di sejumlah desa pada Senin malam untuk menjaga kamtibmas.

Kapolsek Tanete, Iptu Hasanuddin, S.H., mengatakan kegiatan ini rutin dilakukan.

(Humas Polsek Tanete)
"""

CAPS_DATELINE = """Polres Lampung Barat Siapkan Rencana Pengamanan TPS

Polres Lampung Barat Siapkan Rencana Pengamanan TPS

--

LIWA, RADARLAMPUNG.CO.ID - Polres Lampung Barat menyiapkan rencana pengamanan tempat pemungutan suara.

BACA JUGA:Harga Kopi Robusta Naik Lagi

Kapolres Lampung Barat AKBP Ryan Sanjaya, S.I.K. memimpin rapat.

Cek Berita dan Artikel yang lain di Google News

Sumber:
"""

AGENCY = """Polda Papua Kerahkan 1.200 Personel Amankan Pleno

Jayapura (ANTARA) - Polda Papua mengerahkan 1.200 personel untuk mengamankan rapat pleno rekapitulasi suara.

Pewarta: Evarukdijati
Editor: Budi Santoso
COPYRIGHT © ANTARA 2024
"""

RELATED = """Wujudkan Pilkada Damai, Polres Subang Perkuat Sinergi

    Wujudkan Pilkada Damai, Polres Subang Perkuat Sinergi

    SUBANG - Polres Subang memperkuat sinergi dengan penyelenggara pemilu dan TNI.

    "Kami siap mengamankan seluruh tahapan," kata Kapolres.

    Artikel Sebelumnya

    Cegah Hoaks, Polisi Sambangi Warga...

    Berita terkait

    Rekomendasi berita

    Jalan Rusak di Pagaden Dikeluhkan Warga
    Harga Beras Stabil Jelang Akhir Tahun

    Tags
"""


def parse(text: str):
    return parse_article(RawDoc("t.txt", text))


def noise_lines(p) -> list[str]:
    return [n.text.strip() for n in p.noise]


def test_markdown_heading_byline_timestamp_and_title_copy() -> None:
    p = parse(MARKDOWN_PAGE)
    assert p.title == "Polsek Tanete Gelar Patroli Dialogis Jelang Pilkada"
    assert p.outlet == "tanete.kabarsulsel.id" and p.author == "Andi Rahman"
    assert p.published == "2024-11-18T21:05" and p.dateline == "Tanete"
    lines = noise_lines(p)
    assert "# KABARSULSEL" in lines and "*Polsek Tanete Gelar Patroli Dialogis Jelang Pilkada*" in lines
    assert "(Humas Polsek Tanete)" not in lines
    assert p.text == MARKDOWN_PAGE  # never rewritten


def test_repeated_title_caps_dateline_and_boilerplate() -> None:
    p = parse(CAPS_DATELINE)
    assert p.title == "Polres Lampung Barat Siapkan Rencana Pengamanan TPS"
    assert p.outlet == "radarlampung.co.id" and p.dateline == "Liwa"
    lines = noise_lines(p)
    assert lines[0] == "Polres Lampung Barat Siapkan Rencana Pengamanan TPS"
    assert "--" in lines and "Sumber:" in lines and "BACA JUGA:Harga Kopi Robusta Naik Lagi" in lines
    assert "Cek Berita dan Artikel yang lain di Google News" in lines


def test_agency_dateline_and_editor_lines() -> None:
    p = parse(AGENCY)
    assert p.outlet == "ANTARA" and p.dateline == "Jayapura"
    assert {"Pewarta: Evarukdijati", "Editor: Budi Santoso", "COPYRIGHT © ANTARA 2024"} <= set(noise_lines(p))


def test_related_article_lists_are_noise() -> None:
    p = parse(RELATED)
    lines = noise_lines(p)
    for needle in ("Artikel Sebelumnya", "Cegah Hoaks, Polisi Sambangi Warga...", "Rekomendasi berita",
                   "Harga Beras Stabil Jelang Akhir Tahun", "Tags"):
        assert needle in lines
    assert not any(line.startswith('"Kami siap') for line in lines)
    assert p.dateline == "Subang"


def test_crlf_and_meta_override() -> None:
    p = parse_article(RawDoc("x.jsonl#L1", "Isi berita\n\nPolres Contoh patroli.",
                             {"title": "Judul Meta", "outlet": "Kompas.com", "published": "27/11/2024"}))
    assert p.title == "Judul Meta" and p.outlet == "kompas.com" and p.published == "2024-11-27"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=400))
def test_parser_is_total_and_spans_are_lines(text: str) -> None:
    text = text.replace("\r", "")
    p = parse(text)
    assert p.text == text
    last = -1
    for span in p.noise:
        assert 0 <= span.start <= span.end <= len(text)
        assert text[span.start:span.end] == span.text
        assert span.start == 0 or text[span.start - 1] == "\n"
        assert span.start > last
        last = span.start
