"""Record pre-fill by the conventions the gold set settles where the guidelines are silent
(tests/gold/real/README.md, "Conventions where the guidelines are silent"): the article's unit in
its short form, and a record drafted from the clause a reviewer selected when one sentence tells
two activities or a figure split by unit or place. Pages are invented in the shape of real ones
and drafted through ``Store.draft_record``."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.unit.prefill_pages import Opened, draft, open_pages

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


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Opened]:
    yield from open_pages(tmp_path_factory.mktemp("conventions"), PAGES)


def drafted(pages: Opened, page: str, needle: str) -> dict[str, Any]:
    return draft(pages, page, needle)


@pytest.mark.parametrize(("page", "needle", "unit"), [
    ("long", "Kepolisian Resor (Polres)", "Kepolisian Resor (Polres) Bukit Sari"),  # written: as written
    ("long", "Setibanya di kecamatan", "Polres Bukit Sari"),  # the article's: its short form
    ("plain_long", "Logistik yang tiba", "Polres Lembah Hijau"),
])
def test_the_articles_unit_is_named_in_its_short_form(pages: Opened, page: str, needle: str,
                                                      unit: str) -> None:
    assert drafted(pages, page, needle)["unit"] == unit


def clause(pages: Opened, page: str, needle: str) -> dict[str, Any]:
    """The draft of exactly ``needle``: the span a reviewer selected."""
    st, ids = pages
    at = st.article(ids[page]).text.index(needle)
    return st.draft_record(ids[page], at, at + len(needle))


@pytest.mark.parametrize("needle", ["Polsek Karang Anyar menempatkan 25 personel untuk 70 TPS",
                                    "Polsek Sungai Jernih mengerahkan 20 personel di 66 TPS."])
def test_personnel_placed_for_or_at_counted_polling_stations_guard_them(pages: Opened, needle: str) -> None:
    assert clause(pages, "split", needle)["type"] == "static_guard"


def test_a_selection_ending_at_a_bare_kind_of_venue_takes_the_one_named_before(pages: Opened) -> None:
    got = clause(pages, "split", "Personel Sat Samapta berjaga di depan pagar kantor")
    assert got["location"] == "Kantor Bawaslu Kabupaten Lembah Hijau"


def test_the_units_headquarters_is_the_markas_pointed_to(pages: Opened) -> None:
    assert drafted(pages, "split", "tetap di markas")["location"] == "Mapolres Lembah Hijau"


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
        "Sebanyak 150 personel dikirim ke Kabupaten Rimba Jaya", "120 personel ke Kabupaten Sungai Emas",
        "80 personel ke Kabupaten Lembah Sari", "50 personel lainnya disiagakan di Mapolda Tanah Datar sebagai cadangan."]
    got = clause(pages, "places", "120 personel ke Kabupaten Sungai Emas")
    assert (got["type"], got["unit"], got["location"], got["personnel"]) == (
        "troop_deployment", "Polda Tanah Datar", "Kabupaten Sungai Emas", 120)


def test_a_part_of_a_total_with_its_own_act_is_a_clause_and_a_fronted_phrase_is_not(pages: Opened) -> None:
    assert spans(pages, "places", "Untuk operasi itu") == [
        "Untuk operasi itu, Polres Rimba Jaya menyiapkan 500 personel",
        "termasuk 60 personel cadangan yang disiagakan di Mapolres Rimba Jaya."]


def test_the_parts_of_a_guard_told_in_order_are_clauses(pages: Opened) -> None:
    parts = spans(pages, "places", "Ring pertama di dalam gedung")
    assert [p.split()[:2] for p in parts] == [["Ring", "pertama"], ["ring", "kedua"], ["ring", "ketiga"]]
    got = clause(pages, "places", parts[2])
    assert (got["unit"], got["location"]) == ("Sat Lantas Polres Rimba Jaya", "Jalan Kenanga")


def test_the_next_record_drafted_on_a_sentence_is_its_next_uncoded_clause(
        tmp_path_factory: pytest.TempPathFactory) -> None:
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
        "Polsek Karang Tengah", ["Koramil 03/Karang Tengah"], [{"start": start, "end": end}])
    st.add_record(aid, **first)
    second = st.draft_record(aid, start, end)
    at = text.index("Polsek Sawah Besar")
    assert (second["unit"], second["personnel"], second["partners"], second["evidence"]) == (
        "Polsek Sawah Besar", 25, [], [{"start": at, "end": end}])
    st.add_record(aid, **second)
    assert st.draft_record(aid, start, end)["evidence"] == [{"start": start, "end": end}]  # all coded


def test_a_next_sentence_about_an_activity_told_only_as_the_scene_adds_no_partners(pages: Opened) -> None:
    # the apel is when the shift happened ("seusai apel"): who attended the apel did not shift
    assert drafted(pages, "scene", "Pergeseran 250 personel")["partners"] == []
    assert drafted(pages, "scene", "menggelar apel kesiapan")["partners"] == ["Kodim 1299/Sungai Lebar"]


def test_a_quoted_next_sentence_going_on_about_the_activity_adds_its_partners(pages: Opened) -> None:
    # its speaker, a role written out before a rank spelled out, names the acting unit itself
    got = drafted(pages, "quoted", "mengerahkan 90 personel")
    assert got["partners"] == ["KPU Kabupaten Pesisir Jaya", "Kodim 1777/Pesisir Jaya"]


@pytest.mark.parametrize(("needle", "partners"), [
    ("menempatkan 300 personel", ["Linmas", "Kodim 1111/Muara Baru"]),  # "Personel tersebut" goes on
    ("logistik diterima PPS", []),  # who receives what is delivered is no partner
    ("menggelar rapat koordinasi Sentra", ["Bawaslu Kabupaten Muara Baru", "Kejaksaan Negeri Muara Baru"]),
])
def test_partners_are_the_bodies_that_take_part(pages: Opened, needle: str, partners: list[str]) -> None:
    assert drafted(pages, "bodies", needle)["partners"] == partners


@pytest.mark.parametrize(("needle", "date"), [
    ("telah memetakan 40 TPS", None),  # done before the statement, on a day the text does not give
    ("Berdasarkan hasil pemetaan", None),  # told by its results
    ("telah menugaskan enam penyidik", None),  # since the start of a stage
    ("telah menyiagakan 50 personel", "2024-10-15"),  # under way: the article's date
])
def test_an_activity_done_before_the_statement_has_no_date(pages: Opened, needle: str, date: str | None) -> None:
    assert drafted(pages, "done", needle)["date"] == date


@pytest.mark.parametrize(("page", "needle", "location"), [
    ("places", "Untuk operasi itu, Polres Rimba Jaya menyiapkan 500 personel", None),  # what it is for
    ("done", "Untuk TPS rawan itu", None),  # a set the act is spread over ("di setiap TPS")
    # the sentence's only place is where its scene is set ("seusai apel di Mapolres ..."): the TPS
    # it points back to lie where the sentence before put them
    ("scene", "Pergeseran 250 personel ke ratusan TPS itu", "Kabupaten Sungai Lebar"),
])
def test_where_a_pointer_back_leads(pages: Opened, page: str, needle: str, location: str | None) -> None:
    got = clause(pages, page, needle) if page == "places" else drafted(pages, page, needle)
    assert got["location"] == location


@pytest.mark.parametrize(("needle", "partners"), [
    ("mengawal logistik KPU", []),
    ("dari gudang milik KPU", []),
    ("menjaga kotak suara KPU", ["Linmas"]),
])
def test_the_owner_of_what_is_moved_or_guarded_is_no_partner(pages: Opened, needle: str,
                                                             partners: list[str]) -> None:
    assert drafted(pages, "owner", needle)["partners"] == partners


# Shapes of the dev pages e65-e76 (written as a transfer check before these rules): where the
# activity is when a sentence names several places, which unit acts when a speaker's role comes
# first, and who only receives what is delivered.
WHERE = {"where": """Polisi Jaga Pleno di Teluk Seruni

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
"""}


@pytest.fixture(scope="module")
def where(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Opened]:
    yield from open_pages(tmp_path_factory.mktemp("where"), WHERE)


@pytest.mark.parametrize(("needle", "location"), [
    # an escort starts at the venue it leaves; the destination's own place only says where it lies
    ("kotak suara dikawal Sat Samapta dari", "Gedung Serbaguna Al-Ikhlas"),
    # where a unit is based is not where it goes ("yang bermarkas di X tiba di Y")
    ("yang bermarkas di Kota Lama", "Kecamatan Pasir Putih"),
    # nor where it stands by when its verb names another place ("yang bersiaga di X menggelar patroli di Y")
    ("yang bersiaga di Dermaga", "Pulau Damar"),
    # "di distrik itu" points to the distrik the sentence itself named before it
    ("di distrik itu", "Distrik Bukit Damar"),
    # the people visited at a venue ("menyambangi pengurus Dayah X di Desa Y"): the venue
    ("menyambangi pengurus Dayah", "Dayah Nurul Huda"),
    ("Di dayah itu", "Dayah Nurul Huda"),  # a venue of that kind named before
    ("membentuk barikade di depan pintu gerbang kantor", "Kantor Bawaslu Kabupaten Teluk Seruni"),
    # a venue that only says where the TPS of the frame lies ("yang berada di halaman Masjid X")
    ("yang berada di halaman Masjid", "TPS 05 Desa Karang Bolong"),
])
def test_where_the_activity_is_among_several_places(where: Opened, needle: str, location: str) -> None:
    assert draft(where, "where", needle)["location"] == location


@pytest.mark.parametrize(("needle", "unit"), [
    # the speaker's role comes first; what is said names the unit that acts, with or without a comma
    ("dilakukan Tim Jibom Satbrimob", "Satbrimob Polda Seruni"),
    ("menyebut satu peleton Sat Samapta", "Sat Samapta"),
])
def test_a_speakers_role_gives_way_to_the_unit_in_what_is_said(where: Opened, needle: str, unit: str) -> None:
    assert draft(where, "where", needle)["unit"] == unit


def test_who_receives_what_is_delivered_is_no_partner(where: Opened) -> None:
    got = draft(where, "where", "logistik diserahkan kepada PPK")
    assert (got["unit"], got["location"], got["partners"]) == ("Polsek Pasir Putih", "Kantor Camat Pasir Putih", [])


def test_a_pointer_to_an_area_is_the_area_the_sentence_named_not_a_venue_before_it(where: Opened) -> None:
    # "personel pengamanan TPS di distrik itu": the pointer is "distrik itu", not "TPS ... itu"
    assert draft(where, "where", "TPS di distrik itu")["location"] == "Distrik Lembah Kabut"


def test_a_place_name_goes_on_past_its_hyphen(where: Opened) -> None:
    assert draft(where, "where", "jemaah Masjid Agung")["location"] == "Masjid Agung Al-Furqan Pasir Putih"


def test_bko_is_no_part_of_the_acting_unit_nor_a_partner(where: Opened) -> None:
    got = draft(where, "where", "Satbrimob Polda Seruni BKO disiagakan")
    assert (got["unit"], got["partners"]) == ("Satbrimob Polda Seruni", [])


WHEN = {"when": """Polres Bukit Damar Gelar Rakor

