"""The stats charts, drawn with plotext from ``store.stats.figures``: the same code draws into
the terminal (``tandai stats --plot``, plotext itself) and into the workbench's stats screen
(textual-plotext's ``plt``, the same API), so the two never show different pictures.

Every label that comes from the data (units, places, types, reviewers) goes through
``safe_line`` first: plotext prints what it is given, and a unit name is data, never markup or
a control code.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from .safe import safe_line

LABEL_WIDTH = 32  # a longer unit name is cut with "…": the bars keep most of the width
TOP = 15


def _label(text: str) -> str:
    text = safe_line(text) or "(none)"
    return text if len(text) <= LABEL_WIDTH else text[: LABEL_WIDTH - 1] + "…"


def _hbar(plt: Any, counts: dict[str, int], title: str) -> None:
    items = list(counts.items())[:TOP]
    plt.title(title)
    if not items or not any(n for _, n in items):
        return
    labels = [_label(k) for k, _ in items][::-1]  # plotext draws the first bar at the bottom
    plt.bar(labels, [n for _, n in items][::-1], orientation="h", width=0.6)
    _whole_ticks(plt, max(n for _, n in items), "x")


def _whole_ticks(plt: Any, most: int, axis: str) -> None:
    """Counts are whole numbers: at most six ticks, never 0.25 of a record."""
    step = max(1, -(-most // 5))
    ticks = list(range(0, most + step, step))
    (plt.xticks if axis == "x" else plt.yticks)(ticks, [str(t) for t in ticks])
    (plt.xlim if axis == "x" else plt.ylim)(0, ticks[-1])  # the top tick inside the frame


# Each drawer draws one chart with a short title (plotext drops a title wider than the plot)
# and returns a line of detail, printed under the chart (the screen shows it above).


def weekly(plt: Any, fig: dict[str, Any]) -> str:
    """Records per week, the campaign, quiet period, voting day and recapitulation marked."""
    weeks = fig["weekly"]["weeks"]
    xs = list(range(len(weeks)))
    plt.bar(xs, [w["records"] for w in weeks], width=0.8)
    _whole_ticks(plt, max([w["records"] for w in weeks] + [1]), "y")
    first = date.fromisoformat(weeks[0]["week"])
    ticks = [(i, w["week"]) for i, w in enumerate(weeks) if date.fromisoformat(w["week"]).day <= 7]
    plt.xticks([i for i, _ in ticks], [date.fromisoformat(d).strftime("%b %y") for _, d in ticks])
    top = max([w["records"] for w in weeks] + [1])
    for step, mark in enumerate(fig["calendar"]):  # the marks are days apart: labels on steps
        x = (date.fromisoformat(mark["first"]) - first).days / 7 - 0.5
        plt.vline(x, "red")
        plt.text(mark["phase"], x, top * (1 - 0.15 * step), color="red", alignment="left")
    plt.title("records per week")
    def day(iso: str) -> str:
        return date.fromisoformat(iso).strftime("%d %b").lstrip("0")

    spans = [(m["phase"], day(m["first"]), day(m["last"])) for m in fig["calendar"][:3]]
    marks = ", ".join(f"{p} {a}" + (f"–{b}" if b != a else "") for p, a, b in spans)
    note = f"weeks from Monday; Pilkada 2024: {marks}, then post (recapitulation)"
    extra = [f"{fig['weekly'][k]} {k.replace('_', ' ')}" for k in ("undated", "outside_calendar")
             if fig["weekly"][k]]
    return note + (f"; not shown: {', '.join(extra)}" if extra else "")


def by_type(plt: Any, fig: dict[str, Any]) -> str:
    _hbar(plt, dict(sorted(fig["by_type"].items(), key=lambda kv: -kv[1])), "records by activity type")
    return f"{fig['records']:,} records"


def by_unit(plt: Any, fig: dict[str, Any]) -> str:
    units = fig["by_unit"]
    _hbar(plt, units["top"], "records by unit")
    return (f"top {len(units['top'])} of {units['units']:,} units; "
            f"{units['other']:,} records by the others")


def by_province(plt: Any, fig: dict[str, Any]) -> str:
    _hbar(plt, fig["by_province"], "records by province")
    return (f"the record's location, else its unit; top {min(TOP, len(fig['by_province']))} of "
            f"{len(fig['by_province'])} provinces; {fig['unplaced']:,} records with no known place")


def by_regency(plt: Any, fig: dict[str, Any]) -> str:
    _hbar(plt, fig["by_regency"], "records by regency / city")
    return (f"the record's location, else its unit; top {min(TOP, len(fig['by_regency']))} of "
            f"{len(fig['by_regency'])}")


def by_phase(plt: Any, fig: dict[str, Any]) -> str:
    phases = fig["by_phase"]
    plt.bar([_label(p) for p in phases], list(phases.values()), width=0.6)
    _whole_ticks(plt, max([*phases.values(), 1]), "y")
    plt.title("records by election phase")
    return "the record's phase (from its date, editable)"


def progress(plt: Any, fig: dict[str, Any]) -> str:
    """Articles done and still todo per reviewer, by the day each status was set."""
    reviewers = fig["progress"]["reviewers"]
    total = fig["progress"]["articles"]
    plt.title("coding progress")
    note = (f"articles done and todo per reviewer ({total:,} articles), by the day each got its "
            "present status")
    days = sorted({p["day"] for series in reviewers.values() for p in series})
    if not days:
        return note + "; no status set yet"
    at = {d: i + 1 for i, d in enumerate(days)}  # x 0: before the first status, nothing done
    for name, series in reviewers.items():
        xs = [0, *(at[p["day"]] for p in series)]
        plt.plot(xs, [0, *(p["done"] for p in series)], label=f"{_label(name)} done", marker="braille")
        plt.plot(xs, [total, *(p["todo"] for p in series)], label=f"{_label(name)} todo", marker="dot")
    step = max(1, len(days) // 6)
    plt.xticks(list(range(1, len(days) + 1, step)), days[::step])
    return note


#: (id, tab label, drawer), in the order the screen's tabs and --plot show them
CHARTS: list[tuple[str, str, Callable[[Any, dict[str, Any]], str]]] = [
    ("weekly", "Calendar", weekly),
    ("type", "Types", by_type),
    ("unit", "Units", by_unit),
    ("province", "Provinces", by_province),
    ("regency", "Regencies", by_regency),
    ("phase", "Phases", by_phase),
    ("progress", "Progress", progress),
]


def terminal_charts(fig: dict[str, Any], width: int, height: int, colour: bool) -> str:
    """Every chart, one under the other, each with its line of detail, as text for the terminal."""
    import plotext

    out = []
    for _, _, draw in CHARTS:
        plotext.clear_figure()
        plotext.plot_size(width, height)
        plotext.theme("pro" if colour else "clear")
        note = draw(plotext, fig)
        text = plotext.build()
        out.append((text if colour else plotext.uncolorize(text)).rstrip() + "\n" + safe_line(note))
    plotext.clear_figure()
    return "\n\n".join(out)
