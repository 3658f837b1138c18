"""Articles into the database: numbered 1, 2, 3 … in commit order, each id once.

The numbers are taken under the write lock, so they have no gaps and a cache that holds N
articles holds exactly articles 1…N. An article another machine added first is skipped (ids are
content hashes: the same article), as ingest skips it in a file store.
"""

from __future__ import annotations

from typing import Any

import psycopg
from psycopg.types.json import Jsonb

from store.errors import StoreError
from store.pg.connection import connect, first_line, redact
from store.pg.schema import WRITE_LOCK


def push_articles(url: str, rows: list[tuple[dict[str, Any], list[int]]], conn: Any = None) -> int:
    """Add articles (``Article.to_dict()``, signature) in one transaction; returns how many were new."""
    own = conn is None
    conn = conn or connect(url)
    try:
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
            ids = [doc["id"] for doc, _ in rows]
            present = {r[0] for r in conn.execute("SELECT id FROM tandai.articles WHERE id = ANY(%s)",
                                                  (ids,)).fetchall()}
            start_row = conn.execute("SELECT coalesce(max(seq), 0) FROM tandai.articles").fetchone()
            seq = int(start_row[0]) if start_row else 0
            fresh = []
            for doc, sig in rows:
                if doc["id"] in present:
                    continue
                present.add(doc["id"])
                seq += 1
                fresh.append((seq, doc["id"], Jsonb(doc), Jsonb(sig)))
            sql = "COPY tandai.articles (seq, id, doc, sig) FROM STDIN"
            with conn.cursor() as cur, cur.copy(sql) as copy:
                for row in fresh:
                    copy.write_row(row)
        return len(fresh)
    except psycopg.errors.InsufficientPrivilege:
        raise StoreError(f"only an adjudicator or the owner may add articles to {redact(url)}") from None
    except psycopg.OperationalError as exc:
        why = first_line(exc)
        raise StoreError(f"connection to {redact(url)} lost; the batch was not saved ({why})") from None
    finally:
        if own:
            conn.close()
