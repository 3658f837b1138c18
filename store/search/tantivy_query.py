"""From tandai's parsed queries and articles to tantivy's: the schema, an article's document,
and the query a search runs. Pure (no index is opened here): ``SearchIndex`` runs what this
builds, so how a query is matched can be read apart from how the index is kept on disk.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import orjson
import tantivy

from store.disk.corpus import StoredArticle
from store.model import Article
from store.search.query import Filter, Query, tokens

TITLE_BOOST = 4.0
MIN_PREFIX = 3  # a word being typed counts once it has this many letters


def schema() -> tantivy.Schema:
    sb = tantivy.SchemaBuilder()
    sb.add_text_field("id", stored=True, tokenizer_name="raw")
    sb.add_text_field("shard", stored=True, tokenizer_name="raw")
    sb.add_text_field("title", stored=True)
    sb.add_text_field("body")
    sb.add_text_field("outlet", stored=True)
    sb.add_text_field("published", stored=True, tokenizer_name="raw")
    sb.add_integer_field("date", indexed=True, fast=True)
    sb.add_integer_field("order", fast=True)  # the list's order: date, then place in the store
    sb.add_text_field("dateline", stored=True)
    sb.add_text_field("dup", tokenizer_name="raw")
    sb.add_text_field("duplicate_of", stored=True, tokenizer_name="raw")
    sb.add_text_field("story", stored=True, tokenizer_name="raw")  # ids of the rewrites ingest linked
    sb.add_text_field("storied", tokenizer_name="raw")  # "yes" when ``story`` holds any
    sb.add_text_field("label", tokenizer_name="raw")
    sb.add_text_field("unit")
    return sb.build()


def date_number(published: str | None) -> int:
    """yyyymmdd of an ISO date or datetime, 0 when unknown (sorts last)."""
    if not published or len(published) < 10:
        return 0
    try:
        return int(published[0:4]) * 10000 + int(published[5:7]) * 100 + int(published[8:10])
    except ValueError:
        return 0


def order_key(published: str | None, shard: str, position: int) -> int:
    """Where an article sorts in the list (newest first): its date, then where it lies in the
    store (shard number, place in the shard), so later-ingested articles of a date come first.

    Why not the date alone: tantivy breaks ties by segment order, which any commit may change
    (segments are kept unordered), so the rows an empty query shows shuffled among articles of
    one date from one commit to the next, with no document changed. The first screen, cached for
    a generation of the store, then disagreed with the index after a commit that did not change
    the generation. With this key the rows are a function of the documents alone."""
    digits = shard.rpartition("-")[2]
    number = int(digits) if digits.isdigit() else 0
    return (date_number(published) << 32) | ((number & 0xFFFFFF) << 8) | (position & 0xFF)


TERMS_MAX = 100_000  # (label, text) terms remembered by a process (a few MB at most)
_TERMS: dict[tuple[str, str], str] = {}


def label_terms(article: Article) -> list[str]:
    """Each label alone and each entity's ``label=its words``, sorted: what ``unit:``-style filters
    search. A pair's term is remembered by the process (up to ``TERMS_MAX``): a corpus names the
    same units, places and people again and again, and tokenising them was more than half of an
    ingest worker's hand-over (131k of 500k instructions an article saved)."""
    # (a comprehension reads the slots through the interpreter's specialised attribute loads: half
    # the cost of ``attrgetter``, which looks each one up by name; each label lowered once)
    pairs = {(e.label, e.text) for e in article.entities}
    out = {label.lower() for label in {label for label, _ in pairs}}
    for pair in pairs:
        term = _TERMS.get(pair)
        if term is None:
            if len(_TERMS) >= TERMS_MAX:
                _TERMS.clear()  # memory must not grow with the corpus
            term = _TERMS[pair] = f"{pair[0].lower()}={' '.join(tokens(pair[1]))}"
        out.add(term)
    return sorted(out)


def document_head(article: Article) -> bytes:
    """The JSON of an article's tantivy document without what the main process of an ingest
    decides (shard, place, copies, rewrites): an ingest worker builds it (see ``StoredArticle``),
    so the main process only appends its part and tantivy parses it (``document``)."""
    if isinstance(article, StoredArticle):
        return article.indexed
    return orjson.dumps({
        "id": article.id, "title": article.title or "", "body": article.text, "outlet": article.outlet or "",
        "published": article.published or "", "date": date_number(article.published),
        "dateline": article.dateline or "", "label": label_terms(article),
        "unit": [e.text for e in article.entities if e.label == "POLICE_UNIT"],
    })


