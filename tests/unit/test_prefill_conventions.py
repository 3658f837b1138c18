"""Record pre-fill by the conventions the gold set settles where the guidelines are silent
(tests/gold/real/README.md, "Conventions where the guidelines are silent"): the article's unit in
its short form, and a record drafted from the clause a reviewer selected when one sentence tells
two activities or a figure split by unit or place. Pages are invented in the shape of real ones
and drafted through ``Store.draft_record``; each set of pages is one store, opened once, and each
slot's cases are one table of ``page_cases(PAGES, [(needle, slot, expected), ...])``."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from tests.unit.prefill_pages import Opened, draft, open_pages, page_holding

Stores = Callable[[dict[str, str]], Opened]
Slot = str | tuple[str, ...]


def page_cases(pages: dict[str, str], cases: list[tuple[str, Slot, Any]]) -> list[Any]:
    """One test case per ``(needle, slot, expected)``: the draft of the sentence holding ``needle``,
    on the page of ``pages`` that holds it, has ``expected`` in ``slot`` (a tuple of slots: a tuple)."""
    params = []
    for needle, slot, expected in cases:
        page = page_holding(pages, needle)
        params.append(pytest.param(pages, page, needle, slot, expected, id=f"{page}-{needle[:40]}"))
    return params


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stores]:
    """A store per set of pages, opened when a test first asks for it and closed at the end."""
    opened: dict[int, tuple[Iterator[Opened], Opened]] = {}

    def get(pages: dict[str, str]) -> Opened:
        if id(pages) not in opened:
            gen = open_pages(tmp_path_factory.mktemp(next(iter(pages))), pages)
            opened[id(pages)] = (gen, next(gen))
        return opened[id(pages)][1]

    yield get
    for gen, _ in opened.values():
        gen.close()


@pytest.fixture(scope="module")
def pages(stores: Stores) -> Opened:
    return stores(PAGES)


def clause(pages: Opened, page: str, needle: str) -> dict[str, Any]:
    """The draft of exactly ``needle``: the span a reviewer selected."""
    st, ids = pages
    at = st.article(ids[page]).text.index(needle)
    return st.draft_record(ids[page], at, at + len(needle))


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
    "places": """Polda Tanah Datar Kirim 400 Personel BKO

PADANG RAYA - Polda Tanah Datar mengirim 400 personel BKO ke daerah rawan, Senin (25/11/2024).

Sebanyak 150 personel dikirim ke Kabupaten Rimba Jaya, 120 personel ke Kabupaten Sungai Emas dan 80 personel ke Kabupaten Lembah Sari, sementara 50 personel lainnya disiagakan di Mapolda Tanah Datar sebagai cadangan.

Untuk operasi itu, Polres Rimba Jaya menyiapkan 500 personel, termasuk 60 personel cadangan yang disiagakan di Mapolres Rimba Jaya.

Ring pertama di dalam gedung diisi Bhabinkamtibmas, ring kedua di halaman Gedung Serbaguna Rimba Jaya diisi 30 personel Sat Samapta, sedangkan ring ketiga berupa patroli Sat Lantas Polres Rimba Jaya di Jalan Kenanga.

Personel Polsek Karang Tengah bersama Koramil 03/Karang Tengah menjaga 40 TPS, sedangkan Polsek Sawah Besar menempatkan 25 personel di 30 TPS.
""",
    "scene": """Ratusan Polisi Bergerak ke TPS

SUNGAI LEBAR - Ratusan polisi di Kabupaten Sungai Lebar mulai bergerak ke TPS sehari sebelum pencoblosan. Pergeseran 250 personel ke ratusan TPS itu dilakukan seusai apel di Mapolres Sungai Lebar, Selasa (26/11/2024) pagi. Apel tersebut dihadiri 330 personel, termasuk prajurit Kodim 1299/Sungai Lebar dan anggota Satpol PP Kabupaten Sungai Lebar.

Polres Sungai Lebar menggelar apel kesiapan di halaman Mapolres Sungai Lebar, Rabu (27/11/2024). Apel tersebut dihadiri prajurit Kodim 1299/Sungai Lebar.
""",
    "quoted": """Polisi Kawal Logistik ke Kecamatan

Tanjung Padi (ANTARA) - Kepolisian Resor Pesisir Jaya mengerahkan 90 personel untuk mengawal distribusi logistik pilkada ke tujuh kecamatan.

"Pengawalan kami lakukan bersama KPU Kabupaten Pesisir Jaya dan Kodim 1777/Pesisir Jaya sejak pagi," kata Kepala Kepolisian Resor Pesisir Jaya Ajun Komisaris Besar Polisi Darmawan Putra di Tanjung Padi, Senin.
""",
    "bodies": """Polres Muara Baru Siap Amankan Pencoblosan

MUARA BARU - Polres Muara Baru menempatkan 300 personel untuk menjaga 600 TPS, Rabu (27/11/2024).

Personel tersebut dibantu Linmas serta prajurit Kodim 1111/Muara Baru.

Setibanya di Pulau Kecil, logistik diterima PPS Pulau Kecil dan langsung dijaga dua personel Polsek Pulau Kecil.

Polres Muara Baru bersama Bawaslu Kabupaten Muara Baru dan Kejaksaan Negeri Muara Baru menggelar rapat koordinasi Sentra Gakkumdu di Kantor Bawaslu Kabupaten Muara Baru, Jumat (15/11/2024).
""",
    "done": """Polres Tanjung Batu Gelar Rakor Pengamanan

TANJUNG BATU - Polres Tanjung Batu menggelar rapat koordinasi pengamanan pilkada di Aula Mapolres Tanjung Batu, Selasa (15/10/2024).

Menurut Bayu, Polres Tanjung Batu telah memetakan 40 TPS rawan di Kecamatan Sungai Pinang.

Berdasarkan hasil pemetaan, Sat Intelkam menggolongkan 12 TPS di Desa Air Mati sebagai sangat rawan.

Kasat Reskrim menyebut pihaknya telah menugaskan enam penyidik di Sentra Gakkumdu sejak awal masa kampanye.

Polres Tanjung Batu juga telah menyiagakan 50 personel di Mapolres Tanjung Batu.

Untuk TPS rawan itu, Polres Tanjung Batu akan menempatkan dua personel di setiap TPS.
""",
    "owner": """Polres Bukit Tinggi Kawal Logistik

BUKIT TINGGI - Polres Bukit Tinggi mengawal logistik KPU Kabupaten Bukit Tinggi ke 12 kecamatan, Senin (25/11/2024).

Polres Bukit Tinggi menggeser logistik dari gudang milik KPU Kabupaten Bukit Tinggi ke delapan kecamatan, Senin (25/11/2024).

Personel Polres Bukit Tinggi menjaga kotak suara KPU Kabupaten Bukit Tinggi di kantor camat bersama Linmas, Senin (25/11/2024).
""",
}

WHERE = {
    "where": """Polisi Jaga Pleno di Teluk Seruni

TELUK SERUNI - Polres Teluk Seruni menerjunkan 120 personel untuk mengamankan rapat pleno di Gedung Serbaguna Al-Ikhlas, Selasa (3/12/2024).

