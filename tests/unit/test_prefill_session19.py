"""Record pre-fill, session 19 (issue 10 item 3): classes first seen this session. Pages are invented in
the shapes real pages showed, ingested into a real store on disk and drafted through ``Store.draft_record``."""

from __future__ import annotations

from tests.unit.prefill_pages import Opened, case_check, coded_in_turn

PAGES = {
    "reinforced": """Polres Lembah Hijau Siagakan 300 Personel untuk Hari Pencoblosan

LEMBAH HIJAU – Polres Lembah Hijau menyiagakan 300 personel untuk mengamankan 640 TPS pada hari pemungutan suara, Rabu (27/11/2024).

Polres Lembah Hijau juga mendapat tambahan kekuatan 45 personel Satbrimob Polda Sulawesi Hijau yang di-BKO-kan dan bersiaga di Mapolres Lembah Hijau sebagai cadangan.

Selain personel sendiri, Polres Bukit Kecil menerima BKO sebanyak 20 personel dari Direktorat Samapta (Ditsamapta) Polda Sulawesi Hijau yang tiba Senin sore.

Polres Lembah Hijau bersama Satbrimob Polda Sulawesi Hijau menggelar patroli gabungan di sepanjang Jalan Poros Lembah pada malam harinya.
""",
    "places": """Ratusan Personel Amankan TPS di Lima Kecamatan

TELUK HIJAU – Polres Teluk Hijau menerjunkan 262 personel untuk mengamankan 580 TPS pada hari pemungutan suara, Rabu (27/11/2024).

Rinciannya, Kecamatan Tanjung Hijau termasuk dua pulau kecil dijaga 64 personel, Kecamatan Batu Merah 58 personel, Kecamatan Sungai Rotan 52 personel dan Kecamatan Bukit Tinggi 47 personel.
""",
    "local": """Logistik Pilkada Tiba di Kecamatan Hulu Rawa

RAWA HIJAU – Polres Rawa Hijau mengawal distribusi logistik Pilkada 2024 dari Gudang Logistik KPU Kabupaten Rawa Hijau ke Kecamatan Hulu Rawa, Sabtu (23/11/2024).

Sehari sebelumnya, Sat Lantas telah memetakan titik rawan longsor di ruas Gunung Batu Runtuh dan menyiapkan jalur alternatif.

Setibanya di kantor camat, logistik diserahkan kepada PPK dan dijaga personel Polsek setempat selama 24 jam.
""",
    "venue_part": """Unjuk Rasa di Kantor KPU Kabupaten Bukit Hijau Dijaga 180 Personel

BUKIT HIJAU – Ratusan warga menggelar unjuk rasa di Kantor KPU Kabupaten Bukit Hijau, Jalan Merdeka, Senin (2/12/2024).

Personel Sat Samapta Polres Bukit Hijau membentuk pagar betis di depan gerbang ketika massa mencoba mendorong pintu pagar.

Kampanye rapat umum pasangan calon nomor urut 2 digelar di Lapangan Sepak Bola Desa Sukamaju, Sabtu (16/11/2024).

Pengamanan panggung utama dipercayakan kepada 35 personel Sat Samapta Polres Bukit Hijau.
""",
    "brimob": """Pleno KPU Kabupaten Teluk Hijau Dijaga 160 Personel

TELUK HIJAU – Polres Teluk Hijau bersama 40 personel Satuan Brimob Polda Sulawesi Hijau mengamankan rapat pleno KPU Kabupaten Teluk Hijau di Hotel Teluk Indah, Rabu (4/12/2024).

Malam harinya, tim penjinak bom Brimob menyisir ruang pleno serta area parkir hotel.

Pada hari pencoblosan, personel Polsek Teluk Kecil bersama Brimob berjaga di TPS 05 Desa Raba.
""",
    "warehouse": """Logistik Pilkada Disimpan di Gudang KPU Sumber Hijau

SUMBER HIJAU – Polres Sumber Hijau mengawal pergeseran logistik Pilkada 2024 dari percetakan ke Gudang Logistik KPU Kabupaten Sumber Hijau di Jalan Merdeka, Sabtu (2/11/2024).

Setelah tersimpan, gudang dijaga bergiliran oleh enam polisi tiap shift, siang dan malam.

Di gudang, penjagaan diambil alih Sat Samapta dengan pola enam personel per sif sampai pleno digelar.
""",
    "clash": """Unjuk Rasa di Kantor KPU Merdeka Hijau Berlangsung Aman

MERDEKA HIJAU – Ratusan warga berunjuk rasa di Kantor KPU Kabupaten Merdeka Hijau menuntut penghitungan ulang, Senin (2/12/2024).

Saat konvoi pendukung berpapasan dengan sekelompok pemuda di simpang Desa Kali Hijau, sempat terjadi gesekan dan personel Polsek Kali Hijau mengarahkan konvoi ke jalur lain.

Sebelumnya, pada kampanye Sabtu (16/11/2024), petugas juga menghentikan 27 sepeda motor berknalpot brong milik simpatisan di pintu masuk lapangan.
""",
}

