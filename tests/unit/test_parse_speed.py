"""The parser's and the article id's shortcuts give what their plain definitions give (issue 10,
ingest speed): a line without a day-and-month shape is not searched for dates, a lede with many
plain words is no date line, a sentence end is read from a line's last characters, an ASCII key
and an ASCII id are made by a table and by replacing. The references are the definitions as
first written; each shortcut must agree with them on any input."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from store.text import head, noise
from store.text.dates import find_dates, month_number, normalise_published
from store.text.normalise import normalised_for_id


def plain_timestamp(c: str) -> str | None:
    if not c or len(c) > 70 or not re.search(r"\d", c):
        return None
    rest = re.sub(r"^[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2},\s*(?=\w)", "", c)
    words = re.findall(r"[^\W\d_]+(?:'[^\W\d_]+)?", rest)
    unknown = [w for w in words if w.lower() not in head._STAMP_WORDS and not month_number(w)]
    if len(unknown) > 1 or sum(map(len, unknown)) > 10:
        return None
    return normalise_published(c)


def plain_dated_meta(c: str) -> str | None:
    if not c or len(c) > 200 or not re.search(r"\d", c):
        return None
    hits = [h for h in find_dates(c) if h[2]]
    if not hits:
        return None
    start, end, _ = hits[0]
    # a domain ("kabarsungai.co.id") is dropped before the words are counted
    outside = re.sub(r"[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}(?![\w.])", " ", c[:start] + " " + c[end:])
    rest = re.findall(r"[^\W\d_]+", outside)
    if len(rest) > 3:
        meta = any(w.lower() in head._META_WORDS for w in rest) or head._META_SHAPES.search(outside)
        plain = [w for w in rest if w.lower() not in head._META_WORDS and w.lower() not in head._STAMP_WORDS]
        lower = sum(w.islower() and w not in ("yang", "di", "dan") for w in plain)
        if not meta or len(plain) > head._META_MAX_WORDS or lower > head._META_MAX_LOWER:
            return None
    return normalise_published(c[start:])


# pieces of bylines, date lines, ledes and headlines: every date form find_dates values, day names
# alone, relative words, meta and stamp words, plain words in both cases, and the words a date can
# hold ("dini hari", "Jum'at", month names, "7th")
_PIECES = ["Senin", "Jum'at", "JUMAT", "Rabu", "Kamis", ", ", " ", " (", ")", "dini hari ", "malam ", "tanggal ",
           "25", "7", "/", "11", "/2024", "-", ".", "2024", "2024-11-27", " November ", " Nov ", "Novemver ", "oktober",
           "Oct ", "7th, ", "th", "15:48", "WIB", "pukul 08.30", "3 jam yang lalu", "Oleh ", "Penulis: ", "Redaksi",
           "| ", "— ", "Polres ", "Garut ", "menggelar ", "apel ", "di ", "yang ", "pada ", "kemarin", "besok ",
           "Kota Bandung, ", "\u00a0", "\t", "ſ", "K", "İ", "٣",
           # whole dates of each form, so that every form is met often
           "Oct 7, 2024", "Oct 7th, 2024", "May\u00a031 2024", "Selasa (26/11)", "26/11/24", "2024-11-27 08:00",
           "27 November 2024", "Rabu pagi, 13 November", "Sabtu (2/11/2024) malam", "1.112", "10.30"]
_LINES = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)


@settings(max_examples=3000, deadline=None)
@given(_LINES)
def test_date_lines_are_the_plain_definitions(c: str) -> None:
    assert head.timestamp(c) == plain_timestamp(c)
    assert head.dated_meta(c) == plain_dated_meta(c)


@settings(max_examples=2000, deadline=None)
@given(_LINES)
def test_a_line_without_the_date_hint_gives_no_date(c: str) -> None:
    """The hint is what find_dates needs for a valued date: every one it finds holds it."""
    valued = [h for h in find_dates(c) if h[2]]
    if valued or normalise_published(c):
        assert head.could_be_dated(c)
    for start, end, _ in valued:
        assert head.could_be_dated(c[start:end]), c[start:end]


def test_the_longest_dates_hold_few_plain_words() -> None:
    """_DATE_PLAIN_WORDS bounds the plain words of any valued date (the lede shortcut needs it)."""
    for date in ("Jum'at dini hari, tanggal (27 Novemver 2024)", "JUM’AT dini hari (27 november 2024)",
                 "Oct 7th, 2024", "Senin malam (25/11/2024)", "Kamis, 18 Oktober 2024"):
        hits = [h for h in find_dates(date) if h[2]]
        assert hits, date
        inside = date[hits[0][0] : hits[0][1]]
        plain = [w for w in re.findall(r"[^\W\d_]+", inside) if w.lower() not in head._NOT_PLAIN]
        assert len(plain) <= head._DATE_PLAIN_WORDS, (date, plain)


_ENDS = st.lists(st.sampled_from([*"ab. !?\"”’'.", "..", "x"]), max_size=8).map("".join)


@settings(max_examples=1500, deadline=None)
@given(_ENDS)
def test_sentence_ends_are_the_regexes(c: str) -> None:
    assert noise.ends_sentence(c) == bool(re.search(r"[^.][.!?][\"”’']?$", c))
    assert noise.ends_sentence(c, ".") == bool(re.search(r"[^.]\.[\"”’']?$", c))


_KEYS = st.text(alphabet=st.sampled_from([*"aZ9 _-.,:\t|*#éİK™", "\u00a0", "ß"]), max_size=30)


@settings(max_examples=1500, deadline=None)
@given(_KEYS)
def test_key_is_the_plain_definition(s: str) -> None:
    assert noise.key(s) == " ".join(re.sub(r"[\W_]+", " ", s.casefold()).split())


_TEXTS = st.lists(st.sampled_from([*"aB \n\n\t\r\x0b\x0c\x1c\x1f\x07", "  ", "Polres", "é", "\u200b", "\ufb01"]),
                  max_size=40).map("".join)


@settings(max_examples=2000, deadline=None)
@given(_TEXTS)
def test_article_id_text_is_the_plain_definition(text: str) -> None:
    plain = " ".join(unicodedata.normalize("NFKC", text).translate(
        dict.fromkeys(map(ord, "\ufeff\u200b\u2060\u00ad"))).casefold().split())
    assert normalised_for_id(text) == plain
