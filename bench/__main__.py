"""The benchmark harness: every figure issue 5 asks for, measured in one run.

    python -m bench --sizes 1000,10000,100000 [--json FILE] [--work DIR] [--no-app]

Corpora and stores are kept under --work (default bench/corpora) and reused when the size and
seed match, so a second run measures without regenerating or re-ingesting.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import store
from bench.generate import generate

ROOT = Path(__file__).resolve().parent.parent

QUERIES = [
    "patroli", "pengamanan tps", "polres bontang", "kapolres", "apel gelar pasukan", "distribusi logistik",
    "koordinasi bawaslu", "cooling system", "unjuk rasa", "personel bko", "satbrimob", "kodim",
    "tps rawan", "jumat curhat", "pilkada 2024", "rekapitulasi", "masa tenang", "sambang", "polsek sukamaju",
    "kecamatan sungai raya", "polda kaltim", "kampanye", "patroli gabungan", "deklarasi damai",
    "status:todo patroli", "type:patrol", "date:2024-11 pengamanan", "outlet:antara", "dup:no apel",
    "label:PERSONNEL", '"patroli dialogis"', "logistik pilkada", "tokoh agama", "gudang kpu",
]


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    k = min(len(values) - 1, max(0, round(p / 100 * (len(values) - 1))))
    return values[k]


def keystroke_queries(n: int = 200) -> list[str]:
    """Every prefix of realistic queries, as typed: at least ``n`` keystrokes."""
    out: list[str] = []
    rng = random.Random(3)
    while len(out) < n:
        q = rng.choice(QUERIES)
        out.extend(q[: i + 1] for i in range(len(q)))
    return out


def ingest(size: int, work: Path) -> tuple[Path, Path, float | None]:
    corpus = generate(work / f"corpus-{size}", size)
    path = work / f"store-{size}"
    marker = path / ".bench-ingested"
    if marker.exists():  # reused: report the rate measured when it was ingested
        added, seconds = marker.read_text().split()
        return corpus, path, int(added) / float(seconds)
    shutil.rmtree(path, ignore_errors=True)
    with store.open(path) as st:
        start = time.perf_counter()
        report = st.ingest([corpus])
        seconds = time.perf_counter() - start
    marker.write_text(f"{report.added} {seconds}\n")
    return corpus, path, report.added / seconds


def measure_open(path: Path, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        st = store.open(path, read_only=True)
        result = st.search("", limit=200)
        assert result.rows
        times.append(time.perf_counter() - start)
        st.close()
    return statistics.median(times)


def measure_search(path: Path) -> tuple[float, float, list[str]]:
    st = store.open(path, read_only=True)
    times = []
    queries = keystroke_queries(240)
    for q in queries:
        start = time.perf_counter()
        res = st.search(q, limit=50)
        _ = res.total, res.rows
        times.append((time.perf_counter() - start) * 1000)
    st.close()
    return pct(times, 50), pct(times, 95), queries


def measure_grep(corpus: Path, sample: int = 12) -> float:
    """`grep -ril WORD` over the same corpus: the terminal user's alternative (ms per query)."""
    words = [q.split()[0].strip('"') for q in QUERIES if ":" not in q][:sample]
    times = []
    for w in words:
        start = time.perf_counter()
        subprocess.run(["grep", "-ril", w, str(corpus)], capture_output=True)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def measure_save(path: Path, records: int) -> tuple[float, float]:
    """Durable record saves (add + update), after the store holds ``records`` records."""
    work = path.parent / (path.name + f"-save-{records}")
    if not work.exists():
        shutil.copytree(path, work, ignore=shutil.ignore_patterns("write.lock", "write.owner"))
    with store.open(work, reviewer="bench") as st:
        ids = [r.id for r in st.search("", limit=1000).rows] or [a.id for a in st.articles()]
        session = random.Random(9).sample(ids, min(20, len(ids)))  # the articles a reviewer has open
        have = len(st.records())
        rng = random.Random(5)
        for i in range(have, records):
            aid = ids[i % len(ids)]
            st.add_record(aid, type="patrol", unit="Polres Bench", evidence=[{"start": 0, "end": 10}])
        times = []
        for _ in range(200):
            aid = rng.choice(session)
            start = time.perf_counter()
            rec = st.add_record(aid, type="escort", unit="Polres Bench", evidence=[{"start": 0, "end": 10}])
            times.append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            st.update_record(rec.id, notes="x")
            times.append((time.perf_counter() - start) * 1000)
            st.delete_record(rec.id)
    return pct(times, 50), pct(times, 95)


