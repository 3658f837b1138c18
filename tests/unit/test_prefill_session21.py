"""Record pre-fill, session 21 (issue 10 item 3): dates and places in shapes two annotators agreed on and the
pre-fill missed. Pages are invented in the shapes real pages showed, ingested into a real store on disk, and
drafted through ``Store.draft_record`` as a reviewer codes them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.unit.prefill_pages import Opened, coded_in_turn, draft, open_pages

PAGES = {
    "guarded_now": """Kotak Suara Hasil Pleno Kecamatan Tiba di Gudang KPU Rawa Hijau

Minggu, 1 Desember 2024 | 09:15 WIB

RAWA HIJAU – Kotak suara hasil pleno dari sebelas kecamatan tiba di gudang KPU Kabupaten Rawa Hijau dengan pengawalan Polres Rawa Hijau, Sabtu (30/11/2024).

Gudang tersebut kini dijaga enam personel Sat Samapta secara bergantian selama 24 jam.
""",
    "said_then": """Ratusan Personel Disiagakan di TPS Kabupaten Teluk Biru

Kamis, 28 November 2024 | 10:05 WIB

TELUK BIRU – Polres Teluk Biru menyiagakan 420 personel di 380 TPS untuk pemungutan suara Pilkada 2024, Rabu (27/11/2024).

Kapolres Teluk Biru AKBP Hendra Kusuma di Teluk Biru, Rabu, mengatakan seluruh personel sudah berada di TPS sejak Selasa (26/11) sore usai apel pergeseran.

Kapolres di Teluk Biru, Kamis, mengatakan 60 personel Polsek Pesisir mengawal kotak suara ke kantor PPK.

Selain pengamanan TPS, Sat Samapta Polres Teluk Biru akan menggelar patroli ke TPS rawan di pesisir utara pada malam menjelang pencoblosan.
""",
    "same_day": """Pleno KPU Kota Bukit Biru Dijaga 300 Personel

BUKIT BIRU – Rapat pleno rekapitulasi KPU Kota Bukit Biru di Gedung Serbaguna Bukit Biru dijaga 300 personel gabungan, Selasa (3/12/2024).

Sehari sebelum pleno, Senin (2/12/2024), tim penjinak bom Satbrimob menyisir gedung dan area parkir.

Kapolres menyebut pengamanan akan berlangsung hingga penetapan hasil.

Pada hari yang sama, Kapolres memimpin rapat koordinasi bersama KPU Kota Bukit Biru dan Bawaslu Kota Bukit Biru di Aula Mapolres Bukit Biru.
""",
    "first_share": """Unjuk Rasa di Kantor Bawaslu Kota Danau Biru Dijaga 215 Personel

DANAU BIRU – Polresta Danau Biru menerjunkan 215 personel untuk mengamankan unjuk rasa di kantor Bawaslu Kota Danau Biru, Kamis (5/12/2024).

Dari jumlah itu, 150 personel berjaga di depan kantor Bawaslu, 40 personel Sat Lantas mengatur arus kendaraan di Simpang Empat Danau, dan 25 personel disiagakan di kantor KPU Kota Danau Biru.
""",
    "units_placed": """Logistik Pilkada Tiba di Kecamatan Pesisir Danau

TELAGA BIRU – Polres Telaga Biru mengawal logistik Pilkada 2024 ke kecamatan-kecamatan di pesisir danau, Kamis (21/11/2024).

Setibanya di tujuan, logistik dijaga bergantian oleh personel Polsek Tanjung Hilir di PPK Tanjung Hilir dan Polsek Sungai Rawa di PPK Sungai Rawa, sementara sekretariat PPK Pulau Kecil dijaga anggota pos polisi setempat.
""",
    "figure_then_unit": """Logistik Pilkada Tiba di Dua Kecamatan Hulu

SUNGAI BIRU – Polres Sungai Biru mengawal logistik Pilkada 2024 ke dua kecamatan di hulu sungai, Kamis (21/11/2024).

