"""Export at scale: articles per second and peak memory of ``tandai export`` per format.

    python -m bench.bench_export [--n 100000] [--formats jsonl,prodigy,…] [--work DIR]
    python -m bench.bench_export --short          # 10,000 articles: a few minutes, every format

The store is built once and reused (``--work``, default bench/corpora): ``--seed`` synthetic
articles (bench.generate) are ingested for real (parser and recogniser), then copied with a
line appended (so each copy has its own text and id) up to ``--n`` through ``commit_batch`` (the
shards, the manifest and the search index, as ingest writes them); 1 % of the articles get an
entity correction, 1 % a record, 2 % a status. Each format is exported in a fresh process
(``tandai export --format F --out FILE`` as a user runs it), timed from the command's start to its
end, with the CPU time of the process and its workers, and peak RSS (VmHWM; the largest
worker's too). The issue's bar: 100k articles, < 300 MB, >= 3,000 articles/s. On a shared
machine the clock measures the machine: read articles per CPU second beside it.

Each run writes into a folder of its own (``export-out-N/<time>/``) and removes the earlier runs'
folders only after its own exports are timed: a brat export is 200k files, and ext4 makes new
files several times slower for minutes after that many were deleted nearby (the inode allocator
steps over recently freed inodes), which timed the file system's state, not the export.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import store
from bench.generate import generate
from store.model import Article

ROOT = Path(__file__).resolve().parent.parent
FORMATS = ("jsonl", "csv", "doccano", "labelstudio", "events", "prodigy", "conll", "brat", "spacy")
OUT_NAME = {"jsonl": "a.jsonl", "csv": "a.csv", "doccano": "d.jsonl", "labelstudio": "ls.json",
            "events": "e.csv", "prodigy": "p.jsonl", "conll": "c.conll", "brat": "brat",
            "spacy": "spacy-parts/"}  # a folder of DocBin parts: the trailing / says so
MEMORY_MB = 300
RATE = 3000


def build(path: Path, n: int, seed_n: int, work: Path) -> Path:
    """A store of ``n`` articles (reused when its marker says it is whole)."""
    marker = path / f".bench-export-{n}"
    if marker.exists():
        return path
    shutil.rmtree(path, ignore_errors=True)
    corpus = generate(work / f"corpus-{seed_n}", seed_n)
    with store.open(path, reviewer="bench") as st:
        st.ingest([corpus])
        seeds = [(a, s.get("sig") or []) for (_, a), (_, s) in
                 zip(st.corpus.iter_articles(), st.corpus.iter_summaries(), strict=True)]
        made = st.count()
        copy = 0
        batch: list[tuple[Article, list[int]]] = []
        while made < n:
            copy += 1
            for a, sig in seeds:
                if made >= n:
                    break
                text = f"{a.text}\n\n(salinan {copy})"
                clone = replace(a, text=text, id=store_id(text), duplicate_of=None)
                batch.append((clone, sig))
                made += 1
                if len(batch) == 250:
                    st.commit_batch(batch)
                    batch = []
        if batch:
            st.commit_batch(batch)
        ids = [r.id for r in st.articles()]
        for i, aid in enumerate(ids):
            if i % 100 == 0:
                a = st.article(aid)
                ent = next((e for e in a.entities if e.label != "LOC"), None)
                if ent is not None:
                    st.correct_entity(aid, ent.start, ent.end, "LOC")
            if i % 100 == 50:
                a = st.article(aid, corrected=False)
                end = min(len(a.text), 200)
                fields = {k: v for k, v in st.draft_record(aid, 0, end).items()
                          if k in ("type", "unit", "date", "location", "partners", "personnel", "evidence")}
                fields["unit"] = fields.get("unit") or "Polres Uji"
                fields["type"] = fields.get("type") or "patrol"
                try:
                    st.add_record(aid, **fields)
                except store.StoreError:
                    pass
            if i % 50 == 25:
                st.set_status(aid, "done")
    marker.write_text(f"{n}\n")
    return path


def store_id(text: str) -> str:
    from store.text.normalise import article_id

    return article_id(text)


def run_one(path: Path, fmt: str, out_dir: Path, jobs: int | None = None) -> dict[str, float]:
    """One export in a fresh process, as a user runs it: seconds by the clock, CPU seconds of
    the process and its workers, peak RSS of the process and of its largest worker (MB)."""
    out = out_dir / OUT_NAME[fmt]
    code = ("import sys, time, resource\nfrom tui.cli import main\n"
            "t = time.perf_counter()\n"
            "def cpu(who):\n    r = resource.getrusage(who)\n    return r.ru_utime + r.ru_stime\n"
            "c = cpu(resource.RUSAGE_SELF) + cpu(resource.RUSAGE_CHILDREN)\n"
            "rc = main(sys.argv[1:])\n"
            "wall = time.perf_counter() - t\n"
            "used = cpu(resource.RUSAGE_SELF) + cpu(resource.RUSAGE_CHILDREN) - c\n"
            "hwm = next(l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM'))\n"
            "child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
            "print(rc, wall, hwm, used, child, file=sys.stderr)\n")
    argv = [sys.executable, "-c", code, "export", "--store", str(path), "--format", fmt,
            "--out", str(out) + ("/" if OUT_NAME[fmt].endswith("/") else "")]
    if jobs is not None:
        argv += ["--jobs", str(jobs)]
    with tempfile.TemporaryFile("w+") as err:
        proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=err, text=True,
                                env={**os.environ, "PYTHONPATH": str(ROOT)})
        total = 0
        while proc.poll() is None:
            total = max(total, pss_kb(proc.pid))
            time.sleep(0.1)
        err.seek(0)
        stderr = err.read()
    last = stderr.strip().splitlines()[-1].split()
    if proc.returncode != 0 or last[0] != "0":
        raise SystemExit(f"{fmt}: export failed: {stderr.strip()}")
    return {"seconds": float(last[1]), "rss_mb": int(last[2]) / 1024, "cpu_seconds": float(last[3]),
            "worker_rss_mb": int(last[4]) / 1024, "total_mb": total / 1024}


def pss_kb(pid: int) -> int:
    """The proportional set size of a process and its children (kB): memory they use together,
    each shared page counted once. 0 for a process that is gone."""
    try:
        rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
        kids = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return 0
    own = next((int(line.split()[1]) for line in rollup.splitlines() if line.startswith("Pss:")), 0)
    return own + sum(pss_kb(int(k)) for k in kids)


def load() -> str:
    """The load averages (1, 5, 15 min): how shared the machine was."""
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


HEADER = (f"{'format':<12} {'seconds':>8} {'art/s':>8} {'cpu s':>8} {'art/cpu-s':>9} {'peak MB':>8} "
          f"{'worker MB':>9} {'total MB':>8}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=1000, help="articles ingested for real, then copied")
    ap.add_argument("--formats", default=",".join(FORMATS))
    ap.add_argument("--work", type=Path, default=ROOT / "bench" / "corpora")
    ap.add_argument("--short", action="store_true", help="10,000 articles (seed 500): a few minutes")
    ap.add_argument("--jobs", type=int, help="export processes (default: the export's own choice)")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    args = ap.parse_args(argv)
    if args.short:
        args.n, args.seed = 10_000, 500
    args.work.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    path = build(args.work / f"export-store-{args.n}", args.n, args.seed, args.work)
    print(f"store: {args.n} articles ({time.perf_counter() - started:.0f} s to build or reuse); "
          f"load {load()}")
    out_root = args.work / f"export-out-{args.n}"
    out_dir = out_root / time.strftime(f"%Y%m%d-%H%M%S-{os.getpid()}")
    out_dir.mkdir(parents=True)
    figures = {}
    # art/s by the clock, and by CPU time (what the code costs when other work shares the cores);
    # peak MB is the exporting process's peak RSS, worker MB its largest worker's, total MB the
    # peak of their proportional set sizes together (sampled every 0.1 s; shared pages once)
    print(HEADER)
    for fmt in args.formats.split(","):
        f = run_one(path, fmt, out_dir, args.jobs)
        f["rate"] = args.n / f["seconds"]
        f["cpu_rate"] = args.n / max(f["cpu_seconds"], 1e-9)
        figures[fmt] = f
        ok = "" if max(f["total_mb"], f["rss_mb"]) < MEMORY_MB else "  over the memory bar"
        print(f"{fmt:<12} {f['seconds']:>8.1f} {f['rate']:>8.0f} {f['cpu_seconds']:>8.1f} {f['cpu_rate']:>9.0f} "
              f"{f['rss_mb']:>8.0f} {f['worker_rss_mb']:>9.0f} {f['total_mb']:>8.0f}{ok}", flush=True)
    print(f"load {load()}; bar: {MEMORY_MB} MB, {RATE} articles/s")
    for old in out_root.iterdir():  # earlier runs' outputs, now that this run's are timed
        if old != out_dir:
            shutil.rmtree(old) if old.is_dir() else old.unlink()
    if args.json:
        args.json.write_text(json.dumps({"n": args.n, "load": os.getloadavg(), "formats": figures}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
