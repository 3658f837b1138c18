"""Record pre-fill, session 20 (issue 10 item 3): a figure split by unit or by where each part starts, told in
shapes the clause split missed. Pages are invented in the shapes real pages showed, ingested into a real store
on disk, and coded record after record through ``Store.draft_record`` as a reviewer codes them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.unit.prefill_pages import Opened, coded_in_turn, open_pages

PAGES = {
    "bko_from": """Polres Lembah Hijau Gelar Rakor Pengamanan Pencoblosan

LEMBAH HIJAU – Polres Lembah Hijau menggelar rapat koordinasi pengamanan hari pencoblosan bersama KPU dan Bawaslu, Kamis (21/11/2024).

Untuk hari pencoblosan, Kapolres menyebut 285 personel Polres Lembah Hijau akan diterjunkan ke 610 TPS di Kabupaten Lembah Hijau pada 27 November, ditambah 70 personel BKO dari Polda Sulawesi Hijau.
""",
    "from_places": """Kotak Suara dari Dua Distrik Diterbangkan ke Ibu Kota Kabupaten

BUKIT HIJAU – Polres Bukit Hijau mengawal pengiriman kotak suara hasil pemungutan suara dari distrik-distrik terjauh, Jumat (29/11/2024).

Sebanyak 24 personel Polres Bukit Hijau mengawal kotak suara dari Distrik Batu Putih dan 18 personel dari Distrik Air Dingin, didampingi anggota Koramil 1702-03/Bukit.
""",
    "and_unit": """Pleno PPK di Empat Kecamatan Dijaga Polsek Jajaran

TELUK HIJAU – Polres Teluk Hijau mengamankan rapat pleno rekapitulasi tingkat kecamatan di empat kecamatan, Sabtu (30/11/2024).

Sementara itu, 14 personel Polsek Pantai Timur bersiaga di Aula Kantor Camat Pantai Timur yang dipakai sebagai tempat pleno, dan Polsek Muara Baru mengerahkan 11 personel ke Balai Desa Muara Baru.
""",
    "reinforced": """Pleno PPK Sungai Rotan Dijaga Gabungan Polsek dan Samapta

SUNGAI ROTAN – Pleno rekapitulasi PPK Sungai Rotan berlangsung di Gedung Serbaguna Rotan, Sabtu (30/11/2024).

Polresta Sungai Rotan mengerahkan 160 personel, diperkuat 60 personel Satbrimob Polda Kalimantan Hijau, untuk mengamankan pleno tersebut.
""",
    "composed": """Pleno KPU Kota Tanjung Hijau Dijaga Tiga Ring

TANJUNG HIJAU – Rapat pleno rekapitulasi KPU Kota Tanjung Hijau digelar di Gedung Serbaguna Tanjung Hijau, Rabu (4/12/2024).

Kapolres Tanjung Hijau AKBP Rudi Hartono, Rabu, mengatakan personel tersebut terdiri atas 150 personel Polres Tanjung Hijau dan 36 personel Satbrimob Polda Kalimantan Hijau yang ditempatkan dalam tiga ring pengamanan.
""",
    "boxes_from": """Kotak Suara dari Tiga PPK Dikawal ke KPU Kota Batu Hijau

BATU HIJAU – Polres Batu Hijau mengawal pergeseran kotak suara hasil pleno kecamatan ke Kantor KPU Kota Batu Hijau, Minggu (1/12/2024).

Rinciannya, kotak suara dari PPK Batu Hijau dikawal 14 personel, dari PPK Air Hijau 12 personel, sementara dari PPK Tanjung Hijau 10 personel.
""",
    "rings": """Debat Publik Calon Bupati Sungai Hijau Dijaga Tiga Ring

SUNGAI HIJAU – Polres Sungai Hijau mengamankan debat publik kedua calon bupati di Gedung Kesenian Sungai Hijau, Jumat (15/11/2024).

