"""The recogniser against the hand-made gold set (tests/gold/gold.txt): it must stay accurate."""

from __future__ import annotations

import json

from store.model import LABELS
from store.text.entities import Recogniser
from tests.gold.evaluate import GOLD, evaluate, load_gold, scores


def test_gold_lines_are_well_formed() -> None:
    lines = load_gold(GOLD)
    assert len(lines) >= 100 and sum(1 for x in lines if x.fresh) >= 20
    for line in lines:
        for start, end, label, _ in line.spans:
            assert label in LABELS and 0 <= start < end <= len(line.text)
    assert {label for x in lines for _, _, label, _ in x.spans} == set(LABELS)


def test_every_label_scores_well_on_the_gold_set() -> None:
    counts = evaluate(load_gold(GOLD), Recogniser())
    for label, c in counts.items():
        assert scores(c)[2] >= 0.9, f"{label}: {c}"
        assert c["value_wrong"] == 0, f"{label}: normalised values differ from the gold"


def test_every_mark_of_the_real_shaped_gold_lands_in_the_text_tandai_keeps() -> None:
    """The real-shaped gold set (tests/gold/real) is scored on the article text the parser
    keeps: a gold span the parser dropped would be a silent miss. Every mark must be found, and
    every record's evidence sentence too (the scores themselves are reported, not asserted: see
    ``python -m bench.eval_real``)."""
    from tests.gold.evaluate_real import evaluate

    for part in ("frozen", "dev", "fresh"):
        sc = evaluate(part)
        gold = sum(sc.tp.values()) + sum(sc.fn.values())
        assert gold > 400, (part, gold)
        assert sc.unaligned == 0, part
        assert not [e for e in sc.errors if "evidence not in the article text" in e or "not ingested" in e]


def test_the_held_back_parts_keep_a_third_of_the_real_shaped_gold_set() -> None:
    """Issue 10 asks for a held-back test part of at least a third of the gold set: each transfer
    check adds dev pages, so fresh pages (written by the fresh rules) must keep pace."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[1] / "gold" / "real"
    pages = {part: len(list((root / part).glob("*.txt"))) for part in ("dev", "frozen", "fresh")}
    held = pages["frozen"] + pages["fresh"]
    assert pages["dev"] > 0 and held * 3 >= held + pages["dev"], pages


def test_a_span_coded_twice_is_drafted_the_second_time_after_the_first() -> None:
    """Two records of one sentence (a figure split by place), each with the whole sentence as its
    evidence: the scorer drafts the second with the first saved, as the workbench does, so it
    gets the second clause's place; a single record is drafted as before."""
    from tests.gold.evaluate_real import GoldArticle, Scores, gold_store, score_records

    text = ("Polres Lembah Hijau Amankan Pleno\n\nLEMBAH HIJAU - Polres Lembah Hijau menempatkan 40 personel di "
            "Gedung Serbaguna Lembah, sedangkan 25 personel dikirim ke Aula Kantor Camat Hilir, Senin (2/12/2024).\n")
    ev = text.split("\n\n")[1].strip()
    base = {"type": "static_guard", "unit": "Polres Lembah Hijau", "date": "2024-12-02", "partners": [],
            "evidence": ev}
    recs = [{**base, "location": "Gedung Serbaguna Lembah", "personnel": 40},
            {**base, "location": "Aula Kantor Camat Hilir", "personnel": 25}]
    gold = GoldArticle("uji", text, [], {"records": recs})
    with gold_store([gold], "uji") as (st, ids):
        sc = Scores()
        score_records(st, ids["uji"], gold, sc)
        assert sc.repeats == 1 and sc.slots["location"] == [True, True] and sc.slots["personnel"] == [True, True]
        assert st.records(ids["uji"]) == []  # what the scorer saved for the second draft is gone


