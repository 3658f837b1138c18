"""Pages in a real store on disk, and the draft of one of their sentences: what the pre-fill
tests (test_prefill, test_prefill_location, test_prefill_slots) all stand on."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

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
