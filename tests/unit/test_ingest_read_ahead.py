"""Ingest asks the kernel to read a chunk's files before a worker reads them one by one
(``store.sources.decode.read_ahead``): a cold archive no longer waits one disk round trip a
file. The hint reads only regular files, never blocks on a FIFO and never fails an ingest."""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
import time
from pathlib import Path

import pytest

from store.sources.decode import read_ahead


def cached(path: Path) -> int:
    res = subprocess.run(["fincore", "--bytes", "--noheadings", "--output", "RES", str(path)],
                         capture_output=True, text=True, check=True)
    return int(res.stdout.split()[0])


def test_read_ahead_brings_cold_files_into_the_page_cache(tmp_path: Path) -> None:
    if shutil.which("fincore") is None:
        pytest.skip("fincore (util-linux) is not installed: the page cache cannot be read")
    files = []
    for i in range(8):
        path = tmp_path / f"a{i}.txt"
        with open(path, "wb") as fh:
            fh.write(f"Polres Contoh {i} menggelar patroli.\n".encode() * 4000)
            fh.flush()
            os.fdatasync(fh.fileno())
            os.posix_fadvise(fh.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)
        files.append(path)
    if any(cached(p) for p in files):
        pytest.skip("this file system keeps its files in memory (tmpfs): nothing is cold")
    read_ahead(files)
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and not all(cached(p) >= p.stat().st_size for p in files):
        time.sleep(0.05)
    assert all(cached(p) >= p.stat().st_size for p in files), [cached(p) for p in files]


def test_read_ahead_passes_over_what_it_must_not_or_cannot_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)  # opening it to read would wait for a writer
    (tmp_path / "folder.txt").mkdir()
    plain = tmp_path / "plain.txt"
    plain.write_text("Polsek Contoh berjaga.")
    done = threading.Event()

    def run() -> None:
        read_ahead([fifo, tmp_path / "folder.txt", tmp_path / "missing.txt", plain, "\x00bad"])
        done.set()

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(5)
    assert done.is_set(), "read_ahead blocked"
