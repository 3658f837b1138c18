"""Record pre-fill, session 14 (issue 10 item 3): where the act happens, classes the judge pages
showed (an arrival as the act, a cause's or a crowd's place, a pointer in the first clause, a body's
office visited, a place ending a body's name, an act after prayers at the mosque). Pages are invented
in those pages' shapes, ingested into a real store on disk and drafted through
``Store.draft_record``; each case is one ``(needle, slot, expected)`` of the sentence holding the
needle to its paragraph's end."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.unit.prefill_pages import Opened, case_check, coded_in_turn, open_pages

PAGES = {
    # troops arriving are the act ("tiba di Pelabuhan X untuk memperkuat pengamanan di Kabupaten Y"),
    # unless the sentence goes on to where they will serve
    "arrival": """Ratusan Personel BKO Tiba di Pulau Jauh

PULAU JAUH (ANTARA) - Sebanyak 120 personel Bawah Kendali Operasi (BKO) Polda Nusa Raya tiba di Pelabuhan Batu Hitam pada Jumat (22/11) untuk memperkuat pengamanan Pilkada 2024 di Kabupaten Pulau Jauh.

Sebanyak 40 personel Satbrimob Polda Nusa Raya tiba di Mapolres Pulau Jauh pada Sabtu (23/11) dan akan ditempatkan di TPS rawan di Kecamatan Tanjung Api.

Penjagaan di daerah itu diperkuat 30 personel Ditsamapta Polda Nusa Raya yang tiba di Mapolres Pulau Jauh, Minggu (24/11) siang.
""",
    # a place in a cause after the act's own place; a crowd's origin; a venue readied "sebagai
    # tempat"; a place ending a body's name before the venue of a meeting; a boat leaving a port
    "escort": """Polres Teluk Damar Kawal Logistik ke Pulau Seberang

TELUK DAMAR – Sat Lantas Polres Teluk Damar mengawal kotak suara yang diberangkatkan dari Kota Damar ke lokasi pleno pada Minggu (8/12/2024) malam akibat jalan tertutup longsor di Kecamatan Batu Rebah.

Di kantong parkir Jalan Merpati, 12 personel Polsek Damar Timur berjaga untuk mengatur sepeda motor simpatisan yang datang dari desa-desa di Kabupaten Hulu Damar.

Di Seberang, Polsek Seberang sudah menyiapkan Aula Kantor Camat Seberang sebagai tempat singgah personel sebelum disebar ke TPS.

Sehari sebelumnya, Kapolres memimpin rapat koordinasi bersama KPU Teluk Damar, Kodim 1499/Teluk Damar dan Unit Penyelenggara Pelabuhan Damar di Mapolres Teluk Damar untuk membahas jadwal penyeberangan.

Kapal patroli Satpolairud bersama satu perahu motor sewaan KPU bertolak dari Pelabuhan Sungai Lebar pukul 07.00 WIB dengan membawa sembilan kotak suara untuk TPS di Desa Pulau Kecil.
""",
    # a pointer in the first clause before ", sementara"; local people ("tokoh ulama setempat") are no
    # pointer when the sentence names its place; a body met in its own office takes part; an appeal
    # after prayers at a mosque, not the fronted district; an act after an apel elsewhere goes there
    "outreach": """Unjuk Rasa di Kantor KPU Kabupaten Bukit Hijau Berlangsung Damai

BUKIT HIJAU – Ratusan pendukung salah satu pasangan calon berunjuk rasa di depan Kantor KPU Kabupaten Bukit Hijau, Kamis (12/12/2024).

Polres Bukit Hijau menurunkan 120 personel yang membentuk pagar betis di depan kantor tersebut, sementara dua unit kendaraan taktis disiagakan di Lapangan Merdeka Bukit Hijau.

Pada malam harinya, Kapolsek Lembah AKP Joko Susilo bersama Babinsa dan tokoh ulama setempat mendatangi rumah-rumah warga Desa Sumber Air untuk mengajak mereka menjaga suasana tetap sejuk.

Di hari yang sama, Bhabinkamtibmas Polsek Lembah Aipda Rahmat mendatangi sekretariat PPS Desa Sumber Air untuk berkoordinasi soal pengamanan dua TPS di desa tersebut.