Usai pleno, kotak suara dikawal Sat Samapta dari Gedung Serbaguna Al-Ikhlas menuju Gudang Logistik KPU Kabupaten Teluk Seruni di Desa Karang Bolong.

Pada hari yang sama, 30 personel Satbrimob Polda Seruni yang bermarkas di Kota Lama tiba di Kecamatan Pasir Putih untuk memperkuat pengamanan.

Sementara itu, personel Sat Polairud yang bersiaga di Dermaga Pasir Putih menggelar patroli di perairan Pulau Damar.

Kapolres Teluk Seruni AKBP Budi Santoso mengatakan, Distrik Bukit Damar hanya bisa dijangkau lewat udara sehingga personel di distrik itu sudah diterbangkan sejak Rabu (20/11/2024).

Kapolsek Pasir Putih bersama Babinsa menyambangi pengurus Dayah Nurul Huda di Desa Karang Bolong.

Di dayah itu, personel Polsek Pasir Putih membagikan selebaran imbauan.

Sore harinya, ratusan warga berunjuk rasa di depan Kantor Bawaslu Kabupaten Teluk Seruni. Personel Sat Samapta membentuk barikade di depan pintu gerbang kantor.

Di TPS 05 Desa Karang Bolong, yang berada di halaman Masjid Al-Falah, Kapolsek Pasir Putih memantau pencoblosan.

Kapolres Teluk Seruni AKBP Budi Santoso mengatakan sterilisasi ruang pleno dilakukan Tim Jibom Satbrimob Polda Seruni sejak pagi.

Kapolres Teluk Seruni menyebut satu peleton Sat Samapta disiagakan di Mapolres Teluk Seruni sebagai cadangan.

Setibanya di Kantor Camat Pasir Putih, logistik diserahkan kepada PPK Pasir Putih dan dijaga empat personel Polsek Pasir Putih.

Kapolres Teluk Seruni mengatakan, Distrik Lembah Kabut hanya bisa dijangkau lewat udara sehingga personel pengamanan TPS di distrik itu sudah diterbangkan lebih dulu.

Pada hari yang sama, 45 personel Satbrimob Polda Seruni BKO disiagakan di Mapolres Teluk Seruni.

Sebelumnya, Kapolres Teluk Seruni menyampaikan imbauan menolak politik uang kepada jemaah Masjid Agung Al-Furqan Pasir Putih.
"""
}

WHEN = {
    "when": """Polres Bukit Damar Gelar Rakor

BUKIT DAMAR - Polres Bukit Damar menggelar rapat koordinasi pengamanan pilkada di Aula Mapolres Bukit Damar, Rabu (13/11/2024).

Sehari sebelumnya, Kapolsek Pasir Putih bersama Babinsa menyambangi pengurus Dayah Nurul Huda di Desa Karang Bolong.

Di dayah itu, personel Polsek Pasir Putih membagikan selebaran imbauan.

Pada Senin (25/11/2024), Polres Bukit Damar akan menempatkan 40 personel di Kecamatan Lembah Kabut, sedangkan 25 personel dikirim ke Kecamatan Pasir Putih.
"""
}

KINDS = {
    "kinds": """Polisi Amankan Aksi di KPU Tanjung Seruni

TANJUNG SERUNI - Polres Tanjung Seruni menurunkan 200 personel untuk mengamankan unjuk rasa di depan Kantor KPU Kabupaten Tanjung Seruni, Kamis (5/12/2024).

Massa datang dengan konvoi sepeda motor dari Kelurahan Batu Ampar.

Personel Sat Samapta membentuk barikade di depan pintu gerbang kantor.

Sat Lantas menutup ruas Jalan Merdeka dan mengalihkan kendaraan ke Jalan Cempaka.

Sebelumnya, Polsek Batu Ampar menengahi perselisihan antara saksi dua pasangan calon saat rekapitulasi di Balai Desa Batu Ampar.

Kapolres Tanjung Seruni mengatakan, personel pengamanan TPS di Distrik Lembah Kabut sudah diterbangkan lebih dulu sejak Rabu (20/11/2024).

Pada malam harinya, Bhabinkamtibmas Polsek Batu Ampar menyambangi pengajian di Langgar Al-Ikhlas dan menyampaikan pesan serupa kepada para tuan guru.

Rakor juga menyepakati simulasi pengamanan TPS yang akan digelar di Lapangan Merdeka pada Sabtu (16/11/2024) bersama Satpol PP.

Di TPS 05 Desa Batu Ampar, Kapolsek Batu Ampar memantau langsung proses pencoblosan bersama Panwaslu Desa Batu Ampar.

Pada Senin (25/11/2024), Polres Tanjung Seruni akan menempatkan 40 personel di Kecamatan Lembah Kabut.

Polres Tanjung Seruni juga akan menempatkan dua personel di setiap TPS.
"""
}

SITES = {
    "sites": """Kampanye Akbar di Lembah Kabut

LEMBAH KABUT - Polres Lembah Kabut mengerahkan 300 personel untuk mengamankan kampanye akbar di Lapangan Merdeka Lembah Kabut, Sabtu (16/11/2024).

Sejak pagi, Sat Lantas mengawal iring-iringan pendukung yang datang dari Kecamatan Batu Ampar menuju lokasi kampanye.

Di lokasi kampanye, Sat Samapta menempatkan 60 personel di sekitar panggung.

Sekitar pukul 14.00, seorang pendukung yang mabuk memukul warga lain.

Personel Polsek Lembah Kabut segera mengamankan pelaku di tepi lapangan sebelum membawanya ke Mapolsek Lembah Kabut.

Malam itu, rapat pleno digelar di Ballroom Hotel Seruni Indah. Usai pleno, kotak berisi dokumen dikawal Sat Samapta dari hotel tersebut menuju Kantor KPU Kabupaten Lembah Kabut di Jalan Kenari.

Sementara itu, personel Polsek Batu Ampar menyambangi nelayan di Tempat Pelelangan Ikan (TPI) Batu Ampar untuk mengimbau warga tidak menerima uang dari tim pemenangan.
"""
}

NAMES = {
    "names": """Logistik Diseberangkan ke Pulau-pulau

PULAU BESAR - Polres Pulau Besar mengawal logistik dari Pelabuhan Teluk Indah, Sabtu (23/11/2024).

Di desa tersebut, logistik dijaga tiga personel Polsek Pulau-Pulau Batu Karang bersama Linmas.

Di Kecamatan Teluk Indah, Kapolsek Teluk Indah bersilaturahmi dengan pengasuh Pondok Pesantren Nurul Iman Al-Azhar dan meminta santri tidak terpancing kabar bohong.

Kapolres Pulau Besar menyebut 50 personel Satbrimob Polda Seruni yang didatangkan dari Kota Lama disiagakan di Mapolres Pulau Besar.
"""
}

DEBATE = {
    "debate": """Debat Publik di GOR Seruni

