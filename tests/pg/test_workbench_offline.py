"""The workbench when the database goes away: it says so, the text being typed is kept, and
once the server is back the same Enter saves it."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import psycopg
import pytest
from textual.widgets import Input

import store
from tests.app.pilot import open_article, settle, type_text
from tests.pg.server import PgServer, find_bindir
from tui.app import TandaiApp

pytestmark = pytest.mark.skipif(find_bindir() is None, reason="no PostgreSQL server binaries")


def said(app: TandaiApp, text: str) -> bool:
    return any(text in m for m in app.said)


async def wait_for(pilot, app: TandaiApp, text: str, seconds: float = 10) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    while not said(app, text) and time.perf_counter() - start < seconds:
        await pilot.pause(0.05)
    assert said(app, text), f"never said {text!r}"
    return time.perf_counter() - start


async def test_connection_lost_retrying_keeps_the_typed_change(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TANDAI_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    server = PgServer()  # its own: it is killed
    server.start()
    try:
        with psycopg.connect(server.url(), autocommit=True) as conn:
            conn.execute("CREATE DATABASE team")
        url = server.url("team")
        from store.pg import init_database

        init_database(url)
        with store.open(url) as st:
            st.ingest([store.samples_dir()])
        app = TandaiApp(url, reviewer="owner", config={})  # the role decides; no name asked
        async with app.run_test(size=(160, 45)) as pilot:
            await open_article(pilot, app, "Balocci")
            await pilot.press("a")
            await settle(pilot, app)
            [rec] = app.owner.records(app.workbench.article.id)
            await asyncio.sleep(0.3)
            server.kill()
            await wait_for(pilot, app, "Connection to the database lost, retrying")
            notes = app.query_one("#field-notes", Input)
            notes.focus()
            await type_text(pilot, "dicatat saat server mati")
            await pilot.press("enter")
            await settle(pilot, app)
            assert notes.value == "dicatat saat server mati"  # the typed change is still there
            assert said(app, "this change is not saved yet")  # the save was refused, saying why
            server.start()
            await wait_for(pilot, app, "Connected to the database again")
            notes.focus()
            await pilot.press("enter")
            await settle(pilot, app)
        with store.open(url) as st:
            assert st.record(rec.id).notes == "dicatat saat server mati"
    finally:
        server.remove()
