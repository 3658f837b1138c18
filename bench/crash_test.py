"""Crash test: kill a writer with SIGKILL at random moments and prove nothing acknowledged is lost.

A child process changes a store through the public API in a loop: it adds, edits and deletes
activity records, sets status, corrects entities (add, relabel, remove), saves and deletes
searches, undoes and redoes, and now and then ingests a new article. Before each call it prints
what the call may change ("B"); after the call returned it prints the resulting values of every
key the call touched ("A"). The parent kills it with SIGKILL at a random moment, reopens the
store and checks: it opens, ``check_store`` finds every file whole (manifest, shards, snapshot,
journal, backups), and the annotation tables and the article set equal every acknowledged
change — plus, at most, the one call in flight at the kill. Compaction runs every 7 changes in
the child, so kills also land while snapshots are written and backups rotated.

``--inject`` also makes writes and fsyncs fail at random in the child (ENOSPC or EIO; some
writes fail after writing part of their data, as a full disk does). Every failed call must
raise a StoreError (any other exception is a failure of the test), must leave the in-memory
state exactly as it was and the journal file byte for byte as it was (nothing half-applied),
and must not be in the store after the next kill.

    python bench/crash_test.py --kills 1000            # the full run
    python bench/crash_test.py --kills 50              # CI
    python bench/crash_test.py --kills 300 --inject    # with injected write failures

``--repair-share F`` makes that share of the rounds a ``tandai check --repair`` killed at a random
moment instead of the writer (after damage that repair must mend: the search index removed, or
the snapshot removed when backups hold it); then a full repair must bring back every
acknowledged change. ``--reader`` runs a read-only process beside every round that opens the
store in a loop and fails the run if it ever raises or sees fewer changes (a lower journal
sequence number) than it saw before: compaction, repair and kills must never show a reader a
store that went back in time.
"""

from __future__ import annotations

import argparse
import errno
import json
import os
import random
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import store
from store.check import check_store
from store.disk.annotations import TABLES, status_key

ROOT = Path(__file__).resolve().parent.parent

REVIEWER = "crash"
Tables = dict[str, dict[str, Any]]

# -- the writer (child process) -------------------------------------------------------------------


class Faults:
    """Random ENOSPC/EIO on fsync, on file writes (sometimes after a partial write) and on renames,
    installed in the child only, armed only while a store call runs."""

    def __init__(self, rng: random.Random, rate: float) -> None:
        self.rng = rng
        self.rate = rate
        self.armed = False
        self.raised = 0

    def maybe(self, what: str) -> None:
        if self.armed and self.rng.random() < self.rate:
            self.raised += 1
            code = self.rng.choice([errno.ENOSPC, errno.EIO])
            raise OSError(code, f"{os.strerror(code)} (injected into {what})")

    def install(self) -> None:
        import store.disk.atomic
        import store.disk.journal

        faults = self
        real_fsync, real_fdopen, real_replace, real_open = os.fsync, os.fdopen, os.replace, open

        class FlakyFile:
            def __init__(self, fh: Any) -> None:
                self._fh = fh

            def write(self, data: bytes) -> int:
                if faults.armed and faults.rng.random() < faults.rate:
                    if faults.rng.random() < 0.5:  # a short write, then the error (a disk filling up)
                        self._fh.write(bytes(data)[: faults.rng.randrange(len(data) + 1)])
                    faults.raised += 1
                    code = faults.rng.choice([errno.ENOSPC, errno.EIO])
                    raise OSError(code, f"{os.strerror(code)} (injected into write)")
                return int(self._fh.write(data))

            def __enter__(self) -> FlakyFile:
                return self

            def __exit__(self, *exc: object) -> None:
                self._fh.close()

            def __getattr__(self, name: str) -> Any:
                return getattr(self._fh, name)

        def fsync(fd: int) -> None:
            faults.maybe("fsync")
            real_fsync(fd)

        def replace(src: Any, dst: Any) -> None:
            faults.maybe("rename")
            real_replace(src, dst)

        os.fsync = fsync  # type: ignore[assignment]
        os.replace = replace  # type: ignore[assignment]
        store.disk.atomic.os.fdopen = lambda *a, **k: FlakyFile(real_fdopen(*a, **k))  # type: ignore[attr-defined]
        store.disk.journal.open = lambda *a, **k: FlakyFile(real_open(*a, **k))  # type: ignore[attr-defined]