def measure_rss(path: Path) -> float:
    """Peak RSS (MB) of a fresh process that opens the store and searches. VmHWM, not ru_maxrss:
    Linux carries ru_maxrss across execve, so a child would report its parent's peak."""
    code = (
        f"import store; st = store.open({str(path)!r}, read_only=True)\n"
        "for q in ['', 'patroli', 'pengamanan tps', 'status:todo kapolres', 'date:2024-11 apel']:\n"
        "    st.search(q, limit=200)\n"
        "print(next(l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})
    return int(out.stdout.strip()) / 1024


def measure_app(path: Path) -> tuple[float, float, float]:
    """In the app through the pilot: open-to-list, and keystroke-to-updated-list p50/p95 (ms)."""
    from tui.app import TandaiApp
    from tui.widgets.article_list import ArticleList

    async def run() -> tuple[float, float, float]:
        start = time.perf_counter()
        app = TandaiApp(path, reviewer="bench", config={})
        async with app.run_test(size=(160, 50)) as pilot:
            while app.query_one(ArticleList).option_count == 0:
                await pilot.pause(0.001)
            opened = time.perf_counter() - start
            times = []
            for q in keystroke_queries(60)[:60]:
                last = app.workbench.listing
                t = time.perf_counter()
                app.query_one("#search").value = q  # type: ignore[attr-defined]
                while app.workbench.listing is last:
                    await pilot.pause(0.0005)
                await pilot.pause(0)
                times.append((time.perf_counter() - t) * 1000)
        return opened, pct(times, 50), pct(times, 95)

    return asyncio.run(run())


def machine() -> str:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = "?"
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f"{kb / 2**20:.0f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    return f"{os.cpu_count()} cores, {cpu}, {mem} RAM, Python {platform.python_version()}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--json", type=Path)
    ap.add_argument("--work", type=Path, default=ROOT / "bench" / "corpora")
    ap.add_argument("--no-app", action="store_true", help="skip the measurements through the app")
    args = ap.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    args.work.mkdir(parents=True, exist_ok=True)
    rows: dict[int, dict[str, float | None]] = {}
    for size in sizes:
        corpus, path, rate = ingest(size, args.work)
        row: dict[str, float | None] = {"ingest_per_s": rate}
        row["open_s"] = measure_open(path)
        row["search_p50_ms"], row["search_p95_ms"], _ = measure_search(path)
        row["grep_ms"] = measure_grep(corpus)
        row["rss_mb"] = measure_rss(path)
        if not args.no_app:
            row["app_open_s"], row["app_key_p50_ms"], row["app_key_p95_ms"] = measure_app(path)
        rows[size] = row
        print(f"measured {size}: {row}", file=sys.stderr)
    small, large = min(sizes), max(sizes)
    save_small = measure_save(args.work / f"store-{small}", 100)
    save_large = measure_save(args.work / f"store-{large}", max(100, large // 5) if large >= 10000 else 100)
    print(f"\ntandai benchmarks · {time.strftime('%Y-%m-%d')} · {machine()}")
    print(f"command: python -m bench --sizes {args.sizes}{' --no-app' if args.no_app else ''}\n")
    cols = ["ingest_per_s", "open_s", "search_p50_ms", "search_p95_ms", "grep_ms", "rss_mb", "app_open_s",
            "app_key_p50_ms", "app_key_p95_ms"]
    print("| articles | " + " | ".join(cols) + " |")
    print("|---" * (len(cols) + 1) + "|")
    for size, row in rows.items():
        cells = []
        for c in cols:
            v = row.get(c)
            cells.append("-" if v is None else f"{v:.3g}")
        print(f"| {size} | " + " | ".join(cells) + " |")
    big = rows[large]
    ratio_grep = (big["search_p95_ms"] or 0) / (big["grep_ms"] or 1)
    ratio_open = (big["open_s"] or 0) / (rows[small]["open_s"] or 1)
    ratio_save = save_large[1] / save_small[1] if save_small[1] else float("nan")
    print(f"\nsave p50/p95 ms: {small} articles + 100 records: {save_small[0]:.2f}/{save_small[1]:.2f}; "
          f"{large} articles + {max(100, large // 5) if large >= 10000 else 100} records: "
          f"{save_large[0]:.2f}/{save_large[1]:.2f}")
    checks = [
        (f"search p95 <= 5 ms at {large}", (big["search_p95_ms"] or 99) <= 5),
        (f"search p95 / grep <= 1/50 (ratio {ratio_grep:.4f})", ratio_grep <= 1 / 50),
        (f"open({large}) <= 1 s", (big["open_s"] or 99) <= 1),
        (f"open({large}) / open({small}) <= 2 (ratio {ratio_open:.2f})", ratio_open <= 2),
        ("save p95 <= 10 ms", save_large[1] <= 10),
        (f"save(large) / save(small) <= 1.5 (ratio {ratio_save:.2f})", ratio_save <= 1.5),
        ("ingest >= 2000 articles/s", all((r["ingest_per_s"] or 1e9) >= 2000 for r in rows.values())),
        (f"RSS <= 600 MB with {large} open", (big["rss_mb"] or 1e9) <= 600),
    ]
    print()
    for name, ok in checks:
        print(f"{'PASS' if ok else 'MISS'}  {name}")
    if args.json:
        args.json.write_text(json.dumps({"rows": rows, "save_small": save_small, "save_large": save_large,
                                         "checks": dict(checks), "machine": machine()}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
