"""The parser's fast paths give what the plain definitions give (issue 10, ingest speed): a
whole text spaced once and free of markup is split without cleaning each line, and one
combined pattern stands before the four boilerplate patterns."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from store.sources.raw import RawDoc
from store.text import noise
from store.text.parse import parse_article


def plain_lines(text: str) -> list[tuple[int, int, str, str]]:
    """Each line with its offsets and its clean form, cleaned one line at a time."""
    out, pos = [], 0
    for raw in text.split("\n"):
        c = "" if not raw or len(raw) > noise.MAX_NOISE_LINE else noise.clean(raw)
        out.append((pos, pos + len(raw), raw, c))
        pos += len(raw) + 1
    return out


_PIECES = [*"ab C\n\n \t\u00a0\u200b*_#|>•[]()\\", "  ", "Baca juga: ", "Tags:", "Editor: Ani", "© 2024 ",
           "[x](http://a.b)", "Polres Garut menggelar apel. ", "x" * 420]
# mostly plain texts (the fast path, and its edges: a line opening or ending with a space),
# and texts with anything a line can hold
_TEXTS = st.one_of(st.lists(st.sampled_from([*"ab C\n\n ", "Baca juga: ", "x" * 420]), max_size=30).map("".join),
                   st.lists(st.sampled_from(_PIECES), max_size=40).map("".join))


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_split_lines_is_the_plain_definition(text: str) -> None:
    assert [(ln.start, ln.end, ln.text, ln.clean) for ln in noise.split_lines(text)] == plain_lines(text)


_LINES = st.lists(st.sampled_from(["Baca juga", " ", ":", "Tags", "Artikel Sebelumnya", "share", "Facebook",
                                   "Twitter", "Berita Terkait", "©", "12", "komentar", "Editor", "x", "Iklan"]),
                  max_size=6).map("".join)


@settings(max_examples=600, deadline=None)
@given(_LINES)
def test_boilerplate_is_any_of_the_four(line: str) -> None:
    four = any(p.match(line) for p in (noise.PREV_NEXT, noise.TAGS, noise.LIST_HEAD, noise.NOISE))
    assert (noise.BOILERPLATE.match(line) is not None) == four


def test_a_page_with_boilerplate_parses_as_before() -> None:
    """Both paths of split_lines in one parse: the markup line sends the text down the slow one."""
    body = ("Garut, MEDIA.CO.ID - Polres Garut menggelar apel pengamanan di halaman Mapolres pada Senin.\n\n"
            "Baca juga: Polsek Lain Patroli\n\nTags:\nPilkada\nPolres\n\nEditor: Ani")
    plain = parse_article(RawDoc("a.txt", "Polres Garut Gelar Apel\n\n" + body))
    marked = parse_article(RawDoc("b.txt", "**Polres Garut Gelar Apel**\n\n" + body))
    assert plain.title == marked.title == "Polres Garut Gelar Apel"
    assert [s.text for s in plain.noise] == [s.text for s in marked.noise] == [
        "Baca juga: Polsek Lain Patroli", "Tags:", "Pilkada", "Polres", "Editor: Ani"]
