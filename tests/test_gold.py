"""The recogniser against the hand-made gold set (tests/gold/gold.txt): it must stay accurate."""

from __future__ import annotations

from bench.eval_entities import GOLD, evaluate, load_gold, scores
from store.model import LABELS
from store.text.entities import Recogniser


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
