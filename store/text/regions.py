"""Which province a regency or city is in, and the one name each place goes by.

The gazetteer lists the names the recogniser looks for; the stats need to add records up by
regency and by province, so each of those names is filed here under its province (as of the
2022 Papua split), with the short forms news uses mapped to the regency's name ("Kutim" is
Kutai Timur, "Solo" is Surakarta). Data and one lookup; no I/O.
"""

from __future__ import annotations

import re
from functools import lru_cache

# province: its other names (abbreviations as in the gazetteer)
PROVINCE_NAMES = {
    "Aceh": "",
    "Sumatera Utara": "Sumut",
    "Sumatera Barat": "Sumbar",
    "Riau": "",
    "Kepulauan Riau": "Kepri",
    "Jambi": "",
    "Sumatera Selatan": "Sumsel",
    "Bengkulu": "",
    "Lampung": "",
    "Kepulauan Bangka Belitung": "Bangka Belitung|Babel",
    "DKI Jakarta": "Jakarta",
    "Jawa Barat": "Jabar",
    "Jawa Tengah": "Jateng",
    "Jawa Timur": "Jatim",
    "Banten": "",
    "DI Yogyakarta": "Yogyakarta|DIY",
    "Bali": "",
    "Nusa Tenggara Barat": "NTB",
    "Nusa Tenggara Timur": "NTT",
    "Kalimantan Barat": "Kalbar",
    "Kalimantan Tengah": "Kalteng",
    "Kalimantan Selatan": "Kalsel",
    "Kalimantan Timur": "Kaltim",
    "Kalimantan Utara": "Kaltara",
    "Sulawesi Utara": "Sulut",
    "Sulawesi Tengah": "Sulteng",
    "Sulawesi Selatan": "Sulsel",
    "Sulawesi Tenggara": "Sultra",
    "Gorontalo": "",
    "Sulawesi Barat": "Sulbar",
    "Maluku": "",
    "Maluku Utara": "Malut",
    "Papua": "",
    "Papua Barat": "",
    "Papua Barat Daya": "",
    "Papua Tengah": "",
    "Papua Pegunungan": "",
    "Papua Selatan": "",
}