Ring satu di dalam ruang debat diisi 40 personel, ring dua di halaman serta pintu masuk gedung ditempati 90 personel, sedangkan ring tiga di halaman parkir dan ruas Jalan Merdeka Barat dijaga 150 personel.
""",
    "shares": """Ratusan Personel Digeser ke Lima Distrik

PEGUNUNGAN HIJAU – Polres Pegunungan Hijau menggeser 186 personel ke lima distrik usai apel, Senin (25/11/2024).

Distrik Hulu Hijau dan Distrik Hilir Hijau masing-masing mendapat 30 personel, Distrik Tengah Hijau 26 personel, sedangkan Distrik Pantai Hijau dan Distrik Muara Hijau dijaga 70 personel.

Pleno di kecamatan dijaga bergiliran: 40 personel di PPK Kota Hijau, sedangkan PPK Bukit Hijau, PPK Lembah Hijau dan PPK Teluk Hijau masing-masing dijaga 26 personel.

Pengiriman logistik ke Distrik Hulu Hijau dan Distrik Tengah Hijau juga akan dikawal personel Polsek masing-masing.
""",
    "items_after": """Logistik Pilkada ke Pulau Terluar Dikawal Polisi

BENTENG HIJAU – Polres Benteng Hijau mengawal logistik Pilkada 2024 ke pulau-pulau terluar, Senin (25/11/2024).

Sehari sebelumnya, Minggu (24/11), tujuh personel Satpolairud dan lima personel Satbrimob Polda Sulawesi Hijau mengawal kapal pengangkut logistik dari Pelabuhan Benteng Hijau ke Pulau Karang Hijau.

Setiap kotak suara yang selesai direkap langsung dikawal ke Gudang KPU Benteng Hijau di Kota Benteng.

Dari jumlah itu, 110 personel berjaga di dalam dan sekitar Lapangan Merdeka Hijau, 50 personel mengatur arus lalu lintas di ruas Jalan Pahlawan, sedangkan 30 personel disiagakan di Mapolres Benteng Hijau.
""",
    "earlier_that_day": """Pleno KPU Kota Padang Hijau Berlangsung Aman

PADANG HIJAU – Rapat pleno rekapitulasi KPU Kota Padang Hijau di Aula Balai Kota Padang Hijau berlangsung aman, Selasa (3/12/2024).

Sebelumnya, pagi hari, kotak suara hasil rekapitulasi kecamatan dibawa dari gudang KPU ke balai kota dengan pengawalan Sat Lantas.

Sebelumnya, Polres Padang Hijau telah memetakan tujuh titik rawan di sekitar balai kota.
""",
    "clash": """PSU di TPS 04 Desa Kali Hijau Sempat Memanas

KALI HIJAU – Pemungutan suara ulang di TPS 04 Desa Kali Hijau berjalan aman, Sabtu (7/12/2024).

Kapolres Kali Hijau AKBP Dani Saputra memantau langsung jalannya PSU sejak TPS dibuka pukul 07.00 WIB.

Sekitar pukul 10.00 WIB, sejumlah pemilih di TPS 09 Desa Batu Hijau memprotes karena seorang warga diduga mencoblos dengan undangan milik orang lain.

Personel Polsek Batu Hijau yang berjaga langsung menengahi dan menyerahkan penanganannya kepada pengawas TPS.
""",
    "bodies_guarded": """Pleno PPK di Sepuluh Kecamatan Dijaga Polsek Jajaran

TANAH HIJAU – Polres Tanah Hijau mengamankan pleno rekapitulasi di sepuluh kecamatan, Sabtu (30/11/2024).

Pleno PPK Sungai Hijau dijaga 16 personel Polsek Sungai Hijau, sedangkan PPK Bukit Hijau dijaga 14 personel Polsek Bukit Hijau.

Dari PPK Rawa Hijau, kotak suara dikawal 10 personel Polsek Rawa Hijau ke gudang KPU.

