"""``tandai copy SRC DST``: a whole store between a directory and a PostgreSQL database.

Everything a store holds goes across: the articles in their order with their duplicate
signatures, every record, entity correction, status (per reviewer) and saved search, and the
store's own taxonomy. The search index is not copied (it is derived: the destination builds
its own). The destination must be empty, so nothing is ever merged or overwritten, and the
counts are compared at the end: a copy that lost something says so.

A directory is built in a temporary folder beside the destination (``.NAME.tandai-copy-*``),
checked, made durable and renamed into place: a copy that fails (a full disk) or is killed never
leaves a half store under the destination's name, which ``check`` would pass and a later copy
refuse as not empty. A failed copy removes its folder; a killed one's is removed by the next copy
to that destination. Records the store keeps as stored but cannot read (an older merge's) go
across as they are.

Copying into a database is the owner's (or an adjudicator's) job: it writes every reviewer's rows.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from psycopg.types.json import Jsonb

from store.disk.annotations import TABLES
from store.disk.atomic import fsync_dir, fsync_tree, read_own, write_bytes
from store.disk.corpus import SHARD_SIZE
from store.disk.layout import MANIFEST, TAXONOMY
from store.disk.lock import WriterLock
from store.errors import StoreError
from store.model import Article
from store.paths import check_store_path
from store.pg.articles import push_articles
from store.pg.connection import connect, is_url, redact
from store.pg.schema import WRITE_LOCK, check_version
from store.store import Store

Progress = Callable[[str, int], None]


def _open(location: str) -> Store:
    if is_url(location):
        from store.pg.store import PgStore

        return PgStore(location, read_only=True)
    path = check_store_path(location)
    if not (path / MANIFEST).exists():
        raise StoreError(f"no store at {path}")
    return Store(path, read_only=True)


def _articles(src: Store) -> Iterator[tuple[dict[str, Any], list[int]]]:
    """Every article of a store (as its shards hold it) with its signature, in store order."""
    for name in src.corpus.shards:
        sigs = {s["id"]: s.get("sig") or [] for s in src.corpus.load_meta(name)}
        for doc in src.corpus.load_shard(name).values():
            yield doc, sigs.get(doc["id"], [])


def _taxonomy(src: Store) -> str | None:
    own = read_own(src.path / TAXONOMY)  # never through a link out of the store
    return own.decode("utf-8") if own is not None else None


def _kept(st: Store) -> dict[str, dict[str, dict[str, Any]]]:
    """Every table as stored: with the records no reader can use (kept as they are, see
    ``Annotations.stored_tables``); a database's mirror holds none."""
    stored = getattr(st.annotations, "stored_tables", None)
    return stored() if stored is not None else st.annotations.tables


def _counts(st: Store, kept: bool = False) -> dict[str, int]:
    """What a store holds per kind; ``kept``: the unreadable records too, when there are any."""
    out = {"articles": st.count(), **{t: len(st.annotations.tables[t]) for t in TABLES}}
    unreadable = len(getattr(st.annotations, "unreadable", {}))
    if kept and unreadable:
        out["unreadable records (kept as stored)"] = unreadable
    return out


def copy_store(src: str, dst: str, progress: Progress | None = None) -> dict[str, int]:
    """Copy store ``src`` to the empty store ``dst`` (either may be a postgresql:// URL); returns
    what was copied per kind. StoreError when the destination is not empty or a count differs."""
    tell = progress or (lambda what, n: None)
    with _open(src) as source:
        want = _counts(source, kept=not is_url(dst))
        if is_url(dst):
            _to_database(source, dst, tell)
            with _open(dst) as copied:
                _compare(want, _counts(copied))
            return want
        target = check_store_path(dst)
        if not is_url(src) and _nested(source.path, target):
            raise StoreError(f"cannot copy {src} to {dst}: one would lie inside the other (a store holds "
                             "only its own files); copy to a folder outside it")
        _to_directory(source, target, tell, want)
    return want


def _compare(want: dict[str, int], got: dict[str, int]) -> None:
    if got != want:
        lost = ", ".join(f"{k} {want[k]} → {got.get(k)}" for k in want if want[k] != got.get(k))
        raise StoreError(f"the copy differs from the original: {lost}")


def _nested(a: Path, b: Path) -> bool:
    """Whether one folder is the other or lies inside it, links followed."""
    ra, rb = os.path.realpath(a), os.path.realpath(b)
    return ra == rb or rb.startswith(ra.rstrip(os.sep) + os.sep) or ra.startswith(rb.rstrip(os.sep) + os.sep)


