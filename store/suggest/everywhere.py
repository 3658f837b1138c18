"""Store-wide entity corrections ("everywhere"): a surface text labelled, or unlabelled, in every
article of the store, present and future.

Why on read: the corrections are applied when an article is read, like the per-article ones, so
an article ingested tomorrow gets them without ingest knowing, and undoing one takes it back
everywhere at once. A rule matches its text as a whole word sequence, case as written (the
guidelines: case matters); rules and per-article corrections apply in the order they were made.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Mapping
from typing import Any

from store.model import Entity

MAX_RULE_TEXT = 200


def rule_pattern(rules: Iterable[Mapping[str, Any]]) -> re.Pattern[str] | None:
    """One pattern for every rule's text (longest first), or None when there are none."""
    texts = sorted({str(r["text"]) for r in rules}, key=len, reverse=True)
    if not texts:
        return None
    return re.compile(r"(?<![^\W_])(?:" + "|".join(re.escape(t) for t in texts) + r")(?![^\W_])")


def rule_hits(text: str, pattern: re.Pattern[str] | None,
              rules: Mapping[str, Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Every place a rule applies in ``text``, as per-article corrections (start, end, label,
    text, action, seq) to apply in order with the article's own."""
    if pattern is None:
        return []
    out = []
    for m in pattern.finditer(text):
        rule = rules.get(m.group())
        if rule is None:
            continue
        out.append({"start": m.start(), "end": m.end(), "text": m.group(), "label": rule.get("label"),
                    "action": "relabel" if rule.get("label") else "remove", "seq": rule.get("seq", 0)})
    return out


def apply(entities: Iterable[Entity], corrections: Iterable[Mapping[str, Any]]) -> list[Entity]:
    """The entities with the corrections applied in the order given: a removal takes the entity at
    exactly that span; a label replaces whatever overlaps the span.

    Why not replay them one by one: a label's search for what it overlaps went through every entity
    (a text with 27,000 corrections took 20 s to export). Whether an entity (or a label's span)
    survives depends only on the corrections after it: one at the same span (removed or replaced)
    or a label overlapping it (start < its end and its start < end). So the labels are visited last
    first, each asking the ones after it "the furthest end of a label starting before my end?"
    (a Fenwick tree of prefix maxima over the labels' starts): O((n + m) log m)."""
    ents = {(e.start, e.end): e for e in entities}  # one entity per span: the last one given
    fixes = list(corrections)
    last = {(o["start"], o["end"]): i for i, o in enumerate(fixes)}
    labels = [o for o in fixes if o["action"] != "remove"]
    starts = sorted({o["start"] for o in labels})
    reach: list[float] = [float("-inf")] * (len(starts) + 1)  # Fenwick tree: max end per prefix

    def furthest(before: int) -> float:
        """The furthest end of a label seen so far whose start is < ``before``."""
        best, k = float("-inf"), bisect_left(starts, before)
        while k:
            best = max(best, reach[k])
            k &= k - 1
        return best

    kept: list[Entity] = []
    for i in range(len(fixes) - 1, -1, -1):
        o = fixes[i]
        if o["action"] == "remove":
            continue
        start, end = o["start"], o["end"]
        if last[(start, end)] == i and furthest(end) <= start:
            kept.append(Entity(start, end, o["label"], o["text"], o.get("value")))
        k = bisect_left(starts, start) + 1
        while k < len(reach):
            reach[k] = max(reach[k], end)
            k += k & -k
    kept += [e for key, e in ents.items() if key not in last and furthest(key[1]) <= key[0]]
    return sorted(kept, key=lambda e: (e.start, e.end))
