"""Two teams setting up two databases on one fresh server at the same moment: both succeed.

The group roles are cluster-wide, so the second ``CREATE ROLE`` of a race between ``IF NOT
EXISTS`` and ``CREATE`` used to fail one set-up with a unique violation on pg_authid."""

from __future__ import annotations

import threading

import psycopg
import pytest

from store.pg import init_database
from tests.pg.server import PgServer, find_bindir


@pytest.mark.skipif(find_bindir() is None, reason="no PostgreSQL server binaries")
def test_databases_set_up_at_once_on_a_fresh_server_all_succeed() -> None:
    server = PgServer()  # its own: the group roles must not exist yet
    server.start()
    try:
        names = [f"team{i}" for i in range(6)]
        with psycopg.connect(server.url(), autocommit=True) as conn:
            for name in names:
                conn.execute(f"CREATE DATABASE {name}")
        for attempt in range(4):  # the race is narrow: several fresh rounds
            with psycopg.connect(server.url(), autocommit=True) as conn:
                for name in names:  # back to a server without the groups
                    with psycopg.connect(server.url(name), autocommit=True) as db:
                        db.execute("DROP SCHEMA IF EXISTS tandai CASCADE")
                conn.execute("DROP ROLE IF EXISTS tandai_adjudicator")
                conn.execute("DROP ROLE IF EXISTS tandai_reviewer")
            start = threading.Barrier(len(names))
            errors: list[str] = []

            def setup(name: str, start: threading.Barrier, errors: list[str]) -> None:
                start.wait()
                try:
                    init_database(server.url(name))
                except Exception as exc:  # noqa: BLE001 - the test reports every failure
                    errors.append(f"{name}: {exc}")

            threads = [threading.Thread(target=setup, args=(n, start, errors)) for n in names]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            assert errors == [], f"round {attempt}: {errors}"
    finally:
        server.remove()
