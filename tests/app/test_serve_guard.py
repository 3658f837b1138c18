"""``tandai serve`` gives a session only to the browser holding the address it printed (red team, session
26: any web page, any name resolving to 127.0.0.1 and any other user of the machine could open the
workbench's websocket and, through its ingest dialog, read files as the serving user), and a session
it gives ingests only from the folder named with ``--ingest-dir`` (before, the holder of the address
could ingest any file the serving user can read). Its page loads nothing from another host. The real
``tandai serve`` process, spoken to over HTTP and its websocket as a browser and as an attacker would."""

from __future__ import annotations

import asyncio
import base64
import http.client
import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import aiohttp
import pytest

import store

TANDAI = Path(sys.executable).with_name("tandai")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture()
def served(sample_store_path: Path, tmp_path: Path) -> Iterator[tuple[int, str]]:
    with serving(sample_store_path, tmp_path) as port_token:
        yield port_token


@contextmanager
def serving(store_path: Path, tmp_path: Path, *options: str) -> Iterator[tuple[int, str]]:
    """``tandai serve`` on a free port with ``options``: its port and the secret it printed."""
    port = _free_port()
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        proc = subprocess.Popen([str(TANDAI), "--store", str(store_path), "--reviewer", "rina", "serve",
                                 "--port", str(port), *options], stdout=out, stderr=subprocess.STDOUT,
                                env={**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "config")})
        try:
            deadline = time.monotonic() + 30
            while not (m := re.search(r"\?token=([\w-]+)", log.read_text())):
                assert proc.poll() is None and time.monotonic() < deadline, log.read_text()
                time.sleep(0.2)
            yield port, m.group(1)
        finally:
            proc.terminate()
            proc.wait(15)


def _get(port: int, path: str, headers: dict[str, str] | None = None) -> http.client.HTTPResponse:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request("GET", path, headers=headers or {})
    return conn.getresponse()


def _websocket(port: int, origin: str | None, cookie: str | None, host: str | None = None) -> int:
    """The status of a websocket handshake on /ws (101: a workbench session opened)."""
    headers = {"Connection": "Upgrade", "Upgrade": "websocket", "Sec-WebSocket-Version": "13",
               "Sec-WebSocket-Key": base64.b64encode(os.urandom(16)).decode()}
    if origin is not None:
        headers["Origin"] = origin
    if cookie is not None:
        headers["Cookie"] = cookie
    if host is not None:
        headers["Host"] = host
    return _get(port, "/ws?width=80&height=24", headers).status


def test_only_the_printed_address_opens_a_session(served: tuple[int, str]) -> None:
    port, token = served
    assert _get(port, "/").status == 403  # no secret: no page
    page = _get(port, f"/?token={token}")
    assert page.status == 200
    cookie = page.getheader("Set-Cookie") or ""
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
    held = cookie.split(";")[0]
    own = f"http://127.0.0.1:{port}"
    assert _websocket(port, own, held) == 101  # the page's own websocket
    assert _websocket(port, own, None) == 403  # another user of the machine: no secret
    assert _websocket(port, own, "tandai_session=guessed") == 403
    # a page of another site (another port of localhost is the same *site*: the cookie is sent)
    assert _websocket(port, "http://localhost:9999", held) == 403
    assert _websocket(port, "https://evil.example", held) == 403
    # DNS rebinding: a name of the attacker's that resolves to 127.0.0.1
    assert _websocket(port, f"http://evil.example:{port}", held, host=f"evil.example:{port}") == 403
    assert _get(port, f"/?token={token}", {"Host": f"evil.example:{port}"}).status == 403
    assert _get(port, "/static/js/textual.js").status == 200  # the page's script holds no data


def test_the_page_loads_nothing_from_another_host(served: tuple[int, str]) -> None:
    """textual-serve's own page loads its font from fonts.googleapis.com: a reviewer's browser told a
    third party each time it opened the workbench, and waited on it offline (an SSH tunnel)."""
    port, token = served
    page = _get(port, f"/?token={token}")
    assert page.status == 200
    html = page.read().decode()
    urls = re.findall(r"""(?:https?|wss?)://[^\s"'<>)]+""", html)
    assert urls, html  # the page names its scripts and its websocket: absolute, on this server
    assert [u for u in urls if urlsplit(u).netloc != f"127.0.0.1:{port}"] == []
    assert "googleapis" not in html
    for asset in re.findall(r"""(?:href|src)=["']([^"']+)""", html) + re.findall(r'url\("([^"]+)', html):
        assert _get(port, urlsplit(asset).path).status == 200, asset  # the font and script it names are served


