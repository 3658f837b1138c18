"""Records of a coded copy or rewrite, carried over to the article that repeats it.

A copy holds the same sentences: each evidence sentence is found verbatim. A rewrite paraphrases
them: the evidence goes to this article's sentence sharing the most of its content words,
figures and names (at least ``MIN_SIMILAR`` of them, weighted), and the record's corrected slots
come with it, since the reviewer's corrections are what a rewrite's record needs too.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from store.classify import features
from store.model import ActivityRecord, Article
from store.text.sentences import sentences

MIN_SIMILAR = 0.3


def _similarity(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    shared = len(a & b)
    return float(shared / min(len(a), len(b)) * (shared / max(len(a), len(b))) ** 0.5)


def carried(article: Article, source_id: str, kind: str,
            records: Sequence[ActivityRecord]) -> list[dict[str, Any]]:
    """Suggestion fields (with ``score`` and ``source``) for each record of the source article;
    a record whose evidence has no counterpart here is left out."""
    spans = [s for s in sentences(article.text, article.noise)
             if not any(n.start <= s[0] and s[1] <= n.end for n in article.noise)]
    feats = [set(features(article.text[s:e])) for s, e in spans]
    out: list[dict[str, Any]] = []
    for rec in records:
        evidence: list[dict[str, int]] = []
        sims: list[float] = []
        for ev in rec.evidence:
            at = article.text.find(ev.text) if ev.text else -1
            if at >= 0:
                evidence.append({"start": at, "end": at + len(ev.text)})
                sims.append(1.0)
                continue
            want = set(features(ev.text))
            best, best_sim = -1, 0.0
            for i, f in enumerate(feats):
                sim = _similarity(want, f)
                if sim > best_sim:
                    best, best_sim = i, sim
            if best >= 0 and best_sim >= MIN_SIMILAR:
                evidence.append({"start": spans[best][0], "end": spans[best][1]})
                sims.append(best_sim)
        if not evidence:
            continue
        date_text = rec.date_text if rec.date_text and rec.date_text in article.text else None
        out.append({
            "type": rec.type, "unit": rec.unit, "date": rec.date, "date_text": date_text,
            "location": rec.location, "partners": list(rec.partners), "personnel": rec.personnel,
            "phase": rec.phase, "evidence": evidence, "notes": "",
            "score": round(0.5 + 0.49 * min(sims), 3), "source": f"{kind}:{source_id}",
        })
    return out
