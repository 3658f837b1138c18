"""Record pre-fill: the classes the fifteenth transfer check (dev gold e190-e197) showed for the
acting unit and the place, and those that probes in the shapes of the real pages read for it
(tests/gold/real/dev/PAGES_READ_15.md) showed beyond them. Pages are invented, ingested into a real
store on disk and drafted through ``Store.draft_record``; each case is one ``(needle, slot,
expected)`` of the sentence holding the needle to its paragraph's end (a needle opening a clause of
a split sentence drafts that clause)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.unit.prefill_pages import Opened, needle_draft, open_pages

FIFTEENTH = {
    "occupied": """Sat Samapta Polres Teluk Biru Patroli ke Gudang Logistik Pilkada

TELUK BIRU, Warta Pesisir – Polres Teluk Biru melalui Sat Samapta menggelar patroli malam ke gudang logistik KPU yang menempati GOR Citra Bahari, Kelurahan Pasir Putih, Selasa (15/10/2024).

Anggota Sat Samapta memeriksa pintu gudang dan pagar di sekeliling gedung tersebut, lalu berbincang dengan petugas jaga.

Sehari sebelumnya, Senin (14/10/2024), Kapolres Teluk Biru berkoordinasi dengan Ketua KPU Kabupaten Teluk Biru di gudang tersebut soal jadwal penjagaan.
""",
    "frames": """Kotak Suara Pulau Karang Digeser ke Daratan

TELUK BIRU – Ratusan kotak suara dari Pulau Karang mulai digeser ke daratan, Kamis (28/11/2024), dengan pengawalan kapal patroli polisi.

Dari Pelabuhan Tanjung Batu, kotak suara dikawal personel Sat Samapta Polres Teluk Biru menggunakan truk menuju Gudang Logistik KPU Kabupaten Teluk Biru di Jalan Pahlawan.

Sementara itu, di Kecamatan Karang Asri, Polsek Karang Asri mengamankan pertemuan terbatas pasangan calon di Balai Desa Karang Tengah dengan 10 personel.
""",
    "scenes": """Polsek Karang Asri Amankan Kampanye di Lapangan Bola Karang Jaya

KARANG ASRI – Kampanye terbuka pasangan calon bupati nomor urut 1 digelar di Lapangan Sepak Bola Desa Karang Jaya, Kecamatan Karang Asri, Rabu (23/10/2024) siang.

Di lapangan tersebut, Bhabinkamtibmas Desa Karang Jaya Bripka Yusuf mengimbau simpatisan agar tidak membawa atribut kampanye ke halaman Masjid Al-Falah di seberang lapangan.

Polres Teluk Biru menggelar apel pergeseran pasukan di halaman Mapolres Teluk Biru, Senin (25/11/2024) pagi.

Apel dipimpin Kapolres Teluk Biru AKBP Andi Rahman dan diikuti 96 personel yang akan bertugas di pulau-pulau Kecamatan Karang Asri dan Kecamatan Pasir Putih.

Sat Samapta Polres Teluk Biru berpatroli ke Gudang Logistik KPU Kabupaten Teluk Biru di Kota Teluk Biru, Sabtu (14/12/2024) malam.

Usai dari gudang, rombongan patroli bergerak ke Kantor Bawaslu Kabupaten Teluk Biru dan Kantor KPU Kabupaten Teluk Biru.
""",
    "through": """Sat Samapta Polres Lembah Sari Patroli Malam ke Gudang Logistik KPU

LEMBAH SARI // Polres Lembah Sari melalui Satuan Samapta melaksanakan patroli ke Gudang Logistik KPU Kabupaten Lembah Sari di Kota Sari, Sabtu (14/12/2024) malam.

Rombongan patroli lalu menyambangi Kantor Bawaslu Kabupaten Lembah Sari.
""",
    "long_form": """Apel Pergeseran Pasukan Pengamanan TPS Kepulauan

PANTAI INDAH – Kepolisian Resor Teluk Biru dan Kepulauan (Polres Telbiru) menggelar apel pergeseran pasukan di halaman Mapolres Telbiru, Senin (25/11/2024) pagi.
""",
    "event": """Polsek Tanjung Harapan Amankan Rapat Pleno PPK

