"""Ingest speed on a shared machine: CPU seconds per article, not only wall time.

    python -m bench.ingest_cpu [--size 10000] [--work /tmp/benchwork] [--profile]

When other work shares the cores, wall time says little; the CPU time of the main process and
of the worker pool (RUSAGE_CHILDREN) is what ingest costs. ``articles / (parent + workers)``
times the number of cores is the rate the machine would give if ingest had it to itself (an
upper bound: it assumes the pool keeps every core busy), and the parent's own rate bounds what
more workers could give. ``--profile`` prints where the main process spends its time.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import resource
import shutil
import time
from pathlib import Path

import store
from bench.generate import generate


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", type=int, default=10_000)
    ap.add_argument("--work", type=Path, default=Path("bench/corpora"))
    ap.add_argument("--profile", action="store_true", help="profile the main process")
    args = ap.parse_args(argv)
    corpus = generate(args.work / f"corpus-{args.size}", args.size)
    path = args.work / f"ingest-cpu-{os.getpid()}"
    shutil.rmtree(path, ignore_errors=True)
    profile = cProfile.Profile() if args.profile else None
    try:
        with store.open(path) as st:
            wall, cpu = time.perf_counter(), time.process_time()
            if profile:
                profile.enable()
            report = st.ingest([corpus])
            if profile:
                profile.disable()
            wall, parent = time.perf_counter() - wall, time.process_time() - cpu
    finally:
        shutil.rmtree(path, ignore_errors=True)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    workers = kids.ru_utime + kids.ru_stime
    n, cores = report.added, os.cpu_count() or 1
    print(f"{n} articles: wall {wall:.1f} s ({n / wall:.0f}/s), CPU main {parent:.1f} s + workers "
          f"{workers:.1f} s = {(parent + workers) / n * 1000:.2f} ms per article")
    print(f"on {cores} idle cores: ~{cores * n / (parent + workers):.0f} articles/s; the main process "
          f"alone keeps up with {n / parent:.0f}/s")
    if profile:
        pstats.Stats(profile).sort_stats("tottime").print_stats(20)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
