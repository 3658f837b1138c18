"""The ``tandai`` command line: the workbench by default, and headless commands over the store.

Exit codes: 0 success, 1 a user error (one line on stderr), 2 bad usage (argparse).
Textual is imported only when the workbench opens, so headless commands start fast.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from rich.console import Console
from rich.table import Table
from rich.text import Text

import store
from store.errors import StoreError
from store.export import export_file, write_csv, write_jsonl
from store.model import MAX_LIMIT, check_reviewer
from store.paths import resolve_store, samples_dir

from .render import article_text, legend
from .safe import safe, safe_line


class UserError(Exception):
    """Reported as one line on stderr with exit code 1."""


def _checked_reviewer(name: object, where: str) -> str:
    try:
        return check_reviewer(name)
    except StoreError as exc:
        raise UserError(f"{where}: {exc}") from exc


def _reviewer(args: argparse.Namespace) -> str:
    """--reviewer, $TANDAI_REVIEWER, the saved name, the login; checked (it is stamped on records)."""
    if getattr(args, "reviewer", None) is not None:
        return _checked_reviewer(args.reviewer, "--reviewer")
    env = os.environ.get("TANDAI_REVIEWER")
    if env:
        return _checked_reviewer(env, "$TANDAI_REVIEWER")
    from .config import config_path, load_config

    name = load_config().get("reviewer")
    if name:
        return _checked_reviewer(name, f"the reviewer in {config_path()}")
    try:
        return check_reviewer(getpass.getuser())
    except Exception:  # noqa: BLE001 - no (usable) user name on this system
        return "reviewer"


def _open(args: argparse.Namespace, read_only: bool = False) -> store.Store:
    path = resolve_store(args.store)
    if read_only and not (path / "tandai.json").exists() and not (path / "corpus").is_dir():
        raise UserError(f"no store at {path} (create one with `tandai ingest PATH` or `tandai demo`)")
    st = store.open(path, reviewer=_reviewer(args), read_only=read_only)
    if st.notice:
        print(safe_line(st.notice), file=sys.stderr)
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

            report = st.ingest(args.paths, progress=tick, follow_symlinks=args.follow_symlinks)
    for source, reason in report.skipped:
        print(f"skipped {safe_line(source)}: {safe_line(reason)}")
    rate = report.added / report.seconds if report.seconds > 0 else 0.0
    print(f"{report.summary()} in {report.seconds:.1f} s ({rate:.0f} articles/s)")
    return 130 if report.interrupted else 0


def cmd_search(args: argparse.Namespace) -> int:
    with _open(args, read_only=True) as st:
        result = st.search(" ".join(args.query), limit=args.limit)
        if result.error:
            raise UserError(result.error)
        console = _console(args)
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
    with _open(args, read_only=True) as st:
        try:
            article = st.article(args.id)
        except store.NotFound as exc:
            raise UserError(str(exc)) from exc
        console = _console(args)
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


def cmd_export(args: argparse.Namespace) -> int:
    """JSONL escapes every control character itself (lossless); CSV cells are made terminal- and
    spreadsheet-safe, to standard output and to files alike (a CSV file is read with ``cat``)."""
    damaged: list[str] = []
    with _open(args, read_only=True) as st:
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


def cmd_stats(args: argparse.Namespace) -> int:
    with _open(args, read_only=True) as st:
        s = st.stats()
        console = _console(args)
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
        print(safe_line(line))
    return 0 if report.ok else 1


def _sample_names() -> set[str]:
    return {p.name for p in samples_dir().rglob("*") if p.is_file()}


def cmd_demo(args: argparse.Namespace) -> int:
    """Open the demo store, loading the samples into it when it is new or empty.

    Nothing is ever deleted: a demo store someone has coded in is reopened as it is (for a fresh
    demo, name a new ``--store``); a store in use by another tandai is not touched at all; a store
    holding other articles than the samples is not a demo store and is refused.
    """
    path = resolve_store(args.store) if args.store is not None else store.default_store().parent / "demo"
    reviewer = _reviewer(args)
    where = safe_line(str(path))
    if path.exists() and not (path / "tandai.json").exists() and (not path.is_dir() or any(path.iterdir())):
        raise UserError(f"{where} exists and is not a tandai store; choose another --store")
    try:
        st = store.Store(path, reviewer=reviewer, wait_for_lock=True)
    except store.StoreLocked as exc:
        raise UserError(f"demo store {exc} (demo never touches a store it cannot have to itself)") from exc
    with st:
        if st.count() == 0:
            report = st.ingest([samples_dir()])
            print(f"loaded the bundled samples: {report.summary()}", file=sys.stderr)
        else:
            samples = _sample_names()
            if any(Path(a.source.split("#", 1)[0]).name not in samples for a in st.articles()):
                raise UserError(f"{where} holds articles that are not the bundled samples, so it is not a "
                                f"demo store; open it with `tandai --store {where}`")
            records = st.progress()["records"]
            print(f"reopened the demo store {where} as it was ({st.count()} articles, {records} records); "
                  "for a fresh one: tandai demo --store NEW-FOLDER", file=sys.stderr)
    return _workbench(path, args)


def _workbench(path: Path, args: argparse.Namespace) -> int:
    from .app import run_app

    return run_app(path, reviewer=getattr(args, "reviewer", None))


def cmd_open(args: argparse.Namespace) -> int:
    if args.reviewer is not None:
        _checked_reviewer(args.reviewer, "--reviewer")
    return _workbench(resolve_store(args.store), args)


def _limit(text: str) -> int:
    """--limit: 1 … MAX_LIMIT (0 panicked in tantivy, -1 dropped a hit, huge overflowed)."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1 <= value <= MAX_LIMIT:
        shown = safe_line(text)[:30]
        raise argparse.ArgumentTypeError(f"must be a whole number from 1 to {MAX_LIMIT}, not {shown!r}")
    return value


