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

import itertools
import os
import re
import shutil
import stat
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeGuard

from store.disk.annotations import TABLES, Annotations, snapshot_problem, write_snapshot
from store.disk.atomic import fsync_dir, own_dir, read_json, read_own, write_json
from store.disk.corpus import (
    BrokenShard,
    Corpus,
    DamagedManifest,
    rebuild_manifest,
    summary_of,
    write_manifest,
)
from store.disk.journal import Journal, decode_line
from store.disk.layout import (
    ANNOTATIONS_DIR,
    BACKUPS,
    CORPUS_DIR,
    DAMAGED_DIR,
    FIRST_SCREEN,
    INDEX_DIR,
    JOURNAL,
    LOCK_FILE,
    MANIFEST,
    SNAPSHOT,
    STAMP,
    TAXONOMY,
)
from store.disk.lock import WriterLock
from store.errors import CorruptFile, StoreError
from store.model import STATUSES, ActivityRecord, Article
from store.search.index import STALE, SearchIndex, first_screen_problem
from store.taxonomy import load_taxonomy
from store.text.normalise import article_id


@dataclass
class CheckReport:
    """What ``check_store`` found (``problems``), did (``actions``) and noticed (``notes``)."""

    path: Path
    problems: list[str] = field(default_factory=list)
    actions: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    articles: int = 0
    records: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems

    def lines(self) -> list[str]:
        out = [f"store {self.path}: {self.articles} articles, {self.records} records"]
        out += [f"problem: {p}" for p in self.problems]
        out += [f"repaired: {a}" for a in self.actions]
        out += [f"note: {n}" for n in self.notes]
        out.append("ok" if self.ok else f"{len(self.problems)} problem(s)")
        return out


@dataclass
class _Found:
    """What the read-only pass learnt that repair needs."""

    texts: dict[str, str] | None = None
    annotations_ok: bool = True
    bad_backups: list[Path] = field(default_factory=list)
    bad_metas: list[str] = field(default_factory=list)
    index_ok: bool = True
    leftovers: list[Path] = field(default_factory=list)
    manifest_broken: bool = False  # missing or malformed while shards exist: rebuild it
    broken_shards: list[str] = field(default_factory=list)  # listed but damaged: quarantine them
    first_screen_bad: bool = False
    quarantined: set[str] = field(default_factory=set)  # ids of quarantined articles not yet re-ingested
    article_count: int | None = None  # the count the manifest should hold, when it holds another
    odd_files: list[Path] = field(default_factory=list)  # links or the wrong kind of file: moved aside


