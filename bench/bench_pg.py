"""The PostgreSQL store's figures (issue 15): opening, saving, searching, eight reviewers at once.

    python bench/bench_pg.py                      # 100k articles, 8 × 500 changes (about 10 minutes)
    python bench/bench_pg.py --size 20000         # a smaller database, the same measurements
    python bench/bench_pg.py --short              # CI: 2k articles, 8 × 50 changes (under a minute)
    python bench/bench_pg.py --url postgresql://… # an existing server (a new database is made in it)

It starts its own server (tests/pg/server.py: the machine's binaries, as ``nobody`` when run as
root) unless given ``--url``. The corpus: ``--parsed`` generated articles ingested through the
real parser, then repeated under new ids up to ``--size`` (ingesting 100k through the parser
would take minutes on two cores and measures ingest, not the database). Measured:

- first open: a machine with no cache: shards and the search index built from the database;
- warm open: ``store.open`` plus the first screen, the cache up to date (median of 5, and max);
- save: add a record to an article not opened before, edit it, set a status, each one committed
  transaction on loopback; each save is followed by the floor: a one-row INSERT committed on the
  same server (the disk's fsync, which no client can beat), so both are taken in the same second;
  the round trips a save makes are counted from libpq's own protocol trace;
- search over typed prefixes (the ``python -m bench`` queries), after the saves, so the
  annotation filters have records and statuses to look at;
- 8 processes × N changes through the API on the same database: each process opens its own copy
  of the warm cache (copied once: the run measures the changes, not eight cache builds):
  acknowledged, conflicts, every acknowledged change present.

Beside every latency: CPU per operation (``time.process_time``), the commit floor measured in the
same minute, and the machine's load average: on a shared machine a wall-clock figure means little
without them.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import psycopg  # noqa: E402

import store  # noqa: E402
from bench.__main__ import keystroke_queries, pct  # noqa: E402
from bench.generate import generate  # noqa: E402
from store.pg import add_member, init_database  # noqa: E402
from store.pg.articles import push_articles  # noqa: E402
from tests.pg.server import PgServer  # noqa: E402
from tests.pg.test_concurrency import acknowledged, run_workers, verify  # noqa: E402


def seed_database(url: str, work: Path, articles: int, parsed: int) -> float:
    """Parsed articles, repeated under new ids up to ``articles``; returns seconds spent."""
    start = time.perf_counter()
    corpus = generate(work / f"corpus-{parsed}", parsed)
    with store.open(work / "seed", reviewer="bench") as st:
        st.ingest([corpus])
        rows = [(st.article(s["id"], corrected=False).to_dict(), s.get("sig") or [])
                for _, s in st.corpus.iter_summaries()]
    with psycopg.connect(url, autocommit=True) as conn:
        chunk: list[tuple[dict[str, object], list[int]]] = []
        made = 0
        copy = 0
        while made < articles:
            for doc, sig in rows:
                if made >= articles:
                    break
                if copy:
                    doc = {**doc, "id": hashlib.blake2b(f"{doc['id']}/{copy}".encode(), digest_size=8).hexdigest(),
                           "duplicate_of": None}
                chunk.append((doc, sig))
                made += 1
                if len(chunk) == 5000:
                    push_articles(url, chunk, conn)
                    chunk = []
            copy += 1
        if chunk:
            push_articles(url, chunk, conn)
    return time.perf_counter() - start


def team_database(admin: str, name: str) -> str:
    """A new database with the tandai schema; rina a reviewer, ayu an adjudicator."""
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
        for role in ("rina", "ayu"):
            try:
                conn.execute(f"CREATE ROLE {role} LOGIN")
            except psycopg.errors.DuplicateObject:
                pass
    url = admin.rsplit("/", 1)[0] + f"/{name}"
    init_database(url)
    add_member(url, "rina")
    add_member(url, "ayu", adjudicator=True)
    return url


class Figures(dict[str, object]):
    """Each figure is printed as it is measured: a run that fails later still leaves them."""

    def __setitem__(self, key: str, value: object) -> None:
        super().__setitem__(key, value)
        print(f"{key:28} {value}", flush=True)

    def update(self, other: dict[str, object]) -> None:  # type: ignore[override]
        for k, v in other.items():
            self[k] = v


def load() -> float:
    return round(os.getloadavg()[0], 2)


class Floor:
    """The server's cost of one durable commit (a one-row INSERT in autocommit): the WAL fsync
    and a round trip, the floor under any save. Kept open so it can be sampled beside a figure."""

    def __init__(self, url: str) -> None:
        self.conn = psycopg.connect(url, autocommit=True)
        self.conn.execute("CREATE TABLE IF NOT EXISTS public.bench_floor (x int)")

    def once(self) -> float:
        start = time.perf_counter()
        self.conn.execute("INSERT INTO public.bench_floor VALUES (1)")
        return (time.perf_counter() - start) * 1000

    def sample(self, n: int = 150) -> list[float]:
        return [self.once() for _ in range(n)]

    def close(self) -> None:
        self.conn.close()


def beside(floor: list[float]) -> str:
    """What a latency is read against: the floor in the same minute, and the machine's load."""
    return f"floor p50/p95 {pct(floor, 50):.2f}/{pct(floor, 95):.2f} ms, load {load()}"


