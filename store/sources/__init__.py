"""Files to raw documents (or a Skipped verdict): decoding, walking folders, HTML, rows.

Never raises on bad input. Imports only ``store.model`` and ``store.errors``."""
