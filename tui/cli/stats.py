"""``tandai stats``: counts of articles, records and status; ``--plot`` draws the figures of
``store.stats`` in the terminal, ``--json`` prints them (and the counts) as data."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys

from rich.table import Table

from store.stats import figures

from ..safe import safe_line
from .common import Subcommands, console_for, open_store

ORDER = 40


def _table(args: argparse.Namespace, s: dict[str, object]) -> None:
    console = console_for(args)
    table = Table(box=None, show_header=False)
    table.add_column(style="bold")
    table.add_column()
    table.add_row("store", safe_line(str(s["store"])))
    table.add_row("articles", str(s["articles"]))
    table.add_row("records", str(s["records"]))
    for k, v in dict(s["records_by_type"]).items():  # type: ignore[call-overload]
        table.add_row(f"  {safe_line(k)}", str(v))
    for k, v in dict(s["status"]).items():  # type: ignore[call-overload]
        table.add_row(f"status {safe_line(k)}", str(v))
    table.add_row("reviewers", ", ".join(safe_line(r) for r in s["reviewers"]) or "-")  # type: ignore[attr-defined]
    for name, c in dict(s.get("conventions") or {}).items():  # type: ignore[call-overload]
        decided = ", ".join(f"{safe_line(r)} {n}" for r, n in sorted(c["records"].items()))
        whose = "your" if c.get("from") == "yours" else "the team's"
        why = {"settled": "set in taxonomy.toml", "default": "default",
               "learned": f"learned from {whose} records"}.get(c["how"], safe_line(str(c["how"])))
        yours = ", ".join(f"{safe_line(r)} {n}" for r, n in sorted(dict(c.get("yours") or {}).items()))
        table.add_row(f"convention {safe_line(name)}", f"{safe_line(c['reading'])} ({why}"
                      + (f"; records: {decided}" if decided else "")
                      + (f"; yours: {yours})" if yours and yours != decided else ")"))
    console.print(table)


def cmd_stats(args: argparse.Namespace) -> int:
    with open_store(args, read_only=True) as st:
        s = st.stats()
        if args.json:
            # ASCII with \\uXXXX escapes: a unit name with control characters stays data
            print(json.dumps({**s, **figures(st)}, ensure_ascii=True, indent=1))
        elif args.plot:
            from ..stats_plots import terminal_charts

            tty = sys.stdout.isatty()
            width = shutil.get_terminal_size((100, 24)).columns if tty else 100
            colour = tty and not os.environ.get("NO_COLOR")
            print(terminal_charts(figures(st), min(width, 160), args.height, colour))
        else:
            _table(args, s)
    return 0


def _height(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 8 <= value <= 200:
        shown = safe_line(text)[:30]
        raise argparse.ArgumentTypeError(f"must be a whole number from 8 to 200, not {shown!r}")
    return value


def register(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("stats", parents=[common], help="counts of articles, records and status; plots; JSON")
    shown = p.add_mutually_exclusive_group()
    shown.add_argument("--plot", action="store_true",
                       help="draw the figures: records per week on the election calendar, by type, unit, "
                       "province, regency, phase; coding progress per reviewer")
    shown.add_argument("--json", action="store_true", help="the counts and every figure as JSON")
    p.add_argument("--height", type=_height, default=20, metavar="ROWS", help="rows per plot (default 20)")
    p.set_defaults(func=cmd_stats)
