"""Entity corrections at scale: exporting one long text with many corrections, and importing texts
into a store that already holds many.

    python -m bench.bench_corrections      # 1k-27k corrections; 500 texts into 0, 3k, 27k: 10-25 s
    python -m bench.bench_corrections --sizes 500,2000 --texts 50 --held 0,2000   # a quick look

Export: one article of about 250 KB, ``N`` of its words labelled (one ``correct_entities`` change,
as ``tandai import`` makes them), then ``tandai export --format jsonl`` (in this process, timed
from the command's start to its end; the store was closed and is opened again by the command).
Every correction is applied each time the article's entities are read (``store.suggest.everywhere
.apply``), in the reader and in every export.

Import: a store whose other articles hold ``--held`` corrections, then ``tandai import --format
prodigy`` of ``--texts`` new texts of two sentences with two spans each (every text one change of
its corrections, as a reviewer's file brings them). Each text's entities are read with its own
corrections (``Store.overrides``), so what that costs per text is multiplied by the texts. The
time includes what grows with M once, not per text: opening the store, a compaction every 1,000
changes and the one on close (each writes every correction into the snapshot).

The CPU seconds beside the clock are this process's and its workers': the machine is shared, and
an import's clock is mostly its fsyncs (one a text's change), which a busy disk stretches.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import random
import resource
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import store
from tui.cli import main as cli

WORDS = ("Polres", "Kodim", "Bawaslu", "Sukamaju", "Bontang", "patroli", "personel", "pengamanan",
         "logistik", "Kecamatan", "Kabupaten", "gudang", "rapat", "koordinasi", "Brimob", "warga")


def long_text(size: int, seed: int = 1) -> str:
    """A text of about ``size`` characters: sentences of the domain's words, in paragraphs."""
    rng = random.Random(seed)
    paras, length, n = [], 0, 0
    while length < size:
        n += 1
        para = " ".join(f"Polres Uji {n * 7 + k} menggelar patroli di Kecamatan "
                        f"{' '.join(rng.choice(WORDS) for _ in range(6))} pada Senin." for k in range(5))
        paras.append(para)
        length += len(para) + 2
    return "Patroli panjang\n\n" + "\n\n".join(paras)


def word_spans(text: str, n: int, rng: random.Random) -> list[tuple[int, int]]:
    """``n`` distinct words of ``text`` (start, end), spread over all of it."""
    import re

    words = [(m.start(), m.end()) for m in re.finditer(r"\w+", text)]
    if n > len(words):
        raise SystemExit(f"the text has {len(words)} words, fewer than {n} corrections")
    return sorted(rng.sample(words, n))


@contextlib.contextmanager
def timed(out: dict[str, float]) -> Iterator[None]:
    cpu = cpu_seconds()
    started = time.perf_counter()
    yield
    out["seconds"] = time.perf_counter() - started
    out["cpu"] = cpu_seconds() - cpu


def cpu_seconds() -> float:
    """CPU time of this process and of its finished workers (an import's ingest forks some)."""
    return sum(u.ru_utime + u.ru_stime for u in (resource.getrusage(resource.RUSAGE_SELF),
                                                 resource.getrusage(resource.RUSAGE_CHILDREN)))


def quiet(run: Callable[[], int]) -> int:
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        return run()


