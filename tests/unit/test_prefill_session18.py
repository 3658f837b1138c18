"""Record pre-fill, session 18 (issue 10 item 3): classes first seen this session. Pages are invented in
the shapes real pages showed, ingested into a real store on disk and drafted through ``Store.draft_record``."""

from __future__ import annotations

from tests.unit.prefill_pages import Opened, case_check, coded_in_turn

PAGES = {
    "guard": """Gudang PPK di Pesisir Utara Dijaga Tiga Polsek

KUALA HIJAU – Polres Kuala Hijau mengawal distribusi logistik Pilkada 2024 dari gudang KPU ke tiga PPK di pesisir utara, Sabtu (23/11/2024).

Di wilayah tujuan, logistik diterima personel Polsek Tanjung Sari, Polsek Pantai Cermin dan Polsek Muara Batu yang selanjutnya menjaga gudang PPK secara bergantian selama 24 jam.

Di tingkat kelurahan, Bhabinkamtibmas Kelurahan Pasir Putih Bripka Andi Saleh mendatangi rumah-rumah warga untuk mengingatkan larangan kampanye selama masa tenang.

Di darat, personel Polsek Tanjung Sari dan Polsek Pantai Cermin bersama Satpol PP Kabupaten Kuala Hijau menyisir permukiman nelayan.
""",
    "followup": """Logistik Pilkada Tiba di Tiga PPK Danau Hijau

DANAU HIJAU – Polres Danau Hijau mengawal distribusi logistik Pilkada 2024 ke tiga PPK di tepi danau, Kamis (21/11/2024).

Setibanya di tujuan, logistik dijaga bergantian selama 24 jam oleh personel Polsek Tepian Raya di kantor PPK Tepian Raya.

Pendistribusian itu merupakan tindak lanjut rapat koordinasi yang digelar Polres Danau Hijau bersama KPU Danau Hijau, Bawaslu Danau Hijau dan Kodim 1299/Danau Hijau di Aula Mapolres Danau Hijau, Rabu (20/11/2024).
""",
    "shares": """PSU di TPS 05 Desa Serongga Baru Dijaga 48 Personel

MUARA HIJAU – Polres Muara Hijau mengamankan pemungutan suara ulang (PSU) di TPS 05 Desa Serongga Baru, Sabtu (7/12/2024).

Sebanyak 48 personel dikerahkan, yakni 20 personel Polres Muara Hijau dan 16 personel Polsek Kelumpang Baru yang berjaga di sekitar TPS, serta 12 personel Satbrimob Polda Kalsel yang disiagakan di Mapolsek Kelumpang Baru.
""",
    "rings": """Pleno KPU Kota Bukit Hijau Dijaga Tiga Ring

BUKIT HIJAU – Polres Bukit Hijau mengamankan rapat pleno terbuka KPU Kota Bukit Hijau di Ballroom Hotel Bukit Indah, Kamis (5/12/2024).

Ring satu di dalam ballroom dijaga 30 personel, ring dua di lobi, halaman dan pintu masuk hotel diisi 60 personel, sedangkan ring tiga di ruas jalan menuju hotel dijaga 90 personel.

Ring satu di sekitar panggung utama dijaga 35 personel Sat Samapta.
""",
    "goods": """Kotak Suara Hasil Pleno Digeser ke Hotel

SUNGAI HIJAU – Polres Sungai Hijau mengamankan pleno rekapitulasi KPU Kabupaten Sungai Hijau, Rabu (4/12/2024).

Kotak berisi dokumen hasil rekapitulasi 12 PPK digeser dari gudang logistik KPU Sungai Hijau ke hotel dengan pengawalan Sat Lantas Polres Sungai Hijau.

"Pergeseran dari PPK ke PPS dan TPS dijadwalkan Selasa (26/11/2024). Pengawalannya oleh Bhabinkamtibmas dan personel pengamanan TPS," ujar Kapolres.

Polsek Muara Kecil mengerahkan 14 personel untuk pengiriman dari Balai Pertemuan Kecamatan Muara Kecil ke 18 desa.

Sebelum diberangkatkan, logistik ditampung semalam di Dermaga Hijau dan dijaga 16 personel Sat Samapta bersama petugas KPU Sungai Hijau.

Pagi harinya, logistik untuk Kecamatan Pulau Hijau dikawal 12 personel dengan kapal patroli Sat Polairud, logistik untuk Kecamatan Pulau Kecil dikawal 8 personel dan untuk Kecamatan Pulau Baru 6 personel, masing-masing menumpang kapal motor sewaan KPU.

Di TPS 04 Desa Pasir Hijau, Bripka Andi Saputra berjaga sejak pukul 06.00 WIB bersama dua anggota Linmas.

Rapat pleno PPK Sungai Hijau berlangsung sejak Sabtu (30/11/2024) di bawah pengamanan ketat personel Polres Sungai Hijau.

Usai berorasi, lima perwakilan massa difasilitasi bertemu komisioner di ruang rapat lantai dua kantor tersebut.

Pleno dijaga 40 personel Polsek Hijau di aula lantai dua Gedung Serbaguna Sungai Hijau.

Menurut Kapolres, pola pengamanan serupa akan diterapkan pada rapat umum pasangan calon nomor urut 1 di Lapangan Merdeka, Sabtu (23/11/2024).
""",
}

