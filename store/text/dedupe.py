"""Near-duplicate detection: the same press release republished with small edits.

Signature: hashes of 5-word shingles of the article's body (noise lines excluded), sampled by
value (``h % SAMPLE == 0``), so two copies of a text sample the *same* shingles wherever they
sit. Two articles are near duplicates when their sampled sets overlap by ``THRESHOLD`` or more
(Jaccard). Articles that only share a template or an event share few 5-word runs (names,
places and numbers differ), so they stay unlinked. Candidates come from an inverted index over
sampled hashes, kept only while ingest runs.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter
from collections.abc import Sequence

from store.model import Span

SHINGLE = 5
SAMPLE = 4
THRESHOLD = 0.5
MIN_SHINGLES = 8
# A shingle found in more articles than this is template or boilerplate text, not evidence that
# one article republishes another: it stops counting (and keeps each lookup cheap).
MAX_POSTING = 40

_WORD = re.compile(r"[^\W_]+")


def body_words(text: str, noise: Sequence[Span] = ()) -> list[str]:
    """Lower-cased words outside noise spans."""
    if noise:
        parts = []
        pos = 0
        for span in sorted(noise, key=lambda s: s.start):
            if span.start > pos:
                parts.append(text[pos : span.start])
            pos = max(pos, span.end)
        parts.append(text[pos:])
        text = "\n".join(parts)
    return _WORD.findall(text.lower())


def signature(text: str, noise: Sequence[Span] = ()) -> list[int]:
    """Sorted sampled shingle hashes of the body; the title line is left out (outlets rewrite it)."""
    nl = text.find("\n")
    spans = [*noise, Span(0, nl)] if nl > 0 else list(noise)
    words = body_words(text, spans)
    # a generator, not a list of shingles: a 12 MB text would hold 300 MB of them at once
    hashes = (zlib.crc32(" ".join(words[i : i + SHINGLE]).encode()) for i in range(len(words) - SHINGLE + 1))
    return sorted({h for h in hashes if h % SAMPLE == 0})


def jaccard(a: Sequence[int], b: Sequence[int]) -> float:
    sa, sb = set(a), set(b)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / len(sa | sb)


class DuplicateIndex:
    """Finds the earliest known article that a new signature nearly duplicates."""

    def __init__(self) -> None:
        self._postings: dict[int, list[str]] = {}
        self._sigs: dict[str, frozenset[int]] = {}
        self._root: dict[str, str] = {}

    def __len__(self) -> int:
        return len(self._sigs)

    def add(self, article_id: str, sig: list[int], duplicate_of: str | None = None) -> None:
        self._sigs[article_id] = frozenset(sig)
        if duplicate_of:
            self._root[article_id] = duplicate_of
        postings = self._postings
        for h in sig:
            ids = postings.get(h)
            if ids is None:
                postings[h] = [article_id]
            elif len(ids) <= MAX_POSTING:
                ids.append(article_id)

    def find(self, sig: Sequence[int]) -> str | None:
        """The original (not itself a duplicate) that ``sig`` duplicates, or None."""
        if len(sig) < MIN_SHINGLES // SAMPLE + 1:
            return None
        counts: Counter[str] = Counter()
        countable = 0
        for h in sig:
            ids = self._postings.get(h)
            if ids is None or len(ids) <= MAX_POSTING:
                countable += 1
                if ids:
                    counts.update(ids)
        # shared distinctive shingles at which Jaccard can still reach THRESHOLD
        need = max(2.0, THRESHOLD * countable / (1 + THRESHOLD))
        best: tuple[float, str] | None = None
        mine = frozenset(sig)
        for cand, shared in counts.most_common(20):
            if shared < need:
                break
            other = self._sigs[cand]
            score = len(mine & other) / len(mine | other)
            if score >= THRESHOLD and (best is None or score > best[0]):
                best = (score, cand)
        if best is None:
            return None
        original = best[1]
        return self._root.get(original, original)
