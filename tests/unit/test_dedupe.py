"""Near-duplicate linking: republished press releases link; look-alikes on a template do not."""

from __future__ import annotations

from pathlib import Path

import store
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