def export_one(work: Path, n: int, size: int) -> dict[str, float]:
    """Seconds to export one text of ``size`` characters holding ``n`` corrections."""
    path = work / f"export-{n}"
    src = work / f"long-{n}.txt"
    src.write_text(long_text(size), encoding="utf-8")
    with store.open(path, reviewer="bench") as st:
        st.ingest([src])
        (aid,) = [a.id for a in st.articles()]
        article = st.article(aid, corrected=False)
        labels = list(st.taxonomy.labels)
        spans = word_spans(article.text, n, random.Random(n))
        st.correct_entities(aid, [(s, e, labels[i % len(labels)]) for i, (s, e) in enumerate(spans)])
        assert len(st.overrides(aid)) == n
    out = work / f"export-{n}.jsonl"
    figures: dict[str, float] = {}
    with timed(figures):
        rc = quiet(lambda: cli(["export", "--store", str(path), "--format", "jsonl", "--out", str(out)]))
    if rc != 0:
        raise SystemExit(f"export of {n} corrections failed ({rc})")
    (row,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    figures["entities"] = len(row["entities"])
    return figures


def import_many(work: Path, texts: int, held: int) -> dict[str, float]:
    """Seconds to import ``texts`` texts into a store whose other articles hold ``held`` corrections."""
    path = work / f"import-{texts}-{held}"
    per = 1000  # corrections per held article
    folder = work / f"held-{held}"
    folder.mkdir()
    for i in range(max(1, -(-held // per))):
        (folder / f"held-{i}.txt").write_text(long_text(12_000, seed=100 + i), encoding="utf-8")
    with store.open(path, reviewer="bench") as st:
        st.ingest([folder])
        left = held
        for aid in sorted(a.id for a in st.articles()):
            text = st.article(aid, corrected=False).text
            spans = word_spans(text, min(per, left), random.Random(left))
            st.correct_entities(aid, [(s, e, "LOC") for s, e in spans])
            left -= len(spans)
        assert left == 0
    tasks = work / f"tasks-{texts}.jsonl"
    with tasks.open("w", encoding="utf-8") as f:
        for i in range(texts):
            text = (f"Polres Impor {i} menggelar patroli di Kecamatan Sukamaju {i}. "
                    f"Sebanyak {40 + i % 50} personel Brimob diterjunkan ke gudang logistik {i}.")
            a, b = text.index("Sukamaju"), text.index("Brimob")
            spans = [{"start": a, "end": a + len("Sukamaju"), "label": "LOC"},
                     {"start": b, "end": b + len("Brimob"), "label": "POLICE_UNIT"}]
            f.write(json.dumps({"text": text, "spans": spans, "answer": "accept"}) + "\n")
    figures: dict[str, float] = {}
    with timed(figures):
        rc = quiet(lambda: cli(["import", "--store", str(path), "--reviewer", "bench", "--format", "prodigy",
                                str(tasks)]))
    if rc != 0:
        raise SystemExit(f"import of {texts} texts failed ({rc})")
    with store.open(path, reviewer="bench", read_only=True) as st:
        figures["articles"] = st.count()
    return figures


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="1000,3000,9000,27000", help="corrections of the exported text")
    ap.add_argument("--chars", type=int, default=250_000, help="the exported text's length")
    ap.add_argument("--texts", type=int, default=500, help="texts imported")
    ap.add_argument("--held", default="0,3000,27000", help="corrections the store holds before the import")
    ap.add_argument("--work", type=Path, help="a folder to build in (default: a temporary one, removed)")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    args = ap.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-corrections-"))
    work.mkdir(parents=True, exist_ok=True)
    figures: dict[str, dict[str, dict[str, float]]] = {"export": {}, "import": {}}
    try:
        export_one(work, 10, 2000)  # the first export loads the exporters: not a size's time
        print(f"export of one {args.chars // 1000} KB text, jsonl")
        print(f"{'corrections':>11} {'seconds':>8} {'cpu s':>8} {'entities':>8}")
        for n in (int(x) for x in args.sizes.split(",") if x):
            f = figures["export"][str(n)] = export_one(work, n, args.chars)
            print(f"{n:>11,} {f['seconds']:>8.2f} {f['cpu']:>8.2f} {int(f['entities']):>8,}", flush=True)
        print(f"import of {args.texts} texts (prodigy), into a store holding M corrections")
        print(f"{'M':>11} {'seconds':>8} {'cpu s':>8} {'cpu ms/text':>11}")
        for m in (int(x) for x in args.held.split(",") if x):
            f = figures["import"][str(m)] = import_many(work, args.texts, m)
            if f["articles"] < args.texts:
                raise SystemExit(f"the import added {f['articles']} articles, not {args.texts}")
            print(f"{m:>11,} {f['seconds']:>8.2f} {f['cpu']:>8.2f} {1000 * f['cpu'] / args.texts:>11.2f}",
                  flush=True)
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
