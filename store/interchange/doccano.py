"""doccano JSONL: sequence labelling (``{"text", "label": [[start, end, LABEL], …]}``), or with
``relations`` the relation-extraction shape (``entities`` with ``id``/``label``/
``start_offset``/``end_offset``, ``relations`` with ``from_id``/``to_id``/``type``), where each
activity record becomes relations from its unit's entity to its location, partners, personnel
and date entities (``type`` is ``<activity>:<Role>``). Every other key is a metadata column
doccano keeps: article id, title, outlet, url, published, status, statuses, reviewer, records.

Offsets are UTF-16 code units, as doccano's front end counts them (it slices JavaScript strings:
doccano issue #2290), and the row says so (``"offsets": "utf-16"``, a metadata column doccano
keeps and exports again), so tandai's import reads its own files exactly. A text within the BMP
(no emoji) has the same offsets either way.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from typing import IO, Any

from store.export import json_line
from store.interchange.common import Item
from store.interchange.roles import record_roles

UTF16 = "utf-16"  # the ``offsets`` column's value: what a row's offsets count
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def astral(text: str) -> list[int]:
    """Where the text's characters beyond the BMP are (each two UTF-16 units); [] for most texts,
    found by one C scan."""
    if text.isascii() or max(text) <= "\uffff":
        return []
    return [m.start() for m in _ASTRAL.finditer(text)]


def to_utf16(text: str) -> Callable[[int], int]:
    """Code point offset -> UTF-16 offset in ``text``."""
    found = astral(text)
    if not found:
        return int
    return lambda i: i + bisect_left(found, i)


def from_utf16(text: str) -> Callable[[int], int | None]:
    """UTF-16 offset -> code point offset in ``text``; None for one that falls between the two
    halves of a character beyond the BMP."""
    units = [p + k for k, p in enumerate(astral(text))]  # each such character's UTF-16 offset

    def convert(u: int) -> int | None:
        before = bisect_right(units, u - 2)  # such characters wholly before ``u``
        if before < len(units) and units[before] == u - 1:
            return None
        return u - before

    return convert


def _meta(item: Item, reviewer: str) -> dict[str, Any]:
    a = item.article
    return {"article_id": a.id, "title": a.title, "outlet": a.outlet, "url": a.url,
            "published": a.published, "status": item.status, "statuses": item.statuses,
            "reviewer": reviewer, "records": [r.id for r in item.records]}


def row(item: Item, reviewer: str, relations: bool = False) -> dict[str, Any]:
    a = item.article
    units = to_utf16(a.text)
    if not relations:
        return {"text": a.text, "label": [[units(e.start), units(e.end), e.label] for e in a.entities],
                "offsets": UTF16, **_meta(item, reviewer)}
    entities = [{"id": i + 1, "label": e.label, "start_offset": units(e.start), "end_offset": units(e.end)}
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
    return {"text": a.text, "entities": entities, "relations": rels, "offsets": UTF16,
            **_meta(item, reviewer)}


def write(items: Iterable[Item], out: IO[bytes], reviewer: str, relations: bool = False) -> int:
    n = 0
    for item in items:
        out.write(json_line(row(item, reviewer, relations)))
        n += 1
    return n
