"""Near-duplicate linking: republished press releases link; look-alikes on a template do not."""

from __future__ import annotations

import io
import json
from pathlib import Path

import store
from store.export import write_jsonl
from store.text.dedupe import jaccard, signature

RELEASE = """Polres Lombok Timur Gelar Apel Pergeseran Pasukan Pengamanan TPS

{lead} Polres Lombok Timur menggelar apel pergeseran pasukan pengamanan tempat pemungutan suara di halaman Mapolres Lombok Timur, Selasa (26/11/2024) pagi.

Apel dipimpin langsung oleh Kapolres Lombok Timur AKBP Hariyanto, S.I.K. dan diikuti 612 personel gabungan dari Polri, TNI dan Satlinmas yang akan disebar ke 1.304 TPS di 21 kecamatan.

Dalam amanatnya Kapolres meminta seluruh personel menjaga netralitas dan bersikap humanis kepada masyarakat yang akan menggunakan hak pilihnya.

Personel yang bertugas di TPS rawan akan diperkuat dengan patroli mobile dari Sat Samapta dan Sat Brimob yang siaga selama dua puluh empat jam.

Pergeseran pasukan dilakukan menggunakan kendaraan dinas dan truk milik Kodim 1615 Lombok Timur menuju kecamatan terjauh di wilayah selatan.

{tail}
"""

TEMPLATE = """Polsek {unit} Tingkatkan Patroli Malam Jelang Pilkada

{place} – Jajaran Polsek {unit} melaksanakan patroli malam di wilayah Kecamatan {place} pada {day} untuk menjaga kamtibmas jelang Pilkada 2024.

Patroli dipimpin Kanit Samapta {rank} {name} bersama {n} personel menyambangi pos kamling di Desa {village} dan berdialog dengan warga.

Kapolsek {unit} menyampaikan bahwa kegiatan ini akan dilaksanakan secara rutin hingga pemungutan suara selesai.

(Humas Polsek {unit})
"""


def write(d: Path, name: str, text: str) -> None:
    (d / name).write_text(text, encoding="utf-8")


def test_republished_release_links_to_the_first(tmp_path: Path) -> None:
    d = tmp_path / "in"
    d.mkdir()
    write(d, "a.txt", RELEASE.format(lead="LOTIM, SUARANTB.COM –", tail="Editor: Ahmad"))
    write(d, "b.txt", RELEASE.format(lead="Selong (ANTARA) -", tail="BACA JUGA: Harga beras turun").replace(
        "Selasa (26/11/2024) pagi", "Selasa (26/11) pagi"))
    write(d, "c.txt", "Apel Gelar Pasukan di Lotim\n\n" + RELEASE.format(lead="LOMBOK TIMUR -", tail="").replace(
        "dua puluh empat jam", "24 jam"))
    with store.open(tmp_path / "s") as st:
        report = st.ingest([d])
        assert report.added == 3 and report.duplicates == 2
        rows = {a.source.rsplit("/", 1)[-1]: a for a in st.articles()}
        assert rows["a.txt"].duplicate_of is None
        assert rows["b.txt"].duplicate_of == rows["a.txt"].id
        assert rows["c.txt"].duplicate_of == rows["a.txt"].id
        assert st.duplicates_of(rows["a.txt"].id) and st.search("dup:yes").total == 2


def test_template_lookalikes_are_not_linked(tmp_path: Path) -> None:
    d = tmp_path / "in"
    d.mkdir()
    write(d, "x.txt", TEMPLATE.format(unit="Sukamaju", place="Sukamaju", day="Jumat (4/10/2024)", rank="Aipda",
                                      name="Rudi Hartono", n=6, village="Mekarsari"))
    write(d, "y.txt", TEMPLATE.format(unit="Cibeber", place="Cibeber", day="Sabtu (12/10/2024)", rank="Bripka",
                                      name="Agus Salim", n=8, village="Cikondang"))
    with store.open(tmp_path / "s") as st:
        report = st.ingest([d])
        assert report.added == 2 and report.duplicates == 0


def test_signature_ignores_noise_and_title() -> None:
    base = RELEASE.format(lead="X -", tail="")
    a = signature(base)
    b = signature("Judul lain sama sekali\n" + base.split("\n", 1)[1] + "\nBaca juga: berita lain")
    assert jaccard(a, b) > 0.8


# -- rewrites: one press release told again by other outlets, in other words ---------------------------

