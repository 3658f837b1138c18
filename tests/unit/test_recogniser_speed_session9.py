"""Session 9's speed changes to the recogniser give what the slower forms gave. Each test builds
the form the change replaced (the patterns as written before, the anchored date forms tried in
turn) and compares it with the shipped one on lines written for these tests (invented names,
places and figures) and on shapes made to reach each branch."""

from __future__ import annotations

import re
from datetime import date

from store.text import dates
from store.text.entities import recognise
from store.text.entities.patterns import _DATELINE, _DATELINE_ALONE, _LO, _S, _UP

# the dateline patterns as they were before their runs were made possessive
_OLD_DATELINE = re.compile(
    rf"[ \t\u00a0*_#>]*(?:"
    rf"(?:[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+,{_S}*)?(?P<c>[A-Z][A-Z'’]+(?:{_S}[A-Z][A-Z'’]+){{0,2}})"
    rf"(?:{_S}*\([A-Z]{{1,6}}\))?(?={_S}*(?:,|[\-–—]))"
    rf"|[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+,{_S}*(?P<o>[{_UP}][{_LO}]+(?:{_S}[{_UP}][{_LO}]+){{0,2}}){_S}*[\-–—]"
    rf"|(?P<t>[{_UP}][{_LO}]+(?:{_S}[{_UP}][{_LO}]+){{0,2}})"
    rf"(?:,{_S}*[\w\-]+(?:\.[\w\-]+)*\.(?:com|id|co\.id|net|news|co|or\.id|go\.id)(?![\w])"
    rf"|(?:,{_S}*[A-Z][A-Za-z]+(?:{_S}[A-Z][A-Za-z]+)?)?{_S}*\([A-Z]{{2,12}}\){_S}*[\-–—]"
    rf"|,{_S}*(?=\d{{1,2}}{_S}+[A-Za-z]+{_S}+20\d\d))"
    rf")"
)
_OLD_DATELINE_ALONE = re.compile(
    rf"[ \t\u00a0*_#>]*(?P<t>[{_UP}][{_LO}]+(?:{_S}[{_UP}][{_LO}]+){{0,2}}),{_S}*"
    rf"(?P<r>[{_UP}][A-Za-z]+(?:{_S}[{_UP}][A-Za-z]+){{0,2}})[ \t\u00a0*_]*\n?\Z"
)

LINES = [
    "KARANGSARI - Polsek Karangsari menggelar apel.",
    "KARANG SARI BARU (ANTARA) - Warga berkumpul.",
    "KARANG SARI BARU LAMA - empat kata kapital.",
    "WONO'REJO, 3 Maret 2024 - pagi itu.",
    "Lembahsari (ANTARA) – Petugas berjaga.",
    "Lembah Sari Indah, Jawa Tengah (KRJ) - Apel digelar.",
    "Lembah Sari, kabarwarga.co.id - Apel digelar.",
    "Lembah Sari, 12 Mei 2024 - Apel digelar.",
    "Lembah Sari Indah Permai, 12 Mei 2024 - empat kata.",
    "kabarwarga.co.id, Lembah Sari - Apel digelar.",
    "kabar-warga.news.id, LEMBAHSARI - Apel digelar.",
    "kabarwarga.co.id Lembah Sari - tanpa koma.",
    "  **Lembah Sari, Jabar**\n",
    "> Lembah Sari Indah, Kalimantan Tengah",
    "Lembah Sari, Kalimantan Tengah Utara Jauh",
    "Lembah Sari, jabar",
    "Polres Lembahsari mengamankan 12 orang.",
    "Petugas berjaga di TPS 07 Desa Sukamaju.",
    "LEMBAHSARI",
    "Lembahsari,",
    "",
]


def _same(a: re.Match[str] | None, b: re.Match[str] | None) -> bool:
    if a is None or b is None:
        return a is b
    return a.span() == b.span() and a.groupdict() == b.groupdict()


def test_possessive_dateline_patterns_match_as_before() -> None:
    for line in LINES:
        for at in range(len(line) + 1):  # every suffix: lines that open with any of these shapes
            rest = line[at:]
            assert _same(_DATELINE.match(rest), _OLD_DATELINE.match(rest)), rest
            assert _same(_DATELINE_ALONE.match(rest), _OLD_DATELINE_ALONE.match(rest)), rest


