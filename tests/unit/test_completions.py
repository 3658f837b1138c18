"""Completions for a record's unit, location and partners (issue 11): what the article names,
nearest the record's sentence first, then what the store's records used; found from a few
letters of any word. The pure functions on a parsed article, then ``Store.completions`` on a
real store."""

from __future__ import annotations

from pathlib import Path

import pytest

import store
from store.errors import InvalidArgument
from store.model import Entity
from store.suggest.completions import (
    dates_near,
    from_article,
    from_records,
    grow,
    how_well,
    matching,
    near_first,
    place_phrases,
    ranked,
)
from tests.conftest import article_id_with

BANYUWANGI = ["Polresta Banyuwangi", "Kodim 0825/Banyuwangi", "Lanal Banyuwangi", "Bawaslu",
              "Satpol PP Kabupaten Banyuwangi", "KPU Kabupaten Subang", "Polres Lombok Timur"]


@pytest.mark.parametrize(
    ("typed", "first"),
    [
        ("Kod", "Kodim 0825/Banyuwangi"),  # a plain prefix, as before
        ("bany", "Polresta Banyuwangi"),  # the start of any word, in the ranking's order
        ("kd ban", "Kodim 0825/Banyuwangi"),  # letters in order from a word's start, per word
        ("kd", "Kodim 0825/Banyuwangi"),
        ("0825", "Kodim 0825/Banyuwangi"),
        ("lanal", "Lanal Banyuwangi"),
        ("kks", "KPU Kabupaten Subang"),  # initials
        ("kpu sub", "KPU Kabupaten Subang"),
        ("plt", "Polres Lombok Timur"),  # initials
        ("satpol kab", "Satpol PP Kabupaten Banyuwangi"),
        ("pp kab bany", "Satpol PP Kabupaten Banyuwangi"),
    ],
)
def test_a_few_letters_of_any_word_find_the_name(typed: str, first: str) -> None:
    assert matching(typed, BANYUWANGI)[0] == first


def test_a_prefix_ranks_above_word_starts_initials_abbreviations_and_a_substring() -> None:
    assert how_well("pol", "Polres Paser") == 0
    assert how_well("paser", "Polres Paser") == 1
    assert how_well("pp", "Polres Paser") == 2
    assert how_well("prs pas", "Polres Paser") == 3
    assert how_well("aser", "Polres Paser") == 4
    assert how_well("xyz", "Polres Paser") is None
    assert how_well("", "Polres Paser") is None
    # within one kind of match the ranking given decides: the article's own names come first
    assert matching("ban", ["Lanal Banyuwangi", "Polresta Banyuwangi"]) == ["Lanal Banyuwangi", "Polresta Banyuwangi"]
    assert matching("ban", ["Polresta Banyuwangi", "Lanal Banyuwangi"]) == ["Polresta Banyuwangi", "Lanal Banyuwangi"]


def test_what_is_typed_in_full_is_not_offered_again_and_nothing_matches_a_stranger() -> None:
    assert matching("bawaslu", BANYUWANGI) == []
    assert matching("Polsek Sakra", BANYUWANGI) == []


def test_a_whole_name_typed_is_kept_though_a_longer_one_starts_with_it() -> None:
    """Enter takes the name on offer: a reviewer who typed a name the article holds in full must
    get that name, not a longer one it begins (a part of a name still gets the offer)."""
    names = ["KPU Kabupaten Garut", "Polres Garut Kota", "Polres Garut"]
    assert matching("polres garut", names) == []
    assert matching("KPU", names) == ["KPU Kabupaten Garut"]  # not a name here: an abbreviation
    assert matching("Polres Gar", names) == ["Polres Garut Kota", "Polres Garut"]


@pytest.fixture
def banyuwangi(sample_store_path: Path) -> tuple[store.Store, str]:
    st = store.open(sample_store_path, reviewer="rina")
    try:
        yield st, article_id_with(st, "Lanal Banyuwangi Gelar Patroli")
    finally:
        st.close()


def test_the_article_names_come_nearest_the_sentence_first(banyuwangi: tuple[store.Store, str]) -> None:
    st, aid = banyuwangi
    article = st.article(aid)
    in_order = from_article(article, "partners")
    assert in_order.index("Lanal Banyuwangi") < in_order.index("Kodim 0825/Banyuwangi")  # the title names it first
    at = article.text.index("Satpol PP Kabupaten Banyuwangi")
    near = from_article(article, "partners", near=at)
    assert near[0] == "Satpol PP Kabupaten Banyuwangi"
    assert sorted(near) == sorted(in_order)
    assert from_article(article, "unit") == ["Polresta Banyuwangi"]
    places = from_article(article, "location")
    assert "Taman Blambangan" in places and "Polresta Banyuwangi" not in places


