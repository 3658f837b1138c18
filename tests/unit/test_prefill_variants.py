"""Record pre-fill on variants of real sentence shapes (issue 10, item 3): the same activity told
with another word order, a long form, a venue inside a unit's grounds, an area or a road, a list of
polling stations, a venue named one sentence before. Rules learned on the dev gold must hold on
these too. Pages are invented in the shape of real ones and drafted through ``Store.draft_record``."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

import store
from tests.unit.prefill_pages import draft, open_pages

PAGES = {
    "places": """Polres Tanah Merah Siagakan Personel Jelang Pencoblosan

TANAH MERAH, SUARAHULU.COM - Sebanyak 60 personel Polres Tanah Merah berjaga di halaman Mapolres Tanah Merah sejak Senin (25/11/2024) malam.

Sat Lantas Polres Tanah Merah mengatur arus lalu lintas sepanjang Jalan Jenderal Sudirman selama kampanye akbar.

Polsek Lubuk Raya menempatkan 40 personel di sejumlah TPS di Kecamatan Lubuk Raya.

Sebanyak 35 personel Polsek Batu Hitam disiagakan di TPS-TPS di Desa Air Deras dan Desa Air Kuning.

Personel Polsek Muara Dua menjaga gudang logistik KPU Kabupaten Tanah Merah yang berada di Jalan Lintas Sumatera.

Rapat pleno rekapitulasi tingkat kabupaten digelar di Hotel Bumi Sriwijaya, Rabu (4/12/2024).

Sebanyak 150 personel gabungan diterjunkan untuk mengamankan jalannya pleno tersebut.

Kapolsek Tanjung Harapan AKP Sudirman Effendi memimpin patroli ke Pasar Tanjung Harapan pada Kamis (28/11/2024) dini hari.

Di Kecamatan Sungai Rotan, Polsek Sungai Rotan mengerahkan 25 personel untuk menjaga 60 TPS.
""",
    "units": """Polresta Bumi Raya Kerahkan 300 Personel

BUMI RAYA, KABARTIMUR.ID - Kepolisian Resor Kota (Polresta) Bumi Raya mengerahkan 300 personel untuk mengamankan 820 TPS pada hari pemungutan suara, Rabu (27/11/2024).

KAPOLRESTA BUMI RAYA KOMBES POL HARYO SANTOSO meninjau TPS 12 Kelurahan Sukamaju pada siang harinya.

Kepala Kepolisian Resor Kota Bumi Raya Kombes Pol Haryo Santoso juga meninjau gudang logistik PPK Bumi Selatan.

Jajaran Polresta Bumi Raya juga menyiagakan 50 personel cadangan di Mapolresta Bumi Raya.

Polri menurunkan 200 personel tambahan untuk menjaga TPS rawan di Kecamatan Bumi Utara.

Personel gabungan Polresta Bumi Raya, Kodim 1410/Bumi Raya dan Satpol PP Kota Bumi Raya melaksanakan patroli skala besar di pusat kota.
""",
    "next": """Dua Personel Jaga Tiap TPS di Gunung Tua

GUNUNG TUA - Polres Gunung Tua menempatkan dua personel di setiap TPS pada hari pemungutan suara, Rabu (27/11/2024).

TPS 07 Kelurahan Bukit Indah dijaga dua personel Polsek Gunung Tua Kota bersama Linmas.

Pengamanan di TPS 3 Desa Rawa Sari dilakukan oleh personel Polsek Rawa Sari bersama Babinsa Koramil 05/Rawa Sari.
""",
    "province": """Polda Sulawesi Tenggara Gelar Apel Pasukan

KENDARI - Kepolisian Daerah Sulawesi Tenggara menggelar apel gelar pasukan Operasi Mantap Praja di Lapangan Apel Mapolda Sulawesi Tenggara, Senin (19/8/2024).

Apel diikuti 1.080 personel gabungan dari Polda Sultra, Korem 143/Haluoleo dan Satpol PP Provinsi Sulawesi Tenggara.
""",
    "written": """Patroli Malam Jelang Masa Tenang

KUALA TUNGKAL - Kepolisian Resor Tanjung Jabung menggelar patroli malam di pusat kota, Sabtu (23/11/2024).

Kapolres Tanjung Jabung AKBP Fadil Rahman mengatakan patroli melibatkan 80 personel.

Menurut Kapolres Tanjung Jabung, patroli serupa akan digelar hingga Selasa (26/11/2024).

Pada hari pemungutan suara, 310 personel akan menjaga 620 TPS.
""",
    "dashes": """Polres Sukamaju Siagakan 400 Personel

