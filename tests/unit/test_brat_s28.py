"""brat import and export after the s28 red team, through the installed ``tandai`` on real folders
and real stores (a store is coded through the store API first, as a reviewer would in the
workbench). Each section names the red team's item it answers."""

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
# the recogniser finds POLICE_UNIT 0-14, LOC 19-30 (Kutai Timur), LOC 52-75 and DATE 81-97 here
DOC2 = "Polres Bontang dan Kutai Timur menggelar patroli di Kecamatan Bontang Utara pada 27 November 2024.\n"
T1 = ("Kapolres Paser AKBP Novy Adi Wibowo memimpin patroli bersama Kodim 0904/Paser di Kecamatan Tanah "
      "Grogot pada 27 November 2024. Sebanyak 120 personel dikerahkan ke kantor KPU Paser.\n")
A1 = ("Patroli Pilkada 🚓 di Bontang\n\n👮🏻‍♂️ Polres Bontang menggelar patroli di Kecamatan Bontang Utara pada "
      "27 November 2024. Sebanyak 120 personel dikerahkan bersama Kodim 0908/Bontang ke kantor KPU Bontang.\n"
      "Kapolres AKBP Alex Tobing memimpin apel di halaman Mapolres Bontang.\n")


def tandai(tmp: Path, *args: str, store_dir: str = "store") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TANDAI_STORE": str(tmp / store_dir), "TANDAI_REVIEWER": "tester",
           "XDG_CONFIG_HOME": str(tmp / "config"), "XDG_DATA_HOME": str(tmp / "data")}
    return subprocess.run([str(TANDAI), *args], capture_output=True, text=True, env=env, timeout=300)


def rows(tmp: Path, store_dir: str = "store") -> list[dict[str, Any]]:
    out = tandai(tmp, "export", "--format", "jsonl", store_dir=store_dir)
    assert out.returncode == 0, out.stderr
    return [orjson.loads(line) for line in out.stdout.splitlines()]


def entities(row: dict[str, Any]) -> set[tuple[int, int, str]]:
    return {(e["start"], e["end"], e["label"]) for e in row["entities"]}


def brat(tmp: Path, name: str, text: str, ann: str, *, crlf: bool = False) -> Path:
    folder = tmp / name
    folder.mkdir()
    data = text.replace("\n", "\r\n") if crlf else text
    (folder / "doc.txt").write_bytes(data.encode("utf-8"))
    (folder / "doc.ann").write_text(ann, encoding="utf-8")
    return folder


def skips(out: subprocess.CompletedProcess[str]) -> list[str]:
    return [line for line in out.stdout.splitlines() if line.startswith("skipped ")]


def span(text: str, part: str, after: str = "") -> str:
    start = text.index(part, text.index(after) if after else 0)
    return f"{start} {start + len(part)}"


# -- A10: an unusable T line; a CRLF text ----------------------------------------------------------

def test_a_t_line_tandai_cannot_use_removes_no_recognised_entity(tmp_path: Path) -> None:
    """``Organization`` is no label of the store: the line was skipped and the document imported as
    if the file had only PERSON, removing the 7 other recognised entities (Kodim among them)."""
    ann = ("T1\tOrganization 61 77\tKodim 0904/Paser\n"
           "T2\tPERSON 20 35\tNovy Adi Wibowo\n")
    out = tandai(tmp_path, "import", "--format", "brat", str(brat(tmp_path, "b", T1, ann)))
    assert out.returncode == 0, out.stderr
    assert "doc.ann line 1: T1: 'Organization' is neither a label nor an activity type" in out.stdout
    assert "its entities are not imported, as T1 cannot be used" in out.stdout
    assert "0 entity corrections" in out.stdout
    [row] = rows(tmp_path)
    assert (61, 77, "MILITARY_UNIT") in entities(row) and len(row["entities"]) == 8