Sementara di Kecamatan Pantai Baru, Bhabinkamtibmas Polsek Pantai Baru Bripka Yusuf menyampaikan imbauan usai salat isya di Masjid Al-Falah Pantai Baru agar jemaah menolak politik uang.

Polres Bukit Hijau menggeser 300 personel pengamanan TPS ke Kecamatan Pantai Baru usai apel di Mapolres Bukit Hijau, Selasa (26/11/2024).
""",
    # a sentence pointing back to the force told before ("Ratusan personel itu terdiri atas ...") is
    # about the act and place that force was fielded for, not the sentence just before's
    "force": """Polres Teluk Biru Amankan Kampanye Akbar

TELUK BIRU – Polres Teluk Biru menerjunkan 420 personel gabungan untuk mengamankan kampanye rapat umum pasangan calon bupati di Lapangan Garuda, Minggu (17/11/2024).

Pasangan calon tiba di lokasi sekitar pukul 13.30 WIB dengan pengawalan tim walpri.

Ratusan personel itu terdiri atas 300 personel Polres Teluk Biru dan 50 personel Satbrimob Polda Nusa, ditambah 70 prajurit Kodim 1234/Teluk Biru.

Sebelum bertugas, para walpri menjalani pelatihan pengawalan di Mako Satbrimob Polda Nusa pada 16–20 September 2024.
""",
    # a patrol's route is where it goes, not where it ends; an escort's route is only its way; a
    # span of two sentences whose second points back ("di sana", "Di kantor itu") to the first's place;
    # the parts of a venue named before ("empat pintu masuk stadion", "area parkir selatan stadion")
    "route": """Patroli Perairan Amankan TPS di Tepi Sungai Lebar

SUNGAI LEBAR – Polres Sungai Lebar menggelar rapat umum pengamanan di Stadion Tunas Bangsa, Sabtu (16/11/2024).

Sejak pagi, dua speedboat Polres Sungai Lebar menyisir Sungai Lebar dari Dermaga Muara hingga muara di Kecamatan Tanjung Laut.

Rombongan patroli bergerak dari Mapolres Sungai Lebar menyusuri Jalan Merdeka hingga kawasan Pasar Baru.

Empat personel Polsek Hulu mengawal perahu bermuatan kotak suara menyusuri Sungai Kecil menuju Kecamatan Hulu Jauh.

Logistik tiba di kantor PPK Tanjung Laut pukul 09.40 WIB. Di kantor itu logistik dijaga personel Polsek Tanjung Laut.

Salah satu TPS yang dipantau adalah TPS 07 Kelurahan Pasir Putih, yang berada di dekat pasar. Sejak pukul 06.30 WIB dua personel berjaga di sana.

Polsek Tunas bersama Satpol PP menjaga empat pintu masuk stadion.
""",
    # the bare head of the area's own unit acts ("Di wilayah hukum Polsek X Polres Y, Kapolsek ..."); the
    # first unit of a joint force acts ("melibatkan 35 personel gabungan Sat Samapta, Sat Intelkam dan ...")
    "units": """Polres Bukit Barisan Amankan TPS di Pelosok

BUKIT BARISAN – Polres Bukit Barisan menyiagakan 400 personel untuk mengamankan pemungutan suara, Rabu (27/11/2024).

Di wilayah hukum Polsek Lembah Sari Polres Bukit Barisan, Kapolsek AKP Andi Saputra menempatkan 30 personel untuk menjaga 40 TPS di Kecamatan Lembah Sari.

Patroli malam digelar dengan melibatkan 35 personel gabungan Sat Samapta, Sat Intelkam dan Polsek Kota Barisan.

Sebelumnya, Polres Bukit Barisan menggelar rapat koordinasi bersama KPU dan Bawaslu di Aula Mapolres Bukit Barisan, Kamis (10/10/2024).

Dalam rakor itu, peserta memetakan TPS rawan: dari 512 TPS di Bukit Barisan, sebanyak 40 TPS masuk kategori rawan.

Pasukan BKO Satbrimob tiba di Mapolres Bukit Barisan, Senin (25/11/2024) siang.

Pada malam yang sama, Unit Samapta Polsek Kota Barisan berpatroli ke desa-desa di tepi Danau Barisan.