def _aside(path: Path, why: str = "broken") -> Path:
    """Move a file out of the way, keeping it (never delete what a person may need)."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.{why}-{stamp}")
    n = 1
    while os.path.lexists(target):
        n += 1
        target = path.with_name(f"{path.name}.{why}-{stamp}-{n}")
    os.replace(path, target)
    fsync_dir(path.parent)
    return target


def _check_spans(text: str, spans: list[Any], what: str, where: str, problems: list[str]) -> None:
    for s in spans:
        if not isinstance(s, dict):
            problems.append(f"{where}: a {what} is not an object ({s!r:.40})")
            continue
        start, end = s.get("start"), s.get("end")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text)):
            problems.append(f"{where}: {what} {start}-{end} lies outside the text")
        elif isinstance(s.get("text"), str) and text[start:end] != s["text"]:
            problems.append(f"{where}: {what} {start}-{end} does not cover {s['text'][:30]!r}")


# -- corpus ---------------------------------------------------------------------------------------


def _check_corpus(root: Path, report: CheckReport, found: _Found) -> None:
    try:
        corpus = Corpus(root, writable=False)
    except DamagedManifest as exc:
        report.problems.append(str(exc))
        found.manifest_broken = True
        return
    except StoreError as exc:  # a newer schema: nothing this tandai may rebuild
        report.problems.append(str(exc))
        return
    texts: dict[str, str] = {}
    broken_shards = 0
    for name in corpus.shards:
        try:
            docs = corpus.load_shard(name)
        except StoreError as exc:
            report.problems.append(f"{exc} (--repair quarantines it; its articles must then be re-ingested "
                                   "from their source files)")
            broken_shards += 1
            if isinstance(exc, BrokenShard):
                found.broken_shards.append(name)
            continue
        problems_before = len(report.problems)
        for aid, doc in docs.items():
            where = f"article {aid} ({name})"
            text = doc.get("text")
            if not isinstance(text, str):
                report.problems.append(f"{where}: has no text")
                continue
            if article_id(text) != aid:
                report.problems.append(f"{where}: id does not match its text")
            if aid in texts:
                report.problems.append(f"{where}: the same article is in two shards")
            _check_spans(text, doc.get("entities") or [], "entity", where, report.problems)
            _check_spans(text, doc.get("noise") or [], "noise span", where, report.problems)
            texts[aid] = text
        if len(report.problems) > problems_before:  # the bodies are not as ingested: re-ingest them
            report.problems.append(f"{name}.json holds damaged articles (--repair quarantines it; its "
                                   "articles must then be re-ingested from their source files)")
            found.broken_shards.append(name)
            continue
        problem = _meta_problem(corpus, name, docs)
        if problem:
            report.problems.append(problem)
            found.bad_metas.append(name)
    expected = int(corpus.manifest.get("articles", 0))
    if expected != len(texts) and not broken_shards:
        report.problems.append(f"{MANIFEST} lists {expected} articles, the shards hold {len(texts)}")
        found.article_count = len(texts)
    unlisted = corpus.unlisted_shards()
    if unlisted:
        report.problems.append(f"{', '.join(n + '.json' for n in unlisted)}: not listed in {MANIFEST} "
                               "(--repair rebuilds the manifest from the shards)")
        found.manifest_broken = True
    listed = set(corpus.shards)
    if corpus.dir.exists():
        orphans = [p.name for p in corpus.dir.glob("shard-*.json")
                   if p.name.split(".")[0] not in listed and p.name.split(".")[0] not in unlisted]
        if orphans:
            report.notes.append(f"{len(orphans)} shard file(s) of an unfinished ingest are not part of the "
                                "store (removed by the next ingest)")
        found.leftovers += list(corpus.dir.glob(".*.tmp"))
    lost: dict[str, list[str]] = {}
    for aid, shard in corpus.quarantined_ids().items():
        if aid not in texts:
            lost.setdefault(shard, []).append(aid)
    for shard, ids in sorted(lost.items()):
        found.quarantined.update(ids)
        more = f" and {len(ids) - 10} more" if len(ids) > 10 else ""
        report.notes.append(f"{len(ids)} article(s) of the quarantined {shard}.json are not in the store "
                               f"({', '.join(ids[:10])}{more}): re-ingest their source files (listed in "
                               "corpus/quarantine/)")
    report.articles = len(texts)
    found.texts = texts


META_FIELDS = ("title", "outlet", "published", "dateline", "duplicate_of", "source")


def _meta_problem(corpus: Corpus, name: str, docs: dict[str, dict[str, Any]]) -> str | None:
    """What is wrong with a shard's meta file (ingest's duplicate check and the article list
    trust it), or None: every article once, with its list fields and a signature."""
    meta_name = f"{name}.meta.json"
    try:
        summaries = corpus.load_meta(name)
    except StoreError as exc:
        return str(exc)
    ids = [s["id"] for s in summaries]
    if sorted(ids) != sorted(docs):
        return f"{meta_name} does not list the articles of {name}.json"
    for s in summaries:
        doc = docs[s["id"]]
        wrong = [f for f in META_FIELDS if s.get(f) != doc.get(f)]
        if wrong:
            return f"{meta_name}: the {', '.join(wrong)} of article {s['id']} differ from {name}.json"
        sig = s.get("sig")
        if not (isinstance(sig, list) and all(isinstance(x, int) and not isinstance(x, bool) for x in sig)):
            return f"{meta_name}: article {s['id']} has no duplicate signature"
    return None


# -- annotations ----------------------------------------------------------------------------------


def _valid_snapshot(path: Path) -> dict[str, Any] | None:
    """The snapshot's data when it is readable and well-formed (the loader accepts it), else None."""
    try:
        data = read_json(path)
    except CorruptFile:
        return None
    if not isinstance(data, dict) or snapshot_problem(data):  # (a checksum that does not hold)
        return None
    try:
        int(data.get("_meta", {}).get("1", {}).get("seq", 0))
        for table in TABLES:
            for doc in data.get(table, {}).values():
                if not isinstance(doc["_key"], str):
                    return None
                if table == "records":
                    str(doc["article_id"])
    except (KeyError, TypeError, ValueError, AttributeError):
        return None
    return data


