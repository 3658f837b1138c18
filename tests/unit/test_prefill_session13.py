"""Record pre-fill, session 13 (issue 10 item 3): classes the dev and judge pages showed for the
acting unit and the place. Pages are invented in those pages' shapes, ingested into a real store on
disk and drafted through ``Store.draft_record``; each case is one ``(needle, slot, expected)`` of the
sentence holding the needle to its paragraph's end."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.unit.prefill_pages import Opened, case_check, coded_in_turn, open_pages

PAGES = {
    # the headline and the lede both tell a Polsek's act: the page is about the Polsek, however
    # often its Polres is written (a rakor, a sub-unit of it) or implied (a Kapolres quoted)
    "polsek_story": """Polsek Sukadana Patroli Malam ke Gudang Logistik PPK Sukadana

TELUK JAYA – Personel Polsek Sukadana Polres Teluk Jaya menggelar patroli malam ke gudang logistik PPK Sukadana di Kantor Kecamatan Sukadana, Rabu (20/11/2024) malam.

Usai pengecekan, tiga personel ditempatkan berjaga di lokasi tersebut hingga pagi bersama anggota Linmas.

Kapolres Teluk Jaya AKBP Rudi Hartono melalui Kapolsek Sukadana AKP Made Arsana mengatakan, patroli dilakukan setiap malam.

Di tingkat kabupaten, Sat Samapta Polres Teluk Jaya menjaga gudang logistik KPU Kabupaten Teluk Jaya dengan 20 personel.

Sehari sebelumnya, Polres Teluk Jaya menggelar rapat koordinasi bersama KPU dan Bawaslu Kabupaten Teluk Jaya di aula Mapolres Teluk Jaya.
""",
    # the headline tells the Polres's apel, the lede the Polres again: the Polsek named later is not
    # the page's unit
    "polres_story": """Polres Teluk Indah Gelar Apel Pengamanan Pleno

TELUK INDAH – Polres Teluk Indah menggelar apel pengamanan rapat pleno di halaman Mapolres Teluk Indah, Senin (2/12/2024).

Pleno tingkat kecamatan di Sukamaju dijaga personel Polsek Sukamaju, sedangkan Polsek Sukamaju juga menyiagakan patroli di sekitar kantor kecamatan.

Sebanyak 60 personel dikerahkan untuk mengamankan jalannya pleno.
""",
    # a headline naming no unit but the kind of the body's first ("Brimob"): the page is the BKO
    # company's, not the Polres that received it
    "bko_story": """KABAR LEMBAH
Senin, 18 November 2024

80 Personel Brimob BKO Tiba di Lembah Sunyi, Disebar ke Distrik Rawan

LEMBAH SUNYI, kabarlembah.com – Sebanyak 80 personel Satbrimob Polda Jawa Barat BKO tiba di Kota Sunyi, ibu kota Kabupaten Lembah Sunyi, Minggu (17/11/2024), untuk memperkuat pengamanan Pilkada 2024.

Kedatangan pasukan disambut Kapolres Lembah Sunyi AKBP Yosef Tabuni dalam apel penerimaan di halaman Mapolres Lembah Sunyi.

Polres Lembah Sunyi sebelumnya telah memetakan enam distrik rawan bersama Kodim setempat.

Sebanyak 30 personel ditempatkan di Distrik Kabut, sedangkan sisanya disiagakan di Kota Sunyi.
""",
    # a dateless sentence goes on with the sentence before it in its paragraph (its date), not with
    # the lede's; a new paragraph's dateless sentence still takes the lede's
    "paragraph_date": """Polres Gunung Tinggi Siapkan Pergeseran Pasukan ke Distrik

GUNUNG TINGGI – Polres Gunung Tinggi menggelar apel kesiapan di halaman Mapolres Gunung Tinggi, Rabu (20/11/2024).

Kapolres menjelaskan, personel akan digeser ke distrik-distrik rawan mulai Jumat (22/11). Sebanyak 45 personel ditempatkan di Distrik Awan, sedangkan 20 personel disiagakan di Kota Tinggi.

Sebanyak 15 personel Sat Samapta berpatroli di sekitar gudang logistik KPU.

