"""Verify a store, and repair what can be repaired without losing anything.

Checks: the manifest and schema; every shard (readable, ids match their texts, entity and noise
offsets inside the text and on the right characters, a meta file that agrees with it); the
annotations (snapshot and journal readable and without a gap, records/corrections/status
pointing at existing articles, evidence on the right text); the backups repair would use; the
search index (in step with the manifest, one document per article).

Repair takes the writer lock (it refuses while another process writes), and never overwrites a
broken file silently: it is moved aside (``*.broken-<time>``) first. The annotations are rebuilt
from the newest good snapshot (the current one, else a backup) plus every valid journal entry
written since — archived journals and the current one, damaged lines skipped — so no
acknowledged change is lost; the result is written as a new snapshot. A stale or broken index is
rebuilt (into a new directory, swapped in when complete), a broken shard meta file or
``index/first-screen.json`` is rebuilt from its source, and a missing or malformed manifest is
rebuilt from the shards and their meta files (generation, article count, shard order, next shard
number). A broken shard cannot be rebuilt from the store: it is quarantined in
``corpus/quarantine/`` with a listing of its articles, dropped from the manifest, and the repair
ends with a problem naming them; once re-ingested from their sources, their annotations are back.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from store.disk.layout import CORPUS_DIR, MANIFEST

from . import repair as _repair
from .annotations import check_annotations
from .corpus import check_corpus
from .index import check_index
from .pending import check_pending
from .report import CheckReport, Found

__all__ = ["CheckReport", "check_store"]


def _inspect(root: Path) -> tuple[CheckReport, Found]:
    report = CheckReport(root)
    found = Found()
    check_corpus(root, report, found)
    check_annotations(root, report, found)
    check_pending(root, report, found)
    _excuse_quarantined(report, found)
    check_index(root, report, found)
    return report, found


QUARANTINED_REF = re.compile(r"(?:article |status of )([0-9a-f]{16}):? (?:the article )?is not in the store")


def _excuse_quarantined(report: CheckReport, found: Found) -> None:
    """Annotations of articles in a quarantined shard wait for their re-ingest: a note, not damage
    (repair cannot bring the articles back; re-ingesting their sources does)."""
    if not found.quarantined:
        return
    kept, waiting = [], 0
    for problem in report.problems:
        m = QUARANTINED_REF.search(problem)
        if m and m.group(1) in found.quarantined:
            waiting += 1
        else:
            kept.append(problem)
    report.problems = kept
    if waiting:
        report.notes.append(f"{waiting} record(s), correction(s) or status(es) belong to quarantined "
                            "articles and come back when those are re-ingested")


def _has_shards(root: Path) -> bool:
    corpus_dir = root / CORPUS_DIR
    return corpus_dir.is_dir() and any(corpus_dir.glob("shard-*.json"))


def check_store(path: str | os.PathLike[str], repair: bool = False) -> CheckReport:
    """Verify the store at ``path``; with ``repair``, restore and rebuild what is broken.

    Never raises for a damaged store: every finding is a line of the report.
    """
    root = Path(path).expanduser()
    if not (root / MANIFEST).exists() and not _has_shards(root):
        report = CheckReport(root)
        report.problems.append(f"no store at {root} ({MANIFEST} is missing)")
        return report
    report, found = _inspect(root)
    if not repair or (report.ok and not found.leftovers and not found.spare_shards):
        return report
    _repair.repair(root, report, found)
    after, _ = _inspect(root)
    after.actions = report.actions
    kept = [p for p in report.problems if p.startswith(("not repaired", "changes ", _repair.LOST))]
    after.problems = kept + after.problems
    return after
