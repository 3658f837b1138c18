"""Record pre-fill, session 22 (issue 10 item 3): a sentence telling a chain of acts ("dikawal ke A, lalu
dijaga ...") coded record after record. Pages are invented in the shapes real pages showed, ingested into a
real store on disk, and drafted through ``Store.draft_record`` as a reviewer codes them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.unit.prefill_pages import Opened, coded_in_turn, open_pages

PAGES = {
    "moved_then_guarded": """Surat Suara PSU Tiba di Desa Batu Hijau

Sabtu, 7 Desember 2024 | 08:10 WIB

LEMBAH HIJAU – Polres Lembah Hijau mengawal logistik pemungutan suara ulang (PSU) di TPS 04 Desa Batu Hijau.

Surat suara PSU dikawal delapan personel Sat Samapta dari Gudang KPU Lembah Hijau di Kota Hijau menuju Kantor Desa Batu Hijau, Jumat (6/12) malam, lalu dijaga semalaman di sana hingga pagi.

Logistik cadangan dibawa dari Gudang KPU Lembah Hijau ke Kantor Camat Hulu Hijau pada Jumat (6/12) malam dengan pengawalan Sat Lantas, lalu dijaga personel Polsek Hulu Hijau hingga pagi.
""",
    "tonight_then_thursday": """Kapolres Tinjau TPS di Kecamatan Pantai Hijau

Rabu, 27 November 2024 | 13:40 WIB

PANTAI HIJAU – Kapolres Pantai Hijau AKBP Rudi Hartanto meninjau sejumlah TPS di Kecamatan Pantai Hijau, Rabu (27/11/2024).

Usai penghitungan, kotak suara akan dikawal personel pengamanan TPS bersama Linmas ke sekretariat PPS malam ini, kemudian ke kantor PPK pada Kamis (28/11).
""",
    "tonight_later": """Polres Danau Hijau Gelar Apel Pergeseran Pasukan

Selasa, 26 November 2024 | 10:20 WIB

DANAU HIJAU – Polres Danau Hijau menggelar apel pergeseran pasukan pengamanan TPS di Mapolres Danau Hijau, Senin (25/11/2024).

Menurut Kapolres, personel cadangan akan bergeser ke Mapolsek Danau Hijau malam nanti.
""",
    "total_then_parts": """Pleno KPU Kota Teluk Hijau Dijaga 250 Personel

TELUK HIJAU – Rapat pleno rekapitulasi KPU Kota Teluk Hijau digelar di Gedung Serbaguna Teluk Hijau, Senin (2/12/2024).

Kapolres Teluk Hijau mengatakan pihaknya menyiagakan 250 personel sejak pleno dibuka. Jumlah itu terdiri dari 190 personel Polres Teluk Hijau dan 60 personel BKO Satbrimob Polda Hijau Raya.
""",
    "page_coded_in_order": """Polres Bukit Hijau Gelar Patroli Skala Besar Masa Tenang

BUKIT HIJAU – Polres Bukit Hijau bersama Kodim 1799/Bukit Hijau dan Satpol PP menggelar patroli skala besar di Kota Bukit Hijau, Minggu (24/11/2024).

Sat Lantas Polres Bukit Hijau mengatur arus kendaraan di Simpang Lima Bukit Hijau, Senin (25/11/2024).

Kapolres Bukit Hijau AKBP Dedi Kurnia mengatakan patroli serupa akan digelar setiap malam hingga hari pemungutan suara.

Sebanyak 60 personel diterjunkan bersama unsur TNI dari Kodim 1799/Bukit Hijau.
""",
    "own_words": """Patroli Pasar Jelang Pencoblosan di Telaga Hijau

TELAGA HIJAU – Sat Samapta Polres Telaga Hijau berpatroli di Pasar Telaga Hijau dan Terminal Telaga Hijau bersama Koramil 05/Telaga Hijau, Jumat (22/11/2024).

