"""The tagging panel's fields do what the reviewer means (issue 11): each bug measured in the
trial is reproduced here through the pilot, keys as a reviewer presses them, on a real store of
the samples."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual._xterm_parser import XTermParser
from textual.widgets import Input, OptionList

from tests.app.pilot import (
    messages,
    open_article,
    open_id,
    screen_text,
    settle,
    to_sentence,
    type_text,
    workbench,
)
from tui.app import TandaiApp
from tui.widgets.reader import Reader
from tui.widgets.tagging import TaggingPanel

LOMBOK = "apel lombok dup:no"
SENTENCE = "612 personel"


async def _record(pilot, app: TandaiApp) -> str:
    """Open the Lombok apel article and add a record from the 612-personnel sentence (``a``)."""
    await open_article(pilot, app, LOMBOK)
    await to_sentence(pilot, app, SENTENCE)
    app.query_one(Reader).focus()
    await pilot.press("a")
    await settle(pilot, app)
    panel = app.query_one(TaggingPanel)
    assert panel.record_id is not None
    return panel.record_id


def _field(app: TandaiApp, name: str) -> Input:
    return app.query_one(f"#field-{name}", Input)


async def test_typing_into_a_prefilled_field_replaces_its_value(sample_store_path: Path, config_home: Path) -> None:
    async with workbench(sample_store_path) as (app, pilot):
        rid = await _record(pilot, app)
        prefilled = _field(app, "type").value
        assert app.focused is _field(app, "type") and prefilled in app.workbench.taxonomy.activities
        assert prefilled != "escort"
        await pilot.press("e", "enter")  # the type key of escort, typed over the pre-filled type
        await settle(pilot, app)
        assert app.owner.record(rid).type == "escort"
        assert app.focused is _field(app, "unit")
        await type_text(pilot, "Polsek Sakra")
        await pilot.press("enter")
        await settle(pilot, app)
        assert app.owner.record(rid).unit == "Polsek Sakra"  # not "Polsek SakraPolres Lombok Timur"


async def test_a_single_type_key_always_sets_that_type(sample_store_path: Path, config_home: Path) -> None:
    async with workbench(sample_store_path) as (app, pilot):
        rid = await _record(pilot, app)
        for name, activity in app.workbench.taxonomy.activities.items():
            _field(app, "unit").focus()
            await pilot.press("shift+tab")  # back into the pre-filled type field
            assert app.focused is _field(app, "type")
            await pilot.press(activity.key, "enter")
            await settle(pilot, app)
            assert app.owner.record(rid).type == name, activity.key
        # the trial's ctrl+k p: clearing to the end first must not change what p means
        await pilot.press("shift+tab", "ctrl+k", "p", "enter")
        await settle(pilot, app)
        assert app.owner.record(rid).type == "patrol"


async def test_after_undo_and_redo_the_form_shows_the_store_and_leaving_saves_nothing(
    sample_store_path: Path, config_home: Path
) -> None:
    async with workbench(sample_store_path) as (app, pilot):
        rid = await _record(pilot, app)
        await pilot.press("tab")
        await type_text(pilot, "Polsek Sakra")
        await pilot.press("enter")  # saved; the cursor is in the date field now
        await settle(pilot, app)
        assert app.owner.record(rid).unit == "Polsek Sakra"
        await pilot.press("ctrl+z")
        await settle(pilot, app)
        assert app.owner.record(rid).unit == "Polres Lombok Timur"
        assert _field(app, "unit").value == "Polres Lombok Timur"
        stamp = app.owner.record(rid).updated
        await pilot.press("shift+tab", "tab", "tab")  # through the unit field and out again
        await settle(pilot, app)
        assert app.owner.record(rid).unit == "Polres Lombok Timur" and app.owner.record(rid).updated == stamp
        await pilot.press("ctrl+y")
        await settle(pilot, app)
        assert _field(app, "unit").value == "Polsek Sakra"
        # undo from inside the very field that holds the undone value
        _field(app, "unit").focus()
        await pilot.press("ctrl+z")
        await settle(pilot, app)
        assert _field(app, "unit").value == "Polres Lombok Timur"
        await pilot.press("tab")
        await settle(pilot, app)
        assert app.owner.record(rid).unit == "Polres Lombok Timur"


async def test_tab_after_opening_never_lands_where_letters_fire_commands(
    sample_store_path: Path, config_home: Path
) -> None:
    async with workbench(sample_store_path, LOMBOK) as (app, pilot):
        aid = open_id(app)
        for _ in range(14):  # round the whole screen
            await pilot.press("tab")
            focused = app.focused
            assert isinstance(focused, (Reader, OptionList, Input)), focused  # never a bare container
            assert focused is not None and focused.region.area > 0, focused
        app.query_one(Reader).focus()
        await pilot.press("tab", "t", "g")
        await settle(pilot, app)
        assert app.query_one(TaggingPanel).display and app.workbench.article.id == aid  # type: ignore[union-attr]


async def test_typing_into_a_field_with_no_record_says_so(sample_store_path: Path, config_home: Path) -> None:
    async with workbench(sample_store_path, LOMBOK) as (app, pilot):
        _field(app, "unit").focus()
        await type_text(pilot, "Polres")
        await settle(pilot, app)
        assert any("no record" in m.lower() for m in messages(app)), messages(app)
        assert _field(app, "unit").value == ""


@pytest.mark.parametrize("size", [(80, 24), (160, 50)])
async def test_every_type_key_is_visible(sample_store_path: Path, config_home: Path, size: tuple[int, int]) -> None:
    async with workbench(sample_store_path, size=size) as (app, pilot):
        await _record(pilot, app)
        shown = screen_text(app).replace("\xa0", " ")
        for name, activity in app.workbench.taxonomy.activities.items():
            assert f"{activity.key} {name}" in shown, (name, shown)


async def test_a_long_value_shows_from_its_start_and_its_completion_is_on_screen(
    sample_store_path: Path, config_home: Path
) -> None:
    async with workbench(sample_store_path) as (app, pilot):
        rid = await _record(pilot, app)
        partners = _field(app, "partners")
        partners.focus()
        await type_text(pilot, "TNI, Satlinmas, Bawaslu Kabupaten Lombok Timur, Kod")
        await settle(pilot, app)
        shown = screen_text(app)
        assert "Kodim 1615/Lotim" in shown  # the completion, drawn where it can be read
        await pilot.press("right", "enter")
        await settle(pilot, app)
        assert app.owner.record(rid).partners[-1] == "Kodim 1615/Lotim"
        assert partners.scroll_x == 0 and "TNI, Satlinmas" in screen_text(app)


async def test_save_and_done_from_inside_a_field(sample_store_path: Path, config_home: Path) -> None:
    async with workbench(sample_store_path) as (app, pilot):
        rid = await _record(pilot, app)
        aid = open_id(app)
        _field(app, "notes").focus()
        await type_text(pilot, "apel gabungan")
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        assert app.owner.record(rid).notes == "apel gabungan" and app.owner.status(aid) == "done"


async def test_a_fast_escape_then_key_from_a_field_is_both_keys(sample_store_path: Path, config_home: Path) -> None:
    """A terminal sends Esc and D typed within ~100 ms as one alt+D: that is Esc, then D."""
    async with workbench(sample_store_path) as (app, pilot):
        rid = await _record(pilot, app)
        aid = open_id(app)
        _field(app, "notes").focus()
        await type_text(pilot, "cepat")
        parser = XTermParser()
        for key in [*parser.feed("\x1bD"), *parser.feed("")]:
            app.post_message(key)
        await settle(pilot, app)
        assert app.owner.record(rid).notes == "cepat" and app.owner.status(aid) == "done"


async def test_the_date_preview_resolves_relative_words_and_date_text_follows(
    sample_store_path: Path, config_home: Path
) -> None:
    async with workbench(sample_store_path, "simulasi sispamkota") as (app, pilot):
        article = app.workbench.article
        assert article is not None and article.published
        await pilot.press("j", "a")
        await settle(pilot, app)
        rid = app.query_one(TaggingPanel).record_id
        assert rid is not None
        _field(app, "date").focus()
        await type_text(pilot, "kemarin")
        await pilot.pause()
        from store import parse_date

        expected = parse_date("kemarin", article.published)
        assert expected and f"→ {expected}" in str(app.query_one("#label-date").render())
        await pilot.press("enter")
        await settle(pilot, app)
        rec = app.owner.record(rid)
        assert rec.date == expected and rec.date_text == "kemarin"


async def test_the_sentence_under_the_cursor_is_on_screen(sample_store_path: Path, config_home: Path) -> None:
    async with workbench(sample_store_path, LOMBOK, size=(80, 24)) as (app, pilot):
        reader = app.query_one(Reader)
        height = reader.scrollable_content_region.height
        for _ in range(12):
            await pilot.press("j")
            await pilot.pause()
            start, end = reader.current_sentence()
            first, last = reader._line_of(start), reader._line_of(max(start, end - 1))
            top = reader.scroll_offset.y
            if last - first < height:
                assert top <= first and last < top + height, (first, last, top, height)


async def test_at_160_columns_the_reader_is_the_widest_pane(sample_store_path: Path, config_home: Path) -> None:
    async with workbench(sample_store_path, LOMBOK) as (app, _pilot):
        reader, left, panel = app.query_one("#middle"), app.query_one("#left"), app.query_one(TaggingPanel)
        assert reader.size.width > left.size.width and reader.size.width > panel.size.width


async def test_ctrl_g_and_a_letter_go_to_that_field(sample_store_path: Path, config_home: Path) -> None:
    """A fix three or five fields down the form was as many Tabs; ``ctrl+g`` and the field's letter
    go there from any field (or the reader), the letter never typed; another key stays put."""
    async with workbench(sample_store_path) as (app, pilot):
        await pilot.press("ctrl+g")  # no record in the form yet: says so, opens nothing
        await settle(pilot, app)
        assert any("No record in the form" in m for m in messages(app))
        rid = await _record(pilot, app)
        assert app.focused is app.query_one("#field-type", Input)  # where `a` leaves the reviewer
        before = {f.id: f.value for f in app.query(Input) if (f.id or "").startswith("field-")}
        await pilot.press("ctrl+g")
        await settle(pilot, app)
        assert "o notes" in screen_text(app) and "(another key stays)" in screen_text(app)  # all shown
        await pilot.press("n")
        await settle(pilot, app)
        assert app.focused is app.query_one("#field-personnel", Input)
        await type_text(pilot, "45")
        await pilot.press("ctrl+g", "l")  # from a field: leaving it saves it, as Tab does
        await settle(pilot, app)
        assert app.focused is app.query_one("#field-location", Input)
        assert app.owner.record(rid).personnel == 45
        await pilot.press("ctrl+g", "z")  # no field's letter: stays where it was
        await settle(pilot, app)
        assert app.focused is app.query_one("#field-location", Input)
        after = {f.id: f.value for f in app.query(Input) if (f.id or "").startswith("field-")}
        assert {k: v for k, v in after.items() if k != "field-personnel"} == {
            k: v for k, v in before.items() if k != "field-personnel"}  # no letter typed anywhere
        app.query_one(Reader).focus()
        await pilot.press("ctrl+g", "p")  # from the reader too
        await settle(pilot, app)
        assert app.focused is app.query_one("#field-partners", Input)