AGENCY_VERSION = """Polisi kerahkan 286 personel amankan pleno di Pulau Rinca Raya

Labuan Sari (ANTARA) - Kepolisian Resor Pulau Rinca Raya mengerahkan 286 personel untuk mengamankan rapat pleno rekapitulasi suara tingkat kabupaten di Aula Kantor KPU, Kamis (5/12/2024).

"Pengamanan kami bagi dalam tiga lapis, mulai dari ruang rapat sampai jalan di depan kantor," kata Kapolres AKBP Benediktus Sorongan di Labuan Sari, Kamis.

Menurut dia, 74 personel di antaranya berasal dari satuan Brimob yang tiba sejak Rabu malam, sedangkan 38 anggota Kodim ikut membantu di luar gedung.

Rekapitulasi mencakup hasil dari 417 TPS di sembilan kecamatan dan ditargetkan selesai dalam dua hari.

Pewarta: Yuliana Dopo
"""

PORTAL_VERSION = """KABAR RINCA
Beranda  Daerah  Politik  Indeks

Pleno KPU Dijaga Tiga Lapis, Ratusan Polisi Bersiaga di Labuan Sari

Penulis: Marselinus Ndoen | Kamis, 5 Desember 2024 | 17:20 WITA

LABUAN SARI, KABARRINCA.COM – Sebanyak 286 aparat kepolisian bersiaga sejak pagi di sekitar Kantor KPU yang menggelar pleno rekapitulasi tingkat kabupaten, Kamis (5/12/2024).

Kapolres Pulau Rinca Raya, AKBP Benediktus Sorongan, menjelaskan bahwa penjagaan dibuat berlapis tiga. Satuan Brimob menurunkan 74 anggotanya untuk ring terdalam.

Prajurit Kodim sebanyak 38 orang berjaga di sepanjang jalan menuju gedung.

Suara yang direkap berasal dari 417 tempat pemungutan suara. "Kami harap semua pihak menahan diri," ujar Benediktus.
"""

SAME_UNIT_OTHER_EVENT = """Polres Pulau Rinca Raya Musnahkan Barang Bukti Narkoba

Labuan Sari (ANTARA) - Kepolisian Resor Pulau Rinca Raya memusnahkan 53 gram sabu dan 1.120 butir obat terlarang di halaman Mapolres, Kamis (5/12/2024).

"Barang bukti ini berasal dari 19 perkara yang ditangani sepanjang tahun," kata Kapolres AKBP Benediktus Sorongan di Labuan Sari, Kamis.

Sebanyak 27 tersangka kini menjalani proses hukum di Kejaksaan Negeri setempat.

Pewarta: Yuliana Dopo
"""

SAME_TEMPLATE_OTHER_EVENT = """KABAR RINCA
Beranda  Daerah  Politik  Indeks

Polsek Wae Lolos Kawal Logistik ke 46 TPS di Pesisir

Penulis: Marselinus Ndoen | Kamis, 5 Desember 2024 | 09:10 WITA

WAE LOLOS, KABARRINCA.COM – Sebanyak 58 personel Polsek Wae Lolos mengawal logistik pemungutan suara ulang ke 46 TPS di pesisir utara, Kamis (5/12/2024).

Kapolsek Wae Lolos, IPTU Gregorius Laka, mengatakan perahu motor disiapkan untuk 12 TPS yang hanya bisa dicapai lewat laut.
"""


