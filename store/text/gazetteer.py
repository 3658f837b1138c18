"""Word lists the recogniser generalises from: Indonesian provinces (with the abbreviations news
uses), their regencies and cities (every one of 2024's, a few by their short names too), the heads that open a unit, body or place name, ranks,
positions, academic titles and the common words that end a name. Data only; no logic, so that
a list can grow without touching the rules in ``store/text/entities/``.
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
Banggai|Morowali|Makassar|Parepare|Palopo|Gowa|Maros|Pangkep|Pangkajene dan Kepulauan|Pangkajene|Barru|Bone|Soppeng|Wajo|Sidrap|
Pinrang|Enrekang|Luwu|Luwu Utara|Luwu Timur|Tana Toraja|Toraja Utara|Takalar|Jeneponto|Bantaeng|Bulukumba|Sinjai|
Selayar|Kendari|Baubau|Kolaka|Konawe|Muna|Buton|Wakatobi|Bombana|Gorontalo Utara|Boalemo|Pohuwato|Bone Bolango|
Mamuju|Majene|Polewali Mandar|Mamasa|Pasangkayu|Seram Bagian Timur|Seram Bagian Barat|Pulau Ambon dan Pulau-Pulau Lease|Ambon|Tual|Maluku Tengah|Buru|Seram|Ternate|Tidore|Halmahera|
Halmahera Utara|Halmahera Selatan|Jayapura|Merauke|Mimika|Timika|Biak|Biak Numfor|Nabire|Wamena|Jayawijaya|Sorong|Manokwari|
Fakfak|Kaimana|Raja Ampat|Teluk Bintuni|Puncak Jaya|Yahukimo|Keerom|Sarmi|Paniai|Intan Jaya|Dogiyai|Deiyai|
Aceh Barat|Aceh Barat Daya|Aceh Jaya|Aceh Selatan|Aceh Singkil|Aceh Tamiang|Aceh Tengah|Aceh Tenggara|
Bener Meriah|Gayo Lues|Nagan Raya|Pidie Jaya|Simeulue|Subulussalam|Batu Bara|Humbang Hasundutan|
Labuhanbatu Selatan|Labuhanbatu Utara|Nias Barat|Nias Selatan|Nias Utara|Padang Lawas|Padang Lawas Utara|
Pakpak Bharat|Samosir|Serdang Bedagai|Tapanuli Selatan|Tapanuli Tengah|Tapanuli Utara|Gunungsitoli|
Dharmasraya|Mentawai|Lima Puluh Kota|Padang Pariaman|Pasaman Barat|Sijunjung|Solok Selatan|
Tanah Datar|Padang Panjang|Kuantan Singingi|Anambas|Lingga|Batanghari|
Musi Rawas Utara|Ogan Komering Ulu Selatan|Ogan Komering Ulu Timur|
Penukal Abab Lematang Ilir|Tulang Bawang Barat|Bangka Barat|Bangka Selatan|Bangka Tengah|Belitung Timur|
Flores Timur|Malaka|Manggarai Timur|Nagekeo|Ngada|Sabu Raijua|Sumba Barat|Sumba Barat Daya|Sumba Tengah|
Barito Timur|Gunung Mas|Lamandau|Murung Raya|Pulang Pisau|Sukamara|Bolaang Mongondow Selatan|
Bolaang Mongondow Timur|Bolaang Mongondow Utara|
Minahasa Tenggara|Banggai Kepulauan|Banggai Laut|Buol|Morowali Utara|Tojo Una-Una|
Sidenreng Rappang|Buton Selatan|Buton Tengah|Buton Utara|Kolaka Timur|Kolaka Utara|
Konawe Kepulauan|Konawe Selatan|Konawe Utara|Muna Barat|Mamuju Tengah|Buru Selatan|
Maluku Barat Daya|Maluku Tenggara|Halmahera Barat|Halmahera Tengah|Halmahera Timur|
Morotai|Taliabu|Tidore Kepulauan|Mamberamo Raya|
Supiori|Waropen|Manokwari Selatan|Pegunungan Arfak|Teluk Wondama|Sorong Selatan|Maybrat|Tambrauw|Lanny Jaya|
Mamberamo Tengah|Nduga|Pegunungan Bintang|Tolikara|Yalimo|Boven Digoel|Mappi|Asmat|
Monas|Senayan
"""
# neighbouring countries and their border regions, which border-area news names bare
COUNTRIES = "Malaysia|Singapura|Brunei|Timor Leste|Papua Nugini|Australia|Filipina|Sarawak|Sabah"

