"""Exports shard by shard, in worker processes when that pays, written in order by the exporter.

An export's work is per article (tokens, JSON, spaCy Docs) and its articles live in shards, so
each shard is one job: ``work`` turns the shard's items into output pieces (bytes), and the
exporting process writes the pieces in shard order, so the output is the same as from one
process. The workers are forked from the exporter after it has read what every job shares (the
selection, records, statuses: ``Selection``), so nothing but a shard's name goes to them and
nothing but its pieces comes back. At most ``2 × workers`` jobs are in flight: memory stays a
few shards' output whatever the corpus size.

Ctrl-C: the workers ignore SIGINT and the exporter, on any error or interruption, terminates and
reaps them before the error goes on, so the caller's atomic writer (``store.disk.atomic``) or
temp folder is cleaned up after the last worker is gone; nothing half-written is left.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import shutil
import signal
import tempfile
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Any

from store.errors import StoreError
from store.interchange.common import Item, Progress, Selection, shard_items
from store.interchange.folders import write_all

if TYPE_CHECKING:
    from store.store import Store

#: a shard's items -> (output pieces, rows written)
Work = Callable[[Iterable[Item]], tuple[list[bytes], int]]
#: below this many articles one process is quicker than starting workers
MIN_PARALLEL = 2000
GC_THRESHOLD = 50_000


@dataclass(slots=True)
class Spilled:
    """A piece a worker left in a file rather than send through the pipe: the exporter copies
    it into the output inside the kernel (``copy_file_range``). A token format's output is tens
    of KB an article (4.8 GB for 100k Prodigy tasks): sent through the pipe it was copied four
    times in the exporter, a fifth of the export's CPU."""

    path: str
    size: int


@dataclass(slots=True)
class Chunk:
    """One shard's output: its pieces in order, how many articles and rows, which were damaged."""

    pieces: list[bytes | Spilled]
    articles: int
    rows: int
    damaged: list[str]
    written: bool = False  # its worker wrote the pieces into the output itself (``Turn``)


@dataclass(slots=True)
class _Job:
    st: Store
    sel: Selection
    work: Work
    clean: bool


_JOB: _Job | None = None  # set in the exporter just before the workers fork from it
_SPILL: str | None = None  # the folder workers spill large pieces into (see Spilled)
SPILL_BYTES = 1 << 20


class Turn:
    """Whose turn it is to write into an output file that the exporter and its workers share
    (the workers inherit its descriptor): the number of the next shard. A worker that finishes
    its shard in turn writes the pieces itself; one out of turn hands them over (spilled) for the
    exporter to write when their turn comes. Only the holder of the lock writes, and only the
    shard whose turn it is, so the file is written in shard order as by one process. A Prodigy
    export is 4.8 GB at 100k articles: the exporter copying every spilled piece was 8 of its
    60 CPU seconds, and the spills themselves another 4."""

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.next = multiprocessing.get_context("fork").Value("q", 0)

    def write(self, index: int, pieces: list[bytes | Spilled], worker: bool) -> bool:
        """Write shard ``index``'s pieces if it is its turn (a worker asks; the exporter's turn
        always is, since it writes the shards in order); whether they were written."""
        with self.next.get_lock():
            if self.next.value != index:
                if worker:
                    return False
                raise StoreError(f"export shard {index} out of order ({self.next.value} was next)")
            write_pieces(self.fd, pieces)
            self.next.value = index + 1
        return True


_TURN: Turn | None = None  # set with _JOB when the workers may write the output themselves


class _Counted:
    """Items, counted as the work takes them."""

    def __init__(self, items: Iterator[Item]) -> None:
        self.items = items
        self.n = 0

    def __iter__(self) -> Iterator[Item]:
        for item in self.items:
            self.n += 1
            yield item


def _run(job: _Job, shard: str) -> Chunk:
    damaged: list[str] = []
    counted = _Counted(shard_items(job.st, job.sel, shard, damaged, job.clean))
    pieces, rows = job.work(counted)
    return Chunk(list(pieces), counted.n, rows, damaged)


def _worker_start() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the exporter's to handle
    if hasattr(signal, "pthread_sigmask"):  # forked with SIGINT blocked (``_sigint_blocked``)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    # an article makes thousands of short-lived objects and almost no cycles: collect rarely
    # (the collector's passes were a seventh of a token format's time)
    gc.set_threshold(GC_THRESHOLD, 50, 100)


