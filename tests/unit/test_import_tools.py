"""``tandai import`` and ``tandai export`` against what Prodigy, doccano and Label Studio write and
read (the s28 red team's findings), through the installed ``tandai`` command on real files and
real stores.

Prodigy: only a manual task's spans are all of a text's entities; a binary ``ner`` task speaks of
its one span; a task with no spans (text classification, a doccano file) is skipped with its reason.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import orjson
import pytest

import store

TANDAI = Path(sys.executable).with_name("tandai")
T1 = ("Kapolres Paser AKBP Novy Adi Wibowo memimpin patroli bersama Kodim 0904/Paser di Kecamatan Tanah "
      "Grogot pada 27 November 2024. Sebanyak 120 personel dikerahkan ke kantor KPU Paser.\n")
# what the recogniser finds in T1
T1_ENTITIES = [(0, 8, "ROLE"), (15, 19, "RANK"), (20, 35, "PERSON"), (61, 77, "MILITARY_UNIT"),
               (81, 103, "LOC"), (109, 125, "DATE"), (136, 148, "PERSONNEL"), (170, 179, "ELECTION_BODY")]


def tandai(tmp: Path, *args: str, reviewer: str = "rina") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TANDAI_STORE": str(tmp / "store"), "TANDAI_REVIEWER": reviewer,
           "XDG_CONFIG_HOME": str(tmp / "config"), "XDG_DATA_HOME": str(tmp / "data")}
    return subprocess.run([str(TANDAI), *args], capture_output=True, text=True, env=env, timeout=300)


def write_jsonl(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in rows))
    return path


def ingested(tmp: Path, text: str = T1) -> None:
    """The store holds ``text`` as ingest reads it (its recognised entities, no corrections)."""
    (tmp / "in").mkdir(exist_ok=True)
    (tmp / "in" / "t.txt").write_text(text, encoding="utf-8")
    done = tandai(tmp, "ingest", str(tmp / "in" / "t.txt"))
    assert done.returncode == 0, done.stderr


def state(tmp: Path) -> list[tuple[str, list[tuple[int, int, str]], dict[str, str]]]:
    """Each article's text, entities (every correction applied) and statuses."""
    with store.open(tmp / "store", reviewer="x", read_only=True) as st:
        out = []
        for row in st.articles():
            a = st.article(row.id, corrected=False)
            out.append((a.text, [(e.start, e.end, e.label) for e in st.entities(a)], st.statuses(a.id)))
        return out


# -- A1: Prodigy tasks that are not a complete manual annotation ------------------------------------

def import_elsewhere(tmp: Path, exported: str, name: str, fmt: str) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """An export's text written to ``name`` and imported into a fresh store (``tmp/other``)."""
    f = tmp / name
    f.write_text(exported, encoding="utf-8")
    other = tmp / "other"
    other.mkdir()
    return other, tandai(other, "import", str(f), "--format", fmt)


def teach(start: int, end: int, label: str, answer: str) -> dict[str, Any]:
    return {"text": T1, "spans": [{"start": start, "end": end, "label": label}], "answer": answer,
            "_view_id": "ner", "_annotator_id": "ds-alice", "_session_id": "ds-alice"}


def test_binary_accept_keeps_the_other_entities_and_sets_no_status(tmp_path: Path) -> None:
    ingested(tmp_path)
    f = write_jsonl(tmp_path / "teach.jsonl", [teach(61, 77, "MILITARY_UNIT", "accept")])
    done = tandai(tmp_path, "import", str(f), "--format", "prodigy")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 entity corrections, 0 statuses" in done.stdout
    (_, ents, statuses), = state(tmp_path)
    assert ents == T1_ENTITIES  # before: 7 of the 8 removed as ds-alice's corrections
    assert statuses == {}  # before: ds-alice done


def test_binary_rejects_set_no_status(tmp_path: Path) -> None:
    ingested(tmp_path)
    f = write_jsonl(tmp_path / "teach.jsonl", [teach(61, 77, "MILITARY_UNIT", "accept"),
                                                teach(81, 103, "LOC", "reject")])
    done = tandai(tmp_path, "import", str(f), "--format", "prodigy")
    assert done.returncode == 0, done.stdout + done.stderr
    (_, _, statuses), = state(tmp_path)
    assert statuses == {}  # before: ds-alice irrelevant, although a binary reject rejects one span


