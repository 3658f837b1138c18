"""Record pre-fill, session 13 (issue 10 item 3): classes the dev and judge pages showed for the
acting unit and the place. Pages are invented in those pages' shapes, ingested into a real store on
disk and drafted through ``Store.draft_record``; each case is one ``(needle, slot, expected)`` of the
sentence holding the needle to its paragraph's end."""

from __future__ import annotations

from tests.unit.prefill_pages import case_check

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
}

CASES = [
    ("Usai pengecekan, tiga personel", "unit", "Polsek Sukadana"),
    ("Usai pengecekan, tiga personel", "location", "gudang logistik PPK Sukadana"),
    ("Sebanyak 60 personel dikerahkan", "unit", "Polres Teluk Indah"),
]

opened, test_session13_prefill = case_check(PAGES, CASES)