# --- ranks and positions (alternations: longest-first ordering is done by the recogniser) ---------
POLICE_RANKS = (
    "Jenderal Polisi|Jenderal Pol|Komjen Pol|Komjen|Irjen Pol|Irjen|Brigjen Pol|Kombes Pol|Kombespol|Kombes|"
    "AKBP|Kompol|AKP|Iptu|Ipda|Aiptu|Aipda|Bripka|Brigpol|Brigadir Polisi|Brigadir|Briptu|Bripda|Abriptu|"
    "Abripda|Abrip|Bharaka|Bharatu|Bharada|Brigjen|Jenderal"
)
MILITARY_RANKS = (
    "Jenderal TNI|Letjen TNI|Mayjen TNI|Brigjen TNI|Letjen|Mayjen|Laksamana|Laksdya|Laksda|Laksma|Marsekal|"
    "Marsdya|Marsda|Marsma|Kolonel|Letkol|Mayor|Kapten|Lettu|Letda|Peltu|Pelda|Serma|Serka|Sertu|Serda|Kopka|"
    "Koptu|Kopda|Praka|Pratu|Prada|Kopral|Sersan|Letnan"
)
# ranks written out, as press releases do: "Inspektur Polisi Satu", "Ajun Komisaris Besar Polisi"
RANKS_LONG = (
    "Jenderal Polisi|Komisaris Jenderal Polisi|Inspektur Jenderal Polisi|Brigadir Jenderal Polisi|"
    "Komisaris Besar Polisi|Ajun Komisaris Besar Polisi|Komisaris Polisi|Ajun Komisaris Polisi|"
    "Inspektur Polisi Satu|Inspektur Polisi Dua|Ajun Inspektur Polisi Satu|Ajun Inspektur Polisi Dua|"
    "Brigadir Polisi Kepala|Brigadir Polisi Satu|Brigadir Polisi Dua|Brigadir Polisi|"
    "Ajun Brigadir Polisi Satu|Ajun Brigadir Polisi Dua|Ajun Brigadir Polisi|"
    "Bhayangkara Kepala|Bhayangkara Satu|Bhayangkara Dua|"
    "Jenderal TNI|Letnan Jenderal|Mayor Jenderal|Brigadir Jenderal|Letnan Kolonel|Letnan Satu|Letnan Dua|"
    "Pembantu Letnan Satu|Pembantu Letnan Dua|Sersan Mayor|Sersan Kepala|Sersan Satu|Sersan Dua|"
    "Kopral Kepala|Kopral Satu|Kopral Dua|Prajurit Kepala|Prajurit Satu|Prajurit Dua|"
    "Laksamana Pertama|Laksamana Muda|Laksamana Madya|Marsekal Pertama|Marsekal Muda|Marsekal Madya"
)
# army corps and navy/air-force branches written after a rank: "Letkol Arh", "Letkol Laut (P)"
CORPS = (
    r"(?:Inf|Arh|Kav|Czi|Cpn|Cba|Ckm|Caj|Chk|Cpl|Chb|Arm|Adm|Pas|Lek|Mar|Tek|Kes|Sus|Pnb|Nav|"
    r"Laut[ \t\u00a0]*\((?:P|T|E|K|S|KH|PM)\)|Laut|Marinir|Pom|\(K\))"
)
ROLES = (
    "Kapolri|Wakapolri|Kapolda|Wakapolda|Kapolrestabes|Kapolresta|Kapolres|Wakapolrestabes|Wakapolresta|"
    "Wakapolres|Kapolsekta|Kapolsek|Wakapolsek|Kabag Ops|Kabagops|Kabag Ren|Kabag Sumda|Kabag Log|"
    "Karo Ops|Karoops|Karo SDM|Karo Rena|Karo Log|Karo Logistik|Kasat Samapta|Kasat Lantas|Kasat Reskrim|"
    "Kasat Intelkam|Kasat Binmas|Kasat Narkoba|Kasat Resnarkoba|Kasat Sabhara|Kasat Tahti|Kasat Polairud|"
    "Kasat Pamobvit|Kasat Brimob|Kasatlantas|Kasatreskrim|Kasatintelkam|Kasatbinmas|Kasatsamapta|Kasat|"
    "Kasi Humas|Kasihumas|Kasi Propam|Kasi Was|Kasie Humas|Kasi Ops|Kabid Humas|Kabid Propam|Kabid Dokkes|"
    "Kasubbag Humas|Kasubbid Penmas|Kasubsi|Kanit Samapta|Kanit Reskrim|Kanit Intelkam|Kanit Binmas|"
    "Kanit Lantas|Kanit Provos|Kanit Turjawali|Kanit|Kapospol|Kapos|KA SPKT|Ka SPKT|Kepala SPKT|KA SPK|Ka SPK|"
    "Kepala SPK|Kaposko|Dirlantas|Dirsamapta|Dirintelkam|Dirreskrimum|Dirreskrimsus|Dirbinmas|Dirpamobvit|"
    "Dirpolairud|Dirresnarkoba|Dansat Brimob|Dansatbrimob|Danyon|Danki|Danton|Bhabinkamtibmas|"
    "Babinkamtibmas|Bhabin|Babinsa|Babinpotmar|Dandim|Danramil|Danrem|Pangdam|Kasdim|Danlanal|Danlanud|"
    "Danlantamal|Danyonif|Pangkostrad|Panglima TNI|Panglima Laot|Panglima|Komandan|Wakil Komandan|Camat|"
    "Sekcam|Lurah|Kades|Kepala Desa|Kepala Dusun|Kadus|Wakil Bupati|Bupati|Wakil Wali Kota|Wakil Walikota|"
    "Wali Kota|Walikota|Wakil Gubernur|Gubernur|Penjabat Bupati|Penjabat Gubernur|Penjabat Wali Kota|Pj Bupati|"
    "Pj Gubernur|Pj Wali Kota|Pj Walikota|Pj. Bupati|Pj. Gubernur|Pj. Wali Kota|Pj. Walikota|Sekda|"
    "Komisioner|Kasatpol PP|"
    "Kalaksa BPBD|Kepala Kesbangpol|Kaban Kesbangpol|Ketua|Wakil Ketua|Kapolsubsektor|Damang|Mantir Adat|"
    "Mantir|Kepala Adat|Keuchik|Geuchik|Wali Nagari|Peratin|Kepala Kampung|Kakam|"
    "Pimpinan Apel|pimpinan apel|Pemimpin Apel|pemimpin apel|Komandan Apel|komandan apel|Komandan Upacara|"
    "komandan upacara|Inspektur Upacara|inspektur upacara|Pembina Apel|pembina apel|Pembina Upacara|"
    "pembina upacara|Perwira Apel|perwira apel"
)
# police and military titles written in capitals, as some releases do ("KAPOLSEK SIMPANG HILIR IPTU
# HERMANSYAH", "KANIT SAMAPTA"); other titles in capitals are mostly headline words
ROLES += "|" + "|".join(
    w.upper() for w in ROLES.split("|")
    if w.startswith(("Ka", "Wa", "Dir", "Dan", "Bhabin", "Babin", "Pang")) and w != w.upper())
