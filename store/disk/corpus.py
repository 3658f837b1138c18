"""Article storage: append-only shards of at most ``SHARD_SIZE`` articles, committed by a manifest.

Why shards: one TinyDB file holding every body takes seconds and gigabytes to open. Each ingest
batch writes new shard files (TinyDB documents) and then replaces the manifest, which is the
commit point: a shard that the manifest does not list does not exist, so an interrupted batch
leaves the store exactly as it was. Bodies are read only when an article is opened; a shard's
small ``.meta.json`` sibling holds what ingest and reindex need without the bodies.

A store that holds shards but no valid manifest is damaged, never new: opening it for writing
would start an empty manifest whose next ingest reuses the shard names. It is refused with a
pointer to ``tandai check --repair``, which rebuilds the manifest from the shards and their meta
files (``rebuild_manifest``). A shard that can no longer be read is quarantined
(``corpus/quarantine/``, with a listing of its articles from its meta file) and dropped from the
manifest, so the rest of the store keeps working and its articles can be re-ingested.

Why one module past 400 lines: manifest, shards, meta files and quarantine are one commit
protocol (what the manifest lists is what exists); split apart, each half would have to know the
other's invariants.
"""

from __future__ import annotations

import os
import re
import time
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson

from store.disk import storage
from store.disk.atomic import fsync_dir, open_own, read_json, write_bytes, write_json
from store.disk.layout import CORPUS_DIR, MANIFEST, QUARANTINE
from store.errors import CorruptFile, NoPermission, SchemaMismatch, StoreError
from store.model import Article
from store.text.dedupe import story_groups

SCHEMA_VERSION = 1
SHARD_SIZE = 250  # ~1 MB of JSON: opening an article reads one shard (~5 ms)
SHARD_NAME = re.compile(r"shard-(\d{6,})")
REPAIR_HINT = "run `tandai check --repair`"


def own_dir(path: Path) -> Path:
    """A folder of the store that tandai writes into: never a link (a store from someone else must
    not make tandai write outside it)."""
    if path.is_symlink():
        raise StoreError(f"{path} is a symbolic link; tandai never writes through links inside a store "
                         "(move it away)")
    return path


def read_manifest(path: Path) -> dict[str, Any] | None:
    """The manifest's one document (table ``meta``, document 1), read through TinyDB; None when
    the file holds no such document; CorruptFile when it cannot be read or parsed."""
    db = storage.open_db(path)
    try:
        return storage.first_doc(db, "meta")
    except (KeyError, TypeError, ValueError, AttributeError):
        return None


def write_manifest(root: Path, manifest: dict[str, Any]) -> None:
    """Replace ``tandai.json`` through TinyDB: one atomic write, the commit point of a batch."""
    storage.rewrite(root / MANIFEST, {"meta": [manifest]})


def shard_number(name: str) -> int | None:
    m = SHARD_NAME.fullmatch(name)
    return int(m.group(1)) if m else None


class BrokenShard(CorruptFile):
    """A shard (or its meta file) whose content is damaged or gone: quarantine it. Other read
    errors (permissions, I/O) are not damage and are raised as plain ``CorruptFile``."""


class DamagedManifest(CorruptFile):
    """The manifest is missing or malformed while the store holds data: repair rebuilds it."""


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def summary_of(article: Article, signature: list[int]) -> dict[str, Any]:
    """What the meta file keeps per article: list fields, the rewrites it was linked to, and the
    signature that finds copies and rewrites in a later ingest."""
    return {
        "id": article.id,
        "title": article.title,
        "outlet": article.outlet,
        "published": article.published,
        "dateline": article.dateline,
        "duplicate_of": article.duplicate_of,
        "same_story": article.same_story,
        "source": article.source,
        "sig": signature,
    }


