"""A project's coding conventions (``[conventions]`` in the store's taxonomy.toml): where the
guidelines can be read either way, the pre-fill follows what the project settled. Measured on the
dev gold (session 14): a list of places drafted as the list suits the older dev pages' writers
(−76 records of 804 with ``first``), only the first place every guidelines-only writer since
(+29 of 867); the article's unit as the page most often writes it suits both (``first_written``:
−44 of 804 and −17 of 867). Pages are invented, ingested into a real store on disk and drafted
through ``Store.draft_record``."""

from __future__ import annotations

from pathlib import Path

import pytest

import store
from store.errors import StoreError

PAGE = """Polres Lembah Hijau Jaga Dua Kecamatan Rawan

LEMBAH HIJAU – Kepolisian Resor (Polres) Lembah Hijau menyiagakan 300 personel sejak Selasa (26/11/2024).

Polres Lembah Hijau menempatkan 40 personel di Kecamatan Sungai Batu dan Kecamatan Padang Luas untuk mengamankan pemungutan suara, Rabu (27/11/2024).

Sat Samapta Polres Lembah Hijau berpatroli di Desa Air Jernih, Desa Batu Gajah dan Desa Lubuk Tua pada malam harinya.

Sebanyak 20 personel berjaga di gudang logistik KPU Kabupaten Lembah Hijau selama 24 jam.
"""


def _draft(tmp_path: Path, conventions: str | None, needle: str) -> dict[str, object]:
    src, path = tmp_path / "in", tmp_path / "store"
    src.mkdir()
    path.mkdir()
    (src / "page.txt").write_text(PAGE, encoding="utf-8")
    if conventions is not None:
        (path / "taxonomy.toml").write_text(f"[conventions]\n{conventions}\n", encoding="utf-8")
    with store.open(path, reviewer="rina") as st:
        st.ingest([src])
        aid = next(a.id for a in st.articles())
        text = st.article(aid).text
        at = text.index(needle)
        start = text.rfind("\n", 0, at) + 1
        return st.draft_record(aid, start, text.index("\n", at))


@pytest.mark.parametrize(("conventions", "needle", "expected"), [
    (None, "menempatkan 40 personel", "Kecamatan Sungai Batu dan Kecamatan Padang Luas"),
    ('location_list = "all"', "berpatroli di Desa", "Desa Air Jernih, Desa Batu Gajah dan Desa Lubuk Tua"),
    ('location_list = "first"', "menempatkan 40 personel", "Kecamatan Sungai Batu"),
    ('location_list = "first"', "berpatroli di Desa", "Desa Air Jernih"),
])
def test_a_list_of_places_is_drafted_as_the_project_settled(tmp_path: Path, conventions: str | None,
                                                             needle: str, expected: str) -> None:
    assert _draft(tmp_path, conventions, needle)["location"] == expected


@pytest.mark.parametrize(("conventions", "expected"), [
    (None, "Polres Lembah Hijau"),
    ('unit_form = "first_written"', "Kepolisian Resor (Polres) Lembah Hijau"),
])
def test_a_sentence_naming_no_unit_takes_the_articles_in_the_form_settled(tmp_path: Path, conventions: str | None,
                                                                         expected: str) -> None:
    """"short": as the page most often writes its unit; "first_written": as its body first writes it."""
    assert _draft(tmp_path, conventions, "Sebanyak 20 personel berjaga")["unit"] == expected


@pytest.mark.parametrize(("conventions", "says"), [
    ('location_list = "last"', "location_list must be one of 'all', 'first'"),
    ('halaman = "keep"', "'halaman' is not a convention tandai knows"),
    ('location_list = 3', "location_list must be one of"),
    ('unit_form = "long"', "unit_form must be one of 'short', 'first_written'"),
])
def test_a_convention_it_does_not_know_is_one_line_naming_the_file(tmp_path: Path, conventions: str,
                                                                    says: str) -> None:
    with pytest.raises(StoreError) as err:
        _draft(tmp_path, conventions, "menempatkan 40 personel")
    message = str(err.value)
    assert says in message and "taxonomy.toml" in message and "\n" not in message
