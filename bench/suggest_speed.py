"""``python -m bench.suggest_speed``: what opening an article with its suggested records costs
in a large store (issue 11: under 50 ms at 100k articles), with records coded so the type
classifier has learned something.

Builds (once, then reuses) a store of ``--n`` synthetic articles (bench.generate) under
``--work``, codes ``--records`` records by accepting the best suggestion of that many random
articles (which also times ``accept_suggestion``), then opens ``--sample`` other random articles
cold (``Store.article`` + ``Store.suggestions``) and reports the median, p95 and worst, and the
two parts apart (reading the article from its shard is the Store's; the suggestions are what
this adds). The first call after a record change pays the classifier's refresh; timed apart.

    python -m bench.suggest_speed                    # 100k articles, 2,000 records
    python -m bench.suggest_speed --n 1000 --records 50 --sample 50   # the short variant
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import time
from pathlib import Path

import store
from bench.generate import generate

ROOT = Path(__file__).resolve().parent.parent


def build(n: int, work: Path) -> Path:
    path = work / f"suggest-store-{n}"
    if (path / ".bench-ingested").exists():
        return path
    corpus = generate(work / f"corpus-{n}", n)
    shutil.rmtree(path, ignore_errors=True)
    with store.open(path, reviewer="bench") as st:
        st.ingest([corpus])
    (path / ".bench-ingested").write_text("ok\n")
    return path


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(p * (len(values) - 1)))]


def run(n: int, records: int, sample: int, work: Path, seed: int = 11) -> dict[str, float]:
    path = build(n, work)
    rng = random.Random(seed)
    with store.open(path, reviewer="bench") as st:
        ids = [r.id for r in st.articles()]
        coded = len(st.annotations.tables["records"])
        accept_ms: list[float] = []
        for aid in rng.sample(ids, min(len(ids), max(0, records - coded))):
            t = time.perf_counter()
            got = st.suggestions(aid)
            if got:
                st.accept_suggestion(aid, got[0]["key"])
                accept_ms.append((time.perf_counter() - t) * 1000)
        st.annotations.compact()
        t = time.perf_counter()
        st.type_classifier()
        learn_ms = (time.perf_counter() - t) * 1000
        st._classifier = None  # the cost of learning every record from scratch (a fresh open)
        t = time.perf_counter()
        st.type_classifier()
        relearn_ms = (time.perf_counter() - t) * 1000
        st._recent.clear()
        open_ms: list[float] = []
        article_ms: list[float] = []
        open_cpu: list[float] = []
        suggest_cpu: list[float] = []
        shown = 0
        for aid in rng.sample(ids, min(len(ids), sample)):
            t, c = time.perf_counter(), time.process_time()
            st.article(aid)
            between, c_between = time.perf_counter(), time.process_time()
            shown += len(st.suggestions(aid))
            open_ms.append((time.perf_counter() - t) * 1000)
            article_ms.append((between - t) * 1000)
            open_cpu.append((time.process_time() - c) * 1000)
            suggest_cpu.append((time.process_time() - c_between) * 1000)
        suggest_ms = [o - a for o, a in zip(open_ms, article_ms, strict=True)]
        total_records = len(st.annotations.tables["records"])
    return {
        "articles": float(len(ids)), "records": float(total_records),
        "open_p50_ms": statistics.median(open_ms), "open_p95_ms": pct(open_ms, 0.95), "open_max_ms": max(open_ms),
        "article_p50_ms": statistics.median(article_ms), "article_p95_ms": pct(article_ms, 0.95),
        "suggest_p50_ms": statistics.median(suggest_ms), "suggest_p95_ms": pct(suggest_ms, 0.95),
        # CPU time of this process: what the work costs when the machine's cores are shared
        "open_cpu_p50_ms": statistics.median(open_cpu), "open_cpu_p95_ms": pct(open_cpu, 0.95),
        "suggest_cpu_p50_ms": statistics.median(suggest_cpu), "suggest_cpu_p95_ms": pct(suggest_cpu, 0.95),
        "suggestions_per_article": shown / max(1, len(open_ms)),
        "accept_p50_ms": statistics.median(accept_ms) if accept_ms else 0.0,
        "refresh_ms": learn_ms, "learn_all_ms": relearn_ms,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--records", type=int, default=2000)
    ap.add_argument("--sample", type=int, default=300)
    ap.add_argument("--work", type=Path, default=ROOT / "bench" / "corpora")
    args = ap.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    out = run(args.n, args.records, args.sample, args.work)
    for k, v in out.items():
        print(f"{k:24} {v:10.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
