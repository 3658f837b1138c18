"""Recogniser classes of unit and venue boundaries found on the dev pages (session 11, issue 10
item 2): the record pre-fill takes the acting unit and the place from these entities, so a unit
or a venue cut short becomes a wrong record slot. Sentences are invented in the shapes of the
pages read."""

from __future__ import annotations

import pytest

from store.text.entities import Recogniser

_RECOGNISER = Recogniser()


def found(text: str, label: str) -> list[str]:
    """The texts of ``label``'s entities the real recogniser finds in ``text``."""
    return [e.text for e in _RECOGNISER.recognise(text, None, ()) if e.label == label]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a venue after "di" runs past three words when a venue head is inside it: the hall of a
        # hotel whose name is two words, one of them a known place
        (
            "Pleno digelar di Ballroom Hotel Mahkota Kapuas, Jalan Sudirman, Minggu.",
            "Ballroom Hotel Mahkota Kapuas",
        ),
        ("Rapat pleno berlangsung di Ballroom Hotel Sinar Biru sejak pagi.", "Ballroom Hotel Sinar Biru"),
        ("Rakor dilaksanakan di Lobi Hotel Grand Mutiara Permai, Kamis.", "Lobi Hotel Grand Mutiara Permai"),
    ],
)
def test_a_venue_after_a_preposition_runs_on_past_three_words(text: str, want: str) -> None:
    assert want in found(text, "LOC")


@pytest.mark.parametrize(
    ("text", "label", "want"),
    [
        # a region whose name holds "dan" is one name: the unit, the body and the place take it whole
        (
            "Personel Kepolisian Resor Pangkajene dan Kepulauan mengawal logistik ke pulau terluar.",
            "POLICE_UNIT",
            "Kepolisian Resor Pangkajene dan Kepulauan",
        ),
        (
            "Polres Pangkajene dan Kepulauan menerjunkan 200 personel.",
            "POLICE_UNIT",
            "Polres Pangkajene dan Kepulauan",
        ),
        (
            "Personel Polresta Pulau Ambon dan Pulau-Pulau Lease berjaga di gudang.",
            "POLICE_UNIT",
            "Polresta Pulau Ambon dan Pulau-Pulau Lease",
        ),
        (
            "Ketua KPU Kabupaten Pangkajene dan Kepulauan hadir dalam rapat.",
            "ELECTION_BODY",
            "KPU Kabupaten Pangkajene dan Kepulauan",
        ),
        ("Warga Pangkajene dan Kepulauan memadati lapangan.", "LOC", "Pangkajene dan Kepulauan"),
        # other names joined by "dan" stay two
        ("Polres Bone dan Kodim 1407/Bone berpatroli.", "POLICE_UNIT", "Polres Bone"),
    ],
)
def test_a_region_named_with_dan_is_one_name(text: str, label: str, want: str) -> None:
    assert want in found(text, label)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a functional unit written out without its acronym joins the unit after it, as "Satlantas
        # Polres X" and "Satuan ... (Satlantas) Polres X" do (the dev gold's marking of a chain)
        (
            "Anggota Satuan Lalu Lintas Polres Sidenreng mengatur arus kendaraan.",
            ["Satuan Lalu Lintas Polres Sidenreng"],
        ),
        (
            "Personel Satuan Reserse Kriminal Polresta Sukamaju menangkap pelaku.",
            ["Satuan Reserse Kriminal Polresta Sukamaju"],
        ),
        (
            "Satuan Polisi Perairan dan Udara Polres Lingkar berpatroli.",
            ["Satuan Polisi Perairan dan Udara Polres Lingkar"],
        ),
        ("Pengamanan dibantu Satuan Pembinaan Masyarakat.", ["Satuan Pembinaan Masyarakat"]),
        # the water police written without "Sat" joins its Polres; bare in a headline it is no unit the
        # pages mark, and after "Kasat" it is the role's
        (
            "Personel Polairud Polres Sinjai dan Satpolairud Polres Bone berpatroli.",
            ["Polairud Polres Sinjai", "Satpolairud Polres Bone"],
        ),
        ("Naik Perahu Warga, Polairud Kawal Logistik ke Pulau Tunda", []),
        ("Kasat Polairud Polres Sinjai Iptu Ahmad Yani mengatakan, kapal disiagakan.", ["Polres Sinjai"]),
        # a place named with a venue word is the unit's place, not a venue after it
        (
            "Personel Satlantas Polres Pelabuhan Ratu berjaga di Simpang Lima.",
            ["Satlantas Polres Pelabuhan Ratu"],
        ),
        ("Polres Pelabuhan Tanjung Emas menggelar apel.", ["Polres Pelabuhan Tanjung Emas"]),
    ],
)
def test_a_unit_chain_is_whole(text: str, want: list[str]) -> None:
    assert found(text, "POLICE_UNIT") == want


