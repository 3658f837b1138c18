"""``tandai merge``: bring other reviewers' work into this store (issue 13).

A source is another store (a directory) or a tandai JSONL export (one file, so work can travel
by mail). Everything is keyed by id: articles by their content id, records and corrections by
their own ids, statuses by (reviewer, article). Nothing is overwritten: records, corrections
and statuses each carry their reviewer, so another reviewer's version sits beside this one.

The one rule when the same key arrives twice (the same reviewer's record merged again after an
edit): the later ``updated`` wins, ties broken by the content. That rule is a join, so merging
is idempotent (twice changes nothing) and order does not matter (A then B equals B then A).
Deletions do not travel: a record deleted at its source stays here once merged.

Nothing is merged that the store itself would not have written: a record must validate as
``Store.add_record`` validates it (and is stored as add_record would store it: dates ISO, spans
with their text), with its id and stamps as the store writes them; a status or correction must
carry a known status or label. Readers trust what is stored; a bad row is skipped and named.

What is durable when, and why: the annotation changes are worked out first and written down as
a promise (``annotations/pending.json``); then the articles this store lacks are committed, all
in one manifest commit (as an ingest batch is); then the changes are one journal line, one
undoable step, and the promise goes. A kill at any moment leaves the store as before or fully
merged once a writer opens it: the next writable open finishes a promise whose articles landed
and drops one whose articles did not (``Store._finish_pending``). Undo takes back the
annotations; imported articles stay (as after an ingest).
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field, fields
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson

from store.check.annotations import stamp_problem, stored_record
from store.disk.annotations import status_key
from store.disk.layout import MANIFEST
from store.errors import InvalidArgument, StoreError
from store.history import Put
from store.ingest import Seen
from store.model import STATUSES, ActivityRecord, Article, Span, check_reviewer
from store.search.index import IndexWriteFailed
from store.store import Store
from store.text import dedupe
from store.text.normalise import article_id


@dataclass
class MergeReport:
    """What a merge did, per kind, and every item it left out with the reason."""

    sources: list[str] = field(default_factory=list)
    articles_added: int = 0
    records_added: int = 0
    records_updated: int = 0
    statuses_added: int = 0
    statuses_updated: int = 0
    corrections_added: int = 0
    unchanged: int = 0
    reviewers: set[str] = field(default_factory=set)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (where, why)
    index_problem: str | None = None  # the articles are in, the search index could not take them

    @property
    def changes(self) -> int:
        return (self.records_added + self.records_updated + self.statuses_added + self.statuses_updated
                + self.corrections_added)

    def summary(self) -> str:
        who = ", ".join(sorted(self.reviewers)) or "nobody"
        return (f"merged {len(self.sources)} source(s) from {who}: "
                f"{self.articles_added} article(s) imported, "
                f"{self.records_added} record(s) added, {self.records_updated} updated, "
                f"{self.statuses_added + self.statuses_updated} status(es), "
                f"{self.corrections_added} correction(s); {self.unchanged} already here"
                + (f"; {len(self.skipped)} skipped" if self.skipped else ""))


@dataclass
class Incoming:
    """One source's content: articles (with their duplicate signatures) and annotation rows, each
    with where it came from (``file:line`` of an export, the name of a store) for a skip's message."""

    articles: dict[str, tuple[Article, list[int]]] = field(default_factory=dict)
    records: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    statuses: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    overrides: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)  # article id → text, to check spans


def _newer(old: dict[str, Any], new: dict[str, Any], stamp: str) -> bool:
    """Whether ``new`` wins over ``old`` for the same key: later stamp, then larger content."""
    return (str(new.get(stamp) or ""), orjson.dumps(new, option=orjson.OPT_SORT_KEYS)) > (
        str(old.get(stamp) or ""), orjson.dumps(old, option=orjson.OPT_SORT_KEYS))


# -- reading a source ---------------------------------------------------------------------------