def test_a_crlf_text_is_counted_as_brat_counts_it(tmp_path: Path) -> None:
    """brat reads the ``.txt`` without newline translation, so its offsets count each ``\\r``; tandai
    stores ``\\n`` and moved none of them: every T line after the first line break was skipped and the
    document imported with no entities (all recognised ones removed)."""
    text = "Polres Bontang menggelar patroli.\nKapolres AKBP Alex Tobing memimpin di Kecamatan Bontang Utara.\n"
    raw = text.replace("\n", "\r\n")
    ann = (f"T1\tLOC {span(raw, 'Kecamatan Bontang Utara')}\tKecamatan Bontang Utara\n"
           f"T2\tPERSON {span(raw, 'Alex Tobing')}\tAlex Tobing\n"
           f"T3\tPOLICE_UNIT {span(raw, 'Polres Bontang')}\tPolres Bontang\n"
           f"T4\tpatrol {raw.index('Kapolres AKBP')} {raw.index('Utara.') + 6}\t"
           "Kapolres AKBP Alex Tobing memimpin di Kecamatan Bontang Utara.\n"
           "E1\tpatrol:T4 Unit:T3 Location:T1\n")
    out = tandai(tmp_path, "import", "--format", "brat", str(brat(tmp_path, "b", text, ann, crlf=True)))
    assert out.returncode == 0 and not skips(out), out.stdout
    [row] = rows(tmp_path)
    got = {(row["text"][s:e], label) for s, e, label in entities(row)}
    assert got == {("Kecamatan Bontang Utara", "LOC"), ("Alex Tobing", "PERSON"), ("Polres Bontang", "POLICE_UNIT")}
    [rec] = row["records"]
    assert [ev["text"] for ev in rec["evidence"]] == ["Kapolres AKBP Alex Tobing memimpin di Kecamatan Bontang Utara."]


# -- A4: discontinuous spans, negated events, lines not used --------------------------------------

def test_a_discontinuous_entity_is_not_widened_over_the_text_between_its_pieces(tmp_path: Path) -> None:
    """``T1 POLICE_UNIT 0 6;19 30`` ("Polres … Kutai Timur") became the entity 0-30 "Polres Bontang
    dan Kutai Timur" and the record's unit with it. Now the line is named and taken as no entity; the
    record's unit is the annotator's "Polres Kutai Timur"; no recognised entity is removed for it."""
    ann = (f"T1\tPOLICE_UNIT 0 6;19 30\tPolres Kutai Timur\n"
           f"T4\tLOC {span(DOC2, 'Kecamatan Bontang Utara')}\tKecamatan Bontang Utara\n"
           f"T5\tDATE {span(DOC2, '27 November 2024')}\t27 November 2024\n"
           f"T6\tpatrol {span(DOC2, 'patroli')}\tpatroli\n"
           "E1\tpatrol:T6 Unit:T1 Location:T4 Date:T5\n")
    out = tandai(tmp_path, "import", "--format", "brat", str(brat(tmp_path, "b", DOC2, ann)))
    assert out.returncode == 0, out.stderr
    assert "doc.ann line 1: T1 is in pieces with text between them" in out.stdout
    [row] = rows(tmp_path)
    assert not any(e["end"] - e["start"] == 30 for e in row["entities"])
    assert (0, 14, "POLICE_UNIT") in entities(row)  # the recogniser's, not removed
    [rec] = row["records"]
    assert (rec["unit"], rec["location"], rec["date"]) == ("Polres Kutai Timur", "Kecamatan Bontang Utara",
                                                           "2024-11-27")


def test_fragments_split_only_by_a_line_break_are_one_entity(tmp_path: Path) -> None:
    """tandai writes an entity across a line break as two fragments; those join back into one."""
    text = "Polres Paser mengamankan rapat di Kecamatan Tanah\nGrogot pada 5 Desember 2024.\n"
    s = text.index("Kecamatan")
    mid = text.index("\n")
    e = text.index(" pada")
    ann = f"T1\tLOC {s} {mid};{mid + 1} {e}\tKecamatan Tanah Grogot\n"
    out = tandai(tmp_path, "import", "--format", "brat", str(brat(tmp_path, "b", text, ann)))
    assert out.returncode == 0 and not skips(out), out.stdout
    [row] = rows(tmp_path)
    assert entities(row) == {(s, e, "LOC")}


@pytest.mark.parametrize("mark", ["Negation", "Speculation"])
def test_an_event_marked_negation_or_speculation_is_not_a_record(tmp_path: Path, mark: str) -> None:
    ann = (f"T1\tPOLICE_UNIT 0 14\tPolres Bontang\n"
           f"T6\tpatrol {span(DOC2, 'patroli')}\tpatroli\n"
           "E1\tpatrol:T6 Unit:T1\n"
           f"A1\t{mark} E1\n")
    out = tandai(tmp_path, "import", "--format", "brat", str(brat(tmp_path, "b", DOC2, ann)))
    assert out.returncode == 0, out.stderr
    assert f"doc.ann line 3: E1 is marked {mark} (line 4): not imported as a record" in out.stdout
    assert "0 records" in out.stdout
    assert rows(tmp_path)[0]["records"] == []


def test_brat_lines_tandai_does_not_use_are_counted(tmp_path: Path) -> None:
    ann = ("T1\tPOLICE_UNIT 0 14\tPolres Bontang\n"
           f"T2\tLOC {span(DOC2, 'Kutai Timur')}\tKutai Timur\n"
           "R1\tPartner Arg1:T1 Arg2:T2\n"
           "A1\tChecked T1\n"
           "#1\tAnnotatorNotes T2\tchecked by budi\n")
    out = tandai(tmp_path, "import", "--format", "brat", str(brat(tmp_path, "b", DOC2, ann)))
    assert out.returncode == 0, out.stderr
    assert ("doc.ann: 3 brat lines not used: relation (R) on line 3; attribute (A) on line 4; "
            "note (#) on line 5") in out.stdout


