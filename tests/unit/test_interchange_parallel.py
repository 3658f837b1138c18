"""Exports in worker processes (store.interchange.parallel) write exactly what one process
writes, byte for byte (spaCy: the same Docs), and Ctrl-C in the middle of one leaves no output,
no temp file and no worker behind. The quick paths hold to their definitions (tokens, escaping).
Also: store-wide corrections reach every exported article."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
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


def _terminal_sigint() -> None:
    """SIGINT as a terminal leaves it: a test run started in the background (``cmd &`` in a
    script, as a CI runner may) has it ignored, the export inherited that, never saw the
    Ctrl-C and finished: every case was skipped."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


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
                            start_new_session=True, preexec_fn=_terminal_sigint)
    workers: list[int] = []
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        workers = _children(proc.pid)
        if len(workers) >= 2:
            break
        time.sleep(0.01)
    assert len(workers) >= 2, "the export never started its workers"
    # at once: 1,200 articles take ~0.2 s, and in CI (two test processes on two cores) a 20 ms
    # sleep let every export finish first; a worker just forked has SIGINT held until it ignores it
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


def random_texts(pieces: list[str], seed: int, count: int, longest: int) -> Iterator[tuple[str, list[int]]]:
    """``count`` texts of up to ``longest`` random pieces, each with up to four random entity
    edges (some outside the text)."""
    rng = random.Random(seed)
    for _ in range(count):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, longest)))
        yield text, [rng.randint(-1, len(text) + 1) for _ in range(rng.randint(0, 4))]


def test_tokens_are_the_pattern_matches_split_at_entity_edges() -> None:
    """Both tokenizers (character classes with numpy; one regex split, offsets by running sums,
    cuts by bisection) against their definition: the token pattern's matches, each cut where an
    entity edge falls inside it."""
    from bisect import bisect_left, bisect_right

    from store.interchange.common import _TOKEN, _split_pattern, _split_quick, split_tokens

    def defined(text: str, cuts: list[int]) -> list[tuple[int, int]]:
        out = []
        ordered = sorted(set(cuts))
        for m in _TOKEN.finditer(text):
            s, e = m.span()
            for c in ordered[bisect_right(ordered, s):bisect_left(ordered, e)]:
                out.append((s, c))
                s = c
            out.append((s, e))
        return out

    pieces = ["ab", " ", "c", ".", "\n", ",", "\u0301", "\u200d", "\ufe0f", "🚓", "🏽", "é", "\t", "  ", "!",
              '"', "polres", "\u00a0", "\x9b", "\x00", "\x1c", "_", "\u0661", "\u01c5", "\u2028", "\u201c",
              "\u00ab", "\u00b2", "\u3000", "\ud800"]
    quick = 0
    for text, cuts in random_texts(pieces, seed=7, count=6000, longest=12):
        fast = _split_quick(text, cuts)
        quick += fast is not None
        for toks in (split_tokens(text, cuts), _split_pattern(text, cuts), fast):
            if toks is None:
                continue
            assert toks.spans() == defined(text, cuts), (text, cuts)
            assert toks.texts == [text[s:e] for s, e in toks.spans()]
            assert toks.spaced() == [text[e:e + 1].isspace() for _, e in toks.spans()]
            assert "".join(g + t for g, t in zip(toks.gaps, [*toks.texts, ""], strict=True)) == text
    assert quick > 1000  # the numpy path was tested, not only the pattern
    # every BMP character: one that attaches to the character before it (a mark, a joiner) sends
    # the text to the pattern; any other is split by its class as the pattern splits it
    for first in range(0, 0x10000, 4096):
        chars = [chr(c) for c in range(first, first + 4096)]
        joins = [c for c in chars if _TOKEN.fullmatch(f"!{c}") or _TOKEN.fullmatch(f"!{c}x")]
        assert all(_split_quick(f"a {c}", []) is None for c in joins)
        text = "".join(f"a{c}b. {c}x\n" for c in chars if c not in joins and c != "\x00")
        cuts = list(range(1, len(text), 37))
        fast = _split_quick(text, cuts)
        if first != 0xD000:  # the one block with lone surrogates (no UTF-32 for them): the pattern's
            assert fast is not None, hex(first)
        if fast is not None:
            assert fast.spans() == defined(text, cuts), hex(first)
            assert fast.texts == [text[s:e] for s, e in fast.spans()]


