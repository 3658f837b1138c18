"""How far two people agree on the real-shaped gold set's records, beside how far tandai's pre-fill
agrees with each: the ceiling the pre-fill figures should be read against.

``tests/gold/real/second/`` holds a second, independent coding of some dev pages (``STEM.json``, the
records only), written from the annotation guidelines alone by annotators who saw neither the gold
nor tandai. Records of the two codings are paired by their evidence (spans that overlap in the page;
among several on one sentence, the pairs agreeing on most slots first), then compared slot by slot
the way ``evaluate_real`` scores a draft. For the paired records it prints the two people's
agreement and the pre-fill's agreement with either, each drafting from that person's evidence.

    python -m bench.eval_real --agreement
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from store.conventions import convention_between
from store.records import page_key
from tests.gold.evaluate_real import (
    GOLD,
    SLOTS,
    GoldArticle,
    Scores,
    _as_record,
    _norm,
    _share,
    _slot_ok,
    gold_store,
    load,
    score_records,
)

SECOND = GOLD / "second"
# the frozen part coded a second time (session 20): scored in aggregate only, like the frozen part itself
FROZEN_SECOND = GOLD / "frozen_second"


def _span(text: str, evidence: str) -> tuple[int, int] | None:
    at = text.find(evidence)
    if at < 0 and evidence:
        at = text.find(evidence[:60])
    return (at, at + len(evidence)) if at >= 0 else None


def _near_place(a: Any, b: Any) -> bool:
    """The two places are one, or one is written whole inside the other's longer phrase."""
    x, y = _norm(a), _norm(b)
    if x == y:
        return True
    return bool(x) and bool(y) and any(re.search(rf"(?<!\w){re.escape(s)}(?!\w)", t) for s, t in ((x, y), (y, x)))