def _numeric_in_turn(
    text: str, pos: int, ref: date | None, weekday: str | None, opened: bool
) -> tuple[int, str | None] | None:
    """``dates._numeric_at`` as it was: the three anchored forms tried one after another."""
    m = dates._A_ISO.match(text, pos)
    if m:
        return m.end(), dates._make(int(m["y"]), int(m["m"]), int(m["d"]), ref, None)
    m = dates._A_TEXT.match(text, pos)
    if m:
        month = dates.month_number(m["m"])
        if month is None:
            return None
        end = m.end()
        if opened:
            close = dates._A_CLOSE.match(text, end)
            end = close.end() if close else end
        y = m["y"]
        return end, dates._make(int(y) if y else None, month, int(m["d"]), ref, weekday)
    m = dates._A_NUM.match(text, pos)
    if m:
        y = m["y"]
        if m["sep"] == "." and (y is None or len(y) != 4):
            return None
        close = dates._A_CLOSE.match(text, m.end()) if opened else None
        if not (weekday or close or (y and len(y) == 4)):
            return None
        end = close.end() if close else m.end()
        return end, dates._make(int(y) if y else None, int(m["m"]), int(m["d"]), ref, weekday)
    return None


def test_one_pattern_at_a_digit_reads_dates_as_the_three_in_turn() -> None:
    shapes = [
        "2024-11-26",
        "2024-11-26T08",
        "2024-13-26",
        "1999-01-02",
        "26 November 2024",
        "5 Okt., 2023",
        "26 Nov",
        "26 kilo lagi",
        "7 Xyzabc 2024",
        "26/11/2024",
        "26/11/24",
        "26/11",
        "26-11-2024",
        "26-11/2024",
        "26.11.2024",
        "26.11.24",
        "1.112",
        "10.30",
        "31/2/2024",
        "26/11) pagi",
        "26 November 2024 )",
        "3/4/5/6",
        "12",
        "2024",
        "123 orang",
    ]
    refs = [None, date(2024, 11, 27), date(2025, 1, 2)]
    for shape in shapes:
        text = f"pada {shape} lalu"
        for ref in refs:
            for weekday in (None, "Selasa", "Senin"):
                for opened in (False, True):
                    got = dates._numeric_at(text, 5, ref, weekday, opened)
                    assert got == _numeric_in_turn(text, 5, ref, weekday, opened), (
                        shape,
                        ref,
                        weekday,
                        opened,
                    )


def test_dates_and_datelines_in_a_text_are_still_found() -> None:
    text = (
        "LEMBAHSARI (ANTARA) - Polres Lembahsari menggelar apel pada Selasa (26/11/2024) dan "
        "Rabu, 27 November 2024."
    )
    got = {(e.label, e.text, e.value) for e in recognise(text, "2024-11-27")}
    assert ("LOC", "LEMBAHSARI", None) in got
    assert ("DATE", "Selasa (26/11/2024)", "2024-11-26") in got
    assert ("DATE", "Rabu, 27 November 2024", "2024-11-27") in got


def test_no_force_or_functional_unit_pattern_matches_a_territorial_pol_word() -> None:
    """``_h_police`` skips the force's and the functional units' patterns where the key starts
    "Pol" (not "Polri"): none of them may match there."""
    from store.text.entities.heads import _RE_POLRI, _SUBUNIT, _SUBUNIT_LONG
    from store.text.entities.recogniser import _automaton

    keys = [k for k, v in _automaton().items() if any(h.__name__ == "_h_police" for h in v[2] + v[3])]
    pol = [k for k in keys if k.startswith("Pol") and not k.startswith("Polri")]
    assert {"Polres", "Polda", "Polsek", "Polresta"} <= set(pol)
    for key in pol:
        for after in (" Lembahsari", " (Polres) Lembahsari", "ri", " Satuan Lalu Lintas (Satlantas)", ""):
            text = key + after
            assert not _RE_POLRI.match(text) and not _SUBUNIT.match(text) and not _SUBUNIT_LONG.match(text), (
                text
            )
    got = {(e.label, e.text) for e in recognise("Polres Lembahsari, Polri dan Polda Sukamaju berjaga.")}
    assert {("POLICE_UNIT", "Polres Lembahsari"), ("POLICE_UNIT", "Polda Sukamaju")} <= got


def test_cached_date_making_gives_what_working_it_out_gives() -> None:
    """``dates._make`` is cached; a value asked twice, in any order, is the one worked out."""
    refs = [None, date(2024, 1, 2), date(2024, 11, 27), date(2024, 2, 29)]
    grid = [
        (year, month, day, ref, weekday)
        for year in (None, 24, 2024, 2023)
        for month in (1, 2, 11, 12, 13)
        for day in (1, 29, 30, 31)
        for ref in refs
        for weekday in (None, "Selasa", "JUMAT", "Ahad")
    ]
    for args in grid + grid[::-1]:
        assert dates._make(*args) == dates._make.__wrapped__(*args), args