def test_a_role_of_a_place_named_with_a_venue_word_marks_no_venue() -> None:
    text = "Kapolres Pelabuhan Ratu AKBP Dede Hermawan memimpin apel di Lapangan Merdeka."
    assert found(text, "LOC") == ["Lapangan Merdeka"]
    assert found(text, "ROLE") == ["Kapolres"]
    # a satuan that is no police unit stays what it was
    assert found("Satuan Polisi Pamong Praja Kabupaten Bima ikut berjaga.", "POLICE_UNIT") == []


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a sports hall written in title case, as some pages write the acronym
        ("Kampanye akbar digelar di Gor Swecapura Gianyar pada Sabtu.", "Gor Swecapura Gianyar"),
        ("Massa berkumpul di halaman Gor Mandala Krida sejak pagi.", "Gor Mandala Krida"),
        # a venue numbered before its name: the number is part of it
        ("Logistik tiba di Dermaga 17 Marina Baru pada pagi hari.", "Dermaga 17 Marina Baru"),
        ("Apel digelar di Lapangan 45 Kembang Sari.", "Lapangan 45 Kembang Sari"),
    ],
)
def test_a_venue_in_title_case_or_with_a_number_is_labelled(text: str, want: str) -> None:
    assert want in found(text, "LOC")


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # an outlet named after a region, in a dateline, on its own line under the headline, as a web
        # address: no place
        ("MALANG, Jatim Sepekan – Satlantas Polresta Malang Kota mengalihkan arus.", ["MALANG"]),
        ("BATAM, Kepri Hari Ini – Polresta Barelang menggelar apel.", ["BATAM"]),
        (
            "Polsek Tambusai Amankan Kampanye\n\nRiau Pesisir\n23 Oktober 2024, 17:42 WIB\n\n"
            "Kampanye digelar di Lapangan Merdeka.",
            ["Lapangan Merdeka"],
        ),
        ("Top Riau\n\nKampanye digelar di Lapangan Merdeka.", ["Lapangan Merdeka"]),
        ("Artikel ini sudah terbit di RiauPesisir.com edisi cetak.", []),
    ],
)
def test_an_outlet_named_after_a_region_is_no_place(text: str, want: list[str]) -> None:
    assert found(text, "LOC") == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a province in the dateline's second slot, a dateline on its own line, a region alone stay places
        ("Cibarusah, Jabar\n\nApel digelar di Lapangan Merdeka.", ["Cibarusah", "Jabar"]),
        ("Pekanbaru, Riau (ANTARA) - Polda Riau menggelar apel.", ["Pekanbaru", "Riau"]),
        ("Bandung Barat\n\nApel digelar di Lapangan Merdeka.", ["Bandung Barat"]),
    ],
)
def test_a_region_beside_a_dateline_stays_a_place(text: str, want: list[str]) -> None:
    assert set(want) <= set(found(text, "LOC"))


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a candidate pair's number after a preposition is no place
        ("Massa pendukung dari Paslon Nomor 2 mendatangi kantor camat.", []),
        # a known place with "Hilir"/"Hulu" after it is another place's name, whole
        ("Patroli menyasar Batang Hilir di Kecamatan Tebing.", ["Batang Hilir", "Kecamatan Tebing"]),
        ("Warga Banyuasin Hulu memadati lapangan.", ["Banyuasin Hulu"]),
        # a town named with "Kuala", as with "Muara": the whole name, not the known place inside it
        ("Rakor digelar di Hotel Aquarius, Kuala Kapuas, Senin.", ["Hotel Aquarius", "Kuala Kapuas"]),
        ("Polsek Kurun berjaga. Kampanye digelar di Kuala Kurun.", ["Kuala Kurun"]),
        # a dateline in square brackets
        ("[TABANAN] – Polres Tabanan menggelar apel pergeseran pasukan.", ["TABANAN"]),
    ],
)
def test_place_names_whole_and_not_taken_from_other_words(text: str, want: list[str]) -> None:
    assert found(text, "LOC") == want


