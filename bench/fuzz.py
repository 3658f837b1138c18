"""A long fuzz run of everything that reads untrusted text: the article parser, the date finder
and normaliser, the entity recogniser and the query parser. Invariants: no exception
(QueryError allowed for queries), every span inside the text and on the right characters,
sorted and not overlapping, dates valid, and no input slower than ``--slow`` seconds (a
regular expression that backtracks catastrophically is a hang waiting for the wrong article).
The test suite checks the same properties with hypothesis on fewer inputs (tests/unit/test_fuzz.py).

Two engines:

* ``atheris`` (coverage-guided libFuzzer, ``pip install atheris``): mutates inputs towards new
  branches of tandai's own code; each input is decoded into a target and a text that is either
  free Unicode or a soup of domain words (unit names, ranks, dates in every spelling, noise
  lines, markup, control characters).
* ``random`` (no extra dependency): the same two kinds of text from a seeded generator.

    python bench/fuzz.py --inputs 1000000                 # atheris if installed, else random
    python bench/fuzz.py --inputs 1000000 --engine random --seed 5
"""

from __future__ import annotations

import argparse
import atexit
import random
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

TOKENS = [
    "Polres", "Polsek", "Polda", "Polresta", "Polrestabes", "Polres Metro", "Mapolres", "Kaltim", "Bontang",
    "Jawa Barat", "AKBP", "AKP", "Kombes", "Kombes Pol", "Pol.", "Kombespol", "S.I.K.,", "M.H.", "Aiptu",
    "Bripka", "Brigjen Pol", "Letkol Inf", "Kapten", "Serda", "Kapolres", "Kapolsek", "Wakapolda",
    "Kasat Samapta", "Bhabinkamtibmas", "Babinsa", "Kodim 0825", "Koramil", "Brimob", "Senin", "(25/11/2024)",
    "(27/11)", "27/11/2024", "Rabu", "27", "Novemver", "Oktober", "2024", "06 Oktober 2024", "Oct 7, 2024",
    "2024-11-27", "kemarin", "besok", "pukul 09.00 WIB", "1.112", "776", "personel", "TNI", "TNI-Polri", "KPU",
    "KPU Kabupaten", "Kabupaten", "Kota", "Bawaslu", "Panwascam", "PPK", "KPPS", "TPS", "Sentra Gakkumdu",
    "Satpol PP", "Linmas", "Pilkada", "Pilkada 2024", "Pemilu 2024", "PSU", "Operasi Mantap Praja", "Desa",
    "Kecamatan", "Kelurahan", "BUNGORO–", "Jakarta (ANTARA) -", "PESBAR, MEDIALAMPUNG.CO.ID -", "BACA JUGA:",
    "Baca juga:", "Tinggalkan Komentar", "Editor:", "Pewarta:", "Tags", "(Humas Polsek Bungoro)", "--", "\n",
    "\n\n", "\r\n", "\t", " ", ",", ".", "–", "—", "-", "(", ")", "[bold]", "[/]", "[link=x]", "\x1b[31m",
    "\x1b]8;;u\x07", "\u202e", "\u200b", "\x00", "\ufeff", "é", "’", "“", "status:", "type:", "date:", '"',
    "..", "2024-11", "label:PERSON=", "dup:yes", "unit:", "outlet:", "#", "##", "*", "\\*", "•", "İ", "ß", "ﬁ",
    "中", "\U0001f600",
]
ALPHABET = "abcXYZ019 .,:;-–()[]/\\\"'\n\t\r\x1b\u00a0\u200b\u202eé’ÆΩİßﬁ中\U0001f600"
TARGETS = ("parse", "dates", "entities", "query")


def check_spans(text: str, spans: list[tuple[int, int]], what: str) -> None:
    last = 0
    for s, e in spans:
        if not (0 <= s <= e <= len(text)):
            raise AssertionError(f"{what} {s}-{e} outside a text of {len(text)}")
        if s < last:
            raise AssertionError(f"{what} {s}-{e} overlaps or is out of order")
        last = e


def _valid_iso(value: str) -> bool:
    try:
        return date.fromisoformat(value[:10]).isoformat() == value[:10]
    except ValueError:
        return False


def make_checker() -> Callable[[str, str, str | None], None]:
    """The invariants, as one function of (target, text, published)."""
    from store.errors import QueryError
    from store.search.query import parse as parse_query
    from store.sources.formats import RawDoc
    from store.text.dates import find_dates, parse_date
    from store.text.entities import Recogniser
    from store.text.parse import parse_article

    rec = Recogniser()

    def check(target: str, text: str, published: str | None) -> None:
        if target == "parse":
            p = parse_article(RawDoc("fuzz.txt", text.replace("\r\n", "\n").replace("\r", "\n")))
            check_spans(p.text, [(n.start, n.end) for n in p.noise], "noise")
            for n in p.noise:
                assert p.text[n.start : n.end] == n.text, "noise text"
            assert p.published is None or _valid_iso(p.published), p.published
        elif target == "dates":
            found = find_dates(text, published)
            check_spans(text, [(s, e) for s, e, _ in found], "date")
            for _, _, value in found:
                assert value is None or _valid_iso(value), value
            value = parse_date(text[:40], published)
            assert value is None or (_valid_iso(value) and parse_date(value, published) == value), value
        elif target == "entities":
            ents = rec.recognise(text, published)
            check_spans(text, [(e.start, e.end) for e in ents], "entity")
            for e in ents:
                assert text[e.start : e.end] == e.text and e.end > e.start, "entity text"
        else:
            try:
                parse_query(text)
            except QueryError:
                pass

    return check


