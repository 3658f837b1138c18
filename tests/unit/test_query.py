"""The query language parser: words, phrases, prefixes, filters and clear errors."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from store.errors import QueryError
from store.search.query import parse


def test_words_phrases_and_prefix() -> None:
    q = parse('patroli "pengamanan statis" bon')
    assert [t.words for t in q.terms] == [["patroli"], ["pengamanan", "statis"], ["bon"]]
    assert [t.phrase for t in q.terms] == [False, True, False]
    assert q.prefix is True
    assert parse("patroli bontang ").prefix is False
    assert parse('"polres bontang"').prefix is False


def test_filters() -> None:
    q = parse('status:todo type:patrol unit:"Polres Bontang" outlet:antara label:PERSON=Syarifuddin dup:no')
    got = {(f.field, f.value) for f in q.filters}
    assert got == {("status", "todo"), ("type", "patrol"), ("unit", "Polres Bontang"), ("outlet", "antara"),
                   ("label", "PERSON=Syarifuddin"), ("dup", "no")}
    assert q.terms == []


@pytest.mark.parametrize(("text", "low", "high"), [
    ("date:2024-11", 20241101, 20241130),
    ("date:2024-02", 20240201, 20240229),
    ("date:2024", 20240101, 20241231),
    ("date:2024-11-27", 20241127, 20241127),
    ("date:2024-11-01..2024-11-30", 20241101, 20241130),
    ("date:..2024-09-24", 1, 20240924),  # 0 is an unknown date: left out
    ("date:2024-12..", 20241201, 99991231),
])
def test_date_ranges(text: str, low: int, high: int) -> None:
    [f] = parse(text).filters
    assert (f.low, f.high) == (low, high)


@pytest.mark.parametrize(("text", "needle"), [
    ("colour:red", "unknown filter"),
    ("status:finished", "status:"),
    ("type:dance", "type:"),
    ("dup:maybe", "dup:"),
    ("story:yes", "story:"),
    ("story:0123", "story:"),
    ("label:FOO=bar", "label:"),
    ("date:2024-13", "month"),
    ("date:2024-02-30", "day"),
    ("date:2024-12-01..2024-11-01", "ends before"),
    ("date:kemarin", "not a date"),
])
def test_malformed_queries_get_a_message(text: str, needle: str) -> None:
    with pytest.raises(QueryError) as err:
        parse(text)
    assert needle in str(err.value)


def test_story_and_dup_take_an_article_id_or_any() -> None:
    q = parse("story:0123456789abcdef -dup:any dup:FEDCBA9876543210 story:ANY")
    assert [(f.field, f.value, f.negated) for f in q.filters] == [
        ("story", "0123456789abcdef", False), ("dup", "any", True), ("dup", "fedcba9876543210", False),
        ("story", "any", False)]


def test_half_typed_input_is_lenient() -> None:
    assert parse('"polres bon').terms[0].words == ["polres", "bon"]
    assert parse("status:").filters == []
    assert parse("-patroli").terms[0].negated
    assert parse("   ").empty


@given(st.text(max_size=80))
def test_parser_never_raises_anything_but_query_error(text: str) -> None:
    try:
        parse(text)
    except QueryError:
        pass
