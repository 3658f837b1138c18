"""A project's coding conventions (``[conventions]`` in the store's taxonomy.toml): where the
guidelines can be read either way, the pre-fill follows what the project settled. Measured on the
dev gold (session 14): a list of places drafted as the list suits the older dev pages' writers
(−76 records of 804 with ``first``), only the first place suits every guidelines-only writer since
(+29 of 867). Pages are invented, ingested into a real store on disk and drafted through
``Store.draft_record``."""

from __future__ import annotations

from pathlib import Path

import pytest

import store
from store.errors import StoreError

PAGE = """Polres Lembah Hijau Jaga Dua Kecamatan Rawan

LEMBAH HIJAU – Polres Lembah Hijau menempatkan 40 personel di Kecamatan Sungai Batu dan Kecamatan Padang Luas untuk mengamankan pemungutan suara, Rabu (27/11/2024).

Sat Samapta Polres Lembah Hijau berpatroli di Desa Air Jernih, Desa Batu Gajah dan Desa Lubuk Tua pada malam harinya.
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


@pytest.mark.parametrize(("conventions", "says"), [
    ('location_list = "last"', "location_list must be one of 'all', 'first'"),
    ('halaman = "keep"', "'halaman' is not a convention tandai knows"),
    ('location_list = 3', "location_list must be one of"),
])
def test_a_convention_it_does_not_know_is_one_line_naming_the_file(tmp_path: Path, conventions: str,
                                                                    says: str) -> None:
    with pytest.raises(StoreError) as err:
        _draft(tmp_path, conventions, "menempatkan 40 personel")
    message = str(err.value)
    assert says in message and "taxonomy.toml" in message and "\n" not in message
