"""Word lists the recogniser generalises from: Indonesian provinces (with the abbreviations news
uses), major regencies and cities, ranks, positions, academic titles and common words that end
a name. Data only; no logic.
"""

from __future__ import annotations

PROVINCES = """
Aceh|Sumatera Utara|Sumut|Sumatera Barat|Sumbar|Riau|Kepulauan Riau|Kepri|Jambi|Sumatera Selatan|Sumsel|
Bengkulu|Lampung|Kepulauan Bangka Belitung|Bangka Belitung|Babel|DKI Jakarta|Jakarta|Jawa Barat|Jabar|
Jawa Tengah|Jateng|Jawa Timur|Jatim|Banten|DI Yogyakarta|Yogyakarta|DIY|Bali|Nusa Tenggara Barat|NTB|
Nusa Tenggara Timur|NTT|Kalimantan Barat|Kalbar|Kalimantan Tengah|Kalteng|Kalimantan Selatan|Kalsel|
Kalimantan Timur|Kaltim|Kalimantan Utara|Kaltara|Sulawesi Utara|Sulut|Sulawesi Tengah|Sulteng|
Sulawesi Selatan|Sulsel|Sulawesi Tenggara|Sultra|Gorontalo|Sulawesi Barat|Sulbar|Maluku|Maluku Utara|Malut|
Papua|Papua Barat|Papua Barat Daya|Papua Tengah|Papua Pegunungan|Papua Selatan|Indonesia|Jawa|Sumatera|
Kalimantan|Sulawesi
"""

