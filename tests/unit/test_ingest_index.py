"""Ingest commits the search index every few batches, not after each one (a tantivy commit, its
merges and the stamp cost more than indexing a batch), yet the index always ends in step with
the manifest: at the end of an ingest, and when a batch fails or Ctrl-C stops it."""

from __future__ import annotations

from pathlib import Path

import pytest

import store
from bench.generate import generate
from store.check import check_store
from store.disk import corpus as corpus_mod
from store.disk.corpus import SHARD_SIZE
from store.errors import StoreError
from store.search import index as index_mod


@pytest.fixture(scope="module")
def five_batches(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate(tmp_path_factory.mktemp("corpus") / "c", 5 * SHARD_SIZE, seed=11)


def test_index_is_held_during_ingest_and_in_step_after(tmp_path: Path, five_batches: Path) -> None:
    path = tmp_path / "s"
    lag: list[int] = []
    with store.open(path) as st:
        def progress(_: object) -> None:  # the main thread, between batches
            lag.append(st.corpus.generation - int(st.index.stamp().get("generation", 0)))

        report = st.ingest([five_batches], progress=progress)
        assert report.added > 4 * SHARD_SIZE
        assert max(lag) >= 2  # batches were committed to the manifest before the index caught up
        assert st.index.in_step(st.corpus.generation)
        assert st.search("", limit=1).total == st.count() == report.added
    assert check_store(path).ok
    with store.open(path, read_only=True) as st:
        assert st.search("", limit=1).total == st.count()


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
        assert st.index.in_step(st.corpus.generation)  # committed on the way out, not left behind
        assert st.search("", limit=1).total == 2 * SHARD_SIZE
    assert check_store(path).ok


def test_a_hold_commits_every_held_commit_articles(tmp_path: Path, five_batches: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(index_mod, "HELD_COMMIT", 2 * SHARD_SIZE)
    path = tmp_path / "s"
    lag: list[int] = []
    with store.open(path) as st:
        def progress(_: object) -> None:
            lag.append(st.corpus.generation - int(st.index.stamp().get("generation", 0)))

        st.ingest([five_batches], progress=progress)
        assert 1 <= max(lag) <= 2  # never more than two batches behind
        assert st.index.in_step(st.corpus.generation)
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