# -- the random engine ------------------------------------------------------------------------------


def random_text(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return "".join(rng.choice(TOKENS) + (" " if rng.random() < 0.6 else "") for _ in range(rng.randint(0, 60)))
    return "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 200)))


def run_random(inputs: int, seed: int, slow: float) -> int:
    check = make_checker()
    rng = random.Random(seed)
    counts = dict.fromkeys(TARGETS, 0)
    failures = 0
    worst = 0.0
    start = time.perf_counter()
    for i in range(inputs):
        target = TARGETS[i % 4]
        text = random_text(rng)
        published = rng.choice([None, "2024-11-26", "2025-01-02", "bad"])
        t0 = time.perf_counter()
        try:
            check(target, text, published)
            counts[target] += 1
        except Exception:  # noqa: BLE001 - report every failure with the input that caused it
            failures += 1
            print(f"FAIL {target} on {text!r} (published {published!r})", file=sys.stderr)
            traceback.print_exc()
        took = time.perf_counter() - t0
        worst = max(worst, took)
        if took > slow:
            failures += 1
            print(f"SLOW {target}: {took:.2f} s on {text!r}", file=sys.stderr)
        if failures >= 10:
            break
        if (i + 1) % 100_000 == 0:
            print(f"{i + 1} inputs, {failures} failures, {time.perf_counter() - start:.0f} s", file=sys.stderr)
    total = sum(counts.values())
    print(f"fuzz inputs run: {total + failures} ({counts}); failures: {failures}; slowest input "
          f"{worst * 1000:.1f} ms; {time.perf_counter() - start:.0f} s; engine random, seed {seed}")
    return 1 if failures else 0


# -- the atheris engine -----------------------------------------------------------------------------


def run_atheris(inputs: int, seed: int, slow: float, artifacts: Path) -> int:
    import atheris

    with atheris.instrument_imports(include=["store"]):
        check = make_checker()
    counts = dict.fromkeys(TARGETS, 0)
    started = time.perf_counter()

    def one_input(data: bytes) -> None:
        fdp = atheris.FuzzedDataProvider(data)
        target = TARGETS[fdp.ConsumeIntInRange(0, 3)]
        published = (None, "2024-11-26", "2025-01-02", "bad")[fdp.ConsumeIntInRange(0, 3)]
        if fdp.ConsumeBool():  # domain soup: token indices chosen by the fuzzer
            n = fdp.ConsumeIntInRange(0, 80)
            text = "".join(TOKENS[fdp.ConsumeIntInRange(0, len(TOKENS) - 1)] + (" " if fdp.ConsumeBool() else "")
                           for _ in range(n))
        else:
            text = fdp.ConsumeUnicodeNoSurrogates(fdp.remaining_bytes())
        counts[target] += 1
        check(target, text, published)

    def summary() -> None:
        total = sum(counts.values())
        print(f"fuzz inputs run: {total} ({counts}); {time.perf_counter() - started:.0f} s; engine atheris "
              f"(libFuzzer, coverage-guided), seed {seed}; a failure stops the run with a traceback and a "
              f"crash file in {artifacts}", flush=True)

    atexit.register(summary)
    artifacts.mkdir(parents=True, exist_ok=True)
    argv = [sys.argv[0], f"-runs={inputs}", f"-seed={seed}", f"-timeout={max(1, int(slow))}",
            "-max_len=4096", f"-artifact_prefix={artifacts}/", "-print_final_stats=1"]
    atheris.Setup(argv, one_input)
    atheris.Fuzz()  # exits the process when done
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--inputs", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--engine", choices=("auto", "atheris", "random"), default="auto")
    ap.add_argument("--slow", type=float, default=2.0, help="seconds one input may take")
    ap.add_argument("--artifacts", type=Path, default=Path(tempfile.gettempdir()) / "tandai-fuzz",
                    help="where atheris writes the input of a failure")
    args = ap.parse_args(argv)
    engine = args.engine
    if engine == "auto":
        try:
            import atheris  # noqa: F401
        except ImportError:
            engine = "random"
        else:
            engine = "atheris"
    if engine == "atheris":
        return run_atheris(args.inputs, args.seed, args.slow, args.artifacts)
    return run_random(args.inputs, args.seed, args.slow)


if __name__ == "__main__":
    raise SystemExit(main())
