"""`tandai serve` in a real browser: the installed command serves the workbench on a free
loopback port, headless chromium (Debian's, driven by Playwright; no browser download) opens
it, searches, opens an article, adds a record and marks it done with the keys a reviewer
presses; the store then holds the record. A second browser session opens read-only: its keys
change nothing. The server is started and stopped here.

The page draws the terminal on a canvas, so what a step did is read from the store (read-only,
as a second process would), not from the page. ``TANDAI_SERVE_SCREENSHOT=docs/serve.png``
also writes the screenshot the README shows.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

import store

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e '.[test]')")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="no chromium found: `apt-get install -y chromium` (.ci/run installs it)"
)

TANDAI = Path(sys.executable).with_name("tandai")
QUERY = "apel lombok"
TITLE = "Polres Lombok Timur Gelar Apel"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for(check: Callable[[], Any], what: str, timeout: float = 30.0) -> Any:
    """Poll until ``check()`` is truthy; the browser and the session process run on their own."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.25)
    raise AssertionError(f"timed out waiting for {what}")


def read(path: Path, fn: Callable[[store.Store], Any]) -> Any:
    with store.open(path, reviewer="rina", read_only=True) as st:
        return fn(st)


@pytest.fixture()
def served(sample_store_path: Path, tmp_path: Path) -> Iterator[tuple[str, Path]]:
    # a folder name a shell would run: each session's command must not
    path = tmp_path / "the store $(touch pwned); `touch pwned2`"
    shutil.copytree(sample_store_path, path)
    port = free_port()
    log = (tmp_path / "serve.log").open("w")
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "config")}
    proc = subprocess.Popen(
        [str(TANDAI), "--store", str(path), "--reviewer", "rina", "serve", "--port", str(port)],
        stdout=log, stderr=subprocess.STDOUT, env=env, cwd=tmp_path,
    )
    try:
        def listening() -> bool:
            assert proc.poll() is None, (tmp_path / "serve.log").read_text()
            with socket.socket() as s:
                return s.connect_ex(("127.0.0.1", port)) == 0

        wait_for(listening, "the server to listen")
        # the address it prints holds this run's secret: a browser without it gets no session
        printed = wait_for(lambda: re.search(r"serving the workbench on (\S+)", (tmp_path / "serve.log").read_text()),
                           "the printed address")
        yield printed.group(1), path
    finally:
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)
        log.close()
    assert not list(tmp_path.glob("pwned*")) and not list(Path.cwd().glob("pwned*"))


def open_session(browser: Any, url: str, foreign: list[str]) -> Any:
    """A tab on the served address; every request (and websocket) for another origin is refused and
    written in ``foreign``: a reviewer's browser must tell no third party (and work offline)."""
    page = browser.new_page(viewport={"width": 1600, "height": 1000})
    own = urlsplit(url).netloc

    def judge(route: Any) -> None:
        if urlsplit(route.request.url).netloc == own:
            route.continue_()
        else:
            foreign.append(route.request.url)
            route.abort()

    page.route("**/*", judge)
    page.on("websocket", lambda ws: None if urlsplit(ws.url).netloc == own else foreign.append(ws.url))
    page.goto(url)
    page.wait_for_selector("body.-first-byte", timeout=30_000)  # the workbench drew its first frame
    page.click("#terminal")
    return page


def keys(page: Any, *names: str, pause: float = 0.4) -> None:
    for name in names:
        page.keyboard.press(name)
        time.sleep(pause)


def test_serve_codes_an_article_in_a_real_browser(served: tuple[str, Path], tmp_path: Path) -> None:
    url, path = served
    lombok = read(path, lambda st: st.search(QUERY, limit=1).hits[0])
    assert read(path, lambda st: st.article(lombok).title).startswith(TITLE)
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True)
        try:
            foreign: list[str] = []
            page = open_session(browser, url, foreign)
            # the terminal's font comes from the server (textual-serve's own page fetched it from Google)
            faces = page.evaluate("""document.fonts.load('16px "Roboto Mono"').then(f => f.length)""")
            assert faces >= 1, "the page's font did not load from the server"
            time.sleep(2)  # the workbench's first search settles
            keys(page, "Escape", "/")
            page.keyboard.type(QUERY, delay=60)
            time.sleep(1.5)
            keys(page, "Enter", pause=2)  # opens the top hit; the reader has the focus
            keys(page, "j", "j", "a", pause=0.8)  # README: Enter j j a Esc D
            records = wait_for(lambda: read(path, lambda st: st.records(lombok)), "the record in the store")
            keys(page, "Escape", "D", pause=0.8)
            wait_for(lambda: read(path, lambda st: st.status(lombok, "rina")) == "done", "status done")
            time.sleep(1)
            shot = tmp_path / "serve.png"
            page.screenshot(path=str(shot))
            assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000
            if os.environ.get("TANDAI_SERVE_SCREENSHOT"):
                shutil.copyfile(shot, os.environ["TANDAI_SERVE_SCREENSHOT"])

            # a second session while the first holds the writer lock: read-only, keys change nothing
            second = open_session(browser, url, foreign)
            time.sleep(2)
            other = read(path, lambda st: st.search("kapolres lotim kosong", limit=1).hits[0])
            keys(second, "Escape", "/")
            second.keyboard.type("kapolres lotim kosong", delay=60)
            time.sleep(1.5)
            keys(second, "Enter", "D", pause=1.5)
            second.screenshot(path=str(tmp_path / "serve-second.png"))
            assert read(path, lambda st: st.status(other, "rina")) == "todo"
            assert foreign == [], f"the page asked another host: {foreign}"
        finally:
            browser.close()

    [record] = records
    assert record.reviewer == "rina" and record.evidence and record.unit  # pre-filled from the sentence
    # the sessions end with the browser: the record is there and the writer lock is free again
    def reopened() -> bool:
        with store.open(path, reviewer="rina") as st:
            return st.writable and len(st.records(lombok)) == 1 and st.status(lombok) == "done"

    assert wait_for(reopened, "the store to be free and hold the record")