def _changes(st: store.Store, keys: list[tuple[str, str]]) -> list[list[Any]]:
    return [[t, k, st.annotations.get(t, k)] for t, k in keys]


def _pick_op(st: store.Store, rng: random.Random, n: int, ids: list[str], inbox: Path) -> dict[str, Any]:
    """The next call and what it may change: ``expect`` holds (table, key or None for a new key,
    fields the value must have / "*" for anything / None for deleted)."""
    records = list(st.annotations.tables["records"])
    kinds = ["add"] * 4 + ["update"] * 3 + ["delete", "status", "status", "correct", "correct", "search",
                                             "unsearch", "undo", "redo"]
    kind = rng.choice(kinds)
    if rng.random() < 0.03:
        kind = "ingest"
    if kind in ("update", "delete") and not records:
        kind = "add"
    if kind == "unsearch" and not st.annotations.tables["searches"]:
        kind = "search"
    if (kind == "undo" and not st.history.undo_stack) or (kind == "redo" and not st.history.redo_stack):
        kind = "status"
    aid = rng.choice(ids)
    if kind == "add":
        unit = f"Polres Uji {n}"
        return {"op": kind, "article": aid, "unit": unit, "personnel": rng.randrange(1000),
                "expect": [["records", None, {"unit": unit, "article_id": aid}],
                           ["status", status_key(REVIEWER, aid), "*"]]}
    if kind == "update":
        rid = rng.choice(records)
        notes = f"catatan {n} " + "x" * rng.randrange(3000)  # some big entries: torn writes need room
        return {"op": kind, "id": rid, "notes": notes, "expect": [["records", rid, {"notes": notes}]]}
    if kind == "delete":
        rid = rng.choice(records)
        return {"op": kind, "id": rid, "expect": [["records", rid, None]]}
    if kind == "status":
        status = rng.choice(["done", "flagged", "skipped", "in_progress", "irrelevant"])
        return {"op": kind, "article": aid, "status": status,
                "expect": [["status", status_key(REVIEWER, aid), {"status": status}]]}
    if kind == "correct":
        article = st.article(aid)
        ents = article.entities
        label = rng.choice(store.LABELS)
        if ents and rng.random() < 0.5:
            e = rng.choice(ents)
            start, end = e.start, e.end
            label_or_none = None if rng.random() < 0.5 else label
        else:
            start = rng.randrange(max(1, len(article.text) - 1))
            end = min(len(article.text), start + 1 + rng.randrange(30))
            label_or_none = label
        return {"op": kind, "article": aid, "start": start, "end": end, "label": label_or_none,
                "expect": [["overrides", None, {"article_id": aid, "start": start, "end": end}]]}
    if kind == "search":
        name = f"s{n % 17}"
        query = f"patroli {n}"
        return {"op": kind, "name": name, "query": query, "expect": [["searches", name, {"query": query}]]}
    if kind == "unsearch":
        name = rng.choice(sorted(st.annotations.tables["searches"]))
        return {"op": kind, "name": name, "expect": [["searches", name, None]]}
    if kind in ("undo", "redo"):
        step = (st.history.undo_stack if kind == "undo" else st.history.redo_stack)[-1]
        return {"op": kind, "expect": [[op.table, op.key, "*"] for op in step.ops]}
    source = inbox / f"berita-{n}.txt"
    source.write_text(f"Polres Uji {n} Gelar Patroli Malam\n\nPolres Uji {n} melaksanakan patroli malam di "
                      f"Kecamatan Sukamaju {n} pada Senin (25/11/2024) bersama {n % 97 + 3} personel.\n",
                      encoding="utf-8")
    return {"op": "ingest", "source": str(source), "expect": []}


def _call(st: store.Store, op: dict[str, Any], texts: dict[str, str]) -> list[list[Any]]:
    """Make the call; returns the resulting values of every key it touched."""
    kind = op["op"]
    if kind == "add":
        end = min(20, len(texts[op["article"]]))
        rec = st.add_record(op["article"], type="patrol", unit=op["unit"], personnel=op["personnel"],
                            evidence=[{"start": 0, "end": end}])
        return _changes(st, [("records", rec.id), ("status", status_key(REVIEWER, op["article"]))])
    if kind == "update":
        st.update_record(op["id"], notes=op["notes"])
        return _changes(st, [("records", op["id"])])
    if kind == "delete":
        st.delete_record(op["id"])
        return _changes(st, [("records", op["id"])])
    if kind == "status":
        st.set_status(op["article"], op["status"])
        return _changes(st, [("status", status_key(REVIEWER, op["article"]))])
    if kind == "correct":
        override = st.correct_entity(op["article"], op["start"], op["end"], op["label"])
        return _changes(st, [("overrides", override["id"])])
    if kind == "search":
        st.save_search(op["name"], op["query"])
        return _changes(st, [("searches", op["name"])])
    if kind == "unsearch":
        st.delete_search(op["name"])
        return _changes(st, [("searches", op["name"])])
    if kind in ("undo", "redo"):
        done = st.undo() if kind == "undo" else st.redo()
        assert done is not None
        return _changes(st, [(t, k) for t, k, _ in op["expect"]])
    report = st.ingest([op["source"]])
    if report.skipped:
        raise AssertionError(f"the generated article was skipped: {report.skipped}")
    return [["articles", aid, op["source"]] for aid in report.added_ids]


