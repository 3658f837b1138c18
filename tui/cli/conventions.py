"""``tandai conventions``: how drafts read each coding convention and why (settled, learned from your
records or the team's, or the default), and ``set``/``unset`` to settle one for everyone drafting in
the store: the project lead's one line where reviewers' records split (``store.conventions``)."""

from __future__ import annotations

import argparse

from rich.table import Table

from store.conventions import reading_rows
from store.taxonomy import CONVENTIONS, READINGS

from ..safe import safe_line
from .common import Subcommands, console_for, open_store

ORDER = 41



def cmd_conventions(args: argparse.Namespace) -> int:
    if args.action is None:
        return _show(args)
    with open_store(args) as st:
        st.settle_convention(args.name, args.reading if args.action == "set" else None)
        used = st.conventions_in_use()[args.name]
        where = safe_line(str(getattr(st, "location", st.path)))
    reading = READINGS[(args.name, used["reading"])]
    if args.action == "set":
        print(f"{args.name} settled for everyone drafting in {where}: {reading}")
    else:
        print(f"{args.name} no longer settled in {where}: drafts follow the records, now {reading}")
    return 0


def _show(args: argparse.Namespace) -> int:
    with open_store(args, read_only=True) as st:
        used = st.conventions_in_use()
    table = Table(box=None)
    for column in ("convention", "drafts write", "why", "records", "yours"):
        table.add_column(column, overflow="fold")
    for row in reading_rows(used):
        table.add_row(*(safe_line(cell) for cell in row))
    console = console_for(args)
    console.print(table)
    console.print("Settle one for everyone: tandai conventions set NAME READING "
                  "(unset NAME: drafts follow the records again).")
    return 0


def _reading(text: str) -> str:
    if not any(text in readings for readings in CONVENTIONS.values()):
        known = sorted({r for readings in CONVENTIONS.values() for r in readings})
        raise argparse.ArgumentTypeError(f"one of {', '.join(known)}, not {safe_line(text)[:40]!r}")
    return text


def register(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("conventions", parents=[common],
                       help="how drafts read each coding convention, and why; set or unset one for everyone")
    p.set_defaults(func=cmd_conventions, action=None)
    actions = p.add_subparsers(dest="action", metavar="ACTION")
    names = {"choices": sorted(CONVENTIONS), "metavar": "NAME", "help": ", ".join(sorted(CONVENTIONS))}
    s = actions.add_parser("set", parents=[common],
                           help="settle a convention for everyone drafting in the store")
    s.add_argument("name", **names)  # type: ignore[arg-type]
    s.add_argument("reading", type=_reading, metavar="READING",
                   help="; ".join(f"{n}: {' or '.join(r)}" for n, r in CONVENTIONS.items()))
    u = actions.add_parser("unset", parents=[common],
                           help="no longer settled: drafts follow the records again")
    u.add_argument("name", **names)  # type: ignore[arg-type]
