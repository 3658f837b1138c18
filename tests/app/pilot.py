"""What the workbench tests do between key presses, written once."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TypeVar

from textual.pilot import Pilot
from textual.screen import Screen
from textual.worker import WorkerCancelled

from tui.app import TandaiApp
from tui.widgets.reader import Reader


async def settle(pilot: Pilot, app: TandaiApp) -> None:
    """Let the keys pressed so far, and the workers they started, finish."""
    await pilot.pause()
    for _ in range(5):  # a worker cancelled by a newer one (a second open) ends the wait early
        try:
            await app.workers.wait_for_complete()
            break
        except WorkerCancelled:
            await pilot.pause()
    await pilot.pause()


S = TypeVar("S", bound=Screen[object])


async def screen_by_key(pilot: Pilot, app: TandaiApp, key: str, kind: type[S]) -> S:
    """From the workbench as it opens: Esc, then ``key``, as a reviewer presses them; the screen that
    opens, checked to be a ``kind``."""
    await settle(pilot, app)
    await pilot.press("escape", key)
    await settle(pilot, app)
    assert isinstance(app.screen, kind), app.screen
    return app.screen


async def type_text(pilot: Pilot, text: str) -> None:
    """Type text as a reviewer would (a space is the key called space)."""
    await pilot.press(*[{" ": "space"}.get(c, c) for c in text])


async def open_article(pilot: Pilot, app: TandaiApp, query: str) -> None:
    """Search for ``query`` and open the top hit with Enter, as a reviewer does."""
    await settle(pilot, app)
    await pilot.press("escape", "slash")
    await type_text(pilot, query)
    await settle(pilot, app)
    await pilot.press("enter")
    await settle(pilot, app)


@asynccontextmanager
async def workbench(path: Path, query: str | None = None, size: tuple[int, int] = (160, 50),
                    reviewer: str = "rina") -> AsyncIterator[tuple[TandaiApp, Pilot]]:
    """The workbench on the store at ``path`` as ``reviewer``, with the top hit of ``query`` open."""
    app = TandaiApp(path, reviewer=reviewer, config={})
    async with app.run_test(size=size) as pilot:
        if query is not None:
            await open_article(pilot, app, query)
        yield app, pilot


def open_id(app: TandaiApp) -> str:
    """The id of the article open in the workbench."""
    assert app.workbench.article is not None, "no article is open"
    return app.workbench.article.id


async def to_sentence(pilot: Pilot, app: TandaiApp, needle: str) -> int:
    """Move the reader's sentence cursor (j/k) to the sentence holding ``needle``; the keys used."""
    reader = app.query_one(Reader)
    article = app.workbench.article
    assert article is not None
    target = article.text.index(needle)
    keys = 0
    for _ in range(200):
        start, end = reader.current_sentence()
        if start <= target < end:
            return keys
        await pilot.press("j" if start < target else "k")
        keys += 1
    raise AssertionError(f"no sentence holds {needle!r}")


def screen_text(app: TandaiApp) -> str:
    """What the terminal would be sent for the current screen, as plain text."""
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(seg.text for seg in strip) for strip in strips)


def messages(app: TandaiApp) -> list[str]:
    """Every notification shown so far, those whose toast has gone too (a loaded machine runs a test
    past a notification's timeout: CI at 1e863f1 lost two that way)."""
    return [str(m) for m in app.said]


async def save_search_dialog(pilot: Pilot, app: TandaiApp, query: str) -> None:
    """From the workbench: search ``query``, then the palette's "Save the current search", its name
    dialog open and waiting for the name."""
    await pilot.press("escape", "slash")
    await type_text(pilot, query)
    await settle(pilot, app)
    await pilot.press("ctrl+p")
    await type_text(pilot, "Save the current search")
    await pilot.press("enter")
    await settle(pilot, app)



async def save_search_as(pilot: Pilot, app: TandaiApp, query: str, name: str) -> None:
    """Search ``query`` and save it as ``name`` through the palette, as a reviewer does."""
    await save_search_dialog(pilot, app, query)
    await type_text(pilot, name)
    await pilot.press("enter")
    await settle(pilot, app)
