"""Red team 2, R2: a reviewer with psql cannot forge the history. ``tandai.apply_change`` is the
only way to write, and it checks who may and that each op is well formed; a mirror of a database
that already holds a forged change skips it and keeps working."""

from __future__ import annotations

import json
from typing import Any

import psycopg
import pytest

import store
from store.errors import StoreError
from tests.pg.conftest import as_role, drafted


def _rec(st: store.Store) -> store.ActivityRecord:
    aid = next(st.articles()).id
    return st.add_record(aid, **drafted(st, aid))


def _apply(url: str, role: str, ops: list[Any], expected: list[Any] | None = None) -> None:
    with psycopg.connect(as_role(url, role)) as conn:
        conn.execute("SELECT tandai.apply_change(%s, 'forged', %s, %s)",
                     ("u-" + role, json.dumps(ops), json.dumps(expected or [None] * len(ops))))


def _forge(url: str, ops: Any, change_id: str = "max(id) + 1") -> None:
    """What an older database may hold: a change written by hand (here as the owner)."""
    with psycopg.connect(url) as conn:
        conn.execute(f"INSERT INTO tandai.changes (id, uid, reviewer, label, ops, keys) SELECT {change_id}, "
                     "'forged-' || (count(*))::text, 'rina', 'forged', %s, '{}' FROM tandai.changes",
                     (json.dumps(ops),))


def test_a_reviewer_cannot_write_the_history_or_rows_directly(filled: str) -> None:
    with store.open(as_role(filled, "budi")) as budi:
        rec = _rec(budi)
    for role in ("rina", "ayu"):
        with psycopg.connect(as_role(filled, role)) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("INSERT INTO tandai.changes (id, uid, reviewer, label, ops, keys) "
                         f"VALUES (9223372036854775807, 'x', '{role}', 'noop', '[]', '{{}}')")
        for sql in ("UPDATE tandai.annotations SET value = value || '{\"unit\": \"FORGED\"}'",
                    "DELETE FROM tandai.annotations",
                    "INSERT INTO tandai.annotations SELECT kind, 'k2', article_id, owner, value, version "
                    "FROM tandai.annotations"):
            with psycopg.connect(as_role(filled, role)) as conn, \
                    pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(sql)
    with store.open(as_role(filled, "budi")) as budi:  # and saving still works, ids still gapless
        assert budi.record(rec.id).unit == rec.unit
        budi.update_record(rec.id, notes="still mine")
    with psycopg.connect(filled) as conn:
        ids = [r[0] for r in conn.execute("SELECT id FROM tandai.changes ORDER BY id")]
        who = {r[0] for r in conn.execute("SELECT reviewer FROM tandai.changes")}
    assert ids == list(range(1, len(ids) + 1)) and who == {"budi"}


def test_apply_change_refuses_anothers_row_and_malformed_ops(filled: str) -> None:
    with store.open(as_role(filled, "budi")) as budi:
        rec = _rec(budi)
        value = budi.record(rec.id).to_dict()
    with psycopg.connect(filled) as conn:
        version = conn.execute("SELECT version FROM tandai.annotations WHERE key = %s", (rec.id,)).fetchone()[0]
    forged = {**value, "unit": "Polres FORGED"}
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match="not yours to change"):
        _apply(filled, "rina", [["put", "records", rec.id, forged]], [version])  # budi's row
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match="not yours to change"):
        _apply(filled, "rina", [["del", "records", rec.id]], [version])
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match="not yours to change"):  # a new row in budi's name
        _apply(filled, "rina", [["put", "records", "r00000000000new1", {**value, "id": "r00000000000new1"}]])
    mine = {**value, "id": "r0000000000000bad", "reviewer": "rina"}
    for ops, why in [
        ([["put", "records", "zz", {"reviewer": "rina"}]], "article_id is not a text"),
        ([["put", "nosuchtable", "k", {"reviewer": "rina", "article_id": "a"}]], "op\\[1\\]"),
        ([["zap", "records", "k"]], "op\\[0\\]"),
        ([["put", "records", "", mine]], "the key is not a non-empty text"),
        ([["put", "records", mine["id"], {**mine, "unit": None}]], "unit is not a non-empty text"),
        ([["put", "records", mine["id"], {**mine, "type": ""}]], "type is not a non-empty text"),
        ([["put", "records", mine["id"], {**mine, "partners": [1]}]], "partners"),
        ([["put", "records", mine["id"], {**mine, "date": "next week"}]], "date"),
        ([["put", "records", mine["id"], {**mine, "personnel": -3}]], "personnel"),
        ([["put", "status", "k", "done"]], "not an object"),
    ]:
        with pytest.raises(psycopg.errors.InvalidParameterValue, match="malformed change: op 1: .*" + why):
            _apply(filled, "rina", ops)
    _apply(filled, "rina", [["put", "records", mine["id"], mine]])  # well formed and hers: fine
    with psycopg.connect(filled) as conn:
        rows = dict(conn.execute("SELECT key, value->>'unit' FROM tandai.annotations WHERE kind = 'records'"))
        last = conn.execute("SELECT reviewer FROM tandai.changes ORDER BY id DESC LIMIT 1").fetchone()[0]
    assert rows == {rec.id: value["unit"], mine["id"]: value["unit"]} and last == "rina"
    with store.open(as_role(filled, "budi")) as budi:  # the store says it in a line too
        with pytest.raises(StoreError, match="rina's: only rina or an adjudicator"):
            budi.update_record(mine["id"], notes="x")
        assert budi.stats()  # nothing unreadable got in


