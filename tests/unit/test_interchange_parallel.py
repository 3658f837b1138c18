"""Exports in worker processes (store.interchange.parallel) write exactly what one process
writes, byte for byte (spaCy: the same Docs), and Ctrl-C in the middle of one leaves no output,
no temp file and no worker behind. The quick paths hold to their definitions (tokens, escaping).
Also: store-wide corrections reach every exported article."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest

import store
from bench.bench_export import build
from store.export import Options, export_file
from store.interchange.common import items

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def sharded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """1,200 articles in five shards (60 ingested for real, copied), with corrections, records
    and statuses, as the export bench builds its store."""
    work = tmp_path_factory.mktemp("sharded")
    path = build(work / "store", 1200, 60, work)
    assert len(list((path / "corpus").glob("shard-*.meta.json"))) >= 3
    return path


def export(path: Path, out: Path, fmt: str, workers: int, **opts: object) -> Path:
    with store.open(path, reviewer="bench", read_only=True) as st:
        export_file(st, out, fmt, options=Options(workers=workers, **opts))  # type: ignore[arg-type]
    return out


STREAMS = [("jsonl", "a.jsonl", {}), ("csv", "a.csv", {}), ("prodigy", "p.jsonl", {}),
           ("doccano", "d.jsonl", {}), ("doccano", "r.jsonl", {"relations": True}),
           ("labelstudio", "ls.json", {}), ("conll", "c.conll", {}), ("events", "e.csv", {}),
           ("events", "e.json", {"json": True}), ("prodigy", "q.jsonl", {"query": "polres"})]


@pytest.mark.parametrize(("fmt", "name", "opts"), STREAMS)
def test_two_processes_write_the_same_bytes_as_one(sharded: Path, tmp_path: Path, fmt: str, name: str,
                                                   opts: dict[str, object]) -> None:
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    one = export(sharded, tmp_path / "one" / name, fmt, 1, **opts)
    two = export(sharded, tmp_path / "two" / name, fmt, 2, **opts)
    assert one.stat().st_size > 1000
    assert one.read_bytes() == two.read_bytes()


def test_brat_in_two_processes_is_the_same_folder(sharded: Path, tmp_path: Path) -> None:
    one = export(sharded, tmp_path / "one", "brat", 1)
    two = export(sharded, tmp_path / "two", "brat", 2)
    names = sorted(p.name for p in one.iterdir())
    assert len(names) == 2 * 1200 + 2 and names == sorted(p.name for p in two.iterdir())
    for name in names:
        assert (one / name).read_bytes() == (two / name).read_bytes(), name
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temp folder left


def test_spacy_parts_in_two_processes_hold_the_same_docs(sharded: Path, tmp_path: Path) -> None:
    spacy = pytest.importorskip("spacy")
    from spacy.tokens import DocBin

    def docs(folder: Path) -> list[tuple[object, ...]]:
        vocab = spacy.blank("id").vocab
        return [(d.text, [(e.start_char, e.end_char, e.label_) for e in d.ents], d.user_data,
                 [t.norm_ for t in d]) for p in sorted(folder.glob("part-*.spacy"))
                for d in DocBin().from_disk(p).get_docs(vocab)]

    one = docs(export(sharded, tmp_path / "one", "spacy", 1, folder=True))
    two = docs(export(sharded, tmp_path / "two", "spacy", 2, folder=True))
    assert len(one) == 1200 and one == two
    with store.open(sharded, reviewer="bench", read_only=True) as st:
        want = [(it.article.text, [(e.start, e.end, e.label) for e in it.article.entities]) for it in items(st)]
    assert [(text, ents) for text, ents, *_ in one] == want


def test_a_spacy_parts_folder_is_not_written_over_someone_elses(sharded: Path, tmp_path: Path) -> None:
    keep = tmp_path / "mine"
    keep.mkdir()
    (keep / "notes.txt").write_text("mine")
    with pytest.raises(store.StoreError, match="not a spaCy parts export"):
        export(sharded, keep, "spacy", 2, folder=True)
    assert [p.name for p in keep.iterdir()] == ["notes.txt"]


def _children(pid: int) -> list[int]:
    try:
        return [int(x) for x in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


@pytest.mark.parametrize(("fmt", "out"), [("prodigy", "p.jsonl"), ("brat", "brat"), ("spacy", "parts/")])
def test_ctrl_c_mid_export_leaves_nothing(sharded: Path, tmp_path: Path, fmt: str, out: str) -> None:
    """Ctrl-C reaches the whole foreground process group (the exporter and its workers), as a
    terminal sends it; the export stops with no output file or folder, no temp file and no
    worker left running."""
    if fmt == "spacy":
        pytest.importorskip("spacy")
    target = tmp_path / out
    proc = subprocess.Popen([sys.executable, "-m", "tui.cli", "export", "--store", str(sharded), "--format", fmt,
                             "--jobs", "2", "--out", str(target) + ("/" if out.endswith("/") else "")],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
                            start_new_session=True)
    workers: list[int] = []
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        workers = _children(proc.pid)
        if len(workers) >= 2:
            break
        time.sleep(0.01)
    assert len(workers) >= 2, "the export never started its workers"
    time.sleep(0.02)  # let them start (1,200 articles take ~0.4 s: a longer wait let it finish)
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    if proc.returncode == 0:
        pytest.skip("the export finished before the interrupt")  # a very fast machine
    assert proc.returncode == 130 and "interrupted" in err and "Traceback" not in err, err
    assert list(tmp_path.iterdir()) == []  # no output, no temp file or folder
    time.sleep(0.2)
    for pid in workers:
        state = Path(f"/proc/{pid}/stat")
        assert not state.exists() or state.read_text().split(") ")[1][0] == "Z", f"worker {pid} still running"


def test_store_wide_corrections_reach_every_exported_article(sample_store_path: Path, tmp_path: Path) -> None:
    """An "everywhere" correction (Store.correct_entity_everywhere) is part of every article's
    entities, including articles that have no correction of their own."""
    with store.open(sample_store_path, reviewer="rina") as st:
        hits = st.search("polres", limit=50).hits
        text = next(e.text for aid in hits for e in st.article(aid).entities if e.label == "POLICE_UNIT")
        st.correct_entity_everywhere(text, "MILITARY_UNIT")
        want = {aid for aid in hits if any(e.text == text for e in st.article(aid).entities)}
        assert want and not any(st.overrides(aid) for aid in want)
    out = export(sample_store_path, tmp_path / "d.jsonl", "doccano", 1)
    rows = {r["article_id"]: r for r in map(orjson.loads, out.read_bytes().splitlines())}
    for aid in want:
        labels = {r[2] for r in rows[aid]["label"] if rows[aid]["text"][r[0]:r[1]] == text}
        assert labels == {"MILITARY_UNIT"}, aid


def test_prodigy_escapes_controls_in_the_text_and_its_tokens(tmp_path: Path) -> None:
    """The token list is spliced in without a search of its own (it repeats the text): a
    control character in the text is escaped in the text and in its token alike."""
    evil = "\x9b31m\u202e\u2028"
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(f"Patroli Bontang\n\nPolres Bontang {evil} menggelar patroli.\n", encoding="utf-8")
    with store.open(tmp_path / "s", reviewer="rina") as st:
        assert st.ingest([src]).added == 1
    data = export(tmp_path / "s", tmp_path / "p.jsonl", "prodigy", 1).read_bytes()
    text = data.decode("utf-8")
    assert not any(c in text for c in "\x9b\u202e\u2028")
    task = orjson.loads(data)
    assert evil in task["text"]
    assert any("\x9b" in t["text"] for t in task["tokens"])


def test_tokens_are_the_pattern_matches_split_at_entity_edges() -> None:
    """The quick tokenizer (one split, offsets by running sums, cuts by bisection) against its
    definition: the token pattern's matches, each cut where an entity edge falls inside it."""
    import random

    from store.interchange.common import _TOKEN, split_tokens

    def defined(text: str, cuts: list[int]) -> list[tuple[int, int]]:
        out = []
        for m in _TOKEN.finditer(text):
            s, e = m.span()
            for c in sorted(set(cuts)):
                if s < c < e:
                    out.append((s, c))
                    s = c
            out.append((s, e))
        return out

    pieces = ["ab", " ", "c", ".", "\n", ",", "\u0301", "\u200d", "\ufe0f", "🚓", "🏽", "é", "\t", "  ", "!",
              '"', "polres", "\u00a0", "\x9b"]
    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        cuts = [rng.randint(0, len(text)) for _ in range(rng.randint(0, 4))]
        toks = split_tokens(text, cuts)
        assert toks.spans() == defined(text, cuts), (text, cuts)
        assert toks.texts == [text[s:e] for s, e in toks.spans()]
        assert toks.spaced() == [text[e:e + 1].isspace() for _, e in toks.spans()]
        assert "".join(g + t for g, t in zip(toks.gaps, [*toks.texts, ""], strict=True)) == text
