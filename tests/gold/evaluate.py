"""Precision, recall and F1 per label of the entity recogniser on a hand-made gold set, and its
speed on the bundled samples.

    python -m bench.eval_entities [--gold tests/gold/entities.jsonl] [--errors] [--seconds 3]

The gold file is JSONL (one object per line: source, published, text, entities with code-point
offsets) or, for a ``.txt`` file, one sentence a line with inline marks ``[text](LABEL)``,
``[text](DATE=YYYY-MM-DD)``, ``[text](PERSONNEL=N)``. Matching is exact: same start, end and
label. A DATE or PERSONNEL match whose normalised value differs is counted as a value error.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from store.model import LABELS
from store.text.entities import Recogniser

ROOT = Path(__file__).resolve().parent.parent.parent

GOLD = ROOT / "tests" / "gold" / "entities.jsonl"
_MARK = re.compile(r"\[([^\]]+)\]\(([A-Z_]+)(?:=([^)]*))?\)")


@dataclass(slots=True)
class GoldLine:
    text: str
    published: str | None
    spans: list[tuple[int, int, str, str | None]]  # start, end, label, value (as a string)
    fresh: bool
    source: str = ""


def _load_jsonl(path: Path) -> list[GoldLine]:
    out: list[GoldLine] = []
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip():
            continue
        try:
            row = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}:{n}: not JSON ({exc})") from exc
        spans = [
            (int(e["start"]), int(e["end"]), str(e["label"]), None if e.get("value") is None else str(e["value"]))
            for e in row.get("entities", [])
        ]
        source = str(row.get("source") or "")
        out.append(GoldLine(row["text"], row.get("published"), spans, source == "fresh", source))
    return out


def _load_marked(path: Path) -> list[GoldLine]:
    """The inline-marked format: ``## fresh`` starts the lines written only for the set."""
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
        parts: list[str] = []
        spans = []
        pos = length = 0
        for mark in _MARK.finditer(raw):
            before = raw[pos:mark.start()]
            parts.append(before)
            length += len(before)
            start = length
            parts.append(mark.group(1))
            length += len(mark.group(1))
            spans.append((start, length, mark.group(2), mark.group(3)))
            pos = mark.end()
        parts.append(raw[pos:])
        out.append(GoldLine("".join(parts), published, spans, fresh, "fresh" if fresh else "gold.txt"))
    return out


def load_gold(path: Path = GOLD) -> list[GoldLine]:
    """Gold lines with plain text and entity offsets, from either format."""
    return _load_jsonl(path) if path.suffix in (".jsonl", ".ndjson") else _load_marked(path)


def evaluate(lines: list[GoldLine], recogniser: Recogniser, errors: bool = False) -> dict[str, Counter[str]]:
    """Exact span + label matching; counts tp/fp/fn per label (and value errors on matches)."""
    counts: dict[str, Counter[str]] = {label: Counter() for label in LABELS}
    for line in lines:
        gold = {(s, e, lab) for s, e, lab, _ in line.spans}
        values = {(s, e, lab): v for s, e, lab, v in line.spans}
        found = recogniser.recognise(line.text, line.published)
        pred = {(x.start, x.end, x.label) for x in found}
        pvals = {(x.start, x.end, x.label): x.value for x in found}
        for key in sorted(gold & pred):
            counts[key[2]]["tp"] += 1
            want = values[key]
            if want is not None and str(pvals[key]) != want:
                counts[key[2]]["value_wrong"] += 1
                if errors:
                    print(f"  VAL {key[2]:13} {line.text[key[0]:key[1]]!r:38} {pvals[key]!r} != {want!r}")
        for key in sorted(pred - gold):
            counts[key[2]]["fp"] += 1
            if errors:
                print(f"  FP {key[2]:14} {line.text[key[0]:key[1]]!r:40} | {_context(line.text, key)}")
        for key in sorted(gold - pred):
            counts[key[2]]["fn"] += 1
            if errors:
                print(f"  FN {key[2]:14} {line.text[key[0]:key[1]]!r:40} | {_context(line.text, key)}")
    return counts


def _context(text: str, key: tuple[int, int, str]) -> str:
    s = max(0, key[0] - 35)
    return text[s:key[1] + 35].replace("\n", " ")


def scores(c: Counter[str]) -> tuple[float, float, float]:
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def micro(counts: dict[str, Counter[str]]) -> tuple[float, float, float]:
    total: Counter[str] = Counter()
    for c in counts.values():
        total.update(c)
    return scores(total)


def table(counts: dict[str, Counter[str]]) -> tuple[str, float]:
    rows = [f"{'label':14} {'gold':>5} {'found':>5} {'P':>6} {'R':>6} {'F1':>6}  value errors"]
    total: Counter[str] = Counter()
    for label, c in counts.items():
        total.update(c)
        p, r, f = scores(c)
        rows.append(
            f"{label:14} {c['tp'] + c['fn']:5d} {c['tp'] + c['fp']:5d} {p:6.3f} {r:6.3f} {f:6.3f}  {c['value_wrong']}"
        )
    p, r, f = scores(total)
    rows.append(
        f"{'micro':14} {total['tp'] + total['fn']:5d} {total['tp'] + total['fp']:5d} {p:6.3f} {r:6.3f} {f:6.3f}"
        f"  {total['value_wrong']}"
    )
    return "\n".join(rows), f


def sample_texts() -> list[tuple[str, str | None, list]]:
    """The bundled sample articles as ingest would parse them (text, published, noise)."""
    from store.sources.formats import RawDoc, iter_paths, read_source
    from store.text.parse import parse_article

    docs = []
    for p in iter_paths([str(ROOT / "sample_articles")]):
        if isinstance(p, Path):
            for d in read_source(p):
                if isinstance(d, RawDoc):
                    a = parse_article(d)
                    docs.append((a.text, a.published, list(a.noise)))
    return docs


def speed(recogniser: Recogniser, seconds: float = 3.0) -> tuple[float, float]:
    """Articles per second and their mean size in KB, recognising the samples over and over;
    each pass with a fresh recogniser, so that its cache of sentences seen is no help."""
    docs = sample_texts()
    if not docs:
        return 0.0, 0.0
    n = 0
    chars = 0
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        recogniser = type(recogniser)()
        for text, published, noise in docs:
            recogniser.recognise(text, published, noise)
            n += 1
            chars += len(text)
    elapsed = time.perf_counter() - start
    return n / elapsed, chars / n / 1024


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--errors", action="store_true", help="print every false positive, negative and bad value")
    ap.add_argument("--seconds", type=float, default=3.0, help="how long to measure speed (0: skip)")
    args = ap.parse_args(argv)
    rec = Recogniser()
    if args.gold.exists():
        lines = load_gold(args.gold)
        subsets = (
            ("all", lines),
            ("from samples", [x for x in lines if not x.fresh]),
            ("fresh only", [x for x in lines if x.fresh]),
        )
        for name, subset in subsets:
            if not subset:
                continue
            counts = evaluate(subset, rec, errors=args.errors and name == "all")
            text, _ = table(counts)
            print(f"\n== {args.gold.name}, {name}: {len(subset)} lines")
            print(text)
    else:
        print(f"no gold file at {args.gold}: accuracy not measured")
    if args.seconds > 0:
        rate, kb = speed(rec, args.seconds)
        print(f"\nrecogniser speed: {rate:,.0f} articles/s (mean {kb:.1f} KB) on the bundled samples, one core;"
              f" {rate * kb / 4:,.0f} articles/s scaled to 4 KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
