"""Suggested records in the workbench (issue 11): shown apart from saved records in the records
list and the reader's margin, decided with one key each (y accept, r reject, ] [ move, a accept
and edit), and editing a suggestion's field accepts it with the edit. Pilot, real store."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, OptionList

from tests.app.pilot import open_id, screen_text, settle, type_text, workbench
from tui.app import TandaiApp
from tui.widgets.reader import Reader
from tui.widgets.tagging import SUGGESTED, TaggingPanel

LOMBOK = "apel lombok dup:no"


def _span(s: dict) -> tuple[int, int]:
    return s["evidence"][0]["start"], s["evidence"][0]["end"]


def _options(app: TandaiApp) -> list[tuple[str, str]]:
    box = app.query_one("#records", OptionList)
    return [(box.get_option_at_index(i).id or "", str(box.get_option_at_index(i).prompt))
            for i in range(box.option_count)]


async def test_accepting_the_kth_suggestion_takes_k_keys_after_opening(
    sample_store_path: Path, config_home: Path
) -> None:
    async with workbench(sample_store_path, LOMBOK) as (app, pilot):
        aid = open_id(app)
        ranked = app.owner.suggestions(aid)
        assert len(ranked) >= 3
        reader = app.query_one(Reader)
        assert app.focused is reader and reader.current_sentence() == _span(ranked[0])
        await pilot.press("y")  # the best one: one key
        await settle(pilot, app)
        [first] = app.owner.records(aid)
        assert (first.type, first.unit) == (ranked[0]["type"], ranked[0]["unit"])
        assert (first.evidence[0].start, first.evidence[0].end) == _span(ranked[0])
        # the cursor moved on to the next best: the third-ranked one is ] then y
        assert reader.current_sentence() == _span(ranked[1])
        await pilot.press("right_square_bracket", "y")
        await settle(pilot, app)
        spans = sorted((r.evidence[0].start, r.evidence[0].end) for r in app.owner.records(aid))
        assert spans == sorted([_span(ranked[0]), _span(ranked[2])])
        assert all(s["key"] not in (ranked[0]["key"], ranked[2]["key"]) for s in app.owner.suggestions(aid))


async def test_suggestions_are_drawn_apart_from_saved_records(sample_store_path: Path, config_home: Path) -> None:
    async with workbench(sample_store_path, LOMBOK) as (app, pilot):
        await pilot.press("y")
        await settle(pilot, app)
        options = _options(app)
        records = [t for i, t in options if not i.startswith(SUGGESTED)]
        suggested = [t for i, t in options if i.startswith(SUGGESTED)]
        assert len(records) == 1 and records[0].startswith("●")
        assert suggested and all(t.startswith("◇") for t in suggested)
        box = app.query_one("#records", OptionList)
        styles = {str(box.get_option_at_index(i).prompt.style) for i in range(box.option_count)}  # type: ignore[union-attr]
        assert len(styles) == 2  # saved plain, suggested italic and coloured
        margin = [line[:2] for line in screen_text(app).splitlines()]
        reader_x = app.query_one(Reader).content_region.x
        margin = [line[reader_x : reader_x + 2] for line in screen_text(app).splitlines()]
        assert any(m.startswith("●") for m in margin) and any(m.startswith("◇") for m in margin)


async def test_next_previous_and_reject_which_the_store_remembers(sample_store_path: Path, config_home: Path) -> None:
    async with workbench(sample_store_path, LOMBOK) as (app, pilot):
        aid = open_id(app)
        ranked = app.owner.suggestions(aid)
        reader = app.query_one(Reader)
        await pilot.press("right_square_bracket")
        assert reader.current_sentence() == _span(ranked[1])
        await pilot.press("left_square_bracket")
        assert reader.current_sentence() == _span(ranked[0])
        await pilot.press("r")
        await settle(pilot, app)
        assert app.owner.rejected_suggestions(aid) == [ranked[0]["key"]]
        assert app.owner.records(aid) == []
        assert reader.current_sentence() == _span(ranked[1])
        assert all(i != SUGGESTED + ranked[0]["key"] for i, _ in _options(app))
        await pilot.press("n", "p")  # away and back: still not suggested
        await settle(pilot, app)
        assert app.workbench.article.id == aid  # type: ignore[union-attr]
        assert all(i != SUGGESTED + ranked[0]["key"] for i, _ in _options(app))
        await pilot.press("u")
        await settle(pilot, app)
        assert app.owner.rejected_suggestions(aid) == []
        assert any(i == SUGGESTED + ranked[0]["key"] for i, _ in _options(app))


async def test_a_on_a_suggested_sentence_accepts_it_and_opens_it_to_edit(
    sample_store_path: Path, config_home: Path
) -> None:
    async with workbench(sample_store_path, LOMBOK) as (app, pilot):
        aid = open_id(app)
        best = app.owner.suggestions(aid)[0]
        await pilot.press("a")
        await settle(pilot, app)
        [record] = app.owner.records(aid)
        assert (record.evidence[0].start, record.evidence[0].end) == _span(best)
        assert isinstance(app.focused, Input) and app.focused.id == "field-type"
        await pilot.press("i", "enter")
        await settle(pilot, app)
        assert app.owner.record(record.id).type == "incident_response"


async def test_editing_a_field_of_a_suggestion_accepts_it_with_the_edit(
    sample_store_path: Path, config_home: Path
) -> None:
    async with workbench(sample_store_path, LOMBOK) as (app, pilot):
        aid = open_id(app)
        second = app.owner.suggestions(aid)[1]
        box = app.query_one("#records", OptionList)
        box.focus()
        box.highlighted = [i for i, _ in _options(app)].index(SUGGESTED + second["key"])
        await pilot.press("enter")
        await settle(pilot, app)
        panel = app.query_one(TaggingPanel)
        assert panel.suggestion_key == second["key"] and app.owner.records(aid) == []
        assert "Suggested" in str(app.query_one("#record-title").render())
        assert app.query_one(Reader).current_sentence() == _span(second)
        await pilot.press("tab")  # to the unit
        await type_text(pilot, "Polsek Sakra")
        await pilot.press("enter")
        await settle(pilot, app)
        [record] = app.owner.records(aid)
        assert record.unit == "Polsek Sakra" and record.type == second["type"]
        assert (record.evidence[0].start, record.evidence[0].end) == _span(second)
        assert panel.record_id == record.id and panel.suggestion_key is None


async def test_braces_go_to_the_suggested_sentences_in_the_order_the_article_reads(
    sample_store_path: Path, config_home: Path
) -> None:
    """``]`` goes best first, which jumps about a page; a reviewer coding it top to bottom takes ``}``
    to the next suggested sentence below the cursor and ``{`` to the one above it."""
    async with workbench(sample_store_path, LOMBOK) as (app, pilot):
        aid = open_id(app)
        reader = app.query_one(Reader)
        in_text = sorted({_span(s) for s in app.owner.suggestions(aid)})
        assert len(in_text) >= 3 and [_span(s) for s in app.owner.suggestions(aid)] != in_text  # ranked apart
        reader.go_to(0)  # the title
        await settle(pilot, app)
        seen = []
        for _ in in_text:
            await pilot.press("right_curly_bracket")
            await settle(pilot, app)
            seen.append(reader.current_sentence())
        assert seen == in_text
        await pilot.press("right_curly_bracket")  # none below the last: it stays, and says so
        await settle(pilot, app)
        assert reader.current_sentence() == in_text[-1]
        assert any("No suggestion below" in m for m in app.said)
        await pilot.press("left_curly_bracket", "left_curly_bracket")
        await settle(pilot, app)
        assert reader.current_sentence() == in_text[-3]
