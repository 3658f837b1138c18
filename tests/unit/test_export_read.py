"""An export reads a shard's articles with ``read_article`` (entities made in whole-list steps,
issue 12): it must give what ``Article.from_dict`` gives, damage counted the same, for stored
entries well formed or not."""

from __future__ import annotations

from typing import Any

import pytest

from store.interchange.common import read_article
from store.model import Article

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
