"""``tandai serve`` gives a session only to the browser holding the address it printed (red team, session
26: any web page, any name resolving to 127.0.0.1 and any other user of the machine could open the
workbench's websocket and, through its ingest dialog, read files as the serving user). The real
``tandai serve`` process, spoken to over HTTP as a browser and as an attacker would."""

from __future__ import annotations

import base64
import http.client
import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

TANDAI = Path(sys.executable).with_name("tandai")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture()
def served(sample_store_path: Path, tmp_path: Path) -> Iterator[tuple[int, str]]:
    port = _free_port()
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        proc = subprocess.Popen([str(TANDAI), "--store", str(sample_store_path), "--reviewer", "rina", "serve",
                                 "--port", str(port)], stdout=out, stderr=subprocess.STDOUT,
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
