"""The workbench's ingest dialog on a folder big enough for the worker processes (``POOL_THRESHOLD``
documents or more). Inside Textual ``sys.stderr`` is a capture whose ``fileno()`` is -1, and the pool's
resource tracker handed that to ``fork_exec``: every such ingest failed with "bad value(s) in
fds_to_keep", said only in a fading toast, the dialog's bar spinning on. ``tandai serve`` runs this
same workbench (``python -m tui.cli --served``: ``run_app``), so its browser ingest took the same path."""

from __future__ import annotations

import asyncio
import json
import os
import resource
import subprocess
import sys
from multiprocessing import resource_tracker
from pathlib import Path
from typing import Any

from textual.widgets import ProgressBar

from store.ingest import POOL_THRESHOLD
from tests.app.pilot import settle, type_text
from tests.app.test_serve_ingest import open_dialog
from tests.conftest import ROOT
from tui.app import TandaiApp
from tui.screens.dialogs import IngestScreen

PLACES = ["Bontang", "Samarinda", "Garut", "Kendal", "Tuban", "Gowa", "Kupang", "Sleman", "Poso", "Ende"]


def article(i: int) -> str:
    """A small article, numbered (those alike but for the number are linked as copies: still added)."""
    place = PLACES[i % len(PLACES)]
    return (f"Polres {place} Gelar Patroli Nomor {i} Jelang Pilkada 2024\n\n"
            f"{place} – Polres {place} menerjunkan {i + 20} personel untuk patroli malam ke-{i} di "
            f"Kecamatan {place} Utara pada Senin (25/11/2024) menjelang pemungutan suara.\n\n"
            f"Kapolres {place} mengatakan patroli nomor {i} akan terus dilakukan hingga rekapitulasi.\n")


def write_folder(folder: Path, n: int) -> Path:
    folder.mkdir()
    for i in range(n):
        (folder / f"berita-{i:04d}.txt").write_text(article(i), encoding="utf-8")
    return folder


async def ingest_through_the_dialog(folder: Path, store_path: Path) -> dict[str, object]:
    """On a new store: ``i``, the folder typed, Enter, as a reviewer does; what the dialog then shows."""
    app = TandaiApp(store_path, reviewer="rina", config={})
    async with app.run_test(size=(160, 50)) as pilot:
        await open_dialog(pilot, app)
        assert isinstance(app.screen, IngestScreen)
        await type_text(pilot, str(folder))
        await pilot.press("enter")
        await settle(pilot, app)
        bar = app.screen.query_one("#ingest-progress", ProgressBar)
        return {"status": str(app.screen.query_one("#ingest-status").render()), "count": app.owner.count(),
                "bar_full": bar.total is not None and bar.progress >= bar.total,
                "bar_stopped": bar.total is not None, "said": list(app.said)[-3:],
                "pool": resource_tracker._resource_tracker._pid is not None}  # the workers' helper ran


def in_a_fresh_interpreter(folder: Path, store_path: Path, config_home: Path,
                           file_size_limit: int | None = None) -> dict[str, Any]:
    """``ingest_through_the_dialog`` in a new Python: a resource tracker started by an earlier test in
    this one (an ingest from a thread) would hide the failure; a file size limit is the process's."""
    argv = [sys.executable, "-m", "tests.app.test_ingest_pool", str(folder), str(store_path)]
    run = subprocess.run(argv + ([str(file_size_limit)] if file_size_limit else []), cwd=ROOT,
                         capture_output=True, text=True, timeout=240,
                         env={**os.environ, "XDG_CONFIG_HOME": str(config_home)})
    assert run.returncode == 0, run.stderr[-2000:]
    shown: dict[str, Any] = json.loads(run.stdout.strip().splitlines()[-1])
    return shown


def test_the_dialog_ingests_a_folder_of_250_articles(tmp_path: Path, config_home: Path) -> None:
    n = 250
    assert n >= POOL_THRESHOLD  # the worker processes prepare them
    folder = write_folder(tmp_path / "berita", n)
    shown = in_a_fresh_interpreter(folder, tmp_path / "s", config_home)
    assert f"{n} added" in shown["status"], shown
    assert shown["count"] == n and shown["bar_full"] and shown["pool"], shown


def test_an_ingest_that_fails_says_so_in_the_dialog(tmp_path: Path, config_home: Path) -> None:
    """Files may grow to 64 KiB only (``ulimit -f``): the first shard of 250 articles cannot be written.
    The dialog says why and stops its bar (before: a toast that faded, an empty status line, the bar
    spinning as if the ingest went on)."""
    folder = write_folder(tmp_path / "berita", 250)
    shown = in_a_fresh_interpreter(folder, tmp_path / "s", config_home, file_size_limit=64 * 1024)
    assert shown["status"].startswith("Ingest failed: "), shown
    assert "File too large" in shown["status"] and "(Esc closes)" in shown["status"], shown
    assert shown["count"] == 0 and shown["bar_stopped"], shown


if __name__ == "__main__":
    if len(sys.argv) > 3:
        resource.setrlimit(resource.RLIMIT_FSIZE, (int(sys.argv[3]), resource.RLIM_INFINITY))
    print(json.dumps(asyncio.run(ingest_through_the_dialog(Path(sys.argv[1]), Path(sys.argv[2])))))
