"""Keys per record on the real-page gold, pressed through the Textual pilot as a reviewer codes.

    python -m bench.keys_real --part dev [--pages GLOBS] [--every N] [--json FILE]

Issue 10 began from a trial on real pages: 68 keys per record, 78 % of them corrections of
pre-filled fields. `bench.eval_real` says which slots the draft gets right; this says what the
wrong ones cost at the keyboard. Each gold page is ingested into a fresh store on disk and
opened in the workbench (opening is not counted). Its gold records are coded in the order the
page's gold lists them, each saved before the next is drafted, as a reviewer codes a page:

- ``j``/``k`` to the sentence that holds the record's evidence (from where the cursor is), after
  ``}``/``{`` to the suggested sentences below or above it where that takes fewer keys;
- ``a``: the workbench's draft of that sentence (a suggestion there is accepted and edited);
- each slot the saved draft has wrong (type, unit, date, location, personnel, partners; by
  ``tests/gold/evaluate_real``'s comparison) fixed the way ``bench.keys_per_record``'s typist
  fixes it: Tab to the field (``ctrl+g`` and its letter when more than two away), the value typed the fewest keys the field's completion allows
  (a name on offer in another case taken, as the scorer counts it; a name it cannot offer typed in full; an empty gold value: ``backspace`` on the selected
  text; partners that are only missing: ``End`` and each added after a comma), Enter;
- ``escape`` back to the reader.

Navigation (``j``/``k``, ``}``/``{``, ``a``, ``escape``) and fixes are counted apart. The record is read
back from the store: it counts as right when every slot matches the gold. Evidence running
past the reader's sentence is not extended (evidence is not a scored slot).

Held-back parts (``fresh``, ``frozen``) print aggregates only; per-record lines are for ``dev``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import store
from bench.keys_per_record import FIELDS, Keys, _type_value, to_field, to_sentence, type_items
from tests.gold.evaluate_real import SLOTS, GoldArticle, _norm, _slot_ok, load

HELD_BACK = ("fresh", "frozen")


@dataclass
class Coded:
    stem: str
    evidence: str
    nav: int = 0  # j/k, a, escape
    fix: int = 0  # keys spent fixing slots
    fixed: dict[str, int] = field(default_factory=dict)  # slot -> keys
    right: bool = False  # the saved record has every slot of the gold
    drafted_right: bool = False  # no fix was needed


def _want(rec: dict[str, Any]) -> dict[str, Any]:
    return {s: rec.get(s) for s in SLOTS}


def _wrong(record: Any, want: dict[str, Any]) -> list[str]:
    """The slots of the saved record that differ from the gold, in the form's order."""
    return [s for s in FIELDS if s in want and not _slot_ok(s, want[s], getattr(record, s))]


async def _fix(keys: Keys, app: Any, record_id: str, want: dict[str, Any], published: str | None,
               out: Coded) -> None:
    for name in _wrong(app.owner.record(record_id), want):
        before = keys.count
        await to_field(keys, app, name)
        value = want[name]
        have = {_norm(p) for p in getattr(app.owner.record(record_id), name) or []} if name == "partners" else set()
        if value in (None, "", []):
            await keys.press("backspace", "enter")  # the field's text is selected on focus
        elif have and have < {_norm(p) for p in value}:  # partners missing only: added at the end
            await keys.press("end")
            await type_items(keys, app.focused, [p for p in value if _norm(p) not in have], after=True, fold=True)
        else:
            await _type_value(keys, app, name, value, published, fold=True)
        await keys.settle()
        out.fixed[name] = keys.count - before