def test_a_page_coded_in_order_drafts_each_record_with_the_records_before_it_saved() -> None:
    """``--in-page-order``: the scorer saves each record after its draft, as a reviewer coding the page top to
    bottom does, so the second draft sees the first (here: the lede's record leaves the next sentence's
    partners alone); what it saved is gone after the page."""
    from tests.gold.evaluate_real import GoldArticle, Scores, gold_store, score_records

    text = ("Polres Lembah Hijau Amankan Pleno\n\nLEMBAH HIJAU - Polres Lembah Hijau bersama Kodim 1799/Lembah "
            "Hijau mengamankan pleno di Gedung Serbaguna Lembah, Senin (2/12/2024).\n\nSat Lantas Polres Lembah "
            "Hijau mengatur arus kendaraan di Simpang Tiga Lembah, Senin (2/12/2024).\n")
    first, second = (p.strip() for p in text.split("\n\n")[1:3])
    recs = [{"type": "static_guard", "unit": "Polres Lembah Hijau", "date": "2024-12-02", "evidence": first,
             "location": "Gedung Serbaguna Lembah", "personnel": None, "partners": ["Kodim 1799/Lembah Hijau"]},
            {"type": "other", "unit": "Sat Lantas Polres Lembah Hijau", "date": "2024-12-02", "evidence": second,
             "location": "Simpang Tiga Lembah", "personnel": None, "partners": []}]
    gold = GoldArticle("urut", text, [], {"records": recs})
    with gold_store([gold], "urut") as (st, ids):
        sc = Scores()
        score_records(st, ids["urut"], gold, sc, in_order=True)
        assert sc.slots["partners"] == [True, True] and sc.slots["unit"] == [True, True]
        assert st.records(ids["urut"]) == []


def test_a_place_inside_the_gold_s_longer_phrase_is_counted_beside_the_strict_figure() -> None:
    """The lenient location figure counts a draft whose place the gold writes inside a longer phrase, whole
    words only, and never a different place."""
    from tests.gold.evaluate_real import inside_place

    assert inside_place("halaman Mapolres Tebo", "Mapolres Tebo")
    assert inside_place("TPS 04 Desa Mataram, Kecamatan Tugumulyo", "TPS 04 Desa Mataram")
    assert inside_place(None, None)
    assert not inside_place("Kecamatan Batanghari", "Batang")
    assert not inside_place("Gedung Pertemuan Seri Pinang", "Simpang Sungai Bengkal")
    assert not inside_place(None, "Mapolres Tebo") and not inside_place("Mapolres Tebo", None)


def test_a_writer_s_pages_teach_a_store_the_conventions_that_writer_codes() -> None:
    """The judge batch e594-e599 codes a sub-unit written with its Polres as the sub-unit alone: a store
    taught its records learns that reading, and its drafts get more of the batch's units right with it than
    with the default (``python -m bench.eval_real --part dev --pages ... --learned-conventions``)."""
    from tests.gold.evaluate_real import evaluate_conventions

    got, default, taught = evaluate_conventions("dev", "e59[4-9]_*")
    assert got.get("sub_unit") == "alone"
    assert sum(taught.slots["unit"]) > sum(default.slots["unit"])
    assert len(taught.slots["unit"]) == len(default.slots["unit"]) > 30


def test_a_team_s_writers_are_each_drafted_in_their_own_reading() -> None:
    """``--as-team``: older dev pages (a sub-unit written with its Polres) and judge batches e450-e469 (the
    sub-unit alone) in one store, each writer a reviewer, each page drafted by its writer with its own records
    left out: the judges are drafted in their reading, so more units are right than in a cold store, while
    the older pages, the team's majority, keep theirs."""
    from tests.gold.evaluate_real import evaluate, evaluate_team

    pages = "e1[0-4][0-9]_*,e4[5-6][0-9]_*"
    team, cold = evaluate_team(pages), evaluate("dev", pages)
    assert len(team.slots["unit"]) == len(cold.slots["unit"]) > 250
    assert sum(team.slots["unit"]) > sum(cold.slots["unit"])
    assert sum(team.slots["location"]) >= sum(cold.slots["location"])


