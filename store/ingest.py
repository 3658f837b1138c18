"""The ingest engine shared by ``tandai ingest``, the Python API and the workbench.

Files → raw documents → parsed articles with entities → duplicate check → batches. This module
knows nothing of the store it fills: ``batches`` yields them and ``Store.ingest`` commits each
whole (shards, then the manifest, then the index), with Ctrl-C held off while it commits
(``sigint_deferred``), so an interruption leaves the store as it was before or after a batch.
One bad file gets a verdict in the report and never stops the rest.
"""

from __future__ import annotations

import multiprocessing
import os
import re
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path
from typing import Any

from store.disk.corpus import SHARD_SIZE, StoredArticle, stored_form
from store.model import Article
from store.search.tantivy_query import index_terms
from store.sources.formats import RawDoc, Skipped, iter_paths, read_source
from store.text import dedupe
from store.text.entities import Recogniser
from store.text.normalise import article_id
from store.text.parse import ParsedArticle, parse_article


@dataclass(slots=True)
class IngestReport:
    """What happened to every input: counts plus a reason for each skipped file or row."""

    added: int = 0
    present: int = 0
    duplicates: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    sources: int = 0
    interrupted: bool = False
    seconds: float = 0.0
    added_ids: list[str] = field(default_factory=list)

    def summary(self) -> str:
        parts = [
            f"{self.added} added",
            f"{self.present} already present",
            f"{self.duplicates} duplicates linked",
            f"{len(self.skipped)} skipped",
        ]
        text = ", ".join(parts)
        if self.interrupted:
            text += " (interrupted: the last unfinished batch was not saved)"
        return text


@dataclass(slots=True)
class IngestProgress:
    sources: int
    added: int
    present: int
    skipped: int
    current: str


def prepare(raw: RawDoc, recogniser: Recogniser) -> tuple[Article, list[int]]:
    """Everything ingest does to one document that needs no knowledge of the store."""
    return _signed(_recognised(raw, parse_article(raw), recogniser))


def prepare_many(raws: Sequence[RawDoc], recogniser: Recogniser) -> list[tuple[Article, list[int]] | str]:
    """``prepare`` for several documents, stage by stage (all parsed, then all recognised, then
    all signed): each stage's code and tables stay in the CPU's caches, ~10 % less CPU than one
    document at a time. A document that fails gets its reason; the others go on."""
    results: list[Any] = list(raws)

    def stage(fn: Callable[[Any], Any]) -> None:
        for i, item in enumerate(results):
            if not isinstance(item, str):
                try:
                    results[i] = fn(item)
                except Exception as exc:  # noqa: BLE001 - one bad document never stops the rest
                    results[i] = _reason(exc)

    stage(lambda raw: (raw, parse_article(raw)))
    stage(lambda pair: _recognised(pair[0], pair[1], recogniser))
    stage(_signed)
    return results


def _reason(exc: Exception) -> str:
    return f"could not be parsed: {type(exc).__name__}: {exc}"


def _signed(article: Article) -> tuple[Article, list[int]]:
    return article, dedupe.article_signature(article)


def _recognised(raw: RawDoc, parsed: ParsedArticle, recogniser: Recogniser) -> Article:
    aid = article_id(parsed.text)
    entities = recogniser.recognise(parsed.text, parsed.published, parsed.noise)
    return Article(
        id=aid,
        source=raw.source,
        title=parsed.title,
        text=parsed.text,
        outlet=parsed.outlet,
        author=parsed.author,
        url=parsed.url,
        published=parsed.published,
        dateline=parsed.dateline,
        noise=list(parsed.noise),
        entities=entities,
    )


Prepared = tuple[str, "tuple[Article, list[int]] | str"]  # (source, result or reason)
POOL_THRESHOLD = 200  # fewer documents than this are prepared in-process (no start-up cost)
CHUNK = 16  # documents per task: fewer, larger messages between processes
WINDOW = 24  # tasks in flight at once: enough to keep the workers busy while a batch commits
_worker_recogniser: Recogniser | None = None


def _safe_prepare(raw: RawDoc, recogniser: Recogniser) -> tuple[Article, list[int]] | str:
    try:
        return prepare(raw, recogniser)
    except Exception as exc:  # noqa: BLE001 - one bad document never stops the rest
        return _reason(exc)


