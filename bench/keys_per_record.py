"""Keys per record in the workbench, pressed through the Textual pilot on the bundled samples.

    python -m bench.keys_per_record [--only N] [--json FILE]

Each target below is one activity a reviewer would code, written by reading the sample article
(its lead activity sentence; type, unit and date, plus the location, partners and personnel
where the sentence states them). Two flows are pressed for every target, each on its own fresh
store of the samples (opening the article, search + Enter, is not counted):

- **suggestion**: ``]`` until the suggestion on the target sentence is under the cursor, then
  ``y`` when every target slot is already right, else ``a`` (accept and edit) and the fixes;
- **by hand**: ``j``/``k`` to the sentence, ``a`` (the pre-filled record), then the fixes;
- **typed**: as by hand, but every target slot is typed whatever the pre-fill holds (what a
  record costs when no guess is right).

A fix is what a reviewer types: Tab/shift+Tab to the field, the value (a type is its one key;
a date ``dd/mm`` when the article's date gives the year, else ``dd/mm/yyyy``; a name is typed
until the completion on offer is the wanted one, then ``→``), Enter. Every key goes through the
pilot and the record is read back from the store: a target counts only if the saved record has
every target slot right.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import statistics
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input
from textual.worker import WorkerCancelled

import store
from store import parse_date

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


async def _type_value(keys: Keys, app: Any, field_name: str, value: Any, published: str | None) -> None:
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
    if field_name in ("type", "date", "personnel"):
        for ch in text:
            await keys.press({" ": "space", "/": "slash", ",": "comma"}.get(ch, ch))
        await keys.press("enter")
        return
    items = value if isinstance(value, list) else [text]
    for n, item in enumerate(items):
        if n:
            await keys.press("comma")
        typed = ""
        for ch in item:
            await keys.press({" ": "space", "/": "slash", ",": "comma"}.get(ch, ch))
            typed += ch
            await keys.pilot.pause()
            await keys.pilot.pause()
            offered = inp._suggestion
            if offered and offered.rpartition(",")[2].strip() == item and offered != inp.value:
                await keys.press("right")
                break
    await keys.press("enter")


async def _fix(keys: Keys, app: Any, record_id: str, want: dict[str, Any], published: str | None,
               every: bool = False) -> list[str]:
    """Correct every wrong target slot of the record in the form (``every``: type them all);
    the fields typed."""
    wrong = list(want) if every else _right(app.owner.record(record_id), want)
    for name in FIELDS:
        if name not in wrong:
            continue
        target = FIELDS.index(name)
        for _ in range(20):
            here = app.focused
            at = FIELDS.index(here.id.removeprefix("field-")) if isinstance(here, Input) and (
                here.id or "").startswith("field-") else None
            if at == target:
                break
            if at is None:
                app.query_one("#field-type").focus()  # never happens in the flows below
                await keys.pilot.pause()
                continue
            await keys.press("tab" if at < target else "shift+tab")
        await _type_value(keys, app, name, want[name], published)
        await keys.settle()
    return wrong


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
            ranked = [s for s in app.workbench.suggestions]
            rank = next((i + 1 for i, s in enumerate(ranked)
                         if s["evidence"][0]["start"] <= at < s["evidence"][0]["end"]), None)
            exact = rank is not None and not [k for k, v in t.want.items() if ranked[rank - 1].get(k) != v]
            if flow == "suggestion" and rank is not None:
                for _ in range(50):
                    start, end = reader.current_sentence()
                    if start <= at < end:
                        break
                    await keys.press("right_square_bracket")
                await keys.press("y" if exact else "a")
            else:
                for _ in range(200):
                    start, end = reader.current_sentence()
                    if start <= at < end:
                        break
                    await keys.press("j" if start < at else "k")
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


def fresh_store(template: Path, into: Path) -> Path:
    dst = into / f"store-{len(list(into.iterdir()))}"
    shutil.copytree(template, dst, ignore=shutil.ignore_patterns("write.lock", "write.owner"))
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
            outcomes += asyncio.run(run_flow(fresh_store(template, stores), flow, targets))
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