CITIES = """
Banda Aceh|Lhokseumawe|Langsa|Sabang|Aceh Besar|Aceh Utara|Aceh Timur|Pidie|Bireuen|Medan|Binjai|Pematangsiantar|
Tebing Tinggi|Sibolga|Tanjungbalai|Padangsidimpuan|Deli Serdang|Langkat|Asahan|Simalungun|Karo|Dairi|Toba|Nias|
Labuhanbatu|Mandailing Natal|Padang|Bukittinggi|Payakumbuh|Solok|Pariaman|Sawahlunto|Agam|Pasaman|Pesisir Selatan|
Pekanbaru|Dumai|Kampar|Bengkalis|Siak|Indragiri Hilir|Indragiri Hulu|Rokan Hulu|Rokan Hilir|Pelalawan|Batam|
Tanjungpinang|Bintan|Karimun|Natuna|Jambi|Muaro Jambi|Bungo|Tebo|Kerinci|Sungai Penuh|Merangin|Sarolangun|
Palembang|Prabumulih|Lubuklinggau|Pagar Alam|Ogan Ilir|Ogan Komering Ilir|Ogan Komering Ulu|Muara Enim|Lahat|
Musi Banyuasin|Musi Rawas|Banyuasin|Empat Lawang|Bengkulu Selatan|Bengkulu Utara|Bengkulu Tengah|Rejang Lebong|
Kaur|Seluma|Mukomuko|Kepahiang|Lebong|Manna|Bandar Lampung|Metro|Lampung Selatan|Lampung Tengah|Lampung Utara|
Lampung Timur|Lampung Barat|Pesisir Barat|Pesbar|Tanggamus|Way Kanan|Tulang Bawang|Pringsewu|Mesuji|Pesawaran|
Kalianda|Pangkalpinang|Bangka|Belitung|Jakarta Pusat|Jakarta Utara|Jakarta Barat|Jakarta Selatan|Jakarta Timur|
Kepulauan Seribu|Bogor|Depok|Bekasi|Bandung|Bandung Barat|Cimahi|Sukabumi|Cianjur|Garut|Tasikmalaya|Ciamis|
Banjar|Pangandaran|Kuningan|Cirebon|Majalengka|Sumedang|Indramayu|Subang|Purwakarta|Karawang|Semarang|Surakarta|
Solo|Salatiga|Magelang|Pekalongan|Tegal|Brebes|Pemalang|Batang|Kendal|Demak|Kudus|Jepara|Pati|Rembang|Blora|
Grobogan|Boyolali|Klaten|Sukoharjo|Wonogiri|Karanganyar|Sragen|Temanggung|Wonosobo|Purworejo|Kebumen|Banjarnegara|
Purbalingga|Banyumas|Cilacap|Surabaya|Sidoarjo|Gresik|Lamongan|Tuban|Bojonegoro|Ngawi|Madiun|Magetan|Ponorogo|
Pacitan|Trenggalek|Tulungagung|Blitar|Kediri|Nganjuk|Jombang|Mojokerto|Malang|Batu|Pasuruan|Probolinggo|
Lumajang|Jember|Bondowoso|Situbondo|Banyuwangi|Bangkalan|Sampang|Pamekasan|Sumenep|Serang|Cilegon|Tangerang|
Tangerang Selatan|Pandeglang|Lebak|Sleman|Bantul|Kulon Progo|Gunungkidul|Denpasar|Badung|Gianyar|Tabanan|
Buleleng|Karangasem|Klungkung|Bangli|Jembrana|Mataram|Lombok|Lombok Barat|Lombok Tengah|Lombok Timur|Lombok Utara|
Sumbawa|Sumbawa Barat|Dompu|Bima|Kupang|Flores|Ende|Sikka|Manggarai|Manggarai Barat|Sumba|Sumba Timur|Belu|
Timor Tengah Selatan|Timor Tengah Utara|Alor|Lembata|Rote Ndao|Pontianak|Singkawang|Kubu Raya|Mempawah|Sambas|
Bengkayang|Landak|Sanggau|Sekadau|Sintang|Kapuas Hulu|Ketapang|Kayong Utara|Melawi|Palangka Raya|Palangkaraya|
Kotawaringin Barat|Kotawaringin Timur|Kapuas|Barito Utara|Barito Selatan|Katingan|Seruyan|Banjarmasin|Banjarbaru|
Banjar|Martapura|Tanah Laut|Kotabaru|Tabalong|Hulu Sungai Selatan|Hulu Sungai Tengah|Hulu Sungai Utara|Tapin|
Balangan|Tanah Bumbu|Barito Kuala|Samarinda|Balikpapan|Bontang|Kutai Kartanegara|Kukar|Kutai Timur|Kutim|
Kutai Barat|Kubar|Berau|Paser|Penajam Paser Utara|PPU|Mahakam Ulu|Muara Badak|Marang Kayu|Tenggarong|Sangatta|
Tanjung Selor|Tarakan|Nunukan|Malinau|Bulungan|Tana Tidung|Manado|Bitung|Tomohon|Kotamobagu|Minahasa|
Minahasa Utara|Minahasa Selatan|Bolaang Mongondow|Sangihe|Talaud|Palu|Poso|Donggala|Sigi|Parigi Moutong|Tolitoli|
Banggai|Morowali|Makassar|Parepare|Palopo|Gowa|Maros|Pangkep|Pangkajene|Barru|Bone|Soppeng|Wajo|Sidrap|
Pinrang|Enrekang|Luwu|Luwu Utara|Luwu Timur|Tana Toraja|Toraja Utara|Takalar|Jeneponto|Bantaeng|Bulukumba|Sinjai|
Selayar|Kendari|Baubau|Kolaka|Konawe|Muna|Buton|Wakatobi|Bombana|Gorontalo Utara|Boalemo|Pohuwato|Bone Bolango|
Mamuju|Majene|Polewali Mandar|Mamasa|Pasangkayu|Ambon|Tual|Maluku Tengah|Buru|Seram|Ternate|Tidore|Halmahera|
Halmahera Utara|Halmahera Selatan|Jayapura|Merauke|Mimika|Timika|Biak|Nabire|Wamena|Jayawijaya|Sorong|Manokwari|
Fakfak|Kaimana|Raja Ampat|Teluk Bintuni|Puncak Jaya|Yahukimo|Keerom|Sarmi|Paniai|Intan Jaya|Dogiyai|Deiyai|
Monas|Senayan
"""

