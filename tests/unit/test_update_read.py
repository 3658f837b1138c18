"""``Store.update_record(read=...)`` on a file store: a save says which version of the record it
started from (its ``updated`` stamp, as a form showed it); a record changed since is refused
with ``store.Conflict`` and left as it is, the current stamp is accepted, and without ``read``
the change goes onto the record as stored (as before)."""

from __future__ import annotations

import pytest

import store
from tests.conftest import article_id_with


def a_record(st: store.Store) -> store.ActivityRecord:
    aid = article_id_with(st, "bontang")
    art = st.article(aid)
    start = art.text.index("Sebanyak 40 personel diterjunkan")
    return st.add_record(aid, type="patrol", unit="Polres Bontang", date="25/11/2024",
                         evidence=[{"start": start, "end": start + 32}])


def test_a_save_from_a_version_changed_since_is_refused(small_store: store.Store) -> None:
    shown = a_record(small_store)  # what rina's form was filled from
    theirs = small_store.update_record(shown.id, notes="dicek ayu")  # a change made the same second
    assert theirs.updated != shown.updated  # each version has its own stamp
    with pytest.raises(store.Conflict, match="changed since you read it"):
        small_store.update_record(shown.id, read=shown.updated, notes="catatan rina")
    assert small_store.record(shown.id).notes == "dicek ayu"  # nothing written over theirs
    assert small_store.record(shown.id).updated == theirs.updated


def test_a_save_from_the_current_version_is_made(small_store: store.Store) -> None:
    shown = a_record(small_store)
    one = small_store.update_record(shown.id, read=shown.updated, notes="satu")
    two = small_store.update_record(shown.id, read=one.updated, personnel=40)  # read what the first saved
    assert (two.notes, two.personnel) == ("satu", 40)
    assert small_store.record(shown.id) == two


def test_without_read_a_save_goes_onto_the_stored_record(small_store: store.Store) -> None:
    shown = a_record(small_store)
    small_store.update_record(shown.id, notes="dicek ayu")
    after = small_store.update_record(shown.id, personnel=12)
    assert (after.notes, after.personnel) == ("dicek ayu", 12)


@pytest.mark.parametrize("bad", [17, b"2024", ["x"], "x" * 65])
def test_a_read_stamp_that_is_not_one_is_refused_plainly(small_store: store.Store, bad: object) -> None:
    shown = a_record(small_store)
    with pytest.raises(store.InvalidArgument, match="read stamp"):
        small_store.update_record(shown.id, read=bad, notes="x")  # type: ignore[arg-type]
    assert small_store.record(shown.id) == shown