Lima polisi dari Polsek Hulu Jaya bersiaga di aula kantor camat yang dipakai PPK Hulu Jaya, dan empat polisi Polsek Batu Ampar menjaga PPK Batu Ampar siang dan malam.

Dari jumlah itu, 348 personel ditempatkan di 1.236 TPS sesuai tingkat kerawanan, 104 personel bertugas sebagai perwira pengendali di tingkat kelurahan, dan 60 personel Sat Samapta disiagakan di Mapolres Sungai Biru.
""",
    "helped_after": """Kampanye Rapat Umum Paslon Nomor Urut 2 Dijaga 240 Personel

TELUK NILA – Polres Teluk Nila menerjunkan 240 personel untuk mengamankan kampanye rapat umum pasangan calon nomor urut 2 di Lapangan Desa Karang, Rabu (13/11/2024). Jumlah itu terdiri atas 180 personel Polres Teluk Nila dan 60 personel Satbrimob Polda Maluku Hijau yang diperbantukan sebagai BKO.

Pengamanan juga dibantu personel Kodim 1599/Teluk Nila dan Satpol PP Kabupaten Teluk Nila.
""",
    "respectively": """Tiga Polsek Kawal Kotak Suara ke PPK

GUNUNG NILA – Sebanyak 10 personel Polsek Lembah Atas, 12 personel Polsek Batu Nila dan 8 personel Polsek Padang Nila diturunkan untuk mengawal kotak suara Pilkada 2024, masing-masing ke PPK Lembah Atas, PPK Batu Nila dan PPK Padang Nila, Senin (25/11/2024).
""",
    "bodies_escorted": """Logistik ke Enam PPK Dikawal Polsek Jajaran

TELUK KAPUR – Polres Teluk Kapur mengawal distribusi logistik Pilkada 2024 ke enam PPK, Sabtu (23/11/2024).

Rombongan pertama ke PPK Kapur dan PPK Pantai Kapur dikawal Polsek Kapur dengan 12 personel, sementara PPK Sungai Kapur dan PPK Bukit Kapur mendapat pengawalan Polsek Sungai Kapur sebanyak 10 personel.

Dua PPK terdekat, yakni PPK Kota Kapur dan PPK Teluk Dalam, dikawal langsung personel Sat Samapta.
""",
    "ring_road": """Pleno KPU Kabupaten Rimba Biru Dijaga Tiga Ring

RIMBA BIRU – Polres Rimba Biru mengamankan rapat pleno rekapitulasi KPU Kabupaten Rimba Biru di Gedung Serbaguna Rimba Biru, Rabu (4/12/2024).

Ring satu di dalam ruang pleno dijaga 40 personel, ring dua di halaman serta pintu masuk gedung 85 personel, dan ring tiga di jalan sekitar gedung 120 personel termasuk unsur TNI dan Satpol PP.
""",
    "helped_by": """Ratusan Personel Jaga TPS di Kabupaten Rawa Nila

RAWA NILA – Polres Rawa Nila menjaga TPS pada hari pemungutan suara, Rabu (27/11/2024).

Menurut Kapolres, Polres Rawa Nila menempatkan 276 personel untuk menjaga 418 TPS yang tersebar di 10 kecamatan, dengan pola satu personel untuk dua hingga empat TPS dibantu Linmas gampong.
""",
    "until_tomorrow": """Logistik PSU Disimpan di Kantor Kapanewon

Rabu, 4 Desember 2024 | 19:32 WIB

SUKA NILA – Logistik pemungutan suara ulang di TPS 11 Desa Suka Nila tiba di kantor kapanewon, Rabu (4/12/2024).

"Malam ini logistik disimpan di ruang rapat Kantor Kapanewon Suka Nila dan dijaga empat personel Polsek Suka Nila bersama Linmas sampai diantar ke TPS besok subuh," ujar Kapolsek.
""",
    "carried": """Kotak Suara dari Empat Kecamatan Digeser ke KPU Kota Pinang Biru

PINANG BIRU – Polresta Pinang Biru mengamankan pergeseran kotak suara hasil pleno kecamatan, Senin (2/12/2024).