def _journal_lines(path: Path) -> tuple[list[dict[str, Any]], int]:
    """Every valid entry of a journal file (damaged lines skipped) and how many lines were damaged;
    an unfinished last line (no newline: a write cut short) does not count as damage."""
    try:
        data = read_own(path) or b""  # never through a link
    except CorruptFile:
        return [], 1
    lines = data.split(b"\n")
    tail = lines.pop()  # b"" when the file ends with a newline
    entries, damaged = [], 0
    for line in lines:
        entry = decode_line(line) if line else None
        if not _well_formed(entry):
            damaged += 1 if line else 0
            continue
        entries.append(entry)
    if tail:
        entry = decode_line(tail)
        if _well_formed(entry):
            entries.append(entry)
    return entries, damaged


def _well_formed(entry: dict[str, Any] | None) -> TypeGuard[dict[str, Any]]:
    """An entry the loader can apply: a checksum only says the bytes are as written."""
    if entry is None or not isinstance(entry.get("seq"), int) or not isinstance(entry.get("ops"), list):
        return False
    for op in entry["ops"]:
        if not (isinstance(op, list) and len(op) >= 3 and op[1] in TABLES and isinstance(op[2], str)):
            return False
        if not (op[0] == "del" or (op[0] == "put" and len(op) == 4 and isinstance(op[3], dict))):
            return False
        if op[0] == "put" and op[1] == "records" and not isinstance(op[3].get("article_id"), str):
            return False
    return True


OWN_FILES = ((LOCK_FILE, False), (ANNOTATIONS_DIR, True),
             (f"{ANNOTATIONS_DIR}/{SNAPSHOT}", False), (f"{ANNOTATIONS_DIR}/{JOURNAL}", False),
             (f"{ANNOTATIONS_DIR}/{BACKUPS}", True), (f"{ANNOTATIONS_DIR}/{DAMAGED_DIR}", True))


def _check_own_files(root: Path, report: CheckReport, found: _Found) -> None:
    """A link, or the wrong kind of file, where the lock and the annotations live: tandai refuses
    to write through it (a store from someone else must not write outside itself); repair moves it
    aside (the link itself, never what it points at)."""
    for rel, is_dir in OWN_FILES:
        path = root / rel
        if rel.startswith(f"{ANNOTATIONS_DIR}/") and path.parent in found.odd_files:
            continue
        try:
            mode = os.lstat(path).st_mode
        except OSError:
            continue  # missing: made when needed
        if stat.S_ISLNK(mode):
            what = "is a symbolic link (tandai never follows links inside a store)"
        elif is_dir and not stat.S_ISDIR(mode):
            what = "should be a folder but is a file"
        elif not is_dir and not stat.S_ISREG(mode):
            what = "should be a file but is not a regular file"
        else:
            continue
        report.problems.append(f"{path} {what}")
        found.odd_files.append(path)



def _check_annotations(root: Path, report: CheckReport, found: _Found) -> None:
    ann_dir = root / ANNOTATIONS_DIR
    _check_own_files(root, report, found)
    try:
        ann = Annotations(ann_dir, writable=False)
    except StoreError as exc:
        report.problems.append(str(exc))
        found.annotations_ok = False
    else:
        report.records = len(ann.tables["records"])
        if ann.dropped_bytes and not ann.damaged_lines:
            report.notes.append(f"{JOURNAL} ends with an unfinished change ({ann.dropped_bytes} bytes, never "
                                "acknowledged; dropped when the store is next opened for writing)")
        if ann.damaged_lines:  # acknowledged changes that cannot be read: never dropped silently
            report.problems.append(f"{ann_dir / JOURNAL}: {ann.damaged_lines} damaged line(s) at its end "
                                   "(--repair keeps a copy of the journal and every valid entry)")
            found.annotations_ok = False
        if found.texts is not None:
            _check_references(ann, found.texts, _labels(root), report)
    damaged_dir = ann_dir / DAMAGED_DIR
    if damaged_dir.is_dir() and not damaged_dir.is_symlink():
        copies = [p.name for p in damaged_dir.iterdir()]
        if copies:
            report.notes.append(f"{len(copies)} copy(ies) of a journal whose last lines were damaged are "
                                f"kept in annotations/{DAMAGED_DIR}/ (for inspection only)")
    backups = ann_dir / BACKUPS
    if not backups.is_dir() or backups.is_symlink():
        backups = ann_dir / ".no-backups"  # reported above; glob nothing through a link
    for snap in sorted(backups.glob("annotations-*.json")):
        if _valid_snapshot(snap) is None and os.path.lexists(snap):  # (a writer may prune meanwhile)
            report.problems.append(f"backup {snap.name} is damaged")
            found.bad_backups.append(snap)
    for jpath in sorted(backups.glob("journal-upto-*.jsonl")):
        if _journal_lines(jpath)[1]:
            report.problems.append(f"backup {jpath.name} has damaged entries")
            found.bad_backups.append(jpath)
    _check_backup_chain(backups, report, found)
    if ann_dir.exists():
        found.leftovers += list(ann_dir.glob(".*.tmp"))
    if found.leftovers:
        report.notes.append(f"{len(found.leftovers)} temporary file(s) of an interrupted write "
                            "(harmless; --repair removes them)")


