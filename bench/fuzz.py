"""A long fuzz run of the parsers: the article parser, the date normaliser, the entity recogniser
and the query parser, on random and domain-shaped inputs. Invariants: no exception (QueryError
allowed for queries), every span inside the text, on the right characters, sorted and not
overlapping. The test suite runs the same properties with hypothesis on fewer inputs.

    python bench/fuzz.py --inputs 1000000 [--seed 1]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from store.dates import find_dates, parse_date  # noqa: E402
from store.entities import Recogniser  # noqa: E402
from store.errors import QueryError  # noqa: E402
from store.formats import RawDoc  # noqa: E402
from store.parse import parse_article  # noqa: E402
from store.query import parse as parse_query  # noqa: E402

TOKENS = [
    "Polres", "Polsek", "Polda", "Kaltim", "AKBP", "Kombes", "Pol.", "Kombespol", "S.I.K.,", "M.H.", "Aiptu",
    "Kapolres", "Senin", "(25/11/2024)", "(27/11)", "Rabu", "27", "Novemver", "2024", "kemarin", "1.112",
    "personel", "TNI", "KPU", "Kabupaten", "Bawaslu", "Pilkada", "PSU", "Desa", "Kecamatan", "BACA JUGA:",
    "Editor:", "--", "\n", "\n\n", "\r\n", "\t", " ", ",", ".", "–", "—", "-", "(", ")", "[bold]", "[/]",
    "\x1b[31m", "\u202e", "\u200b", "\x00", "\ufeff", "é", "’", "“", "status:", "type:", "date:", '"', "..",
    "2024-11", "label:PERSON=", "dup:yes", "unit:", "outlet:", "-", "#", "##", "*", "\\*", "•", "ANTARA",
]
ALPHABET = "abcXYZ019 .,:;-–()[]/\\\"'\n\t\r\x1b\u00a0\u200b\u202eé’ÆΩ中\U0001f600"


def random_text(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return "".join(rng.choice(TOKENS) + (" " if rng.random() < 0.6 else "") for _ in range(rng.randint(0, 60)))
    return "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 200)))


def check_spans(text: str, spans: list[tuple[int, int]], what: str) -> None:
    last = 0
    for s, e in spans:
        if not (0 <= s <= e <= len(text)):
            raise AssertionError(f"{what} {s}-{e} outside a text of {len(text)}")
        if s < last:
            raise AssertionError(f"{what} {s}-{e} overlaps or is out of order")
        last = e


def one(rng: random.Random, rec: Recogniser, target: str) -> None:
    text = random_text(rng)
    if target == "parse":
        p = parse_article(RawDoc("fuzz", text.replace("\r", "\n")))
        spans = [(n.start, n.end) for n in p.noise]
        check_spans(p.text, spans, "noise")
        for n in p.noise:
            assert p.text[n.start:n.end] == n.text
    elif target == "dates":
        pub = rng.choice([None, "2024-11-26", "2025-01-02", "bad"])
        check_spans(text, [(s, e) for s, e, _ in find_dates(text, pub)], "date")
        parse_date(text[:40], pub)
    elif target == "entities":
        ents = rec.recognise(text, rng.choice([None, "2024-11-26"]))
        check_spans(text, [(e.start, e.end) for e in ents], "entity")
        for e in ents:
            assert text[e.start:e.end] == e.text and e.end > e.start
    else:
        try:
            parse_query(text)
        except QueryError:
            pass


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--inputs", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    rng = random.Random(args.seed)
    rec = Recogniser()
    targets = ["parse", "dates", "entities", "query"]
    counts = dict.fromkeys(targets, 0)
    failures = 0
    start = time.perf_counter()
    for i in range(args.inputs):
        target = targets[i % 4]
        state = rng.getstate()
        try:
            one(rng, rec, target)
            counts[target] += 1
        except Exception:  # noqa: BLE001 - report every failure with a way to replay it
            failures += 1
            rng.setstate(state)
            print(f"FAIL {target} on {random_text(rng)!r}", file=sys.stderr)
            traceback.print_exc()
            if failures >= 10:
                break
        if (i + 1) % 100_000 == 0:
            print(f"{i + 1} inputs, {failures} failures, {time.perf_counter() - start:.0f} s", file=sys.stderr)
    total = sum(counts.values())
    print(f"fuzz inputs run: {total + failures} ({counts}); failures: {failures}; "
          f"{time.perf_counter() - start:.0f} s; seed {args.seed}")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
