"""Recogniser classes of unit and venue boundaries found on the dev pages (session 11, issue 10
item 2): the record pre-fill takes the acting unit and the place from these entities, so a unit
or a venue cut short becomes a wrong record slot. Sentences are invented in the shapes of the
pages read."""

from __future__ import annotations

import pytest

from store.text.entities import Recogniser

_RECOGNISER = Recogniser()


def found(text: str, label: str) -> list[str]:
    """The texts of ``label``'s entities the real recogniser finds in ``text``."""
    return [e.text for e in _RECOGNISER.recognise(text, None, ()) if e.label == label]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a venue after "di" runs past three words when a venue head is inside it: the hall of a
        # hotel whose name is two words, one of them a known place
        (
            "Pleno digelar di Ballroom Hotel Mahkota Kapuas, Jalan Sudirman, Minggu.",
            "Ballroom Hotel Mahkota Kapuas",
        ),
        ("Rapat pleno berlangsung di Ballroom Hotel Sinar Biru sejak pagi.", "Ballroom Hotel Sinar Biru"),
        ("Rakor dilaksanakan di Lobi Hotel Grand Mutiara Permai, Kamis.", "Lobi Hotel Grand Mutiara Permai"),
    ],
)
def test_a_venue_after_a_preposition_runs_on_past_three_words(text: str, want: str) -> None:
    assert want in found(text, "LOC")