POLICE_RANKS = (
    "Jenderal Polisi|Jenderal Pol|Komjen Pol|Komjen|Irjen Pol|Irjen|Brigjen Pol|Kombes Pol|Kombespol|Kombes|"
    "AKBP|Kompol|AKP|Iptu|Ipda|Aiptu|Aipda|Bripka|Brigpol|Brigadir Polisi|Brigadir|Briptu|Bripda|Abriptu|"
    "Abripda|Abrip|Bharaka|Bharatu|Bharada|Brigjen|Jenderal"
)
MILITARY_RANKS = (
    "Jenderal TNI|Letjen TNI|Mayjen TNI|Brigjen TNI|Laksamana|Laksdya|Laksda|Laksma|Marsekal|Marsdya|Marsda|"
    "Marsma|Kolonel|Letkol|Mayor|Kapten|Lettu|Letda|Peltu|Pelda|Serma|Serka|Sertu|Serda|Kopka|Koptu|Kopda|"
    "Praka|Pratu|Prada|Kopral|Sersan|Letnan"
)
CORPS = (
    r"(?:Inf|Arh|Kav|Czi|Cpn|Cba|Ckm|Caj|Chk|Cpl|Chb|Arm|Adm|Pas|Lek|Mar|Tek|Kes|Sus|Pnb|Nav|Laut\s*\([PTEKS]\)|"
    r"Laut|Marinir|Pom|TNI|\(K\))"
)
ROLES = (
    "Kapolri|Wakapolri|Kapolda|Wakapolda|Kapolrestabes|Kapolresta|Kapolres|Wakapolrestabes|Wakapolresta|"
    "Wakapolres|Kapolsekta|Kapolsek|Wakapolsek|Kabag Ops|Kabagops|Kabag Ren|Kabag Sumda|Kabag Log|Kasat Samapta|"
    "Kasat Lantas|Kasat Reskrim|Kasat Intelkam|Kasat Binmas|Kasat Narkoba|Kasat Resnarkoba|Kasat Sabhara|"
    "Kasat Tahti|Kasat Polairud|Kasat Pamobvit|Kasatlantas|Kasatreskrim|Kasatintelkam|Kasatbinmas|Kasatsamapta|"
    "Kasat|Kasi Humas|Kasihumas|Kasi Propam|Kasi Was|Kasie Humas|Kabid Humas|Kabid Propam|Kasubbag Humas|"
    "Kasubsi|Kanit Samapta|Kanit Reskrim|Kanit Intelkam|Kanit Binmas|Kanit Lantas|Kanit Provos|Kanit|KA SPKT|"
    "Ka SPKT|Kepala SPKT|KA SPK|Ka SPK|Kepala SPK|Dirlantas|Dirsamapta|Dirintelkam|Dirreskrimum|Dirreskrimsus|"
    "Dirbinmas|Dirpamobvit|Dirpolairud|Dansat Brimob|Dansatbrimob|Danyon|Danki|Danton|Bhabinkamtibmas|"
    "Babinkamtibmas|Bhabin|Babinsa|Dandim|Danramil|Danrem|Pangdam|Kasdim|Danlanal|Danlanud|Danlantamal|Pangkostrad|"
    "Panglima TNI|Panglima|Camat|Lurah|Kades|Kepala Desa|Wakil Bupati|Bupati|Wakil Wali Kota|Wakil Walikota|"
    "Wali Kota|Walikota|Wakil Gubernur|Gubernur|Penjabat Bupati|Penjabat Gubernur|Penjabat Wali Kota|Pj Bupati|"
    "Pj Gubernur|Pj Wali Kota|Pj Walikota|Sekda|Komisioner|Kasatpol PP|Kalaksa BPBD|Kepala Kesbangpol|Ketua"
)
ACADEMIC = {
    "s.i.k",
    "s.ik",
    "sik",
    "s.h",
    "sh",
    "m.h",
    "mh",
    "s.sos",
    "m.si",
    "msi",
    "s.pd",
    "m.pd",
    "s.e",
    "se",
    "m.m",
    "mm",
    "s.t",
    "st",
    "m.t",
    "mt",
    "s.kom",
    "m.kom",
    "s.ag",
    "m.ag",
    "s.ip",
    "m.ip",
    "lc",
    "ma",
    "m.a",
    "phd",
    "ph.d",
    "s.psi",
    "m.psi",
    "s.kep",
    "s.ked",
    "sp",
    "s.p",
    "m.sc",
    "msc",
    "mba",
    "m.b.a",
    "s.stp",
    "m.ap",
    "map",
    "s.h.i",
    "m.kes",
    "s.km",
    "s.tr.k",
    "m.tr.opsla",
    "m.han",
    "cpcle",
    "cht",
    "s.stk",
    "m.i.k",
    "mik",
    "s.a.p",
    "s.kp",
    "se.mm",
    "sos",
    "dr",
    "drs",
    "dra",
    "ir",
    "hj",
    "h",
    "s.h.,m.h",
    "psc",
}
STOP = set(
    """
    dan di ke dari yang untuk pada dalam dengan bersama selaku serta atau juga telah akan sudah sebagai
    oleh kepada terhadap tentang karena agar saat ketika usai jelang pasca hingga sampai melalui
    gelar menggelar gelarkan kunjungi sambangi datangi ikuti hadiri awasi tinjau dampingi temui sapa
    bagikan berikan salurkan siapkan siagakan amankan kawal kerahkan terjunkan perketat tingkatkan
    sosialisasikan galakkan tertibkan bubarkan tangkap ringkus selidiki periksa pimpin bahas laksanakan melaksanakan lakukan melakukan tingkatkan meningkatkan perkuat
    memperkuat amankan mengamankan siap siapkan siagakan kerahkan mengerahkan terjunkan menerjunkan pantau
    memantau cek pastikan jaga menjaga kawal mengawal ajak imbau himbau minta sambangi sambang rutin intensif
    patroli pengamanan apel rapat koordinasi sosialisasi kegiatan terkait dukung mendukung hadiri menghadiri
    berikan memberikan sampaikan menyampaikan ciptakan wujudkan wujudkan pimpin memimpin tinjau meninjau
    bentuk gandeng menggandeng sinergi perketat waspadai antisipasi berhasil tangkap ringkus bubarkan
    aman damai kondusif lancar sejuk tertib sukses jelang menjelang tahun ini itu tersebut setempat
    kabupaten kota provinsi kecamatan desa kelurahan wilayah daerah jajaran personel anggota
    polri tni kpu bawaslu pilkada pemilu operasi mantap praja brata news com id
    the of and in on at for
    senin selasa rabu kamis jumat sabtu minggu
    """.split()
)
# roots whose -i and -kan forms are verbs ("kunjungi", "sambangi"): stop a name in a headline
VERB_ROOTS = {
    w + "kan"
    for w in "kunjung sambang datang ikut hadir awas tinjau dampingi ajak imbau temu sapa jenguk tangan".split()
}
UNIT_WORDS = {
    "polda",
    "polres",
    "polresta",
    "polrestabes",
    "polsek",
    "polsekta",
    "polri",
    "mapolres",
    "mapolsek",
    "mapolda",
    "kodim",
    "koramil",
    "korem",
    "kodam",
    "lanal",
    "lanud",
    "satbrimob",
    "brimob",
    "kapolres",
    "kapolsek",
    "kapolda",
    "sat",
    "satpol",
    "pemkab",
    "pemkot",
    "pemprov",
    "kantor",
    "ditsamapta",
    "direktorat",
}
