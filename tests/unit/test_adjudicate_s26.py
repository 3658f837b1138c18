"""A coder may not adjudicate their own article (red-team s26 R3): the store refuses, the coder's
status and the agreement figures stay, and ``export --adjudicated`` never mixes an adjudicator's
own records with the adjudicated copies, also in a store written before the refusal."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import orjson
import pytest

import store
from store import adjudicate
from store.disk.annotations import status_key
from store.errors import StoreError
from store.history import Put


def tandai(path: Path, *args: str) -> str:
    done = subprocess.run([sys.executable, "-m", "tui.cli", *args, "--store", str(path)], capture_output=True,
                          text=True, timeout=120, env={**os.environ, "XDG_CONFIG_HOME": "/nonexistent"})
    assert done.returncode == 0, done.stderr
    return done.stdout


def exported(path: Path, *extra: str) -> dict[str, Any]:
    """article → its JSONL line, from ``tandai export``."""
    lines = [orjson.loads(x) for x in tandai(path, "export", *extra).splitlines()]
    return {x["id"]: x for x in lines}


def agreement_articles(path: Path) -> int:
    return int(orjson.loads(tandai(path, "agreement", "--json"))["articles"])


def two_coders(path: Path) -> tuple[str, str]:
    """budi and lina each code two articles as a patrol (units differ on the first) and finish
    them: two double-coded articles, one disagreement."""
    with store.open(path, reviewer="setup", read_only=True) as st:
        first, second, *_ = (r.id for r in st.articles())
    ids = (first, second)
    for who in ("budi", "lina"):
        with store.open(path, reviewer=who) as st:
            for aid in ids:
                unit = f"Polres {who}" if aid == ids[0] else "Polres Sama"
                st.add_record(aid, type="patrol", unit=unit, evidence=[{"start": 0, "end": 30}])
                st.set_status(aid, "done")
    return ids


def test_a_coder_is_refused_adjudicating_their_own_article_another_reviewer_is_not(sample_store_path: Path) -> None:
    aid, _ = two_coders(sample_store_path)
    assert agreement_articles(sample_store_path) == 2
    with store.open(sample_store_path, reviewer="lead", read_only=True) as lead:
        cmp = adjudicate.compare(lead, aid)
        assert (cmp.a.reviewer, cmp.b.reviewer) == ("budi", "lina")
    why = f"you coded article {aid} (as lina); another reviewer adjudicates it"
    with store.open(sample_store_path, reviewer="lina") as st:
        assert adjudicate.disagreements(st) == [aid]
        with pytest.raises(StoreError) as exc:
            adjudicate.compare(st, aid)
        assert str(exc.value) == why
        for take in (lambda: adjudicate.take_record(st, cmp, 0, "a"), lambda: adjudicate.take_status(st, cmp, "a"),
                     lambda: adjudicate.take_entity(st, cmp, 0, "a")):
            with pytest.raises(StoreError, match="you coded article"):
                take()
        assert st.status(aid) == "done"
        assert adjudicate.refusal(st, aid) == why
    # nothing was written: lina's status, her one record, both articles in the figures
    assert exported(sample_store_path)[aid]["statuses"] == {"budi": "done", "lina": "done"}
    assert sorted(r["unit"] for r in exported(sample_store_path, "--records-by", "lina")[aid]["records"]) == [
        "Polres lina"]
    assert agreement_articles(sample_store_path) == 2
    # a reviewer who did not code it adjudicates as before; their copies are not coding
    with store.open(sample_store_path, reviewer="lead") as st:
        cmp = adjudicate.compare(st, aid)
        adjudicate.take_record(st, cmp, 0, "a")
        adjudicate.take_status(st, cmp, "b")
        assert adjudicate.refusal(st, aid) is None
        adjudicate.take_record(st, adjudicate.compare(st, aid), 0, "b")
    line = exported(sample_store_path, "--adjudicated")[aid]
    assert [(r["reviewer"], r["unit"]) for r in line["records"]] == [("lead", "Polres lina")]
    assert agreement_articles(sample_store_path) == 2


def test_export_adjudicated_of_a_store_written_before_the_refusal_keeps_the_copies_only(
        sample_store_path: Path) -> None:
    """What the old screen wrote when lina adjudicated her own article (taking budi's record):
    her status replaced by the marker, her own record beside the copy. ``--adjudicated`` gives
    the copy alone; the plain export still has both; lina may not go on adjudicating it."""
    aid, _ = two_coders(sample_store_path)
    with store.open(sample_store_path, reviewer="lina") as st:
        recs = {r.reviewer: r for r in st.records(aid)}
        rid = adjudicate.adjudicated_id("lina", [recs["budi"].id, recs["lina"].id])
        copy = {**recs["budi"].to_dict(), "id": rid, "reviewer": "lina"}
        st.history.change("adjudicate patrol record", [
            Put("status", status_key("lina", aid), {"article_id": aid, "reviewer": "lina", "status": "in_progress",
                                                    "updated": "2024-11-25T00:00:00Z", "adjudicated": True}),
            Put("records", rid, copy)])
    line = exported(sample_store_path, "--adjudicated")[aid]
    assert [(r["id"], r["reviewer"], r["unit"]) for r in line["records"]] == [(rid, "lina", "Polres budi")]
    assert sorted((r["reviewer"], r["unit"]) for r in exported(sample_store_path)[aid]["records"]) == [
        ("budi", "Polres budi"), ("lina", "Polres budi"), ("lina", "Polres lina")]
    with store.open(sample_store_path, reviewer="lina", read_only=True) as st, pytest.raises(
            StoreError, match=f"you coded article {aid} \\(as lina\\)"):
        adjudicate.compare(st, aid)