Sejak Senin malam kantor KPU dan kantor Bawaslu Tanah Hijau dijaga 40 personel selama 24 jam.
""",
    "same_place": """Rapat Umum Paslon Dijaga 300 Personel

SEKAYU HIJAU – Polres Sekayu Hijau mengamankan rapat umum pasangan calon nomor urut 1 di Stadion Sekayu Hijau, Sabtu (16/11/2024).

Rombongan simpatisan dikawal Sat Lantas dari Jalan Kolonel Hasan menuju stadion.

"Pengamanan yang sama kami berlakukan untuk rapat umum pasangan nomor urut 2, Rabu (20/11/2024), di lokasi yang sama," ujar Kapolres.
""",
}


@pytest.fixture
def opened(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Opened]:
    """A store of its own for each test: the records one test codes would teach the next one's drafts a
    convention (``store.conventions``)."""
    yield from open_pages(tmp_path_factory.mktemp("pages"), PAGES)


def test_a_force_added_as_bko_from_a_unit_is_a_record_of_its_own(opened: Opened) -> None:
    """"285 personel Polres X ..., ditambah 70 personel BKO dari Polda Y": coded in turn, the Polda's own figure
    and unit second (dev: "BKO dari" three times, written as "BKO Polda Y" is)."""
    drafts = list(coded_in_turn(opened, "bko_from", "Untuk hari pencoblosan", 2))
    assert [(d["unit"], d["personnel"]) for d in drafts] == [("Polres Lembah Hijau", 285),
                                                            ("Polda Sulawesi Hijau", 70)]


def test_an_escort_split_by_where_each_part_starts_gives_each_its_place(opened: Opened) -> None:
    """"24 personel ... mengawal kotak suara dari Distrik A dan 18 personel dari Distrik B": each figure with the
    district it starts from, the escort's verb said once."""
    drafts = list(coded_in_turn(opened, "from_places", "Sebanyak 24 personel", 2))
    assert [(d["location"], d["personnel"]) for d in drafts] == [("Distrik Batu Putih", 24),
                                                                ("Distrik Air Dingin", 18)]
    assert {d["type"] for d in drafts} == {"escort"}


def test_a_unit_with_its_own_verb_after_comma_and_is_a_record_of_its_own(opened: Opened) -> None:
    """"..., dan Polsek B mengerahkan 11 personel ke Balai Desa B": the second Polsek's own unit, figure and
    place, not the first's partner."""
    drafts = list(coded_in_turn(opened, "and_unit", "Sementara itu, 14 personel", 2))
    assert [(d["unit"], d["personnel"], d["location"]) for d in drafts] == [
        ("Polsek Pantai Timur", 14, "Aula Kantor Camat Pantai Timur"),
        ("Polsek Muara Baru", 11, "Balai Desa Muara Baru")]
    assert "Polsek Muara Baru" not in drafts[0]["partners"]


def test_a_force_that_reinforces_another_is_a_record_of_its_own_with_the_same_act(opened: Opened) -> None:
    """"Polresta X mengerahkan 160 personel, diperkuat 60 personel Satbrimob Y, untuk mengamankan ...": two
    records, each its unit's figure (dev: three sentences so, the writers and the second annotators alike)."""
    drafts = list(coded_in_turn(opened, "reinforced", "Polresta Sungai Rotan mengerahkan", 2))
    assert [(d["unit"], d["personnel"]) for d in drafts] == [("Polresta Sungai Rotan", 160),
                                                            ("Satbrimob Polda Kalimantan Hijau", 60)]
    assert drafts[0]["type"] == drafts[1]["type"]


def test_a_force_s_make_up_is_placed_where_the_page_had_the_event(opened: Opened) -> None:
    """"Personel tersebut terdiri atas 150 personel Polres X dan 36 personel Satbrimob Y": the first unit's record
    is placed at the venue the page told the pleno at, as the next one already was (dev: +7 records, the writers
    leaving empty only a force spread over polling stations)."""
    drafts = list(coded_in_turn(opened, "composed", "mengatakan personel tersebut", 2))
    assert [(d["unit"], d["personnel"], d["location"]) for d in drafts] == [
        ("Polres Tanjung Hijau", 150, "Gedung Serbaguna Tanjung Hijau"),
        ("Satbrimob Polda Kalimantan Hijau", 36, "Gedung Serbaguna Tanjung Hijau")]


