"""What every ``tandai`` command shares: the user error, the reviewer, opening the store, output."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import NoReturn, TypeAlias

from rich.console import Console

import store
from store.errors import StoreError
from store.model import MAX_LIMIT, check_reviewer
from store.paths import resolve_store

from ..safe import safe_line

#: what ``register`` receives: the ``tandai`` subcommand table
Subcommands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


class UserError(Exception):
    """Reported as one line on stderr with exit code 1."""


def checked_reviewer(name: object, where: str) -> str:
    try:
        return check_reviewer(name)
    except StoreError as exc:
        raise UserError(f"{where}: {exc}") from exc


def reviewer_name(args: argparse.Namespace) -> str:
    """--reviewer, $TANDAI_REVIEWER, the saved name, the login; checked (it is stamped on records)."""
    if getattr(args, "reviewer", None) is not None:
        return checked_reviewer(args.reviewer, "--reviewer")
    env = os.environ.get("TANDAI_REVIEWER")
    if env:
        return checked_reviewer(env, "$TANDAI_REVIEWER")
    from ..config import config_path, load_config

    name = load_config().get("reviewer")
    if name:
        return checked_reviewer(name, f"the reviewer in {config_path()}")
    try:
        return check_reviewer(getpass.getuser())
    except Exception:  # noqa: BLE001 - no (usable) user name on this system
        return "reviewer"


def open_store(args: argparse.Namespace, read_only: bool = False, existing: bool = False,
               writing: bool = False) -> store.Store:
    """The store of ``--store``; ``existing``: refuse to create one (as ``read_only`` does);
    ``writing``: one that another process holds is refused in one line (not opened read-only)."""
    path = resolve_store(args.store)
    local = not isinstance(path, str)  # a postgresql:// URL is checked when it is opened
    found = local and ((path / "tandai.json").exists() or (path / "corpus").is_dir())
    if (read_only or existing) and local and not found:
        raise UserError(f"no store at {path} (create one with `tandai ingest PATH` or `tandai demo`)")
    st = store.open(path, reviewer=reviewer_name(args), read_only=read_only)
    if writing and not st.writable:
        st.close()
        raise UserError(st.notice or f"{path} is open read-only")
    if st.notice:
        print(safe_line(st.notice), file=sys.stderr)
    return st


def named(paths: list[str], what: str) -> str:
    """A command's sources in its undo label: their names when few, else how many."""
    if len(paths) > 3:
        return f"{len(paths)} {what}s"
    return ", ".join(Path(p).name or p for p in paths)[:120]


def console_for(args: argparse.Namespace) -> Console:
    """Rich output; piped output is not wrapped at 80 columns (scripts read it)."""
    width = None if sys.stdout.isatty() else 200
    return Console(highlight=False, markup=False, emoji=False, width=width)


def limit_arg(text: str) -> int:
    """--limit: 1 … MAX_LIMIT (0 panicked in tantivy, -1 dropped a hit, huge overflowed)."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1 <= value <= MAX_LIMIT:
        shown = safe_line(text)[:30]
        raise argparse.ArgumentTypeError(f"must be a whole number from 1 to {MAX_LIMIT}, not {shown!r}")
    return value


class Parser(argparse.ArgumentParser):
    """argparse echoes what it could not parse (``unrecognized arguments: …``) raw: escaped here."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {safe_line(message)}\n")


def workbench(path: Path, args: argparse.Namespace) -> int:
    """Open the Textual workbench; Textual is imported only here, so headless commands start fast."""
    from ..app import run_app

    served = bool(getattr(args, "served", False))  # a browser session of `tandai serve`
    return run_app(path, reviewer=getattr(args, "reviewer", None), served=served)
