"""Record pre-fill, session 17 (issue 10 item 3): classes first seen this session. Pages are invented in
the shapes real pages showed, ingested into a real store on disk and drafted through ``Store.draft_record``."""

from __future__ import annotations

from tests.unit.prefill_pages import case_check

PAGES = {
    "debate": """Debat Kedua Paslon Bupati Tanah Hijau Dijaga 210 Personel

TANAH HIJAU – Debat publik kedua pasangan calon bupati dan wakil bupati Tanah Hijau di GOR Sungai Laut, Jalan Pahlawan, Kamis (14/11/2024), dijaga 210 personel gabungan.

Ring satu di dalam gedung dijaga 45 personel Sat Samapta dan Polwan.

Ring dua di halaman dan area parkir diisi 80 personel gabungan bersama Kodim 1598/Tanah Hijau.
""",
    "protest": """Massa Datangi Kantor KPU Tanah Hijau

TANAH HIJAU – Ratusan orang berunjuk rasa di depan Kantor KPU Kabupaten Tanah Hijau, Senin (9/12/2024).

Usai berorasi, tujuh perwakilan massa difasilitasi Kapolres Tanah Hijau bertemu komisioner di ruang rapat KPU. Pertemuan itu berlangsung sekitar satu jam.

Sekitar pukul 14.00 WIB, sepuluh perwakilan massa difasilitasi Kasat Intelkam Polres Tanah Hijau bertemu Ketua KPU Kabupaten Tanah Hijau di ruang rapat KPU.

Wakapolres Tanah Hijau kemudian memfasilitasi dialog, sehingga lima perwakilan massa dapat bertemu Ketua Bawaslu Kabupaten Tanah Hijau.
""",
}

CASES = [
    # "di dalam gedung" after the event's venue named as a sports hall (or a hotel): the building is that venue
    ("Ring satu di dalam gedung dijaga", "location", "GOR Sungai Laut"),
    # an acronym ending the sentence ("di ruang rapat KPU. Pertemuan itu ...") ends the place: the dot is
    # no abbreviation's ("Jl.", "Kec.")
    ("tujuh perwakilan massa difasilitasi", "location", "ruang rapat KPU"),
    # a protest's representatives brought to talks, told from their side ("perwakilan massa difasilitasi
    # bertemu ...", "sehingga lima perwakilan massa dapat bertemu ..."): the police answer a demo; a room
    # named for meetings ("di ruang rapat KPU") is a place, no meeting
    ("Sekitar pukul 14.00 WIB, sepuluh perwakilan", "type", "incident_response"),
    ("memfasilitasi dialog, sehingga", "type", "incident_response"),
]

opened, test_session17_prefill = case_check(PAGES, CASES)
