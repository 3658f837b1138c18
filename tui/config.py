"""The user's settings file: reviewer name and key remapping (``[keys] binding_id = "key"``).

The file is the user's: saving the reviewer name changes that one key with ``tomlkit``, which
keeps every other setting, comment and layout. A file that cannot be read is an error with the
file's name, never silently replaced by defaults (or worse, overwritten with them).
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any

import tomlkit
from platformdirs import user_config_path
from tomlkit.exceptions import TOMLKitError

from store import StoreError, write_file


class ConfigError(StoreError):
    """The settings file exists but cannot be read or parsed; the message names it."""


def config_path() -> Path:
    return user_config_path("tandai", appauthor=False) / "config.toml"


def _read(path: Path) -> str | None:
    """The file's text, None if there is none; ConfigError if it is there but unreadable."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise ConfigError(f"cannot read the settings file {path}: {exc.strerror or exc}") from exc
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise ConfigError(f"the settings file {path} is not UTF-8 text; fix or remove it") from None


def load_config(path: Path | None = None) -> dict[str, Any]:
    """Settings as a dict; {} when there is no file; ConfigError when it cannot be parsed."""
    path = path or config_path()
    text = _read(path)
    if text is None:
        return {}
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"the settings file {path} is not valid TOML ({exc}); fix or remove it") from exc


def save_reviewer(name: str, path: Path | None = None) -> None:
    """Remember the reviewer's name, changing only that key (comments and layout kept)."""
    path = path or config_path()
    text = _read(path) or ""
    try:
        tomllib.loads(text)  # tomlkit accepts some files TOML does not: never build on those
        doc = tomlkit.parse(text)
        doc["reviewer"] = name
        out = tomlkit.dumps(doc)
    except (tomllib.TOMLDecodeError, TOMLKitError, ValueError) as exc:
        raise ConfigError(f"the settings file {path} is not valid TOML ({exc}); fix or remove it") from exc
    try:
        if tomllib.loads(out).get("reviewer") != name:  # never write a file we could not read back
            raise ConfigError(f"could not save the reviewer name in {path}")
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"could not save the reviewer name in {path} ({exc})") from exc
    target = Path(os.path.realpath(path))  # a linked config (dotfiles repo) stays linked
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(f"cannot create {target.parent}: {exc.strerror or exc}") from exc
    write_file(target, out.encode("utf-8"))
