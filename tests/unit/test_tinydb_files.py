"""TinyDB is the store's format: every JSON file tandai writes opens with a stock ``TinyDB(path)``
(default JSONStorage, read-only use) and holds what the store API returns. The index folder is
left out: it is derived (rebuilt from the shards) and tantivy's own files are not tandai's."""

from __future__ import annotations

from pathlib import Path

from tinydb import TinyDB

import store
from store.model import ActivityRecord, Article


def _stock(path: Path) -> TinyDB:
    return TinyDB(path, access_mode="r")  # the default storage, never writing


def _store_json_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*.json") if "index" not in p.relative_to(root).parts)


def _annotated_store(tmp_path: Path, article_files: Path) -> tuple[Path, str]:
    path = tmp_path / "store"
    with store.open(path, reviewer="rina") as st:
        st.ingest([article_files])
        aid = st.search("bontang", limit=1).hits[0]
        st.add_record(aid, type="patrol", unit="Polres Bontang", date="25/11/2024",
                      evidence=[{"start": 0, "end": 20}])
        st.set_status(aid, "done")
        st.save_search("bontang", "bontang type:patrol")
        st.correct_entity(aid, 0, 6, "LOC")
    return path, aid


def test_every_json_file_of_a_store_opens_with_stock_tinydb(tmp_path, article_files) -> None:
    path, _ = _annotated_store(tmp_path, article_files)
    names = {p.relative_to(path).as_posix() for p in _store_json_files(path)}
    assert {"tandai.json", "annotations/annotations.json", "corpus/shard-000001.json"} <= names
    for file in _store_json_files(path):
        with _stock(file) as db:
            assert db.tables(), f"{file} holds no TinyDB table"
            for name in db.tables():
                assert all(d.doc_id >= 1 for d in db.table(name).all()), f"{file}: table {name}"


def test_stock_tinydb_reads_the_data_the_api_returns(tmp_path, article_files) -> None:
    path, aid = _annotated_store(tmp_path, article_files)
    with store.open(path, read_only=True) as st:
        with _stock(path / "tandai.json") as db:
            [meta] = db.table("meta").all()
            assert meta["articles"] == st.count()
            shards = meta["shards"]
        articles: dict[str, Article] = {}
        for shard in shards:
            with _stock(path / "corpus" / f"{shard}.json") as db:
                for doc in db.table("articles").all():
                    articles[doc["id"]] = Article.from_dict(doc)
            with _stock(path / "corpus" / f"{shard}.meta.json") as db:
                assert {d["id"] for d in db.table("summaries").all()} <= set(articles)
        assert set(articles) == {a.id for a in st.articles()}
        assert articles[aid].text == st.article(aid, corrected=False).text
        with _stock(path / "annotations" / "annotations.json") as db:
            records = [ActivityRecord.from_dict({k: v for k, v in d.items() if k != "_key"})
                       for d in db.table("records").all()]
            assert records == st.records(aid)
            [status] = db.table("status").all()
            assert (status["article_id"], status["status"]) == (aid, st.status(aid, reviewer="rina"))
            searches = [{k: v for k, v in d.items() if k != "_key"} for d in db.table("searches").all()]
            assert searches == st.saved_searches()
            overrides = [{k: v for k, v in d.items() if k != "_key"} for d in db.table("overrides").all()]
            assert overrides == st.overrides(aid)


def test_a_snapshot_written_through_tinydb_is_sealed_and_read_back(tmp_path, article_files) -> None:
    """The checksum middleware seals what TinyDB writes; a flipped byte that still parses is
    refused with the file named."""
    path, _ = _annotated_store(tmp_path, article_files)
    snap = path / "annotations" / "annotations.json"
    with _stock(snap) as db:
        [meta] = db.table("_meta").all()
        assert meta["schema"] == 2 and len(meta["crc"]) == 8
    snap.write_bytes(snap.read_bytes().replace(b'"done"', b'"todo"'))
    try:
        store.open(path, read_only=True).close()
    except store.StoreError as exc:
        assert "annotations.json" in str(exc) and "checksum" in str(exc)
    else:
        raise AssertionError("a snapshot that fails its checksum was accepted")
