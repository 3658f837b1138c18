"""``tandai demo``: the bundled samples in a store of their own, opened in the workbench."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import store
from store.paths import resolve_store, samples_dir

from ..safe import safe_line
from .common import Subcommands, UserError, reviewer_name, workbench

ORDER = 0


def _sample_names() -> set[str]:
    return {p.name for p in samples_dir().rglob("*") if p.is_file()}


def cmd_demo(args: argparse.Namespace) -> int:
    """Open the demo store, loading the samples into it when it is new or empty.

    Nothing is ever deleted: a demo store someone has coded in is reopened as it is (for a fresh
    demo, name a new ``--store``); a store in use by another tandai is not touched at all; a store
    holding other articles than the samples is not a demo store and is refused.
    """
    path = resolve_store(args.store) if args.store is not None else store.default_store().parent / "demo"
    reviewer = reviewer_name(args)
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
    return workbench(path, args)


def register(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "demo", parents=[common], help="load the bundled samples into a fresh store and open it"
    )
    p.set_defaults(func=cmd_demo)
