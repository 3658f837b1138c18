"""The Store along its seams: drafting and validation from the store's taxonomy, typed changes
over the unchanged journal format, the public reads the workbench uses, one list-row type, and
a package import that stays cheap."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import store
from store.disk.journal import Journal, decode_line
from store.errors import InvalidRecord, StoreError
from store.history import Delete, Put, from_journal
from tests.conftest import article_id_with

EXTRA = """
[activities.water_patrol]
key = "w"
description = "Patrol on rivers and the coast"
triggers = ["patroli perairan"]

[labels.VESSEL]
key = "v"
color = "bold cyan"
description = "A boat or ship"
"""


def _span(article: store.Article, needle: str) -> tuple[int, int]:
    start = article.text.index(needle)
    return start, start + len(needle)


def test_a_type_and_a_label_a_store_taxonomy_adds_are_valid(tmp_path: Path, article_files: Path) -> None:
    path = tmp_path / "s"
    path.mkdir()
    (path / "taxonomy.toml").write_text(EXTRA, encoding="utf-8")
    with store.open(path) as st:
        st.ingest([article_files])
        aid = article_id_with(st, "bontang")
        start, end = _span(st.article(aid), "Sebanyak 40 personel diterjunkan")
        rec = st.add_record(aid, type="water_patrol", unit="Polres Bontang", evidence=[{"start": start, "end": end}])
        assert rec.type == "water_patrol"
        done = st.correct_entity(aid, start, start + 8, "VESSEL")
        assert done["label"] == "VESSEL"
        with pytest.raises(InvalidRecord):
            st.add_record(aid, type="dance", unit="Polres Bontang", evidence=[{"start": start, "end": end}])
        with pytest.raises(StoreError):
            st.correct_entity(aid, start, start + 8, "BALLOON")
    with store.open(tmp_path / "plain") as st:  # without the override the type is unknown
        st.ingest([article_files])
        aid = article_id_with(st, "bontang")
        with pytest.raises(InvalidRecord) as err:
            st.add_record(aid, type="water_patrol", unit="Polres Bontang", evidence=[{"start": 0, "end": 10}])
        assert set(err.value.problems) == {"type"}


def test_draft_record_guesses_from_the_sentence_and_the_article_s_earlier_records(
        small_store: store.Store) -> None:
    aid = article_id_with(small_store, "bontang")
    art = small_store.article(aid)
    start, end = _span(art, "Sebanyak 40 personel diterjunkan bersama unsur TNI dari Kodim 0908")
    draft = small_store.draft_record(aid, start, end)
    assert draft["evidence"] == [{"start": start, "end": end}]
    assert draft["personnel"] == 40 and draft["unit"] == "Polres Bontang"
    assert "Kodim 0908" in draft["partners"]
    rec = small_store.add_record(aid, **{**draft, "type": draft["type"] or "patrol"})  # a draft saves as it is
    assert rec.personnel == 40
    with pytest.raises(store.InvalidArgument):
        small_store.draft_record(aid, -1, 5)


def test_a_journal_written_with_list_ops_opens_and_typed_changes_write_the_same_lines(
        tmp_path: Path, article_files: Path) -> None:
    path = tmp_path / "s"
    with store.open(path, reviewer="rina") as st:
        st.ingest([article_files])
        aid = article_id_with(st, "bontang")
        text = st.article(aid).text
    record = {"id": "0123456789abcdef", "article_id": aid, "reviewer": "rina", "type": "patrol",
              "unit": "Polres Bontang", "date": None, "date_text": None, "location": None, "partners": [],
              "personnel": None, "phase": "na", "evidence": [{"start": 0, "end": 10, "text": text[:10]}],
              "notes": "", "created": "2024-11-25T00:00:00", "updated": "2024-11-25T00:00:00"}
    journal = Journal(path / "annotations" / "journal.jsonl")  # the lines as the code before Put/Delete wrote them
    journal.append({"seq": 1, "ops": [["put", "records", record["id"], record], ["put", "searches", "x",
                                      {"name": "x", "query": "a", "reviewer": "rina", "created": ""}]]})
    journal.append({"seq": 2, "ops": [["del", "searches", "x"]]})
    journal.close()
    with store.open(path, reviewer="rina") as st:
        [got] = st.records(aid)
        assert got.id == record["id"] and st.saved_searches() == []
        st.save_search("mine", "patroli")
        st.delete_record(got.id)
        lines = (path / "annotations" / "journal.jsonl").read_bytes().splitlines()
        ops = [op for line in lines[-2:] for op in (decode_line(line) or {})["ops"]]
        assert ops[0][:3] == ["put", "searches", "mine"] and ops[1] == ["del", "records", record["id"]]
        assert [from_journal(op) for op in ops][1] == Delete("records", record["id"])
        assert st.undo() and st.records(aid)[0].id == record["id"]
    with store.open(path, reviewer="rina") as st:
        assert [r.id for r in st.records(aid)] == [record["id"]]
        assert [s["name"] for s in st.saved_searches()] == ["mine"]
    assert Put("t", "k", {}).journal() == ("put", "t", "k", {})
    with pytest.raises(ValueError):
        from_journal(["move", "t", "k"])


def test_public_reads_the_workbench_uses(tmp_path: Path, article_files: Path) -> None:
    path = tmp_path / "s"
    with store.open(path, reviewer="rina") as st:
        st.ingest([article_files])
        a, b = article_id_with(st, "bontang"), article_id_with(st, "bungoro")
        assert st.undo_article() is None and st.redo_article() is None
        st.add_record(a, type="patrol", unit="Polres Bontang", evidence=[{"start": 0, "end": 10}])
        st.add_record(a, type="escort", unit="Kodim 0908", evidence=[{"start": 0, "end": 10}])
        st.set_status(b, "flagged")
        assert st.record_count(a) == 2 and st.record_counts([a, b]) == {a: 2, b: 0}
        assert st.known_units() == ["Kodim 0908", "Polres Bontang"]
        assert st.undo_article() == b
        st.undo()
        assert st.undo_article() == a and st.redo_article() == b
    with store.open(path, reviewer="budi") as st:
        st.set_status(a, "done")
        assert st.statuses(a) == {"rina": "in_progress", "budi": "done"}
        assert st.statuses(b) == {}


def test_one_list_row_type_everywhere(small_store: store.Store) -> None:
    aid = article_id_with(small_store, "bontang")
    small_store.set_status(aid, "done")
    first = small_store.search("")
    found = small_store.search("patroli")
    rows = [*first.rows, *found.rows, *small_store.articles(), small_store.summary(aid)]
    assert rows and all(type(r) is store.ListRow for r in rows)
    assert small_store.summary(aid).status == "done"
    assert {r.id for r in small_store.articles()} == set(first.hits)


def test_importing_the_date_parser_pulls_in_no_index_html_or_process_pool() -> None:
    code = ("import sys, store.text.dates, store\n"
            "heavy = [m for m in ('tantivy', 'selectolax', 'multiprocessing', 'store.store') if m in sys.modules]\n"
            "print(heavy)\n"
            "store.open; print(sorted(set(store.__all__) - set(dir(store))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.splitlines() == ["[]", "[]"], out.stdout


def test_ingest_knows_nothing_of_the_store() -> None:
    """No run-time cycle: ingest yields batches, Store.ingest commits them."""
    code = "import sys, store.ingest; print('store.store' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
