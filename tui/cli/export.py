"""``tandai export``: the coded corpus out, to standard output or a file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from store.export import export_file, write_csv, write_jsonl

from ..safe import safe, safe_line
from .common import Subcommands, open_store

ORDER = 30


def cmd_export(args: argparse.Namespace) -> int:
    """JSONL escapes every control character itself (lossless); CSV cells are made terminal- and
    spreadsheet-safe, to standard output and to files alike (a CSV file is read with ``cat``)."""
    damaged: list[str] = []
    with open_store(args, read_only=True) as st:
        if args.out:
            out_path = Path(args.out).expanduser()
            n = export_file(st, out_path, args.format, cell=safe, damaged=damaged)
            what = "articles" if args.format == "jsonl" else "rows"
            print(f"exported {n} {what} to {safe_line(str(out_path))}", file=sys.stderr)
        elif args.format == "jsonl":
            write_jsonl(st, sys.stdout.buffer, damaged=damaged)
            sys.stdout.buffer.flush()
        else:
            write_csv(st, sys.stdout, cell=safe, damaged=damaged)
    if damaged:
        print(f"tandai: {len(damaged)} article(s) have damaged entities or spans, left out of the export; "
              "run `tandai check`", file=sys.stderr)
    return 0


def register(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("export", parents=[common], help="export articles, status and records")
    p.add_argument("--format", choices=("jsonl", "csv"), default="jsonl")
    p.add_argument("--out", metavar="FILE", help="write to FILE instead of standard output")
    p.set_defaults(func=cmd_export)
