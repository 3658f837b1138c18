"""Each fact has one owner: the election words, the election calendar, the taxonomy in queries,
the store's path names. These tests fail when a second copy of a fact drifts from the first."""

from __future__ import annotations

import pytest

from store.text import gazetteer as gz
from store.text.entities import recognise


def _elections(text: str) -> list[str]:
    return [text[e.start:e.end] for e in recognise(text) if e.label == "ELECTION"]


@pytest.mark.parametrize("word", gz.ELECTIONS.split("|"))
@pytest.mark.parametrize("case", [str.title, str.lower, str.upper])
def test_every_election_word_is_found_in_every_case(word: str, case) -> None:
    written = case(word)
    assert _elections(f"Polres mengamankan {written} 2024 di Bontang.") == [f"{written} 2024"]


def test_an_election_word_ends_a_place_name_in_every_case() -> None:
    """The hard-head list comes from the same table: a place never runs into 'pilkades'."""
    from store.text.entities import _hard_heads

    assert {w.lower() for w in gz.ELECTIONS.split("|")} <= _hard_heads()
