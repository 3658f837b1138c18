"""A store on a shared PostgreSQL database: the same ``Store``, over a local cache.

PostgreSQL holds the truth (articles, every annotation, the history of changes); each machine
keeps a cache directory with the corpus shards and the tantivy index built from the database's
``articles`` table, so search-as-you-type costs what it costs on a file store. The cache is
caught up on opening and on ``refresh`` (article numbers are gapless, so "how many articles the
cache holds" is where to continue). Annotations come from :class:`PgAnnotations`, a mirror with
the file annotations' interface; every change is one committed transaction.

The cache is derived and may be deleted at any time. A cache directory is used by one process at
a time (its writer lock); a second process on the same machine takes the next slot.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import psycopg
from platformdirs import user_cache_path

from store.disk.atomic import write_bytes
from store.disk.corpus import SHARD_SIZE
from store.disk.layout import TAXONOMY
from store.errors import InvalidArgument, StoreError, StoreLocked
from store.history import History
from store.model import Article, check_callable, check_id
from store.pg.annotations import PgAnnotations
from store.pg.connection import check_url, connect, redact, reported
from store.pg.live import Listener
from store.pg.schema import check_version
from store.store import Store
from store.taxonomy import settled_text

CACHE_SLOTS = 16
COMMIT_EVERY = 40  # shards written between manifest commits when the cache catches up


def cache_root() -> Path:
    """``$TANDAI_CACHE`` or the user cache directory: where the caches of databases live."""
    env = os.environ.get("TANDAI_CACHE")
    return Path(env).expanduser() if env else user_cache_path("tandai", appauthor=False) / "pg"


class SkippedChanges(StoreError):
    """``refresh`` caught up but left out changes it cannot apply; ``came`` still came in."""

    def __init__(self, message: str, came: int) -> None:
        super().__init__(message)
        self.came = came


class PgHistory(History):
    """Undo and redo as in a file store; each step is named in the database's history."""

    annotations: PgAnnotations  # type: ignore[assignment]

    def change(self, label: str, ops: Sequence[Any]) -> None:
        self.annotations.label = label
        super().change(label, ops)

    def undo(self) -> str | None:
        if self.undo_stack:
            self.annotations.label = f"undo {self.undo_stack[-1].label}"
        return super().undo()

    def redo(self) -> str | None:
        if self.redo_stack:
            self.annotations.label = f"redo {self.redo_stack[-1].label}"
        return super().redo()


