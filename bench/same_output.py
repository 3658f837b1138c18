"""Same output, hashed: what ingest makes of a set of inputs, before and after a speed change.

    python -m bench.same_output --corpus DIR [--dev-list FILE] [--no-store]

Every document of the inputs (the bench corpus, the samples, the dev pages named one a line in
``--dev-list``, or every dev page) is read, parsed, recognised and signed as a worker does it
(``prepare_many`` in chunks of ``CHUNK``), and what a worker hands over (``_compact``: the
head, the stored JSON, the index document's JSON, the signature) is hashed with the article's
``to_dict`` and its signature. Then a store is built from the same inputs through ``Store.ingest``
(the worker pool) and dumped (every list row, every article as stored with its copy and rewrite
links, the shard files, a few searches' totals) and hashed. A speed change keeps both hashes or is dropped.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

import store
from store import ingest
from store.sources.formats import Skipped, iter_paths
from store.text.entities import Recogniser

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ("polres", "pengamanan", "kpu", "patroli tps", "polsek", "bawaslu", "personel")


def inputs(corpus: Path, dev_list: Path | None) -> list[str]:
    dev = ROOT / "tests" / "gold" / "real" / "dev"
    pages = (
        [dev / line.strip() for line in dev_list.read_text().splitlines() if line.strip()]
        if dev_list
        else sorted(dev.glob("*.txt"))
    )
    files = [
        p for p in iter_paths([str(corpus), str(ROOT / "sample_articles")]) if not isinstance(p, Skipped)
    ]
    return sorted(str(p) for p in files) + [
        str(ROOT / "tests" / "gold" / "real" / "dev" / p.name) for p in pages
    ]


def _dump(obj: Any) -> bytes:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, default=repr).encode()


def documents_hash(paths: list[str]) -> tuple[str, int]:
    h = hashlib.sha256()
    recogniser = Recogniser()
    n = 0
    for i in range(0, len(paths), ingest.CHUNK):
        docs = [d for p in paths[i : i + ingest.CHUNK] for d in ingest._read(p)]
        raws = [d for d in docs if not isinstance(d, Skipped)]
        for raw, result in zip(raws, ingest.prepare_many(raws, recogniser), strict=True):
            n += 1
            h.update(raw.source.encode())
            if isinstance(result, str):
                h.update(result.encode())
                continue
            article, sig = result
            h.update(_dump(article.to_dict()))
            h.update(_dump(sig))
            handed = ingest._compact(raw.source, result)[1]
            assert not isinstance(handed, str)
            head, stored, indexed, _ = handed
            sig2 = ingest._unpack((raw.source, handed))[1][1]  # (the signature as the main process reads it)
            h.update(_dump(list(head)))
            h.update(stored)
            h.update(indexed)
            h.update(_dump(sig2))
    return h.hexdigest(), n


def store_hash(paths: list[str]) -> tuple[str, int]:
    h = hashlib.sha256()
    tmp = Path(tempfile.mkdtemp(prefix="same-output-"))
    try:
        with store.open(tmp / "store") as st:
            report = st.ingest(paths)
            h.update(_dump([report.added, report.present, report.duplicates, sorted(report.skipped)]))
            for row in st.articles():
                h.update(_dump(repr(row)))
                h.update(_dump(st.article(row.id, corrected=False).to_dict()))
                h.update(_dump(sorted(st.duplicates_of(row.id))))  # (in the index's order)
            for q in QUERIES:
                h.update(_dump([q, st.search(q).total]))  # (the order of equal scores is the segments')
        for f in sorted((tmp / "store" / "corpus").rglob("*")):
            if f.is_file():
                h.update(f.name.encode())
                h.update(f.read_bytes())
        return h.hexdigest(), report.added
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, required=True)
    ap.add_argument("--dev-list", type=Path, help="dev page file names, one a line (default: every page)")
    ap.add_argument("--no-store", action="store_true")
    args = ap.parse_args(argv)
    paths = inputs(args.corpus, args.dev_list)
    digest, n = documents_hash(paths)
    print(f"documents {digest} ({n} documents, {len(paths)} files)")
    if not args.no_store:
        digest, n = store_hash(paths)
        print(f"store {digest} ({n} articles)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
