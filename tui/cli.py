"""The ``tandai`` command line: the workbench by default, and headless commands over the store.

Exit codes: 0 success, 1 a user error (one line on stderr), 2 bad usage (argparse).
Textual is imported only when the workbench opens, so headless commands start fast.
"""

from __future__ import annotations

import argparse
import getpass
import os
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path

from rich.console import Console
from rich.table import Table
from rich.text import Text

import store
from store.errors import StoreError
from store.export import write_csv, write_jsonl
from store.paths import resolve_store, samples_dir

from .render import article_text, legend
from .safe import safe_line


class UserError(Exception):
    """Reported as one line on stderr with exit code 1."""


def _reviewer(args: argparse.Namespace) -> str:
    if getattr(args, "reviewer", None):
        return str(args.reviewer)
    env = os.environ.get("TANDAI_REVIEWER")
    if env:
        return env
    from .config import load_config

    name = load_config().get("reviewer")
    if name:
        return str(name)
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name on this system
        return "reviewer"


def _open(args: argparse.Namespace, read_only: bool = False) -> store.Store:
    path = resolve_store(args.store)
    if read_only and not (path / "tandai.json").exists():
        raise UserError(f"no store at {path} (create one with `tandai ingest PATH` or `tandai demo`)")
    st = store.open(path, reviewer=_reviewer(args), read_only=read_only)
    if st.notice:
        print(st.notice, file=sys.stderr)
    return st


def _console(args: argparse.Namespace) -> Console:
    """Rich output; piped output is not wrapped at 80 columns (scripts read it)."""
    width = None if sys.stdout.isatty() else 200
    return Console(highlight=False, markup=False, emoji=False, width=width)


# -- commands -------------------------------------------------------------------------------------


def cmd_ingest(args: argparse.Namespace) -> int:
    console = Console(stderr=True, highlight=False, markup=False)
    with _open(args) as st:
        st.require_writable()
        from rich.progress import Progress

        with Progress(console=console, transient=True, disable=not console.is_terminal) as bar:
            task = bar.add_task("ingesting", total=None)

            def tick(p: store.IngestProgress) -> None:
                bar.update(
                    task, description=f"ingesting ({p.added} added, {p.skipped} skipped)", completed=p.sources
                )

            report = st.ingest(args.paths, progress=tick)
    for source, reason in report.skipped:
        print(f"skipped {safe_line(source)}: {safe_line(reason)}")
    rate = report.added / report.seconds if report.seconds > 0 else 0.0
    print(f"{report.summary()} in {report.seconds:.1f} s ({rate:.0f} articles/s)")
    return 130 if report.interrupted else 0


def cmd_search(args: argparse.Namespace) -> int:
    with _open(args, read_only=True) as st:
        result = st.search(args.query, limit=args.limit)
        if result.error:
            raise UserError(result.error)
        console = _console(args)
        table = Table(box=None, show_header=True, header_style="bold")
        for col in ("id", "status", "date", "outlet", "title", "rec"):
            table.add_column(col, overflow="ellipsis", no_wrap=col != "title")
        for row in result.rows:
            table.add_row(
                row.id,
                st.status(row.id),
                (row.published or "")[:10],
                safe_line(row.outlet or ""),
                Text(safe_line(row.title)),
                str(st.annotations.record_count(row.id)),
            )
        console.print(table)
        console.print(Text(f"{len(result.hits)} of {result.total} articles"))
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    with _open(args, read_only=True) as st:
        try:
            article = st.article(args.id)
        except store.NotFound as exc:
            raise UserError(str(exc)) from exc
        console = _console(args)
        console.print(Text(safe_line(article.title), style="bold"))
        meta = " · ".join(safe_line(x) for x in (article.outlet, article.published, article.dateline) if x)
        console.print(Text(meta, style="dim"))
        if article.duplicate_of:
            console.print(Text(f"near duplicate of {article.duplicate_of}", style="yellow"))
        console.print(legend(st.taxonomy))
        console.print(article_text(article, st.taxonomy))
        recs = st.records(article.id)
        if recs:
            console.print(Text(f"\n{len(recs)} record(s):", style="bold"))
            for r in recs:
                line = f"- {r.type} · {r.unit} · {r.date or '?'} · {r.location or '?'}"
                console.print(Text(safe_line(line)))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    with _open(args, read_only=True) as st:
        if args.out:
            out_path = Path(args.out)
            tmp = out_path.with_name(f".{out_path.name}.tmp")
            try:
                if args.format == "jsonl":
                    with open(tmp, "wb") as fh:
                        n = write_jsonl(st, fh)
                else:
                    with open(tmp, "w", newline="", encoding="utf-8") as fh:
                        n = write_csv(st, fh)
                os.replace(tmp, out_path)
            except OSError as exc:
                raise UserError(f"cannot write {out_path}: {exc.strerror or exc}") from exc
            print(
                f"exported {n} {'articles' if args.format == 'jsonl' else 'rows'} to {out_path}",
                file=sys.stderr,
            )
        elif args.format == "jsonl":
            write_jsonl(st, sys.stdout.buffer)
            sys.stdout.buffer.flush()
        else:
            write_csv(st, sys.stdout)
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    with _open(args, read_only=True) as st:
        s = st.stats()
        console = _console(args)
        table = Table(box=None, show_header=False)
        table.add_column(style="bold")
        table.add_column()
        table.add_row("store", s["store"])
        table.add_row("articles", str(s["articles"]))
        table.add_row("records", str(s["records"]))
        for k, v in s["records_by_type"].items():
            table.add_row(f"  {k}", str(v))
        for k, v in s["status"].items():
            table.add_row(f"status {k}", str(v))
        table.add_row("reviewers", ", ".join(s["reviewers"]) or "-")
        console.print(table)
    return 0


