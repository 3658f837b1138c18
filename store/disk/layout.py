"""The names of a store's files and folders, in one place (every other module imports them).

    <store>/
      tandai.json                      MANIFEST: schema, generation, shards (TinyDB)
      corpus/shard-000001.json         CORPUS_DIR, shards (TinyDB-shaped, written with orjson)
      corpus/quarantine/               QUARANTINE: shards that could not be read
      annotations/annotations.json     ANNOTATIONS_DIR / SNAPSHOT (TinyDB)
      annotations/journal.jsonl        JOURNAL: changes since the snapshot
      annotations/journal-begun.json   JOURNAL_BEGUN: the change a live journal continues after
      annotations/backups/             BACKUPS: older snapshots and archived journals
      annotations/damaged/             DAMAGED_DIR: journal lines that could not be read
      annotations/pending.json         PENDING: a change promised before the articles it needs (merge)
      annotations/undo.json            UNDO: what undoes the last command's change (tandai undo)
      index/stamp.json                 INDEX_DIR / STAMP: the tantivy folder in use
      index/first-screen.json          FIRST_SCREEN: the newest rows (opening costs the same at any size)
      index/tantivy-<id>/built.json    BUILT: that build finished (an abandoned one has none)
      taxonomy.toml                    TAXONOMY: optional override of labels and activity types
      gazetteer.toml                   GAZETTEER: the store's own entity corrections made everywhere (export)
      write.lock                       LOCK_FILE: held by the one process that may write

Why one module: a name written twice drifts (check once looked for a folder the store had
renamed); a new file is added here first, so ``check`` and the docs can list them all.
"""

from __future__ import annotations

MANIFEST = "tandai.json"
CORPUS_DIR = "corpus"
QUARANTINE = "quarantine"
SHARD_PREFIX = "shard-"
ANNOTATIONS_DIR = "annotations"
SNAPSHOT = "annotations.json"
JOURNAL = "journal.jsonl"
JOURNAL_BEGUN = "journal-begun.json"
BACKUPS = "backups"
DAMAGED_DIR = "damaged"
SET_ASIDE = "unreadable-"  # records no reader can use, set aside by check --repair: unreadable-STAMP.jsonl
PENDING = "pending.json"
UNDO = "undo.json"
INDEX_DIR = "index"
STAMP = "stamp.json"
BUILT = "built.json"
FIRST_SCREEN = "first-screen.json"
TAXONOMY = "taxonomy.toml"
GAZETTEER = "gazetteer.toml"
LOCK_FILE = "write.lock"