BUKIT DAMAR - Polres Bukit Damar menggelar rapat koordinasi pengamanan pilkada di Aula Mapolres Bukit Damar, Rabu (13/11/2024).

Sehari sebelumnya, Kapolsek Pasir Putih bersama Babinsa menyambangi pengurus Dayah Nurul Huda di Desa Karang Bolong.

Di dayah itu, personel Polsek Pasir Putih membagikan selebaran imbauan.

Pada Senin (25/11/2024), Polres Bukit Damar akan menempatkan 40 personel di Kecamatan Lembah Kabut, sedangkan 25 personel dikirim ke Kecamatan Pasir Putih.
"""}


@pytest.fixture(scope="module")
def when(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Opened]:
    yield from open_pages(tmp_path_factory.mktemp("when"), WHEN)


def test_a_sentence_going_on_at_the_place_before_is_on_that_ones_day(when: Opened) -> None:
    # "Sehari sebelumnya" dates the visit the day before the rakor; "Di dayah itu" goes on with it
    assert draft(when, "when", "Di dayah itu")["date"] == "2024-11-12"


def test_a_later_clause_takes_the_date_its_sentence_gives_before_it(when: Opened) -> None:
    st, ids = when
    needle = "25 personel dikirim ke Kecamatan Pasir Putih."
    at = st.article(ids["when"]).text.index(needle)
    got = st.draft_record(ids["when"], at, at + len(needle))
    assert (got["date"], got["location"], got["personnel"]) == ("2024-11-25", "Kecamatan Pasir Putih", 25)


KINDS = {"kinds": """Polisi Amankan Aksi di KPU Tanjung Seruni

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
"""}


@pytest.fixture(scope="module")
def kinds(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Opened]:
    yield from open_pages(tmp_path_factory.mktemp("kinds"), KINDS)


@pytest.mark.parametrize(("needle", "kind"), [
    ("membentuk barikade", "incident_response"),  # holding a crowd back, not the convoy told before
    ("mengalihkan kendaraan", "other"),  # traffic
    ("menengahi perselisihan", "incident_response"),
    ("sudah diterbangkan", "troop_deployment"),  # flown in: sent, not the guard they are for
    ("menyambangi pengajian", "community_outreach"),  # a study group and its teachers
    ("Rakor juga menyepakati simulasi", "planning"),  # what a meeting agreed to hold
    ("memantau langsung proses pencoblosan", "patrol"),  # a chief's round of the polling stations
    ("menempatkan 40 personel di Kecamatan", "troop_deployment"),  # placed in an area: sent there
    ("menempatkan dua personel di setiap TPS", "static_guard"),  # placed at the places they guard
])
def test_the_type_of_sentences_the_lexicon_missed(kinds: Opened, needle: str, kind: str) -> None:
    assert draft(kinds, "kinds", needle)["type"] == kind


SITES = {"sites": """Kampanye Akbar di Lembah Kabut