Bhabinkamtibmas Polsek Kota Barisan menengahi adu mulut antara seorang saksi dan petugas KPPS di TPS 03 Desa Batu Putih.

Dua personel Polsek Kota Barisan berjaga bersama Linmas hingga kotak suara disegel petugas KPPS.

Personel Polsek Tepi Danau bersama BPBD Kabupaten Bukit Barisan mengantar petugas KPPS dan kotak suara dengan perahu.

Sehari sebelumnya, Kasat Binmas berkunjung ke kantor KPU Kabupaten Bukit Barisan dan kantor Bawaslu Bukit Barisan di Kota Barisan untuk menyamakan data TPS rawan.
""",
}

CASES = [
    ("tiba di Pelabuhan Batu Hitam", "location", "Pelabuhan Batu Hitam"),
    ("tiba di Mapolres Pulau Jauh pada Sabtu", "location", "Kecamatan Tanjung Api"),
    ("Penjagaan di daerah itu diperkuat", "location", "Mapolres Pulau Jauh"),
    ("akibat jalan tertutup longsor", "location", "Kota Damar"),
    ("Di kantong parkir Jalan Merpati", "location", "Jalan Merpati"),
    ("sebagai tempat singgah", "location", "Aula Kantor Camat Seberang"),
    ("Unit Penyelenggara Pelabuhan Damar", "location", "Mapolres Teluk Damar"),
    ("bertolak dari Pelabuhan Sungai Lebar", "location", "Pelabuhan Sungai Lebar"),
    ("membentuk pagar betis di depan kantor tersebut", "location", "Kantor KPU Kabupaten Bukit Hijau"),
    ("tokoh ulama setempat", "location", "Desa Sumber Air"),
    ("tokoh ulama setempat", "date", "2024-12-12"),
    ("mendatangi sekretariat PPS", "location", "sekretariat PPS Desa Sumber Air"),
    ("mendatangi sekretariat PPS", "partners", ["PPS Desa Sumber Air"]),
    ("usai salat isya", "location", "Masjid Al-Falah Pantai Baru"),
    ("usai apel di Mapolres Bukit Hijau", "location", "Kecamatan Pantai Baru"),
    ("dua speedboat Polres Sungai Lebar menyisir", "location", "Sungai Lebar"),
    ("Rombongan patroli bergerak dari Mapolres", "location", "Mapolres Sungai Lebar"),
    ("mengawal perahu bermuatan kotak suara", "location", "Kecamatan Hulu Jauh"),
    ("Logistik tiba di kantor PPK Tanjung Laut", "location", "kantor PPK Tanjung Laut"),
    ("Salah satu TPS yang dipantau", "location", "TPS 07 Kelurahan Pasir Putih"),
    ("menjaga empat pintu masuk stadion", "location", "Stadion Tunas Bangsa"),
    ("Di wilayah hukum Polsek Lembah Sari", "unit", "Polsek Lembah Sari"),
    ("melibatkan 35 personel gabungan", "unit", "Sat Samapta"),
    ("Dalam rakor itu, peserta memetakan", "location", "Aula Mapolres Bukit Barisan"),
    ("Pada malam yang sama, Unit Samapta", "date", "2024-11-25"),
    ("Ratusan personel itu terdiri", "type", "static_guard"),
    ("Ratusan personel itu terdiri", "location", "Lapangan Garuda"),
    ("para walpri menjalani pelatihan", "date", "2024-09-16"),  # a range: its first day
    # a list of venues placed once ("ke kantor A dan kantor B di Kota X") is the list, never its last item
    ("berkunjung ke kantor KPU Kabupaten Bukit", "location",
     "kantor KPU Kabupaten Bukit Barisan dan kantor Bawaslu Bukit Barisan"),
    # a party to a quarrel, who ends the time told and who is taken along do not take part
    ("menengahi adu mulut antara", "partners", []),
    ("hingga kotak suara disegel", "partners", ["Linmas"]),
    ("mengantar petugas KPPS", "partners", ["BPBD Kabupaten Bukit Barisan"]),
]

opened, test_session14_prefill = case_check(PAGES, CASES)


SPLIT = {
    "joined": """Polres Muara Jaya Kawal Logistik ke Kecamatan

