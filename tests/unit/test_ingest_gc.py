"""Ingest freezes what survives each committed batch (the collector stops re-scanning its lookup
tables, see ``store.ingest.batches``); the process it runs in (the workbench, a notebook) must get
its collector back as it was: nothing left frozen when the ingest ends, is cancelled, fails or is
dropped half-way, and a freeze someone else made is left alone."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from store import ingest
from store.errors import StoreError
from store.text.entities import Recogniser


@pytest.fixture
def unfrozen() -> Iterator[None]:
    gc.unfreeze()
    yield
    gc.unfreeze()


def _folder(tmp_path: Path, n: int) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(n):
        (folder / f"a{i}.txt").write_text(f"Berita {i}\n\nPolres Sumedang menggelar patroli ke-{i} di Desa "
                                          f"Sukamaju {i} pada Senin malam menjelang pemungutan suara.\n",
                                          encoding="utf-8")
    return folder


def _batches(tmp_path: Path, folder: Path, **kw: object) -> Iterator[ingest.Batch]:
    return ingest.batches([str(folder)], ingest.IngestReport(), ingest.Seen([]), Recogniser(),
                          tmp_path / "store", batch_size=2, workers=1, **kw)  # type: ignore[arg-type]


def test_survivors_frozen_while_batches_run_and_given_back_at_the_end(tmp_path: Path, unfrozen: None) -> None:
    frozen_between = []
    for batch in _batches(tmp_path, _folder(tmp_path, 6)):
        assert len(batch) == 2
        frozen_between.append(gc.get_freeze_count())
    assert frozen_between[0] == 0 and all(n > 0 for n in frozen_between[1:])
    assert gc.get_freeze_count() == 0


def test_nothing_left_frozen_when_dropped_half_way_or_cancelled(tmp_path: Path, unfrozen: None) -> None:
    folder = _folder(tmp_path, 8)
    gen = _batches(tmp_path, folder)
    next(gen), next(gen)
    assert gc.get_freeze_count() > 0
    gen.close()  # the caller stopped (an error while committing, Ctrl-C)
    assert gc.get_freeze_count() == 0
    seen = []
    for _ in _batches(tmp_path, folder, cancelled=lambda: len(seen) > 4 or bool(seen.append(1))):
        pass
    assert gc.get_freeze_count() == 0


def test_an_error_between_batches_gives_the_collector_back(tmp_path: Path, unfrozen: None,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _folder(tmp_path, 3)
    calls: list[int] = []
    real = ingest.Seen.add

    def fail_late(self: ingest.Seen, *a: object, **k: object) -> None:
        calls.append(1)
        if len(calls) == 3:
            raise StoreError("boom")
        real(self, *a, **k)  # type: ignore[arg-type]

    monkeypatch.setattr(ingest.Seen, "add", fail_late)
    gen = _batches(tmp_path, folder)
    next(gen)
    with pytest.raises(StoreError, match="boom"):
        next(gen)
    assert gc.get_freeze_count() == 0


def _frozen(obj: object) -> bool:
    """Frozen objects sit in the permanent generation, which ``gc.get_objects`` does not list."""
    return gc.is_tracked(obj) and not any(o is obj for o in gc.get_objects())


def test_a_freeze_made_by_someone_else_is_left_alone(tmp_path: Path, unfrozen: None) -> None:
    # The freeze count alone cannot say it: it drops whenever a frozen object is freed (a
    # temporary of an earlier test, the collector's own), so the test follows one object.
    theirs: list[object] = [{}]
    gc.freeze()
    assert _frozen(theirs)
    for _ in _batches(tmp_path, _folder(tmp_path, 6)):
        pass
    assert _frozen(theirs) and gc.get_freeze_count() > 0
    gc.unfreeze()
    assert not _frozen(theirs)  # the probe itself sees an unfreeze