CASES = [
    # stations of one kind listed as one doer: each its own record, none the other's partner
    ("Di wilayah tujuan, logistik", "partners", []),
    # a village officer named by his village, the sentence naming no place of its own: his village
    ("Di tingkat kelurahan, Bhabinkamtibmas", "location", "Kelurahan Pasir Putih"),
    # the next sentence tells of the meeting the act followed from ("tindak lanjut rapat koordinasi yang digelar
    # ... bersama KPU, Bawaslu dan Kodim"): those took part in the meeting, not in the guard
    ("Setibanya di tujuan, logistik dijaga", "partners", []),
    # a ring's own spot, unnamed, as written: not the event's venue (the hotel, the ground) nor the ring before's
    ("Ring satu di sekitar panggung", "location", "sekitar panggung utama"),
    # goods moved under guard, whatever shift word moves them ("digeser ... dengan pengawalan", "Pergeseran dari
    # PPK ke PPS ... Pengawalannya oleh"): an escort, not a deployment of troops
    ("Kotak berisi dokumen hasil", "type", "escort"),
    ('"Pergeseran dari PPK ke PPS', "type", "escort"),
    ("Polsek Muara Kecil mengerahkan 14 personel", "type", "escort"),
    # another body's figure ("bersama dua anggota Linmas") is no police figure
    ("Di TPS 04 Desa Pasir Hijau", "personnel", None),
    # "rapat pleno" and "rapat umum" are the count and a rally, no meeting of the police; the same guard applied
    # again ("pola pengamanan serupa akan diterapkan") is a guard
    ("Rapat pleno PPK Sungai Hijau berlangsung", "type", "static_guard"),
    ("Menurut Kapolres, pola pengamanan serupa", "type", "static_guard"),
    # a room on a floor of its building: the room on its floor, as written
    ("Usai berorasi, lima perwakilan", "location", "ruang rapat lantai dua kantor tersebut"),
    ("Pleno dijaga 40 personel Polsek Hijau", "location", "aula lantai dua Gedung Serbaguna Sungai Hijau"),
    ("Di darat, personel", "partners", ["Satpol PP Kabupaten Kuala Hijau"]),
]

opened, test_session18_prefill = case_check(PAGES, CASES)


def test_units_listed_as_one_doer_are_one_record_each(opened: Opened) -> None:
    """"logistik diterima personel Polsek A, Polsek B dan Polsek C yang selanjutnya menjaga ...": a reviewer
    codes each unit its own record; after the first is saved the draft moves on to the next unit listed (it
    drafted the first unit again; dev pages of four writers, 10 records)."""
    got = [d["unit"] for d in coded_in_turn(opened, "guard", "Di wilayah tujuan", 3)]
    assert got == ["Polsek Tanjung Sari", "Polsek Pantai Cermin", "Polsek Muara Batu"]
    got = [d["unit"] for d in coded_in_turn(opened, "guard", "Di darat, personel", 2)]
    assert got == ["Polsek Tanjung Sari", "Polsek Pantai Cermin"]


def test_a_share_the_lede_s_record_already_codes_is_passed_over(opened: Opened) -> None:
    """"Polres X mengamankan PSU ..." coded with the Polres's own 20, then "48 personel dikerahkan, yakni 20
    personel Polres X dan 16 personel Polsek Y ..., serta 12 personel Satbrimob Z": the first share is that
    record's, the draft starts at the Polsek's (it drafted the Polres's 20 again; judge pages of sessions
    17 and 18, 6 of 6 such sentences; the gold scorer drafts each sentence without the page's other records,
    so it cannot show this)."""
    st, ids = opened
    aid = ids["shares"]
    text = st.article(aid).text
    at = text.index("MUARA HIJAU")
    lede = st.draft_record(aid, at, text.index("\n", at))
    st.add_record(aid, **{**{k: v for k, v in lede.items() if k not in ("date_text", "phase")}, "personnel": 20})
    got = [(d["unit"], d["personnel"]) for d in coded_in_turn(opened, "shares", "Sebanyak 48 personel", 2)]
    assert got == [("Polsek Kelumpang Baru", 16), ("Satbrimob Polda Kalsel", 12)]


def test_each_ring_of_a_guard_is_placed_at_its_own_spot(opened: Opened) -> None:
    """"Ring satu di dalam ballroom dijaga 30 personel, ring dua di lobi, halaman dan pintu masuk hotel diisi
    60 personel, sedangkan ring tiga di ruas jalan menuju hotel ...": each ring record its own spot as written
    (the hotel was drafted for the first and each later ring took the ring before's; dev 56 of 83 ring
    records code the spot)."""
    got = [(d["location"], d["personnel"]) for d in coded_in_turn(opened, "rings", "Ring satu di dalam ballroom", 3)]
    assert got == [("ballroom", 30), ("lobi, halaman dan pintu masuk hotel", 60), ("ruas jalan menuju hotel", 90)]


def test_a_body_named_as_the_owner_of_the_boats_takes_no_part(opened: Opened) -> None:
    """"..., masing-masing menumpang kapal motor sewaan KPU": the KPU hired the boats, it takes no part in the
    escort (the last part of the split drafted it as a partner; dev: six records of four writers)."""
    got = [d["partners"] for d in coded_in_turn(opened, "goods", "Pagi harinya, logistik untuk", 3)]
    assert all("KPU" not in partners for partners in got), got
