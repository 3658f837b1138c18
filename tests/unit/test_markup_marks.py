"""Where markdown's marks lie in a line copied as markdown (store.text.noise.markup_marks): the
reader dims them. Escapes, emphasis, a heading's hashes and a link's brackets and address are
marks; a star or underscore between words, a bullet and plain text are not."""

from __future__ import annotations

import pytest

from store import markup_marks


@pytest.mark.parametrize(("text", "marks"), [
    ("\\*Kapolsek Lamuru, Iptu Andi Sapo,\\* mengatakan", ["\\*", "\\*"]),
    ("**Polres Sidrap** menggelar apel", ["**", "**"]),
    ("*Sabtu malam, Polsek Tellu Siattinge berpatroli*", ["*", "*"]),
    ("## Polsek Ulaweng Jaga Gudang Logistik", ["## "]),
    ("sumber [KABARBONE.ID](https://kabarbone.id/x) hari ini", ["[", "](https://kabarbone.id/x)"]),
    ("__Bhabinkamtibmas__ hadir", ["__", "__"]),
    ("tarif 2*3 persen dan * butir kedua", []),
    ("nama_berkas dan pos_ronda", []),
    ("Polres Bone mengerahkan 120 personel.", []),
    ("", []),
])
def test_marks_are_found_and_words_are_not(text: str, marks: list[str]) -> None:
    assert [text[s:e] for s, e in markup_marks(text)] == marks


def test_marks_of_a_piece_are_offsets_into_the_whole_text() -> None:
    text = "Judul\n## Sub judul\nisi **tebal** di sini"
    start = text.index("isi")
    assert markup_marks(text, start) == [(text.index("**"), text.index("**") + 2),
                                         (text.rindex("**"), text.rindex("**") + 2)]
    assert markup_marks(text, 6, 17) == [(6, 9)]  # a heading's hashes where its line starts
    assert markup_marks(text, 7, 17) == []  # not mid-line
