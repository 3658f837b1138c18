"""The figures of `tandai stats --plot/--json` and the stats screen (store.stats), on real stores
written through the API, and the command's three outputs through the installed `tandai`."""

from __future__ import annotations

import json
import subprocess
import sys
from itertools import pairwise
from pathlib import Path

import pytest

import store
from store.stats import calendar, figures
from store.text import gazetteer
from store.text.phases import phase_for
from store.text.regions import REGENCIES, place_of

TANDAI = Path(sys.executable).with_name("tandai")


def coded_store(path: Path, records: list[dict[str, object]], reviewer: str = "rina") -> None:
    """A store of the samples with ``records`` added (one per article, round robin)."""
    with store.open(path, reviewer=reviewer) as st:
        if not st.count():
            st.ingest([store.samples_dir()])
        ids = [a.id for a in st.articles()]
        for i, fields in enumerate(records):
            st.add_record(ids[i % len(ids)], evidence=[{"start": 0, "end": 20}], **fields)


def test_the_calendar_is_the_phases_module() -> None:
    marks = {m["phase"]: (m["first"], m["last"]) for m in calendar()}
    assert list(marks) == ["campaign", "quiet", "voting", "post"]
    for phase, (first, last) in marks.items():
        assert phase_for(first) == phase_for(last) == phase
    assert marks["voting"] == ("2024-11-27", "2024-11-27")
    assert phase_for("2024-09-24") != "campaign" and marks["campaign"][0] == "2024-09-25"


def test_records_per_week_on_the_calendar(sample_store_path: Path) -> None:
    dates = ["2024-11-25", "2024-11-27", "2024-12-01", "2024-12-02", "2024-10-01", None, "2019-05-05", "2026-01-01"]
    coded_store(sample_store_path, [{"type": "patrol", "unit": "Polres Bontang", "date": d} for d in dates])
    with store.open(sample_store_path, reviewer="rina", read_only=True) as st:
        fig = figures(st)
    weekly = fig["weekly"]
    weeks = {w["week"]: w["records"] for w in weekly["weeks"]}
    # Monday 25 Nov holds Mon 25, Wed 27 (voting day) and Sun 1 Dec; 2 Dec starts the next week
    assert weeks["2024-11-25"] == 3 and weeks["2024-12-02"] == 1 and weeks["2024-09-30"] == 1
    assert weekly["undated"] == 1 and weekly["outside_calendar"] == 2
    assert sum(weeks.values()) == len(dates) - 3
    # one row per week, no gaps, from before the campaign to after the voting
    firsts = [w["week"] for w in weekly["weeks"]]
    assert firsts[0] <= "2024-09-23" and firsts[-1] >= "2024-12-09"
    assert all(int(b[8:]) - int(a[8:]) in (7, -24, -23, -22, -21) for a, b in pairwise(firsts))
    assert fig["by_phase"]["voting"] == 1 and fig["by_phase"]["quiet"] == 1 and fig["records"] == len(dates)


def test_by_type_unit_place_and_phase(sample_store_path: Path) -> None:
    records = (
        [{"type": "patrol", "unit": f"Polsek Unit {i:02d}", "date": "2024-10-10"} for i in range(20)]
        + [{"type": "escort", "unit": "Polres Kutim", "date": "2024-11-26"}] * 3
        + [{"type": "escort", "unit": "Polda Kaltim", "location": "Desa Sukamaju", "date": "2024-11-26"}]
        + [{"type": "static_guard", "unit": "[bold]Polres X[/bold]", "location": "Sangatta"}] * 2
    )
    coded_store(sample_store_path, records)
    with store.open(sample_store_path, reviewer="rina", read_only=True) as st:
        fig = figures(st)
        types = list(st.taxonomy.activities)
    assert list(fig["by_type"]) == types  # every type, in the taxonomy's order
    assert (fig["by_type"]["patrol"], fig["by_type"]["escort"], fig["by_type"]["static_guard"]) == (20, 4, 2)
    units = fig["by_unit"]
    assert len(units["top"]) == 15 and units["units"] == 23
    assert list(units["top"])[:2] == ["Polres Kutim", "[bold]Polres X[/bold]"]  # most first
    assert list(units["top"])[2:] == ["Polda Kaltim"] + [f"Polsek Unit {i:02d}" for i in range(12)]  # ties by name
    assert units["other"] == len(records) - sum(units["top"].values()) == 8
    # places: the location first, else the unit; a province-only unit fills the province
    assert fig["by_regency"] == {"Kutai Timur": 5}
    assert fig["by_province"] == {"Kalimantan Timur": 6}
    assert fig["unplaced"] == 20
    assert fig["by_phase"]["campaign"] == 20 and fig["by_phase"]["quiet"] == 4 and fig["by_phase"]["na"] == 2