TANJUNG HARAPAN – Rapat pleno rekapitulasi tingkat Kecamatan Tanjung Harapan berlangsung di Gedung Serbaguna Kecamatan Tanjung Harapan, Jalan Merdeka Nomor 5, Sabtu (30/11/2024).

Pengamanan pleno dilakukan 15 personel Polsek Tanjung Harapan dibantu 5 prajurit Koramil 07/Tanjung Harapan.

Usai pleno, kotak suara dibawa ke Gudang KPU Kabupaten Pesisir Indah di Kota Pesisir dengan pengawalan personel Polsek Tanjung Harapan.

Sebelumnya, Jumat (29/11/2024), Kapolres Pesisir Indah AKBP Bambang Wijaya meninjau kesiapan pengamanan di lokasi pleno.
""",
    "speaker": """Polres Sungai Jernih Siagakan Personel di Kantor PPK

SUNGAI JERNIH – Polres Sungai Jernih menyiagakan personel di kantor-kantor PPK menjelang pleno, Senin (25/11/2024).

Menurut Kasat Intelkam Polres Sungai Jernih AKP Yusuf, personel Polsek Batu Ampar berjaga di Kantor PPK Batu Ampar sejak pagi.

Kegiatan pengamanan di Kecamatan Tepian dilaksanakan oleh Satbinmas Polres Sungai Jernih di Balai Desa Tepian Baru.
""",
    "commander": """Apel Gabungan Pengamanan Pilkada di Sungai Jernih

SUNGAI JERNIH – Dandim 0911/Sungai Jernih Letkol Inf Agus Salim dan Kapolres Sungai Jernih AKBP Dedy Kurnia memimpin apel gabungan pengamanan Pilkada di Lapangan Merdeka Sungai Jernih, Senin (25/11/2024).
""",
    "island": """Polsek Tanjung Sari Kawal Logistik ke Pulau Terluar

TANJUNG SARI – Personel Polsek Tanjung Sari, Polres Kepulauan Indah, mengawal pergeseran logistik Pilkada dari Dermaga Tanjung Sari menuju Pulau Gosong dan Pulau Karang, Selasa (26/11/2024).

Setibanya di Pulau Gosong, logistik langsung diserahkan kepada PPS dan dijaga dua personel hingga hari pemungutan suara.

Kapolres Kepulauan Indah AKBP Frans Manuputty menyebut, pergeseran logistik ke pulau-pulau lain dikawal Sat Polairud Polres Kepulauan Indah.
""",
    "residence": """Kapolsek Rantau Baru Cek Objek Vital

RANTAU BARU – Kapolsek Rantau Baru Iptu Hasan Basri menyambangi rumah dinas Bupati Rantau Baru untuk memastikan pengamanan objek vital, Selasa (26/11/2024).
""",
    "rings": """Pleno Provinsi Dijaga Berlapis

KOTA RAJA – Polda Nusa Raya menerjunkan 500 personel untuk mengamankan rapat pleno rekapitulasi tingkat provinsi di Ballroom Hotel Mutiara Raja, Minggu (8/12/2024).

Personel Ditsamapta Polda Nusa Raya berjaga di pintu masuk ballroom, Satbrimob Polda Nusa Raya menyisir area parkir dan sekeliling hotel, sedangkan Ditlantas Polda Nusa Raya mengatur arus kendaraan di Jalan Merdeka.
""",
    "abbreviated": """Apel Kesiapan Pengamanan Pilkada

KOTA – Kapolres Kep. Selatan AKBP Didid Imawan memimpin apel kesiapan pengamanan Pilkada di lapangan upacara, Senin (25/11/2024).
""",
    "credit": """Jaga Kondusivitas, Personel Gabungan Patroli ke Kantor Penyelenggara Pemilu

SEKAR ARUM – Personel gabungan TNI-Polri berpatroli ke kantor penyelenggara pemilu di Kota Sekar Arum, Senin (2/12/2024) malam.

(Humas Polres Sekar Arum)
""",
    "for_goods": """Logistik Pilkada Didistribusikan ke TPS

SAWAH LEBAR – Logistik Pilkada untuk 48 TPS di Kecamatan Sawah Lebar didistribusikan dari Kantor PPK Sawah Lebar, Selasa (26/11/2024) pagi, dengan pengawalan personel Polsek Sawah Lebar.
""",
    "two_offices": """Personel Gabungan Patroli ke Kantor Penyelenggara Pemilu

