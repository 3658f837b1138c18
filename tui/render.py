"""Turn an article into styled Rich ``Text``: entities coloured by label, noise and markdown's
marks dimmed, search words underlined. Text is escaped one-for-one (``safe``), so offsets still line up."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from rich.style import Style
from rich.text import Text

from store import Article, Entity, Span, Taxonomy, markup_marks

from .safe import safe

NOISE_STYLE = Style(dim=True, italic=True)
MARKUP_STYLE = Style(dim=True)  # markdown's marks in a line ("\\*", "**", "## "): not words
MATCH_STYLE = Style(underline=True, bold=True)


def label_style(taxonomy: Taxonomy, label: str) -> Style:
    style = taxonomy.labels.get(label)
    return Style.parse(style.color) if style else Style(bold=True)


def legend(taxonomy: Taxonomy, hidden: Iterable[str] = ()) -> Text:
    """One line: each label in its colour with its key; hidden labels struck through."""
    hidden = set(hidden)
    out = Text()
    for name, style in taxonomy.labels.items():
        st = label_style(taxonomy, name) + (Style(strike=True, dim=True) if name in hidden else Style())
        out.append(f"{style.key}", Style(bold=True))
        out.append(f" {name} ", st)
        out.append(" ")
    return out


def word_pattern(words: Sequence[str]) -> re.Pattern[str] | None:
    words = [w for w in words if w]
    if not words:
        return None
    return re.compile(
        r"(?<![^\W_])(" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")",
        re.IGNORECASE,
    )


def styled(
    text: str,
    offset: int,
    entities: Sequence[Entity],
    noise: Sequence[Span],
    taxonomy: Taxonomy,
    words: Sequence[str] = (),
    hidden_labels: Iterable[str] = (),
) -> Text:
    """Style ``text`` (a slice of an article starting at ``offset``) with the article's spans."""
    out = Text(safe(text))
    end = offset + len(text)
    for span in noise:
        if span.end > offset and span.start < end:
            out.stylize(NOISE_STYLE, max(0, span.start - offset), min(len(text), span.end - offset))
    hidden = set(hidden_labels)
    for ent in entities:
        if ent.label in hidden or ent.end <= offset or ent.start >= end:
            continue
        lo, hi = max(0, ent.start - offset), min(len(text), ent.end - offset)
        out.stylize(label_style(taxonomy, ent.label), lo, hi)
    for lo, hi in markup_marks(text):
        out.stylize(MARKUP_STYLE, lo, hi)
    pattern = word_pattern(words)
    if pattern is not None:
        for m in pattern.finditer(text):
            out.stylize(MATCH_STYLE, m.start(), m.end())
    return out


def article_text(article: Article, taxonomy: Taxonomy, words: Sequence[str] = ()) -> Text:
    return styled(article.text, 0, article.entities, article.noise, taxonomy, words)
