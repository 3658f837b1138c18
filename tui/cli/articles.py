"""``tandai ingest``, ``search`` and ``show``: articles in, found, and read."""

from __future__ import annotations

import argparse
import glob
import os
import sys

from rich.console import Console
from rich.table import Table
from rich.text import Text

import store
from store.errors import Stopped

from ..render import article_text, legend
from ..safe import safe_line
from .common import Subcommands, UserError, console_for, limit_arg, open_store

ORDER = 10


def cmd_ingest(args: argparse.Namespace) -> int:
    console = Console(stderr=True, highlight=False, markup=False)
    with open_store(args) as st:
        st.require_writable()
        from rich.progress import Progress

        with Progress(console=console, transient=True, disable=not console.is_terminal) as bar:
            task = bar.add_task("ingesting", total=None)

            def tick(p: store.IngestProgress) -> None:
                bar.update(
                    task, description=f"ingesting ({p.added} added, {p.skipped} skipped)", completed=p.sources
                )

            try:
                report = st.ingest(args.paths, progress=tick, follow_symlinks=args.follow_symlinks)
            except Stopped as exc:  # a full disk part-way: what is in, then the error (main)
                if isinstance(exc.done, store.IngestReport):
                    _summary(exc.done)
                raise
    _summary(report)
    if report.interrupted:
        return 130
    missing = [p for p in args.paths if _names_nothing(p)]
    if missing:  # a mistyped path in a script is a failure, as ``cp`` makes it (the others are ingested)
        print(f"tandai: {len(missing)} path(s) named nothing: {', '.join(safe_line(p) for p in missing)}",
              file=sys.stderr)
        return 1
    return 0


def _summary(report: store.IngestReport) -> None:
    for source, reason in report.skipped:
        print(f"skipped {safe_line(source)}: {safe_line(reason)}")
    rate = report.added / report.seconds if report.seconds > 0 else 0.0
    print(f"{report.summary()} in {report.seconds:.1f} s ({rate:.0f} articles/s)")


def _names_nothing(path: str) -> bool:
    """Whether a path given to ``ingest`` is neither a file or folder (a link counts) nor a pattern that
    matches one."""
    full = os.path.expanduser(path)
    return not os.path.lexists(full) and not (glob.has_magic(path) and glob.glob(full, recursive=True))


def cmd_search(args: argparse.Namespace) -> int:
    with open_store(args, read_only=True) as st:
        result = st.search(" ".join(args.query), limit=args.limit)
        if result.error:
            raise UserError(result.error)
        console = console_for(args)
        table = Table(box=None, show_header=True, header_style="bold")
        for col in ("id", "status", "date", "outlet", "title", "rec"):
            table.add_column(col, overflow="ellipsis", no_wrap=col != "title")
        for row in result.rows:
            table.add_row(
                safe_line(row.id),
                st.status(row.id),
                safe_line((row.published or "")[:10]),
                safe_line(row.outlet or ""),
                Text(safe_line(row.title)),
                str(st.annotations.record_count(row.id)),
            )
        console.print(table)
        console.print(Text(f"{len(result.hits)} of {result.total} articles"))
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    with open_store(args, read_only=True) as st:
        try:
            article = st.article(args.id)
        except store.NotFound as exc:
            raise UserError(str(exc)) from exc
        console = console_for(args)
        console.print(Text(safe_line(article.title), style="bold"))
        meta = " · ".join(safe_line(x) for x in (article.outlet, article.published, article.dateline) if x)
        console.print(Text(meta, style="dim"))
        if article.damaged:
            print(f"tandai: {article.damaged} damaged entities or spans of this article were skipped; "
                  "run `tandai check`", file=sys.stderr)
        if article.duplicate_of:
            console.print(Text(f"near duplicate of {safe_line(article.duplicate_of)}", style="yellow"))
        console.print(legend(st.taxonomy))
        console.print(article_text(article, st.taxonomy))
        recs = st.records(article.id)
        if recs:
            console.print(Text(f"\n{len(recs)} record(s):", style="bold"))
            for r in recs:
                line = f"- {r.type} · {r.unit} · {r.date or '?'} · {r.location or '?'}"
                console.print(Text(safe_line(line)))
    return 0


def register(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("ingest", parents=[common], help="add article files (txt, md, html, jsonl, csv)")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, directories or globs")
    p.add_argument("--follow-symlinks", action="store_true",
                   help="inside folders, also read symlinks that point outside the folder")
    p.set_defaults(func=cmd_ingest)
    p = sub.add_parser("search", parents=[common], help="ranked search in the query language")
    p.add_argument("query", nargs="+", help='e.g. patroli status:todo unit:"Polres Bontang" date:2024-11 '
                   "(words are joined; a word may start with -)")
    p.add_argument("--limit", type=limit_arg, default=20, help="how many hits to show (default 20)")
    p.set_defaults(func=cmd_search)
    p = sub.add_parser("show", parents=[common], help="an article with its entities coloured")
    p.add_argument("id", help="article id (from search)")
    p.set_defaults(func=cmd_show)
