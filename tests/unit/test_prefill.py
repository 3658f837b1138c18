"""Record pre-fill (``Store.draft_record``) and suggestions on invented real-shaped articles, one
rule per test: the venue where the activity happens, the acting unit, the type of the sentence's
own clause (issue 10, item 3), reported activities suggested (issue 11). Each article is ingested
into a real store on disk."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

import store
from tests.unit.prefill_pages import draft, open_pages

PAGES = {
    "gudang": """Polres Lebak Kawal Logistik Pilkada

LEBAK – Sat Lantas Polres Lebak mengawal pergeseran logistik Pilkada 2024 dari Gudang Logistik KPU Kabupaten Lebak di Desa Sukamanah menuju Kecamatan Cipanas, Senin (25/11/2024).

Setibanya di Kecamatan Cipanas, logistik disimpan di aula kantor camat dan dijaga personel Polsek Cipanas selama 24 jam.

Ketua KPU Lebak Rahmat Hidayat mengatakan pihaknya juga menyewa Gudang Bulog di Desa Pasir Eurih.

Selama proses pelipatan, gudang itu dijaga empat personel Polres Lebak secara bergantian.

Kasat Intelkam AKP Dodi Saputra memaparkan hasil pemetaan 12 TPS rawan yang berada di Kecamatan Sobang.
""",
    "units": """Polsek Sukaraja Sambangi Panwascam

CIREBON – Kapolres Cirebon AKBP Hendra Wiguna melalui Kapolsek Sukaraja menyampaikan, jajarannya menggelar patroli dialogis ke pusat keramaian di Kecamatan Sukaraja setiap malam.

Direktorat Pengamanan Objek Vital (Ditpamobvit) Polda Jabar menjaga Hotel Grand Cirebon selama rapat pleno, Selasa (3/12/2024).

Patroli serupa akan digelar hingga Selasa (26/11/2024), bergantian dengan Polresta Cirebon dan Polres Kuningan.

Personel dibagi dua: 60 personel berjaga di Hotel Grand Cirebon, sedangkan 90 personel disiagakan di Mapolres Cirebon sebagai pasukan cadangan.
""",
    "reported": """Polres Lingga Gelar Rakor Pengamanan Pilkada

DAIK – Polres Lingga menggelar rapat koordinasi pengamanan Pilkada 2024 di Aula Mapolres Lingga, Selasa (12/11/2024).

Dalam rakor itu, Kasat Intelkam IPTU Muh. Arifin memaparkan hasil pemetaan 14 TPS rawan di wilayah pesisir.

Kabag Ops Kompol Roni Saputra menambahkan, pihaknya telah memetakan jalur distribusi logistik di Kecamatan Senayang yang rawan terdampak gelombang tinggi.

Sebelum itu, simulasi pengamanan TPS akan digelar di Lapangan Merdeka Daik pada Kamis (14/11/2024).

Kapolres berharap seluruh pihak menjaga situasi tetap kondusif.
""",
    "apel": """Polda Maluku Geser Pasukan ke TPS

AMBON – Polda Maluku menggelar apel pergeseran pasukan pengamanan TPS Pilkada 2024 di Lapangan Apel Mapolda Maluku, Jumat (22/11/2024) pagi.

Apel yang diikuti 1.240 personel itu dipimpin Wakapolda Maluku dan turut diikuti prajurit Kodam XV/Pattimura.

Pleno rekapitulasi di KPU Provinsi Maluku nantinya juga dihadiri Bawaslu Provinsi Maluku.
""",
    "roles": """Kapolres Sukabumi Pimpin Pengamanan Pleno

SUKABUMI – Kepala Kepolisian Resor Sukabumi AKBP Samian memimpin langsung pengamanan rapat pleno di Gedung Pendopo Sukabumi, Selasa (3/12/2024).

KAPOLSEK CIBADAK IPTU ANDRI SETIAWAN bersama anggota berpatroli di Pasar Cibadak.

Kepala Polsek Cisaat AKP Dedi menyambangi Pantai Citepus untuk memantau situasi.

Sementara itu, gudang logistik dijaga bergantian selama 24 jam.
""",
    "patrol": """Patroli Malam Jelang Pencoblosan

JAKARTA, KOMPAS.com - Polres Metro Jakarta Barat melalui Sat Samapta menggelar patroli skala besar di kawasan Kota Tua, Sabtu (23/11/2024) malam.

Sebanyak 120 personel gabungan TNI-Polri dilibatkan dalam patroli tersebut.

Dalam patroli itu, petugas juga menurunkan alat peraga kampanye di sepanjang Jalan Gajah Mada.
""",
    "pleno": """Polres Garut Amankan Pleno

GARUT – Polres Garut mengamankan rapat pleno rekapitulasi suara tingkat kabupaten di Hotel Harmoni, Rabu (4/12/2024).

Sebelumnya, logistik hasil rekapitulasi dari 42 PPK dikawal ketat menuju gudang KPU Garut di Jalan Suherman.