LEMBAH KABUT - Polres Lembah Kabut mengerahkan 300 personel untuk mengamankan kampanye akbar di Lapangan Merdeka Lembah Kabut, Sabtu (16/11/2024).

Sejak pagi, Sat Lantas mengawal iring-iringan pendukung yang datang dari Kecamatan Batu Ampar menuju lokasi kampanye.

Di lokasi kampanye, Sat Samapta menempatkan 60 personel di sekitar panggung.

Sekitar pukul 14.00, seorang pendukung yang mabuk memukul warga lain.

Personel Polsek Lembah Kabut segera mengamankan pelaku di tepi lapangan sebelum membawanya ke Mapolsek Lembah Kabut.

Malam itu, rapat pleno digelar di Ballroom Hotel Seruni Indah. Usai pleno, kotak berisi dokumen dikawal Sat Samapta dari hotel tersebut menuju Kantor KPU Kabupaten Lembah Kabut di Jalan Kenari.

Sementara itu, personel Polsek Batu Ampar menyambangi nelayan di Tempat Pelelangan Ikan (TPI) Batu Ampar untuk mengimbau warga tidak menerima uang dari tim pemenangan.
"""}


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Opened]:
    yield from open_pages(tmp_path_factory.mktemp("sites"), SITES)


@pytest.mark.parametrize(("needle", "location"), [
    # where the event told before was held, not the place the sentence before named last
    ("Di lokasi kampanye", "Lapangan Merdeka Lembah Kabut"),
    # a venue a page names once, pointed to by its kind further back than a paragraph
    ("di tepi lapangan", "Lapangan Merdeka Lembah Kabut"),
    # an escort's start given by a pointer ("dari hotel tersebut"): the room of the hotel named before
    ("dari hotel tersebut", "Ballroom Hotel Seruni Indah"),
    # a venue name that goes on past its bracketed acronym
    ("menyambangi nelayan", "Tempat Pelelangan Ikan (TPI) Batu Ampar"),
])
def test_where_an_event_site_or_a_venue_named_before_is(sites: Opened, needle: str, location: str) -> None:
    assert draft(sites, "sites", needle)["location"] == location


def test_a_visit_made_to_appeal_to_people_is_outreach(sites: Opened) -> None:
    assert draft(sites, "sites", "menyambangi nelayan")["type"] == "community_outreach"


NAMES = {"names": """Logistik Diseberangkan ke Pulau-pulau