def test_spacy_words_in_one_pass_are_the_words_of_the_tokens() -> None:
    """The spaCy writer's one-pass words (``quick_words``) against ``words`` over the tokens, on
    random texts of spaces, line breaks, tabs, punctuation, marks and emoji with random entity
    edges: the same words, offsets, flags and texts wherever the quick path takes the text."""
    pytest.importorskip("numpy")

    from store.interchange.common import split_tokens
    from store.interchange.spacy_docbin import quick_words, words

    pieces = ["ab", " ", "c", ".", "\n", ",", "\u0301", "🚓", "é", "\t", "  ", "   ", "!", "polres", "\u00a0",
              "\x9b", "\x00", "_", "\u0661", "\u2028", "\u201c", "\u3000", " \n", "\n "]
    quick = 0
    for text, cuts in random_texts(pieces, seed=11, count=8000, longest=14):
        fast = quick_words(text, cuts)
        if fast is None:
            continue
        quick += 1
        want = words(text, split_tokens(text, cuts))
        for got, exp in zip(fast[:3], want[:3], strict=True):
            assert got.tolist() == list(exp), (text, cuts)
        assert fast[3] == want[3], (text, cuts)
        assert "".join(w + " " * f for w, f in zip(fast[3], fast[2].tolist(), strict=True)) == text
    assert quick > 3000


def test_prodigy_tasks_are_what_orjson_writes_for_their_dicts(sharded: Path) -> None:
    """The joined-pieces task (tokens from number tables) against its definition: orjson's bytes
    for the task as dicts, on the bench store and on texts past the tables' reach."""
    from store.interchange import prodigy
    from store.interchange.common import Tokens, entity_tokens, token_index
    from store.interchange.spacy_docbin import words
    from store.model import Article, Entity

    def defined(item: object, reviewer: str) -> bytes:
        task = orjson.loads(prodigy.task_json(item, reviewer))  # type: ignore[arg-type]
        a = item.article  # type: ignore[attr-defined]
        # the tokens with spaCy's whitespace tokens between them (a line break, a run of spaces)
        starts, ends, flags, texts = words(a.text, entity_tokens(a))
        toks = Tokens(starts.tolist(), ends.tolist(), texts)
        task["tokens"] = [{"text": t, "start": s, "end": e, "id": i, "ws": w} for i, (t, s, e, w)
                          in enumerate(zip(texts, toks.starts, toks.ends, flags.tolist(), strict=True))]
        spans = [(f, last) for f, last in token_index(toks, a.entities) if f >= 0]
        assert [(s["token_start"], s["token_end"]) for s in task["spans"]] == spans
        order = ["text", "meta", "tokens", "spans", "answer", "_input_hash", "_task_hash", "_view_id",
                 "_annotator_id", "_session_id"]
        return orjson.dumps({k: task[k] for k in order})

    with store.open(sharded, reviewer="bench", read_only=True) as st:
        chosen = list(items(st))[:300]
    long = "Polres Bontang patroli, malam. " * 2500  # offsets past 65,536: formatted, not looked up
    chosen.append(type(chosen[0])(Article(id="x", source="x", title="t", text=long,
                                          entities=[Entity(len(long) - 31, len(long) - 17, "POLICE_UNIT",
                                                           "Polres Bontang")]), "todo", {}))
    for item in chosen:
        assert prodigy.task_json(item, "bench") == defined(item, "bench")
    assert orjson.loads(prodigy.task_json(chosen[-1], "bench"))["tokens"][-1]["end"] == len(long) - 1


