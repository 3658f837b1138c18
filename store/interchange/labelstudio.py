"""Label Studio: a JSON list of tasks and the labeling config that matches them.

A task: ``data`` (``text`` plus the article's fields, its status and the exporting reviewer) and
one entry in ``annotations`` whose ``result`` holds a ``labels`` region per entity
(``from_name`` "label", ``to_name`` "text", ``type`` "labels", ``value`` with ``start``,
``end``, ``text``, ``labels``). Offsets are code points, which Label Studio's Text tag has used
since it fixed its emoji offsets (label-studio PR #1559). The config (``label_config``) names
every label of the store's taxonomy with its colour, so a project set up with it imports the
tasks as they are.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import IO, Any
from xml.sax.saxutils import quoteattr

from store.export import json_line
from store.interchange.common import Item
from store.taxonomy import Taxonomy

FROM_NAME, TO_NAME = "label", "text"
MODEL_VERSION = "tandai"  # the predictions' model: tandai's entities, which its import reads back
_HEX = re.compile(r"#[0-9a-fA-F]{6}\b")


def label_config(taxonomy: Taxonomy) -> str:
    lines = ["<View>", f"  <Labels name={quoteattr(FROM_NAME)} toName={quoteattr(TO_NAME)}>"]
    for name, style in taxonomy.labels.items():
        found = _HEX.search(style.color)
        colour = found.group() if found else "#cccccc"
        lines.append(f"    <Label value={quoteattr(name)} background={quoteattr(colour)}/>")
    lines += ["  </Labels>", f"  <Text name={quoteattr(TO_NAME)} value=\"$text\"/>", "</View>", ""]
    return "\n".join(lines)


def task(item: Item, reviewer: str) -> dict[str, Any]:
    a = item.article
    result = [{"id": f"{a.id[:8]}-{i}", "from_name": FROM_NAME, "to_name": TO_NAME, "type": "labels",
               "value": {"start": e.start, "end": e.end, "text": e.text, "labels": [e.label]}}
              for i, e in enumerate(a.entities)]
    return {
        "data": {"text": a.text, "article_id": a.id, "title": a.title, "outlet": a.outlet, "url": a.url,
                 "published": a.published, "status": item.status, "statuses": item.statuses,
                 "reviewer": reviewer, "records": [r.id for r in item.records]},
        "annotations": [{"result": result}],
    }


def write(items: Iterable[Item], out: IO[bytes], reviewer: str) -> int:
    """A JSON array written one task a line (``[``, tasks separated by ``,``, ``]``): valid JSON
    that never holds the whole export in memory."""
    n = 0
    out.write(b"[\n")
    for item in items:
        if n:
            out.write(b",\n")
        out.write(json_line(task(item, reviewer)).rstrip(b"\n"))
        n += 1
    out.write(b"\n]\n")
    return n
