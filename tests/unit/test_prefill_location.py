"""Record pre-fill on invented real-shaped pages, one class of error per test (issue 10, item 3):
where the activity happened, the acting unit, the partners and the type. Each page is ingested
into a real store on disk and drafted through ``Store.draft_record``, as the workbench does."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

import store
from tests.unit.prefill_pages import draft, open_pages

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
    "venues": """Polres Aceh Raya Amankan Kampanye Akbar

BANDA RAYA - Polres Aceh Raya mengerahkan 400 personel untuk mengamankan kampanye akbar pasangan calon nomor urut 1 di Stadion Harapan Bangsa, Sabtu (16/11/2024).

Sebelum massa datang, Wakapolres Aceh Raya memimpin apel kesiapan di halaman stadion pukul 07.30 WIB.

Sat Lantas Polres Aceh Raya mengatur arus kendaraan di ruas Jalan Lintas Timur sekitar Simpang Tiga Lamreh hingga sore hari.

Personel Polsek Krueng Raya berjaga di pos penyekatan Jembatan Krueng Raya untuk memeriksa kendaraan simpatisan.

Kapolres Aceh Raya AKBP Irfan Hadi meninjau gudang PPK Mesjid Raya dan gudang PPK Baitussalam sejak pagi.

Sat Binmas Polres Aceh Raya menyambangi SMA Negeri 2 Darussalam untuk memberi pembekalan kepada pemilih pemula.

Sat Samapta Polres Aceh Raya berpatroli ke kantor-kantor PPK di Kecamatan Mesjid Raya dan Kecamatan Baitussalam pada malam hari.

Personel Polsek Pulau Aceh mengawal kotak suara dari dermaga Gampong Lampuyang ke TPS-TPS di Pulau Breueh dan Pulau Nasi.

Sat Polairud Polres Aceh Raya lalu menyeberangkan 30 personel ke Pulau Weh Kecil dan Kecamatan Pulo Aceh dengan dua kapal.
""",
    "said": """Polres Karang Anyar Siagakan 320 Personel

KARANG ANYAR - Polres Karang Anyar menyiagakan 320 personel untuk mengamankan 640 TPS pada hari pemungutan suara, kata Kapolres Karang Anyar AKBP Dani Saputra saat ditemui di Mapolres Karang Anyar, Selasa (26/11/2024).

Apel pergeseran pasukan digelar di halaman Polres Karang Anyar pada pagi harinya.

Sore harinya, rapat koordinasi dengan KPU Kabupaten Karang Anyar digelar di Polres Karang Anyar.

Polres Karang Anyar juga mengerahkan 90 personel untuk mengamankan kampanye calon kepala desa di wilayah Kabupaten Karang Anyar.

Sat Lantas Polres Karang Anyar menutup sebagian Jalan Merdeka Utara dan mengalihkan kendaraan ke Jalan Pahlawan selama kampanye.

Keesokan harinya, Sat Reskrim Polres Karang Anyar memeriksa dua saksi terkait perusakan baliho di depan kantor Bawaslu.

Polres Karang Anyar menambah personel pengamanan di Tempat Pemungutan Suara (TPS) 57 lokasi pemungutan suara ulang di Kelurahan Pasir Putih.

Patroli gabungan Kodim 0712/Karang Anyar dan Polres Karang Anyar menyasar Pasar Induk Karang Anyar dan permukiman di Kelurahan Pasir Putih pada malam harinya.
""",
}


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[store.Store, dict[str, str]]]:
    yield from open_pages(tmp_path_factory.mktemp("prefill-location"), PAGES)


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


def test_a_venue_named_by_its_kind_after_halaman_is_the_one_named_before(pages: Any) -> None:
    assert draft(pages, "venues", "apel kesiapan")["location"] == "Stadion Harapan Bangsa"


def test_a_road_after_ruas_is_the_place_and_a_landmark_after_sekitar_only_says_where_on_it(pages: Any) -> None:
    assert draft(pages, "venues", "mengatur arus")["location"] == "Jalan Lintas Timur"


def test_a_named_venue_after_its_kind_and_a_common_word_is_the_name(pages: Any) -> None:
    assert draft(pages, "venues", "pos penyekatan")["location"] == "Jembatan Krueng Raya"


def test_two_venues_of_one_kind_joined_by_dan_are_one_location(pages: Any) -> None:
    got = draft(pages, "venues", "meninjau gudang")["location"]
    assert got == "gudang PPK Mesjid Raya dan gudang PPK Baitussalam"


def test_a_venue_visited_with_no_preposition_is_the_place(pages: Any) -> None:
    assert draft(pages, "venues", "menyambangi SMA")["location"] == "SMA Negeri 2 Darussalam"


def test_a_plural_kind_of_venue_gives_way_to_the_places_it_lies_in(pages: Any) -> None:
    got = draft(pages, "venues", "kantor-kantor PPK")
    assert got["location"] == "Kecamatan Mesjid Raya dan Kecamatan Baitussalam"
    assert got["partners"] == []  # the PPK only says whose offices


def test_an_escort_starts_at_the_locality_of_an_unnamed_venue_not_where_its_destination_lies(pages: Any) -> None:
    assert draft(pages, "venues", "dari dermaga")["location"] == "Gampong Lampuyang"


def test_places_of_different_kinds_joined_by_dan_are_one_location(pages: Any) -> None:
    assert draft(pages, "venues", "menyeberangkan 30")["location"] == "Pulau Weh Kecil dan Kecamatan Pulo Aceh"


def test_where_a_statement_was_made_is_not_where_the_activity_was(pages: Any) -> None:
    assert draft(pages, "said", "menyiagakan 320")["location"] == "Karang Anyar"  # the lede's dateline


def test_a_units_grounds_or_headquarters_is_the_venue(pages: Any) -> None:
    assert draft(pages, "said", "Apel pergeseran")["location"] == "Polres Karang Anyar"
    assert draft(pages, "said", "rapat koordinasi dengan")["location"] == "Polres Karang Anyar"


def test_the_area_an_activity_covers_is_its_place(pages: Any) -> None:
    assert draft(pages, "said", "mengerahkan 90")["location"] == "Kabupaten Karang Anyar"


def test_the_road_an_activity_closes_is_its_place_not_where_traffic_is_sent(pages: Any) -> None:
    assert draft(pages, "said", "menutup sebagian")["location"] == "Jalan Merdeka Utara"


def test_a_place_in_what_a_case_is_about_is_not_where_the_activity_was(pages: Any) -> None:
    assert draft(pages, "said", "memeriksa dua saksi")["location"] is None


def test_a_polling_station_written_out_with_its_acronym_and_number_is_the_venue(pages: Any) -> None:
    assert draft(pages, "said", "menambah personel")["location"] == "Tempat Pemungutan Suara (TPS) 57"


def test_what_a_patrol_targets_with_no_preposition_is_its_place(pages: Any) -> None:
    assert draft(pages, "said", "Patroli gabungan")["location"] == "Pasar Induk Karang Anyar"
