"""Record pre-fill, session 16 (issue 10 item 3): classes the session's judge pages showed, first
seen. A disturbance told, then what the police did about it ("rapat pleno sempat diskors setelah saksi
... mempersoalkan ...", "sempat terjadi saling ejek ...", "puluhan pendukung ... sempat berkumpul di
depan pagar gedung", "perwakilan massa diterima Ketua KPU"): the guidelines' reacting to a clash or a
demo, incident_response, not the guard or the meeting the sentence also names. Pages are invented in
those pages' shapes, ingested into a real store on disk and drafted through ``Store.draft_record``."""

from __future__ import annotations

from pathlib import Path

from tests.unit.prefill_pages import Opened, case_check, coded_in_turn, needle_draft, open_pages

PAGES = {
    "pleno": """Pleno PPK di Teluk Awan Sempat Diskors

TELUK AWAN – Polresta Teluk Awan mengamankan rapat pleno rekapitulasi tingkat kecamatan di enam PPK, Sabtu (30/11/2024).

Di Kecamatan Sungai Tiga, pleno PPK digelar di aula Kantor Camat Sungai Tiga dan dijaga 12 personel Polsek Sungai Tiga.

Di PPK Sungai Dua, rapat pleno sempat diskors sekitar 40 menit setelah saksi salah satu pasangan calon memprotes selisih suara di tiga TPS. Personel yang berjaga kemudian menutup akses ke ruang pleno hingga suasana kembali tenang.

Sekitar pukul 15.00 WITA, puluhan simpatisan salah satu pasangan calon sempat berkumpul di depan pagar kantor camat dan meminta masuk ke ruang pleno. Kapolsek Sungai Dua AKP Yosef Bere menemui perwakilan mereka dan meminta massa menunggu hasil pleno di luar ring tiga.

Rapat pleno tingkat kota yang sempat diskors pekan lalu akan dilanjutkan Senin (9/12/2024) di Aula Hotel Teluk Indah dan diamankan 150 personel Polresta Teluk Awan.
""",
    "rally": """Rapat Umum Paslon di Stadion Bukit Lima Berlangsung Aman

BUKIT LIMA – Polres Bukit Lima mengamankan rapat umum pasangan calon bupati di Stadion Bukit Lima, Minggu (17/11/2024).

Sempat terjadi saling ejek antara simpatisan kedua kubu ketika rombongan melintas di Jalan Merdeka sekitar pukul 11.00 WIB. Petugas yang berjaga segera memisahkan kedua kelompok dan mengarahkan rombongan melanjutkan perjalanan.

Di TPS 04 Desa Batu Putih yang menempati ruang kelas SD Negeri 3, sempat terjadi adu mulut antara seorang saksi dan petugas KPPS. Bhabinkamtibmas Polsek Batu Putih yang berjaga di TPS itu menengahi keduanya hingga pencoblosan berjalan kembali.

Sekitar pukul 13.40 WIB, saksi di TPS 05 Desa Ujung memprotes dua surat suara yang dinilai rusak. Aipda Rahmat yang tengah berkeliling segera mendatangi lokasi dan menenangkan saksi.

Kapolres Bukit Lima turun langsung menemui koordinator lapangan di depan gerbang stadion.

Usai penghitungan suara, personel pengamanan TPS mengawal kotak suara ke sekretariat PPS masing-masing sebelum digeser ke PPK pada Kamis (28/11).

Usai rapat umum, sepuluh perwakilan massa diterima Ketua KPU Kabupaten Bukit Lima di ruang rapat kantornya, dengan dimediasi Kasat Intelkam Polres Bukit Lima AKP Rian Pratama.

"Setelah penghitungan suara selesai, kotak suara akan kami kawal ke PPK masing-masing malam ini juga," ujar Kapolsek Batu Putih AKP Dani Saputra.

"Sebanyak 120 personel berjaga di dalam dan sekeliling stadion, 90 personel Sat Lantas mengawal rombongan pasangan calon dari posko pemenangan di Desa Ujung, dan 50 personel lainnya kami siagakan di Mapolsek Batu Putih sebagai cadangan," katanya.

Sebelum bergerak, peserta patroli mengikuti apel di halaman Mapolres Bukit Lima yang dipimpin Wakapolres.

Aksi itu dikawal 150 personel gabungan dari Polres Bukit Lima dan Kodim 1599/Bukit Lima.

Di luar stadion, personel Sat Samapta Polres Bukit Lima memisahkan kedua kelompok pendukung dengan pagar betis di Jalan Merdeka.
""",
    "today": """Pleno PPK di Bukit Lima Dijaga Polsek

Minggu, 1 Desember 2024 - 14:20 WIB

BUKIT LIMA (ANTARA) - Polres Bukit Lima menyiagakan personel di lokasi pleno rekapitulasi tingkat kecamatan.

Di Kecamatan Hulu, pleno yang dimulai Sabtu (30/11/2024) di Aula Kantor Camat Hulu dijaga 12 personel Polsek Hulu, sedangkan di Kecamatan Hilir 15 personel Polsek Hilir bersiaga di Gedung Pertemuan Nagari Hilir sejak pagi tadi, katanya.
""",
    "shift": """Polres Bukit Lima Geser 265 Personel ke Kecamatan

Sabtu, 23 November 2024 - 16:05 WIB

BUKIT LIMA (ANTARA) - Polres Bukit Lima menggeser 265 personel ke 11 kecamatan untuk mengamankan 482 TPS pada pemungutan suara Pilkada 2024, Rabu (27/11).

Gudang logistik KPU di Bukit Lima dijaga bergiliran oleh 20 personel Sat Samapta.
""",
    "meeting": """Kotak Suara Dikawal ke Gedung Pleno

BUKIT LIMA – Kotak suara berisi dokumen rekapitulasi dari 26 PPK diangkut dari gudang logistik KPU Kabupaten Bukit Lima dengan pengawalan Sat Lantas Polres Bukit Lima, Kamis (5/12/2024).

Kapolres menambahkan, pengamanan pleno tingkat provinsi akan dibahas dalam rapat koordinasi bersama KPU dan Bawaslu pekan depan.

"Mulai besok, Selasa (26/11), personel sudah melekat di TPS masing-masing bersamaan dengan pergeseran logistik dari PPS," ujarnya.

Menurut Kapolres, pola pengamanan tersebut telah dimatangkan dalam rapat koordinasi di Aula Mapolres Bukit Lima pada Selasa (3/12) bersama KPU, Bawaslu Kabupaten Bukit Lima dan Kodim 1599/Bukit Lima.
""",
    "namely": """Polres Bukit Lima Kawal Kotak Suara dari PPK

BUKIT LIMA – Polres Bukit Lima mengawal kotak suara hasil rekapitulasi dari tiga PPK ke gudang KPU, Minggu (1/12/2024).

Pengawalan melibatkan 36 personel yang dibagi per kecamatan, yakni 14 personel dari PPK Hulu, 12 personel dari PPK Hilir dan 10 personel dari PPK Tengah, dibantu anggota Kodim 1599/Bukit Lima.
""",
    "demo": """Polrestabes Teluk Awan Amankan Aksi di Bawaslu

TELUK AWAN – Polrestabes Teluk Awan menerjunkan 215 personel gabungan untuk mengamankan aksi unjuk rasa di Kantor Bawaslu Kota Teluk Awan, Senin (2/12/2024).

"Dari jumlah itu, 150 personel berjaga di depan kantor Bawaslu, 40 personel Sat Lantas mengatur arus kendaraan di Simpang Lima, dan 25 personel kami siagakan di kantor KPU Kota Teluk Awan," kata Kabag Ops.
""",
    "joint": """Polres Bukit Lima Kerahkan 420 Personel Amankan Kampanye

BUKIT LIMA – Polres Bukit Lima mengerahkan 420 personel gabungan untuk mengamankan kampanye rapat umum di Lapangan Merdeka, Sabtu (16/11/2024).

Personel gabungan itu melibatkan Kodim 1599/Bukit Lima, Satpol PP dan Dishub Kabupaten Bukit Lima.
""",
    "convoy": """Polres Bukit Lima Kawal Logistik ke Enam PPK

BUKIT LIMA – Polres Bukit Lima mengawal distribusi logistik Pilkada 2024 dari gudang KPU ke enam PPK, Kamis (21/11/2024).

Sebanyak 24 personel dikerahkan untuk pengawalan, terdiri atas 16 personel Sat Samapta yang ikut di atas truk dan 8 personel Sat Lantas yang membuka jalan dengan mobil patroli.
""",
    "bodies": """Polres Bukit Lima Kawal Kotak Suara ke PPK

BUKIT LIMA – Polres Bukit Lima mengawal pergeseran kotak suara dari TPS ke PPK, Rabu (27/11/2024) malam.

Kotak suara dari seluruh TPS digeser ke sekretariat PPK Hulu, PPK Hulu Barat dan PPK Tengah dengan pengawalan 24 personel Polres Bukit Lima.

Pada hari yang sama, logistik untuk PPK Pulau Tiga diangkut dengan perahu motor dari Dermaga Batu Putih dengan pengawalan enam personel Satpolairud Polres Bukit Lima.

Kapolres Bukit Lima AKBP Wisnu Hadi mengatakan, distribusi ke 12 PPK lainnya, di luar tiga kecamatan yang masuk wilayah hukum Polresta Teluk Awan, berlangsung hingga Senin (25/11).

Personel Polsek Hilir mengawal kotak suara ke Kantor Camat Hilir yang menjadi tempat penyimpanan PPK Hilir.

Dari PPK Batu dan PPK Batu Utara, pengawalan dilakukan 14 personel Polsek Batu.

Sementara itu PPK Pantai, PPK Pantai Timur dan PPK Teluk masing-masing dijaga 12 personel Polsek Pantai bersama Koramil 1599-03/Pantai.
""",
}

