"""A record's stamps when the clock is wrong (red team s28, 8 and 9), on a real store.

Behind: an edit's ``updated`` must still come after the version it replaces, or a merge, where the
later stamp wins, keeps the older version without a word. Ahead: a record saved then has a
``created`` in the future, which ``check`` names ("edit or delete it") and merge refuses; an edit
never rewrote ``created``, so editing could not fix it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import store
from store.check import check_store


def _record_dated(path: Path, stamp: str) -> str:
    """A record of rina's as if saved at ``stamp`` (the clock then was elsewhere)."""
    with store.open(path, reviewer="rina") as st:
        aid = next(r.id for r in st.articles())
        rec = st.add_record(aid, type="patrol", unit="Polres Uji", evidence=[{"start": 0, "end": 40}])
        st.annotations.apply([("put", "records", rec.id, {**rec.to_dict(), "created": stamp, "updated": stamp})])
    return rec.id


def test_an_edit_is_stamped_after_the_version_it_replaces_when_the_clock_is_behind(sample_store_path: Path) -> None:
    ahead = (datetime.now(UTC) + timedelta(hours=3)).isoformat(timespec="seconds")
    rid = _record_dated(sample_store_path, ahead)  # the clock has since gone back three hours
    with store.open(sample_store_path, reviewer="rina") as st:
        first = st.update_record(rid, location="Lapangan A")
        second = st.update_record(rid, location="Lapangan B")
    assert ahead < first.updated < second.updated


def test_an_edit_brings_a_created_in_the_future_back_to_its_own_time(sample_store_path: Path) -> None:
    future = (datetime.now(UTC) + timedelta(days=400)).isoformat(timespec="seconds")
    rid = _record_dated(sample_store_path, future)
    assert any("in the future" in line for line in check_store(sample_store_path).lines())
    with store.open(sample_store_path, reviewer="rina") as st:
        st.update_record(rid, location="Lapangan A")
    with store.open(sample_store_path, reviewer="rina") as st:  # a record never ends before it began
        rec = st.record(rid)
        assert rec.created <= rec.updated
    assert [line for line in check_store(sample_store_path).lines() if rid in line] == []
