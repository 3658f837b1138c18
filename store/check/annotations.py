"""Checking the annotations: snapshot, journal, backups and what they refer to."""

from __future__ import annotations

import itertools
import os
import re
import stat
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeGuard

from store.disk.annotations import (
    CLOCK_SKEW,
    TABLES,
    Annotations,
    ByArticle,
    record_problem,
    snapshot_problem,
)
from store.disk.atomic import read_json, read_own
from store.disk.journal import decode_line
from store.disk.layout import (
    ANNOTATIONS_DIR,
    BACKUPS,
    DAMAGED_DIR,
    JOURNAL,
    LOCK_FILE,
    SET_ASIDE,
    SNAPSHOT,
    TAXONOMY,
)
from store.errors import CorruptFile, InvalidRecord, NoPermission, StoreError
from store.model import RECORD_FIELDS, STATUSES, ActivityRecord, Article
from store.records import validate
from store.taxonomy import Taxonomy, load_taxonomy

from .report import CheckReport, Found, check_spans


def valid_snapshot(path: Path) -> dict[str, Any] | None:
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
                if table in ByArticle.TABLES:  # indexed by it as it loads
                    hash(doc["article_id"])
    except (KeyError, TypeError, ValueError, AttributeError):
        return None
    return data


def journal_lines(path: Path) -> tuple[list[dict[str, Any]], int]:
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
        if not well_formed(entry):
            damaged += 1 if line else 0
            continue
        entries.append(entry)
    if tail:
        entry = decode_line(tail)
        if well_formed(entry):
            entries.append(entry)
    return entries, damaged


def well_formed(entry: dict[str, Any] | None) -> TypeGuard[dict[str, Any]]:
    """An entry the loader can apply: a checksum only says the bytes are as written."""
    if entry is None or not isinstance(entry.get("seq"), int) or not isinstance(entry.get("ops"), list):
        return False
    for op in entry["ops"]:
        if not (isinstance(op, list) and len(op) >= 3 and op[1] in TABLES and isinstance(op[2], str)):
            return False
        if not (op[0] == "del" or (op[0] == "put" and len(op) == 4 and isinstance(op[3], dict))):
            return False
        if op[0] == "put" and op[1] in ByArticle.TABLES and not isinstance(op[3].get("article_id"), str):
            return False
    return True


OWN_FILES = ((LOCK_FILE, False), (ANNOTATIONS_DIR, True),
             (f"{ANNOTATIONS_DIR}/{SNAPSHOT}", False), (f"{ANNOTATIONS_DIR}/{JOURNAL}", False),
             (f"{ANNOTATIONS_DIR}/{BACKUPS}", True), (f"{ANNOTATIONS_DIR}/{DAMAGED_DIR}", True),
             (TAXONOMY, False))  # (read through a link, a file outside the store would decide its drafts)


def check_own_files(root: Path, report: CheckReport, found: Found) -> None:
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



def check_annotations(root: Path, report: CheckReport, found: Found) -> None:
    ann_dir = root / ANNOTATIONS_DIR
    check_own_files(root, report, found)
    try:
        ann = Annotations(ann_dir, writable=False)
    except NoPermission as exc:  # another user's file: not damage, never rebuilt
        report.problems.append(str(exc))
        found.no_permission.append(exc.path)
    except StoreError as exc:
        report.problems.append(str(exc))
        found.annotations_ok = False
    else:
        report.records = len(ann.stored_tables()["records"])
        if ann.dropped_bytes and not ann.damaged_lines:
            report.notes.append(f"{JOURNAL} ends with an unfinished change ({ann.dropped_bytes} bytes, never "
                                "acknowledged; dropped when the store is next opened for writing)")
        if ann.damaged_lines:  # acknowledged changes that cannot be read: never dropped silently
            report.problems.append(f"{ann_dir / JOURNAL}: {ann.damaged_lines} damaged line(s) at its end "
                                   "(--repair keeps a copy of the journal and every valid entry)")
            found.annotations_ok = False
        found.unreadable = sorted(ann.unreadable)
        if found.texts is not None:
            check_references(ann, found.texts, taxonomy_of(root), report)
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
        if valid_snapshot(snap) is None and os.path.lexists(snap):  # (a writer may prune meanwhile)
            report.problems.append(f"backup {snap.name} is damaged")
            found.bad_backups.append(snap)
    for jpath in sorted(backups.glob("journal-upto-*.jsonl")):
        if journal_lines(jpath)[1]:
            report.problems.append(f"backup {jpath.name} has damaged entries")
            found.bad_backups.append(jpath)
    check_backup_chain(backups, report, found)
    if ann_dir.exists():
        found.leftovers += list(ann_dir.glob(".*.tmp"))
    if found.leftovers:
        report.notes.append(f"{len(found.leftovers)} temporary file(s) of an interrupted write "
                            "(harmless; --repair removes them)")