def test_spacy_docbin_is_what_spacy_writes_for_the_docs(sharded: Path) -> None:
    """The DocBin built from columns (no Doc made) holds what spaCy's own DocBin writes for the
    Docs ``Doc(vocab, words, spaces)`` with ``doc.ents`` from ``char_span``: the same message,
    only compressed at another zlib level, and spaCy reads it back. Texts with runs of spaces,
    line breaks, leading and trailing whitespace, tabs, emoji (the pattern tokenizer) and
    entities that start in whitespace or end inside a word (char_span refuses them)."""
    pytest.importorskip("spacy")
    import zlib

    from spacy.tokens import Doc, DocBin

    from store.interchange import spacy_docbin
    from store.interchange.common import Item, entity_tokens
    from store.model import Article, Entity

    def doc(vocab: object, item: Item) -> Doc:
        a = item.article
        toks = entity_tokens(a)
        words: list[str] = []
        spaces: list[bool] = []
        for i, gap in enumerate(toks.gaps):
            if i and gap.startswith(" "):
                spaces[-1] = True
                gap = gap[1:]
            if gap:
                words.append(gap)
                spaces.append(False)
            if i < len(toks):
                words.append(toks.texts[i])
                spaces.append(False)
        d = Doc(vocab, words=words, spaces=spaces)  # type: ignore[arg-type]
        assert d.text == a.text
        d.ents = [s for e in a.entities if (s := d.char_span(e.start, e.end, label=e.label)) is not None]
        d.user_data = {"article_id": a.id, "title": a.title, "outlet": a.outlet, "status": item.status,
                       "records": [r.id for r in item.records]}
        return d

    def made(text: str, spans: list[tuple[int, int, str]]) -> Item:
        ents = [Entity(s, e, label, text[s:e]) for s, e, label in spans]
        return Item(Article(id=f"x{len(text)}", source="x", title="t", text=text, entities=ents), "todo", {})

    odd = [made("  Polres  Bontang\n\npatroli \n malam.\t", [(2, 8, "ORG"), (10, 17, "LOC"), (1, 8, "ORG")]),
           made("Kapolres 👮🏽 AKBP Alex, di Bontang. ", [(0, 4, "ORG"), (12, 16, "PERSON"), (26, 33, "LOC")]),
           made("satu", [(0, 4, "LOC")]), made(" ", []), made("a \n\n b  c   ", [(5, 6, "LOC")])]
    with store.open(sharded, reviewer="bench", read_only=True) as st:
        chosen = odd + list(items(st))[:200]
    vocab = spacy_docbin.new_vocab()
    theirs = DocBin(attrs=spacy_docbin.ATTRS, store_user_data=True)
    for item in chosen:
        theirs.add(doc(vocab, item))
    ours, n = spacy_docbin.docbin_bytes(chosen)
    assert n == len(chosen)
    assert zlib.decompress(ours) == zlib.decompress(theirs.to_bytes())
    back = list(DocBin().from_bytes(ours).get_docs(vocab))
    assert [d.text for d in back] == [it.article.text for it in chosen]
    assert [(e.start_char, e.label_) for e in back[0].ents] == [(2, "ORG"), (10, "LOC")]  # (1, 8) is no token edge


def test_conll_documents_assembled_are_the_lines_joined(sharded: Path) -> None:
    """The CoNLL document assembled by numpy (``conll.document``) against its definition
    (``conll.document_text``: the lines as strings, joined): on the bench store and on texts
    where a sentence opens inside an entity, an entity crosses a sentence border, a noise line
    holds a sentence, an entity cuts a word, the text is not ASCII, or has no token."""
    from store.interchange import conll
    from store.interchange.common import Item
    from store.model import Article, Entity, Span

    def made(text: str, spans: list[tuple[int, int, str]], noise: tuple[tuple[int, int], ...] = ()) -> Item:
        ents = [Entity(s, e, label, text[s:e]) for s, e, label in spans]
        art = Article(id=f"x{len(text)}", source="x", title="t", text=text, entities=ents,
                      noise=[Span(s, e) for s, e in noise])
        return Item(art, "todo", {})

    crossing = "Polres Dua Sungai. Bontang menggelar patroli."
    noisy = "Baca juga: Polres Lain siaga.\nPolres Tanjung Raya berjaga di TPS 3."
    odd = [made(crossing, [(0, 25, "POLICE_UNIT")]),  # crosses the sentence border: joined
           made("Kapolres ÉLAN, Bripka Ñoño berjaga “di” Gedung Dua. Lalu pulang.",
                [(9, 13, "PERSON"), (15, 26, "PERSON"), (40, 50, "LOC")]),
           made(noisy, [(11, 21, "POLICE_UNIT"), (30, 49, "POLICE_UNIT")], ((0, 29),)),
           made("Polresta Samarinda2024 siaga.", [(0, 18, "POLICE_UNIT")]),  # cuts a word
           made("   ", []), made("", []), made("Satu. Dua tiga.", [])]
    with store.open(sharded, reviewer="bench", read_only=True) as st:
        chosen = odd + list(items(st))[:300]
    quick = 0
    for item in chosen:
        assert conll.document(item) == conll.document_text(item.article).encode("utf-8"), item.article.text[:60]
        quick += conll._assembled(item.article) is not None
    assert quick >= 300  # the numpy path was the one tested
    assert b"B-POLICE_UNIT" in conll.document(odd[2]) and b"Lain" not in conll.document(odd[2])


def test_workers_writing_in_turn_keep_shard_order(sharded: Path, tmp_path: Path) -> None:
    """Workers write their shard into the shared output themselves when it is its turn; a shard
    finished out of turn (here the first shard is slowed down, so the second finishes first) is
    handed over and written by the exporter in its place. The file is what one process writes."""
    from contextlib import closing

    from store.interchange.common import select
    from store.interchange.parallel import chunks

    def work(chosen: object) -> tuple[list[bytes], int]:
        lines = [f"{item.article.id}\n".encode() for item in chosen]  # type: ignore[attr-defined]
        if lines and lines[0] == first:
            time.sleep(1.0)
        return lines, len(lines)

    with store.open(sharded, reviewer="bench", read_only=True) as st:
        first = f"{next(iter(st.corpus.load_shard(st.corpus.shards[0])))}\n".encode()
        sel = select(st)
        want = b"".join(f"{item.article.id}\n".encode() for item in items(st))
        results = {}
        for workers in (1, 2):
            out = tmp_path / f"out{workers}"
            with open(out, "wb") as fh, closing(chunks(st, sel, work, workers=workers, out=fh.fileno())) as done:
                results[workers] = [(c.articles, c.written, c.pieces) for c in done]
            assert out.read_bytes() == want, workers
    assert all(not pieces for _, _, pieces in results[2])
    by_worker = [written for _, written, _ in results[2]]
    # the slow first shard is in turn whenever it ends; the second ended before it: the exporter's
    assert by_worker[0] and not by_worker[1], by_worker


