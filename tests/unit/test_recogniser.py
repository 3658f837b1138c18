"""Every label on real-shaped sentences (written for these tests, not taken from any article)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from store.text.entities import recognise


def found(text: str, published: str | None = "2024-11-26") -> set[tuple[str, str]]:
    return {(e.label, e.text) for e in recognise(text, published)}


def test_units_ranks_people_titles() -> None:
    got = found("Kapolres Lombok Tengah AKBP Iwan Hidayat, S.I.K., M.H. bersama Kabag Ops Kompol Made Sudarsana "
                "meninjau Polsek Pujut Polres Lombok Tengah.")
    assert {("ROLE", "Kapolres"), ("RANK", "AKBP"), ("PERSON", "Iwan Hidayat"), ("ROLE", "Kabag Ops"),
            ("RANK", "Kompol"), ("PERSON", "Made Sudarsana"), ("POLICE_UNIT", "Polsek Pujut"),
            ("POLICE_UNIT", "Polres Lombok Tengah")} <= got


def test_rank_spellings() -> None:
    got = found("Kombes Pol. Hendra Gunawan, Kombespol Rudi dan Kombes Pol.Satria memimpin apel.")
    assert {("RANK", "Kombes Pol."), ("PERSON", "Hendra Gunawan"), ("RANK", "Kombespol"), ("PERSON", "Rudi"),
            ("PERSON", "Satria")} <= got


def test_subunits_and_military() -> None:
    got = found("Satbrimob Polda Sumut, Direktorat Samapta Polda Riau, Sat Lantas Polresta Pekanbaru, Kodim "
                "0201/Medan, Koramil 02 dan Lanal Dumai bersama Letkol Inf Agus Salim serta TNI.")
    assert {("POLICE_UNIT", "Satbrimob Polda Sumut"), ("POLICE_UNIT", "Direktorat Samapta Polda Riau"),
            ("POLICE_UNIT", "Sat Lantas Polresta Pekanbaru"), ("MILITARY_UNIT", "Kodim 0201/Medan"),
            ("MILITARY_UNIT", "Koramil 02"), ("MILITARY_UNIT", "Lanal Dumai"), ("RANK", "Letkol Inf"),
            ("PERSON", "Agus Salim"), ("MILITARY_UNIT", "TNI")} <= got


def test_election_bodies_gov_orgs_elections() -> None:
    got = found("Ketua KPU Kota Bitung, Meidy Tinangon, bersama Bawaslu, Panwascam, PPK, PPS dan KPPS serta "
                "Pemkot Bitung, Forkopimda, Satpol PP dan Linmas menyukseskan Pilkada Serentak 2024 dan PSU.")
    assert {("ELECTION_BODY", "KPU Kota Bitung"), ("PERSON", "Meidy Tinangon"), ("ELECTION_BODY", "Bawaslu"),
            ("ELECTION_BODY", "Panwascam"), ("ELECTION_BODY", "PPK"), ("ELECTION_BODY", "PPS"),
            ("ELECTION_BODY", "KPPS"), ("GOV_ORG", "Pemkot Bitung"), ("GOV_ORG", "Forkopimda"),
            ("GOV_ORG", "Satpol PP"), ("GOV_ORG", "Linmas"), ("ELECTION", "Pilkada Serentak 2024"),
            ("ELECTION", "PSU")} <= got


def test_places_dates_personnel() -> None:
    text = ("SAMARINDA – Sebanyak 1.112 personel dan 100 personel TNI disiagakan di Kecamatan Sungai Kunjang, "
            "Desa Loa Bakung dan Mapolresta Samarinda, Kalimantan Timur, Senin (25/11/2024).")
    ents = {(e.label, e.text): e.value for e in recognise(text, "2024-11-26")}
    assert ents[("PERSONNEL", "1.112 personel")] == 1112
    assert ents[("PERSONNEL", "100 personel TNI")] == 100
    assert ents[("DATE", "Senin (25/11/2024)")] == "2024-11-25"
    for loc in ("SAMARINDA", "Kecamatan Sungai Kunjang", "Desa Loa Bakung", "Mapolresta Samarinda",
                "Kalimantan Timur"):
        assert ("LOC", loc) in ents


def test_headline_verbs_do_not_join_unit_names() -> None:
    got = found("Polres Bontang Perkuat Pengamanan, Polsek Tanete Kunjungi Panwascam")
    assert ("POLICE_UNIT", "Polres Bontang") in got and ("POLICE_UNIT", "Polsek Tanete") in got


def test_later_bare_mentions_of_a_name() -> None:
    got = found("Kapolres Pesisir Barat AKBP Alsyahendra menegaskan kesiapan. Menurut Alsyahendra, semua siap.")
    assert sum(1 for label, text in got if label == "PERSON") == 1  # same text, found twice
    assert len([e for e in recognise("AKBP Alsyahendra hadir. Kata Alsyahendra.") if e.label == "PERSON"]) == 2


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_offsets_always_valid(text: str) -> None:
    last = 0
    for e in recognise(text, "2024-11-26"):
        assert last <= e.start < e.end <= len(text) and text[e.start:e.end] == e.text
        last = e.end