TELUK SERUNI - Polres Teluk Seruni menyiagakan 250 personel untuk mengamankan debat publik di Gedung Olahraga (GOR) Seruni Jaya, Rabu (6/11/2024) malam.

Sebelum debat dimulai, Tim Jibom Satbrimob Polda Seruni menyisir panggung dan kursi penonton di dalam gedung tersebut.

Di luar gedung, Sat Samapta memisahkan kedua kelompok pendukung dengan pagar betis di Jalan Melati.

Usai debat, personel Sat Lantas mengawal rombongan kedua pasangan calon dari GOR hingga ke posko masing-masing.

Personel Sat Reskrim lalu mendatangi rumah itu dan menemukan 43 amplop berisi Rp100 ribu.
"""
}

REGISTRATION = {
    "registration": """Pendaftaran Paslon ke KPU Teluk Seruni

TELUK SERUNI - Polres Teluk Seruni mengerahkan 300 personel untuk mengamankan pendaftaran pasangan calon bupati di Kantor KPU Kabupaten Teluk Seruni, Kamis (29/8/2024).

Personel Sat Lantas mengawal iring-iringan pendukung dari Pendopo Kabupaten Teluk Seruni hingga ke kantor KPU.

Di depan kantor tersebut, Sat Samapta memasang pagar besi dan membatasi pendukung yang boleh masuk.

Personel Polsek Pasir Putih yang berjaga di ruangan itu segera melerai dua saksi yang beradu argumen.
"""
}

YARD = {
    "yard": """Logistik Digeser ke Kecamatan

BUKIT DAMAR - Polres Bukit Damar mengawal logistik dari Gudang Logistik KPU Kabupaten Bukit Damar ke 12 kecamatan, Senin (25/11/2024).

Setibanya di Kantor Camat Batu Ampar, logistik dijaga tiga personel Polsek Batu Ampar.

Wakapolres Bukit Damar mengatakan, sebelum pemberangkatan jajarannya menggelar apel di halaman gudang tersebut bersama Kodim 1234/Bukit Damar.
"""
}

ORDERS = {
    "orders": """Polres Lembah Sunyi Amankan Putusan Sengketa

LEMBAH SUNYI - Polres Lembah Sunyi mengerahkan 420 personel gabungan dari Kodim 1401/Lembah Sunyi, Satpol PP dan Dinas Perhubungan untuk mengamankan sidang pembacaan putusan di Gedung Pengadilan Lembah Sunyi, Kamis (27/2/2025).

Sekitar pukul 11.00 WIB, ratusan pendukung berunjuk rasa di Bundaran Air Mancur.

Personel Sat Samapta Polres Lembah Sunyi lalu menyekat massa di kawasan tersebut agar tidak mendekati gedung.

Kapolres Lembah Sunyi AKBP Darma Wijaya juga memerintahkan Kapolsek Batu Hitam untuk menyambangi tokoh masyarakat Desa Batu Hitam mulai Jumat (28/2/2025).
"""
}

HEADER = {
    "header": """Polsek Batu Hitam Kawal Logistik ke Desa

Polda Lembah Sunyi, Polres Bukit Sari, Polsek Batu Hitam, 25 November 2024 – Polsek Batu Hitam bersama Koramil 1401-02/Batu Hitam melaksanakan pengawalan logistik pilkada dari Kantor Camat Batu Hitam menuju PPS di lima desa.

Polres Bukit Sari mengerahkan 30 personel di setiap PPK untuk membantu pengamanan.

Massa kembali saling lempar batu menjelang acara dibuka, sebelum personel Sat Samapta Polres Bukit Sari membentuk pagar betis di antara kedua kelompok.
"""
}

TRAIL = {
    "trail": """Kapolres Bukit Sari Patroli ke TPS Pegunungan

BUKIT SARI - Kapolres Bukit Sari AKBP Darma Wijaya memimpin patroli bermotor trail ke TPS-TPS di daerah pegunungan, Selasa (26/11/2024).

Patroli diawali apel pergeseran personel pengamanan TPS di halaman Mapolres Bukit Sari.

Sebelumnya, Polres Bukit Sari juga meningkatkan koordinasi dengan Kodim 1401/Bukit Sari guna menjaga keamanan selama masa tenang.

Polda Lembah Sunyi mulai memberangkatkan personel BKO ke tiga polres hari ini, yakni Polres Bukit Sari, Polres Batu Hitam dan Polres Teluk Seruni.
"""
}

SAMEDAY = {
    "sameday": """Polisi Siapkan Pengamanan PSU di Bukit Sari

BUKIT SARI - Polres Bukit Sari menggelar rakor persiapan PSU di Aula Mapolres Bukit Sari, Senin (9/12/2024).

Pada hari pemungutan suara ulang, Sabtu (14/12/2024), Polres Bukit Sari akan menerjunkan 60 personel untuk menjaga TPS 03 Desa Karang Bolong.

Sebanyak 20 personel Satbrimob Polda Lembah Sunyi juga akan disiagakan di Mapolsek Karang Bolong pada hari yang sama.

Untuk pemungutan suara besok, Polsek Batu Hitam menerjunkan 45 personel ke 38 TPS di Kecamatan Batu Hitam.

Sore harinya, ratusan pendukung berkumpul di depan Kantor KPU Kabupaten Bukit Sari.

Pendukung kedua pasangan calon sempat saling dorong di depan kantor KPU.

Adu mulut itu segera dilerai anggota TNI-Polri yang berjaga di lokasi.

Kapolres Bukit Sari mengatakan, jajarannya juga akan menggelar apel kesiapan pada Jumat (13/12/2024).

Pada hari yang sama, Polsek Batu Hitam menggelar patroli dialogis di Pasar Batu Hitam.
"""
}

ISLAND = {
    "island": """Logistik ke Pulau Damar Dikawal Polisi

TELUK SERUNI - Sat Polairud Polres Teluk Seruni mengawal pendistribusian logistik pemilu ke Pulau Damar bersama petugas Bawaslu Kota Teluk Seruni, Selasa (13/2/2024) sore.

"Air laut surut, jadi kami menunggu sampai pasang," ujar Kasat Polairud Polres Teluk Seruni Iptu Hendra Wijaya.

Pada hari pemungutan suara, Rabu (14/2/2024), Bhabinkamtibmas Kelurahan Pulau Damar berjaga di TPS tersebut bersama Linmas.
""",
    "island2": """Polairud Kawal Logistik ke Pulau Damar

TELUK SERUNI - Anggota Sat Polairud Polres Teluk Seruni mengawal pengiriman logistik pemilu dari Dermaga Lama ke Pulau Damar, Selasa (13/2/2024).

Pengiriman itu juga dilakukan personel Kodim 1401/Teluk Seruni serta Panwaslu Kecamatan Pulau Damar.
""",
}

# Shapes of the dev pages e110-e120 (a seventh transfer check, session 9): who acts when a passive's
# agent follows units the subject names, when a clause joined by "dan" names its own unit, when a
# frame names the area's unit; where the activity is when the next sentence names the event's venue,
# at a part of that venue, by a kind fronted with "Dari", "Dalam kesempatan itu", troops sent "dari X
# ke Y", people taken to a station afterwards.
SESSION9 = {
    "agent": """BKO Tiba di Bukit Sari