# The slots of ``Article.noise`` and ``Article.entities``: ``StoredArticle`` keeps them empty
# until asked (its properties of the same names read and fill them).
_NOISE: Any = Article.__dict__["noise"]
_ENTITIES: Any = Article.__dict__["entities"]
SHARD_HEAD = b'{"articles":{'  # a shard file: {"articles": {"1": {...}, ...}}
LATE_FIELDS = ("duplicate_of", "same_story")  # what ingest decides in the main process, last in to_dict


def _lazy(slot: Any) -> Any:
    """A property over one of Article's slots that decodes ``stored`` on first read."""
    return property(lambda self: self._decoded(slot), lambda self, value: slot.__set__(self, value))


class StoredArticle(Article):
    """An article as an ingest worker hands it over: its stored form already serialised
    (``stored``: the JSON of ``to_dict`` without ``LATE_FIELDS``) and most of its search index
    document too (``indexed``: see ``store.search.tantivy_query.document_head``). Why: turning
    ~50 entities back into objects in the main process, only to turn them into JSON again, was a
    fifth of that process's work per article. The shard
    is written from ``stored`` as it is; ``noise`` and ``entities`` are decoded only if read."""

    __slots__ = ("indexed", "stored")

    def __init__(self, head: tuple[Any, ...], stored: bytes, indexed: bytes) -> None:
        Article.__init__(self, *head)
        _NOISE.__set__(self, None)
        _ENTITIES.__set__(self, None)
        self.stored, self.indexed = stored, indexed

    def _decoded(self, slot: Any) -> Any:
        value = slot.__get__(self)
        if value is None:
            full = Article.from_dict(orjson.loads(self.stored))
            _NOISE.__set__(self, full.noise)
            _ENTITIES.__set__(self, full.entities)
            value = slot.__get__(self)
        return value

    noise = _lazy(_NOISE)
    entities = _lazy(_ENTITIES)

    def stored_json(self) -> bytes:
        """``to_dict`` as JSON bytes, the late fields spliced onto ``stored`` (the same bytes
        ``orjson.dumps(to_dict())`` gives)."""
        return b"".join(_article_parts(self))

    def to_dict(self) -> dict[str, Any]:
        return orjson.loads(self.stored_json())  # type: ignore[no-any-return]

    def __reduce__(self) -> tuple[Any, ...]:
        return (Article, tuple(getattr(self, name) for name in Article.__slots__))


def stored_form(article: Article) -> bytes:
    """The ``stored`` of ``StoredArticle``: ``to_dict`` as JSON, ``LATE_FIELDS`` left out."""
    d = article.to_dict()
    for name in LATE_FIELDS:
        del d[name]
    return orjson.dumps(d)


def _article_parts(article: Article) -> list[bytes | memoryview]:
    """The parts whose join is the article's JSON as stored (``to_dict``; a ``StoredArticle``'s
    ``stored_json``): a worker's ``stored`` is not copied to be spliced (a view of it but its
    closing brace, then the late fields)."""
    if not isinstance(article, StoredArticle):
        return [orjson.dumps(article.to_dict())]
    return [memoryview(article.stored)[:-1], b',"duplicate_of":', orjson.dumps(article.duplicate_of),
            b',"same_story":', orjson.dumps(list(article.same_story)), b"}"]


def shard_bytes(articles: Sequence[Article]) -> tuple[bytes, list[list[int]]]:
    """A shard file, ``{"articles": {"1": {...}, ...}}`` (the same bytes as orjson.dumps of the
    whole: a worker already serialised most of each article), and where each article's JSON
    object lies in it. Made by one join of every part (the head, each key, each article's parts,
    the commas): a 250-article shard is ~2.5 MB, and joining each article, then the articles, then
    the head and the end copied it five times and made the kernel map fresh pages for each copy."""
    parts: list[bytes | memoryview] = [SHARD_HEAD]
    spans: list[list[int]] = []
    at = len(SHARD_HEAD)
    for i, article in enumerate(articles, 1):
        key = b'"%d":' % i
        doc = _article_parts(article)
        start = at + len(key)
        at = start + sum(map(len, doc))
        spans.append([start, at])  # where its JSON object lies
        parts.append(key)
        parts += doc
        parts.append(b",")
        at += 1  # the comma
    if articles:
        parts[-1] = b"}}"  # (the last comma)
    else:
        parts.append(b"}}")
    return b"".join(parts), spans


