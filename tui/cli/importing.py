"""``tandai import``: pre-annotated texts from Prodigy, doccano, Label Studio, brat or CoNLL.

Each file gets a verdict; each skipped row is named with its line (or task) and why."""

from __future__ import annotations

import argparse
import sys

from store.errors import Stopped, StoreError
from store.interchange.importing import FORMATS, import_file

from ..safe import safe_line
from .common import Subcommands, named, open_store

ORDER = 12


def cmd_import(args: argparse.Namespace) -> int:
    failed = interrupted = False
    with open_store(args) as st, st.undoable(f"{args.format} import of {named(args.files, 'file')}"):
        st.require_writable()
        for name in args.files:
            try:
                report = import_file(st, name, args.format, follow_symlinks=args.follow_symlinks)
            except Stopped as exc:  # part of it is in: say what, and how to finish
                print(f"{safe_line(name)}: {safe_line(str(exc))}")
                failed = True
                continue
            except StoreError as exc:
                print(f"{safe_line(name)}: not imported: {safe_line(str(exc))}")
                failed = True
                continue
            for where, reason in report.skipped:
                print(f"skipped {safe_line(name)} {safe_line(where)}: {safe_line(reason)}")
            for where, note in report.notes:
                print(f"note {safe_line(name)} {safe_line(where)}: {safe_line(note)}")
            print(safe_line(report.verdict))
            interrupted |= report.interrupted
            failed |= report.docs == 0
    if interrupted:
        print("tandai: interrupted; the articles finished so far are imported", file=sys.stderr)
        return 130
    return 1 if failed else 0


def register(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("import", parents=[common], help="import annotated texts from other tools",
                       description="Texts become articles (as ingest makes them), their entity spans "
                       "your corrections (or their annotators'), with statuses and brat's records.")
    p.add_argument("files", nargs="+", metavar="FILE", help="a file (a folder for brat)")
    p.add_argument("--format", choices=FORMATS, required=True)
    p.add_argument("--follow-symlinks", action="store_true",
                   help="inside a brat folder, also read symlinks that point outside the folder")
    p.set_defaults(func=cmd_import)
