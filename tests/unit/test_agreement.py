"""Agreement figures (issue 13) against worked examples from the literature and hand computation."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

import store
from store import adjudicate, agreement

NAN = None


def table(yy: int, yn: int, ny: int, nn: int) -> tuple[list[str], list[str]]:
    a = ["y"] * (yy + yn) + ["n"] * (ny + nn)
    b = ["y"] * yy + ["n"] * yn + ["y"] * ny + ["n"] * nn
    return a, b


@pytest.mark.parametrize(("cells", "kappa"), [
    # Wikipedia, "Cohen's kappa", worked example: 50 grant proposals, 20/5/10/15 → κ = 0.4
    ((20, 5, 10, 15), 0.4),
    # the same page, "same agreement, different κ": 45/15/25/15 → 0.1304 and 25/35/5/35 → 0.2593
    ((45, 15, 25, 15), 0.1304),
    ((25, 35, 5, 35), 0.2593),
])
def test_cohen_kappa_matches_the_worked_examples(cells: tuple[int, int, int, int], kappa: float) -> None:
    assert agreement.cohen_kappa(*table(*cells)) == pytest.approx(kappa, abs=5e-5)


def test_kappa_is_undefined_when_chance_agreement_is_total() -> None:
    assert agreement.cohen_kappa(["done"] * 3, ["done"] * 3) is None
    assert agreement.cohen_kappa([], []) is None


def test_alpha_matches_krippendorffs_worked_examples() -> None:
    # Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", C: nominal data,
    # four observers, 12 units, missing values → α = 0.743
    m = None
    rows = [[1, 2, 3, 3, 2, 1, 4, 1, 2, m, m, m],
            [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, m, 3],
            [m, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, m],
            [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, m]]
    assert agreement.alpha_nominal(rows) == pytest.approx(0.743, abs=5e-4)
    # Wikipedia, "Krippendorff's alpha", the example also in the krippendorff library's doctest: 0.691358
    assert agreement.alpha_nominal(WIKI) == pytest.approx(0.691358, abs=1e-6)
    assert agreement.alpha_nominal([[1, 1], [1, 1]]) is None  # one value only: undefined
    # the only unit coded twice holds one value; the other values are in units coded once, which carry
    # no pairs: still undefined (red team 3: 1.0)
    assert agreement.alpha_nominal([[None, "a", None, "a"], ["b", None, "b", "a"]]) is None


WIKI = [[None, None, None, None, None, 3, 4, 1, 2, 1, 1, 3, 3, None, 3],
        [1, None, 2, 1, 3, 3, 4, 3, None, None, None, None, None, None, None],
        [None, None, 2, 1, 3, 4, 4, None, 2, 1, 1, 3, 3, None, 4]]


def test_entity_matches_exact_and_overlapping_by_hand() -> None:
    a = {(0, 5, "LOC"), (10, 20, "PERSON"), (30, 35, "LOC")}
    b = {(0, 5, "LOC"), (12, 20, "PERSON"), (40, 45, "LOC")}
    exact = agreement.entity_matches(a, b, overlap=False)
    assert exact == {"LOC": (1, 2, 2), "PERSON": (0, 1, 1)}
    over = agreement.entity_matches(a, b, overlap=True)
    assert over == {"LOC": (1, 2, 2), "PERSON": (1, 1, 1)}
    assert agreement.prf(2, 3, 3) == {"a": 3, "b": 3, "tp": 2, "precision": 2 / 3, "recall": 2 / 3, "f1": 2 / 3}
    # one-to-one: two of B's spans overlapping one of A's count once
    assert agreement.entity_matches({(0, 10, "LOC")}, {(0, 4, "LOC"), (5, 10, "LOC")}, True) == {"LOC": (1, 1, 2)}


def test_a_reviewers_entities_are_theirs_alone() -> None:
    base = [(0, 5, "LOC"), (10, 20, "PERSON")]
    mine = [{"action": "relabel", "start": 0, "end": 5, "label": "GOV_ORG", "seq": 2},
            {"action": "remove", "start": 10, "end": 20, "label": None, "seq": 3},
            {"action": "add", "start": 11, "end": 15, "label": "RANK", "seq": 4}]
    assert agreement.reviewer_entities(base, mine) == {(0, 5, "GOV_ORG"), (11, 15, "RANK")}
    assert agreement.reviewer_entities(base, []) == set(base)


def rec(rid: str, typ: str, unit: str, start: int, end: int, **kw: object) -> dict[str, object]:
    return {"id": rid, "type": typ, "unit": unit, "evidence": [{"start": start, "end": end}], **kw}


def test_records_align_by_evidence_then_type_and_unit() -> None:
    a = [rec("a1", "patrol", "Polres X", 0, 50), rec("a2", "escort", "Polres X", 100, 150),
         rec("a3", "planning", "Polres Y", 300, 320)]
    b = [rec("b1", "static_guard", "Polres X", 10, 50),  # shares evidence with a1: aligned despite type
         rec("b2", "escort", "polres  x", 200, 250),  # no shared evidence, same type and unit: aligned with a2
         rec("b3", "other", "Polres Z", 400, 420)]  # nothing in common: B alone
    pairs, only_a, only_b = agreement.align(a, b)
    assert [(x["id"], y["id"]) for x, y in pairs] == [("a1", "b1"), ("a2", "b2")]
    assert [r["id"] for r in only_a] == ["a3"] and [r["id"] for r in only_b] == ["b3"]
    # evidence overlap: 40 shared characters of 50 covered → 0.8
    assert agreement.evidence_overlap(a[0], b[0]) == pytest.approx(0.8)
    assert not agreement.records_agree(a, b)
    assert agreement.records_agree(a[1:2], [dict(b[1], evidence=a[1]["evidence"])])


def _coded_store(path: Path, samples: Path) -> list[str]:
    with store.open(path, reviewer="setup") as st:
        st.ingest([samples])
        return [r.id for r in st.articles()]


CODE = {1: "done", 2: "skipped", 3: "irrelevant", 4: "flagged"}


def test_store_figures_equal_the_worked_examples(tmp_path: Path) -> None:
    """Three reviewers' statuses on 15 articles laid out as Wikipedia's α example (values 1-4 as
    four statuses): the store's α is the published 0.691358. Reviewers a and b on 10 articles,
    by hand: 5 both done, 1 done/irrelevant, 1 irrelevant/done, 3 both irrelevant: p_o = 0.8,
    p_e = 0.6·0.6 + 0.4·0.4 = 0.52, κ = 0.28/0.48 = 0.58333."""
    from tests.conftest import SAMPLES

    ids = _coded_store(tmp_path / "s", SAMPLES)
    for who, row in zip("xyz", WIKI, strict=True):
        with store.open(tmp_path / "s", reviewer=who) as st:
            for aid, v in zip(ids[:15], row, strict=True):
                if v is not None:
                    st.set_status(aid, CODE[v])
    a = ["done"] * 6 + ["irrelevant"] * 4
    b = ["done"] * 5 + ["irrelevant"] + ["done"] + ["irrelevant"] * 3
    for who, statuses in (("a", a), ("b", b)):
        with store.open(tmp_path / "s", reviewer=who) as st:
            for aid, s in zip(ids[20:30], statuses, strict=True):
                st.set_status(aid, s)
    with store.open(tmp_path / "s", reviewer="lead", read_only=True) as st:
        rep = adjudicate.report(st, reviewers=["x", "y", "z"])
        assert rep["status"]["alpha"] == pytest.approx(0.691358, abs=1e-6)
        assert rep["articles"] == sum(sum(v is not None for v in col) >= 2 for col in zip(*WIKI, strict=True))
        rep = adjudicate.report(st, reviewers=["a", "b"])
        assert rep["status"]["pairs"]["a ~ b"]["kappa"] == pytest.approx(0.28 / 0.48)
        assert rep["status"]["pairs"]["a ~ b"]["agree"] == 8
        assert st.search("status:conflict", limit=100).total == 2 + sum(
            1 for col in zip(*WIKI, strict=True) if len({v for v in col if v is not None}) > 1
            and sum(v is not None for v in col) >= 2)


def test_store_record_figures_by_hand(tmp_path: Path) -> None:
    """Two reviewers on one article: a codes patrol + escort, b codes the same patrol sentence as
    static_guard with the same unit and date, and nothing else. Aligned 1, only a 1, only b 0;
    slots: type 0/1, unit 1/1, date 1/1, location 1/1 (both empty), personnel 0/1 (40 vs 45)."""
    from tests.conftest import SAMPLES

    ids = _coded_store(tmp_path / "s", SAMPLES)
    aid = ids[0]
    for who, typ, personnel in (("a", "patrol", 40), ("b", "static_guard", 45)):
        with store.open(tmp_path / "s", reviewer=who) as st:
            text = st.article(aid).text
            st.add_record(aid, type=typ, unit="Polres A", date="2024-11-25", personnel=personnel,
                          evidence=[{"start": 0, "end": min(60, len(text))}])
            if who == "a":
                st.add_record(aid, type="escort", unit="Polres A", evidence=[{"start": 100, "end": 140}])
            st.set_status(aid, "done")
    with store.open(tmp_path / "s", reviewer="lead", read_only=True) as st:
        pair = adjudicate.report(st)["records"]["pairs"]["a ~ b"]
        assert (pair["aligned"], pair["only_a"], pair["only_b"]) == (1, 1, 0)
        assert pair["slots"] == {"type": 0.0, "unit": 1.0, "date": 1.0, "location": 1.0, "personnel": 0.0,
                                 "partners": 1.0}
        assert pair["type_kappa"] is None or not math.isnan(pair["type_kappa"])
        assert st.search("agree:no", limit=10).hits == [aid]
        assert st.search("status:conflict", limit=10).hits == []


def test_the_export_marks_the_same_event_in_two_articles(tmp_path: Path) -> None:
    import io

    import orjson

    from store.export import write_jsonl
    from tests.conftest import SAMPLES

    ids = _coded_store(tmp_path / "s", SAMPLES)
    with store.open(tmp_path / "s", reviewer="a") as st:
        one = st.add_record(ids[0], type="patrol", unit="Polres A", date="2024-11-25", location="Pasar Baru",
                            evidence=[{"start": 0, "end": 20}])
        two = st.add_record(ids[1], type="patrol", unit="polres a", date="2024-11-25", location="PASAR  BARU",
                            evidence=[{"start": 0, "end": 20}])
        other = st.add_record(ids[2], type="patrol", unit="Polres A", date="2024-11-26", location="Pasar Baru",
                              evidence=[{"start": 0, "end": 20}])
        no_place = st.add_record(ids[3], type="patrol", unit="Polres A", date="2024-11-25",
                                 evidence=[{"start": 0, "end": 20}])
        assert [r.id for r in adjudicate.same_events(st, one.id)] == [two.id]
        assert adjudicate.same_events(st, other.id) == [] and adjudicate.same_events(st, no_place.id) == []
        out = io.BytesIO()
        write_jsonl(st, out)
    marks = {r["id"]: r["same_event_as"] for line in out.getvalue().splitlines()
             for r in orjson.loads(line)["records"]}
    assert marks == {one.id: [two.id], two.id: [one.id], other.id: [], no_place.id: []}


def test_the_adjudicated_records_replace_the_reviewers_where_settled(tmp_path: Path) -> None:
    from tests.conftest import SAMPLES

    ids = _coded_store(tmp_path / "s", SAMPLES)
    for who, typ in (("a", "patrol"), ("b", "escort")):
        with store.open(tmp_path / "s", reviewer=who) as st:
            for aid in ids[:2]:
                st.add_record(aid, type=typ, unit="Polres A", evidence=[{"start": 0, "end": 20}])
                st.set_status(aid, "done")
    with store.open(tmp_path / "s", reviewer="lead") as st:
        assert adjudicate.disagreements(st) == sorted(ids[:2])
        cmp = adjudicate.compare(st, ids[0])
        assert (cmp.a.reviewer, cmp.b.reviewer, len(cmp.pairs)) == ("a", "b", 1)
        adjudicate.take_record(st, cmp, 0, "b")
        adjudicate.take_record(st, cmp, 0, "b")  # twice: one record
        adjudicate.take_status(st, cmp, "a")
        chosen = adjudicate.adjudicated_records(st)
        assert sorted((r.article_id, r.reviewer, r.type) for r in chosen) == sorted(
            [(ids[0], "lead", "escort"), (ids[1], "a", "patrol")])
        # the adjudicator is not a coder: the figures are a's and b's alone
        assert adjudicate.report(st)["reviewers"] == ["a", "b"]
        st.undo()
        st.undo()
        assert sorted(r.reviewer for r in st.records(ids[0])) == ["a", "b"]


def test_tandai_export_adjudicated_writes_the_settled_version(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    import orjson

    from tests.conftest import SAMPLES

    ids = _coded_store(tmp_path / "s", SAMPLES)
    for who, typ in (("a", "patrol"), ("b", "escort")):
        with store.open(tmp_path / "s", reviewer=who) as st:
            st.add_record(ids[0], type=typ, unit="Polres A", evidence=[{"start": 0, "end": 20}])
            st.set_status(ids[0], "done")
    with store.open(tmp_path / "s", reviewer="lead") as st:
        adjudicate.take_record(st, adjudicate.compare(st, ids[0]), 0, "b")

    def export(*extra: str) -> list[tuple[str, str]]:
        done = subprocess.run([sys.executable, "-m", "tui.cli", "export", "--store", str(tmp_path / "s"), *extra],
                              capture_output=True, timeout=120, env={**os.environ, "XDG_CONFIG_HOME": "/nonexistent"})
        assert done.returncode == 0, done.stderr
        return sorted((r["reviewer"], r["type"]) for line in done.stdout.splitlines()
                      for r in orjson.loads(line)["records"])

    assert export() == [("a", "patrol"), ("b", "escort"), ("lead", "escort")]
    assert export("--adjudicated") == [("lead", "escort")]
    assert export("--records-by", "a") == [("a", "patrol")]


def test_each_adjudicated_change_names_a_new_version(tmp_path: Path) -> None:
    """A record's ``updated`` names its version (a save carries the version its form read), so two
    adjudications of one record within the same second must not share a stamp."""
    from tests.conftest import SAMPLES

    ids = _coded_store(tmp_path / "s", SAMPLES)
    for who, typ, unit in (("a", "patrol", "Polres A"), ("b", "escort", "Polres B")):
        with store.open(tmp_path / "s", reviewer=who) as st:
            st.add_record(ids[0], type=typ, unit=unit, evidence=[{"start": 0, "end": 20}])
            st.set_status(ids[0], "done")
    with store.open(tmp_path / "s", reviewer="lead") as st:
        cmp = adjudicate.compare(st, ids[0])
        stamps = []
        for side, slot in (("a", None), ("b", "type"), ("b", "unit"), ("a", "type")):
            rec = adjudicate.take_record(st, cmp, 0, side, slot)
            assert rec is not None
            stamps.append(rec["updated"])
        assert stamps == sorted(stamps) and len(set(stamps)) == 4, stamps


def two_codings(tmp_path: Path) -> Path:
    """A store where a codes "Sat Lantas" at "halaman Mapolres Garut" and b "Sat Lantas Polres Garut" at
    "Mapolres Garut" on one sentence, and both code the next one at different places; both done."""
    src = tmp_path / "in"
    src.mkdir()
    (src / "apel.txt").write_text(
        "Sat Lantas Garut Gelar Apel\n\nGARUT – Sat Lantas Polres Garut menggelar apel di halaman Mapolres Garut, "
        "Senin (25/11/2024).\n\nUsai apel, personel Sat Lantas berjaga di Simpang Lima Garut.\n", encoding="utf-8")
    for who, unit, place, later in (("a", "Sat Lantas", "halaman Mapolres Garut", "Simpang Lima Garut"),
                                    ("b", "Sat Lantas Polres Garut", "Mapolres Garut", "Jalan Ahmad Yani")):
        with store.open(tmp_path / "s", reviewer=who) as st:
            st.ingest([src])
            aid = next(st.articles()).id
            text = st.article(aid).text
            first = text.index("GARUT")
            second = text.index("Usai apel")
            st.add_record(aid, type="ceremony_apel", unit=unit, location=place,
                          evidence=[{"start": first, "end": text.index("\n", first)}])
            st.add_record(aid, type="static_guard", unit="Sat Lantas", location=later,
                          evidence=[{"start": second, "end": text.index("\n", second)}])
            st.set_status(aid, "done")
    return tmp_path / "s"


def test_differences_a_coding_convention_makes_are_counted_apart(tmp_path: Path) -> None:
    """Of the three unit and place differences of ``two_codings``, two are two readings of a convention
    (sub_unit, location_phrase), one is about what happened. ``tandai agreement`` says so in one line, the
    JSON and the CSV carry the counts."""
    import csv
    import io
    import json
    import os
    import subprocess
    import sys

    path = two_codings(tmp_path)
    with store.open(path, reviewer="lead", read_only=True) as st:
        pair = adjudicate.report(st)["records"]["pairs"]["a ~ b"]
    assert pair["aligned"] == 2 and pair["differ"]["unit"] == 1 and pair["differ"]["location"] == 2
    assert pair["conventions"] == {"location_phrase": 1, "sub_unit": 1}
    env = {**os.environ, "TANDAI_STORE": str(path), "COLUMNS": "200"}

    def tandai(*argv: str) -> str:
        return subprocess.run([sys.executable, "-m", "tui.cli", "agreement", *argv], capture_output=True,
                              text=True, env=env, timeout=120, check=True).stdout

    assert ("a ~ b: 2 of 3 unit and place differences are two readings of a convention (location_phrase 1, "
            "sub_unit 1)") in tandai()
    assert json.loads(tandai("--json"))["records"]["pairs"]["a ~ b"]["conventions"] == pair["conventions"]
    rows = list(csv.reader(io.StringIO(tandai("--csv"))))
    assert ["records", "a ~ b", "sub_unit", "differ by this convention", "1"] in rows


def test_a_reviewers_entities_of_a_text_with_many_corrections_are_read_in_linear_time() -> None:
    """Red team 3 (F4): agreement and adjudication read each reviewer's entities by replaying every
    correction against every entity, so a text with tens of thousands of corrections (a CoNLL import of
    a 1 MB article gives 51,000) took minutes. Same answer as the replay, in CPU time that grows with
    the corrections, not with their square."""
    import random
    import time

    from store.model import Entity
    from tests.unit.test_corrections_scale import replay

    rng = random.Random(27)
    for _ in range(300):  # the same entities as the replay, corrections sorted by seq as stored
        base = [(s, s + rng.choice([1, 2, 5]), rng.choice(["LOC", "PERSON"])) for s in rng.sample(range(60), 8)]
        mine = [{"action": rng.choice(["relabel", "add", "remove"]), "start": (s := rng.randrange(60)),
                 "end": s + rng.choice([1, 2, 4, 7]), "label": rng.choice(["LOC", "ROLE"]), "seq": rng.randrange(9),
                 "id": f"o{i}"} for i in range(rng.randrange(12))]
        ordered = sorted(mine, key=lambda o: (o["seq"], o["id"]))
        want = replay([Entity(s, e, lab, "") for s, e, lab in base],
                      [{**o, "label": o["label"] if o["action"] != "remove" else None, "text": ""} for o in ordered])
        assert agreement.reviewer_entities(base, mine) == {(x.start, x.end, x.label) for x in want}

    def timed(n: int) -> float:
        base = [(i * 10, i * 10 + 5, "LOC") for i in range(n)]
        mine = [{"action": "relabel", "start": i * 10, "end": i * 10 + 5, "label": "GOV_ORG", "seq": i, "id": str(i)}
                for i in range(n)]
        cpu = time.process_time()
        assert len(agreement.reviewer_entities(base, mine)) == n
        return time.process_time() - cpu

    small, large = timed(3_000), timed(24_000)
    assert large < 3 and large < 16 * max(small, 0.05), (small, large)  # the replay: over a minute
