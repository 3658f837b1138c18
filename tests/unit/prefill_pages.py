"""Pages in a real store on disk, and the draft of one of their sentences: what the pre-fill
tests (test_prefill, test_prefill_location, test_prefill_slots) all stand on."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

import store

Opened = tuple[store.Store, dict[str, str]]


def open_pages(tmp: Path, pages: dict[str, str]) -> Iterator[Opened]:
    """A store on disk holding ``pages`` (name -> text), with their article ids by name."""
    src = tmp / "in"
    src.mkdir()
    for name, text in pages.items():
        (src / f"{name}.txt").write_text(text, encoding="utf-8")
    with store.open(tmp / "store", reviewer="rina") as st:
        st.ingest([src])
        yield st, {Path(a.source).stem: a.id for a in st.articles()}


def draft(opened: Opened, page: str, needle: str) -> dict[str, Any]:
    """The draft of the sentence holding ``needle`` (from its paragraph's start or the previous
    full stop to the full stop after the needle: a needle may hold a dot, 'S.I.K.')."""
    st, ids = opened
    art = st.article(ids[page])
    at = art.text.index(needle)
    start = max(art.text.rfind("\n", 0, at) + 1, art.text.rfind(". ", 0, at) + 2)
    return st.draft_record(ids[page], start, art.text.index(".", at + len(needle)) + 1)


def page_holding(pages: dict[str, str], needle: str) -> str:
    """The one page of ``pages`` that holds ``needle`` (a case names its sentence by a needle)."""
    [page] = [name for name, text in pages.items() if needle in text]
    return page


def paragraph_draft(opened: Opened, page: str, needle: str) -> dict[str, Any]:
    """The draft of the sentence holding ``needle`` to its paragraph's end."""
    st, ids = opened
    art = st.article(ids[page])
    at = art.text.index(needle)
    start = max(art.text.rfind("\n", 0, at) + 1, art.text.rfind(". ", 0, at) + 2)
    return st.draft_record(ids[page], start, art.text.index("\n", at))


def clause_draft(opened: Opened, page: str, needle: str) -> dict[str, Any]:
    """The draft of the clause starting at ``needle`` to its sentence's end."""
    st, ids = opened
    art = st.article(ids[page])
    at = art.text.index(needle)
    return st.draft_record(ids[page], at, art.text.index("\n", at))


def needle_draft(opened: Opened, pages: dict[str, str], needle: str, clause: bool = False) -> dict[str, Any]:
    """The draft a transfer-check case asks for: on the page holding ``needle``, its paragraph from the
    sentence holding it, or (``clause``) the clause that ``needle`` opens."""
    return (clause_draft if clause else paragraph_draft)(opened, page_holding(pages, needle), needle)


Case = tuple[str, str, Any]


def case_check(pages: dict[str, str], cases: Sequence[Case], clause: tuple[str, ...] = ()) -> tuple[
        Callable[..., Any], Callable[..., None]]:
    """A module's store fixture (``opened``) and its test of ``(needle, slot, expected)`` cases on
    ``pages`` (a needle opening with one of ``clause`` drafts the clause it opens): what each round's
    case module writes as ``opened, test_x = case_check(PAGES, CASES)``."""

    @pytest.fixture(scope="module")
    def opened(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Opened]:
        yield from open_pages(tmp_path_factory.mktemp("pages"), pages)

    @pytest.mark.parametrize(("needle", "slot", "expected"), cases, ids=lambda v: str(v)[:32])
    def test_case(opened: Opened, needle: str, slot: str, expected: Any) -> None:
        assert needle_draft(opened, pages, needle, clause=needle.startswith(clause))[slot] == expected

    return opened, test_case


def coded_in_turn(opened: Opened, page: str, needle: str, records: int) -> Iterator[dict[str, Any]]:
    """The drafts of the paragraph holding ``needle`` as a reviewer codes it record after record:
    each draft is yielded, then saved as the reviewer's (the workbench drafts the next clause)."""
    st, ids = opened
    aid = ids[page]
    text = st.article(aid).text
    at = text.index(needle)
    start, end = text.rfind("\n", 0, at) + 1, text.index("\n", at)
    for _ in range(records):
        d = st.draft_record(aid, start, end)
        yield d
        st.add_record(aid, **{k: v for k, v in d.items() if k not in ("date_text", "phase")})