def latency(out: Figures, name: str, wall: list[float], cpu: list[float], floor: list[float]) -> None:
    out[f"{name}_p50_ms"], out[f"{name}_p95_ms"] = round(pct(wall, 50), 2), round(pct(wall, 95), 2)
    out[f"{name}_cpu_p50_ms"], out[f"{name}_cpu_p95_ms"] = round(pct(cpu, 50), 3), round(pct(cpu, 95), 3)
    out[f"{name}_floor_p50_ms"], out[f"{name}_floor_p95_ms"] = round(pct(floor, 50), 2), round(pct(floor, 95), 2)
    out[f"{name}_load"] = load()
    print(f"  -> {name} p50/p95 {pct(wall, 50):.2f}/{pct(wall, 95):.2f} ms, CPU p50/p95 "
          f"{pct(cpu, 50):.2f}/{pct(cpu, 95):.2f} ms | {beside(floor)}", flush=True)


class RoundTrips:
    """Counts the messages a connection sends that wait for the server (Sync, Query), from
    libpq's protocol trace: what one save costs in round trips, read from the wire."""

    def __init__(self, conn: psycopg.Connection[object], work: Path) -> None:
        self.conn = conn
        self.path = work / "libpq.trace"
        self.file = self.path.open("w")
        conn.pgconn.trace(self.file.fileno())
        conn.pgconn.set_trace_flags(psycopg.pq.Trace.SUPPRESS_TIMESTAMPS)

    def stop(self) -> int:
        self.conn.pgconn.untrace()
        self.file.close()
        return sum(1 for line in self.path.read_text().splitlines()
                   if line.split("\t")[:1] == ["F"] and line.split("\t")[2:3] in (["Sync"], ["Query"]))


def timed_open(url: str) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    with store.open(url) as st:
        assert st.search("", limit=200).rows
        took = time.perf_counter() - wall, time.process_time() - cpu
    return took


def saves(st: store.Store, ids: list[str], floor: Floor, n: int) -> dict[str, tuple[list[float], ...]]:
    """n × (add a record to an article not opened before, edit it, set a status), each followed
    by one floor commit; returns wall and CPU ms per kind, and the floor beside them."""
    kinds: dict[str, tuple[list[float], list[float]]] = {k: ([], []) for k in ("add", "edit", "status")}
    floors: list[float] = []
    beyond: list[float] = []  # each save less the floor commit right after it
    for i in range(n):
        aid = ids[i % len(ids)]
        for kind in kinds:
            wall, cpu = time.perf_counter(), time.process_time()
            if kind == "add":
                rec = st.add_record(aid, type="patrol", unit="Polres Bench", evidence=[{"start": 0, "end": 10}])
            elif kind == "edit":
                st.update_record(rec.id, notes=f"x{i}")
            else:
                st.set_status(aid, ("done", "flagged")[i % 2])
            kinds[kind][0].append((time.perf_counter() - wall) * 1000)
            kinds[kind][1].append((time.process_time() - cpu) * 1000)
            floors.append(floor.once())
            beyond.append(kinds[kind][0][-1] - floors[-1])
    return {"walls": tuple(k[0] for k in kinds.values()), "cpus": tuple(k[1] for k in kinds.values()),
            "floor": (floors,), "beyond": (beyond,)}


