"""The search index held across an ingest's batches (one tantivy commit every few batches), and
what made the first hold unsafe: the rows an empty query lists came from tantivy's segment order
among articles of one date, and any commit may reorder segments (it keeps them unordered), also
one that adds nothing. A commit at an unchanged store generation (the hold's closing commit after
a batch that failed) then left ``index/first-screen.json`` valid by generation, folder and count
but listing other rows than the index: ``check`` failed and nothing caught it up. The list now
sorts by date, then place in the store (a total order), and the hold commits only what it added.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

import store
from store.check import check_store
from store.disk import corpus as corpus_mod
from store.disk.corpus import SHARD_SIZE
from store.errors import StoreError
from store.search import index as index_mod


def _write_articles(folder: Path, first: int, count: int) -> Path:
    """``count`` articles of one date (ties in the list), numbered from ``first``."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(first, first + count):
        (folder / f"berita-{i:04d}.txt").write_text(
            f"Polres Uji {i} Gelar Patroli Malam\n\nPolres Uji {i} melaksanakan patroli malam di Kecamatan "
            f"Sukamaju {i} pada Senin (25/11/2024) bersama {i % 97 + 3} personel gabungan.\n", encoding="utf-8")
    return folder


def _store_of_ties(tmp_path: Path, ingests: int = 6, each: int = 3) -> Path:
    """A store whose index has several segments (one per ingest) of articles of one date."""
    path = tmp_path / "s"
    with store.open(path) as st:
        for k in range(ingests):
            st.ingest([_write_articles(tmp_path / f"in{k}", k * each, each)])
    return path


def _rows(st: store.Store) -> list[str]:
    """The titles an empty query lists, from the index itself (not the cached first screen)."""
    st.index.refresh()
    data = st.index.first_screen_data(st.index.searcher(), "", st.corpus.generation)
    return [row[1] for row in data["rows"]]


def test_the_list_order_of_one_date_survives_a_commit_that_changes_nothing(tmp_path: Path) -> None:
    """The cause: before, 7 in 10 empty commits reordered same-date rows (segment order)."""
    path = _store_of_ties(tmp_path)
    with store.open(path) as st:
        before = _rows(st)
        assert len(before) == 18
        for _ in range(6):
            writer = st.index.writer()
            writer.commit()
            writer.wait_merging_threads()
            assert _rows(st) == before
        # among articles of one date, the later-ingested first
        assert before == [f"Polres Uji {i} Gelar Patroli Malam" for i in range(17, -1, -1)]
    assert check_store(path).ok


def _refuse_writes_of(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """Make every atomic replace of the store file ``name`` fail with ENOSPC (a full disk at that
    moment: what the crash test injects at random)."""
    real = os.replace

    def replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        if Path(dst).name == name:
            raise OSError(errno.ENOSPC, "No space left on device (injected)")
        real(src, dst)

    monkeypatch.setattr(os, "replace", replace)  # store.disk.atomic calls os.replace


@pytest.mark.parametrize("refused", ["first-screen.json", "stamp.json"])
def test_a_held_ingest_whose_batch_fails_leaves_a_first_screen_in_step(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, refused: str) -> None:
    """The crash test's failure, made certain: a batch is refused (the manifest cannot be written),
    the hold ends, and the stamp or first screen cannot be written either. Whatever the index
    holds, the first screen must list what the index lists, or be seen as stale and rewritten."""
    path = _store_of_ties(tmp_path)
    new = _write_articles(tmp_path / "new", 100, 2)
    def refuse(self: corpus_mod.Corpus, names: list[str], added: int) -> None:
        raise StoreError("could not write tandai.json: No space left on device (injected)")

    for attempt in range(4):  # before, each attempt failed 7 times in 10
        with store.open(path) as st:
            monkeypatch.setattr(corpus_mod.Corpus, "commit", refuse)
            _refuse_writes_of(monkeypatch, refused)
            with pytest.raises(StoreError, match="No space"):
                st.ingest([new])
            monkeypatch.undo()
        report = check_store(path)
        assert report.ok, (attempt, report.problems)
        with store.open(path) as st:  # the next writable open: in step, whatever was left
            assert st.index.in_step(st.corpus.generation)
            assert not st.index.first_screen_stale(st.corpus.generation)
        assert check_store(path).ok


@pytest.fixture(scope="module")
def five_batches(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from bench.generate import generate

    return generate(tmp_path_factory.mktemp("corpus") / "c", 5 * SHARD_SIZE, seed=11)


def test_an_ingest_holds_index_commits_and_ends_in_step(tmp_path: Path, five_batches: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(index_mod, "HELD_COMMIT", 2 * SHARD_SIZE)
    monkeypatch.setattr(index_mod, "HELD_SECONDS", 3600.0)
    path = tmp_path / "s"
    lag: list[int] = []
    with store.open(path) as st:
        def progress(_: object) -> None:  # the main thread, between batches
            lag.append(st.corpus.generation - int(st.index.stamp().get("generation", 0)))

        report = st.ingest([five_batches], progress=progress)
        assert report.added > 4 * SHARD_SIZE
        assert 1 <= max(lag) <= 2  # batches committed to the manifest before the index caught up
        assert st.index.in_step(st.corpus.generation)
        assert st.search("", limit=1).total == st.count() == report.added
    assert check_store(path).ok
    with store.open(path, read_only=True) as st:
        assert st.search("", limit=1).total == st.count()
