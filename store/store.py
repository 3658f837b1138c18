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
import uuid
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import Any

from store import ingest as ingest_engine
from store.disk.annotations import Annotations, status_key
from store.disk.corpus import SHARD_SIZE, BrokenShard, Corpus, now_iso
from store.disk.lock import WriterLock
from store.errors import (
    InvalidArgument,
    InvalidRecord,
    NotFound,
    QueryError,
    ReadOnlyStore,
    StoreError,
    StoreLocked,
)
from store.model import (
    ACTIVITY_TYPES,
    LABELS,
    MAX_LIMIT,
    PHASES,
    RECORD_FIELDS,
    STATUSES,
    ActivityRecord,
    Article,
    ArticleSummary,
    Entity,
    Span,
    check_callable,
    check_id,
    check_int,
    check_reviewer,
    check_text,
    parse_personnel,
    record_field_problems,
)
from store.paths import check_store_path
from store.search.index import IndexMissing, SearchIndex, SearchResult
from store.search.query import Filter, parse
from store.taxonomy import Taxonomy, load_taxonomy
from store.text.dates import parse_date
from store.text.entities import Recogniser
from store.text.phases import phase_for

Op = tuple[Any, ...]


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
            self._undo: list[tuple[str, list[Op], list[Op]]] = []
            self._redo: list[tuple[str, list[Op], list[Op]]] = []
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
        writer = self.index.writer()
        try:
            for name, start in zip(names, range(0, len(batch), SHARD_SIZE), strict=True):
                for article, _ in batch[start : start + SHARD_SIZE]:
                    writer.add_document(self.index.document(article, name))
            writer.commit()
            writer.wait_merging_threads()
        except BaseException:
            try:
                writer.rollback()
            except Exception:  # noqa: BLE001
                pass
            raise
        self.index.write_stamp(self.corpus.generation, int(self.corpus.manifest.get("articles", 0)),
                               self.corpus.shards)
        self.index.write_first_screen(self.corpus.generation)

    def catch_up_index(self) -> None:
        """Index shards the index has not seen (after a crash between commit and indexing); a
        missing or unreadable index, or one holding shards the manifest dropped, is rebuilt."""
        self.index.remove_abandoned()
        if self.index.in_step(self.corpus.generation):
            try:
                if self.index.num_docs() != self.index.stamp().get("articles"):  # derived: never trusted
                    self.reindex()
                elif self.index.first_screen_stale(self.corpus.generation):  # a crash came between
                    self.index.write_first_screen(self.corpus.generation)
                return
            except (IndexMissing, ValueError, OSError):  # unreadable although in step: rebuild it
                self.reindex()
                return
        stamp = self.index.stamp()
        seen = stamp.get("shards") if stamp.get("schema") == 1 and self.index.exists() else None
        done = {n for n in seen if isinstance(n, str)} if isinstance(seen, list) else set()
        try:
            self.index.index  # noqa: B018 - an unreadable index is rebuilt, not added to
        except IndexMissing:
            done = set()
        if not done or not done <= set(self.corpus.shards):
            self.reindex()
            return
        missing = [s for s in self.corpus.shards if s not in done]
        writer = self.index.writer()
        try:
            broken = self._add_shards(writer, missing, replace=True)[1]
            writer.commit()
            writer.wait_merging_threads()
        except BaseException:
            _rollback(writer)
            raise
        if broken:
            self.notes += self.corpus.quarantine(broken)
        self.index.write_stamp(self.corpus.generation, self.count(), self.corpus.shards)
        self.index.write_first_screen(self.corpus.generation)

    def reindex(self, progress: Callable[[int, int], None] | None = None) -> int:
        """Rebuild the search index from the store; returns the number of articles indexed.

        The new index is built beside the one in use and swapped in only when complete, so a
        failure leaves the old one and readers never see an empty one. A shard that cannot be
        read is quarantined (see ``Corpus.quarantine``; ``notes`` says which) and the rest indexed.
        """
        check_callable("progress", progress)
        self.require_writable()
        name, built = self.index.new_build()
        try:
            writer = built.writer(heap_size=64_000_000, num_threads=1)
            try:
                count, broken = self._add_shards(writer, self.corpus.shards, replace=False, progress=progress)
                writer.commit()
                writer.wait_merging_threads()
            except BaseException:
                _rollback(writer)
                raise
            if broken:
                self.notes += self.corpus.quarantine(broken, remaining=count)
            self.index.swap_in(name, built, self.corpus.generation, self.count(), self.corpus.shards)
        except BaseException:
            self.index.discard_build(name)
            raise
        return count

    def _add_shards(self, writer: Any, shards: list[str], replace: bool,
                    progress: Callable[[int, int], None] | None = None) -> tuple[int, list[str]]:
        """Add the documents of ``shards``; returns (articles added, shards that are damaged).

        A shard is read whole before any of it is added: a damaged one adds nothing."""
        count, broken = 0, []
        for i, name in enumerate(shards):
            try:
                docs = [self.index.document(Article.from_dict(d), name)
                        for d in self.corpus.load_shard(name).values()]
            except BrokenShard:
                broken.append(name)
                continue
            except (KeyError, TypeError, ValueError, AttributeError):  # an entry that is not an article
                broken.append(name)
                continue
            if replace:  # a crash after the index commit but before its stamp: never index twice
                delete = getattr(writer, "delete_documents_by_term", None) or writer.delete_documents
                delete("shard", name)
            for doc in docs:
                writer.add_document(doc)
            count += len(docs)
            if progress is not None:
                progress(i + 1, len(shards))
        return count, broken

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
        return ingest_engine.run(self, [os.fspath(p) for p in paths], progress=progress, cancelled=cancelled,
                                 follow_symlinks=bool(follow_symlinks))

    # -- articles --------------------------------------------------------------------------------

    def count(self) -> int:
        return int(self.corpus.manifest.get("articles", 0))

    def articles(self) -> Iterator[ArticleSummary]:
        """Every article's summary, in ingest order (reads the shards' small meta files)."""
        for _, s in self.corpus.iter_summaries():
            yield ArticleSummary(
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

    def summary(self, article_id: str) -> ArticleSummary:
        check_id("article", article_id)
        hit = self.index.lookup(article_id)
        if hit is None:
            raise NotFound(f"no article {article_id!r} in this store")
        return ArticleSummary(hit.id, hit.title, hit.outlet, hit.published, hit.dateline, hit.duplicate_of,
                              self.status(hit.id), self.annotations.record_count(hit.id))

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

    def _inverse(self, ops: list[Op]) -> list[Op]:
        inverse: list[Op] = []
        for op in ops:
            old = self.annotations.get(op[1], op[2])
            inverse.append(("put", op[1], op[2], old) if old is not None else ("del", op[1], op[2]))
        return list(reversed(inverse))

    def _change(self, label: str, ops: list[Op]) -> None:
        self.require_writable()
        inverse = self._inverse(ops)
        self.annotations.apply(ops)
        self._undo.append((label, ops, inverse))
        del self._undo[:-500]
        self._redo.clear()

    def undo(self) -> str | None:
        """Undo the last change made through this Store; returns what was undone, or None."""
        if not self._undo:
            return None
        label, ops, inverse = self._undo[-1]
        self.require_writable()
        self.annotations.apply(inverse)
        self._undo.pop()
        self._redo.append((label, ops, inverse))
        return label

    def redo(self) -> str | None:
        if not self._redo:
            return None
        label, ops, inverse = self._redo[-1]
        self.require_writable()
        self.annotations.apply(ops)
        self._redo.pop()
        self._undo.append((label, ops, inverse))
        return label

    # -- records ---------------------------------------------------------------------------------

    def _validate(self, article: Article, fields: dict[str, Any]) -> dict[str, Any]:
        wrong_type = record_field_problems(fields)  # a wrong type is reported, never used
        fields = {k: v for k, v in fields.items() if k not in wrong_type}
        problems: dict[str, str] = {}
        unknown = set(fields) - RECORD_FIELDS
        if unknown:
            problems["fields"] = f"unknown field(s): {', '.join(sorted(unknown))}"
        out = dict(fields)
        rtype = (out.get("type") or "").strip()
        if not rtype:
            problems["type"] = "an activity type is required"
        elif rtype not in self.taxonomy.activities and rtype not in ACTIVITY_TYPES:
            problems["type"] = f"{rtype!r} is not an activity type ({', '.join(self.taxonomy.activities)})"
        out["type"] = rtype
        unit = (out.get("unit") or "").strip()
        if not unit:
            problems["unit"] = "the acting unit is required"
        out["unit"] = unit
        spans: list[Span] = []
        for raw in out.get("evidence") or []:
            span = raw if isinstance(raw, Span) else Span.from_dict(raw) if isinstance(raw, dict) else None
            if span is None or not (0 <= span.start < span.end <= len(article.text)):
                problems["evidence"] = "an evidence span lies outside the article's text"
                continue
            spans.append(Span(span.start, span.end, article.text[span.start : span.end]))
        if not spans and "evidence" not in problems:
            problems["evidence"] = "at least one evidence sentence is required"
        out["evidence"] = spans
        raw_date = out.get("date")
        if raw_date:
            iso = parse_date(str(raw_date), article.published)
            if iso is None:
                problems["date"] = f"{raw_date!r} is not a date (try 2024-11-27 or 27/11/2024)"
            else:
                out["date"] = iso
        else:
            out["date"] = None
        out["personnel"] = parse_personnel(out.get("personnel"))  # checked above: 2.5 is not 25
        phase = out.get("phase")
        if not phase:
            out["phase"] = phase_for(out.get("date"))
        elif phase not in PHASES:
            problems["phase"] = f"{phase!r} is not a phase ({', '.join(PHASES)})"
        partners = out.get("partners") or []
        if isinstance(partners, str):
            partners = [p.strip() for p in partners.split(",")]
        out["partners"] = [str(p).strip() for p in partners if str(p).strip()]
        out["location"] = (out.get("location") or "").strip() or None
        out["date_text"] = (out.get("date_text") or "").strip() or None
        out["notes"] = out.get("notes") or ""
        problems.update(wrong_type)
        if problems:
            raise InvalidRecord(problems)
        return out

    def add_record(self, article_id: str, **fields: Any) -> ActivityRecord:
        """Validate and save a new activity record; durable when this returns."""
        check_id("article", article_id)
        article = self.article(article_id, corrected=False)
        clean = self._validate(article, fields)
        stamp = now_iso()
        record = ActivityRecord(id=uuid.uuid4().hex[:16], article_id=article_id, reviewer=self.reviewer,
                                created=stamp, updated=stamp, **clean)
        ops: list[Op] = [("put", "records", record.id, record.to_dict())]
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
        clean = self._validate(article, merged)
        new = ActivityRecord(id=old.id, article_id=old.article_id, reviewer=old.reviewer, created=old.created,
                             updated=now_iso(), **clean)
        self._change(f"edit {new.type} record", [("put", "records", new.id, new.to_dict())])
        return new

    def delete_record(self, record_id: str) -> ActivityRecord:
        old = self.record(record_id)
        self._change(f"delete {old.type} record", [("del", "records", record_id)])
        return old

    def records(self, article_id: str | None = None) -> list[ActivityRecord]:
        if article_id is not None:
            check_id("article", article_id)
        if article_id is None:
            data = list(self.annotations.values("records"))
        else:
            ids = self.annotations.record_ids_for(article_id)
            data = [self.annotations.get("records", rid) for rid in ids]
        out = [ActivityRecord.from_dict(d) for d in data if d is not None]
        out.sort(key=lambda r: (r.article_id, r.evidence[0].start if r.evidence else 0, r.created))
        return out

    # -- status ----------------------------------------------------------------------------------

    def status(self, article_id: str, reviewer: str | None = None) -> str:
        check_id("article", article_id)
        if reviewer is not None:
            check_text("the reviewer name", reviewer)
        entry = self.annotations.get("status", status_key(reviewer or self.reviewer, article_id))
        return entry["status"] if entry else "todo"

    def _status_op(self, article_id: str, status: str) -> Op:
        key = status_key(self.reviewer, article_id)
        return ("put", "status", key, {"article_id": article_id, "reviewer": self.reviewer,
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
        if label is not None and label not in LABELS:
            raise StoreError(f"{label!r} is not a label ({', '.join(LABELS)})")
        current = {(e.start, e.end): e for e in self.entities(article)}
        if label is None:
            if (start, end) not in current:
                raise StoreError("there is no entity at that span to remove")
            action = "remove"
        else:
            action = "relabel" if (start, end) in current else "add"
        seq = self.annotations.seq + 1
        override = {"id": uuid.uuid4().hex[:16], "article_id": article_id, "reviewer": self.reviewer,
                    "action": action, "start": start, "end": end, "label": label,
                    "text": article.text[start:end], "created": now_iso(), "seq": seq}
        what = f"{action} {label or current[(start, end)].label} {article.text[start:end]!r}"
        self._change(what, [("put", "overrides", override["id"], override)])
        return override

    # -- saved searches --------------------------------------------------------------------------

    def save_search(self, name: str, query: str) -> None:
        check_text("a saved search's name", name, max_len=200)
        check_text("the query", query, max_len=10_000)
        name = name.strip()
        if not name:
            raise StoreError("a saved search needs a name")
        self._change(f"save search {name!r}", [("put", "searches", name, {
            "name": name, "query": query, "reviewer": self.reviewer, "created": now_iso()})])

    def delete_search(self, name: str) -> None:
        check_text("a saved search's name", name, max_len=200)
        if self.annotations.get("searches", name) is None:
            raise NotFound(f"no saved search {name!r}")
        self._change(f"delete search {name!r}", [("del", "searches", name)])

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


def _rollback(writer: Any) -> None:
    try:
        writer.rollback()
    except Exception:  # noqa: BLE001 - the original error is the one to report
        pass
