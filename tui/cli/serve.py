"""``tandai serve``: the workbench in a browser, with textual-serve.

Each browser session runs its own ``tandai --store PATH`` process, the same workbench on the
same store with the same rules: the first session takes the writer lock, any other opens
read-only and says so (the status line shows READ-ONLY). Closing a tab ends its process and
frees the lock.

Safe by default: it binds to loopback, and only a browser holding the URL it prints gets a session:
the URL carries a secret made for this run, which the page keeps as a same-site cookie the
session's websocket must show. A page from another site (its websocket's Origin), a name that only
resolves here (the Host: DNS rebinding) and another user of the machine (who never saw the URL) are
refused: each would drive a workbench as the serving user. Another address needs ``--public`` and
gets a warning.

What a session may read is the server's to say: its ingest dialog reads only inside the folder given
with ``--ingest-dir`` (links followed; ``tui.ingest_rule``), and without one ingests nothing. The
page is our own template (``tui/serve_templates``): it loads nothing from another host.
"""

from __future__ import annotations

import argparse
import hmac
import ipaddress
import os
import secrets
import shlex
import socket
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from store.paths import resolve_store

from ..ingest_rule import ENV as INGEST_ENV
from ..safe import safe_line
from .common import Subcommands, UserError, checked_reviewer

ORDER = 45
TEMPLATES = Path(__file__).resolve().parent.parent / "serve_templates"  # the page: no third-party host


def is_loopback(host: str) -> bool:
    """127.0.0.0/8, ::1 and ``localhost``; a name is not trusted to resolve to loopback."""
    if host.casefold() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def workbench_command(reviewer: str | None) -> str:
    """The shell command textual-serve runs per session (through a shell: quoted). ``--served``: the
    session confines its ingest (to ``TANDAI_INGEST_DIR``, or none). The store is passed in
    ``TANDAI_STORE``, not on the command line, where ``ps`` would show a database URL's password."""
    argv = [sys.executable, "-m", "tui.cli", "--served"]
    if reviewer is not None:
        argv += ["--reviewer", reviewer]
    return shlex.join(argv)


COOKIE = "tandai_session"


def allowed_hosts(host: str, port: int, public_url: str | None) -> set[str] | None:
    """The ``Host:`` values a request may carry: the loopback names of the port (a page of another name
    resolving to 127.0.0.1, DNS rebinding, is refused) and the public URL's; None when bound to another
    address (its names are the network's; the secret guards it)."""
    named = {urlsplit(public_url).netloc.casefold()} if public_url else set()
    if not is_loopback(host):
        return None
    return named | {f"{h}:{port}" for h in ("127.0.0.1", "localhost", "[::1]", host.casefold())}


# The page's own headers: it may load and connect only to this server (its scripts and styles are
# partly inline), may not be framed by another page (a click on a framed workbench is a click in it),
# and never sends its address, which holds the run's secret, as a referrer.
PAGE_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self' 'unsafe-inline'; "
                               "style-src 'self' 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; "
                               "font-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}


def guard(token: str, hosts: set[str] | None, public_url: str) -> Callable[..., Awaitable[Any]]:
    """aiohttp middleware: the page only with the run's secret (then kept as a same-site cookie), the
    websocket and downloads only with that cookie and from the page's own origin."""
    from aiohttp import web

    origin_ok = {f"{urlsplit(public_url).scheme}://{urlsplit(public_url).netloc}".casefold()}

    def refuse(why: str) -> web.Response:
        return web.Response(status=403, text=f"tandai: {why}\n")

    @web.middleware
    async def middleware(request: web.Request, handler: Callable[[web.Request], Awaitable[Any]]) -> Any:
        host = request.host.casefold()
        if hosts is not None and host not in hosts:
            return refuse("this address is not the one tandai serves")
        if request.path.startswith("/static/"):
            return await handler(request)  # the page's scripts and styles: no data
        held = request.cookies.get(COOKIE, "")
        given = request.query.get("token", "")
        if request.path == "/" and given and hmac.compare_digest(given, token):
            response = await handler(request)
            response.set_cookie(COOKIE, token, httponly=True, samesite="Strict", path="/")
            response.headers.update(PAGE_HEADERS)
            return response
        if not hmac.compare_digest(held, token):
            return refuse("open the address tandai serve printed (it holds this run's secret)")
        origin = request.headers.get("Origin")
        if request.path == "/ws" and origin is not None and origin.casefold() not in (
                origin_ok | {f"{request.scheme}://{host}"}):
            return refuse("a page of another site may not open the workbench")
        response = await handler(request)
        if request.path == "/":
            response.headers.update(PAGE_HEADERS)
        return response

    return middleware


