"""Record pre-fill, session 15 (issue 10 item 3): classes the session's judge pages showed, first
seen: a chief named right after his role is no place of a unit ("Kapolresta Rudi Hartono meninjau"),
a venue visited bare ("meninjau gudang") is the one the page named, a figure split by the place
fronting each part ("Di Kecamatan A, 90 personel ..., di Kecamatan B 70 personel ..."), and a total
named back before its parts, each with its own verb and goods ("Dari 80 personel itu, 30 personel
mengawal tiga truk menuju ..."). Pages are invented in those pages' shapes, ingested into a real
store on disk and drafted through ``Store.draft_record``."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.unit.prefill_pages import Opened, case_check, coded_in_turn, open_pages

PAGES = {
    "chief": """Polresta Teluk Awan Kawal Kotak Suara ke Gudang KPU

TELUK AWAN – Polresta Teluk Awan mengawal pergeseran kotak suara dari empat PPK ke Gudang Logistik KPU Kota Teluk Awan, Senin (2/12/2024), dipimpin Wakapolresta AKBP Deni Saputra atas perintah Kapolresta Teluk Awan Kombes Pol Rudi Hartono, S.I.K.

Usai pengawalan, Kapolresta Rudi Hartono meninjau gudang bersama Ketua KPU Kota Teluk Awan Sari Lestari untuk membahas pengamanan pleno tingkat kota.
""",
    # a guard thickened with a unit's figure: that unit acts ("pengawalan dipertebal dengan 20 personel Sat
    # Samapta bersama prajurit Kodim X")
    "helped": """Polres Bukit Lima Kawal Logistik ke Kecamatan

BUKIT LIMA – Polres Bukit Lima mengawal pergeseran logistik Pilkada 2024 dari gudang KPU ke 12 kecamatan, Sabtu (23/11/2024).

Logistik tiba di Serasan pada Minggu (24/11/2024) dini hari dan langsung dijaga empat personel Polsek Pulau Tiga di Kantor Camat Pulau Tiga yang menjadi sekretariat PPK.

Untuk jalur pegunungan, yakni Kecamatan Batu Tulis, pengawalan dipertebal dengan 15 personel Sat Samapta bersama prajurit Kodim 1599/Bukit Lima.
""",
    # a patrol that does more on its way is a patrol; a removal told on its own stays other
    "props": """Polres Bukit Lima Gelar Patroli Masa Tenang

BUKIT LIMA – Polres Bukit Lima menggelar patroli masa tenang Pilkada 2024, Minggu (24/11/2024).

Sementara itu, Polsek Hulu bersama Panwascam Hulu dan Satpol PP kecamatan menggelar patroli sekaligus menertibkan alat peraga kampanye yang masih terpasang di sepanjang Jalan Raya Hulu, Senin (25/11/2024) pagi.

Dalam patroli itu, petugas bersama Satpol PP juga menurunkan tujuh baliho pasangan calon di Desa Batu Putih.

Pada hari pemungutan suara, Satpolairud Polres Bukit Lima menyiagakan satu kapal patroli dan delapan personel di Dermaga Batu Putih untuk mengantisipasi keadaan darurat di pulau-pulau.
""",
    # a day shift inside a relative clause dates the thing it names, not the sentence's act
    "protest": """Massa Datangi KPU Bukit Lima

Jumat, 6 Desember 2024 - 09:10 WIB

BUKIT LIMA – Sekitar 200 orang pendukung salah satu pasangan calon mendatangi Kantor KPU Kabupaten Bukit Lima, Kamis (5/12/2024). Mereka menolak hasil rapat pleno yang ditetapkan sehari sebelumnya.

Untuk mengamankan aksi tersebut, Polres Bukit Lima menerjunkan 120 personel yang membentuk pagar betis di depan gerbang kantor KPU.
""",
    # the end of a stay, named then dated ("sampai hari pencoblosan, Rabu (27/11)"), is no date of the act
    "standby": """Polres Bukit Lima Kawal Logistik ke Perbatasan

BUKIT LIMA – Polres Bukit Lima mengawal logistik Pilkada 2024 ke kecamatan perbatasan, Senin (25/11/2024).

Sebanyak 20 personel Brimob ikut dalam rombongan kedua dan akan tetap bersiaga di Mapolsek Batu Tulis sampai hari pencoblosan, Rabu (27/11).
""",
    # a person the page named with a role acts for that role's unit when named bare later
    "person": """Polres Teluk Awan Gelar Jumat Curhat di Pesisir

TELUK AWAN – Polres Teluk Awan menggelar Jumat Curhat bersama warga pesisir, Jumat (18/10/2024). Kegiatan dipimpin Kapolsek Teluk Utara AKP Dwi Santoso.

Usai Jumat Curhat, Dwi bersama para Bhabinkamtibmas melanjutkan patroli dialogis ke permukiman nelayan di Kelurahan Panjang.

