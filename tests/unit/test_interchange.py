"""Interchange formats proven on a real store: every export read back by tandai's importer into a
fresh store gives the same entities (and statuses, records where the format carries them);
spaCy itself reads the DocBin and `spacy convert` the CoNLL file; the Prodigy and Label Studio
shapes are checked field by field against their published task formats; brat's offsets
re-slice to the exact text. The corpus includes an article with emoji (astral characters) and
combining marks before and inside entities, so offsets are proven to be code points."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest

import store
from store.export import Options, config_path, export_file
from store.interchange.common import items
from store.interchange.importing import import_file

# an emoji before the entities (2 UTF-16 units, 1 code point), combining marks with no precomposed
# form (they survive ingest's NFC) in a name and a place, a flag and a ZWJ sequence in the text
HOSTILE = ("Polres Bontang 🚓🇮🇩 Gelar Patroli Malam Jelang Pilkada 2024\n\n"
           "Bontang – 👮🏽‍♀️ Polres Bontang menggelar patroli malam bersama M\u0303ade Q\u0301orib di Kelurahan "
           "Q\u0301elibes pada Senin (25/11/2024) dengan 40 personel 🙏.\n\n"
           "Kapolres Bontang AKBP Alex Frestian mengatakan patroli akan terus dilakukan.\n")
NAME = "M\u0303ade Q\u0301orib"
PLACE = "Q\u0301elibes"


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory, sample_store_template: Path) -> Iterator[Path]:
    """The samples plus the hostile article, with corrections (add, relabel, remove), two
    reviewers' statuses and records."""
    root = tmp_path_factory.mktemp("interchange")
    path = root / "store"
    shutil.copytree(sample_store_template, path)
    (root / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    with store.open(path, reviewer="rina") as st:
        st.ingest([root / "hostile.txt"])
        hid = next(a.id for a in st.articles() if "🚓" in a.title)
        text = st.article(hid).text
        st.correct_entity(hid, text.index(NAME), text.index(NAME) + len(NAME), "PERSON")
        st.correct_entity(hid, text.index(PLACE), text.index(PLACE) + len(PLACE), "LOC")
        ents = st.article(hid).entities
        rank = next(e for e in ents if e.text == "AKBP")
        st.correct_entity(hid, rank.start, rank.end, None)  # removed
        unit = next(e for e in ents if e.label == "POLICE_UNIT" and e.start > text.index("👮"))
        st.correct_entity(hid, unit.start, unit.end, "MILITARY_UNIT")  # relabelled (on purpose wrong)
        st.correct_entity(hid, unit.start, unit.end, "POLICE_UNIT")  # and back
        sentence = text.index("Bontang –")
        st.add_record(hid, type="patrol", unit="Polres Bontang", location=PLACE, personnel=40,
                      date="2024-11-25", date_text="Senin (25/11/2024)", notes="malam; ✓ 🚓",
                      evidence=[{"start": sentence, "end": text.index("🙏") + 2}])
        st.set_status(hid, "done")
        ids = [a.id for a in st.articles()]
        st.set_status(ids[0], "irrelevant")
        st.set_status(ids[1], "flagged")
        st.add_record(ids[2], **{k: v for k, v in st.draft_record(ids[2], 0, 80).items()
                                 if k in ("type", "unit", "evidence", "date", "location", "partners")}
                      | {"unit": "Polres Uji", "type": "patrol"})
    with store.open(path, reviewer="budi") as st:
        st.set_status(hid, "in_progress")
        st.set_status(ids[3], "skipped")
    yield path


def entities_of(path: Path) -> dict[str, list[tuple[int, int, str, str]]]:
    with store.open(path, reviewer="x", read_only=True) as st:
        return {it.article.id: [(e.start, e.end, e.label, e.text) for e in it.article.entities]
                for it in items(st)}


def statuses_of(path: Path) -> dict[str, dict[str, str]]:
    with store.open(path, reviewer="x", read_only=True) as st:
        return {it.article.id: it.statuses for it in items(st) if it.statuses}


def export(source: Path, out: Path, fmt: str, **opts: object) -> Path:
    with store.open(source, reviewer="rina", read_only=True) as st:
        export_file(st, out, fmt, options=Options(**opts))  # type: ignore[arg-type]
    return out


def round_trip(source: Path, tmp: Path, fmt: str, name: str) -> tuple[Path, store.interchange.importing.ImportReport]:
    out = export(source, tmp / name, fmt)
    fresh = tmp / "fresh"
    with store.open(fresh, reviewer="importer") as st:
        report = import_file(st, out, fmt)
    return fresh, report


@pytest.mark.parametrize(("fmt", "name"), [("prodigy", "t.jsonl"), ("doccano", "t.jsonl"),
                                           ("labelstudio", "t.json"), ("brat", "brat")])
def test_round_trip_gives_the_same_entities(source: Path, tmp_path: Path, fmt: str, name: str) -> None:
    fresh, report = round_trip(source, tmp_path, fmt, name)
    want = entities_of(source)
    assert report.skipped == []
    assert report.added == len(want)
    got = entities_of(fresh)
    assert got.keys() == want.keys()  # same article ids as ingest made
    for aid, ents in want.items():
        assert got[aid] == ents, aid
    hostile = next(aid for aid, ents in want.items() if any(e[3] == NAME for e in ents))
    assert any(e[3] == PLACE and e[2] == "LOC" for e in got[hostile])
    assert not any(e[3] == "AKBP" for e in got[hostile])  # the removal travelled


@pytest.mark.parametrize(("fmt", "name"), [("prodigy", "t.jsonl"), ("doccano", "t.jsonl"),
                                           ("labelstudio", "t.json")])
def test_round_trip_carries_every_reviewers_status(source: Path, tmp_path: Path, fmt: str, name: str) -> None:
    fresh, report = round_trip(source, tmp_path, fmt, name)
    assert statuses_of(fresh) == statuses_of(source)
    assert {"rina", "budi"} <= report.reviewers


def test_brat_round_trip_carries_the_records(source: Path, tmp_path: Path) -> None:
    fresh, report = round_trip(source, tmp_path, "brat", "brat")
    keep = ("type", "unit", "date", "date_text", "location", "partners", "personnel", "phase", "notes",
            "reviewer")

    def records(path: Path) -> list[tuple[object, ...]]:
        with store.open(path, reviewer="x", read_only=True) as st:
            return sorted((r.article_id, *(getattr(r, k) for k in keep),
                           tuple((s.start, s.end, s.text) for s in r.evidence)) for r in st.records())

    assert report.records == 2
    assert records(fresh) == records(source)


def test_imports_are_idempotent(source: Path, tmp_path: Path) -> None:
    out = export(source, tmp_path / "t.jsonl", "prodigy")
    with store.open(tmp_path / "fresh", reviewer="importer") as st:
        import_file(st, out, "prodigy")
        again = import_file(st, out, "prodigy")
        assert (again.added, again.corrections, again.statuses) == (0, 0, 0)
        assert again.present == again.docs
    # and an article ingested from its file is the one the import finds
    with store.open(source, reviewer="rina") as st:
        again = import_file(st, out, "prodigy")
        assert (again.added, again.corrections) == (0, 0)


def test_offsets_are_code_points(source: Path, tmp_path: Path) -> None:
    out = export(source, tmp_path / "t.jsonl", "prodigy")
    task = next(t for t in map(orjson.loads, out.read_bytes().splitlines()) if "🚓" in t["text"])
    text = task["text"]
    span = next(s for s in task["spans"] if s["label"] == "PERSON")
    assert (span["start"], span["end"]) == (text.index(NAME), text.index(NAME) + len(NAME))
    utf16_start = len(text[: span["start"]].encode("utf-16-le")) // 2
    assert utf16_start > span["start"]  # the emoji before it would shift a UTF-16 offset
    for s in task["spans"]:
        assert text[s["start"]:s["end"]]  # every span slices to non-empty text
    # the combining mark stays inside its word's token
    tok = next(t for t in task["tokens"] if t["text"].startswith("M\u0303"))
    assert tok["text"] == "M\u0303ade"


def test_noise_is_not_exported_as_entities(source: Path, tmp_path: Path) -> None:
    with store.open(source, reviewer="x", read_only=True) as st:
        for it in items(st):
            for e in it.article.entities:
                assert not any(n.start < e.end and e.start < n.end for n in it.article.noise)


def test_prodigy_tasks_have_the_ner_manual_shape(source: Path, tmp_path: Path) -> None:
    """prodi.gy/docs/api-interfaces#ner_manual: text, tokens (text, start, end, id, ws), spans
    (start, end, token_start, token_end inclusive, label), answer, _input_hash/_task_hash ints."""
    out = export(source, tmp_path / "t.jsonl", "prodigy")
    tasks = [orjson.loads(line) for line in out.read_bytes().splitlines()]
    assert len(tasks) == len(entities_of(source))
    for t in tasks:
        assert isinstance(t["text"], str)
        assert t["answer"] in ("accept", "reject", "ignore")
        for key in ("_input_hash", "_task_hash"):
            assert type(t[key]) is int and -2**31 <= t[key] < 2**31
        assert t["_view_id"] == "ner_manual" and t["_annotator_id"] == "rina"
        for i, tok in enumerate(t["tokens"]):
            assert set(tok) == {"text", "start", "end", "id", "ws"} and tok["id"] == i
            assert t["text"][tok["start"]:tok["end"]] == tok["text"] and isinstance(tok["ws"], bool)
        for s in t["spans"]:
            assert set(s) == {"start", "end", "token_start", "token_end", "label"}
            assert t["tokens"][s["token_start"]]["start"] == s["start"]
            assert t["tokens"][s["token_end"]]["end"] == s["end"]  # inclusive
        assert t["meta"]["article_id"]
    answers = {t["meta"]["status"]: t["answer"] for t in tasks}
    assert answers["done"] == "accept" and answers["irrelevant"] == "reject"


def test_labelstudio_tasks_match_their_config(source: Path, tmp_path: Path) -> None:
    """labelstud.io/guide/tasks (Basic Label Studio JSON format) and /guide/predictions: data.text;
    annotations[].result[] with from_name, to_name, type "labels", value start/end/text/labels;
    the names are the config's Labels name and Text name."""
    out = export(source, tmp_path / "tasks.json", "labelstudio")
    tasks = orjson.loads(out.read_bytes())
    config = ET.fromstring(config_path(out).read_text(encoding="utf-8"))
    labels_tag = config.find("Labels")
    text_tag = config.find("Text")
    assert labels_tag is not None and text_tag is not None
    assert text_tag.get("value") == "$text" and labels_tag.get("toName") == text_tag.get("name")
    allowed = {lab.get("value") for lab in labels_tag.findall("Label")}
    assert {"POLICE_UNIT", "LOC", "PERSON"} <= allowed
    for task in tasks:
        text = task["data"]["text"]
        # a finished article's entities are an annotation, any other's predictions (pre-annotations)
        finished = "done" in task["data"]["statuses"].values()
        (ann,) = task["annotations" if finished else "predictions"]
        assert ("predictions" in task) != finished and type(task["id"]) is int
        for r in ann["result"]:
            assert (r["from_name"], r["to_name"], r["type"]) == (labels_tag.get("name"), text_tag.get("name"), "labels")
            v = r["value"]
            assert text[v["start"]:v["end"]] == v["text"] and v["labels"][0] in allowed


def test_brat_offsets_reslice_to_the_exact_text(source: Path, tmp_path: Path) -> None:
    folder = export(source, tmp_path / "brat", "brat")
    conf = (folder / "annotation.conf").read_text(encoding="utf-8")
    assert "[entities]" in conf and "POLICE_UNIT" in conf and "[events]" in conf
    assert (folder / "visual.conf").is_file()
    anns = sorted(folder.glob("*.ann"))
    assert len(anns) == len(entities_of(source))
    lines = 0
    events = 0
    for ann in anns:
        text = ann.with_suffix(".txt").read_text(encoding="utf-8")
        tids = set()
        for line in ann.read_text(encoding="utf-8").splitlines():
            if line.startswith("T"):
                tid, kind_offsets, shown = line.split("\t")
                frags = [tuple(map(int, f.split())) for f in kind_offsets.split(" ", 1)[1].split(";")]
                assert " ".join(text[s:e] for s, e in frags) == shown
                tids.add(tid)
                lines += 1
            elif line.startswith("E"):
                events += 1
                for arg in line.split("\t")[1].split():
                    assert arg.split(":")[1] in tids
    assert lines > 100 and events == 2


def test_spacy_reads_the_docbin(source: Path, tmp_path: Path) -> None:
    spacy = pytest.importorskip("spacy")
    from spacy.tokens import DocBin

    out = export(source, tmp_path / "t.spacy", "spacy")
    docs = list(DocBin().from_bytes(out.read_bytes()).get_docs(spacy.blank("id").vocab))
    want = entities_of(source)
    with store.open(source, reviewer="x", read_only=True) as st:
        texts = {it.article.id: it.article.text for it in items(st)}
    assert len(docs) == len(want)
    for doc in docs:
        aid = doc.user_data["article_id"]
        assert doc.text == texts[aid]
        assert [(e.start_char, e.end_char, e.label_, e.text) for e in doc.ents] == [tuple(x) for x in want[aid]]


def test_spacy_convert_reads_the_conll_file(source: Path, tmp_path: Path) -> None:
    spacy = pytest.importorskip("spacy")
    from spacy.tokens import DocBin

    out = export(source, tmp_path / "t.conll", "conll")
    done = subprocess.run([sys.executable, "-m", "spacy", "convert", str(out), str(tmp_path), "--converter", "ner"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr + done.stdout
    docs = list(DocBin().from_bytes((tmp_path / "t.spacy").read_bytes()).get_docs(spacy.blank("xx").vocab))
    want = entities_of(source)
    assert len(docs) == len(want)
    # the same entities, article by article (CoNLL keeps no offsets or spacing: by text and label)
    for doc, ents in zip(docs, want.values(), strict=True):
        assert [("".join(e.text.split()), e.label_) for e in doc.ents] == [("".join(e[3].split()), e[2]) for e in ents]


def test_conll_round_trip_gives_the_same_entity_texts(source: Path, tmp_path: Path) -> None:
    fresh, report = round_trip(source, tmp_path, "conll", "t.conll")
    assert report.skipped == [] and report.docs == len(entities_of(source))

    def squash(s: str) -> str:
        return "".join(s.split())

    want = [[(squash(e[3]), e[2]) for e in ents] for ents in entities_of(source).values()]
    with store.open(fresh, reviewer="x", read_only=True) as st:
        got = [[(squash(e.text), e.label) for e in it.article.entities] for it in items(st)]
    assert got == want


def test_events_table_has_a_row_per_record(source: Path, tmp_path: Path) -> None:
    import csv

    out = export(source, tmp_path / "e.csv", "events")
    rows = list(csv.DictReader(out.read_text(encoding="utf-8").splitlines()))
    assert len(rows) == 2
    row = next(r for r in rows if r["actor1"] == "Polres Bontang")
    assert (row["event_date"], row["time_precision"], row["event_type"], row["personnel"]) == \
           ("2024-11-25", "1", "patrol", "40")
    assert row["location"] == PLACE and "🙏" in row["notes"] and row["reviewer"] == "rina"
    as_json = orjson.loads(export(source, tmp_path / "e.json", "events", json=True).read_bytes())
    assert [r["event_id_cnty"] for r in as_json] == [r["event_id_cnty"] for r in rows]


def test_a_query_selects_what_is_exported(source: Path, tmp_path: Path) -> None:
    out = export(source, tmp_path / "t.jsonl", "doccano", query="status:done")
    rows = [orjson.loads(line) for line in out.read_bytes().splitlines()]
    assert [r["status"] for r in rows] == ["done"]
    with pytest.raises(store.QueryError):
        export(source, tmp_path / "u.jsonl", "doccano", query="date:nonsense")


def test_records_by_one_reviewer(source: Path, tmp_path: Path) -> None:
    from store.interchange.common import reviewer_records

    out = export(source, tmp_path / "e.csv", "events", records=reviewer_records("budi"))
    assert out.read_text(encoding="utf-8").count("\n") == 1  # the header only: budi coded no record


def test_malformed_rows_are_skipped_with_their_line_and_nothing_half_imported(tmp_path: Path) -> None:
    good = {"text": "Polres Bontang menggelar patroli.", "spans": [{"start": 0, "end": 14, "label": "POLICE_UNIT"}]}
    lines = [orjson.dumps(good),
             b"{not json",
             orjson.dumps({"text": "Polsek Baru patroli.", "spans": [{"start": 0, "end": 11, "label": "POLICE_UNIT"},
                                                                    {"start": 5, "end": 99, "label": "LOC"}]}),
             orjson.dumps({"text": "Polsek Lain patroli.", "spans": [{"start": 0, "end": 11, "label": "ORG"}]}),
             b"[1, 2]"]
    f = tmp_path / "in.jsonl"
    f.write_bytes(b"\n".join(lines) + b"\n")
    with store.open(tmp_path / "s", reviewer="rina") as st:
        report = import_file(st, f, "prodigy")
        assert [w for w, _ in report.skipped] == ["line 2", "line 3", "line 4", "line 5"]
        assert "outside the text" in report.skipped[1][1] and "'ORG' is not a label" in report.skipped[2][1]
        assert st.count() == 1  # the bad rows' texts were not added either
        (a,) = list(st.articles())
        assert [(e.text, e.label) for e in st.article(a.id).entities] == [("Polres Bontang", "POLICE_UNIT")]


def test_labelstudio_annotators_become_reviewers(tmp_path: Path) -> None:
    tasks = [{"data": {"text": "Polres Bontang dan KPU Bontang."},
              "annotations": [{"completed_by": {"id": 3, "email": "sari@example.org"},
                               "result": [{"from_name": "label", "to_name": "text", "type": "labels",
                                           "value": {"start": 19, "end": 30, "text": "KPU Bontang",
                                                     "labels": ["ELECTION_BODY"]}}]}]}]
    f = tmp_path / "ls.json"
    f.write_bytes(orjson.dumps(tasks))
    with store.open(tmp_path / "s", reviewer="rina") as st:
        report = import_file(st, f, "labelstudio")
        assert report.reviewers == {"sari@example.org"}
        (a,) = list(st.articles())
        assert {o["reviewer"] for o in st.overrides(a.id)} == {"sari@example.org"}


def test_spacy_missing_is_one_clear_line(source: Path, tmp_path: Path) -> None:
    code = ("import sys; sys.modules['spacy'] = None\n"
            "import store\nfrom store.export import export_file\n"
            f"st = store.open({str(source)!r}, read_only=True)\n"
            "try:\n export_file(st, __import__('pathlib').Path(sys.argv[1]), 'spacy')\n"
            "except store.StoreError as e:\n print(e)\n")
    done = subprocess.run([sys.executable, "-c", code, str(tmp_path / "x.spacy")], capture_output=True, text=True,
                          timeout=60)
    assert done.stdout.strip() == "the spacy format needs spaCy, which is not installed: pip install 'tandai[spacy]'"
    assert not (tmp_path / "x.spacy").exists()


def test_spacy_to_a_folder_writes_docbin_parts(source: Path, tmp_path: Path) -> None:
    spacy = pytest.importorskip("spacy")
    from spacy.tokens import DocBin

    from store.interchange import spacy_docbin

    with store.open(source, reviewer="x", read_only=True) as st:
        n = spacy_docbin.write_parts(items(st), tmp_path / "parts", size=20)
    parts = sorted((tmp_path / "parts").glob("part-*.spacy"))
    assert [p.name for p in parts] == [f"part-{i:05d}.spacy" for i in range(1, len(parts) + 1)]
    docs = [d for p in parts for d in DocBin().from_disk(p).get_docs(spacy.blank("id").vocab)]
    assert len(docs) == n == len(entities_of(source)) and len(parts) == -(-n // 20)


def test_events_name_the_province_and_regency(source: Path, tmp_path: Path) -> None:
    import csv

    rows = list(csv.DictReader(export(source, tmp_path / "e.csv", "events").read_text(encoding="utf-8").splitlines()))
    row = next(r for r in rows if r["actor1"] == "Polres Bontang")
    assert (row["admin1"], row["admin2"]) == ("Kalimantan Timur", "Bontang")  # from the unit: the place is a village


def test_doccano_relations_join_a_records_unit_to_its_slots(source: Path, tmp_path: Path) -> None:
    out = export(source, tmp_path / "r.jsonl", "doccano", relations=True)
    rows = [orjson.loads(line) for line in out.read_bytes().splitlines()]
    row = next(r for r in rows if "🚓" in r["text"])
    ents = {e["id"]: e for e in row["entities"]}
    for e in ents.values():
        assert set(e) == {"id", "label", "start_offset", "end_offset"}
    units = row["text"].encode("utf-16-le")  # doccano's offsets count UTF-16 units (row["offsets"])

    def shown(e: dict[str, int]) -> str:
        return units[2 * e["start_offset"]:2 * e["end_offset"]].decode("utf-16-le")

    assert row["offsets"] == "utf-16"
    types = {}
    for rel in row["relations"]:
        src, dst = ents[rel["from_id"]], ents[rel["to_id"]]
        assert shown(src) == "Polres Bontang"
        types[rel["type"]] = shown(dst)
    assert types["patrol:Location"] == PLACE and types["patrol:Personnel"] == "40 personel"
    assert types["patrol:Date"] == "Senin (25/11/2024)"
    # and the relation shape imports like the plain one
    with store.open(tmp_path / "fresh", reviewer="importer") as st:
        report = import_file(st, out, "doccano")
    assert report.skipped == [] and entities_of(tmp_path / "fresh") == entities_of(source)