Polsek Pinang Timur mengerahkan personel terbanyak, yakni 14 orang, untuk membawa kotak suara dari Aula Kantor Camat Pinang Timur karena rutenya paling panjang.
""",
    "received": """Kotak Suara dari Kecamatan Tiba di Gudang KPU Danau Nila

DANAU NILA – Kotak suara hasil pleno kecamatan tiba di gudang KPU Kabupaten Danau Nila, Sabtu (30/11/2024).

Setiba di gudang, kotak suara diterima petugas KPU Danau Nila dan dijaga 14 personel Sat Samapta Polres Danau Nila.

Di TPS 04, seorang pemilih sempat bersitegang dengan petugas KPPS, lalu personel Polsek Danau Timur menenangkan pemilih itu dan memintanya menunggu penjelasan KPPS.
""",
    "total_then_parts": """PSU di TPS 03 Desa Karang Biru Dijaga 45 Personel

KARANG BIRU – Pemungutan suara ulang di TPS 03 Desa Karang Biru berlangsung aman, Kamis (5/12/2024).

Kabag Ops Polres Karang Biru mengatakan pengamanan PSU melibatkan 45 personel. Dari jumlah itu, 12 personel berjaga di sekitar TPS, 18 personel di jalan masuk Dusun Karang Atas, dan 15 personel Polsek Pantai Biru berpatroli di sekitar desa.
""",
    "there_yesterday": """Polres Jati Biru Kawal Distribusi Logistik ke 16 PPK

Minggu, 24 November 2024 | admin humas

JATI BIRU – Polres Jati Biru mengawal distribusi logistik Pilkada 2024 ke 16 PPK, Sabtu (23/11/2024).

Sebelum diberangkatkan, logistik di gudang KPU dijaga enam personel Sat Samapta setiap sif sejak Selasa (12/11/2024). Kapolres Jati Biru meninjau langsung pemuatan kotak suara ke truk di gudang itu kemarin.
""",
}


@pytest.fixture
def opened(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Opened]:
    """A store of its own for each test (records one test codes would teach the next a convention)."""
    yield from open_pages(tmp_path_factory.mktemp("pages"), PAGES)


def test_a_guard_told_as_now_is_dated_the_page_s_day(opened: Opened) -> None:
    """"Gudang tersebut kini dijaga enam personel": under way on the day of the page (the guidelines: the
    statement date when the activity is under way that day), not the lede's day of arrival (dev: +4, two
    lost on one page and its mirror whose writer kept the lede's day)."""
    assert draft(opened, "guarded_now", "Gudang tersebut kini")["date"] == "2024-12-01"


def test_a_day_said_before_the_activity_s_own_day_leaves_it_to_that_day(opened: Opened) -> None:
    """"Kapolres X di Y, Rabu, mengatakan seluruh personel sudah berada di TPS sejak Selasa (26/11) sore": the
    Wednesday is when it was said, the Tuesday when the personnel took their posts."""
    assert draft(opened, "said_then", "seluruh personel sudah berada")["date"] == "2024-11-26"


def test_the_night_before_the_vote_is_the_day_before_voting_day(opened: Opened) -> None:
    """"akan menggelar patroli ... pada malam menjelang pencoblosan": the evening before voting day, whatever
    day the page told its apel on."""
    assert draft(opened, "said_then", "pada malam menjelang")["date"] == "2024-11-26"


def test_a_speaker_s_day_alone_does_not_date_what_he_tells(opened: Opened) -> None:
    """"Kapolres di X, Kamis, mengatakan 60 personel ... mengawal kotak suara": Thursday is when he spoke; the
    escort is the page's story, on the lede's day (dev: +2, a page and its mirror, none lost)."""
    assert draft(opened, "said_then", "60 personel Polsek Pesisir")["date"] == "2024-11-27"


def test_the_same_day_is_the_day_of_the_event_told_last(opened: Opened) -> None:
    """"Pada hari yang sama, Kapolres memimpin rapat koordinasi ...": the Monday of the sweep told before (a
    paragraph away), not the lede's Tuesday."""
    assert draft(opened, "same_day", "Pada hari yang sama")["date"] == "2024-12-02"


