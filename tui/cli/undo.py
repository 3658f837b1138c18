"""``tandai undo``: take back the annotation change of the last ``tandai merge``, ``import`` or
``check --repair``, from any later process (a workbench's ``u`` undoes only its own changes).

The mechanism is the store's (``Store.undoable``, ``Store.undo_command``); this is its command."""

from __future__ import annotations

import argparse

from ..safe import safe_line
from .common import Subcommands, open_store

ORDER = 36


def cmd_undo(args: argparse.Namespace) -> int:
    # a mistyped --store is not a new store; one a workbench holds is refused in one line
    with open_store(args, existing=True, writing=True) as st:
        said = st.undo_command()
    print(f"undid: {safe_line(said)}")
    return 0


def register(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("undo", parents=[common],
                       help="take back the last merge, import or check --repair (if nothing changed since)",
                       description="Puts back every record, status and correction the last `tandai merge`, "
                       "`import` or `check --repair` changed, as one new change; refused when anything "
                       "was saved since (it would be lost). Articles it added stay.")
    p.set_defaults(func=cmd_undo)