def test_binary_accept_adds_its_span_and_reject_removes_only_its_span(tmp_path: Path) -> None:
    ingested(tmp_path)
    f = write_jsonl(tmp_path / "teach.jsonl", [
        teach(9, 14, "LOC", "accept"),  # new: added
        teach(81, 103, "LOC", "reject"),  # the recogniser's LOC: removed
        teach(20, 35, "LOC", "reject"),  # a PERSON there, not a LOC: kept
        teach(170, 179, "ELECTION_BODY", "accept")])  # already there: nothing
    done = tandai(tmp_path, "import", str(f), "--format", "prodigy")
    assert "2 entity corrections, 0 statuses" in done.stdout, done.stdout
    (_, ents, _), = state(tmp_path)
    assert ents == sorted([e for e in T1_ENTITIES if e[:2] != (81, 103)] + [(9, 14, "LOC")])


def test_tasks_without_spans_are_skipped_with_their_reason(tmp_path: Path) -> None:
    """Text classification and choice tasks, and a doccano file read as Prodigy, say nothing about
    entities: before, each removed every recognised entity and set the annotator's status."""
    ingested(tmp_path)
    f = write_jsonl(tmp_path / "textcat.jsonl", [
        {"text": T1, "label": "RELEVANT", "answer": "accept", "_view_id": "classification",
         "_annotator_id": "ds-alice"},
        {"text": T1, "options": [{"id": "A", "text": "A"}], "accept": ["A"], "answer": "accept",
         "_view_id": "choice", "_annotator_id": "ds-bob"},
        {"text": T1, "label": [[0, 8, "ROLE"]]},  # doccano's shape
        {"text": T1, "spans": [{"start": 0, "end": 8, "label": "ROLE"}], "answer": "accept",
         "_view_id": "relations"}])
    done = tandai(tmp_path, "import", str(f), "--format", "prodigy")
    assert done.returncode == 1  # no usable row
    assert done.stdout.splitlines() == [
        f"skipped {f} line 1: a 'classification' task without a spans list says nothing about entities",
        f"skipped {f} line 2: a 'choice' task without a spans list says nothing about entities",
        f"skipped {f} line 3: a task without a spans list says nothing about entities",
        f"skipped {f} line 4: a 'relations' task: tandai reads ner_manual, spans_manual and binary ner tasks",
        "textcat.jsonl: nothing imported (4 rows skipped)"]
    (_, ents, statuses), = state(tmp_path)
    assert (ents, statuses) == (T1_ENTITIES, {})


def test_manual_tasks_are_still_the_texts_entities(tmp_path: Path) -> None:
    ingested(tmp_path)
    f = write_jsonl(tmp_path / "manual.jsonl", [
        {"text": T1, "spans": [{"start": 0, "end": 8, "label": "ROLE"}], "answer": "accept",
         "_view_id": "ner_manual", "_annotator_id": "alice"}])
    done = tandai(tmp_path, "import", str(f), "--format", "prodigy")
    assert done.returncode == 0, done.stdout
    (_, ents, statuses), = state(tmp_path)
    assert ents == [(0, 8, "ROLE")] and statuses == {"alice": "done"}


# -- A9: doccano rows with both span keys, an older shape, or none --------------------------------

def test_doccano_row_with_entities_and_label_reads_the_one_holding_spans(tmp_path: Path) -> None:
    ingested(tmp_path)
    f = write_jsonl(tmp_path / "d.jsonl", [
        {"id": 1, "text": T1, "entities": [], "relations": [], "label": [[0, 8, "ROLE"], [9, 14, "LOC"]],
         "Comments": []}])
    done = tandai(tmp_path, "import", str(f), "--format", "doccano")
    assert done.returncode == 0, done.stdout
    (_, ents, _), = state(tmp_path)
    assert ents == [(0, 8, "ROLE"), (9, 14, "LOC")]  # before: entities (empty) won, every entity removed