# heads of an office written out: "Kepala Satuan Lalu Lintas", "Wakil Kepala Kepolisian Resor"; the
# capitalised words after them name the office, up to a unit, a rank or a name
ROLE_OFFICES = (
    "Satuan|Bagian|Biro|Bidang|Seksi|Sub Bagian|Subbagian|Unit|Divisi|Direktorat|Detasemen|Sentra|Urusan|Sub Bidang"
)
# the words before a title that make it a candidacy, not an office ("calon bupati")
CANDIDACY = "calon|Calon|CALON|bakal calon|Bakal Calon|paslon|Paslon|cawagub|cagub|cabup|cawabup|cawalkot"
# roles of a territory: what follows them is the territory ("Kapolres [Lombok Timur]", "Camat [X]")
TERRITORIAL_ROLES = frozenset(
    """kapolda wakapolda kapolres kapolresta kapolrestabes kapolsek kapolsekta wakapolres wakapolresta
    wakapolrestabes wakapolsek camat lurah kades bupati gubernur walikota keuchik geuchik peratin kakam
    danlanal danlanud danlantamal dandim danramil danrem pangdam kapospol kapolsubsektor damang""".split()
) | frozenset(
    {"kepala desa", "wakil bupati", "wali kota", "wakil wali kota", "wakil walikota", "wakil gubernur",
     "penjabat bupati", "penjabat gubernur", "penjabat wali kota", "pj bupati", "pj gubernur", "pj wali kota",
     "pj walikota", "pj. bupati", "pj. gubernur", "pj. wali kota", "pj. walikota", "panglima laot", "wali nagari", "kepala kampung", "sekcam"}
)

