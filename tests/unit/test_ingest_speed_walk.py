"""The folder walk reads whether each file is a symlink from the folder's listing (no lstat per
file), and hands that on so ingest need not look again: the same files, in the same order, with
the same refusals as a walk that looked at every file."""

from __future__ import annotations

import os
from pathlib import Path

from store.sources.formats import Skipped, iter_paths
from store.sources.walk import iter_paths_linked


def _tree(root: Path, outside: Path) -> None:
    for rel in (
        "b.txt",
        "a/z.txt",
        "a/b/c.txt",
        "a/b/d.md",
        "c/x.txt",
        ".hidden/h.txt",
        "a/.h.txt",
        "A/u.txt",
    ):
        f = root / rel
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text("isi\n", encoding="utf-8")
    (outside / "secret.txt").write_text("rahasia\n", encoding="utf-8")
    (root / "a" / "link-in.txt").symlink_to(root / "b.txt")  # inside: read (named once)
    (root / "a" / "link-in2.txt").symlink_to(root / "c" / "x.txt")
    (root / "link-out.txt").symlink_to(outside / "secret.txt")  # outside: refused
    (root / "dir-out").symlink_to(outside, target_is_directory=True)  # outside: refused
    (root / "dir-in").symlink_to(root / "c", target_is_directory=True)  # inside: reached as c/
    (root / "broken.txt").symlink_to(root / "nowhere.txt")  # inside, dangling


def _reference(root: Path) -> list[str]:
    """What a walk that lstat's every file yields: sorted folders top-down, hidden left out."""
    out = []
    for dirpath, dirs, files in os.walk(root):
        dirs[:] = sorted(
            d for d in dirs if not d.startswith(".") and not os.path.islink(os.path.join(dirpath, d))
        )
        out += [os.path.join(dirpath, f) for f in sorted(files) if not f.startswith(".")]
    return out


def test_the_walk_gives_each_file_with_whether_it_is_a_link(tmp_path: Path) -> None:
    root, outside = tmp_path / "in", tmp_path / "out"
    root.mkdir()
    outside.mkdir()
    _tree(root, outside)
    found = list(iter_paths_linked([str(root)]))
    files = [item for item in found if not isinstance(item, Skipped)]
    refused = sorted(os.path.basename(s.source) for s in found if isinstance(s, Skipped))
    assert refused == ["dir-out", "link-out.txt"]
    # each file once, in walk order: a link to a file is the file it leads to, named once (as
    # a walk that looked at every file gives it: tests/unit/test_formats.py)
    got = [(p.relative_to(root).as_posix(), link) for p, link in files]
    assert got == [
        ("b.txt", False),
        ("broken.txt", True),
        ("A/u.txt", False),
        ("a/link-in2.txt", True),
        ("a/z.txt", False),
        ("a/b/c.txt", False),
        ("a/b/d.md", False),
    ]
    assert [p for p, _ in files] == [
        Path(p)
        for p in _reference(root)
        if os.path.basename(p) not in ("link-out.txt", "link-in.txt", "x.txt")
    ]
    assert all(link == os.path.islink(p) for p, link in files)
    # iter_paths gives the same paths, without the flags
    assert [p for p in iter_paths([str(root)]) if not isinstance(p, Skipped)] == [p for p, _ in files]


def test_following_links_leaves_the_flag_unknown(tmp_path: Path) -> None:
    root, outside = tmp_path / "in", tmp_path / "out"
    root.mkdir()
    outside.mkdir()
    _tree(root, outside)
    files = [
        item for item in iter_paths_linked([str(root)], follow_symlinks=True) if not isinstance(item, Skipped)
    ]
    assert {link for _p, link in files} == {None}
    names = [p.relative_to(root).as_posix() for p, _ in files]
    assert names == [
        "b.txt",
        "broken.txt",
        "link-out.txt",
        "A/u.txt",
        "a/link-in2.txt",
        "a/z.txt",
        "a/b/c.txt",
        "a/b/d.md",
    ]


def test_ingest_never_reads_the_stores_own_files_directly_or_through_a_link(tmp_path: Path) -> None:
    import store

    src = tmp_path / "src"
    (src / "berita").mkdir(parents=True)
    for i in range(3):
        (src / "berita" / f"{i}.txt").write_text(
            f"Patroli Pilkada {i}\n\nPersonel Polsek Sukamaju {i} menggelar patroli di Desa Sukamaju {i}.\n",
            encoding="utf-8",
        )
    with store.open(src / "toko") as st:  # the store inside the folder being ingested
        first = st.ingest([str(src)])
        assert first.added == 3
        shard = next(p for p in (src / "toko").rglob("*") if p.is_file() and p.suffix in (".json", ".jsonl"))
        (src / "berita" / "tautan.json").symlink_to(shard)  # a link into the store, in a folder read
        again = st.ingest([str(src)])
    assert again.added == 0 and again.present == 3
    assert not any("toko" in source for source, _reason in again.skipped)  # left out, not even a verdict
