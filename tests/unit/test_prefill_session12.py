"""Record pre-fill, session 12 (issue 10 item 3): the classes the judge pages e178-e189 (written from
the guidelines alone) showed for the place and the acting unit. Pages are invented in those pages'
shapes, ingested into a real store on disk and drafted through ``Store.draft_record``; each case is
one ``(needle, slot, expected)`` of the sentence holding the needle to its paragraph's end."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.unit.prefill_pages import Opened, needle_draft, open_pages

PAGES = {
    "start_named": """Polres Lembah Hijau Kawal Logistik ke 12 Kecamatan

LEMBAH HIJAU – Kepolisian Resor (Polres) Lembah Hijau mengawal pergeseran logistik Pilkada 2024 dari gudang logistik KPU Lembah Hijau di Kota Sejuk menuju 12 kecamatan dengan melibatkan 44 personel, Jumat (22/11/2024).

Sebelum berangkat, tim gabungan dari Polres Lembah Hijau dan KPU Lembah Hijau memeriksa truk pengangkut di halaman gudang tersebut.

Sementara itu, personel Polsek Sejuk mengawal kotak suara dari gudang KPU di Desa Mekar ke kantor PPK.
""",
    "pronoun": """Polres Tanjung Permai Gelar Apel Pergeseran Pasukan

TANJUNG PERMAI – Polres Tanjung Permai menggelar apel pergeseran pasukan di halaman Mapolres Tanjung Permai, Senin (25/11/2024).

Di Kecamatan Batu Putih, Kapolsek Batu Putih AKP Hendra Wijaya telah memetakan tiga TPS rawan banjir di tepi Sungai Batu Putih.

Pihaknya juga telah berkoordinasi dengan BPBD Kabupaten Tanjung Permai agar ketiga TPS itu dipindah sebelum hari pemungutan suara.

Kabag Ops Polres Tanjung Permai Kompol Yusuf menambahkan, pihaknya telah menyiapkan 250 personel untuk seluruh TPS.
""",
    "guard_noun": """Patroli Pasca Pilkada, Sat Samapta Polresta Bukit Indah Sambangi Gudang Logistik KPU

Bukit Indah, Kabarbukit.com // Personel Sat Samapta Polresta Bukit Indah menggelar patroli pasca Pilkada 2024 untuk memastikan keamanan gudang logistik Komisi Pemilihan Umum (KPU) Kabupaten Bukit Indah, Sabtu (7/12/2024) malam.

Patroli dipimpin Kanit Turjawali Ipda Sugeng dengan 12 personel.

Ipda Sugeng menjelaskan, personel juga berkoordinasi dengan petugas KPU Kabupaten Bukit Indah di gudang tersebut soal penjagaan malam.
""",
    "far_back": """Satlantas Polres Muara Baru Kawal Logistik Pilgub

humasmuara.id – Satlantas Polres Muara Baru mengawal pengiriman logistik Pilkada 2024 dari Gudang KPU Provinsi Sulawesi Raya di Kota Raya menuju Gudang Logistik KPU Kabupaten Muara Baru di Tanah Merah, Kamis (24/10/2024).

Logistik yang dikawal berupa bilik suara, segel dan tinta, diangkut dengan tiga truk.

Kasat Lantas Polres Muara Baru AKP Rahmat mengatakan, pengawalan dilakukan sejak truk meninggalkan gudang provinsi.

"Kami mengamankan logistik ini dari segala gangguan sampai tiba di tujuan," ujar Rahmat.

Saat melintas di Kecamatan Lembah, rombongan truk dikawal personel Polsek Lembah hingga batas kecamatan.

Setibanya di gudang, logistik tersebut dijaga personel Sat Samapta Polres Muara Baru bersama Linmas secara bergantian.
""",
    "kind_again": """Polres Sari Indah Melalui Sat Samapta Patroli Malam ke Gudang Logistik Pilkada

SARI INDAH, Warta Sari – Polres Sari Indah melalui Satuan Samapta menggelar patroli malam ke gudang logistik KPU yang menempati GOR Bina Raga, Kelurahan Sukamaju, Senin (14/10/2024).

Kasat Samapta AKP Gede Putra mengatakan, patroli ke gudang logistik dilakukan setiap malam hingga logistik didistribusikan ke PPK.