def _digest(st: store.Store) -> bytes:
    import orjson

    return orjson.dumps([st.annotations.seq, st.annotations.tables], option=orjson.OPT_SORT_KEYS)


def child_main(path: Path, seed: int, inject: float) -> int:
    """The writer: runs until it is killed; every line it prints is flushed at once."""
    from store.disk import annotations

    annotations.COMPACT_EVERY = 7
    rng = random.Random(seed)
    faults = Faults(random.Random(seed + 1), inject)
    if inject:
        faults.install()
    st = store.open(path, reviewer=REVIEWER)
    if not st.writable:
        print(f"X the store is not writable: {st.notice}", flush=True)
        return 3
    ids = [a.id for a in st.articles()]
    texts = {aid: st.article(aid).text for aid in ids}
    inbox = path.parent / "inbox"
    inbox.mkdir(exist_ok=True)
    print("R", flush=True)
    journal = path / "annotations" / "journal.jsonl"
    n = seed * 1000
    while True:
        n += 1
        op = _pick_op(st, rng, n, ids, inbox)
        print("B " + json.dumps(op), flush=True)
        before = _digest(st) if inject else b""
        size = journal.stat().st_size if journal.exists() else 0
        raised_before = faults.raised
        faults.armed = True
        try:
            changes = _call(st, op, texts)
        except store.StoreError as exc:
            faults.armed = False
            if faults.raised == raised_before:
                print("X " + json.dumps({"error": f"StoreError without an injected fault: {exc}"}), flush=True)
                return 3
            after_size = journal.stat().st_size if journal.exists() else 0
            unchanged = op["op"] == "ingest" or (_digest(st) == before and after_size == size)
            print("F " + json.dumps({"error": str(exc), "unchanged": unchanged, "op": op,
                                     "injected": faults.raised}), flush=True)
            continue
        except Exception:  # noqa: BLE001 - anything but a StoreError is a bug the test must show
            faults.armed = False
            print("X " + json.dumps({"error": traceback.format_exc()}), flush=True)
            return 3
        faults.armed = False
        for change in changes:
            if change[0] == "articles":
                ids.append(change[1])
                texts[change[1]] = st.article(change[1]).text
        print("A " + json.dumps({"op": op["op"], "changes": changes, "injected": faults.raised}), flush=True)


def reader_main(path: Path) -> int:
    """The concurrent reader: opens read-only in a loop until killed; prints each read's sequence
    number ("S seq records") and every failure ("E ..."). It stops itself after 30 minutes."""
    best = 0
    stop_at = time.monotonic() + 1800
    while time.monotonic() < stop_at:
        try:
            with store.open(path, reviewer="reader", read_only=True) as st:
                seq, records = st.annotations.seq, len(st.annotations.tables["records"])
        except store.StoreError as exc:
            print(f"E {exc}", flush=True)
            time.sleep(0.01)
            continue
        except Exception:  # noqa: BLE001 - a traceback is a failure the run must show
            print("E " + traceback.format_exc().replace("\n", " | "), flush=True)
            continue
        if seq < best:
            print(f"E went back from seq {best} to {seq}", flush=True)
        best = max(best, seq)
        print(f"S {seq} {records}", flush=True)
    return 0


def damage_for_repair(path: Path, rng: random.Random) -> str:
    """Break something ``check --repair`` must mend without loss; returns what."""
    backups = path / "annotations" / "backups"
    choice = rng.choice(["index", "snapshot", "none"])
    if choice == "snapshot" and any(backups.glob("journal-upto-*.jsonl")):
        snap = path / "annotations" / "annotations.json"
        if snap.exists():
            snap.unlink()
            return "snapshot removed"
    if choice in ("index", "snapshot"):
        shutil.rmtree(path / "index", ignore_errors=True)
        return "index removed"
    return "nothing damaged"