def shard_spans(raw: bytes, docs: list[dict[str, Any]]) -> list[list[int]] | None:
    """Where each of a shard's articles lies in its file, as ``write_shard`` lays it out (for a
    repair that rebuilds the meta file); None when the file is not laid out that way."""
    spans, at = [], len(SHARD_HEAD)
    for i, doc in enumerate(docs, 1):
        key, body = b'"%d":' % i, orjson.dumps(doc)
        start = at + len(key)
        if raw[at:start] != key or raw[start:start + len(body)] != body:
            return None
        spans.append([start, start + len(body)])
        at = start + len(body) + 1
    return spans


class Corpus:
    """The manifest and the shard files of one store."""

    def __init__(self, root: Path, writable: bool) -> None:
        self.root = root
        self.dir = root / CORPUS_DIR
        self.writable = writable
        self._cache: OrderedDict[str, dict[str, dict[str, Any]]] = OrderedDict()
        self._spans: OrderedDict[str, dict[str, Any]] = OrderedDict()  # shard -> id -> [start, end]
        self._next = 0  # the next shard number handed out in this session (not yet committed)
        self.manifest = self._read_manifest()

    # -- manifest -----------------------------------------------------------------------------

    def _read_manifest(self) -> dict[str, Any]:
        path = self.root / MANIFEST
        if not path.exists():
            held = self.shard_files()
            if held:
                raise DamagedManifest(path, f"is missing but the store holds {len(held)} shard(s); "
                                            f"{REPAIR_HINT} to rebuild it from them")
            return {"schema": SCHEMA_VERSION, "generation": 0, "shards": [], "articles": 0,
                    "created": now_iso()}
        try:
            found = read_manifest(path)
        except NoPermission:
            raise  # not damage: the file is someone else's (see NoPermission)
        except CorruptFile as exc:
            raise DamagedManifest(path, f"{exc.reason}; {REPAIR_HINT}") from exc
        if found is None:
            raise DamagedManifest(path, f"has no store metadata (meta table); {REPAIR_HINT}")
        meta = found
        schema = meta.get("schema")
        if schema != SCHEMA_VERSION:
            if isinstance(schema, int) and schema > SCHEMA_VERSION:
                raise SchemaMismatch(f"{path}: schema version {schema!r}, this tandai reads {SCHEMA_VERSION}")
            raise DamagedManifest(path, f"has schema {schema!r:.20}, not {SCHEMA_VERSION}; {REPAIR_HINT}")
        problem = manifest_problem(meta)
        if problem:
            raise DamagedManifest(path, f"{problem}; {REPAIR_HINT}")
        return meta

    def shard_files(self) -> list[str]:
        """Names of the shard body files on disk (listed or not), in number order."""
        if not self.dir.is_dir():
            return []
        names = [p.name[: -len(".json")] for p in self.dir.glob("shard-*.json")
                 if not p.name.endswith(".meta.json")]
        return sorted((n for n in names if shard_number(n) is not None), key=lambda n: shard_number(n) or 0)

    def write_manifest(self) -> None:
        write_manifest(self.root, self.manifest)

    @property
    def generation(self) -> int:
        return int(self.manifest["generation"])

    @property
    def shards(self) -> list[str]:
        return list(self.manifest["shards"])

    def next_shard_number(self) -> int:
        listed = [shard_number(n) or 0 for n in self.manifest["shards"]]
        return int(self.manifest.get("next_shard", max(listed, default=0) + 1))

    def next_shard_name(self) -> str:
        """A fresh shard name; never one a file already has (a new batch overwrites nothing). The
        manifest learns the number only when a batch commits (a failed batch leaves it as it was)."""
        n = max(self._next, self.next_shard_number())
        while (self.dir / f"shard-{n:06d}.json").exists() or (self.dir / f"shard-{n:06d}.meta.json").exists():
            n += 1
        self._next = n + 1
        return f"shard-{n:06d}"

    # -- shards ------------------------------------------------------------------------------

    def write_shard(self, name: str, articles: list[Article], signatures: list[list[int]]) -> None:
        """Write a shard and its meta file (not yet committed: see ``commit``)."""
        own_dir(self.dir).mkdir(parents=True, exist_ok=True)
        data, spans = shard_bytes(articles)
        pairs = zip(articles, signatures, spans, strict=True)
        meta = {"summaries": {str(i): {**summary_of(a, s), "at": span}
                              for i, (a, s, span) in enumerate(pairs, 1)}}
        write_bytes(self.dir / f"{name}.json", data)
        write_json(self.dir / f"{name}.meta.json", meta)

    def commit(self, new_shards: list[str], added: int) -> None:
        """The commit point of an ingest batch: the manifest now lists the new shards."""
        manifest = dict(self.manifest)  # changed in memory only once it is on disk
        manifest["shards"] = self.shards + new_shards
        after = [(shard_number(n) or 0) + 1 for n in new_shards]
        manifest["next_shard"] = max([self.next_shard_number(), *after])
        manifest["articles"] = int(manifest.get("articles", 0)) + added
        manifest["generation"] = self.generation + 1
        manifest["updated"] = now_iso()
        write_manifest(self.root, manifest)
        self.manifest = manifest

    def set_article_count(self, count: int) -> None:
        """Correct the manifest's article count (repair: the shards are the truth)."""
        manifest = dict(self.manifest)
        manifest["articles"] = count
        manifest["updated"] = now_iso()
        write_manifest(self.root, manifest)
        self.manifest = manifest

    def discard(self, names: list[str]) -> None:
        """Remove the files of shards a failed batch wrote (never listed: nobody can see them). The
        manifest on disk is read again: an interruption just after it was replaced must not make
        this delete what it now lists."""
        try:
            listed = set(self.shards) | set(self._read_manifest()["shards"])
        except StoreError:
            return
        for name in names:
            if name in listed:
                continue
            for suffix in (".json", ".meta.json"):
                try:
                    (self.dir / f"{name}{suffix}").unlink()
                except OSError:
                    pass

    def load_shard(self, name: str) -> dict[str, dict[str, Any]]:
        """Articles of one shard by id; the last few shards stay cached (articles open in runs)."""
        cached = self._cache.get(name)
        if cached is not None:
            self._cache.move_to_end(name)
            return cached
        path = self.dir / f"{name}.json"
        by_id: dict[str, dict[str, Any]] = {}
        for doc in _table(_read_damageable(path), "articles", path, "is not an article shard"):
            if not (isinstance(doc, dict) and isinstance(doc.get("id"), str)):
                raise BrokenShard(path, "holds an entry that is not an article")
            by_id[doc["id"]] = doc
        self._cache[name] = by_id
        if len(self._cache) > 4:
            self._cache.popitem(last=False)
        return by_id

    def load_article(self, name: str, article_id: str) -> dict[str, Any] | None:
        """One article of a shard, read alone where the meta file says where its JSON lies (a
        shard is written once and never changed): opening a cold article at 100k read and parsed
        its whole 250-article shard, 15-40 ms, the p95 of opening an article with suggestions.
        Anything unexpected (no span: a shard from before spans were kept; a span that does not
        hold this article) reads the whole shard, which says what is wrong with it."""
        cached = self._cache.get(name)
        if cached is not None:
            self._cache.move_to_end(name)
            return cached.get(article_id)
        spans = self._spans.get(name)
        if spans is None:
            try:
                spans = {s["id"]: s["at"] for s in self.load_meta(name)
                         if isinstance(s.get("at"), list) and len(s["at"]) == 2}
            except StoreError:
                spans = {}
            self._spans[name] = spans
            if len(self._spans) > 512:
                self._spans.popitem(last=False)
        span = spans.get(article_id)
        if span is not None:
            doc = self._read_span(name, span)
            if isinstance(doc, dict) and doc.get("id") == article_id:
                return doc
        return self.load_shard(name).get(article_id)

    def _read_span(self, name: str, span: list[Any]) -> object:
        start, end = span
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end):
            return None
        try:
            fd = open_own(self.dir / f"{name}.json", os.O_RDONLY)
        except (OSError, StoreError):
            return None
        try:
            data = os.pread(fd, end - start, start)
        except OSError:
            return None
        finally:
            os.close(fd)
        try:
            return orjson.loads(data)
        except orjson.JSONDecodeError:
            return None

    def load_meta(self, name: str) -> list[dict[str, Any]]:
        path = self.dir / f"{name}.meta.json"
        out = _table(_read_damageable(path), "summaries", path, "is not a shard meta file")
        if not all(isinstance(s, dict) and isinstance(s.get("id"), str) for s in out):
            raise BrokenShard(path, "is not a shard meta file (an entry has no article id)")
        return out

    def iter_summaries(self) -> Iterator[tuple[str, dict[str, Any]]]:
        for name in self.shards:
            for summary in self.load_meta(name):
                yield name, summary

    def iter_articles(self) -> Iterator[tuple[str, Article]]:
        """Every article, with its whole group of rewrites in ``same_story`` (an article stores
        only those ingested before it; the meta files tell the later ones)."""
        groups = story_groups((s["id"], s.get("same_story") or []) for _, s in self.iter_summaries())
        for name in self.shards:
            for doc in self.load_shard(name).values():
                article = Article.from_dict(doc)
                article.same_story = groups.get(article.id, article.same_story)
                yield name, article

    def remove_orphans(self) -> None:
        """Delete shard files an interrupted batch left behind: unlisted and numbered from the
        manifest's ``next_shard`` on (a batch numbers its shards from there and never committed).
        An unlisted shard below that number is not an orphan but damage: it is left for
        ``tandai check`` (and never overwritten: see ``next_shard_name``)."""
        if not self.dir.exists() or self.dir.is_symlink():
            return
        listed = set(self.shards)
        first_free = self.next_shard_number()
        for path in self.dir.glob("shard-*.json"):
            stem = path.name.split(".")[0]
            number = shard_number(stem)
            if stem not in listed and number is not None and number >= first_free:
                try:
                    path.unlink()
                except OSError:
                    pass
        for path in self.dir.glob(".*.tmp"):
            try:
                path.unlink()
            except OSError:
                pass

    def unlisted_shards(self) -> list[str]:
        """Shard files below ``next_shard`` that the manifest does not list (damage, not orphans)."""
        listed, first_free = set(self.shards), self.next_shard_number()
        return [n for n in self.shard_files() if n not in listed and (shard_number(n) or 0) < first_free]

    def drop_repeats(self, names: list[str], articles: int) -> None:
        """Remove shards every article of which another shard of the store holds (what a killed
        merge left and an older tandai then listed or numbered below its next shard): out of the
        manifest first (the commit; ``articles``: how many it counted in them), then their files.
        Nothing is lost: each of their articles is in the store once more."""
        listed = [n for n in names if n in self.shards]
        if listed:
            manifest = dict(self.manifest)
            manifest["shards"] = [s for s in self.shards if s not in listed]
            manifest["articles"] = max(0, int(manifest.get("articles", 0)) - articles)
            manifest["generation"] = self.generation + 1
            manifest["updated"] = now_iso()
            write_manifest(self.root, manifest)
            self.manifest = manifest
        for name in names:
            self._cache.pop(name, None)
            for suffix in (".json", ".meta.json"):
                try:
                    (self.dir / f"{name}{suffix}").unlink()
                except FileNotFoundError:
                    pass
                except OSError as exc:
                    path = self.dir / f"{name}{suffix}"
                    raise StoreError(f"cannot remove {path}: {exc.strerror or exc}") from exc
        fsync_dir(self.dir)

    # -- quarantine ----------------------------------------------------------------------------

    def quarantine(self, names: list[str], remaining: int | None = None,
                   why: str = "could not be read") -> list[str]:
        """Move broken shards aside into ``corpus/quarantine/`` and drop them from the manifest.

        For each, a listing of its articles (id, title, source) is written beside it from its meta
        file when that is readable, so a person knows what to re-ingest. Returns one line per
        shard for the report. The shard files are moved first and the manifest written last, so an
        interruption leaves a manifest that still lists them (the next rebuild quarantines again).
        """
        if not names:
            return []
        qdir = own_dir(own_dir(self.dir) / QUARANTINE)
        try:
            qdir.mkdir(exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create {qdir}: {exc.strerror or exc}") from exc
        lines, lost, listed = [], 0, set(self.shards)
        stamp = time.strftime("%Y%m%d-%H%M%S")
        for name in names:
            try:
                summaries = self.load_meta(name)
            except StoreError:
                summaries = []
            lost += len(summaries) if name in listed else 0
            listing = [f"{name}: set aside {stamp} because it {why}; re-ingest these articles"]
            listing += ["\t".join(str(s.get(k) or "") for k in ("id", "title", "source")) for s in summaries]
            if not summaries:
                listing.append("(its meta file is unreadable too: the articles cannot be listed)")
            write_bytes(qdir / f"{name}.lost-{stamp}.txt", ("\n".join(listing) + "\n").encode("utf-8"))
            for suffix in (".json", ".meta.json"):
                src = self.dir / f"{name}{suffix}"
                if src.exists():
                    target = qdir / f"{name}{suffix}"
                    if target.exists():
                        target = qdir / f"{name}{suffix}.{stamp}"
                    try:
                        os.replace(src, target)
                    except OSError as exc:
                        raise StoreError(f"cannot move {src} into {qdir}: {exc.strerror or exc}") from exc
            self._cache.pop(name, None)
            ids = ", ".join(f"{s.get('id')} {str(s.get('title') or '')[:60]!r}" for s in summaries[:20])
            more = f" and {len(summaries) - 20} more" if len(summaries) > 20 else ""
            what = f"{len(summaries)} article(s): {ids}{more}" if summaries else "its articles are unknown"
            lines.append(f"{name}.json {why} and was quarantined in corpus/{QUARANTINE}/ "
                         f"({what}); re-ingest their source files")
        fsync_dir(self.dir)
        fsync_dir(qdir)
        manifest = dict(self.manifest)
        manifest["shards"] = [s for s in self.shards if s not in names]
        # ``remaining``: the articles a rebuild read from the other shards (exact when the meta
        # file of a quarantined shard is unreadable too)
        before = int(manifest.get("articles", 0))
        manifest["articles"] = remaining if remaining is not None else max(0, before - lost)
        manifest["generation"] = self.generation + 1
        manifest["updated"] = now_iso()
        write_manifest(self.root, manifest)
        self.manifest = manifest
        return lines

    def quarantined_ids(self) -> dict[str, str]:
        """Article id → quarantined shard, from the listings in ``corpus/quarantine/``."""
        out: dict[str, str] = {}
        qdir = self.dir / QUARANTINE
        if not qdir.is_dir():
            return out
        for listing in sorted(qdir.glob("shard-*.lost-*.txt")):
            try:
                lines = listing.read_text(encoding="utf-8", errors="replace").splitlines()[1:]
            except OSError:
                continue
            for line in lines:
                aid = line.split("\t", 1)[0].strip()
                if aid and not aid.startswith("("):
                    out[aid] = listing.name.split(".")[0]
        return out


def rebuild_manifest(root: Path, generation_floor: int = 0, first: Sequence[str] = (),
                     ) -> tuple[dict[str, Any], list[str], list[str], list[str], list[str]]:
    """A manifest rebuilt from the shard files on disk: the shards ``first`` names (what a readable
    manifest listed, in its order), then every other readable shard in number order; the article
    count from their contents, ``next_shard`` after the highest number on disk and a generation
    above both ``generation_floor`` and the shard count (so any index is seen as stale).

    A shard none of whose articles is new is left out (``spare``: what a killed merge left, its
    articles committed since in other shards; adopting it doubled them), and one holding some
    articles already taken and some not (``overlapping``) is for quarantine, as an unreadable one.
    Returns (manifest, shards included, shards that could not be read, spare, overlapping)."""
    probe = Corpus.__new__(Corpus)
    probe.root, probe.dir, probe.writable = root, root / CORPUS_DIR, False
    probe._cache, probe._spans = OrderedDict(), OrderedDict()
    probe.manifest = {"schema": SCHEMA_VERSION, "generation": 0, "shards": [], "articles": 0}
    on_disk = probe.shard_files()
    order = [n for n in first if n in on_disk] + [n for n in on_disk if n not in first]
    good, broken, spare, overlapping = [], [], [], []
    held: set[str] = set()
    for name in order:
        try:
            ids = set(probe.load_shard(name))
        except BrokenShard:
            broken.append(name)
            continue
        probe._cache.clear()
        taken = len(ids & held)
        if ids and taken == len(ids):
            spare.append(name)
        elif taken:
            overlapping.append(name)
        else:
            good.append(name)
            held |= ids
    top = max((shard_number(n) or 0 for n in on_disk), default=0)
    manifest = {"schema": SCHEMA_VERSION, "generation": max(generation_floor, len(on_disk)) + 1,
                "shards": good, "articles": len(held), "next_shard": top + 1, "created": now_iso(),
                "updated": now_iso(), "rebuilt": now_iso()}
    return manifest, good, broken, spare, overlapping


def manifest_problem(meta: dict[str, Any]) -> str | None:
    """What is wrong with a manifest's fields, or None (a hand-edited manifest must not become
    a traceback, or a ``generation`` the index compares wrongly)."""
    gen = meta.get("generation")
    if not isinstance(gen, int) or isinstance(gen, bool) or gen < 0:
        return f"has generation {gen!r:.30}, not a whole number"
    shards = meta.get("shards")
    if not isinstance(shards, list):
        return f"has shards {shards!r:.30}, not a list"
    names_ok = all(isinstance(n, str) and shard_number(n) is not None for n in shards)
    if not names_ok or len(set(shards)) != len(shards):
        return "lists shards that are not shard names (or one twice)"
    articles = meta.get("articles", 0)
    if not isinstance(articles, int) or isinstance(articles, bool) or articles < 0:
        return f"has articles {articles!r:.30}, not a count"
    nxt = meta.get("next_shard", 1)
    if not isinstance(nxt, int) or isinstance(nxt, bool) or nxt < 1:
        return f"has next_shard {nxt!r:.30}, not a shard number"
    if shards and nxt <= max(shard_number(n) or 0 for n in shards) and "next_shard" in meta:
        return f"has next_shard {nxt}, which is not after its last shard"
    return None


def _read_damageable(path: Path) -> object:
    """read_json, telling damage (gone, truncated, not JSON) from errors that are not (EACCES, EIO)."""
    try:
        return read_json(path)
    except CorruptFile as exc:
        if exc.reason.startswith("cannot be read") and path.exists():
            raise  # present but unreadable: not damage, do not quarantine
        raise BrokenShard(path, exc.reason) from exc


def _table(data: object, name: str, path: Path, what: str) -> list[Any]:
    try:
        return list(data[name].values())  # type: ignore[index]
    except (KeyError, TypeError, AttributeError) as exc:
        raise BrokenShard(path, what) from exc