def test_an_adjudicator_still_edits_anyones_row_and_conflicts_still_name_who(filled: str) -> None:
    with store.open(as_role(filled, "budi")) as budi, store.open(as_role(filled, "ayu")) as ayu:
        rec = _rec(budi)
        ayu.refresh()
        assert ayu.update_record(rec.id, notes="checked by ayu").reviewer == "budi"
        with pytest.raises(StoreError, match=r"ayu changed this record since you read it"):
            budi.update_record(rec.id, notes="budi's")
        assert budi.update_record(rec.id, notes="budi's").notes == "budi's"
        ayu.refresh()
        ayu.delete_record(rec.id)
    with psycopg.connect(filled) as conn:
        assert conn.execute("SELECT count(*) FROM tandai.records").fetchone()[0] == 0
        assert [r[0] for r in conn.execute("SELECT reviewer FROM tandai.changes ORDER BY id")][-1] == "ayu"


def test_a_mirror_skips_forged_changes_already_in_the_database(filled: str) -> None:
    with store.open(as_role(filled, "budi")) as budi, store.open(as_role(filled, "ayu")) as ayu:
        rec = _rec(budi)
        ayu.refresh()
        value = ayu.record(rec.id).to_dict()
        _forge(filled, [["put", "records", "zz", {"reviewer": "rina"}]])
        _forge(filled, [["put", "nosuchtable", "k", {}]])
        _forge(filled, [["put", "records", rec.id, {**value, "unit": None}]])
        _forge(filled, {"not": "a list"})
        _forge(filled, [["del", "records", rec.id], ["put", "status", "k", "x"]])  # none of it applies
        with pytest.raises(StoreError, match=r"ignored change \d+ by rina: op 1: article_id .*\(and 4 more\)"):
            budi.refresh()
        assert budi.refresh() == 0  # said once; the feed goes on
        assert budi.record(rec.id).unit == value["unit"] and budi.record_count(rec.article_id) == 1
        budi.update_record(rec.id, notes="after the forgery")  # saving goes on
        with pytest.raises(StoreError, match="ignored change"):
            ayu.refresh()
        assert ayu.record(rec.id).notes == "after the forgery"  # the good change came with the warning
        ayu.stats()


def test_a_forged_row_in_the_table_is_left_out_on_opening(filled: str) -> None:
    with store.open(as_role(filled, "rina")) as rina:
        rec = _rec(rina)
    with psycopg.connect(filled) as conn:  # an older database: RLS let rina store her record so
        conn.execute("UPDATE tandai.annotations SET value = value || '{\"unit\": null}' WHERE key = %s",
                     (rec.id,))
    with store.open(as_role(filled, "budi")) as budi:
        assert budi.notice and f"records/{rec.id}: record unit" in budi.notice
        assert budi.records(rec.article_id) == []
        budi.stats()


def test_an_older_database_is_closed_by_tandai_init(pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from store.pg import add_member, init_database, schema

    with monkeypatch.context() as m:
        m.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:1])
        assert init_database(pg_url) == [1]
    add_member(pg_url, "rina")
    assert init_database(pg_url) == [2, 3]
    with psycopg.connect(as_role(pg_url, "rina")) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute("INSERT INTO tandai.changes (id, uid, reviewer, label, ops, keys) "
                     "VALUES (1, 'x', 'rina', 'noop', '[]', '{}')")
