"""Completing a record's unit, location and partners in the workbench (issue 11): the names the
article holds, nearest the record's sentence first, then the store's records'; found from a few
letters of any word; stepped through with down/up; taken with right or Enter, left as typed with
Tab. Keys as a reviewer presses them through the pilot; every record is read back from the store."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Static

from tests.app.pilot import open_article, screen_text, settle, to_sentence, type_text, workbench
from tui.app import TandaiApp
from tui.widgets.reader import Reader
from tui.widgets.tagging import TaggingPanel

BANYUWANGI = "banyuwangi patroli gabungan"
PATROL = "menggelar patroli gabungan skala besar"
BALIHO = "menertibkan sisa alat peraga"


async def _add(pilot, app: TandaiApp, needle: str) -> str:
    """``a`` on the sentence holding ``needle``: the record's id (the form holds it)."""
    app.query_one(Reader).focus()
    await to_sentence(pilot, app, needle)
    await pilot.press("a")
    await settle(pilot, app)
    rid = app.query_one(TaggingPanel).record_id
    assert rid is not None
    return rid


def _field(app: TandaiApp, name: str) -> Input:
    return app.query_one(f"#field-{name}", Input)


def _offered(app: TandaiApp, name: str) -> str:
    """The completion line under the field, as drawn."""
    return str(app.query_one(f"#completion-{name}", Static).render())


async def _focus(pilot, app: TandaiApp, name: str) -> None:
    _field(app, name).focus()
    await pilot.pause()


async def _typing(pilot, app: TandaiApp, needle: str, name: str, text: str) -> str:
    """``a`` on the sentence holding ``needle``, then ``text`` typed into the field ``name``
    (over its pre-filled value, which focusing selects): the record's id."""
    rid = await _add(pilot, app, needle)
    await _focus(pilot, app, name)
    await type_text(pilot, text)
    await settle(pilot, app)
    return rid


async def test_a_few_letters_of_any_word_complete_each_partner(sample_store_path: Path, config_home: Path) -> None:
    async with workbench(sample_store_path, BANYUWANGI) as (app, pilot):
        rid = await _typing(pilot, app, PATROL, "partners", "kd ban")  # replaces the pre-filled list
        assert "Kodim 0825/Banyuwangi" in _offered(app, "partners")
        assert "kd ban  → Kodim 0825/Banyuwangi" in screen_text(app)  # drawn inline, in the field
        await pilot.press("right")
        await settle(pilot, app)
        # taken: no completion on offer (the line may say what ctrl+←/ctrl+→ would add)
        assert app.focused is _field(app, "partners") and not _offered(app, "partners").startswith("→")
        assert _field(app, "partners").value == "Kodim 0825/Banyuwangi"
        await pilot.press("comma")
        await type_text(pilot, "lan")
        await settle(pilot, app)
        assert "Lanal Banyuwangi" in _offered(app, "partners")
        await pilot.press("enter")  # Enter takes the one on offer, then saves
        await settle(pilot, app)
        assert app.owner.record(rid).partners == ["Kodim 0825/Banyuwangi", "Lanal Banyuwangi"]


async def test_down_and_up_step_through_the_names_nearest_the_sentence_first(
    sample_store_path: Path, config_home: Path
) -> None:
    async with workbench(sample_store_path, BANYUWANGI) as (app, pilot):
        rid = await _add(pilot, app, BALIHO)
        await _focus(pilot, app, "partners")
        await pilot.press("down")  # nothing typed yet: every name, nearest the sentence first
        await settle(pilot, app)
        assert _offered(app, "partners").startswith("→ Satpol PP Kabupaten Banyuwangi")
        await type_text(pilot, "bany")  # every name with a word starting so
        await settle(pilot, app)
        first = _offered(app, "partners")
        assert first.startswith("→ Satpol PP Kabupaten Banyuwangi") and "(1 of " in first
        await pilot.press("down")
        await settle(pilot, app)
        second = _offered(app, "partners")
        assert "(2 of " in second and second != first
        await pilot.press("up", "up")  # wraps round to the last
        await settle(pilot, app)
        last = _offered(app, "partners")
        total = int(first.split(" of ")[1].split(":")[0])
        assert f"({total} of {total}" in last
        await pilot.press("down", "enter")  # back to the first, taken
        await settle(pilot, app)
        assert app.owner.record(rid).partners == ["Satpol PP Kabupaten Banyuwangi"]