def seq_of(path: Path, prefix: str) -> int | None:
    try:
        return int(path.name[len(prefix) :].split(".")[0])
    except ValueError:
        return None



def check_backup_chain(backups: Path, report: CheckReport, found: Found) -> None:
    """The archived journals must join up: each one's changes numbered without a hole, ending at
    the number in its name, the next one starting right after (or after a backup snapshot that
    bridges the two). A hole means a restore from these backups would lose changes; repair moves
    the backups before a hole aside (kept), so the ones left form one chain."""
    journals = sorted(backups.glob("journal-upto-*.jsonl"))
    snaps = {n for p in backups.glob("annotations-*.json") if (n := seq_of(p, "annotations-")) is not None}
    prev_end: int | None = None
    for i, jpath in enumerate(journals):
        upto = seq_of(jpath, "journal-upto-")
        seqs = [e["seq"] for e in journal_lines(jpath)[0]]
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
                     if (seq_of(p, "annotations-") or 0) < seqs[0] - 1]
            found.bad_backups += [p for p in older if p not in found.bad_backups]
        prev_end = seqs[-1]



def taxonomy_of(root: Path) -> Taxonomy:
    """The store's taxonomy (its taxonomy.toml may add labels and activity types): a correction or
    record using one of them is no problem. A taxonomy that does not load leaves the built-in one."""
    override = root / TAXONOMY
    try:
        return load_taxonomy(override if override.is_file() else None)
    except StoreError:
        return load_taxonomy()


# -- what a stored record must be (shared with ``tandai merge``, which stores nothing else) ----------

# the stamps the store writes (``now_iso``, ``next_stamp``): UTC, to the second or the microsecond
STAMP = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]{6})?\+00:00")
RECORD_ID = re.compile(r"[0-9A-Za-z_-]{1,64}")  # uuid hex, a merge's or adjudication's sha256 prefix


def stamp_problem(value: Any, now: datetime) -> str | None:
    """Why ``value`` is not a stamp the store could have written, or None. A stamp from the future
    would win every later merge of its record ("the later updated wins") and so hide real edits."""
    if value is None:
        return "missing (tandai stamps every record)"
    if not isinstance(value, str) or not STAMP.fullmatch(value):
        return f"{str(value)[:40]!r} is not a time as tandai writes it (2024-11-25T10:00:00+00:00)"
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        return f"{value!r} is not a real time"
    if when > now + CLOCK_SKEW:
        return f"{value!r} is in the future"
    return None


