"""Record pre-fill on invented real-shaped pages, one class of error per test (issue 10, item 3):
where the activity happened, the acting unit, the partners and the type. Each page is ingested
into a real store on disk and drafted through ``Store.draft_record``, as the workbench does."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import store

PAGES = {
    "lede": """Polres Lembah Sari Sebar 512 Personel Jaga TPS

LEMBAH SARI, WARTAPANTURA.COM - Polres Lembah Sari menyebar 512 personel untuk menjaga 1.240 TPS di 17 kecamatan pada hari pemungutan suara, Rabu (27/11/2024).

Personel Polsek Cikupa berjaga di TPS 09 Desa Mekarsari sejak pukul 06.00 WIB.
""",
    "back": """Kapolsek Sindangsari Pantau TPS Rawan

SINDANGSARI - Kapolsek Sindangsari IPTU Budi Hartono memantau pemungutan suara di TPS 05 Desa Sukatani, Kecamatan Sindangsari, Rabu (27/11/2024).

Di TPS tersebut, dua personel Polsek Sindangsari berjaga bersama Linmas.

Sore harinya, kotak suara dibawa ke Hotel Permata Ciranjang untuk rekapitulasi tingkat kecamatan.

Hotel itu dijaga enam personel Polsek Sindangsari hingga pleno selesai.
""",
    "acronym": """Polres Ciranjang Jaga Logistik 24 Jam

CIRANJANG - Personel Polres Ciranjang melakukan pengamanan penuh di gudang logistik Komisi Pemilihan Umum (KPU) Kabupaten Ciranjang, Sabtu (9/11/2024).
""",
}


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[store.Store, dict[str, str]]]:
    tmp = tmp_path_factory.mktemp("prefill-location")
    src = tmp / "in"
    src.mkdir()
    for name, text in PAGES.items():
        (src / f"{name}.txt").write_text(text, encoding="utf-8")
    with store.open(tmp / "store", reviewer="rina") as st:
        st.ingest([src])
        yield st, {Path(a.source).stem: a.id for a in st.articles()}


def draft(pages: tuple[store.Store, dict[str, str]], page: str, needle: str) -> dict[str, Any]:
    """The draft of the sentence holding ``needle`` (from its paragraph's start to its full stop)."""
    st, ids = pages
    art = st.article(ids[page])
    at = art.text.index(needle)
    start = max(art.text.rfind("\n", 0, at) + 1, art.text.rfind(". ", 0, at) + 2)
    return st.draft_record(ids[page], start, art.text.index(".", at + len(needle)) + 1)


def test_a_lede_naming_no_place_takes_its_dateline(pages: Any) -> None:
    assert draft(pages, "lede", "menyebar 512")["location"] == "Lembah Sari"
    # a later sentence naming its own venue keeps it; the dateline is the lede's alone
    assert draft(pages, "lede", "Personel Polsek Cikupa")["location"] == "TPS 09 Desa Mekarsari"


def test_a_sentence_pointing_back_to_a_kind_of_venue_takes_the_last_one_named(pages: Any) -> None:
    assert draft(pages, "back", "Di TPS tersebut")["location"] == "TPS 05 Desa Sukatani"
    assert draft(pages, "back", "Hotel itu dijaga")["location"] == "Hotel Permata Ciranjang"


def test_a_venue_named_after_a_body_written_out_with_its_acronym_is_whole(pages: Any) -> None:
    got = draft(pages, "acronym", "pengamanan penuh")
    assert got["location"] == "gudang logistik Komisi Pemilihan Umum (KPU) Kabupaten Ciranjang"
    assert got["partners"] == []  # the body the warehouse belongs to names the place guarded
