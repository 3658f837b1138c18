"""doccano JSONL: sequence labelling (``{"text", "label": [[start, end, LABEL], …]}``), or with
``relations`` the relation-extraction shape (``entities`` with ``id``/``label``/
``start_offset``/``end_offset``, ``relations`` with ``from_id``/``to_id``/``type``), where each
activity record becomes relations from its unit's entity to its location, partners, personnel
and date entities (``type`` is ``<activity>:<Role>``). Every other key is a metadata column
doccano keeps: article id, title, outlet, url, published, status, statuses, reviewer, records.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO, Any

from store.export import json_line
from store.interchange.common import Item
from store.interchange.roles import record_roles


def _meta(item: Item, reviewer: str) -> dict[str, Any]:
    a = item.article
    return {"article_id": a.id, "title": a.title, "outlet": a.outlet, "url": a.url,
            "published": a.published, "status": item.status, "statuses": item.statuses,
            "reviewer": reviewer, "records": [r.id for r in item.records]}


def row(item: Item, reviewer: str, relations: bool = False) -> dict[str, Any]:
    a = item.article
    if not relations:
        return {"text": a.text, "label": [[e.start, e.end, e.label] for e in a.entities],
                **_meta(item, reviewer)}
    entities = [{"id": i + 1, "label": e.label, "start_offset": e.start, "end_offset": e.end}
                for i, e in enumerate(a.entities)]
    rels: list[dict[str, Any]] = []
    for rec in item.records:
        roles = record_roles(a, rec)
        unit = roles.get("Unit")
        if not unit:
            continue
        for role, indexes in roles.items():
            if role == "Unit":
                continue
            for target in indexes:
                rels.append({"id": len(rels) + 1, "from_id": unit[0] + 1, "to_id": target + 1,
                             "type": f"{rec.type}:{role}"})
    return {"text": a.text, "entities": entities, "relations": rels, **_meta(item, reviewer)}


def write(items: Iterable[Item], out: IO[bytes], reviewer: str, relations: bool = False) -> int:
    n = 0
    for item in items:
        out.write(json_line(row(item, reviewer, relations)))
        n += 1
    return n
