"""Where a store lives when none is named: ``--store``, then ``TANDAI_STORE``, then the user data dir."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

from platformdirs import user_data_path


def default_store() -> Path:
    env = os.environ.get("TANDAI_STORE")
    if env:
        return Path(env).expanduser()
    return user_data_path("tandai", appauthor=False) / "store"


def resolve_store(path: str | os.PathLike[str] | None) -> Path:
    return Path(path).expanduser() if path else default_store()


def samples_dir() -> Path:
    """The bundled sample articles: inside the installed package, or beside it in a checkout."""
    packaged = resources.files("store") / "sample_articles"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / "sample_articles"