def test_a_first_share_without_a_unit_is_the_page_s_force(opened: Opened) -> None:
    """"Dari jumlah itu, 150 personel berjaga di depan kantor Bawaslu, 40 personel Sat Lantas mengatur arus ...":
    the 150 are the Polresta's, not the traffic unit's that the next clause names."""
    d = draft(opened, "first_share", "Dari jumlah itu")
    assert (d["unit"], d["personnel"]) == ("Polresta Danau Biru", 150)


def test_units_listed_each_at_its_place_are_a_record_each(opened: Opened) -> None:
    """"dijaga oleh personel Polsek A di PPK A dan Polsek B di PPK B": coded in turn, each Polsek at its own PPK,
    neither the other's partner."""
    drafts = list(coded_in_turn(opened, "units_placed", "Setibanya di tujuan", 2))
    assert [(d["unit"], d["location"], d["partners"]) for d in drafts] == [
        ("Polsek Tanjung Hilir", "PPK Tanjung Hilir", []), ("Polsek Sungai Rawa", "PPK Sungai Rawa", [])]


def test_a_unit_after_its_figure_with_its_own_verb_is_a_record_of_its_own(opened: Opened) -> None:
    """"..., dan empat polisi Polsek B menjaga PPK B": the second Polsek's own record, its figure told before its
    name, not the first Polsek's partner."""
    drafts = list(coded_in_turn(opened, "figure_then_unit", "Lima polisi dari", 2))
    assert [(d["unit"], d["personnel"]) for d in drafts] == [("Polsek Hulu Jaya", 5), ("Polsek Batu Ampar", 4)]
    assert "Polsek Batu Ampar" not in drafts[0]["partners"]


def test_figures_listed_each_with_its_own_verb_are_a_record_each(opened: Opened) -> None:
    """"348 personel ditempatkan di TPS ..., 104 personel bertugas sebagai perwira ..., dan 60 personel Sat
    Samapta disiagakan ...": three records in turn, the two without a unit the page's force."""
    drafts = list(coded_in_turn(opened, "figure_then_unit", "Dari jumlah itu", 3))
    assert [(d["unit"], d["personnel"]) for d in drafts] == [
        ("Polres Sungai Biru", 348), ("Polres Sungai Biru", 104), ("Sat Samapta", 60)]


def test_partners_after_evidence_of_two_sentences_go_on_about_its_act(opened: Opened) -> None:
    """Evidence of the lede and its force's make-up, then "Pengamanan juga dibantu personel Kodim X dan Satpol PP":
    the helpers join the act the lede told (the make-up sentence alone does not name it)."""
    st, ids = opened
    text = st.article(ids["helped_after"]).text
    start = text.index("Polres Teluk Nila menerjunkan")
    end = text.index("sebagai BKO.") + len("sebagai BKO.")
    d = st.draft_record(ids["helped_after"], start, end)
    assert d["partners"] == ["Kodim 1599/Teluk Nila", "Satpol PP Kabupaten Teluk Nila"]


def test_places_listed_after_the_shares_go_to_each_share_in_turn(opened: Opened) -> None:
    """"10 personel Polsek A, 12 personel Polsek B dan 8 personel Polsek C ..., masing-masing ke PPK A, PPK B dan
    PPK C": coded in turn, each Polsek's share with its own PPK."""
    drafts = list(coded_in_turn(opened, "respectively", "Sebanyak 10 personel", 3))
    assert [(d["unit"], d["personnel"], d["location"]) for d in drafts] == [
        ("Polsek Lembah Atas", 10, "PPK Lembah Atas"), ("Polsek Batu Nila", 12, "PPK Batu Nila"),
        ("Polsek Padang Nila", 8, "PPK Padang Nila")]