def test_doccano_rows_that_say_nothing_about_entities_change_none(tmp_path: Path) -> None:
    ingested(tmp_path)
    f = write_jsonl(tmp_path / "d.jsonl", [
        {"id": 1, "text": T1, "meta": {}, "annotation_approver": None,  # doccano 1.0
         "annotations": [{"label": 3, "start_offset": 0, "end_offset": 8, "user": 1}]},
        {"id": 2, "text": T1, "entities": [{"id": 1, "label": "ROLE", "start_offset": 0, "end_offset": 8}],
         "label": [[9, 14, "LOC"]]},
        {"id": 3, "text": T1, "label": ["RELEVANT"]},  # text classification
        {"id": 4, "text": T1, "status": "done", "reviewer": "sari"}])  # no span key at all
    done = tandai(tmp_path, "import", str(f), "--format", "doccano")
    assert done.returncode == 0, done.stdout
    assert done.stdout.splitlines()[:3] == [
        f"skipped {f} line 1: doccano 1.x annotations (label ids, no label names) are not read: "
        "export the project again from a current doccano",
        f"skipped {f} line 2: entities and label both hold spans, and they differ",
        f"skipped {f} line 3: label is a list of categories (text classification): nothing about entities"]
    assert "0 entity corrections, 1 statuses" in done.stdout
    (_, ents, statuses), = state(tmp_path)
    assert ents == T1_ENTITIES and statuses == {"sari": "done"}


# -- A2: offsets counted in UTF-16 units by a JavaScript front end ---------------------------------

EMOJI = ("👮🏻\u200d♂️ Polres Bontang menggelar patroli di Kecamatan Bontang Utara bersama Kodim 0908/Bontang "
         "pada 27 November 2024.\n")
SPANS = [("Polres Bontang", "POLICE_UNIT"), ("Kecamatan Bontang Utara", "LOC"), ("Kodim 0908/Bontang", "MILITARY_UNIT")]


def js_slice(text: str, start: int, end: int) -> str:
    """``text.slice(start, end)`` as JavaScript (doccano's and Label Studio's front ends) does it."""
    return text.encode("utf-16-le", "surrogatepass")[2 * start:2 * end].decode("utf-16-le", "surrogatepass")


def utf16(text: str, i: int) -> int:
    return len(text[:i].encode("utf-16-le", "surrogatepass")) // 2


def at(text: str, piece: str) -> tuple[int, int]:
    return text.index(piece), text.index(piece) + len(piece)


def test_doccano_import_reads_doccanos_utf16_offsets(tmp_path: Path) -> None:
    """doccano's offsets after an emoji are UTF-16 units (doccano issue #2290); before, they were
    read as code points: 'olres Bontang ', 'ecamatan Bontang Utara ' … and 0 skipped."""
    rows = [{"text": EMOJI, "label": [[utf16(EMOJI, s), utf16(EMOJI, e), label]
                                      for piece, label in SPANS for s, e in [at(EMOJI, piece)]]},
            # a Python tool's file counts code points: the reading on word edges is taken
            {"text": EMOJI + "2", "label": [[*at(EMOJI, piece), label] for piece, label in SPANS]}]
    f = write_jsonl(tmp_path / "d.jsonl", rows)
    done = tandai(tmp_path, "import", str(f), "--format", "doccano")
    assert done.returncode == 0 and "0 skipped" in done.stdout, done.stdout
    for text, ents, _ in state(tmp_path):
        assert [(text[s:e], label) for s, e, label in ents] == SPANS, text


def test_doccano_export_counts_utf16_units_and_reads_back(tmp_path: Path) -> None:
    ingested(tmp_path, EMOJI)
    out = tandai(tmp_path, "export", "--format", "doccano")
    assert out.returncode == 0, out.stderr
    row = orjson.loads(out.stdout)
    assert row["offsets"] == "utf-16"
    # what doccano shows: the JavaScript slice of each span (before: ' Bontan', '♂️ Polres Bont' …)
    shown = [(js_slice(EMOJI, s, e), label) for s, e, label in row["label"]]
    assert shown == [*SPANS, ("27 November 2024", "DATE")]
    other, done = import_elsewhere(tmp_path, out.stdout, "d.jsonl", "doccano")
    assert done.returncode == 0 and "0 entity corrections" in done.stdout, done.stdout
    assert state(other) == state(tmp_path)


def region(start: int, end: int, text: str, label: str, to_name: str = "text") -> dict[str, Any]:
    return {"from_name": "label", "to_name": to_name, "type": "labels",
            "value": {"start": start, "end": end, "text": text, "labels": [label]}}


def write_json(path: Path, tasks: list[dict[str, Any]]) -> Path:
    path.write_bytes(orjson.dumps(tasks))
    return path