Sehari sebelumnya, Kapolres Sari Indah berkoordinasi dengan Ketua KPU Kabupaten Sari Indah di gudang tersebut soal jadwal penjagaan.
""",
    "also_guarded": """Polres Kota Bening Terjunkan 140 Personel Amankan Rekapitulasi

KOTA BENING, Warta Bening – Polres Kota Bening menerjunkan 140 personel gabungan untuk mengamankan rapat pleno rekapitulasi suara Pilkada 2024 yang digelar KPU Kota Bening, Kamis (5/12/2024).

Rapat pleno yang berlangsung di Ballroom Hotel Bening Indah itu juga dijaga personel Kodim 0799/Kota Bening, Dinas Perhubungan Kota Bening dan Satpol PP.

Sebelumnya, Kabag Ops Polres Kota Bening Kompol Agus memimpin apel persiapan di halaman Mako Polres Kota Bening.
""",
}

CASES = [
    # an escort's start named by its body and place ("dari gudang logistik KPU X di Y"): that venue, as the
    # guidelines' "Gudang Logistik KPU Kabupaten Lebak"; the warehouse pointed to later ("halaman gudang
    # tersebut") is that one; an unnamed one with its place ("dari gudang KPU di Desa M"): the place
    ("Kepolisian Resor (Polres) Lembah Hijau mengawal", "location", "gudang logistik KPU Lembah Hijau"),
    ("Sebelum berangkat, tim gabungan", "location", "gudang logistik KPU Lembah Hijau"),
    ("personel Polsek Sejuk mengawal", "location", "Desa Mekar"),
    # "Pihaknya" for the one the sentence before told of: the Kapolsek's unit; a speaker's "pihaknya"
    # ("Kabag Ops Polres X menambahkan, pihaknya ..."): the speaker's own unit
    ("Pihaknya juga telah berkoordinasi", "unit", "Polsek Batu Putih"),
    # ... its "ketiga TPS itu" points to many places never listed: no one place (the conventions)
    ("Pihaknya juga telah berkoordinasi", "location", None),
    ("Kabag Ops Polres Tanjung Permai Kompol Yusuf", "unit", "Polres Tanjung Permai"),
    # a guard's noun after its verb names what it guards: "memastikan keamanan gudang logistik KPU X"; the
    # warehouse pointed to later is the lede's, not the title-case headline's "Gudang Logistik KPU"
    ("Personel Sat Samapta Polresta Bukit Indah menggelar", "location",
     "gudang logistik Komisi Pemilihan Umum (KPU) Kabupaten Bukit Indah"),
    ("personel juga berkoordinasi dengan petugas KPU", "location",
     "gudang logistik Komisi Pemilihan Umum (KPU) Kabupaten Bukit Indah"),
    # "Setibanya di gudang" five sentences after the escort "menuju Gudang Logistik KPU X": that warehouse
    ("Setibanya di gudang, logistik", "location", "Gudang Logistik KPU Kabupaten Muara Baru"),
    # the kind said again with no name ("patroli ke gudang logistik dilakukan ..."): the pointer goes on back
    # to the venue the page named ("gudang logistik KPU yang menempati GOR X")
    ("Sehari sebelumnya, Kapolres Sari Indah", "location", "GOR Bina Raga"),
    # the event secured, said next to be guarded by others too ("Rapat pleno ... itu juga dijaga personel
    # Kodim X, Dinas Y dan Satpol PP"): they guard it with the unit; the apel after is another act
    ("Polres Kota Bening menerjunkan", "partners",
     ["Kodim 0799/Kota Bening", "Dinas Perhubungan Kota Bening", "Satpol PP"]),
    ("Kabag Ops Polres Kota Bening Kompol Agus", "partners", []),
]


@pytest.fixture(scope="module")
def opened(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Opened]:
    yield from open_pages(tmp_path_factory.mktemp("session12"), PAGES)


@pytest.mark.parametrize(("needle", "slot", "expected"), CASES, ids=lambda v: str(v)[:32])
def test_session_twelve(opened: Opened, needle: str, slot: str, expected: Any) -> None:
    assert needle_draft(opened, PAGES, needle)[slot] == expected
