"""The query language and the tantivy index derived from the corpus.

Imports ``store.disk`` (for its derived files), ``store.model`` and ``store.errors``."""
