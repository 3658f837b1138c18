"""Record pre-fill: the classes the tenth transfer check (dev gold e141-e149) showed, where the
place, the unit or the type is told apart from the sentence that names the act. Pages are invented
in the shape of real ones (tests/gold/real/dev/PAGES_READ_10.md) and drafted through
``Store.draft_record``; one store holds them all, and each case is one ``(needle, slot, expected)``."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.unit.prefill_pages import Opened, draft, needle_draft, open_pages, page_holding

TENTH = {
    "jorong": """Polsek Bukit Tinggi Giatkan Patroli Dialogis

Lembah Sari - Jelang Pilkada serentak 2024, Polsek Bukit Tinggi menggiatkan patroli dialogis ke seluruh wilayah hukumnya.

Kapolsek Bukit Tinggi Iptu Rahmat di ruang kerjanya, Senin (29/7/2024), mengatakan tantangan menjelang pilkada antara lain berita bohong.

Kegiatan itu juga melibatkan para Bhabinkamtibmas, yang pada Sabtu (27/7/2024) menyambangi warga di Jorong Padang Laweh, Nagari Sungai Duo, Kecamatan Bukit Tinggi Utara.

Di jorong tersebut, Bhabinkamtibmas Aipda Marzuki berdialog dengan ninik mamak tentang bahaya hoaks.
""",
    "dusun": """Bhabinkamtibmas Sambang Dusun Jelang Pilkada 2024

Dalam upaya menjaga kamtibmas menjelang Pilkada 2024, Bhabinkamtibmas Polsek Air Hitam, BRIPKA Daniel Ginting, melaksanakan kegiatan Sambang Desa di Dusun III Sei Rampah, Desa Sukaraja, Kecamatan Air Hitam, Kabupaten Lembah Sari. Kegiatan tatap muka dengan warga ini mempererat hubungan polisi dan masyarakat. Selasa, 17/9/24

Kapolres Lembah Sari AKBP Hotman Sirait melalui Kasi Humas AKP Rudi menjelaskan, Sambang Desa merupakan program kepolisian menjelang Pilkada 2024.

Dalam pertemuan tersebut, Daniel mengimbau warga agar tidak mudah menyebarkan hoaks menjelang pesta demokrasi.
""",
    "campaign": """Kapolsek Teluk Bayur Pimpin Pam Kampanye

Lembah Sari – Kapolsek Teluk Bayur, Polres Lembah Sari, Polda Riau, Iptu Agus Salim, S.H., bersama Babinsa Koramil 05/Teluk Bayur memimpin langsung pengamanan kampanye salah satu pasangan calon peserta Pilkada serentak 2024.

Kampanye tersebut berlangsung pada Senin (21/10/2024) pukul 14.00 WIB hingga selesai di Kampung Sungai Limau, Kecamatan Teluk Bayur, Kabupaten Lembah Sari.

"Kehadiran Polri untuk memberi rasa aman kepada masyarakat," ucap Agus mewakili Kapolres Lembah Sari AKBP Bima Putra, Selasa (22/10/2024).

Dalam kesempatan itu, personel pengamanan juga mengimbau para simpatisan agar tertib saat meninggalkan lokasi kampanye.
""",
    "field": """Polres Tanah Merah Pam Kampanye di Lapangan Sepak Bola Sungai Jaya

Satgas Operasi Mantap Praja 2024 Polres Tanah Merah melaksanakan pengamanan tahapan kampanye pasangan calon Bupati Tanah Merah nomor urut 01 pada Pilkada serentak 2024, Jumat (08/11/2024).

Dalam kegiatan pengamanan yang berlangsung di lapangan sepak bola Desa Sungai Jaya Kecamatan Tanah Merah Kabupaten Tanah Merah itu hadir Kasat Samapta AKP Yohan, personel Polres Tanah Merah bersama Babinsa Koramil 0911-02/Tanah Merah Serka Andi serta anggota Bawaslu.

Dalam kesempatan yang sama, petugas juga mengimbau simpatisan paslon agar menyukseskan setiap tahapan Pilkada 2024.
""",
    "boxes": """Kotak Suara Hasil Pleno PPK Bergeser ke KPU