def _seq_of(path: Path, prefix: str) -> int | None:
    try:
        return int(path.name[len(prefix) :].split(".")[0])
    except ValueError:
        return None



def _check_backup_chain(backups: Path, report: CheckReport, found: _Found) -> None:
    """The archived journals must join up: each one's changes numbered without a hole, ending at
    the number in its name, the next one starting right after (or after a backup snapshot that
    bridges the two). A hole means a restore from these backups would lose changes; repair moves
    the backups before a hole aside (kept), so the ones left form one chain."""
    journals = sorted(backups.glob("journal-upto-*.jsonl"))
    snaps = {n for p in backups.glob("annotations-*.json") if (n := _seq_of(p, "annotations-")) is not None}
    prev_end: int | None = None
    for i, jpath in enumerate(journals):
        upto = _seq_of(jpath, "journal-upto-")
        seqs = [e["seq"] for e in _journal_lines(jpath)[0]]
        if upto is None or not seqs:
            continue
        holes = [(a, b) for a, b in itertools.pairwise(seqs) if b != a + 1]
        if holes or seqs[-1] != upto:
            where = f"after change {holes[0][0]} comes {holes[0][1]}" if holes else \
                f"it ends at change {seqs[-1]}, its name says {upto}"
            report.problems.append(f"backup {jpath.name} does not hold one run of changes ({where})")
            if jpath not in found.bad_backups:
                found.bad_backups.append(jpath)
        elif prev_end is not None and seqs[0] != prev_end + 1 and (seqs[0] - 1) not in snaps:
            report.problems.append(f"backups: changes {prev_end + 1}–{seqs[0] - 1} are in none (between "
                                   f"{journals[i - 1].name} and {jpath.name}); a restore could not go "
                                   "back past them")
            found.bad_backups += [p for p in journals[:i] if p not in found.bad_backups]
            older = [p for p in sorted(backups.glob("annotations-*.json"))
                     if (_seq_of(p, "annotations-") or 0) < seqs[0] - 1]
            found.bad_backups += [p for p in older if p not in found.bad_backups]
        prev_end = seqs[-1]



def _labels(root: Path) -> set[str]:
    """The labels of the store's taxonomy (its taxonomy.toml may add some): a correction to one
    of them is no problem. A taxonomy that does not load leaves the built-in labels."""
    override = root / TAXONOMY
    try:
        return set(load_taxonomy(override if override.is_file() else None).labels)
    except StoreError:
        return set(load_taxonomy().labels)


def _check_references(ann: Annotations, texts: dict[str, str], labels: set[str],
                      report: CheckReport) -> None:
    problems = report.problems
    for rec in ann.values("records"):
        where = f"record {rec.get('id')}"
        try:
            ActivityRecord.from_dict(rec)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            problems.append(f"{where}: malformed ({exc!r:.80})")
            continue
        text = texts.get(rec["article_id"])
        if text is None:
            problems.append(f"{where}: article {rec['article_id']} is not in the store")
            continue
        _check_spans(text, rec.get("evidence") or [], "evidence", where, problems)
    for o in ann.values("overrides"):
        where = f"correction {o.get('id')}"
        text = texts.get(o.get("article_id", ""))
        if text is None:
            problems.append(f"{where}: article {o.get('article_id')} is not in the store")
            continue
        if o.get("label") is not None and o.get("label") not in labels:
            problems.append(f"{where}: unknown label {o.get('label')!r}")
        _check_spans(text, [o], "corrected span", where, problems)
    for s in ann.values("status"):
        if s.get("article_id") not in texts:
            problems.append(f"status of {s.get('article_id')}: the article is not in the store")
        elif s.get("status") not in STATUSES:
            problems.append(f"status of {s.get('article_id')}: unknown status {s.get('status')!r}")


