"""Finding input files: folders walked, globs expanded, symlinks that lead outside a folder
reported instead of followed. Never raises: a path that cannot be read is a ``Skipped``."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from store.sources.raw import Skipped

_OUTSIDE = "a symlink to {what} outside the folder, not followed (use --follow-symlinks to read it)"


def _inside(path: Path, root: str) -> bool:
    try:
        return Path(os.path.realpath(path)).is_relative_to(root)
    except (OSError, ValueError):
        return False


def _glob_base(pattern: str) -> str:
    """The real folder a glob pattern searches: its leading components without wildcards."""
    parts: list[str] = []
    for part in Path(pattern).parts:
        if glob.has_magic(part):
            break
        parts.append(part)
    return os.path.realpath(Path(*parts) if parts else Path("."))


def _walk(root: Path, follow_symlinks: bool = False) -> Iterator[tuple[Path, bool | None] | Skipped]:
    """Files under ``root``, sorted, hidden files and folders skipped, each with whether it is a
    symlink (None when not looked at: with ``follow_symlinks``).

    A symlink (file or folder) that leads outside ``root`` is not followed but reported: a folder
    received from someone else must not make tandai read ``/etc/passwd`` or a home directory.
    With ``follow_symlinks`` they are followed, each real folder once (no loops).
    """
    real_root = os.path.realpath(root)
    visited: set[str] = {real_root}
    for dirpath, dirs, files in os.walk(root, followlinks=follow_symlinks):
        here = Path(dirpath)  # once a folder: a Path per file parses only the file's name
        kept = []
        for d in sorted(dirs):
            if d.startswith("."):
                continue
            full = here / d
            if full.is_symlink():
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
            kept.append(d)
        dirs[:] = kept
        for name in sorted(files):
            if name.startswith("."):
                continue
            full = here / name
            if follow_symlinks:
                yield full, None
                continue
            link = full.is_symlink()
            if link and not _inside(full, real_root):
                yield Skipped(str(full), _OUTSIDE.format(what="a file"))
                continue
            yield full, link


def iter_paths(args: Sequence[str | os.PathLike[str]],
               follow_symlinks: bool = False) -> Iterator[Path | Skipped]:
    """Files named, found under directories (recursively, sorted, hidden skipped) or matched by globs.

    A file reached twice (named and inside a named folder) is given once. A path named on the
    command line is read even if it is a symlink (it was asked for); inside folders, see ``_walk``.
    """
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

    def once(p: Path | Skipped, link: bool | None = None) -> Iterator[Path | Skipped]:
        if isinstance(p, Skipped):
            yield p
            return
        try:
            key = real(p, link)
        except (OSError, ValueError):
            key = str(p)
        if key not in seen:
            seen.add(key)
            yield p

    def walked(folder: Path) -> Iterator[Path | Skipped]:
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
