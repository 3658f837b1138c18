"""The recogniser's speed-ups give what the plainer forms they replace gave (issue 10): word lists
matched as tries, sentence and line breaks found by several patterns, dates looked for without
relative words, and sentences remembered across articles."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from store.model import Span
from store.sources.formats import Skipped, iter_paths, read_source
from store.text import gazetteer as gz
from store.text.dates import RELATIVE, find_dates
from store.text.entities import Recogniser
from store.text.entities.patterns import _S, _alt, _alt_words, _cased
from store.text.entities.recogniser import _LINE_CACHE, _pieces, _split_at
from store.text.parse import parse_article

SAMPLES = Path(__file__).resolve().parents[2] / "sample_articles"

# every list the recogniser matches through _alt (patterns.py, heads.py)
LISTS = {
    name: getattr(gz, name).split("|")
    for name in ("RANKS_LONG", "POLICE_RANKS", "MILITARY_RANKS", "ROLES", "ELECTION_BODY_LONG", "GOV_LONG",
                 "GOV_BODIES", "PERSONNEL_QUALIFIERS", "ADMIN", "VENUES", "NAME_PREFIXES", "FIGURE_CUES",
                 "CANDIDACY", "ROLE_OFFICES")
}
LISTS["ELECTIONS (cased)"] = _cased(gz.ELECTIONS)
# what follows a word: nothing, the rest of a longer word of the list, blanks of every kind, a name
AFTER = ("", " ", "  Barat", "\u00a0Kota", "\tX", "an", "nya", ".", ", ", "-", " (", "/Polri")


def _articles() -> list[tuple[str, str | None, list[Span]]]:
    out = []
    for path in iter_paths([str(SAMPLES)]):
        if isinstance(path, Skipped):
            continue
        for doc in read_source(path):
            if not isinstance(doc, Skipped):
                parsed = parse_article(doc)
                out.append((parsed.text, parsed.published, list(parsed.noise)))
    return out


def test_a_list_matched_as_a_trie_matches_what_the_alternation_matched() -> None:
    """At one spot the words that match are prefixes of one another; both forms take the longest
    that lets the rest of the pattern match."""
    for name, words in LISTS.items():
        trie = re.compile(rf"(?:{_alt(words)})")
        plain = re.compile(rf"(?:{_alt_words(words)})")
        bounded = re.compile(rf"(?:{_alt(words)})(?![\w])")
        plain_bounded = re.compile(rf"(?:{_alt_words(words)})(?![\w])")
        for word in words:
            spaced = word.replace(" ", "  ")
            for text in [word + a for a in AFTER] + [spaced + a for a in AFTER] + [word + " " + w for w in words[:40]]:
                for pair in ((trie, plain), (bounded, plain_bounded)):
                    got, want = (p.match(text) for p in pair)
                    assert (got and got.span()) == (want and want.span()), (name, text)


def test_a_trie_takes_a_shorter_word_where_the_longer_one_leaves_the_rest_unmatched() -> None:
    pattern = re.compile(rf"(?:{_alt(['Kasat', 'Kasat Lantas', 'Ka'])}){_S}+Polres")

    def matched(text: str) -> str | None:
        m = pattern.match(text)
        return m.group() if m else None

    assert matched("Kasat Lantas Polres") == "Kasat Lantas Polres"
    assert matched("Kasat Polres") == "Kasat Polres"
    assert matched("Ka Polres") == "Ka Polres"
    assert matched("Kasat Lantasan Polres") is None


# the single pattern the pieces were found with before (one character class first)
_ONE_BREAK = re.compile(r"[.!?](?:(?<=[a-z]{3}.)|(?<=\)\.))(?P<q>[\"”]?)[ ]+(?=[\"“]?[A-Z])|\n")


def _pieces_one_pattern(text: str) -> list[tuple[int, int, bool]]:
    """The breaks as the one pattern found them, cut by the same ``_split_at``: what is checked is
    the finding of breaks, which the speed-up changed."""
    breaks = []
    for m in _ONE_BREAK.finditer(text):
        start, after = m.span()
        if after - start == 1 and text[start] == "\n":
            breaks.append((start, after, True))
        else:
            breaks.append((start + 1 + len(m["q"]), after, False))
    return _split_at(text, breaks)


def test_pieces_of_the_sample_articles_are_those_of_one_pattern() -> None:
    arts = _articles()
    assert len(arts) >= 30
    for text, _published, _noise in arts:
        assert _pieces(text) == _pieces_one_pattern(text)


_BREAKY = st.text(alphabet=st.sampled_from(list("abcdeKPQ.!?)(\"”“ \n\u00a0,")), max_size=80)


@settings(max_examples=400, deadline=None)
@given(_BREAKY)
def test_pieces_are_those_of_one_pattern(text: str) -> None:
    assert _pieces(text) == _pieces_one_pattern(text)


def test_pieces_at_the_edges() -> None:
    for text in ("", "\n", "\n\n\n", "Ada dia. Lalu\n\nKami pergi! Siapa? \"Kata dia.\" Tamat",
                 "Jalan Jend. Sudirman. Ada (Polres). Kota", "akhir!\u201d Baru", "abc.  \u201cKutipan"):
        assert _pieces(text) == _pieces_one_pattern(text), text


def _without_relative(text: str, published: str | None) -> list[tuple[int, int, str | None]]:
    return [d for d in find_dates(text, published) if text[d[0]:d[1]].lower() not in RELATIVE]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["kemarin", "besok", "lusa", "hari ini", "Senin", "Rabu", "(25/11)", "27/11/2024",
                                 "6 Oktober 2024", "Oct 7, 2024", "2024-11-27", ",", "(", ")", " ", "pada", "12",
                                 "Hari", "ini", "sore", "tanggal"]), max_size=12))
def test_dates_without_relative_words_are_the_others(words: list[str]) -> None:
    text = " ".join(words)
    for published in ("2024-11-26", None):
        assert find_dates(text, published, relative=False) == _without_relative(text, published)


def test_dates_without_relative_words_in_the_sample_articles() -> None:
    for text, published, _noise in _articles():
        assert find_dates(text, published, relative=False) == _without_relative(text, published)


def test_sentences_remembered_from_other_articles_give_what_a_fresh_recogniser_gives() -> None:
    """One recogniser over every sample article, twice and then under another publication date
    (remembered sentences, dates worked out again), against a fresh one for each article."""
    arts = _articles()
    shared = Recogniser()
    for published_shift in (False, False, True):
        for text, published, noise in arts:
            when = "2025-01-03" if published_shift else published
            assert shared.recognise(text, when, noise) == Recogniser().recognise(text, when, noise)


def test_sentences_remembered_past_the_cache_bound_give_what_a_fresh_recogniser_gives() -> None:
    """Between two readings of the sample articles, half the cache's bound of other sentences
    (remembered ones move from the old half to the young one), then the whole bound (they are
    forgotten): the same entities as a fresh recogniser's, dates worked out for each date."""
    arts = _articles()
    shared = Recogniser()
    for n, when in ((0, None), (_LINE_CACHE // 2, "2025-01-03"), (_LINE_CACHE, None)):
        shared.recognise("\n".join(f"Polsek Nomor {i} berjaga di Desa Sukamaju {i}." for i in range(n)))
        for text, published, noise in arts:
            assert shared.recognise(text, when or published, noise) == Recogniser().recognise(
                text, when or published, noise)


def test_noise_leaves_out_the_entities_inside_it_and_nothing_else() -> None:
    """Pieces keep their entities with offsets from the piece's start and are shifted only at
    the end: a noise span over part of a piece leaves out exactly the entities wholly inside
    it, among kept, dropped ("Kantor KPU" is a place) and second-pass ones."""
    text = ("Kapolres Garut AKBP Rudi Hartono, S.I.K. meninjau Kantor KPU Kabupaten Garut pada Senin (25/11/2024).\n"
            "Rudi mengatakan Polsek Cibatu dan Koramil 1105 siaga di TPS 07 Desa Sukamaju. Warga Cibatu tenang.")
    shared = Recogniser()
    plain = shared.recognise(text, "2024-11-26")
    assert {"LOC", "PERSON", "POLICE_UNIT", "DATE"} <= {e.label for e in plain}
    for ent in plain:
        noise = [Span(ent.start, ent.end, ent.text)]
        want = [e for e in plain if not (e.start >= ent.start and e.end <= ent.end)]
        assert shared.recognise(text, "2024-11-26", noise) == want
        assert Recogniser().recognise(text, "2024-11-26", noise) == want
