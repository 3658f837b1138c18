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


def test_story_facts_of_names_said_again_and_dates_are_each_counted_once() -> None:
    text = (
        "Judul\n\nKapolres Wirasaba AKBP Dedi Kurnia Saputra menyiagakan 240 personel, Senin (25/11/2024). "
        "Dedi mengatakan 240 personel itu berjaga di 118 TPS. Menurut Dedi, apel digelar Senin (25/11/2024)."
    )
    art = Article(
        id="x",
        source="s",
        title="Judul",
        text=text,
        published="2024-11-26",
        entities=recognise(text, "2024-11-26"),
    )
    people = [e.text for e in art.entities if e.label == "PERSON"]
    days = [e.value for e in art.entities if e.label == "DATE"]
    assert people.count("Dedi") == 2 and days.count("2024-11-25") == 2
    facts = dedupe.story_signature(art)
    assert facts == sorted(set(facts))
    want = {dedupe._hash(dedupe.PERSON_WORD, w) for w in ("dedi", "kurnia", "saputra")}
    want |= {dedupe._hash(dedupe.DAY, "2024-11-25")}
    want |= {dedupe._hash(dedupe.FIGURE, n) for n in ("240", "118")}
    assert set(facts) == want