# province: its regencies and cities; "Short=Regency" files a short form or a town under the
# regency it stands for; "Island=" is a place that is in the province but is no one regency
REGENCIES = {
    "Aceh": "Banda Aceh|Lhokseumawe|Langsa|Sabang|Aceh Besar|Aceh Utara|Aceh Timur|Pidie|Bireuen|"
    "Aceh Barat|Aceh Barat Daya|Aceh Jaya|Aceh Selatan|Aceh Singkil|Aceh Tamiang|Aceh Tengah|"
    "Aceh Tenggara|Bener Meriah|Gayo Lues|Nagan Raya|Pidie Jaya|Simeulue|Subulussalam",
    "Sumatera Utara": "Medan|Binjai|Pematangsiantar|Tebing Tinggi|Sibolga|Tanjungbalai|Padangsidimpuan|"
    "Deli Serdang|Langkat|Asahan|Simalungun|Karo|Dairi|Toba|Nias|Labuhanbatu|Mandailing Natal|"
    "Batu Bara|Humbang Hasundutan|Labuhanbatu Selatan|Labuhanbatu Utara|Nias Barat|Nias Selatan|"
    "Nias Utara|Padang Lawas|Padang Lawas Utara|Pakpak Bharat|Samosir|Serdang Bedagai|Tapanuli Selatan|"
    "Tapanuli Tengah|Tapanuli Utara|Gunungsitoli",
    "Sumatera Barat": "Kepulauan Mentawai=Mentawai|"
    "Padang|Bukittinggi|Payakumbuh|Solok|Pariaman|Sawahlunto|Agam|Pasaman|Pesisir Selatan|"
    "Dharmasraya|Mentawai|Lima Puluh Kota|Padang Pariaman|Pasaman Barat|Sijunjung|Solok Selatan|"
    "Tanah Datar|Padang Panjang",
    "Riau": "Kepulauan Meranti|Meranti=Kepulauan Meranti|"
    "Pekanbaru|Dumai|Kampar|Bengkalis|Siak|Indragiri Hilir|Indragiri Hulu|Rokan Hulu|Rokan Hilir|"
    "Pelalawan|"
    "Kuantan Singingi",
    "Kepulauan Riau": "Kepulauan Anambas=Anambas|"
    "Batam|Tanjungpinang|Bintan|Karimun|Natuna|"
    "Anambas|Lingga",
    "Jambi": "Tanjung Jabung Barat|Tanjung Jabung Timur|Tanjab Barat=Tanjung Jabung Barat|"
    "Tanjab Timur=Tanjung Jabung Timur|"
    "Jambi|Muaro Jambi|Bungo|Tebo|Kerinci|Sungai Penuh|Merangin|Sarolangun|"
    "Batanghari",
    "Sumatera Selatan": "Palembang|Prabumulih|Lubuklinggau|Pagar Alam|Ogan Ilir|Ogan Komering Ilir|"
    "Ogan Komering Ulu|Muara Enim|Lahat|Musi Banyuasin|Musi Rawas|Banyuasin|Empat Lawang|"
    "Musi Rawas Utara|Ogan Komering Ulu Selatan|Ogan Komering Ulu Timur|Penukal Abab Lematang Ilir",
    "Bengkulu": "Bengkulu Selatan|Bengkulu Utara|Bengkulu Tengah|Rejang Lebong|Kaur|Seluma|Mukomuko|"
    "Kepahiang|Lebong|Manna=Bengkulu Selatan",
    "Lampung": "Bandar Lampung|Metro|Lampung Selatan|Lampung Tengah|Lampung Utara|Lampung Timur|"
    "Lampung Barat|Pesisir Barat|Pesbar=Pesisir Barat|Tanggamus|Way Kanan|Tulang Bawang|Pringsewu|Mesuji|"
    "Pesawaran|"
    "Kalianda=Lampung Selatan|"
    "Tulang Bawang Barat",
    "Kepulauan Bangka Belitung": "Pangkalpinang|Bangka|Belitung|"
    "Bangka Barat|Bangka Selatan|Bangka Tengah|Belitung Timur",
    "DKI Jakarta": "Jakarta Pusat|Jakarta Utara|Jakarta Barat|Jakarta Selatan|Jakarta Timur|Kepulauan Seribu|"
    "Monas=Jakarta Pusat|Senayan=Jakarta Pusat",
    "Jawa Barat": "Bogor|Depok|Bekasi|Bandung|Bandung Barat|Cimahi|Sukabumi|Cianjur|Garut|Tasikmalaya|Ciamis|"
    "Pangandaran|Kuningan|Cirebon|Majalengka|Sumedang|Indramayu|Subang|Purwakarta|Karawang",
    "Jawa Tengah": "Semarang|Surakarta|Solo=Surakarta|Salatiga|Magelang|Pekalongan|Tegal|Brebes|Pemalang|"
    "Batang|Kendal|Demak|Kudus|Jepara|Pati|Rembang|Blora|Grobogan|Boyolali|Klaten|Sukoharjo|Wonogiri|"
    "Karanganyar|Sragen|Temanggung|Wonosobo|Purworejo|Kebumen|Banjarnegara|Purbalingga|Banyumas|Cilacap",
    "Jawa Timur": "Surabaya|Sidoarjo|Gresik|Lamongan|Tuban|Bojonegoro|Ngawi|Madiun|Magetan|Ponorogo|Pacitan|"
    "Trenggalek|Tulungagung|Blitar|Kediri|Nganjuk|Jombang|Mojokerto|Malang|Batu|Pasuruan|Probolinggo|"
    "Lumajang|Jember|Bondowoso|Situbondo|Banyuwangi|Bangkalan|Sampang|Pamekasan|Sumenep",
    "Banten": "Serang|Cilegon|Tangerang|Tangerang Selatan|Pandeglang|Lebak",
    "DI Yogyakarta": "Sleman|Bantul|Kulon Progo|Gunungkidul",
    "Bali": "Denpasar|Badung|Gianyar|Tabanan|Buleleng|Karangasem|Klungkung|Bangli|Jembrana",
    "Nusa Tenggara Barat": "Mataram|Lombok=|Lombok Barat|Lombok Tengah|Lombok Timur|Lombok Utara|Sumbawa|"
    "Sumbawa Barat|Dompu|Bima",
    "Nusa Tenggara Timur": "Kupang|Flores=|Ende|Sikka|Manggarai|Manggarai Barat|Sumba=|Sumba Timur|Belu|"
    "Timor Tengah Selatan|Timor Tengah Utara|Alor|Lembata|Rote Ndao|"
    "Flores Timur|Malaka|Manggarai Timur|Nagekeo|Ngada|Sabu Raijua|Sumba Barat|Sumba Barat Daya|"
    "Sumba Tengah",
    "Kalimantan Barat": "Pontianak|Singkawang|Kubu Raya|Mempawah|Sambas|Bengkayang|Landak|Sanggau|Sekadau|"
    "Sintang|Kapuas Hulu|Ketapang|Kayong Utara|Melawi",
    "Kalimantan Tengah": "Palangka Raya|Palangkaraya=Palangka Raya|Kotawaringin Barat|Kotawaringin Timur|"
    "Kapuas|Barito Utara|Barito Selatan|Katingan|Seruyan|"
    "Barito Timur|Gunung Mas|Lamandau|Murung Raya|Pulang Pisau|Sukamara",
    "Kalimantan Selatan": "Banjarmasin|Banjarbaru|Martapura=Banjar|Tanah Laut|Kotabaru|Tabalong|"
    "Hulu Sungai Selatan|Hulu Sungai Tengah|Hulu Sungai Utara|Tapin|Balangan|Tanah Bumbu|Barito Kuala",
    "Kalimantan Timur": "Samarinda|Balikpapan|Bontang|Kutai Kartanegara|Kukar=Kutai Kartanegara|Kutai Timur|"
    "Kutim=Kutai Timur|Kutai Barat|Kubar=Kutai Barat|Berau|Paser|Penajam Paser Utara|"
    "PPU=Penajam Paser Utara|Mahakam Ulu|Muara Badak=Kutai Kartanegara|Marang Kayu=Kutai Kartanegara|"
    "Tenggarong=Kutai Kartanegara|Sangatta=Kutai Timur",
    "Kalimantan Utara": "Tanjung Selor=Bulungan|Tarakan|Nunukan|Malinau|Bulungan|Tana Tidung",
    "Sulawesi Utara": "Kepulauan Sangihe=Sangihe|Kepulauan Talaud=Talaud|Kepulauan Siau Tagulandang Biaro|"
    "Sitaro=Kepulauan Siau Tagulandang Biaro|"
    "Manado|Bitung|Tomohon|Kotamobagu|Minahasa|Minahasa Utara|Minahasa Selatan|"
    "Bolaang Mongondow|Sangihe|Talaud|"
    "Bolaang Mongondow Selatan|Bolaang Mongondow Timur|Bolaang Mongondow Utara|Minahasa Tenggara",
    "Sulawesi Tengah": "Palu|Poso|Donggala|Sigi|Parigi Moutong|Tolitoli|Banggai|Morowali|"
    "Banggai Kepulauan|Banggai Laut|Buol|Morowali Utara|Tojo Una-Una",
    "Sulawesi Selatan": "Kepulauan Selayar=Selayar|"
    "Makassar|Parepare|Palopo|Gowa|Maros|Pangkep|Pangkajene=Pangkep|"
    "Pangkajene dan Kepulauan=Pangkep|Barru|Bone|Soppeng|"
    "Wajo|Sidrap|Pinrang|Enrekang|Luwu|Luwu Utara|Luwu Timur|Tana Toraja|Toraja Utara|Takalar|Jeneponto|"
    "Bantaeng|Bulukumba|Sinjai|Selayar|"
    "Sidenreng Rappang",
    "Sulawesi Tenggara": "Kendari|Baubau|Kolaka|Konawe|Muna|Buton|Wakatobi|Bombana|"
    "Buton Selatan|Buton Tengah|Buton Utara|Kolaka Timur|Kolaka Utara|Konawe Kepulauan|Konawe Selatan|"
    "Konawe Utara|Muna Barat",
    "Gorontalo": "Gorontalo Utara|Boalemo|Pohuwato|Bone Bolango",
    "Sulawesi Barat": "Mamuju|Majene|Polewali Mandar|Mamasa|Pasangkayu|"
    "Mamuju Tengah",
    "Maluku": "Kepulauan Aru|Kepulauan Tanimbar|Tanimbar=Kepulauan Tanimbar|"
    "Ambon|Tual|Maluku Tengah|Buru|Seram=|Seram Bagian Barat|Seram Bagian Timur|"
    "Pulau Ambon dan Pulau-Pulau Lease=|"
    "Buru Selatan|Maluku Barat Daya|Maluku Tenggara",
    "Maluku Utara": "Pulau Morotai=Morotai|Pulau Taliabu=Taliabu|Kepulauan Sula|"
    "Ternate|Tidore|Halmahera=|Halmahera Utara|Halmahera Selatan|"
    "Halmahera Barat|Halmahera Tengah|Halmahera Timur|Morotai|Taliabu|Tidore Kepulauan",
    "Papua": "Kepulauan Yapen|"
    "Jayapura|Biak|Biak Numfor|Keerom|Sarmi|"
    "Mamberamo Raya|Supiori|Waropen",
    "Papua Selatan": "Merauke|"
    "Boven Digoel|Mappi|Asmat",
    "Papua Tengah": "Mimika|Timika=Mimika|Nabire|Puncak Jaya|Paniai|Intan Jaya|Dogiyai|Deiyai",
    "Papua Pegunungan": "Jayawijaya|Wamena=Jayawijaya|Yahukimo|"
    "Lanny Jaya|Mamberamo Tengah|Nduga|Pegunungan Bintang|Tolikara|Yalimo",
    "Papua Barat": "Manokwari|Fakfak|Kaimana|Teluk Bintuni|"
    "Manokwari Selatan|Pegunungan Arfak|Teluk Wondama",
    "Papua Barat Daya": "Sorong|Raja Ampat|"
    "Sorong Selatan|Maybrat|Tambrauw",
}

