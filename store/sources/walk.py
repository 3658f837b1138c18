"""Finding input files: folders walked, globs expanded, symlinks that lead outside a folder
reported instead of followed. Never raises: a path that cannot be read is a ``Skipped``."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterator, Sequence
from operator import attrgetter
from pathlib import Path

from store.sources.raw import Skipped

_OUTSIDE = "a symlink to {what} outside the folder, not followed (use --follow-symlinks to read it)"


def _inside(path: Path, root: str) -> bool:
    try:
        return Path(os.path.realpath(path)).is_relative_to(root)
    except (OSError, ValueError):
        return False


def link_out_of(path: Path, real_root: str, what: str = "a file") -> str | None:
    """Why ``path`` found in the folder ``real_root`` (a realpath) is not read: a symlink that
    leads outside it (``_walk``'s rule, for callers that list a folder themselves, as brat import
    does); None when it may be read."""
    try:
        link = path.is_symlink()
    except (OSError, ValueError):
        link = True
    return _OUTSIDE.format(what=what) if link and not _inside(path, real_root) else None


def _glob_base(pattern: str) -> str:
    """The real folder a glob pattern searches: its leading components without wildcards."""
    parts: list[str] = []
    for part in Path(pattern).parts:
        if glob.has_magic(part):
            break
        parts.append(part)
    return os.path.realpath(Path(*parts) if parts else Path("."))


_Listing = tuple[str, list[os.DirEntry[str]], list[os.DirEntry[str]]]  # a folder, its folders, its files


def _scan(top: str, follow_symlinks: bool) -> Iterator[_Listing]:
    """``os.walk`` top-down, but with the ``DirEntry`` of each folder and file kept: whether an
    entry is a symlink comes with the directory listing (no ``lstat`` a file). As ``os.walk``:
    a folder that cannot be listed is left out, a symlink to a folder is a folder (descended
    into only with ``follow_symlinks``), the caller prunes the folder list in place."""
    stack = [top]
    while stack:
        path = stack.pop()
        try:
            with os.scandir(path) as it:
                entries = list(it)
        except OSError:
            continue
        dirs: list[os.DirEntry[str]] = []
        files: list[os.DirEntry[str]] = []
        for entry in entries:
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            (dirs if is_dir else files).append(entry)
        yield path, dirs, files
        for entry in reversed(dirs):
            if follow_symlinks or not entry.is_symlink():
                stack.append(entry.path)


def _walk(root: Path, follow_symlinks: bool = False) -> Iterator[tuple[Path, bool | None] | Skipped]:
    """Files under ``root``, sorted, hidden files and folders skipped, each with whether it is a
    symlink (None when not looked at: with ``follow_symlinks``).

    A symlink (file or folder) that leads outside ``root`` is not followed but reported: a folder
    received from someone else must not make tandai read ``/etc/passwd`` or a home directory.
    With ``follow_symlinks`` they are followed, each real folder once (no loops).
    """
    real_root = os.path.realpath(root)
    visited: set[str] = {real_root}
    for dirpath, dirs, files in _scan(os.fspath(root), follow_symlinks):
        here = Path(dirpath)  # once a folder: a Path per file parses only the file's name
        kept = []
        for entry in sorted(dirs, key=_NAME):
            d = entry.name
            if d.startswith("."):
                continue
            full = here / d
            if entry.is_symlink():
                real = os.path.realpath(full)
                if not follow_symlinks:
                    if not _inside(full, real_root):
                        yield Skipped(str(full), _OUTSIDE.format(what="a folder"))
                    continue  # inside: its files are reached through the real folder
                if real in visited:
                    continue
                visited.add(real)
            elif follow_symlinks:
                real = os.path.realpath(full)
                if real in visited:
                    continue
                visited.add(real)
            kept.append(entry)
        dirs[:] = kept
        for entry in sorted(files, key=_NAME):
            name = entry.name
            if name.startswith("."):
                continue
            full = here / name
            if follow_symlinks:
                yield full, None
                continue
            link = entry.is_symlink()  # (from the listing: no lstat)
            if link and not _inside(full, real_root):
                yield Skipped(str(full), _OUTSIDE.format(what="a file"))
                continue
            yield full, link


_NAME = attrgetter("name")


def iter_paths(args: Sequence[str | os.PathLike[str]],
               follow_symlinks: bool = False) -> Iterator[Path | Skipped]:
    """Files named, found under directories (recursively, sorted, hidden skipped) or matched by globs.

    A file reached twice (named and inside a named folder) is given once. A path named on the
    command line is read even if it is a symlink (it was asked for); inside folders, see ``_walk``.
    """
    for item in iter_paths_linked(args, follow_symlinks):
        yield item if isinstance(item, Skipped) else item[0]


def iter_paths_linked(args: Sequence[str | os.PathLike[str]],
                      follow_symlinks: bool = False) -> Iterator[tuple[Path, bool | None] | Skipped]:
    """``iter_paths``, each file with whether it is a symlink where the walk knew it (None: not
    known, look), so that a caller need not ``lstat`` each file again."""
    seen: set[str] = set()
    folders: dict[str, str] = {}  # a folder's realpath, taken once (each is an lstat per part)

    def real(p: Path, link: bool | None) -> str:
        """realpath(p): a file that is no link is its real folder plus its name (``link``: whether
        it is one, when known)."""
        head, name = os.path.split(p)
        if not name or name in (".", "..") or (os.path.islink(p) if link is None else link):
            return os.path.realpath(p)
        folder = folders.get(head)
        if folder is None:
            folder = folders[head] = os.path.realpath(head or ".")
        return os.path.join(folder, name)

    def once(p: Path | Skipped, link: bool | None = None) -> Iterator[tuple[Path, bool | None] | Skipped]:
        if isinstance(p, Skipped):
            yield p
            return
        try:
            key = real(p, link)
        except (OSError, ValueError):
            key = str(p)
        if key not in seen:
            seen.add(key)
            yield p, link

    def walked(folder: Path) -> Iterator[tuple[Path, bool | None] | Skipped]:
        for item in _walk(folder, follow_symlinks):
            yield from once(item) if isinstance(item, Skipped) else once(*item)

    for arg in args:
        text = os.fspath(arg)
        try:
            path = Path(text).expanduser()
            is_dir, exists = path.is_dir(), path.exists() or path.is_symlink()
        except (OSError, ValueError) as exc:
            yield Skipped(text, f"not a usable path ({exc})")
            continue
        if is_dir:
            yield from walked(path)
        elif exists:
            yield from once(path)
        elif glob.has_magic(text):
            pattern = os.path.expanduser(text)
            matches = sorted(glob.glob(pattern, recursive=True))
            if not matches:
                yield Skipped(text, "no files match this pattern")
            base = _glob_base(pattern)  # a pattern picks files in a folder: the same rule as _walk
            for m in matches:
                mp = Path(m)
                if not follow_symlinks and mp.is_symlink() and not _inside(mp, base):
                    yield Skipped(m, _OUTSIDE.format(what="a file or folder"))
                elif mp.is_dir():
                    yield from walked(mp)
                else:
                    yield from once(mp)
        else:
            yield Skipped(text, "no such file or directory")


# -- rows (jsonl, json, csv) --------------------------------------------------------------------