# -- the checker (parent process) -----------------------------------------------------------------


@dataclass
class State:
    """What the store must hold: the annotation tables and the article ids."""

    tables: Tables = field(default_factory=lambda: {t: {} for t in TABLES})
    articles: dict[str, str] = field(default_factory=dict)  # id -> source

    def apply(self, changes: list[list[Any]]) -> None:
        for table, key, value in changes:
            if table == "articles":
                self.articles[key] = value
            elif value is None:
                self.tables[table].pop(key, None)
            else:
                self.tables[table][key] = value


def observe(path: Path) -> State:
    state = State()
    with store.open(path, reviewer=REVIEWER, read_only=True) as st:
        state.tables = {t: dict(st.annotations.tables[t]) for t in TABLES}
        state.articles = {a.id: a.source for a in st.articles()}
    return state


def _fits(value: Any, want: Any) -> bool:
    if want == "*":
        return True
    if want is None:
        return value is None
    return isinstance(value, dict) and all(value.get(k) == v for k, v in want.items())


def explain(seen: State, model: State, doubtful: list[dict[str, Any]]) -> list[str]:
    """Differences between the store and the acknowledged changes that no call in doubt (the one in
    flight at the kill, or one that reported an ingest failure) explains. Empty means: nothing lost."""
    out: list[str] = []
    expects = [e for op in doubtful for e in op["expect"]]
    new_allowed = {e[0]: e for e in expects if e[1] is None}
    for table in TABLES:
        a, b = seen.tables[table], model.tables[table]
        for key in set(a) | set(b):
            if a.get(key) == b.get(key):
                continue
            ok = any(e[0] == table and e[1] == key and _fits(a.get(key), e[2]) for e in expects)
            if not ok and key not in b and table in new_allowed and _fits(a[key], new_allowed[table][2]):
                ok = True
                del new_allowed[table]  # one new key per call in doubt
            if not ok:
                out.append(f"{table}[{key!r}]: store has {a.get(key)!r:.200}, acknowledged {b.get(key)!r:.200}")
    ingests = {op["source"] for op in doubtful if op["op"] == "ingest"}
    for aid in set(seen.articles) ^ set(model.articles):
        if aid in model.articles:
            out.append(f"article {aid} ({model.articles[aid]}) was acknowledged and is gone")
        elif seen.articles[aid] not in ingests:
            out.append(f"article {aid} ({seen.articles[aid]}) is in the store, but no ingest of it returned")
    return out


@dataclass
class Tally:
    kills: int = 0
    survived: int = 0
    checked: int = 0
    injected: int = 0
    refused: int = 0
    half_applied: int = 0
    crashed: int = 0
    lost: int = 0
    early: int = 0
    temp_files: int = 0
    in_flight_landed: int = 0
    repairs: int = 0
    reads: int = 0
    reader_errors: int = 0


def make_store(path: Path) -> None:
    with store.open(path, reviewer=REVIEWER) as st:
        report = st.ingest([ROOT / "sample_articles"])
    if report.added == 0:
        raise SystemExit("no sample articles to work on")


def _read_ready(child: subprocess.Popen[bytes], fd: int, timeout: float) -> bytes:
    buffer = b""
    ready_by = time.monotonic() + timeout
    while b"R\n" not in buffer and time.monotonic() < ready_by and child.poll() is None:
        if select.select([fd], [], [], 0.05)[0]:
            buffer += os.read(fd, 65536)
    return buffer


def repair_round(path: Path, rng: random.Random, model: State, round_no: int) -> list[str]:
    """Damage what repair mends, kill a ``tandai check --repair`` at a random moment, then repair to
    the end: every acknowledged change must still be there."""
    what = damage_for_repair(path, rng)
    cmd = [sys.executable, "-m", "tui.cli", "--store", str(path), "check", "--repair"]
    child = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    time.sleep(rng.uniform(0.0, 1.5))
    if child.poll() is None:
        os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert child.stderr is not None
    err = child.stderr.read().decode(errors="replace")
    child.stderr.close()
    if "Traceback" in err:
        return [f"round {round_no}: check --repair ({what}) raised: {err[-2000:]}"]
    final = check_store(path, repair=True)
    if not final.ok:
        return [f"round {round_no}: repair after a killed repair ({what}) left: {final.problems}"]
    try:
        seen = observe(path)
    except store.StoreError as exc:
        return [f"round {round_no}: the store does not open after repair ({what}): {exc}"]
    return [f"round {round_no} ({what}): {line}" for line in explain(seen, model, [])[:20]]


