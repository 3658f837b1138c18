"""Precision, recall and F1 per label of the entity recogniser on the hand-made gold set, and
its speed on the bundled samples.

    python bench/eval_entities.py [--gold tests/gold/gold.txt] [--errors]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from store.entities import Recogniser  # noqa: E402
from store.model import LABELS  # noqa: E402

GOLD = ROOT / "tests" / "gold" / "gold.txt"
_MARK = re.compile(r"\[([^\]]+)\]\(([A-Z_]+)(?:=([^)]*))?\)")


@dataclass(slots=True)
class GoldLine:
    text: str
    published: str
    spans: list[tuple[int, int, str, str | None]]  # start, end, label, value
    fresh: bool


def load_gold(path: Path = GOLD) -> list[GoldLine]:
    """Turn the hand-marked lines into plain text plus entity offsets."""
    out: list[GoldLine] = []
    fresh = False
    for raw in path.read_text(encoding="utf-8").splitlines():
        if raw.startswith("## fresh"):
            fresh = True
        if not raw.strip() or raw.startswith("#"):
            continue
        published = "2024-11-26"
        m = re.match(r"@pub (\d{4}-\d{2}-\d{2}) \| ", raw)
        if m:
            published, raw = m.group(1), raw[m.end():]
        text_parts: list[str] = []
        spans = []
        pos = 0
        length = 0
        for mark in _MARK.finditer(raw):
            before = raw[pos:mark.start()]
            text_parts.append(before)
            length += len(before)
            start = length
            text_parts.append(mark.group(1))
            length += len(mark.group(1))
            spans.append((start, length, mark.group(2), mark.group(3)))
            pos = mark.end()
        text_parts.append(raw[pos:])
        out.append(GoldLine("".join(text_parts), published, spans, fresh))
    return out


def evaluate(lines: list[GoldLine], recogniser: Recogniser, errors: bool = False) -> dict[str, Counter[str]]:
    """Exact span + label matching; counts tp/fp/fn per label (and value errors on matches)."""
    counts: dict[str, Counter[str]] = {label: Counter() for label in LABELS}
    for line in lines:
        gold = {(s, e, lab) for s, e, lab, _ in line.spans}
        values = {(s, e, lab): v for s, e, lab, v in line.spans}
        found = recogniser.recognise(line.text, line.published)
        pred = {(x.start, x.end, x.label) for x in found}
        pvals = {(x.start, x.end, x.label): x.value for x in found}
        for key in gold & pred:
            counts[key[2]]["tp"] += 1
            want = values[key]
            if want is not None and str(pvals[key]) != want:
                counts[key[2]]["value_wrong"] += 1
        for key in pred - gold:
            counts[key[2]]["fp"] += 1
            if errors:
                print(f"  FP {key[2]:14} {line.text[key[0]:key[1]]!r:40} | {line.text[:70]}")
        for key in gold - pred:
            counts[key[2]]["fn"] += 1
            if errors:
                print(f"  FN {key[2]:14} {line.text[key[0]:key[1]]!r:40} | {line.text[:70]}")
    return counts


def scores(c: Counter[str]) -> tuple[float, float, float]:
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def table(counts: dict[str, Counter[str]]) -> tuple[str, float]:
    rows = [f"{'label':14} {'gold':>5} {'P':>6} {'R':>6} {'F1':>6}  value errors"]
    total: Counter[str] = Counter()
    for label, c in counts.items():
        total.update(c)
        p, r, f = scores(c)
        rows.append(f"{label:14} {c['tp'] + c['fn']:5d} {p:6.3f} {r:6.3f} {f:6.3f}  {c['value_wrong']}")
    p, r, f = scores(total)
    rows.append(f"{'micro':14} {total['tp'] + total['fn']:5d} {p:6.3f} {r:6.3f} {f:6.3f}  {total['value_wrong']}")
    return "\n".join(rows), f


def speed(recogniser: Recogniser, seconds: float = 3.0) -> float:
    from store.formats import RawDoc, iter_paths, read_source
    from store.parse import parse_article

    docs = [parse_article(d) for p in iter_paths([str(ROOT / "sample_articles")]) if isinstance(p, Path)
            for d in read_source(p) if isinstance(d, RawDoc)]
    n = 0
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        for d in docs:
            recogniser.recognise(d.text, d.published, d.noise)
            n += 1
    return n / (time.perf_counter() - start)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--errors", action="store_true", help="print every false positive and negative")
    args = ap.parse_args(argv)
    lines = load_gold(args.gold)
    rec = Recogniser()
    for name, subset in (("all", lines), ("from samples", [x for x in lines if not x.fresh]),
                         ("fresh only", [x for x in lines if x.fresh])):
        counts = evaluate(subset, rec, errors=args.errors and name == "all")
        text, _ = table(counts)
        print(f"\n== {name}: {len(subset)} sentences")
        print(text)
    print(f"\nrecogniser speed: {speed(rec):.0f} articles/s on the bundled samples (one core)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
