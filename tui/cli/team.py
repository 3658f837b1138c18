"""``tandai init``, ``copy`` and ``grant``: a team on one PostgreSQL database (docs/team.md).

One person (the database owner) runs ``tandai init postgresql://…`` and ``tandai grant ROLE``
for each reviewer; reviewers then run ``tandai --store postgresql://…``. Passwords never go in a
file of ours: libpq's ``~/.pgpass``, ``PGPASSWORD``, peer or certificate authentication.
"""

from __future__ import annotations

import argparse
import sys

from ..safe import safe_line
from .common import Subcommands, UserError

ORDER = 95


def _url(text: str, what: str) -> str:
    import store.pg

    if not store.pg.is_url(text):
        raise UserError(f"{what} must be a postgresql:// URL, not {safe_line(text)[:60]!r}")
    return text


def cmd_init(args: argparse.Namespace) -> int:
    import store.pg

    url = _url(args.url, "the database")
    done = store.pg.init_database(url)
    where = safe_line(store.pg.redact(url))
    if done:
        print(f"{where}: tandai schema {done[-1]} ready (applied {', '.join(map(str, done))})")
    else:
        print(f"{where}: tandai schema {store.pg.SCHEMA_VERSION} already in place")
    print(f"next: `tandai grant ROLE --store {where}` for each reviewer, then they run "
          f"`tandai --store {where}`")
    return 0


def cmd_grant(args: argparse.Namespace) -> int:
    import store.pg

    url = _url(args.store or "", "--store")
    group = store.pg.add_member(url, args.role, adjudicator=args.adjudicator)
    print(f"{safe_line(args.role)} is now in {group}")
    return 0


def cmd_copy(args: argparse.Namespace) -> int:
    from store.pg import copy_store

    shown = sys.stdout.isatty()  # a pipe or a log gets the result alone, no carriage returns

    def progress(what: str, n: int) -> None:
        if shown:
            print(f"\r\033[K{what}: {n}", end="", flush=True)

    counts = copy_store(args.src, args.dst, progress=progress)
    print(("\r\033[K" if shown else "") + ", ".join(f"{k} {v}" for k, v in counts.items()) + " copied")
    return 0


def register(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("init", help="create (or upgrade) the tandai schema in a PostgreSQL database")
    p.add_argument("url", help="postgresql://OWNER@HOST/DATABASE")
    p.set_defaults(func=cmd_init)
    p = sub.add_parser("grant", parents=[common],
                       help="let a PostgreSQL role review (or --adjudicator: change anyone's work)")
    p.add_argument("role", help="an existing PostgreSQL login role")
    p.add_argument("--adjudicator", action="store_true", help="may change every reviewer's records")
    p.set_defaults(func=cmd_grant)
    p = sub.add_parser("copy", help="copy a whole store between a directory and a postgresql:// database")
    p.add_argument("src", help="a store directory or postgresql:// URL")
    p.add_argument("dst", help="a new directory or an empty (initialised) database")
    p.set_defaults(func=cmd_copy)
