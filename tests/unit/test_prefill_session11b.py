"""Record pre-fill, the second round of session 11 (issue 10 item 3): one unit under its several
names on a page, and the activity types the fifteenth check's pages showed as classes. Pages are
invented in the shapes of the dev part's pages, ingested into a real store on disk and drafted
through ``Store.draft_record``; each case is one ``(needle, slot, expected)`` of the sentence
holding the needle to its paragraph's end (a needle opening a clause of a split sentence drafts that
clause)."""

from __future__ import annotations

from tests.unit.prefill_pages import case_check

PAGES = {
    "long_then_short": """Kapolres Telbiru Lepas 120 Personel ke Pulau-Pulau

PANTAI INDAH – Kepolisian Resor Teluk Biru dan Kepulauan (Polres Telbiru) menggelar apel pergeseran pasukan di halaman Mapolres Telbiru, Senin (25/11/2024) pagi.

Apel dipimpin Kapolres Telbiru AKBP Dedi Santoso dan diikuti 120 personel yang akan bertugas di pulau-pulau.
""",
    "short_then_place": """Polres TMS Siagakan Personel di Kantor KPU

KOTA HILIR – Polres Tanah Merah Selatan (TMS) menggelar apel siaga di halaman Mapolres, Selasa (7/1/2025).

Apel dipimpin Kapolres TMS AKBP Rudi Hartono dan diikuti 85 personel gabungan.

Sehari sebelumnya, Senin (6/1/2025), Rudi berkoordinasi dengan Dandim 1502/Kota Hilir di Kantor Bupati Tanah Merah Selatan.
""",
    "role_in_brackets": """Polres Bukit Hijau kerahkan 150 personel amankan TPS

Rantau (ANTARA) - Kepolisian Resor (Polres) Bukit Hijau Selatan mengerahkan 150 personel untuk mengamankan TPS Pilkada 2024.

"Sejak Senin (25/11) personel sudah bergeser ke TPS masing-masing," kata Kepala Polres (Kapolres) Bukit Hijau Selatan Ajun Komisaris Besar Polisi (AKBP) Joko Susilo di Rantau, Selasa.

Polres Bukit Hijau Selatan juga menyiagakan 20 personel cadangan di Mapolres Bukit Hijau.
""",
    "stops": """Sat Samapta Polres Lembah Sari Patroli Malam ke Gudang KPU

LEMBAH SARI – Polres Lembah Sari melalui Sat Samapta menggelar patroli malam ke gudang logistik KPU di Kota Sari, Sabtu (14/12/2024).

Anggota Sat Samapta memeriksa gembok dan pagar gudang, lalu berbincang dengan petugas KPU yang berjaga malam.

Pada malam yang sama, personel Polsek Sari Utara menyambangi Kantor PPK Sari Utara di Jalan Melati dan berdialog dengan anggota PPK yang masih bekerja.

Usai dari kantor PPK, rombongan bergerak ke Kantor Bawaslu Kabupaten Lembah Sari dan berdialog dengan petugas jaga di pos depan.
""",
    "chats": """Patroli Malam Polsek Tanjung Lestari ke Kantor PPK

TANJUNG LESTARI – Polsek Tanjung Lestari menggelar patroli malam ke Kantor PPK Tanjung Lestari, Jumat (13/12/2024).

Di kantor itu, anggota Polsek bertegur sapa dengan petugas jaga dan memeriksa buku tamu.

Personel kemudian menyambangi Kantor PPS Desa Lestari dan mengobrol dengan anggota PPS Desa Lestari yang masih bekerja.
""",
    "rally": """Polsek Bukit Jaya Amankan Kampanye di Lapangan Bola

BUKIT JAYA – Kampanye terbuka pasangan calon bupati nomor urut 2 digelar di Lapangan Bola Desa Bukit Jaya, Kamis (24/10/2024).

Sebelum acara dimulai, personel Polsek Bukit Jaya bersama Satlantas Polres Lembah Sari mengatur parkir kendaraan simpatisan di sepanjang Jalan Lintas Bukit.

Di lapangan tersebut, Bhabinkamtibmas Desa Bukit Jaya Bripka Anton mengimbau simpatisan agar tidak membawa atribut kampanye ke halaman Masjid Al-Huda.

Bhabinkamtibmas Desa Bukit Indah Bripka Yudi juga mengimbau simpatisan agar tidak membawa senjata tajam dan tidak terpancing provokasi.
""",
    "led_with": """Sat Samapta Polres Lembah Sari Patroli Kantor KPU

LEMBAH SARI – Memasuki masa tenang, personel Sat Samapta Polres Lembah Sari menggelar patroli ke Kantor KPU Kabupaten Lembah Sari, Minggu (24/11/2024) malam.

Patroli dipimpin Kasat Samapta AKP Rudi Hartono dengan 15 personel dan dua kendaraan roda empat.
""",
    "koramil_first": """Koramil Bersama Polsek Patroli Malam

KOTA HILIR – Koramil 1602-03/Hilir bersama Polsek Hilir Polres Tanah Merah menggelar patroli malam di Desa Sungai Jernih, Senin (25/11/2024).

Patroli yang melibatkan 18 personel gabungan itu dipimpin Danramil 1602-03/Hilir Kapten Inf Yosef Lado dan Kapolsek Hilir Ipda Markus Ndapa.
""",
    "arrivals": """Personel Brimob Tiba di Teluk Biru

TELUK BIRU – Sebanyak 40 personel Satbrimob Polda Nusa Raya tiba di Mapolres Teluk Biru, Senin (25/11/2024), untuk memperkuat pengamanan pemungutan suara Pilkada 2024.

Personel Satbrimob Polda Nusa Raya itu akan ditempatkan di TPS rawan di Kecamatan Karang Asri pada Rabu (27/11/2024).

Untuk hari pemungutan suara, Polres Teluk Biru menyiapkan 400 personel yang akan disebar ke 900 TPS di delapan kecamatan.

Di Aula Kecamatan Karang Asri, delapan personel Polsek Karang Asri menjaga kotak suara yang tiba dari desa-desa sebelum pleno dimulai.
""",
    "means": """Pleno PPK Karang Asri Dijaga Ketat

KARANG ASRI – Rapat pleno rekapitulasi tingkat Kecamatan Karang Asri digelar di Aula Kantor Camat Karang Asri, Sabtu (30/11/2024).

Kapolsek Karang Asri Iptu Hendra memimpin langsung pengamanan di aula tersebut dengan menurunkan 16 personel, dibantu 4 personel Koramil 07/Karang Asri.

Operasi Mantap Praja 2024 di wilayah itu dijalankan oleh Polres Teluk Biru dengan menurunkan 300 personel ke 700 TPS di 12 kecamatan pada Selasa (26/11/2024).
""",
    "quiet_period": """Patroli Masa Tenang di Kota Pesisir

KOTA PESISIR – Personel Satreskrim Polres Kota Pesisir bersama Bawaslu Kota Pesisir menyisir Kampung Nelayan Tanjung Indah untuk mencegah praktik politik uang pada malam terakhir masa tenang, Senin (25/11/2024).

Di sepanjang Jalan Merdeka dan Jalan Pahlawan, petugas bersama Bawaslu Kota Pesisir mencopot sedikitnya 120 baliho, spanduk dan bendera pasangan calon.

Pengamanan PSU di TPS 04 Desa Sumber Rejo dibagi tiga ring: ring pertama di dalam TPS, ring kedua di luar pagar, ring ketiga berupa patroli Sat Lantas Polres Kota Pesisir di ruas Jalan Raya Sumber Rejo.
""",
    "handed": """Logistik Pilkada Tiba di Desa-Desa Tanjung Sari

TANJUNG SARI – Personel Polsek Tanjung Sari mengawal logistik Pilkada dari Kantor PPK Tanjung Sari ke desa-desa, Selasa (26/11/2024).

Setibanya di desa, logistik dijaga dua personel Polsek Tanjung Sari di setiap kantor desa hingga diserahkan kepada KPPS.

Usai penghitungan, kotak suara dikawal ke Aula Kantor Kecamatan Tanjung Sari untuk direkapitulasi oleh PPK Tanjung Sari pada hari yang sama.

Selain itu, Tim Patroli Presisi Polres Kepulauan Indah berpatroli ke PPK-PPK yang menggelar pleno hingga malam hari.
""",
    "many_tps": """Polisi Kawal Kotak Suara ke TPS Terpencil

LEMBAH SARI – Personel Polres Lembah Sari mengawal logistik Pilkada dari PPK ke TPS-TPS terpencil di Kecamatan Sari Utara, Selasa (26/11/2024).

Kabag Ops Polres Lembah Sari Kompol Yusuf mengatakan, dari 310 TPS di Kabupaten Lembah Sari, 25 TPS hanya bisa dijangkau dengan berjalan kaki.

Personel untuk TPS-TPS tersebut sudah diberangkatkan sejak Senin (25/11/2024) agar tiba sebelum pencoblosan.

Pemetaan menunjukkan sembilan TPS sangat rawan berada di Kecamatan Sari Utara dan Kecamatan Sari Selatan.

Untuk menjangkau pulau-pulau tersebut, Polres Lembah Sari akan mengirim 60 personel mulai 24 November 2024.
""",
    "secured": """Pleno PPK Hilir Berjalan Aman

KOTA HILIR, wartahilir.com – Rapat pleno rekapitulasi hasil penghitungan suara Pilkada 2024 tingkat Kecamatan Hilir di Aula Kantor Camat Hilir, Minggu (1/12/2024), mendapat pengamanan ketat dari jajaran kepolisian.

Untuk TPS sangat rawan, yang jumlahnya 9 dan tersebar di Hilir dan Hulu, polisi menyiagakan 18 personel.

Untuk TPS di lereng Gunung Hijau, personel Polsek Hulu diberangkatkan dengan truk dari Mapolsek Hulu ke Desa Hijau.

Setelah itu, rombongan melintasi Jalan Lintas Hilir hingga Simpang Empat Hulu untuk memantau alat peraga kampanye yang belum diturunkan.
""",
    "convoy": """Tim Gabungan Patroli Malam di Kota Hilir

KOTA HILIR – Tim gabungan Polres Kota Hilir, Kodim 1602/Hilir dan Satpol PP menggelar patroli malam, Senin (25/11/2024).

Sebelum patroli, Sat Lantas Polres Kota Hilir mengawal iring-iringan kendaraan patroli dari Mapolres Kota Hilir menuju Bundaran Tugu Ikan.
""",
}