RIMBA RAYA – Kotak suara berisi hasil rekapitulasi tingkat kecamatan diberangkatkan dari Kantor PPK Kecamatan Rimba Raya menuju Kantor KPU Kabupaten Lembah Sari pada Sabtu (30/11/2024) malam.

Enam personel Polsek Rimba Raya ikut bertugas mengamankan perjalanan kotak suara hingga tiba di Kantor KPU Kabupaten Lembah Sari.
""",
    "sectors": """Polda Papua Kerahkan 230 Personel

Jayapura (ANTARA) - Polda Papua mengerahkan 230 personel gabungan untuk mengamankan pelaksanaan Pilkada serentak 2024 di Kabupaten Lembah Sari.

Menurut Markus, Polres Lembah Sari menempatkan personel di enam pos sektor yang dibangun di titik terdekat dengan TPS, masing-masing mengamankan tiga hingga empat distrik.
""",
    "sweep": """Patroli Masa Tenang di Kantor KPU

Polres Rimba Raya – Memasuki masa tenang, personel Sat Samapta Polres Rimba Raya menggelar patroli ke Kantor KPU Kabupaten Rimba Raya, Minggu (24/11/2024).

"Sabtu kemarin anggota juga sudah menyisir kantor PPK di Kecamatan Sungai Are," kata Agus.

Sebanyak empat personel berjaga di kantor Bawaslu Kota Rimba Raya di Jalan Merdeka.
""",
    "night": """Koramil dan Polsek Patroli Malam

WAINGAPU – Koramil 1602-03/Lambur bersama Polsek Lambur menggelar patroli malam di Desa Mondu dan Desa Kaliuda, Senin (25/11/2024).

Patroli yang melibatkan 14 personel gabungan itu dipimpin Danramil 1602-03/Lambur dan Kapolsek Lambur.
""",
    "boat": """Kotak Suara Pulau Dikawal ke Ibu Kota Kabupaten

TELUK RAYA – Personel Polres Teluk Raya mengawal kotak suara dari Kecamatan Pulau Besar menuju Gudang Logistik KPU Kabupaten Teluk Raya, Kamis (28/11/2024).

Kotak suara dari 20 TPS itu diangkut dua perahu motor dari Pelabuhan Sungai Lima dan dikawal empat personel.

Pengawalan serupa dilakukan Polsek Batu Ampar untuk kotak suara dari Kecamatan Batu Ampar melalui jalan darat.

Logistik untuk Kecamatan Air Putih yang berjarak lebih dari 50 kilometer dari Teluk Raya dikawal personel Polsek Air Putih.

Pada malam harinya, dokumen hasil rekapitulasi dikawal Sat Polairud Polres Teluk Raya dengan kapal patroli dari Dermaga Pelabuhan Sungai Lima menuju KPU Provinsi Kepulauan Raya di Tanjung Batu.
""",
    "said": """Polres Lembah Hijau Kerahkan 200 Personel

Lembah Hijau (ANTARA) - Kepolisian Resor (Polres) Lembah Hijau mengerahkan 200 personel untuk mengamankan TPS.

"Sejak Senin (25/11) personel sudah bergeser ke TPS masing-masing," kata Kepala Polres (Kapolres) Lembah Hijau Ajun Komisaris Besar Polisi (AKBP) Samsul Bahri di Kota Hijau, Selasa.
""",
    "joint": """Koramil dan Polsek Patroli Bersama

WAINGAPU – Koramil 1602-05/Pahunga bersama Polsek Pahunga Polres Lembah Sari menggelar patroli malam di Desa Watu Hadang, Senin (25/11/2024).
""",
    "offices": """Patroli ke Kantor Penyelenggara

Polres Rimba Jaya – Memasuki masa tenang, personel Sat Samapta Polres Rimba Jaya menggelar patroli ke Kantor KPU Kabupaten Rimba Jaya dan Kantor Bawaslu Kabupaten Rimba Jaya di Kota Rimba, Minggu (24/11/2024).
""",
    "far": """Logistik Dikawal ke Kecamatan Terjauh

RIMBA RAYA – Polres Rimba Raya mengawal logistik Pilkada 2024 ke 12 kecamatan, Minggu (24/11/2024).

Untuk dua kecamatan terjauh, yakni Sungai Pinang dan Air Kuning, armada diberangkatkan lebih pagi dengan kawalan personel Polsek Sungai Pinang.
""",
    "river": """Logistik Dikawal Menyusuri Sungai