def cmd_reindex(args: argparse.Namespace) -> int:
    with _open(args) as st:
        st.require_writable()
        n = st.reindex()
    for note in st.notes:  # a quarantined shard: which articles to re-ingest
        print(f"tandai: {safe_line(note)}", file=sys.stderr)
    print(f"reindexed {n} articles")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from store.check import check_store

    path = resolve_store(args.store)
    report = check_store(path, repair=args.repair)
    for line in report.lines():
        print(line)
    return 0 if report.ok else 1


def _load_samples(path: Path, reviewer: str) -> None:
    with store.open(path, reviewer=reviewer) as st:
        st.require_writable()
        report = st.ingest([samples_dir()])
        print(f"loaded the bundled samples: {report.summary()}", file=sys.stderr)


def cmd_demo(args: argparse.Namespace) -> int:
    path = Path(args.store).expanduser() if args.store else store.default_store().parent / "demo"
    if path.exists():
        if not (path / "tandai.json").exists():
            raise UserError(f"{path} exists and is not a tandai store; choose another --store")
        shutil.rmtree(path)
    _load_samples(path, _reviewer(args))
    return _workbench(path, args)


def _workbench(path: Path, args: argparse.Namespace) -> int:
    from .app import run_app

    return run_app(path, reviewer=getattr(args, "reviewer", None))


def cmd_open(args: argparse.Namespace) -> int:
    return _workbench(resolve_store(args.store), args)


# -- parser ---------------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    def options(dest_prefix: str) -> argparse.ArgumentParser:
        # The command's own copies use other dests, so an option given before the command
        # is not reset by the command's parser; main() merges them.
        common = argparse.ArgumentParser(add_help=False)
        common.add_argument(
            "--store",
            metavar="PATH",
            dest=f"{dest_prefix}store",
            help="store directory (default: $TANDAI_STORE or the user data directory)",
        )
        common.add_argument(
            "--reviewer",
            metavar="NAME",
            dest=f"{dest_prefix}reviewer",
            help="your name, stamped on records and status",
        )
        return common

    common = options("sub_")
    parser = argparse.ArgumentParser(
        prog="tandai",
        parents=[options("")],
        description="tandai: a keyboard-first workbench for coding police activity in news articles. "
        "Without a command it opens the workbench.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    p = sub.add_parser(
        "demo", parents=[common], help="load the bundled samples into a fresh store and open it"
    )
    p.set_defaults(func=cmd_demo)
    p = sub.add_parser("ingest", parents=[common], help="add article files (txt, md, html, jsonl, csv)")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, directories or globs")
    p.set_defaults(func=cmd_ingest)
    p = sub.add_parser("search", parents=[common], help="ranked search in the query language")
    p.add_argument("query", help='e.g. patroli status:todo unit:"Polres Bontang" date:2024-11')
    p.add_argument("--limit", type=int, default=20, help="how many hits to show (default 20)")
    p.set_defaults(func=cmd_search)
    p = sub.add_parser("show", parents=[common], help="an article with its entities coloured")
    p.add_argument("id", help="article id (from search)")
    p.set_defaults(func=cmd_show)
    p = sub.add_parser("export", parents=[common], help="export articles, status and records")
    p.add_argument("--format", choices=("jsonl", "csv"), default="jsonl")
    p.add_argument("--out", metavar="FILE", help="write to FILE instead of standard output")
    p.set_defaults(func=cmd_export)
    p = sub.add_parser("stats", parents=[common], help="counts of articles, records and status")
    p.set_defaults(func=cmd_stats)
    p = sub.add_parser("reindex", parents=[common], help="rebuild the search index from the store")
    p.set_defaults(func=cmd_reindex)
    p = sub.add_parser("check", parents=[common], help="verify a store (and --repair it from backups)")
    p.add_argument("--repair", action="store_true", help="restore broken files from the newest good backup")
    p.set_defaults(func=cmd_check)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    args.store = getattr(args, "sub_store", None) or args.store
    args.reviewer = getattr(args, "sub_reviewer", None) or args.reviewer
    func = getattr(args, "func", cmd_open)
    try:
        return int(func(args) or 0)
    except UserError as exc:
        print(f"tandai: {exc}", file=sys.stderr)
        return 1
    except StoreError as exc:
        print(f"tandai: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("tandai: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
