"""Recogniser, parser, title and date classes found on the dev pages e150-e158 (an eleventh
transfer check, session 10, weighted to entities, titles and publication dates)."""

from __future__ import annotations

import random

import pytest

from store.sources.raw import RawDoc
from store.text.entities import Recogniser
from store.text.parse import ParsedArticle, parse_article


@pytest.fixture(scope="module")
def recogniser() -> Recogniser:
    return Recogniser()


def labelled(recogniser: Recogniser, text: str) -> list[tuple[str, str]]:
    return [(e.label, e.text) for e in recogniser.recognise(text, None, ())]


def of_label(recogniser: Recogniser, text: str, label: str) -> list[str]:
    return [t for lab, t in labelled(recogniser, text) if lab == label]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a name doubled with a hyphen is one name: the unit, the body and the place take it whole
        (
            "Personel Polsek Lampe-Lampe bersama Koramil 1402-05/Lampe-Lampe menjaga gudang di Kecamatan Lampe-Lampe.",
            [
                ("POLICE_UNIT", "Polsek Lampe-Lampe"),
                ("MILITARY_UNIT", "Koramil 1402-05/Lampe-Lampe"),
                ("LOC", "Kecamatan Lampe-Lampe"),
            ],
        ),
        (
            "Ketua PPK Sero-Sero, Hartini, hadir.",
            [("ROLE", "Ketua"), ("ELECTION_BODY", "PPK Sero-Sero"), ("PERSON", "Hartini")],
        ),
        (
            "Kampanye digelar di Desa Liya Kecamatan Wangi-Wangi Selatan.",
            [("LOC", "Desa Liya"), ("LOC", "Kecamatan Wangi-Wangi Selatan")],
        ),
        # a known place doubled is another place's name, not the known one twice ("Bone" is a regency)
        ("Personel berjaga di Kecamatan Bone-Bone.", [("LOC", "Kecamatan Bone-Bone")]),
        # a head word doubled is a plural: no place ("Pulau-Pulau Dikawal" in a headline)
        (
            "Kotak Suara dari Pulau-Pulau Dikawal Polisi ke Gudang KPU Buru Selatan",
            [("LOC", "Gudang KPU Buru Selatan")],
        ),
        # a Koramil named for its kecamatan, with no number, in a headline and in running text
        (
            "Koramil Wela Bersama Polsek Wela Patroli Malam Jelang Pencoblosan",
            [("MILITARY_UNIT", "Koramil Wela"), ("POLICE_UNIT", "Polsek Wela")],
        ),
        (
            "Menurut Yohanis, Koramil Wela menempatkan dua prajurit di setiap desa.",
            [("PERSON", "Yohanis"), ("MILITARY_UNIT", "Koramil Wela"), ("PERSONNEL", "dua prajurit")],
        ),
        # a headline's verb after it is no part of its name
        (
            "Babinsa Koramil Cibaru Bantu Warga Bangun Jembatan",
            [("ROLE", "Babinsa"), ("MILITARY_UNIT", "Koramil Cibaru")],
        ),
        # bare "Brimob" is the corps, as "Polri" is: no unit ("Danki Brimob" is a role, then a rank)
        (
            "Pasukan tersebut dipimpin Danki Brimob Iptu Fadli Lamasitu dan membantu pengamanan.",
            [("ROLE", "Danki"), ("RANK", "Iptu"), ("PERSON", "Fadli Lamasitu")],
        ),
        (
            "Personel Brimob Polda Lembah tiba di Sukamaju.",
            [("POLICE_UNIT", "Brimob Polda Lembah"), ("LOC", "Sukamaju")],
        ),
        # a name after a rank written out with its abbreviation in brackets
        (
            "kata Kapolres Lembah Ajun Komisaris Besar Polisi (AKBP) Samsul Bahri Lubis di Sukamaju.",
            [
                ("ROLE", "Kapolres"),
                ("RANK", "Ajun Komisaris Besar Polisi"),
                ("RANK", "AKBP"),
                ("PERSON", "Samsul Bahri Lubis"),
                ("LOC", "Sukamaju"),
            ],
        ),
        # a venue in a venue, a venue of a kecamatan
        (
            "Dokumen dikawal dari Dermaga Pelabuhan Tunon Lama menuju gudang.",
            [("LOC", "Dermaga Pelabuhan Tunon Lama")],
        ),
        (
            "Kegiatan serupa digelar di Pendopo Kecamatan Pagerwangi.",
            [("LOC", "Pendopo Kecamatan Pagerwangi")],
        ),
        # a headline's short passive verb ends the body's region; a headline's capitalised qualifier is the count's
        (
            "Pleno Rekapitulasi KPU Sukamaju Dijaga 175 Personel Gabungan",
            [("ELECTION_BODY", "KPU Sukamaju"), ("PERSONNEL", "175 Personel Gabungan")],
        ),
        ("Kantor KPU Kabupaten Boven Digoel dijaga ketat.", [("LOC", "Kantor KPU Kabupaten Boven Digoel")]),
        # a bare weekday told as past dates the event ("Minggu lalu" is last week)
        ("Sabtu kemarin anggota menyisir kantor PPK.", [("DATE", "Sabtu"), ("ELECTION_BODY", "PPK")]),
        ("Minggu lalu warga berkumpul di balai.", []),
        # the office of a place, the ground of an office, a road between two places
        (
            "Rekapitulasi digelar di Aula Kantor Kecamatan Sukarame, Senin.",
            [("LOC", "Aula Kantor Kecamatan Sukarame"), ("DATE", "Senin")],
        ),
        (
            "Simulasi digelar di Lapangan Kantor Bupati Lembah untuk warga.",
            [("LOC", "Lapangan Kantor Bupati Lembah")],
        ),
        (
            "Patroli melintasi Jalan Raya Sukamaju–Pangkalan dan Jalan Lembah–Bukit Sari.",
            [("LOC", "Jalan Raya Sukamaju–Pangkalan"), ("LOC", "Jalan Lembah–Bukit Sari")],
        ),
        # a headline's adverb or long passive after a name is no part of it
        ("PPK Sukamaju Sempat Tunda Pleno", [("ELECTION_BODY", "PPK Sukamaju")]),
        ("Logistik Pilkada Diseberangkan ke Pulau Damar", [("ELECTION", "Pilkada"), ("LOC", "Pulau Damar")]),
        # a unit named in a credit's handout mark or after a photographer's initials
        ("Personel menjaga kotak suara di perahu. ANTARA/HO-Humas Polres Lembah", []),
        ("(SKO/Humas Polsek Sukamaju)", []),
        # an office-holder's name after a body's region: the region ends at the known place before it
        (
            "Patroli diikuti Ketua KPU Kabupaten Kulon Progo Sri Hartini dan Ketua Bawaslu Kota Sawahlunto Desriyanti.",
            [
                ("ROLE", "Ketua"),
                ("ELECTION_BODY", "KPU Kabupaten Kulon Progo"),
                ("PERSON", "Sri Hartini"),
                ("ROLE", "Ketua"),
                ("ELECTION_BODY", "Bawaslu Kota Sawahlunto"),
                ("PERSON", "Desriyanti"),
            ],
        ),
        (
            "Ketua KPU Kabupaten Biak Numfor mengatakan",
            [("ROLE", "Ketua"), ("ELECTION_BODY", "KPU Kabupaten Biak Numfor")],
        ),
        (
            "Ketua KPU Halmahera Selatan mengatakan",
            [("ROLE", "Ketua"), ("ELECTION_BODY", "KPU Halmahera Selatan")],
        ),
    ],
)
def test_names_of_the_eleventh_check(recogniser: Recogniser, text: str, want: list[tuple[str, str]]) -> None:
    assert labelled(recogniser, text) == want