# -- index ------------------------------------------------------------------------------------------


def _check_index(root: Path, report: CheckReport, found: _Found) -> None:
    try:
        corpus = Corpus(root, writable=False)
    except StoreError:
        found.index_ok = False
        return
    index = SearchIndex(root / INDEX_DIR)
    if not index.exists():
        report.problems.append("the search index is missing (run `tandai reindex`)")
        found.index_ok = False
        return
    if not index.in_step(corpus.generation):
        report.problems.append("the search index is not in step with the store (run `tandai reindex`)")
        found.index_ok = False
        return
    try:
        docs = index.num_docs()
        fresh = index.first_screen_data(index.searcher(), index.dir_name or ".", corpus.generation)
    except Exception as exc:  # noqa: BLE001 - a damaged tantivy index raises several kinds of error
        report.problems.append(f"the search index cannot be read: {exc}")
        found.index_ok = False
        return
    if docs != report.articles:
        report.problems.append(f"the search index holds {docs} documents for {report.articles} articles")
        found.index_ok = False
        return
    path = root / INDEX_DIR / FIRST_SCREEN
    try:
        data: Any = read_json(path)
    except StoreError as exc:
        problem: str | None = exc.reason if isinstance(exc, CorruptFile) else str(exc)
    else:
        problem = first_screen_problem(data, corpus.generation, index.dir_name or ".", docs)
        if problem is None and data["rows"] != fresh["rows"]:
            problem = "does not hold the newest rows of the index"
    if problem == STALE or (problem is not None and not path.exists()):
        report.notes.append(f"index/{FIRST_SCREEN} is out of date (harmless: the index answers; the next "
                            "writable open rewrites it)")
    elif problem is not None:
        report.problems.append(f"index/{FIRST_SCREEN} {problem} (the index answers meanwhile; --repair "
                               "rewrites it)")
        found.first_screen_bad = True


# -- repair ---------------------------------------------------------------------------------------