async def test_tab_keeps_what_is_typed_and_an_empty_field_browses_the_units(
    sample_store_path: Path, config_home: Path
) -> None:
    async with workbench(sample_store_path, BANYUWANGI) as (app, pilot):
        rid = await _typing(pilot, app, PATROL, "location", "Ketapa")  # part of two places
        assert "Ketapang" in _offered(app, "location")
        await pilot.press("tab")  # leaves with what is typed
        await settle(pilot, app)
        assert app.owner.record(rid).location == "Ketapa"
        await pilot.press("shift+tab")
        await type_text(pilot, "Ketapang")  # a whole name the article holds, and part of another
        await settle(pilot, app)
        assert _offered(app, "location") == ""  # Enter must not turn it into Pelabuhan Ketapang
        await pilot.press("enter")
        await settle(pilot, app)
        assert app.owner.record(rid).location == "Ketapang"
        await pilot.press("shift+tab")
        await type_text(pilot, "ketap")
        await pilot.press("right")  # takes it, in the article's spelling
        await pilot.press("enter")
        await settle(pilot, app)
        assert app.owner.record(rid).location == "Ketapang"  # its start typed: offered before Pelabuhan Ketapang
        await _focus(pilot, app, "unit")
        await pilot.press("ctrl+u")
        await type_text(pilot, "polres")
        await settle(pilot, app)
        assert "Polresta Banyuwangi" in screen_text(app)  # the rest of it, after what is typed
        await pilot.press("enter")
        await settle(pilot, app)
        assert app.owner.record(rid).unit == "Polresta Banyuwangi"


async def test_names_the_store_s_records_used_are_offered_in_other_articles(
    sample_store_path: Path, config_home: Path
) -> None:
    async with workbench(sample_store_path, BANYUWANGI) as (app, pilot):
        rid = await _typing(pilot, app, PATROL, "partners", "Pramuka Saka Bhayangkara")
        await pilot.press("tab")
        await settle(pilot, app)
        assert app.owner.record(rid).partners == ["Pramuka Saka Bhayangkara"]
        await open_article(pilot, app, "apel lombok dup:no")
        other = await _add(pilot, app, "612 personel")
        await _focus(pilot, app, "partners")
        await pilot.press("end", "comma")
        await type_text(pilot, "saka bh")
        await settle(pilot, app)
        assert "Pramuka Saka Bhayangkara" in _offered(app, "partners")
        await pilot.press("enter")
        await settle(pilot, app)
        assert app.owner.record(other).partners[-1] == "Pramuka Saka Bhayangkara"


async def test_arrows_in_a_field_without_names_do_nothing_of_the_kind(
    sample_store_path: Path, config_home: Path
) -> None:
    async with workbench(sample_store_path, BANYUWANGI) as (app, pilot):
        rid = await _typing(pilot, app, PATROL, "notes", "malam")
        await pilot.press("down", "enter")
        await settle(pilot, app)
        assert app.owner.record(rid).notes == "malam"


async def test_the_date_offers_the_sentence_s_own_date_and_a_typed_date_stays(
    sample_store_path: Path, config_home: Path
) -> None:
    async with workbench(sample_store_path, BANYUWANGI) as (app, pilot):
        rid = await _add(pilot, app, BALIHO)  # its sentence has no date: the article's, nearest
        await _focus(pilot, app, "date")
        await pilot.press("down")
        await settle(pilot, app)
        assert _offered(app, "date").startswith("→ Rabu (27/11)")  # two paragraphs up
        await pilot.press("down")  # the other date the article writes, in its first paragraph
        await settle(pilot, app)
        assert _offered(app, "date").startswith("→ Minggu (24/11/2024)")
        await pilot.press("up", "enter")  # back to Rabu (27/11), taken
        await settle(pilot, app)
        assert app.owner.record(rid).date == "2024-11-27"
        await _focus(pilot, app, "date")
        await type_text(pilot, "2/11")  # a date typed as a date: nothing offered over it
        await settle(pilot, app)
        assert _offered(app, "date") == ""
        await pilot.press("enter")
        await settle(pilot, app)
        assert app.owner.record(rid).date == "2024-11-02"
        await _focus(pilot, app, "date")
        await type_text(pilot, "ming")  # a word of it finds it
        await pilot.press("enter")
        await settle(pilot, app)
        assert app.owner.record(rid).date == "2024-11-24"


