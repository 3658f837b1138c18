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
}

CASES = [
    # stations of one kind listed as one doer: each its own record, none the other's partner
    ("Di wilayah tujuan, logistik", "partners", []),
    # a village officer named by his village, the sentence naming no place of its own: his village
    ("Di tingkat kelurahan, Bhabinkamtibmas", "location", "Kelurahan Pasir Putih"),
    # the next sentence tells of the meeting the act followed from ("tindak lanjut rapat koordinasi yang digelar
    # ... bersama KPU, Bawaslu dan Kodim"): those took part in the meeting, not in the guard
    ("Setibanya di tujuan, logistik dijaga", "partners", []),
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