def _port(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if not 1 <= value <= 65535:
        shown = safe_line(text)[:30]
        raise argparse.ArgumentTypeError(f"must be a port number from 1 to 65535, not {shown!r}")
    return value


def ingest_dir(given: str | None) -> str | None:
    """``--ingest-dir``: the real path of an existing folder (links resolved now, so the sessions judge
    paths against the folder that was meant), or None."""
    if given is None:
        return None
    try:
        real = os.path.realpath(os.path.expanduser(given))
        ok = os.path.isdir(real)
    except (OSError, ValueError):
        ok = False
    if not ok:
        raise UserError(f"--ingest-dir: {safe_line(given)[:80]} is not a folder")
    return real


def cmd_serve(args: argparse.Namespace) -> int:
    from textual_serve.server import Server

    path = resolve_store(args.store)
    local = not isinstance(path, str)  # a postgresql:// URL: each session connects on its own
    if local and not (path / "tandai.json").exists():
        raise UserError(f"no store at {path} (create one with `tandai ingest PATH` or `tandai demo`)")
    reviewer = checked_reviewer(args.reviewer, "--reviewer") if args.reviewer is not None else None
    shown = f"the store at {safe_line(str(path))}" if local else "the PostgreSQL store"
    if not is_loopback(args.host):
        if not args.public:
            raise UserError(f"{safe_line(args.host)} is not a loopback address: anyone who reaches it could "
                            "read and change the store; add --public to serve it anyway")
        print(f"tandai: WARNING: serving on {safe_line(args.host)}:{args.port} with no login: anyone who can "
              f"reach this port can read and change {shown}", file=sys.stderr)
    ingest = ingest_dir(args.ingest_dir)
    public_url = args.public_url
    if public_url is None and args.host in ("0.0.0.0", "::"):
        public_url = f"http://{socket.getfqdn()}:{args.port}"  # the page's websocket must be reachable

    token = secrets.token_urlsafe(24)
    hosts = allowed_hosts(args.host, args.port, public_url)

    class TandaiServer(Server):
        async def _make_app(self) -> Any:
            app = await super()._make_app()
            app.middlewares.append(guard(token, hosts, self.public_url))
            return app

        async def on_startup(self, app: object) -> None:  # textual-serve prints the command as markup
            print(f"tandai: serving the workbench on {safe_line(self.public_url)}/?token={token} for {shown} "
                  "(open this address; Ctrl+C stops)", flush=True)
            if ingest is None:
                print("tandai: ingest from the browser is off (--ingest-dir FOLDER allows it from FOLDER)",
                      flush=True)
            else:
                print(f"tandai: the browser may ingest from {safe_line(ingest)} only", flush=True)

    # each session's process inherits the environment (and the working folder)
    os.environ["TANDAI_STORE"] = os.path.abspath(os.path.expanduser(path)) if local else str(path)
    if ingest is None:
        os.environ.pop(INGEST_ENV, None)  # one left in the serving shell's environment allows nothing
    else:
        os.environ[INGEST_ENV] = ingest
    server = TandaiServer(workbench_command(reviewer), host=args.host, port=args.port, title="tandai",
                          public_url=public_url, templates_path=TEMPLATES)
    server.serve()
    return 0


def register(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("serve", parents=[common], help="the workbench in a browser (textual-serve)",
                       description="Serve the workbench in a browser. One writer: the first session "
                       "writes, every other opens read-only and says so.")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1, loopback only)")
    p.add_argument("--port", type=_port, default=8000, help="port (default 8000)")
    p.add_argument("--public", action="store_true",
                   help="allow a non-loopback --host (anyone reaching it can read and change the store)")
    p.add_argument("--public-url", metavar="URL", help="the address browsers use (behind a proxy)")
    p.add_argument("--ingest-dir", metavar="FOLDER",
                   help="the only folder a browser session may ingest from (links followed); "
                   "without it the browser cannot ingest")
    p.set_defaults(func=cmd_serve)