def _repair_annotations(root: Path, report: CheckReport) -> None:
    """Rebuild the annotations from the newest good snapshot plus every valid journal entry since."""
    ann_dir = root / ANNOTATIONS_DIR
    snap, jpath, backups = ann_dir / SNAPSHOT, ann_dir / JOURNAL, ann_dir / BACKUPS
    def seq_of(data: dict[str, Any]) -> int:
        return int(data.get("_meta", {}).get("1", {}).get("seq", 0))

    # The base is the good snapshot that reaches furthest: the current one may be an old or
    # emptied copy (``{}``) that the backups have long overtaken.
    base: dict[str, Any] | None = _valid_snapshot(snap) if os.path.lexists(snap) else None
    base_name = SNAPSHOT if base is not None else None
    for candidate in sorted(backups.glob("annotations-*.json"), reverse=True):
        data = _valid_snapshot(candidate)
        if data is not None and (base is None or seq_of(data) > seq_of(base)):
            base, base_name = data, f"backup {candidate.name}"
    base_seq = seq_of(base) if base is not None else 0
    by_seq: dict[int, dict[str, Any]] = {}
    damaged_lines = 0
    sources = sorted(backups.glob("journal-upto-*.jsonl")) + ([jpath] if os.path.lexists(jpath) else [])
    for source in sources:
        entries, damaged = _journal_lines(source)
        damaged_lines += damaged
        for e in entries:
            if e["seq"] > base_seq:
                by_seq[e["seq"]] = e  # the later file wins (a previous repair may have copied it)
    seqs = sorted(by_seq)
    missing = sorted(set(range(base_seq + 1, seqs[-1] + 1)) - set(seqs)) if seqs else []
    # Stage the rebuilt state and load it with the store's own loader before touching anything.
    own_dir(ann_dir, create=True)  # (a file in its place was moved aside)
    stage = Path(tempfile.mkdtemp(prefix=".repair-", dir=ann_dir))  # a fresh folder, never a planted one
    try:
        if base is not None:
            write_json(stage / SNAPSHOT, base)
        rebuilt = Annotations(stage, writable=False)
        for seq in seqs:  # original numbers, gaps and all: later journals continue after the last
            rebuilt._apply_entry(by_seq[seq])
        tables, rebuilt_seq = rebuilt.tables, rebuilt.seq
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    if os.path.lexists(snap):
        if base_name == SNAPSHOT:
            kept = _aside(snap, "before-repair")
            report.actions.append(f"kept the previous {SNAPSHOT} as {kept.name}")
        else:
            kept = _aside(snap)
            report.actions.append(f"moved the broken {SNAPSHOT} aside to {kept.name}")
    if os.path.lexists(jpath):
        try:
            damaged = Journal(jpath).read().damaged
        except CorruptFile:
            damaged = 1
        kept = _aside(jpath, "broken" if damaged else "before-repair")
        report.actions.append(f"kept the previous {JOURNAL} as {kept.name}")
    write_snapshot(snap, rebuilt_seq, tables)
    if backups.is_dir() and not backups.is_symlink():  # the new base of the backup chain
        try:
            os.link(snap, backups / f"annotations-{rebuilt_seq:012d}.json")
        except OSError:
            pass
    what = f"from {base_name}" if base_name else "from the journals alone (no good snapshot)"
    report.actions.append(f"rebuilt {SNAPSHOT} {what} plus {len(seqs)} journalled change(s) "
                          f"({rebuilt.seq} in all; {len(rebuilt.tables['records'])} records)")
    if damaged_lines:
        report.actions.append(f"skipped {damaged_lines} damaged journal line(s) (kept in the files set "
                              "aside)")
    if missing:
        report.problems.append(f"changes {missing[0]}–{missing[-1]} ({len(missing)}) could not be recovered: "
                               "no snapshot or journal holds them any more")


def _repair(root: Path, report: CheckReport, found: _Found) -> None:
    lock_file = root / LOCK_FILE
    if lock_file in found.odd_files:  # a link or a folder: no tandai can hold it, move it first
        kept = _aside(lock_file, "link" if lock_file.is_symlink() else "broken")
        report.actions.append(f"moved {lock_file.name} aside to {kept.name}")
    lock = WriterLock(root)
    if not lock.acquire():
        hint = "" if lock.problem else "; close it first"
        report.problems.append(f"not repaired: the store {lock.why_not()}{hint}")
        return
    try:
        for path in found.odd_files:
            if path != lock_file and os.path.lexists(path):
                kept = _aside(path, "link" if path.is_symlink() else "broken")
                report.actions.append(f"moved {path.relative_to(root)} aside to {kept.name} (not used by "
                                      "tandai; a link's target was never touched)")
        for path in found.leftovers:
            try:
                path.unlink()
            except OSError:
                continue
        if found.leftovers:
            report.actions.append(f"removed {len(found.leftovers)} temporary file(s) of an interrupted write")
        if not found.annotations_ok:
            _repair_annotations(root, report)  # first: it reads the valid lines of damaged backups too
        for path in found.bad_backups:
            kept = _aside(path)
            report.actions.append(f"moved the damaged backup {path.name} aside to {kept.name}")
        if found.manifest_broken:
            _rebuild_manifest(root, report)
            found.index_ok = False
        elif found.article_count is not None and not found.broken_shards:
            Corpus(root, writable=True).set_article_count(found.article_count)
            report.actions.append(f"set the article count in {MANIFEST} to {found.article_count}, as the "
                                  "shards hold")
        elif found.broken_shards:  # (a rebuilt manifest has quarantined them already)
            lines = Corpus(root, writable=True).quarantine(found.broken_shards)
            _quarantined(report, lines)
            found.index_ok = False
        if found.bad_metas:
            _rebuild_metas(root, found.bad_metas, report)
        if found.first_screen_bad and found.index_ok:
            _rewrite_first_screen(root, report)
    finally:
        lock.release()
    if not found.index_ok and (found.texts is not None or found.manifest_broken):
        from store.store import Store

        try:
            with Store(root, reviewer="tandai-check", wait_for_lock=True) as st:
                n = st.reindex()
            _quarantined(report, st.notes)
            report.actions.append(f"rebuilt the search index ({n} articles)")
        except StoreError as exc:
            report.problems.append(f"the search index could not be rebuilt: {exc}")