async def code_page(app: Any, keys: Keys, aid: str, gold: GoldArticle, every_record: list[Coded]) -> None:
    from tui.widgets.reader import Reader
    from tui.widgets.tagging import TaggingPanel

    app.workbench.open_article(aid)
    await keys.settle()
    reader = app.query_one(Reader)
    reader.focus()
    await keys.settle()
    article = app.workbench.article
    assert article is not None and article.id == aid, (gold.stem, article and article.id)
    for rec in gold.meta.get("records", []):
        ev = rec.get("evidence") or ""
        at = article.text.find(ev)
        if at < 0:
            at = article.text.find(ev[:60])
        if at < 0:
            continue  # the scorer reports these
        out = Coded(gold.stem, ev[:80])
        keys.count = 0
        await to_sentence(keys, reader, at, [int(s["evidence"][0]["start"]) for s in app.workbench.suggestions])
        await keys.press("a")
        await keys.settle()
        panel = app.query_one(TaggingPanel)
        want = _want(rec)
        if panel.record_id is None:  # a draft the store refused: what it lacks first
            for name in ("type", "unit"):
                if name in panel.problems and want.get(name):
                    before = keys.count
                    await to_field(keys, app, name)
                    await _type_value(keys, app, name, want[name], article.published, fold=True)
                    await keys.settle()
                    out.fixed[name] = keys.count - before
        out.nav = keys.count - sum(out.fixed.values())
        if panel.record_id is not None:
            rid = panel.record_id
            out.drafted_right = not out.fixed and not _wrong(app.owner.record(rid), want)
            await _fix(keys, app, rid, want, article.published, out)
            out.right = not _wrong(app.owner.record(rid), want)
        out.fix = sum(out.fixed.values())
        await keys.press("escape")
        await keys.settle()
        if app.focused is not reader:
            reader.focus()
            await keys.settle()
        out.nav = keys.count - out.fix
        every_record.append(out)


async def run(store_path: Path, pages: list[tuple[str, GoldArticle]]) -> list[Coded]:
    from tui.app import TandaiApp

    app = TandaiApp(store_path, reviewer="bench", config={})
    coded: list[Coded] = []
    async with app.run_test(size=(160, 50)) as pilot:
        keys = Keys(pilot)
        await keys.settle()
        for aid, gold in pages:
            await code_page(app, keys, aid, gold, coded)
    return coded


def summary(coded: list[Coded]) -> dict[str, Any]:
    if not coded:
        return {"records": 0}
    total = [c.nav + c.fix for c in coded]
    slots = Counter[str]()
    slot_keys = Counter[str]()
    for c in coded:
        for s, k in c.fixed.items():
            slots[s] += 1
            slot_keys[s] += k
    return {
        "records": len(coded),
        "keys_mean": round(statistics.mean(total), 1),
        "keys_median": statistics.median(total),
        "nav_mean": round(statistics.mean(c.nav for c in coded), 1),
        "fix_mean": round(statistics.mean(c.fix for c in coded), 1),
        "fix_share": round(sum(c.fix for c in coded) / max(1, sum(total)), 2),
        "drafted_right": sum(c.drafted_right for c in coded),
        "right_in_the_end": sum(c.right for c in coded),
        "fixes_by_slot": {s: {"records": slots[s], "keys": slot_keys[s],
                              "keys_per_fix": round(slot_keys[s] / slots[s], 1)} for s in FIELDS if slots[s]},
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--part", default="dev", choices=("dev", "fresh", "frozen"))
    ap.add_argument("--pages", default="*", help="comma-separated file-stem globs")
    ap.add_argument("--every", type=int, default=1, help="every Nth page only (a sample)")
    ap.add_argument("--json", type=Path, help="write the summary (and dev's records) here")
    args = ap.parse_args(argv)
    arts = [g for g in load(args.part, args.pages) if g.meta.get("records")][:: max(1, args.every)]
    with tempfile.TemporaryDirectory(prefix="tandai-keys-") as tmp:
        src = Path(tmp) / "in"
        src.mkdir()
        for g in arts:
            (src / f"{g.stem}.txt").write_text(g.text, encoding="utf-8")
        path = Path(tmp) / "store"
        with store.open(path, reviewer="bench") as st:
            st.ingest([src])
            by_stem = {Path(a.source).stem: a.id for a in st.articles()}
        pages = [(by_stem[g.stem], g) for g in arts if g.stem in by_stem]
        coded = asyncio.run(run(path, pages))
    figures = summary(coded)
    figures.update(part=args.part, pages=len(pages))
    if args.part not in HELD_BACK:
        for c in coded:
            print(f"{c.stem[:36]:36} {c.nav:3} + {c.fix:3} {'right' if c.right else 'WRONG':5} "
                  f"{' '.join(f'{s}:{k}' for s, k in c.fixed.items())}")
    print(json.dumps(figures, indent=1))
    if args.json:
        body: dict[str, Any] = {"summary": figures}
        if args.part not in HELD_BACK:
            body["records"] = [asdict(c) for c in coded]
        args.json.write_text(json.dumps(body, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