def test_progress_per_reviewer(sample_store_path: Path) -> None:
    for reviewer, marks in (("rina", ["done", "done", "skipped", "in_progress"]), ("budi", ["done"])):
        with store.open(sample_store_path, reviewer=reviewer) as st:
            ids = [a.id for a in st.articles()]
            for aid, status in zip(ids, marks, strict=False):
                st.set_status(aid, status)
    with store.open(sample_store_path, reviewer="rina", read_only=True) as st:
        fig = figures(st)
        total = st.count()
    progress = fig["progress"]
    assert progress["articles"] == total and set(progress["reviewers"]) == {"budi", "rina"}
    [rina] = progress["reviewers"]["rina"]  # all set today: one day
    assert (rina["done"], rina["todo"]) == (2, total - 3)  # in_progress is not a decision
    [budi] = progress["reviewers"]["budi"]
    assert (budi["done"], budi["todo"]) == (1, total - 1)


def test_an_empty_store_has_figures(tmp_path: Path) -> None:
    with store.open(tmp_path / "s", reviewer="rina") as st:
        fig = figures(st)
    assert fig["records"] == 0 and fig["by_unit"] == {"top": {}, "other": 0, "units": 0}
    assert fig["weekly"]["weeks"] and all(w["records"] == 0 for w in fig["weekly"]["weeks"])
    assert fig["progress"]["reviewers"] == {}
    json.dumps(fig)  # data, as it is


def test_every_gazetteer_place_is_filed_under_a_province() -> None:
    cities = {n.strip() for n in gazetteer.CITIES.replace("\n", "").split("|") if n.strip()}
    filed = {e.split("=")[0] for names in REGENCIES.values() for e in names.split("|")}
    assert cities - filed <= {"Banjar"}  # in two provinces (Jawa Barat, Kalimantan Selatan)
    for city in cities - {"Banjar"}:
        _, province = place_of(f"Polres {city}")
        assert province, city


@pytest.mark.parametrize(("text", "place"), [
    ("Polres Kutim", ("Kutai Timur", "Kalimantan Timur")),
    ("Polda Kaltim", (None, "Kalimantan Timur")),
    ("Polda Jambi", (None, "Jambi")),
    ("Polresta Jambi", ("Jambi", "Jambi")),
    ("Polres Metro Jakarta Pusat", ("Jakarta Pusat", "DKI Jakarta")),
    ("Polres Metro", ("Metro", "Lampung")),
    ("Polres Lombok Timur", ("Lombok Timur", "Nusa Tenggara Barat")),
    ("Pulau Lombok", (None, "Nusa Tenggara Barat")),
    ("Polres Banjar", ("Banjar", None)),
    ("Polres Solo", ("Surakarta", "Jawa Tengah")),
    ("Polsek Bungoro", (None, None)),
    ("[bold]", (None, None)),
])
def test_place_of(text: str, place: tuple[str | None, str | None]) -> None:
    assert place_of(text) == place


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(TANDAI), *args], capture_output=True, text=True, timeout=120)


def test_the_command_prints_the_same_figures_and_never_markup(sample_store_path: Path) -> None:
    unit = "[bold]Polres Kutim[/bold]\x1b[2J"
    coded_store(sample_store_path, [{"type": "patrol", "unit": unit, "date": "2024-11-27"},
                                    {"type": "escort", "unit": "Polres Bontang", "date": "2024-10-02"}])
    counts = run("--store", str(sample_store_path), "stats")
    assert counts.returncode == 0 and "records" in counts.stdout and "patrol" in counts.stdout

    as_json = run("--store", str(sample_store_path), "stats", "--json")
    assert as_json.returncode == 0 and as_json.stdout.isascii() and "\x1b" not in as_json.stdout
    data = json.loads(as_json.stdout)
    with store.open(sample_store_path, reviewer="rina", read_only=True) as st:
        fig = figures(st)
    data.pop("seconds"), fig.pop("seconds")
    assert {k: data[k] for k in fig} == fig
    assert data["by_unit"]["top"][unit] == 1 and data["records_by_type"] == {"escort": 1, "patrol": 1}

    plot = run("--store", str(sample_store_path), "stats", "--plot", "--height", "12")
    assert plot.returncode == 0 and "\x1b" not in plot.stdout
    for title in ("records per week", "records by activity type", "records by unit", "records by province",
                  "records by regency", "records by election phase", "coding progress"):
        assert title in plot.stdout
    assert "[bold]Polres Kutim[/bold]␛[2J" in plot.stdout  # literally; the escape as a stand-in
    for marked in ("campaign", "quiet", "voting", "post"):
        assert marked in plot.stdout


@pytest.mark.parametrize("args", [["--plot", "--json"], ["--height", "3"], ["--height", "x"]])
def test_bad_stats_usage(sample_store_path: Path, args: list[str]) -> None:
    out = run("--store", str(sample_store_path), "stats", *args)
    assert out.returncode == 2 and "Traceback" not in out.stderr
