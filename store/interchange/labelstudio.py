"""Label Studio: a JSON list of tasks and the labeling config that matches them.

A task: an integer ``id`` (made from the article id: Label Studio's own converter reads one),
``data`` (``text`` plus the article's fields, its status, every reviewer's status and the exporting
reviewer) and the entities as a ``labels`` region each (``from_name`` "label", ``to_name``
"text", ``type`` "labels", ``value`` with ``start``, ``end``, ``text``, ``labels``).

Where the regions go: Label Studio counts an ``annotations`` entry as a person's submitted work
(a task with as many as the project's overlap is labelled, and is not served again), so the
entities go there only when a reviewer has finished the article (``done``); otherwise they are
``predictions`` (``model_version`` "tandai"), Label Studio's channel for pre-annotations,
shown to the annotator to correct. The annotation has no ``completed_by``: Label Studio refuses
an import whose ``completed_by`` is not one of its users (by email or id), and gives an
annotation without one to the user who imports; the reviewers travel in ``data``.

Offsets are code points, what Label Studio saves for its Text tag (its front end has drawn a
region imported with them at the wrong place after an emoji: label-studio issue #4988). The
config (``label_config``) names every label of the store's taxonomy with its colour, so a project
set up with it imports the tasks as they are.
"""

from __future__ import annotations

import hashlib
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


def task_id(article_id: str) -> int:
    """The task's ``id``: the same for an article in every export (and every worker process),
    below 2**53 so a JavaScript number holds it."""
    return int(hashlib.sha256(article_id.encode("utf-8", "surrogatepass")).hexdigest()[:13], 16)


def task(item: Item, reviewer: str) -> dict[str, Any]:
    a = item.article
    result = [{"id": f"{a.id[:8]}-{i}", "from_name": FROM_NAME, "to_name": TO_NAME, "type": "labels",
               "value": {"start": e.start, "end": e.end, "text": e.text, "labels": [e.label]}}
              for i, e in enumerate(a.entities)]
    out: dict[str, Any] = {
        "id": task_id(a.id),
        "data": {"text": a.text, "article_id": a.id, "title": a.title, "outlet": a.outlet, "url": a.url,
                 "published": a.published, "status": item.status, "statuses": item.statuses,
                 "reviewer": reviewer, "records": [r.id for r in item.records]},
    }
    if "done" in item.statuses.values():
        out["annotations"] = [{"result": result}]
    else:
        out["predictions"] = [{"model_version": MODEL_VERSION, "result": result}]
    return out


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
