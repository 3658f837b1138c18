"""The activity-type trigger lexicon as the classifier reads it (issue 10, item 3): a figure or a
quantifier written inside a trigger phrase does not stop it matching, and the lexicon knows the
verbs police news writes for each type. Sentences are invented."""

from __future__ import annotations

import pytest

from store.classify import TypeClassifier
from store.taxonomy import load_taxonomy


@pytest.fixture(scope="module")
def clf() -> TypeClassifier:
    return TypeClassifier(load_taxonomy())


def _top(clf: TypeClassifier, sentence: str) -> str:
    scores = clf.lexicon_scores(sentence)
    return max(scores, key=lambda t: scores[t]) if scores else ""


@pytest.mark.parametrize("sentence", [
    "Penyidik Satreskrim Polres Sigi memeriksa tiga saksi terkait dugaan politik uang di Desa Lolu.",
    "Penyidik memeriksa 4 saksi dari tim pemenangan.",
    "Penyidik memeriksa sejumlah saksi pada Rabu.",
])
def test_a_count_inside_a_trigger_phrase_still_matches(clf: TypeClassifier, sentence: str) -> None:
    assert _top(clf, sentence) == "incident_response"


def test_a_trigger_that_is_itself_a_count_keeps_its_meaning(clf: TypeClassifier) -> None:
    # "mengamankan dua" (an arrest) is not read as "mengamankan" (guarding) with a figure dropped
    assert _top(clf, "Polsek Wera mengamankan dua pria yang membawa amplop berisi uang.") == "incident_response"
