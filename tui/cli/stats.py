"""``tandai stats``: counts of articles, records and status."""

from __future__ import annotations

import argparse

from rich.table import Table

from ..safe import safe_line
from .common import Subcommands, console_for, open_store

ORDER = 40


def cmd_stats(args: argparse.Namespace) -> int:
    with open_store(args, read_only=True) as st:
        s = st.stats()
        console = console_for(args)
        table = Table(box=None, show_header=False)
        table.add_column(style="bold")
        table.add_column()
        table.add_row("store", safe_line(s["store"]))
        table.add_row("articles", str(s["articles"]))
        table.add_row("records", str(s["records"]))
        for k, v in s["records_by_type"].items():
            table.add_row(f"  {safe_line(k)}", str(v))
        for k, v in s["status"].items():
            table.add_row(f"status {safe_line(k)}", str(v))
        table.add_row("reviewers", ", ".join(safe_line(r) for r in s["reviewers"]) or "-")
        console.print(table)
    return 0


def register(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("stats", parents=[common], help="counts of articles, records and status")
    p.set_defaults(func=cmd_stats)
