"""The search index stays in step with the manifest through an ingest: after each committed batch,
when a batch fails, and whatever process did the work. (Ingest holds one tantivy writer across
batches; tests/unit/test_index_hold.py covers what the hold must keep in step.)"""

from __future__ import annotations

from pathlib import Path

import pytest

import store
from bench.generate import generate
from store.check import check_store
from store.disk import corpus as corpus_mod
from store.disk.corpus import SHARD_SIZE
from store.errors import StoreError


@pytest.fixture(scope="module")
def five_batches(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate(tmp_path_factory.mktemp("corpus") / "c", 5 * SHARD_SIZE, seed=11)


def test_a_failed_batch_leaves_the_index_in_step_with_what_was_committed(
        tmp_path: Path, five_batches: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = corpus_mod.Corpus.commit
    calls: list[int] = []

    def full_disk_on_the_third(self: corpus_mod.Corpus, names: list[str], added: int) -> None:
        calls.append(added)
        if len(calls) == 3:
            raise StoreError("could not write tandai.json: No space left on device")
        real(self, names, added)

    monkeypatch.setattr(corpus_mod.Corpus, "commit", full_disk_on_the_third)
    path = tmp_path / "s"
    with store.open(path) as st:
        with pytest.raises(StoreError, match="No space"):
            st.ingest([five_batches])
        assert st.count() == 2 * SHARD_SIZE
        assert st.index.in_step(st.corpus.generation)  # each committed batch was indexed
        assert st.search("", limit=1).total == 2 * SHARD_SIZE
    assert check_store(path).ok


def test_the_worker_pool_writes_what_one_process_writes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Workers hand over compact articles (stored JSON, index terms): the shards, meta files and
    search results must be those of articles prepared in the main process, byte for byte."""
    from store import ingest as ingest_mod

    samples = Path(__file__).resolve().parents[2] / "sample_articles"
    corpus = generate(tmp_path / "c", 300, seed=12)
    stores = {}
    for workers in (1, 2):
        monkeypatch.setattr(ingest_mod, "default_workers", lambda w=workers: w)
        path = tmp_path / f"s{workers}"
        with store.open(path) as st:
            report = st.ingest([samples, corpus])
            assert report.added > ingest_mod.POOL_THRESHOLD
            stores[workers] = (path, {q: sorted(st.search(q, limit=500).hits)
                                      for q in ("patroli", "label:PERSON", "unit:polres", "dup:yes", "")})
    one, two = stores[1][0] / "corpus", stores[2][0] / "corpus"
    names = sorted(p.name for p in one.iterdir())
    assert names and names == sorted(p.name for p in two.iterdir())
    for name in names:
        assert (one / name).read_bytes() == (two / name).read_bytes(), name
    assert stores[1][1] == stores[2][1]
    with store.open(stores[2][0], read_only=True) as st:
        article = st.article(st.search("patroli", limit=1).hits[0])
        assert article.entities and article.text  # read back from the spliced shard JSON