CASES = [
    # election bodies as places (where goods go, come from, are kept; what is guarded) never take part
    ("Kotak suara dari seluruh TPS digeser ke sekretariat", "partners", []),
    # an escort starts where it takes the goods over, the body they go to neither its place nor a partner
    ("logistik untuk PPK Pulau Tiga diangkut", "location", "Dermaga Batu Putih"),
    ("logistik untuk PPK Pulau Tiga diangkut", "partners", []),
    # a clause's own "sejak pagi tadi": the page's day, not the day the sentence named before it
    ("sedangkan di Kecamatan Hilir 15 personel", "date", "2024-12-01"),
    # the day troops are moved for (the voting day of the TPS they will guard) is not the day they move:
    # the page's (nor does it date the page's other sentences)
    ("Polres Bukit Lima menggeser 265 personel", "date", "2024-11-23"),
    ("Gudang logistik KPU di Bukit Lima dijaga bergiliran", "date", "2024-11-23"),
    # bodies met in a meeting the next sentence tells of took part in the meeting, not in the escort
    ("Kotak suara berisi dokumen rekapitulasi dari 26 PPK", "partners", []),
    # the act as the topic of a meeting: the meeting; personnel fixed at the TPS: a guard
    ("pengamanan pleno tingkat provinsi akan dibahas", "type", "coordination"),
    ("personel sudah melekat di TPS", "type", "static_guard"),
    # the joint force named back ("Personel gabungan itu melibatkan ..."): its bodies take part
    ("Polres Bukit Lima mengerahkan 420 personel gabungan", "partners",
     ["Kodim 1599/Bukit Lima", "Satpol PP", "Dishub Kabupaten Bukit Lima"]),
    # the unit named as the area of what the speaker tells of is no actor: the speaker's unit acts
    ("distribusi ke 12 PPK lainnya", "unit", "Polres Bukit Lima"),
    ("Personel Polsek Hilir mengawal kotak suara ke Kantor Camat", "partners", []),
    ("Dari PPK Batu dan PPK Batu Utara", "partners", []),
    ("PPK Pantai, PPK Pantai Timur dan PPK Teluk masing-masing", "partners", ["Koramil 1599-03/Pantai"]),
    # a hall is the venue, with the office it is in
    ("pleno PPK digelar di aula Kantor Camat", "location", "aula Kantor Camat Sungai Tiga"),
    ("rapat pleno sempat diskors sekitar 40 menit", "type", "incident_response"),
    ("puluhan simpatisan salah satu pasangan calon sempat berkumpul", "type", "incident_response"),
    ("Sempat terjadi saling ejek", "type", "incident_response"),
    ("sempat terjadi adu mulut", "type", "incident_response"),
    ("sepuluh perwakilan massa diterima", "type", "incident_response"),
    # a speaker's passive ("akan kami kawal", "kami siagakan") is the act its di- form names
    ("kotak suara akan kami kawal", "type", "escort"),
    # (the clause a reviewer selects after two others of the sentence: its own verb, a deployment)
    ("50 personel lainnya kami siagakan", "type", "troop_deployment"),
    # the people of one act taking part in another ("peserta patroli mengikuti apel"): the other is the act
    ("Sebelum bergerak, peserta patroli mengikuti apel", "type", "ceremony_apel"),
    # a protest escorted: the police answer a demo
    ("Aksi itu dikawal 150 personel", "type", "incident_response"),
    # the goods' next step, dated ("sebelum digeser ke PPK pada Kamis (28/11)"), does not date the escort
    ("Usai penghitungan suara, personel pengamanan TPS", "date", "2024-11-17"),
    # what someone was doing when the act came is a scene ("yang tengah berkeliling"); the act answers it
    ("Aipda Rahmat yang tengah berkeliling", "type", "incident_response"),
    # a protest's field coordinator met: the police answer a demo
    ("turun langsung menemui koordinator lapangan", "type", "incident_response"),
    # a pleno "yang sempat diskors", named as the one resumed later: the guard of it, no disturbance now
    ("Rapat pleno tingkat kota yang sempat diskors", "type", "static_guard"),
    # supporters kept apart with a fence of officers, nothing having happened: a guard
    ("memisahkan kedua kelompok pendukung dengan pagar betis", "type", "static_guard"),
]

