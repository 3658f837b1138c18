"""The workbench driven by keys, as a reviewer presses them, on a real store of the samples."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

import store
from tests.app.pilot import messages, open_article, save_search_as, settle, type_text
from tui.app import TandaiApp
from tui.widgets.article_list import ArticleList
from tui.widgets.reader import Reader
from tui.widgets.tagging import TaggingPanel


def row_texts(app: TandaiApp) -> list[str]:
    lst = app.query_one(ArticleList)
    return [lst.get_option_at_index(i).prompt.plain for i in range(lst.option_count)]  # type: ignore[union-attr]



async def test_full_reviewer_flow_survives_reopen(sample_store_path: Path, config_home: Path) -> None:
    app = TandaiApp(sample_store_path, reviewer="rina", config={})
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot, app)
        # search with a filter, then open the top hit with Enter
        await pilot.press("escape", "slash")
        await type_text(pilot, "apel lombok status:todo dup:no")
        await settle(pilot, app)
        assert len(row_texts(app)) == 1 and "Lombok Timur" in row_texts(app)[0]
        await pilot.press("enter")
        await settle(pilot, app)
        assert app.workbench.article is not None and app.workbench.article.title.startswith("Polres Lombok Timur Gelar Apel")
        assert isinstance(app.focused, Reader)
        aid = app.workbench.article.id

        # correct an entity: select "Satlinmas"'s neighbour words and label them LOC (key 8)
        reader = app.query_one(Reader)
        target = app.workbench.article.text.index("Kecamatan Jerowaru")
        while reader.selection()[0] < target:
            await pilot.press("w")
        await pilot.press("v", "shift+right", "8")
        await settle(pilot, app)
        assert any(o["label"] == "LOC" and o["text"] == "Kecamatan Jerowaru" for o in app.owner.overrides(aid))

        # add a record from the sentence under the cursor: slots come pre-filled
        assert reader.selection_anchor is None  # labelling ends the selection
        for _ in range(40):
            if "612 personel" in app.workbench.article.text[slice(*reader.current_sentence())]:
                break
            await pilot.press("k")
        guessed = app.owner.draft_record(aid, *reader.current_sentence())["type"]  # the store's guess
        await pilot.press("a")
        await settle(pilot, app)
        [rec] = app.owner.records(aid)
        assert (rec.type, rec.unit, rec.personnel, rec.date, rec.phase) == (
            guessed, "Polres Lombok Timur", 612, "2024-11-26", "quiet")
        assert "612 personel" in rec.evidence[0].text and rec.reviewer == "rina"
        assert isinstance(app.focused, Input) and app.focused.id == "field-type"

        # edit it: the date (phase follows) and a note; each field is saved when left
        await pilot.press("tab", "tab")
        assert app.focused.id == "field-date"
        await pilot.press("ctrl+u")
        await type_text(pilot, "Rabu (27/11/2024)")
        await pilot.press("enter")
        await settle(pilot, app)
        assert app.owner.record(rec.id).date == "2024-11-27" and app.owner.record(rec.id).phase == "voting"
        app.query_one("#field-notes", Input).focus()
        await type_text(pilot, "apel di Mapolres")
        await pilot.press("escape")
        await settle(pilot, app)
        assert app.owner.record(rec.id).notes == "apel di Mapolres"

        # undo twice (note, date), redo once (date)
        await pilot.press("u")
        await settle(pilot, app)
        assert app.owner.record(rec.id).notes == ""
        await pilot.press("u")
        await settle(pilot, app)
        assert app.owner.record(rec.id).date == "2024-11-26"
        await pilot.press("ctrl+y")
        await settle(pilot, app)
        assert app.owner.record(rec.id).date == "2024-11-27"

        # status, then quit with q
        await pilot.press("D")
        await settle(pilot, app)
        assert app.owner.status(aid) == "done"
        assert row_texts(app) == [] or "✓" in row_texts(app)[0]  # status:todo no longer matches
        await pilot.press("q")
    with store.open(sample_store_path, reviewer="rina") as st:
        [again] = st.records(aid)
        assert again.date == "2024-11-27" and again.unit == "Polres Lombok Timur" and again.personnel == 612
        assert st.status(aid) == "done"
        assert any(e.text == "Kecamatan Jerowaru" and e.label == "LOC" for e in st.article(aid).entities)


async def test_invalid_record_keeps_what_was_typed(sample_store_path: Path, config_home: Path) -> None:
    app = TandaiApp(sample_store_path, reviewer="rina", config={})
    async with app.run_test(size=(160, 50)) as pilot:
        await open_article(pilot, app, "pempek")
        aid = app.workbench.article.id  # type: ignore[union-attr]
        await pilot.press("j", "a")
        await settle(pilot, app)
        assert app.owner.records(aid) == []  # off-topic: no unit, no type: not saved
        panel = app.query_one(TaggingPanel)
        assert "required" in str(panel.query_one("#problem-type").render())
        app.query_one("#field-type", Input).focus()
        await type_text(pilot, "o")
        await pilot.press("enter")
        await settle(pilot, app)
        assert app.query_one("#field-type", Input).value == "community_outreach"
        assert app.owner.records(aid) == []
        assert "required" in str(panel.query_one("#problem-unit").render())
        app.query_one("#field-unit", Input).focus()
        await type_text(pilot, "Polres Contoh")
        await pilot.press("enter")
        await settle(pilot, app)
        [rec] = app.owner.records(aid)
        assert (rec.type, rec.unit) == ("community_outreach", "Polres Contoh")
        # x deletes it, u brings it back
        app.query_one(Reader).focus()
        await pilot.press("x")
        await settle(pilot, app)
        assert app.owner.records(aid) == []
        await pilot.press("u")
        await settle(pilot, app)
        assert [r.id for r in app.owner.records(aid)] == [rec.id]


async def test_article_text_is_data_not_markup(sample_store_path: Path, config_home: Path) -> None:
    app = TandaiApp(sample_store_path, reviewer="rina", config={})
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot, app)
        await pilot.press("escape", "slash")
        await type_text(pilot, "serasuba")
        await settle(pilot, app)
        assert "[bold red]Polres Bima Kota[/bold red]" in row_texts(app)[0]
        await pilot.press("enter")
        await settle(pilot, app)
        reader = app.query_one(Reader)
        assert "[link=http://contoh-berbahaya.example]Klik di sini[/link]" in reader._text.plain
        head = str(app.query_one("#article-head").render())
        assert "[bold red]" in head


async def test_narrow_terminal_collapses_panes(sample_store_path: Path, config_home: Path) -> None:
    app = TandaiApp(sample_store_path, reviewer="rina", config={})
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        assert app.query_one("#left").display and not app.query_one("#middle").display
        await pilot.press("enter")  # open the top hit from the search bar
        await settle(pilot, app)
        assert app.query_one("#middle").display and not app.query_one("#left").display
        assert not app.query_one("#panel").display  # the reader gets the width
        await pilot.press("t")
        assert app.query_one("#panel").display
        await pilot.press("t")
        assert not app.query_one("#panel").display
        await pilot.press("a")  # adding a record opens the panel
        await settle(pilot, app)
        assert app.query_one("#panel").display
        app.query_one(Reader).focus()
        await pilot.press("escape")  # back to the list
        assert app.query_one("#left").display


async def test_next_previous_and_next_todo(sample_store_path: Path, config_home: Path) -> None:
    app = TandaiApp(sample_store_path, reviewer="rina", config={})
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot, app)
        app.query_one(ArticleList).focus()
        await pilot.press("enter")
        await settle(pilot, app)
        first = app.workbench.article.id  # type: ignore[union-attr]
        await pilot.press("n")
        await settle(pilot, app)
        second = app.workbench.article.id  # type: ignore[union-attr]
        assert second != first
        await pilot.press("p")
        await settle(pilot, app)
        assert app.workbench.article.id == first  # type: ignore[union-attr]
        await pilot.press("S")  # skip it, then g finds a todo article
        await settle(pilot, app)
        await pilot.press("g")
        await settle(pilot, app)
        assert app.workbench.article.id != first and app.owner.status(app.workbench.article.id) == "todo"  # type: ignore[union-attr]


async def test_saved_search_from_the_palette(sample_store_path: Path, config_home: Path) -> None:
    app = TandaiApp(sample_store_path, reviewer="rina", config={})
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot, app)
        await save_search_as(pilot, app, "outlet:antara", "antara queue")
        assert [(s["name"], s["query"]) for s in app.owner.saved_searches()] == [("antara queue", "outlet:antara")]
        app.query_one("#search", Input).value = ""
        await settle(pilot, app)
        await pilot.press("ctrl+p")
        await type_text(pilot, "Saved search: antara")
        await pilot.press("enter")
        await settle(pilot, app)
        assert app.query_one("#search", Input).value == "outlet:antara"
        assert all("ANTARA" in t for t in row_texts(app))


async def test_saving_over_another_reviewers_search_is_refused_in_the_workbench(
        sample_store_path: Path, config_home: Path) -> None:
    """Red team 3 (F7): saving a search under a name another reviewer had used replaced theirs without
    a word. Now the workbench says whose it is and both keep theirs."""
    with store.open(sample_store_path, reviewer="ana") as st:
        st.save_search("antrian", "status:done")
    app = TandaiApp(sample_store_path, reviewer="rina", config={})
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot, app)
        await save_search_as(pilot, app, "outlet:antara", "antrian")
        assert any("is ana's" in m for m in messages(app)), messages(app)
        assert [(s["name"], s["query"]) for s in app.owner.saved_searches()] == [("antrian", "status:done")]


async def test_help_lists_every_key(sample_store_path: Path, config_home: Path) -> None:
    app = TandaiApp(sample_store_path, reviewer="rina", config={})
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot, app)
        app.query_one(ArticleList).focus()
        await pilot.press("question_mark")
        await pilot.pause()
        text = app.screen.query_one("Static").render()
        plain = str(text) if not hasattr(text, "plain") else text.plain  # type: ignore[union-attr]
        assert app.screen.__class__.__name__ == "HelpScreen"
        for binding_id in ("add_record", "status_done", "label_loc", "undo", "focus_search"):
            assert binding_id in repr(app.screen.groups)
        await pilot.press("escape")
        assert plain is not None


async def test_ingest_from_inside_the_app(tmp_path: Path, config_home: Path) -> None:
    d = tmp_path / "new"
    d.mkdir()
    (d / "x.txt").write_text("Polres Contoh Patroli Malam\n\nPolres Contoh menggelar patroli malam di Desa Maju.\n")
    app = TandaiApp(tmp_path / "s", reviewer="rina", config={})
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot, app)
        await pilot.press("n")  # decline the samples offer
        await settle(pilot, app)
        app.query_one(ArticleList).focus()
        await pilot.press("i")
        await pilot.pause()
        await type_text(pilot, str(d))
        await pilot.press("enter")
        await settle(pilot, app)
        assert "1 added" in str(app.screen.query_one("#ingest-status").render())
        await pilot.press("escape")
        await settle(pilot, app)
        assert len(row_texts(app)) == 1


async def test_first_run_asks_the_name_and_offers_samples(tmp_path: Path, config_home: Path) -> None:
    app = TandaiApp(tmp_path / "s", reviewer=None, config={})
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot, app)
        await type_text(pilot, "budi")
        await pilot.press("enter")
        await settle(pilot, app)
        await pilot.press("y")
        await settle(pilot, app)
        assert app.owner.count() == 42
        assert app.owner.store.reviewer == "budi"
    assert 'reviewer = "budi"' in (config_home / "tandai" / "config.toml").read_text()


async def test_read_only_when_another_writer_holds_the_store(sample_store_path: Path, config_home: Path) -> None:
    holder = store.open(sample_store_path, reviewer="other")
    try:
        app = TandaiApp(sample_store_path, reviewer="rina", config={})
        async with app.run_test(size=(160, 50)) as pilot:
            await settle(pilot, app)
            assert not app.owner.store.writable
            await pilot.press("enter")
            await settle(pilot, app)
            await pilot.press("D")
            await settle(pilot, app)
            assert app.owner.status(app.workbench.article.id) == "todo"  # type: ignore[union-attr]
            assert "READ-ONLY" in str(app.query_one("#statusline").render())
    finally:
        holder.close()


async def test_keys_can_be_remapped_by_binding_id(sample_store_path: Path, config_home: Path) -> None:
    app = TandaiApp(sample_store_path, reviewer="rina", config={"keys": {"status_done": "ctrl+d"}})
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot, app)
        await pilot.press("enter")
        await settle(pilot, app)
        aid = app.workbench.article.id  # type: ignore[union-attr]
        await pilot.press("D")  # no longer bound
        await settle(pilot, app)
        assert app.owner.status(aid) == "todo"
        await pilot.press("ctrl+d")
        await settle(pilot, app)
        assert app.owner.status(aid) == "done"


async def test_enter_right_after_typing_opens_the_top_hit_of_what_was_typed(
        sample_store_path: Path, config_home: Path) -> None:
    """A reviewer who types a query and presses Enter at once, before the search for the last
    letter has come back, gets the top hit of what they typed, not the top of the list as it
    stood (in tmux: '/balocci' and Enter opened the newest article of the whole list)."""
    app = TandaiApp(sample_store_path, reviewer="rina", config={})
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot, app)
        await pilot.press("escape", "slash")
        bar = app.query_one("#search", Input)
        assert isinstance(app.focused, Input) and app.workbench.listing.rows
        # the last letter and Enter in one go, as a fast typist over SSH sends them: the pilot
        # waits between keys, so the value is set and submitted without a pause
        bar.value = "balocci"
        await bar.action_submit()
        await settle(pilot, app)
        assert app.workbench.article is not None and "Balocci" in app.workbench.article.title
        assert isinstance(app.focused, Reader)


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
async def test_l_on_a_narrow_terminal_puts_the_list_beside_the_reader(
    sample_store_path: Path, config_home: Path, size: tuple[int, int]
) -> None:
    """Under 120 columns ``l`` made the list fill the screen and left the reader no columns, nothing
    focused: the list now comes beside it, the reader keeping at least 40 columns (the panel gives
    way), and ``l`` again takes it away."""
    app = TandaiApp(sample_store_path, reviewer="rina", config={})
    async with app.run_test(size=size) as pilot:
        await settle(pilot, app)
        await pilot.press("enter")  # open the top hit: the reader takes the width
        await settle(pilot, app)
        reader, left, panel = app.query_one(Reader), app.query_one("#left"), app.query_one("#panel")
        await pilot.press("t")  # the tagging panel too
        await settle(pilot, app)
        await pilot.press("l")
        await settle(pilot, app)
        assert left.display and left.size.width >= 20
        assert reader.size.width >= 40 and app.focused is reader, (reader.size, app.focused)
        assert not panel.display
        await pilot.press("j")  # the reader still takes its keys
        await pilot.press("l")
        await settle(pilot, app)
        assert not left.display and reader.size.width >= size[0] - 2 and app.focused is reader


async def test_l_on_a_wide_terminal_hides_and_shows_the_list(sample_store_path: Path, config_home: Path) -> None:
    """README: ``l`` shows / hides the list; on a wide terminal it did nothing."""
    app = TandaiApp(sample_store_path, reviewer="rina", config={})
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot, app)
        await pilot.press("enter")
        await settle(pilot, app)
        reader, left = app.query_one(Reader), app.query_one("#left")
        width = reader.size.width
        await pilot.press("l")
        await settle(pilot, app)
        assert not left.display and reader.size.width > width and app.focused is reader
        await pilot.press("l")
        await settle(pilot, app)
        assert left.display and reader.size.width == width