# a name that is a regency in two provinces: the regency is known, the province is not
AMBIGUOUS = {"Banjar": ("Jawa Barat", "Kalimantan Selatan")}

# a province name right after one of these is the province, even when a city has the same name
# ("Polda Jambi" is the province's police, "Polresta Jambi" the city's)
_PROVINCE_HEADS = re.compile(r"(?:polda|provinsi|prov\.?|pemprov|kpu provinsi)\s+$", re.IGNORECASE)


_NAMED_NEXT = re.compile(r"\s+[^\W\d_]")


def _split(names: str) -> list[str]:
    return [n.strip() for n in names.split("|") if n.strip()]


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, tuple[str | None, str | None]], re.Pattern[str]]:
    """name (casefolded) -> (regency, province); and one pattern for every name, longest first."""
    places: dict[str, tuple[str | None, str | None]] = {}
    for province, names in REGENCIES.items():
        for entry in _split(names):
            name, _, regency = entry.partition("=")
            places[name.casefold()] = ((regency or None) if "=" in entry else name, province)
    for name in AMBIGUOUS:
        places[name.casefold()] = (name, None)
    for province, other in PROVINCE_NAMES.items():
        for name in [province, *_split(other)]:
            places.setdefault(name.casefold(), (None, province))
    alternation = "|".join(re.escape(n) for n in sorted(places, key=len, reverse=True))
    return places, re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.IGNORECASE)


