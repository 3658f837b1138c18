"""Error classes found on real-shaped pages, one test a class (sentences written for these tests,
with invented names and places; none is taken from an article or the gold set)."""

from __future__ import annotations

from store.text.entities import recognise


def found(text: str, published: str | None = "2024-11-26") -> set[tuple[str, str]]:
    return {(e.label, e.text) for e in recognise(text, published)}


def test_weekday_with_time_of_day_before_the_date() -> None:
    ents = {(e.label, e.text): e.value for e in recognise(
        "Patroli digelar Senin malam (18/11/2024) dan berlanjut Kamis pagi (21/11) di Desa Wonorejo, "
        "lalu Jumat sore, 22 November 2024.", "2024-11-26")}
    assert ents[("DATE", "Senin malam (18/11/2024)")] == "2024-11-18"
    assert ents[("DATE", "Kamis pagi (21/11)")] == "2024-11-21"
    assert ents[("DATE", "Jumat sore, 22 November 2024")] == "2024-11-22"


def test_time_of_day_after_a_bare_weekday_stays_out() -> None:
    got = found("Personel bergerak pada Rabu pagi, kemudian 40 personel berjaga.")
    assert ("DATE", "Rabu") in got
    assert ("PERSONNEL", "40 personel") in got
