"""Keys per record in the workbench, pressed through the Textual pilot on the bundled samples.

    python -m bench.keys_per_record [--only N] [--json FILE]

Each target below is one activity a reviewer would code, written by reading the sample article
(its lead activity sentence; type, unit and date, plus the location, partners and personnel
where the sentence states them). Three flows are pressed for every target, each on its own fresh
store of the samples (opening the article, search + Enter, is not counted):

- **suggestion**: ``]`` until the suggestion on the target sentence is under the cursor, then
  ``y`` when every target slot is already right, else ``a`` (accept and edit) and the fixes;
- **by hand**: no suggestion helps: every suggestion of the article was rejected beforehand
  (through the store, not counted), so the reader's cursor starts where the article opens; the
  reviewer moves to the sentence with ``j``/``k`` (counted), presses ``a`` (a pre-filled draft)
  and fixes what is wrong;
- **typed**: as by hand, but every target slot is typed whatever the pre-fill holds (what a
  record costs when no guess is right).

A fix is what a reviewer types: Tab/shift+Tab to the field (``ctrl+g`` and its letter when it
lies more than two fields away), the value, Enter. A type is its one
key; a date is ``down`` to it among the first four dates the field offers (the ones the article
writes, its sentence's own first), else ``dd/mm`` when the article's date gives the year, else
``dd/mm/yyyy``; a name (unit,
location, each partner) is typed the way the field completes it: the fewest letters (the start
of the name, of one of its words, or its initials; or nothing at all, in an empty field) after
which the name is among the first four the field offers, ``down`` to it, then ``Enter`` (or
``right`` and ``,`` before the next partner); where fewer keys do, a name is grown from the
record's text instead (``ctrl+left``/``ctrl+right``: from the value focusing selected, from its
start typed, or from a name on offer taken); a name the field cannot offer is typed in full.
The typist reads the field's own candidates and matching (what the reviewer sees offered), and
every key goes through the pilot; the record is read back from the store: a target counts only
if the saved record has every target slot right.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import shutil
import statistics
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from textual.keys import _character_to_key
from textual.pilot import Pilot
from textual.widgets import Input
from textual.worker import WorkerCancelled

import store
from store import parse_date
from store.suggest.completions import grow

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_articles"
FIELDS = ("type", "unit", "date", "location", "partners", "personnel", "phase", "notes")


@dataclass
class Target:
    query: str  # finds the article (top hit)
    needle: str  # words of the activity sentence
    want: dict[str, Any] = field(default_factory=dict)


TARGETS = [
    Target("balocci", "menggelar patroli dialogis pada Sabtu",
           {"type": "patrol", "unit": "Polsek Balocci", "date": "2024-10-12"}),
    Target("paser pleno", "Polres Paser menebalkan pengamanan",
           {"type": "static_guard", "unit": "Polres Paser", "date": "2024-12-03"}),
    Target("subang rakor", "menggelar rapat koordinasi (rakor)",
           {"type": "coordination", "unit": "Polres Subang", "date": "2024-09-27",
            "location": "Aula Wira Satya Mapolres Subang",
            "partners": ["KPU Kabupaten Subang", "Bawaslu Kabupaten Subang", "Kodim 0605/Subang"]}),
    Target("tanjung kemuning", "terus menggencarkan kegiatan cooling system",
           {"type": "community_outreach", "unit": "Polsek Tanjung Kemuning", "date": "2024-11-12"}),
    Target("rasau jaya", "melaksanakan patroli malam di wilayah Kecamatan Rasau Jaya",
           {"type": "patrol", "unit": "Polsek Rasau Jaya", "date": "2024-10-04",
            "location": "Kecamatan Rasau Jaya"}),
    Target("jakarta timur tps", "Sebanyak 2.140 personel",
           {"type": "static_guard", "unit": "Polres Metro Jakarta Timur", "date": "2024-11-27",
            "personnel": 2140}),
    Target("banyuwangi patroli gabungan", "menggelar patroli gabungan skala besar",
           {"type": "patrol", "unit": "Polresta Banyuwangi", "date": "2024-11-24",
            "partners": ["Kodim 0825/Banyuwangi", "Lanal Banyuwangi"]}),
    Target("kalbar apel gelar pasukan", "menggelar Apel Gelar Pasukan Operasi",
           {"type": "ceremony_apel", "unit": "Polda Kalimantan Barat", "date": "2024-09-23",
            "location": "Mapolda Kalbar"}),
    Target("lampung barat logistik", "mengawal distribusi logistik Pilkada 2024",
           {"type": "escort", "unit": "Polres Lampung Barat", "date": "2024-11-19"}),
    Target("jumat curhat bulukumba", "kembali menggelar program Jumat Curhat",
           {"type": "community_outreach", "unit": "Polres Bulukumba", "date": "2024-10-18",
            "location": "Kelurahan Caile"}),
    Target("sispamkota magelang", "menggelar simulasi sistem pengamanan kota",
           {"type": "planning", "unit": "Polres Magelang", "date": "2024-10-10"}),
    Target("kutim bko", "menerima 150 personel Bawah Kendali Operasi",
           {"type": "troop_deployment", "unit": "Polres Kutai Timur", "date": "2024-11-21",
            "personnel": 150, "partners": ["Satbrimob Polda Kaltim"]}),
    Target("seginim kades", "mengumpulkan para kepala desa",
           {"type": "coordination", "unit": "Polsek Seginim", "date": "2024-09-16",
            "location": "Balai Desa Tanjung Aur"}),
    Target("tts tps rawan", "memetakan 92 tempat pemungutan suara",
           {"type": "planning", "unit": "Polres Timor Tengah Selatan", "date": "2024-11-15"}),
]


@dataclass
class Outcome:
    target: str
    flow: str
    keys: int
    right: bool  # the saved record has every target slot
    as_suggested: bool = False  # the suggestion (or pre-fill) was right without a fix
    rank: int | None = None  # the suggestion's rank (1 = best), None: no suggestion there
    fixed: list[str] = field(default_factory=list)


class Keys:
    """Presses keys through the pilot and counts them."""

    def __init__(self, pilot: Pilot) -> None:
        self.pilot, self.count = pilot, 0

    async def press(self, *keys: str) -> None:
        self.count += len(keys)
        await self.pilot.press(*keys)

    async def settle(self) -> None:
        app = self.pilot.app
        await self.pilot.pause()
        for _ in range(5):
            try:
                await app.workers.wait_for_complete()
                break
            except WorkerCancelled:
                await self.pilot.pause()
        await self.pilot.pause()


def _shown(value: Any) -> str:
    return ", ".join(value) if isinstance(value, list) else "" if value is None else str(value)


def _right(record: Any, want: dict[str, Any]) -> list[str]:
    """The target slots the record has wrong."""
    return [k for k, v in want.items() if getattr(record, k) != v]


def _key(ch: str) -> str:
    return _character_to_key(ch)


def _plans(name: str) -> list[str]:
    """What a reviewer may type to find ``name``: nothing, the start of the name, the start of
    one of its words, its initials."""
    words = re.findall(r"[^\W_]+", name)
    out = [""] + [name[:n] for n in range(1, len(name) + 1)]
    out += [w[:n] for w in words for n in range(1, len(w) + 1)]
    if len(words) > 1:
        out.append("".join(w[0] for w in words).lower())
    return list(dict.fromkeys(out))


def _same(a: str, b: str, fold: bool) -> bool:
    return a.casefold() == b.casefold() if fold else a == b


def _cheapest(inp: Any, head: str, name: str, browse: bool, fold: bool = False) -> tuple[str, int] | None:
    """(what to type, downs) costing the fewest keys to have ``name`` on offer, by the field's
    own matching; None when the field cannot offer it within four (``fold``: the name on offer
    in another case is as good, as the gold set's scorer counts it)."""
    best: tuple[int, str, int] | None = None
    for typed in _plans(name):
        if not typed and not browse:
            continue
        offers = inp._matches(head, typed)
        at = next((i for i, offer in enumerate(offers[:4]) if _same(offer, name, fold)), -1)
        if at < 0:
            continue
        downs = at + 1 if not typed else at
        cost = len(typed) + downs
        if best is None or cost < best[0]:
            best = (cost, typed, downs)
    return None if best is None else (best[1], best[2])


async def _type_value(keys: Keys, app: Any, field_name: str, value: Any, published: str | None,
                      fold: bool = False) -> None:
    """Type ``value`` into the focused field as a reviewer would, then Enter."""
    inp = app.focused
    assert isinstance(inp, Input), inp
    if field_name == "type":
        text = app.workbench.taxonomy.activities[value].key
    elif field_name == "date":
        y, m, d = value.split("-")
        short = f"{int(d)}/{int(m)}"
        text = short if parse_date(short, published) == value else f"{int(d)}/{int(m)}/{y}"
    else:
        text = _shown(value)
    if field_name == "date":  # the article's own dates, nearest the sentence, are offered
        offered = [parse_date(d, published) for d in inp._matches("", "")[:4]]
        if value in offered and offered.index(value) + 2 < len(text) + 1:
            for _ in range(offered.index(value) + 1):
                await keys.press("down")
            await keys.pilot.pause()
            assert parse_date(inp.offers[inp.offer_at], published) == value, (inp.offers, value)
            await keys.press("enter")
            return
    if field_name not in ("unit", "location", "partners"):
        for ch in text:
            await keys.press(_key(ch))
        await keys.press("enter")
        return
    await type_items(keys, inp, value if isinstance(value, list) else [text], fold=fold)


def _grows(inp: Any, start: str, name: str, fold: bool, most: int = 30) -> list[str] | None:
    """The fewest ``ctrl+left`` then ``ctrl+right`` that grow ``start`` into ``name`` in the field
    ``inp`` (its own ``grow`` over the record's text), or None."""
    text, at, until = inp._near
    best: list[str] | None = None
    value: str | None = start
    for lefts in range(most):
        if value is None or len(value) > len(name) + 2:
            break
        here, rights = value, 0
        while here is not None and len(here) <= len(name) + 2 and lefts + rights < most:
            if _same(here, name, fold):
                if best is None or lefts + rights < len(best):
                    best = ["ctrl+left"] * lefts + ["ctrl+right"] * rights
                break
            here, rights = grow(text, here, at, until), rights + 1
        value = grow(text, value, at, until, left=True)
    return best


def _grow_plan(inp: Any, head: str, name: str, fold: bool, fresh: bool) -> list[str] | None:
    """The fewest keys, before the last Enter, that have ``name`` in the field by growing it from the
    record's text (``Field.grow``): the value focusing selected grown (``fresh``); the start of the
    name typed, then grown right; a name on offer taken (``right``), then grown; None when none is
    cheaper than typing or completing it."""
    if not getattr(inp, "grows", False) or not inp._near[0]:
        return None
    plans: list[list[str]] = []
    if fresh and inp.value.strip() and not inp.parts(inp.value)[0] and inp.value.casefold() in name.casefold():
        got = _grows(inp, inp.value, name, fold)
        if got is not None:
            plans.append(got)
    first = name.split()[0]
    for typed in [name[:n] for n in range(1, len(first) + 1)]:
        got = _grows(inp, typed, name, fold)
        if got is not None:
            plans.append([_key(ch) for ch in typed] + got)
            break  # a longer start costs more
    for offer in inp._matches(head, "")[:200]:
        if offer.casefold() in name.casefold() and not _same(offer, name, fold):
            got = _grows(inp, offer, name, fold)
            plan = _cheapest(inp, head, offer, browse=True) if got is not None else None
            if got is not None and plan is not None:
                plans.append([_key(ch) for ch in plan[0]] + ["down"] * plan[1] + ["right"] + got)
    return min(plans, key=len) if plans else None


async def type_items(keys: Keys, inp: Any, items: list[str], after: bool = False, fold: bool = False) -> None:
    """Each name of ``items`` typed into the field ``inp`` the way it completes it, or grown from the
    record's text where that takes fewer keys, the last one with Enter (``after``: appended, a comma
    first, to the list the field holds)."""
    for n, item in enumerate(items):
        last = n == len(items) - 1
        fresh = not n and not after and inp._all_selected()
        if n or after:
            await keys.press("comma")
        await keys.pilot.pause()
        head = inp.split(inp.value)[0] if n or after else ""
        plan = _cheapest(inp, head, item, browse=True, fold=fold)
        typed, downs = plan if plan else (item, 0)
        grown = _grow_plan(inp, inp.parts(inp.value)[0] if n or after else "", item, fold, fresh)
        if grown is not None and len(grown) < len(typed) + downs + (1 if plan else 0):
            for key in grown:
                await keys.press(key)
                await keys.pilot.pause()
            assert _same(inp.parts(inp.value)[1], item, fold), (item, grown, inp.value)
            if last:
                await keys.press("enter")
            continue
        for ch in typed:
            await keys.press(_key(ch))
        for _ in range(downs):
            await keys.press("down")
        await keys.pilot.pause()
        if plan is None:  # typed in full: Tab keeps it as typed when a longer name is on offer
            if last:
                await keys.press("tab" if inp.offers else "enter")
            continue
        assert inp.offers and _same(inp.offers[inp.offer_at], item, fold), (item, typed, inp.offers)
        await keys.press("enter" if last else "right")


async def to_field(keys: Keys, app: Any, name: str) -> None:
    """Tab / shift+Tab through the form to the field ``name``, or ``ctrl+g`` and its letter where
    that takes fewer keys."""
    from tui.widgets.tagging import FIELD_LETTERS

    target = FIELDS.index(name)
    here = app.focused
    if isinstance(here, Input) and (here.id or "").startswith("field-"):
        at = FIELDS.index(here.id.removeprefix("field-"))
        if abs(target - at) > 2:
            letter = next(k for k, v in FIELD_LETTERS.items() if v == name)
            await keys.press("ctrl+g", letter)
            await keys.settle()
            assert app.focused is app.query_one(f"#field-{name}"), (name, app.focused)
            return
    for _ in range(20):
        here = app.focused
        at = FIELDS.index(here.id.removeprefix("field-")) if isinstance(here, Input) and (
            here.id or "").startswith("field-") else None
        if at == target:
            return
        if at is None:  # the form lost focus (not seen in these flows): clicking into it counts as a key
            app.query_one("#field-type").focus()
            keys.count += 1
            await keys.pilot.pause()
            continue
        await keys.press("tab" if at < target else "shift+tab")


async def _fix(keys: Keys, app: Any, record_id: str, want: dict[str, Any], published: str | None,
               every: bool = False) -> list[str]:
    """Correct every wrong target slot of the record in the form (``every``: type them all);
    the fields typed."""
    wrong = list(want) if every else _right(app.owner.record(record_id), want)
    for name in FIELDS:
        if name not in wrong:
            continue
        await to_field(keys, app, name)
        await _type_value(keys, app, name, want[name], published)
        await keys.settle()
    return wrong


async def to_sentence(keys: Keys, reader: Any, at: int, marks: Iterable[int] = ()) -> None:
    """``j``/``k`` until the reader's sentence holds the character offset ``at``; first ``}`` (``{``)
    to the suggested sentences below (above) the cursor where fewer keys do (``marks``: where the
    suggestions start)."""
    target, here = reader._sentence_at(at), reader.sentence_index
    rows = sorted({reader._sentence_at(m) for m in marks})
    best: tuple[int, list[str]] = (abs(target - here), [])
    for key, later in (("right_curly_bracket", True), ("left_curly_bracket", False)):
        pos, pressed = here, []
        while (nxt := next((r for r in (rows if later else rows[::-1]) if (r > pos if later else r < pos)),
                           None)) is not None:
            pos, pressed = nxt, [*pressed, key]
            if len(pressed) + abs(target - pos) < best[0]:
                best = (len(pressed) + abs(target - pos), pressed)
    for key in best[1]:
        await keys.press(key)
    for _ in range(400):
        start, end = reader.current_sentence()
        if start <= at < end:
            return
        await keys.press("j" if start < at else "k")


async def _open(keys: Keys, query: str) -> None:
    await keys.settle()
    await keys.pilot.press("escape", "slash", *[{" ": "space"}.get(c, c) for c in query])
    await keys.settle()
    await keys.pilot.press("enter")
    await keys.settle()


async def run_flow(store_path: Path, flow: str, targets: list[Target]) -> list[Outcome]:
    from tui.app import TandaiApp
    from tui.widgets.reader import Reader
    from tui.widgets.tagging import TaggingPanel

    app = TandaiApp(store_path, reviewer="bench", config={})
    out: list[Outcome] = []
    async with app.run_test(size=(160, 50)) as pilot:
        keys = Keys(pilot)
        for t in targets:
            await _open(keys, t.query)
            article = app.workbench.article
            assert article is not None
            at = article.text.index(t.needle)
            reader = app.query_one(Reader)
            keys.count = 0
            ranked = list(app.workbench.suggestions)
            rank = next((i + 1 for i, s in enumerate(ranked)
                         if s["evidence"][0]["start"] <= at < s["evidence"][0]["end"]), None)
            exact = rank is not None and not [k for k, v in t.want.items() if ranked[rank - 1].get(k) != v]
            if flow != "suggestion":
                assert not ranked, f"{t.query}: suggestions left for a hand-coded record"
            if flow == "suggestion" and rank is not None:
                for _ in range(50):
                    start, end = reader.current_sentence()
                    if start <= at < end:
                        break
                    await keys.press("right_square_bracket")
                await keys.press("y" if exact else "a")
            else:
                await to_sentence(keys, reader, at)
                await keys.press("a")
            await keys.settle()
            panel = app.query_one(TaggingPanel)
            record_id = panel.record_id
            if record_id is None:  # a draft the store refused: fill what it lacks first
                for name in ("type", "unit"):
                    if name in panel.problems:
                        panel.focus_field(name)
                        await _type_value(keys, app, name, t.want[name], article.published)
                        await keys.settle()
                record_id = panel.record_id
            fixed: list[str] = []
            if record_id is not None:
                fixed = await _fix(keys, app, record_id, t.want, article.published, every=flow == "typed")
                wrong = _right(app.owner.record(record_id), t.want)
            else:
                wrong = ["(not saved)"]
            out.append(Outcome(t.query, flow, keys.count, not wrong, not fixed and record_id is not None,
                               rank, fixed))
            app.query_one(Reader).focus()
            await keys.settle()
    return out


def fresh_store(template: Path, into: Path, reject: list[Target] | None = None) -> Path:
    """A copy of the template store; ``reject``: with every suggestion of those targets'
    articles rejected (as the bench's reviewer), so none helps."""
    dst = into / f"store-{len(list(into.iterdir()))}"
    shutil.copytree(template, dst, ignore=shutil.ignore_patterns("write.lock", "write.owner"))
    if reject:
        with store.open(dst, reviewer="bench") as st:
            for t in reject:
                aid = st.search(t.query, limit=1).hits[0]
                for _ in range(5):
                    left = st.suggestions(aid)
                    if not left:
                        break
                    for s in left:
                        st.reject_suggestion(aid, s["key"])
    return dst


def summary(outcomes: list[Outcome]) -> dict[str, Any]:
    res: dict[str, Any] = {}
    for flow in ("suggestion", "hand", "typed"):
        rows = [o for o in outcomes if o.flow == flow]
        if not rows:
            continue
        keys = [o.keys for o in rows]
        res[flow] = {
            "targets": len(rows), "right": sum(o.right for o in rows),
            "median": statistics.median(keys), "mean": round(statistics.mean(keys), 1), "max": max(keys),
            "as_suggested": sum(o.as_suggested for o in rows),
        }
        if flow == "suggestion":
            accepted = [o.keys for o in rows if o.as_suggested and o.rank is not None]
            res[flow]["found"] = sum(o.rank is not None for o in rows)
            res[flow]["accepted_right_median"] = statistics.median(accepted) if accepted else None
            res[flow]["accepted_right_max"] = max(accepted) if accepted else None
    return res


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", type=int, default=0, help="the first N targets only (CI)")
    ap.add_argument("--json", type=Path, help="write every outcome here")
    args = ap.parse_args(argv)
    targets = TARGETS[: args.only] if args.only else TARGETS
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        template = work / "template"
        with store.open(template, reviewer="bench") as st:
            st.ingest([SAMPLES])
        stores = work / "stores"
        stores.mkdir()
        outcomes: list[Outcome] = []
        for flow in ("suggestion", "hand", "typed"):
            rejected = targets if flow != "suggestion" else None
            outcomes += asyncio.run(run_flow(fresh_store(template, stores, rejected), flow, targets))
    print(f"{'target':30} {'flow':10} {'keys':>4} {'rank':>4} right  fixed")
    for o in outcomes:
        print(f"{o.target:30} {o.flow:10} {o.keys:4} {o.rank or '-':>4} {'yes' if o.right else 'NO ':5}  "
              f"{', '.join(o.fixed) or ('(as suggested)' if o.as_suggested else '')}")
    figures = summary(outcomes)
    print(json.dumps(figures, indent=1))
    if args.json:
        args.json.write_text(json.dumps({"outcomes": [o.__dict__ for o in outcomes], "summary": figures}, indent=1))
    return 0 if all(o.right for o in outcomes) else 1


if __name__ == "__main__":
    sys.exit(main())
