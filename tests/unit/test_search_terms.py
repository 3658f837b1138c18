"""An article's label terms (what ``unit:``-style filters search) are the same whether a pair's
term is made or remembered, and the process's memory of them stays bounded."""

from __future__ import annotations

from pathlib import Path

import pytest

import store
from store.search import tantivy_query
from store.search.query import tokens


def defined(article: store.Article) -> list[str]:
    out = {e.label.lower() for e in article.entities}
    out |= {f"{e.label.lower()}={' '.join(tokens(e.text))}" for e in article.entities}
    return sorted(out)


def test_label_terms_are_their_definition_made_or_remembered(sample_store_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    with store.open(sample_store_path, read_only=True) as st:
        articles = [st.article(i) for i in st.search("", limit=1000).hits]
    assert sum(len(a.entities) for a in articles if a) > 500
    monkeypatch.setattr(tantivy_query, "TERMS_MAX", 50)  # small: the memory is emptied many times
    monkeypatch.setattr(tantivy_query, "_TERMS", {})
    for _ in range(2):  # first made, then (most) remembered
        for a in articles:
            assert a is not None
            assert tantivy_query.label_terms(a) == defined(a), a.id
            assert len(tantivy_query._TERMS) <= 50