HULU SUNGAI – Personel Polres Hulu Sungai mengawal logistik Pilkada 2024 ke kampung-kampung terjauh, Minggu (24/11/2024).

Brigpol Andi Saputra dan Briptu Rudi Hartono dari Polsek Long Bagun bersama anggota Linmas berangkat pagi hari dari gudang logistik PPK Long Bagun menuju rumah singgah Kampung Batu Putih dengan perahu ketinting.
""",
    "pleno": """Pleno KPU Dijaga 175 Personel

RIMBA RAYA – Polres Rimba Raya mengerahkan 175 personel gabungan untuk mengamankan rapat pleno terbuka rekapitulasi Pilkada 2024 tingkat kabupaten di Aula Kantor Bupati Rimba Raya, Sabtu (30/11/2024).

Sebelum pleno dimulai, Wakapolres Rimba Raya Kompol Heri Susanto memimpin apel kesiapan di Lapangan Apel Mapolres Rimba Raya.

Pengamanan melibatkan personel Polres Rimba Raya, Kodim 0410/Rimba Raya dan Satpol PP Kabupaten Rimba Raya.
""",
}


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Opened]:
    yield from open_pages(tmp_path_factory.mktemp("tenth"), TENTH)


def cases(rows: list[tuple[str, str, Any]]) -> list[Any]:
    out = []
    for needle, slot, expected in rows:
        page = page_holding(TENTH, needle)
        out.append(pytest.param(page, needle, slot, expected, id=f"{page}-{needle[:32]}-{slot}"))
    return out


LOCATION = cases(
    [
        # a pointer to a hamlet or a meeting: the place named before, on its day
        ("Di jorong tersebut", "location", "Jorong Padang Laweh"),
        ("Di jorong tersebut", "date", "2024-07-27"),
        ("Dalam pertemuan tersebut", "location", "Dusun III Sei Rampah"),
        # "Dalam kesempatan yang sama": the occasion's place, as "Dalam kesempatan itu"
        ("Dalam kesempatan yang sama", "location", "lapangan sepak bola Desa Sungai Jaya"),
        # a lower-case venue written with words of its kind and its village: as written
        ("Dalam kegiatan pengamanan yang berlangsung", "location", "lapangan sepak bola Desa Sungai Jaya"),
        # a lede with no place of its own, the next sentence saying where the event it secures was held,
        # a time between the verb and the place ("berlangsung pada Senin ... pukul 14.00 WIB hingga selesai di")
        ("memimpin langsung pengamanan kampanye", "location", "Kampung Sungai Limau"),
        # ... or where the activity was, fronted "Dalam kegiatan pengamanan yang berlangsung di X itu"; the
        # region of the office run for ("calon Bupati X", capitalised) is no place
        ("melaksanakan pengamanan tahapan kampanye", "location", "lapangan sepak bola Desa Sungai Jaya"),
        # an unnamed venue (its kind and a body's acronym) is known by the place it lies in ...
        ("menyisir kantor PPK", "location", "Kecamatan Sungai Are"),
        # ... a venue named by its body and place is the venue
        ("berjaga di kantor Bawaslu", "location", "kantor Bawaslu Kota Rimba Raya"),
        # an activity pointed to with what it was ("Patroli yang melibatkan ... itu"): where it was told
        ("Patroli yang melibatkan 14 personel", "location", "Desa Mondu dan Desa Kaliuda"),
        # goods carried or escorted "dari" a place start there, with no "ke"/"menuju" told ...
        ("diangkut dua perahu motor", "location", "Pelabuhan Sungai Lima"),
        ("Pengawalan serupa dilakukan", "location", "Kecamatan Batu Ampar"),
        # ... and the place a destination of several words lies in is not the escort's
        ("dikawal Sat Polairud Polres Teluk Raya", "location", "Dermaga Pelabuhan Sungai Lima"),
        # ... but a distance measured from a place is no start
        ("Logistik untuk Kecamatan Air Putih", "location", "Kecamatan Air Putih"),
        # where a statement was made, the speaker's whole name and titles between "kata" and "di": no
        # place of the act (many TPS: none)
        ("personel sudah bergeser ke TPS", "location", None),
        # places joined by "dan", the later one left unmarked: the list as written
        ("Untuk dua kecamatan terjauh", "location", "Sungai Pinang dan Air Kuning"),
        # venues listed after "ke", the place they lie in after the last: the list, not its last item
        (
            "menggelar patroli ke Kantor KPU Kabupaten Rimba Jaya",
            "location",
            "Kantor KPU Kabupaten Rimba Jaya dan Kantor Bawaslu Kabupaten Rimba Jaya",
        ),
    ]
)
UNIT = cases(
    [
        # "Kapolsek X, Polres Y, Polda Z": the units a role is written under take no part ...
        ("memimpin langsung pengamanan kampanye", "unit", "Polsek Teluk Bayur"),
        ("memimpin langsung pengamanan kampanye", "partners", ["Koramil 05/Teluk Bayur"]),
        # ... and are not what the article is about
        ("Dalam kesempatan itu, personel pengamanan", "unit", "Polsek Teluk Bayur"),
        # "Koramil X bersama Polsek Y Polres Z": the Polres is where the Polsek belongs, neither the
        # actor nor a partner
        ("Koramil 1602-05/Pahunga bersama", "unit", "Polsek Pahunga"),
        ("Koramil 1602-05/Pahunga bersama", "partners", ["Koramil 1602-05/Pahunga"]),
    ]
)
TYPE = cases(
    [
        # people setting out from where the goods are kept are the escort going on, not troops sent ...
        ("berangkat pagi hari dari gudang logistik", "type", "escort"),
        # ... so it starts at the warehouse, not at the house it goes to
        ("berangkat pagi hari dari gudang logistik", "location", "gudang logistik PPK Long Bagun"),
        # securing the journey of goods is escorting them
        ("ikut bertugas mengamankan perjalanan", "type", "escort"),
        # personnel placed at posts that each cover districts are spread over the area
        ("menempatkan personel di enam pos sektor", "type", "troop_deployment"),
    ]
)
PARTNERS = cases(
    [
        # bodies a later sentence names as taking part in the act, naming it again after a sentence about
        # another act ("Sebelum pleno dimulai, Wakapolres X memimpin apel ..." then "Pengamanan melibatkan ...")
        (
            "mengerahkan 175 personel gabungan",
            "partners",
            ["Kodim 0410/Rimba Raya", "Satpol PP Kabupaten Rimba Raya"],
        ),
        # bodies the next sentence, going on about the act, says attended it ("itu hadir ...")
        ("melaksanakan pengamanan tahapan kampanye", "partners", ["Koramil 0911-02/Tanah Merah", "Bawaslu"]),
    ]
)


@pytest.mark.parametrize(("page", "needle", "slot", "expected"), [*LOCATION, *UNIT, *TYPE, *PARTNERS])
def test_the_draft_of_a_sentence(pages: Opened, page: str, needle: str, slot: str, expected: Any) -> None:
    assert draft(pages, page, needle)[slot] == expected


# The twelfth transfer check (dev gold e160-e169): pages invented in the shape of those read for it
# (tests/gold/real/dev/PAGES_READ_12.md). A case's sentence runs to its paragraph's end, so a date
# written as a fragment after the full stop ("... di sekitar Kota X. Rabu (14/02/24).") is in it.
TWELFTH = {
    "fragment": """Sinergitas TNI-Polri Gelar Patroli Pasca-Pemungutan Suara

