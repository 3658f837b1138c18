"""How long the stats figures take on a large store (issue 14: under 1 s at 100k articles and
20k records).

Builds the store through the API: the synthetic corpus of ``bench.generate`` ingested (the
same ``store-N`` folder ``python -m bench`` keeps and reuses under ``--work``), copied, then
``--records`` activity records (units, places and dates spread over the election calendar) and
three reviewers' statuses merged in from a tandai JSONL export (``store.merge``).
Then it times ``store.stats.figures`` in the process (median and max of ``--repeat``) and the
whole commands ``tandai stats --json`` and ``--plot`` (a fresh process: opening included).

    python bench/bench_stats.py --articles 100000 --records 20000 --work /tmp/benchwork
    python bench/bench_stats.py --articles 1000 --records 500       # the short variant
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import orjson

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import store
from bench.__main__ import ingest
from store.merge import merge
from store.stats import figures
from store.text.phases import phase_for
from store.text.regions import REGENCIES

TYPES = ["patrol", "static_guard", "escort", "coordination", "troop_deployment", "ceremony_apel",
         "community_outreach", "planning", "incident_response", "other"]


def build(articles: int, records: int, work: Path, per_article: int, seed: int = 11) -> Path:
    """The ingested corpus copied, with records and statuses (reused when already built)."""
    _, base, _ = ingest(articles, work)
    path = work / f"store-{articles}-stats-{records}-{per_article}"
    marker = path / ".bench-stats-built"
    if marker.exists():
        return path
    shutil.rmtree(path, ignore_errors=True)
    shutil.copytree(base, path, ignore=shutil.ignore_patterns("write.lock", "write.owner", ".bench-*"))
    rng = random.Random(seed)
    places = [(province, name.split("=")[0]) for province, names in REGENCIES.items() for name in names.split("|")]
    units = [f"Polres {name}" for _, name in places] + [f"Polda {p}" for p in REGENCIES] + \
        [f"Polsek Unit {i}" for i in range(300)]
    start = time.perf_counter()
    # Records and statuses arrive as a tandai JSONL export merged in (store.merge: one journalled
    # change), the way a team's work reaches a store: add_record one by one pays a shard read
    # and an fsync each (about 70 ms apiece at 100k on a busy machine; 20k would take 25 min).
    export = work / f"stats-export-{articles}-{records}-{per_article}.jsonl"
    stamp = "2024-12-01T10:00:00+00:00"
    with store.open(path, reviewer="rina", read_only=True) as st:
        rows = sorted(st.articles(), key=lambda row: (row.shard, row.id))  # few shard reads
        coded = -(-records // per_article)
        lines = min(len(rows), max(coded, 3 * coded))  # statuses for more articles than coded
        n = 0
        with export.open("wb") as fh:
            for i, row in enumerate(rows[:lines]):
                text = st.article(row.id, corrected=False).text
                recs = []
                for _ in range(per_article if i < coded and n < records else 0):
                    day = date(2024, 8, 1) + timedelta(days=rng.randrange(190))
                    iso = None if rng.random() < 0.05 else day.isoformat()
                    recs.append({"id": f"bench{n:07d}", "article_id": row.id, "reviewer": "rina",
                                 "type": rng.choice(TYPES), "unit": rng.choice(units), "date": iso,
                                 "location": rng.choice(places)[1] if rng.random() < 0.6 else None,
                                 "partners": [], "personnel": None, "phase": phase_for(iso),
                                 "evidence": [{"start": 0, "end": 20, "text": text[:20]}], "notes": "",
                                 "created": stamp, "updated": stamp})
                    n += 1
                statuses = {r: rng.choice(["done", "done", "done", "skipped", "irrelevant", "in_progress"])
                            for r in ("rina", "budi", "sari") if rng.random() < 0.5}
                fh.write(orjson.dumps({"id": row.id, "text": text, "records": recs, "statuses": statuses}) + b"\n")
    print(f"  export written in {time.perf_counter() - start:.0f} s", file=sys.stderr)
    with store.open(path, reviewer="rina") as st:
        report = merge(st, [export])
    print(f"  merged: {report}", file=sys.stderr)
    print(f"  built in {time.perf_counter() - start:.0f} s", file=sys.stderr)
    marker.write_text("ok\n")
    return path


def timed_command(path: Path, *args: str) -> float:
    tandai = Path(sys.executable).with_name("tandai")
    start = time.perf_counter()
    subprocess.run([str(tandai), "--store", str(path), "stats", *args], check=True, capture_output=True)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--records", type=int, default=20_000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--per-article", type=int, default=1,
                    help="records per coded article (more: a faster build; the figures cost the same)")
    ap.add_argument("--work", type=Path, default=None, help="where corpora and stores are kept (reused)")
    ap.add_argument("--limit", type=float, default=1.0, help="fail above this many seconds (default 1)")
    args = ap.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-stats-"))
    path = build(args.articles, args.records, work, args.per_article)
    with store.open(path, reviewer="rina", read_only=True) as st:
        start = time.perf_counter()
        first = figures(st)
        cold = time.perf_counter() - start
        statuses = sum(1 for _ in st.annotations.values("status"))
        runs = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            figures(st)
            runs.append(time.perf_counter() - start)
    result = {
        "articles": first["articles"], "records": first["records"], "units": first["by_unit"]["units"],
        "statuses": statuses,
        "figures_first_s": round(cold, 3), "figures_median_s": round(statistics.median(runs), 3),
        "figures_max_s": round(max(runs), 3),
        "stats_json_command_s": round(timed_command(path, "--json"), 2),
        "stats_plot_command_s": round(timed_command(path, "--plot"), 2),
    }
    print(json.dumps(result, indent=1))
    ok = max(cold, *runs) < args.limit
    print(f"figures under {args.limit} s: {'PASS' if ok else 'FAIL'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