BUKIT SARI - Direktorat Samapta Polda Lembah Sunyi menggelar patroli skala besar bersama Satbrimob Polda Lembah Sunyi, Senin (25/11/2024) malam.

Personel BKO yang terdiri atas Ditsamapta Polda Lembah Sunyi dan Satbrimob Polda Lembah Sunyi itu disambut Kapolres Bukit Sari AKBP Darma Wijaya dalam apel di halaman Mapolres Bukit Sari.

Di Simpang Lima, rombongan berhenti dan personel Sat Binmas Polres Bukit Sari membagikan selebaran kepada pengendara.

Di wilayah hukum Polres Bukit Sari, Polsek Batu Hitam menggelar patroli di sekitar Pasar Batu Hitam.

Di wilayah Polres Bukit Sari, Polsek Karang Anyar menyisir posko pemenangan pasangan calon di Kelurahan Karang Anyar.

Sebanyak 100 personel Satbrimob Polda Lembah Sunyi yang diperbantukan ke Polres Bukit Sari berjaga di Gudang Logistik KPU Kabupaten Bukit Sari.
""",
    "pleno": """Polres Bukit Sari Amankan Pleno

BUKIT SARI - Polres Bukit Sari menerjunkan 150 personel untuk mengamankan rapat pleno rekapitulasi KPU Kabupaten Bukit Sari, Selasa (3/12/2024).

Rapat pleno berlangsung di Ballroom Hotel Seruni di Jalan Melati.

Barang bawaan setiap tamu diperiksa personel Sat Samapta dengan metal detector di pintu masuk hotel.
""",
    "rally": """Kampanye Akbar di Bukit Sari

BUKIT SARI - Polres Bukit Sari mengerahkan 250 personel untuk mengamankan kampanye akbar di Lapangan Merdeka Bukit Sari, Sabtu (16/11/2024).

Sat Lantas mengatur arus kendaraan pendukung di Jalan Kenanga.

Di sekitar panggung, 40 personel Sat Samapta membentuk ring pertama.

Dua pendukung yang berkelahi di pintu keluar lapangan dilerai personel Polsek Batu Hitam dan dibawa ke Mapolsek Batu Hitam.

Seorang pria yang melempar botol ke arah petugas diamankan dan dibawa ke Mapolsek Batu Hitam.
""",
    "crossing": """Logistik Diseberangkan ke Pulau Damar

TELUK SERUNI - Sat Polairud Polres Teluk Seruni mengawal logistik pilkada ke Pulau Damar, Senin (25/11/2024), dan tiba di Pelabuhan Teluk Indah sekitar pukul 11.00.

Dari pelabuhan, kotak suara dibawa ke Gudang PPK Pulau Damar dengan pengawalan Polsek Pulau Damar.

Di gudang itu, kotak suara dijaga empat personel Polsek Pulau Damar hingga hari pemungutan suara.

Personel Sat Samapta Polres Teluk Seruni diberangkatkan dengan truk dari Mapolsek Pulau Damar ke Desa Karang Bolong dan Desa Karang Anyar.

Sebanyak 20 personel Satbrimob Polda Lembah Sunyi juga bersiaga di Mapolsek Pulau Damar.

Polsek Pulau Damar menempatkan 24 personel di TPS-TPS yang dipusatkan di SDN Karang Bolong 07.
""",
    "occasion": """Apel Gelar Pasukan di Bukit Sari

BUKIT SARI - Polres Bukit Sari menggelar apel gelar pasukan pengamanan pilkada di Lapangan Kantor Bupati Bukit Sari, Senin (26/8/2024).

Apel diikuti 400 personel gabungan dari Polres Bukit Sari dan Kodim 1401/Bukit Sari.

Dalam kesempatan itu, Polda Lembah Sunyi juga memberangkatkan 60 personel Satbrimob Polda Lembah Sunyi kepada Polres Bukit Sari untuk pengamanan kawasan wisata.

Sehari sebelumnya, Polda Lembah Sunyi mengirim 200 personel BKO ke Polres Teluk Seruni untuk mengamankan pemungutan suara ulang.
""",
}

# the dev pages e128-e133 (an eighth check) and the classes left on the dev part
EIGHTH = {
    "handover": """BKO Brimob Tiba di Bukit Sari

LEMBAH SUNYI - Satbrimob Polda Lembah Sunyi menggelar apel pemberangkatan 120 personel BKO di Mako Satbrimob Polda Lembah Sunyi, Jumat (22/11/2024).

Sebanyak 60 personel dikirim ke Kabupaten Bukit Sari, sedangkan 60 personel lainnya ke Kabupaten Teluk Seruni.

Setibanya di Bukit Sari, Polres Bukit Sari menggelar apel penerimaan di Lapangan Apel Mapolres Bukit Sari, Sabtu (23/11/2024); Danki Brimob Iptu Yohanes Bala menyerahkan personel Satbrimob Polda Lembah Sunyi itu kepada Kapolres Bukit Sari AKBP Darma Wijaya.
""",
    "counts": """Polsek Batu Hitam Patroli Pasar

BUKIT SARI - Polsek Batu Hitam menggelar patroli di Pasar Batu Hitam, Senin (25/11/2024). Sebanyak 30 personel Satpol PP Kabupaten Bukit Sari juga bersiaga di Kantor Camat Batu Hitam bersama Linmas.

Polsek Karang Anyar menyambangi Kantor PPK Karang Anyar, Selasa (26/11/2024). Di tempat lain, 25 personel Polsek Karang Anyar berjaga di Gudang Logistik KPU Karang Anyar bersama anggota Koramil.

Polsek Pasir Putih bersama Satpol PP Kabupaten Bukit Sari berpatroli di Pasar Pasir Putih, Rabu (27/11/2024). Patroli itu juga melibatkan anggota Satpol PP dan Linmas.

Dalam kesempatan itu, personel Polsek Pasir Putih berkoordinasi dengan petugas PPK Pasir Putih soal pengamanan rapat pleno.

Polsek Batu Hitam menyambangi sejumlah TPS yang tersebar di Kecamatan Batu Hitam, Kamis (28/11/2024).

Polres Bukit Sari menyiagakan 245 personel untuk mengamankan debat calon bupati dan wakil bupati Bukit Sari di Gedung Olahraga (GOR) Seruni, Sabtu (9/11/2024).
""",
}
EIGHTH_CASES = page_cases(
    EIGHTH,
    [
        # a force handed over to the Kapolres in the apel is what is received, not a body taking part
        ("menggelar apel penerimaan", "partners", []),
        # the count of another group's act at a place of its own, in the same paragraph, is not this one's
        ("menggelar patroli di Pasar Batu Hitam", "personnel", None),
        ("menyambangi Kantor PPK Karang Anyar", "personnel", None),
        # a body's short form beside its long form is one partner
        ("berpatroli di Pasar Pasir Putih", "partners", ["Satpol PP Kabupaten Bukit Sari", "Linmas"]),
        # what talks are about is no act of its own
        ("berkoordinasi dengan petugas PPK", "type", "coordination"),
        # many unnamed places of a kind spread over an area: the area
        ("yang tersebar di Kecamatan", "location", "Kecamatan Batu Hitam"),
        # the region of an office run for is the election's, the venue after it the place
        ("debat calon bupati", "location", "Gedung Olahraga (GOR) Seruni"),
    ],
)


# the ninth transfer check (e134-e140): where the place is told apart from the act
NINTH = {
    "night": """Polsek Batu Hitam Patroli Malam