Tribratanews.polri.go.id - Lembah Hijau. Personel gabungan TNI-Polri melakukan patroli cipta kondisi pada malam hari pasca-pemungutan suara Pemilu 2024 di sekitar Kota Lembah Hijau. Rabu (14/02/24).
""",
    "unitline": """Sat Samapta Polres Lembah Hijau Laksanakan Patroli Malam Pasca Pilkada

POLRES LEMBAH HIJAU – Sat Samapta Polres Lembah Hijau kembali melaksanakan patroli cipta kondisi di malam hari pasca Pilkada Serentak 2024 di wilayah hukum Polres Lembah Hijau. Sabtu (14/12/24) Malam hari
""",
    "conceded": """Polres Lembah Hijau Siagakan 90 Personel Jaga Kantor KPU

Lembah Hijau (ANTARA) - Kepolisian Resor (Polres) Lembah Hijau menyiagakan 90 personel untuk menjaga Kantor KPU Kabupaten Lembah Hijau menjelang putusan sela sengketa Pilkada 2024 di Mahkamah Konstitusi.

Meski sidang berlangsung di Jakarta, Ketut menyebut pihaknya tetap melakukan antisipasi, termasuk menggelar patroli bersama Kodim 1619/Lembah Hijau pada Selasa (4/2) malam.
""",
    "rehearsal": """Polres Lembah Hijau Gelar Simulasi Pengamanan Rapat Pleno