def parsed(text: str) -> ParsedArticle:
    return parse_article(RawDoc("uji.txt", text, {}))


def noise_lines(text: str) -> list[str]:
    return [n.text for n in parsed(text).noise]


CAPTIONED = """WARTA LEMBAH

Polsek Sukamaju Jaga Gudang Logistik PPK

Kamis, 21 November 2024 | 19:40 WITA

{caption}

LEMBAH – Personel Polsek Sukamaju menjaga Gudang Logistik PPK Sukamaju, Kamis (21/11/2024).

Penjagaan dilakukan bergantian selama 24 jam oleh delapan personel.
"""


@pytest.mark.parametrize(
    "caption",
    [
        "Kapolsek Sukamaju Iptu Dedi Rusli memeriksa gembok gudang, Kamis siang. (Foto: Humas Polres Lembah)",
        "Babinsa dan Bhabinkamtibmas berbincang dengan warga di Desa Sukamaju, Senin malam. (FOTO: HUMAS POLRES LEMBAH)",
        "Foto: Personel Polsek Sukamaju mengawal truk pengangkut kotak suara. (Istimewa)",
        "Petugas memuat kotak suara ke truk di halaman gudang KPU Lembah. ANTARA/HO-Polres Lembah",
        "Suasana penjagaan di gudang logistik PPK Sukamaju, Kamis. Foto: Rudi Hartono/wartalembah",
    ],
)
def test_a_photo_caption_is_body_text_and_its_credit_no_unit(recogniser: Recogniser, caption: str) -> None:
    """A caption tells what the picture shows in a sentence: annotated like body text (the
    annotation guidelines), so it is no noise; the credit closing it names no unit."""
    page = CAPTIONED.format(caption=caption)
    art = parsed(page)
    assert caption not in [n.text for n in art.noise]
    assert art.title == "Polsek Sukamaju Jaga Gudang Logistik PPK"
    found = labelled(recogniser, caption)
    assert ("POLICE_UNIT", "Polres Lembah") not in found
    assert ("POLICE_UNIT", "POLRES LEMBAH") not in found
    assert found  # the caption's own entities


