"""tandai's store: articles, entities, annotations and search, usable as a library.

>>> import store
>>> with store.open("my-store", reviewer="rina") as st:
...     report = st.ingest(["sample_articles"])
...     hits = st.search('patroli unit:"Polres Bontang"').hits

Everything a notebook needs is here; the workbench (``tui``) uses exactly this API.

The names below are imported on first use (PEP 562), not with the package: ``import
store.text.dates`` (the date parser alone) must not pay for tantivy, selectolax and a process
pool, which the search index and ingest need.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from store.disk.atomic import write_bytes as write_file
    from store.errors import (
        BadInput,
        Conflict,
        CorruptFile,
        InvalidArgument,
        InvalidRecord,
        NotFound,
        NothingToUndo,
        QueryError,
        ReadOnlyStore,
        SchemaMismatch,
        StoreError,
        StoreLocked,
    )
    from store.ingest import IngestProgress, IngestReport
    from store.model import (
        ACTIVITY_TYPES,
        LABELS,
        PHASES,
        STATUSES,
        ActivityRecord,
        Article,
        Entity,
        ListRow,
        Span,
    )
    from store.paths import default_store, samples_dir
    from store.search.index import SearchResult
    from store.store import Store
    from store.taxonomy import Taxonomy
    from store.text.dates import parse_date
    from store.text.noise import markup_marks
    from store.text.sentences import sentence_at, sentences

_WHERE = {
    **dict.fromkeys(("BadInput", "Conflict", "CorruptFile", "InvalidArgument", "InvalidRecord", "NotFound",
                     "NothingToUndo", "QueryError", "ReadOnlyStore", "SchemaMismatch", "StoreError",
                     "StoreLocked"),
                    "store.errors"),
    **dict.fromkeys(("IngestProgress", "IngestReport"), "store.ingest"),
    **dict.fromkeys(("ACTIVITY_TYPES", "LABELS", "PHASES", "STATUSES", "ActivityRecord", "Article", "Entity",
                     "ListRow", "Span"), "store.model"),
    **dict.fromkeys(("default_store", "samples_dir"), "store.paths"),
    "SearchResult": "store.search.index",
    "Store": "store.store",
    "Taxonomy": "store.taxonomy",
    "parse_date": "store.text.dates",
    "markup_marks": "store.text.noise",
    "sentences": "store.text.sentences",
    "sentence_at": "store.text.sentences",
    "write_file": "store.disk.atomic",
}
_RENAMED = {"write_file": "write_bytes"}

__all__ = [
    "ACTIVITY_TYPES", "LABELS", "PHASES", "STATUSES", "ActivityRecord", "Article", "BadInput", "Conflict",
    "CorruptFile", "Entity", "IngestProgress", "IngestReport", "InvalidArgument", "InvalidRecord", "ListRow",
    "NotFound", "NothingToUndo",
    "QueryError", "ReadOnlyStore", "SchemaMismatch", "SearchResult", "Span", "Store", "StoreError",
    "StoreLocked", "Taxonomy", "default_store", "markup_marks", "open", "parse_date", "samples_dir",
    "sentence_at", "sentences", "write_file",
]


def open(path: Any, reviewer: str = "reviewer", read_only: bool = False) -> Store:  # noqa: A001
    """Open (or create) a store: a directory, or a shared database named by a ``postgresql://`` URL
    (``store.pg``: the same Store over a local cache)."""
    if isinstance(path, str) and path.startswith(("postgresql://", "postgres://")):
        from store.pg.store import open_pg

        return open_pg(path, reviewer=reviewer, read_only=read_only)
    from store.store import open as open_directory

    return open_directory(path, reviewer=reviewer, read_only=read_only)


def __getattr__(name: str) -> Any:
    """Import a public name's module when the name is first used, and keep the name here."""
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'store' has no attribute {name!r}")
    value = getattr(import_module(module), _RENAMED.get(name, name))
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
