"""Errors the store raises: each carries a message meant for a person, never a traceback."""

from __future__ import annotations

import errno
import os


class StoreError(Exception):
    """Base for every error the store reports to its caller."""


class Stopped(StoreError):
    """A long change (an ingest, an import) that an error stopped after part of it was saved: the
    message says what was saved and then what stopped it; ``done`` is the report of that part
    (what a command prints as its summary)."""

    def __init__(self, message: str, done: object) -> None:
        self.done = done
        super().__init__(message)


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


class NoPermission(CorruptFile):
    """A store file this user may not read: a permission problem (another user's file, a ``sudo
    tandai`` that left root's files behind), not damage. Never advised, or "repaired", as damage:
    repair would move the file aside and rebuild it."""


def denied(exc: BaseException) -> bool:
    """Whether an OS error is a refusal for permissions (EACCES, EPERM), not damage or a full disk."""
    return isinstance(exc, OSError) and exc.errno in (errno.EACCES, errno.EPERM)


def _user(uid: int) -> str:
    try:
        import pwd

        return pwd.getpwuid(uid).pw_name
    except (ImportError, KeyError):
        return f"user {uid}"


def permission_problem(path: object) -> str:
    """What to tell a person refused a store file: whose it is and who asked, for the file's owner
    to fix (a permission problem is never mended by ``check --repair``)."""
    me = _user(os.geteuid()) if hasattr(os, "geteuid") else "you"
    where = os.path.abspath(str(path))
    for place in (where, *_parents(where)):  # a folder that may not be searched hides its files' owner
        try:
            owner = _user(os.stat(place).st_uid)
        except (OSError, ValueError):
            continue
        if owner == me:
            break
        what = "it" if place == where else place
        return (f"{what} belongs to {owner} and tandai runs as {me}: a permission problem, not damage (run "
                f"tandai as {owner}, or have the files given back with chown)")
    return f"{me} may not read it: a permission problem, not damage (see its permissions with ls -l)"


def _parents(path: str) -> list[str]:
    out = []
    while (parent := os.path.dirname(path)) != path:
        out.append(parent)
        path = parent
    return out


class SchemaMismatch(StoreError):
    """The store was written by a newer (or unknown) schema version."""


class NothingToUndo(StoreError):
    """``undo_command``: no command's change is kept in the store, or it was undone already."""


class NotFound(StoreError):
    """An article or record id that the store does not hold."""


class Conflict(StoreError):
    """Someone changed what a change would overwrite since the caller read it (optimistic
    concurrency: a shared database, or a save that says which version it started from). The
    message names who and what when the store knows; the caller shows the stored version."""

    def __init__(self, what: str, who: str | None = None, how: str | None = None) -> None:
        self.what, self.who, self.how = what, who, how
        if who is None:
            super().__init__(f"this {what} was changed since you read it; "
                             "it now shows the stored version: look, then save again")
        else:
            super().__init__(f"{who} changed this {what} since you read it ({how or 'a change'}); "
                             "it now shows their version: look, then save again")


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