def test_the_records_used_come_after_the_article_most_used_first_each_once(banyuwangi: tuple[store.Store, str]) -> None:
    st, aid = banyuwangi
    records = [{"partners": ["TNI", "Dishub"], "location": "Alun-alun"}, {"partners": ["TNI"]},
               {"partners": "not a list"}, {"partners": ["kodim 0825/banyuwangi", "  "]}]
    assert from_records(records, "partners") == ["TNI", "Dishub", "kodim 0825/banyuwangi"]
    assert from_records(records, "location") == ["Alun-alun"]
    got = ranked(st.article(aid), records, "partners")
    assert got[-2:] == ["TNI", "Dishub"]  # the article's spelling of Kodim kept, once
    assert [g.casefold() for g in got].count("kodim 0825/banyuwangi") == 1
    assert "Kodim 0825/Banyuwangi" in got


def test_the_store_delegates_and_checks_near(banyuwangi: tuple[store.Store, str]) -> None:
    st, aid = banyuwangi
    at = st.article(aid).text.index("Satpol PP Kabupaten Banyuwangi")
    assert st.completions(aid, "partners", near=at)[0] == "Satpol PP Kabupaten Banyuwangi"
    assert st.completions(aid, "partners") == ranked(st.article(aid), st.annotations.values("records"), "partners")
    for bad in (-1, "12", True, 1.5):
        with pytest.raises(InvalidArgument, match="near must be a character offset"):
            st.completions(aid, "partners", near=bad)  # type: ignore[arg-type]


def test_near_first_puts_the_names_the_text_holds_nearest_the_sentence_first() -> None:
    text = "Polres Paser dan Kodim 0904 berjaga. Lalu Bawaslu Paser datang bersama Kodim 0904."
    names = ["Polres Paser", "Kodim 0904", "Bawaslu Paser", "TNI"]
    at = text.index("Lalu")
    assert near_first(names, text, at) == ["Bawaslu Paser", "Kodim 0904", "Polres Paser", "TNI"]
    assert near_first(names, text, None) == names
    assert near_first(names, "", 0) == names


def test_dates_near_gives_the_article_s_dates_as_written_its_sentence_s_first() -> None:
    text = ("Polres Paser menggelar apel pada Senin (2/12/2024). Pleno digelar Selasa (03/12/2024) "
            "di kantor KPU, kata Kapolres, Selasa, 3 Desember 2024.")
    at = text.index("Pleno")
    got = dates_near(text, at)
    assert got == ["Selasa (03/12/2024)", "Senin (2/12/2024)"]  # one per day, the sentence's own first
    assert dates_near(text, None) == ["Senin (2/12/2024)", "Selasa (03/12/2024)"]
    assert dates_near("tanpa tanggal", 0) == []


def _phrases(sentence: str, places: list[str], bodies: list[str] = ()) -> list[str]:
    """``place_phrases`` of one invented sentence whose places (LOC) and bodies are marked."""
    ents = [Entity(sentence.index(p), sentence.index(p) + len(p), "LOC", p) for p in places]
    ents += [Entity(sentence.index(b), sentence.index(b) + len(b), "ELECTION_BODY", b) for b in bodies]
    return [p for _, p in place_phrases(sentence, 0, len(sentence), ents)]


def test_place_phrases_are_the_sentence_s_places_as_a_reviewer_may_write_them() -> None:
    got = _phrases("Polres Sawu menggelar apel di halaman Mapolres Sawu, Senin (25/11/2024).", ["Mapolres Sawu"])
    assert got == ["halaman Mapolres Sawu", "Mapolres Sawu"]
    got = _phrases("Logistik diangkut ke gudang PPK di Tanjung Leman dengan pengawalan enam personel.",
                   ["Tanjung Leman"])
    assert "gudang PPK di Tanjung Leman" in got
    assert not any("dengan" in p or "pengawalan" in p for p in got)  # a phrase stops at a clause word
    got = _phrases("Kapal bersandar di Dermaga Oeba, Kota Kupang, lalu logistik dijaga di sana.",
                   ["Dermaga Oeba", "Kota Kupang"])
    assert "Dermaga Oeba, Kota Kupang" in got  # across a comma before a capital
    assert not any("logistik" in p or "lalu" in p for p in got)
    got = _phrases("Patroli menyasar kantor PPK dan gudang logistik KPU Kabupaten Rote Ndao setiap malam.",
                   [], ["KPU Kabupaten Rote Ndao"])
    assert "kantor PPK dan gudang logistik KPU Kabupaten Rote Ndao" in got
    got = _phrases("Personel berjaga di sepanjang ruas Jalan Timor Raya untuk mengatur arus.", ["Jalan Timor Raya"])
    assert got[:3] == ["sepanjang ruas Jalan Timor Raya", "ruas Jalan Timor Raya", "Jalan Timor Raya"]
    got = _phrases("Kotak suara dikawal dari Gudang KPU Sabu Raijua menuju Kantor PPK Hawu Mehara pada Senin.",
                   ["Gudang KPU Sabu Raijua", "Kantor PPK Hawu Mehara"])
    assert "Gudang KPU Sabu Raijua menuju Kantor PPK Hawu Mehara" in got  # a route, as some writers code it
    assert "Gudang KPU Sabu Raijua" in got and "Kantor PPK Hawu Mehara" in got
    got = _phrases("Polres Alor menyiapkan 512 personel untuk mengamankan 1.198 TPS di 11 kecamatan, ditambah BKO.", [])
    assert "1.198 TPS di 11 kecamatan" in got  # a number's dot is no stop
    got = _phrases("Tim Jibom menyisir ruang pleno, ruang saksi dan area parkir pendopo sejak pagi.", [])
    assert "ruang pleno, ruang saksi dan area parkir pendopo" in got  # a list of venues across a comma
    assert _phrases("Kapolres mengimbau warga agar tetap tenang.", []) == []