# --- heads that open a unit, body, organisation or place -----------------------------------------
# territorial police units: a place name follows ("Polres Bontang", "Polres Metro Jakarta Barat")
POLICE_TERRITORIAL = "Polrestabes|Polresta|Polres|Polsekta|Polsek|Polda|Polsubsektor|Pospol"
# functional police units: stand alone ("Sat Samapta") or come before their territorial parent
POLICE_FUNCTIONS = (
    "Brimob|Samapta|Sabhara|Lantas|Reskrim|Intelkam|Binmas|Narkoba|Resnarkoba|Tahti|Polairud|Polair|"
    "Pamobvit|Reskoba|Tipikor|Propam|Provos|Humas|Turjawali|Dalmas|Pol Airud|Pol Air"
)
# functional units written out after "Satuan" with no acronym after them: "Satuan Lalu Lintas Polres X"
POLICE_FUNCTIONS_LONG = (
    "Lalu Lintas|Reserse Kriminal|Reserse Narkoba|Intelijen Keamanan|Intelijen dan Keamanan|Pembinaan Masyarakat|"
    "Polisi Perairan dan Udara|Polisi Air dan Udara|Polisi Perairan|Polisi Air|Perawatan Tahanan dan Barang Bukti|"
    "Tahanan dan Barang Bukti|Pengamanan Objek Vital|Brigade Mobil"
)
# sections of a Polres, written "Si" + the word, spaced or glued ("Si Propam", "Sihumas")
POLICE_SECTIONS = "Humas|Propam|Dokkes|Keu|Tipol|Was|Kum|Tik"
# directorates of a Polda written as one word: "Ditsamapta", "Ditpolairud"
POLICE_DIRECTORATES = (
    "Ditsamapta|Ditlantas|Ditintelkam|Ditbinmas|Ditreskrimum|Ditreskrimsus|Ditresnarkoba|Ditpamobvit|"
    "Ditpolairud|Ditsabhara|Dittahti|Ditpropam|Bidhumas|Bidpropam|Bid Humas|Bid Propam"
)
MILITARY_UNITS_BARE = "TNI|Kostrad|Kopassus|Korps Marinir|Paspampres"
# military unit heads that take a number or a name ("Kodim 0908/Bontang", "Lanal Banyuwangi"); this one
# table feeds the keyword scan and the stop heads (store/text/entities/ holds the numbering rules of each)
MILITARY_HEADS = (
    "Kodam|Korem|Kodim|Koramil|Lanal|Lanud|Lantamal|Yonif|Brigif|Denpom|Koarmada|Kodaeral|Pomdam|"
    # posts that take a place name: a navy post ("Posal Sinjai"), a navy watch post, an army sub-post
    "Posal|Posmat|Posramil"
)
# named Kodam (regional army commands) written without a roman numeral
KODAM_NAMES = (
    "Jaya|Iskandar Muda|Siliwangi|Diponegoro|Brawijaya|Udayana|Hasanuddin|Mulawarman|Tanjungpura|"
    "Cenderawasih|Pattimura|Merdeka|Bukit Barisan|Sriwijaya|Kasuari|Mandala Trikora|Kasuari|Tuanku Tambusai|"
    "Radin Inten|Pattimura|Iskandar Muda|Bukit Barisan"
)
# the short names of elections (ELECTION); the recogniser finds each as written, lower-cased or upper-cased,
# and a place name never runs into one: this one table feeds the pattern, the keyword scan and the stop heads
ELECTIONS = "Pilkada|Pemilu|Pilgub|Pilbup|Pilwalkot|Pilwali|Pileg|Pilpres|Pilkades"
ELECTION_BODIES = "KPU|KPUD|KIP|Bawaslu|Panwaslu|Panwaslih|Panwascam|Panwaskec|Panwas|PPK|PPS|KPPS|PPD|PKD|PTPS|DKPP"
ELECTION_BODY_LONG = (
    "Komisi Pemilihan Umum Daerah|Komisi Pemilihan Umum|Komisi Independen Pemilihan|"
    "Badan Pengawas Pemilihan Umum|Badan Pengawas Pemilu|Panitia Pengawas Pemilihan Umum|"
    "Panitia Pengawas Pemilihan Kecamatan|Panitia Pengawas Pemilu Kecamatan|Panitia Pengawas Pemilu|"
    "Panitia Pengawas Pemilihan|Panitia Pengawas Kecamatan|Panitia Pemilihan Kecamatan|Panitia Pemilihan Distrik|"
    "Panitia Pemungutan Suara|Kelompok Penyelenggara Pemungutan Suara|"
    "Dewan Kehormatan Penyelenggara Pemilu|Dewan Kehormatan Penyelenggara Pemilihan Umum|"
    "Sentra Penegakan Hukum Terpadu|Sentra Gakkumdu|Gakkumdu|Pengawas TPS|Pengawas Kelurahan Desa"
)
GOV_BODIES = (
    "Pemkab|Pemkot|Pemprov|Pemda|Pemdes|Forkopimda|Forkopimcam|Forkopimka|Forkompimda|Forkopimkab|Satlinmas|"
    "Linmas|Satpol PP|Satpol-PP|SatpolPP|Kesbangpol|Bakesbangpol|BPBD|DPRD|Kejari|Kejati|Diskominfo|Dishub|"
    "Dinkes|Disdukcapil|Kemendagri|Kemenkumham|Bapenda|Bappeda|Kominfo|BMKG|FKUB|MK|DPR|MPR|KPK|Damkar|Basarnas|"
    "Tagana|PMI|Dinsos|Disdik|Disperindag|Ombudsman|Bakamla|Satpam|"
    # Aceh's public-order police and its sharia police are one body: "Satpol PP dan WH Kabupaten X"
    "Satpol PP dan WH|Satpol PP-WH|Satpol PP/WH|Satpol PP dan Wilayatul Hisbah"
)
# bodies news also writes in lower case, as a common noun ("dijaga polisi bersama linmas"): only those
# no other word is spelled like
GOV_BODIES_LOWER = "linmas|satlinmas|satpol pp|satpol-pp|damkar|forkopimda|forkopimcam|basarnas|kesbangpol"
GOV_LONG = (
    "Pemerintah Kabupaten|Pemerintah Kota|Pemerintah Provinsi|Pemerintah Daerah|Pemerintah Desa|"
    "Badan Kesatuan Bangsa dan Politik|Kesatuan Bangsa dan Politik|Badan Penanggulangan Bencana Daerah|"
    "Satuan Polisi Pamong Praja|Perlindungan Masyarakat|Kejaksaan Negeri|Kejaksaan Tinggi|Kejaksaan Agung|"
    "Pengadilan Negeri|Dewan Perwakilan Rakyat Daerah|Mahkamah Konstitusi|Mahkamah Agung|Mahkamah Syar'iyah|"
    "Mahkamah Syar’iyah|Mahkamah Syariah|Forum Kerukunan Umat Beragama|Dewan Perwakilan Rakyat|"
    "Majelis Permusyawaratan Rakyat|Pemadam Kebakaran|Komisi Pemberantasan Korupsi|Pengadilan Tinggi|"
    "Pengadilan Agama|Pengadilan Tata Usaha Negara|Badan Meteorologi Klimatologi dan Geofisika|"
    "Badan SAR Nasional|Palang Merah Indonesia|Forum Koordinasi Pimpinan Daerah|"
    "Satuan Polisi Pamong Praja dan Wilayatul Hisbah"
)
# a named agency: the head plus its capitalised name ("Dinas Perikanan", "Komisi Aparatur Sipil Negara")
GOV_NAMED = "Dinas|Kementerian|Komisi|Badan"