Lembah Hijau,- Polres Lembah Hijau bersama KIP Lembah Hijau menggelar gladi simulasi pengamanan rapat pleno rekapitulasi hasil penghitungan suara di Gedung DPRK Lembah Hijau, Rabu (4/12/2024).

Sebelum simulasi, Kabag Ops Polres Lembah Hijau Kompol Teuku Amri memimpin rapat internal di Ruang Rupatama Mapolres Lembah Hijau untuk membagi sektor pengamanan.
""",
    "coordinated": """Polres Lembah Hijau koordinasikan pengamanan pleno dengan KIP

Lembah Hijau (ANTARA) - Kepolisian Resor (Polres) Lembah Hijau mengoordinasikan pengamanan rapat pleno rekapitulasi hasil penghitungan suara Pilkada 2024 dengan Komisi Independen Pemilihan (KIP) Kabupaten Lembah Hijau.
""",
    "standby": """Kapolres Lembah Hijau Sambangi Bawaslu

LEMBAH HIJAU – Kapolres Lembah Hijau AKBP Frans Wata menyambangi Kantor Bawaslu Kabupaten Lembah Hijau, Senin (2/12/2024).

Selain itu, kapal patroli Sat Polairud Polres Lembah Hijau akan disiagakan di Dermaga Lembah Hijau untuk mengawal kotak suara dari Kecamatan Pulau Besar dan Kecamatan Pulau Kecil pada Selasa (3/12/2024).
""",
    "route": """Polres Lembah Hijau Gelar Apel Pengamanan Pemungutan Suara

LEMBAH HIJAU – Polres Lembah Hijau menggelar apel pengamanan pemungutan suara di Lapangan Merdeka, Minggu (24/11).

Usai apel, personel gabungan Polres Lembah Hijau dan Kodim 1203/Lembah Hijau menggelar patroli menyusuri Jalan Diponegoro hingga kawasan Pelabuhan Rakyat Lembah Hijau.

Logistik itu diangkut truk yang dikawal personel Polres Lembah Hijau dengan sepeda motor hingga ke Balai Desa Sungai Jaya.
""",
    "included": """Polres Lembah Hijau Gelar Patroli Skala Besar

LEMBAH HIJAU - Polres Lembah Hijau menggelar patroli skala besar pada Senin, 25 November 2024 malam.

Patroli yang dilakukan tersebut menyasar sejumlah titik penting di kota Lembah Hijau, termasuk Kantor KPU Kabupaten Lembah Hijau dan Kantor Bawaslu Kabupaten Lembah Hijau di Jalan Merdeka.
""",
    "musters": """Polres Lembah Hijau Gelar Apel Pengamanan Pemungutan Suara

LEMBAH HIJAU – Polres Lembah Hijau menggelar Apel Pengamanan Tahap Pemungutan Suara Pilkada 2024 di Lapangan Tanjung Harapan, Kecamatan Delta Hijau, Kabupaten Lembah Hijau, Minggu (24/11).

Apel dipimpin Kapolres Lembah Hijau AKBP Heru Santoso dan diikuti 480 personel gabungan dari Polres Lembah Hijau dan Kodim 1203/Lembah Hijau.
""",
    "chased": """Ketua Bawaslu Lembah Hijau Dikejar Massa yang Tuntut PSU

Massa menggelar unjuk rasa di Kantor Bawaslu Lembah Hijau, Rabu (4/12). Sebagian massa mengejar Ketua Bawaslu Lembah Hijau Hasrul.

"Personel Polres Lembah Hijau yang berjaga dengan sigap menghentikan massa dan mengawal Hasrul kembali ke Kantor Bawaslu Lembah Hijau," tutur Lukman.
""",
    "speaker": """Ratusan Anggota Polres Lembah Hijau Amankan Tahapan Pilkada