def _in_worker(index: int, shard: str) -> Chunk:
    assert _JOB is not None
    try:
        chunk = _run(_JOB, shard)
    except StoreError as exc:  # its subclasses take other arguments and do not unpickle
        raise StoreError(str(exc)) from None
    if _TURN is not None and _TURN.write(index, chunk.pieces, worker=True):
        chunk.pieces, chunk.written = [], True
        return chunk
    if _SPILL is not None:
        chunk.pieces = _spilled(chunk.pieces, _SPILL)
    return chunk


def _spilled(pieces: list[bytes | Spilled], folder: str) -> list[bytes | Spilled]:
    """The pieces with each run of bytes joined, and a run of ``SPILL_BYTES`` or more spilled."""
    out: list[bytes | Spilled] = []
    run: list[bytes] = []
    for piece in [*pieces, None]:
        if isinstance(piece, bytes):
            run.append(piece)
            continue
        if run:
            data = b"".join(run)
            out.append(_spill(data, folder) if len(data) >= SPILL_BYTES else data)
            run = []
        if piece is not None:
            out.append(piece)
    return out


def write_pieces(fd: int, pieces: Iterable[bytes | Spilled]) -> None:
    """Pieces to a file descriptor in order: runs of bytes gathered by the kernel (``writev``,
    no join in this process: a shard of Prodigy tasks is 12 MB), spilled ones copied by it."""
    run: list[bytes] = []
    size = 0
    for piece in pieces:
        size += len(piece) if isinstance(piece, bytes) else piece.size
        if isinstance(piece, bytes):
            run.append(piece)
            if len(run) < _IOV:
                continue
        if run:
            _writev_all(fd, run)
            run = []
        if isinstance(piece, Spilled):
            _copy_spilled(piece, fd)
    if run:
        _writev_all(fd, run)
    release_written(fd, size)


RELEASE_BYTES = 16 << 20


def release_written(fd: int, size: int) -> None:
    """After ``size`` bytes were written at ``fd``'s offset: each time the file passes another
    ``RELEASE_BYTES``, start writing what it holds to disk and let the page cache drop what is
    already there. A Prodigy export is 4.8 GB at 100k
    articles: left in the cache it grows into memory the machine has not touched lately, and on
    this virtual machine every new page cost the kernel's copy three times as much (2.6-3.2 s
    of system time a GB, 0.3-0.4 once written pages are dropped and their memory is reused). It
    also leaves the reader's cache alone and the final fsync little to do. Nothing but cache
    depends on it: a failure is ignored, the export's own fsync is what makes it durable."""
    try:
        at = os.lseek(fd, 0, os.SEEK_CUR)
        if at // RELEASE_BYTES != (at - size) // RELEASE_BYTES:
            os.posix_fadvise(fd, 0, at, os.POSIX_FADV_DONTNEED)
    except (OSError, AttributeError):  # not seekable, or no fadvise on this system
        pass


_IOV = 512  # buffers a writev takes at once (Linux allows 1,024)


def _writev_all(fd: int, buffers: list[bytes]) -> None:
    done = os.writev(fd, buffers)
    total = sum(map(len, buffers))
    if done < total:  # a short write (a full disk, a signal): the rest piece by piece
        for data in buffers:
            if done >= len(data):
                done -= len(data)
                continue
            write_all(fd, data[done:])
            done = 0


def _spill(data: bytes, folder: str) -> Spilled:
    fd, path = tempfile.mkstemp(dir=folder)
    try:
        write_all(fd, data)
    finally:
        os.close(fd)
    return Spilled(path, len(data))


def write_piece(out: IO[bytes], piece: bytes | Spilled) -> None:
    """Write a chunk's piece to ``out`` (a spilled one copied by the kernel, then removed)."""
    if isinstance(piece, bytes):
        out.write(piece)
        return
    out.flush()
    _copy_spilled(piece, out.fileno())


def _copy_spilled(piece: Spilled, fd: int) -> None:
    src = os.open(piece.path, os.O_RDONLY)
    try:
        _copy(src, fd, piece.size)
    finally:
        os.close(src)
        os.unlink(piece.path)