PULAU BESAR - Polres Pulau Besar mengawal logistik dari Pelabuhan Teluk Indah, Sabtu (23/11/2024).

Di desa tersebut, logistik dijaga tiga personel Polsek Pulau-Pulau Batu Karang bersama Linmas.

Di Kecamatan Teluk Indah, Kapolsek Teluk Indah bersilaturahmi dengan pengasuh Pondok Pesantren Nurul Iman Al-Azhar dan meminta santri tidak terpancing kabar bohong.

Kapolres Pulau Besar menyebut 50 personel Satbrimob Polda Seruni yang didatangkan dari Kota Lama disiagakan di Mapolres Pulau Besar.
"""}


@pytest.fixture(scope="module")
def names(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Opened]:
    yield from open_pages(tmp_path_factory.mktemp("names"), NAMES)


def test_a_unit_name_goes_on_past_its_hyphen(names: Opened) -> None:
    assert draft(names, "names", "Polsek Pulau-Pulau")["unit"] == "Polsek Pulau-Pulau Batu Karang"


def test_the_venue_whose_people_are_met_wins_over_the_frame(names: Opened) -> None:
    assert draft(names, "names", "dengan pengasuh Pondok")["location"] == "Pondok Pesantren Nurul Iman Al-Azhar"


def test_what_a_speaker_says_with_a_figure_first_names_the_unit(names: Opened) -> None:
    assert draft(names, "names", "menyebut 50 personel Satbrimob")["unit"] == "Satbrimob Polda Seruni"


DEBATE = {"debate": """Debat Publik di GOR Seruni

