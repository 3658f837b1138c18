"""An article's repr counts its text and entities instead of writing them out: Textual names a
worker by the repr of its arguments, and the workbench's suggestions worker takes the article, so
opening a 10 MB article spent 0.65 s of CPU on the UI thread writing a repr nobody reads."""

from __future__ import annotations

import time

from store.model import Article, Entity


def test_the_repr_of_a_10mb_article_is_short_and_quick() -> None:
    text = "Polres Contoh berpatroli di Desa Maju. " * 260_000
    ents = [Entity(i * 39, i * 39 + 13, "POLICE_UNIT", "Polres Contoh") for i in range(260_000)]
    article = Article(id="a" * 16, source="besar.txt", title="Patroli \x1b[31m Panjang", text=text, entities=ents)
    started = time.process_time()
    shown = repr(article)
    took = time.process_time() - started
    assert len(shown) < 300, shown[:300]
    assert "text=10,140,000 chars" in shown and "entities=260,000" in shown
    assert "\x1b" not in shown and "'aaaaaaaaaaaaaaaa'" in shown  # the title as a repr: escaped
    assert took < 0.05, f"{took:.3f} s"