def test_pieces_reach_the_file_in_order_whatever_their_kind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``write_pieces``: more pieces than one writev takes, spilled pieces between them, and a
    writev that writes only part (as the kernel may on a signal or a full disk: simulated by
    cutting what os.writev is given) all end up in the file in order, once."""
    from store.interchange import parallel

    pieces: list[bytes | parallel.Spilled] = [f"{i:05d}-".encode() * (i % 7 + 1) for i in range(1300)]
    for at in (3, 700, 1100):
        spill = tmp_path / f"spill{at}"
        spill.write_bytes(b"S" * at)
        pieces.insert(at, parallel.Spilled(str(spill), at))
    want = b"".join(p if isinstance(p, bytes) else b"S" * p.size for p in pieces)
    real = os.writev

    def short(fd: int, buffers: list[bytes]) -> int:
        return real(fd, buffers[: max(1, len(buffers) // 2)])  # half the buffers, then stop

    for name, patch in (("whole", False), ("short", True)):
        if patch:
            monkeypatch.setattr(parallel.os, "writev", short)
            for at in (3, 700, 1100):
                (tmp_path / f"spill{at}").write_bytes(b"S" * at)
        out = tmp_path / name
        with open(out, "wb") as fh:
            parallel.write_pieces(fh.fileno(), pieces)
        assert out.read_bytes() == want, name
        assert not any((tmp_path / f"spill{at}").exists() for at in (3, 700, 1100))  # copied, removed


def test_a_large_export_leaves_what_is_on_disk_out_of_the_page_cache(tmp_path: Path) -> None:
    """``write_pieces`` lets the page cache drop what reached the disk each time the file passes
    another ``RELEASE_BYTES``: a 4.8 GB export does not fill the cache (on this machine every
    new cache page tripled the kernel's copy). Once the first pieces are on disk (fdatasync),
    the next piece that crosses a mark leaves only itself cached; the bytes are all there."""
    import shutil

    from store.interchange import parallel

    if shutil.which("fincore") is None:
        pytest.skip("fincore (util-linux) is not installed: the page cache cannot be read")
    step = parallel.RELEASE_BYTES
    piece = bytes(range(256)) * (step // 2 // 256)  # half a mark
    out, plain = tmp_path / "big", tmp_path / "plain"

    def cached(path: Path) -> int:
        res = subprocess.run(["fincore", "--bytes", "--noheadings", "--output", "RES", str(path)],
                             capture_output=True, text=True, check=True)
        return int(res.stdout.split()[0])

    with open(plain, "wb") as fh:  # written the usual way, on disk: the cache keeps it all
        for _ in range(6):
            fh.write(piece)
        fh.flush()
        os.fdatasync(fh.fileno())
    with open(out, "wb") as fh:
        fd = fh.fileno()
        for _ in range(5):  # 2.5 marks
            parallel.write_pieces(fd, [piece])
        os.fdatasync(fd)
        parallel.write_pieces(fd, [piece])  # crosses the third mark
    # the usual way keeps (nearly) all of it: otherwise the kernel is dropping every cache and the next line
    # would prove nothing (CI once saw 46 of the 48 MiB, the kernel reclaiming 2 MiB in a loaded minute)
    assert cached(plain) >= 4 * len(piece), cached(plain)
    assert cached(out) <= len(piece) + (1 << 20), cached(out)
    assert out.read_bytes() == plain.read_bytes()


def test_without_isal_the_spacy_parts_are_compressed_by_zlib() -> None:
    """The spacy extra brings ``isal`` (its zlib five times quicker); spaCy installed alone
    still exports: the same format by the standard library's zlib."""
    pytest.importorskip("spacy")
    code = ("import sys, zlib\nsys.modules['isal'] = None\n"
            "from store.interchange import spacy_docbin as s\n"
            "data = b'Polres Bontang ' * 500\n"
            "assert s.compress(data) == zlib.compress(data, s.LEVEL)\nprint('zlib')\n")
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=Path(__file__).resolve().parents[2])
    assert res.stdout.strip() == "zlib", res.stderr