SEKAR ARUM – Personel Polres Sekar Arum berpatroli ke kantor penyelenggara pemilu, Senin (2/12/2024) malam.

Patroli menyasar Kantor KPU Kabupaten Sekar Arum di Jalan Merpati dan Kantor Bawaslu Kabupaten Sekar Arum di Jalan Kenari.

Di kedua kantor tersebut, petugas berdialog dengan personel jaga dan memeriksa buku mutasi.
""",
    "warehouse_guard": """Kotak Suara Tiba di Gudang KPU

KOTA INTAN – Kotak suara hasil pemungutan suara dari Kecamatan Mawar tiba di Gudang KPU Kota Intan, Kamis (28/11/2024), dengan pengawalan dari Satlantas Polres Kota Intan.

Pengamanan gudang dilakukan oleh jajaran Polsek Intan Barat selama 24 jam.
""",
    "written_whole": """Sat Samapta Polresta Bukit Raya Intensifkan Patroli

Bukit Raya | Warta Timur

Polresta Bukit Raya melalui Sat Samapta Polresta Bukit Raya mengintensifkan patroli di Kantor KPU Kabupaten Bukit Raya dan Kantor Bawaslu Kabupaten Bukit Raya, Sabtu (28/09/2024).

Anggota Turjawali Sat Samapta menyambangi gudang KPU yang terletak di Gor Swecapura Bukit Raya, lalu berdialog dengan petugas KPU yang berjaga.
""",
    "via_pier": """Kapolres Kepulauan Lima Pimpin Apel Pergeseran Pasukan

Jakarta – Kapolres Kepulauan Lima AKBP Ajie Lukman memimpin apel pergeseran pasukan pengamanan TPS di Mapolres Kepulauan Lima, Selasa (26/11/2024).

Pada pukul 08.00 WIB, Kapolres beserta Wakapolres dan personel pengamanan bergerak menuju lokasi masing-masing menggunakan kapal melalui Dermaga 17 Marina Baru.
""",
    "outlet_bar": """Polsek Sungai Lala dan Babinsa Kompak Amankan Kampanye

Top Riau| Sungai Lala — Polsek Sungai Lala bersama Babinsa melaksanakan pengamanan kampanye pasangan calon nomor urut 4 di wilayahnya.
""",
    "ordered": """Pengamanan Pleno di Laut Jaya

LAUT JAYA – Atas perintah Kapolres Laut Jaya, Kapolsek Pantai Indah Iptu Andi memimpin patroli di Gedung Nasional Laut Jaya.
""",
    "plenary": """Kegiatan Polres Laut Jaya

LAUT JAYA – Polres Laut Jaya mengamankan rapat paripurna di ruang sidang utama DPRD Laut Jaya, Senin (25/11/2024).
""",
    "met": """Patroli Malam Polsek Karang Asri

KARANG ASRI – Personel Polsek Karang Asri menyambangi Kantor PPK Karang Asri dan berdialog dengan anggota PPK yang masih bekerja, Selasa (15/10/2024) malam.