opened, test_session16_prefill = case_check(PAGES, CASES, clause=("50 personel lainnya", "sedangkan di Kecamatan Hilir"))


LONG_PARENT = {
    # a sub-unit written in full with its Polres in full inside it, and nowhere else
    "boats": """Logistik Pilkada Diseberangkan ke Pulau Dua

PULAU DUA – Satuan Polisi Perairan dan Udara Kepolisian Resor (Polres) Teluk Awan mengawal logistik Pilkada 2024 menyeberangi laut ke Kecamatan Pulau Dua, kemarin.

Satpolairud mengerahkan dua kapal patroli untuk rombongan itu.

Setiba di dermaga, logistik dijaga personel Polsek Pulau Dua hingga diserahkan ke PPK. Polsek Pulau Dua juga berpatroli di sekitar gudang PPK.

Sat Samapta berjaga di gudang KPU. Satpolairud kembali ke pangkalan sore harinya.

Pengiriman berikutnya dijadwalkan Jumat (22/11/2024).
""",
}


def test_a_parent_named_only_inside_a_sub_unit_s_long_name_drafts_without_a_traceback(
        tmp_path: Path) -> None:
    """"Satuan Polisi Perairan dan Udara Kepolisian Resor (Polres) X" written once, the page's other units
    bare: the article's unit is weighed over every unit the page names, the Polres too, which had no
    surface of its own to name it by (a KeyError on a judge page's rewrite, session 16). A sentence that
    names no unit drafts, with a unit the page names."""
    for opened in open_pages(tmp_path, LONG_PARENT):
        d = needle_draft(opened, LONG_PARENT, "Pengiriman berikutnya dijadwalkan")
        assert d["unit"] in ("Polsek Pulau Dua", "Satpolairud", "Polres Teluk Awan")



