"""Where the recogniser breaks a text into pieces (line ends, sentence ends with their closing
quotes, "!" and "?"), taken from one group of each match, and walked in place by ``recognise``:
the same pieces as before (sentences written for this test)."""

from __future__ import annotations

import re

from store.text.entities.recogniser import _breaks, _pieces, _split_at

TEXT = (
    'JUDUL BERITA\n\n\nKapolres Wirasaba mengatakan, "Semua aman."  Personel tetap berjaga (siaga). Warga '
    "tenang! Apakah aman? \u201cYa,\u201d kata Budi.\u201d Lalu apel digelar.\nBaris akhir tanpa titik\n"
)


def test_the_breaks_are_the_sentence_and_line_ends() -> None:
    lines = [(m.start(), m.end(), True) for m in re.finditer(r"\n\n*", TEXT)]
    stops = [
        (m.start() + 1 + len(m["q"]), m.end(), False)
        for m in re.finditer(
            r"[.!?](?:(?<=[a-z]{3}.)|(?<=\)\.))(?P<q>[\"\u201d]?)[ ]+(?=[\"\u201c]?[A-Z])", TEXT
        )
        if TEXT[m.start()] == "." or TEXT[m.start() - 3 : m.start()].isalpha()
    ]
    assert _breaks(TEXT) == sorted(lines + stops)
    pieces = [TEXT[s:e] for s, e, _head in _pieces(TEXT)]
    assert pieces == [
        "JUDUL BERITA",
        'Kapolres Wirasaba mengatakan, "Semua aman."',
        "Personel tetap berjaga (siaga).",
        "Warga tenang!",
        "Apakah aman?",
        "\u201cYa,\u201d kata Budi.\u201d",
        "Lalu apel digelar.",
        "Baris akhir tanpa titik",
    ]
    assert _pieces(TEXT) == _split_at(TEXT, _breaks(TEXT))