def _to_database(source: Store, url: str, tell: Progress) -> None:
    conn = connect(url, autocommit=True)  # each transaction explicit
    try:
        where = redact(url)
        check_version(conn, where)
        row = conn.execute("SELECT (SELECT count(*) FROM tandai.articles) + "
                           "(SELECT count(*) FROM tandai.changes)").fetchone()
        if row and row[0]:
            raise StoreError(f"{where} is not empty; copy only into a new store")
        chunk: list[tuple[dict[str, Any], list[int]]] = []
        done = 0
        for pair in _articles(source):
            chunk.append(pair)
            if len(chunk) == 5000:
                done += push_articles(url, chunk, conn)
                chunk = []
                tell("articles", done)
        done += push_articles(url, chunk, conn)
        tell("articles", done)
        tables = source.annotations.tables
        seqs = [int(o.get("seq") or 0) for o in tables["overrides"].values()]
        change_id = max([1, *seqs])  # corrections keep their order; later ones number above them
        ops = [["put", t, k, v] for t in TABLES for k, v in tables[t].items()]
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
            origin = getattr(source, "location", source.path)
            conn.execute("INSERT INTO tandai.changes (id, uid, label, ops, keys) VALUES (%s, %s, %s, %s, %s)",
                         (change_id, f"copy-{change_id}", f"copy from {origin}", Jsonb(ops), []))
            sql = "COPY tandai.annotations (kind, key, article_id, owner, value, version) FROM STDIN"
            with conn.cursor() as cur, cur.copy(sql) as cp:
                for table in TABLES:
                    for key, value in tables[table].items():
                        cp.write_row((table, key, value.get("article_id"), value.get("reviewer"),
                                      Jsonb(value), change_id))
            text = _taxonomy(source)
            if text is not None:
                conn.execute("INSERT INTO tandai.meta VALUES ('taxonomy', %s) "
                             "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value", (text,))
        tell("annotations", len(ops))
    finally:
        conn.close()


COPYING = ".tandai-copy-"  # the temporary folder beside the destination: .NAME.tandai-copy-XXXX


def _to_directory(source: Store, path: Path, tell: Progress, want: dict[str, int]) -> None:
    """Build the copy beside ``path``, check it, make it durable and rename it into place (see the
    module doc); on any failure remove what was built and say the copy was not made."""
    _remove_killed_copies(path)
    if path.exists() and (not path.is_dir() or any(path.iterdir())):
        raise StoreError(f"{path} is not empty; copy only into a new store")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{path.name}{COPYING}", dir=path.parent))
    except OSError as exc:
        raise StoreError(f"cannot create {path}: {exc.strerror or exc}") from exc
    try:
        _build(source, tmp, tell)
        with _open(str(tmp)) as copied:
            _compare(want, _counts(copied, kept=True))
        fsync_tree(tmp)
        os.rename(tmp, path)  # (over an empty folder of that name too)
        fsync_dir(path.parent)
    except BaseException as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        if isinstance(exc, OSError):
            exc = StoreError(f"cannot put the copy in place at {path}: {exc.strerror or exc}")
        if isinstance(exc, StoreError):
            raise StoreError(f"{exc}; the copy was not made (nothing was left at {path})") from exc
        raise


def _remove_killed_copies(path: Path) -> None:
    """Remove the temporary folders of copies to ``path`` that were killed: ours by their name, and
    no longer being written (their writer lock is free)."""
    try:
        found = list(path.parent.glob(f".{path.name}{COPYING}*"))
    except OSError:
        return
    for folder in found:
        if folder.is_symlink() or not folder.is_dir():
            continue
        lock = WriterLock(folder)
        if lock.acquire():
            lock.release()
            shutil.rmtree(folder, ignore_errors=True)


def _build(source: Store, path: Path, tell: Progress) -> None:
    text = _taxonomy(source)
    if text is not None:
        write_bytes(path / TAXONOMY, text.encode("utf-8"))
    with Store(path, wait_for_lock=True) as dest:
        batch: list[tuple[Article, list[int]]] = []
        done = 0
        for doc, sig in _articles(source):
            batch.append((Article.from_dict(doc), sig))
            if len(batch) == SHARD_SIZE * 8:
                dest.commit_batch(batch)
                done += len(batch)
                batch = []
                tell("articles", done)
        if batch:
            dest.commit_batch(batch)
        tables = _kept(source)
        ops = [("put", t, k, v) for t in TABLES for k, v in tables[t].items()]
        for start in range(0, len(ops), 1000):
            dest.annotations.apply(ops[start : start + 1000])
        tell("annotations", len(ops))
