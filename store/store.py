"""The Store: one object that opens a store directory and is the only way to read or change it.

Layout of a store directory::

    tandai.json            manifest: schema version, generation, list of shards (TinyDB)
    corpus/shard-N.json    article bodies, at most SHARD_SIZE (250) per file (TinyDB, append-only)
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
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import Any

from store import ingest as ingest_engine
from store.agreement import conflicts, gather
from store.coding import Coding
from store.disk.annotations import Annotations
from store.disk.atomic import LINK_REASON, fsync_dir, read_json, read_own, write_bytes, write_json
from store.disk.corpus import SHARD_SIZE, Corpus
from store.disk.layout import ANNOTATIONS_DIR, INDEX_DIR, MANIFEST, PENDING, TAXONOMY
from store.disk.lock import WriterLock
from store.errors import (
    CorruptFile,
    InvalidArgument,
    NotFound,
    QueryError,
    Stopped,
    StoreError,
    StoreLocked,
)
from store.history import History, Put
from store.model import (
    MAX_LIMIT,
    STATUSES,
    Article,
    ListRow,
    check_callable,
    check_id,
    check_int,
    check_reviewer,
    check_text,
)
from store.paths import check_store_path
from store.search.index import IndexMissing, IndexWriteFailed, SearchIndex, SearchResult
from store.search.query import Filter, parse, tokens
from store.taxonomy import Taxonomy, load_taxonomy, settled_text
from store.text.entities import Recogniser


class Store(Coding):
    """An open store. Writable unless ``read_only`` or another process holds the writer lock.

    The corpus, the index, ingest and search are here; records, status, corrections and saved
    searches (everything a reviewer changes) come from :class:`store.coding.Coding`."""

    # whether the store itself says who the reviewer is (a team database: the role connected as), so a
    # program need not ask for a name
    names_its_reviewer = False

    def __init__(self, path: str | Path, reviewer: str = "reviewer", read_only: bool = False,
                 wait_for_lock: bool = False) -> None:
        path, reviewer = check_store_path(path), check_reviewer(reviewer)  # '' would be the cwd
        self.path = Path(path).expanduser()
        self.reviewer = reviewer.strip() or "reviewer"
        self.notice: str | None = None
        self.notes: list[str] = []  # what a rebuild of the index had to do (a quarantined shard)
        self._lock: WriterLock | None = None
        self._orphans_cleared = False  # see ``_clear_orphans``
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
        elif not (self.path / MANIFEST).exists() and not self.path.exists():
            raise StoreError(f"no store at {self.path}")
        self.writable = writable
        try:
            self.corpus = Corpus(self.path, writable)
            if writable and not (self.path / MANIFEST).exists():
                self.corpus.write_manifest()
            self.annotations = Annotations(self.path / ANNOTATIONS_DIR, writable)  # makes its folders
            if self.annotations.notice:  # damaged journal lines: never dropped silently
                self.notice = " ".join(filter(None, (self.notice, self.annotations.notice)))
            self.index = SearchIndex(self.path / INDEX_DIR)
            self._taxonomy: Taxonomy | None = None
            self._recogniser: Recogniser | None = None
            self.history = History(self.annotations)
            self._ids_cache: dict[tuple[str, str, int], set[str]] = {}
            self._recent: OrderedDict[str, dict[str, Any]] = OrderedDict()
            if not writable:
                behind = self.index_behind()
                if behind:
                    self.notice = " ".join(filter(None, (self.notice, behind)))
            if writable:
                self._finish_pending()
                try:
                    self.catch_up_index()
                except IndexWriteFailed as exc:  # (a full disk) the store opens: its old index answers
                    self.notes.append(f"{exc} (until then, searches miss what it lacks)")
                if self.notes:  # a shard quarantined while the index was rebuilt: say so on opening
                    self.notice = " ".join(filter(None, (self.notice, *self.notes)))
        except BaseException:
            self._release()
            raise

    def _finish_pending(self) -> None:
        """Roll a change promised before its articles were committed (``store.merge``) forward, or
        drop it when those articles never were: either way a kill -9 between the two leaves the
        store as before or as after, never articles without their coding."""
        path = self.path / ANNOTATIONS_DIR / PENDING
        if not os.path.lexists(path):
            return
        try:
            data = read_json(path)
            if not isinstance(data, dict):
                raise TypeError("not an object")
            ops = [Put(str(o["table"]), str(o["key"]), dict(o["value"])) for o in data["ops"]]
            needed = set(data["articles"])
            label = str(data["label"])
        except Exception:  # noqa: BLE001 - a damaged promise: kept aside, said, never applied
            os.replace(path, path.with_name(f"{PENDING}.broken-{int(time.time())}"))
            self.notes.append(f"a damaged {PENDING} was moved aside; run the merge again")
            return
        present = {s["id"] for _, s in self.corpus.iter_summaries()}
        if needed <= present and any(self.annotations.get(op.table, op.key) != op.value for op in ops):
            with self.undoable(label):  # a merge's change, finished: `tandai undo` takes it back as well
                self.history.change(label, ops)
            self.notes.append(f"finished an interrupted change: {label}")
        os.unlink(path)
        fsync_dir(path.parent)

    def promise(self, label: str, articles: Sequence[str], ops: Sequence[Put]) -> Path:
        """Write down ``ops`` before committing ``articles`` they need (see ``_finish_pending``);
        the caller journals the ops and then calls ``keep_promise``."""
        self.require_writable()
        path = self.path / ANNOTATIONS_DIR / PENDING
        write_json(path, {"label": label, "articles": sorted(articles),
                          "ops": [{"table": o.table, "key": o.key, "value": o.value} for o in ops]})
        return path

    def keep_promise(self, path: Path) -> None:
        """The promised change is journalled: the promise goes."""
        os.unlink(path)
        fsync_dir(path.parent)

    # -- lifecycle -------------------------------------------------------------------------------

    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if exc is None:
            self.close()
            return
        try:  # the error that ended the block is the one to report: on a full disk the snapshot
            self.close()  # written on closing fails too, and replaced it (the journal keeps every change)
        except (StoreError, OSError):
            pass

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

    @property
    def taxonomy(self) -> Taxonomy:
        if self._taxonomy is None:
            override = self.path / TAXONOMY
            if override.is_symlink():  # read through, a file outside the store would decide its drafts
                raise CorruptFile(override, LINK_REASON)
            self._taxonomy = load_taxonomy(override if override.exists() else None)
        return self._taxonomy

    def settle_convention(self, name: str, reading: str | None) -> None:
        """Settle a coding convention for everyone drafting in this store (``reading`` None: no longer
        settled, drafts follow the records again), in its taxonomy.toml, the rest of the file as it was:
        how a project makes one reading its reviewers' when their records split (``store.conventions``)."""
        self.require_writable()
        own = read_own(self.path / TAXONOMY)  # (never through a link)
        self._put_taxonomy(settled_text(own.decode("utf-8") if own is not None else None, name, reading))

    def adjudication_refused(self) -> str | None:
        """Why this reviewer may not adjudicate here, or None. A file store has no roles: whoever
        holds it may (a team database asks for its adjudicator role, see ``PgStore``)."""
        return None

    def _put_taxonomy(self, text: str) -> None:
        path = self.path / TAXONOMY
        write_bytes(path, text.encode("utf-8"))
        self._taxonomy = None

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
        self._clear_orphans()
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
        self.notes += self.index.add_batch(self.corpus, names, [a for a, _ in batch])

    def _clear_orphans(self) -> None:
        """Delete the shard files a killed batch left (``Corpus.remove_orphans``) before this session
        writes its first batch, whoever writes it (ingest, merge, import, copy): left there, the new
        batch would be numbered after them, and they would then lie below the manifest's next shard,
        where ``check`` must take them for shards the manifest lost."""
        if not self._orphans_cleared:
            self.corpus.remove_orphans()
            self._orphans_cleared = True

    def index_behind(self) -> str | None:
        """What a reader must be told when the search index has not caught up with the store (a
        writer killed or stopped by a full disk between its commit and the index's; only a writable
        open catches it up): searches and exports by query would miss articles without a word.
        None when it is in step, missing (a search says so), or a writer is at work on it now."""
        stamp = self.index.stamp()
        if not stamp or stamp.get("generation") == self.corpus.generation or not self.index.exists():
            return None
        if WriterLock(self.path).writer_alive():
            return None  # (it catches the index up as it goes)
        indexed = stamp.get("articles")
        missing = self.count() - indexed if isinstance(indexed, int) else 0
        what = f"{missing} article(s) are not searchable" if missing > 0 else "searches may be out of date"
        return f"the search index is behind the store: {what}; run `tandai reindex`"

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
        before = self.count()
        self._clear_orphans()
        self.catch_up_index()
        seen = ingest_engine.Seen(s for _, s in self.corpus.iter_summaries())
        batches = ingest_engine.batches([os.fspath(p) for p in paths], report, seen, self.recogniser,
                                        self.path.resolve(), progress=progress, cancelled=cancelled,
                                        follow_symlinks=bool(follow_symlinks))
        read_all = False
        try:
            # the index commits every few batches and at the end (Ctrl-C waits for that one too)
            with self.index.held(self.corpus, ingest_engine.sigint_deferred):
                for batch in batches:
                    with ingest_engine.sigint_deferred():  # a batch is saved whole, then counted
                        self.commit_batch(batch)
                        report.added += len(batch)
                        report.added_ids.extend(a.id for a, _ in batch)
                read_all = True
        except KeyboardInterrupt:
            report.interrupted = True
        except StoreError as exc:  # a full disk: say what is in, before what stopped it
            report.seconds = time.perf_counter() - started
            added = self.count() - before  # (a batch committed but not indexed is in the store too)
            if added <= 0:
                raise
            report.added = added
            if read_all:  # only the index's last commit failed
                raise Stopped(f"{added} article(s) were added, but {exc}", report) from exc
            raise Stopped(f"ingest stopped after {added} article(s) were added (they are kept; ingesting "
                          f"again adds what is missing): {exc}", report) from exc
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
            article.same_story = self._same_story(article)
            return article
        try:
            hit = self.index.lookup(article_id)
        except IndexMissing:  # the shards still answer, only slower
            hit = None
        listed = self.corpus.shards  # the index's shard is a hint: it may predate a quarantine
        shards = [hit.shard] if hit is not None and hit.shard in listed else listed
        for name in shards:
            doc = self.corpus.load_article(name, article_id)
            if doc is not None:
                self._recent[article_id] = doc  # articles are immutable: safe to keep
                if len(self._recent) > 64:
                    self._recent.popitem(last=False)
                article = Article.from_dict(doc)
                if corrected:
                    article.entities = self.entities(article)
                article.same_story = self._same_story(article)
                return article
        raise NotFound(f"no article {article_id!r} in this store")

    def same_story(self, article_id: str) -> list[str]:
        """Articles that rewrite the same source as this one (the whole group, itself excluded)."""
        return self.article(article_id, corrected=False).same_story

    def _same_story(self, article: Article) -> list[str]:
        """The whole group of rewrites: those linked at ingest and those linked to it since."""
        try:
            return self.index.same_story(article.id, article.same_story)
        except IndexMissing:
            return article.same_story

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
        if flt.field == "agree" or (flt.field, flt.value) == ("status", "conflict"):  # issue 13
            coded = gather(ann.values("status"), ann.values("records"), ann.values("overrides"))
            status_conflict, disagree = conflicts(coded)
            if flt.field == "status":
                return status_conflict
            return disagree if flt.value == "no" else set(coded.shared()) - disagree
        if flt.field == "status":
            mine = (s for s in ann.values("status") if s["reviewer"] == self.reviewer)
            if flt.value == "todo":
                return {s["article_id"] for s in mine if s["status"] != "todo"}
            return {s["article_id"] for s in mine if s["status"] == flt.value}
        if flt.field == "type":
            return {r["article_id"] for r in ann.values("records") if r["type"] == flt.value}
        if flt.field == "unit":  # words in order, as the index matches the text's units
            want = tokens(flt.value)
            return {r["article_id"] for r in ann.values("records")
                    if _in_order(want, tokens(r.get("unit") or ""))}
        return set()

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
            "conventions": self.conventions_in_use(),
        }


def _in_order(want: list[str], words: list[str]) -> bool:
    """``want`` appears in ``words`` as consecutive whole words (and an empty ``want`` nowhere)."""
    n = len(want)
    return n > 0 and any(words[i:i + n] == want for i in range(len(words) - n + 1))


def open(path: str | Path, reviewer: str = "reviewer", read_only: bool = False) -> Store:  # noqa: A001
    """Open (or create) a store directory. Read-only when another process is writing it."""
    return Store(path, reviewer=reviewer, read_only=read_only)