def test_a_total_then_its_parts_after_yakni_is_one_record_per_part(opened: Opened) -> None:
    """"36 personel yang dibagi per kecamatan, yakni 14 personel dari PPK A, 12 personel dari PPK B dan 10
    personel dari PPK C": the total frames its parts (as after a colon), each a record with its own figure
    and the body it works from as its place, never a partner (a judge page, session 16)."""
    got = [(d["personnel"], d["location"], d["partners"])
           for d in coded_in_turn(opened, "namely", "Pengawalan melibatkan 36 personel", 3)]
    assert got == [(14, "PPK Hulu", ["Kodim 1599/Bukit Lima"]), (12, "PPK Hilir", ["Kodim 1599/Bukit Lima"]),
                   (10, "PPK Tengah", ["Kodim 1599/Bukit Lima"])]


def test_parts_each_with_a_unit_and_a_verb_of_their_own_are_one_record_each(opened: Opened) -> None:
    """"150 personel berjaga di depan kantor Bawaslu, 40 personel Sat Lantas mengatur arus kendaraan di
    Simpang Lima, dan 25 personel ... di kantor KPU": the part written with its unit before its own verb is
    a record of its own too (the three figures fell out of step; a judge page, session 16)."""
    got = [(d["personnel"], d["location"]) for d in coded_in_turn(opened, "demo", "Dari jumlah itu", 3)]
    assert got == [(150, "kantor Bawaslu"), (40, "Simpang Lima"), (25, "kantor KPU Kota Teluk Awan")]


def test_a_later_part_whose_only_cue_names_a_thing_does_its_sentence_s_act(opened: Opened) -> None:
    """"..., terdiri atas 16 personel Sat Samapta yang ikut di atas truk dan 8 personel Sat Lantas yang
    membuka jalan dengan mobil patroli": "mobil patroli" is a car, not a patrol; the part escorts as its
    sentence says (a judge page, session 16)."""
    got = [(d["personnel"], d["type"]) for d in coded_in_turn(opened, "convoy", "Sebanyak 24 personel", 2)]
    assert got[-1] == (8, "escort")
