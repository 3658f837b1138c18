"""Record pre-fill by the conventions the gold set settles where the guidelines are silent
(tests/gold/real/README.md, "Conventions where the guidelines are silent"): the article's unit in
its short form, and a record drafted from the clause a reviewer selected when one sentence tells
two activities or a figure split by unit or place. Pages are invented in the shape of real ones
and drafted through ``Store.draft_record``."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.unit.prefill_pages import Opened, draft, open_pages

PAGES = {
    "long": """Polres Bukit Sari Geser Logistik ke Kecamatan

BUKIT SARI (KABARHULU) - Kepolisian Resor (Polres) Bukit Sari mengerahkan 90 personel untuk mengawal logistik pilkada dari Gudang Logistik KPU Kabupaten Bukit Sari, Senin (25/11/2024).

Setibanya di kecamatan, logistik dijaga tiga personel di setiap gudang PPK selama 24 jam.
""",
    "plain_long": """Logistik Pilkada Tiba di Kecamatan

Rantau Baru (ANTARA) - Kepolisian Resor Lembah Hijau mengerahkan 70 personel untuk mengawal logistik pilkada, Senin.

Logistik yang tiba di kecamatan dijaga dua personel selama 24 jam.
""",
    "split": """Ratusan Personel Jaga TPS di Lembah Hijau

LEMBAH HIJAU - Polres Lembah Hijau mengerahkan 300 personel untuk mengamankan pemungutan suara di halaman Mapolres Lembah Hijau, Rabu (27/11/2024).

Di wilayah Polsek Batu Putih, 30 personel menjaga 90 TPS, Polsek Karang Anyar menempatkan 25 personel untuk 70 TPS, sedangkan Polsek Sungai Jernih mengerahkan 20 personel di 66 TPS.

Sisanya, 40 personel, tetap di markas sebagai cadangan.

Sore harinya, ratusan warga berunjuk rasa di depan Kantor Bawaslu Kabupaten Lembah Hijau.

Personel Sat Samapta berjaga di depan pagar kantor, sementara Sat Lantas mengalihkan arus kendaraan ke Jalan Melati.
""",
}


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Opened]:
    yield from open_pages(tmp_path_factory.mktemp("conventions"), PAGES)


def drafted(pages: Opened, page: str, needle: str) -> dict[str, Any]:
    return draft(pages, page, needle)


@pytest.mark.parametrize(("page", "needle", "unit"), [
    ("long", "Kepolisian Resor (Polres)", "Kepolisian Resor (Polres) Bukit Sari"),  # written: as written
    ("long", "Setibanya di kecamatan", "Polres Bukit Sari"),  # the article's: its short form
    ("plain_long", "Logistik yang tiba", "Polres Lembah Hijau"),
])
def test_the_articles_unit_is_named_in_its_short_form(pages: Opened, page: str, needle: str,
                                                      unit: str) -> None:
    assert drafted(pages, page, needle)["unit"] == unit


def clause(pages: Opened, page: str, needle: str) -> dict[str, Any]:
    """The draft of exactly ``needle``: the span a reviewer selected."""
    st, ids = pages
    at = st.article(ids[page]).text.index(needle)
    return st.draft_record(ids[page], at, at + len(needle))


@pytest.mark.parametrize("needle", ["Polsek Karang Anyar menempatkan 25 personel untuk 70 TPS",
                                    "Polsek Sungai Jernih mengerahkan 20 personel di 66 TPS."])
def test_personnel_placed_for_or_at_counted_polling_stations_guard_them(pages: Opened, needle: str) -> None:
    assert clause(pages, "split", needle)["type"] == "static_guard"


def test_a_selection_ending_at_a_bare_kind_of_venue_takes_the_one_named_before(pages: Opened) -> None:
    got = clause(pages, "split", "Personel Sat Samapta berjaga di depan pagar kantor")
    assert got["location"] == "Kantor Bawaslu Kabupaten Lembah Hijau"


def test_the_units_headquarters_is_the_markas_pointed_to(pages: Opened) -> None:
    assert drafted(pages, "split", "tetap di markas")["location"] == "Mapolres Lembah Hijau"
