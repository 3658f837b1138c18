"""The Store: one object that opens a store directory and is the only way to read or change it.

Layout of a store directory::

    tandai.json            manifest: schema version, generation, list of shards (TinyDB)
    corpus/shard-N.json    article bodies, at most 1000 per file (TinyDB, append-only)
    corpus/shard-N.meta.json  list fields and duplicate signatures of that shard
    annotations/annotations.json  records, overrides, status, saved searches (TinyDB snapshot)
    annotations/journal.jsonl      changes since the snapshot (checksummed, fsync'd)
    annotations/backups/   the last snapshots and journals, for repair
    index/                 tantivy search index (derived; ``tandai reindex`` rebuilds it)
    taxonomy.toml          optional override of labels and activity types
    write.lock             held by the one process that may write
"""

from __future__ import annotations

import os
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import Any

from store import ingest as ingest_engine
from store.disk.annotations import Annotations, status_key
from store.disk.corpus import SHARD_SIZE, Corpus, now_iso
from store.disk.lock import WriterLock
from store.errors import (
    InvalidArgument,
    NotFound,
    QueryError,
    ReadOnlyStore,
    StoreError,
    StoreLocked,
)
from store.history import Delete, History, Op, Put
from store.model import (
    MAX_LIMIT,
    RECORD_FIELDS,
    STATUSES,
    ActivityRecord,
    Article,
    Entity,
    ListRow,
    check_callable,
    check_id,
    check_int,
    check_reviewer,
    check_text,
)
from store.paths import check_store_path
from store.records import prefill, validate
from store.search.index import IndexMissing, SearchIndex, SearchResult
from store.search.query import Filter, parse
from store.taxonomy import Taxonomy, load_taxonomy
from store.text.entities import Recogniser