def _exit_with_parent() -> None:
    """A worker must not outlive the ingest: if the parent is killed (SIGKILL, OOM) nobody would
    stop the pool, and orphans would keep burning CPU. Linux: the kernel kills us with the
    parent (PR_SET_PDEATHSIG). Everywhere: a thread notices the re-parenting and exits."""
    parent = os.getppid()
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # it died before the prctl took effect
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="tandai-parent-watch", daemon=True).start()


def _worker_init() -> None:
    global _worker_recogniser
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops the pool
    _exit_with_parent()
    _worker_recogniser = Recogniser()


HEAD = ("id", "source", "title", "text", "outlet", "author", "url", "published", "dateline")  # in order
# What a worker sends per document: the article's scalar fields (``HEAD``), its stored JSON, its
# index terms and units, its signature; or the reason it could not be prepared.
Compact = tuple[str, "tuple[tuple[Any, ...], bytes, list[str], list[str], list[int]] | str"]


def _compact(source: str, result: tuple[Article, list[int]] | str) -> Compact:
    """A prepared document as a worker hands it over: bytes and flat lists unpickle in a tenth
    of the time of ~50 entity objects, and the main process only writes them out again."""
    if isinstance(result, str):
        return source, result
    article, sig = result
    terms, units = index_terms(article)
    head = tuple(getattr(article, name) for name in HEAD)
    return source, (head, stored_form(article), terms, units, sig)


def _worker_prepare_many(raws: list[RawDoc]) -> list[Compact]:
    assert _worker_recogniser is not None
    results = prepare_many(raws, _worker_recogniser)
    return [_compact(raw.source, result) for raw, result in zip(raws, results, strict=True)]


def _unpack(item: Compact) -> Prepared:
    source, result = item
    if isinstance(result, str):
        return source, result
    head, stored, terms, units, sig = result
    return source, (StoredArticle(head, stored, terms, units), sig)


def default_workers() -> int:
    return max(1, min(4, os.cpu_count() or 1))


def prepared(docs: Iterable[RawDoc], recogniser: Recogniser, workers: int) -> Iterator[Prepared]:
    """Prepare documents, in worker processes when there are enough of them to pay for it.

    At most ``WINDOW`` tasks of ``CHUNK`` documents are in flight, in order: nothing ever blocks
    on a full pipe, so an interruption (Ctrl-C, a cancelled worker) cancels the rest and returns
    at once.
    """
    it = iter(docs)
    head = list(islice(it, POOL_THRESHOLD))
    if workers <= 1 or len(head) < POOL_THRESHOLD:
        for raw in chain(head, it):
            yield raw.source, _safe_prepare(raw, recogniser)
        return
    ctx = multiprocessing.get_context("forkserver" if threading.active_count() > 1 else "fork")
    pool = ProcessPoolExecutor(workers, mp_context=ctx, initializer=_worker_init)
    window: deque[Future[list[Compact]]] = deque()
    source = chain(head, it)
    try:
        while chunk := list(islice(source, CHUNK)):
            window.append(pool.submit(_worker_prepare_many, chunk))
            if len(window) >= WINDOW:
                yield from map(_unpack, window.popleft().result())
        while window:
            yield from map(_unpack, window.popleft().result())
    finally:
        for future in window:
            future.cancel()
        pool.shutdown(wait=True, cancel_futures=True)