MUARA JAYA – Polres Muara Jaya mengawal pergeseran logistik Pilkada dari gudang KPU ke 14 kecamatan, Senin (25/11/2024).

Pengawalan melibatkan 96 personel, terdiri atas 60 personel Polres Muara Jaya dan polsek jajaran serta 36 personel Satbrimob Polda Kalimantan Raya yang di-BKO-kan.

Dari jumlah tersebut, Polres Muara Jaya mengerahkan 702 personel, ditambah 100 personel Satbrimob Polda Kalimantan Raya yang di-BKO-kan, sementara sisanya berasal dari instansi terkait.

Ratusan personel itu terdiri atas 310 personel Polres Muara Jaya dan 60 personel Satbrimob Polda Kalimantan Raya, ditambah 80 prajurit Kodim 1299/Muara Jaya.

Dari jumlah itu, 64 personel ditempatkan di Kecamatan Hulu, 58 personel di Kecamatan Hilir, 50 personel di Kecamatan Pesisir dan 40 personel di Kecamatan Tengah, sedangkan personel BKO disiagakan sebagai pasukan cadangan di Mapolres Muara Jaya.

Pagi harinya, logistik untuk Kecamatan Pulau Tiga dikawal 12 personel dengan kapal patroli Sat Polairud Polres Muara Jaya, logistik untuk Kecamatan Teluk Dalam dikawal 8 personel dan untuk Kecamatan Karang Jaya 6 personel.
""",
}


@pytest.fixture(scope="module")
def split(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Opened]:
    yield from open_pages(tmp_path_factory.mktemp("split"), SPLIT)


@pytest.mark.parametrize(("needle", "want"), [
    ("terdiri atas 60 personel", [("Polres Muara Jaya", 60, []), ("Satbrimob Polda Kalimantan Raya", 36, [])]),
    ("mengerahkan 702 personel", [("Polres Muara Jaya", 702, []), ("Satbrimob Polda Kalimantan Raya", 100, [])]),
    # the soldiers of the force take part with each of its police units
    ("terdiri atas 310 personel", [("Polres Muara Jaya", 310, ["Kodim 1299/Muara Jaya"]),
                                   ("Satbrimob Polda Kalimantan Raya", 60, ["Kodim 1299/Muara Jaya"])]),
])
def test_a_split_joined_by_serta_or_ditambah_is_one_record_per_unit(split: Opened, needle: str,
                                                                     want: list[Any]) -> None:
    """Figures split by unit joined by "serta" or ", ditambah" (not only "dan" and commas; a last
    clause telling no unit's figure goes with the one before): the reviewer selects the sentence for
    each record, each draft the next unit's with its own figure, no other police unit of the list as
    a partner, the force's soldiers and local bodies partners of every record."""
    for (unit, personnel, partners), d in zip(want, coded_in_turn(split, "joined", needle, len(want)), strict=True):
        assert (d["unit"], d["personnel"], d["partners"]) == (unit, personnel, partners)


def test_a_split_by_place_ends_before_another_groups_clause(split: Opened) -> None:
    """A figure split by place whose last place is followed by another group's clause (", sedangkan
    personel BKO disiagakan ... di Mapolres X"): each record is placed where its figure goes."""
    drafts = list(coded_in_turn(split, "joined", "64 personel ditempatkan", 4))
    assert [(d["personnel"], d["location"]) for d in drafts] == [
        (64, "Kecamatan Hulu"), (58, "Kecamatan Hilir"), (50, "Kecamatan Pesisir"), (40, "Kecamatan Tengah")]


def test_a_split_by_place_written_before_each_figure(split: Opened) -> None:
    """A figure split by place, each place before its figure ("logistik untuk Kecamatan A dikawal 12
    personel ..., logistik untuk Kecamatan B dikawal 8 personel dan untuk Kecamatan C 6 personel"):
    one record per place, each with its own figure."""
    drafts = list(coded_in_turn(split, "joined", "logistik untuk Kecamatan Pulau Tiga", 3))
    assert [(d["personnel"], d["location"]) for d in drafts] == [
        (12, "Kecamatan Pulau Tiga"), (8, "Kecamatan Teluk Dalam"), (6, "Kecamatan Karang Jaya")]
