"""The search index: a tantivy index derived from the store, rebuilt by ``tandai reindex``.

Why tantivy: measured at 100k articles it answers a keystroke in ~4 ms and reopens in ~1 ms,
where SQLite FTS5 with ranking took hundreds of ms. The index also serves the article list's
rows (stored title/outlet/date), so opening a store never reads the corpus. Filters that depend
on annotations (``status:``, ``type:``, record units) change with every save, so they are not
indexed: the caller passes the matching article ids, which become a term-set clause.

Layout: ``index/stamp.json`` names the tantivy directory in use (``index/tantivy-<id>/``) and the
store generation it reflects; ``index/first-screen.json`` holds the newest rows of that directory.
A rebuild writes a new directory next to the one in use and swaps it in by replacing the stamp
(atomic rename, directory fsync'd) only when it is complete, so a reader sees the old index or the
new one, never an empty or half-built one, and a rebuild that fails leaves the old one in use.
The previous directory is kept until the next swap, for readers that read the stamp just before.
A reader never creates anything: a missing index is an error that says how to rebuild it.
A store written before this layout has its tantivy files in ``index/`` itself (no ``dir`` in the
stamp); it is read as it is and moved to the new layout by the next rebuild.

Over 400 lines, on purpose: opening, swapping, upkeep (``add_batch``, ``catch_up``, ``rebuild``)
and reads all share one piece of state, which directory the stamp names and the handle open on
it; split across files, the swap protocol could no longer be read in one place. What a query or
a document becomes in tantivy's terms is apart, in ``store.search.tantivy_query``.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import tempfile
import time
import uuid
import weakref
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ParamSpec, TypeVar, cast

import tantivy

from store.disk.atomic import fsync_dir, read_json, write_json
from store.disk.corpus import SHARD_SIZE, BrokenShard, Corpus
from store.disk.layout import BUILT, FIRST_SCREEN, STAMP  # (names of the store layout: see there)
from store.errors import StoreError
from store.model import Article, ListRow
from store.search.query import Filter, Query
from store.search.tantivy_query import compile_query, document, schema

HELD_COMMIT = 2_000  # inside ``held``, commit the index after this many articles...
HELD_SECONDS = 30.0  # ...or this long after the last commit (a slow ingest shows progress too)
INDEX_SCHEMA = 3  # 2: the ``story`` fields (rewrites); 3: ``order``; an index of another schema is rebuilt
FIRST_SCREEN_ROWS = 200
LIST_FIELDS = ("id", "title", "outlet", "published", "dateline", "duplicate_of", "shard")
DIR_NAME = re.compile(r"tantivy-[0-9a-f]{12}")
LEGACY = "."  # the stamp's ``dir`` of an index whose files lie in ``index/`` itself
TANTIVY_FILE = re.compile(r"meta\.json|\.managed\.json|\.tantivy-.*\.lock|[0-9a-f]{32}\.\w+")
P = ParamSpec("P")
R = TypeVar("R")
REBUILD_HINT = "rebuild it with `tandai reindex`"
STALE = "belongs to an earlier version of the index"  # after a crash: harmless, rewritten on next open


_schema = schema  # the name tests build an empty index with


class IndexMissing(StoreError):
    """The search index is missing or unreadable; the message says how to rebuild it."""


class IndexWriteFailed(StoreError):
    """The search index could not be written (a full disk, tantivy's ``IO error``): the store is as
    it was (the index is derived and keeps its last commit); the message says how to catch it up."""


def _reason(exc: BaseException) -> tuple[str, int | None]:
    """What the OS said and its errno, from an OSError, a StoreError caused by one, or tantivy's
    text (``An IO error occurred: 'No space left on device (os error 28)'``)."""
    cause = exc.__cause__ if isinstance(exc, StoreError) else exc
    if isinstance(cause, OSError):
        return cause.strerror or str(cause), cause.errno
    m = re.search(r"os error (\d+)", str(exc))
    if m:
        return os.strerror(int(m.group(1))), int(m.group(1))
    return str(exc)[:120], None


def write_failed(exc: BaseException) -> IndexWriteFailed:
    reason, code = _reason(exc)
    fix = ("free space and run `tandai reindex`" if code in (errno.ENOSPC, errno.EDQUOT)
           else "run `tandai reindex` once that is fixed")
    return IndexWriteFailed(f"the search index could not be written: {reason}; {fix}")


def _io_error(exc: BaseException) -> bool:
    """tantivy's words for a failed write of the OS (not a refusal of what it found on disk)."""
    return "os error" in str(exc) or "IO error" in str(exc)


def _unreadable(exc: BaseException) -> bool:
    """An error tantivy raises on a damaged index: ValueError, OSError, or a Rust panic (pyo3's
    PanicException derives from BaseException, so ``except Exception`` misses it)."""
    return isinstance(exc, ValueError | OSError) or type(exc).__name__ == "PanicException"


def _read_only_fs(exc: BaseException) -> bool:
    """tantivy's own words for EROFS (os error 30) when it cannot create its lock file."""
    text = str(exc)
    return "Read-only file system" in text or "ReadOnlyFilesystem" in text or "os error 30" in text


def guarded(fn: Callable[P, R]) -> Callable[P, R]:
    """A damaged index file becomes IndexMissing (one line, how to rebuild), never a traceback."""

    def call(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return fn(*args, **kwargs)
        except StoreError:
            raise
        except BaseException as exc:
            if not _unreadable(exc):
                raise
            index = cast(SearchIndex, args[0])  # a method: ``self`` comes first
            raise IndexMissing(f"the search index of {index.path.parent} cannot be read ({str(exc)[:100]}); "
                               f"{REBUILD_HINT}") from None

    call.__doc__, call.__name__ = fn.__doc__, fn.__name__
    return call


@dataclass(slots=True)
class SearchResult:
    """A page of hits: ``hits`` their ids, ``rows`` the rows to list, ``words`` to highlight;
    ``error`` says why a query could not run (then there are no hits)."""

    total: int = 0
    hits: list[str] = field(default_factory=list)
    rows: list[ListRow] = field(default_factory=list)
    error: str | None = None
    words: list[str] = field(default_factory=list)


class SearchIndex:
    """The search index of a store: the tantivy directory its stamp names, plus that stamp."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.schema = schema()
        self._index: Any = None
        self._searcher: Any = None
        self._dir: str | None = None  # the stamp's ``dir`` of the open index
        self._sorted: tuple[Any, str] = (None, "order")  # an index and the field its list sorts by
        self._holding = False  # inside ``held``
        self._held: Any = None  # the writer kept open across batches inside ``held``
        self._pending = 0  # documents added to it since its last commit
        self._since = 0.0  # when it last committed (time.monotonic)
        # a catch-up, rebuild or commit failed (a full disk): the index may lack committed shards, so
        # the next batch is indexed by ``catch_up`` (its stamp must never name a shard it lacks)
        self.behind = False

    # -- lifecycle ----------------------------------------------------------------------------

    def stamp(self) -> dict[str, Any]:
        p = self.path / STAMP
        if not p.exists():
            return {}
        try:
            data = read_json(p)
        except StoreError:
            return {}
        return data if isinstance(data, dict) else {}

    def _dir_of(self, stamp: dict[str, Any]) -> str | None:
        """The directory a stamp names: a ``tantivy-*`` directory, or ``index/`` itself for the
        layout before swaps (no ``dir``); None when there is no index to open."""
        name = stamp.get("dir")
        if isinstance(name, str) and DIR_NAME.fullmatch(name):
            return name
        if "dir" not in stamp and (self.path / "meta.json").exists():
            return LEGACY
        if not stamp:  # stamp missing or damaged: the newest build that was finished still answers
            built = [d for d in self._dirs() if (d / BUILT).exists()]
            if built:
                return max(built, key=lambda d: (d / BUILT).stat().st_mtime_ns).name
        return None

    def _dirs(self) -> list[Path]:
        try:
            return [d for d in self.path.iterdir() if d.is_dir() and DIR_NAME.fullmatch(d.name)]
        except OSError:
            return []

    def _full(self, name: str) -> Path:
        return self.path if name == LEGACY else self.path / name

    def exists(self) -> bool:
        name = self._dir_of(self.stamp())
        return name is not None and (self._full(name) / "meta.json").exists()

    def in_step(self, generation: int) -> bool:
        st = self.stamp()
        return st.get("schema") == INDEX_SCHEMA and st.get("generation") == generation and self.exists()

    def open(self) -> None:
        """Open the index the stamp names. A rebuild in another process may swap and remove a
        directory between our reading the stamp and opening it: then read the stamp again."""
        self._index = self._searcher = None
        problem = "is missing"
        for attempt in range(8):
            stamp = self.stamp()
            name = self._dir_of(stamp)
            if name is None:
                break
            try:
                self._index = tantivy.Index.open(str(self._full(name)))
            except BaseException as exc:
                if not _unreadable(exc):
                    raise
                if _read_only_fs(exc):  # tantivy wants a lock file even to read
                    self._index = self._open_copy(self._full(name))
                    self._dir = name
                    return
                if self.stamp().get("dir") == stamp.get("dir") and attempt >= 2:
                    problem = f"cannot be read ({str(exc)[:120]})"
                    if not (self._full(name) / "meta.json").exists():
                        problem = "is missing"
                    break
                time.sleep(0.02 * (attempt + 1))
                continue
            self._dir = name
            return
        if (self.path / STAMP).exists() and not self.stamp():
            problem += f" (index/{STAMP} is damaged)"
        raise IndexMissing(f"the search index of {self.path.parent} {problem}; {REBUILD_HINT}")

    def _open_copy(self, directory: Path) -> Any:
        """Open a private copy of a read-only index (a store on a read-only mount: tantivy cannot
        create its lock file there). The copy lives in the temporary folder until the process ends."""
        tmp = Path(tempfile.mkdtemp(prefix="tandai-ro-index-"))
        weakref.finalize(self, shutil.rmtree, tmp, True)
        try:
            shutil.copytree(directory, tmp / "index", dirs_exist_ok=True,
                            ignore=shutil.ignore_patterns(".tantivy-*.lock"))
            return tantivy.Index.open(str(tmp / "index"))
        except BaseException as exc:
            if not _unreadable(exc):
                raise
            raise IndexMissing(f"the search index of {self.path.parent} cannot be read on this read-only "
                               f"mount ({str(exc)[:100]})") from None

    # -- rebuilding ---------------------------------------------------------------------------

    def new_build(self) -> tuple[str, Any]:
        """A fresh, empty tantivy directory beside the one in use (nobody reads it yet)."""
        name = f"tantivy-{uuid.uuid4().hex[:12]}"
        self._own(self.path)
        try:
            self.path.mkdir(exist_ok=True)
            (self.path / name).mkdir()
            return name, tantivy.Index(self.schema, path=str(self.path / name), reuse=False)
        except (OSError, ValueError) as exc:
            raise StoreError(f"cannot create a search index in {self.path}: {exc}") from exc

    def discard_build(self, name: str) -> None:
        if DIR_NAME.fullmatch(name):
            shutil.rmtree(self.path / name, ignore_errors=True)

    def swap_in(self, name: str, built: Any, generation: int, articles: int, shards: list[str]) -> None:
        """Make a complete build the index in use: its first screen, then the stamp (the commit
        point: one atomic rename), then the directories no reader needs any more go."""
        directory = self.path / name
        write_json(directory / BUILT, {"generation": generation, "articles": articles})
        fsync_dir(self.path)
        previous = self._dir_of(self.stamp())
        built.reload()
        searcher = built.searcher()
        self._write_first_screen(searcher, name, generation, self._sort_field(built))
        # ``articles``: what the index holds (a writer's open compares it), not what the manifest says
        write_json(self.path / STAMP, {"schema": INDEX_SCHEMA, "generation": generation,
                                       "articles": int(searcher.num_docs), "shards": shards, "dir": name})
        self._index, self._searcher, self._dir = built, None, name
        self._collect(keep={name, previous or name})

    def remove_abandoned(self) -> None:
        """Remove builds a killed rebuild left behind (never finished, never named by the stamp).
        Only the writer calls this, and only the writer builds."""
        current = self._dir_of(self.stamp())
        for d in self._dirs():
            if d.name != current and not d.is_symlink() and not (d / BUILT).exists():
                shutil.rmtree(d, ignore_errors=True)

    def _collect(self, keep: set[str]) -> None:
        """Remove index directories neither in use nor just replaced (a reader may still be
        opening that one), and the files of the old in-place layout once it is not kept."""
        for entry in self.path.iterdir():
            if entry.is_symlink():
                continue  # never followed, never removed: not ours
            if entry.is_dir() and DIR_NAME.fullmatch(entry.name) and entry.name not in keep:
                shutil.rmtree(entry, ignore_errors=True)
            elif LEGACY not in keep and entry.is_file() and TANTIVY_FILE.fullmatch(entry.name):
                try:
                    entry.unlink()
                except OSError:
                    pass

    def forget(self) -> None:
        """Drop the open index: the next use reads the stamp again (after a swap under a reader)."""
        self._index = self._searcher = None
        self._dir = None

    @property
    def index(self) -> Any:
        if self._index is None:
            self.open()
        return self._index

    @staticmethod
    def _own(path: Path) -> None:
        """Never write through a link inside the store (it could lead anywhere)."""
        if path.is_symlink():
            raise StoreError(f"{path} is a symbolic link; tandai never writes through links inside a store "
                             "(move it away)")

    @property
    def dir_name(self) -> str | None:
        return self._dir

    @guarded
    def searcher(self) -> Any:
        if self._searcher is None:
            self._searcher = self.index.searcher()
        return self._searcher

    @guarded
    def refresh(self) -> None:
        self.index.reload()
        self._searcher = None

    # -- writing ------------------------------------------------------------------------------

    @guarded
    def writer(self) -> Any:
        self._own(self.path)
        self._own(self._full(self._dir or LEGACY)) if self._index is not None else None
        try:
            return self.index.writer(heap_size=64_000_000, num_threads=1)
        except ValueError as exc:
            if _io_error(exc):
                raise write_failed(exc) from exc
            raise StoreError(f"the search index is busy ({exc})") from exc

    def document(self, article: Article, shard: str, position: int = 0) -> str:
        return document(article, shard, position)

    def _sort_field(self, index: Any) -> str:
        """``order`` (date, then place in the store: a total order), or ``date`` in an index
        written before it (read as it is until the next writable open rebuilds it)."""
        if self._sorted[0] is not index:
            try:
                tantivy.Query.range_query(index.schema, "order", tantivy.FieldType.Integer, 0, 0)
                self._sorted = (index, "order")
            except ValueError:
                self._sorted = (index, "date")
        return self._sorted[1]

    def write_first_screen(self, generation: int) -> None:
        """Derived like the index: the rows an empty query shows, newest first."""
        self.refresh()
        self._write_first_screen(self.searcher(), self._dir or LEGACY, generation)

    def _write_first_screen(self, searcher: Any, name: str, generation: int, by: str | None = None) -> None:
        data = self.first_screen_data(searcher, name, generation, by)
        write_json(self.path / FIRST_SCREEN, data)

    @guarded
    def first_screen_data(self, searcher: Any, name: str, generation: int,
                          by: str | None = None) -> dict[str, Any]:
        """What ``first-screen.json`` holds for ``searcher`` (of the open index unless ``by``, the
        field its list sorts by, says otherwise)."""
        res = searcher.search(tantivy.Query.all_query(), FIRST_SCREEN_ROWS, count=True,
                              order_by_field=by or self._sort_field(self.index), order=tantivy.Order.Desc)
        rows = [_hit_of(searcher.doc(addr), 0.0) for _, addr in res.hits]
        return {"generation": generation, "dir": name, "total": int(res.count or 0),
                "rows": [[r.id, r.title, r.outlet, r.published, r.dateline, r.duplicate_of, r.shard]
                         for r in rows]}

    def first_screen(self, generation: int, limit: int) -> SearchResult | None:
        """The cached first screen when it belongs to the open index at this generation and is
        well-formed; None (the index answers) otherwise: a derived file is never trusted blindly."""
        if limit > FIRST_SCREEN_ROWS:
            return None
        # The stamp, not the index, says which directory is in use and what it holds: opening
        # tantivy costs ~1 ms, and the first screen exists so that opening a store costs nothing.
        stamp = self.stamp()
        name, docs = self._dir or self._dir_of(stamp), stamp.get("articles")
        if name is None or not isinstance(docs, int) or stamp.get("generation") != generation:
            return None
        try:
            data = read_json(self.path / FIRST_SCREEN)
        except StoreError:
            return None
        problem = first_screen_problem(data, generation, name, docs)
        if problem is not None:
            return None
        rows = [ListRow(*r) for r in data["rows"][: max(0, limit)]]  # type: ignore[index]
        return SearchResult(total=int(data["total"]), hits=[r.id for r in rows], rows=rows)  # type: ignore[index]

    def first_screen_stale(self, generation: int) -> bool:
        """True when the first-screen file is not that of the open index at ``generation``."""
        try:
            data = read_json(self.path / FIRST_SCREEN)
        except StoreError:
            return True
        return not isinstance(data, dict) or first_screen_problem(data, generation, self._dir or LEGACY,
                                                                  data.get("total", -1)) == STALE

    def write_stamp(self, generation: int, articles: int, shards: list[str]) -> None:
        """After an incremental commit to the index in use (same directory, new generation). The
        stamp records the documents the index holds, not ``articles`` (the manifest's count, which a
        writer's open could not then tell from a stamp copied over another index)."""
        self.refresh()  # ``articles`` is what the index now holds, as in ``swap_in``
        data: dict[str, Any] = {"schema": INDEX_SCHEMA, "generation": generation, "articles": self.num_docs(),
                                "shards": shards}
        if self._dir and self._dir != LEGACY:
            data["dir"] = self._dir
        write_json(self.path / STAMP, data)

    # -- upkeep: keeping the index in step with the corpus ------------------------------------

    def add_batch(self, corpus: Corpus, names: Sequence[str], articles: Sequence[Article]) -> list[str]:
        """Index a batch the corpus just committed (``names``: its shards, ``SHARD_SIZE`` articles
        each, in order), then record the new generation in the stamp and the first screen.

        Inside ``held`` the documents wait in an open writer and are committed (with the stamp and
        the first screen) only every ``HELD_COMMIT`` articles or ``HELD_SECONDS``, and when the
        hold ends: a tantivy commit, its merges and the two fsync'd files cost more than indexing
        a whole batch. Safe because the index is derived: until its stamp names a shard,
        ``catch_up`` indexes that shard again (replacing any of its documents already committed).

        When an earlier write failed (``behind``) the batch is indexed by ``catch_up`` with what the
        index lacks; returns what that had to quarantine (else nothing)."""
        if self.behind:
            return self.catch_up(corpus)
        with self._writing():
            if self._holding and self._held is None:
                self._held, self._pending = self.writer(), 0
            writer = self._held if self._held is not None else self.writer()
            try:
                for name, start in zip(names, range(0, len(articles), SHARD_SIZE), strict=True):
                    for position, article in enumerate(articles[start : start + SHARD_SIZE]):
                        writer.add_json(self.document(article, name, position))
            except BaseException:
                self._drop_writer(writer)
                raise
            if writer is not self._held:
                self._commit(writer, corpus, final=True)
                return []
            self._pending += len(articles)
            if self._pending >= HELD_COMMIT or time.monotonic() - self._since >= HELD_SECONDS:
                self._commit(writer, corpus, final=False)
        return []

    @contextmanager
    def held(self, corpus: Corpus, shield: Callable[[], AbstractContextManager[Any]] = nullcontext,
             ) -> Iterator[None]:
        """Batch index commits while one ingest runs (see ``add_batch``); what was added is
        committed when the block ends, also when it ends by an error or Ctrl-C (the batches the
        manifest committed must be searchable), inside ``shield`` (the ingest's: Ctrl-C waits).
        Only what was added is committed: a commit that adds nothing is still a new state of the
        index, which the stamp would not describe. A failure to commit then never hides the error
        that ended the block: the next writable open catches the index up."""
        if self._holding:  # nested: the outer hold commits
            yield
            return
        self._holding, self._held, self._pending, self._since = True, None, 0, time.monotonic()
        failed = False
        try:
            yield
        except BaseException:
            failed = True
            raise
        finally:
            writer, pending = self._held, self._pending
            self._holding, self._held, self._pending = False, None, 0
            if writer is not None:
                try:
                    with shield(), self._writing():
                        if pending:
                            self._commit(writer, corpus, final=True)
                        else:  # committed already: let its merges end (they hold the lock)
                            writer.wait_merging_threads()
                except BaseException:
                    if not failed:
                        raise

    @contextmanager
    def _writing(self) -> Iterator[None]:
        """A write to the index that fails for the OS becomes ``IndexWriteFailed`` (one line, how to
        catch up), never a raw ValueError; the index is marked ``behind`` until one succeeds."""
        try:
            yield
        except IndexWriteFailed:
            self.behind = True
            raise
        except StoreError as exc:  # the stamp or first screen (not a quarantine in the corpus)
            if isinstance(exc.__cause__, OSError) and str(self.path) in str(exc):
                self.behind = True
                raise write_failed(exc) from exc
            raise
        except BaseException as exc:
            if _unreadable(exc) and (isinstance(exc, OSError) or _io_error(exc)):
                self.behind = True
                raise write_failed(exc) from exc
            raise

    def _commit(self, writer: Any, corpus: Corpus, final: bool) -> None:
        """Commit what ``writer`` holds, then the stamp and the first screen (in that order: a
        stamp never names a shard the index has not committed)."""
        try:
            writer.commit()
            if final:
                writer.wait_merging_threads()
        except BaseException:
            self._drop_writer(writer)
            raise
        self._pending, self._since = 0, time.monotonic()
        self.write_stamp(corpus.generation, int(corpus.manifest.get("articles", 0)), corpus.shards)
        self.write_first_screen(corpus.generation)

    def _drop_writer(self, writer: Any) -> None:
        """Roll back a writer that failed; a held one is not used again (the hold goes on without)."""
        _rollback(writer)
        if writer is self._held:
            self._held, self._holding, self._pending = None, False, 0

    def flush_held(self, corpus: Corpus) -> None:
        """Commit what a hold has added so far and close its writer (one writer at a time: the
        caller opens another); the hold opens a new one for its next batch."""
        writer, pending = self._held, self._pending
        if writer is None:
            return
        self._held, self._pending = None, 0
        with self._writing():
            if pending:
                self._commit(writer, corpus, final=True)
            else:
                writer.wait_merging_threads()

    def catch_up(self, corpus: Corpus) -> list[str]:
        """Index shards the index has not seen (after a crash between commit and indexing); a
        missing or unreadable index, or one holding shards the manifest dropped, is rebuilt.
        Returns what had to be done to damaged shards (quarantine notes). A write that fails for
        the OS (a full disk) is ``IndexWriteFailed``: the index stays as it was, ``behind``."""
        self.behind = True  # until this succeeds
        with self._writing():
            notes = self._catch_up(corpus)
        self.behind = False
        return notes

    def _catch_up(self, corpus: Corpus) -> list[str]:
        self.flush_held(corpus)  # the held writer has the lock; what it holds is in step after this
        self.remove_abandoned()
        if self.in_step(corpus.generation):
            try:
                if self.num_docs() != self.stamp().get("articles"):  # derived: never trusted
                    return self.rebuild(corpus)[1]
                if self.first_screen_stale(corpus.generation):  # a crash came between
                    self.write_first_screen(corpus.generation)
                return []
            except (IndexMissing, ValueError, OSError):  # unreadable although in step: rebuild it
                return self.rebuild(corpus)[1]
        stamp = self.stamp()
        seen = stamp.get("shards") if stamp.get("schema") == INDEX_SCHEMA and self.exists() else None
        done = {n for n in seen if isinstance(n, str)} if isinstance(seen, list) else set()
        try:
            self.index  # noqa: B018 - an unreadable index is rebuilt, not added to
        except IndexMissing:
            done = set()
        if not done or not done <= set(corpus.shards):
            return self.rebuild(corpus)[1]
        missing = [s for s in corpus.shards if s not in done]
        writer = self.writer()
        try:
            broken = self._add_shards(writer, corpus, missing, replace=True)[1]
            writer.commit()
            writer.wait_merging_threads()
        except ValueError as exc:
            _rollback(writer)
            if _io_error(exc):  # the OS refused the write (a full disk): a rebuild writes more
                raise
            # tantivy refuses to commit over what a killed commit left (a segment's ``.del`` file
            # already there, seen in a crash run): the index is derived, so it is built anew
            return self.rebuild(corpus)[1]
        except BaseException:
            _rollback(writer)
            raise
        notes = corpus.quarantine(broken) if broken else []
        self.write_stamp(corpus.generation, int(corpus.manifest.get("articles", 0)), corpus.shards)
        self.write_first_screen(corpus.generation)
        return notes

    def rebuild(self, corpus: Corpus,
                progress: Callable[[int, int], None] | None = None) -> tuple[int, list[str]]:
        """Rebuild from the corpus; returns (articles indexed, quarantine notes).

        The new index is built beside the one in use and swapped in only when complete, so a
        failure leaves the old one and readers never see an empty one. A shard that cannot be
        read is quarantined (see ``Corpus.quarantine``) and the rest indexed.
        """
        self.behind = True  # until this succeeds
        with self._writing():
            done = self._rebuild(corpus, progress)
        self.behind = False
        return done

    def _rebuild(self, corpus: Corpus,
                 progress: Callable[[int, int], None] | None) -> tuple[int, list[str]]:
        self.flush_held(corpus)  # a held writer would go on adding to the directory swapped out
        name, built = self.new_build()
        notes: list[str] = []
        try:
            writer = built.writer(heap_size=64_000_000, num_threads=1)
            try:
                count, broken = self._add_shards(writer, corpus, corpus.shards, False, progress)
                writer.commit()
                writer.wait_merging_threads()
            except BaseException:
                _rollback(writer)
                raise
            if broken:
                notes = corpus.quarantine(broken, remaining=count)
            articles = int(corpus.manifest.get("articles", 0))
            self.swap_in(name, built, corpus.generation, articles, corpus.shards)
        except BaseException:
            self.discard_build(name)
            raise
        return count, notes

    def _add_shards(self, writer: Any, corpus: Corpus, shards: list[str], replace: bool,
                    progress: Callable[[int, int], None] | None = None) -> tuple[int, list[str]]:
        """Add the documents of ``shards``; returns (articles added, shards that are damaged).

        A shard is read whole before any of it is added: a damaged one adds nothing."""
        count, broken = 0, []
        for i, name in enumerate(shards):
            try:
                docs = [self.document(Article.from_dict(d), name, position)
                        for position, d in enumerate(corpus.load_shard(name).values())]
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
                writer.add_json(doc)
            count += len(docs)
            if progress is not None:
                progress(i + 1, len(shards))
        return count, broken

    # -- reading ------------------------------------------------------------------------------

    @guarded
    def num_docs(self) -> int:
        return int(self.searcher().num_docs)

    @guarded
    def lookup(self, article_id: str) -> ListRow | None:
        q = tantivy.Query.term_query(self.schema, "id", article_id)
        res = self.searcher().search(q, 1)
        if not res.hits:
            return None
        return self._hit(res.hits[0][1], 0.0)

    @guarded
    def duplicates_of(self, article_id: str) -> list[str]:
        """Every copy linked to ``article_id``: a release carried by hundreds of sites has
        hundreds, so a first page that did not hold them all is asked again for all it counted."""
        searcher = self.searcher()
        q = tantivy.Query.term_query(self.schema, "duplicate_of", article_id)
        res = searcher.search(q, 100, count=True)
        if res.count is not None and res.count > len(res.hits):
            res = searcher.search(q, res.count)
        return [_hit_of(searcher.doc(addr), 0.0).id for _, addr in res.hits]

    @guarded
    def same_story(self, article_id: str, linked: Sequence[str] = ()) -> list[str]:
        """The rewrites of one story with ``article_id``: those it was linked to at ingest
        (``linked``), the ones linked to it later, and theirs (the whole group), itself excluded."""
        group = {article_id, *linked}
        todo = list(group)
        searcher = self.searcher()
        while todo and len(group) < 1000:  # a group is small; the bound keeps a damaged index cheap
            aid = todo.pop()
            for field_name in ("story", "id"):
                res = searcher.search(tantivy.Query.term_query(self.schema, field_name, aid), 200)
                for _, addr in res.hits:
                    doc = searcher.doc(addr)
                    for other in [*doc.get_all("id"), *doc.get_all("story")]:
                        if other not in group:
                            group.add(other)
                            todo.append(other)
        group.discard(article_id)
        return sorted(group)

    def _linked_ids(self, flt: Filter) -> set[str]:
        """The ids ``story:`` and ``dup:`` (with an id or ``any``) select: a whole group each."""
        searcher = self.searcher()
        Q = tantivy.Query
        if flt.value == "any":
            field_name, mark = ("storied", "yes") if flt.field == "story" else ("dup", "yes")
            res = searcher.search(Q.term_query(self.schema, field_name, mark), 100_000)
            out: set[str] = set()
            for _, addr in res.hits:
                doc = searcher.doc(addr)
                out.update(doc.get_all("id"))
                out.update(doc.get_all("story" if flt.field == "story" else "duplicate_of"))
            return out
        if flt.field == "story":
            return {flt.value, *self.same_story(flt.value)} if self.lookup(flt.value) else set()
        row = self.lookup(flt.value)
        if row is None:
            return set()
        root = row.duplicate_of or row.id
        return {root, *self.duplicates_of(root)}

    def _hit(self, address: Any, score: float) -> ListRow:
        return _hit_of(self.searcher().doc(address), score)

    @guarded
    def search(self, query: Query, limit: int, ids_for: Any, offset: int = 0) -> SearchResult:
        """Run a parsed query. ``ids_for(filter)`` returns the article ids an annotation filter
        matches (for ``status:todo`` the ids that are *not* todo)."""
        def ids(flt: Filter) -> set[str]:
            if flt.field == "story" or (flt.field == "dup" and flt.value not in ("yes", "no")):
                return self._linked_ids(flt)
            return cast("set[str]", ids_for(flt))

        q, scored = compile_query(self.schema, query, ids)
        searcher = self.searcher()
        want, offset = max(0, limit), max(0, offset)
        limit = max(1, want)  # tantivy panics (not a Python error) on a limit of 0
        if scored:
            res = searcher.search(q, limit, count=True, offset=offset)
        else:
            res = searcher.search(q, limit, count=True, order_by_field=self._sort_field(self.index),
                                  offset=offset, order=tantivy.Order.Desc)
        rows = [self._hit(addr, float(score) if scored else 0.0) for score, addr in res.hits][:want]
        return SearchResult(
            total=int(res.count or 0),
            hits=[r.id for r in rows],
            rows=rows,
            words=query.highlight_words(),
        )


def _hit_of(doc: Any, score: float) -> ListRow:
    def one(name: str) -> str:
        vals = doc.get_all(name)
        return vals[0] if vals else ""

    return ListRow(
        id=one("id"),
        title=one("title"),
        outlet=one("outlet") or None,
        published=one("published") or None,
        dateline=one("dateline") or None,
        duplicate_of=one("duplicate_of") or None,
        shard=one("shard"),
        score=score,
    )


def first_screen_problem(data: object, generation: int, name: str, docs: int) -> str | None:
    """Why a first-screen file cannot stand in for the index, or None when it can."""
    if not isinstance(data, dict):
        return "is not an object"
    if data.get("generation") != generation or data.get("dir", LEGACY) != name:
        return STALE
    rows, total = data.get("rows"), data.get("total")
    if not isinstance(total, int) or total != docs:
        return f"says {total!r:.20} articles, the index holds {docs}"
    if not isinstance(rows, list) or len(rows) != min(docs, FIRST_SCREEN_ROWS):
        return "does not hold the newest rows"
    width = len(LIST_FIELDS)
    for row in rows:  # one flat test per row: this runs on every open of a store
        if type(row) is not list or len(row) != width:
            return "holds a row that is not an article row"
        aid, title, outlet, published, dateline, dup, shard = row
        if (type(aid) is not str or type(title) is not str or type(shard) is not str
                or (outlet is not None and type(outlet) is not str)
                or (published is not None and type(published) is not str)
                or (dateline is not None and type(dateline) is not str)
                or (dup is not None and type(dup) is not str)):
            return "holds a row that is not an article row"
    return None


def _rollback(writer: Any) -> None:
    try:
        writer.rollback()
    except Exception:  # noqa: BLE001 - the original error is the one to report
        pass
