"""Checking a change promised before the articles it needs (``annotations/pending.json``, written by
a merge: see ``Store._finish_pending``). Left by a merge that a full disk or a kill stopped between
its articles' commit and its journal line: until a writer finishes it, every reader sees those
articles without their coding, so ``check`` must not call the store ok."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from store.disk.atomic import read_json
from store.disk.layout import ANNOTATIONS_DIR, PENDING
from store.errors import StoreError

from .report import CheckReport, Found

WHERE = f"{ANNOTATIONS_DIR}/{PENDING}"


def check_pending(root: Path, report: CheckReport, found: Found) -> None:
    path = root / ANNOTATIONS_DIR / PENDING
    if not path.exists() and not path.is_symlink():
        return
    found.pending = True
    try:
        data: Any = read_json(path)
        label, needed, ops = str(data["label"]), set(data["articles"]), len(data["ops"])
    except (StoreError, KeyError, TypeError, ValueError):
        report.problems.append(f"{WHERE} is damaged: an interrupted merge's change cannot be read (--repair "
                               "moves it aside; run that merge again)")
        return
    if found.texts is not None and not needed <= set(found.texts):
        report.notes.append(f"{WHERE} holds an interrupted change ({label[:80]}) whose articles never "
                            "landed: the next writable open (or --repair) drops it; run that merge again")
        return
    report.problems.append(f"{WHERE} holds an interrupted change ({label[:80]}; {ops} row(s)) whose "
                           f"{len(needed)} article(s) are in the store without it: --repair finishes it (as "
                           "the next writable open does)")


def finish_pending(root: Path, report: CheckReport) -> None:
    """Open the store for writing, which finishes (or drops) the promised change."""
    from store.store import Store

    try:
        with Store(root, reviewer="tandai-check", wait_for_lock=True) as st:
            done = [n for n in st.notes if PENDING in n or "interrupted change" in n]
    except StoreError as exc:
        report.problems.append(f"not repaired: the interrupted change in {WHERE} could not be finished: "
                               f"{exc}")
        return
    report.actions += done or [f"{WHERE}: nothing was left to do (its change was in the journal already)"]