Kapolres Lembah Hijau AKBP Gede Surya saat menjadi narasumber Rapat Koordinasi (Rakor) penyusunan jadwal kampanye yang digelar KPU Kabupaten Lembah Hijau di Hotel Aquarius, Kota Hijau, Sabtu (7/9/2024), menyebutkan pihaknya siap mengamankan Pilkada serentak tahun ini.

Polres Lembah Hijau mengerahkan 200 personel untuk mengamankan rapat pleno yang digelar KPU Kabupaten Lembah Hijau, Sabtu (7/12/2024).
""",
    "begun": """Polres Lembah Hijau Gelar Patroli Skala Besar

LEMBAH HIJAU - Polres Lembah Hijau bersama Kodim 1622/Lembah Hijau menggelar patroli skala besar pada Senin, 25 November 2024 malam.

Kegiatan diawali apel kesiapan di halaman Mapolres Lembah Hijau yang dipimpin Wakapolres Lembah Hijau Kompol Yakobus dan diikuti 140 personel gabungan dari Polres Lembah Hijau dan Kodim 1622/Lembah Hijau.
""",
    "range": """Polres Lembah Hijau Siap Amankan Pleno

Lembah Hijau - Polres Lembah Hijau menggelar simulasi di Gedung DPRK Lembah Hijau, Rabu (4/12/2024).

Dalam paparannya, Teuku menyebut 180 personel akan dikerahkan untuk mengamankan rapat pleno yang digelar KIP Lembah Hijau di gedung yang sama pada 5 hingga 7 Desember 2024.
""",
    "untaken": """Pilkada Lembah Hijau

Polres Lembah Hijau Gelar Patroli Skala Besar di Malam Kedua Masa Tenang

Personel gabungan TNI-Polri diminta bertugas dengan penuh tanggung jawab dan tetap netral.

Penulis: Maria Goreti | Editor: Yohanes Lake
Selasa, 26 November 2024 08:14 WITA
KORANHIJAU.COM/HO-HUMAS POLRES LEMBAH HIJAU
Personel gabungan mengikuti apel sebelum patroli skala besar di Mapolres Lembah Hijau, Senin (25/11/2024) malam.

Laporan Reporter KORANHIJAU.COM, Maria Goreti