Polres Teluk Awan juga membagikan selebaran imbauan antihoaks kepada warga.
""",
    # a count held at an election body's seat, named by the body ("di PPK Sungai Dua"); a joint team is
    # no seat ("di Sentra Gakkumdu")
    "seat": """Polresta Teluk Awan Amankan Pleno Kecamatan

TELUK AWAN – Polresta Teluk Awan mengamankan rapat pleno rekapitulasi tingkat kecamatan, Jumat (29/11/2024).

Sebanyak 30 personel Polresta Teluk Awan berjaga di PPK Sungai Dua sejak pagi hingga pleno selesai, kata Kapolresta Teluk Awan Kombes Pol Rudi Hartono.

Pleno PPK Sungai Tiga di Aula Kantor Camat Sungai Tiga diamankan 8 personel Polsek Sungai Tiga, Jumat (29/11/2024).

Seorang pria yang melempar botol ke arah petugas di depan aula itu diamankan dan dibawa ke Mapolsek Sungai Tiga.

Kotak suara Desa Ujung dikawal ke PPK Sungai Dua dan PPK Sungai Tiga oleh 12 personel Polsek Sungai Dua, Sabtu (30/11/2024).

Rudi di Teluk Awan, Jumat, mengatakan 20 personel mengawal logistik ke Kecamatan Pulau Dua dengan kapal motor.

Laporan dugaan politik uang itu dibahas Sat Reskrim Polresta Teluk Awan bersama Bawaslu Kota Teluk Awan di Sentra Gakkumdu, Sabtu (30/11/2024).
""",
}

CASES = [
    ("Kapolresta Rudi Hartono meninjau", "unit", "Polresta Teluk Awan"),
    ("Kapolresta Rudi Hartono meninjau", "location", "Gudang Logistik KPU Kota Teluk Awan"),
    ("berjaga di PPK Sungai Dua", "location", "PPK Sungai Dua"),
    ("menggelar patroli sekaligus menertibkan", "type", "patrol"),
    ("juga menurunkan tujuh baliho", "type", "other"),
    # a boat named by its use is a thing, not the act: the force readied is fielded
    ("menyiagakan satu kapal patroli", "type", "troop_deployment"),
    ("Untuk mengamankan aksi tersebut, Polres Bukit Lima", "date", "2024-12-05"),
    ("Sebanyak 20 personel Brimob ikut", "date", "2024-11-25"),
    ("Usai Jumat Curhat, Dwi bersama", "unit", "Polsek Teluk Utara"),
    # an event secured by people ("diamankan 8 personel") is a guard; someone detained is an incident
    ("Pleno PPK Sungai Tiga di Aula", "type", "static_guard"),
    ("Seorang pria yang melempar botol", "type", "incident_response"),
    ("pengawalan dipertebal dengan 15 personel", "unit", "Sat Samapta"),
    # goods arriving, then guarded at a venue: the guard's venue ("tiba di X ... dan dijaga ... di Y")
    ("Logistik tiba di Serasan", "location", "Kantor Camat Pulau Tiga"),
    ("Logistik tiba di Serasan", "partners", []),  # whose office the venue is, not a partner
    ("pengawalan dipertebal dengan 15 personel", "partners", ["Kodim 1599/Bukit Lima"]),
    ("di Sentra Gakkumdu", "location", None),
    ("Kotak suara Desa Ujung dikawal ke PPK", "partners", []),  # where the boxes go, both of them
    # a news agency's speaker and where he spoke ("Rudi di Teluk Awan, Jumat, mengatakan ..."): not the act's
    ("Rudi di Teluk Awan, Jumat", "location", "Kecamatan Pulau Dua"),
]

opened, test_session15_prefill = case_check(PAGES, CASES)


SPLIT = {
    "fronted": """Polres Bukit Lima Jaga 1.400 TPS

BUKIT LIMA – Polres Bukit Lima mengamankan pemungutan suara Pilkada 2024 di 1.400 TPS, Rabu (27/11/2024).

Di Kecamatan Sawah Besar, 90 personel Polsek Sawah Besar menjaga 300 TPS, di Kecamatan Air Dingin 70 personel Polsek Air Dingin menjaga 250 TPS, sedangkan di Kecamatan Batu Tulis 60 personel Polsek Batu Tulis menjaga 210 TPS.

""",
    "bko": """Pleno KPU Bukit Lima Dijaga 300 Personel

BUKIT LIMA – Polres Bukit Lima mengamankan rapat pleno rekapitulasi KPU Kabupaten Bukit Lima di Aula Kantor Bupati Bukit Lima, Senin (16/12/2024).

Kapolres Bukit Lima AKBP Dedi Kurnia mengatakan pengamanan melibatkan 300 personel. Sebanyak 200 personel berasal dari Polres Bukit Lima, 60 personel merupakan BKO Satbrimob Polda Nusa Raya, dan 40 personel dari Kodim 1599/Bukit Lima.
""",
    "destinations": """Polres Bukit Lima Kawal Logistik ke PPK

BUKIT LIMA – Polres Bukit Lima mengawal distribusi logistik Pilkada 2024 dari gudang KPU ke PPK, Sabtu (23/11/2024).