def read_store(path: Path, target: Store, have: set[str], report: MergeReport) -> Incoming:
    """Another store, opened read-only (it may be open in a workbench)."""
    inc = Incoming()
    with Store(path, reviewer=target.reviewer, read_only=True) as src:
        if src.notice:
            report.skipped.append((str(path), src.notice))
        inc.records = [(path.name, dict(r)) for r in src.annotations.values("records")]
        inc.statuses = [(path.name, dict(s)) for s in src.annotations.values("status")]
        inc.overrides = [(path.name, dict(o)) for o in src.annotations.values("overrides")]
        wanted = {r["article_id"] for _, r in (*inc.records, *inc.statuses, *inc.overrides)}
        for name in src.corpus.shards:
            meta = {s["id"]: s for s in src.corpus.load_meta(name)}
            if all(aid in have for aid in meta):
                continue
            for aid, doc in src.corpus.load_shard(name).items():
                if aid in have or aid in inc.articles:
                    continue
                art = Article.from_dict(doc)
                art.duplicate_of = None
                inc.articles[aid] = (art, list(meta.get(aid, {}).get("sig") or []))
        for aid in wanted - have - set(inc.articles):
            report.skipped.append((str(path), f"article {aid} has annotations but is not in that store"))
    return inc


def read_export(path: Path, target: Store, have: set[str], report: MergeReport) -> Incoming:
    """A tandai JSONL export: one article per line, with ``records``, ``statuses`` and, when the
    export has them, ``corrections``. A line that is not one is skipped with its number."""
    inc = Incoming()
    try:
        fh = path.open("rb")
    except OSError as exc:
        raise StoreError(f"cannot read {path}: {exc.strerror or exc}") from exc
    with fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            where = f"{path.name}:{n}"
            try:
                row = orjson.loads(line)
            except orjson.JSONDecodeError:
                report.skipped.append((where, "not a JSON line"))
                continue
            if not isinstance(row, dict) or not isinstance(row.get("id"), str) or not isinstance(
                    row.get("text"), str):
                report.skipped.append((where, "not a tandai export line (no id or text)"))
                continue
            aid, text = row["id"], row["text"]
            if article_id(text) != aid:
                report.skipped.append((where, f"article {aid[:40]} does not match its text (edited?)"))
                continue
            inc.texts[aid] = text
            if aid not in have and aid not in inc.articles:
                try:
                    inc.articles[aid] = _article_from_row(row, target)
                except (KeyError, TypeError, ValueError) as exc:
                    report.skipped.append((where, f"article {aid} cannot be read: {exc}"))
                    continue
            recs = row.get("records") or []  # the record's own fields (not what the export adds)
            inc.records += [(where, {k: v for k, v in r.items() if k in _RECORD_KEYS}) for r in recs
                            if isinstance(r, dict)] if isinstance(recs, list) else []
            statuses = row.get("statuses") or {}
            if isinstance(statuses, dict):
                for reviewer, status in statuses.items():  # an export carries no time: any dated one wins
                    inc.statuses.append((where, {"article_id": aid, "reviewer": reviewer, "status": status,
                                                 "updated": ""}))
            corrections = row.get("corrections") or []
            if isinstance(corrections, list):
                inc.overrides += [(where, dict(o, article_id=aid)) for o in corrections
                                  if isinstance(o, dict)]
    return inc


_RECORD_KEYS = frozenset(f.name for f in fields(ActivityRecord))


def _article_from_row(row: dict[str, Any], target: Store) -> tuple[Article, list[int]]:
    """An exported article as ingest would have stored it: its fields, the recogniser's entities
    (the export's are corrected ones; corrections travel on their own)."""
    art = Article.from_dict({k: v for k, v in row.items() if k not in ("entities", "duplicate_of")})
    art.entities = target.recogniser.recognise(art.text, art.published, art.noise)
    return art, dedupe.signature(art.text, art.noise)


def read_source(path: str | os.PathLike[str], target: Store, have: set[str], report: MergeReport) -> Incoming:
    """Read one source; articles in ``have`` (this store's ids) are not read in full."""
    p = Path(path).expanduser()
    if p.is_dir():
        if not (p / MANIFEST).exists():
            raise StoreError(f"{p} is not a tandai store (no {MANIFEST})")
        if p.resolve() == target.path.resolve():
            raise StoreError(f"{p} is this store; merge another reviewer's store or export")
        return read_store(p, target, have, report)
    if not p.exists():
        raise StoreError(f"no store or export at {p}")
    return read_export(p, target, have, report)


# -- checking and merging ---------------------------------------------------------------------------