KORANHIJAU.COM, SOE - Menjaga situasi tetap kondusif di masa tenang Pilkada 2024, Polres Lembah Hijau bersama Kodim 1621/Lembah Hijau menggelar patroli skala besar pada Senin, 25 November 2024 malam mulai pukul 19.30 WITA.
""",
}


@pytest.fixture(scope="module")
def twelfth(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Opened]:
    yield from open_pages(tmp_path_factory.mktemp("twelfth"), TWELFTH)


TWELFTH_CASES = [
    # a place's name ends at the full stop: the date fragment after it is no part of it
    ("melakukan patroli cipta kondisi", "location", "Kota Lembah Hijau"),
    # a lede that names no place under a press office's unit as its dateline ("POLRES X – ..."): none
    ("kembali melaksanakan patroli cipta kondisi", "location", None),
    # a place in a fronted concessive clause is where another thing is ("Meski sidang berlangsung di X,")
    ("Meski sidang berlangsung", "location", None),
    # a rehearsal of the security is the exercise, not a muster; a meeting of the police alone makes plans
    ("menggelar gladi simulasi pengamanan", "type", "planning"),
    ("memimpin rapat internal", "type", "planning"),
    # the security of an event coordinated with a body is the coordination, not the guard
    ("mengoordinasikan pengamanan rapat pleno", "type", "coordination"),
    # where a boat stands by for an escort is not where the escort starts ("disiagakan di Dermaga X untuk
    # mengawal kotak suara dari Kecamatan A dan Kecamatan B")
    ("kapal patroli Sat Polairud", "location", "Kecamatan Pulau Besar dan Kecamatan Pulau Kecil"),
    # a route told from its start is placed where it starts, not where it ends "hingga kawasan Y" ...
    ("menggelar patroli menyusuri", "location", "Jalan Diponegoro"),
    # ... but goods taken "hingga ke" a place, no start told, go there
    ("diangkut truk yang dikawal", "location", "Balai Desa Sungai Jaya"),
    # the venues named as what the act covered after the area ("di kota X, termasuk Kantor A dan Kantor B")
    (
        "Patroli yang dilakukan tersebut",
        "location",
        "Kantor KPU Kabupaten Lembah Hijau dan Kantor Bawaslu Kabupaten Lembah Hijau",
    ),
    # a lede under a dateline the page's parser did not take (a caption and a reporter line above it): the
    # place written in it
    ("Menjaga situasi tetap kondusif", "location", "SOE"),
    # a sentence opening with the activity told before, going on about it ("Apel dipimpin ... dan diikuti
    # ..."): where it was told
    ("Apel dipimpin Kapolres", "location", "Lapangan Tanjung Harapan"),
    # a crowd stopped is a response to the demo, the person then taken back to his office no escort
    ("dengan sigap menghentikan massa", "type", "incident_response"),
    # a meeting a body held, the police sitting in it: the body is a party to the talks ...
    ("saat menjadi narasumber Rapat Koordinasi", "partners", ["KPU Kabupaten Lembah Hijau"]),
    # ... the organiser of an event guarded is not
    ("mengerahkan 200 personel untuk mengamankan rapat pleno", "partners", []),
    # the apel a patrol begins with, told next, counts the apel, not the patrol ...
    ("bersama Kodim 1622/Lembah Hijau menggelar patroli", "personnel", None),
    # ... the same apel told on counts the apel told before
    ("menggelar Apel Pengamanan Tahap", "personnel", 480),
    # a range of days with the month written once ("pada 5 hingga 7 Desember 2024"): from its first day
    ("menyebut 180 personel akan dikerahkan", "date", "2024-12-05"),
]


@pytest.mark.parametrize(("needle", "slot", "expected"), TWELFTH_CASES, ids=lambda v: str(v)[:32])
def test_the_twelfth_check(twelfth: Opened, needle: str, slot: str, expected: Any) -> None:
    assert needle_draft(twelfth, TWELFTH, needle)[slot] == expected


# the thirteenth transfer check (dev gold e170-e177; pages read in tests/gold/real/dev/PAGES_READ_13.md):
# the acting unit where it is not the first unit the sentence or page names, and the place
THIRTEENTH = {
    "helper": """Polsek Tanjung Sari Amankan Kampanye di Desa Sukamulya

LEMBAH HIJAU – Kampanye dialogis pasangan calon bupati nomor urut 1 di Balai Desa Sukamulya, Kecamatan Tanjung Sari, Rabu (13/11/2024), berlangsung aman dengan pengamanan personel kepolisian.

Kapolres Lembah Hijau AKBP Bima Putra melalui Kapolsek Tanjung Sari Iptu Rudi Hartono mengatakan, 14 personel diturunkan untuk mengamankan kampanye di balai desa itu.

Pengamanan dibantu 6 personel Polsek Karang Anyar yang digeser ke Desa Sukamulya sejak pagi.
""",
    "level": """Polsek Batu Ampar Amankan Pleno PPK

KOTA BARU, lembahpos.com – Rapat pleno rekapitulasi hasil penghitungan suara Pilkada 2024 tingkat Kecamatan Batu Ampar di Aula Kantor Camat Batu Ampar, Desa Batu Ampar Hilir, Minggu (1/12/2024), mendapat pengamanan ketat dari jajaran kepolisian.

Kapolsek Batu Ampar Iptu Dedi Saputra memimpin langsung pengamanan di aula tersebut dengan menurunkan 12 personel.
""",
    "local": """Logistik Pilkada Bergeser ke Kecamatan

POLRES LEMBAH HIJAU – Personel gabungan mengawal pergeseran logistik Pilkada 2024 dari Gudang KPU Kabupaten Lembah Hijau di Desa Sukamaju menuju kantor PPK di empat kecamatan, Jumat (22/11/2024).

Di Kecamatan Pasir Putih, logistik diterima Polsek Pasir Putih yang kemudian menjaga kantor PPK setempat selama 24 jam.
""",
    "rounds": """Bhabinkamtibmas Jaga TPS 03 Desa Mekarsari

LEMBAH HIJAU – Bhabinkamtibmas Desa Mekarsari Polsek Cibeber Polres Lembah Hijau, Aipda Joko Susilo, berjaga di TPS 03 Desa Mekarsari sejak pukul 06.00 WIB, Rabu (27/11/2024).

