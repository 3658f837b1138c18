"""What the workbench tests do between key presses, written once."""

from __future__ import annotations

from textual.pilot import Pilot

from tui.app import TandaiApp


async def settle(pilot: Pilot, app: TandaiApp) -> None:
    """Let the keys pressed so far, and the workers they started, finish."""
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def type_text(pilot: Pilot, text: str) -> None:
    """Type text as a reviewer would (a space is the key called space)."""
    await pilot.press(*[{" ": "space"}.get(c, c) for c in text])
