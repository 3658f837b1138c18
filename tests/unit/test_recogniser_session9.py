"""Recogniser classes found on the dev pages e110-e125 (a seventh transfer check, session 9):
a Brimob detachment written with its Satbrimob and Polda is one unit, as a battalion or a company is;
"dua anggotanya" counts a leader's own people; "Ds." is a village as "Desa" is; a school's number is
part of its name; a place name shaped like a verb ("Terunjam", "Berlian", "Perbaungan") is part of a unit's name in
running text, while a title-case headline verb after a unit still ends it (in a title-case headline
such a name still ends before its verb-shaped word: "Polsek Tanjung Berlian Perketat ..." gives
"Polsek Tanjung"; left as it was)."""

from __future__ import annotations

import pytest

from store.text.entities import Recogniser


@pytest.fixture(scope="module")
def recogniser() -> Recogniser:
    return Recogniser()


def units(recogniser: Recogniser, text: str) -> list[str]:
    return [e.text for e in recogniser.recognise(text, None, ()) if e.label == "POLICE_UNIT"]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        # a name word shaped like a verb, lower-case running text after it: the place goes on
        (
            "Sehari sebelumnya, Polsek Tanjung Berlian mengumpulkan tokoh masyarakat.",
            "Polsek Tanjung Berlian",
        ),
        ("Personel Polsek Teras Terunjam juga berjaga di balai desa.", "Polsek Teras Terunjam"),
        ("Polsek Sungai Perbaungan yang dipimpin Kapolsek berpatroli.", "Polsek Sungai Perbaungan"),
        # a headline's title-case verb after a unit ends it, as before
        ("Polsek Tanjung Batu Perketat Penjagaan Gudang Logistik", "Polsek Tanjung Batu"),
        ("Polres Bukit Sari Bersiaga di TPS Rawan", "Polres Bukit Sari"),
    ],
)
def test_a_place_name_shaped_like_a_verb_goes_on_in_running_text(
    recogniser: Recogniser, text: str, unit: str
) -> None:
    assert units(recogniser, text) == [unit]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        (
            "Sebanyak 30 personel Detasemen B Satbrimob Polda Lembah Sunyi tiba di Bukit Sari.",
            "Detasemen B Satbrimob Polda Lembah Sunyi",
        ),
        (
            "Personel Subden 2 Detasemen A Satbrimob Polda Lembah Sunyi berjaga di gudang.",
            "Subden 2 Detasemen A Satbrimob Polda Lembah Sunyi",
        ),
    ],
)
def test_a_brimob_detachment_is_one_unit_with_its_satbrimob(
    recogniser: Recogniser, text: str, unit: str
) -> None:
    assert units(recogniser, text) == [unit]


def test_a_bare_detachment_word_is_no_unit(recogniser: Recogniser) -> None:
    assert units(recogniser, "Detasemen Khusus itu tiba kemarin.") == []


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Kapolsek Batu Hitam dan dua anggotanya menjaga logistik di balai desa.", ("dua anggotanya", 2)),
        ("Kapolsek bersama 12 personelnya berpatroli ke TPS.", ("12 personelnya", 12)),
    ],
)
def test_a_leaders_own_people_are_counted(recogniser: Recogniser, text: str, count: tuple[str, int]) -> None:
    assert [(e.text, e.value) for e in recogniser.recognise(text, None, ()) if e.label == "PERSONNEL"] == [
        count
    ]


@pytest.mark.parametrize(
    ("text", "places"),
    [
        (
            "Polsek Batu Hitam berpatroli ke Ds. Karang Bolong dan Ds. Karang Anyar, Kec. Batu Hitam, kemarin.",
            ["Ds. Karang Bolong", "Ds. Karang Anyar", "Kec. Batu Hitam"],
        ),
        # a school, where many TPS stand, with its number
        (
            "Personel berjaga di TPS-TPS yang dipusatkan di SDN Karang Anyar 07 sejak pagi.",
            ["SDN Karang Anyar 07"],
        ),
        ("Pemungutan suara di SMP Negeri 2 Bukit Sari berjalan lancar.", ["SMP Negeri 2 Bukit Sari"]),
    ],
)
def test_abbreviated_villages_and_numbered_schools_are_places(
    recogniser: Recogniser, text: str, places: list[str]
) -> None:
    assert [e.text for e in recogniser.recognise(text, None, ()) if e.label == "LOC"] == places
