"""Labels (colours, keys) and the activity taxonomy, from TOML defaults a store may override."""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import tomlkit

from store.errors import InvalidArgument, StoreError

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


# the coding conventions a project's guidelines settle where tandai's pre-fill could read either way,
# and the readings each allows (the first is the default)
CONVENTIONS = {
    # a sentence placing its act in several places ("di Kecamatan A dan Kecamatan B"): the list as
    # written, or only the first place
    "location_list": ("all", "first"),
    # a sentence naming no unit takes the article's unit: as the page most often writes it ("Polres
    # X"), or as its body first writes it ("Kepolisian Resor (Polres) X")
    "unit_form": ("short", "first_written"),
    # a sub-unit written with its parent ("Sat Lantas Polres X"): the unit as written, or the sub-unit
    # alone ("Sat Lantas"); a store that does not settle it follows its reviewers' records
    # (``store.conventions``)
    "sub_unit": ("with_parent", "alone"),
    # where around a place an act happens ("apel di halaman Mapolres X"): the place ("Mapolres X"), or the
    # phrase as written ("halaman Mapolres X")
    "location_phrase": ("place", "phrase"),
    # a venue written with where it lies ("dikawal ke Gudang KPU X di Dringu"): the venue ("Gudang KPU X"),
    # or the venue and where it lies as written ("Gudang KPU X di Dringu")
    "location_where": ("place", "with_where"),
    # a sentence placing its act only at an unnamed place ("berpatroli ke permukiman warga", "di dekat pintu
    # masuk lapangan"): no place drafted (the dateline or the record before), or the unnamed place as written
    "location_unnamed": ("none", "as_written"),
}


# each reading in words, as a reviewer is told when drafts change to it (one line, with an example)
READINGS = {
    ("location_list", "all"): 'a list of places whole ("Kecamatan A dan Kecamatan B")',
    ("location_list", "first"): 'a list of places by its first ("Kecamatan A")',
    ("unit_form", "short"): 'the article\'s unit as the page most often writes it ("Polres X")',
    ("unit_form", "first_written"):
        'the article\'s unit as its body first writes it ("Kepolisian Resor (Polres) X")',
    ("sub_unit", "with_parent"): 'a sub-unit with its Polres ("Sat Lantas Polres X")',
    ("sub_unit", "alone"): 'a sub-unit without its Polres ("Sat Lantas" for "Sat Lantas Polres X")',
    ("location_phrase", "place"):
        'a place without the words around it ("Mapolres X" for "di halaman Mapolres X")',
    ("location_phrase", "phrase"): 'a place with the words around it ("halaman Mapolres X")',
    ("location_where", "place"):
        'a venue without where it lies ("Gudang KPU X" for "ke Gudang KPU X di Dringu")',
    ("location_where", "with_where"): 'a venue with where it lies ("Gudang KPU X di Dringu")',
    ("location_unnamed", "none"): 'no place for an act placed only somewhere unnamed ("ke permukiman warga")',
    ("location_unnamed", "as_written"): 'an unnamed place as written ("permukiman warga")',
}


@dataclass(slots=True)
class Taxonomy:
    labels: dict[str, LabelStyle]
    activities: dict[str, ActivityType]
    conventions: dict[str, str] = field(default_factory=lambda: {k: v[0] for k, v in CONVENTIONS.items()})
    # the conventions the store's own taxonomy.toml sets: never overruled by what its records do
    settled: frozenset[str] = frozenset()

    def label_for_key(self, key: str) -> str | None:
        return next((n for n, s in self.labels.items() if s.key == key), None)

    def activity_for_key(self, key: str) -> str | None:
        return next((n for n, a in self.activities.items() if a.key == key), None)


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


_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]{0,39}")


def _key(where: str, table: str, name: str, value: Any) -> str:
    """One printable, non-space character (the reader binds it; the type field expands it)."""
    key = str(value) if isinstance(value, (str, int)) and not isinstance(value, bool) else None
    if key is None or len(key) != 1 or not key.isprintable() or key.isspace():
        raise StoreError(f"{where}: [{table}.{name}] key {value!r} is not one printable character")
    return key


def _color(where: str, name: str, value: Any) -> str:
    """A Rich style ("bold #4da3ff"); checked here so no screen fails on it later."""
    from rich.errors import StyleSyntaxError
    from rich.style import Style

    try:
        if not isinstance(value, str) or not value.strip():
            raise StyleSyntaxError("not a string")
        Style.parse(value)
    except (StyleSyntaxError, ValueError) as exc:
        problem = f"color {value!r} is not a colour or style ({exc})"
        raise StoreError(f"{where}: [labels.{name}] {problem}") from exc
    return value


def _text(where: str, table: str, name: str, field_name: str, value: Any) -> str:
    if not isinstance(value, str):
        raise StoreError(f"{where}: [{table}.{name}] {field_name} must be text, not {value!r}")
    return value