# administrative divisions: the division word is part of the place ("Kecamatan Bungoro")
ADMIN = (
    "Provinsi|Prov.|Kabupaten|Kab.|Kota|Kecamatan|Kec.|Kelurahan|Kel.|Desa|Ds.|Dusun|Kampung|Nagari|Gampong|"
    "Distrik|Pekon|Kapanewon|Kemantren|Padukuhan|Jorong|Tiyuh|Kalurahan|Lingkungan|Mukim|Kampong|"
    # a Balinese hamlet ("Banjar Kutampi", the administrative one "Banjar Dinas Kaja Kangin"); bare, it is
    # the regency or the city of that name
    "Banjar Dinas|Banjar"
)
# natural features: the word is part of the name ("Sungai Mahakam", "Selat Bali", "Pulau Hiri")
GEO = "Sungai|Selat|Danau|Pulau|Teluk|Gunung|Bukit|Tanjung|Pantai|Kepulauan|Muara|Kuala|Laut|Perairan|Tanjung"
# buildings, grounds and streets
VENUES = (
    "Mapolda|Mapolrestabes|Mapolresta|Mapolres|Mapolsek|Makodim|Makoramil|Makorem|Makodam|Mako Brimob|Mako|"
    "Lapangan|Gedung|Aula|Alun-alun|Alun-Alun|Pasar|Masjid|Gereja|Kapela|Kapel|Pura|Vihara|Klenteng|Stadion|Hotel|"
    # a Balinese village's open hall, where its meetings and outreach are held
    "Wantilan|"
    "Pelabuhan|Bandara|Bandar Udara|Taman|Pendopo|Pendapa|Balai|GOR|Gor|Gelanggang|Rumah Dinas|Rumah Jabatan|Rumah Adat|"
    "Lapas|Rutan|Monumen|Tugu|Patung|Jembatan|Bundaran|Simpang|Terminal|Stasiun|Dermaga|Gedung Olahraga|Wisma|Graha|Hall|"
    # fish-auction places, border crossings, neighbourhood watch posts
    "Tempat Pelelangan Ikan|TPI|Pos Lintas Batas Negara|PLBN|Poskamling|Pos Kamling|"
    "Jalan|Jl.|Jln.|Jl|"
    # places of worship and religious schools, where outreach visits go ("Pondok Pesantren Nurul X")
    "Pondok Pesantren|Ponpes|Pesantren|Dayah|Madrasah|Musala|Musholla|Mushola|Surau|Langgar|"
    # schools, where many TPS stand ("TPS 05 di SDN Penjaringan 07", "SMP Negeri 2 X")
    "SDN|SMPN|SMAN|SMKN|SD Negeri|SMP Negeri|SMA Negeri|SMK Negeri"
)
STREETS = frozenset({"jalan", "jl.", "jln.", "jl"})
# words in a street or venue name that would otherwise end it: "Jalan Jenderal Sudirman", "Jl. Ir. H. Juanda"
NAME_HONORIFICS = frozenset("ir h hj dr drs dra drh prof kh k.h rm r ki nyi st".split())
# given-name prefixes that open a personal name wherever it stands ("Teuku Rizal", "Baiq Nurul")
NAME_PREFIXES = (
    "Teuku|Tengku|Cut|Andi|Daeng|Lalu|Baiq|Ida Bagus|Anak Agung|I Gusti Ngurah|I Gusti Ayu|I Gusti|"
    "I Made|I Wayan|I Nyoman|I Ketut|I Putu|I Kadek|I Komang|Ni Luh|Ni Made|Ni Wayan|Ni Nyoman|Ni Ketut|"
    "Ni Putu|Raden|Tuan Guru"
)
# introduce the person who speaks: "kata Lilik", "ujar Riko", "Menurut Putu"
SPEECH_VERBS = (
    "ujar|kata|tegas|jelas|ucap|tutur|terang|imbuh|pungkas|ungkap|sebut|tambah|lanjut|papar|tandas|"
    "ucapnya|katanya|menurut|Menurut|sambung|timpal|kilah|urai"
)
# credit lines: the name after them is a person ("Pewarta: Khaerul Anwar")
CREDITS = (
    "Pewarta|Penulis|Editor|Reporter|Redaktur|Fotografer|Kontributor|Penyunting|Wartawan|Laporan|Author|"
    "Writer|Editing"
)
# counts written as words: "enam personel"
NUMBER_WORDS = {
    "satu": 1, "se": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8,
    "sembilan": 9, "sepuluh": 10, "sebelas": 11, "seratus": 100, "seribu": 1000,
}
PERSONNEL_NOUNS = "personel|personil|anggota|petugas|pasukan|prajurit|polisi|polwan|aparat|aparat gabungan"
# vague quantities that count personnel as well as a figure does: "puluhan personel"
VAGUE_COUNTS = "puluhan|ratusan|ribuan|belasan|seratusan|puluhan ribu|ratusan ribu"
# verbs and nouns that give a figure whose noun came earlier in the sentence: "... mencapai 2.140"
FIGURE_CUES = "mencapai|sebanyak|berjumlah|tercatat|total|sejumlah|sekitar|capai"
# qualifiers that belong to a count when written right after its noun: "100 personel TNI"
PERSONNEL_QUALIFIERS = (
    "gabungan TNI-Polri|gabungan TNI/Polri|gabungan TNI dan Polri|gabungan Polri-TNI|gabungan|TNI-Polri|"
    "TNI/Polri|Polri-TNI|TNI|Polri|Brimob|Polwan|tambahan|Gabungan|GABUNGAN"
)

