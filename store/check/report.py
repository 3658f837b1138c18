"""What a check found, and the small tools all of it shares (moving a broken file aside, span checks)."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from store.disk.atomic import fsync_dir


@dataclass
class CheckReport:
    """What ``check_store`` found (``problems``), did (``actions``) and noticed (``notes``)."""

    path: Path
    problems: list[str] = field(default_factory=list)
    actions: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    articles: int = 0
    records: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems

    def lines(self) -> list[str]:
        out = [f"store {self.path}: {self.articles} articles, {self.records} records"]
        out += [f"problem: {p}" for p in self.problems]
        out += [f"repaired: {a}" for a in self.actions]
        out += [f"note: {n}" for n in self.notes]
        out.append("ok" if self.ok else f"{len(self.problems)} problem(s)")
        return out


@dataclass
class Found:
    """What the read-only pass learnt that repair needs."""

    texts: dict[str, str] | None = None
    annotations_ok: bool = True
    bad_backups: list[Path] = field(default_factory=list)
    bad_metas: list[str] = field(default_factory=list)
    index_ok: bool = True
    leftovers: list[Path] = field(default_factory=list)
    manifest_broken: bool = False  # missing or malformed while shards exist: rebuild it
    broken_shards: list[str] = field(default_factory=list)  # listed but damaged: quarantine them
    repeated_shards: list[str] = field(default_factory=list)  # listed, every article in an earlier one
    repeated_articles: int = 0  # the articles the manifest counts in them
    spare_shards: list[str] = field(default_factory=list)  # unlisted, every article in a listed one
    first_screen_bad: bool = False
    quarantined: set[str] = field(default_factory=set)  # ids of quarantined articles not yet re-ingested
    article_count: int | None = None  # the count the manifest should hold, when it holds another
    odd_files: list[Path] = field(default_factory=list)  # links or the wrong kind of file: moved aside
    unreadable: list[str] = field(default_factory=list)  # records no reader can reach: set aside
    no_permission: list[str] = field(default_factory=list)  # files this user may not read: no repair
    pending: bool = False  # an interrupted merge's promised change waits in annotations/pending.json


def aside(path: Path, why: str = "broken") -> Path:
    """Move a file out of the way, keeping it (never delete what a person may need)."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.{why}-{stamp}")
    n = 1
    while os.path.lexists(target):
        n += 1
        target = path.with_name(f"{path.name}.{why}-{stamp}-{n}")
    os.replace(path, target)
    fsync_dir(path.parent)
    return target


def check_spans(text: str, spans: list[Any], what: str, where: str, problems: list[str]) -> None:
    for s in spans:
        if not isinstance(s, dict):
            problems.append(f"{where}: a {what} is not an object ({s!r:.40})")
            continue
        start, end = s.get("start"), s.get("end")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text)):
            problems.append(f"{where}: {what} {start}-{end} lies outside the text")
        elif isinstance(s.get("text"), str) and text[start:end] != s["text"]:
            problems.append(f"{where}: {what} {start}-{end} does not cover {s['text'][:30]!r}")