def test_two_codings_of_a_page_are_paired_by_their_evidence_one_to_one() -> None:
    """The agreement study pairs one person's records with the other's by overlapping evidence, one to one;
    of two records on one sentence each pairs with the one it agrees with most, a record whose evidence the
    other coded nothing on stays unpaired, and a place written inside the other's phrase is near."""
    from tests.gold.agreement_real import _near_place, pair

    text = ("Polres Lembah Hijau menempatkan 40 personel di Gedung Serbaguna Lembah, sedangkan 25 personel dikirim "
            "ke Aula Kantor Camat Hilir. Kapolres lalu memimpin apel di Mapolres Lembah Hijau.")
    whole = text.split(". ")[0]
    a = [{"type": "static_guard", "location": "Gedung Serbaguna Lembah", "personnel": 40, "evidence": whole},
         {"type": "troop_deployment", "location": "Aula Kantor Camat Hilir", "personnel": 25, "evidence": whole},
         {"type": "ceremony_apel", "location": "Mapolres Lembah Hijau", "evidence": "Kapolres lalu memimpin apel"}]
    b = [{"type": "troop_deployment", "location": "Aula Kantor Camat Hilir", "personnel": 25,
          "evidence": "25 personel dikirim ke Aula Kantor Camat Hilir"},
         {"type": "static_guard", "location": "Gedung Serbaguna Lembah", "personnel": 40,
          "evidence": "Polres Lembah Hijau menempatkan 40 personel di Gedung Serbaguna Lembah"}]
    assert sorted(pair(text, a, b)) == [(0, 1), (1, 0)]
    assert pair(text, a, []) == [] and pair(text, [], b) == []
    assert _near_place("halaman Mapolres Lembah Hijau", "Mapolres Lembah Hijau")
    assert _near_place("Mapolres Lembah Hijau", "halaman Mapolres Lembah Hijau")
    assert not _near_place("Mapolres Lembah Hijau", "Gedung Serbaguna Lembah") and not _near_place(None, "X")


def test_the_frozen_part_s_second_coding_covers_it_and_is_read_whole() -> None:
    """``frozen_second/`` codes every frozen page a second time, its evidence copied from the page: the
    study reads it for the frozen part as a whole (never page by page) and pairs the writer's records."""
    from tests.gold.agreement_real import FROZEN_SECOND, agreement
    from tests.gold.evaluate_real import load

    pages = {g.stem: g for g in load("frozen")}
    assert {p.stem for p in FROZEN_SECOND.glob("*.json")} == set(pages)
    for path in FROZEN_SECOND.glob("*.json"):
        coding = json.loads(path.read_text(encoding="utf-8"))
        assert coding["annotator"].startswith("S20-")
        assert all(r["evidence"] in pages[path.stem].text for r in coding["records"])
    found = agreement(part="frozen")
    assert list(found) == ["all"]
    assert found["all"].pages == len(pages) and found["all"].paired == found["all"].first > 30


def test_a_miss_only_a_convention_s_reading_makes_is_counted_by_convention() -> None:
    """The scorer counts apart a miss the draft and the gold make by reading a coding convention differently
    (the gold keeps "halaman" before the place, the default draft does not), and not a miss about another
    place."""
    from tests.gold.evaluate_real import GoldArticle, Scores, gold_store, score_records

    text = ("Polres Lembah Hijau Gelar Apel\n\nLEMBAH HIJAU - Polres Lembah Hijau menggelar apel di halaman Mapolres "
            "Lembah Hijau, Senin (2/12/2024).\n\nSat Samapta Polres Lembah Hijau berpatroli di Pasar Lembah, Senin "
            "(2/12/2024).\n")
    first, second = (p.strip() for p in text.split("\n\n")[1:3])
    base = {"date": "2024-12-02", "personnel": None, "partners": []}
    recs = [{**base, "type": "ceremony_apel", "unit": "Polres Lembah Hijau", "evidence": first,
             "location": "halaman Mapolres Lembah Hijau"},
            {**base, "type": "patrol", "unit": "Sat Samapta Polres Lembah Hijau", "evidence": second,
             "location": "Terminal Lembah"}]
    gold = GoldArticle("konv", text, [], {"records": recs})
    with gold_store([gold], "konv") as (st, ids):
        sc = Scores()
        score_records(st, ids["konv"], gold, sc)
    assert sc.slots["location"] == [False, False]
    assert dict(sc.readings["location"]) == {"location_phrase": 1} and not sc.readings["unit"]
