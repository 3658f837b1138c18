"""Connecting to the database: libpq's own means of authentication, errors as one line.

No password is ever read from or written to a tandai file: libpq finds it (``~/.pgpass``,
``PGPASSWORD``, a service file, peer or certificate authentication). A password written into the
URL still works, but is never shown: every message names the database by ``redact(url)``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import psycopg
from psycopg import conninfo

from store.errors import InvalidArgument, StoreError

SCHEMES = ("postgresql://", "postgres://")
CONNECT_TIMEOUT = 5  # seconds: a server that does not answer is reported, not waited on forever


def is_url(location: object) -> bool:
    return isinstance(location, str) and location.startswith(SCHEMES)


def redact(url: str) -> str:
    """The URL without a password (``user:secret@`` → ``user@``; ``password=`` dropped)."""
    out = re.sub(r"^(postgres(?:ql)?://[^:@/]*):[^@/]*@", r"\1@", url)
    return re.sub(r"([?&])password=[^&]*&?", r"\1", out).rstrip("?&")


def check_url(url: object) -> str:
    if not is_url(url):
        raise InvalidArgument("a database is named by a postgresql:// URL")
    assert isinstance(url, str)
    try:
        conninfo.conninfo_to_dict(url)
    except psycopg.ProgrammingError as exc:
        raise InvalidArgument(f"not a usable PostgreSQL URL: {redact(url)} ({first_line(exc)})") from None
    return url


def first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def connect(url: str, autocommit: bool = False) -> psycopg.Connection[Any]:
    """A connection, or StoreError saying in one line why not (server down, no such role, …)."""
    try:
        return psycopg.connect(url, autocommit=autocommit, connect_timeout=CONNECT_TIMEOUT,
                               application_name="tandai")
    except psycopg.Error as exc:
        raise StoreError(f"cannot connect to {redact(url)}: {first_line(exc)}") from None


class ConnectionLost(StoreError):
    """The database cannot be reached; the change was not saved."""


@contextmanager
def reported(url: str, doing: str) -> Iterator[None]:
    """A database error while ``doing`` something becomes one line: ConnectionLost when the
    server went away (the caller may retry), StoreError for anything else it refused."""
    try:
        yield
    except psycopg.OperationalError as exc:
        raise ConnectionLost(f"connection to {redact(url)} lost while {doing}, retrying "
                             f"({first_line(exc)})") from None
    except psycopg.Error as exc:
        raise StoreError(f"{redact(url)} refused {doing}: {first_line(exc)}") from None
