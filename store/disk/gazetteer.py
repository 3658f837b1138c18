"""A store's own gazetteer file: its store-wide entity corrections, as TOML a person can read
(and another project can take), rewritten atomically whenever they change.

Why a file beside ``taxonomy.toml``: the corrections are kept (and journalled, and undone) in the
annotations like every other change; this file is their export, the store's word list in the
open, so it always says what the journal says. TOML through ``tomlkit`` (comments survive).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import tomlkit

from store.disk.atomic import write_bytes
from store.disk.layout import GAZETTEER

HEADER = ("This store's own gazetteer: entity corrections a reviewer applied everywhere (tandai writes "
          "this file; change it through the workbench or Store.correct_entity_everywhere).")


def write_gazetteer(store_dir: Path, rules: Iterable[Mapping[str, Any]]) -> Path:
    """Write ``<store>/gazetteer.toml`` from the rules (oldest first); returns its path."""
    doc = tomlkit.document()
    doc.add(tomlkit.comment(HEADER))
    entries = tomlkit.aot()
    for rule in rules:
        item = tomlkit.table()
        item["text"] = str(rule["text"])
        if rule.get("label"):
            item["label"] = str(rule["label"])
        else:
            item["remove"] = True
        item["reviewer"] = str(rule.get("reviewer") or "")
        item["created"] = str(rule.get("created") or "")
        entries.append(item)
    doc["entity"] = entries
    path = store_dir / GAZETTEER
    write_bytes(path, tomlkit.dumps(doc).encode("utf-8"))
    return path
