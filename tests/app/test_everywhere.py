"""`E` in the workbench: the last entity correction, made in every article present and future."""

from __future__ import annotations

from pathlib import Path

import store
from tests.app.pilot import open_article, settle, type_text
from tui.app import TandaiApp
from tui.widgets.reader import Reader

PHRASE = "Kecamatan Jerowaru"


async def test_E_makes_the_last_correction_hold_everywhere_and_u_takes_it_back(
        sample_store_path: Path, config_home: Path, tmp_path: Path) -> None:
    app = TandaiApp(sample_store_path, reviewer="rina", config={})
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot, app)
        await pilot.press("E")  # nothing corrected yet: says what to do, changes nothing
        await settle(pilot, app)
        await open_article(pilot, app, "apel lombok dup:no")
        article = app.workbench.article
        assert article is not None and PHRASE in article.text
        assert app.owner.store.entity_rules() == []
        reader = app.query_one(Reader)
        target = article.text.index(PHRASE)
        while reader.selection()[0] < target:
            await pilot.press("w")
        await pilot.press("v", "shift+right", "8", "E")  # label LOC here, then everywhere
        await settle(pilot, app)
        [rule] = app.owner.store.entity_rules()
        assert (rule["text"], rule["label"], rule["reviewer"]) == (PHRASE, "LOC", "rina")
        assert PHRASE in (sample_store_path / "gazetteer.toml").read_text(encoding="utf-8")
        await pilot.press("u")  # one undo takes the store-wide rule back
        await settle(pilot, app)
        assert app.owner.store.entity_rules() == []
        await pilot.press("ctrl+y")  # redo: the rule holds again
        await settle(pilot, app)
        assert len(app.owner.store.entity_rules()) == 1
        await pilot.press("ctrl+p")  # the palette lists it, and choosing it stops it
        await settle(pilot, app)
        await type_text(pilot, "Everywhere: Kecamatan")
        await settle(pilot, app)
        await pilot.press("enter")
        await settle(pilot, app)
        assert app.owner.store.entity_rules() == []
        await pilot.press("u")  # and u brings it back
        await settle(pilot, app)
        assert len(app.owner.store.entity_rules()) == 1
        await pilot.press("ctrl+q")
        await settle(pilot, app)

    # a future article: ingested after the rule, it gets the entity without anyone touching it
    new = tmp_path / "later.txt"
    new.write_text("Judul Patroli Malam\n\nPolsek Contoh menggelar patroli malam di "
                   f"{PHRASE} pada Senin (25/11/2024) bersama warga setempat.\n", encoding="utf-8")
    with store.open(sample_store_path, reviewer="rina") as st:
        assert [r["text"] for r in st.entity_rules()] == [PHRASE]
        st.ingest([new])
        [aid] = st.search("Polsek Contoh", limit=5).hits
        art = st.article(aid)
        assert any(e.label == "LOC" and e.text == PHRASE for e in art.entities)