TELUK SERUNI - Polres Teluk Seruni menyiagakan 250 personel untuk mengamankan debat publik di Gedung Olahraga (GOR) Seruni Jaya, Rabu (6/11/2024) malam.

Sebelum debat dimulai, Tim Jibom Satbrimob Polda Seruni menyisir panggung dan kursi penonton di dalam gedung tersebut.

Di luar gedung, Sat Samapta memisahkan kedua kelompok pendukung dengan pagar betis di Jalan Melati.

Usai debat, personel Sat Lantas mengawal rombongan kedua pasangan calon dari GOR hingga ke posko masing-masing.

Personel Sat Reskrim lalu mendatangi rumah itu dan menemukan 43 amplop berisi Rp100 ribu.
"""}


@pytest.fixture(scope="module")
def debate(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Opened]:
    yield from open_pages(tmp_path_factory.mktemp("debate"), DEBATE)


@pytest.mark.parametrize(("needle", "kind"), [
    ("Tim Jibom Satbrimob", "static_guard"),  # a bomb squad's sweep makes a venue safe: guarding it
    ("pagar betis", "static_guard"),  # a human fence between supporters
    ("menemukan 43 amplop", "incident_response"),  # envelopes of money found: a money-politics case
])
def test_guard_and_incident_words_the_lexicon_missed(debate: Opened, needle: str, kind: str) -> None:
    assert draft(debate, "debate", needle)["type"] == kind


def test_an_escort_from_a_bare_kind_starts_at_the_venue_of_that_kind_named_before(debate: Opened) -> None:
    # "dari GOR hingga ke posko": the GOR is the one the lede wrote out with its acronym
    assert draft(debate, "debate", "dari GOR hingga")["location"] == "Gedung Olahraga (GOR) Seruni Jaya"


REGISTRATION = {"registration": """Pendaftaran Paslon ke KPU Teluk Seruni

TELUK SERUNI - Polres Teluk Seruni mengerahkan 300 personel untuk mengamankan pendaftaran pasangan calon bupati di Kantor KPU Kabupaten Teluk Seruni, Kamis (29/8/2024).

Personel Sat Lantas mengawal iring-iringan pendukung dari Pendopo Kabupaten Teluk Seruni hingga ke kantor KPU.

