"""Bench: merging three reviewers' work into a large store (issue 13).

    python -m bench.bench_merge                # full: 100k-article store, 3 reviewers × 20k records
    python -m bench.bench_merge --articles 5000 --records 1000   # the CI-sized variant

The target store holds ``--articles`` synthetic articles (committed through ``Store.commit_batch``
and indexed, without the recogniser: ingest's own cost is measured by ``python -m bench``). Each
reviewer's store holds the articles that reviewer coded (two records each; half the articles
are shared with the next reviewer, so agreement has something to compare) and a status per
article. The merge runs in a fresh process (``tandai merge``, the installed command), timed from
start to exit, with its peak memory (the child's ``VmHWM``); then ``tandai agreement`` over the
merged store. Targets: merge < 30 s, memory < 500 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import store
from store.disk.annotations import status_key
from store.history import Put
from store.model import Article

TYPES = ("patrol", "static_guard", "escort", "coordination", "troop_deployment")


def text_of(i: int) -> str:
    sentences = [f"Polres Uji {i % 97} menggelar patroli ke-{i} di Kecamatan Sukamaju {i % 13}."]
    sentences += [f"Sebanyak {40 + i % 50} personel diterjunkan untuk pengamanan tahap {k} Pilkada 2024."
                  for k in range(12)]
    return "Patroli Pilkada nomor {}\n\n{}".format(i, " ".join(sentences))


def build_target(path: Path, n: int) -> list[str]:
    from store.text.normalise import article_id

    ids = []
    with store.open(path, reviewer="lead") as st:
        batch: list[tuple[Article, list[int]]] = []
        for i in range(n):
            text = text_of(i)
            aid = article_id(text)
            ids.append(aid)
            batch.append((Article(id=aid, source=f"bench/{i}.txt", title=text.split("\n")[0], text=text,
                                  published="2024-11-25"), []))
            if len(batch) == 2500:
                st.commit_batch(batch)
                batch = []
        if batch:
            st.commit_batch(batch)
    return ids


def build_reviewer(path: Path, target: Path, who: str, ids: list[str], records: int, offset: int) -> None:
    """``records`` records over ``records // 2`` articles starting at ``offset``, with statuses;
    written through the Store's change history in groups of 1,000 (setup, not measured)."""
    arts = ids[offset : offset + records // 2]
    with store.open(target, reviewer="lead", read_only=True) as src, store.open(path, reviewer=who) as st:
        wanted = set(arts)
        for name in src.corpus.shards:
            docs = [Article.from_dict(d) for aid, d in src.corpus.load_shard(name).items() if aid in wanted]
            if docs:
                st.commit_batch([(a, []) for a in docs])
        ops: list[Put] = []
        stamp = "2024-12-01T00:00:00+00:00"
        for n, aid in enumerate(arts):
            for k in range(2):
                start = 0 if k == 0 else 60
                rec: dict[str, Any] = {
                    "id": f"{who}{n:07d}{k}", "article_id": aid, "reviewer": who,
                    "type": TYPES[(n + k + (who == "c")) % len(TYPES)], "unit": f"Polres Uji {n % 97}",
                    "date": "2024-11-25", "date_text": None, "location": None, "partners": [],
                    "personnel": 40 + n % 50, "phase": "voting", "notes": "",
                    "evidence": [{"start": start, "end": start + 40, "text": ""}],
                    "created": stamp, "updated": stamp}
                ops.append(Put("records", rec["id"], rec))
            ops.append(Put("status", status_key(who, aid), {"article_id": aid, "reviewer": who,
                                                            "status": "done" if n % 7 else "irrelevant",
                                                            "updated": stamp}))
            if len(ops) >= 1000:
                st.history.change("bench", list(ops))
                ops.clear()
        if ops:
            st.history.change("bench", list(ops))


# VmHWM, not ru_maxrss: Linux carries ru_maxrss across execve, so a child started by a big
# process (a pytest worker that loaded spaCy) would report its parent's peak.
CHILD = ("import sys\nfrom tui.cli import main\nrc = main(sys.argv[1:])\n"
         "hwm = next(l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM'))\n"
         "print('peak-rss-kb', hwm, file=sys.stderr)\n"
         "sys.exit(rc)")


def run(args: list[str]) -> tuple[float, float, str]:
    """``tandai ARGS`` in a fresh process: seconds from start to exit, its peak RSS (MB), stdout."""
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", CHILD, *args], capture_output=True, text=True, check=False)
    took = time.perf_counter() - started
    if proc.returncode:
        raise SystemExit(f"tandai {args[0]} failed: {proc.stderr.strip()[-400:]}")
    peak = next(int(line.split()[1]) for line in proc.stderr.splitlines() if line.startswith("peak-rss-kb"))
    return took, peak / 1024, proc.stdout


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--records", type=int, default=20_000, help="records per reviewer")
    parser.add_argument("--work", type=Path, help="folder for the stores (default: a temporary one)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(dir=args.work) as tmp:
        work = Path(tmp)
        t0 = time.perf_counter()
        ids = build_target(work / "target", args.articles)
        built = time.perf_counter() - t0
        half = args.records // 4  # each reviewer shares half its articles with the next one
        for n, who in enumerate("abc"):
            build_reviewer(work / who, work / "target", who, ids, args.records, n * half)
        print(f"setup: {args.articles:,} articles in {built:.1f} s; reviewers a, b, c × {args.records:,} records "
              f"in {time.perf_counter() - t0 - built:.1f} s", flush=True)
        env_store = ["--store", str(work / "target"), "--reviewer", "lead"]
        took, peak, out = run(["merge", *env_store, *(str(work / w) for w in "abc")])
        print(out.strip())
        print(f"merge: {took:.1f} s, peak RSS {peak:.0f} MB (targets: < 30 s, < 500 MB) "
              f"{'PASS' if took < 30 and peak < 500 else 'FAIL'}")
        took2, peak2, _ = run(["merge", *env_store, *(str(work / w) for w in "abc")])
        print(f"merge again (idempotent, nothing to do): {took2:.1f} s, peak RSS {peak2:.0f} MB")
        took3, peak3, out3 = run(["agreement", *env_store, "--json"])
        rep = json.loads(out3)
        pair = rep["records"]["pairs"]["a ~ b"]
        print(f"agreement over the merged store: {took3:.1f} s, peak RSS {peak3:.0f} MB; {rep['articles']:,} "
              f"shared articles, status α {rep['status']['alpha']:.3f}, a~b records aligned {pair['aligned']:,}, "
              f"type κ {pair['type_kappa']:.3f}")
        with store.open(work / "target", reviewer="lead", read_only=True) as st:
            print(f"records now: {len(st.annotations.tables['records']):,}; "
                  f"journal {os.path.getsize(work / 'target' / 'annotations' / 'journal.jsonl') / 1e6:.1f} MB"
                  if (work / "target" / "annotations" / "journal.jsonl").exists() else "")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