Di Kecamatan Cikajang, puluhan personel Polsek Cikajang berjaga di kantor PPK.

Mereka bertugas bersama Linmas serta Babinsa dari Koramil 1107/Cikajang.
""",
    "hotel": """Polres Blitar Kota Kerahkan 160 Personel Amankan Rekapitulasi

KOTA BLITAR, Suarablitar – Polres Blitar Kota menerjunkan 160 personel gabungan untuk mengamankan rapat pleno rekapitulasi hasil penghitungan suara Pilkada 2024 yang digelar Komisi Pemilihan Umum (KPU) Kota Blitar pada Kamis (5/12/2024).

Kegiatan yang berlangsung di Ballroom Hotel Tugu ini melibatkan pengamanan tambahan dari personel Kodim 0808 Blitar dan Satpol PP.
""",
    "split": """Polres Temanggung Jaga 1.500 TPS

TEMANGGUNG – Polres Temanggung menyebar 420 personel untuk menjaga 1.500 TPS pada hari pemungutan suara Pilkada 2024, Rabu (27/11/2024).

Di wilayah Polsek Parakan, 30 personel menjaga 120 TPS, Polsek Ngadirejo menempatkan 25 personel untuk 100 TPS, sedangkan Polsek Tretep mengerahkan 12 personel di 40 TPS di Desa Tlogo.
""",
    "dates": """Polsek Kedurang Kawal Logistik

BINTUHAN – Polsek Kedurang mengawal logistik Pilkada 2024 ke kantor PPK Kedurang, Senin (25/11/2024).

Setibanya di kecamatan, logistik dijaga empat personel di gudang PPK hingga digeser ke TPS pada Selasa (26/11/2024).

Personel Polsek Kedurang Ilir sudah berangkat sehari sebelumnya karena perjalanan memakan waktu lima jam.

Apel pergeseran digelar di halaman Markas Polres Kaur pagi harinya.