async def test_the_location_offers_the_sentence_s_place_as_written_around_its_name(
    sample_store_path: Path, config_home: Path
) -> None:
    """A reviewer who codes "halaman Mapolres X" where the draft says "Mapolres X" (the writers of the
    real-page gold split on it) types three letters, not the whole phrase: the sentence's place phrases
    are on offer, its own first."""
    async with workbench(sample_store_path, "lombok timur apel pergeseran") as (app, pilot):
        rid = await _typing(pilot, app, "menggelar apel pergeseran pasukan", "location", "hal")
        assert "halaman Mapolres Lombok Timur" in _offered(app, "location")
        await pilot.press("enter")
        await settle(pilot, app)
        assert app.owner.record(rid).location == "halaman Mapolres Lombok Timur"
    async with workbench(sample_store_path, "paser pleno") as (app, pilot):
        rid = await _typing(pilot, app, "patroli gabungan bersama unsur TNI", "location", "sek tan")
        await pilot.press("enter")
        await settle(pilot, app)
        assert app.owner.record(rid).location == "sekitar gudang logistik KPU di Kecamatan Tanah Grogot"


async def _pressed(pilot, app: TandaiApp, name: str, *keys: str) -> str:
    """``keys`` pressed; the field ``name``'s value after them."""
    await pilot.press(*keys)
    await settle(pilot, app)
    return _field(app, name).value


async def test_ctrl_arrows_grow_a_field_by_the_article_s_words(sample_store_path: Path, config_home: Path) -> None:
    """A place or partner written as a phrase no name on offer holds ("sekitar gudang logistik KPU di
    Kecamatan Tanah Grogot") is grown from the sentence a word at a time, as a reader selects a span:
    ``ctrl+→`` takes the word after it, ``ctrl+←`` the word before it (after a grow, or on the value
    focusing selected); neither goes past the sentence's end nor changes what the text does not write."""
    async with workbench(sample_store_path, "paser pleno") as (app, pilot):
        rid = await _typing(pilot, app, "patroli gabungan bersama unsur TNI", "location", "gud")
        # "gudang", then "logistik KPU di Kecamatan Tanah Grogot", then the sentence's "." stops it
        assert await _pressed(pilot, app, "location", *["ctrl+right"] * 7) == (
            "gudang logistik KPU di Kecamatan Tanah Grogot")
        assert await _pressed(pilot, app, "location", "ctrl+left") == (
            "sekitar gudang logistik KPU di Kecamatan Tanah Grogot")
        await _pressed(pilot, app, "location", "enter")
        assert app.owner.record(rid).location == "sekitar gudang logistik KPU di Kecamatan Tanah Grogot"
        # partners: the item being typed grows, the ones before it stay
        await _focus(pilot, app, "partners")
        await type_text(pilot, "Satpol PP Kabupaten Paser, uns")
        assert await _pressed(pilot, app, "partners", "ctrl+right", "ctrl+right") == (
            "Satpol PP Kabupaten Paser, unsur TNI")
        await _pressed(pilot, app, "partners", "enter")
        assert app.owner.record(rid).partners == ["Satpol PP Kabupaten Paser", "unsur TNI"]
        # what the article does not write: the keys move the cursor, as in any input
        await _focus(pilot, app, "notes")
        await type_text(pilot, "gudang logistik")
        assert await _pressed(pilot, app, "notes", "ctrl+right") == "gudang logistik"  # notes do not grow
        await _focus(pilot, app, "location")
        await type_text(pilot, "gudang zzz")
        assert await _pressed(pilot, app, "location", "ctrl+right", "ctrl+left") == "gudang zzz"
        assert _field(app, "location").cursor_position == len("gudang ")
    async with workbench(sample_store_path, "lombok timur apel pergeseran") as (app, pilot):
        rid = await _add(pilot, app, "menggelar apel pergeseran pasukan")
        assert app.owner.record(rid).location == "Mapolres Lombok Timur"  # the draft: the place
        await _focus(pilot, app, "location")  # selects the draft; ctrl+← grows it by "halaman"
        await settle(pilot, app)
        assert _offered(app, "location") == "ctrl+← halaman  ·  ctrl+→ Selasa"  # the keys, where they help
        await _pressed(pilot, app, "location", "ctrl+left", "enter")
        assert app.owner.record(rid).location == "halaman Mapolres Lombok Timur"