def test_the_article_s_locations_hold_its_place_phrases(banyuwangi: tuple[store.Store, str]) -> None:
    st, aid = banyuwangi
    places = from_article(st.article(aid), "location")
    assert "Taman Blambangan" in places
    assert "kawasan Pelabuhan Ketapang" in places  # "menyusuri ..., kawasan Pelabuhan Ketapang hingga ..."


def test_near_first_with_the_sentence_s_end_puts_its_own_names_first_in_its_order() -> None:
    text = "Polres Paser berjaga di Gudang KPU. Lalu patroli ke Desa Tapis dan halaman Gudang KPU."
    names = ["Gudang KPU", "Desa Tapis", "halaman Gudang KPU", "Polres Paser"]
    at, until = text.index("Lalu"), len(text)
    assert near_first(names, text, at, until) == ["Desa Tapis", "halaman Gudang KPU", "Gudang KPU", "Polres Paser"]
    assert near_first(names, text, at)[0] == "Gudang KPU"  # without the end: nearest the start


def test_a_sub_unit_is_offered_without_its_parent_too(sample_store_path: Path) -> None:
    """Reviewers who code "Sat Lantas" where the page writes "Sat Lantas Polres Lampung Barat" (the
    session-16 judges, every time) typed it in full: the unit and partner fields offer both."""
    with store.open(sample_store_path, reviewer="rina") as st:
        article = st.article(article_id_with(st, "Lampung Barat"))
        for field in ("unit", "partners"):
            names = from_article(article, field)
            assert "Sat Lantas Polres Lampung Barat" in names and "Sat Lantas" in names
            assert names.index("Sat Lantas Polres Lampung Barat") < names.index("Sat Lantas")
        assert "Sat Lantas" not in from_article(article, "location")


GROWING = ("Ringkasan.\nUsai kampanye, Polsek Wonorejo berpatroli di Jl. Melati hingga perbatasan Kecamatan "
           "Sumberjo. Esok harinya (Senin) patroli ke Kecamatan Sumberjo lagi.\nBaris lain.")


def _sentence(text: str, needle: str) -> tuple[int, int]:
    at = text.index(needle)
    return at, text.index(".", text.index("Sumberjo", at)) + 1


def test_grow_takes_the_text_s_next_or_previous_word_within_the_sentence() -> None:
    at, until = _sentence(GROWING, "Usai kampanye")
    value, steps = "di", []
    while (value := grow(GROWING, value, at, until) or "") and len(steps) < 12:
        steps.append(value)
    # an abbreviation's dot stays, the sentence's stop ends it
    assert steps == ["di Jl.", "di Jl. Melati", "di Jl. Melati hingga", "di Jl. Melati hingga perbatasan",
                     "di Jl. Melati hingga perbatasan Kecamatan", "di Jl. Melati hingga perbatasan Kecamatan Sumberjo"]
    assert grow(GROWING, "perbatasan Kecamatan Sumberjo", at, until, left=True) == (
        "hingga perbatasan Kecamatan Sumberjo")
    assert grow(GROWING, "Usai", at, until, left=True) is None  # the sentence's start
    assert grow(GROWING, "Polsek Wonorejo", at, until, left=True) == "kampanye, Polsek Wonorejo"
    # a word begun is finished first; never from inside another word
    assert grow(GROWING, "Polsek Won", at, until) == "Polsek Wonorejo"
    assert grow(GROWING, "orejo", at, until) is None
    # the record's sentence first: "Kecamatan Sumberjo" also stands in the next sentence
    assert grow(GROWING, "Kecamatan Sumberjo", at, until, left=True) == "perbatasan Kecamatan Sumberjo"
    later = _sentence(GROWING, "Esok harinya")
    assert grow(GROWING, "Kecamatan Sumberjo", *later, left=True) == "ke Kecamatan Sumberjo"
    # brackets kept whole; never across a line; any case, as the text writes it
    assert grow(GROWING, "harinya", *later) == "harinya (Senin)"
    assert grow(GROWING, "lagi", *later) is None
    assert grow(GROWING, "Baris", *later, left=True) is None
    assert grow(GROWING, "POLSEK wonorejo", at, until) == "Polsek Wonorejo berpatroli"
    assert grow(GROWING, "Polsek   Wonorejo", at, until) == "Polsek Wonorejo berpatroli"
    # what the text does not write
    assert grow(GROWING, "Polsek Lain", at, until) is None
    assert grow(GROWING, "  ", at, until) is None
