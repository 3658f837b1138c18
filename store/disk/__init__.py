"""The only code that writes files: atomic writes, the writer lock, the journal, the corpus
shards and the annotation snapshot. Imports ``store.model``/``store.errors`` and nothing above."""