SUKAMAJU (KABARPRIANGAN) -- Polres Sukamaju menyiagakan 400 personel untuk mengamankan pleno rekapitulasi suara, Senin (2/12/2024).
""",
    "back": """Ricuh di TPS, Polisi Tenangkan Warga

MAKALE - Pemungutan suara di TPS 04 Kelurahan Rante sempat terhenti karena dua kelompok warga beradu mulut soal daftar pemilih, Rabu (27/11/2024).

Personel Polsek Makale bersama Panwaslu Kelurahan Rante menengahi keributan itu sehingga pemungutan suara kembali berjalan.

Ring satu di area TPS kemudian diisi empat personel Polsek Makale hingga penghitungan selesai.

Di kecamatan lain, personel Polsek Sesean berjaga di TPS masing-masing sejak pagi.

Sehari sebelumnya, ratusan warga mendatangi Kantor KPU Kabupaten Tana Raya di Jalan Poros Makale.

Mereka menuntut pemutakhiran data pemilih di Kecamatan Makale Utara dan Kecamatan Sangalla.

Polres Tana Raya menurunkan 150 personel untuk mengamankan aksi tersebut.

Personel Polsek Sangalla juga berjaga di TPS hingga penghitungan suara selesai.

Kapolres Tana Raya melepas 40 personel BKO Polda Sulawesi Raya yang akan ditempatkan di pulau-pulau.
""",
    "bodies": """Logistik Bergeser ke 12 Kecamatan

RANTAU - Kepolisian Resor Tapin mengerahkan 96 personel untuk mengawal distribusi logistik pilkada dari gudang KPU ke 12 panitia pemilihan kecamatan (PPK), Minggu (24/11/2024).

Personel pengamanan TPS akan mengawal logistik dari tiap PPK ke PPS dan TPS pada Selasa (26/11/2024).
""",
    "actors": """Dua Warga Diamankan Jelang Pencoblosan

MUARA BUNGO - Polres Bungo menyiagakan 320 personel selama masa tenang, Senin (25/11/2024). Pada hari itu warga Desa Lubuk Mas melaporkan pembagian amplop kepada Bawaslu Kabupaten Bungo.

Laporan itu diteruskan ke Sat Reskrim Polres Bungo, yang bersama petugas Bawaslu mendatangi rumah tempat amplop dibagikan.

Pemberangkatan personel ditandai apel di halaman Mapolres Bungo yang diikuti 210 personel, termasuk 45 personel BKO Polda Jambi.

Untuk TPS sangat rawan, polisi menyiagakan 22 personel. Mereka diperkuat 30 anggota Brimob Polda Jambi.

Pengamanan diperkuat 30 personel Satbrimob Polda Jambi yang disiagakan di Mapolres Bungo sebagai cadangan.

Sat Samapta Polres Bungo bersama Kodim 0416/Bute juga akan menggelar patroli gabungan di Jalan Sudirman dan kawasan Pasar Atas.