Pada pleno tingkat kecamatan, Kamis (28/11/2024), pengamanan dilakukan personel Polsek jajaran di tiap kantor camat dengan dukungan personel Sat Samapta.
""",
    # a page about the voting day whose lede tells the apel the day before: a TPS guarded, undated,
    # is guarded on the voting day
    "voting_day": """Hari Pencoblosan, Kapolres dan Dandim Pantau TPS di Kota Seruni

Kamis, 28 November 2024 | 08:15 WITA

SERUNI — Sehari sebelum pemungutan suara, Polres Seruni menggelar apel pergeseran pasukan di Lapangan Pantai Indah, Selasa (26/11/2024), yang diikuti 250 personel.

Kapolres Seruni AKBP Hasan Basri bersama Dandim meninjau sejumlah TPS di pusat kota.

Di TPS 04 Kelurahan Melati, pengamanan dilakukan tiga personel Polsek Seruni bersama Linmas.
""",
    # a protest secured and its people brought to talks: the police answer a demo
    "protest": """Massa Datangi Kantor Bawaslu Kabupaten Lembah Jaya

LEMBAH JAYA – Ratusan pendukung salah satu pasangan calon berunjuk rasa di depan Kantor Bawaslu Kabupaten Lembah Jaya, Senin (2/12/2024).

Kapolres Lembah Jaya AKBP Yudi Pratama mengatakan, pihaknya menyiagakan 120 personel untuk mengamankan jalannya aksi.

Situasi kembali tenang setelah Kabag Ops Kompol Anwar memfasilitasi pertemuan enam perwakilan massa dengan Ketua Bawaslu Lembah Jaya di ruang rapat kantor tersebut.
""",
    # a group named by where it comes from, then escorted from a start of its own
    "escort_start": """Kampanye Akbar di Lapangan Sari Jaya Dijaga 200 Personel

SARI JAYA – Polres Sari Jaya mengerahkan 200 personel untuk mengamankan kampanye akbar di Lapangan Sari Jaya, Minggu (17/11/2024).

Rombongan pendukung dari Kecamatan Lembang dikawal Sat Lantas Polres Sari Jaya dengan 20 personel dari Terminal Lembang menuju lapangan.
""",
    # types the judge pages e258-e281 showed: a health check, candidate escorts, talks with a protest's
    # leader, a person held, a house guarded by a count, churches guarded by a spelled-out count
    "types": """Polres Danau Biru Kawal Paslon dan Jaga Ibadah

DANAU BIRU – Polres Danau Biru menugaskan 20 personel sebagai walpri dengan pola pengawalan melekat terhadap dua pasangan calon, Rabu (25/9/2024).

Usai apel, seluruh personel BKO menjalani pemeriksaan kesehatan oleh Sidokkes Polres Danau Biru.

Kediaman calon bupati nomor urut 1 di Desa Sukaraja dijaga empat personel Polsek Sukaraja.

Polsek Danau Utara menyiagakan 14 personel di tujuh gereja di Kecamatan Danau Utara.

Personel Sat Samapta membentuk pagar betis di pintu masuk, sementara Kabag Ops bernegosiasi dengan koordinator aksi.

Personel Polsek Danau Utara yang berjaga langsung mengamankan warga tersebut dan menyerahkan penanganannya kepada pengawas TPS.

Sat Lantas Polres Danau Biru mengawal iring-iringan simpatisan dari titik kumpul hingga lapangan dan mengatur arus kendaraan di Jalan Merdeka.

Sebelum truk diberangkatkan, Kabag Ops memimpin apel pelepasan di halaman gudang, mengecek kesiapan kendaraan dan membacakan urutan keberangkatan.

Kabag Ops kemudian menenangkan massa dan memfasilitasi lima perwakilan untuk bertemu komisioner KPU di ruang rapat.
""",
    # a photo caption above the dateline's lede, the lede dated by "kemarin", a later rakor dated
    # before it; "hari ini" is the page's day
    "caption_lede": """Polisi Antar Kotak Suara ke Distrik Pesisir

Sabtu, 23 November 2024 08:40 WIT

Kotak suara dinaikkan ke speedboat di Dermaga Pelabuhan Sawa. (Dok. Polres Sawa Raya)

SAWA, KABARSAWA.ID – Puluhan kotak suara untuk distrik pesisir diberangkatkan dari Dermaga Pelabuhan Sawa, kemarin.

