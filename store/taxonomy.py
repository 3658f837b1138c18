"""Labels (colours, keys) and the activity taxonomy, from TOML defaults a store may override."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import StoreError

DEFAULTS = "taxonomy.toml"


@dataclass(slots=True)
class LabelStyle:
    name: str
    key: str
    color: str
    description: str = ""


@dataclass(slots=True)
class ActivityType:
    name: str
    key: str
    description: str = ""
    triggers: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Taxonomy:
    labels: dict[str, LabelStyle]
    activities: dict[str, ActivityType]
    _pattern: re.Pattern[str] | None = None
    _owner: dict[str, str] = field(default_factory=dict)

    def label_for_key(self, key: str) -> str | None:
        return next((n for n, s in self.labels.items() if s.key == key), None)

    def activity_for_key(self, key: str) -> str | None:
        return next((n for n, a in self.activities.items() if a.key == key), None)

    def guess_type(self, sentence: str) -> str | None:
        """The activity whose trigger appears in the sentence; the longest (most specific)
        trigger wins, then the earliest. None when nothing matches."""
        if self._pattern is None:
            triggers = sorted(
                ((t.lower(), a.name) for a in self.activities.values() for t in a.triggers if t.strip()),
                key=lambda t: -len(t[0]),
            )
            self._owner = {}
            for trig, name in triggers:
                self._owner.setdefault(trig, name)
            if not self._owner:
                return None
            alts = "|".join(re.escape(t) for t in self._owner)
            self._pattern = re.compile(rf"(?<![^\W_])(?:{alts})(?![^\W_])", re.IGNORECASE)
        best: tuple[int, int, str] | None = None
        for m in self._pattern.finditer(sentence):
            name = self._owner.get(m.group().lower())
            if name is None:
                continue
            rank = (-(m.end() - m.start()), m.start(), name)
            if best is None or rank < best:
                best = rank
        return best[2] if best else None


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for k, v in over.items():
        out[k] = _merge(out[k], v) if isinstance(v, dict) and isinstance(out.get(k), dict) else v
    return out


def _read(path: Path | None) -> dict[str, Any]:
    try:
        if path is None:
            return tomllib.loads((resources.files("store") / DEFAULTS).read_text(encoding="utf-8"))
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise StoreError(f"{path}: not valid TOML ({exc})") from exc
    except OSError as exc:
        raise StoreError(f"{path}: cannot be read ({exc.strerror or exc})") from exc


def load_taxonomy(override: Path | None = None) -> Taxonomy:
    """The defaults, with a store's override merged over them key by key."""
    data = _read(None)
    if override is not None:
        data = _merge(data, _read(override))
    try:
        labels = {
            name: LabelStyle(name, str(v["key"]), str(v["color"]), str(v.get("description", "")))
            for name, v in data.get("labels", {}).items()
        }
        activities = {
            name: ActivityType(name, str(v["key"]), str(v.get("description", "")),
                               [str(t) for t in v.get("triggers", [])])
            for name, v in data.get("activities", {}).items()
        }
    except (KeyError, TypeError, AttributeError) as exc:
        where = override or DEFAULTS
        raise StoreError(f"{where}: a label or activity lacks {exc} (labels need key and color)") from exc
    return Taxonomy(labels, activities)
