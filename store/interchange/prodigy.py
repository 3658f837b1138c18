"""Prodigy ``ner_manual`` tasks, one JSON object a line (what ``prodigy db-in`` reads).

Each task: ``text``; ``tokens`` (``text``, ``start``, ``end``, ``id``, ``ws``); ``spans``
(``start``, ``end``, ``token_start``, ``token_end`` inclusive, ``label``); ``meta`` (shown under
the task in Prodigy: article id, title, outlet, tandai status, every reviewer's status, record
ids); ``answer``; ``_input_hash``/``_task_hash`` (signed 32-bit ints, as Prodigy's own);
``_annotator_id``/``_session_id`` (the reviewer); ``_view_id``. The answer follows the status:
done and in progress are ``accept``, irrelevant ``reject``, anything else ``ignore`` (the exact
status travels in ``meta.status``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO, Any

from store.export import json_line
from store.interchange.common import Item, entity_tokens, hash32, token_index

ANSWER = {"done": "accept", "in_progress": "accept", "irrelevant": "reject"}
STATUS_OF_ANSWER = {"accept": "done", "reject": "irrelevant", "ignore": "skipped"}


def task(item: Item, reviewer: str) -> dict[str, Any]:
    a = item.article
    text = a.text
    toks = entity_tokens(a)
    spans = []
    for e, (first, last) in zip(a.entities, token_index(toks, a.entities), strict=True):
        if first < 0:
            continue
        spans.append({"start": e.start, "end": e.end, "token_start": first, "token_end": last,
                      "label": e.label})
    input_hash = hash32(a.text)
    task_hash = hash32(str(input_hash), *(f"{s['start']}:{s['end']}:{s['label']}" for s in spans))
    return {
        "text": a.text,
        "meta": {"article_id": a.id, "title": a.title, "outlet": a.outlet, "url": a.url,
                 "published": a.published, "status": item.status, "statuses": item.statuses,
                 "records": [r.id for r in item.records]},
        "tokens": [{"text": text[s:e], "start": s, "end": e, "id": i, "ws": text[e:e + 1].isspace()}
                   for i, (s, e) in enumerate(toks)],
        "spans": spans,
        "answer": ANSWER.get(item.status, "ignore"),
        "_input_hash": input_hash,
        "_task_hash": task_hash,
        "_view_id": "ner_manual",
        "_annotator_id": reviewer,
        "_session_id": reviewer,
    }


def write(items: Iterable[Item], out: IO[bytes], reviewer: str) -> int:
    n = 0
    for item in items:
        out.write(json_line(task(item, reviewer)))
        n += 1
    return n
