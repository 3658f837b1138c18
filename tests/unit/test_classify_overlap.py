"""The trigger lexicon reads a sentence's longest trigger phrases (issue 10, item 3): a short
trigger that ends where a longer one begins does not take the longer one's words ("memimpin apel
pergeseran pasukan" is an apel, not a troop movement), and what an apel or a readiness check is
about does not name the activity. Sentences are invented, in the shape of real police news."""

from __future__ import annotations

import pytest

from store.classify import TypeClassifier
from store.taxonomy import load_taxonomy

CLF = TypeClassifier(load_taxonomy())  # nothing learned: the lexicon alone guesses


@pytest.mark.parametrize(("sentence", "expected"), [
    # the apel is named by what it musters: "apel pergeseran pasukan", "upacara pelepasan personel"
    ("Hal itu disampaikan Anwar usai memimpin apel pergeseran pasukan di Mapolres Gunung Tua.",
     "ceremony_apel"),
    ("Wakapolres Tanah Datar memimpin apel pengecekan personel dan kendaraan dinas di halaman Mapolres.",
     "ceremony_apel"),
    ("Kapolda memimpin upacara pelepasan personel BKO di Mako Satbrimob Polda Sumbar.", "ceremony_apel"),
    # a readiness check is about the guarding, not the guarding itself
    ("Kapolres juga mengecek kesiapan pengamanan di TPS-TPS di Kecamatan Gunung Tua Utara.", "planning"),
])
def test_a_longer_trigger_is_not_cut_by_a_shorter_one_ending_inside_it(sentence: str, expected: str) -> None:
    assert CLF.guess(sentence)[0] == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # the shorter reading still holds where no longer trigger overlaps it
    ("Usai apel, sebanyak 300 personel langsung digeser ke TPS di seluruh kecamatan.", "troop_deployment"),
    ("Polres Tanah Datar menggelar apel gelar pasukan di Lapangan Cindua Mato.", "ceremony_apel"),
    ("Personel Polsek Lintau menjaga kantor PPK Lintau selama 24 jam.", "static_guard"),
])
def test_the_sentences_own_act_still_wins(sentence: str, expected: str) -> None:
    assert CLF.guess(sentence)[0] == expected