def province_of(name: str) -> str | None:
    """The canonical province a province name or abbreviation stands for ("Kaltim")."""
    for province, other in PROVINCE_NAMES.items():
        if name.casefold() in {n.casefold() for n in [province, *_split(other)]}:
            return province
    return None


@lru_cache(maxsize=65536)
def place_of(text: str) -> tuple[str | None, str | None]:
    """(regency, province) of the first place named in ``text`` ("Polres Kutim" -> Kutai Timur,
    Kalimantan Timur; "Polda Kaltim" -> None, Kalimantan Timur), or (None, None)."""
    places, pattern = _tables()
    province_only: str | None = None
    for match in pattern.finditer(text):
        if match.group(0).casefold() == "metro" and _NAMED_NEXT.match(text, match.end()):
            continue  # "Polres Metro Jakarta Pusat", "Polres Metro Bekasi": Metro is a prefix there
        regency, province = places[match.group(0).casefold()]
        as_province = province_of(match.group(0))
        if as_province and (regency is None or _PROVINCE_HEADS.search(text[: match.start()])):
            province_only = province_only or as_province
            continue
        if regency is None and province is not None:  # an island: the province, no regency
            province_only = province_only or province
            continue
        return regency, province
    return None, province_only


@lru_cache(maxsize=1)
def _province_names() -> frozenset[str]:
    names = (n for province, other in PROVINCE_NAMES.items() for n in [province, *_split(other)])
    return frozenset(n.casefold() for n in names)


def is_province(name: str) -> bool:
    """Whether ``name`` names a province, in full or by its short form ("Kalimantan Tengah", "Jabar")."""
    return " ".join(name.split()).casefold() in _province_names()
