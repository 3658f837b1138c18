"""One release carried by many sites: every copy links to the first, however many there are and
however many ingests bring them, while a long block of boilerplate shared by many different
stories still stops counting (red team 3, F6: copies after the 41st were left unlinked)."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import store
from store.text import dedupe

# a wire release (about 300 words): each site gives it its own title, lead and closing line
RELEASE = """{title}

{lead} Kepolisian Resor Sumbawa Barat mengerahkan ratusan personel gabungan untuk mengamankan
rapat pleno terbuka rekapitulasi hasil penghitungan suara tingkat kabupaten yang digelar Komisi
Pemilihan Umum di gedung serbaguna Taliwang sejak Kamis pagi hingga larut malam.

Kapolres Sumbawa Barat AKBP Yasmara Harahap mengatakan pengamanan dibagi menjadi tiga ring. Ring
pertama berada di dalam ruang rapat dan dijaga oleh personel berpakaian preman, ring kedua di
halaman gedung dijaga satuan Samapta, sedangkan ring ketiga berada di jalan masuk menuju lokasi
dan dijaga bersama prajurit Kodim serta petugas Satpol PP.

Menurut dia, seluruh personel sudah menerima arahan untuk bersikap humanis, menjaga netralitas dan
tidak terpancing provokasi dari pihak mana pun selama rapat berlangsung. Setiap orang yang masuk ke
ruang rapat diperiksa dan wajib menunjukkan surat mandat dari partai politik atau pasangan calon.

Ketua KPU Sumbawa Barat menyampaikan bahwa rekapitulasi mencakup hasil pemungutan suara dari
delapan kecamatan. Ia berharap para saksi pasangan calon menyampaikan keberatan melalui mekanisme
yang tersedia, bukan dengan mengerahkan massa ke sekitar gedung.

Selain personel di lokasi pleno, kepolisian juga menyiagakan pasukan cadangan dari satuan Brimob
di markas komando. Pasukan ini dapat digerakkan sewaktu-waktu bila situasi di lapangan memerlukan
tambahan kekuatan, terutama ketika hasil rekapitulasi diumumkan kepada publik.

Kapolres juga meminta masyarakat tidak mudah percaya pada kabar bohong yang beredar di media
sosial tentang hasil pemilihan. Warga diimbau memeriksa kebenaran informasi melalui situs resmi
penyelenggara pemilu dan melaporkan akun yang menyebarkan hasutan kepada kepolisian.

Hingga rapat diskors menjelang tengah malam, situasi di sekitar gedung serbaguna terpantau aman
dan lalu lintas di jalan utama Taliwang berjalan lancar tanpa penutupan.

{tail}
"""


def release_copy(i: int) -> str:
    return RELEASE.format(title=f"Pleno KPU Sumbawa Barat Dijaga Tiga Ring ({i})",
                          lead=f"Taliwang, Situs{i}.com -", tail=f"Editor: Redaktur {i}")


def write_copies(d: Path, numbers: range) -> None:
    d.mkdir(parents=True, exist_ok=True)
    for i in numbers:
        (d / f"copy{i:03d}.txt").write_text(release_copy(i), encoding="utf-8")


def tandai(*args: str) -> str:
    done = subprocess.run([sys.executable, "-m", "tui.cli", *args], capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    return done.stdout


def ids_by_file(st: store.Store) -> dict[str, str]:
    return {Path(a.source).name: a.id for a in st.articles()}


def assert_one_group(st: store.Store, n: int) -> None:
    """``n`` copies: the first is the original of every other, in the store, the filters and the
    original's list of copies (what the reader shows)."""
    ids = ids_by_file(st)
    first = ids["copy000.txt"]
    copies = [aid for name, aid in ids.items() if name != "copy000.txt"]
    assert len(copies) == n - 1
    assert {st.article(aid).duplicate_of for aid in copies} == {first}
    assert st.article(first).duplicate_of is None
    assert sorted(st.duplicates_of(first)) == sorted(copies)
    assert st.search("dup:yes").total == n - 1 and st.search("dup:no").total == 1
    assert st.search(f"dup:{copies[-1]}", limit=1000).total == n
    assert set(st.search(f"dup:{first}", limit=1000).hits) == set(ids.values())


