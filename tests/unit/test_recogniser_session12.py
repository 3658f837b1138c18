"""Recogniser classes of police sub-units the judge pages of session 12 showed (issue 10 item 2): a
Polsek's own unit written with it, and a Polda directorate in a headline's capitals. The record pre-fill
takes the acting unit from these entities. Sentences are invented in the shapes of the pages read."""

from __future__ import annotations

import pytest

from store.text.entities import Recogniser

_RECOGNISER = Recogniser()


def units(text: str) -> list[str]:
    """The POLICE_UNIT texts the real recogniser finds in ``text``."""
    return [e.text for e in _RECOGNISER.recognise(text, None, ()) if e.label == "POLICE_UNIT"]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a Polsek's unit written with its Polsek is one unit, as "Sat Samapta Polres X" is
        ("Ia menambahkan, Unit Samapta Polsek Lembah Indah berpatroli setiap dua jam.", ["Unit Samapta Polsek Lembah Indah"]),
        ("Laporan itu ditangani Unit Reskrim Polsek Sungai Rejo sejak Senin.", ["Unit Reskrim Polsek Sungai Rejo"]),
        # ... but a team named "Unit" with no Polsek after it is no unit the pages mark
        ("Anggota Unit Turjawali Sat Samapta menyambangi gudang KPU.", ["Sat Samapta"]),
        ("Sebanyak empat unit truk dan Unit Reskrim bergerak ke lokasi.", []),
        # a Polda directorate in a headline's capitals, as "POLRES GARUT"
        ("DITSAMAPTA POLDA NUSA RAYA Gelar Patroli Skala Besar Masa Tenang", ["DITSAMAPTA POLDA NUSA RAYA"]),
    ],
)
def test_a_sub_unit_with_its_parent(text: str, want: list[str]) -> None:
    assert units(text) == want
