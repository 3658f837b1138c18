"""What a PostgreSQL store reads locally and what from the database (issue 15).

Search-as-you-type, with its annotation filters, must never wait on the network: it is answered
by the machine's cache (tantivy) and the in-memory mirror of the annotations, so it answers the
same with the database cut off. An article not yet in memory is one row from the database (a
shard of the cache parsed whole cost a save 15-20 ms), and the cache's shard when the database
cannot answer."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg

import store
from tests.pg.conftest import as_role, drafted


@contextmanager
def cut_off(admin_url: str, role: str) -> Iterator[None]:
    """``role`` can no longer reach the database: its sessions are ended and new ones refused."""
    db = admin_url.rsplit("/", 1)[1]
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f"REVOKE CONNECT ON DATABASE {db} FROM PUBLIC")
        conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = %s", (role,))
    try:
        yield
    finally:
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(f"GRANT CONNECT ON DATABASE {db} TO PUBLIC")


def test_search_and_its_filters_answer_with_the_database_cut_off(filled: str) -> None:
    queries = ["polres", "status:done", "type:patrol", "polisi status:done", "unit:bontang", "status:todo"]
    with store.open(as_role(filled, "rina")) as st:
        ids = [r.id for r in st.articles()]
        st.set_status(ids[0], "done")
        st.set_status(ids[1], "done")
        rec = st.add_record(ids[2], **{**drafted(st, ids[2]), "type": "patrol", "unit": "Polres Bontang"})
        before = {q: (st.search(q).total, [r.id for r in st.search(q).rows]) for q in queries}
        assert before["status:done"][0] == 2 and before["type:patrol"][1] == [rec.article_id]
        unopened = ids[-1]
        with cut_off(filled, "rina"):
            after = {q: (st.search(q).total, [r.id for r in st.search(q).rows]) for q in queries}
            assert st.article(unopened).id == unopened  # from the cache's shard
    assert after == before


def test_an_article_not_in_memory_comes_from_the_database_not_a_shard(filled: str) -> None:
    url = as_role(filled, "rina")
    with store.open(url) as st:  # builds the cache
        aid = list(st.articles())[-1].id
    with store.open(url) as st:
        for shard in Path(st.path, "corpus").glob("shard-*.json"):
            if not shard.name.endswith(".meta.json"):
                shard.unlink()  # the cache is derived; its article bodies gone
        assert st.article(aid).id == aid
        rec = st.add_record(aid, **drafted(st, aid))  # a save validates against its article
    with psycopg.connect(filled) as conn:
        row = conn.execute("SELECT article_id FROM tandai.records WHERE id = %s", (rec.id,)).fetchone()
    assert row == (aid,)
