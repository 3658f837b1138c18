"""Where a store lives when none is named: ``--store``, then ``TANDAI_STORE``, then the user data dir."""

from __future__ import annotations

import os
import re
from importlib import resources
from pathlib import Path
from typing import Any

from platformdirs import user_data_path

from store.errors import InvalidArgument

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
MAX_PATH = 4096  # PATH_MAX on Linux; longer paths fail deep inside the OS with ENAMETOOLONG
MAX_NAME = 255  # one path component (NAME_MAX)


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:57] + "…"


def check_store_path(path: Any) -> Path:
    """A store path as a Path, or InvalidArgument with a short reason.

    Refused: empty (``Path("")`` is the current directory: a store would be made wherever you
    stand), not text or a path, not UTF-8, control characters (they end up in every message),
    longer than the OS allows.
    """
    if isinstance(path, os.PathLike):
        path = os.fspath(path)
    if not isinstance(path, str):
        raise InvalidArgument(f"a store path must be text, not {type(path).__name__}")
    if not path.strip():
        raise InvalidArgument("the store path is empty: name a directory")
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidArgument("the store path is not valid UTF-8 text; rename the folder") from None
    if _CONTROL.search(path):
        raise InvalidArgument("the store path contains control characters")
    expanded = os.path.expanduser(path)
    if len(os.fsencode(expanded)) > MAX_PATH:
        raise InvalidArgument(f"the store path is too long ({len(expanded)} characters)")
    for part in Path(expanded).parts:
        if len(os.fsencode(part)) > MAX_NAME:
            raise InvalidArgument(f"a folder name in the store path is too long: {_short(part)}")
    return Path(expanded)


def default_store() -> Path:
    env = os.environ.get("TANDAI_STORE")
    if env:
        return check_store_path(env)
    return user_data_path("tandai", appauthor=False) / "store"


def is_database_url(location: object) -> bool:
    return isinstance(location, str) and location.startswith(("postgresql://", "postgres://"))


def resolve_store(path: str | os.PathLike[str] | None) -> Path:
    """``--store`` if given (``--store ''`` is an error, not the default), else the default. A
    ``postgresql://`` URL (given or in ``TANDAI_STORE``) is passed on as it is, for ``store.open``."""
    chosen = os.environ.get("TANDAI_STORE") if path is None else path
    if is_database_url(chosen):
        return chosen  # type: ignore[return-value]
    return default_store() if path is None else check_store_path(path)


def samples_dir() -> Path:
    """The bundled sample articles: inside the installed package, or beside it in a checkout."""
    packaged = resources.files("store") / "sample_articles"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / "sample_articles"