class PgStore(Store):
    """An open PostgreSQL store. The reviewer is the database role you connect as."""

    names_its_reviewer = True

    def __init__(self, url: str, reviewer: str = "reviewer", read_only: bool = False) -> None:
        self.url = check_url(url)
        self.location = redact(url)
        conn = connect(url)
        try:
            with reported(url, "opening"):
                check_version(conn, self.location)
                meta = dict(conn.execute("SELECT key, value FROM tandai.meta").fetchall())
                sync = conn.execute("SHOW synchronous_commit").fetchone()
        finally:
            conn.close()
        self.store_id = str(meta["store_id"])
        self._role = ""
        self._subscribers: list[Callable[[str], None]] = []
        self._pending: set[str] = set()
        self._pending_lock = threading.Lock()
        self.listener: Listener | None = None
        self._open_cache(cache_root() / self.store_id, reviewer)
        if sync and sync[0] == "off":  # a commit is then acknowledged before it is on disk
            self.notice = " ".join(filter(None, (self.notice, f"{self.location} has synchronous_commit "
                                                 "off: a server crash can lose the last saved changes.")))
        try:
            self._write_taxonomy(self.path, meta.get("taxonomy"))
            self.annotations = PgAnnotations(url, writable=not read_only)  # type: ignore[assignment]
            self._role = self.annotations.reviewer  # type: ignore[attr-defined]
            if self.annotations.notice:  # rows it left out on loading: never dropped silently
                self.notice = " ".join(filter(None, (self.notice, self.annotations.notice)))
            self.history = PgHistory(self.annotations)
            self.writable = not read_only
            self.pull_articles()
            self.listener = Listener(url, self._heard)
            self.listener.start()
        except BaseException:
            self.close()
            raise

    def _open_cache(self, root: Path, reviewer: str) -> None:
        """Open the first cache slot no other process holds (the Store's writer lock decides)."""
        for slot in range(CACHE_SLOTS):
            try:
                super().__init__(root / str(slot), reviewer=reviewer, wait_for_lock=True)
                return
            except StoreLocked:
                continue
        raise StoreLocked(f"all {CACHE_SLOTS} caches of this database in {root} are in use")

    @property
    def reviewer(self) -> str:
        """The database role: what the database lets this connection change (a name typed in the
        workbench cannot change whose work it is)."""
        return self._role or self._name

    @reviewer.setter
    def reviewer(self, name: str) -> None:
        self._name = name

    def settle_convention(self, name: str, reading: str | None) -> None:
        """Settle a coding convention for the whole team, in the database (its ``taxonomy`` in
        ``tandai.meta``, what every cache takes on opening); only the database's owner may, as only the
        owner sets the taxonomy (``tandai copy``). Workbenches open now follow it when they reopen."""
        self.require_writable()
        conn = connect(self.url)
        try:
            with reported(self.url, "settling a convention"):
                try:
                    row = conn.execute("SELECT value FROM tandai.meta WHERE key = 'taxonomy'").fetchone()
                    text = settled_text(row[0] if row else None, name, reading)
                    conn.execute("INSERT INTO tandai.meta VALUES ('taxonomy', %s) "
                                 "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value", (text,))
                    conn.commit()
                except psycopg.errors.InsufficientPrivilege:
                    raise StoreError(f"only the owner of {self.location} settles a convention for its team "
                                     f"(you are {self.reviewer})") from None
        finally:
            conn.close()
        self._write_taxonomy(self.path, text)
        self._taxonomy = None

    def adjudication_refused(self) -> str | None:
        """Adjudicated versions replace the coders' in exports: on a team database only a member of
        the adjudicator role (``tandai grant ROLE --adjudicator``, as the database decides) settles them."""
        if self.annotations.adjudicator:  # type: ignore[attr-defined]
            return None
        return (f"only an adjudicator adjudicates on {self.location}; {self.reviewer} is a reviewer "
                f"(the owner runs `tandai grant {self.reviewer} --adjudicator`)")

    @staticmethod
    def _write_taxonomy(cache: Path, text: str | None) -> None:
        path = cache / TAXONOMY
        if text is None:
            path.unlink(missing_ok=True)
        elif not path.exists() or path.read_text(encoding="utf-8") != text:
            write_bytes(path, text.encode("utf-8"))

    # -- live ---------------------------------------------------------------------------------

    def _heard(self, kind: str, payload: str = "") -> None:
        if kind == "changes" and payload.isdigit() and self.annotations.has(int(payload)):  # type: ignore[attr-defined]
            return  # this store's own save: already in the mirror, nothing to catch up or redraw
        if kind in ("lost", "back"):  # while it is down a save fails at once, not after waiting
            self.annotations.offline = kind == "lost"  # type: ignore[attr-defined]
        with self._pending_lock:
            self._pending.add(kind)
        for callback in list(self._subscribers):
            callback(kind)

    def subscribe(self, callback: Callable[[str], None]) -> None:
        """``callback(kind)`` from the listener's thread when others change something
        (``"changes"``, ``"articles"``) or the connection is ``"lost"`` or ``"back"``; the
        callback should ask its own thread to call ``refresh``."""
        check_callable("callback", callback)
        self._subscribers.append(callback)

    @property
    def connection_state(self) -> str:
        return self.listener.state if self.listener is not None else "closed"

    def refresh(self) -> int:
        """Catch up with what others changed (annotations and new articles); returns how many
        changes and articles came in (0: nothing to redraw). Call it from the thread that reads
        the store."""
        with self._pending_lock:
            kinds, self._pending = self._pending, set()
        pulled = self.pull_articles() if "articles" in kinds or "back" in kinds else 0
        came = pulled + int(self.annotations.catch_up())  # type: ignore[attr-defined]
        skipped = self.annotations.take_skipped()  # type: ignore[attr-defined]
        if skipped:  # the rest is in: said like the feed's other problems, with what did come
            raise SkippedChanges(skipped, came)
        return came

    # -- articles -----------------------------------------------------------------------------

    def pull_articles(self, progress: Callable[[int, int], None] | None = None) -> int:
        """Bring the cache's shards and index up to the database's articles; returns how many came."""
        check_callable("progress", progress)
        have = self.count()
        conn = connect(self.url)
        try:
            with reported(self.url, "fetching articles"):
                total_row = conn.execute("SELECT coalesce(max(seq), 0) FROM tandai.articles").fetchone()
                total = int(total_row[0]) if total_row else 0
                if total < have or (have and not self._cache_matches(conn, have)):
                    raise StoreError(f"the cache {self.path} does not belong to {self.location} any more; "
                                     "delete it and open again")
                if total == have:
                    return 0
                added = 0
                names: list[str] = []
                chunk: list[Article] = []  # the articles of ``names``, in order
                with conn.transaction(), conn.cursor(name="pull") as cur:
                    cur.itersize = 2000
                    cur.execute("SELECT doc, sig FROM tandai.articles WHERE seq > %s ORDER BY seq", (have,))
                    sigs: list[list[int]] = []
                    for doc, sig in cur:
                        chunk.append(Article.from_dict(doc))
                        sigs.append(sig)
                        if len(sigs) == SHARD_SIZE:
                            names.append(self._cache_shard(chunk[-SHARD_SIZE:], sigs))
                            sigs = []
                        if len(names) >= COMMIT_EVERY:
                            added += self._commit_pulled(names, chunk)
                            names, chunk = [], []
                            if progress is not None:
                                progress(have + added, total)
                    if sigs:
                        names.append(self._cache_shard(chunk[-len(sigs):], sigs))
                    if names:
                        added += self._commit_pulled(names, chunk)
        finally:
            conn.close()
        self.catch_up_index()
        return added

    def article(self, article_id: str, corrected: bool = True) -> Article:
        """As in a file store, but an article not in memory is one row from the database (a
        primary-key read, well under a millisecond on a LAN) rather than a cache shard parsed
        whole (250 articles of JSON: 15-20 ms of CPU). Every save validates against its article,
        so a save on an article not opened before cost a shard parse: that was the save's p95.
        Articles never change once added, so the row and the cache's copy are the same; with the
        database unreachable the cache's shard answers."""
        check_id("article", article_id)
        if article_id not in self._recent and isinstance(self.annotations, PgAnnotations):
            doc = self.annotations.article_doc(article_id)
            if doc is not None:
                self._recent[article_id] = doc
                if len(self._recent) > 64:
                    self._recent.popitem(last=False)
        return super().article(article_id, corrected)

    def _cache_shard(self, articles: list[Article], sigs: list[list[int]]) -> str:
        name = self.corpus.next_shard_name()
        self.corpus.write_shard(name, articles, sigs)
        return name

    def _commit_pulled(self, names: list[str], articles: list[Article]) -> int:
        """List the shards in the cache's manifest, then index the articles already in hand (the
        index was in step when the pull began: no shard is read back and parsed again)."""
        self.corpus.commit(names, len(articles))
        self.index.add_batch(self.corpus, names, articles)
        return len(articles)

    def _cache_matches(self, conn: Any, have: int) -> bool:
        row = conn.execute("SELECT id FROM tandai.articles WHERE seq = %s", (have,)).fetchone()
        last = self.corpus.load_meta(self.corpus.shards[-1])[-1]["id"] if self.corpus.shards else None
        return row is not None and row[0] == last

    def commit_batch(self, batch: Sequence[tuple[Article, list[int]]]) -> None:
        """Ingest writes to the database (one transaction per batch), then the cache catches up."""
        if not isinstance(batch, list | tuple) or not all(
                isinstance(b, tuple) and len(b) == 2 and isinstance(b[0], Article) for b in batch):
            raise InvalidArgument("commit_batch takes a list of (Article, signature list) pairs")
        self.require_writable()
        from store.pg.articles import push_articles

        push_articles(self.url, [(a.to_dict(), s) for a, s in batch])
        self.pull_articles()

    # -- lifecycle and reporting ---------------------------------------------------------------

    def stats(self) -> dict[str, Any]:
        out = super().stats()
        out["store"] = self.location
        out["cache"] = str(self.path)
        return out

    def close(self) -> None:
        if self.listener is not None:
            self.listener.stop()
            self.listener = None
        try:
            if isinstance(self.annotations, PgAnnotations):
                self.annotations.close()
        finally:
            self._release()


def open_pg(url: str, reviewer: str = "reviewer", read_only: bool = False) -> PgStore:
    return PgStore(url, reviewer=reviewer, read_only=read_only)