# -- B4: overlapping entities ------------------------------------------------------------------------

def test_overlapping_entities_keep_the_longest_and_the_records(tmp_path: Path) -> None:
    """brat allows nested and overlapping entities; the whole document, records included, was
    skipped ("spans 0-14 and 7-14 overlap"). The longest of a group is kept, each other named, and
    the record's slots still resolve (its location is the nested entity's text)."""
    ann = ("T1\tPOLICE_UNIT 0 14\tPolres Bontang\n"
           "T2\tLOC 7 14\tBontang\n"
           f"T3\tLOC {span(DOC2, 'Bontang Utara')}\tBontang Utara\n"
           f"T4\tLOC {span(DOC2, 'Kecamatan Bontang')}\tKecamatan Bontang\n"
           f"T6\tpatrol {span(DOC2, 'patroli')}\tpatroli\n"
           "E1\tpatrol:T6 Unit:T1 Location:T2\n")
    out = tandai(tmp_path, "import", "--format", "brat", str(brat(tmp_path, "b", DOC2, ann)))
    assert out.returncode == 0, out.stderr
    assert "doc.ann line 2: T2 (LOC) overlaps T1 (POLICE_UNIT), which is longer and kept" in out.stdout
    assert "doc.ann line 3: T3 (LOC) overlaps T4 (LOC), which is longer and kept" in out.stdout
    assert "1 records" in out.stdout
    [row] = rows(tmp_path)
    k = DOC2.index("Kecamatan")
    assert {(0, 14, "POLICE_UNIT"), (k, k + len("Kecamatan Bontang"), "LOC")} <= entities(row)
    [rec] = row["records"]
    assert (rec["unit"], rec["location"]) == ("Polres Bontang", "Bontang")


# -- A5, A6: tandai's own export, edited in brat, imported (and merged back) ---------------------------

@pytest.fixture
def coded(tmp_path: Path) -> Path:
    """A store with rina's patrol (a partner no entity spells, done) and budi's apel (done) on one
    article, exported to brat."""
    src = tmp_path / "in"
    src.mkdir()
    (src / "a1.txt").write_text(A1, encoding="utf-8")
    assert tandai(tmp_path, "ingest", str(src)).returncode == 0
    with store.open(tmp_path / "store", reviewer="rina") as st:
        a = st.article(next(iter(st.articles())).id)
        t = a.text
        i = t.index("Polres Bontang menggelar")
        st.add_record(a.id, type="patrol", unit="Polres Bontang", location="Kecamatan Bontang Utara",
                      partners=["Kodim 0908/Bontang", "Polsek Bontang Selatan"], personnel=120,
                      date="2024-11-27", date_text="pada 27 November 2024", notes="malam",
                      evidence=[{"start": i, "end": t.index(".", i) + 1}])
        st.set_status(a.id, "done")
    with store.open(tmp_path / "store", reviewer="budi") as st:
        i = t.index("Kapolres AKBP")
        st.add_record(a.id, type="ceremony_apel", unit="Polres Bontang", location="Mapolres Bontang",
                      date="2024-11-27", evidence=[{"start": i, "end": t.index(".", i) + 1}])
        st.set_status(a.id, "done")
    out = tandai(tmp_path, "export", "--format", "brat", "--out", str(tmp_path / "brat"))
    assert out.returncode == 0, out.stderr
    return tmp_path / "brat"


def edit(folder: Path, *pairs: tuple[str, str]) -> None:
    [ann] = folder.glob("*.ann")
    text = ann.read_text(encoding="utf-8")
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new)
    ann.write_text(text, encoding="utf-8")


def tid(folder: Path, label: str, shown: str) -> str:
    [ann] = folder.glob("*.ann")
    return next(line.split("\t")[0] for line in ann.read_text(encoding="utf-8").splitlines()
                if line.startswith("T") and line.split("\t")[1].split()[0] == label and line.split("\t")[2] == shown)


