"""A text's entity corrections are looked up by article (``ByArticle``, the s27 red team): the
lookup scanned every correction of the store, once or twice for each text an import or export
read, so importing K texts into a store of M corrections took K x M. The index is kept by the one
``_put``/``_delete`` of the annotations, so it must come out right after every way a store
changes: a correction, a batch, a removal, undo, redo, a journal replayed, a snapshot loaded,
``tandai import``, ``tandai merge`` (which may move a correction's key to another article).
Each is compared with the definition: every correction of the store whose article is this one."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import store
from store.interchange.importing import import_file
from store.merge import merge

TANDAI = Path(sys.executable).with_name("tandai")


def tandai(store_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TANDAI_STORE": str(store_path), "TANDAI_REVIEWER": "rina"}
    out = subprocess.run([str(TANDAI), *args], capture_output=True, text=True, env=env, timeout=300)
    assert out.returncode == 0, out.stderr + out.stdout
    return out


def defined(st: store.Store, article_id: str) -> list[dict[str, Any]]:
    """What ``overrides`` means: the store's corrections of the article, oldest first."""
    return sorted((o for o in st.annotations.values("overrides") if o["article_id"] == article_id),
                  key=lambda o: o["seq"])


def assert_indexed(st: store.Store) -> int:
    """Every article's corrections as defined, and the index's keys exactly theirs (no key left
    behind by a delete or a move); returns how many corrections the store holds."""
    ids = [a.id for a in st.articles()]
    ann = st.annotations
    for aid in ids:
        assert st.overrides(aid) == defined(st, aid), aid
        for table, keys in (("overrides", ann.override_ids_for(aid)), ("records", ann.record_ids_for(aid))):
            assert sorted(keys) == sorted(k for k, v in ann.tables[table].items() if v["article_id"] == aid)
    held = sum(len(st.overrides(aid)) for aid in ids)
    assert held == len(list(st.annotations.values("overrides")))
    return held


def _spans(st: store.Store, aid: str) -> list[tuple[int, int, str]]:
    return [(e.start, e.end, e.label) for e in st.article(aid).entities]


def test_corrections_by_article_after_add_undo_redo_replay_and_reload(sample_store_path: Path) -> None:
    with store.open(sample_store_path, reviewer="rina") as st:
        a, b, c = [r.id for r in st.articles()][:3]
        ea, eb, ec = (st.article(x, corrected=False).entities for x in (a, b, c))
        plain = {x: _spans(st, x) for x in (a, b, c)}
        st.correct_entity(a, ea[0].start, ea[0].end, "GOV_ORG")  # relabel
        st.correct_entities(b, [(eb[0].start, eb[0].end, None), (eb[1].start, eb[1].end, "LOC")])
        st.correct_entity(c, ec[0].start, ec[0].end, None)  # remove
        st.correct_entity(a, ea[1].start, ea[1].end, None)
        assert [len(st.overrides(x)) for x in (a, b, c)] == [2, 2, 1]
        assert assert_indexed(st) == 5
        corrected = {x: _spans(st, x) for x in (a, b, c)}
        assert st.undo() and st.undo()  # a's removal, c's removal
        assert [len(st.overrides(x)) for x in (a, b, c)] == [1, 2, 0] and assert_indexed(st) == 3
        assert _spans(st, c) == plain[c]
        assert st.undo()  # b's batch, at once
        assert st.overrides(b) == [] and _spans(st, b) == plain[b] and assert_indexed(st) == 1
        assert st.redo() and st.redo()
        assert [len(st.overrides(x)) for x in (a, b, c)] == [1, 2, 1] and assert_indexed(st) == 4
        assert _spans(st, b) == corrected[b] and _spans(st, c) == corrected[c]
        # another process's view while this one writes: the snapshot plus the journal replayed
        with store.open(sample_store_path, reviewer="budi", read_only=True) as reader:
            assert assert_indexed(reader) == 4 and reader.overrides(b) == st.overrides(b)
        mine = {x: st.overrides(x) for x in (a, b, c)}
    with store.open(sample_store_path, reviewer="rina") as st:  # from the snapshot written on close
        assert {x: st.overrides(x) for x in (a, b, c)} == mine and assert_indexed(st) == 4
        assert _spans(st, a) != plain[a] and _spans(st, c) == corrected[c]


