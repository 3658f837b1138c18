"""Record pre-fill of the acting unit, the partners and the type on invented real-shaped pages,
one class of error per test (issue 10, item 3). Each page is ingested into a real store on disk
and drafted through ``Store.draft_record``, as the workbench does."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import store
from tests.unit.prefill_pages import draft, open_pages

PAGES = {
    "escort": """Polres Batu Ampar Kawal Logistik ke 11 Kecamatan

BATU AMPAR - Polres Batu Ampar mengawal pendistribusian logistik Pilkada 2024 dari Gudang Logistik KPU Kabupaten Batu Ampar menuju sebelas Panitia Pemilihan Kecamatan (PPK), Kamis (21/11/2024).

Kabag Ops Polres Batu Ampar Kompol Dedi Rahman menambahkan, logistik untuk Kecamatan Bukit Tinggi Raya dikawal Sat Samapta bersama prajurit Kodim 0410/Batu Ampar.

Personel Polairud Polres Batu Ampar lalu menyeberangkan kotak suara ke Gedung Serbaguna Tanjung Kelapa, tempat PPK Tanjung Kelapa menyimpan logistik.

Untuk TPS sangat rawan, polisi menyiagakan 16 personel dibantu 20 anggota Brimob Polda Riau Kepulauan.

Satuan Polisi Perairan dan Udara (Satpolairud) Polres Batu Ampar menyisir perairan Pulau Rempang dengan dua kapal.
""",
    "meeting": """Polres Sungai Kuning Gelar Rakor Sentra Gakkumdu

SUNGAI KUNING - Polres Sungai Kuning bersama Bawaslu Kabupaten Sungai Kuning menggelar rapat koordinasi di Kantor Bawaslu Kabupaten Sungai Kuning, Jumat (15/11/2024).

Polres Sungai Kuning menyiagakan 40 personel di Kantor KPU Kabupaten Sungai Kuning selama sidang sengketa di Mahkamah Konstitusi.

Kapolres Sungai Kuning AKBP Yusuf Hamid memimpin patroli ke sejumlah desa di wilayah hukumnya.

Kapolsek Rantau Baru AKP Anton memimpin apel patroli di depan Posko Terpadu Pasar Rantau Baru pada malam harinya.

Patroli itu melibatkan 12 personel gabungan dari Polsek Rantau Baru, Koramil 0312/Rantau Baru dan Dinas Perhubungan.
""",
    "types": """Polres Tanjung Laut Siaga Pleno

TANJUNG LAUT - Kapolres Tanjung Laut AKBP Rudi Hartono mengatakan, pola pengamanan pleno telah disepakati dalam rapat koordinasi bersama KPU Kabupaten Tanjung Laut di Aula Mapolres Tanjung Laut, Rabu (4/12/2024).

Sementara itu, personel Polsek Sungai Besar mendatangi sebuah rumah di Desa Teluk Dalam setelah warga melaporkan pembagian sembako dari tim salah satu pasangan calon.

Selain kegiatan tatap muka, Sat Reskrim Polres Tanjung Laut menggelar patroli siber untuk memantau unggahan provokatif.

Polres Tanjung Laut memberangkatkan 60 personel pengamanan TPS ke pulau-pulau terluar menggunakan kapal.

Polres Tanjung Laut menyiagakan 40 personel di Kantor KPU Kabupaten Tanjung Laut selama sidang sengketa berlangsung.