Tim Sentra Gakkumdu Kabupaten Bungo yang terdiri atas Polres Bungo, Bawaslu Kabupaten Bungo dan Kejaksaan Negeri Bungo mengamankan dua warga di Desa Lubuk Mas.
""",
}


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[store.Store, dict[str, str]]]:
    yield from open_pages(tmp_path_factory.mktemp("prefill-variants"), PAGES)


@pytest.mark.parametrize(("needle", "location"), [
    ("berjaga di halaman", "Mapolres Tanah Merah"),  # a unit's grounds: the grounds' owner is the venue
    ("sepanjang Jalan", "Jalan Jenderal Sudirman"),
    ("sejumlah TPS", "Kecamatan Lubuk Raya"),  # unnamed polling stations: the place they lie in
    ("TPS-TPS di Desa", "Desa Air Deras dan Desa Air Kuning"),
    ("menjaga gudang", "gudang logistik KPU Kabupaten Tanah Merah"),  # not the road it lies on
    ("jalannya pleno", "Hotel Bumi Sriwijaya"),  # the venue told one sentence before
    ("Kapolsek Tanjung", "Pasar Tanjung Harapan"),
    ("Di Kecamatan Sungai Rotan", "Kecamatan Sungai Rotan"),
])
def test_the_place_of_each_shape(pages: Any, needle: str, location: str) -> None:
    assert draft(pages, "places", needle)["location"] == location


@pytest.mark.parametrize(("needle", "unit"), [
    ("Kepolisian Resor Kota (Polresta)", "Kepolisian Resor Kota (Polresta) Bumi Raya"),
    ("KAPOLRESTA", "Polresta Bumi Raya"),  # a role in capitals with its place
    ("Kepala Kepolisian Resor Kota", "Polresta Bumi Raya"),  # the role written out
    ("Jajaran Polresta", "Polresta Bumi Raya"),
    ("Polri menurunkan", "Polresta Bumi Raya"),  # bare Polri: the article's unit
])
def test_the_acting_unit_of_each_shape(pages: Any, needle: str, unit: str) -> None:
    assert draft(pages, "units", needle)["unit"] == unit


def test_a_joint_force_names_its_partners_not_the_acting_unit(pages: Any) -> None:
    got = draft(pages, "units", "Personel gabungan")
    assert got["unit"] == "Polresta Bumi Raya"
    assert got["partners"] == ["Kodim 1410/Bumi Raya", "Satpol PP Kota Bumi Raya"]


def test_the_next_sentence_about_another_venue_tells_another_activity(pages: Any) -> None:
    got = draft(pages, "next", "TPS 07 Kelurahan")
    assert got["unit"] == "Polsek Gunung Tua Kota"
    assert got["partners"] == ["Linmas"]  # not the next polling station's Polsek and Koramil


def test_a_province_written_short_names_the_same_unit(pages: Any) -> None:
    # "Polda Sultra" in the next sentence is the acting "Kepolisian Daerah Sulawesi Tenggara" again
    got = draft(pages, "province", "apel gelar pasukan")
    assert got["partners"] == ["Korem 143/Haluoleo", "Satpol PP Provinsi Sulawesi Tenggara"]
    assert got["personnel"] == 1080


def test_the_articles_unit_is_named_in_its_short_form(pages: Any) -> None:
    # the sentence names no unit: the short form "Kepolisian Resor Tanjung Jabung" stands for, as a
    # role names it (tests/gold/real/README.md, conventions), whichever form the roles imply
    assert draft(pages, "written", "310 personel")["unit"] == "Polres Tanjung Jabung"


@pytest.mark.parametrize(("needle", "location"), [
    ("menengahi keributan itu", "TPS 04 Kelurahan Rante"),  # an incident told before: where it was
    ("Ring satu di area TPS", "TPS 04 Kelurahan Rante"),  # a bare kind: the one just named
    ("mengamankan aksi tersebut", "Kantor KPU Kabupaten Tana Raya"),  # the protest's venue, not what it wants
    ("Polsek Sangalla juga", None),  # a bare kind far from any named one: no place
    ("Polsek Sesean", None),  # each their own: no one venue
])
def test_a_sentence_pointing_back_takes_the_place_of_what_it_points_to(
        pages: Any, needle: str, location: str | None) -> None:
    assert draft(pages, "back", needle)["location"] == location


def test_bodies_named_as_destinations_or_sources_are_not_partners_and_bko_sources_are(pages: Any) -> None:
    assert draft(pages, "bodies", "mengerahkan 96")["partners"] == []  # "ke 12 panitia ... (PPK)"
    assert draft(pages, "bodies", "dari tiap PPK")["partners"] == []
    assert draft(pages, "back", "melepas 40")["partners"] == ["Polda Sulawesi Raya"]  # the troops' unit


@pytest.mark.parametrize(("needle", "unit"), [
    ("diteruskan ke Sat Reskrim", "Sat Reskrim Polres Bungo"),  # a destination with a clause of its own acts
    ("termasuk 45", "Polres Bungo"),  # troops counted among the participants do not lead
    ("Mereka diperkuat", "Polres Bungo"),  # the reinforced act, not the reinforcement
    ("Pengamanan diperkuat", "Satbrimob Polda Jambi"),  # the reinforcement guards
])
def test_who_acts_when_a_unit_is_named_as_destination_participant_or_reinforcement(
        pages: Any, needle: str, unit: str) -> None:
    assert draft(pages, "actors", needle)["unit"] == unit


def test_a_list_of_places_keeps_an_area_word_between_its_names(pages: Any) -> None:
    assert draft(pages, "actors", "patroli gabungan")["location"] == "Jalan Sudirman dan kawasan Pasar Atas"


def test_a_joint_team_the_unit_belongs_to_is_no_partner_its_members_are(pages: Any) -> None:
    got = draft(pages, "actors", "Tim Sentra Gakkumdu")
    assert got["unit"] == "Polres Bungo"
    assert got["partners"] == ["Bawaslu Kabupaten Bungo", "Kejaksaan Negeri Bungo"]


def test_a_dateline_with_a_double_dash_is_the_ledes_place(pages: Any) -> None:
    assert draft(pages, "dashes", "menyiagakan 400")["location"] == "Sukamaju"