def test_rewrites_of_one_release_are_one_story_and_look_alikes_are_not(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for name, text in (("agency.txt", AGENCY_VERSION), ("portal.txt", PORTAL_VERSION),
                       ("unit.txt", SAME_UNIT_OTHER_EVENT), ("template.txt", SAME_TEMPLATE_OTHER_EVENT)):
        write(src, name, text)
    with store.open(tmp_path / "s") as st:
        st.ingest([src])
        ids = {Path(a.source).name: a.id for a in st.articles()}
        agency, portal = st.article(ids["agency.txt"]), st.article(ids["portal.txt"])
        assert agency.same_story == [portal.id] and portal.same_story == [agency.id]
        assert agency.duplicate_of is None and portal.duplicate_of is None  # a rewrite, not a copy
        assert st.article(ids["unit.txt"]).same_story == []  # same unit and chief, other event
        assert st.article(ids["template.txt"]).same_story == []  # same outlet template, other event
        assert set(st.search(f"story:{agency.id}").hits) == {agency.id, portal.id}
        assert set(st.search("story:any").hits) == {agency.id, portal.id}
        assert set(st.search("-story:any").hits) == {ids["unit.txt"], ids["template.txt"]}
        assert "story:" in (st.search("story:maybe").error or "")


def test_a_rewrite_ingested_later_links_both_ways_and_a_copy_stays_a_copy(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    write(first, "agency.txt", AGENCY_VERSION)
    write(second, "portal.txt", PORTAL_VERSION)
    write(second, "mirror.txt", "CERMIN BERITA\n\n" + AGENCY_VERSION)  # republished whole
    with store.open(tmp_path / "s") as st:
        st.ingest([first])
    with store.open(tmp_path / "s") as st:  # a later session: the first article is on disk
        st.ingest([second])
        ids = {Path(a.source).name: a.id for a in st.articles()}
        agency = st.article(ids["agency.txt"])
        assert agency.same_story == [ids["portal.txt"]]  # linked after it was written
        mirror = st.article(ids["mirror.txt"])
        assert mirror.duplicate_of == agency.id and mirror.same_story == []
        assert set(st.search(f"dup:{mirror.id}").hits) == {agency.id, mirror.id}
        assert set(st.search("dup:any").hits) == {agency.id, mirror.id}
        out = io.BytesIO()
        write_jsonl(st, out)
        exported = {row["id"]: row for row in map(json.loads, out.getvalue().splitlines())}
        assert exported[agency.id]["same_story"] == [ids["portal.txt"]]
        assert exported[ids["portal.txt"]]["same_story"] == [agency.id]


# a release with one figure above ten and three people quoted, its portal rewrite, and the unit's
# other event the next day quoting its chief and sharing the figure
FEW_FIGURES_RELEASE = """Sat Polairud Polres Teluk Bening Kawal Logistik ke Distrik Pesisir

TELUK BENING – Sat Polairud Polres Teluk Bening mengawal pengiriman logistik Pilkada 2024 dengan speedboat dari Dermaga Kota Bening menuju tiga distrik pesisir, Jumat (22/11/2024).

Kasat Polairud AKP Hendrikus Mambor mengatakan, 18 personel dibagi ke setiap speedboat bersama petugas KPU.

"Gelombang sedang tinggi, kami berangkat pagi," kata Hendrikus. Kapolres AKBP Yohanes Rumaropen melepas rombongan dari dermaga.

"Semua logistik tiba sebelum sore," kata Maria Wanggai, Ketua KPU setempat.
"""

FEW_FIGURES_REWRITE = """KABAR BENING
Beranda  Daerah  Politik

Speedboat Polisi Antar Kotak Suara ke Pesisir Teluk Bening

Sabtu, 23 November 2024 | 08:40 WIT

KOTA BENING, KABARBENING.COM – Logistik pemilihan untuk distrik-distrik pesisir Teluk Bening diberangkatkan kemarin dengan pengawalan polisi perairan.

Sebanyak 18 personel Sat Polairud ikut di atas speedboat, kata AKP Hendrikus Mambor. Pelepasan dipimpin AKBP Yohanes Rumaropen.

"Kotak suara sampai dengan selamat," ujar Maria Wanggai.
"""

FEW_FIGURES_OTHER_EVENT = """Polres Teluk Bening Gelar Patroli Malam di Kota Bening

TELUK BENING – Polres Teluk Bening menggelar patroli malam di pusat Kota Bening, Sabtu (23/11/2024), dengan 18 personel.

Kapolres AKBP Yohanes Rumaropen mengatakan patroli digelar hingga hari pemungutan suara.
"""


def test_a_rewrite_sharing_one_figure_and_the_releases_people_is_one_story(tmp_path: Path) -> None:
    """A rewrite with few figures is found by the people the release quotes (three of them, five
    words of their names) and the figure it shares; the unit's other event with its chief and the
    same figure is not."""
    src = tmp_path / "in"
    src.mkdir()
    for name, text in (("release.txt", FEW_FIGURES_RELEASE), ("rewrite.txt", FEW_FIGURES_REWRITE),
                       ("other.txt", FEW_FIGURES_OTHER_EVENT)):
        write(src, name, text)
    with store.open(tmp_path / "s") as st:
        st.ingest([src])
        ids = {Path(a.source).name: a.id for a in st.articles()}
        assert st.article(ids["release.txt"]).same_story == [ids["rewrite.txt"]]
        assert st.article(ids["rewrite.txt"]).same_story == [ids["release.txt"]]
        assert st.article(ids["other.txt"]).same_story == []
