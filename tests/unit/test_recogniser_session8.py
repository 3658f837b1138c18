"""Error classes seen on real-shaped dev pages in session 8, one test a class (sentences written
for these tests, with invented names, places and figures; none is taken from an article or the
gold set). The reference is the annotation guidelines (a unit or body that stands on its own is
its own entity; a count is personnel where it counts the police or soldiers of the story)."""

from __future__ import annotations

from store.text.entities import recognise


def found(text: str, published: str | None = "2024-11-26") -> set[tuple[str, str]]:
    return {(e.label, e.text) for e in recognise(text, published)}


def test_naval_and_army_posts_with_their_place_are_military_units() -> None:
    got = found(
        "Satpolairud Polres Banggai bersama Posal Luwuk dan Posmat Tanjung Api mengawal kapal logistik, "
        "dibantu Posramil Toili."
    )
    assert {
        ("MILITARY_UNIT", "Posal Luwuk"),
        ("MILITARY_UNIT", "Posmat Tanjung Api"),
        ("MILITARY_UNIT", "Posramil Toili"),
    } <= got
    assert not any(label == "MILITARY_UNIT" for label, _ in found("Personel Posal berjaga di dermaga."))


def test_lower_case_civil_guard_and_fire_brigade_are_bodies() -> None:
    got = found("Kotak suara dijaga polisi bersama linmas dan petugas damkar selama dua hari.")
    assert ("GOV_ORG", "linmas") in got and ("GOV_ORG", "damkar") in got
    assert ("GOV_ORG", "satpol pp") in found("Anggota satpol pp ikut menertibkan alat peraga kampanye.")


def test_an_agency_ending_a_list_leaves_the_lists_last_item_apart() -> None:
    got = found("Apel diikuti Kodim 0712/Pesisir, Satpol PP, BPBD, Dinas Pemadam Kebakaran dan Linmas.")
    assert ("GOV_ORG", "Dinas Pemadam Kebakaran") in got and ("GOV_ORG", "Linmas") in got
    # one agency named by two bodies, not in a list, stays whole
    assert ("GOV_ORG", "Dinas Pemadam Kebakaran dan Linmas Kota Wirasaba") in found(
        "Petugas Dinas Pemadam Kebakaran dan Linmas Kota Wirasaba bersiaga di gudang."
    )


def test_si_sections_of_a_police_unit() -> None:
    got = found(
        "Ruang pleno dijaga personel Sat Intelkam dan Si Propam, sedangkan Sipropam Polres Toraya "
        "dan Si Dokkes menyiapkan posko."
    )
    assert {
        ("POLICE_UNIT", "Si Propam"),
        ("POLICE_UNIT", "Sipropam Polres Toraya"),
        ("POLICE_UNIT", "Si Dokkes"),
    } <= got
    # "Kasi Propam": the head of the section, a role; the unit after it is the Polres
    assert ("POLICE_UNIT", "Polres Toraya") in found("Kasi Propam Polres Toraya AKP Dani hadir.")


def test_venue_names_with_an_arabic_article_are_not_cut_at_the_hyphen() -> None:
    got = found(
        "Imbauan disampaikan kepada jemaah Masjid Agung Al-Furqan Sidomulyo usai salat Jumat, "
        "lalu di Pondok Pesantren An-Nur Sukamulya."
    )
    assert ("LOC", "Masjid Agung Al-Furqan Sidomulyo") in got
    assert ("LOC", "Pondok Pesantren An-Nur Sukamulya") in got


def test_a_count_does_not_swallow_the_unit_after_it() -> None:
    got = found("Mereka diperkuat 40 anggota Brimob Polda Sulawesi Tenggara dan 25 personel Polres Wirasaba.")
    assert ("PERSONNEL", "40 anggota") in got and ("POLICE_UNIT", "Brimob Polda Sulawesi Tenggara") in got
    assert ("PERSONNEL", "25 personel") in got
    # a bare qualifier is still part of the count
    assert ("PERSONNEL", "puluhan personel Brimob") in found(
        "Ratusan polisi dan puluhan personel Brimob berjaga."
    )


def test_the_rest_of_a_count_of_police_is_personnel() -> None:
    ents = {
        (e.label, e.text): e.value
        for e in recognise(
            "Polisi yang dikirim ke 412 TPS berjumlah 280 orang dan mulai bergerak Senin pagi. "
            "Sisanya, 45 orang, tetap di markas sebagai cadangan.",
            "2024-11-26",
        )
    }
    assert ents[("PERSONNEL", "280 orang")] == 280
    assert ents[("PERSONNEL", "45 orang")] == 45
    # people who are not the police's are not personnel
    got = found("Warga memadati lapangan sejak pagi. Sisanya, 300 orang, menunggu di luar pagar.")
    assert not any(label == "PERSONNEL" for label, _ in got)


def test_a_place_named_after_a_landscape_word_is_a_place_and_found_again_bare() -> None:
    for place in ("Sembungan", "Dalimo"):  # (a first letter that opens a unit's or division's head, too)
        text = (
            f"Hujan Deras Guyur {place}\n\nPolsek Kejajar mengerahkan 18 personel ke 84 TPS di dataran tinggi "
            f"{place}. Jalur ke lereng Sindara licin."
        )
        got = found(text)
        assert ("LOC", place) in got and ("LOC", "Sindara") in got
        starts = [e.start for e in recognise(text, "2024-11-26") if e.text == place]
        assert len(starts) == 2  # the headline's mention too


def test_the_rest_of_a_count_looks_back_one_sentence_not_the_whole_text() -> None:
    import time

    text = "Polisi yang berjaga berjumlah 280 orang. " + "Sisanya, 45 orang, tetap di markas. " * 20_000
    start = time.process_time()
    got = recognise(text, "2024-11-26")
    assert time.process_time() - start < 5  # (looking back over every sentence made it quadratic)
    assert sum(e.label == "PERSONNEL" for e in got) < 20  # only those just after the count of police