ACADEMIC = frozenset(
    """s.i.k sik s.ik s.h sh m.h mh s.sos sos m.si msi s.pd m.pd s.e se m.m mm s.t st m.t mt s.kom m.kom s.ag
    m.ag s.ip m.ip lc ma m.a phd ph.d s.psi m.psi s.kep s.ked sp s.p m.sc msc mba m.b.a s.stp m.ap map s.h.i
    m.kes s.km s.tr.k m.tr.opsla m.han cpcle cht s.stk m.i.k mik s.a.p s.kp se.mm dr drs dra ir hj h psc
    s.hum m.hum s.ap m.tr.ap m.sos s.ds s.farm apt s.akt ak m.ak s.i.p s.t.k s.h.i m.kn mkn s.ked sked
    m.i.kom m.pa s.stp s.tp b.sc m.eng dipl s.psi s.pdi s.th m.th""".split()
)
# Words that end a name or place tail. Lower case; compared with the lowered word.
STOP = frozenset(
    """
    dan di ke dari yang untuk pada dalam dengan bersama selaku serta atau juga telah akan sudah sebagai
    oleh kepada terhadap tentang karena agar saat ketika usai jelang pasca hingga sampai melalui
    gelar menggelar gelarkan kunjungi sambangi datangi ikuti hadiri awasi tinjau dampingi temui sapa
    bagikan berikan salurkan siapkan siagakan amankan kawal kerahkan terjunkan perketat tingkatkan
    sosialisasikan galakkan tertibkan bubarkan tangkap ringkus selidiki periksa pimpin bahas laksanakan
    melaksanakan lakukan melakukan meningkatkan perkuat memperkuat mengamankan siap kerahkan mengerahkan
    menerjunkan pantau memantau cek pastikan jaga menjaga mengawal ajak imbau himbau minta sambang rutin
    intensif patroli pengamanan apel rapat koordinasi sosialisasi kegiatan terkait dukung mendukung
    menghadiri memberikan sampaikan menyampaikan ciptakan wujudkan memimpin meninjau bentuk gandeng
    menggandeng sinergi waspadai antisipasi berhasil cegah jamin tegaskan ingatkan pimpinan
    turunkan tempatkan sebar sebarkan berangkatkan geser libatkan tambahkan hadirkan tugaskan kirim
    kirimkan datangkan gencarkan intensifkan jadikan tetapkan umumkan tuntut latih rakor pam bko km layak
    sempat mulai lewat masih tetap terus
    aman damai kondusif lancar sejuk tertib sukses menjelang tahun ini itu tersebut setempat
    kabupaten kota provinsi kecamatan desa kelurahan wilayah daerah jajaran personel anggota
    polri tni kpu bawaslu pilkada pemilu operasi mantap praja brata news com id paslon nomor
    tps kantor sekretariat posko pos gudang markas ruang halaman tim satgas lokasi titik jalur area
    bapak ibu saudara warga masyarakat tokoh kepolisian pemerintah ketua kepala wakil sekretaris anggota
    the of and in on at for by
    senin selasa rabu kamis jumat jum'at jum’at sabtu minggu ahad
    januari februari maret april mei juni juli agustus september oktober november desember
    wib wita wit pukul jam
    """.split()
)
# roots whose -i and -kan forms are title-case verbs in headlines ("Kunjungi", "Sambangi")
VERB_ROOTS = frozenset(
    w + "kan"
    for w in "kunjung sambang datang ikut hadir awas tinjau dampingi ajak imbau temu sapa jenguk tangan".split()
)