def pair(text: str, first: list[dict[str, Any]], second: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """Index pairs (first, second) of records whose evidence overlaps, one to one: among candidates the
    pairs agreeing on most slots, then sharing most text, first."""
    spans_a = [_span(text, r.get("evidence") or "") for r in first]
    spans_b = [_span(text, r.get("evidence") or "") for r in second]
    cands = []
    for i, sa in enumerate(spans_a):
        for j, sb in enumerate(spans_b):
            if sa is None or sb is None or not (sa[0] < sb[1] and sb[0] < sa[1]):
                continue
            shared = min(sa[1], sb[1]) - max(sa[0], sb[0])
            agree = sum(_slot_ok(s, first[i].get(s), second[j].get(s)) for s in SLOTS)
            cands.append((agree, shared, i, j))
    used_a: set[int] = set()
    used_b: set[int] = set()
    out = []
    for _, _, i, j in sorted(cands, reverse=True):
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            out.append((i, j))
    return out


@dataclass
class Agreement:
    pages: int = 0
    first: int = 0  # records of the gold's writer
    second: int = 0  # records of the second annotator
    paired: int = 0
    people: dict[str, list[bool]] = field(default_factory=lambda: defaultdict(list))
    draft_first: dict[str, list[bool]] = field(default_factory=lambda: defaultdict(list))
    draft_second: dict[str, list[bool]] = field(default_factory=lambda: defaultdict(list))
    differ: Counter[str] = field(default_factory=Counter)  # the people's unit and place differences
    readings: Counter[str] = field(default_factory=Counter)  # ... that two readings of a convention make



def _agree(art: Any, a: dict[str, Any], b: dict[str, Any]) -> dict[str, bool]:
    """Slot by slot, whether two codings of one activity agree; "same unit": one unit under two of its
    page's names; "near place": one place, or one written inside the other's longer phrase."""
    out = {s: _slot_ok(s, a.get(s), b.get(s)) for s in SLOTS}
    out["same unit"] = bool(a.get("unit")) and page_key(art, str(a.get("unit"))) == page_key(
        art, str(b.get("unit") or ""))
    out["near place"] = _near_place(a.get("location"), b.get("location"))
    return out


def _drafted(st: Any, aid: str, g: GoldArticle, records: list[dict[str, Any]]) -> list[dict[str, bool]]:
    """Per record (in order): how far the pre-fill of its evidence agrees with it."""
    sc = Scores()
    score_records(st, aid, GoldArticle(g.stem, g.text, g.spans, {"records": records}), sc)
    art = st.article(aid)
    return [_agree(art, rec, draft) for rec, draft in zip(records, sc.drafts, strict=True)]


def agreement(groups: dict[str, str] | None = None, part: str = "dev") -> dict[str, Agreement]:
    """Agreement per group of pages (``groups`` maps a page's stem to its group name; every page
    with a second coding is also counted under "all"); ``part`` "frozen" reads ``FROZEN_SECOND``."""
    where = FROZEN_SECOND if part == "frozen" else SECOND
    stems = sorted(p.stem for p in where.glob("*.json"))
    arts = [a for a in load(part, ",".join(stems))] if stems else []
    out: dict[str, Agreement] = defaultdict(Agreement)
    with gold_store(arts, "agreement") as (st, ids):
        for g in arts:
            first = g.meta.get("records", [])
            second = json.loads((where / f"{g.stem}.json").read_text(encoding="utf-8"))["records"]
            pairs = pair(g.text, first, second)
            on_first = _drafted(st, ids[g.stem], g, first)
            on_second = _drafted(st, ids[g.stem], g, second)
            art = st.article(ids[g.stem])
            for name in ("all", (groups or {}).get(g.stem, "")):
                if not name:
                    continue
                ag = out[name]
                ag.pages += 1
                ag.first += len(first)
                ag.second += len(second)
                ag.paired += len(pairs)
                for i, j in pairs:
                    people = _agree(art, first[i], second[j])
                    for s in ("unit", "location"):
                        if not people[s]:
                            ag.differ[s] += 1
                            reading = convention_between(_as_record(first[i], first[i].get("evidence") or ""),
                                                         _as_record(second[j], second[j].get("evidence") or ""), s)
                            ag.readings[reading or ""] += reading is not None
                    for s in (*SLOTS, "same unit", "near place"):
                        ag.people[s].append(people[s])
                        ag.draft_first[s].append(on_first[i][s])
                        ag.draft_second[s].append(on_second[j][s])
    return dict(out)


def writer_group(stem: str) -> str:
    """Who wrote a dev page's gold (tests/gold/real/README.md): the first writers (d01-d26, e01-e129,
    who wrote in the frozen part's days), the older writers (e130-e425) or the judges (e426 on)."""
    m = re.match(r"e(\d+)_", stem)
    n = int(m.group(1)) if m else 0
    return "the first writers' pages" if n <= 129 else "the older writers' pages" if n <= 425 else "the judges' pages"


def report(group: Any = writer_group) -> None:
    """Print the agreement on all the dev pages coded twice, then per writer group; then the frozen
    part's, whole (its pages are never listed nor grouped)."""
    stems = [p.stem for p in SECOND.glob("*.json")]
    runs = [("dev", agreement({s: group(s) for s in stems}))]
    if any(FROZEN_SECOND.glob("*.json")):
        runs.append(("frozen", agreement(part="frozen")))
    for part, found in runs:
        for name, ag in found.items():
            print(f"\n## agreement, {part} part, {name}: {ag.pages} {part} pages coded twice")
            print(f"records: the gold's writer {ag.first}, the second annotator {ag.second}; paired by evidence "
                  f"{ag.paired} ({ag.paired / ag.first if ag.first else 0:.2f} of the writer's, "
                  f"{ag.paired / ag.second if ag.second else 0:.2f} of the second's)")
            print(f"on the {ag.paired} paired records, slot by slot: the two people | the pre-fill and the writer | "
                  "the pre-fill and the second annotator")
            for s in (*SLOTS, "same unit", "near place"):
                print(f"  {s:10} {_share(ag.people[s]):>18} | {_share(ag.draft_first[s]):>18} | "
                      f"{_share(ag.draft_second[s]):>18}")
            print("  (same unit: one unit under two of its page's names agrees; near place: a place written inside "
                  "the other's longer phrase agrees)")
            named = ", ".join(f"{k} {n}" for k, n in sorted(ag.readings.items()) if k and n)
            print(f"  of the people's {ag.differ['unit']} unit and {ag.differ['location']} place differences, "
                  f"{sum(ag.readings.values())} are two readings of a coding convention ({named or 'none'})")