Di depan kantor tersebut, Sat Samapta memasang pagar besi dan membatasi pendukung yang boleh masuk.

Personel Polsek Pasir Putih yang berjaga di ruangan itu segera melerai dua saksi yang beradu argumen.
"""}


@pytest.fixture(scope="module")
def registration(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Opened]:
    yield from open_pages(tmp_path_factory.mktemp("registration"), REGISTRATION)


@pytest.mark.parametrize(("needle", "kind"), [
    ("mengamankan pendaftaran", "static_guard"),  # securing candidate registration at the KPU office
    ("memasang pagar besi", "static_guard"),  # a barrier put up outside it
    ("yang berjaga di ruangan itu segera melerai", "incident_response"),  # who they are vs what they do
])
def test_registration_guard_and_what_people_on_guard_do(registration: Opened, needle: str, kind: str) -> None:
    assert draft(registration, "registration", needle)["type"] == kind


def test_a_pointer_takes_the_venues_name_not_a_lower_case_mention_after_it(registration: Opened) -> None:
    # "hingga ke kantor KPU" is a mention of the office the lede named
    assert draft(registration, "registration", "Di depan kantor tersebut")["location"] == (
        "Kantor KPU Kabupaten Teluk Seruni")


YARD = {"yard": """Logistik Digeser ke Kecamatan

BUKIT DAMAR - Polres Bukit Damar mengawal logistik dari Gudang Logistik KPU Kabupaten Bukit Damar ke 12 kecamatan, Senin (25/11/2024).

Setibanya di Kantor Camat Batu Ampar, logistik dijaga tiga personel Polsek Batu Ampar.

Wakapolres Bukit Damar mengatakan, sebelum pemberangkatan jajarannya menggelar apel di halaman gudang tersebut bersama Kodim 1234/Bukit Damar.
"""}


@pytest.fixture(scope="module")
def yard(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Opened]:
    yield from open_pages(tmp_path_factory.mktemp("yard"), YARD)


def test_the_yard_of_a_venue_pointed_to_is_that_venue(yard: Opened) -> None:
    assert draft(yard, "yard", "di halaman gudang tersebut")["location"] == "Gudang Logistik KPU Kabupaten Bukit Damar"


def test_a_pointer_to_a_venue_is_no_pointer_to_the_activity_named_before_it(yard: Opened) -> None:
    # "apel di halaman gudang tersebut" tells another activity: its partners are not the guard's
    assert draft(yard, "yard", "dijaga tiga personel")["partners"] == []


ORDERS = {"orders": """Polres Lembah Sunyi Amankan Putusan Sengketa

LEMBAH SUNYI - Polres Lembah Sunyi mengerahkan 420 personel gabungan dari Kodim 1401/Lembah Sunyi, Satpol PP dan Dinas Perhubungan untuk mengamankan sidang pembacaan putusan di Gedung Pengadilan Lembah Sunyi, Kamis (27/2/2025).

Sekitar pukul 11.00 WIB, ratusan pendukung berunjuk rasa di Bundaran Air Mancur.

Personel Sat Samapta Polres Lembah Sunyi lalu menyekat massa di kawasan tersebut agar tidak mendekati gedung.

Kapolres Lembah Sunyi AKBP Darma Wijaya juga memerintahkan Kapolsek Batu Hitam untuk menyambangi tokoh masyarakat Desa Batu Hitam mulai Jumat (28/2/2025).
"""}


@pytest.fixture(scope="module")
def orders(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Opened]:
    yield from open_pages(tmp_path_factory.mktemp("orders"), ORDERS)


@pytest.mark.parametrize(("needle", "kind"), [
    # what personnel are sent for names the activity: a session secured at its venue is guarded,
    # however long the list of where the personnel came from
    ("untuk mengamankan sidang pembacaan", "static_guard"),
    ("menyekat massa", "incident_response"),  # holding a crowd back answers the demo
])
def test_the_purpose_of_a_deployment_and_holding_a_crowd_back(orders: Opened, needle: str, kind: str) -> None:
    assert draft(orders, "orders", needle)["type"] == kind


def test_the_unit_ordered_to_act_is_the_acting_unit(orders: Opened) -> None:
    # "Kapolres X memerintahkan Kapolsek Y untuk menyambangi ...": Polsek Y does the visiting
    assert draft(orders, "orders", "memerintahkan Kapolsek Batu Hitam")["unit"] == "Polsek Batu Hitam"


HEADER = {"header": """Polsek Batu Hitam Kawal Logistik ke Desa