@pytest.mark.parametrize(
    ("text", "label", "want"),
    [
        # words that never continue a unit's or a street's name: an assignment, a distance, a
        # headline's abbreviations and verbs after the place
        (
            "Sebanyak 100 personel Satbrimob Polda NTT BKO Polres Lembata tiba.",
            "POLICE_UNIT",
            ["Satbrimob Polda NTT", "Polres Lembata"],
        ),
        ("Truk melintas di Jalan Lintas Sumatera KM 12 menuju gudang.", "LOC", ["Jalan Lintas Sumatera"]),
        (
            "Polres Tanjung Sari Pam Kampanye Terbuka di Lapangan Merdeka",
            "POLICE_UNIT",
            ["Polres Tanjung Sari"],
        ),
        ("Polres Tanah Merah Latih Personel Hadapi Pilkada", "POLICE_UNIT", ["Polres Tanah Merah"]),
        ("Polres Ogan Ilir Rakor Lintas Sektoral Jelang PSU", "POLICE_UNIT", ["Polres Ogan Ilir"]),
        # a compound direction ends a known place's name ("Barat Daya")
        ("Warga Sumba Barat Daya memadati lapangan.", "LOC", ["Sumba Barat Daya"]),
        ("Personel dari Aceh Barat Daya tiba.", "LOC", ["Aceh Barat Daya"]),
        # regencies of more than two words
        ("Polres Seram Bagian Timur berjaga; warga Seram Bagian Barat ikut.", "LOC", ["Seram Bagian Barat"]),
    ],
)
def test_names_end_where_the_name_ends(text: str, label: str, want: list[str]) -> None:
    assert found(text, label) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a hall of a body's office is the venue, whole
        ("Audiensi digelar di Aula Kantor KPU Kabupaten Sikka, Senin.", ["Aula Kantor KPU Kabupaten Sikka"]),
        ("Massa diterima di Ruang Rapat Sekretariat Bawaslu.", ["Ruang Rapat Sekretariat Bawaslu"]),
        # a named hall of an office's seat
        (
            "Pleno digelar di Gedung Pertemuan Kantor Bupati Lembah Hijau, Senin.",
            ["Gedung Pertemuan Kantor Bupati Lembah Hijau"],
        ),
        # bridges and statues are venues, as monuments are
        ("Personel berjaga di Jembatan Krueng Meureudu sejak pagi.", ["Jembatan Krueng Meureudu"]),
        ("Massa aksi bertahan di kawasan Patung Kuda Arjuna Wiwaha.", ["Patung Kuda Arjuna Wiwaha"]),
        # a Balinese banjar is a village division: its name follows it
        ("Logistik tiba di Banjar Kutampi, Desa Ped.", ["Banjar Kutampi", "Desa Ped"]),
        ("Polisi mengajak warga Banjar Kutampi menolak politik uang.", ["Banjar Kutampi"]),
    ],
)
def test_venues_of_offices_bridges_statues_and_banjar(text: str, want: list[str]) -> None:
    assert found(text, "LOC") == want


@pytest.mark.parametrize(
    ("text", "label", "want"),
    [
        # a press office's head written out is a role, then the unit
        (
            '"Kami kawal," kata Kepala Seksi Humas Polres Lumbung Inspektur Polisi Satu Rudi.',
            "POLICE_UNIT",
            ["Polres Lumbung"],
        ),
        (
            '"Kami kawal," kata Kepala Seksi Humas Polres Lumbung Inspektur Polisi Satu Rudi.',
            "ROLE",
            ["Kepala Seksi Humas"],
        ),
        # a press office named as the source of a page, in its credit lines, is no unit the text acts with
        ("Humas Polres Lumbung\n\nPersonel Polres Lumbung berpatroli.", "POLICE_UNIT", ["Polres Lumbung"]),
        ("Sumber: Bidhumas Polda Sulteng\nCopyright © 2024 Bidhumas Polda Sulteng", "POLICE_UNIT", []),
        ("Penulis: Humas Polres Sumbawa Barat | Dibaca: 214 kali", "POLICE_UNIT", []),
        # a watch post written in two words and a custom house are venues
        (
            "Di Pos Kamling Dukuh Ngemplak, Kapolsek berdialog dengan warga.",
            "LOC",
            ["Pos Kamling Dukuh Ngemplak"],
        ),
        ("Polisi menyambangi tokoh adat di Rumah Adat Suku Lewo Tana.", "LOC", ["Rumah Adat Suku Lewo Tana"]),
        # a headline's kind of village ("coastal", "border") is no village's name
        ("Kapolres Pantau TPS di Pekon Pesisir, Kotak Suara Dikawal Lewat Laut", "LOC", []),
        ("Polsek Sukamaju Patroli Desa Perbatasan", "LOC", []),
        # a handout credit naming the press office in capitals is no unit
        ("KORANKITA.COM/HO-HUMAS POLRES TTS", "POLICE_UNIT", []),
    ],
)
def test_press_offices_in_credits_and_more_venues(text: str, label: str, want: list[str]) -> None:
    assert found(text, label) == want


def test_an_award_named_for_a_kind_of_region_is_no_place() -> None:
    # "Kabupaten/Kota Layak Anak" is an award a region wins, not a region's name
    assert found("Lembah Hijau Raih Penghargaan Kabupaten Layak Anak", "LOC") == []
    assert found("Kota Sukamaju kembali meraih predikat Kota Layak Anak tahun ini.", "LOC") == [
        "Kota Sukamaju"
    ]
