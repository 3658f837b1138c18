"""Store-wide entity corrections ("everywhere"): a surface text labelled, or unlabelled, in every
article of the store, present and future.

Why on read: the corrections are applied when an article is read, like the per-article ones, so
an article ingested tomorrow gets them without ingest knowing, and undoing one takes it back
everywhere at once. A rule matches its text as a whole word sequence, case as written (the
guidelines: case matters); rules and per-article corrections apply in the order they were made.
"""

from __future__ import annotations

import re
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
    exactly that span; a label replaces whatever overlaps the span."""
    ents = {(e.start, e.end): e for e in entities}
    for o in corrections:
        if o["action"] == "remove":
            ents.pop((o["start"], o["end"]), None)
            continue
        for key in [k for k in ents if k[0] < o["end"] and o["start"] < k[1]]:
            del ents[key]
        ents[(o["start"], o["end"])] = Entity(o["start"], o["end"], o["label"], o["text"], o.get("value"))
    return sorted(ents.values(), key=lambda e: (e.start, e.end))
