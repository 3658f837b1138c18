"""The public Python API on a real store on disk: ingest, records, status, corrections, undo."""

from __future__ import annotations

from pathlib import Path

import pytest

import store
from store.errors import InvalidRecord, NotFound, ReadOnlyStore
from tests.conftest import article_id_with


def sentence_span(article: store.Article, needle: str) -> dict[str, int]:
    start = article.text.index(needle)
    return {"start": start, "end": start + len(needle)}


def test_ingest_is_idempotent(tmp_path: Path, article_files: Path) -> None:
    with store.open(tmp_path / "s") as st:
        first = st.ingest([article_files])
        again = st.ingest([article_files])
        assert (first.added, first.present) == (2, 0)
        assert (again.added, again.present) == (0, 2)
        assert st.count() == 2
        assert len(list(st.articles())) == 2


def test_article_fields_and_lazy_body(small_store: store.Store) -> None:
    aid = article_id_with(small_store, "bontang")
    art = small_store.article(aid)
    assert art.title.startswith("Polres Bontang Gelar Patroli")
    assert art.text.startswith("Polres Bontang Gelar Patroli")
    for e in art.entities:
        assert art.text[e.start:e.end] == e.text
    assert any(e.label == "POLICE_UNIT" and e.text == "Polres Bontang" for e in art.entities)
    assert any(n.text.startswith("BACA JUGA") for n in art.noise)
    with pytest.raises(NotFound):
        small_store.article("nope")


def test_record_lifecycle_survives_reopen(tmp_path: Path, article_files: Path) -> None:
    path = tmp_path / "s"
    with store.open(path, reviewer="rina") as st:
        st.ingest([article_files])
        aid = article_id_with(st, "bontang")
        art = st.article(aid)
        ev = sentence_span(art, "Sebanyak 40 personel diterjunkan")
        rec = st.add_record(aid, type="patrol", unit="Polres Bontang", date="25/11/2024",
                            personnel="40", partners=["TNI", "Satpol PP"], evidence=[ev])
        assert rec.date == "2024-11-25" and rec.phase == "quiet" and rec.personnel == 40
        assert rec.reviewer == "rina" and rec.evidence[0].text.startswith("Sebanyak 40")
        assert st.status(aid) == "in_progress"
        upd = st.update_record(rec.id, date="2024-11-27", location="Bontang Utara")
        assert upd.phase == "voting" and upd.location == "Bontang Utara"
        st.set_status(aid, "done")
    with store.open(path, reviewer="rina") as st:
        [got] = st.records(aid)
        assert got.id == rec.id and got.date == "2024-11-27" and got.location == "Bontang Utara"
        assert st.status(aid) == "done"
        assert st.status(aid, reviewer="someone-else") == "todo"
        st.delete_record(rec.id)
        assert st.records(aid) == []
    with store.open(path, reviewer="rina") as st:
        assert st.records() == []


def test_validation_explains_every_problem(small_store: store.Store) -> None:
    aid = article_id_with(small_store, "bontang")
    with pytest.raises(InvalidRecord) as err:
        small_store.add_record(aid, type="", unit=" ", date="31/02/2024", personnel="banyak", evidence=[])
    assert set(err.value.problems) >= {"type", "unit", "date", "personnel", "evidence"}
    with pytest.raises(InvalidRecord) as err:
        small_store.add_record(aid, type="dance", unit="Polres Bontang", evidence=[{"start": 0, "end": 10**6}])
    assert set(err.value.problems) == {"type", "evidence"}
    assert small_store.records(aid) == []


def test_undo_redo_across_articles(small_store: store.Store) -> None:
    a = article_id_with(small_store, "bontang")
    b = article_id_with(small_store, "bungoro")
    art = small_store.article(a)
    rec = small_store.add_record(a, type="patrol", unit="Polres Bontang", evidence=[sentence_span(art, "Sebanyak")])
    small_store.set_status(b, "flagged")
    assert small_store.undo() == "mark flagged"
    assert small_store.status(b) == "todo"
    assert small_store.undo() is not None  # the record (and its in_progress status)
    assert small_store.records(a) == [] and small_store.status(a) == "todo"
    assert small_store.redo() is not None
    assert [r.id for r in small_store.records(a)] == [rec.id]
    small_store.delete_record(rec.id)
    small_store.undo()
    assert [r.id for r in small_store.records(a)] == [rec.id]


def test_entity_corrections_are_overrides(small_store: store.Store) -> None:
    aid = article_id_with(small_store, "bontang")
    before = small_store.article(aid, corrected=False)
    start = before.text.index("Rawa Indah")
    small_store.correct_entity(aid, start, start + len("Rawa Indah"), "LOC")
    ents = small_store.article(aid).entities
    assert any(e.text == "Rawa Indah" and e.label == "LOC" for e in ents)
    unit = next(e for e in before.entities if e.text == "Polres Bontang")
    small_store.correct_entity(aid, unit.start, unit.end, None)
    assert not any((e.start, e.end) == (unit.start, unit.end) for e in small_store.article(aid).entities)
    # the article itself is never rewritten
    assert small_store.article(aid, corrected=False).entities == before.entities
    small_store.undo()
    assert any((e.start, e.end) == (unit.start, unit.end) for e in small_store.article(aid).entities)


def test_saved_searches(small_store: store.Store) -> None:
    small_store.save_search("my Kaltim queue", "status:todo bontang")
    assert [s["name"] for s in small_store.saved_searches()] == ["my Kaltim queue"]
    small_store.delete_search("my Kaltim queue")
    assert small_store.saved_searches() == []


def test_read_only_store_refuses_writes(tmp_path: Path, article_files: Path) -> None:
    path = tmp_path / "s"
    with store.open(path) as st:
        st.ingest([article_files])
    with store.open(path, read_only=True) as ro:
        aid = article_id_with(ro, "bontang")
        with pytest.raises(ReadOnlyStore):
            ro.set_status(aid, "done")


def test_schema_version_is_recorded(tmp_path: Path) -> None:
    import orjson

    with store.open(tmp_path / "s"):
        pass
    meta = orjson.loads((tmp_path / "s" / "tandai.json").read_bytes())["meta"]["1"]
    assert meta["schema"] == 1


def test_export_keeps_every_reviewers_status(tmp_path: Path, article_files: Path) -> None:
    import io

    import orjson

    from store.export import write_jsonl

    path = tmp_path / "s"
    with store.open(path, reviewer="rina") as st:
        st.ingest([article_files])
        aid = article_id_with(st, "bontang")
        st.set_status(aid, "done")
    with store.open(path, reviewer="budi") as st:
        st.set_status(aid, "flagged")
    with store.open(path, reviewer="someone-else", read_only=True) as st:
        out = io.BytesIO()
        write_jsonl(st, out)
    row = next(r for r in map(orjson.loads, out.getvalue().splitlines()) if r["id"] == aid)
    assert row["statuses"] == {"rina": "done", "budi": "flagged"} and row["status"] == "flagged"
