"""A real PostgreSQL for the tests: the machine's server binaries in a temporary directory.

``TANDAI_TEST_PG`` (an admin URL, set by .ci/run) reuses a running server; otherwise one is
started for the session (as ``nobody`` when the tests run as root) and removed afterwards. The
tests skip, saying why, only when no server binaries are found. Each test gets a database of
its own; reviewer roles are made once per server.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest

from tests.pg.server import PgServer, find_bindir

REVIEWERS = ("rina", "budi")
ADJUDICATOR = "ayu"


@dataclass
class Cluster:
    admin_url: str
    server: PgServer | None

    def url(self, db: str, user: str | None = None) -> str:
        base = self.admin_url.rsplit("/", 1)[0]
        if user is not None:
            base = base.replace("://tandai_admin@", f"://{user}@", 1)
        return f"{base}/{db}"


@pytest.fixture(scope="session")
def pg_cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    given = os.environ.get("TANDAI_TEST_PG")
    server = None
    if given:
        cluster = Cluster(given, None)
    else:
        if find_bindir() is None:
            pytest.skip("no PostgreSQL server binaries (initdb, pg_ctl): install Debian's postgresql")
        server = PgServer()
        server.start()
        cluster = Cluster(server.url(), server)
    with psycopg.connect(cluster.admin_url, autocommit=True) as conn:
        for role in (*REVIEWERS, ADJUDICATOR):
            try:
                conn.execute(f"CREATE ROLE {role} LOGIN")
            except (psycopg.errors.DuplicateObject, psycopg.errors.UniqueViolation):
                pass
    try:
        yield cluster
    finally:
        if server is not None:
            server.remove()


@pytest.fixture()
def pg_url(pg_cluster: Cluster, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A new, empty database (no tandai schema yet); the admin's URL. Caches go under tmp_path."""
    name = "t_" + uuid.uuid4().hex[:12]
    monkeypatch.setenv("TANDAI_CACHE", str(tmp_path / "cache"))
    with psycopg.connect(pg_cluster.admin_url, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    try:
        yield pg_cluster.url(name)
    finally:
        with psycopg.connect(pg_cluster.admin_url, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture()
def team_url(pg_url: str, pg_cluster: Cluster) -> str:
    """A database with the tandai schema, rina and budi reviewers, ayu an adjudicator."""
    from store.pg import add_member, init_database

    init_database(pg_url)
    for role in REVIEWERS:
        add_member(pg_url, role)
    add_member(pg_url, ADJUDICATOR, adjudicator=True)
    return pg_url


@pytest.fixture()
def filled(team_url: str) -> str:
    """The team database with the bundled samples ingested (by the owner)."""
    import store

    with store.open(team_url) as st:
        assert st.ingest([store.samples_dir()]).added > 30
    return team_url


def as_role(url: str, role: str) -> str:
    return url.replace("://tandai_admin@", f"://{role}@", 1)


def drafted(st: object, article_id: str) -> dict[str, object]:
    """A record's fields as the workbench would pre-fill them from the article's first
    sentence, with a type and unit when the pre-fill leaves them to the reviewer."""
    draft = st.draft_record(article_id, 0, 40)  # type: ignore[attr-defined]
    return {**draft, "type": draft.get("type") or "patrol", "unit": draft.get("unit") or "Polres Bontang"}