@contextmanager
def sigint_deferred() -> Iterator[None]:
    """Hold off Ctrl-C while a batch commits, then deliver it (main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[object] = []
    previous = signal.signal(signal.SIGINT, lambda *a: caught.append(a))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if caught:
        raise KeyboardInterrupt


def _printable(s: str) -> str:
    """A file name that is not UTF-8 decodes to lone surrogates, which JSON (and a terminal)
    refuse: each becomes U+FFFD, one for one, so offsets into a text stay put."""
    return s if s.isascii() else _SURROGATES.sub("\ufffd", s)


_SURROGATES = re.compile("[\ud800-\udfff]")


def _documents(paths: Sequence[str], report: IngestReport, store_dir: Path,
               follow_symlinks: bool = False) -> Iterator[RawDoc]:
    folders: dict[str, bool] = {}  # a folder's realpath once, not each file's (lstat per part)
    for item in iter_paths(paths, follow_symlinks):
        if isinstance(item, Skipped):
            report.skipped.append((_printable(item.source), item.reason))
            continue
        try:  # realpath, not resolve(): a symlink loop must become a verdict, not a crash
            folder = os.path.dirname(item)
            inside = folders.get(folder) if not os.path.islink(item) else None
            if inside is None:
                inside = Path(os.path.realpath(item)).is_relative_to(store_dir)
                if not os.path.islink(item):
                    folders[folder] = Path(os.path.realpath(folder)).is_relative_to(store_dir)
        except (OSError, ValueError):
            inside = False
        if inside:
            continue  # never ingest the store's own files
        for doc in read_source(item):
            if isinstance(doc, Skipped):
                report.skipped.append((_printable(doc.source), _printable(doc.reason)))
            else:
                doc.source, doc.text = _printable(doc.source), _printable(doc.text)
                doc.meta = {k: _printable(v) if isinstance(v, str) else v for k, v in doc.meta.items()}
                yield doc


class Seen:
    """What the store already holds: article ids, and the signatures that find near duplicates
    (copies) and rewrites of one story."""

    def __init__(self, summaries: Iterable[dict[str, Any]]) -> None:
        self.ids: set[str] = set()
        self.dups = dedupe.DuplicateIndex()
        self.stories = dedupe.StoryIndex()
        for summary in summaries:
            story = summary.get("same_story")
            self.add(summary["id"], summary.get("sig") or [], summary.get("duplicate_of"),
                     summary.get("published"), story if isinstance(story, list) else [])

    def add(self, aid: str, sig: list[int], duplicate_of: str | None, published: str | None = None,
            same_story: Sequence[str] = ()) -> None:
        self.ids.add(aid)
        self.dups.add(aid, sig, duplicate_of)
        if not duplicate_of:  # a copy is linked to its original; the original carries the story
            self.stories.add(aid, sig, published, same_story)


Batch = list[tuple[Article, list[int]]]  # new articles with their duplicate signatures


def batches(
    paths: Sequence[str],
    report: IngestReport,
    seen: Seen,
    recogniser: Recogniser,
    store_dir: Path,
    progress: Callable[[IngestProgress], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    batch_size: int = SHARD_SIZE,
    workers: int | None = None,
    follow_symlinks: bool = False,
) -> Generator[Batch, None, None]:
    """New articles from ``paths``, in batches of ``batch_size`` ready to commit; the caller
    commits each (``Store.ingest``) and counts it in ``report.added``. Everything else that
    happens to an input (already present, a duplicate, skipped and why) goes into ``report``.
    A batch cut short by ``cancelled`` or Ctrl-C is never yielded nor counted."""
    batch: Batch = []
    last_tick = 0.0
    try:
        n_workers = default_workers() if workers is None else workers
        docs = _documents(paths, report, store_dir, follow_symlinks)
        for source, result in prepared(docs, recogniser, n_workers):
            if cancelled is not None and cancelled():
                report.interrupted = True
                break
            report.sources += 1
            if isinstance(result, str):
                report.skipped.append((source, result))
                continue
            article, sig = result
            if not article.text.strip():
                report.skipped.append((source, "no text"))
                continue
            if article.id in seen.ids:
                report.present += 1
                continue
            article.duplicate_of = seen.dups.find(sig)
            if article.duplicate_of:
                report.duplicates += 1
            else:
                article.same_story = seen.stories.find(sig, article.published)
            seen.add(article.id, sig, article.duplicate_of, article.published, article.same_story)
            batch.append((article, sig))
            if len(batch) >= batch_size:
                full, batch = batch, []
                yield full
            now = time.perf_counter()
            if progress is not None and now - last_tick > 0.1:
                last_tick = now
                progress(IngestProgress(report.sources, report.added + len(batch), report.present,
                                        len(report.skipped), source))
        if batch and not report.interrupted:
            full, batch = batch, []
            yield full
    finally:  # a batch not handed over was not saved: do not count its duplicates
        report.duplicates -= sum(1 for a, _ in batch if a.duplicate_of)