def test_edits_made_in_brat_win_over_the_note(tmp_path: Path, coded: Path) -> None:
    """The annotator changes rina's location (another entity), her phase, drops the partner Kodim
    and turns budi's apel into coordination (E and T lines, as brat does). The note used to put its
    own values back over every edit. What the lines leave alone comes from the note: the partner no
    entity spells, the exact date text, the notes."""
    loc, mapolres, kodim = (tid(coded, "LOC", "Kecamatan Bontang Utara"), tid(coded, "LOC", "Mapolres Bontang"),
                            tid(coded, "MILITARY_UNIT", "Kodim 0908/Bontang"))
    edit(coded, (f"Location:{loc} Partner:{kodim} ", f"Location:{mapolres} "), ("Phase E1 voting", "Phase E1 campaign"),
         ("\tceremony_apel:", "\tcoordination:"), ("\tceremony_apel ", "\tcoordination "))
    out = tandai(tmp_path, "import", "--format", "brat", str(coded), store_dir="fresh")
    assert out.returncode == 0 and not skips(out), out.stdout
    [row] = rows(tmp_path, "fresh")
    recs = {r["reviewer"]: r for r in row["records"]}
    rina, budi = recs["rina"], recs["budi"]
    assert (rina["location"], rina["phase"], rina["partners"]) == ("Mapolres Bontang", "campaign",
                                                                    ["Polsek Bontang Selatan"])
    assert (rina["date"], rina["date_text"], rina["personnel"], rina["notes"]) == (
        "2024-11-27", "pada 27 November 2024", 120, "malam")
    assert budi["type"] == "coordination"


def test_arguments_left_alone_keep_the_notes_values_and_a_deleted_date_rederives_the_phase(
        tmp_path: Path, coded: Path) -> None:
    """Unedited, every field comes back as it was; a Date argument deleted in brat deletes the date,
    and the phase (not edited) is derived again, as an edit of the date in tandai derives it."""
    out = tandai(tmp_path, "import", "--format", "brat", str(coded), store_dir="same")
    assert out.returncode == 0, out.stdout
    keep = ("type", "unit", "date", "date_text", "location", "partners", "personnel", "phase", "notes", "evidence")
    before = sorted(orjson.dumps({k: r[k] for k in keep}) for r in rows(tmp_path)[0]["records"])
    assert sorted(orjson.dumps({k: r[k] for k in keep}) for r in rows(tmp_path, "same")[0]["records"]) == before
    date = tid(coded, "DATE", "27 November 2024")
    edit(coded, (f"Personnel:{tid(coded, 'PERSONNEL', '120 personel')} Date:{date}\n",
                 f"Personnel:{tid(coded, 'PERSONNEL', '120 personel')}\n"))
    out = tandai(tmp_path, "import", "--format", "brat", str(coded), store_dir="edited")
    assert out.returncode == 0, out.stdout
    rina = next(r for r in rows(tmp_path, "edited")[0]["records"] if r["reviewer"] == "rina")
    assert (rina["date"], rina["date_text"], rina["phase"]) == (None, None, "na")


def test_a_record_edited_in_brat_updates_the_same_record(tmp_path: Path, coded: Path) -> None:
    """Imported into the store it came from, a record whose type was changed in brat was added as a
    second record beside the first (the key that finds it again holds the type)."""
    edit(coded, ("\tceremony_apel:", "\tcoordination:"), ("\tceremony_apel ", "\tcoordination "))
    before = {r["id"]: r for r in rows(tmp_path)[0]["records"]}
    out = tandai(tmp_path, "import", "--format", "brat", str(coded))
    assert out.returncode == 0, out.stdout
    after = {r["id"]: r for r in rows(tmp_path)[0]["records"]}
    assert after.keys() == before.keys()
    assert sorted(r["type"] for r in after.values()) == ["coordination", "patrol"]


def test_a_brat_round_trip_merged_back_adds_no_record(tmp_path: Path, coded: Path) -> None:
    """Exported, imported into a fresh store and merged back: every record came back under a new id,
    so the merge (which goes by id) added each one again."""
    out = tandai(tmp_path, "import", "--format", "brat", str(coded), store_dir="r")
    assert out.returncode == 0, out.stdout
    out = tandai(tmp_path, "merge", str(tmp_path / "r"))
    assert out.returncode == 0, out.stderr
    assert "0 record(s) added, 0 updated" in out.stdout, out.stdout
    assert len(rows(tmp_path)[0]["records"]) == 2


# -- C: visual.conf ----------------------------------------------------------------------------------

def test_visual_conf_abbreviations_are_unique(tmp_path: Path, coded: Path) -> None:
    lines = (coded / "visual.conf").read_text(encoding="utf-8").split("[drawing]")[0].splitlines()
    short = {parts[0].strip(): parts[2].strip() for parts in (ln.split("|") for ln in lines) if len(parts) == 3}
    assert {"PERSON", "PERSONNEL", "ELECTION", "ELECTION_BODY", "POLICE_UNIT"} <= short.keys()
    assert len(set(short.values())) == len(short), short
    assert short["POLICE_UNIT"] == "POL"