def _task(text: str, *words: tuple[str, str]) -> dict[str, Any]:
    spans = [{"start": text.index(w), "end": text.index(w) + len(w), "label": label} for w, label in words]
    return {"text": text, "spans": spans, "answer": "accept"}


def test_tandai_import_gives_each_text_its_own_corrections(sample_store_path: Path, tmp_path: Path) -> None:
    with store.open(sample_store_path, reviewer="rina") as st:
        held = [r.id for r in st.articles()][:4]
        for aid in held:
            e = st.article(aid, corrected=False).entities[0]
            st.correct_entity(aid, e.start, e.end, "GOV_ORG")
        existing = st.article(held[0], corrected=False).text
    one = "Polres Impor Satu menggelar patroli di Kecamatan Sukamaju pada Senin."
    two = "Sebanyak 40 personel Brimob diterjunkan ke gudang logistik KPU Bontang."
    tasks = tmp_path / "tasks.jsonl"
    tasks.write_text("\n".join(json.dumps(t) for t in (
        _task(one, ("Sukamaju", "LOC"), ("Polres Impor Satu", "GOV_ORG")),
        _task(two, ("Brimob", "GOV_ORG")),
        {"text": existing, "spans": [], "answer": "accept"})) + "\n", encoding="utf-8")
    out = tandai(sample_store_path, "import", "--format", "prodigy", str(tasks))
    assert "2 articles added, 1 already present" in out.stdout
    with store.open(sample_store_path, reviewer="rina") as st:
        assert_indexed(st)
        ids = {st.article(a).text: a for a in (r.id for r in st.articles())}
        for text, words in ((one, {"Sukamaju": "LOC", "Polres Impor Satu": "GOV_ORG"}),
                            (two, {"Brimob": "GOV_ORG"})):
            fixes = st.overrides(ids[text])
            assert {o["text"]: o["label"] for o in fixes if o["action"] != "remove"} == words
            assert {text[e.start:e.end]: e.label for e in st.article(ids[text]).entities} == words
        assert all(len(st.overrides(aid)) == 1 for aid in held[1:])  # the others' untouched
        # the file lists no entity for the text the store held: the ones it had are removed
        assert len(st.overrides(held[0])) > 1
        assert {o["action"] for o in st.overrides(held[0])[1:]} == {"remove"}


def test_a_merge_that_moves_a_correction_to_another_article(sample_store_path: Path, tmp_path: Path) -> None:
    """An export line for B that carries A's correction (the same id, newer: merge reads a line's
    ``corrections``): merged, the key is B's, and A has no correction left."""
    with store.open(sample_store_path, reviewer="rina") as st:
        a, b = [r.id for r in st.articles()][:2]
        ea, eb = st.article(a, corrected=False).entities[0], st.article(b, corrected=False).entities[0]
        moved = st.correct_entity(a, ea.start, ea.end, "GOV_ORG")
        st.correct_entity(b, eb.start, eb.end, "LOC")
        b_text = st.article(b, corrected=False).text
        e2 = st.article(b, corrected=False).entities[1]
    export = tmp_path / "out.jsonl"
    tandai(sample_store_path, "export", "--format", "jsonl", "--out", str(export))
    rows = [json.loads(line) for line in export.read_text(encoding="utf-8").splitlines()]
    row_b = next(r for r in rows if r["id"] == b)
    later = time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime(time.time() + 1))
    row_b["corrections"] = [{
        **moved, "article_id": b, "start": e2.start, "end": e2.end, "text": b_text[e2.start:e2.end],
        "created": later}]
    edited = tmp_path / "edited.jsonl"
    edited.write_text(json.dumps(row_b) + "\n", encoding="utf-8")
    with store.open(sample_store_path, reviewer="rina") as st:
        assert _spans(st, a) != _spans_plain(st, a)
        assert merge(st, [edited]).corrections_added == 1  # in this process: its index moves the key
        assert st.annotations.get("overrides", moved["id"])["article_id"] == b
        assert st.overrides(a) == [] and moved["id"] in [o["id"] for o in st.overrides(b)]
        assert _spans(st, a) == _spans_plain(st, a)
        assert_indexed(st)
        st.undo()  # the merge, one change
        assert [o["id"] for o in st.overrides(a)] == [moved["id"]] and assert_indexed(st)
    with store.open(sample_store_path, reviewer="rina") as st:
        assert [o["id"] for o in st.overrides(a)] == [moved["id"]] and assert_indexed(st)