def test_labelstudio_regions_are_checked_against_their_text(tmp_path: Path) -> None:
    """A region's ``value.text`` says where it is: offsets counted in UTF-16 units (a JavaScript
    front end's) are read so; a region on another text field of the task (``to_name``) is not read;
    an annotation whose region fits neither count is skipped. Before, all were put on the body
    shifted ('olres Bontang ', 'Kapolres Pas')."""
    u16 = [region(utf16(EMOJI, s), utf16(EMOJI, e), piece, label)
           for piece, label in SPANS for s, e in [at(EMOJI, piece)]]
    f = write_json(tmp_path / "ls.json", [
        {"data": {"text": EMOJI}, "annotations": [{"completed_by": 1, "result": u16}]},
        {"data": {"title": "Polres Paser Patroli", "text": T1},
         "annotations": [{"completed_by": 1, "result": [region(0, 12, "Polres Paser", "POLICE_UNIT", "title"),
                                                         region(61, 77, "Kodim 0904/Paser", "MILITARY_UNIT")]},
                         {"completed_by": 2, "result": [region(1, 9, "Kapolres", "ROLE")]}]}])
    done = tandai(tmp_path, "import", str(f), "--format", "labelstudio")
    assert done.returncode == 0, done.stdout
    assert done.stdout.splitlines()[:2] == [
        f"skipped {f} task 2: labelstudio-user-1: a region on 'title', not on the text, not read",
        f"skipped {f} task 2: labelstudio-user-2: a region's text 'Kapolres' is not at 1-9 ('apolres ' there), "
        "counted in code points or in UTF-16 units; not imported"]
    got = {text: [(text[s:e], label) for s, e, label in ents] for text, ents, _ in state(tmp_path)}
    assert got == {EMOJI: SPANS, T1: [("Kodim 0904/Paser", "MILITARY_UNIT")]}


def test_labelstudio_submitted_and_skipped_annotations_are_statuses(tmp_path: Path) -> None:
    """A submitted annotation is its annotator's done, a cancelled one (Skip) skipped, so agreement
    sees two finished codings; another model's predictions and drafts are reported, not dropped
    without a word. Before: no status at all, and nothing said of the rest."""
    t2 = T1.replace("Paser", "Kutai")
    f = write_json(tmp_path / "ls.json", [
        {"id": 7, "data": {"text": T1},
         "annotations": [
             {"id": 1, "completed_by": {"id": 1, "email": "alice@x.org"},
              "result": [region(0, 8, "Kapolres", "ROLE"), region(170, 179, "KPU Paser", "ELECTION_BODY")]},
             {"id": 2, "completed_by": 2, "result": [region(170, 179, "KPU Paser", "ELECTION_BODY")]},
             {"id": 3, "completed_by": 3, "result": [], "was_cancelled": True}],
         "predictions": [{"model_version": "m1", "result": [region(61, 77, "Kodim 0904/Paser", "MILITARY_UNIT")]}],
         "drafts": [{"user": "dave@x.org", "result": [region(81, 103, "Kecamatan Tanah Grogot", "LOC")]}]},
        {"id": 8, "data": {"text": t2},
         "predictions": [{"model_version": "m1", "result": [region(0, 8, "Kapolres", "ROLE")]}]}])
    done = tandai(tmp_path, "import", str(f), "--format", "labelstudio")
    assert done.returncode == 0, done.stdout
    assert done.stdout.splitlines()[:2] == [
        f"skipped {f} task 1: a draft by dave@x.org (not submitted) not read",
        f"skipped {f} task 2: 1 prediction(s), a model's suggestions and no annotator's work, not read"]
    got = {text: statuses for text, _, statuses in state(tmp_path)}
    assert got == {T1: {"alice@x.org": "done", "labelstudio-user-2": "done", "labelstudio-user-3": "skipped"},
                   t2: {}}
    agreement = tandai(tmp_path, "agreement")
    assert "nothing to compare" not in agreement.stdout and "alice@x.org" in agreement.stdout, agreement.stdout


# -- B1/B5: the Label Studio export ---------------------------------------------------------------