CASES = [
    # a long form with its short form in brackets ("Kepolisian Resor X dan Y (Polres Z)") and the role of the
    # short form's place ("Kapolres Z") are one unit: the next sentence goes on about the lede's apel
    ("Kepolisian Resor Teluk Biru dan Kepulauan", "personnel", 120),
    ("Kepolisian Resor Teluk Biru dan Kepulauan", "partners", []),
    # a unit written with its place's short name in brackets ("Polres Tanah Merah Selatan (TMS)") is the
    # "Polres TMS" and "Kapolres TMS" of the page: the apel's count ...
    ("Polres Tanah Merah Selatan (TMS) menggelar", "personnel", 85),
    # ... and, for a sentence naming no unit, the body's form over the headline's when both are written as
    # often (a headline shortens)
    ("Rudi berkoordinasi dengan Dandim", "unit", "Polres Tanah Merah Selatan"),
    # a role written out with its short form in brackets ("Kepala Polres (Kapolres) X AKBP ..."): the place
    # after the brackets, not the page's other unit of that kind
    ("Sejak Senin (25/11) personel", "unit", "Polres Bukit Hijau Selatan"),
    # a patrol's stop where it talks with the people on duty ("berbincang dengan petugas KPU yang berjaga",
    # "berdialog dengan anggota PPK yang masih bekerja", "... dengan petugas jaga"): the patrol, not outreach
    # to residents nor talks with a body
    ("Anggota Sat Samapta memeriksa gembok", "type", "patrol"),
    ("menyambangi Kantor PPK Sari Utara", "type", "patrol"),
    ("Usai dari kantor PPK, rombongan", "type", "patrol"),
    # ... every way of talking the type reads is one the partners read too, and back ("bertegur sapa",
    # "mengobrol": classify.TALK_VERBS, one list for both)
    ("anggota Polsek bertegur sapa", "type", "patrol"),
    ("Personel kemudian menyambangi Kantor PPS", "partners", []),
    # parking kept in order for an event ("mengatur parkir kendaraan simpatisan"): traffic work, other
    ("mengatur parkir kendaraan", "type", "other"),
    # what an appeal asks of others ("agar tidak membawa atribut kampanye", "tidak terpancing provokasi") is
    # not the act: the appeal is outreach
    ("Bripka Anton mengimbau simpatisan", "type", "community_outreach"),
    ("Bripka Yudi juga mengimbau", "type", "community_outreach"),
    # the next sentence going on about the lede's patrol gives its count: written with "dengan N personel" ...
    ("Memasuki masa tenang, personel Sat Samapta", "personnel", 15),
    # ... and after a lede whose only police unit is written as taking part ("Koramil X bersama Polsek Y
    # menggelar patroli"), the page's unit's patrol, not another unit's act
    ("Koramil 1602-03/Hilir bersama Polsek Hilir", "personnel", 18),
    # personnel arriving ("40 personel Satbrimob ... tiba di X untuk memperkuat pengamanan ...") are sent there,
    # whatever they come for, and a placement told as still ahead ("itu akan ditempatkan di TPS rawan") is
    # people sent, not yet guarding ...
    ("Sebanyak 40 personel Satbrimob", "type", "troop_deployment"),
    ("itu akan ditempatkan di TPS rawan", "type", "troop_deployment"),
    # ... but not what readied people are for ("menyiapkan 400 personel yang akan disebar"), nor goods
    # arriving where people guard ("menjaga kotak suara yang tiba dari desa-desa")
    ("menyiapkan 400 personel yang akan disebar", "type", "planning"),
    ("menjaga kotak suara yang tiba", "type", "static_guard"),
    # the means of an act named before ("memimpin pengamanan di aula tersebut dengan menurunkan 16 personel"):
    # the guard, not a deployment; with no act named before it the fielding is the act
    ("Kapolsek Karang Asri Iptu Hendra memimpin", "type", "static_guard"),
    ("dijalankan oleh Polres Teluk Biru dengan menurunkan", "type", "troop_deployment"),
    # what an act is to keep from happening ("menyisir Kampung X untuk mencegah praktik politik uang"): the
    # sweep, not an incident answered
    ("Personel Satreskrim Polres Kota Pesisir", "type", "patrol"),
    # campaign props taken down ("mencopot 120 baliho, spanduk dan bendera"): other, not outreach
    ("mencopot sedikitnya 120 baliho", "type", "other"),
    # a frame and what fills it ("ring ketiga berupa patroli Sat Lantas"): the patrol
    ("ring ketiga berupa patroli", "type", "patrol"),
    # who receives what is handed, told far from the goods ("logistik dijaga ... hingga diserahkan kepada
    # KPPS"), who does what the goods go for ("untuk direkapitulasi oleh PPK X") and the bodies a patrol goes
    # to, written as a plural ("berpatroli ke PPK-PPK"): none takes part (the conventions)
    ("Setibanya di desa, logistik dijaga", "partners", []),
    ("Usai penghitungan, kotak suara dikawal", "partners", []),
    ("Tim Patroli Presisi Polres Kepulauan Indah", "partners", []),
    # a pointer to many polling stations ("Personel untuk TPS-TPS tersebut"): no one place (the conventions),
    # not the regency the TPS were counted in; a plural pointer to places named before keeps them
    ("Personel untuk TPS-TPS tersebut", "location", None),
    ("Untuk menjangkau pulau-pulau tersebut", "location", "Kecamatan Sari Utara dan Kecamatan Sari Selatan"),
    # an event given security ("Rapat pleno ... mendapat pengamanan ketat dari jajaran kepolisian"): its guard
    ("KOTA HILIR, wartahilir.com", "type", "static_guard"),
    # personnel placed for polling stations named first ("Untuk TPS sangat rawan, ..., polisi menyiagakan 18
    # personel"): they guard them; people sent off to them ("diberangkatkan dengan truk") are a deployment
    ("Untuk TPS sangat rawan", "type", "static_guard"),
    ("Untuk TPS di lereng Gunung Hijau", "type", "troop_deployment"),
    # campaign props checked on a round ("untuk memantau alat peraga kampanye yang belum diturunkan"): patrol
    ("rombongan melintasi Jalan Lintas Hilir", "type", "patrol"),
    # what an escort takes along ("mengawal iring-iringan kendaraan patroli"): the escort, not a patrol
    ("Sebelum patroli, Sat Lantas", "type", "escort"),
]


opened, test_the_second_round = case_check(PAGES, CASES, ("ring ",))
