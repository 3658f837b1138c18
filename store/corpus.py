"""Article storage: append-only shards of at most ``SHARD_SIZE`` articles, committed by a manifest.


Why shards: one TinyDB file holding every body takes seconds and gigabytes to open. Each ingest
batch writes new shard files (TinyDB documents) and then replaces the manifest, which is the
commit point: a shard that the manifest does not list does not exist, so an interrupted batch
leaves the store exactly as it was. Bodies are read only when an article is opened; a shard's
small ``.meta.json`` sibling holds what ingest and reindex need without the bodies.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .atomic import read_json, write_json
from .errors import CorruptFile, SchemaMismatch
from .model import Article

SCHEMA_VERSION = 1
SHARD_SIZE = 250  # ~1 MB of JSON: opening an article reads one shard (~5 ms)
MANIFEST = "tandai.json"


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def summary_of(article: Article, signature: list[int]) -> dict[str, Any]:
    """What the meta file keeps per article: list fields plus the duplicate signature."""
    return {
        "id": article.id,
        "title": article.title,
        "outlet": article.outlet,
        "published": article.published,
        "dateline": article.dateline,
        "duplicate_of": article.duplicate_of,
        "source": article.source,
        "sig": signature,
    }


class Corpus:
    """The manifest and the shard files of one store."""

    def __init__(self, root: Path, writable: bool) -> None:
        self.root = root
        self.dir = root / "corpus"
        self.writable = writable
        self._cache: OrderedDict[str, dict[str, dict[str, Any]]] = OrderedDict()
        self.manifest = self._read_manifest()

    # -- manifest -----------------------------------------------------------------------------

    def _read_manifest(self) -> dict[str, Any]:
        path = self.root / MANIFEST
        if not path.exists():
            return {"schema": SCHEMA_VERSION, "generation": 0, "shards": [], "articles": 0,
                    "created": now_iso()}
        data = read_json(path)
        try:
            meta = dict(data["meta"]["1"])  # type: ignore[index]
        except (KeyError, TypeError) as exc:
            raise CorruptFile(path, "has no store metadata (meta table)") from exc
        schema = meta.get("schema")
        if schema != SCHEMA_VERSION:
            raise SchemaMismatch(f"{path}: schema version {schema!r}, this tandai reads {SCHEMA_VERSION}")
        return meta

    def write_manifest(self) -> None:
        write_json(self.root / MANIFEST, {"meta": {"1": self.manifest}})

    @property
    def generation(self) -> int:
        return int(self.manifest["generation"])

    @property
    def shards(self) -> list[str]:
        return list(self.manifest["shards"])

    def next_shard_name(self) -> str:
        n = int(self.manifest.get("next_shard", len(self.manifest["shards"]) + 1))
        self.manifest["next_shard"] = n + 1
        return f"shard-{n:06d}"

    # -- shards ------------------------------------------------------------------------------

    def write_shard(self, name: str, articles: list[Article], signatures: list[list[int]]) -> None:
        """Write a shard and its meta file (not yet committed: see ``commit``)."""
        self.dir.mkdir(parents=True, exist_ok=True)
        body = {"articles": {str(i): a.to_dict() for i, a in enumerate(articles, 1)}}
        pairs = zip(articles, signatures, strict=True)
        meta = {"summaries": {str(i): summary_of(a, s) for i, (a, s) in enumerate(pairs, 1)}}
        write_json(self.dir / f"{name}.json", body)
        write_json(self.dir / f"{name}.meta.json", meta)

    def commit(self, new_shards: list[str], added: int) -> None:
        """The commit point of an ingest batch: the manifest now lists the new shards."""
        manifest = dict(self.manifest)  # changed in memory only once it is on disk
        manifest["shards"] = self.shards + new_shards
        manifest["articles"] = int(manifest.get("articles", 0)) + added
        manifest["generation"] = self.generation + 1
        manifest["updated"] = now_iso()
        write_json(self.root / MANIFEST, {"meta": {"1": manifest}})
        self.manifest = manifest

    def load_shard(self, name: str) -> dict[str, dict[str, Any]]:
        """Articles of one shard by id; the last few shards stay cached (articles open in runs)."""
        cached = self._cache.get(name)
        if cached is not None:
            self._cache.move_to_end(name)
            return cached
        path = self.dir / f"{name}.json"
        data = read_json(path)
        try:
            by_id = {doc["id"]: doc for doc in data["articles"].values()}  # type: ignore[index]
        except (KeyError, TypeError, AttributeError) as exc:
            raise CorruptFile(path, "is not an article shard") from exc
        self._cache[name] = by_id
        if len(self._cache) > 4:
            self._cache.popitem(last=False)
        return by_id

    def load_meta(self, name: str) -> list[dict[str, Any]]:
        path = self.dir / f"{name}.meta.json"
        data = read_json(path)
        try:
            return list(data["summaries"].values())  # type: ignore[index]
        except (KeyError, TypeError, AttributeError) as exc:
            raise CorruptFile(path, "is not a shard meta file") from exc

    def iter_summaries(self) -> Iterator[tuple[str, dict[str, Any]]]:
        for name in self.shards:
            for summary in self.load_meta(name):
                yield name, summary

    def iter_articles(self) -> Iterator[tuple[str, Article]]:
        for name in self.shards:
            for doc in self.load_shard(name).values():
                yield name, Article.from_dict(doc)

    def remove_orphans(self) -> None:
        """Delete shard files an interrupted batch left behind (never listed, never visible)."""
        if not self.dir.exists():
            return
        listed = set(self.shards)
        for path in self.dir.glob("shard-*.json"):
            stem = path.name.split(".")[0]
            if stem not in listed:
                try:
                    path.unlink()
                except OSError:
                    pass
        for path in self.dir.glob(".*.tmp"):
            try:
                path.unlink()
            except OSError:
                pass