# -- parser ---------------------------------------------------------------------------------------


class _Parser(argparse.ArgumentParser):
    """argparse echoes what it could not parse (``unrecognized arguments: …``) raw: escaped here."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {safe_line(message)}\n")


def build_parser() -> argparse.ArgumentParser:
    def options(dest_prefix: str) -> argparse.ArgumentParser:
        # The command's own copies use other dests, so an option given before the command
        # is not reset by the command's parser; main() merges them.
        common = _Parser(add_help=False)
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
    parser = _Parser(
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
    p.add_argument("--follow-symlinks", action="store_true",
                   help="inside folders, also read symlinks that point outside the folder")
    p.set_defaults(func=cmd_ingest)
    p = sub.add_parser("search", parents=[common], help="ranked search in the query language")
    p.add_argument("query", nargs="+", help='e.g. patroli status:todo unit:"Polres Bontang" date:2024-11 '
                   "(words are joined; a word may start with -)")
    p.add_argument("--limit", type=_limit, default=20, help="how many hits to show (default 20)")
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


_GLOBAL_VALUED = ("--store", "--reviewer")
_SEARCH_VALUED = ("--limit", "--store", "--reviewer")


def _search_words_first(argv: list[str]) -> list[str]:
    """``tandai search -polres``: a query word may start with ``-`` (it negates). argparse would
    take it for an option, so every word of a search that is not one of its options goes after
    ``--``, in order."""
    i = 0
    while i < len(argv) and argv[i].startswith("-"):
        i += 2 if argv[i] in _GLOBAL_VALUED else 1
    if i >= len(argv) or argv[i] != "search":
        return argv
    options: list[str] = []
    words: list[str] = []
    rest = argv[i + 1 :]
    j = 0
    while j < len(rest):
        tok = rest[j]
        if tok == "--":
            words.extend(rest[j + 1 :])
            break
        if tok in _SEARCH_VALUED:
            options.extend(rest[j : j + 2])
            j += 2
            continue
        if tok in ("-h", "--help") or tok.split("=", 1)[0] in _SEARCH_VALUED:
            options.append(tok)
        else:
            words.append(tok)
        j += 1
    return [*argv[: i + 1], *options, *(["--", *words] if words else [])]


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):  # a name that is not UTF-8 must not crash a print
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
    parser = build_parser()
    args = parser.parse_args(_search_words_first(list(sys.argv[1:] if argv is None else argv)))
    for name in ("store", "reviewer"):  # the command's copy wins; '' is a value (an error), not absent
        given = getattr(args, f"sub_{name}", None)
        setattr(args, name, given if given is not None else getattr(args, name))
    func = getattr(args, "func", cmd_open)
    try:
        return int(func(args) or 0)
    except (UserError, StoreError) as exc:
        print(f"tandai: {safe_line(str(exc))}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("tandai: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `tandai export | head`: the reader has what it wanted
        try:  # and Python's final flush must not print a traceback about it
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        return 0
    except OSError as exc:  # a path the OS refuses (too long, a loop, read-only): one line, no trace
        where = f" ({safe_line(str(exc.filename))[:80]})" if exc.filename else ""
        print(f"tandai: {safe_line(exc.strerror or str(exc))}{where}", file=sys.stderr)
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