Sisanya, 40 personel tetap tinggal di markas sebagai pasukan cadangan.
""",
}


@pytest.fixture(scope="module")
def gold_like(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[store.Store, dict[str, str]]]:
    yield from open_pages(tmp_path_factory.mktemp("prefill"), PAGES)


def test_a_named_venue_is_the_place_not_the_village_it_lies_in(gold_like: Any) -> None:
    assert draft(gold_like, "gudang", "Sat Lantas")["location"] == "Gudang Logistik KPU Kabupaten Lebak"


def test_a_place_in_a_scene_setting_clause_gives_way_to_the_venue_of_the_activity(gold_like: Any) -> None:
    assert draft(gold_like, "gudang", "Setibanya")["location"] == "aula kantor camat"


def test_a_sentence_pointing_back_to_a_venue_takes_the_last_one_of_that_kind(gold_like: Any) -> None:
    got = draft(gold_like, "gudang", "gudang itu dijaga")
    assert got["location"] == "Gudang Bulog"  # the last gudang named, not the sentence before's village


def test_where_the_mapped_places_lie_is_not_where_the_mapping_happened(gold_like: Any) -> None:
    got = draft(gold_like, "gudang", "Kasat Intelkam")
    assert got["location"] is None and got["type"] == "planning"


def test_the_unit_the_activity_goes_through_acts(gold_like: Any) -> None:
    assert draft(gold_like, "units", "melalui Kapolsek")["unit"] == "Polsek Sukaraja"


def test_a_sub_unit_written_out_before_its_acronym_is_one_unit(gold_like: Any) -> None:
    got = draft(gold_like, "units", "Direktorat Pengamanan")
    assert got["unit"] == "Direktorat Pengamanan Objek Vital (Ditpamobvit) Polda Jabar"
    assert got["location"] == "Hotel Grand Cirebon" and got["type"] == "static_guard"


def test_units_named_as_taking_turns_with_the_actor_are_not_the_actor(gold_like: Any) -> None:
    got = draft(gold_like, "units", "bergantian dengan")
    assert got["unit"] not in ("Polresta Cirebon", "Polres Kuningan")


def test_of_a_sentence_split_between_two_groups_the_first_clause_gives_type_and_place(gold_like: Any) -> None:
    got = draft(gold_like, "units", "Personel dibagi dua")
    assert got["type"] == "static_guard" and got["location"] == "Hotel Grand Cirebon"
    assert got["personnel"] == 60


def test_reported_activities_are_suggested_with_their_type_and_an_appeal_is_not(gold_like: Any) -> None:
    st, ids = gold_like
    art = st.article(ids["reported"])
    got = {art.text[s["evidence"][0]["start"]:s["evidence"][0]["end"]][:25]: s["type"]
           for s in st.suggestions(ids["reported"])}
    assert got.get("Dalam rakor itu, Kasat In") == "planning"  # one sentence despite "Muh."; the rakor is the scene
    assert got.get("Kabag Ops Kompol Roni Sap") == "planning"  # "menambahkan, pihaknya telah memetakan"
    assert got.get("Sebelum itu, simulasi pen") == "planning"  # a simulation of guarding is planning
    assert not any(k.startswith("Kapolres berharap") for k in got)


def test_the_sentence_after_the_lede_that_goes_on_about_the_apel_gives_partners_and_count(gold_like: Any) -> None:
    got = draft(gold_like, "apel", "AMBON")
    assert got["partners"] == ["Kodam XV/Pattimura"]  # not the guarded pleno's attendees two sentences on
    assert got["personnel"] == 1240 and got["type"] == "ceremony_apel"


def test_a_role_written_out_or_in_capitals_names_its_unit(gold_like: Any) -> None:
    assert draft(gold_like, "roles", "Kepala Kepolisian Resor")["unit"] == "Polres Sukabumi"
    assert draft(gold_like, "roles", "KAPOLSEK CIBADAK")["unit"] == "Polsek Cibadak"
    assert draft(gold_like, "roles", "Kepala Polsek Cisaat")["unit"] == "Polsek Cisaat"


def test_a_headline_role_does_not_run_into_the_headline_words(gold_like: Any) -> None:
    # the sentence names no unit: the article's main unit, not "Polres Sukabumi Pimpin Pengamanan Pleno"
    assert draft(gold_like, "roles", "gudang logistik dijaga")["unit"] == "Polres Sukabumi"


def test_a_sub_unit_the_activity_goes_through_is_written_with_its_parent(gold_like: Any) -> None:
    got = draft(gold_like, "patrol", "Polres Metro Jakarta Barat melalui")
    assert got["unit"] == "Sat Samapta Polres Metro Jakarta Barat" and got["partners"] == []
    assert got["location"] == "Kota Tua" and got["personnel"] == 120  # the count from the next sentence


def test_a_sentence_naming_the_activity_told_before_takes_its_place_unless_it_has_its_own(gold_like: Any) -> None:
    assert draft(gold_like, "patrol", "Sebanyak 120")["location"] == "Kota Tua"
    assert draft(gold_like, "patrol", "Dalam patroli itu")["location"] == "Jalan Gajah Mada"


def test_where_things_come_from_is_no_partner_but_who_comes_from_a_body_is(gold_like: Any) -> None:
    assert draft(gold_like, "pleno", "Sebelumnya")["partners"] == []  # "logistik ... dari 42 PPK"
    got = draft(gold_like, "pleno", "Di Kecamatan Cikajang")
    assert got["partners"] == ["Linmas", "Koramil 1107/Cikajang"]  # "Babinsa dari Koramil ...", next sentence
    assert got["location"] == "kantor PPK"  # an opening "Di Kecamatan X," frames the venue that follows


def test_the_lede_takes_where_and_with_whom_from_the_sentence_that_goes_on_about_it(gold_like: Any) -> None:
    got = draft(gold_like, "hotel", "Polres Blitar Kota menerjunkan")
    assert got["location"] == "Ballroom Hotel Tugu"
    assert got["partners"] == ["Kodim 0808 Blitar", "Satpol PP"]  # not the KPU whose pleno is guarded
    assert got["personnel"] == 160 and got["type"] == "static_guard"


def test_a_figure_split_by_unit_is_suggested_as_one_record_per_unit(gold_like: Any) -> None:
    st, ids = gold_like
    art = st.article(ids["split"])
    got = {(s["unit"], s["personnel"]): s for s in st.suggestions(ids["split"])
           if art.text.index("Di wilayah") <= s["evidence"][0]["start"]}
    assert set(got) == {("Polsek Parakan", 30), ("Polsek Ngadirejo", 25), ("Polsek Tretep", 12)}
    assert got[("Polsek Parakan", 30)]["partners"] == []  # the other Polseks are no partners of the first
    assert got[("Polsek Tretep", 12)]["location"] == "Desa Tlogo"
    first = got[("Polsek Parakan", 30)]
    rec = st.accept_suggestion(ids["split"], first["key"])  # the whole sentence, its first clause's slots
    try:
        left = {(s["unit"], s["personnel"]) for s in st.suggestions(ids["split"])}
        assert {("Polsek Ngadirejo", 25), ("Polsek Tretep", 12)} <= left  # still offered: their own records
        assert ("Polsek Parakan", 30) not in left
    finally:
        st.delete_record(rec.id)


def test_an_end_bound_is_not_the_date_and_the_day_before_is_counted(gold_like: Any) -> None:
    assert draft(gold_like, "dates", "Setibanya")["date"] == "2024-11-25"  # guarded "hingga" the 26th
    assert draft(gold_like, "dates", "sehari sebelumnya")["date"] == "2024-11-24"


def test_a_venue_named_by_its_kind_alone_is_the_one_named_before(gold_like: Any) -> None:
    assert draft(gold_like, "dates", "Sisanya")["location"] == "Markas Polres Kaur"