def stored_record(rec: dict[str, Any], article: Article, taxonomy: Taxonomy, now: datetime) -> dict[str, Any]:
    """The record as ``Store.add_record`` would store these fields (dates ISO, spans with their text,
    phase derived), or InvalidRecord naming every problem on one line. Readers (stats, exports, the
    workbench) trust stored records, so nothing is guessed: text where a list belongs, or a count
    written as text or as a float, is refused, never converted."""
    problems: dict[str, str] = {}
    rid = rec.get("id")
    if not isinstance(rid, str) or not RECORD_ID.fullmatch(rid):
        problems["id"] = f"{str(rid)[:40]!r} is not a record id (letters, digits, - or _)"
    if rec.get("article_id") != article.id:
        problems["article_id"] = "it names another article"
    reviewer = rec.get("reviewer")  # (merge refuses control characters in it first; readers escape them)
    if not isinstance(reviewer, str) or not reviewer.strip():
        problems["reviewer"] = "a record needs its reviewer's name"
    fields = {k: v for k, v in rec.items() if k in RECORD_FIELDS}
    if isinstance(fields.get("partners"), str):
        problems["partners"] = f"must be a list of texts, not the text {fields.pop('partners')[:40]!r}"
    personnel = fields.get("personnel")
    if personnel is not None and type(personnel) is not int:
        problems["personnel"] = f"{str(fields.pop('personnel'))[:40]!r} is not a whole number"
    clean: dict[str, Any] = {}
    try:
        clean = validate(article, fields, taxonomy)
    except InvalidRecord as exc:
        problems = {**exc.problems, **problems}
    for name in ("created", "updated"):
        why = stamp_problem(rec.get(name), now)
        if why:
            problems[name] = why
    if problems:
        raise InvalidRecord(problems)
    return ActivityRecord(id=str(rid), article_id=article.id, reviewer=str(reviewer), created=rec["created"],
                          updated=rec["updated"], **clean).to_dict()


def check_references(ann: Annotations, texts: dict[str, str], taxonomy: Taxonomy,
                      report: CheckReport) -> None:
    problems = report.problems
    labels = set(taxonomy.labels)
    now = datetime.now(UTC)
    for key, rec in ann.stored_tables()["records"].items():  # the unreadable ones above all
        where = f"record {rec.get('id')}"
        if key in ann.unreadable:  # no reader shows it, so no reviewer can edit it: repair sets it aside
            problems.append(f"record {str(key)[:40]} of article {str(rec.get('article_id'))[:40]} does not "
                            f"validate: {record_problem(rec)} (no reader shows it; --repair sets it aside "
                            f"in {ANNOTATIONS_DIR}/{SET_ASIDE}*.jsonl)")
            continue
        try:
            ActivityRecord.from_dict(rec)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            problems.append(f"{where}: malformed ({exc!r:.80})")
            continue
        text = texts.get(rec["article_id"])
        if text is None:
            problems.append(f"{where}: article {rec['article_id']} is not in the store")
            continue
        before = len(problems)
        check_spans(text, rec.get("evidence") or [], "evidence", where, problems)
        if len(problems) == before:
            check_record(rec, text, taxonomy, now, problems)
    for o in ann.values("overrides"):
        where = f"correction {o.get('id')}"
        text = texts.get(o.get("article_id", ""))
        if text is None:
            problems.append(f"{where}: article {o.get('article_id')} is not in the store")
            continue
        if o.get("label") is not None and o.get("label") not in labels:
            problems.append(f"{where}: unknown label {o.get('label')!r}")
        check_spans(text, [o], "corrected span", where, problems)
    for s in ann.values("status"):
        if s.get("article_id") not in texts:
            problems.append(f"status of {s.get('article_id')}: the article is not in the store")
        elif s.get("status") not in STATUSES:
            problems.append(f"status of {s.get('article_id')}: unknown status {s.get('status')!r}")


def check_record(rec: dict[str, Any], text: str, taxonomy: Taxonomy, now: datetime,
                 problems: list[str]) -> None:
    """A stored record that ``add_record`` would refuse (an older tandai's merge stored anything)
    crashes the readers that trust it: a problem, named with its article. Repair cannot guess the
    value meant, so it leaves the record to the reviewer."""
    aid = rec["article_id"]
    try:
        clean = stored_record(rec, Article(id=aid, source="", title="", text=text), taxonomy, now)
    except StoreError as exc:
        why = str(exc)
    else:
        if clean["date"] == rec.get("date"):
            return
        why = f"date: {str(rec.get('date'))[:40]!r} is not stored as YYYY-MM-DD"
    problems.append(f"record {str(rec.get('id'))[:40]} of article {aid[:40]} does not validate: {why} "
                    "(edit or delete it; --repair leaves it)")