@pytest.mark.parametrize(
    "credit",
    [
        "Kategori: Berita, Sat Samapta",
        "Rubrik: Hukum",
        "Foto: Humas Polres Lembah",
        "Penulis: Tim Redaksi | Foto: Dok. Humas Polres Lembah",
        "(Foto: Istimewa)",
        "Foto: ilustrasi",
        "Ilustrasi amplop politik uang. (Foto: Istimewa)",
    ],
)
def test_a_credit_or_a_category_line_is_noise(credit: str) -> None:
    assert credit in noise_lines(CAPTIONED.format(caption=credit))


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("Surat suara untuk 61 TPS di Kecamatan Lampe dan Tana Rawa.", ["Kecamatan Lampe", "Tana Rawa"]),
        (
            "Situasi di Kecamatan Mareda, Haruka dan Kanalu terpantau kondusif.",
            ["Kecamatan Mareda", "Haruka", "Kanalu"],
        ),
        (
            "Pleno membacakan hasil mulai Kecamatan Kabanu hingga Seberang Rawa.",
            ["Kecamatan Kabanu", "Seberang Rawa"],
        ),
        (
            "Patroli menyambangi kantor Kapanewon Pengalas, Sendolo dan Lendu.",
            ["Kapanewon Pengalas", "Sendolo", "Lendu"],
        ),
        # no list: a date, a person in apposition, a place with its own head
        ("Personel berjaga di Kecamatan Lampe, Senin (25/11/2024).", ["Kecamatan Lampe"]),
        ("Camat di Kecamatan Lampe, Ahmad Fauzi, mengatakan situasi aman.", ["Kecamatan Lampe"]),
        (
            "Gudang di Kecamatan Lampe dan Balai Desa Sukarame dijaga.",
            ["Kecamatan Lampe", "Balai Desa Sukarame"],
        ),
    ],
)
def test_bare_names_listed_after_a_districts_head_are_places(
    recogniser: Recogniser, text: str, places: list[str]
) -> None:
    assert of_label(recogniser, text, "LOC") == places