def _spans_fit(spans: Any, text: str) -> bool:
    if not isinstance(spans, list):
        return False
    for s in spans:
        try:
            span = Span.from_dict(s)
        except (KeyError, TypeError, ValueError):
            return False
        if span.end > len(text) or (span.text and text[span.start:span.end] != span.text):
            return False
    return True


def _check(kind: str, row: dict[str, Any], texts: dict[str, str], where: str,
           report: MergeReport) -> bool:
    """A row is merged only when it can be read and fits its article's text."""
    try:
        check_reviewer(row.get("reviewer"))
        if not isinstance(row.get("article_id"), str):
            raise InvalidArgument("it names no article")
        if kind != "status" and not isinstance(row.get("id"), str):
            raise InvalidArgument("it has no id")
    except StoreError as exc:
        report.skipped.append((where, f"a {kind} that cannot be merged: {exc}"))
        return False
    text = texts.get(row["article_id"])
    if text is None:
        report.skipped.append((where, f"a {kind} of article {row['article_id'][:40]}, which is not here"))
        return False
    if kind == "record" and not _spans_fit(row.get("evidence") or [], text):
        report.skipped.append((where, f"record {row['id'][:40]}: its evidence does not fit the article"))
        return False
    if kind == "correction":
        s, e = row.get("start"), row.get("end")
        if (type(s) is not int or type(e) is not int or not 0 <= s < e <= len(text)
                or row.get("action") not in ("add", "relabel", "remove")):
            report.skipped.append((where, f"correction {row['id'][:40]} does not fit the article"))
            return False
    return True


def _valid(kind: str, row: dict[str, Any], article: Article, target: Store, now: datetime) -> dict[str, Any]:
    """The row as it will be stored, or StoreError saying why not (after ``_check``): a record
    as add_record stores it; a status or correction as is, when its values are ones readers know.
    The record's normal form depends only on the row and its article, so the join over normal
    forms stays idempotent and order-independent."""
    if kind == "record":
        return stored_record(row, article, target.taxonomy, now)
    if kind == "status":  # (its value was checked first: a known status)
        if row.get("updated") != "" and (why := stamp_problem(row.get("updated"), now)):
            raise InvalidArgument(f"updated: {why}")  # "": from an export, which carries no time
        return row
    label, s, e = row.get("label"), row["start"], row["end"]
    if not (label is None and row["action"] == "remove") and label not in target.taxonomy.labels:
        raise InvalidArgument(f"{str(label)[:40]!r} is not a label ({', '.join(target.taxonomy.labels)})")
    if row.get("text") != article.text[s:e]:
        raise InvalidArgument(f"its text is not the article's at {s}-{e}")
    if type(row.get("seq")) is not int or row["seq"] < 0:
        raise InvalidArgument(f"its seq {str(row.get('seq'))[:20]!r} is not a whole number")
    if why := stamp_problem(row.get("created"), now):
        raise InvalidArgument(f"created: {why}")
    return row


def _texts(target: Store, shard_of: dict[str, str], wanted: set[str], texts: dict[str, str]) -> None:
    """The stored text of each wanted article, each shard read once (not once per article)."""
    by_shard: dict[str, list[str]] = {}
    for aid in wanted:
        if aid not in texts and aid in shard_of:
            by_shard.setdefault(shard_of[aid], []).append(aid)
    for shard, ids in by_shard.items():
        try:
            docs = target.corpus.load_shard(shard)
        except StoreError:
            continue  # a damaged shard: its articles' rows are skipped as "not here"
        for aid in ids:
            text = docs.get(aid, {}).get("text")
            if isinstance(text, str):
                texts[aid] = text


