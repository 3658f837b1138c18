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


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Personel Polsek Pamona menyusuri jalan desa di tepi danau pada malam masa tenang.", "patrol"),
    ("Tim Siber Polda Gorontalo menggelar patroli siber untuk memantau konten provokatif.", "patrol"),
    ("Personel Polsek Tikala menjemput kotak suara dari TPS di pulau terluar.", "escort"),
    ("Kapolres Buol mengumpulkan para camat, kepala desa dan penyelenggara pemilu di aula Mapolres.",
     "coordination"),
    ("Kapolres menugaskan 40 personel ke Kecamatan Biau untuk memperkuat pengamanan.", "troop_deployment"),
    ("Sebanyak 120 personel kami berangkatkan ke kecamatan kepulauan pagi ini.", "troop_deployment"),
    ("Kapolres Sumenep memberangkatkan 200 personel ke pulau-pulau.", "troop_deployment"),
    ("Kapolsek menemui perwakilan massa dan mempersilakan mereka menyampaikan aspirasi.",
     "incident_response"),
    ("Wakapolres menemui massa yang berkumpul di depan kantor Bawaslu.", "incident_response"),
    ("Personel Satlantas mengatur arus kendaraan di simpang empat menuju TPS.", "other"),
    ("Petugas gabungan mencopot alat peraga kampanye yang masih terpasang di masa tenang.", "other"),
    ("Anggota Polsek dan Satpol PP mencopot baliho pasangan calon di jalan protokol.", "other"),
    ("Warga diajak menolak politik uang dalam kegiatan Jumat Curhat di masjid desa.", "community_outreach"),
    ("Kasat Intelkam memaparkan hasil identifikasi kerawanan di tiap kecamatan.", "planning"),
])
def test_the_lexicon_knows_the_verbs_of_each_type(clf: TypeClassifier, sentence: str, expected: str) -> None:
    assert _top(clf, sentence) == expected
