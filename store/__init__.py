"""tandai's store: articles, entities, annotations and search, usable as a library.

>>> import store
>>> with store.open("my-store", reviewer="rina") as st:
...     report = st.ingest(["sample_articles"])
...     hits = st.search('patroli unit:"Polres Bontang"').hits

Everything a notebook needs is here; the workbench (``tui``) uses exactly this API.
"""

from store.errors import (
    BadInput,
    CorruptFile,
    InvalidArgument,
    InvalidRecord,
    NotFound,
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
    ArticleSummary,
    Entity,
    Span,
)
from store.paths import default_store, samples_dir
from store.search.index import Hit, SearchResult
from store.store import Store, open  # noqa: A004 - store.open is the documented API

__all__ = [
    "ACTIVITY_TYPES", "LABELS", "PHASES", "STATUSES", "ActivityRecord", "Article", "ArticleSummary",
    "BadInput", "CorruptFile", "Entity", "Hit", "IngestProgress", "IngestReport", "InvalidArgument",
    "InvalidRecord",
    "NotFound", "QueryError", "ReadOnlyStore", "SchemaMismatch", "SearchResult", "Span", "Store",
    "StoreError", "StoreLocked", "default_store", "open", "samples_dir",
]