Sebanyak 30 personel diterjunkan sejak sore.
""",
}


@pytest.fixture
def opened(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Opened]:
    """A store of its own for each test (records one test codes would teach the next a convention)."""
    yield from open_pages(tmp_path_factory.mktemp("pages"), PAGES)


def test_a_guard_after_an_escort_is_a_record_of_its_own_at_where_the_escort_went(opened: Opened) -> None:
    """"dikawal delapan personel ... menuju Kantor Desa X, Jumat (6/12) malam, lalu dijaga semalaman di sana":
    coded twice, the second record is the guard (not the escort again), at the office the goods went to, on
    the Friday, by the same eight (dev: +9 type, +8 location, none lost on the 17 two-record chains)."""
    drafts = list(coded_in_turn(opened, "moved_then_guarded", "Surat suara PSU dikawal", 2))
    assert [(d["type"], d["location"], d["date"], d["personnel"]) for d in drafts] == [
        ("escort", "Gudang KPU Lembah Hijau", "2024-12-06", 8),
        ("static_guard", "Kantor Desa Batu Hijau", "2024-12-06", 8)]


def test_a_next_step_with_its_own_unit_is_that_unit_s_and_takes_no_partner_from_the_step_before(
        opened: Opened) -> None:
    """"... dengan pengawalan Sat Lantas, lalu dijaga personel Polsek X hingga pagi": the Polsek's guard at the
    office the goods were brought to; the escorting unit is not its partner."""
    drafts = list(coded_in_turn(opened, "moved_then_guarded", "Logistik cadangan dibawa", 2))
    assert [(d["type"], d["unit"], d["location"]) for d in drafts[1:]] == [
        ("static_guard", "Polsek Hulu Hijau", "Kantor Camat Hulu Hijau")]
    assert drafts[1]["partners"] == []


def test_a_chain_told_tonight_then_on_thursday_dates_each_step_by_its_own_day(opened: Opened) -> None:
    """"ke sekretariat PPS malam ini, kemudian ke kantor PPK pada Kamis (28/11)": the first escort tonight (the
    page's day), the next on Thursday to the PPK office, with the same helpers."""
    drafts = list(coded_in_turn(opened, "tonight_then_thursday", "Usai penghitungan", 2))
    assert [(d["date"], d["location"], d["partners"]) for d in drafts] == [
        ("2024-11-27", "sekretariat PPS", ["Linmas"]), ("2024-11-28", "kantor PPK", ["Linmas"])]


def test_tonight_said_as_malam_nanti_is_the_page_s_day(opened: Opened) -> None:
    """"akan bergeser ke Mapolsek X malam nanti": this coming night, the page's own day, not the day of the
    apel the lede told the day before (dev: +3, none lost)."""
    drafts = list(coded_in_turn(opened, "tonight_later", "personel cadangan", 1))
    assert drafts[0]["date"] == "2024-11-26"


def test_a_share_a_longer_span_already_codes_is_not_drafted_again(opened: Opened) -> None:
    """A reviewer codes "menyiagakan 250 personel. Jumlah itu terdiri dari 190 personel Polres X dan 60 personel
    Satbrimob Y" as the Polres's 190, then selects the second sentence alone: the draft is the Satbrimob's 60,
    not the Polres's share again."""
    st, ids = opened
    aid = ids["total_then_parts"]
    text = st.article(aid).text
    start = text.index("Kapolres Teluk Hijau mengatakan")
    second = text.index("Jumlah itu terdiri")
    end = text.index("\n", second)
    d = st.draft_record(aid, start, end)
    st.add_record(aid, **{**{k: v for k, v in d.items() if k not in ("date_text", "phase")},
                          "unit": "Polres Teluk Hijau", "personnel": 190})
    again = st.draft_record(aid, second, end)
    assert (again["unit"], again["personnel"]) == ("Satbrimob Polda Hijau Raya", 60)


def _code_lines(opened: Opened, page: str, needles: tuple[str, ...], **changes: object) -> dict[str, dict]:
    """Draft each needle's paragraph in turn and save it, the first with the reviewer's ``changes``."""
    st, ids = opened
    aid = ids[page]
    text = st.article(aid).text
    drafts: dict[str, dict] = {}
    for i, needle in enumerate(needles):
        at = text.index(needle)
        start, end = text.rfind("\n", 0, at) + 1, text.index("\n", at)
        drafts[needle] = d = st.draft_record(aid, start, end)
        st.add_record(aid, **{**{k: v for k, v in d.items() if k not in ("date_text", "phase")},
                              **(changes if i == 0 else {})})
    return drafts


def test_a_record_of_another_sentence_lends_nothing_to_the_next_sentence_s_draft(opened: Opened) -> None:
    """A reviewer codes the lede as drafted (partners Kodim and Satpol PP), then the next sentence, which names
    no partner and its own place and day: its draft takes nothing from the lede's record (before, it took the
    lede's partners; dev pages coded top to bottom: partners 3,347 → 4,191, unit 4,127 → 4,371, place 2,998 →
    3,208, date 4,387 → 4,547 of 4,736)."""
    drafts = _code_lines(opened, "page_coded_in_order", ("BUKIT HIJAU – Polres", "Sat Lantas Polres"))
    assert drafts["BUKIT HIJAU – Polres"]["partners"]
    nxt = drafts["Sat Lantas Polres"]
    assert (nxt["unit"], nxt["partners"], nxt["location"], nxt["date"]) == (
        "Sat Lantas Polres Bukit Hijau", [], "Simpang Lima Bukit Hijau", "2024-11-25")


def test_a_correction_carries_on_to_the_next_sentence_only(opened: Opened) -> None:
    """The reviewer corrects a record's place; the sentence right after it, giving no place of its own, starts
    from the correction (issue 11: the second record starts from the first one's corrections), a sentence
    further down does not: the carry is for a sentence going on about the same act."""
    carried = _code_lines(opened, "page_coded_in_order", ("Kapolres Bukit Hijau AKBP", "Sebanyak 60 personel"),
                          location="Jalan Lingkar Bukit Hijau")
    assert carried["Sebanyak 60 personel"]["location"] == "Jalan Lingkar Bukit Hijau"


def test_a_correction_does_not_carry_past_the_next_sentence(opened: Opened) -> None:
    drafts = _code_lines(opened, "page_coded_in_order", ("BUKIT HIJAU – Polres", "Sebanyak 60 personel"),
                         location="Jalan Lingkar Bukit Hijau")
    assert drafts["Sebanyak 60 personel"]["location"] != "Jalan Lingkar Bukit Hijau"


def test_a_correction_to_what_its_own_sentence_writes_does_not_carry_on(opened: Opened) -> None:
    """The reviewer writes the lede's unit the short way ("Sat Samapta"), picks the terminal it names as the
    place and keeps its Koramil: each is that sentence's own (a form, or a value its words give), so the next
    sentence drafts the page's unit and no place or partner of the lede's (dev coded top to bottom, against
    carrying every correction: unit 4,371 → 4,386, place 3,208 → 3,238, partners 4,191 → 4,230 of 4,736)."""
    drafts = _code_lines(opened, "own_words", ("TELAGA HIJAU – Sat Samapta", "Sebanyak 30 personel"),
                         unit="Sat Samapta", location="Terminal Telaga Hijau", partners=["Koramil 05/Telaga Hijau"])
    lede, nxt = drafts["TELAGA HIJAU – Sat Samapta"], drafts["Sebanyak 30 personel"]
    assert lede["location"] != "Terminal Telaga Hijau"  # a correction, then
    assert nxt["unit"] != "Sat Samapta" and nxt["location"] != "Terminal Telaga Hijau"
    assert "Koramil 05/Telaga Hijau" not in nxt["partners"] or "Koramil 05/Telaga Hijau" in lede["partners"]