# (needle opening the sentence, slot, expected)
CASES = [
    # a unit receiving another's force: the force sent acts, the host is no partner of it (dev: 4 of 4)
    ("Polres Lembah Hijau juga mendapat", "unit", "Satbrimob Polda Sulawesi Hijau"),
    ("Polres Lembah Hijau juga mendapat", "partners", []),
    ("Selain personel sendiri", "unit", "Direktorat Samapta (Ditsamapta) Polda Sulawesi Hijau"),
    ("Selain personel sendiri", "partners", []),
    # a unit acting with another stays the actor, the other its partner
    ("Polres Lembah Hijau bersama Satbrimob", "unit", "Polres Lembah Hijau"),
    ("Polres Lembah Hijau bersama Satbrimob", "partners", ["Satbrimob Polda Sulawesi Hijau"]),
    # "Polsek setempat": the local station, no pointer to a place told before (the place is the sentence's)
    ("Setibanya di kantor camat", "location", "kantor camat"),
    # a part of the venue named by its kind alone: the venue the page told the event at (the default; a
    # project that codes unnamed places as written gets the phrase)
    ("Personel Sat Samapta Polres Bukit Hijau membentuk", "location", "Kantor KPU Kabupaten Bukit Hijau"),
    ("Pengamanan panggung utama", "location", "Lapangan Sepak Bola Desa Sukamaju"),
    # a force named only as "Brimob": the page's Brimob unit; a unit of the sentence's own still acts
    ("Malam harinya, tim penjinak bom Brimob", "unit", "Satuan Brimob Polda Sulawesi Hijau"),
    ("Pada hari pencoblosan, personel Polsek Teluk Kecil", "unit", "Polsek Teluk Kecil"),
    # a venue named by its kind alone, fronted ("Di gudang, ...") or the subject of its guard ("gudang dijaga"):
    # the one the page named before
    ("Setelah tersimpan, gudang dijaga", "location", "Gudang Logistik KPU Kabupaten Sumber Hijau"),
    ("Di gudang, penjagaan diambil alih", "location", "Gudang Logistik KPU Kabupaten Sumber Hijau"),
    # supporters stopped on their way (a convoy without helmets, loud exhausts): an incident, not an escort
    ("Sebelumnya, pada kampanye Sabtu", "type", "incident_response"),
]

opened, test_a_sentence_drafts_its_slots_as_the_writers_code_them = case_check(PAGES, CASES)


def test_a_figure_split_by_place_with_the_verb_said_once_gives_each_place_its_figure(opened: Opened) -> None:
    """"Kecamatan A dijaga 64 personel, Kecamatan B 58 personel ... dan Kecamatan D 47 personel": coded in
    turn, each record drafts the next place and its own figure, guarded as the first (dev: the writers and a
    second annotator alike)."""
    drafts = list(coded_in_turn(opened, "places", "Rinciannya, Kecamatan Tanjung Hijau", 4))
    assert [d["location"] for d in drafts] == ["Kecamatan Tanjung Hijau", "Kecamatan Batu Merah",
                                               "Kecamatan Sungai Rotan", "Kecamatan Bukit Tinggi"]
    assert [d["personnel"] for d in drafts] == [64, 58, 52, 47]
    assert {d["type"] for d in drafts} == {"static_guard"}
    assert {d["unit"] for d in drafts} == {"Polres Teluk Hijau"}
