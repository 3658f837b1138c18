"""Crash test: kill a writer with SIGKILL at random moments and prove nothing acknowledged is lost.

A child process changes a store through the public API in a loop (add/update/delete records,
set status, save searches), printing each change *before* making it ("B") and acknowledging it
*after* the call returned ("A"). The parent kills it with SIGKILL at a random moment, reopens
the store and checks: it opens, `check_store` finds it valid, and its state equals every
acknowledged change (plus, at most, the one change in flight at the kill). Compaction is made
frequent so kills also land while snapshots and backups are written.

With --inject, the child also makes fsync/write fail at random (ENOSPC, EIO): the call must raise
a StoreError, and the failed change must not appear in the store.

    python bench/crash_test.py --kills 1000            # the full run
    python bench/crash_test.py --kills 50              # CI
    python bench/crash_test.py --kills 200 --inject
"""

from __future__ import annotations

import argparse
import json
import os
import random
import select
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import store  # noqa: E402
from store.check import check_store  # noqa: E402

CHILD = r"""
import errno, json, os, random, sys
sys.path.insert(0, {root!r})
import store
from store import annotations
annotations.COMPACT_EVERY = 7
inject = {inject!r}
rng = random.Random({seed})
if inject:
    real_fsync = os.fsync
    def flaky_fsync(fd):
        if rng.random() < 0.15:
            raise OSError(rng.choice([errno.ENOSPC, errno.EIO]), "injected failure")
        return real_fsync(fd)
    os.fsync = flaky_fsync
st = store.open({path!r}, reviewer="crash")
ids = [a.id for a in st.articles()]
texts = {{aid: st.article(aid).text for aid in ids}}
print("R", flush=True)
n = 0
while True:
    n += 1
    records = st.records()
    kind = rng.choice(["add", "add", "update", "delete", "status", "search"])
    if kind in ("update", "delete") and not records:
        kind = "add"
    if kind == "add":
        aid = rng.choice(ids)
        op = {{"op": "add", "article": aid, "unit": f"Polres Uji {{n}}", "type": "patrol"}}
    elif kind == "update":
        op = {{"op": "update", "id": rng.choice(records).id, "notes": f"catatan {{n}}"}}
    elif kind == "delete":
        op = {{"op": "delete", "id": rng.choice(records).id}}
    elif kind == "status":
        op = {{"op": "status", "article": rng.choice(ids), "status": rng.choice(["done", "flagged", "skipped"])}}
    else:
        op = {{"op": "search", "name": f"s{{n % 13}}", "query": f"patroli {{n}}"}}
    print("B " + json.dumps(op), flush=True)
    try:
        if op["op"] == "add":
            end = min(20, len(texts[op["article"]]))
            rec = st.add_record(op["article"], type="patrol", unit=op["unit"], evidence=[{{"start": 0, "end": end}}])
            op["id"] = rec.id
        elif op["op"] == "update":
            st.update_record(op["id"], notes=op["notes"])
        elif op["op"] == "delete":
            st.delete_record(op["id"])
        elif op["op"] == "status":
            st.set_status(op["article"], op["status"])
        else:
            st.save_search(op["name"], op["query"])
    except store.StoreError as exc:
        print("F " + json.dumps({{"error": str(exc)}}), flush=True)
        continue
    print("A " + json.dumps(op), flush=True)
"""


class Model:
    """What the store must hold: every acknowledged change applied in order."""

    def __init__(self) -> None:
        self.records: dict[str, dict[str, Any]] = {}
        self.status: dict[str, str] = {}
        self.searches: dict[str, str] = {}

    def apply(self, op: dict[str, Any]) -> None:
        kind = op["op"]
        if kind == "add":
            self.records[op["id"]] = {"unit": op["unit"], "notes": ""}
            self.status.setdefault(op["article"], "in_progress")  # a record starts a todo article
        elif kind == "update" and op["id"] in self.records:
            self.records[op["id"]]["notes"] = op["notes"]
        elif kind == "delete":
            self.records.pop(op["id"], None)
        elif kind == "status":
            self.status[op["article"]] = op["status"]
        elif kind == "search":
            self.searches[op["name"]] = op["query"]

    def copy(self) -> Model:
        m = Model()
        m.records = {k: dict(v) for k, v in self.records.items()}
        m.status = dict(self.status)
        m.searches = dict(self.searches)
        return m