def test_boxes_escorted_from_election_bodies_start_at_each_body(opened: Opened) -> None:
    """"kotak suara dari PPK A dikawal 14 personel, dari PPK B 12 personel, sementara dari PPK C 10 personel": one
    record per PPK, each starting where its boxes were taken over (the conventions' start of an escort)."""
    drafts = list(coded_in_turn(opened, "boxes_from", "Rinciannya, kotak suara", 3))
    assert [(d["location"], d["personnel"]) for d in drafts] == [
        ("PPK Batu Hijau", 14), ("PPK Air Hijau", 12), ("PPK Tanjung Hijau", 10)]
    assert {d["type"] for d in drafts} == {"escort"} and all(d["partners"] == [] for d in drafts)


def test_each_ring_is_placed_at_its_spots_as_written_a_named_road_among_them(opened: Opened) -> None:
    """"ring dua di halaman serta pintu masuk gedung ..., ring tiga di halaman parkir dan ruas Jalan X": each
    ring's spots as written, the road it ends with too (dev: +5 records, none lost)."""
    drafts = list(coded_in_turn(opened, "rings", "Ring satu di dalam", 3))
    assert [(d["location"], d["personnel"]) for d in drafts] == [
        ("ruang debat", 40), ("halaman serta pintu masuk gedung", 90),
        ("halaman parkir dan ruas Jalan Merdeka Barat", 150)]


def test_places_that_each_get_the_figure_are_a_record_each(opened: Opened) -> None:
    """"Distrik A dan Distrik B masing-masing mendapat 30 personel, Distrik C 26 personel, sedangkan Distrik D dan
    Distrik E dijaga 70 personel": coded in turn, A and B a record each with 30 (the guidelines: one record per
    place), D and E one record of the 70 they share (dev: +14 locations, the writers and a second annotator)."""
    drafts = list(coded_in_turn(opened, "shares", "Distrik Hulu Hijau dan Distrik Hilir Hijau masing", 4))
    assert [(d["location"], d["personnel"]) for d in drafts] == [
        ("Distrik Hulu Hijau", 30), ("Distrik Hilir Hijau", 30), ("Distrik Tengah Hijau", 26),
        ("Distrik Pantai Hijau dan Distrik Muara Hijau", 70)]
    drafts = list(coded_in_turn(opened, "shares", "Pleno di kecamatan dijaga", 4))
    assert [(d["location"], d["personnel"]) for d in drafts] == [
        ("PPK Kota Hijau", 40), ("PPK Bukit Hijau", 26), ("PPK Lembah Hijau", 26), ("PPK Teluk Hijau", 26)]


def test_each_own_station_is_no_share_of_a_figure(opened: Opened) -> None:
    """"... dikawal personel Polsek masing-masing": each district's own Polsek, no figure shared: the list stays
    one place."""
    drafts = list(coded_in_turn(opened, "shares", "Pengiriman logistik ke Distrik", 2))
    assert {d["location"] for d in drafts} == {"Distrik Hulu Hijau dan Distrik Tengah Hijau"}


def test_items_of_a_figure_share_the_place_their_verb_names_after_them(opened: Opened) -> None:
    """"tujuh personel Satpolairud dan lima personel Satbrimob Y mengawal kapal ... dari Pelabuhan X": the first
    item's record starts where the escort does, as the second's."""
    drafts = list(coded_in_turn(opened, "items_after", "Sehari sebelumnya, Minggu (24/11), tujuh", 2))
    assert [(d["unit"], d["personnel"], d["location"]) for d in drafts] == [
        ("Satpolairud", 7, "Pelabuhan Benteng Hijau"), ("Satbrimob Polda Sulawesi Hijau", 5, "Pelabuhan Benteng Hijau")]


