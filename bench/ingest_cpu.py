"""Ingest speed on a shared machine: CPU seconds per article, not only wall time.

    python -m bench.ingest_cpu [--size 10000] [--work /tmp/benchwork] [--profile] [--stages] [--glue]

When other work shares the cores, wall time says little; the CPU time of the main process and
of the worker pool (RUSAGE_CHILDREN) is what ingest costs. ``articles / (parent + workers)``
times the number of cores is the rate the machine would give if ingest had it to itself (an
upper bound: it assumes the pool keeps every core busy), and the parent's own rate bounds what
more workers could give. ``--profile`` prints where the main process spends its time;
``--stages`` what a worker spends per article on each stage (one process, every second article
of the corpus, as one of two workers sees them, caches cold at the start), from reading the file
to pickling what it hands over, then the worker's own function over the same files (the
difference is its glue); with ``--profile``, where the recogniser spends its time (cProfile: its
overhead inflates small Python functions). What the pool adds on top shows in a full run's
workers' CPU (with two workers and the main process on two cores, also their contention);
``--glue`` splits it into the time inside the worker function and around it. The first line names
the interpreter and its build: pyenv's default one (no PGO/LTO, a shared libpython) costs ~12-15 %
more CPU on the same code than Debian's /usr/bin/python3.11.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import os
import pstats
import resource
import shutil
import sys
import sysconfig
import tempfile
import time
from collections.abc import Callable
from multiprocessing.reduction import ForkingPickler
from pathlib import Path
from typing import Any

import store
from bench.generate import generate


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", type=int, default=10_000)
    ap.add_argument("--work", type=Path, default=Path("bench/corpora"))
    ap.add_argument("--profile", action="store_true", help="profile the main process")
    ap.add_argument("--stages", action="store_true", help="CPU per article of each worker stage")
    ap.add_argument(
        "--glue", action="store_true", help="the workers' CPU inside their function and around it"
    )
    args = ap.parse_args(argv)
    corpus = generate(args.work / f"corpus-{args.size}", args.size)
    print(interpreter())
    if args.stages:
        stages(corpus, args.profile)
        return 0
    path = args.work / f"ingest-cpu-{os.getpid()}"
    shutil.rmtree(path, ignore_errors=True)
    profile = cProfile.Profile() if args.profile else None
    glue = Path(tempfile.mkdtemp(prefix="ingest-glue-")) if args.glue else None
    if glue is not None:
        _time_workers(glue)
    try:
        with store.open(path) as st:
            wall, cpu, own = time.perf_counter(), time.process_time(), time.thread_time()
            sys_before = resource.getrusage(resource.RUSAGE_SELF).ru_stime
            if profile:
                profile.enable()
            report = st.ingest([corpus])
            if profile:
                profile.disable()
            wall, parent = time.perf_counter() - wall, time.process_time() - cpu
            own = time.thread_time() - own
            parent_sys = resource.getrusage(resource.RUSAGE_SELF).ru_stime - sys_before
    finally:
        shutil.rmtree(path, ignore_errors=True)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    workers = kids.ru_utime + kids.ru_stime
    n, cores = report.added, os.cpu_count() or 1
    print(
        f"{n} articles: wall {wall:.1f} s ({n / wall:.0f}/s), CPU main {parent:.1f} s + workers "
        f"{workers:.1f} s = {(parent + workers) / n * 1000:.2f} ms per article"
    )
    # the kernel's share (reading files, allocating, pipes, fsync): cachegrind does not count it
    print(
        f"of which system time: main {parent_sys / n * 1000:.2f} + workers {kids.ru_stime / n * 1000:.2f} ms "
        "per article"
    )
    # the main process's own Python thread, and its other threads: tantivy's indexing threads and
    # the pool's manager (results unpickled) and feeder (tasks pickled) threads
    print(
        f"main process: its thread {own / n * 1000:.3f} + its other threads (tantivy's indexing, the pool's) "
        f"{(parent - own) / n * 1000:.3f} ms per article"
    )
    print(
        f"on {cores} idle cores: ~{cores * n / (parent + workers):.0f} articles/s; the main process "
        f"alone keeps up with {n / parent:.0f}/s"
    )
    if glue is not None:
        inside = [float(f.read_text()) for f in glue.iterdir()]
        shutil.rmtree(glue, ignore_errors=True)
        print(
            f"workers: {len(inside)}, inside their function {sum(inside) / n * 1000:.3f} ms per article, "
            f"around it (start-up, tasks, results, pickling them) {(workers - sum(inside)) / n * 1000:.3f} ms"
        )
    if profile:
        pstats.Stats(profile).sort_stats("tottime").print_stats(20)
    return 0


def interpreter() -> str:
    """The interpreter and what can be told of its build. The same code and corpus cost ~10 % more
    instructions and ~12-15 % more CPU under pyenv's default build (no PGO/LTO, libpython a shared
    library) than under Debian's /usr/bin/python3.11 (PGO+LTO by Debian's own rules, statically
    linked; its sysconfig describes the shared build, so only the maps tell it apart)."""
    args = str(sysconfig.get_config_var("CONFIG_ARGS") or "")
    try:
        with open("/proc/self/maps", encoding="utf-8") as fh:
            shared = "yes" if "/libpython" in fh.read() else "no"
    except OSError:
        shared = "unknown"
    return (
        f"Python {sys.version.split()[0]} ({sys.executable}): libpython loaded as a shared library {shared}; "
        f"configured with --enable-optimizations {'yes' if '--enable-optimizations' in args else 'no'}, "
        f"--with-lto {'yes' if '--with-lto' in args else 'no'}"
    )


def _time_workers(folder: Path) -> None:
    """Each worker (forked: it inherits this) times its own function and writes its total to
    ``folder`` after every task, so what the pool adds around the function shows apart from it."""
    from store import ingest

    _timed.update(folder=folder, inner=ingest._worker_prepare_many, spent=0.0)
    ingest._worker_prepare_many = _timed_worker  # (pickled by name, found again in a forked worker)


_timed: dict[str, Any] = {}


def _timed_worker(items: list[Any]) -> Any:
    start = time.process_time()
    try:
        return _timed["inner"](items)
    finally:
        _timed["spent"] += time.process_time() - start
        (_timed["folder"] / str(os.getpid())).write_text(repr(_timed["spent"]))


def stages(corpus: Path, profile: bool = False) -> None:
    """CPU per article of each stage of ``store.ingest.prepare``, and of handing it over."""
    from store import ingest
    from store.disk.corpus import stored_form
    from store.search.tantivy_query import document_head
    from store.sources.formats import Skipped, iter_paths, read_source
    from store.text import dedupe
    from store.text.entities import Recogniser
    from store.text.normalise import article_id
    from store.text.parse import parse_article

    files = [p for p in iter_paths([str(corpus)]) if not isinstance(p, Skipped)][::2]
    recogniser = Recogniser()
    out: dict[str, Any] = {}
    n = sum(1 for f in files for d in read_source(f) if not isinstance(d, Skipped))
    total = 0.0

    def stage(name: str, fn: Callable[[], Any]) -> Any:
        nonlocal total
        gc.freeze()  # earlier stages' results, all held here (a worker holds one chunk's): not rescanned
        start = time.process_time()
        out[name] = fn()
        spent = time.process_time() - start
        total += spent
        print(f"{name:28s} {spent / n * 1000:.3f} ms")
        return out[name]

    print(f"{n} articles, CPU per article:")
    docs = stage(
        "read (file to document)",
        lambda: [d for f in files for d in ingest._read(str(f)) if not isinstance(d, Skipped)],
    )
    parsed = stage("parse", lambda: [parse_article(d) for d in docs])
    ids = stage("article id", lambda: [article_id(p.text) for p in parsed])
    prof = cProfile.Profile() if profile else None
    if prof:
        prof.enable()
    ents = stage("recognise", lambda: [recogniser.recognise(p.text, p.published, p.noise) for p in parsed])
    if prof:
        prof.disable()
    arts = [ingest._article(d, p, i, e) for d, p, i, e in zip(docs, parsed, ids, ents, strict=True)]
    stage("duplicate signature", lambda: [dedupe.signature(a.text, a.noise) for a in arts])
    stage("story signature", lambda: [dedupe.story_signature(a) for a in arts])
    handed = stage("hand-over (JSON, index JSON)", lambda: [(stored_form(a), document_head(a)) for a in arts])
    stage("pickling it (worker side)", lambda: ForkingPickler.dumps(handed))
    print(f"{'sum':28s} {total / n * 1000:.3f} ms")
    # the same work as a worker does it, chunk by chunk: the difference to the sum is the glue
    ingest._worker_recogniser = recogniser
    ingest._worker_freezes = True  # as in a worker: what outlives a chunk is frozen
    gc.freeze()
    gc.set_threshold(ingest.WORKER_GC_THRESHOLD)  # as in a worker (``_worker_init``)
    chunks: list[list[ingest.Input]] = [
        [str(f) for f in files[i : i + ingest.CHUNK]] for i in range(0, len(files), ingest.CHUNK)
    ]
    start = time.process_time()
    for chunk in chunks:
        ForkingPickler.dumps(ingest._worker_prepare_many(chunk))
    print(
        f"{'worker function, whole':28s} {(time.process_time() - start) / n * 1000:.3f} ms "
        f"(in chunks of {ingest.CHUNK}, in this process, caches warm)"
    )
    if prof:
        print("\nthe recogniser (profiled, so slower than above):")
        pstats.Stats(prof).sort_stats("tottime").print_stats(15)


if __name__ == "__main__":
    raise SystemExit(main())
