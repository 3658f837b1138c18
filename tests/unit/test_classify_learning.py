"""The type guess's learned part (issue 10 item 3): what a store's reviewers code speaks as much as
the trigger lexicon is unsure - most for a sentence with no trigger at all, little against a clear
trigger. Real taxonomy, real classifier, records as the store keeps them."""

from __future__ import annotations

from store.classify import TypeClassifier
from store.taxonomy import load_taxonomy

WITH = ("bersama ibu-ibu", "bersama warga desa", "bersama pelajar", "bersama para lansia",
        "bersama pedagang pasar", "bersama pemuda karang taruna", "bersama guru", "bersama kader posyandu")
WHEN = ("pagi hari", "sore hari", "akhir pekan", "hari libur", "minggu pagi", "sabtu sore")


def records(shape: str, kind: str, n: int) -> list[dict[str, object]]:
    """``n`` coded records on sentences of one shape told in varied words (none is a copy of another
    nor of one template: the learned word counts speak, not a sentence coded before)."""
    return [{"id": f"r{i}", "type": kind, "updated": "1",
             "evidence": [{"text": shape.format(who=WITH[i % len(WITH)], when=WHEN[i % len(WHEN)])}]}
            for i in range(n)]


def test_a_sentence_with_no_trigger_follows_what_the_store_codes() -> None:
    clf = TypeClassifier(load_taxonomy())
    sentence = "Sebanyak 30 personel Polsek Cibeureum mengikuti senam zumba bersama warga di lapangan kecamatan."
    assert not clf.lexicon_scores(sentence)  # no trigger word says what a zumba session is
    assert clf.guess(sentence)[0] == ""
    clf.learn(records("Personel Polsek Sukamaju mengikuti senam zumba {who} pada {when} di lapangan desa.",
                      "community_outreach", 100))
    assert clf.guess(sentence)[0] == "community_outreach"


def test_a_trigger_keeps_most_of_its_weight_against_records_of_similar_words() -> None:
    # a store whose reviewers coded many market sentences as "other" (handing out groceries) still
    # reads "melaksanakan patroli di Pasar ..." mostly as the patrol it names
    clf = TypeClassifier(load_taxonomy())
    sentence = "Personel Polsek Cibeureum melaksanakan patroli di Pasar Cibeureum bersama ibu-ibu PKK."
    before = clf.probabilities(sentence)["patrol"]
    clf.learn(records("Personel Polsek Sukamaju {who} di pasar desa membagikan paket sembako pada {when}.",
                      "other", 300))
    assert clf.guess(sentence)[0] == "patrol"
    assert clf.probabilities(sentence)["patrol"] >= 0.85 * before


def test_personnel_kept_at_a_guarded_place_guard_it_written_with_their_people_or_not() -> None:
    clf = TypeClassifier(load_taxonomy())
    assert clf.guess("Sebanyak 40 personel disiagakan di sekitar Kantor Bawaslu Kabupaten Sungai Emas.")[0] \
        == "static_guard"
    assert clf.guess("Polres Sungai Emas menyiagakan 60 personel di Kantor KPU Kabupaten Sungai Emas.")[0] \
        == "static_guard"
    assert clf.guess("Sebanyak 75 personel disiagakan sebagai cadangan di Mapolres Sungai Emas.")[0] \
        == "troop_deployment"
