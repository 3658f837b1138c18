"""``tandai agreement``: how far reviewers agree, as a table, JSON or CSV (issue 13)."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from typing import Any

from rich.table import Table

from store.adjudicate import report

from ..safe import safe, safe_line
from .common import Subcommands, UserError, console_for, open_store

ORDER = 36


def fmt(value: Any) -> str:
    if value is None:
        return "n/a"
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def rows(rep: dict[str, Any]) -> list[tuple[str, str, str, str, Any]]:
    """The report flattened: (section, pair, item, measure, value) — the CSV, and the tables."""
    out: list[tuple[str, str, str, str, Any]] = [("status", "all", "", "alpha", rep["status"]["alpha"])]
    for pair, v in rep["status"]["pairs"].items():
        out += [("status", pair, "", "articles", v["articles"]), ("status", pair, "", "agree", v["agree"]),
                ("status", pair, "", "kappa", v["kappa"])]
    for pair, modes in rep["entities"].items():
        for mode, labels in modes.items():
            for label, m in labels.items():
                for k in ("a", "b", "tp", "precision", "recall", "f1"):
                    out.append((f"entities {mode}", pair, label, k, m[k]))
    out.append(("records", "all", "type", "alpha", rep["records"]["type_alpha"]))
    for pair, v in rep["records"]["pairs"].items():
        for k in ("articles", "aligned", "only_a", "only_b", "type_kappa"):
            out.append(("records", pair, "", k, v[k]))
        for slot, share in v["slots"].items():
            out.append(("records", pair, slot, "agree share", share))
        for name, n in v["conventions"].items():
            out.append(("records", pair, name, "differ by this convention", n))
    for reviewer, counts in rep["progress"].items():
        for k, n in counts.items():
            out.append(("progress", reviewer, "", k, n))
    return out


def cmd_agreement(args: argparse.Namespace) -> int:
    reviewers = [r.strip() for r in args.reviewers.split(",") if r.strip()] if args.reviewers else None
    if reviewers is not None and len(reviewers) < 2:
        raise UserError("--reviewers takes two or more names, separated by commas")
    twice = sorted({r for r in reviewers or [] if reviewers and reviewers.count(r) > 1})
    if twice:
        raise UserError(f"--reviewers names {safe_line(twice[0])} twice")
    with open_store(args, read_only=True) as st:
        rep = report(st, " ".join(args.query) or None, reviewers)
    if args.json:
        sys.stdout.write(json.dumps(rep, ensure_ascii=True, indent=1) + "\n")  # ascii: no control codes
        return 0
    if args.csv:
        w = csv.writer(sys.stdout)
        w.writerow(("section", "pair", "item", "measure", "value"))
        for row in rows(rep):
            w.writerow([safe(str(c)) if c is not None else "" for c in row])
        return 0
    console = console_for(args)
    names = ", ".join(safe_line(r) for r in rep["reviewers"]) or "none"
    console.print(f"{rep['articles']} article(s) finished by two or more of: {names}")
    if not rep["articles"]:
        console.print("nothing to compare yet: merge another reviewer's work with `tandai merge`")
    status = Table(title="article status", box=None)
    for col in ("pair", "articles", "agree", "Cohen's κ"):
        status.add_column(col)
    for pair, v in rep["status"]["pairs"].items():
        status.add_row(safe_line(pair), str(v["articles"]), str(v["agree"]), fmt(v["kappa"]))
    status.add_row("all", "", "", f"Krippendorff's α {fmt(rep['status']['alpha'])}")
    console.print(status)
    ents = Table(title="entities (B against A): F1 exact / overlapping", box=None)
    for col in ("pair", "label", "A", "B", "P", "R", "F1", "F1 overlap"):
        ents.add_column(col)
    for pair, modes in rep["entities"].items():
        for label, m in modes["exact"].items():
            o = modes["overlap"][label]
            ents.add_row(safe_line(pair), safe_line(label), str(m["a"]), str(m["b"]), fmt(m["precision"]),
                         fmt(m["recall"]), fmt(m["f1"]), fmt(o["f1"]))
    console.print(ents)
    recs = Table(title="records", box=None)
    for col in ("pair", "aligned", "only A", "only B", "type κ", *rep["records"]["pairs"].get(
            next(iter(rep["records"]["pairs"]), ""), {}).get("slots", {})):
        recs.add_column(col)
    for pair, v in rep["records"]["pairs"].items():
        counts = (str(v["aligned"]), str(v["only_a"]), str(v["only_b"]), fmt(v["type_kappa"]))
        recs.add_row(safe_line(pair), *counts, *(fmt(s) for s in v["slots"].values()))
    recs.add_row("all", "", "", "", f"type α {fmt(rep['records']['type_alpha'])}")
    console.print(recs)
    for pair, v in rep["records"]["pairs"].items():
        if v["conventions"]:
            differ = v["differ"]["unit"] + v["differ"]["location"]
            named = ", ".join(f"{name} {n}" for name, n in v["conventions"].items())
            console.print(f"{safe_line(pair)}: {sum(v['conventions'].values())} of {differ} unit and place "
                          f"differences are two readings of a convention ({named}); `tandai conventions set` "
                          "settles one for everyone")
    prog = Table(title="progress per reviewer", box=None)
    cols = ("reviewer", "done", "in_progress", "skipped", "irrelevant", "flagged", "records", "adjudicated")
    for col in cols:
        prog.add_column(col)
    for reviewer, counts in rep["progress"].items():
        prog.add_row(safe_line(reviewer), *(str(counts.get(c, 0)) for c in cols[1:]))
    console.print(prog)
    return 0


def register(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("agreement", parents=[common],
                       help="agreement between reviewers: status κ/α, entity F1, records per slot")
    p.add_argument("query", nargs="*", help="only the articles this query selects (default: all)")
    p.add_argument("--reviewers", metavar="A,B", help="only these reviewers (two or more, comma separated)")
    out = p.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="every figure as JSON")
    out.add_argument("--csv", action="store_true", help="every figure as CSV rows")
    p.set_defaults(func=cmd_agreement)
