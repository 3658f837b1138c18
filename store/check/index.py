"""Checking the search index and the first screen against the manifest."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from store.disk.atomic import read_json
from store.disk.corpus import Corpus
from store.disk.layout import FIRST_SCREEN, INDEX_DIR
from store.errors import CorruptFile, StoreError
from store.search.index import STALE, SearchIndex, first_screen_problem

from .report import CheckReport, Found


def check_index(root: Path, report: CheckReport, found: Found) -> None:
    if found.no_permission:  # the article count is not known: nothing to compare the index with
        return
    try:
        corpus = Corpus(root, writable=False)
    except StoreError:
        found.index_ok = False
        return
    index = SearchIndex(root / INDEX_DIR)
    if not index.exists():
        report.problems.append("the search index is missing (run `tandai reindex`)")
        found.index_ok = False
        return
    if not index.in_step(corpus.generation):
        report.problems.append("the search index is not in step with the store (run `tandai reindex`)")
        found.index_ok = False
        return
    try:
        docs = index.num_docs()
        fresh = index.first_screen_data(index.searcher(), index.dir_name or ".", corpus.generation)
    except Exception as exc:  # noqa: BLE001 - a damaged tantivy index raises several kinds of error
        report.problems.append(f"the search index cannot be read: {exc}")
        found.index_ok = False
        return
    if docs != report.articles:
        report.problems.append(f"the search index holds {docs} documents for {report.articles} articles")
        found.index_ok = False
        return
    path = root / INDEX_DIR / FIRST_SCREEN
    try:
        data: Any = read_json(path)
    except StoreError as exc:
        problem: str | None = exc.reason if isinstance(exc, CorruptFile) else str(exc)
    else:
        problem = first_screen_problem(data, corpus.generation, index.dir_name or ".", docs)
        if problem is None and data["rows"] != fresh["rows"]:
            problem = "does not hold the newest rows of the index"
    if problem == STALE or (problem is not None and not path.exists()):
        report.notes.append(f"index/{FIRST_SCREEN} is out of date (harmless: the index answers; the next "
                            "writable open rewrites it)")
    elif problem is not None:
        report.problems.append(f"index/{FIRST_SCREEN} {problem} (the index answers meanwhile; --repair "
                               "rewrites it)")
        found.first_screen_bad = True