def test_the_page_may_not_be_framed_reach_other_hosts_or_leak_its_address(served: tuple[int, str]) -> None:
    """A page of another site could frame the workbench (a click on the frame is a click in it), a
    script injected into the page could send what it reads anywhere, and the page's address holds the
    run's secret: the page's headers forbid all three, with the cookie and the token both ways in."""
    port, token = served
    first = _get(port, f"/?token={token}")
    held = (first.getheader("Set-Cookie") or "").split(";")[0]
    for page in (first, _get(port, "/", {"Cookie": held})):
        assert page.status == 200
        policy = {d.split()[0]: d.split()[1:] for d in (page.getheader("Content-Security-Policy") or "").split("; ")}
        assert policy["frame-ancestors"] == ["'none'"] and policy["default-src"] == ["'self'"], policy
        assert policy["connect-src"] == ["'self'"] and policy["base-uri"] == ["'none'"], policy
        assert page.getheader("X-Frame-Options") == "DENY"
        assert page.getheader("Referrer-Policy") == "no-referrer"


SECRET = "Dokumen Rahasia Zulkarnaenqx\n\nPolres Contoh menyimpan dokumen zulkarnaenqx di lemari besi.\n"
INSIDE = "Patroli Malam Wirabhumiqx\n\nPolres Contoh menggelar patroli wirabhumiqx di Desa Maju.\n"
ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07]*\x07|[@-Z\\-_])")


def _has(path: Path, word: str) -> bool:
    with store.open(path, reviewer="rina", read_only=True) as st:  # the session holds the writer lock
        return bool(st.search(word, limit=1).hits)


class Session:
    """A browser's workbench session over the real websocket: keys in, the screen's text out."""

    def __init__(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        self.ws, self.seen = ws, ""

    async def read(self) -> None:
        async for message in self.ws:
            if message.type == aiohttp.WSMsgType.BINARY:
                self.seen += ANSI.sub("", message.data.decode("utf-8", "replace"))

    async def keys(self, text: str, pause: float = 0.3) -> None:
        await self.ws.send_json(["stdin", text])
        await asyncio.sleep(pause)

    async def until(self, check: Callable[[], bool], what: str, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while not check():
            assert time.monotonic() < deadline, f"timed out waiting for {what}; the screen: {self.seen[-2000:]}"
            await asyncio.sleep(0.2)


@asynccontextmanager
async def session(port: int, token: str) -> AsyncIterator[Session]:
    cookie = (_get(port, f"/?token={token}").getheader("Set-Cookie") or "").split(";")[0]
    headers = {"Cookie": cookie, "Origin": f"http://127.0.0.1:{port}"}
    async with aiohttp.ClientSession() as http, http.ws_connect(
            f"http://127.0.0.1:{port}/ws?width=160&height=50", headers=headers) as ws:
        s = Session(ws)
        reader = asyncio.create_task(s.read())
        await s.until(lambda: "search" in s.seen, "the workbench's first frame")
        await asyncio.sleep(1)  # its first search settles
        await s.keys("\x1b", pause=0.8)  # Esc: from the search bar to the list, where i is ingest
        try:
            yield s
        finally:
            reader.cancel()


async def test_a_session_without_an_ingest_folder_ingests_nothing(sample_store_path: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    with serving(sample_store_path, tmp_path) as (port, token):
        async with session(port, token) as s:
            await s.keys("i", pause=1)
            await s.keys(str(secret), pause=0.5)
            await s.keys("\r")
            await s.until(lambda: "Ingest is off" in s.seen or _has(sample_store_path, "zulkarnaenqx"),
                          "the refusal or the file in the store")
            assert not _has(sample_store_path, "zulkarnaenqx"), "a browser session read a file of the server's"


async def test_a_session_ingests_only_inside_the_ingest_folder(sample_store_path: Path, tmp_path: Path) -> None:
    allowed = tmp_path / "allowed"
    allowed.mkdir()
    (allowed / "inside.txt").write_text(INSIDE, encoding="utf-8")
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    (allowed / "pointer.txt").symlink_to(secret)
    with serving(sample_store_path, tmp_path, "--ingest-dir", str(allowed)) as (port, token):
        assert f"the browser may ingest from {allowed} only" in (tmp_path / "serve.log").read_text()
        async with session(port, token) as s:
            await s.keys("i", pause=1)
            for outside in (str(secret), "pointer.txt", os.path.join("..", secret.name)):
                s.seen = ""
                await s.keys(outside, pause=0.5)
                await s.keys("\r")
                await s.until(lambda: "outside the ingest folder" in s.seen or _has(sample_store_path, "zulkarnaenqx"),
                              "the refusal or the file in the store")
                assert not _has(sample_store_path, "zulkarnaenqx"), f"{outside}: read from outside the folder"
                await s.keys("\x15")  # ctrl+u: the refused path cleared
            await s.keys("inside.txt", pause=0.5)
            await s.keys("\r")
            await s.until(lambda: _has(sample_store_path, "wirabhumiqx"), "the file inside in the store")
        assert not _has(sample_store_path, "zulkarnaenqx")
