"""Saved searches in a store several reviewers share: nobody's search replaced or deleted by another,
no query kept that cannot run, and a name found again as it was saved (red team 3, F7)."""

from __future__ import annotations

from pathlib import Path

import pytest

import store
from store.errors import QueryError, StoreError


def test_another_reviewers_search_is_never_replaced_or_deleted(tmp_path: Path) -> None:
    with store.open(tmp_path / "s", reviewer="ana") as st:
        st.save_search("nightly", "date:2024-11")
    with store.open(tmp_path / "s", reviewer="budi") as st:
        with pytest.raises(StoreError, match="is ana's"):
            st.save_search("nightly", "status:done")
        with pytest.raises(StoreError, match="is ana's"):
            st.delete_search("nightly")
        st.save_search("nightly budi", "status:done")
    with store.open(tmp_path / "s", reviewer="ana") as st:
        assert [(s["name"], s["query"], s["reviewer"]) for s in st.saved_searches()] == [
            ("nightly", "date:2024-11", "ana"), ("nightly budi", "status:done", "budi")]
        st.save_search("nightly", "date:2024-12")  # one's own: replaced
        st.delete_search("nightly")
        assert [s["name"] for s in st.saved_searches()] == ["nightly budi"]


def test_a_query_that_cannot_run_is_not_saved(tmp_path: Path) -> None:
    with store.open(tmp_path / "s", reviewer="ana") as st:
        with pytest.raises(QueryError, match="unknown filter foo"):
            st.save_search("broken", "date:..2023 foo:bar")
        with pytest.raises(QueryError, match="ends before"):
            st.save_search("backwards", "date:2024-12..2024-11")
        assert st.saved_searches() == []


def test_a_name_saved_with_spaces_around_it_is_deleted_by_the_same_string(tmp_path: Path) -> None:
    with store.open(tmp_path / "s", reviewer="ana") as st:
        st.save_search(" nightly ", "patroli")
        assert [s["name"] for s in st.saved_searches()] == ["nightly"]
        st.delete_search(" nightly ")
        assert st.saved_searches() == []
