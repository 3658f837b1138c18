"""Search over a real store: ranking, prefixes, every filter, and annotation-driven filters."""

from __future__ import annotations

import json
from pathlib import Path

import store
from tests.conftest import article_id_with


def test_words_must_all_match_and_last_is_prefix(small_store: store.Store) -> None:
    assert small_store.search("patroli").total == 2
    assert small_store.search("patroli bontang").total == 1
    assert small_store.search("patroli bon").total == 1  # prefix while typing
    assert small_store.search("patroli bon ").total == 0  # a finished word is exact
    assert small_store.search("zzzzqqq").total == 0


def test_phrases(small_store: store.Store) -> None:
    assert small_store.search('"patroli dialogis"').total == 1
    assert small_store.search('"dialogis patroli"').total == 0


def test_title_matches_rank_first(tmp_path: Path) -> None:
    d = tmp_path / "in"
    d.mkdir()
    body = "Isi berita tentang keamanan wilayah. " * 5
    (d / "a.txt").write_text("Rapat biasa di kantor camat\n\n" + body + "Disebut juga sambang warga.\n")
    (d / "b.txt").write_text("Sambang warga oleh Bhabinkamtibmas\n\n" + body + "Kegiatan lain.\n")
    with store.open(tmp_path / "s") as st:
        st.ingest([d])
        res = st.search("sambang")
        assert res.total == 2
        assert res.rows[0].title.startswith("Sambang warga")


def test_filters_on_articles(small_store: store.Store) -> None:
    assert small_store.search('unit:"Polres Bontang"').total == 1
    assert small_store.search("outlet:gerbangkaltim").total == 1
    assert small_store.search("label:PERSON=Syarifuddin").total == 1
    assert small_store.search("label:PERSONNEL").total == 1
    assert small_store.search("dup:no").total == 2
    assert small_store.search("dup:yes").total == 0


def test_date_filter(tmp_path: Path) -> None:
    d = tmp_path / "in"
    d.mkdir()
    for day in (1, 15, 30):
        row = {"title": f"Patroli hari {day}", "published": f"2024-11-{day:02d}",
               "text": f"Polres Contoh melaksanakan patroli nomor {day} di desa."}
        (d / f"{day}.jsonl").write_text(json.dumps(row) + "\n")
    (d / "dec.jsonl").write_text('{"title": "Pleno", "text": "Rekapitulasi suara.", "published": "2024-12-02"}\n')
    with store.open(tmp_path / "s") as st:
        st.ingest([d])
        assert st.search("date:2024-11").total == 3
        assert st.search("date:2024-11-10..2024-11-30").total == 2
        assert st.search("date:2024-12").total == 1
        assert st.search("").rows[0].published.startswith("2024-12-02")  # newest first


def test_an_open_date_range_leaves_out_undated_articles(tmp_path: Path) -> None:
    """``date:..X`` means published on or before X: an article whose date is unknown is not
    (red team 3: every undated article matched, so an export "up to the campaign" carried them)."""
    d = tmp_path / "in"
    d.mkdir()
    (d / "dated.jsonl").write_text('{"title": "Apel", "text": "Apel pasukan.", "published": "2024-09-20"}\n')
    (d / "undated.jsonl").write_text('{"title": "Patroli", "text": "Patroli malam di desa."}\n')
    with store.open(tmp_path / "s") as st:
        st.ingest([d])
        assert st.search("date:..2023").total == 0
        assert [r.title for r in st.search("date:..2024-09-24").rows] == ["Apel"]
        assert [r.title for r in st.search("date:2024-01..").rows] == ["Apel"]
        assert st.search("-date:..2024-09-24").total == 1  # the undated one: not published by then


def test_status_and_type_filters_follow_annotations(small_store: store.Store) -> None:
    a = article_id_with(small_store, "bontang")
    assert small_store.search("status:todo").total == 2
    small_store.set_status(a, "done")
    assert small_store.search("status:done").hits == [a]
    assert small_store.search("status:todo").total == 1
    assert small_store.search("-status:done").total == 1
    art = small_store.article(a)
    s = art.text.index("Sebanyak")
    small_store.add_record(a, type="escort", unit="Sat Lantas Polres Bontang", evidence=[{"start": s, "end": s + 8}])
    assert small_store.search("type:escort").hits == [a]
    assert small_store.search("type:patrol").total == 0
    assert small_store.search('unit:"Sat Lantas"').hits == [a]


def test_unit_matches_coded_records_by_whole_words_as_it_matches_the_text(small_store: store.Store) -> None:
    """``unit:`` reads a record's unit as it reads the text: words in order, never a piece of a word
    (red team 3: ``unit:"Polres Batu"`` found a record of Polres Batubara, ``unit:ont`` Polres Bontang)."""
    a = article_id_with(small_store, "bontang")
    s = small_store.article(a).text.index("Sebanyak")
    small_store.add_record(a, type="patrol", unit="Polres Batubara", evidence=[{"start": s, "end": s + 8}])
    assert small_store.search('unit:"Polres Batu"').total == 0
    assert small_store.search("unit:ont").total == 0
    assert small_store.search("unit:batubara").hits == [a]
    assert small_store.search('unit:"polres batubara"').hits == [a]


def test_malformed_query_is_a_message(small_store: store.Store) -> None:
    res = small_store.search("status:finished")
    assert res.error and res.total == 0 and res.hits == []


def test_reindex_rebuilds_the_same_results(small_store: store.Store) -> None:
    before = small_store.search("patroli").hits
    import shutil

    shutil.rmtree(small_store.path / "index")
    assert small_store.reindex() == 2
    assert sorted(small_store.search("patroli").hits) == sorted(before)