Sehari sebelumnya, personel Polsek Karang Asri mengamankan rapat koordinasi PPK Karang Asri di Aula Kantor Kecamatan Karang Asri.
""",
}

CASES = [
    # an unnamed venue and the named one it occupies ("gudang logistik KPU yang menempati GOR X"): the
    # named venue, as a reviewer places it (not the unnamed kind, nor the kelurahan after it) ...
    ("menggelar patroli malam ke gudang logistik", "location", "GOR Citra Bahari"),
    # ... which a pointer to the venue's kind then finds, not a headline's "Gudang Logistik Pilkada"
    ("berkoordinasi dengan Ketua KPU", "location", "GOR Citra Bahari"),
    ("di sekeliling gedung tersebut", "location", "GOR Citra Bahari"),
    # a fronted "Dari X," in an escort is where it starts, not a frame the clause after outranks
    ("Dari Pelabuhan Tanjung Batu", "location", "Pelabuhan Tanjung Batu"),
    # a district frame after a connective ("Sementara itu, di Kecamatan X,") gives way to the venue
    # the clause names, as a frame opening the sentence already did
    ("Sementara itu, di Kecamatan Karang Asri", "location", "Balai Desa Karang Tengah"),
    # what an appeal asks of others ("agar tidak membawa atribut ke halaman Masjid X") is not where it
    # is made: the field the sentence points to
    ("Bripka Yusuf mengimbau simpatisan", "location", "Lapangan Sepak Bola Desa Karang Jaya"),
    # where the personnel of an apel will serve ("yang akan bertugas di pulau-pulau Kecamatan X") is not
    # where the apel is: the apel told before, at the Mapolres (people are not places spread over)
    ("dan diikuti 96 personel yang akan bertugas", "location", "Mapolres Teluk Biru"),
    # "Polres X melalui Satuan Samapta ...": the page's first act is the sub-unit's, so a page whose headline
    # names that sub-unit with its Polres is about the sub-unit ("Satuan Samapta" and "Sat Samapta" one name)
    ("Rombongan patroli lalu menyambangi", "unit", "Sat Samapta Polres Lembah Sari"),
    # a long form whose name goes on past "dan" to its short form in brackets: the whole long form acts,
    # and its own short form is no partner (as "Kepolisian Daerah X (Polda Y)")
    ("Kepolisian Resor Teluk Biru dan Kepulauan", "unit", "Kepolisian Resor Teluk Biru dan Kepulauan"),
    ("Kepolisian Resor Teluk Biru dan Kepulauan", "partners", []),
    # the guard of an event told before, going on about it ("Pengamanan pleno dilakukan 15 personel ..."):
    # where the page said the event was held
    ("Pengamanan pleno dilakukan 15 personel", "location", "Gedung Serbaguna Kecamatan Tanjung Harapan"),
    # ... and "di lokasi pleno" is there too, not at the last venue named ("Usai pleno, kotak suara dibawa
    # ke Gudang X" only dates another act by the pleno)
    (
        "meninjau kesiapan pengamanan di lokasi pleno",
        "location",
        "Gedung Serbaguna Kecamatan Tanjung Harapan",
    ),
    # a fronted attribution ("Menurut Kasat Intelkam Polres X, personel Polsek Y berjaga ..."): the unit
    # of what is said acts, not the speaker's, as after "mengatakan,"
    ("Menurut Kasat Intelkam", "unit", "Polsek Batu Ampar"),
    # of places ranked alike, a named venue beats a region ("di Kecamatan X dilaksanakan ... di Balai Y")
    ("Kegiatan pengamanan di Kecamatan Tepian", "location", "Balai Desa Tepian Baru"),
    # a TNI commander with his formation's number ("Dandim 0911/X Letkol Inf Y dan Kapolres Z memimpin
    # apel"): his Kodim takes part, as a Kapolres's role implies his Polres
    ("Dandim 0911/Sungai Jernih", "unit", "Polres Sungai Jernih"),
    ("Dandim 0911/Sungai Jernih", "partners", ["Kodim 0911/Sungai Jernih"]),
    # a Polsek written with its Polres after a comma ("Personel Polsek X, Polres Y, mengawal ..."): the Polres
    # is where the Polsek belongs, as after a Kapolsek, so the page (its headline's Polsek) is the Polsek's
    ("Setibanya di Pulau Gosong", "unit", "Polsek Tanjung Sari"),
    # an official's residence written with its office ("rumah dinas Bupati X", "rumah jabatan Wali Kota Y"):
    # the venue as written, not a bare kind of place
    ("menyambangi rumah dinas Bupati", "location", "rumah dinas Bupati Rantau Baru"),
    # around a venue named before with no preposition ("menyisir area parkir dan sekeliling hotel"): that
    # venue, as "di sekitar hotel" already was (the second clause of a split sentence)
    ("Satbrimob Polda Nusa Raya menyisir", "location", "Ballroom Hotel Mutiara Raja"),
    # a role's place written with a short abbreviation ("Kapolres Kep. Selatan"): the whole place
    ("Kapolres Kep. Selatan", "unit", "Polres Kep. Selatan"),
    # a page that names its unit only in its press office's sign-off ("(Humas Polres X)"): that unit
    ("Personel gabungan TNI-Polri berpatroli", "unit", "Polres Sekar Arum"),
    # what goods are for ("logistik untuk 48 TPS di Kecamatan X") is where they go, not where the escort
    # takes them over ("didistribusikan dari Kantor PPK Y")
    ("Logistik Pilkada untuk 48 TPS", "location", "Kantor PPK Sawah Lebar"),
    # venues listed each with the road it lies on ("Kantor A di Jalan X dan Kantor B di Jalan Y"): the
    # venues, as a reviewer lists them, not the first alone (the road is no item of the list) ...
    (
        "Patroli menyasar Kantor KPU",
        "location",
        "Kantor KPU Kabupaten Sekar Arum dan Kantor Bawaslu Kabupaten Sekar Arum",
    ),
    # ... and a pointer to all of them ("Di kedua kantor tersebut") is to the list
    (
        "Di kedua kantor tersebut",
        "location",
        "Kantor KPU Kabupaten Sekar Arum dan Kantor Bawaslu Kabupaten Sekar Arum",
    ),
    # a venue's bare kind as what a guard is of ("Pengamanan gudang dilakukan oleh ..."): the venue of that
    # kind named just before, as "di gudang" already was
    ("Pengamanan gudang dilakukan oleh jajaran", "location", "Gudang KPU Kota Intan"),
    ("Pengamanan gudang dilakukan oleh jajaran", "unit", "Polsek Intan Barat"),
    # "Polresta X melalui Sat Samapta Polresta X": the sub-unit written whole, not its Polresta twice
    ("Polresta Bukit Raya melalui Sat Samapta", "unit", "Sat Samapta Polresta Bukit Raya"),
    # the named venue an unnamed one lies in, though the recogniser leaves it unlabelled ("Gor X")
    ("Anggota Turjawali Sat Samapta", "location", "Gor Swecapura Bukit Raya"),
    # the venue a movement passes through ("bergerak menuju lokasi masing-masing ... melalui Dermaga X"),
    # unlabelled: where the journey can be placed when its ends are many
    ("Pada pukul 08.00 WIB, Kapolres beserta", "location", "Dermaga 17 Marina Baru"),
    # a dateline after an outlet's name and a bar ("Top Riau| Sungai Lala —"): the place, not the outlet
    ("Polsek Sungai Lala bersama Babinsa", "location", "Sungai Lala"),
    # a fronted order ("Atas perintah Kapolres X, Kapolsek Y memimpin ..."): the one ordered acts, as after
    # "Kapolres X memerintahkan Kapolsek Y"
    ("Atas perintah Kapolres Laut Jaya", "unit", "Polsek Pantai Indah"),
    # a lower-case venue with the words of its kind ("ruang sidang utama DPRD X"): the venue as written
    ("mengamankan rapat paripurna", "location", "ruang sidang utama DPRD Laut Jaya"),
    # a meeting secured ("mengamankan pertemuan terbatas pasangan calon"): its guard, not talks
    ("Sementara itu, di Kecamatan Karang Asri", "type", "static_guard"),
    # a body's people talked with on the way ("berdialog dengan anggota PPK") take no part in the act ...
    ("menyambangi Kantor PPK Karang Asri", "partners", []),
    # ... nor does the body holding the event guarded ("mengamankan rapat koordinasi PPK X")
    ("mengamankan rapat koordinasi PPK", "partners", []),
    # a place left before the act ("Usai dari gudang, rombongan patroli bergerak ke Kantor X") is the
    # scene it follows, not where it starts
    (
        "Usai dari gudang, rombongan patroli",
        "location",
        "Kantor Bawaslu Kabupaten Teluk Biru dan Kantor KPU Kabupaten Teluk Biru",
    ),
]


@pytest.fixture(scope="module")
def fifteenth(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Opened]:
    yield from open_pages(tmp_path_factory.mktemp("fifteenth"), FIFTEENTH)


@pytest.mark.parametrize(("needle", "slot", "expected"), CASES, ids=lambda v: str(v)[:32])
def test_the_fifteenth_check(fifteenth: Opened, needle: str, slot: str, expected: Any) -> None:
    assert needle_draft(fifteenth, FIFTEENTH, needle, clause=needle.startswith("Satbrimob"))[slot] == expected