Polda Lembah Sunyi, Polres Bukit Sari, Polsek Batu Hitam, 25 November 2024 – Polsek Batu Hitam bersama Koramil 1401-02/Batu Hitam melaksanakan pengawalan logistik pilkada dari Kantor Camat Batu Hitam menuju PPS di lima desa.

Polres Bukit Sari mengerahkan 30 personel di setiap PPK untuk membantu pengamanan.

Massa kembali saling lempar batu menjelang acara dibuka, sebelum personel Sat Samapta Polres Bukit Sari membentuk pagar betis di antara kedua kelompok.
"""}


@pytest.fixture(scope="module")
def header(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Opened]:
    yield from open_pages(tmp_path_factory.mktemp("header"), HEADER)


def test_a_press_offices_header_of_units_neither_acts_nor_takes_part(header: Opened) -> None:
    # "Polda X, Polres Y, Polsek Z, 25 November 2024 – Polsek Z bersama Koramil ...": who publishes
    got = draft(header, "header", "melaksanakan pengawalan logistik")
    assert (got["unit"], got["partners"]) == ("Polsek Batu Hitam", ["Koramil 1401-02/Batu Hitam"])


@pytest.mark.parametrize(("needle", "kind"), [
    ("30 personel di setiap PPK", "static_guard"),  # fielded at the election bodies' offices: guarding them
    ("saling lempar batu", "incident_response"),  # a human fence formed when stones fly answers the clash
])
def test_personnel_at_election_offices_and_a_fence_against_a_clash(header: Opened, needle: str, kind: str) -> None:
    assert draft(header, "header", needle)["type"] == kind


TRAIL = {"trail": """Kapolres Bukit Sari Patroli ke TPS Pegunungan

BUKIT SARI - Kapolres Bukit Sari AKBP Darma Wijaya memimpin patroli bermotor trail ke TPS-TPS di daerah pegunungan, Selasa (26/11/2024).

Patroli diawali apel pergeseran personel pengamanan TPS di halaman Mapolres Bukit Sari.

Sebelumnya, Polres Bukit Sari juga meningkatkan koordinasi dengan Kodim 1401/Bukit Sari guna menjaga keamanan selama masa tenang.

Polda Lembah Sunyi mulai memberangkatkan personel BKO ke tiga polres hari ini, yakni Polres Bukit Sari, Polres Batu Hitam dan Polres Teluk Seruni.
"""}


@pytest.fixture(scope="module")
def trail(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Opened]:
    yield from open_pages(tmp_path_factory.mktemp("trail"), TRAIL)


def test_an_apel_for_shifting_personnel_is_the_apel(trail: Opened) -> None:
    # "apel pergeseran personel": the apel, not the shift of personnel it sends off
    assert draft(trail, "trail", "Patroli diawali apel pergeseran personel")["type"] == "ceremony_apel"


def test_what_was_done_before_on_no_day_given_has_no_date(trail: Opened) -> None:
    # "Sebelumnya, ..." with no date nor day shift of its own: done before, on a day the text does not give
    assert draft(trail, "trail", "Sebelumnya, Polres Bukit Sari")["date"] is None


def test_units_listed_after_a_destination_are_destinations(trail: Opened) -> None:
    # "ke tiga polres hari ini, yakni Polres A, Polres B dan Polres C": where the BKO goes, not partners
    assert draft(trail, "trail", "memberangkatkan personel BKO ke tiga polres")["partners"] == []


SAMEDAY = {"sameday": """Polisi Siapkan Pengamanan PSU di Bukit Sari

BUKIT SARI - Polres Bukit Sari menggelar rakor persiapan PSU di Aula Mapolres Bukit Sari, Senin (9/12/2024).