def document(article: Article, shard: str, position: int = 0) -> str:
    """The tantivy document (JSON, for ``IndexWriter.add_json``) of the ``position``-th article
    (from 0) in ``shard``; the list row is stored, the body only indexed (see ``schema``).
    Half the main process's cost of building it field by field (~20 us an article, not ~40)."""
    tail = orjson.dumps({
        "shard": shard, "order": order_key(article.published, shard, position),
        "dup": "yes" if article.duplicate_of else "no", "duplicate_of": article.duplicate_of or "",
        "storied": "yes" if article.same_story else "no", "story": list(article.same_story),
    })
    return (document_head(article)[:-1] + b"," + tail[1:]).decode()


def _text_clause(schema: Any, words: list[Any], phrase: bool, prefix: bool) -> Any:
    Q = tantivy.Query
    clauses = []
    for fname, boost in (("title", TITLE_BOOST), ("body", 1.0)):
        if prefix and len(words) == 1:
            q = Q.phrase_prefix_query(schema, fname, words)
        elif prefix:
            q = Q.phrase_prefix_query(schema, fname, words)
        elif len(words) == 1:
            q = Q.term_query(schema, fname, words[0])
        else:
            q = Q.phrase_query(schema, fname, words)
        clauses.append((tantivy.Occur.Should, Q.boost_query(q, boost) if boost != 1.0 else q))
    return Q.boolean_query(clauses)

def _filter_clause(schema: Any, flt: Filter, ids_for: Any) -> Any:
    Q = tantivy.Query
    if flt.field == "date":
        return Q.range_query(schema, "date", tantivy.FieldType.Integer, flt.low, flt.high)
    if flt.field == "dup" and flt.value in ("yes", "no"):
        return Q.term_query(schema, "dup", flt.value)
    if flt.field == "label":
        label, _, text = flt.value.partition("=")
        term = label.lower() + ("=" + " ".join(tokens(text)) if text else "")
        return Q.term_query(schema, "label", term)
    if flt.field == "outlet":
        words: list[Any] = tokens(flt.value)
        return Q.phrase_prefix_query(schema, "outlet", words) if words else Q.all_query()
    if flt.field == "unit":
        words = list(tokens(flt.value))
        in_text = Q.phrase_query(schema, "unit", words) if len(words) > 1 else (
            Q.term_query(schema, "unit", words[0]) if words else Q.empty_query()
        )
        extra = ids_for(flt)
        if extra:
            return Q.boolean_query(
                [(tantivy.Occur.Should, in_text), (tantivy.Occur.Should, _ids(schema, extra))]
            )
        return in_text
    # status, type, story:, dup:ID, dup:any: resolved by the caller into a set of ids
    ids = ids_for(flt)
    if flt.field == "status" and flt.value == "todo":
        # todo = every article without another status
        return ("not", _ids(schema, ids)) if ids else Q.all_query()
    return _ids(schema, ids) if ids else Q.empty_query()


def _ids(schema: Any, ids: Iterable[str]) -> Any:
    return tantivy.Query.term_set_query(schema, "id", list(ids))


def compile_query(schema: Any, query: Query, ids_for: Callable[[Filter], set[str]]) -> tuple[Any, bool]:
    """The tantivy query for a parsed query, and whether it ranks by score (else by date).
    ``ids_for(filter)`` returns the article ids an annotation filter matches (for ``status:todo``
    the ids that are *not* todo)."""
    Q = tantivy.Query
    clauses: list[tuple[Any, Any]] = []
    scored = False
    last_positive = max((i for i, t in enumerate(query.terms) if not t.negated), default=-1)
    for i, term in enumerate(query.terms):
        prefix = query.prefix and i == last_positive and not term.phrase
        if prefix and len(term.words[0]) < MIN_PREFIX:
            continue  # one or two typed letters select nothing but cost the most: wait for more
        clause = _text_clause(schema, term.words, term.phrase, prefix)
        clauses.append((tantivy.Occur.MustNot if term.negated else tantivy.Occur.Must, clause))
        scored = scored or not term.negated
    for flt in query.filters:
        clause = _filter_clause(schema, flt, ids_for)
        negated = flt.negated
        if isinstance(clause, tuple):  # ("not", q): status:todo
            clause, negated = clause[1], not negated
        occur = tantivy.Occur.MustNot if negated else tantivy.Occur.Must
        clauses.append((occur, Q.const_score_query(clause, 0.0) if not negated else clause))
    if not any(o == tantivy.Occur.Must for o, _ in clauses):
        clauses.append((tantivy.Occur.Must, Q.all_query()))
    return Q.boolean_query(clauses), scored
