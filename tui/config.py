"""The user's settings file: reviewer name and key remapping (``[keys] binding_id = "key"``)."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from platformdirs import user_config_path

from store.atomic import write_bytes


def config_path() -> Path:
    return user_config_path("tandai", appauthor=False) / "config.toml"


def load_config(path: Path | None = None) -> dict[str, Any]:
    """Settings as a dict; a missing or broken file gives defaults (the app says so, never crashes)."""
    path = path or config_path()
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError):
        return {}


def _toml_value(value: Any) -> str:
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return str(value).lower() if isinstance(value, bool) else str(value)


def save_reviewer(name: str, path: Path | None = None) -> None:
    """Remember the reviewer's name, keeping every other setting."""
    path = path or config_path()
    data = load_config(path)
    data["reviewer"] = name
    lines = [f"{k} = {_toml_value(v)}" for k, v in data.items() if not isinstance(v, dict)]
    for section, table in data.items():
        if isinstance(table, dict):
            lines.append(f"\n[{section}]")
            lines.extend(f"{k} = {_toml_value(v)}" for k, v in table.items())
    path.parent.mkdir(parents=True, exist_ok=True)
    write_bytes(path, ("\n".join(lines) + "\n").encode())