Kapolsek Cibeber Kompol Ahmad Fauzi mengatakan, 16 personel Polsek Cibeber menjaga 80 TPS di Kecamatan Cibeber, sedangkan 8 personel Sat Samapta Polres Lembah Hijau yang di-BKO-kan berpatroli dari TPS ke TPS.
""",
}

THIRTEENTH["headline"] = """Sat Samapta Polres Lembah Hijau Patroli Malam ke Kantor KPU

POLRES LEMBAH HIJAU – Personel Sat Samapta Polres Lembah Hijau menggelar patroli malam ke Kantor KPU Kabupaten Lembah Hijau, Sabtu (23/11/2024).

Kapolres Lembah Hijau AKBP Bima Putra mengatakan, patroli digelar setiap malam selama masa tenang di wilayah hukum Polres Lembah Hijau.

Di Pasar Baru, petugas berdialog dengan pedagang dan mengimbau mereka tidak terprovokasi kabar bohong.
"""

THIRTEENTH["opens_with_polres"] = """Sat Polairud Polres Lembah Hijau Kawal Logistik ke Pulau Seribu Batu

LEMBAH HIJAU – Polres Lembah Hijau menggelar apel pergeseran pasukan di Lapangan Apel Mapolres Lembah Hijau, Senin (25/11/2024).

Apel dipimpin Kapolres Lembah Hijau AKBP Bima Putra.

Usai apel, sebanyak 300 personel gabungan disebar ke 210 TPS di enam kecamatan.

Pada hari yang sama, personel Sat Polairud Polres Lembah Hijau mengawal logistik ke Pulau Seribu Batu.
"""

THIRTEENTH["said_count"] = """Tim Gabungan Patroli Skala Besar Malam Jelang Pencoblosan

LEMBAH HIJAU – Tim gabungan Polres Lembah Hijau dan Kodim 0499/Lembah Hijau menggelar patroli skala besar di pusat Kota Lembah Hijau, Selasa (26/11/2024) malam.

Sebelum patroli, Sat Lantas Polres Lembah Hijau mengawal iring-iringan kendaraan dari Mapolres Lembah Hijau menuju Bundaran Tugu Tani.

Wakapolres Lembah Hijau Kompol Agus Salim yang memimpin patroli mengatakan, patroli melibatkan 140 personel gabungan.
"""

THIRTEENTH_CASES = [
    # a page about a sub-unit (its headline names it, the Polres it is of is written on its own and
    # implied by the Kapolres too): a sentence naming no unit is the sub-unit's, the headline says so
    ("Di Pasar Baru, petugas berdialog", "unit", "Sat Samapta Polres Lembah Hijau"),
    # ... not when the body opens with the Polres acting: the headline tells of one part of the page
    ("Usai apel, sebanyak 300 personel", "unit", "Polres Lembah Hijau"),
    # an activity helped ("Pengamanan dibantu 6 personel Polsek X"): the helper named is the one the
    # sentence tells of, as "Pengamanan diperkuat 30 personel Satbrimob" already was
    ("Pengamanan dibantu 6 personel", "unit", "Polsek Karang Anyar"),
    # the level of a pleno ("tingkat Kecamatan X") is what is counted, not where: the venue after it is
    ("tingkat Kecamatan Batu Ampar di Aula", "location", "Aula Kantor Camat Batu Ampar"),
    ("memimpin langsung pengamanan di aula tersebut", "location", "Aula Kantor Camat Batu Ampar"),
    # past another act, a statement whose said clause opens with the activity again gives its count
    ("menggelar patroli skala besar di pusat Kota Lembah Hijau", "personnel", 140),
    # rounds 'dari TPS ke TPS' start from no place: not the TPS the page named before
    ("sedangkan 8 personel Sat Samapta", "location", None),
]


@pytest.fixture(scope="module")
def thirteenth(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Opened]:
    yield from open_pages(tmp_path_factory.mktemp("thirteenth"), THIRTEENTH)


@pytest.mark.parametrize(("needle", "slot", "expected"), THIRTEENTH_CASES, ids=lambda v: str(v)[:32])
def test_the_thirteenth_check(thirteenth: Opened, needle: str, slot: str, expected: Any) -> None:
    assert needle_draft(thirteenth, THIRTEENTH, needle, clause=needle.startswith("sedangkan"))[slot] == expected

