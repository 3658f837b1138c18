"""An export reads a shard's articles with ``read_article`` (entities made in whole-list steps,
issue 12): it must give what ``Article.from_dict`` gives, damage counted the same, for stored
entries well formed or not. ``clean_entities`` answers from whole lists when every entity is kept;
it must keep what the one-at-a-time reading kept."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from store.interchange.common import clean_entities, read_article
from store.model import Article, Entity, Span

TEXT = "Polres Sleman menggelar apel di Lapangan Denggung. 🙂 Kapolres hadir."
GOOD = [{"start": 0, "end": 13, "label": "POLICE_UNIT", "text": "Polres Sleman"},
        {"start": 32, "end": 49, "label": "LOC", "text": "Lapangan Denggung", "value": {"x": 1}}]


def doc(entities: Any, text: Any = TEXT) -> dict[str, Any]:
    return {"id": "a1", "source": "s", "title": "t", "text": text, "outlet": "o",
            "noise": [{"start": 51, "end": 52, "text": "🙂"}, {"start": 1}], "entities": entities,
            "same_story": ["b"]}


BAD = [
    [{**GOOD[0], "start": "0"}],  # offsets not whole numbers
    [{**GOOD[0], "start": True}],
    [{**GOOD[0], "end": 999}],  # beyond the text
    [{**GOOD[0], "start": 14, "end": 13}],  # backwards
    [{**GOOD[0], "start": -1}],
    [{**GOOD[0], "label": 3}],
    [{**GOOD[0], "text": None}],
    [{k: v for k, v in GOOD[0].items() if k != "label"}],  # a key missing
    [GOOD[0], "not an object"],
    {"start": 0},  # not a list
    None,
    [],
]


@pytest.mark.parametrize("entities", [GOOD, *BAD])
def test_same_as_from_dict(entities: Any) -> None:
    got, want = read_article(doc(entities)), Article.from_dict(doc(entities))
    assert got == want
    assert got.damaged == want.damaged
    assert [type(e) for e in got.entities] == [type(e) for e in want.entities]


def test_well_formed_entities_are_read() -> None:
    article = read_article(doc(GOOD))
    assert [(e.start, e.end, e.label, e.text, e.value) for e in article.entities] == [
        (0, 13, "POLICE_UNIT", "Polres Sleman", None), (32, 49, "LOC", "Lapangan Denggung", {"x": 1})]
    assert article.damaged == 1  # the noise span without an end


def test_text_not_a_string() -> None:
    assert read_article(doc(GOOD, text=5)) == Article.from_dict(doc(GOOD, text=5))


def reference_clean(article: Article, entities: list[Entity], chosen: set[tuple[int, int]]) -> list[Entity]:
    """``clean_entities`` as it was, one entity at a time."""
    out: list[Entity] = []
    last_end = -1
    for e in sorted(entities, key=lambda e: (e.start, -e.end)):
        if not 0 <= e.start < e.end <= len(article.text) or e.start < last_end:
            continue
        if (e.start, e.end) not in chosen and any(s.start < e.end and e.start < s.end for s in article.noise):
            continue
        out.append(e)
        last_end = e.end
    return out


spans = st.tuples(st.integers(-2, 30), st.integers(-2, 30))


@settings(max_examples=2000, deadline=None)
@given(st.lists(spans, max_size=8), st.lists(spans, max_size=3), st.lists(spans, max_size=2))
def test_clean_entities_as_one_at_a_time(ents: list[tuple[int, int]], noise: list[tuple[int, int]],
                                         chosen: list[tuple[int, int]]) -> None:
    article = Article(id="a", source="s", title="t", text="x" * 25,
                      noise=[Span(s, e) for s, e in noise])
    entities = [Entity(s, e, "LOC", "") for s, e in ents]
    assert clean_entities(article, entities, set(chosen)) == reference_clean(article, entities, set(chosen))