def test_labelstudio_export_sends_unfinished_articles_as_predictions(tmp_path: Path) -> None:
    """Label Studio counts an annotation as a person's submitted work (the task is then labelled and
    not served): only a finished article's entities are one, the others are predictions, which
    tandai's import reads back. Each task has the integer id Label Studio's converter needs."""
    ingested(tmp_path)
    (tmp_path / "in" / "u.txt").write_text(EMOJI, encoding="utf-8")
    assert tandai(tmp_path, "ingest", str(tmp_path / "in" / "u.txt")).returncode == 0
    with store.open(tmp_path / "store", reviewer="rina") as st:
        ids = {st.article(r.id).text: r.id for r in st.articles()}
        st.correct_entity(ids[EMOJI], *at(EMOJI, "Polres Bontang"), "MILITARY_UNIT")  # corrected, not finished
        st.correct_entity(ids[T1], 15, 19, None)
        st.set_status(ids[T1], "done")
    out = tandai(tmp_path, "export", "--format", "labelstudio")
    assert out.returncode == 0, out.stderr
    tasks = {t["data"]["text"]: t for t in orjson.loads(out.stdout)}
    done, todo = tasks[T1], tasks[EMOJI]
    assert set(done) == {"id", "data", "annotations"} and set(todo) == {"id", "data", "predictions"}
    assert "completed_by" not in done["annotations"][0]  # Label Studio refuses a user it does not have
    assert todo["predictions"][0]["model_version"] == "tandai"
    assert {type(t["id"]) for t in tasks.values()} == {int} and done["id"] != todo["id"]
    assert done["id"] < 2**53
    other, back = import_elsewhere(tmp_path, out.stdout, "ls.json", "labelstudio")
    assert back.returncode == 0 and "0 skipped" in back.stdout, back.stdout
    assert sorted(state(other)) == sorted(state(tmp_path))


def test_a_tandai_export_annotated_in_labelstudio_comes_back_with_its_annotators_done(tmp_path: Path) -> None:
    """tandai → Label Studio → tandai: the task keeps tandai's data (its statuses) and gains a Label
    Studio user's annotation; that user's submission is their done beside the statuses tandai wrote."""
    ingested(tmp_path)
    out = tandai(tmp_path, "export", "--format", "labelstudio")
    (task,) = orjson.loads(out.stdout)
    assert task["data"]["statuses"] == {} and "predictions" in task
    task["annotations"] = [{"id": 1, "completed_by": {"id": 5, "email": "sari@x.org"}, "was_cancelled": False,
                            "result": [region(61, 77, "Kodim 0904/Paser", "MILITARY_UNIT")]}]
    f = write_json(tmp_path / "from-ls.json", [task])
    done = tandai(tmp_path, "import", str(f), "--format", "labelstudio")
    assert done.returncode == 0, done.stdout
    (_, ents, statuses), = state(tmp_path)
    assert statuses == {"sari@x.org": "done"} and ents == [(61, 77, "MILITARY_UNIT")]


# -- B3: Prodigy tokens rebuild the text --------------------------------------------------------

def test_prodigy_tokens_rebuild_the_text_and_spacy_finds_every_span(tmp_path: Path) -> None:
    """Prodigy's ``ws`` is spaCy's ``whitespace_``: the tokens and their spaces rebuild the text,
    whitespace beyond one space (line breaks, runs of spaces, a tab) being a token of its own.
    Before, a token before a line break had ws true and the break was nowhere: the text did not
    rebuild, and spaCy's ``char_span`` found 27 of 29 spans missing."""
    spacy = pytest.importorskip("spacy")
    from spacy.tokens import Doc

    texts = [T1.replace(". Sebanyak", ".\n\nSebanyak").replace("memimpin ", "memimpin  \t"),
             "  " + EMOJI.replace(" di ", "\n \n di ") + "\n\n"]
    for i, text in enumerate(texts):
        (tmp_path / "in").mkdir(exist_ok=True)
        (tmp_path / "in" / f"{i}.txt").write_text(text, encoding="utf-8")
    assert tandai(tmp_path, "ingest", str(tmp_path / "in")).returncode == 0
    out = tandai(tmp_path, "export", "--format", "prodigy")
    assert out.returncode == 0, out.stderr
    tasks = [orjson.loads(line) for line in out.stdout.splitlines()]
    assert len(tasks) == 2 and any("\n\n" in t["text"] for t in tasks)
    vocab = spacy.blank("id").vocab
    for task in tasks:
        toks, text = task["tokens"], task["text"]
        assert "".join(t["text"] + " " * t["ws"] for t in toks) == text
        assert [t["id"] for t in toks] == list(range(len(toks)))
        assert all(text[t["start"]:t["end"]] == t["text"] for t in toks)
        doc = Doc(vocab, words=[t["text"] for t in toks], spaces=[t["ws"] for t in toks])
        assert doc.text == text and task["spans"]
        for s in task["spans"]:
            span = doc.char_span(s["start"], s["end"])
            assert span is not None, (text[s["start"]:s["end"]], s)
            assert (span.start, span.end - 1) == (s["token_start"], s["token_end"])


