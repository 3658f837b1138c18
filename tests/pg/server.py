"""A throwaway PostgreSQL server for the tests, .ci/run and bench/bench_pg.py.

It runs the machine's own server binaries (``initdb``, ``pg_ctl``) in a temporary directory, on
a free loopback port with trust authentication, and is stopped and deleted afterwards. PostgreSQL
refuses to run as root, so as root the data directory is handed to an unprivileged user
(``nobody``) and the binaries run as that user through ``runuser``.

    python -m tests.pg.server start DIR   # prints the admin URL; the server keeps running
    python -m tests.pg.server stop DIR
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ADMIN = "tandai_admin"
UNPRIVILEGED = "nobody"


def find_bindir() -> Path | None:
    """The newest PostgreSQL server binaries on this machine (Debian's layout first), or None."""
    env = os.environ.get("TANDAI_PG_BINDIR")
    candidates = [env] if env else []
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=_version, reverse=True)
    found = shutil.which("pg_ctl")
    if found:
        candidates.append(str(Path(found).parent))
    for c in candidates:
        if c and (Path(c) / "initdb").exists() and (Path(c) / "pg_ctl").exists():
            return Path(c)
    return None


def _version(path: str) -> float:
    try:
        return float(Path(path).parent.name)
    except ValueError:
        return 0.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PgServer:
    """One server in ``root`` (created when missing); ``url(db, user)`` connects to it."""

    def __init__(self, root: Path | None = None, bindir: Path | None = None) -> None:
        found = bindir or find_bindir()
        if found is None:
            raise RuntimeError("no PostgreSQL server binaries (initdb, pg_ctl) on this machine")
        self.bindir = found
        self.root = Path(root) if root else Path(tempfile.mkdtemp(prefix="tandai-pg-"))
        self.root.mkdir(parents=True, exist_ok=True)  # its parents must let the server's user through
        self.data = self.root / "data"
        self.sockets = self.root / "sock"
        self.log = self.root / "server.log"
        port_file = self.root / "port"
        self.port = int(port_file.read_text()) if port_file.exists() else free_port()
        port_file.write_text(str(self.port))
        self.as_root = os.geteuid() == 0

    # -- running the binaries as someone who is not root ----------------------------------------

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        cmd = [str(self.bindir / args[0]), *args[1:]]
        if self.as_root:
            cmd = ["runuser", "-u", UNPRIVILEGED, "--", *cmd]
        return subprocess.run(cmd, check=check, capture_output=True, text=True, cwd="/")

    def _own(self) -> None:
        if self.as_root:
            shutil.chown(self.root, UNPRIVILEGED)
            for path in self.root.rglob("*"):
                shutil.chown(path, UNPRIVILEGED)
            self.root.chmod(0o700)

    def init(self) -> None:
        if (self.data / "PG_VERSION").exists():
            return
        self.sockets.mkdir(parents=True, exist_ok=True)
        self._own()
        self._run("initdb", "-D", str(self.data), "-U", ADMIN, "--auth=trust", "-E", "UTF8",
                  "--locale=C", "--no-sync")

    def start(self) -> None:
        self.init()
        if self.running():
            return
        opts = (f"-p {self.port} -k {self.sockets} -c listen_addresses=127.0.0.1 "
                "-c max_connections=200 -c shared_buffers=64MB")
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-o", opts, "-w", "-t", "60", "start")

    def running(self) -> bool:
        return self._run("pg_ctl", "-D", str(self.data), "status", check=False).returncode == 0

    def stop(self, mode: str = "fast") -> None:
        if self.data.exists():
            self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop", check=False)

    def kill(self) -> None:
        """SIGKILL the postmaster and its children (a crash, not a shutdown)."""
        pid_file = self.data / "postmaster.pid"
        pid = int(pid_file.read_text().split()[0])
        children = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()
        os.kill(pid, 9)
        for c in children:
            try:
                os.kill(int(c), 9)
            except ProcessLookupError:
                pass
        for _ in range(100):  # wait for the port to be free
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                break
            time.sleep(0.05)

    def remove(self) -> None:
        self.stop()
        shutil.rmtree(self.root, ignore_errors=True)

    def url(self, db: str = "postgres", user: str = ADMIN) -> str:
        return f"postgresql://{user}@127.0.0.1:{self.port}/{db}"


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in ("start", "stop"):
        print("usage: python -m tests.pg.server start|stop DIR", file=sys.stderr)
        return 2
    root = Path(argv[1])
    if argv[0] == "start":
        root.mkdir(parents=True, exist_ok=True)
        server = PgServer(root)
        server.start()
        print(server.url())
    else:
        PgServer(root).remove()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