def _spans_plain(st: store.Store, aid: str) -> list[tuple[int, int, str]]:
    return [(e.start, e.end, e.label) for e in st.article(aid, corrected=False).entities]


# -- time ---------------------------------------------------------------------------------------

def _held_store(path: Path, src: Path, held: int) -> None:
    """A store whose texts hold ``held`` corrections, 1,000 a text (one change each)."""
    import random
    import re

    src.mkdir()
    for i in range(held // 1000):
        words = " ".join(f"Polres Uji {i}-{k} menggelar patroli di Kecamatan Sukamaju {k}." for k in range(300))
        (src / f"held-{i}.txt").write_text(words, encoding="utf-8")
    with store.open(path, reviewer="rina") as st:
        st.ingest([src])
        for n, aid in enumerate(sorted(a.id for a in st.articles())):
            text = st.article(aid, corrected=False).text
            spans = sorted(random.Random(n).sample([(m.start(), m.end()) for m in re.finditer(r"\w+", text)], 1000))
            st.correct_entities(aid, [(s, e, "LOC") for s, e in spans])


def _import_seconds(path: Path, tasks: Path) -> float:
    with store.open(path, reviewer="rina") as st:
        start = time.process_time()  # CPU: the clock also times 800 fsyncs on a shared disk
        report = import_file(st, tasks, "prodigy")
        took = time.process_time() - start
        assert report.added == 400 and not report.skipped
        assert_indexed(st)
    return took


def test_importing_texts_takes_no_longer_in_a_store_holding_many_corrections(tmp_path: Path) -> None:
    """400 texts into an empty store and into one holding 36,000 corrections, CPU seconds. Each
    text's corrections found among all of them: 0.3 s and 1.3 s; looked up: 0.35 s and 0.4 s."""
    tasks = tmp_path / "tasks.jsonl"
    tasks.write_text("".join(json.dumps(_task(
        f"Polres Impor {i} menggelar patroli di Kecamatan Sukamaju {i} pada Senin.",
        ("Sukamaju", "LOC"), (f"Polres Impor {i}", "POLICE_UNIT"))) + "\n" for i in range(400)), encoding="utf-8")
    _held_store(tmp_path / "warm", tmp_path / "warm-src", 1000)  # the recogniser's first use is not timed
    _import_seconds(tmp_path / "warm", tasks)
    empty = _import_seconds(tmp_path / "empty", tasks)
    _held_store(tmp_path / "held", tmp_path / "held-src", 36_000)
    held = _import_seconds(tmp_path / "held", tasks)
    assert held < 1.5 * empty + 0.2, f"{held:.2f} s with 36,000 corrections held, {empty:.2f} s with none"


def test_a_journalled_correction_that_names_no_article_is_refused_then_repaired(
        sample_store_path: Path) -> None:
    """The loader indexes each correction by its article, so one without an article (written by
    something else: its checksum holds) is a malformed entry that ``check --repair`` sets aside.
    Before, the store opened and every article's read failed on it (a KeyError)."""
    from store.disk.journal import encode_line

    with store.open(sample_store_path, reviewer="rina") as st:
        aid = next(st.articles()).id
        e = st.article(aid, corrected=False).entities[0]
        kept = st.correct_entity(aid, e.start, e.end, "GOV_ORG")
        seq = st.annotations.seq
    stray = {"id": "0123456789abcdef", "reviewer": "rina", "action": "remove", "start": 0, "end": 5,
             "label": None, "text": "x", "created": kept["created"], "seq": seq + 1}
    with open(sample_store_path / "annotations" / "journal.jsonl", "ab") as fh:
        fh.write(encode_line({"seq": seq + 1, "ops": [["put", "overrides", stray["id"], stray]]}))
    env = {**os.environ, "TANDAI_STORE": str(sample_store_path), "TANDAI_REVIEWER": "rina"}
    out = subprocess.run([str(TANDAI), "show", aid], capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode != 0 and "Traceback" not in out.stderr, out.stderr
    assert "journal.jsonl" in out.stderr and "tandai check --repair" in out.stderr
    tandai(sample_store_path, "check", "--repair")
    with store.open(sample_store_path, reviewer="rina") as st:
        assert st.overrides(aid) == [kept] and assert_indexed(st) == 1
        assert (e.start, e.end, "GOV_ORG") in _spans(st, aid)
