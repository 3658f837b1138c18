"""A worker's stages up to one of them, for instruction counts per stage (cachegrind).

    PYTHONHASHSEED=0 valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \\
        python -m bench.worker_ir --corpus DIR --upto STAGE [--files 600]

Runs the stages of a worker (``prepare_many`` split open) over the first ``--files`` files of one
worker's half of the corpus (every second file, sorted), stopping after ``--upto``; the
difference between two runs' instruction totals is what a stage costs. ``--upto none`` reads
nothing (start-up: imports, the recogniser's tables); ``recognise`` includes the
article id and the ``Article``, ``--upto worker`` runs the worker's own
function (``_worker_prepare_many`` and its pickling) instead of the split stages.
"""

from __future__ import annotations

import argparse
import gc
from multiprocessing.reduction import ForkingPickler
from pathlib import Path

from store import ingest
from store.sources.formats import Skipped, iter_paths
from store.text import dedupe
from store.text.parse import parse_article

STAGES = ("none", "read", "parse", "recognise", "duplicate", "story", "handover", "pickling")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, required=True)
    ap.add_argument("--upto", choices=(*STAGES, "worker"), required=True)
    ap.add_argument("--files", type=int, default=600)
    args = ap.parse_args(argv)
    paths = sorted(str(p) for p in iter_paths([str(args.corpus)]) if not isinstance(p, Skipped))
    files: list[ingest.Input] = list(paths[::2][: args.files])
    ingest._worker_init()
    recogniser = ingest._worker_recogniser
    assert recogniser is not None
    if args.upto == "worker":
        for i in range(0, len(files), ingest.CHUNK):
            ForkingPickler.dumps(ingest._worker_prepare_many(files[i : i + ingest.CHUNK]))
        return 0
    upto = STAGES.index(args.upto)
    for i in range(0, len(files), ingest.CHUNK) if upto else ():
        gc.freeze()
        docs = [d for f in files[i : i + ingest.CHUNK] for d in ingest._read(f) if not isinstance(d, Skipped)]
        if upto < 2:
            continue
        parsed = [parse_article(d) for d in docs]
        if upto < 3:
            continue
        arts = [ingest._recognised(d, p, recogniser) for d, p in zip(docs, parsed, strict=True)]
        if upto < 4:
            continue
        sigs = [dedupe.signature(a.text, a.noise) for a in arts]
        if upto < 5:
            continue
        sigs = [s + dedupe.story_signature(a) for s, a in zip(sigs, arts, strict=True)]
        if upto < 6:
            continue
        handed = [ingest._compact(a.source, (a, s)) for a, s in zip(arts, sigs, strict=True)]
        if upto < 7:
            continue
        ForkingPickler.dumps(handed)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
