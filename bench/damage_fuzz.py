"""Fuzz the store's own files: damage one file at random, then prove `check` and `--repair` hold.

A store is built once (the bundled samples, then a few hundred annotation changes with compaction
every 7 changes, so the snapshot, the journal and several backups all exist). Each trial copies
it, damages one file of one kind (manifest, shard, shard meta, annotation snapshot, journal,
backup, index files) in one way (deleted, emptied, truncated, a flipped bit, garbage appended,
replaced by ``{}`` or by random bytes), and then requires:

1. ``check_store`` never raises; either it reports a problem, or the store still reads the same
   annotations and articles (the damage was harmless). Silent damage is a failure.
2. ``check_store(repair=True)`` never raises, and afterwards the store opens for writing and holds
   every acknowledged change that a valid copy still holds: all of them, except the changes whose
   only copy was a damaged journal line, and the articles of a damaged shard.
3. A second ``check`` after the repair is clean (repair converges).

    python bench/damage_fuzz.py --trials 2000 --seed 3     # the long run
    python bench/damage_fuzz.py --trials 40                # CI-sized
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import store
from store.check import check_store
from store.disk.annotations import TABLES

ROOT = Path(__file__).resolve().parent.parent

REVIEWER = "fuzz"
DAMAGES = ("delete", "empty", "truncate", "bitflip", "append", "braces", "random")


def kind_of(rel: str) -> str:
    """The file kind a store-relative path belongs to (what the report counts by)."""
    if rel == "tandai.json":
        return "manifest"
    if rel.startswith("corpus/") and rel.endswith(".meta.json"):
        return "meta"
    if rel.startswith("corpus/"):
        return "shard"
    if rel == "annotations/annotations.json":
        return "snapshot"
    if rel == "annotations/journal.jsonl":
        return "journal"
    if rel.startswith("annotations/backups/"):
        return "backup"
    if rel.startswith("index/"):
        return "index"
    return "other"


def build(base: Path, changes: int, seed: int) -> Path:
    """The template store: samples plus ``changes`` annotation changes, compacted every 7."""
    from store.disk import annotations

    annotations.COMPACT_EVERY = 7
    rng = random.Random(seed)
    path = base / "building"
    with store.open(path, reviewer=REVIEWER) as st:
        st.ingest([ROOT / "sample_articles"])
        ids = [a.id for a in st.articles()]
        records: list[str] = []
        for n in range(changes):
            aid = rng.choice(ids)
            roll = rng.random()
            if roll < 0.4 or not records:
                rec = st.add_record(aid, type="patrol", unit=f"Polres Uji {n}", personnel=rng.randrange(500),
                                    evidence=[{"start": 0, "end": 10}])
                records.append(rec.id)
            elif roll < 0.6:
                st.update_record(rng.choice(records), notes=f"catatan {n}")
            elif roll < 0.7:
                st.delete_record(records.pop(rng.randrange(len(records))))
            elif roll < 0.85:
                st.set_status(aid, rng.choice(["done", "skipped", "flagged", "todo"]))
            else:
                st.save_search(f"s{n % 5}", f"polres {n}")
        # a tail of changes after the last compaction, so the journal is not empty
        for n in range(3):
            st.set_status(ids[n], "done")
        # copied while open: closing would fold the journal into the snapshot, and the journal
        # is one of the files to damage (every change in it is durable already)
        template = base / "template"
        shutil.copytree(path, template, ignore=shutil.ignore_patterns("write.lock", "write.owner"))
    annotations.COMPACT_EVERY = 1000
    return template


def observe(path: Path) -> tuple[dict[str, dict[str, Any]], set[str]]:
    with store.open(path, reviewer=REVIEWER, read_only=True) as st:
        return {t: dict(st.annotations.tables[t]) for t in TABLES}, {a.id for a in st.articles()}


def damage(target: Path, how: str, rng: random.Random) -> None:
    data = target.read_bytes()
    if how == "delete":
        target.unlink()
    elif how == "empty":
        target.write_bytes(b"")
    elif how == "truncate":
        target.write_bytes(data[: rng.randrange(len(data))] if data else b"")
    elif how == "bitflip":
        if not data:
            target.write_bytes(b"\x01")
            return
        i = rng.randrange(len(data))
        target.write_bytes(data[:i] + bytes([data[i] ^ (1 << rng.randrange(8))]) + data[i + 1:])
    elif how == "append":
        target.write_bytes(data + rng.choice([b"garbage\n", b"{\"seq\": 1}\n", b"\x00\x00", b"12 {}\n"]))
    elif how == "braces":
        target.write_bytes(b"{}")
    else:
        target.write_bytes(rng.randbytes(rng.randrange(1, 200)))


def journal_keys(lines: list[bytes]) -> set[tuple[str, str]]:
    """The (table, key) pairs that these journal lines change."""
    keys: set[tuple[str, str]] = set()
    for raw in lines:
        _, _, payload = raw.partition(b" ")
        try:
            entry = json.loads(payload)
            keys |= {(op[1], op[2]) for op in entry["ops"]}
        except (ValueError, KeyError, TypeError, IndexError):
            continue
    return keys


@dataclass
class Tally:
    trials: int = 0
    by_kind: Counter[str] = field(default_factory=Counter)
    reported: int = 0
    harmless: int = 0
    failures: list[str] = field(default_factory=list)


def trial(template: Path, work: Path, rng: random.Random, truth: tuple[dict[str, Any], set[str]],
          tally: Tally) -> None:
    path = work / "store"
    if path.exists():
        shutil.rmtree(path)
    shutil.copytree(template, path, ignore=shutil.ignore_patterns("write.lock", "write.owner"))
    files = sorted(p.relative_to(path).as_posix() for p in path.rglob("*") if p.is_file())
    rel = rng.choice(files)
    kind, how = kind_of(rel), rng.choice(DAMAGES)
    target = path / rel
    before = target.read_bytes()
    damage(target, how, rng)
    if target.exists() and target.read_bytes() == before:
        return
    tally.trials += 1
    tally.by_kind[kind] += 1
    what = f"{how} {rel}"
    tables, articles = truth
    # the changes whose only copy was a damaged journal line may go; nothing else may
    lost_ok: set[tuple[str, str]] = set()
    if kind == "journal":
        old = before.splitlines()
        new = target.read_bytes().splitlines() if target.exists() else []
        lost_ok = journal_keys([line for line in old if line not in set(new)])
    try:
        first = check_store(path)
    except Exception:  # noqa: BLE001 - a traceback is exactly what this run looks for
        tally.failures.append(f"{what}: check raised\n{traceback.format_exc()}")
        return
    if first.ok:
        try:
            seen = observe(path)
        except store.StoreError as exc:
            tally.failures.append(f"{what}: check said ok, but the store does not open: {exc}")
            return
        if seen[1] != articles or _changed(tables, seen[0], lost_ok):
            tally.failures.append(f"{what}: check said ok, but the store reads differently")
            return
        tally.harmless += 1
    else:
        tally.reported += 1
    try:
        check_store(path, repair=True)
        again = check_store(path)
    except Exception:  # noqa: BLE001
        tally.failures.append(f"{what}: repair raised\n{traceback.format_exc()}")
        return
    if not again.ok:
        tally.failures.append(f"{what}: still damaged after repair: {again.problems}")
        return
    try:
        with store.open(path, reviewer=REVIEWER) as st:
            if not st.writable:
                tally.failures.append(f"{what}: not writable after repair: {st.notice}")
                return
            got = {t: dict(st.annotations.tables[t]) for t in TABLES}
            got_articles = {a.id for a in st.articles()}
    except store.StoreError as exc:
        tally.failures.append(f"{what}: does not open after repair: {exc}")
        return
    changed = _changed(tables, got, lost_ok)
    if changed:
        tally.failures.append(f"{what}: {changed} lost or changed by the repair")
        return
    missing = articles - got_articles
    if missing and kind != "shard":
        tally.failures.append(f"{what}: {len(missing)} articles gone after the repair")


def _changed(want: dict[str, dict[str, Any]], got: dict[str, dict[str, Any]],
             lost_ok: set[tuple[str, str]]) -> str | None:
    """The first key whose value differs, other than those only a damaged journal line held.
    (A journal deleted whole while no writer runs leaves no trace to find: its changes had no
    other copy, so they are allowed to go, as for a damaged line.)"""
    for table in TABLES:
        for key in set(want[table]) | set(got[table]):
            if want[table].get(key) != got[table].get(key) and (table, key) not in lost_ok:
                return f"{table}[{key}]"
    return None


def run(trials: int, seed: int, changes: int = 300, verbose: bool = False) -> Tally:
    rng = random.Random(seed)
    base = Path(tempfile.mkdtemp(prefix="tandai-damage-"))
    started = time.perf_counter()
    try:
        template = build(base, changes, seed)
        truth = observe(template)
        tally = Tally()
        for n in range(trials):
            trial(template, base / "work", rng, truth, tally)
            if tally.failures and not verbose:
                break
            if (n + 1) % 100 == 0:
                print(f"{n + 1} trials, {len(tally.failures)} failures, {time.perf_counter() - started:.0f} s",
                      file=sys.stderr)
    finally:
        shutil.rmtree(base, ignore_errors=True)
    kinds = ", ".join(f"{k} {v}" for k, v in sorted(tally.by_kind.items()))
    print(f"damaged files: {tally.trials} ({kinds}); reported by check: {tally.reported}; harmless: "
          f"{tally.harmless}; failures: {len(tally.failures)}; {time.perf_counter() - started:.0f} s")
    for failure in tally.failures[:10]:
        print(f"FAIL {failure}", file=sys.stderr)
    return tally


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--trials", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--changes", type=int, default=300, help="annotation changes in the template store")
    ap.add_argument("--verbose", action="store_true", help="keep going after a failure")
    args = ap.parse_args(argv)
    tally = run(args.trials, args.seed, args.changes, args.verbose)
    return 1 if tally.failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
