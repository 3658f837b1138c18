"""A store on a real PostgreSQL: the same API, every change in the database, who may do what
decided by the database, conflicts named, other reviewers' changes live, nothing lost copying."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import psycopg
import pytest

import store
from store.errors import SchemaMismatch, StoreError
from tests.pg.conftest import as_role, drafted


def _first(st: store.Store) -> str:
    return next(st.articles()).id


def _record(st: store.Store, article_id: str) -> store.ActivityRecord:
    return st.add_record(article_id, **drafted(st, article_id))


def test_same_api_every_change_in_the_database(filled: str) -> None:
    url = as_role(filled, "rina")
    with store.open(url) as st:
        assert st.reviewer == "rina"  # the database role, not a name typed in
        aid = _first(st)
        assert st.search("polres").hits
        st.set_status(aid, "done")
        rec = _record(st, aid)
        st.save_search("mine", "patroli")
        assert st.undo() == "save search 'mine'"
        assert st.redo() == "save search 'mine'"
    with store.open(as_role(filled, "budi")) as other:  # another machine would see the same
        assert other.status(aid, reviewer="rina") == "done"
        assert other.status(aid) == "todo"  # statuses are per reviewer
        assert [r.id for r in other.records(aid)] == [rec.id]
        assert [s["name"] for s in other.saved_searches()] == ["mine"]
    with psycopg.connect(filled) as conn:
        labels = [r[0] for r in conn.execute("SELECT label FROM tandai.changes WHERE reviewer = 'rina' "
                                              "ORDER BY id")]
    assert labels == ["mark done", f"add {rec.type} record", "save search 'mine'",
                      "undo save search 'mine'", "redo save search 'mine'"]


def test_a_newer_schema_is_refused_with_a_message(team_url: str) -> None:
    with psycopg.connect(team_url) as conn:
        conn.execute("UPDATE tandai.meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(SchemaMismatch, match="schema 99, newer than this tandai knows"):
        store.open(team_url)


def test_a_database_without_tandai_says_how_to_create_it(pg_url: str) -> None:
    with pytest.raises(StoreError, match="tandai init"):
        store.open(pg_url)


def test_a_reviewer_changes_only_their_own_an_adjudicator_any(filled: str) -> None:
    with store.open(as_role(filled, "rina")) as rina:
        aid = _first(rina)
        rec = _record(rina, aid)
    with store.open(as_role(filled, "budi")) as budi:
        with pytest.raises(StoreError, match="rina's: only rina or an adjudicator"):
            budi.update_record(rec.id, notes="budi was here")
        with pytest.raises(StoreError, match="rina's"):
            budi.delete_record(rec.id)
        budi.set_status(aid, "flagged")  # their own status: fine
    with store.open(as_role(filled, "ayu")) as ayu:
        changed = ayu.update_record(rec.id, notes="checked by ayu")
        assert changed.reviewer == "rina" and changed.notes == "checked by ayu"
    # the database itself refuses, whatever a client does: only tandai.apply_change writes
    with psycopg.connect(as_role(filled, "budi")) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute("UPDATE tandai.annotations SET value = value || '{\"notes\": \"x\"}' "
                     "WHERE kind = 'records'")
    with psycopg.connect(as_role(filled, "budi")) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("INSERT INTO tandai.changes (id, uid, reviewer, label, ops, keys) "
                         "VALUES (999, 'x', 'rina', 'forged', '[]', '{}')")
    with psycopg.connect(as_role(filled, "budi")) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute("UPDATE tandai.meta SET value = '1' WHERE key = 'schema_version'")
    with psycopg.connect(filled) as conn:
        version = conn.execute("SELECT version FROM tandai.annotations WHERE key = %s", (rec.id,)).fetchone()[0]
    forged = [["put", "records", rec.id, {**changed.to_dict(), "notes": "through the function"}]]
    with psycopg.connect(as_role(filled, "budi")) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute("SELECT tandai.apply_change('u1', 'forged', %s, %s)",
                     (json.dumps(forged), json.dumps([version])))


def test_a_stale_edit_is_refused_naming_who_and_what_then_shows_theirs(filled: str) -> None:
    with store.open(as_role(filled, "rina")) as first, store.open(as_role(filled, "ayu")) as second:
        aid = _first(first)
        rec = _record(first, aid)
        second.refresh()
        assert second.record(rec.id).notes == ""
        first.update_record(rec.id, notes="rina's note")  # second has not seen this yet
        with pytest.raises(StoreError, match=r"rina changed this record since you read it \(edit "):
            second.update_record(rec.id, notes="ayu's note")
        assert second.record(rec.id).notes == "rina's note"  # the form shows theirs now
        second.update_record(rec.id, notes="ayu's note")  # and saving again works
    with store.open(filled) as check:
        assert check.record(rec.id).notes == "ayu's note"


def test_other_reviewers_changes_arrive_within_a_second(filled: str) -> None:
    with store.open(as_role(filled, "rina")) as rina, store.open(as_role(filled, "budi")) as budi:
        aid = _first(rina)
        heard = threading.Event()
        budi.subscribe(lambda kind: heard.set() if kind == "changes" else None)
        time.sleep(0.2)  # the listener is connected
        started = time.perf_counter()
        rec = _record(rina, aid)
        assert heard.wait(1.0), "no notification within a second"
        budi.refresh()
        assert time.perf_counter() - started < 1.0
        assert [r.id for r in budi.records(aid)] == [rec.id]
        assert budi.record_count(aid) == 1


def test_ones_own_save_wakes_no_one_anothers_does(filled: str) -> None:
    """The database tells every listener of every change, the saver's own included; the saver's
    store knows it has it and does not make its owner catch up (a round trip per save)."""
    with store.open(as_role(filled, "rina")) as rina, store.open(as_role(filled, "budi")) as budi:
        ids = [r.id for r in rina.articles()]
        heard: list[str] = []
        rina.subscribe(heard.append)
        time.sleep(0.2)  # the listener is connected
        rec = _record(rina, ids[0])
        for aid in ids[1:6]:
            rina.set_status(aid, "done")
        rina.update_record(rec.id, notes="mine")
        rina.undo()
        time.sleep(0.5)
        assert heard == []
        assert rina.refresh() == 0
        budi.set_status(ids[0], "flagged")
        deadline = time.monotonic() + 1.0
        while "changes" not in heard and time.monotonic() < deadline:
            time.sleep(0.02)
        assert heard == ["changes"]
        assert rina.refresh() == 1
        assert rina.status(ids[0], reviewer="budi") == "flagged"
        rina.set_status(ids[7], "done")  # after catching up, its own are known again
        time.sleep(0.3)
        assert heard == ["changes"]


def test_copy_round_trip_loses_nothing(tmp_path: Path, team_url: str) -> None:
    from store.pg.copy import copy_store

    src = tmp_path / "src"
    (src).mkdir()
    (src / "taxonomy.toml").write_text('[labels.SATGAS]\nkey = "="\ncolor = "red"\n', encoding="utf-8")
    with store.open(src, reviewer="rina") as st:
        st.ingest([store.samples_dir()])
        ids = [r.id for r in st.articles()][:3]
        for aid in ids:
            _record(st, aid)
            st.set_status(aid, "done")
        ent = st.article(ids[0]).entities[0]
        st.correct_entity(ids[0], ent.start, ent.end, None)
        st.save_search("patrols", "patroli")
    with store.open(src, reviewer="budi") as st:
        st.set_status(ids[0], "flagged")
    copy_store(str(src), team_url)
    back = tmp_path / "back"
    copy_store(team_url, str(back))

    def content(path: Path) -> tuple[object, ...]:
        with store.open(path, read_only=True) as st:
            arts = [st.article(r.id, corrected=False).to_dict() for r in st.articles()]
            return (arts, st.annotations.tables, st.taxonomy.labels, [st.entities(st.article(i)) for i in ids])

    original, copied = content(src), content(back)
    assert copied[0] == original[0]
    assert copied[1] == original[1]
    assert copied[2] == original[2] and "SATGAS" in copied[2]
    assert copied[3] == original[3]
    with pytest.raises(StoreError, match="not empty"):
        copy_store(str(src), team_url)


def test_only_an_adjudicator_adds_articles(team_url: str, article_files: Path) -> None:
    with store.open(as_role(team_url, "rina")) as rina, pytest.raises(StoreError, match="only an adjudicator"):
        rina.ingest([article_files])
    with store.open(as_role(team_url, "ayu")) as ayu:
        assert ayu.ingest([article_files]).added == 2
    with store.open(as_role(team_url, "rina")) as rina:
        assert rina.count() == 2 and rina.search("Bontang").hits


def test_each_reviewer_of_a_team_database_is_drafted_in_their_own_reading(team_url: str, tmp_path: Path) -> None:
    """On a shared database the records of every role teach the team's reading, and a role's own records,
    once they decide it, their own: rina keeps "Sat X Polres Y" six times, budi codes the sub-unit alone
    three times, and on an article neither coded budi is drafted "Sat Lantas", rina the unit as written."""
    from tests.unit.test_conventions import SUB_UNITS, _code, _sentence

    src = tmp_path / "in"
    src.mkdir()
    for stem, place in (("page", "Bukit Tinggi"), ("other", "Lembah Sari"), ("third", "Danau Biru")):
        (src / f"{stem}.txt").write_text(SUB_UNITS.replace("Bukit Tinggi", place), encoding="utf-8")
    with store.open(team_url) as owner:
        owner.ingest([src])
        ids = {Path(a.source).stem: a.id for a in owner.articles()}
    with store.open(as_role(team_url, "rina")) as rina:
        for needle in ("menjaga pintu masuk", "memantau simpatisan", "menyambangi tokoh", "mengatur arus",
                       "berpatroli di Kecamatan", "Sat Polairud Polres"):
            _code(rina, ids["other"], needle)
    with store.open(as_role(team_url, "budi")) as budi:
        for needle, unit in (("menjaga pintu masuk", "Sat Samapta"), ("memantau simpatisan", "Sat Intelkam"),
                             ("menyambangi tokoh", "Sat Binmas")):
            _code(budi, ids["page"], needle, unit=unit)
    drafted_units = {}
    for role in ("budi", "rina"):
        with store.open(as_role(team_url, role)) as st:
            drafted_units[role] = st.draft_record(ids["third"], *_sentence(st, ids["third"], "mengatur arus"))["unit"]
            assert st.conventions_in_use()["sub_unit"]["from"] == "yours"
    assert drafted_units == {"budi": "Sat Lantas", "rina": "Sat Lantas Polres Danau Biru"}


def test_the_owner_settles_a_convention_for_the_whole_team_a_reviewer_cannot(team_url: str, tmp_path: Path) -> None:
    """``settle_convention`` on a team database: a reviewer is refused in one line naming who may; the
    owner's reading reaches every reviewer's next session over their own records."""
    from tests.unit.test_conventions import SUB_UNITS, _code, _sentence

    src = tmp_path / "in"
    src.mkdir()
    (src / "page.txt").write_text(SUB_UNITS, encoding="utf-8")
    with store.open(team_url) as owner:
        owner.ingest([src])
        aid = _first(owner)
    with store.open(as_role(team_url, "budi")) as budi:
        for needle, unit in (("menjaga pintu masuk", "Sat Samapta"), ("memantau simpatisan", "Sat Intelkam"),
                             ("menyambangi tokoh", "Sat Binmas")):
            _code(budi, aid, needle, unit=unit)
        lantas = _sentence(budi, aid, "mengatur arus")
        assert budi.draft_record(aid, *lantas)["unit"] == "Sat Lantas"
        with pytest.raises(StoreError, match=r"^only the owner of .* settles a convention for its team \(you are budi\)$"):
            budi.settle_convention("sub_unit", "with_parent")
    with store.open(team_url) as owner:
        owner.settle_convention("sub_unit", "with_parent")
    with store.open(as_role(team_url, "budi")) as budi:
        assert budi.draft_record(aid, *lantas)["unit"] == "Sat Lantas Polres Bukit Tinggi"
        assert budi.conventions_in_use()["sub_unit"]["how"] == "settled"
