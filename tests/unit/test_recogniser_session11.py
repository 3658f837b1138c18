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


@pytest.mark.parametrize(
    ("text", "label", "want"),
    [
        # a region whose name holds "dan" is one name: the unit, the body and the place take it whole
        (
            "Personel Kepolisian Resor Pangkajene dan Kepulauan mengawal logistik ke pulau terluar.",
            "POLICE_UNIT",
            "Kepolisian Resor Pangkajene dan Kepulauan",
        ),
        (
            "Polres Pangkajene dan Kepulauan menerjunkan 200 personel.",
            "POLICE_UNIT",
            "Polres Pangkajene dan Kepulauan",
        ),
        (
            "Personel Polresta Pulau Ambon dan Pulau-Pulau Lease berjaga di gudang.",
            "POLICE_UNIT",
            "Polresta Pulau Ambon dan Pulau-Pulau Lease",
        ),
        (
            "Ketua KPU Kabupaten Pangkajene dan Kepulauan hadir dalam rapat.",
            "ELECTION_BODY",
            "KPU Kabupaten Pangkajene dan Kepulauan",
        ),
        ("Warga Pangkajene dan Kepulauan memadati lapangan.", "LOC", "Pangkajene dan Kepulauan"),
        # other names joined by "dan" stay two
        ("Polres Bone dan Kodim 1407/Bone berpatroli.", "POLICE_UNIT", "Polres Bone"),
    ],
)
def test_a_region_named_with_dan_is_one_name(text: str, label: str, want: str) -> None:
    assert want in found(text, label)