def test_an_indonesian_month_written_first_dates_the_page() -> None:
    """An English-format date line of an Indonesian site: the month's Indonesian name first."""
    page = (
        "WARTA LEMBAH\n\nPolsek Sukamaju Sambangi Panwascam\n\nRedaksi   Oktober 17, 2024   0 Komentar\n\n"
        "LEMBAH -- Kapolsek Sukamaju menyambangi kantor Panwascam Sukamaju, Kamis (17/10/2024) siang.\n"
    )
    assert (parsed(page).published or "")[:10] == "2024-10-17"
    assert "Redaksi   Oktober 17, 2024   0 Komentar" in noise_lines(page)


@pytest.mark.parametrize(
    ("text", "count", "other"),
    [
        # "BKO" is a status, no part of a unit nor of a count (the guidelines); Linmas is a body of its own
        ("Sebanyak 450 personel BKO tiba di Sukamaju.", "450 personel", None),
        ("Setiap TPS dijaga dua anggota Linmas.", "dua anggota", ("GOV_ORG", "Linmas")),
        ("Polres menyiapkan 60 personel cadangan di markas.", "60 personel", None),
        ("Sebanyak 30 personel Dalmas berjaga di depan kantor.", "30 personel", None),
        # a count's own qualifiers stay with it
        ("Sebanyak 75 personel gabungan TNI-Polri berjaga.", "75 personel gabungan TNI-Polri", None),
    ],
)
def test_a_count_takes_no_status_nor_another_body(
    recogniser: Recogniser, text: str, count: str, other: tuple[str, str] | None
) -> None:
    found = labelled(recogniser, text)
    assert [t for lab, t in found if lab == "PERSONNEL"] == [count]
    assert other is None or other in found


LISTED = """WARTA LEMBAH

Polsek Sukamaju Jaga Gudang Logistik PPK

Kamis, 21 November 2024 | 19:40 WITA

LEMBAH – Personel Polsek Sukamaju menjaga Gudang Logistik PPK Sukamaju, Kamis (21/11/2024).

{head}
Warga Cibaru Keluhkan Jalan Rusak Jelang Musim Hujan
Polres Lembah Siapkan 600 Personel Amankan Pilkada

Penjagaan dilakukan bergantian selama 24 jam oleh delapan personel.
"""


@pytest.mark.parametrize(
    "head", ["Bacaan Lainnya", "Pos terkait", "Jangan Lewatkan", "Berita Lembah Lainnya"]
)
def test_a_list_of_other_headlines_is_noise(head: str) -> None:
    noise = noise_lines(LISTED.format(head=head))
    assert head in noise and "Polres Lembah Siapkan 600 Personel Amankan Pilkada" in noise


# --- classes the two transfer checks of session 10 left on the dev part (helper L7) ---------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a place whose last word is also a common word ("dalam"): capitalised in running text it is the name's
        (
            "Anggota Koramil 07/Lubuk Dalam ikut mengawal kotak suara.",
            [("MILITARY_UNIT", "Koramil 07/Lubuk Dalam")],
        ),
        (
            "Kapal disiagakan di Pelabuhan Sungai Dalam, Sabtu.",
            [("LOC", "Pelabuhan Sungai Dalam"), ("DATE", "Sabtu")],
        ),
        # the common word in lower case is the preposition
        (
            "Personel Polsek Sukamaju dalam pengamanan itu berjumlah 20 orang.",
            [("POLICE_UNIT", "Polsek Sukamaju"), ("PERSONNEL", "20 orang")],
        ),
    ],
)
def test_names_the_transfer_checks_left(
    recogniser: Recogniser, text: str, want: list[tuple[str, str]]
) -> None:
    assert labelled(recogniser, text) == want