def _build(data: dict[str, Any], where: str) -> Taxonomy:
    """Check every label and activity (one-line StoreError naming the file and the key)."""
    tables: dict[str, Any] = {}
    for table in ("labels", "activities"):
        value = data.get(table, {})
        if not isinstance(value, dict):
            raise StoreError(f"{where}: [{table}] must be a table of tables")
        tables[table] = value
    labels: dict[str, LabelStyle] = {}
    activities: dict[str, ActivityType] = {}
    for table, entries in tables.items():
        seen: dict[str, str] = {}
        for name, v in entries.items():
            if not _NAME.fullmatch(name):
                raise StoreError(
                    f"{where}: [{table}] name {name!r} is not a plain name (letters, digits, _)"
                )
            if not isinstance(v, dict):
                raise StoreError(f"{where}: [{table}.{name}] must be a table")
            if "key" not in v:
                raise StoreError(f"{where}: [{table}.{name}] lacks a key")
            key = _key(where, table, name, v["key"])
            if key in seen:
                raise StoreError(f"{where}: [{table}.{name}] key {key!r} is already the key of {seen[key]}")
            seen[key] = name
            description = _text(where, table, name, "description", v.get("description", ""))
            if table == "labels":
                if "color" not in v:
                    raise StoreError(f"{where}: [labels.{name}] lacks a color")
                labels[name] = LabelStyle(name, key, _color(where, name, v["color"]), description)
            else:
                triggers = v.get("triggers", [])
                if not isinstance(triggers, list):
                    raise StoreError(f"{where}: [activities.{name}] triggers must be a list of words")
                words = [_text(where, table, name, "triggers", t) for t in triggers]
                activities[name] = ActivityType(name, key, description, words)
    return Taxonomy(labels, activities, _conventions(data.get("conventions", {}), where))


def _conventions(value: Any, where: str) -> dict[str, str]:
    """The ``[conventions]`` table checked: known names only, each one of its readings."""
    if not isinstance(value, dict):
        raise StoreError(f"{where}: [conventions] must be a table")
    out = {k: v[0] for k, v in CONVENTIONS.items()}
    for name, reading in value.items():
        if name not in CONVENTIONS:
            raise StoreError(f"{where}: [conventions] {name!r} is not a convention tandai knows "
                             f"({', '.join(CONVENTIONS)})")
        if reading not in CONVENTIONS[name]:
            raise StoreError(f"{where}: [conventions] {name} must be one of "
                             f"{', '.join(repr(r) for r in CONVENTIONS[name])}")
        out[name] = reading
    return out


def load_taxonomy(override: Path | None = None) -> Taxonomy:
    """The defaults, with a store's override merged over them key by key. Whatever is wrong
    in it is one StoreError naming the file and the key: keys and colours reach the screen,
    so a bad one must stop the store here, not crash a screen later.

    Built once per file version (path, size, mtime): parsing and checking the TOML costs ~3 ms,
    which every store open paid on its first search (the bench's open went from 0.6 to 3 ms)."""
    if override is None:
        return _load(None, None)
    try:
        st = override.stat()
    except OSError as exc:
        raise StoreError(f"{override}: cannot be read ({exc.strerror or exc})") from exc
    return _load(override, (st.st_size, st.st_mtime_ns))


@functools.lru_cache(maxsize=16)
def _load(override: Path | None, version: tuple[int, int] | None) -> Taxonomy:
    data = _read(None)
    settled: frozenset[str] = frozenset()
    if override is not None:
        own = _read(override)
        data = _merge(data, own)
        table = own.get("conventions", {})
        settled = frozenset(table) if isinstance(table, dict) else frozenset()
    built = _build(data, str(override) if override is not None else f"{DEFAULTS} (built in)")
    built.settled = settled
    return built


def settled_text(text: str | None, name: str, reading: str | None) -> str:
    """A store's taxonomy.toml (``text``, None when it has none) with the convention ``name`` settled to
    ``reading``, or no longer settled (``reading`` None: drafts follow the records again). The rest of the
    file, comments included, stays as written (``tomlkit``). An unknown name or reading is one line saying
    which are known; a file that does not parse is one line too."""
    if name not in CONVENTIONS:
        raise InvalidArgument(f"no convention {name!r}: one of {', '.join(sorted(CONVENTIONS))}")
    if reading is not None and reading not in CONVENTIONS[name]:
        raise InvalidArgument(f"{name} reads {' or '.join(CONVENTIONS[name])}, not {reading!r}")
    try:
        doc = tomlkit.parse(text or "")
    except tomlkit.exceptions.TOMLKitError as exc:
        raise StoreError(f"{DEFAULTS}: {str(exc).splitlines()[0]}") from exc
    table = doc.get("conventions")
    if table is None:
        if reading is None:
            return doc.as_string()
        table = tomlkit.table()
        doc["conventions"] = table
    elif not isinstance(table, dict):
        raise StoreError(f"{DEFAULTS}: [conventions] must be a table")
    if reading is None:
        table.pop(name, None)
    else:
        table[name] = reading
    return doc.as_string()