def copy_cache(src: Path, dst: Path) -> None:
    """A warm cache for another process: the article shards are never rewritten once written, so
    they are hard-linked; everything else (manifest, index, locks) is copied."""
    def link_or_copy(a: str, b: str) -> object:
        if Path(a).parent.name == "corpus" and Path(a).name.startswith("shard-"):
            os.link(a, b)
            return b
        return shutil.copy2(a, b)

    shutil.copytree(src, dst, copy_function=link_or_copy,
                    ignore=shutil.ignore_patterns("write.lock", "*.lock", "*.tmp"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--url", help="admin URL of a running server (default: start one)")
    ap.add_argument("--size", "--articles", dest="size", type=int, default=100_000, help="articles in the database")
    ap.add_argument("--parsed", type=int, default=5_000)
    ap.add_argument("--procs", type=int, default=8)
    ap.add_argument("--changes", type=int, default=500)
    ap.add_argument("--saves", type=int, default=200, help="rounds of add, edit, status measured")
    ap.add_argument("--short", action="store_true", help="the CI variant: 2k articles, 8 × 50 changes")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    if args.short:
        args.size, args.parsed, args.changes, args.saves = 2_000, 500, 50, 100
    work = Path(tempfile.mkdtemp(prefix="tandai-bench-pg-"))
    server = None
    if args.url:
        admin = args.url
    else:
        server = PgServer()  # its own temporary directory, which the server user may enter
        server.start()
        admin = server.url()
    os.environ["TANDAI_CACHE"] = str(work / "cache")
    out = Figures({"articles": args.size, "procs": args.procs, "changes": args.changes, "load_at_start": load()})
    started = time.perf_counter()
    try:
        url = team_database(admin, f"bench_{os.getpid()}")
        rina = url.replace("://tandai_admin@", "://rina@", 1)
        out["seed_s"] = round(seed_database(url, work, args.size, args.parsed), 1)
        floor = Floor(url)
        with psycopg.connect(url) as conn:
            out["synchronous_commit"] = conn.execute("SHOW synchronous_commit").fetchone()[0]  # type: ignore[index]

        wall, cpu = timed_open(rina)
        out["first_open_s"], out["first_open_cpu_s"] = round(wall, 2), round(cpu, 2)
        print(f"  -> first open {wall:.1f} s, CPU {cpu:.1f} s | load {load()}", flush=True)
        warm = [timed_open(rina) for _ in range(5)]
        walls = [w for w, _ in warm]
        out["warm_open_median_s"], out["warm_open_max_s"] = round(statistics.median(walls), 3), round(max(walls), 3)
        out["warm_open_cpu_median_s"] = round(statistics.median(c for _, c in warm), 3)
        print(f"  -> warm open median {statistics.median(walls):.3f} s | {beside(floor.sample())}", flush=True)

        with store.open(rina) as st:
            ids = [r.id for r in st.articles()][:: max(1, args.size // 1000)]  # spread over the shards
            ann = st.annotations
            trips = RoundTrips(ann.connection(), work)  # type: ignore[attr-defined]
            rec = st.add_record(ids[-1], type="patrol", unit="Polres Bench", evidence=[{"start": 0, "end": 10}])
            out["round_trips_add_not_opened"] = trips.stop()
            trips = RoundTrips(ann.connection(), work)  # type: ignore[attr-defined]
            st.update_record(rec.id, notes="traced")
            out["round_trips_edit"] = trips.stop()
            trips = RoundTrips(ann.connection(), work)  # type: ignore[attr-defined]
            st.set_status(ids[-1], "done")
            out["round_trips_status"] = trips.stop()

            got = saves(st, ids[:-1], floor, args.saves)
            all_walls = [t for w in got["walls"] for t in w]
            all_cpus = [t for c in got["cpus"] for t in c]
            latency(out, "save", all_walls, all_cpus, got["floor"][0])
            for kind, w in zip(("add", "edit", "status"), got["walls"], strict=True):
                out[f"save_{kind}_p50_p95_ms"] = f"{pct(w, 50):.2f} / {pct(w, 95):.2f}"
            out["save_beyond_floor_p50_ms"] = round(pct(got["beyond"][0], 50), 2)  # the save's own cost

            times, cpus = [], []
            for q in keystroke_queries(240):
                wall, cpu = time.perf_counter(), time.process_time()
                res = st.search(q, limit=50)
                _ = res.total, res.rows
                times.append((time.perf_counter() - wall) * 1000)
                cpus.append((time.process_time() - cpu) * 1000)
            latency(out, "search", times, cpus, floor.sample())
            first = ids[0]
            shared = [st.add_record(first, type="patrol", unit="Polres Bench",
                                    evidence=[{"start": 0, "end": 10}]).id for _ in range(8)]
            cache = Path(st.path)

        # every process opens a warm cache: the bench's own (slot 0) or a copy of it (1 … procs-1)
        for p in range(1, args.procs):
            copy_cache(cache, cache.parent / str(p))
        acks_dir = work / "acks"
        acks_dir.mkdir()
        wall, children = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
        workers = run_workers(url, shared, args.procs, args.changes, acks_dir, ["rina", "ayu"])
        codes = [w.wait() for w in workers]
        seconds = time.perf_counter() - wall
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        assert codes == [0] * args.procs, codes
        acks = acknowledged(acks_dir)
        counts = verify(url, acks, exact=True)
        ms = [float(a["ms"]) for a in acks if "ms" in a]  # type: ignore[arg-type]
        out.update({"concurrent_" + k: v for k, v in counts.items()})
        out["concurrent_attempts"] = len(acks)
        out["concurrent_database_articles"] = args.size
        out["concurrent_open_max_s"] = max(float(f.read_text()) for f in acks_dir.glob("p*.jsonl.open"))
        out["concurrent_seconds"] = round(seconds, 1)
        out["concurrent_cpu_s"] = round(after.ru_utime + after.ru_stime - children.ru_utime - children.ru_stime, 1)
        out["concurrent_changes_per_s"] = round(len(acks) / seconds, 1)
        out["concurrent_save_p50_ms"], out["concurrent_save_p95_ms"] = round(pct(ms, 50), 2), round(pct(ms, 95), 2)
        print(f"  -> concurrent save p50/p95 {pct(ms, 50):.1f}/{pct(ms, 95):.1f} ms | {beside(floor.sample())}",
              flush=True)
        out["all_acknowledged_present"] = True
        floor.close()
    finally:
        if server is not None:
            server.remove()
        shutil.rmtree(work, ignore_errors=True)
    out["bench_wall_s"] = round(time.perf_counter() - started, 1)
    if args.json:
        args.json.write_text(json.dumps(out, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
