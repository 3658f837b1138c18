"""Adjudication on a team database (red-team s26 R3): only the adjudicator role adjudicates, and an
adjudicator who coded an article is refused it like anyone else."""

from __future__ import annotations

import pytest

import store
from store import adjudicate
from store.errors import StoreError
from tests.pg.conftest import as_role


def _code(url: str, role: str, article_id: str, unit: str) -> None:
    with store.open(as_role(url, role)) as st:
        st.add_record(article_id, type="patrol", unit=unit, evidence=[{"start": 0, "end": 30}])
        st.set_status(article_id, "done")


def test_only_an_adjudicator_who_did_not_code_it_adjudicates(filled: str) -> None:
    with store.open(filled) as st:
        first, second, *_ = (r.id for r in st.articles())
    _code(filled, "rina", first, "Polres Rina")
    _code(filled, "budi", first, "Polres Budi")
    _code(filled, "rina", second, "Polres Rina")
    _code(filled, "ayu", second, "Polres Ayu")
    with store.open(as_role(filled, "ayu")) as ayu:
        cmp = adjudicate.compare(ayu, first)
        with pytest.raises(StoreError, match=f"you coded article {second} \\(as ayu\\)"):
            adjudicate.compare(ayu, second)
    with store.open(as_role(filled, "rina")) as rina:
        for attempt in (lambda: adjudicate.compare(rina, first), lambda: adjudicate.take_record(rina, cmp, 0, "b"),
                        lambda: adjudicate.take_status(rina, cmp, "b")):
            with pytest.raises(StoreError, match="only an adjudicator adjudicates"):
                attempt()
        assert rina.status(first) == "done"
        why = rina.adjudication_refused()
        assert why is not None and why.startswith("only an adjudicator adjudicates") and "rina is a reviewer" in why
    with store.open(as_role(filled, "ayu")) as ayu:
        adjudicate.take_record(ayu, adjudicate.compare(ayu, first), 0, "a")  # budi's (A by name)
        chosen = [(r.reviewer, r.unit) for r in adjudicate.adjudicated_records(ayu) if r.article_id == first]
        assert chosen == [("ayu", "Polres Budi")]
        assert ayu.statuses(first) == {"budi": "done", "rina": "done", "ayu": "in_progress"}


def test_the_first_take_settles_the_agreed_pairs_on_a_team_database(filled: str) -> None:
    """The copies of what both coders agree on are written with the adjudicator's first take, through
    the database's own checks (``tandai.bad_op``), and the pair left is named as unsettled."""
    with store.open(filled) as st:
        first = next(r.id for r in st.articles())
    for role, second in (("rina", "patrol"), ("budi", "escort")):
        with store.open(as_role(filled, role)) as st:
            st.add_record(first, type="static_guard", unit="Polres Uji", evidence=[{"start": 0, "end": 30}])
            st.add_record(first, type=second, unit="Polres Uji", evidence=[{"start": 40, "end": 70}])
            st.set_status(first, "done")
    with store.open(as_role(filled, "ayu")) as ayu:
        adjudicate.take_status(ayu, adjudicate.compare(ayu, first), "a")
    with store.open(as_role(filled, "ayu")) as ayu:  # as the database holds it
        assert [(r.reviewer, r.type) for r in adjudicate.adjudicated_records(ayu) if r.article_id == first] == [
            ("ayu", "static_guard")]
        assert [slots for aid, _, slots in adjudicate.unsettled(ayu) if aid == first] == [["type"]]
