"""The PostgreSQL store's figures (issue 15): opening, saving, searching, eight reviewers at once.

    python bench/bench_pg.py                      # 100k articles, 8 × 500 changes (several minutes)
    python bench/bench_pg.py --short              # CI: 2k articles, 8 × 50 changes
    python bench/bench_pg.py --url postgresql://… # an existing server (a new database is made in it)

It starts its own server (tests/pg/server.py: the machine's binaries, as ``nobody`` when run as
root) unless given ``--url``. The corpus: ``--parsed`` generated articles ingested through the
real parser, then repeated under new ids up to ``--articles`` (ingesting 100k through the parser
would take minutes on two cores and measures ingest, not the database). Measured:

- first open: a machine with no cache: shards and the search index built from the database;
- warm open: ``store.open`` plus the first screen, the cache up to date (median of 5, and max);
- search p95 over typed prefixes, the same queries as ``python -m bench``;
- save p95: add a record, edit it, set a status, each one committed transaction on loopback,
  beside the floor: a one-row INSERT's commit on the same server (the disk's fsync);
- 8 processes × N changes through the API (on a database of ``--parsed`` articles: each process
  builds its own cache first): acknowledged, conflicts, all acknowledged present.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
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


class Figures(dict[str, object]):
    """Each figure is printed as it is measured: a run that fails later still leaves them."""

    def __setitem__(self, key: str, value: object) -> None:
        super().__setitem__(key, value)
        print(f"{key:28} {value}", flush=True)

    def update(self, other: dict[str, object]) -> None:  # type: ignore[override]
        for k, v in other.items():
            self[k] = v


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


def commit_floor(url: str, n: int = 300) -> tuple[float, float]:
    """The server's own cost of one durable commit here (a one-row insert): the disk's fsync,
    which no client can beat; read save p95 against it."""
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("CREATE TABLE IF NOT EXISTS public.bench_floor (x int)")
        times = []
        for _ in range(n):
            start = time.perf_counter()
            conn.execute("INSERT INTO public.bench_floor VALUES (1)")
            times.append((time.perf_counter() - start) * 1000)
    return round(pct(times, 50), 2), round(pct(times, 95), 2)


def timed_open(url: str) -> float:
    start = time.perf_counter()
    with store.open(url) as st:
        assert st.search("", limit=200).rows
        took = time.perf_counter() - start
    return took


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--url", help="admin URL of a running server (default: start one)")
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--parsed", type=int, default=5_000)
    ap.add_argument("--procs", type=int, default=8)
    ap.add_argument("--changes", type=int, default=500)
    ap.add_argument("--short", action="store_true", help="the CI variant: 2k articles, 8 × 50 changes")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    if args.short:
        args.articles, args.parsed, args.changes = 2_000, 500, 50
    work = Path(tempfile.mkdtemp(prefix="tandai-bench-pg-"))
    server = None
    if args.url:
        admin = args.url
    else:
        server = PgServer()  # its own temporary directory, which the server user may enter
        server.start()
        admin = server.url()
    os.environ["TANDAI_CACHE"] = str(work / "cache")
    out = Figures({"articles": args.articles, "procs": args.procs, "changes": args.changes})
    try:
        url = team_database(admin, f"bench_{os.getpid()}")
        rina = url.replace("://tandai_admin@", "://rina@", 1)
        out["seed_s"] = round(seed_database(url, work, args.articles, args.parsed), 1)
        # the eight processes each build a cache of their own on first open: they work on a
        # database of --parsed articles, so the run measures the changes, not eight cache builds
        small = team_database(admin, f"bench_{os.getpid()}_team")
        seed_database(small, work, args.parsed, args.parsed)

        out["first_open_s"] = round(timed_open(rina), 2)
        warm = [timed_open(rina) for _ in range(5)]
        out["warm_open_median_s"], out["warm_open_max_s"] = round(statistics.median(warm), 3), round(max(warm), 3)

        with store.open(rina) as st:
            times = []
            for q in keystroke_queries(240):
                start = time.perf_counter()
                res = st.search(q, limit=50)
                _ = res.total, res.rows
                times.append((time.perf_counter() - start) * 1000)
            out["search_p50_ms"], out["search_p95_ms"] = round(pct(times, 50), 2), round(pct(times, 95), 2)
            ids = [r.id for r in st.search("", limit=200).rows]
            saves: list[float] = []
            for i in range(200):
                aid = ids[i % len(ids)]
                start = time.perf_counter()
                rec = st.add_record(aid, type="patrol", unit="Polres Bench", evidence=[{"start": 0, "end": 10}])
                saves.append((time.perf_counter() - start) * 1000)
                start = time.perf_counter()
                st.update_record(rec.id, notes="x")
                saves.append((time.perf_counter() - start) * 1000)
                start = time.perf_counter()
                st.set_status(aid, ("done", "flagged")[i % 2])
                saves.append((time.perf_counter() - start) * 1000)
            out["save_p50_ms"], out["save_p95_ms"] = round(pct(saves, 50), 2), round(pct(saves, 95), 2)
            out["commit_floor_p50_ms"], out["commit_floor_p95_ms"] = commit_floor(url)

        with store.open(small.replace("://tandai_admin@", "://rina@", 1)) as st:
            first = next(st.articles()).id
            shared = [st.add_record(first, type="patrol", unit="Polres Bench",
                                    evidence=[{"start": 0, "end": 10}]).id for _ in range(8)]

        acks_dir = work / "acks"
        acks_dir.mkdir()
        start = time.perf_counter()
        workers = run_workers(small, shared, args.procs, args.changes, acks_dir, ["rina", "ayu"])
        codes = [w.wait() for w in workers]
        seconds = time.perf_counter() - start
        assert codes == [0] * args.procs, codes
        acks = acknowledged(acks_dir)
        counts = verify(small, acks, exact=True)
        ms = [float(a["ms"]) for a in acks if "ms" in a]  # type: ignore[arg-type]
        out.update({"concurrent_" + k: v for k, v in counts.items()})
        out["concurrent_attempts"] = len(acks)
        out["concurrent_changes_per_s"] = round(len(acks) / seconds, 1)
        out["concurrent_save_p95_ms"] = round(pct(ms, 95), 2)
        out["all_acknowledged_present"] = True
    finally:
        if server is not None:
            server.remove()
        shutil.rmtree(work, ignore_errors=True)
    if args.json:
        args.json.write_text(json.dumps(out, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
