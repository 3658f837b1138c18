"""Opening one article reads only its own bytes of the shard (the meta file says where they lie):
the same article as the whole shard gives, and the whole shard again whenever the span is
missing (a store from before spans) or does not hold that article (issue 11: opening an article
with its suggestions under 50 ms at 100k; reading a cold 250-article shard was its p95)."""

from __future__ import annotations

import json
from pathlib import Path

import orjson

import store
from store.disk.corpus import Corpus


def _meta_files(path: Path) -> list[Path]:
    return sorted((path / "corpus").glob("shard-*.meta.json"))


def test_each_article_read_alone_is_the_one_the_whole_shard_holds(sample_store_path: Path) -> None:
    st = store.open(sample_store_path, read_only=True)
    try:
        corpus = Corpus(sample_store_path, False)
        alone = Corpus(sample_store_path, False)
        seen = 0
        for name in corpus.shards:
            whole = corpus.load_shard(name)
            for summary in corpus.load_meta(name):
                assert isinstance(summary["at"], list)  # ingest wrote where it lies
                start, end = summary["at"]
                raw = (sample_store_path / "corpus" / f"{name}.json").read_bytes()[start:end]
                assert orjson.loads(raw) == whole[summary["id"]]
                assert alone.load_article(name, summary["id"]) == whole[summary["id"]]
                assert not alone._cache  # read alone, not by loading the shard
                seen += 1
        assert seen == st.count() > 30
    finally:
        st.close()


def test_a_missing_or_wrong_span_reads_the_whole_shard(sample_store_path: Path) -> None:
    first = _meta_files(sample_store_path)[0]
    meta = json.loads(first.read_text())
    ids = [s["id"] for s in meta["summaries"].values()]
    spans = [s["at"] for s in meta["summaries"].values()]
    meta["summaries"]["1"].pop("at")  # as a shard written before spans were kept
    meta["summaries"]["2"]["at"] = spans[2]  # points at another article
    meta["summaries"]["3"]["at"] = [spans[3][0], spans[3][0] + 5]  # not a whole object
    first.write_text(json.dumps(meta))
    name = first.name[: -len(".meta.json")]
    whole = Corpus(sample_store_path, False).load_shard(name)
    for i in range(4):
        assert Corpus(sample_store_path, False).load_article(name, ids[i]) == whole[ids[i]]
    st = store.open(sample_store_path)
    try:
        assert st.article(ids[1]).id == ids[1]
    finally:
        st.close()