Jadwal itu disepakati dalam rapat di Mapolres Sawa Raya pada Kamis (21/11).

Sebanyak 12 personel Satpolairud mengawal tiga speedboat menuju Distrik Fayo.

Pengiriman ke distrik pedalaman dilanjutkan hari ini dengan pengawalan personel gabungan.
""",
    # places pointed to by their kind: "di sudut lapangan", "menuju lokasi pleno"
    "event_site": """Pleno KPU Pulau Indah Digelar di Gedung Serbaguna Kota Indah

PULAU INDAH – Rapat pleno rekapitulasi KPU Kabupaten Pulau Indah digelar di Gedung Serbaguna Kota Indah, Selasa (3/12/2024), dengan pengamanan 150 personel Polres Pulau Indah.

Sebelum pleno dibuka, Sat Lantas Polres Pulau Indah mengawal kotak suara dari lima kantor PPK menuju lokasi pleno.

Kampanye akbar sebelumnya digelar di Lapangan Merdeka Kota Indah. Sidokkes Polres Pulau Indah membuka pos kesehatan di sudut lapangan bagi simpatisan yang kelelahan.
""",
    # a day shift counts from the day the sentence before told, not from the lede's
    "day_shift": """BKO Satbrimob Tiba di Kota Bukit

BUKIT – Sebanyak 100 personel Satbrimob Polda Jawa Barat tiba di Kota Bukit, Sabtu (23/11/2024).

Pasukan itu diterima Kapolres Bukit dalam apel penerimaan di halaman Mapolres Bukit, Minggu (24/11/2024).

Sehari kemudian, Polres Bukit menggelar apel pergeseran pasukan di Lapangan Mapolres Bukit.
""",
    # a bare head acting with a placed one beside it ("Kapolresta bersama Kapolsek X"): the page's
    # Polresta acts
    "bare_head": """Jumat Curhat Polresta Lembah Asri di Pasar Rejo

LEMBAH ASRI – Kapolresta Lembah Asri Kombes Pol Hadi Santoso menggelar Jumat Curhat bersama pedagang Pasar Rejo, Jumat (15/11/2024).

Siang harinya, Kapolresta bersama Kapolsek Secang Asri AKP Sri Wahyuni bersilaturahmi ke Pondok Pesantren Darul Huda dan berdialog dengan para santri.
""",
    # a venue pointed to beside an activity pointer ("Pengamanan tersebut ... di hotel yang sama"); a venue
    # followed by the day and its date ("di Mapolres X Minggu (24/11)")
    "hotel_same": """Pleno KPU Sungai Indah Dijaga Tiga Ring di Hotel Sedayu Permai

SUNGAI INDAH – Rapat pleno rekapitulasi KPU Kabupaten Sungai Indah digelar di Hotel Sedayu Permai, Selasa (3/12/2024), dijaga 180 personel gabungan.

Pengawalan kotak suara dari gudang KPU dilakukan Sat Samapta sejak pagi.

Pengamanan tersebut disepakati dalam rapat koordinasi antara Polres Sungai Indah, KPU dan Bawaslu di hotel yang sama, kemarin.

