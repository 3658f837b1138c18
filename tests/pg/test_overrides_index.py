"""A database mirror looks a text's corrections up by article too (``ByArticle``, as the file
store): right after the reviewer's own change, after another reviewer's replayed, after an undo
replayed, and in a mirror loaded afresh."""

from __future__ import annotations

import store
from tests.pg.conftest import as_role
from tests.unit.test_overrides_index import assert_indexed


def test_a_mirror_s_corrections_by_article_after_changes_replays_undo_and_load(filled: str) -> None:
    with store.open(as_role(filled, "rina")) as rina, store.open(as_role(filled, "budi")) as budi:
        a, b = [r.id for r in rina.articles()][:2]
        ea, eb = (rina.article(x, corrected=False).entities for x in (a, b))
        rina.correct_entity(a, ea[0].start, ea[0].end, "GOV_ORG")
        rina.correct_entities(b, [(eb[0].start, eb[0].end, None), (eb[1].start, eb[1].end, "LOC")])
        budi.correct_entity(a, ea[1].start, ea[1].end, None)
        assert [len(rina.overrides(x)) for x in (a, b)] == [1, 2] and assert_indexed(rina) == 3
        budi.refresh()  # rina's two changes replayed into budi's mirror
        assert [len(budi.overrides(x)) for x in (a, b)] == [2, 2] and assert_indexed(budi) == 4
        assert [o["reviewer"] for o in budi.overrides(a)] == ["rina", "budi"]  # in the order made
        rina.refresh()
        assert rina.overrides(a) == budi.overrides(a)
        assert rina.undo() is not None  # b's batch
        budi.refresh()
        assert budi.overrides(b) == [] and assert_indexed(budi) == 2
        assert [e.label for e in budi.article(b).entities] == [e.label for e in eb]
        assert rina.redo() is not None
        budi.refresh()
        assert len(budi.overrides(b)) == 2 and assert_indexed(budi) == 4
        mine = {x: budi.overrides(x) for x in (a, b)}
    with store.open(as_role(filled, "ayu")) as ayu:  # a mirror loaded from the database
        assert {x: ayu.overrides(x) for x in (a, b)} == mine and assert_indexed(ayu) == 4
