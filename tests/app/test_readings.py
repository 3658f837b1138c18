"""The workbench tells a reviewer when drafts start to read a coding convention otherwise (a sub-unit
without its Polres, once three of their records code it so), as they save the record that moved it; the
next draft reads so. Keys as a reviewer presses them, on an invented page in a real store."""

from __future__ import annotations

from pathlib import Path

import store
from tests.app.pilot import messages, screen_text, settle, to_sentence, type_text, workbench
from tui.widgets.fields import Field

PAGE = """Polres Bukit Sari Amankan Rapat Umum

BUKIT SARI – Polres Bukit Sari mengamankan rapat umum pasangan calon di Lapangan Kantin Baru, Sabtu (16/11/2024).

Sat Samapta Polres Bukit Sari menjaga pintu masuk lapangan dengan 60 personel.

Sat Intelkam Polres Bukit Sari memantau simpatisan di sekitar panggung utama.

Sat Binmas Polres Bukit Sari menyambangi tokoh masyarakat di Kelurahan Aur Tinggi.

Sat Lantas Polres Bukit Sari mengatur arus kendaraan di Jalan Merdeka Baru.
"""


def _store(tmp_path: Path) -> Path:
    """A store holding the page, with two of rina's records coding a sub-unit without its Polres."""
    src, path = tmp_path / "in", tmp_path / "store"
    src.mkdir()
    (src / "rapat.txt").write_text(PAGE, encoding="utf-8")
    with store.open(path, reviewer="rina") as st:
        st.ingest([src])
        aid = next(a.id for a in st.articles())
        text = st.article(aid).text
        for needle, unit in (("Sat Samapta Polres", "Sat Samapta"), ("Sat Intelkam Polres", "Sat Intelkam")):
            start = text.index(needle)
            draft = st.draft_record(aid, start, text.index("\n", start))
            st.add_record(aid, **{**{k: draft[k] for k in ("type", "date", "location", "evidence")}, "unit": unit})
    return path


async def test_the_record_that_moves_a_reading_says_so_and_the_next_draft_follows(
        tmp_path: Path, config_home: Path) -> None:
    """Two of rina's records code a sub-unit alone: nothing is decided yet. ``a`` on a third such sentence
    saves its draft (the unit as written), and with three records, two of them agreeing, drafts now write
    the sub-unit alone: the workbench says so, once, and the next ``a`` drafts "Sat Lantas"."""
    async with workbench(_store(tmp_path), "Bukit Sari rapat") as (app, pilot):
        await to_sentence(pilot, app, "Sat Binmas Polres")
        assert not any("Drafts now" in m for m in messages(app)), messages(app)
        await pilot.press("a")
        await settle(pilot, app)
        assert app.query_one("#field-unit", Field).value == "Sat Binmas Polres Bukit Sari"  # drafted before it
        said = [m for m in messages(app) if "Drafts now" in m]
        assert said == ['Drafts now write a sub-unit without its Polres ("Sat Lantas" for "Sat Lantas Polres X"), '
                        'as your records do (R shows why).'], messages(app)
        await pilot.press("ctrl+g", "u")
        await type_text(pilot, "Sat Binmas")  # over the drafted value, which focusing selects
        await pilot.press("enter")
        await settle(pilot, app)
        assert {r.unit for r in app.owner.records()} == {"Sat Samapta", "Sat Intelkam", "Sat Binmas"}
        await pilot.press("escape")
        await settle(pilot, app)
        await to_sentence(pilot, app, "Sat Lantas Polres")
        await pilot.press("a")
        await settle(pilot, app)
        assert app.query_one("#field-unit", Field).value == "Sat Lantas"
        assert len([m for m in messages(app) if "Drafts now" in m]) == 1  # saves that move nothing say nothing


async def test_r_shows_how_drafts_read_each_convention_and_why(tmp_path: Path, config_home: Path) -> None:
    """``R``: the conventions table of ``tandai conventions`` in the workbench (a reviewer in a browser has no
    terminal): two records coding the sub-unit alone decide nothing yet; a third does, and the screen says it
    is learned from the reviewer's own records; Esc goes back."""
    from tui.screens.readings import ReadingsScreen

    async with workbench(_store(tmp_path), "Bukit Sari rapat") as (app, pilot):
        await pilot.press("R")
        await settle(pilot, app)
        assert isinstance(app.screen, ReadingsScreen)
        row = next(line for line in screen_text(app).splitlines() if "sub_unit" in line)
        assert "with_parent: a sub-unit with its Polres" in row and "no records decide it yet" in row, row
        assert "alone 2" in row
        await pilot.press("escape")
        await settle(pilot, app)
        assert not isinstance(app.screen, ReadingsScreen)
        await to_sentence(pilot, app, "Sat Binmas Polres")
        await pilot.press("a", "escape", "R")
        await settle(pilot, app)
        row = next(line for line in screen_text(app).splitlines() if "sub_unit" in line)
        assert "alone: a sub-unit without its Polres" in row and "learned from your records" in row, row



async def test_the_agreement_screen_counts_the_differences_a_convention_makes(
        tmp_path: Path, config_home: Path) -> None:
    """``A``: beside the slots' agreement, the unit and place differences that two readings of a convention
    make, by convention (the lead sees what one ``tandai conventions set`` would settle)."""
    from tests.unit.test_agreement import two_codings

    async with workbench(two_codings(tmp_path), reviewer="lead") as (app, pilot):
        await settle(pilot, app)
        await pilot.press("escape", "A")
        await settle(pilot, app)
        shown = screen_text(app)
        assert "two readings of a convention" in shown
        rows = [line for line in shown.splitlines() if "a ~ b" in line and ("sub_unit" in line or "location_p" in line)]
        assert len(rows) == 2 and all(line.split()[-2:] in (["1", "3"],) for line in rows), rows