def _rebuild_manifest(root: Path, report: CheckReport) -> None:
    """Write a manifest rebuilt from the shards (see ``corpus.rebuild_manifest``), keeping the
    damaged one aside; shards that cannot be read are quarantined."""
    path = root / MANIFEST
    floor = 0
    for source in (path, root / INDEX_DIR / STAMP):  # stay above any generation seen before
        try:
            data: Any = read_json(source)
            gen = data["meta"]["1"]["generation"] if source == path else data["generation"]
            floor = max(floor, gen if isinstance(gen, int) else 0)
        except (StoreError, KeyError, TypeError):
            continue
    try:
        manifest, good, broken = rebuild_manifest(root, floor)
    except StoreError as exc:  # a shard that cannot be read at all (not damaged: EACCES, EIO)
        report.problems.append(f"not repaired: {MANIFEST} cannot be rebuilt: {exc}")
        return
    if path.exists() or path.is_symlink():
        kept = _aside(path)
        report.actions.append(f"moved the damaged {MANIFEST} aside to {kept.name}")
    write_manifest(root, manifest)
    report.actions.append(f"rebuilt {MANIFEST} from {len(good)} shard(s) ({manifest['articles']} articles, "
                          f"generation {manifest['generation']})")
    if broken:
        lines = Corpus(root, writable=True).quarantine(broken)
        _quarantined(report, lines)


LOST = "not in the store until re-ingested: "


def _quarantined(report: CheckReport, lines: list[str]) -> None:
    """A quarantined shard is repaired as far as the store can: the repair still ends with a
    problem (exit 1), because its articles come back only from their source files."""
    report.actions += [f"{line} (listed in corpus/quarantine/)" for line in lines]
    report.problems += [LOST + line for line in lines]


def _rewrite_first_screen(root: Path, report: CheckReport) -> None:
    try:
        corpus = Corpus(root, writable=False)
        SearchIndex(root / INDEX_DIR).write_first_screen(corpus.generation)
    except (StoreError, ValueError) as exc:
        report.problems.append(f"index/{FIRST_SCREEN} could not be rewritten: {exc}")
        return
    report.actions.append(f"rewrote index/{FIRST_SCREEN} from the index")


def _rebuild_metas(root: Path, names: list[str], report: CheckReport) -> None:
    from store.text.dedupe import signature

    corpus = Corpus(root, writable=False)
    for name in names:
        try:
            docs = corpus.load_shard(name)
        except StoreError:
            continue  # the shard itself is broken: already reported, re-ingest
        meta_path = corpus.dir / f"{name}.meta.json"
        summaries = {}  # built before the broken file is moved: nothing goes before its replacement is ready
        try:
            for i, doc in enumerate(docs.values(), 1):
                article = Article.from_dict(doc)
                summaries[str(i)] = summary_of(article, signature(article.text, article.noise))
        except (KeyError, TypeError, ValueError, AttributeError):
            report.problems.append(f"{meta_path.name} cannot be rebuilt: {name}.json holds an entry that is "
                                   "not an article")
            continue
        if meta_path.exists() or meta_path.is_symlink():
            kept = _aside(meta_path)
            report.actions.append(f"moved the broken {meta_path.name} aside to {kept.name}")
        write_json(meta_path, {"summaries": summaries})
        report.actions.append(f"rebuilt {meta_path.name} from {name}.json")


def _inspect(root: Path) -> tuple[CheckReport, _Found]:
    report = CheckReport(root)
    found = _Found()
    _check_corpus(root, report, found)
    _check_annotations(root, report, found)
    _excuse_quarantined(report, found)
    _check_index(root, report, found)
    return report, found


QUARANTINED_REF = re.compile(r"(?:article |status of )([0-9a-f]{16}):? (?:the article )?is not in the store")


def _excuse_quarantined(report: CheckReport, found: _Found) -> None:
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
    if not repair or (report.ok and not found.leftovers):
        return report
    _repair(root, report, found)
    after, _ = _inspect(root)
    after.actions = report.actions
    kept = [p for p in report.problems if p.startswith(("not repaired", "changes ", LOST))]
    after.problems = kept + after.problems
    return after