# -- B6: Prodigy's <dataset>-<session> names ----------------------------------------------------

def manual(session: str) -> dict[str, Any]:
    return {"text": T1, "spans": [{"start": 0, "end": 8, "label": "ROLE"}], "answer": "accept",
            "_view_id": "ner_manual", "_annotator_id": session, "_session_id": session}


@pytest.mark.parametrize(("name", "sessions", "reviewers"), [
    ("ner_pilkada.jsonl", ["ner_pilkada-alice"], {"alice"}),  # prodigy db-out ner_pilkada > ner_pilkada.jsonl
    ("export.jsonl", ["ner-pilkada-alice", "ner-pilkada-bob"], {"alice", "bob"}),  # two sessions show it
    ("export.jsonl", ["ner-pilkada-alice"], {"ner-pilkada-alice"}),  # nothing shows where it ends
])
def test_prodigy_session_names_are_the_reviewers(tmp_path: Path, name: str, sessions: list[str],
                                                 reviewers: set[str]) -> None:
    f = write_jsonl(tmp_path / name, [manual(s) for s in sessions])
    done = tandai(tmp_path, "import", str(f), "--format", "prodigy")
    assert done.returncode == 0, done.stdout
    (_, _, statuses), = state(tmp_path)
    assert set(statuses) == reviewers


def test_tandai_s_own_prodigy_names_are_kept(tmp_path: Path) -> None:
    ingested(tmp_path)
    with store.open(tmp_path / "store", reviewer="t-rex") as st:
        (row,) = list(st.articles())
        st.correct_entity(row.id, 15, 19, None)
        st.set_status(row.id, "done")
    out = tandai(tmp_path, "export", "--format", "prodigy", reviewer="t-rex")
    f = tmp_path / "t.jsonl"  # the file's name is the reviewer's first part: it must not be cut
    f.write_text(out.stdout, encoding="utf-8")
    other = tmp_path / "other"
    other.mkdir()
    assert tandai(other, "import", str(f), "--format", "prodigy").returncode == 0
    assert state(other) == state(tmp_path)
    with store.open(other / "store", reviewer="x", read_only=True) as st:
        (row,) = list(st.articles())
        assert {o["reviewer"] for o in st.overrides(row.id)} == {"t-rex"}


# -- the import pipeline: binary tasks applied, notes carried, texts counted ---------------------

def test_offsets_read_as_utf16_are_counted_in_the_report(tmp_path: Path) -> None:
    from store.interchange.importing import import_file

    regions = [region(utf16(EMOJI, s), utf16(EMOJI, e), piece, label)
               for piece, label in SPANS for s, e in [at(EMOJI, piece)]]
    ls = write_json(tmp_path / "ls.json", [{"data": {"text": EMOJI}, "annotations": [{"result": regions}]}])
    doccano = write_jsonl(tmp_path / "d.jsonl", [{"text": EMOJI, "label": [
        [r["value"]["start"], r["value"]["end"], r["value"]["labels"][0]] for r in regions]}])
    with store.open(tmp_path / "s", reviewer="rina") as st:
        report = import_file(st, ls, "labelstudio")
        assert report.notes == [("task 1", "3 region(s) read as UTF-16 offsets (their text is there)")]
        assert report.summary().endswith("0 skipped, 1 notes")
        report = import_file(st, doccano, "doccano")
        assert report.notes == [("line 1", "offsets read as UTF-16 units (doccano's count)")]


def test_the_summary_counts_texts_not_annotations(tmp_path: Path) -> None:
    ingested(tmp_path)
    f = write_json(tmp_path / "ls.json", [
        {"data": {"text": T1}, "annotations": [
            {"completed_by": 1, "result": [region(0, 8, "Kapolres", "ROLE")]},
            {"completed_by": 2, "result": [region(0, 8, "Kapolres", "ROLE")]},
            {"completed_by": 3, "result": [], "was_cancelled": True}]},
        {"data": {"text": EMOJI}, "annotations": [
            {"completed_by": 1, "result": []}, {"completed_by": 2, "result": []}]}])
    done = tandai(tmp_path, "import", str(f), "--format", "labelstudio")
    assert done.stdout.startswith("ls.json: 2 texts: 1 articles added, 1 already present,"), done.stdout
