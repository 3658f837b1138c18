"""Repair: restore the annotations; rebuild manifest, metas, index, first screen; quarantine broken shards."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

import orjson

from store.disk.annotations import Annotations, journal_begun, lost_journal, write_snapshot
from store.disk.atomic import own_dir, read_json, read_own, write_bytes, write_json
from store.disk.corpus import Corpus, rebuild_manifest, shard_spans, summary_of, write_manifest
from store.disk.journal import Journal
from store.disk.layout import (
    ANNOTATIONS_DIR,
    BACKUPS,
    FIRST_SCREEN,
    INDEX_DIR,
    JOURNAL,
    JOURNAL_BEGUN,
    LOCK_FILE,
    MANIFEST,
    SET_ASIDE,
    SNAPSHOT,
    STAMP,
)
from store.disk.lock import WriterLock
from store.errors import CorruptFile, StoreError
from store.history import Delete
from store.model import Article
from store.search.index import SearchIndex

from .annotations import journal_lines, valid_snapshot
from .pending import finish_pending
from .report import CheckReport, Found, aside


def repair_annotations(root: Path, report: CheckReport) -> None:
    """Rebuild the annotations from the newest good snapshot plus every valid journal entry since."""
    ann_dir = root / ANNOTATIONS_DIR
    snap, jpath, backups = ann_dir / SNAPSHOT, ann_dir / JOURNAL, ann_dir / BACKUPS
    begun = journal_begun(ann_dir)
    def seq_of(data: dict[str, Any]) -> int:
        return int(data.get("_meta", {}).get("1", {}).get("seq", 0))

    # The base is the good snapshot that reaches furthest: the current one may be an old or
    # emptied copy (``{}``) that the backups have long overtaken.
    base: dict[str, Any] | None = valid_snapshot(snap) if os.path.lexists(snap) else None
    base_name = SNAPSHOT if base is not None else None
    for candidate in sorted(backups.glob("annotations-*.json"), reverse=True):
        data = valid_snapshot(candidate)
        if data is not None and (base is None or seq_of(data) > seq_of(base)):
            base, base_name = data, f"backup {candidate.name}"
    base_seq = seq_of(base) if base is not None else 0
    by_seq: dict[int, dict[str, Any]] = {}
    damaged_lines = 0
    sources = sorted(backups.glob("journal-upto-*.jsonl")) + ([jpath] if os.path.lexists(jpath) else [])
    for source in sources:
        entries, damaged = journal_lines(source)
        damaged_lines += damaged
        for e in entries:
            if e["seq"] > base_seq:
                by_seq[e["seq"]] = e  # the later file wins (a previous repair may have copied it)
    seqs = sorted(by_seq)
    lost = lost_journal(begun, base_seq, by_seq)
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
        tables, rebuilt_seq = rebuilt.stored_tables(), rebuilt.seq  # unreadable records are kept
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    if os.path.lexists(snap):
        if base_name == SNAPSHOT:
            kept = aside(snap, "before-repair")
            report.actions.append(f"kept the previous {SNAPSHOT} as {kept.name}")
        else:
            kept = aside(snap)
            report.actions.append(f"moved the broken {SNAPSHOT} aside to {kept.name}")
    if os.path.lexists(jpath):
        try:
            damaged = Journal(jpath).read().damaged
        except CorruptFile:
            damaged = 1
        kept = aside(jpath, "broken" if damaged else "before-repair")
        report.actions.append(f"kept the previous {JOURNAL} as {kept.name}")
    write_snapshot(snap, rebuilt_seq, tables)
    if backups.is_dir() and not backups.is_symlink():  # the new base of the backup chain
        try:
            os.link(snap, backups / f"annotations-{rebuilt_seq:012d}.json")
        except OSError:
            pass
    what = f"from {base_name}" if base_name else "from the journals alone (no good snapshot)"
    report.actions.append(f"rebuilt {SNAPSHOT} {what} plus {len(seqs)} journalled change(s) "
                          f"({rebuilt.seq} in all; {len(tables['records'])} records)")
    if damaged_lines:
        report.actions.append(f"skipped {damaged_lines} damaged journal line(s) (kept in the files set "
                              "aside)")
    if missing:
        report.problems.append(f"changes {missing[0]}–{missing[-1]} ({len(missing)}) could not be recovered: "
                               "no snapshot or journal holds them any more")
    if lost is not None and not damaged_lines:
        report.problems.append(f"changes from {base_seq + 1} on could not be recovered: {lost}")
    with contextlib.suppress(FileNotFoundError):  # the rebuilt snapshot is the new start
        os.unlink(ann_dir / JOURNAL_BEGUN)


def repair(root: Path, report: CheckReport, found: Found) -> None:
    if found.no_permission:  # moving another user's good files aside would be no repair
        report.problems.append(f"not repaired: {len(found.no_permission)} file(s) cannot be read by this "
                               "user (a permission problem, not damage: --repair mends damage only)")
        return
    lock_file = root / LOCK_FILE
    if lock_file in found.odd_files:  # a link or a folder: no tandai can hold it, move it first
        kept = aside(lock_file, "link" if lock_file.is_symlink() else "broken")
        report.actions.append(f"moved {lock_file.name} aside to {kept.name}")
    lock = WriterLock(root)
    if not lock.acquire():
        hint = "" if lock.problem else "; close it first"
        report.problems.append(f"not repaired: the store {lock.why_not()}{hint}")
        return
    try:
        for path in found.odd_files:
            if path != lock_file and os.path.lexists(path):
                kept = aside(path, "link" if path.is_symlink() else "broken")
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
            repair_annotations(root, report)  # first: it reads the valid lines of damaged backups too
        for path in found.bad_backups:
            kept = aside(path)
            report.actions.append(f"moved the damaged backup {path.name} aside to {kept.name}")
        if found.repeated_shards or found.spare_shards:
            drop_repeats(root, found, report)
        if found.manifest_broken:
            rebuild_manifest_from_shards(root, report)
            found.index_ok = False
        elif found.article_count is not None and not found.broken_shards:
            Corpus(root, writable=True).set_article_count(found.article_count)
            report.actions.append(f"set the article count in {MANIFEST} to {found.article_count}, as the "
                                  "shards hold")
        elif found.broken_shards:  # (a rebuilt manifest has quarantined them already)
            lines = Corpus(root, writable=True).quarantine(found.broken_shards)
            quarantined(report, lines)
            found.index_ok = False
        if found.bad_metas:
            rebuild_metas(root, found.bad_metas, report)
        if found.first_screen_bad and found.index_ok:
            rewrite_first_screen(root, report)
    finally:
        lock.release()
    if found.unreadable and found.annotations_ok:
        set_aside_unreadable(root, report)
    if found.pending and found.annotations_ok and not found.manifest_broken:
        finish_pending(root, report)
    if not found.index_ok and (found.texts is not None or found.manifest_broken):
        from store.store import Store

        try:
            with Store(root, reviewer="tandai-check", wait_for_lock=True) as st:
                n = st.reindex()
            quarantined(report, st.notes)
            report.actions.append(f"rebuilt the search index ({n} articles)")
        except StoreError as exc:  # (kept in the report: "not repaired" says what is still to do)
            report.problems.append(f"not repaired: the search index could not be rebuilt: {exc}")


def set_aside_unreadable(root: Path, report: CheckReport) -> None:
    """Records no reader can use (``record_problem``: what an older tandai's merge stored) are kept,
    so no reviewer can edit or delete them: written as they are to a file of their own in the
    annotations folder (durable first), then deleted in one journalled change, so the store stops
    saying so on every open and the values stay for a person to read or fix."""
    from store.store import Store

    try:
        with Store(root, reviewer="tandai-check", wait_for_lock=True) as st:
            rows = sorted(st.annotations.unreadable.items())
            if not rows:
                return
            stamp = time.strftime("%Y%m%d-%H%M%S")
            target = root / ANNOTATIONS_DIR / f"{SET_ASIDE}{stamp}.jsonl"
            n = 1
            while os.path.lexists(target):
                n += 1
                target = root / ANNOTATIONS_DIR / f"{SET_ASIDE}{stamp}-{n}.jsonl"
            write_bytes(target, b"".join(orjson.dumps(value) + b"\n" for _, value in rows))
            with st.undoable(f"check --repair setting aside {len(rows)} unreadable record(s)"):
                st.history.change(f"set aside {len(rows)} unreadable record(s)",
                                  [Delete("records", key) for key, _ in rows])
    except StoreError as exc:
        report.problems.append(f"the unreadable records could not be set aside: {exc}")
        return
    report.actions.append(f"set {len(rows)} record(s) no reader could use aside in "
                          f"{ANNOTATIONS_DIR}/{target.name} (as stored, one per line) and removed them")


def rebuild_manifest_from_shards(root: Path, report: CheckReport) -> None:
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
        listed = Corpus(root, writable=False).shards  # kept first and in their order, when readable
    except StoreError:
        listed = []
    try:
        manifest, good, broken, spare, overlapping = rebuild_manifest(root, floor, listed)
    except StoreError as exc:  # a shard that cannot be read at all (not damaged: EACCES, EIO)
        report.problems.append(f"not repaired: {MANIFEST} cannot be rebuilt: {exc}")
        return
    if path.exists() or path.is_symlink():
        kept = aside(path)
        report.actions.append(f"moved the damaged {MANIFEST} aside to {kept.name}")
    write_manifest(root, manifest)
    report.actions.append(f"rebuilt {MANIFEST} from {len(good)} shard(s) ({manifest['articles']} articles, "
                          f"generation {manifest['generation']})")
    corpus = Corpus(root, writable=True)
    if spare:
        corpus.drop_repeats(spare, 0)
        report.actions.append(f"removed {', '.join(n + '.json' for n in spare)}: every article in them is in "
                              "the other shards (left by an interrupted merge or import)")
    if broken:
        quarantined(report, corpus.quarantine(broken))
    if overlapping:
        quarantined(report, corpus.quarantine(overlapping, why="holds articles other shards hold too, and "
                                                              "others (never committed)"))


def drop_repeats(root: Path, found: Found, report: CheckReport) -> None:
    """Remove shards whose every article the store holds in another shard (see ``Corpus.drop_repeats``)."""
    names = found.repeated_shards + found.spare_shards
    Corpus(root, writable=True).drop_repeats(names, found.repeated_articles)
    report.actions.append(f"removed {', '.join(n + '.json' for n in names)}: every article in them is in the "
                          f"other shards (left by an interrupted merge or import; {MANIFEST} "
                          f"{'no longer lists them' if found.repeated_shards else 'never listed them'})")
    if found.repeated_shards:
        found.index_ok = False


LOST = "not in the store until re-ingested: "


def quarantined(report: CheckReport, lines: list[str]) -> None:
    """A quarantined shard is repaired as far as the store can: the repair still ends with a
    problem (exit 1), because its articles come back only from their source files."""
    report.actions += [f"{line} (listed in corpus/quarantine/)" for line in lines]
    report.problems += [LOST + line for line in lines]


def rewrite_first_screen(root: Path, report: CheckReport) -> None:
    try:
        corpus = Corpus(root, writable=False)
        SearchIndex(root / INDEX_DIR).write_first_screen(corpus.generation)
    except (StoreError, ValueError) as exc:
        report.problems.append(f"index/{FIRST_SCREEN} could not be rewritten: {exc}")
        return
    report.actions.append(f"rewrote index/{FIRST_SCREEN} from the index")


def rebuild_metas(root: Path, names: list[str], report: CheckReport) -> None:
    from store.text.dedupe import article_signature

    corpus = Corpus(root, writable=False)
    for name in names:
        try:
            docs = corpus.load_shard(name)
        except StoreError:
            continue  # the shard itself is broken: already reported, re-ingest
        meta_path = corpus.dir / f"{name}.meta.json"
        summaries = {}  # built before the broken file is moved: nothing goes before its replacement is ready
        raw = read_own(corpus.dir / f"{name}.json") or b""
        spans = shard_spans(raw, list(docs.values())) or []
        try:
            for i, doc in enumerate(docs.values(), 1):
                article = Article.from_dict(doc)
                summaries[str(i)] = summary_of(article, article_signature(article))
                if spans:
                    summaries[str(i)]["at"] = spans[i - 1]
        except (KeyError, TypeError, ValueError, AttributeError):
            report.problems.append(f"{meta_path.name} cannot be rebuilt: {name}.json holds an entry that is "
                                   "not an article")
            continue
        if meta_path.exists() or meta_path.is_symlink():
            kept = aside(meta_path)
            report.actions.append(f"moved the broken {meta_path.name} aside to {kept.name}")
        write_json(meta_path, {"summaries": summaries})
        report.actions.append(f"rebuilt {meta_path.name} from {name}.json")
