"""Property-based fuzzing (hypothesis) of everything that reads untrusted text: the article
parser, the date finder and normaliser, the entity recogniser, the query parser, and search
through a real store. Inputs are shaped like the domain (unit names, ranks, dates in every
spelling, noise lines, markup, control characters) so the rules are reached, not just the
"no match" path. Invariants: nothing raises (QueryError allowed for queries), every offset is
inside the text and on the characters it claims, spans are ordered and do not overlap, values
are valid. ``bench/fuzz.py`` runs the same invariants on a million inputs."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import store
from store.errors import QueryError
from store.model import LABELS
from store.search.query import parse as parse_query
from store.sources.formats import RawDoc
from store.text.dates import find_dates, parse_date
from store.text.entities import Recogniser
from store.text.parse import parse_article
from tui.safe import safe

# Pieces of real articles: the recogniser's and parser's rules start from words like these.
WORDS = [
    "Polres", "Polsek", "Polda", "Polresta", "Polrestabes", "Polres Metro", "Mapolres", "Kaltim", "Bontang",
    "Jawa Barat", "Pesisir Barat", "AKBP", "AKP", "Kombes Pol", "Kombespol", "Iptu", "Aiptu", "Bripka",
    "Brigjen Pol", "Letkol Inf", "Kapten", "Serda", "S.I.K.,", "M.H.", "S.Sos.", "Kapolres", "Kapolsek",
    "Wakapolda", "Kasat Samapta", "Bhabinkamtibmas", "Babinsa", "Kodim 0825", "Koramil", "Brimob",
    "Sat Lantas", "KPU", "KPU Kabupaten", "Bawaslu", "Panwascam", "PPK", "PPS", "KPPS", "TPS", "Sentra Gakkumdu",
    "Pemkab", "Satpol PP", "Linmas", "Forkopimda", "Kecamatan", "Desa", "Kelurahan", "Kabupaten", "Kota",
    "Pilkada", "Pilkada 2024", "Pemilu 2024", "PSU", "Operasi Mantap Praja", "personel", "1.112", "776",
    "Senin", "Rabu", "Minggu,", "(25/11/2024)", "(27/11)", "27/11/2024", "06 Oktober 2024", "27 Novemver 2024",
    "2024-11-27", "Oct 7, 2024", "kemarin", "hari ini", "besok", "pukul 09.00 WIB", "BUNGORO–",
    "PESBAR, MEDIALAMPUNG.CO.ID -", "Jakarta (ANTARA) -", "BACA JUGA:", "Baca juga:", "Tinggalkan Komentar",
    "Editor:", "Pewarta:", "Tags", "Share this article", "(Humas Polsek Bungoro)", "#", "##", "*", "\\*", "•",
    "patroli", "pengamanan", "bersama", "di", "dan", "yang", "melaksanakan", "TNI-Polri", '"', "“", "”", "’",
    "—", "–", "-", ":", ",", ".", "(", ")", "[bold red]", "[/]", "[link=x]", "\x1b[31m", "\x1b]8;;u\x07",
    "\u202e", "\u200b", "\ufeff", "\x00", "\t", "é", "İ", "ß", "ﬁ", "中", "\U0001f600",
]
SEPARATORS = [" ", " ", " ", "\n", "\n\n", "  ", "\r\n", ""]


@st.composite
def domain_text(draw: st.DrawFn, max_words: int = 60) -> str:
    """Token soup from article pieces, with arbitrary characters mixed in."""
    parts = draw(st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=6)), max_size=max_words))
    seps = draw(st.lists(st.sampled_from(SEPARATORS), min_size=len(parts), max_size=len(parts)))
    return "".join(p + s for p, s in zip(parts, seps, strict=True))


TEXTS = st.one_of(domain_text(), st.text(max_size=300))
PUBLISHED = st.sampled_from([None, "2024-11-26", "2024-11-26T10:15", "2025-01-02", "garbage", ""])
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def assert_spans(text: str, spans: list[tuple[int, int]], overlap_ok: bool = False) -> None:
    last = 0
    for s, e in spans:
        assert 0 <= s <= e <= len(text), (s, e, len(text))
        if not overlap_ok:
            assert s >= last, f"span {s}-{e} overlaps or is out of order"
        last = max(last, e)


def valid_iso(value: str) -> bool:
    try:
        return date.fromisoformat(value[:10]).isoformat() == value[:10]
    except ValueError:
        return False


@FUZZ
@given(TEXTS, st.dictionaries(st.sampled_from(["title", "outlet", "published", "author", "url"]),
                              st.one_of(st.none(), domain_text(8)), max_size=3))
def test_parse_article(text: str, meta: dict[str, str | None]) -> None:
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # formats normalise line ends first
    p = parse_article(RawDoc("fuzz.txt", text, meta))
    assert isinstance(p.text, str) and isinstance(p.title, str)
    assert_spans(p.text, [(n.start, n.end) for n in p.noise])
    for n in p.noise:
        assert p.text[n.start:n.end] == n.text
    if p.published:
        assert valid_iso(p.published), p.published


@FUZZ
@given(TEXTS, PUBLISHED)
def test_find_dates(text: str, published: str | None) -> None:
    found = find_dates(text, published)
    assert_spans(text, [(s, e) for s, e, _ in found])
    for s, e, value in found:
        assert e > s and text[s:e].strip() == text[s:e]
        assert value is None or valid_iso(value), value


@FUZZ
@given(st.one_of(st.sampled_from([w for w in WORDS if any(c.isdigit() for c in w)]), domain_text(4),
                 st.text(max_size=30)), PUBLISHED)
def test_parse_date_gives_a_valid_date_or_none_and_is_stable(text: str, published: str | None) -> None:
    value = parse_date(text, published)
    assert value is None or (len(value) == 10 and valid_iso(value)), value
    if value is not None:
        assert parse_date(value, published) == value  # its own output reads back the same


_RECOGNISER = Recogniser()


@FUZZ
@given(TEXTS, PUBLISHED)
def test_recognise(text: str, published: str | None) -> None:
    noise = parse_article(RawDoc("fuzz.txt", text.replace("\r", "\n"))).noise if "\r" not in text else []
    ents = _RECOGNISER.recognise(text, published, noise)
    assert_spans(text, [(e.start, e.end) for e in ents])
    for e in ents:
        assert e.end > e.start and text[e.start:e.end] == e.text and e.label in LABELS
        if e.label == "DATE" and e.value is not None:
            assert valid_iso(str(e.value)), e.value
        if e.label == "PERSONNEL" and e.value is not None:
            assert int(e.value) >= 0


QUERY_PIECES = ["patroli", "Polres", '"polres bontang"', '"', "-", "status:", "status:done", "status:nope",
                "type:patrol", "type:", "date:2024-11", "date:2024-11-01..2024-11-30", "date:..", "date:x",
                "label:PERSON", "label:PERSON=budi", "unit:", 'unit:"Polres Bontang"', "dup:yes", "outlet:",
                "(", ")", "*", "?", "~", "^", "AND", "OR", "NOT", ":", "\\", "[", "]", "{", "}", "/", "+", "é"]
QUERIES = st.one_of(
    st.lists(st.sampled_from(QUERY_PIECES), max_size=8).map(" ".join),
    st.lists(st.sampled_from(QUERY_PIECES), max_size=8).map("".join),
    st.text(max_size=60),
)


@FUZZ
@given(QUERIES)
def test_query_parse_raises_only_query_error(text: str) -> None:
    try:
        q = parse_query(text)
    except QueryError as exc:
        assert str(exc)  # a message a person can read
        return
    for term in q.terms:
        assert term.words and all(w for w in term.words)


@pytest.fixture(scope="module")
def fuzz_store(tmp_path_factory: pytest.TempPathFactory) -> store.Store:
    from tests.conftest import ARTICLE_A, ARTICLE_B

    d = tmp_path_factory.mktemp("fuzz")
    (d / "in").mkdir()
    (d / "in" / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (d / "in" / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    (d / "in" / "c.jsonl").write_text("\n".join(
        f'{{"title": "Polsek Uji {i} patroli", "text": "Polsek Uji {i} melaksanakan patroli malam ke-{i}."}}'
        for i in range(5)), encoding="utf-8")
    with store.open(d / "s", reviewer="rina") as st_:
        st_.ingest([d / "in"])
        aid = st_.search("bontang").hits[0]
        st_.set_status(aid, "done")
        st_.add_record(aid, type="patrol", unit="Polres Bontang", evidence=[{"start": 0, "end": 20}])
    opened = store.open(d / "s", reviewer="rina", read_only=True)
    yield opened
    opened.close()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(QUERIES, st.integers(min_value=-2, max_value=60), st.integers(min_value=-2, max_value=5))
def test_search_through_the_store_never_raises(fuzz_store: store.Store, text: str, limit: int, offset: int) -> None:
    """Whatever a person types reaches tantivy as a valid query or comes back as a message; a
    limit below 1 or a negative offset is refused with a StoreError (never a tantivy panic)."""
    if limit < 1 or offset < 0:
        with pytest.raises(store.InvalidArgument):
            fuzz_store.search(text, limit=limit, offset=offset)
        return
    result = fuzz_store.search(text, limit=limit, offset=offset)
    if result.error is not None:
        assert result.hits == []
        return
    assert 0 <= len(result.hits) <= max(0, limit) and result.total >= len(result.hits)
    for aid in result.hits:
        assert fuzz_store.summary(aid).id == aid


@FUZZ
@given(st.text())
def test_safe_keeps_length_and_removes_every_control(text: str) -> None:
    shown = safe(text)
    assert len(shown) == len(text)
    assert not any((ord(c) < 0x20 and c not in "\n\t") or 0x7F <= ord(c) < 0xA0 for c in shown)
    assert not any(c in shown for c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200b\u200e\u200f")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.integers(min_value=-5, max_value=2000), st.integers(min_value=-5, max_value=2000),
       st.sampled_from([*LABELS, None, "NOPE"]))
def test_corrections_at_any_offset_are_refused_or_exact(tmp_path_factory: pytest.TempPathFactory, start: int,
                                                        end: int, label: str | None) -> None:
    """An entity correction at arbitrary offsets is either refused with a StoreError or stored on
    exactly the characters asked for."""
    path = _writable_copy(tmp_path_factory)
    with store.open(path, reviewer="rina") as st_:
        aid = st_.search("bontang").hits[0]
        text = st_.article(aid).text
        try:
            o = st_.correct_entity(aid, start, end, label)
        except store.StoreError:
            assert not (0 <= start < end <= len(text)) or label == "NOPE" or label is None
            return
        assert 0 <= o["start"] < o["end"] <= len(text) and o["text"] == text[start:end]
        if label is not None:
            assert any(e.start == start and e.end == end and e.label == label for e in st_.article(aid).entities)


_COPY: dict[str, Path] = {}


def _writable_copy(factory: pytest.TempPathFactory) -> Path:
    """One small store shared by the examples (each one's correction is independent of the rest)."""
    if "path" not in _COPY:
        from tests.conftest import ARTICLE_A

        d = factory.mktemp("fuzz-w")
        (d / "in").mkdir()
        (d / "in" / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
        with store.open(d / "s", reviewer="rina") as st_:
            st_.ingest([d / "in"])
        _COPY["path"] = d / "s"
    return _COPY["path"]
