"""Store-wide entity corrections ("everywhere", issue 11) on a real store: they hold in every
article present and future, are listed, undone, kept across reopening, and exported as the
store's own gazetteer file."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

import store
from store.errors import InvalidArgument, NotFound, StoreError
from tests.conftest import ARTICLE_A, article_id_with

LATER = """Koramil dan Polsek Patroli Bersama

BONTANG – Personel Kodim 0908 dan Polsek Bontang Utara menggelar patroli bersama di Kecamatan Bontang Utara, Selasa (26/11/2024).
"""


def labels_of(st: store.Store, aid: str, text: str) -> list[str]:
    return [e.label for e in st.article(aid).entities if e.text == text]


def test_a_label_applied_everywhere_holds_in_present_and_future_articles(tmp_path: Path,
                                                                         article_files: Path) -> None:
    path = tmp_path / "s"
    with store.open(path, reviewer="rina") as st:
        st.ingest([article_files])
        aid = article_id_with(st, "bontang")
        assert "Kodim 0908" in ARTICLE_A
        rule = st.correct_entity_everywhere("Kodim 0908", "GOV_ORG")
        assert rule["label"] == "GOV_ORG" and rule["reviewer"] == "rina"
        assert labels_of(st, aid, "Kodim 0908") == ["GOV_ORG"]
        later = tmp_path / "later"
        later.mkdir()
        (later / "later.txt").write_text(LATER, encoding="utf-8")
        st.ingest([later])  # ingest knows nothing of it: applied when read
        new = next(r.id for r in st.articles() if Path(r.source).stem == "later")
        assert labels_of(st, new, "Kodim 0908") == ["GOV_ORG"]
        assert [(r["text"], r["label"]) for r in st.entity_rules()] == [("Kodim 0908", "GOV_ORG")]
        exported = tomllib.loads((path / "gazetteer.toml").read_text(encoding="utf-8"))
        assert exported["entity"][0]["text"] == "Kodim 0908" and exported["entity"][0]["label"] == "GOV_ORG"
    with store.open(path, reviewer="budi") as st:  # kept, and for every reviewer
        assert labels_of(st, new, "Kodim 0908") == ["GOV_ORG"]
        assert st.undo() is None  # undo is per session: this one changed nothing yet


def test_undo_takes_a_rule_back_everywhere_and_from_the_gazetteer(small_store: store.Store) -> None:
    st = small_store
    aid = article_id_with(st, "bontang")
    before = labels_of(st, aid, "Kecamatan Bontang Utara")
    assert before == ["LOC"]
    st.correct_entity_everywhere("Kecamatan Bontang Utara", None)
    assert labels_of(st, aid, "Kecamatan Bontang Utara") == []
    gazetteer = st.path / "gazetteer.toml"
    assert tomllib.loads(gazetteer.read_text(encoding="utf-8"))["entity"][0]["remove"] is True
    assert st.undo() == "unlabel 'Kecamatan Bontang Utara' everywhere"
    assert labels_of(st, aid, "Kecamatan Bontang Utara") == before
    assert tomllib.loads(gazetteer.read_text(encoding="utf-8")).get("entity", []) == []
    st.redo()
    assert labels_of(st, aid, "Kecamatan Bontang Utara") == []
    st.remove_entity_rule("Kecamatan Bontang Utara")
    assert labels_of(st, aid, "Kecamatan Bontang Utara") == before and st.entity_rules() == []


def test_a_later_correction_in_one_article_wins_over_an_earlier_rule(small_store: store.Store) -> None:
    st = small_store
    aid = article_id_with(st, "bontang")
    st.correct_entity_everywhere("Kodim 0908", "GOV_ORG")
    art = st.article(aid, corrected=False)
    start = art.text.index("Kodim 0908")
    st.correct_entity(aid, start, start + len("Kodim 0908"), "MILITARY_UNIT")
    assert labels_of(st, aid, "Kodim 0908") == ["MILITARY_UNIT"]


def test_bad_rules_are_one_line_errors(small_store: store.Store) -> None:
    with pytest.raises(StoreError, match="is not a label"):
        small_store.correct_entity_everywhere("Kodim 0908", "NOT_A_LABEL")
    with pytest.raises(InvalidArgument):
        small_store.correct_entity_everywhere("   ", "LOC")
    with pytest.raises(InvalidArgument):
        small_store.correct_entity_everywhere("x" * 500, "LOC")
    with pytest.raises(NotFound):
        small_store.remove_entity_rule("Kodim 0908")