Pengawalan ke PPK Hulu dan PPK Hulu Barat dilakukan 8 personel Polsek Hulu, ke PPK Tengah 6 personel Polsek Tengah, sedangkan logistik untuk PPK Hilir dikawal 10 personel Sat Samapta Polres Bukit Lima.
""",
    "colon": """Polres Bukit Lima Geser 100 Personel ke Distrik

BUKIT LIMA – Polres Bukit Lima menggelar apel pergeseran pasukan pengamanan TPS, Senin (25/11/2024).

Usai apel, 100 personel langsung digeser ke distrik: 50 personel lewat jalur darat menuju Distrik Hulu, 30 personel dengan kapal motor menuju Distrik Pantai, sedangkan 20 personel diterbangkan dengan helikopter ke Distrik Gunung.
""",
    "apel": """Polres Bukit Lima Lepas Personel Pengamanan TPS

BUKIT LIMA – Polres Bukit Lima menggelar apel pelepasan personel pengamanan TPS Pilkada 2024 di halaman Mapolres Bukit Lima, Senin (25/11/2024).

Apel diikuti 78 personel Polres Bukit Lima dan 24 personel BKO Satbrimob Polda Nusa Raya.
""",
    "total": """Polres Bukit Lima Kawal Logistik ke Kecamatan Terjauh

BUKIT LIMA – Polres Bukit Lima mengawal logistik Pilkada 2024 ke kecamatan terjauh dengan 80 personel, Selasa (26/11/2024).

Dari 80 personel itu, 30 personel mengawal tiga truk menuju Kecamatan Sawah Besar, 28 personel mengawal dua truk menuju Kecamatan Air Dingin dan 22 personel mengawal dua truk menuju Kecamatan Batu Tulis.
""",
}


@pytest.fixture(scope="module")
def split(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Opened]:
    yield from open_pages(tmp_path_factory.mktemp("split15"), SPLIT)


@pytest.mark.parametrize(("page", "needle", "want"), [
    ("fronted", "Di Kecamatan Sawah Besar, 90", [("Polsek Sawah Besar", 90, "Kecamatan Sawah Besar"),
                                      ("Polsek Air Dingin", 70, "Kecamatan Air Dingin"),
                                      ("Polsek Batu Tulis", 60, "Kecamatan Batu Tulis")]),
    # "N personel merupakan BKO Satbrimob X": that unit's figure, as "berasal dari" is
    ("bko", "Kapolres Bukit Lima AKBP Dedi Kurnia mengatakan", [("Polres Bukit Lima", 200, None),
                                                             ("Satbrimob Polda Nusa Raya", 60, None)]),
    # ... or by where each part goes, each destination written before its figure (bodies as destinations:
    # never partners)
    # (bodies the goods go to, listed, are where they go: "ke PPK A dan PPK B")
    ("destinations", "Pengawalan ke PPK Hulu", [("Polsek Hulu", 8, "PPK Hulu dan PPK Hulu Barat"),
                                                ("Polsek Tengah", 6, "PPK Tengah"),
                                                ("Sat Samapta Polres Bukit Lima", 10, "PPK Hilir")]),
    # ... or a total, then its parts after a colon, each going somewhere in its own way
    ("colon", "Usai apel, 100 personel", [("Polres Bukit Lima", 50, "Distrik Hulu"),
                                          ("Polres Bukit Lima", 30, "Distrik Pantai"),
                                          ("Polres Bukit Lima", 20, "Distrik Gunung")]),
    ("total", "Dari 80 personel itu", [("Polres Bukit Lima", 30, "Kecamatan Sawah Besar"),
                              ("Polres Bukit Lima", 28, "Kecamatan Air Dingin"),
                              ("Polres Bukit Lima", 22, "Kecamatan Batu Tulis")]),
])
def test_a_split_by_place_is_one_record_per_place_with_its_own_figure(split: Opened, page: str, needle: str,
                                                                      want: list[Any]) -> None:
    """A figure split by the place fronting each part, or a total named back before parts that each
    carry their own verb and goods: the reviewer selects the sentence for each record and each draft is
    the next part's, with its own unit, figure and place (never the total's)."""
    got = [(d["unit"], d["personnel"], d["location"])
           for d in coded_in_turn(split, page, needle, len(want))]
    assert got == want


def test_a_later_item_of_a_split_with_no_verb_has_its_sentence_s_type(split: Opened) -> None:
    """"Apel diikuti 78 personel Polres X dan 24 personel BKO Satbrimob Y": the second item has no verb
    of its own, so its record is the apel's (ceremony_apel), not what its own noun cues ("BKO": a
    deployment). Five judge pages wrote apels so (session 15)."""
    got = [(d["unit"], d["personnel"], d["type"]) for d in coded_in_turn(split, "apel", "Apel diikuti 78", 2)]
    assert got == [("Polres Bukit Lima", 78, "ceremony_apel"), ("Satbrimob Polda Nusa Raya", 24, "ceremony_apel")]
