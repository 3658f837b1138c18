"""What the list and the tagging panel show is the workbench screen's state, bound to them
(issue 9): setting the screen's reactive redraws the widget, and a search or a save shows
through it. Saving a field runs off the UI thread: while a save waits for the store, the
workbench keeps taking keys, and the saves land in the order they were asked for."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from textual.widgets import Input, OptionList

from tests.app.pilot import open_id, settle, to_sentence, type_text, workbench
from tui.widgets.article_list import ArticleList, Listing
from tui.widgets.reader import Reader
from tui.widgets.tagging import FormState, RecordsState, TaggingPanel

LOMBOK = "apel lombok dup:no"


def _ids(box: OptionList) -> list[str | None]:
    return [box.get_option_at_index(i).id for i in range(box.option_count)]


def _field(app, name: str) -> Input:  # type: ignore[no-untyped-def]
    return app.query_one(f"#field-{name}", Input)


async def test_the_list_draws_the_screens_listing(sample_store_path: Path, config_home: Path) -> None:
    async with workbench(sample_store_path) as (app, pilot):
        await settle(pilot, app)
        screen, shown = app.workbench, app.query_one(ArticleList)
        everything = screen.listing
        assert everything.rows and _ids(shown) == [r.id for r in everything.rows]
        # the screen sets its state; the list follows, highlighting the row kept
        two = everything.rows[3:5]
        screen.listing = Listing("mine", two, {}, {}, (), 2, None, keep=two[1].id)
        assert _ids(shown) == [r.id for r in two] and shown.highlighted == 1
        assert screen.found == ("2 of 2 articles", "dim")
        # a search typed by the reviewer comes back as a new Listing, drawn the same way
        await pilot.press("escape", "slash")
        await type_text(pilot, "lombok")
        await settle(pilot, app)
        assert screen.listing.query == "lombok" and screen.listing.rows
        assert _ids(shown) == [r.id for r in screen.listing.rows]
        # a query that cannot run says why and leaves the rows shown
        before = _ids(shown)
        await type_text(pilot, ' "')
        await settle(pilot, app)
        if screen.listing.error:
            assert _ids(shown) == before and screen.found[1] == "red"


async def test_the_panel_draws_the_screens_form_and_records(sample_store_path: Path, config_home: Path) -> None:
    async with workbench(sample_store_path, LOMBOK) as (app, pilot):
        screen, panel = app.workbench, app.query_one(TaggingPanel)
        article = screen.article
        assert article is not None
        await to_sentence(pilot, app, "612 personel")
        app.query_one(Reader).focus()
        await pilot.press("a")
        await settle(pilot, app)
        [record] = app.owner.records(article.id)
        # the saved record shows through the screen's state: in the form and in the records list
        assert screen.form.record_id == record.id == panel.record_id
        assert _field(app, "unit").value == record.unit
        assert record.id in _ids(panel.query_one("#records", OptionList))
        # the screen sets another state; the panel follows
        screen.form = FormState({"type": "escort", "unit": "Polsek Contoh", "evidence": []}, article.text,
                                article.published, problems={"unit": "not in the article"})
        assert _field(app, "type").value == "escort" and _field(app, "unit").value == "Polsek Contoh"
        assert "not in the article" in str(panel.query_one("#problem-unit").render())
        screen.records_state = RecordsState((), (), None)
        assert panel.query_one("#records", OptionList).option_count == 0
        screen.form = FormState(record, article.text, article.published)
        assert _field(app, "unit").value == record.unit
        # a typed field saved shows as stored, and its list row counts the record
        _field(app, "notes").focus()
        await type_text(pilot, "dicatat")
        await pilot.press("enter")
        await settle(pilot, app)
        assert app.owner.record(record.id).notes == "dicatat"
        assert screen.form.record_id == record.id and _field(app, "notes").value == "dicatat"
        assert screen.listing.records.get(article.id) == 1


async def test_a_save_waits_off_the_ui_thread_and_keys_typed_meanwhile_land_in_order(
    sample_store_path: Path, config_home: Path
) -> None:
    async with workbench(sample_store_path, LOMBOK) as (app, pilot):
        aid = open_id(app)
        await to_sentence(pilot, app, "612 personel")
        app.query_one(Reader).focus()
        await pilot.press("a")
        await settle(pilot, app)
        [record] = app.owner.records(aid)
        # something else holds the store for a while (as an ingest does, in its worker)
        gate, holding = threading.Event(), threading.Event()

        def hold() -> None:
            app.owner.call(lambda: (holding.set(), gate.wait(10)))

        holder = threading.Thread(target=hold)
        holder.start()
        try:
            assert holding.wait(5)
            _field(app, "notes").focus()
            start = time.perf_counter()
            await type_text(pilot, "pertama")
            await pilot.press("enter")  # its save now waits for the store
            app.query_one("#field-personnel", Input).focus()
            await type_text(pilot, "35")
            await pilot.press("enter")
            await pilot.pause()
            typed_in = time.perf_counter() - start
            # the keys were taken while the store was busy: the UI thread never waited for it
            assert typed_in < 5, f"keys took {typed_in:.1f} s"
            assert holder.is_alive() and not gate.is_set()
            assert _field(app, "notes").value == "pertama" and _field(app, "personnel").value == "35"
            assert {"notes", "personnel"} <= app.workbench.form.saving
        finally:
            gate.set()
            holder.join()
        await settle(pilot, app)
        stored = app.owner.record(record.id)
        assert stored.notes == "pertama" and stored.personnel == 35
        assert not app.workbench.form.saving
        # in the order asked: undo takes back the personnel first, then the notes
        app.query_one(Reader).focus()
        await pilot.press("u")
        await settle(pilot, app)
        stored = app.owner.record(record.id)
        assert stored.notes == "pertama" and stored.personnel != 35
        await pilot.press("u")
        await settle(pilot, app)
        assert app.owner.record(record.id).notes != "pertama"


async def test_keys_typed_right_after_a_go_into_the_new_record(sample_store_path: Path, config_home: Path) -> None:
    async with workbench(sample_store_path, LOMBOK) as (app, pilot):
        aid = open_id(app)
        await to_sentence(pilot, app, "612 personel")
        app.query_one(Reader).focus()
        gate, holding = threading.Event(), threading.Event()
        holder = threading.Thread(target=lambda: app.owner.call(lambda: (holding.set(), gate.wait(10))))
        holder.start()
        try:
            assert holding.wait(5)
            await pilot.press("a")  # the record is being made: the store is busy
            await pilot.press("e", "enter")  # the type key of escort, then Enter: before it exists
            await pilot.pause()
            assert app.owner.store.records(aid) == []  # not made yet (read past the owner: a test only)
            assert _field(app, "type").value == "escort"
        finally:
            gate.set()
            holder.join()
        await settle(pilot, app)
        [record] = app.owner.records(aid)
        assert record.type == "escort"  # the key typed before the record existed went into it
        assert app.workbench.form.record_id == record.id and _field(app, "type").value == "escort"
