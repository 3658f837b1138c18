"""Record pre-fill, session 12 (issue 10 item 3): the classes the judge pages e178-e189 (written from
the guidelines alone) showed for the place and the acting unit. Pages are invented in those pages'
shapes, ingested into a real store on disk and drafted through ``Store.draft_record``; each case is
one ``(needle, slot, expected)`` of the sentence holding the needle to its paragraph's end."""

from __future__ import annotations

from tests.unit.prefill_pages import case_check

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
    "subunit_page": """Beranda › Hukum › Pilkada 2024

Sat Samapta Polres OKS Barat Gencarkan Patroli Dialogis di Masa Tenang Pilkada

Personel Sat Samapta berbincang dengan pedagang di Pasar Baru. (Foto: Dok. Humas)

BATURAJA BARU, WARTAOKS.COM – Satuan Samapta Kepolisian Resor (Polres) Ogan Kemuning Sari Barat menggelar patroli dialogis di sejumlah titik keramaian di Kecamatan Baturaja Baru, Senin (25/11/2024) pagi.

Sebelum bergerak, ketiga regu mengikuti apel di halaman Mapolres OKS Barat yang dipimpin Kasat Samapta AKP Darmawan.

Di Pasar Baru, petugas membagikan selebaran berisi imbauan agar warga tidak termakan kabar bohong.

Sementara itu, Satlantas Polres OKS Barat mengatur arus lalu lintas di simpang pasar.

Kapolres OKS Barat AKBP Hendri menyebut 300 personel disiagakan untuk pemungutan suara.
""",
    "island_guard": """Satpolairud Polres Kepulauan Nusa Kawal Logistik ke Pulau Terluar

MELONGUA – Satuan Polisi Perairan dan Udara (Satpolairud) Polres Kepulauan Nusa mengawal pengiriman logistik Pilkada 2024 ke pulau-pulau terluar, Jumat (22/11/2024).

Kasat Polairud Iptu Yoppy menjelaskan, timnya memantau prakiraan gelombang bersama Stasiun Meteorologi Melongua sejak Rabu (20/11/2024).

Sementara di Pulau Kakorotan, empat personel tetap tinggal untuk menjaga kotak suara yang disimpan di kantor PPK Kakorotan hingga hari pemungutan suara.
""",
    "rakor_site": """Polres Tulang Rejo Gelar Rakor Lintas Sektoral

Panaragan Baru (LSN) – Bersama KPU Kabupaten Tulang Rejo, Polres Tulang Rejo menggelar rapat koordinasi lintas sektoral pengamanan pemungutan suara di Aula Hotel Bumi Rejo, Panaragan Baru, Selasa (12/11/2024). Rakor turut dihadiri Bawaslu Tulang Rejo, Satpol PP dan BPBD setempat.

Rakor tersebut dibuka Wakapolres Tulang Rejo Kompol Heri yang mewakili Kapolres.

Dalam sambutannya, Heri meminta seluruh pihak menyamakan persepsi sejak dini.

Dalam rakor itu, Kabag Ops Kompol Rahmat memaparkan hasil pemetaan 41 TPS rawan.
""",
    "convoy": """Polres Batang Sari Kawal Logistik ke 9 Kecamatan

BATANG SARI – Polres Batang Sari mengawal pendistribusian logistik Pilkada 2024 dari gudang logistik KPU Kabupaten Batang Sari menuju sembilan kecamatan, Jumat (22/11/2024), bersama 20 personel Kodim 0499/Batang Sari.

Sebelum pengiriman, tim gabungan dari Polres Batang Sari dan KPU Batang Sari memeriksa kendaraan pengangkut di halaman gudang tersebut.

Sebanyak 12 personel Satlantas Polres Batang Sari membuka jalur di depan iring-iringan truk, dibantu petugas Dinas Perhubungan.

Petugas KPU dan Bawaslu Batang Sari ikut dalam rombongan untuk mengawasi serah terima di setiap kecamatan.

Untuk mengurai kepadatan, Satlantas Polres Batang Sari memberlakukan rekayasa arus di Jalan Merdeka sejak pukul 08.00 WIB.

Untuk kampanye akbar pekan depan, Kasat Lantas Polres Batang Sari menyiapkan rekayasa arus di sekitar Lapangan Merdeka.
""",
    "rings": """Pleno KPU Kabupaten Tanah Datar Dijaga Tiga Ring

PULAU BARU – Polres Pulau Baru menerjunkan 150 personel untuk mengamankan rapat pleno rekapitulasi KPU Kabupaten Pulau Baru di Gedung Pertemuan Sri Baru, Senin (2/12/2024).

Ring satu di dalam ruang pleno dijaga 20 personel tanpa senjata api, ring dua di halaman gedung 50 personel, dan ring tiga di ruas Jalan Sudirman 80 personel.

Usai pleno, puluhan warga berunjuk rasa di depan kantor KPU Kabupaten Pulau Baru di Jalan Merdeka.

Polres Pulau Baru lalu menerjunkan 100 personel untuk mengamankan aksi di depan kantor KPU tersebut.

Pada hari pemungutan suara, Polsek Baru Utara menempatkan 40 personel di TPS wilayah Kecamatan Baru Utara.
""",
    "yesterday": """SUARA BARU
Kamis, 05 Desember 2024 - 08:12 WITA

Massa Datangi KPU Kota Baru Usai Pleno, Polres Kota Baru Kerahkan 200 Personel

KOTA BARU – Ratusan massa pendukung salah satu pasangan calon mendatangi kantor KPU Kota Baru di Jalan Sudirman, kemarin.

Mengantisipasi kericuhan, Polres Kota Baru menerjunkan 200 personel untuk mengamankan aksi di depan kantor KPU tersebut.

Kapolres Kota Baru AKBP Sodikin kemarin juga menemui koordinator aksi dan memfasilitasi dialog dengan komisioner KPU.
""",
    "river_convoy": """Polres Tana Hulu Kawal Logistik Lewat Sungai

TANA HULU – Polres Tana Hulu mengawal pendistribusian logistik Pilkada 2024 dari gudang logistik KPU Kabupaten Tana Hulu menuju lima kecamatan, Senin (25/11/2024).

Logistik untuk dua kecamatan di hulu dikawal 12 personel Sat Polairud menggunakan longboat.

Sebelum berangkat, Kasat Polairud Iptu Daniel memimpin pengecekan kelayakan longboat dan jaket pelampung di Dermaga Tana Hulu.
""",
    "debate": """Polres Flores Raya Amankan Debat Publik

LARAN – Polres Flores Raya menurunkan 135 personel untuk mengamankan debat publik kedua Pilkada Kabupaten Flores Raya di Aula Hotel Fortuna Laran, Kamis (14/11/2024) malam.

Pengamanan dipimpin langsung Kabag Ops Polres Flores Raya Kompol Yohanes. Sebelum debat dimulai, seluruh personel mengikuti apel di halaman hotel tersebut pada pukul 16.00 WITA.

Pengamanan melibatkan personel Kodim 1699/Flores Raya serta Satpol PP, sementara Sat Lantas Polres Flores Raya bersama Dinas Perhubungan mengalihkan arus kendaraan di Jalan Soekarno.

Sempat terjadi adu mulut antarpendukung di depan hotel sekitar pukul 21.00 WITA, namun personel Sat Samapta segera melerai.
""",
    "protest": """BUTON RAYA POS
Kamis, 05 Desember 2024 - 09:10 WITA

Massa Tolak Hasil Pleno, Polres Buton Raya Siagakan 150 Personel

PASAR RAYA, BUTONRAYA.CO.ID – Ratusan massa berunjuk rasa di depan kantor KPU Kabupaten Buton Raya di Pasar Raya, kemarin.

Sejak pagi, Polres Buton Raya telah menyiagakan 150 personel untuk mengamankan jalannya pleno di kantor tersebut.

Personel Sat Samapta Polres Buton Raya yang membentuk pagar betis berhasil menahan dorongan massa tanpa ada korban.

Kapolres Buton Raya AKBP Rudy kemudian menemui perwakilan massa di ruang rapat kantor itu.

Rudy menambahkan, penjagaan di kantor KPU akan dipertebal saat penetapan pasangan calon terpilih pada Senin (16/12).
""",
    "apel": """Polda Nusa Raya Gelar Apel Patroli Skala Besar

DENPASAR RAYA – Kepolisian Daerah Nusa Raya menggelar apel patroli skala besar masa tenang Pilkada 2024 di halaman Mapolda Nusa Raya, Minggu (24/11/2024) malam, yang diikuti 450 personel gabungan.
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
    # a page about a sub-unit (its headline, its bare name in a caption, its long form with the parent written
    # long and by initials, its head "Kasat Samapta" bare): a sentence naming no unit is the sub-unit's, in
    # the short form; the Kapolres' own sentence is the Polres'
    ("ketiga regu mengikuti apel", "unit", "Sat Samapta Polres OKS Barat"),
    ("petugas membagikan selebaran", "unit", "Sat Samapta Polres OKS Barat"),
    ("Kapolres OKS Barat AKBP Hendri", "unit", "Polres OKS Barat"),
    ("Kasat Polairud Iptu Yoppy menjelaskan", "unit", "Satpolairud Polres Kepulauan Nusa"),
    # a body worked with ("bersama Stasiun Meteorologi X") is no place; a venue known by its body and place
    # ("kantor PPK X") beats a place by its bare name fronted before it ("Sementara di Pulau Y, ...")
    ("Kasat Polairud Iptu Yoppy menjelaskan", "location", None),
    ("Sementara di Pulau Kakorotan", "location", "kantor PPK Kakorotan"),
    # "Dalam rakor itu": where the page said the rakor ("rapat koordinasi") was held, not the dateline
    ("Dalam rakor itu, Kabag Ops", "location", "Aula Hotel Bumi Rejo"),
    # bodies the page says go along with the convoy ("ikut dalam rombongan") take part in the page's own
    # escort, not in a sub-unit's piece of it
    ("Polres Batang Sari mengawal pendistribusian", "partners",
     ["Kodim 0499/Batang Sari", "KPU", "Bawaslu Batang Sari"]),
    ("Sebanyak 12 personel Satlantas", "partners", ["Dinas Perhubungan"]),
    # the convoy's vehicles checked before it leaves: preparing (planning)
    ("Sebelum pengiriman, tim gabungan", "type", "planning"),
    # traffic re-routing put in force is traffic work (other); readied for a later event, a plan
    ("memberlakukan rekayasa arus", "type", "other"),
    ("menyiapkan rekayasa arus", "type", "planning"),
    # a ring's figure after a bare venue ("di halaman gedung 50 personel") is the people's, and the place is
    # the ring's own spot as written (session 18: 56 of 83 dev ring records code the spot; it was the building
    # named before, as e214's writer codes it); "kantor KPU tersebut" is the office the page named in lower
    # case with its body's whole name; "di TPS wilayah Kecamatan X" is the district's polling stations
    ("ring dua di halaman gedung", "location", "halaman gedung"),
    ("menerjunkan 100 personel untuk mengamankan aksi", "location", "kantor KPU Kabupaten Pulau Baru"),
    ("Polsek Baru Utara menempatkan", "location", "Kecamatan Baru Utara"),
    # "kemarin" is the day before the page's date: in the sentence, and for the story the lede dates so
    ("Kapolres Kota Baru AKBP Sodikin kemarin", "date", "2024-12-04"),
    ("Mengantisipasi kericuhan, Polres Kota Baru", "date", "2024-12-04"),
    # a bare sub-unit head ("Kasat Polairud") implies the sub-unit the page writes; checking the boats
    # before the convoy leaves is preparing
    ("Sebelum berangkat, Kasat Polairud", "unit", "Sat Polairud"),
    ("Sebelum berangkat, Kasat Polairud", "type", "planning"),
    # the sentence after the lede naming the act again ("Pengamanan dipimpin ..."), then its partners
    # ("Pengamanan melibatkan Kodim X serta Satpol PP, sementara Sat Lantas ... bersama Dishub ..."): the
    # first clause's bodies; the apel between is another act ("halaman" is not "aman")
    ("Polres Flores Raya menurunkan", "partners", ["Kodim 1699/Flores Raya", "Satpol PP"]),
    ("Sebelum debat dimulai", "partners", []),
    # "di depan hotel sekitar pukul 21.00": the hotel named before
    ("Sempat terjadi adu mulut", "location", "Aula Hotel Fortuna Laran"),
    # the lede's "kemarin" dates the story even when a later sentence names a date to come; a crowd's push
    # held back is the answer to the demo; "di ruang rapat kantor itu": the office named before
    ("Sejak pagi, Polres Buton Raya", "date", "2024-12-04"),
    ("yang membentuk pagar betis", "type", "incident_response"),
    ("Kapolres Buton Raya AKBP Rudy kemudian", "location", "kantor KPU Kabupaten Buton Raya"),
    # an apel held, whatever it opens: ceremony_apel
    ("menggelar apel patroli skala besar", "type", "ceremony_apel"),
]


opened, test_session_twelve = case_check(PAGES, CASES, ("ring ",))