def _copy(src: int, dst: int, size: int) -> None:
    left = size
    try:
        while left > 0:  # in the kernel, file to file
            n = os.copy_file_range(src, dst, left)
            if n == 0:
                break
            left -= n
    except OSError:  # another file system or a pipe: through user space from where it stopped
        pass
    while left > 0:
        data = os.read(src, min(left, 1 << 20))
        if not data:
            raise OSError(f"spilled export piece ended {left} bytes early")
        write_all(dst, data)
        left -= len(data)


def default_workers() -> int:
    """Two processes where two cores are free to this one (more only repeats the shard reads)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        cores = os.cpu_count() or 1
    return min(2, cores)


def _can_fork() -> bool:
    return ("fork" in multiprocessing.get_all_start_methods()
            and not multiprocessing.current_process().daemon)


def chunks(st: Store, sel: Selection, work: Work, *, clean: bool = True, workers: int | None = None,
           progress: Progress | None = None, damaged: list[str] | None = None,
           start: Callable[[], None] | None = None, spill: bool = False,
           out: int | None = None) -> Generator[Chunk, None, None]:
    """Each shard's chunk in shard order (see the module's docstring). ``workers`` None picks
    ``default_workers()`` for a large selection and one process for a small one; ``start`` runs
    in each worker as it starts (a library to set up); ``spill``: the pieces are parts of one
    stream, which workers may hand over joined and, when large, as files (``Spilled``: write
    them with ``write_piece``). ``out``: a file descriptor the
    pieces are written to, in order, by whichever process has them (``Turn``); the chunks come
    back without pieces. Close the iterator (``contextlib.closing``) to stop the workers early."""
    shards = st.corpus.shards
    n = default_workers() if workers is None else workers
    if workers is None and sel.total < MIN_PARALLEL:
        n = 1
    n = min(n, len(shards))
    job = _Job(st, sel, work, clean)
    done = 0

    def tick(chunk: Chunk) -> None:
        nonlocal done
        done += chunk.articles
        if damaged is not None:
            damaged.extend(chunk.damaged)
        if progress is not None and chunk.articles:
            progress(done, sel.total)

    if n <= 1 or not _can_fork():
        for shard in shards:
            chunk = _run(job, shard)
            if out is not None:
                write_pieces(out, chunk.pieces)
                chunk.pieces = []
            tick(chunk)
            yield chunk
        return
    global _JOB, _SPILL, _TURN
    folder = tempfile.mkdtemp(prefix="tandai-export-") if spill else None
    turn = Turn(out) if out is not None else None
    _JOB, _SPILL, _TURN = job, folder, turn
    gc.freeze()  # what the workers inherit is never collected there: its pages stay shared
    try:
        with _sigint_blocked():
            fork = multiprocessing.get_context("fork")
            pool = fork.Pool(n, initializer=_worker_start_with, initargs=(start,))
    except BaseException:
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)
        raise
    finally:
        gc.unfreeze()
        _JOB, _SPILL, _TURN = None, None, None
    try:
        pending: deque[Any] = deque()
        todo = enumerate(shards)
        for index, shard in todo:
            pending.append(pool.apply_async(_in_worker, (index, shard)))
            if len(pending) >= 2 * n:
                break
        done_shards = 0
        while pending:
            chunk = pending.popleft().get()
            for index, shard in todo:
                pending.append(pool.apply_async(_in_worker, (index, shard)))
                break
            if turn is not None and not chunk.written:  # out of turn in its worker: ours to write
                turn.write(done_shards, chunk.pieces, worker=False)
                chunk.pieces = []
            done_shards += 1
            tick(chunk)
            yield chunk
        pool.close()
    except BaseException:
        pool.terminate()
        raise
    finally:
        pool.join()
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def _sigint_blocked() -> Iterator[None]:
    """SIGINT held back while the workers are forked: a Ctrl-C between a worker's fork and its
    ``_worker_start`` would end it with a traceback on the terminal. The workers inherit the
    block and lift it once they ignore SIGINT (a held Ctrl-C is then dropped there); here it is
    lifted after the fork, and a Ctrl-C that came meanwhile arrives then."""
    if not hasattr(signal, "pthread_sigmask"):  # pragma: no cover - not POSIX
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def _worker_start_with(start: Callable[[], None] | None) -> None:
    _worker_start()
    if start is not None:
        start()
