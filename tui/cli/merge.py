"""``tandai merge``: other reviewers' stores or JSONL exports into this store (issue 13)."""

from __future__ import annotations

import argparse
import sys

from store.merge import merge

from ..safe import safe_line
from .common import Subcommands, named, open_store

ORDER = 35


def cmd_merge(args: argparse.Namespace) -> int:
    with open_store(args) as st:
        st.require_writable()  # a workbench holds the store: one line, not a half merge
        with st.undoable(f"merge of {named(args.sources, 'source')}"):
            report = merge(st, list(args.sources))
    for where, why in report.skipped:
        print(f"tandai: skipped {safe_line(where)}: {safe_line(why)}", file=sys.stderr)
    print(safe_line(report.summary()))
    if report.changes:
        # a workbench's `u` undoes only what was done in that workbench (its history lives in it)
        print("(one change, in the journal: `tandai undo` takes it back while nothing else "
              "changes the store)")
    if report.index_problem:  # merged, but searches miss the new articles until it is caught up
        print(f"tandai: {safe_line(report.index_problem)}", file=sys.stderr)
        return 1
    return 0


def register(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("merge", parents=[common],
                       help="merge other reviewers' stores or JSONL exports into this store")
    p.add_argument("sources", nargs="+", metavar="STORE_OR_EXPORT",
                   help="another store folder, or a file written by `tandai export --format jsonl`")
    p.set_defaults(func=cmd_merge)