Pengamanan diperkuat 30 personel Satbrimob Polda Riau Kepulauan yang disiagakan di Mapolres Tanjung Laut sebagai pasukan cadangan.
""",
}


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[store.Store, dict[str, str]]]:
    yield from open_pages(tmp_path_factory.mktemp("prefill-slots"), PAGES)


def test_what_a_statement_tells_names_its_own_actor_not_the_speakers_unit(pages: Any) -> None:
    got = draft(pages, "escort", "menambahkan")
    assert got["unit"] == "Sat Samapta"
    assert got["partners"] == ["Kodim 0410/Batu Ampar"]  # the speaker's Polres takes no part


def test_a_unit_written_out_before_its_acronym_is_one_unit_with_its_parent(pages: Any) -> None:
    got = draft(pages, "escort", "menyisir perairan")
    assert got["unit"] == "Satuan Polisi Perairan dan Udara (Satpolairud) Polres Batu Ampar"
    assert got["partners"] == []


def test_a_unit_helping_with_a_count_before_it_is_a_partner_not_the_actor(pages: Any) -> None:
    got = draft(pages, "escort", "dibantu 20")
    assert got["unit"] == "Polres Batu Ampar"
    assert got["partners"] == ["Brimob Polda Riau Kepulauan"]


def test_bodies_that_are_a_destination_or_name_a_place_are_no_partners(pages: Any) -> None:
    assert draft(pages, "escort", "menuju sebelas")["partners"] == []  # "menuju sebelas PPK"
    assert draft(pages, "escort", "menyeberangkan")["partners"] == []  # "tempat PPK X menyimpan"
    assert draft(pages, "meeting", "sidang sengketa")["partners"] == []  # "sidang di Mahkamah Konstitusi"


def test_a_body_taking_part_is_a_partner_even_where_its_office_is_the_venue(pages: Any) -> None:
    got = draft(pages, "meeting", "menggelar rapat koordinasi")
    assert got["location"] == "Kantor Bawaslu Kabupaten Sungai Kuning"
    assert got["partners"] == ["Bawaslu Kabupaten Sungai Kuning"]


def test_partners_of_a_later_activity_are_not_carried_back_past_it(pages: Any) -> None:
    assert draft(pages, "meeting", "sejumlah desa")["partners"] == []  # the apel's patrol, not this one
    got = draft(pages, "meeting", "apel patroli")
    assert got["partners"] == ["Koramil 0312/Rantau Baru", "Dinas Perhubungan"]


def test_the_way_a_guard_is_done_agreed_in_a_meeting_is_coordination(pages: Any) -> None:
    assert draft(pages, "types", "pola pengamanan")["type"] == "coordination"


def test_an_activity_answering_a_report_is_an_incident_response(pages: Any) -> None:
    assert draft(pages, "types", "setelah warga melaporkan")["type"] == "incident_response"


def test_what_follows_selain_is_not_the_activity(pages: Any) -> None:
    assert draft(pages, "types", "patroli siber")["type"] == "patrol"


def test_the_personnel_a_guard_is_for_do_not_make_a_deployment_a_guard(pages: Any) -> None:
    assert draft(pages, "types", "memberangkatkan 60")["type"] == "troop_deployment"


def test_personnel_placed_at_a_guarded_place_guard_it_and_a_reserve_is_a_deployment(pages: Any) -> None:
    assert draft(pages, "types", "menyiagakan 40")["type"] == "static_guard"
    assert draft(pages, "types", "pasukan cadangan")["type"] == "troop_deployment"


def test_a_next_sentence_naming_another_kind_of_activity_gives_no_partners(tmp_path: Path) -> None:
    page = """Polres Tanah Merah Amankan PSU

TANAH MERAH - Polres Tanah Merah mengamankan pemungutan suara ulang di TPS 05 Desa Karang Rejo, Selasa (3/12/2024).

Patroli gabungan Kodim 1701/Tanah Merah dan Polres Tanah Merah menyasar gudang PPK Tanah Merah Utara pada malam harinya.
"""
    for st, ids in open_pages(tmp_path, {"psu": page}):
        art = st.article(ids["psu"])
        start = art.text.index("TANAH MERAH -")
        got = st.draft_record(ids["psu"], start, art.text.index("\n", start))
        assert got["partners"] == []  # the Kodim patrols; it takes no part in guarding the re-vote