Pada hari pemungutan suara ulang, Sabtu (14/12/2024), Polres Bukit Sari akan menerjunkan 60 personel untuk menjaga TPS 03 Desa Karang Bolong.

Sebanyak 20 personel Satbrimob Polda Lembah Sunyi juga akan disiagakan di Mapolsek Karang Bolong pada hari yang sama.

Untuk pemungutan suara besok, Polsek Batu Hitam menerjunkan 45 personel ke 38 TPS di Kecamatan Batu Hitam.

Sore harinya, ratusan pendukung berkumpul di depan Kantor KPU Kabupaten Bukit Sari.

Pendukung kedua pasangan calon sempat saling dorong di depan kantor KPU.

Adu mulut itu segera dilerai anggota TNI-Polri yang berjaga di lokasi.

Kapolres Bukit Sari mengatakan, jajarannya juga akan menggelar apel kesiapan pada Jumat (13/12/2024).

Pada hari yang sama, Polsek Batu Hitam menggelar patroli dialogis di Pasar Batu Hitam.
"""}


@pytest.fixture(scope="module")
def sameday(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Opened]:
    yield from open_pages(tmp_path_factory.mktemp("sameday"), SAMEDAY)


@pytest.mark.parametrize(("needle", "date"), [
    ("pada hari yang sama", "2024-12-14"),  # the day the sentence before gives
    ("Untuk pemungutan suara besok", "2024-12-10"),  # the day after the story's day
    ("Polsek Batu Hitam menggelar patroli", "2024-12-09"),  # an opener sets itself beside the story's day
])
def test_the_same_day_and_tomorrow(sameday: Opened, needle: str, date: str) -> None:
    assert draft(sameday, "sameday", needle)["date"] == date


def test_a_pointer_to_a_lower_case_mention_takes_the_venue_named_before(sameday: Opened) -> None:
    # "di lokasi" points to "di depan kantor KPU", a mention of the office the page named in full
    assert draft(sameday, "sameday", "dilerai anggota TNI-Polri")["location"] == "Kantor KPU Kabupaten Bukit Sari"


ISLAND = {"island": """Logistik ke Pulau Damar Dikawal Polisi

TELUK SERUNI - Sat Polairud Polres Teluk Seruni mengawal pendistribusian logistik pemilu ke Pulau Damar bersama petugas Bawaslu Kota Teluk Seruni, Selasa (13/2/2024) sore.

"Air laut surut, jadi kami menunggu sampai pasang," ujar Kasat Polairud Polres Teluk Seruni Iptu Hendra Wijaya.

Pada hari pemungutan suara, Rabu (14/2/2024), Bhabinkamtibmas Kelurahan Pulau Damar berjaga di TPS tersebut bersama Linmas.
""", "island2": """Polairud Kawal Logistik ke Pulau Damar

TELUK SERUNI - Anggota Sat Polairud Polres Teluk Seruni mengawal pengiriman logistik pemilu dari Dermaga Lama ke Pulau Damar, Selasa (13/2/2024).

Pengiriman itu juga dilakukan personel Kodim 1401/Teluk Seruni serta Panwaslu Kecamatan Pulau Damar.
"""}


@pytest.fixture(scope="module")
def island(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Opened]:
    yield from open_pages(tmp_path_factory.mktemp("island"), ISLAND)


def test_the_articles_unit_is_the_parent_a_sub_unit_is_written_with(island: Opened) -> None:
    # a sentence with no unit of its own: the Polres the page's Sat Polairud belongs to, once written
    # with it and once after its Kasat, not the Sat (a Bhabinkamtibmas is no Sat Polairud's)
    assert draft(island, "island", "Bhabinkamtibmas Kelurahan Pulau Damar")["unit"] == "Polres Teluk Seruni"


def test_who_the_next_sentence_says_also_did_the_shipment_takes_part(island: Opened) -> None:
    assert draft(island, "island2", "mengawal pengiriman logistik")["partners"] == [
        "Kodim 1401/Teluk Seruni", "Panwaslu Kecamatan Pulau Damar"]