Bukit Sari, Lembah Sunyi – Pada Senin, 9 Desember 2024, sekitar pukul 22.00 Wita, jajaran Polsek Batu Hitam di bawah Polres Bukit Sari, Polda Lembah Sunyi, menggelar patroli rutin pasca Pilkada 2024.

Patroli yang dipimpin Kanit Samapta Polsek Batu Hitam Aipda Joko Susilo bersama anggota piket itu dilakukan di Desa Karang Asri, Kecamatan Batu Hitam, Kabupaten Bukit Sari.
""",
    "bluelight": """Patroli Blue Light di Desa Sumber Jaya

Polres Bukit Sari – Pada Sabtu malam, personel Polsek Karang Anyar menggelar patroli Blue Light.

Patroli ini menjadi bagian dari upaya menjaga kamtibmas menjelang Pilkada 2024.

Kegiatan itu dilakukan dengan menyambangi pos kamling yang berada di Desa Sumber Jaya, salah satu desa di wilayah hukum Polsek Karang Anyar. Sabtu (14/09/2024).
""",
    "pier": """Jumat Curhat di Pulau Damar

BUKIT SARI – Polsek Pasir Putih bersilaturahmi dengan warga Pulau Damar dalam Jumat Curhat, bertempat di Pelabuhan Rakyat Pulau Damar, Kecamatan Pasir Putih, Jumat (4/10/2024).

Dalam kesempatan itu, Kanit Binmas Polsek Pasir Putih Aiptu Rahman mengajak warga ikut menjaga situasi di wilayah Pulau Damar selama masa kampanye.
""",
    "villages": """Kampanye di Dua Desa

BUKIT SARI – Pada Sabtu, 9 November 2024, personel Polres Bukit Sari bersama Bawaslu Bukit Sari mengamankan dua kampanye terbuka, yakni di Desa Karang Asri Kecamatan Batu Hitam dan Desa Sumber Jaya Kecamatan Karang Anyar Selatan.

Keesokan harinya, Polsek Batu Hitam berpatroli di Desa Lubuk Dalam Kecamatan Batu Hitam.

Kapolres Bukit Sari mengatakan pihaknya juga menjaga Kantor KPU, Kantor Bawaslu dan Gudang Logistik selama masa kampanye.
""",
    "force": """Polres Lembah Hijau Terjunkan 900 Personel

LEMBAH HIJAU – Sebanyak 900 personel gabungan diterjunkan Polres Lembah Hijau untuk mengamankan Pilkada 2024 di Kabupaten Lembah Hijau, Senin (19/8/2024).

Polres Bukit Sari juga menurunkan 120 personel untuk mengawal tahapan Pilkada 2024 di Kecamatan Sungai Emas, Selasa (20/8/2024).

Polres Sungai Emas mengerahkan 300 personel untuk mengamankan rapat pleno rekapitulasi Pilkada 2024 di Gedung Serbaguna Sungai Emas, Rabu (4/12/2024).

Keterbatasan personel tidak menghalangi Polres Sungai Emas mengawal kampanye terbuka pasangan calon bupati di Desa Karang Asri, Kamis (7/11/2024).

Sebagian personel disiapkan untuk menjaga 401 TPS yang tersebar di wilayah Kabupaten Lembah Hijau pada 27 November 2024.