def test_election_bodies_escorted_as_the_subject_are_where_the_escort_goes(opened: Opened) -> None:
    """"PPK C dan PPK D mendapat pengawalan Polsek C", "Dua PPK terdekat, yakni PPK E dan PPK F, dikawal langsung
    personel Sat Samapta": the bodies the goods go to, the list whole (as "PPK X dijaga 16 personel" is)."""
    drafts = list(coded_in_turn(opened, "bodies_escorted", "Rombongan pertama", 2))
    assert [d["location"] for d in drafts] == ["PPK Kapur dan PPK Pantai Kapur", "PPK Sungai Kapur dan PPK Bukit Kapur"]
    assert draft(opened, "bodies_escorted", "Dua PPK terdekat")["location"] == "PPK Kota Kapur dan PPK Teluk Dalam"


def test_a_ring_on_the_roads_around_the_venue_is_placed_there(opened: Opened) -> None:
    """"ring tiga di jalan sekitar gedung 120 personel": the ring's own spot, an unnamed road as written, not the
    ring before's."""
    drafts = list(coded_in_turn(opened, "ring_road", "Ring satu di dalam", 3))
    assert [d["location"] for d in drafts] == ["ruang pleno", "halaman serta pintu masuk gedung",
                                               "jalan sekitar gedung"]


def test_helpers_after_a_range_of_polling_stations_take_part(opened: Opened) -> None:
    """"satu personel untuk dua hingga empat TPS dibantu Linmas gampong": "hingga" here spans a count, and
    "dibantu" names who helps (not "hingga kotak suara disegel petugas KPPS", which ends the time told)."""
    assert draft(opened, "helped_by", "Menurut Kapolres")["partners"] == ["Linmas"]


def test_tomorrow_that_ends_a_guard_does_not_date_it(opened: Opened) -> None:
    """"Malam ini logistik ... dijaga empat personel ... sampai diantar ke TPS besok subuh": guarded tonight, the
    page's day; "besok" dates the end of the guard."""
    assert draft(opened, "until_tomorrow", "Malam ini logistik")["date"] == "2024-12-04"


def test_people_sent_to_carry_ballot_boxes_escort_them(opened: Opened) -> None:
    """"Polsek X mengerahkan ... 14 orang, untuk membawa kotak suara dari Aula Y": an escort of the boxes, not a
    deployment (dev: +4, none lost)."""
    assert draft(opened, "carried", "Polsek Pinang Timur mengerahkan")["type"] == "escort"


def test_who_receives_the_goods_or_quarrels_or_is_waited_on_takes_no_part(opened: Opened) -> None:
    """"kotak suara diterima petugas KPU X dan dijaga 14 personel": the office receives the boxes, the police
    guard them; "bersitegang dengan petugas KPPS", "menunggu penjelasan KPPS": parties the police calm, not
    partners (dev: +8, none lost)."""
    assert draft(opened, "received", "Setiba di gudang")["partners"] == []
    assert draft(opened, "received", "Di TPS 04")["partners"] == []


def test_a_total_told_a_sentence_before_its_parts_frames_them(opened: Opened) -> None:
    """Evidence "... melibatkan 45 personel. Dari jumlah itu, 12 personel ..., 18 personel ..., dan 15 personel
    Polsek X ...": coded in turn, the parts (the total frames them, as "Dari 45 personel itu," does)."""
    st, ids = opened
    text = st.article(ids["total_then_parts"]).text
    start = text.index("Kabag Ops Polres")
    end = text.index("sekitar desa.") + len("sekitar desa.")
    got = []
    for _ in range(3):
        d = st.draft_record(ids["total_then_parts"], start, end)
        got.append((d["unit"], d["personnel"]))
        st.add_record(ids["total_then_parts"], **{k: v for k, v in d.items() if k not in ("date_text", "phase")})
    assert got == [("Polres Karang Biru", 12), ("Polres Karang Biru", 18), ("Polsek Pantai Biru", 15)]


def test_yesterday_at_the_place_told_before_is_yesterday_not_that_sentence_s_day(opened: Opened) -> None:
    """"... dijaga ... sejak Selasa (12/11/2024). Kapolres meninjau ... di gudang itu kemarin": the place of the
    sentence before, but the day before the page (as "hari ini" there is the page's day)."""
    assert draft(opened, "there_yesterday", "Kapolres Jati Biru meninjau")["date"] == "2024-11-23"