def merge(target: Store, sources: list[str | os.PathLike[str]]) -> MergeReport:
    """Merge every source into ``target``: articles in one commit, annotations in one journalled,
    undoable change (see the module doc). Returns what happened; raises StoreError for a source
    that is not a store or an export."""
    if not isinstance(sources, list | tuple) or not sources or not all(
            isinstance(s, str | os.PathLike) for s in sources):
        raise InvalidArgument("merge takes a list of store folders or export files")
    target.require_writable()
    report = MergeReport()
    incoming: dict[str, tuple[Article, list[int]]] = {}
    parts: list[Incoming] = []
    shard_of: dict[str, str] = {}
    published: dict[str, str | None] = {}  # a record's date "27/11" takes the article's year
    for name, s in target.corpus.iter_summaries():
        shard_of[s["id"]] = name
        published[s["id"]] = s.get("published") if isinstance(s.get("published"), str) else None
    have = set(shard_of)
    for src in sources:
        inc = read_source(src, target, have, report)
        report.sources.append(os.fspath(src))
        for aid, pair in inc.articles.items():
            incoming.setdefault(aid, pair)
        parts.append(inc)
    for aid, (art, _) in incoming.items():
        published.setdefault(aid, art.published)

    # 1-2. annotations: every row checked, then the winners of each key in one change
    texts = {aid: pair[0].text for aid, pair in incoming.items()}
    for inc in parts:
        for aid, text in inc.texts.items():
            texts.setdefault(aid, text)
    named = {r["article_id"] for inc in parts for rows in (inc.records, inc.statuses, inc.overrides)
             for _, r in rows if isinstance(r.get("article_id"), str)}
    _texts(target, shard_of, named, texts)
    best: dict[tuple[str, str], dict[str, Any]] = {}
    now = datetime.now(UTC)
    for inc in parts:
        for kind, table, rows in (("record", "records", inc.records), ("status", "status", inc.statuses),
                                  ("correction", "overrides", inc.overrides)):
            for where, row in rows:
                if kind == "status" and row.get("status") not in STATUSES:
                    report.skipped.append((where, f"status {str(row.get('status'))[:20]!r} is not a status"))
                    continue
                if not _check(kind, row, texts, where, report):
                    continue
                aid = row["article_id"]
                article = Article(id=aid, source="", title="", text=texts[aid], published=published.get(aid))
                try:
                    row = _valid(kind, row, article, target, now)
                except StoreError as exc:
                    what = "a status" if kind == "status" else f"{kind} {row['id'][:40]}"
                    report.skipped.append((where, f"{what} of article {aid[:40]}: {exc}"))
                    continue
                slot = (table, status_key(row["reviewer"], row["article_id"]) if kind == "status"
                        else str(row["id"]))
                stamp = "created" if table == "overrides" else "updated"
                if slot not in best or _newer(best[slot], row, stamp):
                    best[slot] = row
    ops: list[Put] = []
    for (table, key), row in sorted(best.items()):
        stamp = "created" if table == "overrides" else "updated"
        old = target.annotations.get(table, key)
        if old is not None and table != "status" and old.get("reviewer") != row["reviewer"]:
            # another reviewer's item under the same id (64-bit ids: never seen): keep both
            key = hashlib.sha256(f"{row['reviewer']}\x1f{key}".encode()).hexdigest()[:16]
            row = {**row, "id": key}
            old = target.annotations.get(table, key)
        if old == row or (old is not None and not _newer(old, row, stamp)):
            report.unchanged += 1
            continue
        report.reviewers.add(row["reviewer"])
        ops.append(Put(table, key, row))
        if table == "records":
            report.records_added += old is None
            report.records_updated += old is not None
        elif table == "status":
            report.statuses_added += old is None
            report.statuses_updated += old is not None
        else:
            report.corrections_added += 1
    label = f"merge {len(ops)} change(s) from {', '.join(sorted(report.reviewers))}"

    # 3. articles this store lacks: one commit, near duplicates linked as ingest links them; the
    # annotations that need them are promised first, so a kill between the two is finished (or,
    # when the articles never landed, dropped) by the next writer that opens the store
    promised = None
    if incoming:
        seen = Seen(s for _, s in target.corpus.iter_summaries())
        batch = []
        for aid in sorted(incoming):
            art, sig = incoming[aid]
            art.duplicate_of = seen.dups.find(sig)
            seen.add(aid, sig, art.duplicate_of)
            batch.append((art, sig))
        if ops:
            promised = target.promise(label, sorted(incoming), ops)
        try:
            target.commit_batch(batch)
        except IndexWriteFailed as exc:  # committed, not indexed (a full disk): the coding still goes in
            report.index_problem = str(exc)
        report.articles_added = len(batch)
    if ops:
        target.require_writable()
        target.history.change(label, ops)
    if promised is not None:
        target.keep_promise(promised)
    return report
