"""``tandai merge``: other reviewers' stores or JSONL exports into this store (issue 13)."""

from __future__ import annotations

import argparse
import sys

from store.merge import merge

from ..safe import safe_line
from .common import Subcommands, open_store

ORDER = 35


def cmd_merge(args: argparse.Namespace) -> int:
    with open_store(args) as st:
        st.require_writable()  # a workbench holds the store: one line, not a half merge
        report = merge(st, list(args.sources))
    for where, why in report.skipped:
        print(f"tandai: skipped {safe_line(where)}: {safe_line(why)}", file=sys.stderr)
    print(safe_line(report.summary()))
    if report.changes:
        # a workbench's `u` undoes what was done in that workbench only (the history lives in it),
        # and a workbench can never hold the store during a merge: so no undo is promised
        print("(one change, in the journal; a workbench cannot undo it: to be able to go back, "
              "`tandai copy` the store before merging)")
    return 0


def register(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("merge", parents=[common],
                       help="merge other reviewers' stores or JSONL exports into this store")
    p.add_argument("sources", nargs="+", metavar="STORE_OR_EXPORT",
                   help="another store folder, or a file written by `tandai export --format jsonl`")
    p.set_defaults(func=cmd_merge)