Polres Lembah Hijau menempatkan 150 personel untuk membantu pengamanan di Kecamatan Sungai Emas, Ngasem dan Banyakan.
""",
}
NINTH_CASES = page_cases(
    NINTH,
    [
        # a lede with no place of its own: where the next sentence, going on about it, says it was done
        ("menggelar patroli rutin", "location", "Desa Karang Asri"),
        ("menggelar patroli Blue Light", "location", "Desa Sumber Jaya"),
        # "jajaran Polsek X di bawah Polres Y, Polda Z": the units it belongs to take no part
        ("menggelar patroli rutin", "partners", []),
        # "Dalam kesempatan itu, ... menjaga situasi di wilayah X": what an appeal is about is no place
        # of the act; the occasion's is
        ("Dalam kesempatan itu, Kanit Binmas", "location", "Pelabuhan Rakyat Pulau Damar"),
        # a village written with its district and no comma is the village; several are joined as written
        ("mengamankan dua kampanye terbuka", "location", "Desa Karang Asri dan Desa Sumber Jaya"),
        ("berpatroli di Desa Lubuk Dalam", "location", "Desa Lubuk Dalam"),
        # capitalised venues of several kinds in one list are the places guarded, the last one too
        ("menjaga Kantor KPU, Kantor Bawaslu", "location", "Kantor KPU, Kantor Bawaslu dan Gudang Logistik"),
        # a force fielded for the election at large is the deployment; for an event, that event's guard
        ("diterjunkan Polres Lembah Hijau", "type", "troop_deployment"),
        ("menurunkan 120 personel untuk mengawal tahapan", "type", "troop_deployment"),
        ("mengerahkan 300 personel untuk mengamankan rapat pleno", "type", "static_guard"),
        # an event escorted is an event secured ("mengawal kampanye terbuka"): its guard, not an escort
        ("mengawal kampanye terbuka", "type", "static_guard"),
        # personnel readied for a guard (none sent yet) is planning, as "menyiapkan 310 personel" is
        ("Sebagian personel disiapkan untuk menjaga", "type", "planning"),
        # "di Kecamatan A, B dan C": the districts, the head word written once
        (
            "membantu pengamanan di Kecamatan Sungai Emas",
            "location",
            "Kecamatan Sungai Emas, Ngasem dan Banyakan",
        ),
    ],
)


# the acting unit
UNIT = [
    *page_cases(
        SESSION9,
        [
            # the agent of the passive acts, not the units its subject is made of (they take part)
            (
                "disambut Kapolres Bukit Sari",
                ("unit", "partners"),
                ("Polres Bukit Sari", ["Ditsamapta Polda Lembah Sunyi", "Satbrimob Polda Lembah Sunyi"]),
            ),
            # "..., rombongan berhenti dan personel X membagikan": a clause of its own names its actor
            ("rombongan berhenti", ("unit", "partners"), ("Sat Binmas Polres Bukit Sari", [])),
            # a fronted frame ("Di wilayah Polres X, Polsek Y menyisir ... di Kelurahan Z") is no clause of its own
            (
                "Polsek Karang Anyar menyisir",
                ("unit", "location"),
                ("Polsek Karang Anyar", "Kelurahan Karang Anyar"),
            ),
            # "Di wilayah hukum Polres X, Polsek Y menggelar ...": the area's unit neither acts nor takes part
            ("Di wilayah hukum", ("unit", "partners"), ("Polsek Batu Hitam", [])),
        ],
    ),
    *page_cases(
        PAGES,
        [
            # written: as written
            ("Kepolisian Resor (Polres)", "unit", "Kepolisian Resor (Polres) Bukit Sari"),
            # the article's: its short form
            ("Setibanya di kecamatan", "unit", "Polres Bukit Sari"),
            ("Logistik yang tiba", "unit", "Polres Lembah Hijau"),
        ],
    ),
    *page_cases(
        WHERE,
        [
            # the speaker's role comes first; what is said names the unit that acts, with or without a comma
            ("dilakukan Tim Jibom Satbrimob", "unit", "Satbrimob Polda Seruni"),
            ("menyebut satu peleton Sat Samapta", "unit", "Sat Samapta"),
            # BKO is no part of the acting unit nor a partner
            ("Satbrimob Polda Seruni BKO disiagakan", ("unit", "partners"), ("Satbrimob Polda Seruni", [])),
        ],
    ),
    *page_cases(
        NAMES,
        [
            # a unit name goes on past its hyphen
            ("Polsek Pulau-Pulau", "unit", "Polsek Pulau-Pulau Batu Karang"),
            # what a speaker says with a figure first names the unit
            ("menyebut 50 personel Satbrimob", "unit", "Satbrimob Polda Seruni"),
        ],
    ),
    *page_cases(
        ORDERS,
        [
            # "Kapolres X memerintahkan Kapolsek Y untuk menyambangi ...": Polsek Y does the visiting
            ("memerintahkan Kapolsek Batu Hitam", "unit", "Polsek Batu Hitam"),
        ],
    ),
    *page_cases(
        HEADER,
        [
            # "Polda X, Polres Y, Polsek Z, 25 November 2024 – Polsek Z bersama Koramil ...": who publishes
            # neither acts nor takes part
            (
                "melaksanakan pengawalan logistik",
                ("unit", "partners"),
                ("Polsek Batu Hitam", ["Koramil 1401-02/Batu Hitam"]),
            ),
        ],
    ),
    *page_cases(
        ISLAND,
        [
            # a sentence with no unit of its own: the Polres the page's Sat Polairud belongs to, once written
            # with it and once after its Kasat, not the Sat (a Bhabinkamtibmas is no Sat Polairud's)
            ("Bhabinkamtibmas Kelurahan Pulau Damar", "unit", "Polres Teluk Seruni"),
        ],
    ),
]


# where the activity is
LOCATION = [
    *page_cases(
        SESSION9,
        [
            # the venue the next sentence gives the event the lede secures ("Rapat pleno berlangsung di X")
            ("menerjunkan 150 personel", "location", "Ballroom Hotel Seruni"),
            # "di pintu masuk hotel": the hotel named before
            ("metal detector di pintu masuk hotel", "location", "Ballroom Hotel Seruni"),
            # a part of the event's venue ("Di sekitar panggung"): where it was held, not a road named since
            ("Di sekitar panggung", "location", "Lapangan Merdeka Bukit Sari"),
            # where people were taken afterwards ("dibawa ke Mapolsek X") is not where the act was
            ("dilerai personel Polsek", "location", "Lapangan Merdeka Bukit Sari"),
            # ... unless the act names no other place: the arrest's place is the station
            ("melempar botol", "location", "Mapolsek Batu Hitam"),
            # "Dari pelabuhan, ... dibawa ke X": the harbour named before is where the escort starts
            ("Dari pelabuhan", "location", "Pelabuhan Teluk Indah"),
            # TPS "yang dipusatkan di" a school: the school, its number with it
            ("yang dipusatkan di SDN", "location", "SDN Karang Bolong 07"),
            # troops sent "dari X ke Y": where they are sent
            ("diberangkatkan dengan truk", "location", "Desa Karang Bolong dan Desa Karang Anyar"),
            # "Dalam kesempatan itu": the occasion told before, at its place; the Polres troops go to is no partner
            ("Dalam kesempatan itu", ("location", "partners"), ("Lapangan Kantor Bupati Bukit Sari", [])),
        ],
    ),
    *page_cases(
        PAGES,
        [
            # the unit's headquarters is the markas pointed to
            ("tetap di markas", "location", "Mapolres Lembah Hijau"),
            # a set the act is spread over ("di setiap TPS")
            ("Untuk TPS rawan itu", "location", None),
            # the sentence's only place is where its scene is set ("seusai apel di Mapolres ..."): the TPS
            # it points back to lie where the sentence before put them
            ("Pergeseran 250 personel ke ratusan TPS itu", "location", "Kabupaten Sungai Lebar"),
        ],
    ),
    *page_cases(
        WHERE,
        [
            # an escort starts at the venue it leaves; the destination's own place only says where it lies
            ("kotak suara dikawal Sat Samapta dari", "location", "Gedung Serbaguna Al-Ikhlas"),
            # where a unit is based is not where it goes ("yang bermarkas di X tiba di Y")
            ("yang bermarkas di Kota Lama", "location", "Kecamatan Pasir Putih"),
            # nor where it stands by when its verb names another place ("yang bersiaga di X menggelar patroli di Y")
            ("yang bersiaga di Dermaga", "location", "Pulau Damar"),
            # "di distrik itu" points to the distrik the sentence itself named before it
            ("di distrik itu", "location", "Distrik Bukit Damar"),
            # the people visited at a venue ("menyambangi pengurus Dayah X di Desa Y"): the venue
            ("menyambangi pengurus Dayah", "location", "Dayah Nurul Huda"),
            # a venue of that kind named before
            ("Di dayah itu", "location", "Dayah Nurul Huda"),
            (
                "membentuk barikade di depan pintu gerbang kantor",
                "location",
                "Kantor Bawaslu Kabupaten Teluk Seruni",
            ),
            # a venue that only says where the TPS of the frame lies ("yang berada di halaman Masjid X")
            ("yang berada di halaman Masjid", "location", "TPS 05 Desa Karang Bolong"),
            # "personel pengamanan TPS di distrik itu": the pointer is "distrik itu", not "TPS ... itu"
            ("TPS di distrik itu", "location", "Distrik Lembah Kabut"),
            # a name goes on past its hyphen
            ("jemaah Masjid Agung", "location", "Masjid Agung Al-Furqan Pasir Putih"),
            # who receives what is delivered is no partner
            (
                "logistik diserahkan kepada PPK",
                ("unit", "location", "partners"),
                ("Polsek Pasir Putih", "Kantor Camat Pasir Putih", []),
            ),
        ],
    ),
    *page_cases(
        SITES,
        [
            # where the event told before was held, not the place the sentence before named last
            ("Di lokasi kampanye", "location", "Lapangan Merdeka Lembah Kabut"),
            # a venue a page names once, pointed to by its kind further back than a paragraph
            ("di tepi lapangan", "location", "Lapangan Merdeka Lembah Kabut"),
            # an escort's start given by a pointer ("dari hotel tersebut"): the room of the hotel named before
            ("dari hotel tersebut", "location", "Ballroom Hotel Seruni Indah"),
            # a venue name that goes on past its bracketed acronym
            ("menyambangi nelayan", "location", "Tempat Pelelangan Ikan (TPI) Batu Ampar"),
        ],
    ),
    *page_cases(
        NAMES,
        [
            # the venue whose people are met wins over the frame
            ("dengan pengasuh Pondok", "location", "Pondok Pesantren Nurul Iman Al-Azhar"),
        ],
    ),
    *page_cases(
        DEBATE,
        [
            # "dari GOR hingga ke posko": the GOR is the one the lede wrote out with its acronym
            ("dari GOR hingga", "location", "Gedung Olahraga (GOR) Seruni Jaya"),
        ],
    ),
    *page_cases(
        REGISTRATION,
        [
            # a pointer takes the venue's name, not a lower-case mention after it ("hingga ke kantor KPU")
            ("Di depan kantor tersebut", "location", "Kantor KPU Kabupaten Teluk Seruni"),
        ],
    ),
    *page_cases(
        YARD,
        [
            # the yard of it
            ("di halaman gudang tersebut", "location", "Gudang Logistik KPU Kabupaten Bukit Damar"),
        ],
    ),
    *page_cases(
        SAMEDAY,
        [
            # "di lokasi" points to "di depan kantor KPU", a mention of the office the page named in full
            ("dilerai anggota TNI-Polri", "location", "Kantor KPU Kabupaten Bukit Sari"),
        ],
    ),
]


# the type of activity
TYPE = [
    *page_cases(
        SESSION9,
        [
            # personnel sent to another police unit: a deployment, whatever they are for
            ("mengirim 200 personel BKO", "type", "troop_deployment"),
            ("Dalam kesempatan itu", "type", "troop_deployment"),
            # standing by at a police base: held ready, not guarding it
            ("bersiaga di Mapolsek", "type", "troop_deployment"),
            # "personel ... yang diperbantukan ke Polres X berjaga di Y": who they are, then what they do
            ("yang diperbantukan ke Polres", "type", "static_guard"),
        ],
    ),
    *page_cases(
        KINDS,
        [
            # holding a crowd back, not the convoy told before
            ("membentuk barikade", "type", "incident_response"),
            # traffic
            ("mengalihkan kendaraan", "type", "other"),
            ("menengahi perselisihan", "type", "incident_response"),
            # flown in: sent, not the guard they are for
            ("sudah diterbangkan", "type", "troop_deployment"),
            # a study group and its teachers
            ("menyambangi pengajian", "type", "community_outreach"),
            # what a meeting agreed to hold
            ("Rakor juga menyepakati simulasi", "type", "planning"),
            # a chief's round of the polling stations
            ("memantau langsung proses pencoblosan", "type", "patrol"),
            # placed in an area: sent there
            ("menempatkan 40 personel di Kecamatan", "type", "troop_deployment"),
            # placed at the places they guard
            ("menempatkan dua personel di setiap TPS", "type", "static_guard"),
        ],
    ),
    *page_cases(
        SITES,
        [
            # a visit made to appeal to people
            ("menyambangi nelayan", "type", "community_outreach"),
        ],
    ),
    *page_cases(
        DEBATE,
        [
            # a bomb squad's sweep makes a venue safe: guarding it
            ("Tim Jibom Satbrimob", "type", "static_guard"),
            # a human fence between supporters
            ("pagar betis", "type", "static_guard"),
            # envelopes of money found: a money-politics case
            ("menemukan 43 amplop", "type", "incident_response"),
        ],
    ),
    *page_cases(
        REGISTRATION,
        [
            # securing candidate registration at the KPU office
            ("mengamankan pendaftaran", "type", "static_guard"),
            # a barrier put up outside it
            ("memasang pagar besi", "type", "static_guard"),
            # who they are vs what they do
            ("yang berjaga di ruangan itu segera melerai", "type", "incident_response"),
        ],
    ),
    *page_cases(
        ORDERS,
        [
            # what personnel are sent for names the activity: a session secured at its venue is guarded,
            # however long the list of where the personnel came from
            ("untuk mengamankan sidang pembacaan", "type", "static_guard"),
            # holding a crowd back answers the demo
            ("menyekat massa", "type", "incident_response"),
        ],
    ),
    *page_cases(
        HEADER,
        [
            # fielded at the election bodies' offices
            ("30 personel di setiap PPK", "type", "static_guard"),
            # a human fence formed when stones fly
            ("saling lempar batu", "type", "incident_response"),
        ],
    ),
    *page_cases(
        TRAIL,
        [
            # "apel pergeseran personel": the apel, not the shift of personnel it sends off
            ("Patroli diawali apel pergeseran personel", "type", "ceremony_apel"),
        ],
    ),
]


# who takes part
PARTNERS = [
    *page_cases(
        PAGES,
        [
            # "Personel tersebut" goes on
            ("menempatkan 300 personel", "partners", ["Linmas", "Kodim 1111/Muara Baru"]),
            # who receives what is delivered is no partner
            ("logistik diterima PPS", "partners", []),
            (
                "menggelar rapat koordinasi Sentra",
                "partners",
                ["Bawaslu Kabupaten Muara Baru", "Kejaksaan Negeri Muara Baru"],
            ),
            # the owner of what is moved or guarded is no partner
            ("mengawal logistik KPU", "partners", []),
            ("dari gudang milik KPU", "partners", []),
            ("menjaga kotak suara KPU", "partners", ["Linmas"]),
            # the apel is when the shift happened ("seusai apel"): who attended the apel did not shift
            ("Pergeseran 250 personel", "partners", []),
            ("menggelar apel kesiapan", "partners", ["Kodim 1299/Sungai Lebar"]),
            # a quoted next sentence going on about the activity adds its partners; its speaker, a role
            # written out before a rank spelled out, names the acting unit itself
            (
                "mengawal distribusi logistik pilkada ke tujuh",
                "partners",
                ["KPU Kabupaten Pesisir Jaya", "Kodim 1777/Pesisir Jaya"],
            ),
        ],
    ),
    *page_cases(
        YARD,
        [
            # "apel di halaman gudang tersebut" tells another activity: its partners are not the guard's
            ("dijaga tiga personel", "partners", []),
        ],
    ),
    *page_cases(
        TRAIL,
        [
            # "ke tiga polres hari ini, yakni Polres A, Polres B dan Polres C": where the BKO goes, not partners
            ("memberangkatkan personel BKO ke tiga polres", "partners", []),
        ],
    ),
    *page_cases(
        ISLAND,
        [
            # who the next sentence says also did the shipment takes part
            (
                "mengawal pengiriman logistik",
                "partners",
                ["Kodim 1401/Teluk Seruni", "Panwaslu Kecamatan Pulau Damar"],
            ),
        ],
    ),
]


# the date
DATE = [
    *page_cases(
        SESSION9,
        [
            # "dijaga ... hingga hari pemungutan suara": an end bound, not the day of the guard
            ("hingga hari pemungutan suara", "date", "2024-11-25"),
        ],
    ),
    *page_cases(
        PAGES,
        [
            # done before the statement, on a day the text does not give
            ("telah memetakan 40 TPS", "date", None),
            # told by its results
            ("Berdasarkan hasil pemetaan", "date", None),
            # since the start of a stage
            ("telah menugaskan enam penyidik", "date", None),
            # under way: the article's date
            ("telah menyiagakan 50 personel", "date", "2024-10-15"),
        ],
    ),
    *page_cases(
        WHEN,
        [
            # "Sehari sebelumnya" dates the visit the day before the rakor; "Di dayah itu" goes on with it
            ("Di dayah itu", "date", "2024-11-12"),
        ],
    ),
    *page_cases(
        TRAIL,
        [
            # "Sebelumnya, ..." with no date nor day shift of its own: done before, on a day the text does not give
            ("Sebelumnya, Polres Bukit Sari", "date", None),
        ],
    ),
    *page_cases(
        SAMEDAY,
        [
            # the day the sentence before gives
            ("pada hari yang sama", "date", "2024-12-14"),
            # the day after the story's day
            ("Untuk pemungutan suara besok", "date", "2024-12-10"),
            # an opener sets itself beside the story's day
            ("Polsek Batu Hitam menggelar patroli", "date", "2024-12-09"),
        ],
    ),
]


@pytest.mark.parametrize(
    ("pages", "page", "needle", "slot", "expected"),
    [*UNIT, *LOCATION, *TYPE, *PARTNERS, *DATE, *EIGHTH_CASES, *NINTH_CASES],
)
def test_the_draft_of_a_sentence(
    stores: Stores, pages: dict[str, str], page: str, needle: str, slot: Slot, expected: Any
) -> None:
    got = draft(stores(pages), page, needle)
    assert (tuple(got[s] for s in slot) if isinstance(slot, tuple) else got[slot]) == expected


@pytest.mark.parametrize(
    "needle",
    [
        "Polsek Karang Anyar menempatkan 25 personel untuk 70 TPS",
        "Polsek Sungai Jernih mengerahkan 20 personel di 66 TPS.",
    ],
)
def test_personnel_placed_for_or_at_counted_polling_stations_guard_them(pages: Opened, needle: str) -> None:
    assert clause(pages, "split", needle)["type"] == "static_guard"


def test_a_later_clause_without_its_verb_has_the_verb_of_its_sentence(stores: Stores) -> None:
    # "Sebanyak 60 personel dikirim ke A, sedangkan 60 personel lainnya ke B": not the apel told before
    got = clause(stores(EIGHTH), "handover", "sedangkan 60 personel lainnya ke Kabupaten Teluk Seruni.")
    assert (got["type"], got["personnel"], got["location"]) == (
        "troop_deployment",
        60,
        "Kabupaten Teluk Seruni",
    )


def test_a_selection_ending_at_a_bare_kind_of_venue_takes_the_one_named_before(pages: Opened) -> None:
    got = clause(pages, "split", "Personel Sat Samapta berjaga di depan pagar kantor")
    assert got["location"] == "Kantor Bawaslu Kabupaten Lembah Hijau"


def test_a_selection_of_what_a_sentence_is_for_names_no_place(pages: Opened) -> None:
    got = clause(pages, "places", "Untuk operasi itu, Polres Rimba Jaya menyiapkan 500 personel")
    assert got["location"] is None


def spans(pages: Opened, page: str, needle: str) -> list[str]:
    """The clauses of the sentence holding ``needle``, as text."""
    from store.records import clauses

    st, ids = pages
    art = st.article(ids[page])
    at = art.text.index(needle)
    start = art.text.rfind("\n", 0, at) + 1
    return [art.text[a:b] for a, b in clauses(art, start, art.text.index("\n", at))]


def test_a_figure_split_by_place_with_the_verb_said_once_is_one_clause_each(pages: Opened) -> None:
    assert spans(pages, "places", "Sebanyak 150 personel") == [
        "Sebanyak 150 personel dikirim ke Kabupaten Rimba Jaya",
        "120 personel ke Kabupaten Sungai Emas",
        "80 personel ke Kabupaten Lembah Sari",
        "50 personel lainnya disiagakan di Mapolda Tanah Datar sebagai cadangan.",
    ]
    got = clause(pages, "places", "120 personel ke Kabupaten Sungai Emas")
    assert (got["type"], got["unit"], got["location"], got["personnel"]) == (
        "troop_deployment",
        "Polda Tanah Datar",
        "Kabupaten Sungai Emas",
        120,
    )


def test_a_part_of_a_total_with_its_own_act_is_a_clause_and_a_fronted_phrase_is_not(pages: Opened) -> None:
    assert spans(pages, "places", "Untuk operasi itu") == [
        "Untuk operasi itu, Polres Rimba Jaya menyiapkan 500 personel",
        "termasuk 60 personel cadangan yang disiagakan di Mapolres Rimba Jaya.",
    ]


def test_the_parts_of_a_guard_told_in_order_are_clauses(pages: Opened) -> None:
    parts = spans(pages, "places", "Ring pertama di dalam gedung")
    assert [p.split()[:2] for p in parts] == [["Ring", "pertama"], ["ring", "kedua"], ["ring", "ketiga"]]
    got = clause(pages, "places", parts[2])
    assert (got["unit"], got["location"]) == ("Sat Lantas Polres Rimba Jaya", "Jalan Kenanga")


def test_the_next_record_drafted_on_a_sentence_is_its_next_uncoded_clause(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    # the workbench's "a" drafts the sentence under the cursor: once its first activity is coded,
    # "a" again offers the next clause's, with that clause as evidence and none of the first's partners
    gen = open_pages(tmp_path_factory.mktemp("next_clause"), {"places": PAGES["places"]})
    st, ids = next(gen)
    try:
        _code_the_sentence_twice(st, ids["places"])
    finally:
        gen.close()


def _code_the_sentence_twice(st: Any, aid: str) -> None:
    text = st.article(aid).text
    start = text.index("Personel Polsek Karang Tengah")
    end = text.index("\n", start)
    first = st.draft_record(aid, start, end)
    assert (first["unit"], first["partners"], first["evidence"]) == (
        "Polsek Karang Tengah",
        ["Koramil 03/Karang Tengah"],
        [{"start": start, "end": end}],
    )
    st.add_record(aid, **first)
    second = st.draft_record(aid, start, end)
    at = text.index("Polsek Sawah Besar")
    assert (second["unit"], second["personnel"], second["partners"], second["evidence"]) == (
        "Polsek Sawah Besar",
        25,
        [],
        [{"start": at, "end": end}],
    )
    st.add_record(aid, **second)
    assert st.draft_record(aid, start, end)["evidence"] == [{"start": start, "end": end}]  # all coded


def test_a_later_clause_takes_the_date_its_sentence_gives_before_it(stores: Stores) -> None:
    got = clause(stores(WHEN), "when", "25 personel dikirim ke Kecamatan Pasir Putih.")
    assert (got["date"], got["location"], got["personnel"]) == ("2024-11-25", "Kecamatan Pasir Putih", 25)
