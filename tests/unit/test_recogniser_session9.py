"""Recogniser classes found on the dev pages e110-e125 (a seventh transfer check, session 9):
a Brimob detachment written with its Satbrimob and Polda is one unit, as a battalion or a company is;
"dua anggotanya" counts a leader's own people; "Ds." is a village as "Desa" is; a school's number is
part of its name; a place name shaped like a verb ("Terunjam", "Berlian", "Perbaungan") is part of a unit's name in
running text, while a title-case headline verb after a unit still ends it; in a headline a name word
shaped like a verb goes on when the headline's verb follows it ("Polsek Tanjung Berlian Perketat ...").

Then the classes of the dev pages e128-e133 (an eighth check) and of the misses left on the dev part:
venues with their bracketed acronym or a multi-word head ("Gedung Olahraga (GOR) X", "Tempat
Pelelangan Ikan (TPI) X", "TPI X", "Poskamling Dusun X"), "Simpang Pos", a unit's headquarters
("Mako Satbrimob Polda X"), a named Kodam, bodies and water-police units written in capitals or
spaced ("SATPOL PP KOTA X", "SAT POLAIRUD POLRES X", "Sat Pol Airud"), a photo credit closing a
caption, a role's pekon, and "Kampung Nelayan" in a headline's capitals."""

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


def labelled(recogniser: Recogniser, text: str) -> list[tuple[str, str]]:
    return [
        (e.label, e.text) for e in recogniser.recognise(text, None, ()) if e.label not in ("DATE", "PERSON")
    ]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a headline's verb after a name word shaped like a verb: the name goes on to it
        (
            "Polsek Tanjung Berlian Perketat Patroli Jelang Pencoblosan",
            [("POLICE_UNIT", "Polsek Tanjung Berlian")],
        ),
        # a venue written out with its acronym, the name after the acronym
        (
            "Debat digelar di Gedung Olahraga (GOR) Rantau Baru malam ini.",
            [("LOC", "Gedung Olahraga (GOR) Rantau Baru")],
        ),
        (
            "Logistik dikawal dari Tempat Pelelangan Ikan (TPI) Tanjung Seruni ke pulau.",
            [("LOC", "Tempat Pelelangan Ikan (TPI) Tanjung Seruni")],
        ),
        (
            "Personel berjaga di Pos Lintas Batas Negara (PLBN) Batu Karang.",
            [("LOC", "Pos Lintas Batas Negara (PLBN) Batu Karang")],
        ),
        # a fish-auction place and a watch post are venues with their names and villages
        (
            "Warga berkumpul di Tempat Pelelangan Ikan Muara Seruni.",
            [("LOC", "Tempat Pelelangan Ikan Muara Seruni")],
        ),
        ("Kapal bersandar di TPI Muara Seruni.", [("LOC", "TPI Muara Seruni")]),
        ("Personel berpatroli ke Poskamling Dusun Karangsari.", [("LOC", "Poskamling Dusun Karangsari")]),
        # a junction named for a post
        (
            "Sat Lantas mengatur arus di Simpang Pos Tambarangan dan Simpang Pos.",
            [("POLICE_UNIT", "Sat Lantas"), ("LOC", "Simpang Pos Tambarangan"), ("LOC", "Simpang Pos")],
        ),
        # a unit's headquarters is a place, the unit in it no unit of its own
        (
            "Apel digelar di Mako Satbrimob Polda Lembah Sunyi.",
            [("LOC", "Mako Satbrimob Polda Lembah Sunyi")],
        ),
        # a named Kodam is one unit, its name no place
        (
            "Personel Kodam Jaya dan Kodam Iskandar Muda berjaga.",
            [("MILITARY_UNIT", "Kodam Jaya"), ("MILITARY_UNIT", "Kodam Iskandar Muda")],
        ),
        # capitals in a caption
        ("Anggota SATPOL PP KOTA BUKIT SARI berjaga.", [("GOV_ORG", "SATPOL PP KOTA BUKIT SARI")]),
        (
            "Personel SAT POLAIRUD POLRES BUKIT SARI berjaga.",
            [("POLICE_UNIT", "SAT POLAIRUD POLRES BUKIT SARI")],
        ),
        # a water-police unit spelled apart or with a dot
        (
            "Personel Sat Pol Airud Polres Bukit Sari berjaga.",
            [("POLICE_UNIT", "Sat Pol Airud Polres Bukit Sari")],
        ),
        ("Sat. Polairud Polres Bukit Sari berjaga.", [("POLICE_UNIT", "Sat. Polairud Polres Bukit Sari")]),
        # a photo credit closing its caption is no acting unit
        (
            "Personel Polres Bukit Sari mengikuti apel. (Humas Polresta Lembah Hijau)",
            [("POLICE_UNIT", "Polres Bukit Sari")],
        ),
        (
            "Personel Polres Bukit Sari berjaga. Dok. Humas Polres Bukit Sari",
            [("POLICE_UNIT", "Polres Bukit Sari")],
        ),
        # a role's pekon is part of no entity
        ("Bhabinkamtibmas Pekon Way Seruni menemui nelayan.", [("ROLE", "Bhabinkamtibmas")]),
        # a kind of kampung in a headline's capitals is no place; the island after it is
        (
            "Sat Polairud Polres Bukit Sari Kawal Logistik ke Kampung Nelayan Pulau Damar",
            [("POLICE_UNIT", "Sat Polairud Polres Bukit Sari"), ("LOC", "Pulau Damar")],
        ),
    ],
)
def test_venues_units_and_bodies_of_the_eighth_check(
    recogniser: Recogniser, text: str, found: list[tuple[str, str]]
) -> None:
    assert labelled(recogniser, text) == found
