"""Each fact has one owner: the election words, the election calendar, the taxonomy in queries,
the store's path names. These tests fail when a second copy of a fact drifts from the first."""

from __future__ import annotations

import pytest

from store.text import gazetteer as gz
from store.text.entities import recognise


def _elections(text: str) -> list[str]:
    return [text[e.start:e.end] for e in recognise(text) if e.label == "ELECTION"]


@pytest.mark.parametrize("word", gz.ELECTIONS.split("|"))
@pytest.mark.parametrize("case", [str.title, str.lower, str.upper])
def test_every_election_word_is_found_in_every_case(word: str, case) -> None:
    written = case(word)
    assert _elections(f"Polres mengamankan {written} 2024 di Bontang.") == [f"{written} 2024"]


def test_an_election_word_ends_a_place_name_in_every_case() -> None:
    """The hard-head list comes from the same table: a place never runs into 'pilkades'."""
    from store.text.entities import _hard_heads

    assert {w.lower() for w in gz.ELECTIONS.split("|")} <= _hard_heads()
    assert {w.lower() for w in gz.MILITARY_HEADS.split("|")} <= _hard_heads()


@pytest.mark.parametrize("unit", ["Kodim 0908/Bontang", "KODIM 0908/Bontang", "Korem 091/ASN", "Lanal Banyuwangi",
                                  "Denpom V/3 Malang", "Pomdam VI/Mulawarman"])
def test_military_units_from_the_heads_table(unit: str) -> None:
    text = f"Personel {unit} ikut mengamankan TPS."
    assert any(text[e.start:e.end].startswith(unit.split()[0]) for e in recognise(text) if e.label == "MILITARY_UNIT")


def test_a_type_and_a_label_a_store_adds_work_in_queries(tmp_path, article_files) -> None:
    """The store's taxonomy.toml is the one list of types and labels: records and queries agree."""
    import store

    path = tmp_path / "store"
    path.mkdir()
    (path / "taxonomy.toml").write_text(
        '[activities.checkpoint]\nkey = "k"\ntriggers = ["pos penyekatan"]\n'
        '[labels.VEHICLE]\nkey = "v"\ncolor = "#ffffff"\n', encoding="utf-8")
    with store.open(path, reviewer="rina") as st:
        st.ingest([article_files])
        aid = st.search("bontang", limit=1).hits[0]
        st.add_record(aid, type="checkpoint", unit="Polres Bontang", evidence=[{"start": 0, "end": 10}])
        found = st.search("type:checkpoint")
        assert found.error is None and found.hits == [aid]
        assert st.search("label:vehicle").error is None
        assert "not one of" in (st.search("type:dance").error or "")


def test_a_date_without_a_year_takes_it_from_the_election_calendar() -> None:
    """The date parser holds no year of its own: the calendar module owns the election year."""
    from store.text import dates, phases

    assert phases.phase_for(f"{phases.ELECTION_YEAR}-11-27") == "voting"
    assert dates.parse_date("27/11") == f"{phases.ELECTION_YEAR}-11-27"
    assert dates.parse_date("Rabu (27/11)") == f"{phases.ELECTION_YEAR}-11-27"
    source = open(dates.__file__, encoding="utf-8").read()
    assert "2024," not in source and "(2024" not in source


def test_store_file_names_are_written_only_in_the_layout_module() -> None:
    """A path name written twice drifts: every module takes them from store/disk/layout.py. (The
    built-in taxonomy.toml inside the package is a resource of store/taxonomy.py, not a store file.)"""
    import ast
    from pathlib import Path

    from store.disk import layout

    names = {v for k, v in vars(layout).items() if k.isupper() and isinstance(v, str) and "." in v}
    root = Path(layout.__file__).parent.parent
    found = []
    for path in sorted(root.rglob("*.py")):
        if path.name == "layout.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and node.value in names:
                if not (path.name == "taxonomy.py" and node.value == layout.TAXONOMY):
                    found.append(f"{path.relative_to(root)}:{node.lineno} {node.value}")
    assert not found


def test_a_correction_to_a_label_the_store_adds_is_no_problem_for_check(tmp_path, article_files) -> None:
    """check reads the labels from the store's taxonomy, like the store that wrote the correction."""
    import store
    from store.check import check_store

    path = tmp_path / "store"
    path.mkdir()
    (path / "taxonomy.toml").write_text('[labels.VEHICLE]\nkey = "v"\ncolor = "#ffffff"\n', encoding="utf-8")
    with store.open(path, reviewer="rina") as st:
        st.ingest([article_files])
        aid = st.search("bontang", limit=1).hits[0]
        st.correct_entity(aid, 0, 6, "VEHICLE")
    report = check_store(path)
    assert report.ok, report.problems