class Store:
    """An open store. Writable unless ``read_only`` or another process holds the writer lock."""

    def __init__(self, path: str | Path, reviewer: str = "reviewer", read_only: bool = False,
                 wait_for_lock: bool = False) -> None:
        path, reviewer = check_store_path(path), check_reviewer(reviewer)  # '' would be the cwd
        self.path = Path(path).expanduser()
        self.reviewer = reviewer.strip() or "reviewer"
        self.notice: str | None = None
        self.notes: list[str] = []  # what a rebuild of the index had to do (a quarantined shard)
        self._lock: WriterLock | None = None
        writable = not read_only
        if writable:
            try:
                self.path.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"cannot create the store at {self.path}: {exc.strerror or exc}") from exc
            self._lock = WriterLock(self.path)
            if not self._lock.acquire():  # held by another process, or cannot be taken at all
                if wait_for_lock:
                    raise StoreLocked(f"{self.path} {self._lock.why_not()}")
                self.notice = (f"This store {self._lock.why_not()}; "
                               "opened read-only (changes cannot be saved here).")
                self._lock = None
                writable = False
        elif not (self.path / "tandai.json").exists() and not self.path.exists():
            raise StoreError(f"no store at {self.path}")
        self.writable = writable
        try:
            self.corpus = Corpus(self.path, writable)
            if writable and not (self.path / "tandai.json").exists():
                self.corpus.write_manifest()
            self.annotations = Annotations(self.path / "annotations", writable)  # makes its folders
            if self.annotations.notice:  # damaged journal lines: never dropped silently
                self.notice = " ".join(filter(None, (self.notice, self.annotations.notice)))
            self.index = SearchIndex(self.path / "index")
            self._taxonomy: Taxonomy | None = None
            self._recogniser: Recogniser | None = None
            self.history = History(self.annotations)
            self._ids_cache: dict[tuple[str, str, int], set[str]] = {}
            self._recent: OrderedDict[str, dict[str, Any]] = OrderedDict()
            if writable:
                self.catch_up_index()
                if self.notes:  # a shard quarantined while the index was rebuilt: say so on opening
                    self.notice = " ".join(filter(None, (self.notice, *self.notes)))
        except BaseException:
            self._release()
            raise

    # -- lifecycle -------------------------------------------------------------------------------

    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        """Fold the journal into a snapshot and release the writer lock."""
        try:
            if self.writable:
                self.annotations.close()
        finally:
            self._release()

    def _release(self) -> None:
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def require_writable(self) -> None:
        if not self.writable:
            raise ReadOnlyStore(self.notice or f"{self.path} is open read-only")

    @property
    def taxonomy(self) -> Taxonomy:
        if self._taxonomy is None:
            override = self.path / "taxonomy.toml"
            self._taxonomy = load_taxonomy(override if override.exists() else None)
        return self._taxonomy

    @property
    def recogniser(self) -> Recogniser:
        if self._recogniser is None:
            self._recogniser = Recogniser()
        return self._recogniser

    # -- corpus and index -------------------------------------------------------------------------

    def commit_batch(self, batch: Sequence[tuple[Article, list[int]]]) -> None:
        """Write a batch of new articles: shard files, then the manifest (commit), then the index."""
        if not isinstance(batch, list | tuple) or not all(
                isinstance(b, tuple) and len(b) == 2 and isinstance(b[0], Article) and isinstance(b[1], list)
                for b in batch):
            raise InvalidArgument("commit_batch takes a list of (Article, signature list) pairs")
        self.require_writable()
        names: list[str] = []
        try:
            for start in range(0, len(batch), SHARD_SIZE):
                part = batch[start : start + SHARD_SIZE]
                name = self.corpus.next_shard_name()
                names.append(name)
                self.corpus.write_shard(name, [a for a, _ in part], [s for _, s in part])
            self.corpus.commit(names, len(batch))
        except BaseException:  # not committed: its shard files must not linger below next_shard
            self.corpus.discard(names)
            raise
        self.index.add_batch(self.corpus, names, [a for a, _ in batch])

    def catch_up_index(self) -> None:
        """Index what the index has not seen (see ``SearchIndex.catch_up``); a shard found damaged
        on the way is quarantined and named in ``notes``."""
        self.notes += self.index.catch_up(self.corpus)

    def reindex(self, progress: Callable[[int, int], None] | None = None) -> int:
        """Rebuild the search index from the store; returns the number of articles indexed. A shard
        that cannot be read is quarantined (``notes`` says which) and the rest indexed."""
        check_callable("progress", progress)
        self.require_writable()
        count, notes = self.index.rebuild(self.corpus, progress)
        self.notes += notes
        return count

    def ingest(self, paths: Sequence[str | Path], progress: Callable[..., None] | None = None,
               cancelled: Callable[[], bool] | None = None,
               follow_symlinks: bool = False) -> ingest_engine.IngestReport:
        """Ingest files, directories or globs; see :mod:`store.ingest`. Symlinks inside folders
        that lead outside them are reported, not read, unless ``follow_symlinks``."""
        if isinstance(paths, str | os.PathLike):  # one path, not a sequence of characters
            paths = [paths]
        if not isinstance(paths, list | tuple) or not all(isinstance(p, str | os.PathLike) for p in paths):
            raise InvalidArgument("paths must be a list of file, folder or glob paths")
        check_callable("progress", progress)
        check_callable("cancelled", cancelled)
        self.require_writable()
        started = time.perf_counter()
        report = ingest_engine.IngestReport()
        self.corpus.remove_orphans()
        self.catch_up_index()
        seen = ingest_engine.Seen(s for _, s in self.corpus.iter_summaries())
        batches = ingest_engine.batches([os.fspath(p) for p in paths], report, seen, self.recogniser,
                                        self.path.resolve(), progress=progress, cancelled=cancelled,
                                        follow_symlinks=bool(follow_symlinks))
        try:
            for batch in batches:
                with ingest_engine.sigint_deferred():  # a batch is saved whole, then counted
                    self.commit_batch(batch)
                    report.added += len(batch)
                    report.added_ids.extend(a.id for a, _ in batch)
        except KeyboardInterrupt:
            report.interrupted = True
        finally:
            batches.close()
        report.seconds = time.perf_counter() - started
        if progress is not None:
            progress(ingest_engine.IngestProgress(report.sources, report.added, report.present,
                                                  len(report.skipped), ""))
        return report

    # -- articles --------------------------------------------------------------------------------

    def count(self) -> int:
        return int(self.corpus.manifest.get("articles", 0))

    def articles(self) -> Iterator[ListRow]:
        """Every article's list row, in ingest order (reads the shards' small meta files)."""
        for _, s in self.corpus.iter_summaries():
            yield ListRow(
                id=s["id"], title=s.get("title") or "", outlet=s.get("outlet"),
                published=s.get("published"), dateline=s.get("dateline"),
                duplicate_of=s.get("duplicate_of"), status=self.status(s["id"]),
                records=self.annotations.record_count(s["id"]), source=s.get("source") or "",
            )

    def article(self, article_id: str, corrected: bool = True) -> Article:
        """The full article; with ``corrected`` its entities include reviewers' overrides."""
        check_id("article", article_id)
        doc = self._recent.get(article_id)
        if doc is not None:
            self._recent.move_to_end(article_id)
            article = Article.from_dict(doc)
            if corrected:
                article.entities = self.entities(article)
            return article
        try:
            hit = self.index.lookup(article_id)
        except IndexMissing:  # the shards still answer, only slower
            hit = None
        listed = self.corpus.shards  # the index's shard is a hint: it may predate a quarantine
        shards = [hit.shard] if hit is not None and hit.shard in listed else listed
        for name in shards:
            doc = self.corpus.load_shard(name).get(article_id)
            if doc is not None:
                self._recent[article_id] = doc  # articles are immutable: safe to keep
                if len(self._recent) > 64:
                    self._recent.popitem(last=False)
                article = Article.from_dict(doc)
                if corrected:
                    article.entities = self.entities(article)
                return article
        raise NotFound(f"no article {article_id!r} in this store")

    def summary(self, article_id: str) -> ListRow:
        check_id("article", article_id)
        hit = self.index.lookup(article_id)
        if hit is None:
            raise NotFound(f"no article {article_id!r} in this store")
        hit.status, hit.records = self.status(hit.id), self.annotations.record_count(hit.id)
        return hit

    def duplicates_of(self, article_id: str) -> list[str]:
        """Articles ingest linked to this one as near duplicates."""
        check_id("article", article_id)
        try:
            return self.index.duplicates_of(article_id)
        except IndexMissing:  # the article still opens; the search bar says what is missing
            return []

    # -- search ----------------------------------------------------------------------------------

    def search(self, query: str, limit: int = 50, offset: int = 0) -> SearchResult:
        """Ranked hits for a query in tandai's query language; a bad query sets ``.error``."""
        if not isinstance(query, str):
            raise InvalidArgument(f"the query must be text, not {type(query).__name__}")
        check_int("limit", limit, 1, MAX_LIMIT)
        check_int("offset", offset, 0, 10**9)
        try:  # typed (or pasted) text: a message in the result, as for any other bad query
            check_text("the query", query, max_len=10_000)
        except InvalidArgument as exc:
            return SearchResult(error=str(exc))
        try:
            parsed = parse(query, self.taxonomy)
        except QueryError as exc:
            return SearchResult(error=str(exc))
        for attempt in range(2):
            try:
                if parsed.empty and offset == 0:
                    cached = self.index.first_screen(self.corpus.generation, limit)
                    if cached is not None:
                        return cached
                return self.index.search(parsed, limit, self._ids_for, offset=offset)
            except IndexMissing as exc:  # say so and how to rebuild it, never "0 of 0"
                if attempt == 0 and self.index.exists():  # a rebuild swapped it away as we opened it
                    self.index.forget()
                    continue
                return SearchResult(error=str(exc))
        raise AssertionError("unreachable")  # pragma: no cover

    def _ids_for(self, flt: Filter) -> set[str]:
        """Article ids an annotation filter matches; cached until the next change (per keystroke
        the same sets are asked for again and again)."""
        key = (flt.field, flt.value, self.annotations.seq)
        cached = self._ids_cache.get(key)
        if cached is None:
            if len(self._ids_cache) > 32:
                self._ids_cache.clear()
            cached = self._ids_cache[key] = self._compute_ids(flt)
        return cached

    def _compute_ids(self, flt: Filter) -> set[str]:
        ann = self.annotations
        if flt.field == "status":
            mine = (s for s in ann.values("status") if s["reviewer"] == self.reviewer)
            if flt.value == "todo":
                return {s["article_id"] for s in mine if s["status"] != "todo"}
            return {s["article_id"] for s in mine if s["status"] == flt.value}
        if flt.field == "type":
            return {r["article_id"] for r in ann.values("records") if r["type"] == flt.value}
        if flt.field == "unit":
            want = flt.value.casefold()
            return {r["article_id"] for r in ann.values("records")
                    if want in (r.get("unit") or "").casefold()}
        return set()

    # -- changes (every change is journalled and undoable) ---------------------------------------

    def _change(self, label: str, ops: list[Op]) -> None:
        self.require_writable()
        self.history.change(label, ops)

    def undo(self) -> str | None:
        """Undo the last change made through this Store; returns what was undone, or None."""
        if not self.history.undo_stack:
            return None
        self.require_writable()
        return self.history.undo()

    def redo(self) -> str | None:
        if not self.history.redo_stack:
            return None
        self.require_writable()
        return self.history.redo()

    def undo_article(self) -> str | None:
        """The article the next ``undo`` changes (it may be another than the one on screen)."""
        return self.history.undo_stack[-1].article_id() if self.history.undo_stack else None

    def redo_article(self) -> str | None:
        """The article the next ``redo`` changes."""
        return self.history.redo_stack[-1].article_id() if self.history.redo_stack else None

    # -- records ---------------------------------------------------------------------------------

    def draft_record(self, article_id: str, start: int, end: int) -> dict[str, Any]:
        """Fields for a new record whose evidence is ``start:end`` of the article, guessed from its
        entities (with corrections) and its earlier records (see ``store.records.prefill``)."""
        check_id("article", article_id)
        check_int("start", start, 0, 10**9)
        check_int("end", end, 0, 10**9)
        article = self.article(article_id)
        return prefill(article, start, end, self.taxonomy, self.records(article_id))

    def add_record(self, article_id: str, **fields: Any) -> ActivityRecord:
        """Validate and save a new activity record; durable when this returns."""
        check_id("article", article_id)
        article = self.article(article_id, corrected=False)
        clean = validate(article, fields, self.taxonomy)
        stamp = now_iso()
        record = ActivityRecord(id=uuid.uuid4().hex[:16], article_id=article_id, reviewer=self.reviewer,
                                created=stamp, updated=stamp, **clean)
        ops: list[Op] = [Put("records", record.id, record.to_dict())]
        if self.status(article_id) == "todo":
            ops.append(self._status_op(article_id, "in_progress"))
        self._change(f"add {record.type} record", ops)
        return record

    def record(self, record_id: str) -> ActivityRecord:
        check_id("record", record_id)
        data = self.annotations.get("records", record_id)
        if data is None:
            raise NotFound(f"no record {record_id!r}")
        return ActivityRecord.from_dict(data)

    def update_record(self, record_id: str, **fields: Any) -> ActivityRecord:
        old = self.record(record_id)
        article = self.article(old.article_id, corrected=False)
        merged = {k: v for k, v in old.to_dict().items() if k in RECORD_FIELDS}
        merged.update(fields)
        if "date" in fields and "phase" not in fields:
            merged["phase"] = None  # re-derive from the new date
        clean = validate(article, merged, self.taxonomy)
        new = ActivityRecord(id=old.id, article_id=old.article_id, reviewer=old.reviewer, created=old.created,
                             updated=now_iso(), **clean)
        self._change(f"edit {new.type} record", [Put("records", new.id, new.to_dict())])
        return new

    def delete_record(self, record_id: str) -> ActivityRecord:
        old = self.record(record_id)
        self._change(f"delete {old.type} record", [Delete("records", record_id)])
        return old

    def records(self, article_id: str | None = None) -> list[ActivityRecord]:
        if article_id is not None:
            check_id("article", article_id)
        if article_id is None:
            data = list(self.annotations.values("records"))
        else:
            ids = self.annotations.record_ids_for(article_id)
            data = [d for d in map(lambda rid: self.annotations.get("records", rid), ids) if d is not None]
        out = [ActivityRecord.from_dict(d) for d in data]
        out.sort(key=lambda r: (r.article_id, r.evidence[0].start if r.evidence else 0, r.created))
        return out

    # -- status ----------------------------------------------------------------------------------

    def status(self, article_id: str, reviewer: str | None = None) -> str:
        check_id("article", article_id)
        if reviewer is not None:
            check_text("the reviewer name", reviewer)
        entry = self.annotations.get("status", status_key(reviewer or self.reviewer, article_id))
        return entry["status"] if entry else "todo"

    def statuses(self, article_id: str) -> dict[str, str]:
        """Every reviewer's status of an article (reviewer → status); reviewers who set none are absent."""
        check_id("article", article_id)
        return {e["reviewer"]: e["status"] for e in self.annotations.values("status")
                if e["article_id"] == article_id}

    def record_count(self, article_id: str) -> int:
        """How many records the article has (all reviewers'), without loading them."""
        check_id("article", article_id)
        return self.annotations.record_count(article_id)

    def record_counts(self, ids: Iterable[str]) -> dict[str, int]:
        """``record_count`` of each id (one call per list page)."""
        return {i: self.record_count(i) for i in ids}

    def known_units(self) -> list[str]:
        """Every acting unit some record names, sorted (the workbench offers them for completion)."""
        return sorted({r["unit"] for r in self.annotations.values("records") if r.get("unit")})

    def _status_op(self, article_id: str, status: str) -> Op:
        key = status_key(self.reviewer, article_id)
        return Put("status", key, {"article_id": article_id, "reviewer": self.reviewer,
                                       "status": status, "updated": now_iso()})

    def set_status(self, article_id: str, status: str) -> str:
        """Set this reviewer's status for an article; returns the previous status."""
        check_id("article", article_id)
        check_text("the status", status)
        if status not in STATUSES:
            raise StoreError(f"{status!r} is not a status ({', '.join(STATUSES)})")
        if self.index.lookup(article_id) is None:
            raise NotFound(f"no article {article_id!r} in this store")
        previous = self.status(article_id)
        if previous != status:
            self._change(f"mark {status}", [self._status_op(article_id, status)])
        return previous

    def progress(self) -> dict[str, int]:
        """Counts per status for this reviewer, plus totals (for the status line)."""
        counts = {s: 0 for s in STATUSES}
        for entry in self.annotations.values("status"):
            if entry["reviewer"] == self.reviewer:
                counts[entry["status"]] += 1
        total = self.count()
        counts["todo"] = max(0, total - sum(v for k, v in counts.items() if k != "todo"))
        counts["total"] = total
        counts["records"] = len(self.annotations.tables["records"])
        return counts

    # -- entity corrections ----------------------------------------------------------------------

    def overrides(self, article_id: str) -> list[dict[str, Any]]:
        check_id("article", article_id)
        out = [o for o in self.annotations.values("overrides") if o["article_id"] == article_id]
        return sorted(out, key=lambda o: o["seq"])

    def entities(self, article: Article) -> list[Entity]:
        """The article's entities with every correction applied in the order they were made."""
        if not isinstance(article, Article):
            raise InvalidArgument(f"entities() takes an Article, not {type(article).__name__}")
        ents = {(e.start, e.end): e for e in article.entities}
        for o in self.overrides(article.id):
            if o["action"] == "remove":
                ents.pop((o["start"], o["end"]), None)
                continue
            for key in [k for k in ents if k[0] < o["end"] and o["start"] < k[1]]:
                del ents[key]
            ents[(o["start"], o["end"])] = Entity(o["start"], o["end"], o["label"], o["text"], o.get("value"))
        return sorted(ents.values(), key=lambda e: (e.start, e.end))

    def correct_entity(self, article_id: str, start: int, end: int, label: str | None) -> dict[str, Any]:
        """Add or relabel a span (``label``) or remove the entity at exactly that span (None)."""
        check_id("article", article_id)
        check_int("start", start, 0, 10**9)
        check_int("end", end, 0, 10**9)
        if label is not None:
            check_text("the label", label)
        article = self.article(article_id, corrected=False)
        if not (0 <= start < end <= len(article.text)):
            raise StoreError(f"span {start}-{end} lies outside the article's text")
        if label is not None and label not in self.taxonomy.labels:
            raise StoreError(f"{label!r} is not a label ({', '.join(self.taxonomy.labels)})")
        current = {(e.start, e.end): e for e in self.entities(article)}
        if label is None:
            if (start, end) not in current:
                raise StoreError("there is no entity at that span to remove")
            action = "remove"
        else:
            action = "relabel" if (start, end) in current else "add"
        seq = self.annotations.seq + 1
        override: dict[str, Any] = {
            "id": uuid.uuid4().hex[:16], "article_id": article_id, "reviewer": self.reviewer,
            "action": action, "start": start, "end": end, "label": label, "text": article.text[start:end],
            "created": now_iso(), "seq": seq}
        what = f"{action} {label or current[(start, end)].label} {article.text[start:end]!r}"
        self._change(what, [Put("overrides", override["id"], override)])
        return override

    # -- saved searches --------------------------------------------------------------------------

    def save_search(self, name: str, query: str) -> None:
        check_text("a saved search's name", name, max_len=200)
        check_text("the query", query, max_len=10_000)
        name = name.strip()
        if not name:
            raise StoreError("a saved search needs a name")
        self._change(f"save search {name!r}", [Put("searches", name, {
            "name": name, "query": query, "reviewer": self.reviewer, "created": now_iso()})])

    def delete_search(self, name: str) -> None:
        check_text("a saved search's name", name, max_len=200)
        if self.annotations.get("searches", name) is None:
            raise NotFound(f"no saved search {name!r}")
        self._change(f"delete search {name!r}", [Delete("searches", name)])

    def saved_searches(self) -> list[dict[str, Any]]:
        return sorted(self.annotations.values("searches"), key=lambda s: s["name"].casefold())

    # -- reporting -------------------------------------------------------------------------------

    def stats(self) -> dict[str, Any]:
        progress = self.progress()
        types: dict[str, int] = {}
        for r in self.annotations.values("records"):
            types[r["type"]] = types.get(r["type"], 0) + 1
        return {
            "store": str(self.path),
            "articles": self.count(),
            "shards": len(self.corpus.shards),
            "records": progress["records"],
            "records_by_type": dict(sorted(types.items())),
            "status": {s: progress[s] for s in STATUSES},
            "reviewers": sorted({r["reviewer"] for r in self.annotations.values("records")}),
            "writable": self.writable,
            "today": date.today().isoformat(),
        }


def open(path: str | Path, reviewer: str = "reviewer", read_only: bool = False) -> Store:  # noqa: A001
    """Open (or create) a store directory. Read-only when another process is writing it."""
    return Store(path, reviewer=reviewer, read_only=read_only)

