"""One reviewer's process for the concurrency and fault runs: N changes through the API.

    python -m tests.pg.worker URL PROC N SHARED_RECORD_IDS_CSV OUT

Each change is one of: edit a shared record's notes (others edit the same records: conflicts),
set this reviewer's status of an article, add a record. A change is written to OUT (one JSON
line, flushed) only once the API acknowledged it; a conflict is written as such. When the
database is unreachable the same change is tried again until it is saved (a fault run).
"""

from __future__ import annotations

import json
import sys
import time

import store
from store.errors import StoreError
from store.pg.annotations import Conflict
from store.pg.connection import ConnectionLost


def main(argv: list[str]) -> int:
    url, proc, n, shared_csv, out_path = argv[0], int(argv[1]), int(argv[2]), argv[3], argv[4]
    shared = shared_csv.split(",")
    opening = time.perf_counter()
    with open(out_path, "a", encoding="utf-8") as out, _open(url) as st:
        ids = [r.id for r in st.articles()]
        with open(f"{out_path}.open", "w", encoding="utf-8") as took:  # the bench reports it
            took.write(f"{time.perf_counter() - opening:.3f}\n")
        for i in range(n):
            kind = ("edit", "status", "edit", "add")[i % 4]
            note = f"p{proc}-{i}"
            while True:
                started = time.perf_counter()
                try:
                    if kind == "edit":
                        rid = shared[(proc + i) % len(shared)]
                        st.update_record(rid, notes=note)
                        entry: dict[str, object] = {"kind": kind, "id": rid, "note": note}
                    elif kind == "status":
                        aid = ids[(proc * 7 + i) % len(ids)]
                        want = ("done", "flagged", "in_progress")[i % 3]
                        st.set_status(aid, want)
                        entry = {"kind": kind, "id": aid, "status": want, "reviewer": st.reviewer}
                    else:
                        aid = ids[i % len(ids)]
                        draft = st.draft_record(aid, 0, 30)
                        rec = st.add_record(aid, **{**draft, "type": draft.get("type") or "patrol",
                                                    "unit": draft.get("unit") or "Polres Bontang",
                                                    "notes": note})
                        entry = {"kind": kind, "id": rec.id, "note": note}
                    entry["ms"] = (time.perf_counter() - started) * 1000
                    out.write(json.dumps(entry) + "\n")
                    break
                except Conflict as exc:
                    out.write(json.dumps({"kind": "conflict", "note": note, "message": str(exc)}) + "\n")
                    break
                except ConnectionLost:
                    _wait_for(st)
            out.flush()
    return 0


def _open(url: str) -> store.Store:
    while True:
        try:
            return store.open(url)
        except StoreError as exc:
            if "cannot connect" not in str(exc) and "lost" not in str(exc):  # the server restarting
                raise
            time.sleep(0.3)


def _wait_for(st: store.Store) -> None:
    """Until the database answers again; then catch up (a change whose answer was lost is in)."""
    while True:
        time.sleep(0.3)
        try:
            st.refresh()  # type: ignore[attr-defined]
            return
        except StoreError:
            continue


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
