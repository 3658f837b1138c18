"""Recogniser classes found on the dev pages e110-e120 (a seventh transfer check, session 9):
a place name shaped like a verb ("Terunjam", "Berlian", "Perbaungan") is part of a unit's name in
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
