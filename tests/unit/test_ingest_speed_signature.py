"""Ingest's main process splits each new article's signature into shingles (copies) and facts
(rewrites) once, by bisection: the same two parts as the walks that filter them."""

from __future__ import annotations

from pathlib import Path

from store.model import Article
from store.sources.formats import RawDoc, read_source
from store.text import dedupe
from store.text.entities import recognise
from store.text.parse import parse_article


def test_the_split_by_bisection_gives_the_filtered_parts() -> None:
    samples = sorted((Path(__file__).parents[2] / "sample_articles").iterdir())
    assert samples
    for path in samples:
        for raw in read_source(path):
            assert isinstance(raw, RawDoc)
            parsed = parse_article(raw)
            art = Article(
                id="x",
                source=str(path),
                title=parsed.title,
                text=parsed.text,
                published=parsed.published,
                noise=list(parsed.noise),
                entities=recognise(parsed.text, parsed.published, parsed.noise),
            )
            sig = dedupe.article_signature(art)
            assert dedupe.split_signature(sig) == (dedupe.shingle_part(sig), dedupe.story_part(sig))
    for sig in (
        [],
        [4, 8],
        [dedupe.STORY_BASE + 1],
        [0, 12, 2**32 - 4, dedupe.STORY_BASE, dedupe.STORY_BASE * 3],
    ):
        assert dedupe.split_signature(sig) == (dedupe.shingle_part(sig), dedupe.story_part(sig))
