"""Errors the store raises: each carries a message meant for a person, never a traceback."""

from __future__ import annotations


class StoreError(Exception):
    """Base for every error the store reports to its caller."""


class StoreLocked(StoreError):
    """Another process holds the write lock; this one may still read."""


class ReadOnlyStore(StoreError):
    """A write was attempted on a store opened read-only (or locked by another process)."""


class CorruptFile(StoreError):
    """A file in the store cannot be read; the message names it."""

    def __init__(self, path: object, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class SchemaMismatch(StoreError):
    """The store was written by a newer (or unknown) schema version."""


class NotFound(StoreError):
    """An article or record id that the store does not hold."""


class InvalidRecord(StoreError):
    """A record's fields do not validate; ``problems`` maps field name to an explanation."""

    def __init__(self, problems: dict[str, str]) -> None:
        self.problems = problems
        super().__init__("; ".join(f"{k}: {v}" for k, v in problems.items()))


class QueryError(StoreError):
    """A search query that cannot be parsed; the message says where and why."""


class InvalidArgument(StoreError):
    """A Store method was called with an argument of the wrong type or out of range."""


class BadInput(StoreError):
    """An input file that ingest refuses; the message is the reason shown in the report."""
