"""``tandai export``: the coded corpus out, to standard output or a file, in tandai's own JSONL and
CSV or in the formats other tools read (see docs/interchange.md)."""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from rich.console import Console

from store.adjudicate import WHOLE, adjudicated_records, unsettled
from store.export import FILE_ONLY, FORMATS, Options, config_path, export_file, write_stream
from store.interchange.common import Progress, reviewer_records

from ..safe import safe_cell, safe_line
from .common import Subcommands, UserError, open_store

ORDER = 30
_WHAT = {"csv": "rows", "events": "events"}


@contextmanager
def progress_bar() -> Iterator[Progress | None]:
    """A bar on standard error while it is a terminal (never in a pipe or a log)."""
    console = Console(stderr=True, highlight=False, markup=False)
    if not console.is_terminal:
        yield None
        return
    from rich.progress import Progress as Bar

    with Bar(console=console, transient=True) as bar:
        task = bar.add_task("exporting", total=None)

        def tick(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield tick


def cmd_export(args: argparse.Namespace) -> int:
    """JSONL escapes every control character itself (lossless); CSV cells are made terminal- and
    spreadsheet-safe, to standard output and to files alike (a CSV file is read with ``cat``)."""
    fmt = args.format
    if fmt in FILE_ONLY and not args.out:
        raise UserError(f"the {fmt} format needs --out ({'a folder' if fmt == 'brat' else 'a file'})")
    query = " ".join(args.query) if args.query else None
    opts = Options(query=query, cell=safe_cell, relations=args.relations,
                   records=adjudicated_records if args.adjudicated else (
                       reviewer_records(args.records_by) if args.records_by else None),
                   json=bool(args.out) and str(args.out).lower().endswith(".json"), workers=args.jobs,
                   folder=bool(args.out) and args.out.endswith(("/", os.sep)))
    with open_store(args, read_only=True) as st, progress_bar() as tick:
        opts.progress = tick
        if args.out:
            out_path = Path(args.out).expanduser()
            started = time.perf_counter()
            n = export_file(st, out_path, fmt, options=opts)
            took = time.perf_counter() - started
            print(f"exported {n} {_WHAT.get(fmt, 'articles')} to {safe_line(str(out_path))} in {took:.1f} s "
                  f"({n / max(took, 1e-9):,.0f}/s)", file=sys.stderr)
            if fmt == "labelstudio" and out_path.is_file():
                print(f"labeling config: {safe_line(str(config_path(out_path.resolve())))}", file=sys.stderr)
        else:
            write_stream(st, sys.stdout.buffer, fmt, opts)
            sys.stdout.buffer.flush()
        left_out = unsettled(st) if args.adjudicated else []
    if left_out:  # nobody decided those slots: never exported as if settled, never in silence
        aid, _, slots = left_out[0]
        what = ", ".join("keep or drop" if s == WHOLE else s for s in slots)
        more = f" and {len(left_out) - 1} more" if len(left_out) > 1 else ""
        print(safe_line(f"tandai: {len(left_out)} adjudicated record(s) left out, not settled yet "
                        f"(article {aid}: {what} undecided{more}); decide them on the "
                        "adjudication screen (C)"), file=sys.stderr)
    if opts.damaged:
        print(f"tandai: {len(opts.damaged)} article(s) have damaged entities or spans, left out of the "
              "export; run `tandai check`", file=sys.stderr)
    return 0


def _jobs(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        n = 0
    if not 1 <= n <= 64:
        raise argparse.ArgumentTypeError(f"expected a number of processes from 1 to 64, not {text!r}")
    return n


def register(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("export", parents=[common], help="export articles, entities, status and records",
                       description="Export the articles a query selects (default: all) in one of the "
                       "formats; brat writes a folder, spacy a DocBin file or, for --out DIR/, a folder of "
                       "DocBin parts (both need --out).")
    p.add_argument("--format", choices=FORMATS, default="jsonl")
    p.add_argument("--out", metavar="PATH", help="write to PATH (atomically) instead of standard output")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--records-by", metavar="NAME",
                       help="only NAME's activity records (default: everyone's)")
    which.add_argument("--adjudicated", action="store_true", help="the adjudicated records: an "
                       "adjudicator's where one settled the article, else one reviewer's (docs/reviewers.md)")
    p.add_argument("--relations", action="store_true",
                   help="doccano: the relation shape (records as relations between entities)")
    p.add_argument("--jobs", type=_jobs, metavar="N",
                   help="processes to export with (default: two for 2,000 articles or more, else one)")
    p.add_argument("query", nargs="*", metavar="QUERY", help="the articles to export (query language)")
    p.set_defaults(func=cmd_export)