def observed(path: Path) -> Model:
    m = Model()
    with store.open(path, reviewer="crash", read_only=True) as st:
        for r in st.records():
            m.records[r.id] = {"unit": r.unit, "notes": r.notes}
        for entry in st.annotations.values("status"):
            if entry["reviewer"] == "crash":
                m.status[entry["article_id"]] = entry["status"]
        m.searches = {s["name"]: s["query"] for s in st.saved_searches()}
    return m


def matches(seen: Model, model: Model, pending: dict[str, Any] | None) -> bool:
    if (seen.records, seen.status, seen.searches) == (model.records, model.status, model.searches):
        return True
    if pending is None:
        return False
    after = model.copy()
    if pending["op"] == "add":  # its id was never printed: accept one extra record with its fields
        extra = set(seen.records) - set(model.records)
        if len(extra) != 1:
            return False
        new_id = extra.pop()
        after.apply({**pending, "id": new_id})
    else:
        after.apply(pending)
    return (seen.records, seen.status, seen.searches) == (after.records, after.status, after.searches)


def make_store(path: Path) -> None:
    with store.open(path, reviewer="crash") as st:
        st.ingest([ROOT / "sample_articles"])


def run(kills: int, seed: int, inject: bool, workdir: Path | None) -> int:
    rng = random.Random(seed)
    base = Path(workdir or tempfile.mkdtemp(prefix="tandai-crash-"))
    path = base / "store"
    make_store(path)
    model = Model()
    checked = injected = lost = 0
    started = time.perf_counter()
    for round_no in range(kills):
        code = CHILD.format(root=str(ROOT), path=str(path), seed=seed * 100003 + round_no, inject=inject)
        child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE)
        assert child.stdout is not None
        fd = child.stdout.fileno()
        buffer = b""
        pending: dict[str, Any] | None = None

        def consume(data: bytes) -> None:
            nonlocal buffer, pending, checked, injected, model
            buffer += data
            *lines, buffer = buffer.split(b"\n")
            for raw in lines:
                tag, _, payload = raw.decode().partition(" ")
                if tag == "B":
                    pending = json.loads(payload)
                elif tag == "A":
                    model.apply(json.loads(payload))  # noqa: B023 - the current round's model, on purpose
                    pending = None
                    checked += 1
                elif tag == "F":
                    injected += 1
                    pending = None

        ready_by = time.monotonic() + 30
        while b"R\n" not in buffer and time.monotonic() < ready_by and child.poll() is None:
            if select.select([fd], [], [], 0.05)[0]:
                buffer += os.read(fd, 65536)
        if b"R\n" not in buffer:
            child.kill()
            print(f"round {round_no}: the writer did not start", file=sys.stderr)
            return 2
        buffer = buffer.split(b"R\n", 1)[1]
        deadline = time.monotonic() + rng.uniform(0.02, 0.5)
        while time.monotonic() < deadline:
            if select.select([fd], [], [], 0.005)[0]:
                consume(os.read(fd, 65536))
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        while True:  # lines printed completely before the kill still count
            data = os.read(fd, 65536)
            if not data:
                break
            consume(data)
        child.stdout.close()
        report = check_store(path)
        if not report.ok:
            print(f"round {round_no}: the store does not check out: {report.problems}", file=sys.stderr)
            lost += 1
            break
        seen = observed(path)
        if not matches(seen, model, pending):
            lost += 1
            print(f"round {round_no}: state differs from the acknowledged changes", file=sys.stderr)
            for name in ("records", "status", "searches"):
                a, b = getattr(seen, name), getattr(model, name)
                if a != b:
                    diff = {k: (a.get(k), b.get(k)) for k in set(a) | set(b) if a.get(k) != b.get(k)}
                    print(f"  {name} (store, expected): {diff}; in flight: {pending}", file=sys.stderr)
            break
        if pending is not None:  # the in-flight change may have landed: follow what the store says
            model = seen
        if (round_no + 1) % 50 == 0:
            print(f"{round_no + 1} kills, {checked} changes checked", file=sys.stderr)
    seconds = time.perf_counter() - started
    print(f"kill points survived: {round_no + 1 - lost} of {kills}; changes checked: {checked}; "
          f"injected failures: {injected}; lost: {lost}; {seconds:.0f} s; store {path}")
    return 0 if lost == 0 else 1


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--kills", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--inject", action="store_true", help="also inject ENOSPC/EIO failures on fsync")
    ap.add_argument("--store", type=Path, help="work directory (default: a new temporary one)")
    args = ap.parse_args(argv)
    return run(args.kills, args.seed, args.inject, args.store)


if __name__ == "__main__":
    raise SystemExit(main())
