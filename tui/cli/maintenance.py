"""``tandai reindex`` and ``check``: rebuilding what is derived, verifying and repairing a store."""

from __future__ import annotations

import argparse
import sys

from store.paths import resolve_store

from ..safe import safe_line
from .common import Subcommands, UserError, open_store

ORDER = 90


def cmd_reindex(args: argparse.Namespace) -> int:
    with open_store(args) as st:
        st.require_writable()
        said = len(st.notes)  # (what opening did is in the notice open_store printed)
        n = st.reindex()
    for note in st.notes[said:]:  # a quarantined shard: which articles to re-ingest
        print(f"tandai: {safe_line(note)}", file=sys.stderr)
    print(f"reindexed {n} articles")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from store.check import check_store

    path = resolve_store(args.store)
    if isinstance(path, str):  # a postgresql:// URL: the database checks itself (docs/team.md)
        raise UserError("tandai check is for store directories; check a database with PostgreSQL's "
                        "tools, or `tandai copy` it to a directory and check that")
    report = check_store(path, repair=args.repair)
    for line in report.lines():
        print(safe_line(line))
    return 0 if report.ok else 1


def register(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("reindex", parents=[common], help="rebuild the search index from the store")
    p.set_defaults(func=cmd_reindex)
    p = sub.add_parser("check", parents=[common], help="verify a store (and --repair it from backups)")
    p.add_argument("--repair", action="store_true", help="restore broken files from the newest good backup")
    p.set_defaults(func=cmd_check)
