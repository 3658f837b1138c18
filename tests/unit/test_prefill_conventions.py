"""Record pre-fill by the conventions the gold set settles where the guidelines are silent
(tests/gold/real/README.md, "Conventions where the guidelines are silent"): the article's unit in
its short form, and a record drafted from the clause a reviewer selected when one sentence tells
two activities or a figure split by unit or place. Pages are invented in the shape of real ones
and drafted through ``Store.draft_record``."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.unit.prefill_pages import Opened, draft, open_pages

PAGES = {
    "long": """Polres Bukit Sari Geser Logistik ke Kecamatan

BUKIT SARI (KABARHULU) - Kepolisian Resor (Polres) Bukit Sari mengerahkan 90 personel untuk mengawal logistik pilkada dari Gudang Logistik KPU Kabupaten Bukit Sari, Senin (25/11/2024).

Setibanya di kecamatan, logistik dijaga tiga personel di setiap gudang PPK selama 24 jam.
""",
    "plain_long": """Logistik Pilkada Tiba di Kecamatan

Rantau Baru (ANTARA) - Kepolisian Resor Lembah Hijau mengerahkan 70 personel untuk mengawal logistik pilkada, Senin.

Logistik yang tiba di kecamatan dijaga dua personel selama 24 jam.
""",
}


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Opened]:
    yield from open_pages(tmp_path_factory.mktemp("conventions"), PAGES)


def drafted(pages: Opened, page: str, needle: str) -> dict[str, Any]:
    return draft(pages, page, needle)


@pytest.mark.parametrize(("page", "needle", "unit"), [
    ("long", "Kepolisian Resor (Polres)", "Kepolisian Resor (Polres) Bukit Sari"),  # written: as written
    ("long", "Setibanya di kecamatan", "Polres Bukit Sari"),  # the article's: its short form
    ("plain_long", "Logistik yang tiba", "Polres Lembah Hijau"),
])
def test_the_articles_unit_is_named_in_its_short_form(pages: Opened, page: str, needle: str,
                                                      unit: str) -> None:
    assert drafted(pages, page, needle)["unit"] == unit
