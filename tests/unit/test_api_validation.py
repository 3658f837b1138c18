"""The Python API refuses wrong arguments with a StoreError (a message for a person), never a
ValueError, TypeError, AttributeError, a Rust panic or a silently wrong result."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import store
from store.errors import InvalidArgument

BAD_IDS: list[Any] = [None, 123, 1.5, b"abc", ["x"], {"a": 1}, "\udcff", True]


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[store.Store, str, str]]:
    from tests.conftest import ARTICLE_A, ARTICLE_B

    d = tmp_path_factory.mktemp("in")
    (d / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (d / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    st = store.open(tmp_path_factory.mktemp("s") / "store", reviewer="rina")
    st.ingest([d])
    aid = next(iter(st.articles())).id
    rec = st.add_record(aid, type="patrol", unit="Polres Bontang", evidence=[{"start": 0, "end": 10}])
    yield st, aid, rec.id
    st.close()


def _calls(aid: str, rid: str) -> list[tuple[str, tuple[Any, ...], dict[str, Any]]]:
    """(method, args, kwargs): each one argument of the wrong type or out of range."""
    calls: list[tuple[str, tuple[Any, ...], dict[str, Any]]] = []
    for bad in BAD_IDS:
        calls += [
            ("article", (bad,), {}), ("summary", (bad,), {}), ("duplicates_of", (bad,), {}),
            ("record", (bad,), {}), ("delete_record", (bad,), {}), ("update_record", (bad,), {"unit": "x"}),
            ("records", (bad,), {}) if bad is not None else ("records", (5,), {}),
            ("status", (bad,), {}), ("set_status", (bad, "done"), {}), ("set_status", (aid, bad), {}),
            ("overrides", (bad,), {}), ("add_record", (bad,), {"type": "patrol", "unit": "x"}),
            ("correct_entity", (bad, 0, 5, "LOC"), {}), ("save_search", (bad, "q"), {}),
            ("save_search", ("n", bad), {}), ("delete_search", (bad,), {}),
        ]
        if not isinstance(bad, str):  # text that cannot be a query is a message in the result (below)
            calls.append(("search", (bad,), {}))
        if bad not in (["x"], "\udcff"):  # a list of paths, and a file name that is not UTF-8, are fine
            calls.append(("ingest", (bad,), {}) if bad is not None else ("ingest", ([None],), {}))
        if bad is not None:
            calls.append(("status", (aid, bad), {}))
            calls.append(("correct_entity", (aid, 0, 5, bad), {}))
    for bad_int in (None, "5", 5.0, True, -1, 0, 10**30, [3]):
        calls.append(("search", ("patroli",), {"limit": bad_int}))
    for bad_off in (None, "0", -1, 1.5, 10**30):
        calls.append(("search", ("patroli",), {"offset": bad_off}))
    for start, end in (("x", 5), (0, None), (5.5, 9), (True, 4), (-3, 2), (4, 2), (0, 10**30)):
        calls.append(("correct_entity", (aid, start, end, "LOC"), {}))
    for bad_article in (None, "x", {"id": aid}, 5):
        calls.append(("entities", (bad_article,), {}))
    fields: list[dict[str, Any]] = [
        {"type": 5}, {"type": None}, {"unit": ["Polres"]}, {"unit": 5}, {"date": 20241127},
        {"date": ["x"]}, {"date_text": 5}, {"location": 5}, {"location": ["a"]}, {"notes": 5},
        {"phase": 5}, {"phase": "later"}, {"partners": 5}, {"partners": [None, 3]}, {"partners": {"a": 1}},
        {"personnel": "2.5"}, {"personnel": "2,5"}, {"personnel": 2.5}, {"personnel": True},
        {"personnel": -4}, {"personnel": "40 orang"}, {"personnel": [4]}, {"personnel": 10**30},
        {"evidence": "x"}, {"evidence": [{"start": "a", "end": 5}]}, {"evidence": [5]},
        {"evidence": [{"start": 0}]}, {"evidence": 5}, {"bogus": 1},
    ]
    for f in fields:
        calls.append(("add_record", (aid,), {"type": "patrol", "unit": "Polres X",
                                             "evidence": [{"start": 0, "end": 10}], **f}))
        calls.append(("update_record", (rid,), f))
    calls.append(("reindex", (), {"progress": 5}))
    for bad_batch in (None, 5, "x", [5], [("a", [])], [(None, None, None)]):
        calls.append(("commit_batch", (bad_batch,), {}))
    calls.append(("ingest", ("not-a-list-but-a-str-is-fine",), {"progress": 5}))
    calls.append(("ingest", ([],), {"cancelled": "yes"}))
    return calls


def test_every_public_method_refuses_wrong_arguments_with_a_store_error(
        api: tuple[store.Store, str, str]) -> None:
    st, aid, rid = api
    before = (len(st.records()), st.status(aid), len(st.saved_searches()))
    failures = []
    for name, args, kwargs in _calls(aid, rid):
        try:
            getattr(st, name)(*args, **kwargs)
        except store.StoreError:
            continue
        except BaseException as exc:  # noqa: BLE001 - the point: report every other kind
            failures.append(f"{name}{args!r} {kwargs!r}: {type(exc).__name__}: {exc}")
            continue
        failures.append(f"{name}{args!r} {kwargs!r}: accepted")
    assert not failures, "\n".join(failures)
    assert (len(st.records()), st.status(aid), len(st.saved_searches())) == before


@pytest.mark.parametrize("path", ["", "   ", 5, None, b"x", "x" * 5000, "a/" + "y" * 300, "bad\x1bname"])
def test_opening_a_store_with_a_bad_path_is_a_store_error(path: Any, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(store.StoreError):
        store.open(path)
    assert list(tmp_path.iterdir()) == []  # nothing made in the current directory


@pytest.mark.parametrize("reviewer", [None, 5, "", "   ", "r\udcffx", "rina\x1b[2J", "a\nb", "x" * 500])
def test_opening_a_store_with_a_bad_reviewer_is_a_store_error(reviewer: Any, tmp_path: Path) -> None:
    with pytest.raises(InvalidArgument):
        store.open(tmp_path / "s", reviewer=reviewer)


@pytest.mark.parametrize("value,expected", [
    (40, 40), ("40", 40), ("1.112", 1112), ("1,112", 1112), ("2.500.000", 2500000), (" 7 ", 7),
    ("", None), (None, None), (40.0, 40),
])
def test_personnel_accepts_whole_numbers_with_thousands_separators(
        api: tuple[store.Store, str, str], value: Any, expected: int | None) -> None:
    st, aid, _ = api
    rec = st.add_record(aid, type="patrol", unit="Polres X", evidence=[{"start": 0, "end": 10}], personnel=value)
    assert rec.personnel == expected
    st.delete_record(rec.id)


@pytest.mark.parametrize("value", ["2.5", "2,5", "1.11", "1,2345", "1.234,5", "٤٠", "1e3", "2.5e1"])
def test_personnel_with_a_decimal_is_an_error_not_a_bigger_number(
        api: tuple[store.Store, str, str], value: str) -> None:
    st, aid, _ = api
    with pytest.raises(store.InvalidRecord) as info:
        st.add_record(aid, type="patrol", unit="Polres X", evidence=[{"start": 0, "end": 10}], personnel=value)
    assert "personnel" in info.value.problems


def test_a_query_that_cannot_be_searched_is_a_message_not_an_exception(api: tuple[store.Store, str, str]) -> None:
    st, _, _ = api
    for query in ("\udcff", "patroli " * 2000):
        result = st.search(query)
        assert result.error and result.hits == []


def test_search_limit_returns_exactly_that_many_hits(api: tuple[store.Store, str, str]) -> None:
    st, _, _ = api
    assert len(st.search("", limit=1).hits) == 1
    assert len(st.search("", limit=2).hits) == 2
    assert len(st.search("", limit=store.model.MAX_LIMIT).hits) == 2
