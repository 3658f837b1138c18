"""tandai on a shared PostgreSQL database: schema, the Store over a local cache, copying.

``store.open("postgresql://…")`` arrives here; ``tandai init`` runs :func:`init_database`.
"""

from __future__ import annotations

from collections.abc import Callable

from store.errors import StoreError
from store.pg.connection import check_url, connect, is_url, redact
from store.pg.schema import ADJUDICATOR_ROLE, REVIEWER_ROLE, SCHEMA_VERSION, migrate

__all__ = ["SCHEMA_VERSION", "add_member", "copy_store", "init_database", "is_url", "redact"]


def init_database(url: str) -> list[int]:
    """Create (or upgrade) the tandai schema in the database; returns the migrations applied."""
    conn = connect(check_url(url), autocommit=True)  # each migration its own transaction
    try:
        return migrate(conn, redact(url))
    except StoreError:
        raise
    except Exception as exc:  # noqa: BLE001 - any database refusal is one line for the person
        from store.pg.connection import first_line

        raise StoreError(f"cannot set up {redact(url)}: {first_line(exc)}") from None
    finally:
        conn.close()


def add_member(url: str, role: str, adjudicator: bool = False) -> str:
    """Make an existing database role a reviewer (or an adjudicator); returns the group it joined."""
    import psycopg
    from psycopg import sql

    group = ADJUDICATOR_ROLE if adjudicator else REVIEWER_ROLE
    conn = connect(check_url(url), autocommit=True)
    try:
        conn.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(group), sql.Identifier(role)))
    except psycopg.errors.UniqueViolation:
        pass  # granted at the same moment by someone else: a member either way
    except Exception as exc:  # noqa: BLE001
        from store.pg.connection import first_line

        raise StoreError(f"cannot add {role} as {group}: {first_line(exc)}") from None
    finally:
        conn.close()
    return group


def copy_store(src: str, dst: str, progress: Callable[[str, int], None] | None = None) -> dict[str, int]:
    """See :func:`store.pg.copy.copy_store` (imported when used: it loads the Store)."""
    from store.pg.copy import copy_store as copy

    return copy(src, dst, progress)