def test_150_copies_in_one_ingest_all_link_to_the_first(tmp_path: Path) -> None:
    write_copies(tmp_path / "in", range(150))
    out = tandai("--store", str(tmp_path / "s"), "ingest", str(tmp_path / "in"))
    assert "150 added" in out and "149 duplicates linked" in out
    with store.open(tmp_path / "s") as st:
        assert_one_group(st, 150)


def test_copies_brought_by_a_later_ingest_link_to_the_first(tmp_path: Path) -> None:
    """30 copies in one ingest, 120 in a later one (the store's copies reread from disk)."""
    write_copies(tmp_path / "a", range(30))
    write_copies(tmp_path / "b", range(30, 150))
    assert "29 duplicates linked" in tandai("--store", str(tmp_path / "s"), "ingest", str(tmp_path / "a"))
    assert "120 duplicates linked" in tandai("--store", str(tmp_path / "s"), "ingest", str(tmp_path / "b"))
    with store.open(tmp_path / "s") as st:
        assert_one_group(st, 150)


WIDGET = """Tentang Kami. Kabar Samawa adalah media siber yang menyajikan berita daerah dari Sumbawa dan
sekitarnya sejak tahun lalu, dikelola oleh wartawan yang telah mengikuti uji kompetensi dan tunduk
pada pedoman pemberitaan media siber yang ditetapkan Dewan Pers. Setiap berita yang kami terbitkan
melalui proses verifikasi oleh redaksi sebelum ditayangkan kepada pembaca. Pembaca yang merasa
dirugikan oleh pemberitaan kami dapat mengirimkan hak jawab atau hak koreksi melalui surat
elektronik redaksi dengan menyertakan identitas lengkap dan tautan berita yang dimaksud, dan redaksi
akan menanggapinya dalam waktu paling lama dua kali dua puluh empat jam setelah surat diterima.
Redaksi tidak bertanggung jawab atas isi komentar pembaca yang sepenuhnya menjadi tanggung jawab
penulis komentar. Kami mengundang masyarakat untuk mengirimkan informasi, foto dan video peristiwa
di lingkungan masing-masing kepada redaksi untuk ditindaklanjuti oleh wartawan kami di lapangan.
Seluruh isi situs ini dilindungi undang-undang hak cipta dan tidak boleh disalin tanpa izin tertulis
dari redaksi, kecuali untuk keperluan pendidikan dengan menyebutkan sumber secara jelas."""

WORDS = ("polsek polres warga desa kecamatan patroli jalan pasar sekolah kantor camat lurah bupati "
         "relawan posko tps logistik kotak surat suara saksi panwas bawaslu kpu ppk pps kampanye "
         "rapat dialog apel sosialisasi pengamanan pemantauan hujan banjir jembatan sungai").split()


def test_a_long_widget_shared_by_many_different_stories_stops_counting(tmp_path: Path) -> None:
    """150 different short stories under one outlet's long 'about us' block (three times each
    story, undetected as boilerplate): each pair shares more than half its shingles, so the first
    ones link as before, but only until more than MAX_POSTING texts carry the block; they are
    not one text carried by many sites, and most stay originals. Close copies of one release
    among them all still link."""
    d = tmp_path / "in"
    write_copies(d, range(60))
    rng = random.Random(5)
    for i in range(150):
        story = " ".join(f"{rng.choice(WORDS)}{rng.randrange(1000)}" for _ in range(60))
        (d / f"story{i:03d}.txt").write_text(f"Berita nomor {i}\n\n{story}\n\n{WIDGET}\n", encoding="utf-8")
    with store.open(tmp_path / "s") as st:
        st.ingest([d])
        ids = ids_by_file(st)
        linked = [name for name, aid in ids.items() if name.startswith("story") and st.article(aid).duplicate_of]
        assert 0 < len(linked) <= dedupe.MAX_POSTING  # (the widget is not noise: some did link)
        copies = [st.article(aid).duplicate_of for name, aid in ids.items() if name.startswith("copy")]
        assert copies.count(ids["copy000.txt"]) == 59
