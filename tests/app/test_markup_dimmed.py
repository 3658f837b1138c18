"""Markdown's own marks in an article copied as markdown (``\\*Kapolsek …,\\*``, ``**Polres
X**``, ``## ``) are dimmed in the reader, as noise is (DOMAIN: noise to drop or dim); the words
between them keep their look, and the text keeps every character (offsets do not move)."""

from __future__ import annotations

from pathlib import Path

from rich.style import Style

from tests.app.pilot import settle, workbench
from tui.widgets.reader import Reader


def drawn(reader: Reader, needle: str) -> list[tuple[str, Style | None]]:
    """The segments of the first line the reader draws that holds ``needle``."""
    for y in range(400):
        strip = reader.render_line(y)  # lines below the view are drawn as asked (wrapped on demand)
        line = "".join(seg.text for seg in strip)
        if needle in line:
            return [(seg.text, seg.style) for seg in strip]
    raise AssertionError(f"no line shows {needle!r}")


def dim_at(segments: list[tuple[str, Style | None]], text: str) -> bool:
    """Whether the characters of ``text`` (its first occurrence on the line) are all drawn dim."""
    line = "".join(t for t, _ in segments)
    at = line.index(text)
    pos, flags = 0, []
    for seg_text, style in segments:
        for i in range(len(seg_text)):
            if at <= pos + i < at + len(text):
                flags.append(bool(style and style.dim))
        pos += len(seg_text)
    return all(flags) and len(flags) == len(text)


async def test_the_readers_markdown_marks_are_dim_and_the_words_are_not(sample_store_path: Path,
                                                                        config_home: Path) -> None:
    async with workbench(sample_store_path, "balocci patroli dialogis") as (app, pilot):
        await settle(pilot, app)
        article = app.workbench.article
        assert article is not None and "\\*Kapolsek Balocci" in article.text
        reader = app.query_one(Reader)
        segments = drawn(reader, "Kapolsek Balocci, Iptu")
        line = "".join(t for t, _ in segments)
        assert "\\*Kapolsek" in line  # the marks are still there: dimmed, not dropped
        assert dim_at(segments, "\\*Kapolsek"[:2])
        assert not dim_at(segments, ",\\*")  # the comma is the words', not a mark
        assert dim_at(segments, "\\* menjelaskan"[:2])
        assert not dim_at(segments, "menjelaskan")
