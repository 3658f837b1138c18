"""The ``tandai`` command line: the workbench by default, and headless commands over the store.

Exit codes: 0 success, 1 a user error (one line on stderr), 2 bad usage (argparse).
Textual is imported only when the workbench opens, so headless commands start fast.

Each command family is one module here with ``ORDER`` (its place in ``--help``) and
``register(sub, common)``; modules are found by listing the package, so adding a command is
adding a file and touches nothing shared.
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys
from collections.abc import Sequence
from types import ModuleType

from store.errors import StoreError, denied, permission_problem
from store.paths import resolve_store

from ..safe import safe_line
from .common import Parser, UserError, checked_reviewer, workbench

__all__ = ["build_parser", "main"]


def cmd_open(args: argparse.Namespace) -> int:
    if args.reviewer is not None:
        checked_reviewer(args.reviewer, "--reviewer")
    return workbench(resolve_store(args.store), args)


def _command_modules() -> list[ModuleType]:
    found = []
    for info in pkgutil.iter_modules(__path__):
        if info.name in ("common", "__main__"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        if hasattr(module, "register"):
            found.append(module)
    return sorted(found, key=lambda m: (getattr(m, "ORDER", 50), m.__name__))


def build_parser() -> argparse.ArgumentParser:
    def options(dest_prefix: str) -> argparse.ArgumentParser:
        # The command's own copies use other dests, so an option given before the command
        # is not reset by the command's parser; main() merges them.
        common = Parser(add_help=False)
        common.add_argument(
            "--store",
            metavar="PATH",
            dest=f"{dest_prefix}store",
            help="store directory (default: $TANDAI_STORE or the user data directory)",
        )
        common.add_argument(
            "--reviewer",
            metavar="NAME",
            dest=f"{dest_prefix}reviewer",
            help="your name, stamped on records and status",
        )
        return common

    common = options("sub_")
    parser = Parser(
        prog="tandai",
        parents=[options("")],
        description="tandai: a keyboard-first workbench for coding police activity in news articles. "
        "Without a command it opens the workbench.",
    )
    # a browser session of `tandai serve` (its command line says so): the ingest dialog is confined
    parser.add_argument("--served", action="store_true", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in _command_modules():
        module.register(sub, common)
    return parser


_GLOBAL_VALUED = ("--store", "--reviewer")
_SEARCH_VALUED = ("--limit", "--store", "--reviewer")


def _search_words_first(argv: list[str]) -> list[str]:
    """``tandai search -polres``: a query word may start with ``-`` (it negates). argparse would
    take it for an option, so every word of a search that is not one of its options goes after
    ``--``, in order."""
    i = 0
    while i < len(argv) and argv[i].startswith("-"):
        i += 2 if argv[i] in _GLOBAL_VALUED else 1
    if i >= len(argv) or argv[i] != "search":
        return argv
    options: list[str] = []
    words: list[str] = []
    rest = argv[i + 1 :]
    j = 0
    while j < len(rest):
        tok = rest[j]
        if tok == "--":
            words.extend(rest[j + 1 :])
            break
        if tok in _SEARCH_VALUED:
            options.extend(rest[j : j + 2])
            j += 2
            continue
        if tok in ("-h", "--help") or tok.split("=", 1)[0] in _SEARCH_VALUED:
            options.append(tok)
        else:
            words.append(tok)
        j += 1
    return [*argv[: i + 1], *options, *(["--", *words] if words else [])]


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):  # a name that is not UTF-8 must not crash a print
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
    parser = build_parser()
    args = parser.parse_args(_search_words_first(list(sys.argv[1:] if argv is None else argv)))
    for name in ("store", "reviewer"):  # the command's copy wins; '' is a value (an error), not absent
        given = getattr(args, f"sub_{name}", None)
        setattr(args, name, given if given is not None else getattr(args, name))
    func = getattr(args, "func", cmd_open)
    try:
        return int(func(args) or 0)
    except (UserError, StoreError) as exc:
        print(f"tandai: {safe_line(str(exc))}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("tandai: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `tandai export | head`: the reader has what it wanted
        try:  # and Python's final flush must not print a traceback about it
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        return 0
    except OSError as exc:  # a path the OS refuses (too long, a loop, read-only): one line, no trace
        where = f" ({safe_line(str(exc.filename))[:80]})" if exc.filename else ""
        whose = f"; {permission_problem(exc.filename)}" if denied(exc) and exc.filename else ""
        print(f"tandai: {safe_line(exc.strerror or str(exc))}{where}{safe_line(whose)}", file=sys.stderr)
        return 1
