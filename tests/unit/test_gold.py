"""The recogniser against the hand-made gold set (tests/gold/gold.txt): it must stay accurate."""

from __future__ import annotations

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
