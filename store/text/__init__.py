"""Pure text to fields and spans: the article parser, dates, sentences, entities, duplicates.

No file I/O. Imports only ``store.model``, ``store.errors`` and ``store.taxonomy``."""
