"""Records of a coded copy or rewrite, carried over to the article that repeats it.

A copy holds the same sentences: each evidence sentence is found verbatim. A rewrite paraphrases
them: the evidence goes to this article's sentence sharing the most of its content words,
figures and names (at least ``MIN_SIMILAR`` of them, weighted), and the record's corrected slots
come with it, since the reviewer's corrections are what a rewrite's record needs too.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from store.classify import features, words
from store.model import ActivityRecord, Article
from store.text.sentences import sentences

MIN_SIMILAR = 0.3
SAME_TYPE = 0.15  # a paraphrase whose own type is the record's is likelier its counterpart


def _content(text: str) -> set[str]:
    """What a rewrite keeps: the content words and the figures (counted twice: "312 personel"
    survives any paraphrase, a date's day and month too)."""
    figures = {w for w in words(text) if w.isdigit() and w not in ("2024", "2025", "2023")}
    return set(features(text)) | figures | {f"#{w}" for w in figures}


def _similarity(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    shared = len(a & b)
    return float(shared / min(len(a), len(b)) * (shared / max(len(a), len(b))) ** 0.5)


def carried(article: Article, source_id: str, kind: str, records: Sequence[ActivityRecord],
            guess: Callable[[str], str] | None = None) -> list[dict[str, Any]]:
    """Suggestion fields (with ``score`` and ``source``) for each record of the source article;
    a record whose evidence has no counterpart here is left out. Each sentence here takes at most
    one record: pairs are matched best first (a paraphrase most like the record's sentence, and
of the record's type by ``guess``)."""
    title = article.title.strip()
    spans = [s for s in sentences(article.text, article.noise)
             if not any(n.start <= s[0] and s[1] <= n.end for n in article.noise)
             and article.text[s[0]:s[1]].strip() != title]
    feats = [_content(article.text[s:e]) for s, e in spans]
    kinds = [guess(article.text[s:e]) if guess is not None else "" for s, e in spans]
    pairs: list[tuple[float, int, int]] = []  # (similarity, record index, sentence index)
    exact: dict[int, tuple[int, int]] = {}
    for r, rec in enumerate(records):
        ev = rec.evidence[0] if rec.evidence else None
        if ev is None:
            continue
        at = article.text.find(ev.text) if ev.text else -1
        if at >= 0:
            exact[r] = (at, at + len(ev.text))
            continue
        want = _content(ev.text)
        for i, f in enumerate(feats):
            sim = _similarity(want, f) + (SAME_TYPE if kinds[i] == rec.type else 0.0)
            if sim >= MIN_SIMILAR:
                pairs.append((sim, r, i))
    placed: dict[int, tuple[tuple[int, int], float]] = {r: (span, 1.0) for r, span in exact.items()}
    used = {span for span, _ in placed.values()}
    for sim, r, i in sorted(pairs, reverse=True):
        if r in placed or spans[i] in used:
            continue
        placed[r] = (spans[i], min(1.0, sim))
        used.add(spans[i])
    out: list[dict[str, Any]] = []
    for r, ((start, end), sim) in sorted(placed.items()):
        rec = records[r]
        date_text = rec.date_text if rec.date_text and rec.date_text in article.text[start:end] else None
        out.append({
            "type": rec.type, "unit": rec.unit, "date": rec.date, "date_text": date_text,
            "location": rec.location, "partners": list(rec.partners), "personnel": rec.personnel,
            "phase": rec.phase, "evidence": [{"start": start, "end": end}], "notes": "",
            "score": round(0.5 + 0.49 * sim, 3), "source": f"{kind}:{source_id}",
        })
    return out