def test_goods_that_were_finished_are_no_scene_before_the_escort(opened: Opened) -> None:
    """"kotak suara yang selesai direkap langsung dikawal ke Gudang X": "yang selesai" says which boxes, it sets
    no scene; the escort goes to the warehouse."""
    drafts = list(coded_in_turn(opened, "items_after", "Setiap kotak suara yang selesai", 1))
    assert drafts[0]["location"] == "Gudang KPU Benteng Hijau"


def test_a_figure_with_its_own_verb_and_place_is_a_clause_of_its_own(opened: Opened) -> None:
    """"..., 50 personel mengatur arus lalu lintas di ruas Jalan X, sedangkan 30 personel ...": three records,
    each its figure and place."""
    drafts = list(coded_in_turn(opened, "items_after", "Dari jumlah itu, 110 personel", 3))
    assert [(d["personnel"], d["location"]) for d in drafts] == [
        (110, "Lapangan Merdeka Hijau"), (50, "Jalan Pahlawan"), (30, "Mapolres Benteng Hijau")]


def test_earlier_the_same_morning_is_the_story_s_day_not_a_day_unknown(opened: Opened) -> None:
    """"Sebelumnya, pagi hari, kotak suara ... dibawa ...": earlier that same day, dated with the story (dev: 3
    records); "Sebelumnya, Polres X telah memetakan ...", done on a day the text does not give, stays empty."""
    assert next(coded_in_turn(opened, "earlier_that_day", "Sebelumnya, pagi hari", 1))["date"] == "2024-12-03"
    assert next(coded_in_turn(opened, "earlier_that_day", "Sebelumnya, Polres Padang", 1))["date"] is None


def test_a_response_to_a_clash_is_placed_where_the_clash_was_told(opened: Opened) -> None:
    """"Personel Polsek X yang berjaga langsung menengahi ...", naming no place: where the sentence before told
    the protest (dev: the writers 8 of 8 such responses)."""
    assert next(coded_in_turn(opened, "clash", "Personel Polsek Batu Hijau", 1))["location"] == "TPS 09 Desa Batu Hijau"


def test_since_the_polling_station_opened_is_the_station_the_page_named(opened: Opened) -> None:
    """"memantau langsung jalannya PSU sejak TPS dibuka": the station the page told the re-vote at."""
    assert next(coded_in_turn(opened, "clash", "Kapolres Kali Hijau", 1))["location"] == "TPS 04 Desa Kali Hijau"


def test_an_election_body_guarded_or_left_from_is_its_seat(opened: Opened) -> None:
    """"PPK X dijaga 16 personel", "Dari PPK Y, kotak suara dikawal ...": the body's seat is where the guard
    stands or the escort starts; "kantor KPU dan kantor Bawaslu X dijaga ...": the offices, as written."""
    drafts = list(coded_in_turn(opened, "bodies_guarded", "Pleno PPK Sungai Hijau", 2))
    assert [(d["location"], d["personnel"]) for d in drafts] == [("PPK Sungai Hijau", 16), ("PPK Bukit Hijau", 14)]
    assert next(coded_in_turn(opened, "bodies_guarded", "Dari PPK Rawa Hijau", 1))["location"] == "PPK Rawa Hijau"
    offices = next(coded_in_turn(opened, "bodies_guarded", "Sejak Senin malam kantor", 1))["location"]
    assert offices == "kantor KPU dan kantor Bawaslu Tanah Hijau"


def test_the_same_place_is_the_venue_the_page_told(opened: Opened) -> None:
    """"..., di lokasi yang sama": the venue the page told the event at, not a road named on the way."""
    assert next(coded_in_turn(opened, "same_place", "Pengamanan yang sama", 1))["location"] == "Stadion Sekayu Hijau"