@pytest.mark.parametrize(
    ("line", "place"),
    [
        # a place in capitals with its outlet's web name in brackets
        ("BUKIT TINGGI (Lembahkita.id) – Personel Polsek Sukamaju menjaga gudang logistik.", "BUKIT TINGGI"),
        ("Sukamaju (beritalembah.com) - Personel Polsek Sukamaju menjaga gudang logistik.", "Sukamaju"),
        # a title-case place of two words before a plain dash, as the parser takes it
        ("Lembah Hijau - Jelang Pilkada serentak 2024, Polsek Sukamaju menggiatkan patroli.", "Lembah Hijau"),
    ],
)
def test_a_dateline_with_an_outlets_web_name_or_a_plain_dash(
    recogniser: Recogniser, line: str, place: str
) -> None:
    assert ("LOC", place) in labelled(recogniser, line)


@pytest.mark.parametrize(
    "line",
    [
        "Kapolres Sukamaju - AKBP Budi Santoso - memimpin apel.",
        "Sambut Pilkada - Polsek Sukamaju menggelar patroli.",
    ],
)
def test_a_title_case_opening_that_is_no_place_is_no_dateline(recogniser: Recogniser, line: str) -> None:
    assert not of_label(recogniser, line, "LOC")


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        # a venue of a village or district under its regional name is one venue, as 'Balai Desa X' is
        ("Logistik disimpan di Balai Kalurahan Sidomulyo.", "Balai Kalurahan Sidomulyo"),
        ("Rapat digelar di Balai Nagari Sungai Lembah.", "Balai Nagari Sungai Lembah"),
        ("Warga berkumpul di Balai Gampong Lamsukma.", "Balai Gampong Lamsukma"),
        ("Kapolsek hadir di Pendopo Kapanewon Sukamaju.", "Pendopo Kapanewon Sukamaju"),
    ],
)
def test_a_venue_of_a_regional_division_is_one_venue(recogniser: Recogniser, text: str, venue: str) -> None:
    assert of_label(recogniser, text, "LOC") == [venue]


@pytest.mark.parametrize(
    "headline",
    [
        # a superlative after a head word in a headline says which one, it is no name
        "Bharaka Dikerahkan, Kawal Kotak Suara ke Kecamatan Terjauh",
        "Polisi Kawal Logistik ke Pulau Terluar",
        "Babinsa Sambangi Desa Terpencil Jelang Pencoblosan",
    ],
)
def test_a_superlative_after_a_head_word_is_no_place(recogniser: Recogniser, headline: str) -> None:
    assert not of_label(recogniser, headline, "LOC")


@pytest.mark.parametrize(
    ("text", "person"),
    [
        # a regional head's name after the region the role is of, as a body's holder's is (a436236)
        (
            "Sementara itu, Penjabat Gubernur Papua Pegunungan Yakobus Wenda mengatakan situasi aman.",
            "Yakobus Wenda",
        ),
        ("Bupati Kulon Progo Agus Santoso menyampaikan terima kasih.", "Agus Santoso"),
        ("Kapolres Garut Markus Kogoya menegaskan pihaknya siap.", "Markus Kogoya"),
    ],
)
def test_a_regional_heads_name_after_the_region(recogniser: Recogniser, text: str, person: str) -> None:
    assert ("PERSON", person) in labelled(recogniser, text)


def test_a_rank_after_the_region_stays_the_rank(recogniser: Recogniser) -> None:
    found = labelled(recogniser, "Kapolres Yalimo Kompol Markus Kogoya mengatakan pihaknya siap.")
    assert ("RANK", "Kompol") in found and ("PERSON", "Markus Kogoya") in found


# --- same output, fewer instructions: the parser's line ends (helper L7) --------


