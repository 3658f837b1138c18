"""``python -m bench.fit_suggest``: fit the weights of the activity-sentence cues
(``store.suggest.candidates.WEIGHTS``) on the DEV part of the real-shaped gold set, by L2-regularised
logistic regression (plain gradient descent: a few hundred sentences, twenty cues). A sentence is
positive when a gold record has it as evidence. Prints the weights to paste, and the dev fit's
recall/precision at the threshold. Never fitted on the frozen part."""

from __future__ import annotations

import argparse
import math

from store.suggest import candidates as cand
from tests.gold.evaluate_real import gold_store, load


def rows(part: str) -> list[tuple[dict[str, float], int]]:
    arts = load(part)
    out: list[tuple[dict[str, float], int]] = []
    with gold_store(arts, "fit") as (st, by_stem):
        clf = st.type_classifier()
        for g in arts:
            if g.stem not in by_stem:
                continue
            art = st.article(by_stem[g.stem])
            gold = []
            for rec in g.meta.get("records", []):
                at = art.text.find(rec.get("evidence", ""))
                if at >= 0:
                    gold.append((at, at + len(rec["evidence"])))
            for s, e, feats, _ in cand.scored_sentences(art, clf):
                out.append((feats, int(any(s < b and a < e for a, b in gold))))
    return out


def fit(data: list[tuple[dict[str, float], int]], l2: float, steps: int, rate: float) -> dict[str, float]:
    names = sorted({k for f, _ in data for k in f})
    w = dict.fromkeys(names, 0.0)
    n = len(data)
    for _ in range(steps):
        grad = dict.fromkeys(names, 0.0)
        for f, y in data:
            z = sum(w[k] * v for k, v in f.items())
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            for k, v in f.items():
                grad[k] += (p - y) * v
        for k in names:
            reg = 0.0 if k == "bias" else l2 * w[k]
            w[k] -= rate * (grad[k] / n + reg)
    return w


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--l2", type=float, default=0.01)
    ap.add_argument("--steps", type=int, default=3000)
    ap.add_argument("--rate", type=float, default=0.5)
    args = ap.parse_args(argv)
    data = rows("dev")
    w = fit(data, args.l2, args.steps, args.rate)
    print("WEIGHTS = {" + ", ".join(f'"{k}": {v:.2f}' for k, v in w.items()) + "}")
    for th in (0.3, 0.4, 0.5, 0.6):
        tp = fp = fn = 0
        for f, y in data:
            z = sum(w[k] * v for k, v in f.items())
            hit = 1.0 / (1.0 + math.exp(-z)) >= th
            tp += hit and y
            fp += hit and not y
            fn += (not hit) and y
        print(f"threshold {th}: sentence recall {tp / max(1, tp + fn):.2f} precision {tp / max(1, tp + fp):.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
