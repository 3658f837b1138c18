"""The figures behind ``tandai stats --plot``, ``--json`` and the workbench's stats screen, as
plain data (dicts and lists of str and int, JSON as they are), so that the terminal plot, the
screen and a notebook draw the same numbers.

Computed in one pass over the records and one over the statuses, from the annotations in
memory: at 100k articles and 20k records well under a second (``bench/bench_stats.py``).
The election calendar comes from ``store.text.phases`` (the one owner of its dates), places
from ``store.text.regions``.

Coding progress over time is built from each status's ``updated`` time: the day an article got
its present status. An article marked done and later set back to todo counts as todo, on no
day done; the journal's older changes are folded into snapshots and are not kept for ever,
so the present statuses are the history that is always there.
"""

from __future__ import annotations

import time
from collections import Counter
from datetime import date, timedelta
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from store.model import PHASES
from store.text.phases import CALENDAR, FIRST_DAY
from store.text.regions import place_of

if TYPE_CHECKING:
    from store.store import Store

TOP_UNITS = 15
#: the phases drawn on the weekly plot (pre and na are the calendar's edges, not events)
MARKED = ("campaign", "quiet", "voting", "post")
#: a status that is a decision about the article (todo and in_progress are not)
DECIDED = frozenset({"done", "skipped", "irrelevant", "flagged"})


def calendar() -> list[dict[str, str]]:
    """The marked phases with their first and last day (ISO), from ``phases.CALENDAR``."""
    out = []
    for (start, name), (following, _) in pairwise(CALENDAR):
        if name in MARKED:
            out.append({"phase": name, "first": start.isoformat(),
                        "last": (following - timedelta(days=1)).isoformat()})
    return out


def _calendar_end() -> date:
    """The first day after the calendar (the "na" phase at its end)."""
    return CALENDAR[-1][0]


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _place(location: str, unit: str) -> tuple[str | None, str | None]:
    """Regency and province of a record: its location first, else its unit ("Polres Kutim");
    a unit's regency fills in a location that names only the province."""
    regency, province = place_of(location) if location else (None, None)
    if regency is None:
        unit_regency, unit_province = place_of(unit) if unit else (None, None)
        if unit_regency is not None and province in (None, unit_province):
            regency = unit_regency
        province = province or unit_province
    return regency, province


def _weekly(days: Counter[str]) -> dict[str, Any]:
    """Records per week (weeks start on Monday), zero-filled, spanning at least the campaign to
    the day after voting so the calendar's marks are always on the axis."""
    end = _calendar_end()
    weeks: Counter[date] = Counter()
    outside = undated = 0
    for text, n in days.items():
        try:
            day = date.fromisoformat(text[:10]) if text else None
        except ValueError:
            day = None
        if day is None:
            undated += n
        elif not FIRST_DAY <= day < end:
            outside += n
        else:
            weeks[_monday(day)] += n
    marks = calendar()
    first = _monday(date.fromisoformat(marks[0]["first"]))
    last = _monday(date.fromisoformat(marks[-1]["first"]) + timedelta(days=21))  # recapitulation
    if weeks:
        first, last = min(first, *weeks), max(last, *weeks)
    series = []
    week = first
    while week <= last:
        series.append({"week": week.isoformat(), "records": weeks.get(week, 0)})
        week += timedelta(days=7)
    return {"weeks": series, "undated": undated, "outside_calendar": outside}


def _ranked(counts: Counter[str], top: int | None = None) -> dict[str, int]:
    """Most first, ties by name (so the order never depends on the order records were read)."""
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return dict(ranked[:top] if top else ranked)


def _progress(st: Store, total: int) -> dict[str, Any]:
    """Per reviewer, per day a status was set: articles done and still todo by the end of it."""
    per: dict[str, Counter[tuple[str, str]]] = {}
    for entry in st.annotations.values("status"):
        day = str(entry.get("updated") or "")[:10] or "undated"
        counts = per.get(entry["reviewer"])
        if counts is None:  # not setdefault: that builds a Counter per status
            counts = per[entry["reviewer"]] = Counter()
        counts[(day, entry["status"])] += 1
    reviewers: dict[str, list[dict[str, Any]]] = {}
    for reviewer in sorted(per):
        by_day: dict[str, Counter[str]] = {}
        for (day, status), n in per[reviewer].items():
            by_day.setdefault(day, Counter())[status] += n
        done = decided = 0
        series = []
        for day in sorted(by_day):
            done += by_day[day]["done"]
            decided += sum(n for s, n in by_day[day].items() if s in DECIDED)
            series.append({"day": day, "done": done, "todo": max(0, total - decided)})
        reviewers[reviewer] = series
    return {"articles": total, "reviewers": reviewers}


def figures(st: Store, top_units: int = TOP_UNITS) -> dict[str, Any]:
    """Every figure of the stats screen, as data (see ``docs/stats.md`` for each key)."""
    started = time.perf_counter()
    types: Counter[str] = Counter()
    units: Counter[str] = Counter()
    phases: Counter[str] = Counter()
    days: Counter[str] = Counter()
    regencies: Counter[str] = Counter()
    provinces: Counter[str] = Counter()
    unplaced = 0
    places: dict[tuple[str, str], tuple[str | None, str | None]] = {}
    records = 0
    for r in st.annotations.values("records"):
        records += 1
        unit, location = r.get("unit") or "", r.get("location") or ""
        types[r.get("type") or ""] += 1
        units[unit] += 1
        phases[r.get("phase") or "na"] += 1
        days[r.get("date") or ""] += 1
        key = (location, unit)
        place = places.get(key)
        if place is None:
            place = places[key] = _place(location, unit)
        regency, province = place
        if regency is not None:
            regencies[regency] += 1
        if province is not None:
            provinces[province] += 1
        if regency is None and province is None:
            unplaced += 1
    known_types = list(st.taxonomy.activities)
    by_type = {t: types.get(t, 0) for t in known_types}
    by_type.update(_ranked(Counter({t: n for t, n in types.items() if t not in by_type})))
    top = _ranked(units, top_units)
    total = st.count()
    out = {
        "articles": total,
        "records": records,
        "by_type": by_type,
        "by_unit": {"top": top, "other": records - sum(top.values()), "units": len(units)},
        "by_province": _ranked(provinces),
        "by_regency": _ranked(regencies),
        "unplaced": unplaced,
        "by_phase": {p: phases.get(p, 0) for p in PHASES}
        | _ranked(Counter({p: n for p, n in phases.items() if p not in PHASES})),
        "weekly": _weekly(days),
        "calendar": calendar(),
        "progress": _progress(st, total),
    }
    out["seconds"] = round(time.perf_counter() - started, 4)
    return out
