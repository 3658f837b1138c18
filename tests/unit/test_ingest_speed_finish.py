"""Entities wholly inside a noise span are left out, whether the span is a whole line or part of
one, and only those: pieces no noise span reaches into take the quick path (sentences written
for this test)."""

from __future__ import annotations

from store.model import Span
from store.text.entities import recognise

TEXT = (
    "Polres Wirasaba menyiagakan 120 personel di Kantor KPU Kabupaten Wirasaba, Senin (25/11/2024).\n"
    "Baca juga: Polsek Sukamaju Patroli ke Desa Sukamaju\n"
    "Kapolsek Sukamaju AKP Dani Saputra memimpin apel di Lapangan Merdeka. Pengamanan melibatkan Kodim 0712/Wirasaba."
)


def test_noise_spans_leave_out_only_what_they_hold_wholly() -> None:
    line2 = TEXT.index("Baca juga")
    line3 = TEXT.index("Kapolsek")
    apel = TEXT.index("Lapangan Merdeka")
    kodim = TEXT.index("Kodim")
    noise = [
        Span(line2, TEXT.index("\n", line2), "a related headline"),  # a whole line
        Span(apel - 3, apel + len("Lapangan Merdeka") + 1, ""),  # part of a line, one entity wholly
        Span(kodim + 2, kodim + 30, ""),  # part of an entity: it stays
    ]
    got = [(e.label, e.text) for e in recognise(TEXT, "2024-11-26", noise)]
    every = [(e.label, e.text) for e in recognise(TEXT, "2024-11-26")]
    assert ("POLICE_UNIT", "Polsek Sukamaju") in every and ("LOC", "Lapangan Merdeka") in every
    left_out = [("POLICE_UNIT", "Polsek Sukamaju"), ("LOC", "Desa Sukamaju"), ("LOC", "Lapangan Merdeka")]
    assert got == [ent for ent in every if ent not in left_out]
    assert ("LOC", "Kantor KPU Kabupaten Wirasaba") in got and (
        "ELECTION_BODY",
        "KPU Kabupaten Wirasaba",
    ) not in got
    assert ("MILITARY_UNIT", "Kodim 0712/Wirasaba") in got and line3 < kodim
