"""Verify a store, and repair what can be repaired without losing anything.

Checks: the manifest and schema; every shard (readable, ids match their texts, entity and noise
offsets inside the text and on the right characters); the annotations (snapshot and journal
readable, records/overrides/status pointing at existing articles, evidence on the right text);
the search index (in step with the manifest, one document per article).

Repair never overwrites a broken file silently: it is moved aside (``*.broken-<time>``) first.
A broken annotations snapshot is rebuilt from the newest good backup plus every journal written
since, so no acknowledged change is lost; a damaged journal keeps its valid entries; a stale or
broken index is rebuilt. A broken shard cannot be rebuilt from the store (its articles must be
re-ingested from their sources), and the report says so.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .annotations import JOURNAL, SNAPSHOT, Annotations
from .atomic import fsync_dir, read_json, write_bytes
from .corpus import MANIFEST, Corpus
from .errors import CorruptFile, StoreError
from .journal import Journal, decode_line, encode_line
from .normalise import article_id
from .search import SearchIndex


@dataclass
class CheckReport:
    path: Path
    problems: list[str] = field(default_factory=list)
    actions: list[str] = field(default_factory=list)
    articles: int = 0
    records: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems

    def lines(self) -> list[str]:
        out = [f"store {self.path}: {self.articles} articles, {self.records} records"]
        out += [f"problem: {p}" for p in self.problems]
        out += [f"repaired: {a}" for a in self.actions]
        out.append("ok" if self.ok else f"{len(self.problems)} problem(s)")
        return out


def _aside(path: Path) -> Path:
    target = path.with_name(f"{path.name}.broken-{time.strftime('%Y%m%d-%H%M%S')}")
    os.replace(path, target)
    fsync_dir(path.parent)
    return target


def _check_spans(text: str, spans: list[dict[str, Any]], what: str, where: str, problems: list[str]) -> None:
    for s in spans:
        start, end = s.get("start"), s.get("end")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text)):
            problems.append(f"{where}: {what} {start}-{end} lies outside the text")
        elif "text" in s and s["text"] and text[start:end] != s["text"]:
            problems.append(f"{where}: {what} {start}-{end} does not cover {s['text'][:30]!r}")


def _check_corpus(root: Path, report: CheckReport) -> dict[str, str] | None:
    """Texts by article id, or None when the manifest itself cannot be read."""
    try:
        corpus = Corpus(root, writable=False)
    except StoreError as exc:
        report.problems.append(str(exc))
        return None
    texts: dict[str, str] = {}
    for name in corpus.shards:
        try:
            docs = corpus.load_shard(name)
        except StoreError as exc:
            report.problems.append(f"{exc} (re-ingest the sources of this shard's articles)")
            continue
        for aid, doc in docs.items():
            text = doc.get("text", "")
            where = f"article {aid}"
            if article_id(text) != aid:
                report.problems.append(f"{where}: id does not match its text")
            _check_spans(text, doc.get("entities", []), "entity", where, report.problems)
            _check_spans(text, doc.get("noise", []), "noise span", where, report.problems)
            texts[aid] = text
    expected = int(corpus.manifest.get("articles", 0))
    if expected != len(texts) and not report.problems:
        report.problems.append(f"{MANIFEST} lists {expected} articles, the shards hold {len(texts)}")
    report.articles = len(texts)
    return texts


def _check_annotations(root: Path, texts: dict[str, str] | None, report: CheckReport) -> bool:
    """Whether the annotations could be read."""
    try:
        ann = Annotations(root / "annotations", writable=False)
    except StoreError as exc:
        report.problems.append(str(exc))
        return False
    report.records = len(ann.tables["records"])
    if texts is None:
        return True
    for rec in ann.values("records"):
        text = texts.get(rec["article_id"])
        if text is None:
            report.problems.append(f"record {rec['id']}: article {rec['article_id']} is not in the store")
            continue
        _check_spans(text, rec.get("evidence", []), "evidence", f"record {rec['id']}", report.problems)
    for o in ann.values("overrides"):
        text = texts.get(o["article_id"])
        if text is None:
            report.problems.append(f"correction {o['id']}: article {o['article_id']} is not in the store")
        else:
            _check_spans(text, [o], "corrected span", f"correction {o['id']}", report.problems)
    for s in ann.values("status"):
        if s["article_id"] not in texts:
            report.problems.append(f"status of {s['article_id']}: the article is not in the store")
    return True


def _check_index(root: Path, report: CheckReport) -> bool:
    try:
        corpus = Corpus(root, writable=False)
    except StoreError:
        return False
    index = SearchIndex(root / "index")
    if not index.in_step(corpus.generation):
        report.problems.append("the search index is not in step with the store (run `tandai reindex`)")
        return False
    try:
        docs = index.num_docs()
    except (StoreError, OSError, ValueError) as exc:
        report.problems.append(f"the search index cannot be read: {exc}")
        return False
    if docs != report.articles:
        report.problems.append(f"the search index holds {docs} documents for {report.articles} articles")
        return False
    return True


def _journal_entries(path: Path) -> list[dict[str, Any]]:
    """Every valid entry of a journal file, stopping at the first damaged line."""
    out = []
    try:
        data = path.read_bytes()
    except OSError:
        return out
    for line in data.split(b"\n"):
        if not line:
            continue
        entry = decode_line(line)
        if entry is None:
            break
        out.append(entry)
    return out


def _repair_annotations(root: Path, report: CheckReport) -> None:
    ann_dir = root / "annotations"
    snap, jpath, backups = ann_dir / SNAPSHOT, ann_dir / JOURNAL, ann_dir / "backups"
    snapshot_ok = True
    try:
        if snap.exists():
            read_json(snap)
    except CorruptFile:
        snapshot_ok = False
    base_seq = 0
    if not snapshot_ok:
        kept = _aside(snap)
        report.actions.append(f"moved the broken {snap.name} aside to {kept.name}")
        good = None
        for candidate in sorted(backups.glob("annotations-*.json"), reverse=True):
            try:
                read_json(candidate)
            except CorruptFile:
                continue
            good = candidate
            break
        if good is not None:
            write_bytes(snap, good.read_bytes())
            base_seq = int(good.stem.split("-")[1])
            report.actions.append(f"restored {snap.name} from backup {good.name}")
        else:
            report.actions.append("no good backup snapshot: rebuilding from the journals alone")
    else:
        try:
            data = read_json(snap) if snap.exists() else {}
            base_seq = int(data.get("_meta", {}).get("1", {}).get("seq", 0))  # type: ignore[union-attr]
        except (CorruptFile, AttributeError, ValueError):
            base_seq = 0
    # every change made since that snapshot: archived journals, then the current one
    entries: list[dict[str, Any]] = []
    for archived in sorted(backups.glob("journal-upto-*.jsonl")):
        entries += [e for e in _journal_entries(archived) if e.get("seq", 0) > base_seq]
    current = _journal_entries(jpath) if jpath.exists() else []
    damaged = False
    if jpath.exists():
        try:
            Journal(jpath).replay(repair=False)
        except CorruptFile:
            damaged = True
    entries += [e for e in current if e.get("seq", 0) > base_seq]
    seen: set[int] = set()
    unique = []
    for e in sorted(entries, key=lambda e: e["seq"]):
        if e["seq"] not in seen:
            seen.add(e["seq"])
            unique.append(e)
    if damaged:
        kept = _aside(jpath)
        report.actions.append(f"moved the damaged {JOURNAL} aside to {kept.name}; kept its valid entries")
    if not snapshot_ok or damaged:
        write_bytes(jpath, b"".join(encode_line(e) for e in unique))
        report.actions.append(f"replayed {len(unique)} change(s) made since the restored snapshot")


def check_store(path: str | os.PathLike[str], repair: bool = False) -> CheckReport:
    """Verify the store at ``path``; with ``repair``, restore and rebuild what is broken."""
    root = Path(path)
    report = CheckReport(root)
    if not (root / MANIFEST).exists():
        report.problems.append(f"no store at {root} ({MANIFEST} is missing)")
        return report
    texts = _check_corpus(root, report)
    ann_ok = _check_annotations(root, texts, report)
    index_ok = _check_index(root, report)
    if not repair or report.ok:
        return report
    from .store import Store

    if not ann_ok:
        _repair_annotations(root, report)
    if not index_ok:
        try:
            with Store(root, reviewer="tandai-check", wait_for_lock=True) as st:
                n = st.reindex()
            report.actions.append(f"rebuilt the search index ({n} articles)")
        except StoreError as exc:
            report.problems.append(f"the search index could not be rebuilt: {exc}")
            return report
    after = CheckReport(root, actions=report.actions)
    texts = _check_corpus(root, after)
    _check_annotations(root, texts, after)
    _check_index(root, after)
    return after
