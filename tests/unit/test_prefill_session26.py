"""Record pre-fill, session 26 (issue 10 item 3): where a force is posted is its place. Pages are invented in
the shapes real pages showed, ingested into a real store on disk, and drafted through ``Store.draft_record``
as a reviewer codes them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.unit.prefill_pages import Opened, draft, open_pages

PAGES = {
    "reserve_at_base": """Pleno KPU Kali Biru Dijaga 180 Personel

Rabu, 4 Desember 2024 | 11:20 WIB

KALI BIRU – Rapat pleno rekapitulasi KPU Kabupaten Kali Biru digelar di Gedung Serbaguna Kali Biru, Rabu (4/12/2024).

Sebanyak 150 personel gabungan berjaga di tiga ring pengamanan gedung sejak pagi.

Polres Kali Biru juga menyiapkan 30 personel Sat Samapta sebagai cadangan yang bersiaga di Mapolres Kali Biru.

Pleno dijadwalkan selesai Kamis (5/12/2024) sore.
""",
    "sent_ahead": """Polres Gunung Biru Berangkatkan Personel ke Distrik Terjauh

Senin, 25 November 2024 | 09:00 WIB

GUNUNG BIRU – Polres Gunung Biru memberangkatkan 210 personel pengamanan TPS ke 14 distrik, Senin (25/11/2024).

Personel yang bertugas di Distrik Lembah Atas dan Distrik Sungai Dalam sudah diberangkatkan lebih dulu sejak Minggu (24/11) dengan sepeda motor trail.
""",
    "apel_then_serve": """Apel Pergeseran Pasukan Polres Teluk Biru

Senin, 25 November 2024 | 08:30 WIB

TELUK BIRU – Polres Teluk Biru menggelar apel pergeseran pasukan pengamanan TPS di Lapangan Mapolres Teluk Biru, Senin (25/11/2024).

Apel dipimpin Kapolres Teluk Biru AKBP Hadi Santoso dan diikuti 96 personel yang akan bertugas di Kecamatan Selat Biru dan Kecamatan Pulau Biru.
""",
    "stands_by_then_patrols": """Patroli Perairan Jelang Pencoblosan

Selasa, 26 November 2024 | 16:00 WIB

DANAU BIRU – Polres Danau Biru meningkatkan patroli menjelang pemungutan suara, Selasa (26/11/2024).

Pada sore harinya personel Satpolairud Polres Danau Biru yang bersiaga di Dermaga Tepi Biru menggelar patroli di perairan Danau Biru.
""",
    "curhat_at_the_hall": """Jumat Curhat Polres Tanjung Biru bersama Warga

Jumat, 22 November 2024 | 10:15 WIB

TANJUNG BIRU – Polres Tanjung Biru menggelar Jumat Curhat bersama warga Kelurahan Pasir Biru, Kecamatan Tanjung Biru Utara, di Aula Kantor Lurah Pasir Biru, Jumat (22/11/2024) pagi.

Usai pleno, kotak suara dikawal ke Gudang Logistik KPU Tanjung Biru, Kecamatan Tanjung Biru Selatan, di Kelurahan Batu Biru.
""",
    "local_congregation": """Polres Pesisir Biru Patroli Dialogis di Tepi Danau

Senin, 25 November 2024 | 21:00 WIB

PESISIR BIRU – Sat Samapta Polres Pesisir Biru menggelar patroli dialogis di sepanjang tepi Danau Biru Raya, Senin (25/11/2024).

Bhabinkamtibmas Desa Air Biru, Bripka Yosef Lumenta, juga menyampaikan imbauan menolak politik uang dalam ibadah kolom jemaat setempat, Senin malam.
""",
}


@pytest.fixture(scope="module")
def opened(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Opened]:
    yield from open_pages(tmp_path_factory.mktemp("pages"), PAGES)


def test_a_reserve_standing_by_at_its_base_is_placed_there(opened: Opened) -> None:
    """"menyiapkan 30 personel ... sebagai cadangan yang bersiaga di Mapolres X": the sentence names no other
    place, so where the reserve stands by is the record's place (before: none, the place taken for where
    something merely lies; dev: +5 places, none lost)."""
    assert draft(opened, "reserve_at_base", "sebagai cadangan")["location"] == "Mapolres Kali Biru"


def test_a_force_told_by_where_it_serves_is_placed_there(opened: Opened) -> None:
    """"Personel yang bertugas di Distrik A dan Distrik B sudah diberangkatkan": the districts, as a list."""
    d = draft(opened, "sent_ahead", "sudah diberangkatkan")
    assert d["location"] == "Distrik Lembah Atas dan Distrik Sungai Dalam"


def test_an_apel_s_place_is_not_where_those_attending_will_serve(opened: Opened) -> None:
    """"Apel dipimpin Kapolres X ... dan diikuti 96 personel yang akan bertugas di Kecamatan A dan Kecamatan B": the apel's field, told
    before, not the district they go to next."""
    d = draft(opened, "apel_then_serve", "dan diikuti 96")
    assert d["location"] != "Kecamatan Selat Biru" and "Selat Biru" not in (d["location"] or "")


def test_where_a_unit_stands_by_gives_way_to_the_place_its_verb_names(opened: Opened) -> None:
    """"... yang bersiaga di Dermaga X menggelar patroli di perairan Danau Y": the patrol's waters."""
    d = draft(opened, "stands_by_then_patrols", "menggelar patroli di perairan")
    assert d["location"] in ("Danau Biru", "perairan Danau Biru")


def test_a_hall_after_the_village_whose_people_came_is_the_place(opened: Opened) -> None:
    """"bersama warga Kelurahan X, Kecamatan Y, di Aula Kantor Lurah X": the hall, not the village (a named
    venue after ", di" is not where the region before it lies; dev: +4 places, none lost)."""
    assert draft(opened, "curhat_at_the_hall", "menggelar Jumat Curhat")["location"] == (
        "Aula Kantor Lurah Pasir Biru")
    # a region after a venue still says where the venue lies
    assert draft(opened, "curhat_at_the_hall", "kotak suara dikawal")["location"] == "Gudang Logistik KPU Tanjung Biru"


def test_local_people_point_to_no_place_the_village_officer_s_village_is_his(opened: Opened) -> None:
    """"Bhabinkamtibmas Desa X, Bripka Y, juga menyampaikan imbauan ... dalam ibadah kolom jemaat setempat":
    "jemaat setempat" are the local congregation, not a pointer to the lake the page named before; the
    village officer works in his village (dev: +1, none lost)."""
    assert draft(opened, "local_congregation", "dalam ibadah kolom jemaat")["location"] == "Desa Air Biru"