Rute pengiriman sudah disepakati dalam rapat bersama KPU dan Dishub di Mapolres Sungai Indah Minggu (1/12).
""",
}

CASES = [
    ("Usai pengecekan, tiga personel", "unit", "Polsek Sukadana"),
    ("Usai pengecekan, tiga personel", "location", "gudang logistik PPK Sukadana"),
    ("Sebanyak 60 personel dikerahkan", "unit", "Polres Teluk Indah"),
    ("Sebanyak 30 personel ditempatkan", "unit", "Satbrimob Polda Jawa Barat"),
    ("Sebanyak 45 personel ditempatkan", "date", "2024-11-22"),
    ("Sebanyak 15 personel Sat Samapta", "date", "2024-11-20"),
    ("Di TPS 04 Kelurahan Melati", "date", "2024-11-27"),
    ("pihaknya menyiagakan 120 personel", "type", "incident_response"),
    ("Rombongan pendukung dari Kecamatan Lembang", "location", "Terminal Lembang"),
    ("menugaskan 20 personel sebagai walpri", "type", "escort"),
    ("Sehari kemudian, Polres Bukit", "date", "2024-11-25"),
    ("Pengamanan tersebut disepakati", "location", "Hotel Sedayu Permai"),
    ("Rute pengiriman sudah disepakati", "location", "Mapolres Sungai Indah"),
    ("Siang harinya, Kapolresta bersama", "unit", "Polresta Lembah Asri"),
    ("Sebelum pleno dibuka, Sat Lantas", "location", "Gedung Serbaguna Kota Indah"),
    ("Sidokkes Polres Pulau Indah membuka", "location", "Lapangan Merdeka Kota Indah"),
    ("Sebanyak 12 personel Satpolairud mengawal", "date", "2024-11-22"),
    ("Pengiriman ke distrik pedalaman dilanjutkan", "date", "2024-11-23"),
    ("menjalani pemeriksaan kesehatan", "type", "other"),
    ("Kediaman calon bupati nomor urut 1", "type", "static_guard"),
    ("Polsek Danau Utara menyiagakan 14", "type", "static_guard"),
    ("membentuk pagar betis di pintu masuk", "type", "incident_response"),
    ("yang berjaga langsung mengamankan warga", "type", "incident_response"),
    ("mengawal iring-iringan simpatisan", "type", "escort"),
    ("memimpin apel pelepasan", "type", "ceremony_apel"),
    ("memfasilitasi lima perwakilan", "type", "incident_response"),
    # a unit that only supports ("dengan dukungan personel Sat Samapta") neither acts nor hides the act's unit
    ("Pada pleno tingkat kecamatan", "unit", "Polres Gunung Tinggi"),
    ("Pada pleno tingkat kecamatan", "partners", ["Sat Samapta"]),
    ("Situasi kembali tenang setelah Kabag Ops", "type", "incident_response"),
]

opened, test_session13_prefill = case_check(PAGES, CASES)


SPLIT = {
    "by_unit": """Massa Datangi Kantor KPU Kabupaten Teluk Sari

TELUK SARI – Ratusan pendukung salah satu pasangan calon berunjuk rasa di depan Kantor KPU Kabupaten Teluk Sari, Selasa (3/12/2024).

Kapolres Teluk Sari mengatakan, pihaknya menyiagakan 140 personel Polres Teluk Sari dan 40 personel Batalyon B Pelopor Satbrimob Polda Sulawesi Raya untuk mengamankan jalannya aksi.

Menurut Kabag Ops, Polres Teluk Sari menempatkan 25 personel dan Polsek Pantai Indah 12 personel di kantor tersebut.

Sebanyak 300 personel dikerahkan, terdiri atas 120 personel Satbrimob Polda Sulawesi Raya, 80 personel Ditsamapta Polda Sulawesi Raya dan 100 personel Polres Teluk Sari.
""",
}


@pytest.fixture(scope="module")
def split(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Opened]:
    yield from open_pages(tmp_path_factory.mktemp("split"), SPLIT)


@pytest.mark.parametrize(("needle", "want"), [
    ("pihaknya menyiagakan", [("Polres Teluk Sari", 140, "incident_response"),
                              ("Batalyon B Pelopor Satbrimob Polda Sulawesi Raya", 40, "incident_response")]),
    ("Polres Teluk Sari menempatkan 25", [("Polres Teluk Sari", 25, "static_guard"),
                                          ("Polsek Pantai Indah", 12, "static_guard")]),
    ("terdiri atas 120", [("Satbrimob Polda Sulawesi Raya", 120, None), ("Ditsamapta Polda Sulawesi Raya", 80, None),
                          ("Polres Teluk Sari", 100, None)]),
])
def test_a_figure_split_by_unit_is_one_record_per_unit(split: Opened, needle: str, want: list[Any]) -> None:
    """A figure split by unit with the verb said once: the reviewer selects the sentence again for
    each record, and each draft is the next unit's with its own figure, no other unit of the list as
    a partner, and the type of the whole sentence (its act and purpose are every unit's)."""
    for (unit, personnel, kind), d in zip(want, coded_in_turn(split, "by_unit", needle, len(want)), strict=True):
        assert (d["unit"], d["personnel"]) == (unit, personnel) and d["partners"] == []
        assert kind is None or d["type"] == kind