def start_reader(path: Path, base: Path) -> tuple[subprocess.Popen[bytes], Path]:
    out = base / "reader.log"
    with out.open("wb") as fh:
        child = subprocess.Popen([sys.executable, str(Path(__file__).resolve()), "--reader", str(path)],
                                 stdout=fh, stderr=subprocess.STDOUT)
    return child, out


def stop_reader(child: subprocess.Popen[bytes], out: Path, tally: Tally) -> list[str]:
    child.kill()
    child.wait()
    lines = out.read_text(errors="replace").splitlines()
    tally.reads = sum(line.startswith("S ") for line in lines)
    errors = [line for line in lines if not line.startswith("S ")]
    tally.reader_errors = len(errors)
    return [f"reader: {line[:500]}" for line in errors[:10]]


def run(kills: int, seed: int, inject: bool, workdir: Path | None, rate: float = 0.08,
        verbose: bool = False, repair_share: float = 0.0, reader: bool = False) -> Tally:
    rng = random.Random(seed)
    base = Path(workdir) if workdir else Path(tempfile.mkdtemp(prefix="tandai-crash-"))
    path = base / "store"
    if not (path / "tandai.json").exists():
        make_store(path)
    model = observe(path)
    tally = Tally()
    started = time.perf_counter()
    reading = start_reader(path, base) if reader else None
    for round_no in range(kills):
        tally.kills += 1
        if rng.random() < repair_share:
            tally.repairs += 1
            # the reader pauses while the store is damaged on purpose: a reader may (must) fail
            # on a missing snapshot; what it must never see is a healthy store going back
            if reading is not None:
                reading[0].send_signal(signal.SIGSTOP)
            try:
                problems = repair_round(path, rng, model, round_no)
            finally:
                if reading is not None:
                    reading[0].send_signal(signal.SIGCONT)
            if problems:
                print("\n  ".join(problems), file=sys.stderr)
                tally.lost += 1
                break
            tally.survived += 1
            continue
        cmd = [sys.executable, str(Path(__file__).resolve()), "--child", str(path),
               "--seed", str(seed * 100_003 + round_no)]
        if inject:
            cmd += ["--inject", "--rate", str(rate)]
        child = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        assert child.stdout is not None and child.stderr is not None
        fd = child.stdout.fileno()
        # One kill in ten lands while the writer opens the store (journal repair, index catch-up).
        early = rng.random() < 0.1
        buffer = _read_ready(child, fd, rng.uniform(0.0, 0.4) if early else 60)
        if b"R\n" not in buffer and not early:
            child.kill()
            child.wait()
            print(f"round {round_no}: the writer did not start: {child.stderr.read().decode()[-2000:]}",
                  file=sys.stderr)
            tally.crashed += 1
            break
        early = b"R\n" not in buffer
        buffer = buffer.split(b"R\n", 1)[1] if not early else b""
        pending: dict[str, Any] | None = None
        doubtful: list[dict[str, Any]] = []
        problems: list[str] = []
        raised = 0

        def consume(data: bytes) -> None:
            nonlocal buffer, pending, raised
            buffer += data
            *lines, buffer = buffer.split(b"\n")
            for raw in lines:
                tag, _, payload = raw.decode().partition(" ")
                msg = json.loads(payload) if payload else {}
                raised = max(raised, msg.get("injected", 0)) if isinstance(msg, dict) else raised
                if tag == "B":
                    pending = msg
                elif tag == "A":
                    model.apply(msg["changes"])  # noqa: B023 - the model of this run, on purpose
                    tally.checked += 1
                    pending = None
                elif tag == "F":
                    tally.refused += 1
                    if not msg["unchanged"]:
                        tally.half_applied += 1
                        problems.append(f"a failed call left a change behind: {msg}")  # noqa: B023
                    if msg["op"]["op"] == "ingest":
                        doubtful.append(msg["op"])  # noqa: B023 - committed, then the index write failed?
                    pending = None
                elif tag == "X":
                    problems.append(f"the writer failed: {msg['error']}")  # noqa: B023

        consume(b"")  # lines read with "R" (the first call's "B") count even if nothing follows
        deadline = time.monotonic() + (0 if early else rng.uniform(0.01, 0.6))
        while time.monotonic() < deadline and child.poll() is None:
            if select.select([fd], [], [], 0.005)[0]:
                consume(os.read(fd, 65536))
        exited_alone = child.poll() is not None
        if not exited_alone:
            os.kill(child.pid, signal.SIGKILL)
        child.wait()
        while True:  # lines printed completely before the kill count too
            data = os.read(fd, 65536)
            if not data:
                break
            consume(data)
        stderr = child.stderr.read().decode(errors="replace")
        child.stdout.close()
        child.stderr.close()
        if exited_alone:
            tally.crashed += 1
            problems.append(f"the writer exited by itself (code {child.returncode}): {stderr[-3000:]}")
        if pending is not None:
            doubtful.append(pending)
        tally.injected += raised
        tally.early += early
        # 1. every file whole: a stale index is allowed only when an ingest was cut short
        report = check_store(path)
        index_only = all("search index" in p for p in report.problems)
        if not report.ok and not (index_only and (early or any(op["op"] == "ingest" for op in doubtful))):
            problems.append(f"the store does not check out: {report.problems}")
        # 2. every acknowledged change is there, nothing else but the calls in doubt
        try:
            seen = observe(path)
        except store.StoreError as exc:
            problems.append(f"the store does not open: {exc}")
            seen = None
        if seen is not None:
            diff = explain(seen, model, doubtful)
            if diff:
                tally.lost += 1
                problems += diff[:20]
            elif doubtful:
                tally.in_flight_landed += int(seen.tables != model.tables or seen.articles != model.articles)
                model = seen  # a call in doubt may have landed: follow the store from here
        if not report.ok and not problems:  # an interrupted ingest: the next writer catches the index up
            with store.open(path, reviewer=REVIEWER):
                pass
            after = check_store(path)
            if not after.ok:
                problems.append(f"the store does not check out after reopening: {after.problems}")
        if problems:
            print(f"round {round_no}: " + "\n  ".join(problems), file=sys.stderr)
            break
        tally.survived += 1
        if verbose or (round_no + 1) % 50 == 0:
            print(f"{round_no + 1} kills, {tally.checked} changes checked, {tally.refused} refused calls, "
                  f"{time.perf_counter() - started:.0f} s", file=sys.stderr)
    seconds = time.perf_counter() - started
    if reading is not None:
        for line in stop_reader(*reading, tally):
            print(line, file=sys.stderr)
    final = check_store(path, repair=True)  # leftovers of killed writes go; nothing else may need doing
    tally.temp_files = sum(int(a.split()[1]) for a in final.actions if a.startswith("removed "))
    if not final.ok or any(not a.startswith("removed ") for a in final.actions):
        print(f"the final check: {final.lines()}", file=sys.stderr)
        tally.lost += 1
    print(f"kill points survived: {tally.survived} of {kills} ({tally.early} while the writer opened the "
          f"store); changes checked: {tally.checked}; injected failures: {tally.injected} "
          f"({tally.refused} calls refused with a StoreError, none half-applied: {tally.half_applied == 0}); "
          f"writer crashes: {tally.crashed}; in-flight calls that landed: {tally.in_flight_landed}; "
          f"temp files left by kills: {tally.temp_files}; killed repairs: {tally.repairs}; reader: "
          f"{tally.reads} reads, {tally.reader_errors} errors or steps back; lost: {tally.lost}; "
          f"{seconds:.0f} s; store {path}")
    return tally


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--kills", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--inject", action="store_true", help="also inject ENOSPC/EIO into writes, fsyncs, renames")
    ap.add_argument("--rate", type=float, default=0.08, help="chance of a fault per write/fsync (--inject)")
    ap.add_argument("--store", type=Path, help="work directory (default: a new temporary one)")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--repair-share", type=float, default=0.1,
                    help="share of rounds that kill a `check --repair` instead of the writer")
    ap.add_argument("--reader", nargs="?", const=True, default=False,
                    help="run a concurrent read-only reader (checks it never goes back in time)")
    ap.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        return child_main(args.child, args.seed, args.rate if args.inject else 0.0)
    if isinstance(args.reader, str):
        return reader_main(Path(args.reader))
    tally = run(args.kills, args.seed, args.inject, args.store, rate=args.rate, verbose=args.verbose,
                repair_share=args.repair_share, reader=bool(args.reader))
    ok = (tally.survived == args.kills and tally.lost == 0 and tally.half_applied == 0 and tally.crashed == 0
          and tally.reader_errors == 0)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