def _texts(seed: int, n: int) -> list[str]:
    """Random texts from ASCII (every control character, CR/LF runs, spaces), some Unicode
    (letters that case-fold, NFKC forms, invisible characters, other line ends, a lone surrogate)."""
    rng = random.Random(seed)
    ascii_pool = [chr(c) for c in range(128)] + [" "] * 20 + ["\r\n", "\n\n", "\r", "  ", "\t"] * 4
    wide = [
        "ß",
        "İ",
        "Ｐ",
        "ﬁ",
        "\ufeff",
        "\u200b",
        "\u2060",
        "\u00ad",
        "\u00a0",
        "\u2028",
        "\x85",
        "é",
        "e\u0301",
        "Σ",
        "\u3000",
        "\ud800",
        "\U0001f600",
    ]
    out = ["", " ", "\r\n", "\x1c\x1f", "A", "  A  B  ", "\n\r\n\r", "Polres X\r\nPatroli\r\rMalam\x0b"]
    for i in range(n):
        pool = ascii_pool + (wide if i % 3 == 0 else [])
        out.append("".join(rng.choice(pool) for _ in range(rng.randrange(0, 400))))
    return out


def test_line_ends_are_read_as_before() -> None:
    for text in _texts(11, 300):
        old = parse_article(RawDoc("uji.txt", text.replace("\r\n", "\n").replace("\r", "\n"), {}))
        assert parse_article(RawDoc("uji.txt", text, {})) == old, repr(text)


@pytest.mark.parametrize("end", ["\n", "\r\n", "\r", "\r\r\n"])
def test_an_article_reads_the_same_with_any_line_end(end: str) -> None:
    page = LISTED.format(head="Bacaan Lainnya")
    got = parse_article(RawDoc("uji.txt", page.replace("\n", end), {}))
    assert got == parse_article(
        RawDoc("uji.txt", page.replace("\n", end).replace("\r\n", "\n").replace("\r", "\n"), {})
    )
    assert got.title == "Polsek Sukamaju Jaga Gudang Logistik PPK"


@pytest.mark.parametrize(
    ("text", "person"),
    [
        # the holder's name also ends at the sentence's end, a comma or a conjunction
        ("Apel dihadiri Dandim dan Bupati Garut Rudi Hartono.", "Rudi Hartono"),
        ("Hadir pula Pj Bupati Sleman Agus Santoso dan Ketua DPRD.", "Agus Santoso"),
    ],
)
def test_a_regional_heads_name_ends_at_a_stop_or_a_conjunction(
    recogniser: Recogniser, text: str, person: str
) -> None:
    assert ("PERSON", person) in labelled(recogniser, text)


def test_a_place_with_a_direction_after_a_known_one_is_no_name(recogniser: Recogniser) -> None:
    found = labelled(recogniser, "Patroli dipimpin Camat Sinjai Borong Utara.")
    assert not [t for lab, t in found if lab == "PERSON"]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # a village named with a number before its name word (Palembang's 'Ilir'/'Ulu' kelurahan)
        ("Patroli menyusuri Kelurahan 14 Ulu, Kecamatan Seberang Ulu II.", "Kelurahan 14 Ulu"),
        ("Warga Kelurahan 30 Ilir menyambut patroli itu.", "Kelurahan 30 Ilir"),
    ],
)
def test_a_numbered_village_name_is_the_village(recogniser: Recogniser, text: str, place: str) -> None:
    assert ("LOC", place) in labelled(recogniser, text)


def test_a_count_after_a_village_head_is_no_name(recogniser: Recogniser) -> None:
    found = labelled(recogniser, "Di Desa 12 Personel disiagakan.")
    assert not [t for lab, t in found if lab == "LOC" and "12" in t]


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        # a hall named after the police ('Bhayangkara', no rank here) or not, in a unit's headquarters
        ("Rakor digelar di Aula Bhayangkara Polres Sukamaju, Selasa.", "Aula Bhayangkara Polres Sukamaju"),
        (
            "Rakor digelar di Aula Gedung Bhayangkara Polres Lembah Hijau.",
            "Aula Gedung Bhayangkara Polres Lembah Hijau",
        ),
        ("Rapat digelar di Aula Rupatama Polres Sukamaju.", "Aula Rupatama Polres Sukamaju"),
        ("Rapat digelar di Gedung Bhayangkara.", "Gedung Bhayangkara"),
    ],
)
def test_a_hall_in_a_units_headquarters_is_one_venue(recogniser: Recogniser, text: str, venue: str) -> None:
    found = labelled(recogniser, text)
    assert ("LOC", venue) in found and not [t for lab, t in found if lab == "POLICE_UNIT"]


def test_a_rank_named_bhayangkara_stays_a_rank(recogniser: Recogniser) -> None:
    found = labelled(recogniser, "Di aula itu Bhayangkara Dua Andi Saputra berjaga.")
    assert ("RANK", "Bhayangkara Dua") in found


@pytest.mark.parametrize(
    "text",
    [
        # an event noun opening a sentence before 'juga' or a speech verb is the event, not a person
        "Rakor juga menyepakati simulasi pengamanan di Lapangan Merdeka.",
        "Pleno juga menetapkan hasil rekapitulasi suara.",
        "Simulasi juga melibatkan personel gabungan.",
        "Pertemuan juga membahas titik rawan.",
    ],
)
def test_an_event_noun_opening_a_sentence_is_no_person(recogniser: Recogniser, text: str) -> None:
    assert not of_label(recogniser, text, "PERSON")


def test_a_name_opening_a_sentence_before_juga_stays_a_person(recogniser: Recogniser) -> None:
    assert ("PERSON", "Ridwan") in labelled(recogniser, "Ridwan juga mengingatkan warga agar tertib.")


@pytest.mark.parametrize(
    ("headline", "label"),
    [
        # a headline's passive right after a head word is the headline's verb, no name
        ("Pleno Tingkat Kecamatan Dimulai, Kapolsek Diminta Siaga", "LOC"),
        ("Rapat Pleno di Hotel Dijaga Ketat", "LOC"),
        ("Sidang Sengketa di MK Dimulai, Polres Sukamaju Siaga", "GOV_ORG"),
    ],
)
def test_a_headline_passive_after_a_head_word_is_no_name(
    recogniser: Recogniser, headline: str, label: str
) -> None:
    assert not [t for lab, t in labelled(recogniser, headline) if lab == label and " Di" in t]


@pytest.mark.parametrize(
    "text",
    [
        # a service branch is the armed forces' part, no specific unit (GUIDELINES: MILITARY_UNIT), as bare TNI
        "Pengawalan dilakukan personel TNI AL dari Pos Angkatan Laut.",
        "Polisi dan TNI AL Kawal Ketat Logistik",
        "Prajurit TNI AD dan TNI Angkatan Udara ikut berjaga.",
    ],
)
def test_a_service_branch_is_no_unit(recogniser: Recogniser, text: str) -> None:
    assert not of_label(recogniser, text, "MILITARY_UNIT")


def test_a_navy_base_stays_a_unit(recogniser: Recogniser) -> None:
    assert ("MILITARY_UNIT", "Lanal Bengkulu") in labelled(
        recogniser, "Personel TNI AL dari Lanal Bengkulu berjaga."
    )


@pytest.mark.parametrize(
    "text",
    [
        # one office word before two bodies joined by 'dan' is the offices of both: the bodies are marked
        "Masa Tenang, Sat Samapta Polres Sukamaju Patroli ke Kantor KPU dan Bawaslu",
        "Polres Sukamaju Perketat Penjagaan Kantor KPU dan Bawaslu",
    ],
)
def test_an_office_word_shared_by_two_bodies_is_no_venue(recogniser: Recogniser, text: str) -> None:
    found = labelled(recogniser, text)
    assert ("ELECTION_BODY", "KPU") in found and ("ELECTION_BODY", "Bawaslu") in found
    assert not [t for lab, t in found if lab == "LOC"]


def test_each_body_with_its_own_office_word_is_a_venue(recogniser: Recogniser) -> None:
    found = labelled(recogniser, "Personel menjaga Kantor KPU, Kantor Bawaslu dan gudang logistik.")
    assert ("LOC", "Kantor KPU") in found and ("LOC", "Kantor Bawaslu") in found
