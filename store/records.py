"""Activity records: what makes one valid, and a new one's slots guessed from its evidence.

``validate`` checks a record's fields against its article and the store's taxonomy (a type a
store's ``taxonomy.toml`` adds is as valid as a built-in one) and reports every problem at once.
``prefill`` drafts a record: the reviewer confirms or edits every slot; the guesses only save
keystrokes: unit, date, location, partners and personnel come from the entities inside the
sentence (falling back to the article's publication date and dateline, and to the unit of the
article's last record), the type from the taxonomy's trigger words, the phase from the date and
the election calendar.

Over 400 lines since issue 10: the pre-fill's slot rules (acting unit, venue, partners, counts,
dates) are one reading of a sentence and share its parts; ``validate`` is the smaller half. When
it grows again, the cut is ``store/records/`` with ``validate`` and ``prefill`` apart.
"""

from __future__ import annotations

import contextlib
import datetime
import functools
import itertools
import re
from collections.abc import Sequence
from typing import Any

from store.classify import APPEAL_VERBS, SCENE, TALK_VERBS, TypeClassifier
from store.conventions import (
    listed_as_written,
    location_phrase,
    location_where,
    sub_unit_alone,
    unnamed_place,
)
from store.errors import InvalidRecord
from store.model import (
    PHASES,
    RECORD_FIELDS,
    ActivityRecord,
    Article,
    Span,
    parse_personnel,
    record_field_problems,
)
from store.taxonomy import Taxonomy
from store.text.dates import parse_date
from store.text.phases import CALENDAR, phase_for
from store.text.sentences import sentences

PARTNER_LABELS = ("MILITARY_UNIT", "ELECTION_BODY", "GOV_ORG", "POLICE_UNIT")
GENERIC_UNITS = frozenset(
    w.casefold() for w in ("Polri", "Mabes Polri", "Polres", "Polsek", "Polda", "Polresta", "Polrestabes",
                           "Polsekta", "Kepolisian", "Brimob", "TNI", "TNI-Polri"))

_ROLE_UNIT = {"kapolres": "Polres", "kapolresta": "Polresta", "kapolrestabes": "Polrestabes",
              "kapolsek": "Polsek", "kapolsekta": "Polsekta", "kapolda": "Polda", "wakapolres": "Polres",
              "wakapolda": "Polda", "wakapolsek": "Polsek", "wakapolresta": "Polresta",
              # written out: "Kepala Polres OKI", "Wakil Kepala Kepolisian Resor Sukabumi"
              "polres": "Polres", "polresta": "Polresta", "polrestabes": "Polrestabes", "polsek": "Polsek",
              "polsekta": "Polsekta", "polda": "Polda", "kepolisian resor": "Polres",
              "kepolisian resor kota": "Polresta", "kepolisian resor kota besar": "Polrestabes",
              "kepolisian sektor": "Polsek", "kepolisian sektor kota": "Polsekta",
              "kepolisian daerah": "Polda"}


def _role_head(role: str) -> str | None:
    """The kind of unit a role heads: "Kapolres", "Wakil Kepala Polres" → Polres."""
    key = " ".join(role.casefold().split())
    for prefix in ("wakil ", "kepala "):
        key = key.removeprefix(prefix)
    return _ROLE_UNIT.get(key) if key.startswith(("ka", "wa", "pol", "kepolisian")) else None
_RANKS = frozenset("akbp akp kompol iptu ipda kombes brigjen irjen bripka aiptu aipda brigpol bripda "
                   "briptu bharada bharatu bharaka pol. pol".split())
# (a short abbreviation goes on to the name after it: "Kapolres Kep. Meranti")
_PLACE_WORD = re.compile(r"[ \t]+((?:[A-Z][a-z]{1,3}\.(?=[ \t]+[A-Z])|[A-Z][\w'-]*|[0-9]+)"
                         r"(?:[ \t]+(?:[A-Z][\w'-]*|[0-9]+)){0,3})")
# a page's dateline at the start of the lede: "PUTUSSIBAU –", "Taliwang, NTB (ANTARA) -",
# "KONAWE SELATAN, SUARAKONSEL.ID –", "GARUT (KABAR) --", "[GARUT] -"
# ("Top Riau| Batang Hilir —": an outlet's name, a bar, then the place)
_DATELINE = re.compile(r"^\[?[^\W\d_][\w .,'/|-]{0,60}?\]?(?:\([^()]{1,30}\))?\s*[–—-]{1,2}\s")
# a venue named by a common word and what follows it ("gudang PPK", "Gudang Logistik KPU Maluku
# Tenggara", "aula kantor camat", "ruang pleno", "TPS 07", "tepi jalan"): where an activity
# happens, often unlabelled
_VENUE_HEADS = (r"tempat pemungutan suara|gudang|kantor|aula|gedung|balai|lapangan|halaman|markas|posko|pos|"
                r"tps|masjid|pasar|pelabuhan|tepi jalan|jalan|rumah|mapolres|mapolda|mapolsek|mako\w*|gor|"
                r"pendopo|terminal|sekretariat|"
                r"bandara|dermaga|ruang|ruangan|pondok pesantren|ponpes|pesantren|sekolah|kampus|hotel|"
                r"gereja|klinik|rumah sakit|puskesmas|stadion|alun-alun|ballroom|jembatan|simpang|bundaran|"
                r"perempatan|persimpangan|tugu|taman|pantai|kompleks|rutan|lapas|stasiun|wisma|auditorium|"
                r"sma|smk|smp|sman|smkn|smpn|madrasah|universitas|"
                # houses of worship and learning by their own names: "Dayah Darul Ulum", "Langgar
                # Al-Hidayah", "Meunasah Gampong X", "Surau Y", "Vihara Z"
                r"dayah|meunasah|langgar|surau|musala|musalla|mushola|musholla|vihara|klenteng|pura")
# the locality an unnamed venue is known by: "dari dermaga Gampong X"
_ADMIN = re.compile(r"Desa|Kelurahan|Kecamatan|Distrik|Kampung|Gampong|Nagari|Dusun|Banjar")
_HEADS = rf"{_VENUE_HEADS}|desa|kelurahan|kecamatan|distrik|kampung|kota|kabupaten"
# ... a body written out with its acronym included: "gudang logistik Komisi Pemilihan Umum (KPU) Kabupaten X"
# a name's word may hold a dot ("S.H", "1.2") but ends at a full stop unless it is a short
# abbreviation ("Jl.", "Kec."): "di sekitar Kota X. Rabu (14/02/24)." ends at "X"
_TAIL = (r"(?:\s+(?:(?!(?:Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu)\s*\(\d)"  # "Mapolres X Minggu (24/11)"
         r"[A-Z0-9](?:[\w/'–-]|\.(?!\s))*(?:(?<!\w{4})(?<![A-Z]{2})\.)?|\([A-Z][\w.]*\)|logistik|pertemuan|"
         r"apel|adat|camat|bupati|lurah|kepala desa|wali ?kota|gubernur|kantor|pleno|rapat|sidang|serbaguna|"
         r"dinas|jabatan|utama|paripurna|"
         r"(?:PPK|KPU|PPS|KPPS)\b))*")
# a common word between a venue's kind and its name: "pos penyekatan Jembatan Krueng X", "posko
# pengamanan Pasar Y" (the name is the venue; the kind before it is dropped, see ``_places``)
# (never a preposition or a join: "dari TPS ke TPS" is no venue "TPS ke TPS")
_DESCRIBED = (r"(?:\s+(?!(?:ke|di|dari|dan|atau|hingga|sampai|menuju|serta)\s)"
              rf"[a-z]+(?=\s+(?=[A-Z])(?i:{_VENUE_HEADS})(?![^\W_])))?")
_VENUE = re.compile(  # ("melalui Dermaga X", "lewat Pelabuhan Y": the venue a movement passes through)
    r"(?<![^\W_])(?i:di|ke|menuju|dari|melalui|lewat|via)\s+"
    r"(?i:(?:sekitar|depan|halaman|dalam|setiap|seluruh|area|kawasan|lokasi|sepanjang|seputar|ruas|jalur)\s+)?"
    rf"((?i:{_HEADS})(?![^\W_])(?!-){_DESCRIBED}{_TAIL})")
# a venue as what a visit or a guard is about, with no preposition: "menyambangi SMA Negeri 1 X",
# "menjaga gudang logistik KPU Kabupaten Y" (a plural "kantor-kantor PPK" is no one venue)
_VISITED = re.compile(r"(?<![^\W_])(?i:menyambangi|mengunjungi|mendatangi|meninjau|menjaga|mengamankan|"
                      r"menyasar|menyisir|menutup|menyekat|mensterilkan|"
                      # a guard's noun after its verb, before what it guards: "memastikan keamanan gudang
                      # logistik KPU X", "melaksanakan pengamanan Gudang Y" (not "pasukan pengamanan TPS")
                      r"(?:memastikan|menjamin|menjaga|meningkatkan|melaksanakan|melakukan|menggelar)\s+"
                      r"(?:keamanan|pengamanan|penjagaan|sterilisasi))\s+(?i:(?:sebagian|ruas|akses|seluruh|area)\s+)?"
                      # the people of a venue visited there: "menyambangi pengurus Dayah X", "jemaah Masjid Y"
                      r"(?:(?i:(?:para\s+)?(?:pengurus|pengasuh|pimpinan|pengelola|jemaah|jamaah|santri|warga|"
                      r"pedagang|guru|siswa|penghuni|takmir))\s+(?=[A-Z]))?"
                      rf"((?i:{_VENUE_HEADS})(?![^\W_])(?!-){_DESCRIBED}{_TAIL})")
# an unnamed venue written with words of its kind and the village it belongs to, as written: "di
# lapangan sepak bola Desa X Kecamatan Y", "menuju rumah singgah Kampung Z" (a bare kind right before
# its village, "dari dermaga Kelurahan X", is known by the village: see ``_places``)
_KIND_OF_VILLAGE = re.compile(
    r"(?<![^\W_])(?i:di|ke|menuju|dari)\s+"
    rf"((?:{_VENUE_HEADS})(?:\s+(?!(?:di|ke|dari|yang|dan|serta|untuk|pada|milik|oleh)(?![^\W_]))[a-z]+){{1,2}}"
    r"\s+(?:Desa|Kelurahan|Kampung|Dusun|Gampong|Nagari|Jorong|Pekon|Banjar)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*?)"
    r"(?=\s+(?:Kecamatan|Kec\.|Kabupaten|Kab\.|Kota|Provinsi)(?![^\W_])|\s*[,.;]|\s+[a-z(]|\s*$)")
# the same phrase with no preposition before it ("gudang PPK di setiap kecamatan dijaga"): weaker
_BARE_VENUE = re.compile(r"(?<![^\W_])(?<!-)((?i:gudang|kantor|aula|gedung|balai|posko|markas|ruang|"
                         rf"pondok pesantren|ponpes|pesantren)(?![^\W_])(?!-){_TAIL})")
_VENUE_WORD = re.compile(r"(?:Mapolda|Mapolres\w*|Mapolsek|Makodim|Makorem|Mako|Aula|Gedung|Lapangan|"
                         r"Markas|Polres\w*|Polsek\w*|Polda)\b")  # "halaman Polresta X": the unit's grounds
# a place named by its kind of venue ("Dermaga Teluk Melano", "Pelabuhan Tahuna", "Gudang ...")
_HEAD_WORD = re.compile(rf"(?:{_VENUE_HEADS})(?![^\W_])", re.IGNORECASE)
# a sentence pointing back to a place named before it: "di sana", "di lokasi pleno", "pulau-pulau
# tersebut", "kantor penyelenggara pilkada tersebut", "Apel tersebut dihadiri ..."
# an activity named by its kind ("patroli", "apel", "pengamanan"): "patroli tersebut" refers back
_ACTIVITY_NOUN = (r"apel|patroli|rakor|rapat koordinasi|pengamanan|pengawalan|kegiatan|operasi|penjagaan|"
                  r"pergeseran|razia|sosialisasi|simulasi|silaturahmi|sambang|pengiriman|pendistribusian|distribusi")
_HEADQUARTERS = re.compile(r"markas|mapolres\w*|mapolsek\w*|mapolda|mako\w*", re.IGNORECASE)
_INCIDENT_NOUN = r"keributan|kericuhan|insiden|kejadian|peristiwa|aksi|unjuk rasa|demo|demonstrasi|bentrokan"
_INCIDENT = re.compile(_INCIDENT_NOUN, re.IGNORECASE)
_THERE = re.compile(r"(?<![^\W_])(?:di sana|di sini|di situ|di lokasi|ke lokasi|setempat|"
                    r"(?:lokasi|tempat|pulau|desa|kecamatan|kelurahan|kampung|distrik|gampong|nagari|wilayah|daerah|"
                    # a hamlet ("Di jorong tersebut", "dusun itu"), a meeting ("Dalam pertemuan tersebut")
                    r"dusun|jorong|korong|pekon|banjar|kesempatan|pertemuan|"
                    rf"kawasan|titik|acara|rapat|pleno|{_VENUE_HEADS}|{_ACTIVITY_NOUN})(?:-\w+)?"
                    # "TPS di distrik itu" points to the distrik, not to a TPS
                    r"(?:\s+(?!(?:di|ke|dari)\s)[a-z]\w*){0,2}?\s+"
                    # "Dalam kesempatan yang sama": the occasion told before, as "kesempatan itu"
                    r"(?:itu|tersebut|yang\s+sama)|"
                    # an activity pointed to with what it was ("Patroli yang melibatkan 18 personel gabungan
                    # itu dipimpin ..."): the place it was told at
                    # (an operation is the election's at large: "operasi yang dimulai 21 Agustus itu")
                    rf"(?!operasi)(?:{_ACTIVITY_NOUN})\s+yang(?:\s+(?!(?:di|ke|dari)\s)[\w./-]+){{1,5}}?\s+"
                    r"(?:itu|tersebut)|"
                    # an incident or a journey told before happened there too: "menengahi keributan itu",
                    # "mengamankan aksi tersebut", "perjalanan sejauh 18 kilometer itu"
                    rf"(?:{_INCIDENT_NOUN}|perjalanan|penyeberangan)(?:\s+(?:[a-z]\w*|\d[\d.,]*)){{0,3}}?\s+"
                    r"(?:itu|tersebut))(?![^\W_])", re.IGNORECASE)
# ... or as the subject of its guard: "Setelah tersimpan, gudang dijaga bergiliran oleh enam polisi"
_BARE_GUARDED = re.compile(r"(?:^|,\s+)((?i:gudang|posko|aula|gedung|kantor|balai|pendopo|markas))\s+"
                           r"(?=(?:tetap\s+|juga\s+)?(?:dijaga|diamankan|dipantau|disterilkan)(?![^\W_]))")
# a venue named by its kind alone, as one the text named before ("tetap tinggal di markas")
# ... or around it with no preposition ("menyisir area parkir dan sekeliling hotel")
# (... or the parts of it a guard holds: "menjaga empat pintu masuk stadion", "di area parkir selatan
# stadion"; or where an escort ends: "hingga stadion")
_BARE_HEAD = re.compile(r"(?<![^\W_])(?:(?:[Dd]i|[Kk]e|hingga|sampai|sejak|menjaga|mengamankan|menyisir|"
                        r"meninjau|mengecek|mendatangi|menyambangi|mengunjungi|memantau)\s+"
                        r"(?:(?:dua|tiga|empat|lima|enam|\d+)\s+(?=(?:pintu|gerbang|sisi|sudut|pojok|area)\s))?"
                        r"(?:(?:halaman|depan|sekitar|sekeliling|dalam|area|luar|"
                        r"pagar|gerbang|pintu|lingkungan|tepi|pinggir|sisi|sudut|pojok|ujung|belakang|samping|seberang|"
                        r"masuk|parkir|utara|selatan|timur|barat|"
                        r"keluar|utama)\s+){0,3}|(?:sekeliling|seputar|sekitaran)\s+|"
                        # ... or as what a guard is of: "Pengamanan gudang dilakukan oleh ..."
                        r"(?i:pengamanan|penjagaan|sterilisasi)\s+)"
                        r"((?i:markas|gudang|posko|aula|mapolres|mapolsek|mapolda|gedung|hotel|stadion|pelabuhan|"
                        r"kantor|tps|lapangan|"
                        r"dermaga|balai|pendopo|gor|masjid|pasar|terminal|bandara|kampus|sekolah|pesantren|ballroom|"
                        r"dayah|langgar|surau|musala|meunasah))"
                        # (a figure of people after it: "ring dua di halaman gedung 65 personel")
                        r"(?=\s*[,.]|\s+[a-z]|\s*$|\s+\d[\d.]*\s+(?:personel|personil|anggota|orang|petugas)"
                        r"(?![^\W_]))"
                        r"(?!\s+(?:masing-masing|lain|lainnya|terdekat|sekitar(?!\s+(?:pukul|jam)))(?![^\W_]))")
# a clause that only sets the scene before the activity: "Setibanya di Elat, logistik disimpan di ..."
# (a bare "tiba" is the act itself, "140 personel BKO tiba di Pelabuhan X untuk memperkuat ...", unless
# a time word makes it the scene: "saat tiba di X, ...")
# (not "kotak suara yang selesai direkap langsung dikawal ke X": what the goods are, not a scene)
_SCENE_PLACE = re.compile(r"(?<![^\W_])(?<!yang\s)(?:setibanya|sesampainya|setiba|sesampai|"
                          r"(?:saat|ketika|begitu)\s+tiba|usai|seusai|selesai|setelah|sebelum)(?![^\W_])[^,]*$",
                          re.IGNORECASE)
# a place ending a body's name: "Unit Penyelenggara Pelabuhan Ereke", "Dinas Perhubungan Kota X"
_BODY_NAMED = re.compile(r"(?<![^\W_])(?:Unit|Badan|Dinas|Otoritas|Stasiun|Kantor\s+Kesyahbandaran|UPT|KSOP)"
                         r"(?:\s+[A-Z][a-z]+){1,3}\s+$")
_TO_CONFER = re.compile(r"\s+untuk\s+(?:koordinasi|berkoordinasi|diskusi|berdiskusi|bertemu|rapat)(?![^\W_])",
                        re.IGNORECASE)
_LOCAL_PEOPLE = re.compile(r"(?<![^\W_])(?:warga|tokoh|ulama|masyarakat|pemuda|nelayan|jemaah|jamaah|jemaat|"
                           r"adat|agama|aparat|petugas|pemerintah|suku|perangkat)\s+setempat$", re.IGNORECASE)
_CAUSE = re.compile(r"(?<![^\W_])(?:akibat|karena|lantaran|disebabkan)(?![^\W_])[^,;]*$", re.IGNORECASE)
_CAME_FROM = re.compile(r"(?<![^\W_])yang\s+(?:datang|berasal)\s+dari\s+(?:[a-z-]+\s+){1,3}di\s+$",
                        re.IGNORECASE)
_AS_PLACE = re.compile(r"\s+sebagai\s+(?:tempat|lokasi|posko|pos|markas|titik)(?![^\W_])", re.IGNORECASE)
_GOES_AWAY = re.compile(r"(?<![^\W_])(?:ke|menuju)\s", re.IGNORECASE)
_AFTER_WORDS = frozenset("usai seusai selesai setelah".split())
_ARRIVES = re.compile(r"(?<![^\W_])tiba(?![^\W_])[^,]*$", re.IGNORECASE)
_PLACED = re.compile(r"(?<![^\W_])(?:ditempatkan|disebar|disebarkan|digeser|diterjunkan|diplot|disiagakan|"
                     r"diberangkatkan)\s+(?:ke|di)(?![^\W_])"
                     # ("tiba di Letung ... dan langsung dijaga lima personel Polsek X di Kantor Camat Y")
                     r"|(?<![^\W_])(?:dijaga|disimpan|dititipkan)(?:\s+[^\s,.;]+){0,6}?\s+di(?![^\W_])",
                     re.IGNORECASE)
# a sentence opening with where it takes place ("Di Kecamatan Cikajang, puluhan personel ...")
# ... after a connective of its own ("Sementara itu, di Kecamatan X, Polsek X mengamankan ... di Balai Y")
_FRAME = re.compile(r"\s*(?:[^,.;\n]{1,30},\s*)?(Di|Dari|Sementara di)\s+", re.IGNORECASE)
_FRAME_END = re.compile(r"\s*,")
# where a thing lies, not where the activity happens: "TPS rawan yang berada di Kecamatan ...",
# "yang berada di halaman Masjid X"; where a unit is based ("Satbrimob yang bermarkas di Luwuk tiba
# di ...") or stands by while its verb names another place ("yang bersiaga di Dermaga X menggelar
# patroli di ...")
# ... or will serve while the sentence tells another act ("Apel ... diikuti 96 personel yang akan bertugas di
# pulau-pulau Kecamatan X": where they go next, not where the apel is)
_LIES = re.compile(r"(?<![^\W_])(?:(?:berada|terletak|tersebar)|yang\s+(?:(?:akan|nantinya|nanti)\s+)?"
                   r"(?:bermarkas|berkedudukan|berpangkalan|bersiaga|berjaga|bertugas|berasal|sehari-hari\s+bertugas))\s+"
                   r"(?:di|dalam|dari)\s+(?:(?:halaman|depan|sekitar|kawasan|area|komplek|kompleks|([a-z]+)-\1)\s+)?$",
                   re.IGNORECASE)
# an unnamed venue visited or guarded, then where it lies: "menyambangi pos kamling yang berada di
# Desa X" (the village is where the act is, as "dari gudang KPU di Aek Badak")
# ... but a force posted there is placed there: "menyiapkan 150 personel yang akan berjaga di Hotel X",
# "diperkuat 45 personel BKO ... yang berjaga di ring luar", "Personel yang bertugas di Kecamatan X sudah
# diberangkatkan": where they serve is the act's place when the sentence names none better (dev: 9 such
# records, each coding that place; not in an apel's sentence, "diikuti 96 personel yang akan bertugas di X":
# where they go next)
_FORCE_POSTED = re.compile(r"(?<![^\W_])(?:personel|anggota|pasukan|prajurit|regu|peleton|kompi|cadangan)"
                           r"(?![^\W_])[^,;.]{0,60}?\byang\s+(?:(?:akan|nantinya|nanti)\s+)?"
                           r"(?:bersiaga|berjaga|bertugas)\s+(?:di|dalam)\s+"
                           r"(?:(?:halaman|depan|sekitar|kawasan|area|komplek|kompleks|([a-z]+)-\1)\s+)?$",
                           re.IGNORECASE)
_KIND_LIES = re.compile(r"(?<![^\W_])(?i:menyambangi|mengunjungi|mendatangi|menjaga|mengamankan|"
                        r"berjaga\s+di|berpatroli\s+ke)\s+(?:[a-z][a-z-]*\s+){1,3}"
                        r"yang\s+(?:berada|terletak)\s+di\s+$")
# a clause about another group or activity: "..., sedangkan 75 personel disiagakan di Mapolres"
# where a route told from its start ends: "patroli menyusuri Jalan X hingga kawasan Pelabuhan Y" (the
# route is placed where it starts, as "melintasi Jalan X hingga Simpang Y"; a place "hingga tiba di" is
# where goods go, not this)
_ROUTE_END = re.compile(r"(?<![^\W_])(?:hingga|sampai)\s+(?:ke\s+)?(?:(?:kawasan|sekitar|area|depan)\s+)?$",
                        re.IGNORECASE)
# the venues named as what an act covered, after the area: "menyasar sejumlah titik penting di kota X,
# termasuk Kantor KPU ... dan Kantor Bawaslu ..." (the venues, not the town)
_INCLUDED = re.compile(r",\s+(?:termasuk|di antaranya|diantaranya|antara lain|yakni|yaitu|seperti)\s+$",
                       re.IGNORECASE)
_ROUTE_START = re.compile(r"(?<![^\W_])(?:menyusuri|melintasi|menelusuri|dari)\s+[A-Z]")
# where people or boats stand by for an escort that starts elsewhere: "kapal patroli ... akan disiagakan
# di Dermaga X untuk mengawal kotak suara dari Kecamatan A dan Kecamatan B" (the escort starts at A)
_STANDS_BY = re.compile(r"(?<![^\W_])(?:disiagakan|bersiaga|siaga|standby|stand\s+by)\s+di\s+$",
                        re.IGNORECASE)
_TO_FETCH = re.compile(r"[^.;]*?(?<![^\W_])(?:untuk|guna)\s+(?:mengawal|menjemput)(?![^\W_])[^.;]*?"
                       r"(?<![^\W_])dari\s", re.IGNORECASE)
# what an appeal asks of others, up to the place: "mengimbau simpatisan agar tidak membawa atribut ke
# halaman Masjid X" (the appeal is made where the sentence or the one before says, not at the mosque)
_ASKED_TO = re.compile(rf"(?<![^\W_])(?:{APPEAL_VERBS})(?![^\W_])"
                       r"[^.;]*?(?<![^\W_])(?:agar|supaya)(?![^\W_])[^.;]*$", re.IGNORECASE)
# a fronted concessive clause, up to its comma: "Meski sidang berlangsung di Jakarta, pihaknya ..."
_CONCEDED = re.compile(r"\W*(?:meski|meskipun|walau|walaupun|kendati|kendatipun|biarpun)\s[^,.;]*$",
                       re.IGNORECASE)
_CONTRAST = re.compile(r"[,;]\s+(?:sedangkan|sementara|adapun)\s", re.IGNORECASE)
# a movement: a place one comes "dari" is where it starts
# ... or a carrying or an escort told ("diangkut ... dari Pelabuhan X dan dikawal", "Pengawalan ... untuk
# kotak suara dari Kecamatan A, B dan C"): the escort starts there
# an escort verb with a start of its own after it: "Rombongan dari Kecamatan X dikawal ... dari Terminal Y"
_ESCORT_VERB_FROM = re.compile(r"(?<![^\W_])(?:dikawal|mengawal|diangkut|diberangkatkan|bergerak)(?![^\W_])"
                               r"[^.;]*?(?<![^\W_])(?i:dari)\s+[A-Z]")
_MOVING = re.compile(r"(?<![^\W_])(?:ke|menuju|diangkut|mengawal|dikawal|pengawalan|bertolak|berangkat)"
                     r"(?![^\W_])", re.IGNORECASE)
# a distance measured from a place: "yang berjarak lebih dari 60 kilometer dari Kotabumi" (no start)
_DISTANCE_FROM = re.compile(r"(?<![^\W_])(?:berjarak|jarak|sejauh)(?![^\W_])[^,.;]{0,40}\sdari\s+$",
                            re.IGNORECASE)
_PLACE_AFTER = re.compile(r",?\s+(?:di|dalam)\s+[A-Z]")
# "..., Polsek Garung menempatkan 22 personel ...": a list of units each with its own verb
_UNIT_VERB = re.compile(r"\s+(?:me|di|ber|ter|men|mem|meng)\w+")
# a list item after a comma or "dan" ("..., 160 personel ke B dan 140 personel ke C") that goes to
# a place of its own
_PLACE_ITEM_JOIN = re.compile(r"(?:,|\s+dan)\s+")
_FOR_PLACE = re.compile(r"(?:[a-z]+\s+){0,3}?(?:untuk|ke|di|menuju)\s+$")
_ITEM_JOIN = re.compile(r"(?:,|\s+dan|\s+serta|,?\s+ditambah|,?\s+(?:yang\s+)?diperkuat)\s+$")
_GOES_TO = re.compile(r"(?:\s+[a-z]\w*){0,2}?\s+(?:ke|di|menuju|untuk)\s"
                      # ("31 personel mengawal lima truk menuju Kecamatan B": its own verb and goods, then
                      # where)
                      r"|\s+(?:me|di)[a-z]{3,}\s+(?:[a-z]\w*\s+){1,2}?(?:ke|menuju)\s"
                      # ("60 personel mengatur arus lalu lintas di ruas Jalan X": its own verb, what it works
                      # on, then where)
                      r"|\s+me[a-z]{3,}\s+(?:[a-z]\w*\s+){1,3}?di\s+(?=[A-Za-z])"
                      # ("38 personel dengan kapal motor menuju B", "lewat jalur darat menuju A")
                      r"|\s+(?:dengan|lewat|melalui|menggunakan|naik)\s+(?:[a-z]\w*\s+){1,3}?(?:ke|menuju)\s"
                      # ("40 personel Sat Lantas mengatur arus kendaraan di Simpang X": a unit's own verb and
                      # what it works on, then where)
                      r"|(?:\s+[A-Z][\w/.-]*){1,4}?\s+(?:me|ber|di)[a-z]{3,}(?:\s+[a-z]\w*){0,2}?\s+(?:ke|di|menuju)\s",
                      re.IGNORECASE)
_PART_OF = re.compile(r",\s+(termasuk|di antaranya|diantaranya)\s+", re.IGNORECASE)
_OWN_ACT = re.compile(r"(?<![^\W_])(?:yang\s+)?(?:di|me|ber)[a-z]+\s+(?:di|ke|sebagai|untuk)(?![^\W_])",
                      re.IGNORECASE)
# the parts of a guard told in order: "Ring pertama", "ring kedua", "Lapis satu"
_ORDINAL = r"(?:satu|dua|tiga|empat|pertama|kedua|ketiga|keempat|[1-4]|I{1,3}|IV)"
_FRAME_THEN_PARTS = re.compile(r"[.!?]\s+(?=(?:ring|lapis|lapisan|lini|sektor)\s)", re.IGNORECASE)
_ORDERED = re.compile(rf"\s*(ring|lapis|lapisan|lini|sektor)\s+{_ORDINAL}(?![^\W_])", re.IGNORECASE)
# "ke TPS-TPS di Pulau X", "menuju TPS yang berada di Y": a place the movement goes to
# ("menuju KPU Provinsi Kalimantan Utara di Tanjung Selor": a body's name of several words too)
# ("logistik untuk 48 TPS di Kecamatan X didistribusikan dari Kantor PPK Y": what the goods are for)
_DESTINATION = re.compile(r"(?<![^\W_])(?:ke|menuju|untuk)\s+[\w-]+(?:\s+[a-z][\w-]*){0,5}\s+"
                          r"(?:yang\s+\w+\s+)?di\s+$", re.IGNORECASE)
# "<venue> di <place>": the place only says where the venue lies
_LIES_IN = re.compile(r"^,?\s+(?:di|dalam)\s+$")
_ACRONYM_REST = re.compile(r"[ \t]*\([A-Z][\w.]*\)(?:[ \t]+[A-Z][\w'’-]*){0,3}")
_HYPHEN_REST = re.compile(r"-[A-Z][\w'’]*(?:[ \t]+[A-Z][\w'’]*){0,3}")
_TOWARD = re.compile(r"(?<![^\W_])(?:ke|menuju)\s+$", re.IGNORECASE)
# "pada hari pemungutan suara": the voting day of the election calendar
# "Pada hari pemungutan suara, ...": the voting day; "dijaga ... hingga hari pemungutan suara": an end bound
_VOTING_DAY = re.compile(r"(?<![^\W_])(?<!hingga )(?<!sampai )(?<!jelang )"
                         r"(?:hari pemungutan suara|hari pencoblosan)(?![^\W_])", re.IGNORECASE)
# the night before the vote: "pada malam menjelang pencoblosan" (not a re-vote's, "PSU")
_VOTING_EVE = re.compile(r"(?<![^\W_])pada\s+malam\s+(?:hari\s+)?(?:menjelang|jelang|sebelum)\s+(?:hari\s+)?"
                         r"(?:pencoblosan|pemungutan\s+suara)(?![^\W_])", re.IGNORECASE)
_REVOTE = re.compile(r"(?<![^\W_])(?:PSU|pemungutan\s+suara\s+ulang)(?![^\W_])", re.IGNORECASE)
VOTING_DAY = next(d.isoformat() for d, phase in CALENDAR if phase == "voting")
# a TPS guarded: "TPS X dijaga dua personel", "pengamanan di TPS khusus ...", "menjaga TPS"
_TPS_GUARD = re.compile(r"(?<![^\W_])(?:dijaga|menjaga|berjaga|pengamanan|mengamankan|penjagaan)(?![^\W_])"
                        r"[^.;]{0,60}?(?<![^\W_])TPS(?![^\W_])|(?<![^\W_])TPS(?![^\W_])[^.;]{0,80}?"
                        r"(?<![^\W_])(?:dijaga|diamankan|pengamanan|penjagaan|berjaga)(?![^\W_])")
# between the places of one list: "A, B dan C", "Jalan X dan kawasan Y" (an area word kept with its name)
# the region of an office run for ("debat calon bupati dan wakil bupati Tapin di GOR X"): the
# election's, not a place of the activity (nor the place the venue after it lies in); in any case
# ("pasangan calon Bupati Tanah Merah nomor urut 01", "dihadiri Bupati X")
_OFFICE_OF = re.compile(r"(?<![^\W_])(?:bupati|wali\s?kota|gubernur)\s+$", re.IGNORECASE)
_LIST_JOIN = re.compile(r"^(?:,\s*|,?\s*dan\s+(?:(?:kawasan|wilayah|daerah|sekitar)\s+)?)$")


def _specific(e: Any) -> bool:
    """A unit a record can name: not a bare generic word (``Polri``, ``Polres``)."""
    if e.label != "POLICE_UNIT" or e.text.casefold() in GENERIC_UNITS:
        return False
    return len(e.text.split()) > 1 or e.text[:3].casefold() in ("sat", "dit")


def _in_noise(article: Article, e: Any) -> bool:
    return any(n.start <= e.start and e.end <= n.end for n in article.noise)


_LONG_FORMS = ((re.compile(r"^Kepolisian\s+(?:Resor|Resort)\s+Kota\s+Besar\b"), "Polrestabes"),
               (re.compile(r"^Kepolisian\s+(?:Resor|Resort)\s+Kota\b"), "Polresta"),
               (re.compile(r"^Kepolisian\s+(?:Resor|Resort)\b"), "Polres"),
               (re.compile(r"^Kepolisian\s+Daerah\b"), "Polda"),
               (re.compile(r"^Kepolisian\s+Sektor\b"), "Polsek"))
_TERRITORIAL = re.compile(r"^(?:Polres|Polresta|Polrestabes|Polda|Polsek|Polsekta|Kepolisian)\b",
                          re.IGNORECASE)


# provinces as police news shortens them: "Polda Sulawesi Barat" and "Polda Sulbar" are one unit
_PROVINCES = {"sumatera utara": "sumut", "sumatera barat": "sumbar", "sumatera selatan": "sumsel",
              "kepulauan riau": "kepri", "kepulauan bangka belitung": "babel", "bangka belitung": "babel",
              "jawa barat": "jabar", "jawa tengah": "jateng", "jawa timur": "jatim",
              "daerah istimewa yogyakarta": "diy", "nusa tenggara barat": "ntb", "nusa tenggara timur": "ntt",
              "kalimantan barat": "kalbar", "kalimantan tengah": "kalteng", "kalimantan selatan": "kalsel",
              "kalimantan timur": "kaltim", "kalimantan utara": "kaltara", "sulawesi utara": "sulut",
              "sulawesi tengah": "sulteng", "sulawesi barat": "sulbar", "sulawesi selatan": "sulsel",
              "sulawesi tenggara": "sultra", "maluku utara": "malut", "papua barat daya": "pbd",
              "papua barat": "pabar"}
_PROVINCE = re.compile(rf"(?<![^\W_])({'|'.join(sorted(_PROVINCES, key=len, reverse=True))})(?![^\W_])")


_SAT = re.compile(r"(?<![^\W_])sat(?:uan)?\s+(?=[^\W\d_])")
# a sub-unit's parent written long inside its name: "Satuan Samapta Kepolisian Resor (Polres) X", "Satuan
# Lantas Kepolisian Resor Kota Y" (the bracket is the parent's acronym, not the sub-unit's)
_PARENT_LONG = re.compile(r"(?<=\s)Kepolisian\s+(?:Resor|Resort|Sektor|Daerah)(?:\s+Kota(?:\s+Besar)?)?"
                          r"(?:\s*\((Pol[a-z]+)\))?(?=\s+[A-Z])")
_PARENT_KINDS = {"resor": "Polres", "resort": "Polres", "resor kota": "Polresta", "resort kota": "Polresta",
                 "resor kota besar": "Polrestabes", "resort kota besar": "Polrestabes", "sektor": "Polsek",
                 "sektor kota": "Polsekta", "daerah": "Polda"}


def _parent_short(text: str) -> str:
    """A sub-unit's name with its parent's long form short: "Satuan Samapta Kepolisian Resor (Polres)
    Ogan Komering Ulu Timur" -> "Satuan Samapta Polres Ogan Komering Ulu Timur"; a name that is not a
    sub-unit's (it starts with its "Kepolisian ...") is its own."""
    if not re.match(r"(?:Satuan|Direktorat|Sat|Dit|Unit|Subdit)\b", text):
        return text
    return _PARENT_LONG.sub(lambda m: m.group(1) or _PARENT_KINDS[" ".join(m.group().split()[1:]).casefold()],
                            text)


@functools.lru_cache(maxsize=4096)
def unit_key(text: str) -> str:
    """One name for the long and short forms of a unit: "Kepolisian Resor (Polres) Garut" and
    "Polres Garut" are the same unit, "Polda Sulawesi Barat" and "Polda Sulbar" too."""
    text = _parent_short(text)
    acr = re.search(r"\(([^()]+)\)", text)
    if acr is not None and re.match(r"(?:Satuan|Direktorat|Kepolisian)\b", text):
        text = acr.group(1) + text[acr.end():]  # "Direktorat Samapta (Ditsamapta) Polda X": "Ditsamapta ..."
    key = re.sub(r"\s*\([^()]*\)\s*", " ", text).strip()
    for pattern, short in _LONG_FORMS:
        key = pattern.sub(short, key)
    key = " ".join(key.split()).casefold().replace("sumatra", "sumatera")
    # "Satuan Samapta", "Sat Samapta" and "Satsamapta" are one sub-unit ("Satuan Lalu Lintas": Satlantas)
    key = _SAT.sub("sat", key).replace("satlalu lintas", "satlantas")
    return _PROVINCE.sub(lambda m: _PROVINCES[m.group(1)], key)


# a unit's other name written in brackets right after it: "Kepolisian Resor Pangkajene dan Kepulauan
# (Polres Pangkep)", "Polres Pangkep (Kepolisian Resor ...)", "Polres Seram Bagian Timur (SBT)"
_ALIAS_AFTER = re.compile(r"[ \t]*\(([A-Z][\w.'’ -]{0,50}?)\)")
_ALIASES: dict[str, tuple[Any, dict[str, str]]] = {}


def _kept(cache: dict[str, tuple[Any, dict[str, str]]], article: Article) -> tuple[dict[str, str], bool]:
    """The article's entry of a per-article cache and whether it was there already (a new, empty one is
    kept while the article's entity list is the same object: a correction gives a new list)."""
    cached = cache.get(article.id)
    if cached is not None and cached[0] is article.entities:
        return cached[1], True
    if len(cache) > 32:
        cache.clear()
    found: dict[str, str] = {}
    cache[article.id] = (article.entities, found)  # the list held, so its identity is not reused
    return found, False


def _aliases(article: Article) -> dict[str, str]:
    """The page's names of one unit: each unit key a page writes as another's bracketed name, to the
    key of the name it stands beside (kept per article while its entity list is the same object: a
    draft asks many times, a correction gives a new list)."""
    found, known = _kept(_ALIASES, article)
    if known:
        return found
    for e in (x for x in article.entities if x.label == "POLICE_UNIT" and _specific(x)):
        if "(" not in article.text[e.end:e.end + 60]:
            continue  # no bracket near: no other name (most units; the check spares unit_surface)
        surface = unit_surface(article, e)
        m = _ALIAS_AFTER.match(article.text, e.start + len(surface))
        if m is None:
            continue
        inner = " ".join(m.group(1).split())
        if not _TERRITORIAL.match(inner) and not re.match(r"(?:Sat|Dit)", inner):
            if " " in inner or not _TERRITORIAL.match(short_form(surface)):
                continue  # "Polres Seram Bagian Timur (SBT)": the place's own short name only
            inner = f"{short_form(surface).split()[0]} {inner}"
        own, other = unit_key(surface), unit_key(inner)
        if own != other:
            found.setdefault(other, found.get(own, own))
    return found


_TERRITORIAL_WORDS = frozenset("polres polresta polrestabes polsek polsekta polda".split())
_INITIALS: dict[str, tuple[Any, dict[str, str]]] = {}


def _split_place(key: str) -> tuple[list[str], list[str]]:
    """A unit key cut after its last territorial word: ("satsamapta polres", "oku timur")."""
    words = key.split()
    at = max((i for i, w in enumerate(words) if w in _TERRITORIAL_WORDS), default=-1)
    return words[:at + 1], words[at + 1:]


def _initials(article: Article) -> dict[str, str]:
    """The page's places written by their initials, to their whole names: "oku timur" -> "ogan komering
    ulu timur" when the page writes "Polres OKU Timur" and "... Polres Ogan Komering Ulu Timur" (kept
    per article while its entity list is the same object, as ``_aliases``)."""
    found, known = _kept(_INITIALS, article)
    if known:
        return found
    places = {" ".join(_split_place(unit_key(x.text))[1]) for x in article.entities
              if x.label == "POLICE_UNIT" and _specific(x)}
    places |= {" ".join(_split_place(unit_key(t))[1]) for _, t in _role_units(article, article.entities,
                                                                               len(article.text))}
    for short in places:
        words = short.split()
        if not words or not 2 <= len(words[0]) <= 5 or not words[0].isalpha():
            continue
        n = len(words[0])
        for whole in places:
            parts = whole.split()
            if len(parts) == n + len(words) - 1 and (
                    "".join(w[0] for w in parts[:n]) == words[0] and parts[n:] == words[1:]):
                found[short] = whole
    return found


def _acting_key(article: Article, text: str) -> str:
    """``page_key`` with a place written by its syllables read as the whole place the page names it by
    ("Polres Inhu" is "Polres Indragiri Hulu"): the acting unit so named is no partner of itself. Only for
    that: which of the two names a page's unit goes by stays as the page writes them (a judge wrote the
    receiving "Polres Nias" where merging "Polda Sumut" with "Polda Sumatera Utara" outweighed it)."""
    key = page_key(article, text)
    head, place = _split_place(key)
    if not head or len(place) != 1 or not 3 <= len(place[0]) <= 9:
        return key
    wholes = sorted(_unit_places(article))
    whole = next((w for w in wholes if " " in w and _syllables(place[0], w.split())), None)
    return " ".join([*head, whole]) if whole else key


_PLACES: dict[str, tuple[Any, dict[str, str]]] = {}


def _unit_places(article: Article) -> dict[str, str]:
    """The places of the page's specific police units, by ``page_key`` (kept per article as ``_aliases``:
    a draft asks for them once per unit it weighs; a 10 MB page's took 0.9 s each time)."""
    found, known = _kept(_PLACES, article)
    if not known:
        for x in article.entities:
            if x.label == "POLICE_UNIT" and _specific(x):
                place = " ".join(_split_place(page_key(article, x.text))[1])
                found[place] = place
    return found


def _syllables(short: str, parts: Sequence[str], least: int = 2) -> bool:
    """Whether ``short`` is made of the first letters of each of ``parts`` in turn, two to five of the first
    and one to five of each other ("inhu": "in|dragiri hu|lu", "kukar": "ku|tai kar|tanegara")."""
    if not parts:
        return not short
    return any(parts[0].startswith(short[:k]) and _syllables(short[k:], parts[1:], 1)
               for k in range(least, min(5, len(short)) + 1))


def page_key(article: Article, text: str) -> str:
    """One name per unit on the page: ``unit_key`` with the unit's bracketed other names of the page
    ("Kepolisian Resor Pangkajene dan Kepulauan (Polres Pangkep)": "Polres Pangkep" and "Kapolres
    Pangkep" are that unit) and its place's initials ("Polres OKU Timur", "Polres Ogan Komering Ulu
    Timur")."""
    key = unit_key(text)
    key = _aliases(article).get(key, key)
    head, place = _split_place(key)
    whole = _initials(article).get(" ".join(place)) if head and place else None
    return " ".join([*head, whole]) if whole else key


def _people(article: Article) -> frozenset[str]:
    """The names the page marks as people, each whole."""
    return frozenset(x.text for x in article.entities if x.label == "PERSON")


def _role_units(article: Article, inside: Sequence[Any], end: int) -> list[tuple[int, str]]:
    """Units roles name with their place: "Kapolres Biak Numfor AKBP ..." → Polres Biak Numfor."""
    out = []
    for e in inside:
        head = _role_head(e.text) if e.label == "ROLE" else None
        # "Kepala Polres (Kapolres) Bolaang Mongondow Selatan": the short role in brackets, then the place
        bracketed = article.text[e.start - 1:e.start] == "(" and article.text.startswith(")", e.end)
        at = e.end + 1 if bracketed else e.end
        m = _PLACE_WORD.match(article.text, at, end) if head is not None else None
        if m is not None:
            # the place ends where a rank or a name begins ("Kepala Kepolisian Resor X Ajun Komisaris
            # Besar Polisi Y": a rank spelled out that no word list holds)
            # (a name right after the role, "Kapolresta Hendri Gunawan", is no place at all)
            cut = min((x.start for x in inside if x.label in ("RANK", "PERSON")
                       and m.start(1) <= x.start < m.end(1)), default=m.end(1))
            words = article.text[m.start(1):cut].split()
            stop = next((i for i, w in enumerate(words) if w.casefold() in _RANKS), None)
            words = words[:stop] if stop is not None else words
            if words and " ".join(words) in _people(article):
                continue  # "Kapolresta Hendri Gunawan meninjau": the chief named again, no place
            if words and e.text.isupper():  # "KAPOLSEK CIBADAK": Polsek Cibadak (an acronym stays)
                words = [w.title() if w.isupper() and len(w) > 3 else w for w in words]
            if words:
                out.append((e.start, f"{head} {' '.join(words)}"))
    return out


_MAIN_UNITS: dict[tuple[str, tuple[tuple[int, int, str], ...]], str] = {}


# a Polres' unit written with it ("Sat Polairud Polres X"); a Polda's directorates act across the
# province on their own ("Ditsamapta Polda Jambi" patrols as itself)
_PARENT = re.compile(r"\s((?:Polres|Polresta|Polrestabes)\s+[A-Z][^()\n,.;]*)$")


_THROUGH = re.compile(r"\s+melalui\s+", re.IGNORECASE)
# a press office's sign-off or source line: "(Humas Polres X)", "Sumber: Humas Polda Y", "(Hms Polsek Z)"
_PRESS_OFFICE = re.compile(r"(?<![^\W_])(?:Humas|Hms|Si\s+Humas|Sie\s+Humas|Subbag\s+Humas|Bid\s+Humas)\s+"
                           r"((?:Polres|Polresta|Polrestabes|Polsek|Polsekta|Polda)\s+[A-Z][\w'’. -]{1,40}?)"
                           r"\s*(?:\)|$)", re.MULTILINE)


def main_unit(article: Article) -> str:
    """The unit the article is about: the unit named most often outside page noise (long and
    short forms counted together, a role with its place counting for its unit, a bare
    sub-unit such as "Sat Samapta" for half), as it is most often written (ties: the first).
    Kept per article and its units and roles as corrected (its suggestions ask per sentence)."""
    key = (article.id, tuple((e.start, e.end, e.label) for e in article.entities
                             if e.label in ("POLICE_UNIT", "ROLE")))
    if key not in _MAIN_UNITS:
        if len(_MAIN_UNITS) > 32:
            _MAIN_UNITS.clear()
        _MAIN_UNITS[key] = _main_unit(article)
    return _MAIN_UNITS[key]


def _main_unit_as(article: Article, form: str) -> str:
    """The article's unit for a sentence that names none, in the form the project settled: as the
    page most often writes it ("short"), or as its body first writes it ("first_written":
    "Kepolisian Resor (Polres) X" in a lede that spells it out)."""
    unit = main_unit(article)
    if form != "first_written" or not unit:
        return unit
    key = page_key(article, unit)
    body = _title_end(article)
    return next((e.text for e in article.entities if e.label == "POLICE_UNIT" and e.start >= body
                 and not _in_noise(article, e) and page_key(article, e.text) == key), unit)


def _main_unit(article: Article) -> str:
    weight: dict[str, float] = {}
    surfaces: dict[str, list[tuple[int, str]]] = {}
    derived: dict[str, list[tuple[int, str]]] = {}  # a parent named only inside a sub-unit's long name
    body = [e for e in article.entities if not _in_noise(article, e)]
    # the units a role is written under ("Kapolsek X, Polres Y, Polda Z") are where its head belongs,
    # not what the article is about
    written = [(e.start, unit_surface(article, e)) for e in body if _specific(e) and not _written_under(
        article, body, e)]
    # a headline's role runs into its title-case words ("Kapolres Sukabumi Pimpin Pengamanan")
    implied = _role_units(article, [e for e in body if e.start >= _title_end(article)], len(article.text))
    title_end = _title_end(article)
    # a bare sub-unit ("Sat Samapta", "Ditsamapta") and a bare sub-unit's head ("Kasat Samapta", "Dirsamapta")
    # count for the one sub-unit of that kind the page writes whole ("Satuan Samapta Kepolisian Resor
    # (Polres) X"), as a Kapolres counts for the Polres
    whole = {page_key(article, text) for _, text in written if not _TERRITORIAL.match(text)}
    heads = [(e.start, key) for e in body if e.label == "ROLE" and (key := _sub_role_key(e.text)) is not None
             and not any(x.label == "POLICE_UNIT" and 0 <= x.start - e.end <= 1 for x in body)]
    for at, text in written + implied + [(at, "") for at, _ in heads]:
        key = page_key(article, text) if text else next(k for a, k in heads if a == at)
        of_kind = [k for k in whole if k.startswith(key + " ")] if " " not in key else []
        if len(of_kind) == 1:
            key = of_kind[0]
        elif not text:
            continue  # a head whose sub-unit the page never writes
        weight[key] = weight.get(key, 0.0) + (1.0 if _TERRITORIAL.match(text) or " Pol" in text else 0.5)
        if not text or len(of_kind) == 1:
            continue  # (the bare name is not how the whole one is written)
        surfaces.setdefault(key, []).append((at, text))
        named = _parent_short(text)
        parent = _PARENT.search(named) if not _TERRITORIAL.match(text) else None
        if parent is not None:  # "Sat Polairud Polres X" is of Polres X: it counts half for its parent
            pkey = page_key(article, parent.group(1))
            weight[pkey] = weight.get(pkey, 0.0) + 0.5
            if named == text:  # (a parent written long inside the name is no surface of its own)
                surfaces.setdefault(pkey, []).append((at + parent.start(1), parent.group(1)))
            else:  # ... but its short form is how to name it where the page writes it nowhere else
                derived.setdefault(pkey, []).append((at, parent.group(1)))
    if not weight:  # no unit in the page but its press office's sign-off: "(Humas Polres X)"
        office = _PRESS_OFFICE.search(article.text)
        return short_form(office.group(1).strip()) if office is not None else ""
    surfaces = {k: surfaces.get(k) or derived[k] for k in weight}
    best = min(weight, key=lambda k: (-weight[k], min(surfaces[k])[0]))
    # a page whose headline names one unit, a sub-unit written with its Polres ("Sat Samapta Polres X
    # Patroli ..."), and whose first unit after it (a dateline's "POLRES X –" aside) is that sub-unit
    # again, is about the sub-unit, however often its Polres is written on its own or implied; not
    # when the body opens with the Polres acting ("TILAMUTA – Polres X menggelar apel ...")
    headline = {(page_key(article, text), bool(_PARENT.search(text)) and not _TERRITORIAL.match(text))
                for at, text in written if at < title_end}
    ordered = sorted(written)
    at_first = next((i for i, (at, text) in enumerate(ordered) if at >= title_end and _HEADER_DASH.match(
        article.text, at + len(text)) is None), None)
    first = ordered[at_first][1] if at_first is not None else None
    if at_first is not None and at_first + 1 < len(ordered) and _TERRITORIAL.match(ordered[at_first][1]):
        # "Polres X melalui Satuan Samapta menggelar patroli ...": the body's first act is the sub-unit's
        at, text = ordered[at_first]
        after = ordered[at_first + 1]
        if _THROUGH.fullmatch(article.text, at + len(text), after[0]) and not _TERRITORIAL.match(after[1]):
            first = after[1] if _PARENT.search(after[1]) else f"{after[1]} {text}"
    if len(headline) == 1 and first is not None and next(iter(headline))[0] in surfaces and (
            page_key(article, first) == next(iter(headline))[0]):
        best = next(iter(headline))[0]
    elif not headline and first is not None and title_end and (kind := _HEADLINE_KIND.match(
            page_key(article, first))) is not None and page_key(article, first) in surfaces and re.search(
            rf"(?<![^\W_]){kind.group(1)}(?![^\W_])", article.text[:title_end], re.IGNORECASE):
        # "100 Personel Brimob BKO Tiba di X" over "Satbrimob Polda Y BKO tiba di X ...": a headline naming
        # no unit but the kind of the body's first, a sub-unit, is about that one
        best = page_key(article, first)
    # the sentence writes no unit, so there is no surface to copy: the unit in its short form, as
    # a role names it ("Kapolres Sinjai" -> "Polres Sinjai"), one name for the article's records
    # (tests/gold/real/README.md, conventions): the short form the page writes most often, else the
    # one its long form stands for ("Kepolisian Resor (Polres) Garut" -> "Polres Garut")
    every = sorted(surfaces[best])
    as_written = [t for at, t in every if (at, t) not in implied]
    if any(not t.isupper() for t in as_written):  # a headline's capitals ("DITSAMAPTA POLDA X") are no form
        as_written = [t for t in as_written if not t.isupper()]
    short = [t for t in as_written if t == short_form(t)]
    if short:
        # of forms written as often, the body's: a headline shortens ("Polres SBT Perketat ..." over
        # the body's "Polres Seram Bagian Timur (SBT)")
        in_body = [t for at, t in every if at >= title_end and (at, t) not in implied]
        return max(short, key=lambda t: (short.count(t), t in in_body, -short.index(t)))
    forms = as_written or [t for _, t in every]
    return short_form(max(forms, key=lambda t: (forms.count(t), -forms.index(t))))


# a sub-unit's key and its kind's word as a headline writes it bare: "satbrimob polda x" -> "brimob"
_HEADLINE_KIND = re.compile(r"(?:sat|dit)(brimob|samapta|lantas|polairud|reskrim|intelkam|binmas|pamobvit)\b")


def _sub_role_key(role: str) -> str | None:
    """The key of the sub-unit a role heads: "Kasat Samapta" -> "satsamapta", "Kepala Satuan Lalu Lintas"
    -> "satlantas", "Dirsamapta" -> "ditsamapta"; ``None`` for other roles."""
    words = role.casefold().split()
    if words[:2] == ["kepala", "satuan"]:
        words = ["kasat", *words[2:]]
    elif words[:1] == ["direktur"]:
        words = ["dir", *words[1:]]
    compact = "".join(words).replace("lalulintas", "lantas")
    for head, unit in (("kasat", "sat"), ("dir", "dit")):
        if compact.startswith(head) and len(compact) > len(head) + 3 and compact[len(head):].isalpha():
            return unit + compact[len(head):]
    return None


def _sub_role_unit(article: Article, inside: Sequence[Any]) -> str:
    """The sub-unit a bare head's role implies, as the page writes that sub-unit most often ("Kasat Polairud
    Iptu X memimpin pengecekan ..." on a page writing "Sat Polairud" -> Sat Polairud; the guidelines: the
    unit the sentence's role implies); "" when the page writes none of that kind."""
    for e in inside:
        key = _sub_role_key(e.text) if e.label == "ROLE" else None
        if key is None or any(x.label == "POLICE_UNIT" and 0 <= x.start - e.end <= 1 for x in inside):
            continue
        main = main_unit(article)
        if main and (page_key(article, main) + " ").startswith(key + " "):
            return main  # a page about that sub-unit: its one name for the records
        written = [unit_surface(article, x) for x in article.entities if x.label == "POLICE_UNIT"
                   and _specific(x) and not _in_noise(article, x) and x.start >= _title_end(article)]
        of_kind = [t for t in written if (k := page_key(article, t)) == key or k.startswith(key + " ")]
        if of_kind:
            return max(of_kind, key=lambda t: (of_kind.count(t), -of_kind.index(t)))
    return ""


_BARE_BRIMOB = re.compile(r"(?<![^\W_])Brimob(?![^\W_])")


def _bare_force_unit(article: Article, start: int, end: int) -> str:
    """The page's Brimob unit, as it writes it most often, when the sentence names its force only as
    "Brimob" ("12 personel Brimob BKO itu dijadwalkan menjaga ...", "tim penjinak bom Brimob menyisir ...")
    and no unit of its own; "" otherwise (dev: the writers 3 of 4, the fourth writing "Brimob" alone)."""
    units = [x for x in article.entities if x.label == "POLICE_UNIT"]
    bare = next((m for m in _BARE_BRIMOB.finditer(article.text, start, end)
                 if not any(x.start <= m.start() < x.end for x in units)), None)
    if bare is None:
        return ""
    written = [unit_surface(article, x) for x in units if _specific(x) and "brimob" in x.text.casefold()
               and not _in_noise(article, x) and x.start >= _title_end(article)]
    return max(written, key=lambda t: (written.count(t), -written.index(t))) if written else ""


def short_form(text: str) -> str:
    """A unit's short form as police news writes it, case kept: "Kepolisian Resor (Polres) Garut"
    and "Kepolisian Resor Garut" -> "Polres Garut", "Direktorat Samapta (Ditsamapta) Polda Jambi" ->
    "Ditsamapta Polda Jambi", "Satuan Samapta Kepolisian Resor X" -> "Sat Samapta Polres X"; a short
    form is its own."""
    text = _parent_short(text)
    acr = re.search(r"\(([^()]+)\)", text)
    if acr is not None and re.match(r"(?:Satuan|Direktorat)\b", text):
        text = acr.group(1) + text[acr.end():]
    out = re.sub(r"\s*\([^()]*\)\s*", " ", text).strip()
    for pattern, short in _LONG_FORMS:
        out = pattern.sub(short, out)
    out = re.sub(r"^Satuan\s+(?=[A-Z])", "Sat ", out)  # "Satuan Samapta Polres X": "Sat Samapta Polres X"
    return " ".join(out.split())


def _role_unit(article: Article, inside: Sequence[Any], end: int) -> str:
    """A unit a role implies: "Kapolres Biak Numfor" → Polres Biak Numfor; a bare "Kapolsek" →
    the article's Polsek."""
    named = _role_units(article, inside, end)
    if named:
        return named[0][1]
    for e in inside:
        head = _role_head(e.text) if e.label == "ROLE" else None
        same = [x.text for x in article.entities if head and _specific(x) and x.text.split()[0] == head]
        if same:
            return max(same, key=same.count)
    return ""


_NAME_AFTER = re.compile(r"\s*(\([^()\n]{2,20}\))((?:\s+[A-Z][\w'/-]*){0,4})")
_FIGURE_TAIL = re.compile(r"\s+\d[\d.]*$")
_BKO_TAIL = re.compile(r"\s+BKO$")
# "Polda Bali-Polres Buleleng": a hyphen between two units joins two names, it cuts none
_UNIT_HEAD = re.compile(r"(?:Polres|Polresta|Polrestabes|Polsek|Polda|Polairud|Sat|Dit|Kodim|Koramil|Korem|"
                        r"Kodam|Lanal|Brimob|Satbrimob|Kepolisian)", re.IGNORECASE)
_LONG_BEFORE = re.compile(r"(?<![^\W_])(?:Satuan|Direktorat|Detasemen|Subdirektorat)\s+[A-Z][^()\n.,]{2,60}"
                          r"\($")


# a long form's short form in brackets after its whole name (which may run on past "dan")
_SHORT_AFTER = re.compile(r"((?:\s+dan\s+[A-Z][\w'’-]*)*)\s*\("
                          r"(?:Polres|Polresta|Polrestabes|Polsek|Polsekta|Polda)\s[^()\n]{1,40}\)")


def unit_surface(article: Article, e: Any) -> str:
    """A unit as a reviewer writes it: "Kepolisian Resor" followed by "(Polres) Garut" is the
    whole "Kepolisian Resor (Polres) Garut"; "Polsek Tanjung Batu 15" before "personel" is
    "Polsek Tanjung Batu"."""
    text = str(e.text)
    m = _NAME_AFTER.match(article.text, e.end)
    if m is not None and m.group(2).strip():
        text = article.text[e.start:m.end()]
    long = _LONG_BEFORE.search(article.text, max(0, e.start - 70), e.start)
    if long is not None and article.text.startswith(")", e.end):
        # "Satuan Polisi Perairan dan Udara (Satpolairud) Polres Natuna": the long form, its acronym
        # and the parent written right after it are one unit
        parent = next((x for x in article.entities if x.label == "POLICE_UNIT" and x.start == e.end + 2
                       and article.text[e.end:x.start] == ") " and _TERRITORIAL.match(x.text)), None)
        text = article.text[long.start():parent.end if parent is not None else e.end + 1]
    long_form = re.match(r"Kepolisian\s+(?:Resor|Resort|Daerah|Sektor)\s", text) is not None
    short = _SHORT_AFTER.match(article.text, e.end) if long_form and "(" not in text else None
    if short is not None and short.group(1):  # "Kepolisian Resor Pangkajene dan Kepulauan (Polres Pangkep)":
        text = article.text[e.start:short.end(1)]  # a long form's name goes on past "dan" to its short form
    text = _BKO_TAIL.sub("", text)  # "Satbrimob Polda Papua BKO": BKO is not part of a unit (the guidelines)
    rest = _HYPHEN_REST.match(article.text, e.end) if text == e.text else None
    if rest is not None and not _UNIT_HEAD.match(article.text, e.end + 1):
        text += rest.group()  # "Polsek Pulau" before "-Pulau Batu": a name cut at its hyphen goes on
    tail = _FIGURE_TAIL.search(text)
    if tail is not None and re.match(r"\s+(?:personel|personil|anggota|orang|petugas)", article.text[e.end:]):
        text = text[:tail.start()]
    return text


# a unit named after these takes part with the actor or is where it goes ("bergantian dengan
# Polresta Jambi", "BKO ke Polres Seram Bagian Timur"); after "melalui" it is the subordinate the
# activity goes through ("Kapolres Ciamis melalui Kapolsek Pamarican menyampaikan, jajarannya ...")
# ("Mereka diperkuat 30 anggota Brimob": the reinforced act; "Pengamanan diperkuat 30 personel
# Satbrimob": the reinforcement guards)
_NOT_ACTOR_BEFORE = re.compile(r"(?<![^\W_])(?:bersama|dengan|dibantu|didukung|didampingi|melibatkan|ke|"
                               r"menuju|"
                               # "Atas perintah Kapolres X, Kapolsek Y memimpin ...": the one ordered acts
                               r"(?:atas|berdasarkan|sesuai)\s+(?:perintah|instruksi|arahan|petunjuk)|"
                               r"kepada|dan|serta|termasuk|(?:mereka|personel|pasukan|anggota|polisi|petugas)\s+"
                               r"(?:juga\s+)?diperkuat)\s+"
                               # "dengan dukungan personel Sat Samapta", "dengan bantuan dari Brimob"
                               r"(?:(?:dukungan|bantuan)\s+(?:dari\s+)?)?(?:(?:\d[\d.]*|satu|dua|tiga|empat|"
                               r"lima|\w+puluh|\w+belas|\w+ratus|puluhan|belasan|ratusan)\s+)?(?:(?:personel|personil|"
                               r"anggota|prajurit|pasukan|petugas)\s+(?:(?:BKO|bantuan|gabungan|cadangan)\s+)?)?$",
                               re.IGNORECASE)  # "dibantu 30 anggota Brimob", "termasuk 45 personel BKO"
# ... but an activity helped ("Pengamanan dibantu 8 personel Polsek X", "Penjagaan juga dibantu ...") has no
# other actor in its clause: the helper named is the one the sentence tells of
_HELPER_OF_ACT = re.compile(r"(?<![^\W_])(?:pengamanan|penjagaan|pengawalan|patroli)\s+"
                            r"(?:(?:juga|pun|turut)\s+)?(?:dibantu|(?:dipertebal|diperkuat)(?:\s+dengan)?)\s+"
                            r"(?:(?:\d[\d.]*|satu|dua|tiga|empat|lima|\w+puluh|\w+belas|\w+ratus|"
                            r"puluhan|belasan|ratusan)\s+)?(?:(?:personel|personil|anggota|petugas)\s+"
                            r"(?:(?:BKO|bantuan|gabungan|cadangan)\s+)?)?$", re.IGNORECASE)
# "Patroli ... melibatkan 35 personel gabungan Sat Samapta, Sat Intelkam dan Polsek X": the first of a
# joint force acts (the rest are partners), as "personel gabungan dari Polres X, Kodim Y ..."
_JOINT_FIRST = re.compile(r"(?<![^\W_])(?:melibatkan|dengan)\s+(?:\d[\d.]*\s+)?"
                          r"(?:personel|personil|anggota)\s+gabungan\s+(?:dari\s+)?$", re.IGNORECASE)
# "... diteruskan ke Sat Reskrim Polres X, yang bersama Bawaslu mendatangi ...": a relative clause
# gives the unit named as a destination its own act
_OWN_CLAUSE = re.compile(r"\s*,\s+yang\s+(?:[\w-]+\s+){0,4}?(?:me|ber|di|meng|mem|men)\w+", re.IGNORECASE)
# a statement's verb: the speaker's unit is not the actor when what is told names its own
_SAYS = re.compile(r"(?<![^\W_])(?:(?:mengatakan|menambahkan|menjelaskan|menyebut|menyebutkan|menyampaikan|"
                   r"mengungkapkan|menuturkan|menerangkan|memaparkan|menegaskan)(?:\s*,|\s+bahwa(?![^\W_]))|"
                   # what is said right after the verb, no comma: "mengatakan sterilisasi ... dilakukan
                   # Tim Jibom Satbrimob X", "menyebut satu peleton Sat Samapta disiagakan"
                   r"(?:mengatakan|menyebut|menyebutkan|menuturkan|menerangkan|mengungkapkan)\s+(?=[a-z0-9]))",
                   re.IGNORECASE)
_ACCORDING = re.compile(r"\W*menurut\s[^,.;]{1,90},", re.IGNORECASE)
# ... and after an order the one ordered acts ("Kapolres X memerintahkan Kapolsek Y untuk menyambangi ...")
_THROUGH_BEFORE = re.compile(r"(?<![^\W_])(?:melalui|(?:memerintahkan|menginstruksikan|menugaskan|mengutus)"
                             r"(?:\s+kepada)?(?:\s+para)?)\s+$", re.IGNORECASE)
# a unit named for its area ("di wilayah hukum Polrestabes X"): another unit the sentence names acts there
_AREA_OF = re.compile(r"(?<![^\W_])(?:wilayah(?:\s+hukum)?|wilkum)\s+$", re.IGNORECASE)
# the agent of the sentence's passive verb acts, whatever units the subject names ("Personel BKO yang
# terdiri atas Ditsamapta X dan Satbrimob X itu disambut Kapolres Y", "patroli ... digelar Polsek Z");
# not a verb of taking part ("dibantu", "didampingi", "diikuti") nor one of a relative clause ("yang
# dipimpin")
_AGENT_BEFORE = re.compile(r"(?<![^\W_])(?<!yang )(?!(?:dibantu|didampingi|diikuti|dihadiri|diperkuat|"
                           r"diperbantukan|disaksikan|diterima|ditemani|disertai|dikoordinasikan)\s)"
                           r"di[a-z]{3,}\s+(?:oleh\s+)?"
                           r"(?:(?:para\s+)?(?:personel|personil|anggota|petugas|jajaran)\s+)?$")
# "rombongan berhenti dan personel Ditbinmas X membagikan ...": a clause of its own, not a list of actors
_CLAUSE_JOIN = re.compile(r"(?<![^\W_])[a-z]{3,}\s+(?:dan|serta)\s+"
                          r"(?:(?:para\s+)?(?:personel|personil|anggota|petugas)\s+)?$")
_OWN_VERB = re.compile(r"\s+(?:juga\s+|pun\s+|lalu\s+|kemudian\s+)?(?:me|ber|mem|men|meng|meny)[a-z]{3,}")


# a unit that receives another's force: "Polres X mendapat tambahan 50 personel BKO dari Polda Y",
# "menerima BKO sebanyak 30 personel dari Satbrimob Z"
_RECEIVES = re.compile(r"\s+(?:(?:juga|pun|turut)\s+)?(?:mendapat|mendapatkan|menerima|memperoleh)\s+"
                       r"(?:tambahan|bantuan|dukungan|perkuatan|BKO)(?![^\W_])", re.IGNORECASE)


def _unit(article: Article, inside: Sequence[Any], start: int, end: int) -> str:
    """The acting unit named in the sentence (the first specific one that is not named as taking
    part or as a destination), else one its role implies, or "" (the caller falls back)."""
    def before(at: int) -> str:
        return article.text[max(start, at - 45):at]

    named = _role_units(article, inside, end)
    specific = [e for e in inside if _specific(e)]
    for e in specific:
        got = _RECEIVES.match(article.text, e.end, end)
        given = next((f for f in specific if got is not None and f.start >= got.end()), None)
        if given is not None:
            # "Polres X juga mendapat tambahan 60 personel Satbrimob Y yang di-BKO-kan": the force sent acts
            # (dev: the writers 4 of 4, first and later alike)
            return unit_surface(article, given)
    through = [(at, text) for at, text in named if _THROUGH_BEFORE.search(before(at))]
    for e in specific:
        if _THROUGH_BEFORE.search(before(e.start)):
            text = unit_surface(article, e)
            parent = next((p for p in specific if p.end <= e.start and _TERRITORIAL.match(p.text)), None)
            if parent is not None and not _TERRITORIAL.match(text) and not _PARENT.search(text):
                # "Polres X melalui Sat Samapta" (not "... melalui Sat Samapta Polresta X": written whole)
                text = f"{text} {unit_surface(article, parent)}"
            through.append((e.start, text))
    if through:
        return min(through)[1]
    agents = [(at, text) for at, text in named if _AGENT_BEFORE.search(before(at))]
    agents += [(e.start, unit_surface(article, e)) for e in specific if _AGENT_BEFORE.search(before(e.start))]
    if agents:
        return min(agents)[1]
    written = specific
    specific = [e for e in specific if not _NOT_ACTOR_BEFORE.search(before(e.start))
                or _HELPER_OF_ACT.search(before(e.start)) or _JOINT_FIRST.search(before(e.start))
                or _OWN_CLAUSE.match(article.text, e.end, end)
                or (_CLAUSE_JOIN.search(before(e.start)) and _OWN_VERB.match(article.text, e.end, end))]
    # a unit written right after another is where that one belongs ("bersama Polsek X Polres Y"): it
    # acts only as that one does
    kept = specific
    specific = [e for e in kept if not any(p not in kept and p.end <= e.start
                                           and _UNDER.match(article.text[p.end:e.start]) for p in written)]
    chained_area = len(specific) > 1 and _AREA_OF.search(before(specific[0].start)) and _UNDER.match(
        article.text[specific[0].end:specific[1].start])
    area_bare = next((e for e in inside if e.label == "ROLE" and e.start > specific[0].end
                      and _ROLE_UNIT.get(e.text.casefold()) == specific[0].text.split()[0]), None) if (
        chained_area) else None
    if area_bare is not None:
        # "Di wilayah hukum Polsek X Polres Y, Kapolsek AKP Z menempatkan ...": the bare head of the
        # area's own unit acts
        return unit_surface(article, specific[0])
    if len(specific) > 1 and _AREA_OF.search(before(specific[0].start)) and (
            specific[1].start < _first_clause_end(article, start, end)):
        # "Di wilayah hukum Polrestabes X, Polsek Y menggelar ...": the area's unit (not when the other
        # unit has a clause of its own: "Di wilayah Polsek A, 30 personel menjaga ..., Polsek B ...")
        specific = specific[1:]
    named = [(at, text) for at, text in named if not _NOT_ACTOR_BEFORE.search(before(at))]
    # "Menurut Kasat Intelkam Polres X, personel Polsek Y berjaga ...": what is said after the speaker
    according = _ACCORDING.match(article.text, start, end)
    says = according or _SAYS.search(article.text, start, end)
    said_at = end if says is None else says.end() if according else says.start()
    # (not a unit named as an area: "..., di luar empat kecamatan yang masuk wilayah hukum Polresta X")
    told = [e for e in specific if says is not None and e.start >= says.end()
            and not _AREA_OF.search(before(e.start))]
    if told and (specific[0].start < said_at or (named and named[0][0] < said_at)):
        # "Kabag Ops Polres X menambahkan, logistik ... dikawal Sat Samapta": Sat Samapta acts
        return unit_surface(article, told[0])
    if specific and (not named or specific[0].start < named[0][0]):
        return unit_surface(article, specific[0])
    if named:  # "Kapolres Garut AKBP ... bersama Polsek Tarogong": the role's unit acts
        return named[0][1]
    # "Kapolresta bersama Kapolsek Secang ...": the bare head acts (the page's unit of that kind), the
    # one with it comes along
    bare = next((e for e in inside if e.label == "ROLE" and _role_head(e.text) is not None
                 and not _NOT_ACTOR_BEFORE.search(before(e.start))
                 and not any(at == e.start for at, _ in _role_units(article, inside, end))), None)
    if bare is not None and all(at > bare.start for at, _ in _role_units(article, inside, end)):
        head = _role_head(bare.text)
        same = [x.text for x in article.entities if _specific(x) and x.text.split()[0] == head]
        if same:
            return max(same, key=same.count)
    implied = _role_unit(article, inside, end)
    if implied:
        return implied
    # "Usai Jumat Curhat, Dwi bersama para Bhabinkamtibmas melanjutkan patroli": the unit of the role
    # the page gave that person ("Kapolsek Pekalongan Utara AKP Dwi Santoso")
    person = next((e for e in inside if e.label == "PERSON" and not _NOT_ACTOR_BEFORE.search(before(e.start))
                   and not _SAYS.search(article.text, start, e.start)), None)
    return _person_unit(article, person, start) if person is not None else ""


def _person_unit(article: Article, person: Any, before: int) -> str:
    """The unit of the role the page wrote before a person's name when it named them first."""
    first = person.text.split()[0]
    for p in reversed([x for x in article.entities if x.label == "PERSON" and x.end <= before
                       and x.text.split()[0] == first and x.start != person.start]):
        near = [x for x in article.entities if p.start - 60 <= x.start and x.end <= p.start]
        roles = [x for x in near if x.label == "ROLE"]
        if roles:
            units = _role_units(article, [x for x in near if x.start >= roles[-1].start], p.start)
            if not units:
                return ""
            # as the page names that unit ("Kapolres TMS" on a page of Polres Tanah Merah Selatan)
            key = page_key(article, units[-1][1])
            if key == page_key(article, main_unit(article)):
                return main_unit(article)
            same = [x.text for x in article.entities if _specific(x) and page_key(article, x.text) == key]
            return max(same, key=same.count) if same else units[-1][1]
    return ""


# a press office's header before the lede: units (and a date) joined by commas or dashes, then a dash
_HEADER_GAP = re.compile(r"\s*,\s*|\s*[–—-]\s+|\s+[–—-]\s*")
_HEADER_DASH = re.compile(r"\s*[–—-]\s+|\s+[–—-]\s*")


def _after_header(article: Article, inside: Sequence[Any], start: int) -> int:
    """Where the lede begins after a press office's header of units: "Polda Kalbar, Polres Sanggau,
    Polsek Tayan Hilir, 25 November 2024 – Polsek Tayan Hilir bersama ...", "Polres Blora – Polda
    Jateng – Memasuki ...": the header says who publishes, not who acts or takes part (``start``
    when the sentence has none)."""
    at, header, units = start, start, 0
    for e in inside:
        if e.label not in ("POLICE_UNIT", "DATE") or (
                e.start > at and not _HEADER_GAP.fullmatch(article.text, at, e.start)):
            break
        units += e.label == "POLICE_UNIT"
        at = e.end
        dash = _HEADER_DASH.match(article.text, at)
        if dash is not None:
            header = dash.end()
    return header if units else start


def _lede_dateline(article: Article, start: int, end: int) -> str | None:
    """The dateline's place when the sentence opens with it (the lede) and names no place of its
    own: where the story was filed is where its lede's activity was (the guidelines: the dateline
    city only gives way to a place the sentence names)."""
    m = _DATELINE.match(article.text[start:end])
    if m is not None and not article.dateline:
        # a dateline the page's parser did not take ("KORANTIMOR.COM, SOE - ..." under a caption and a
        # reporter line): the place written in it
        after_bar = start + m.group().rfind("|") + 1  # the place, not the outlet before a bar
        return next((x.text for x in article.entities if x.label == "LOC" and after_bar <= x.start
                     and x.end <= start + m.end()), None)
    if m is None or not article.dateline or article.dateline.casefold() not in m.group().casefold():
        return None
    if _TERRITORIAL.match(article.dateline):  # "POLRES MAJENE – ...": a press office's unit, no place
        return None
    return article.dateline


def _dateline_end(article: Article, start: int, end: int) -> int:
    """Where a dateline at the start of the sentence ends (``start`` when there is none)."""
    m = _DATELINE.match(article.text[start:end])
    return start + m.end() if m else start


def _lies_on(text: str, locs: Sequence[Any], i: int, j: int) -> bool:
    """Whether place ``i`` is the road a venue before it lies on ("Kantor A di Jalan X") and place ``j``
    is a venue of the list going on ("... dan Kantor B"), not a second road."""
    return (i > 0 and _ROUTE.match(locs[i].text) is not None and _ROUTE.match(locs[j].text) is None
            and _HEAD_WORD.match(locs[j].text) is not None
            and re.fullmatch(r",?\s+(?:di|dalam)\s+", text[locs[i - 1].end:locs[i].start]) is not None)


def _loc_runs(article: Article, locs: Sequence[Any], first: bool = False) -> list[tuple[int, int]]:
    """Places as a reviewer writes them: a list of places of one kind joined ("Desa A, Desa B dan
    Desa C"; each apart when the project takes the ``first``), a name written with a dash between two
    places ("Jalan Raya Banjar–Pangandaran")."""
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(locs):
        s, e = locs[i].start, locs[i].end
        head = locs[i].text.split()[0].casefold()
        j = i + 1
        joined = False
        while j < len(locs):
            gap = article.text[e:locs[j].start]
            if gap in ("–", "-", "—"):
                joined = True
            elif first or not (_LIST_JOIN.match(gap) and len(locs[j].text.split()) > 1 and (
                    locs[j].text.split()[0].casefold() == head or gap.strip(" ,").startswith("dan")
                    or (_HEAD_WORD.match(locs[j].text) and _HEAD_WORD.match(locs[i].text)))) or (
                    # not the road a venue lies on and the next venue: "Kantor A di Jalan X dan Kantor B"
                    _lies_on(article.text, locs, i, j)):
                break
            elif " dan " in f" {gap} ":
                joined = True
            e = locs[j].end
            j += 1
        if joined:
            runs.append((s, e))
            i = j
        else:
            runs.append((locs[i].start, locs[i].end))
            i += 1
    return runs


# people taken to a station after the act: "dilerai ... dan dibawa ke Mapolsek X"
_TAKEN_TO = re.compile(r"(?<![^\W_])(?:dibawa|digiring|digelandang|diboyong|diamankan)(?:\s+[a-z]\w*){0,2}"
                       r"\s+ke\s+$", re.IGNORECASE)
# not where the activity is: where a statement was made ("kata Kapolres ... saat ditemui di Mapolres
# X", "ujarnya di Y"), a place inside what a case or talk is about ("memeriksa saksi terkait
# perusakan pagar kantor KPU")
_NOT_HERE = re.compile(r"(?<![^\W_])(?:(?:(?:ditemui|dikonfirmasi|diwawancarai|dihubungi)(?:\s+\w+){0,2}|"
                       r"(?:kata|ujar|ucap|tutur|ungkap)(?:nya)?(?:\s+\w+){0,1})\s+di|(?:terkait|soal|tentang|"
                       r"mengenai|perihal)(?:\s+[a-z][\w-]*){0,5})\s+$", re.IGNORECASE)
# ... the speaker's whole name and titles between ("kata Kepala Polres (Kapolres) X Ajun Komisaris Besar
# Polisi (AKBP) Y di Molibagu, Selasa"): where it was said
_SAID_AT = re.compile(r"(?<![^\W_])(?:kata|ujar|ucap|tutur|ungkap)(?:nya)?(?:,?\s+[A-Z(][^\s;]*){1,16},?"
                      r"\s+di\s+$")
# ... or the speaker named first, as a news agency writes it ("Bonar di Tarempa, Jumat, mengatakan ...")
_SPEAKER_AT = re.compile(r",\s*(?:(?:Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu)(?:\s*\([^()]{1,12}\))?,\s*)?"
                         r"(?:mengatakan|menyebutkan|menjelaskan|menuturkan|mengungkapkan|menyampaikan|menegaskan|"
                         r"menyatakan|mengemukakan)(?![^\W_])")
# "di wilayah Kabupaten X", "di daerah Kecamatan Y": the area the activity covers
_IN_AREA = re.compile(r"(?<![^\W_])(?:di|ke)\s+(?:(?:TPS|TPS-TPS|kantor|pos)\s+)?(?:wilayah|daerah)\s+$",
                      re.IGNORECASE)  # ("di TPS wilayah Kecamatan X": the polling stations of the area)
# the words before a place that say the activity is there: "di", "sekitar", "ruas" (a road), ...
# the people of a venue, met there: "bersilaturahmi dengan pengasuh Pondok Pesantren X", "jemaah Masjid Y"
_VENUE_PEOPLE = frozenset("pengasuh pengurus pimpinan pengelola jemaah jamaah jemaat santri takmir".split())
_AT_WORDS = frozenset("di sekitar halaman depan sepanjang seputar kawasan ruas jalur".split())
# a patrol's route is where it goes ("menyisir Sungai X dari Dermaga Y hingga muara di Kecamatan Z"); an
# escort's is only its way (where it starts or goes, the conventions)
_ROUTE_WORDS = frozenset("menyusuri menyisir melintasi menelusuri".split())
_NOT_TAKING_PART = re.compile(
    r"(?:(?<![^\W_])(?:adu\s+mulut|cekcok|berselisih|bersitegang|perselisihan|keributan|ketegangan)(?![^\W_])"
    r"[^.;]{0,60}?(?<![^\W_])antara\s[^.;]{0,50}?(?<![^\W_])(?:dan|dengan)\s+|"
    r"(?<![^\W_])(?:hingga|sampai)\s+[^,.;]{0,40}?(?<![^\W_])di(?!bantu|dampingi|dukung|perkuat)[a-z]{3,}\s+(?:oleh\s+)?|"
    r"(?<![^\W_])(?:mengantar|mengantarkan|menjemput)\s+|"
    # a party to a quarrel, the one waited on, who receives the goods: "bersitegang dengan petugas KPPS",
    # "menunggu penjelasan KPPS", "kotak suara diterima petugas KPU X"
    r"(?<![^\W_])(?:(?:bersitegang|cekcok|berselisih|bertengkar)\s+dengan|menunggu\s+penjelasan|diterima"
    r"(?:\s+oleh)?)\s+)(?:para\s+)?(?:petugas\s+|anggota\s+|pihak\s+|staf\s+)?$",
    re.IGNORECASE)
_MEETING_FRAME = re.compile(r"\W*(?:dalam|pada|di)\s+(?:rakor|rapat(?:\s+koordinasi)?|pertemuan)\s+"
                            r"(?:itu|tersebut)\s*,", re.IGNORECASE)
_FROM_NAMED = re.compile(r"(?<![^\W_])dari\s+[A-Z]")
_ESCORTING = re.compile(r"(?<![^\W_])(?:mengawal|dikawal|pengawalan|kawal)(?![^\W_])", re.IGNORECASE)
AREA_RANK = 1.5  # "menjaga situasi di wilayah X": the area an act is about, below a place pointed to
LIES_RANK = 2.5  # "yang berada di Kecamatan X": not where the activity is, but a place the text names
# many unnamed places of a kind ("sejumlah TPS yang tersebar di Kecamatan X", "kantor-kantor PPK yang
# berada di ..."): the area they lie in is the one place the sentence names for the act
# (places, not people: "96 personel yang akan bertugas di ..." is no place spread over)
_SPREAD_OVER = re.compile(r"(?<![^\W_])(?:(?:sejumlah|beberapa|seluruh|semua|puluhan|ratusan|\d[\d.]*)"
                          r"\s+(?!(?:personel|personil|anggota|petugas|prajurit|orang)(?![^\W_]))[\w-]+|"
                          r"([a-z]+|TPS)-\1)\s+(?:yang\s+)?$", re.IGNORECASE)


_FRAME_WORDS = frozenset("di dari dalam pada untuk selama sementara".split())
_VERB_WORD = re.compile(r"(?:me|ber|ter|per)[a-z]{3,}|di[a-z]{4,}")


def _fronted_frame(text: str) -> bool:
    """Whether ``text`` is a phrase fronted before a comma with no verb of its own ("Di wilayah
    hukum Polrestabes X"), so no clause telling an activity."""
    words = text.split()
    return bool(words) and words[0].casefold() in _FRAME_WORDS and not any(
        w.islower() and _VERB_WORD.fullmatch(w.strip(",.;()\"'")) for w in words[1:])


# a figure's own verb right after it: "104 personel bertugas ...", "60 personel Sat Samapta disiagakan ..."
_FIGURE_ACTS = re.compile(r"(?:\s+(?:Sat\s?|Satuan\s)?[A-Z][\w-]*){0,4}\s+(?:ber|di|me|ter)[a-z]{3,}"
                          r"(?![^\W_])")
# between two units each placed: " di PPK A dan " (the second unit then " di PPK B")
_UNIT_PLACED = re.compile(r"\s+di\s+[A-Z][^,.;]{0,50}?(,?\s+(?:dan|serta)\s+(?:personel\s+|anggota\s+)?)")
_AT_PLACE = re.compile(r"\s+di\s+[A-Z]")


def clauses(article: Article, start: int, end: int) -> list[tuple[int, int]]:
    """The clauses of the sentence ``start:end`` that each tell an activity of their own group
    ("28 personel menjaga 121 TPS, Polsek Garung menempatkan 22 personel ..., sedangkan Polsek
    Kejajar mengerahkan 18 personel ..."): split after ", sedangkan" or before a unit that has its
    own verb, kept when each part names a unit or a count; else the whole sentence alone. A
    record of a figure split by unit is one record per clause (the guidelines)."""
    cuts: list[tuple[int, int]] = []  # (where the clause before ends, where the next one starts)
    for m in _CONTRAST.finditer(article.text, start, end):
        cuts.append((m.start(), m.end()))
    units = [e for e in article.entities if start < e.start and e.end <= end and _specific(e)]
    for u in units:
        comma = article.text.rfind(",", start, u.start)
        own_verb = _UNIT_VERB.match(article.text, u.end) is not None
        told = any(start <= e.start and e.end <= comma and (e.label == "PERSONNEL" or _specific(e))
                   for e in article.entities)  # not a fronted phrase: "Untuk operasi itu, Polres X ..."
        # (", dan empat polisi Polsek B menjaga ...": the unit's figure before it)
        figure = next((e for e in article.entities if e.label == "PERSONNEL" and comma < e.start
                       and e.end <= u.start and not article.text[e.end:u.start].strip()), None)
        opens = figure.start if figure is not None else u.start
        gap = article.text[comma + 1:opens].strip()  # (", dan Polsek B mengerahkan ...": its own too)
        if comma >= 0 and gap in ("", "dan", "serta") and own_verb and told and not (
                _fronted_frame(article.text[start:comma])):  # "Di wilayah hukum Polres X, Polsek Y ..."
            cuts.append((comma, opens))
    # units listed each with its place, the verb said once: "dijaga personel Polsek A di PPK A dan Polsek B di
    # PPK B": each unit at its place is a record of its own
    for a, b in itertools.pairwise(units):
        joint = _UNIT_PLACED.fullmatch(article.text, a.end, b.start)
        if joint is not None and _AT_PLACE.match(article.text, b.end):
            cuts.append((joint.start(1), b.start))
    # a figure split by place, the verb said once: "180 personel dikirim ke A, 160 personel ke B dan
    # 140 personel ke C"; each figure after the first that goes somewhere is a record of its own
    counts = [e for e in article.entities if start < e.start and e.end <= end and e.label == "PERSONNEL"]
    for c in counts[1:]:
        joint = _ITEM_JOIN.search(article.text, max(start, c.start - 11), c.start)
        if joint is not None and (_GOES_TO.match(article.text, c.end, end)
                                  or _comes_from_place(article, c.end, end)):
            cuts.append((joint.start(), c.start))
    # figures listed each with its own verb: "348 personel ditempatkan di TPS, 104 personel bertugas sebagai
    # perwira pengendali, dan 60 personel Sat Samapta disiagakan ..."
    acts = [c for c in counts if _FIGURE_ACTS.match(article.text, c.end)]
    if len(acts) > 1 and acts[0] is counts[0]:
        for c in acts[1:]:
            joint = _ITEM_JOIN.search(article.text, max(start, c.start - 11), c.start)
            if joint is not None and "," in joint.group():
                cuts.append((joint.start(), c.start))
    # a figure split by unit, the verb said once: "menyiagakan 150 personel Polres X dan 30 personel
    # Batalyon C Satbrimob Y untuk ...", "terdiri atas 150 personel A, 90 personel B dan 170 personel C",
    # "30 personel berasal dari Polres X dan 15 personel dari Polsek Y"; "Polres X menempatkan 30 personel
    # dan Polsek Y 15 personel di ...": each unit's figure is a record of its own (the guidelines)
    # ... or by place, each place before its figure: "logistik untuk Kecamatan A dikawal 12 personel ...,
    # logistik untuk Kecamatan B dikawal 8 personel dan untuk Kecamatan C 6 personel"
    places_at = [e for e in article.entities if start <= e.start and e.end <= end and e.label == "LOC"]
    first_place = [p for p in places_at if counts and p.end <= counts[0].start]
    if first_place and _FOR_PLACE.search(article.text, max(start, first_place[-1].start - 12),
                                         first_place[-1].start):
        for a, c in itertools.pairwise(counts):
            between = [p for p in places_at if a.end <= p.start and p.end <= c.start]
            if len(between) != 1:
                continue
            joints = list(_PLACE_ITEM_JOIN.finditer(article.text, a.end, between[0].start))
            if joints and _FOR_PLACE.fullmatch(article.text, joints[-1].end(), between[0].start):
                cuts.append((joints[-1].start(), joints[-1].end()))
    # ... or by place, the place before each figure and the verb said once, in the first: "Kecamatan A dijaga
    # 64 personel, Kecamatan B 58 personel dan Kecamatan C 52 personel"
    for a, c in itertools.pairwise(counts):
        item = _PLACE_ITEM.fullmatch(article.text, a.end, c.start)
        alone = item is not None and any(p.start == item.start(1) and p.end == item.end(1) for p in places_at)
        if item is not None and alone and any(p.end <= a.start for p in places_at):
            cuts.append((item.start(), item.start(1)))
    # parts in parallel, each with its own verb before its figure: "logistik untuk PPK A di X dikawal 22
    # personel Polsek A, logistik PPK B di Y dikawal 18 personel Polsek B, sedangkan ..."
    for a, c in itertools.pairwise(counts):
        comma = article.text.find(",", a.end, c.start)  # (the part's own commas after: "di halaman, parkir")
        lead = _PARALLEL.fullmatch(article.text, comma + 1, c.start) if comma >= 0 else None
        if lead is not None and _VERB_BEFORE.search(article.text, start, a.start) is not None:
            cuts.append((comma, lead.start(1)))
    # a total, then its parts after a colon: "126 personel digeser ke distrik: 64 personel lewat jalur darat
    # menuju A, 38 personel dengan kapal motor menuju B, sedangkan 24 personel ..." (the total frames them)
    namely = None
    colon = article.text.find(": ", start, end)
    told_total = colon > 0 and any(c.end <= colon for c in counts) and any(
        c.start == colon + 2 for c in counts) and sum(colon < c.start for c in counts) > 1
    namely = _NAMELY.search(article.text, start, end) if not told_total else None
    if namely is not None and "masing" in namely.group() and any(
            c.start > namely.end() and _unit_after(article, units, c.end, end) for c in counts):
        namely = None  # "..., masing-masing 150 personel Polres X, 40 personel Satbrimob Y": split by unit
    if namely is not None and any(c.end <= namely.start() for c in counts) and any(
            c.start == namely.end() for c in counts) and sum(namely.start() < c.start for c in counts) > 1:
        # ... or after "yakni": "36 personel yang dibagi per kecamatan, yakni 14 personel dari PPK A, 12
        # personel dari PPK B dan 10 personel dari PPK C" (the total frames its parts, each a record)
        told_total, colon = True, namely.start()
        cuts.append((namely.start(), namely.end()))
        for c in counts:
            joint = _ITEM_JOIN.search(article.text, max(start, c.start - 11), c.start)
            if c.start > namely.end() and joint is not None:
                cuts.append((joint.start(), c.start))
    if told_total and namely is None:
        cuts.append((colon, colon + 2))
    # ... or by the place fronting each figure: "Di Kecamatan A, 214 personel Polsek A menjaga 658 TPS, di
    # Kecamatan B 176 personel Polsek B menjaga 512 TPS"
    # (or by where each part goes: "Pengawalan ke PPK A dilakukan 8 personel Polsek A, ke PPK B 6 ...")
    for c in counts[1:]:
        comma = article.text.rfind(",", start, c.start)
        lead = _PLACE_FRONT.fullmatch(article.text, comma + 1, c.start) if comma > start else None
        if lead is not None and any(comma < p.start and p.end <= c.start and p.label in (
                "LOC", "ELECTION_BODY") for p in article.entities if start <= p.start < end):
            cuts.append((comma, lead.start(1)))
    for c in counts[1:]:  # "Polres X mengerahkan 702 personel, ditambah 100 personel Satbrimob Y": the
        # first unit's figure, then another unit's added to it ("8 personel yang diperkuat 4 personel BKO Sat
        # Samapta Y")
        joint = _ITEM_JOIN.search(article.text, max(start, c.start - 20), c.start)
        if joint is not None and re.search(r"ditambah|diperkuat", joint.group()) and _unit_after(
                article, units, c.end, end):
            cuts.append((joint.start(), c.start))
    owned = [c for c in counts if _unit_after(article, units, c.end, end) is not None]
    if len(owned) > 1 and len({_unit_after(article, units, c.end, end) for c in owned}) == len(owned):
        for c in owned[1:]:
            joint = _ITEM_JOIN.search(article.text, max(start, c.start - 11), c.start)
            if joint is not None:
                cuts.append((joint.start(), c.start))
    for u in units:
        joint = _ITEM_JOIN.search(article.text, max(start, u.start - 6), u.start)
        if joint is not None and any(c.start == u.end + 1 for c in counts) and any(
                c.end <= joint.start() for c in counts) and _UNIT_VERB.match(article.text, u.end) is None:
            cuts.append((joint.start(), u.start))
    # a part of a total with its own act: "menyiapkan 617 personel, termasuk 120 personel cadangan
    # yang disiagakan di Mapolres X" (two records: the guidelines never sum nor subtract)
    for m in _PART_OF.finditer(article.text[:end], start):
        if any(c.start == m.end() for c in counts) and _OWN_ACT.search(article.text, m.end(), end):
            cuts.append((m.start(), m.start(1)))
    # parts of one guard told in order: "Ring pertama ... diisi ..., ring kedua ... diisi ..."
    first = _ORDERED.match(article.text, start)
    if first is None:  # "Pengamanan dibagi ke dalam tiga ring. Ring satu ...": the parts open the next one
        frame = _FRAME_THEN_PARTS.search(article.text, start, end)
        first = _ORDERED.match(article.text, frame.end()) if frame is not None else None
    if first is not None:
        for m in re.finditer(rf",\s+(?:dan\s+)?({re.escape(first.group(1))}\s+{_ORDINAL})(?![^\W_])",
                             article.text[:end], re.IGNORECASE):
            if m.start() > start:
                cuts.append((m.start(), m.start(1)))
    if not cuts:
        return [(start, end)]
    out, at = [], start
    ends: dict[int, int] = {}
    starts: dict[int, int] = {}
    for cut_end, nxt in cuts:  # (two rules cutting before one part: the earlier end, ", dan" at its comma)
        starts[nxt] = min(cut_end, starts.get(nxt, cut_end))
    for nxt, cut_end in starts.items():  # (two rules cutting at one comma: the later start, past "sedangkan")
        ends[cut_end] = max(nxt, ends.get(cut_end, nxt))
    for cut_end, nxt in sorted(ends.items()):
        out.append((at, cut_end))
        at = nxt
    out.append((at, end))
    # a part of an ordered guard may be filled by people named by their role ("diisi Bhabinkamtibmas")
    people = ("PERSONNEL", "ROLE") if first is not None else ("PERSONNEL",)
    telling = [any(s <= e.start and e.end <= t and (e.label in people or _specific(e))
                   for e in article.entities) for s, t in out]
    if len(out) > 2 and all(telling[:-1]) and not telling[-1]:
        # "..., ditambah 100 personel Satbrimob Y, sementara sisanya berasal dari Kodim Z": a last clause
        # telling no unit's figure goes with the one before it
        out = [*out[:-2], (out[-2][0], end)]
        telling = telling[:-1]
    if len(out) > 2 and (_TOTAL_BACK.fullmatch(article.text, *out[0]) or (told_total and out[0][1] == colon)
                         or _TOTAL_AFTER_STOP.search(article.text, *out[0])):
        out = out[1:]  # "Dari 96 personel itu, 38 personel ...": the total named back frames its parts (the
        # sentence telling the total too, when the evidence holds it: "... melibatkan 45 personel. Dari jumlah
        # itu, 12 personel ...")
    return out if all(telling) else [(start, end)]


_FROM_AFTER = re.compile(r"\s+dari\s+")
_FIGURE_FROM = re.compile(r"\W*(?:(?:\d[\d.]*|[a-z]+)\s+(?:personel|personil|anggota)\s+|"
                          r"(?:dan\s+|sedangkan\s+|sementara\s+)?)dari\s+")


def _comes_from_place(article: Article, at: int, end: int) -> bool:
    """Whether the figure ending at ``at`` is followed by the place it comes from ("dan 16 personel dari
    Distrik B": a part of an escort split by where each starts; not "dari Polres X", a unit)."""
    m = _FROM_AFTER.match(article.text, at, end)
    return m is not None and any(e.start == m.end() and e.label in ("LOC", "ELECTION_BODY")
                                 for e in article.entities)


# a place alone, then its figure, after the figure before: ", Kecamatan B 58 personel", " dan Distrik C 26"
_PLACE_ITEM = re.compile(r"(?:,\s*|,?\s+(?:dan|serta)\s+)([A-Z][^,;.\d]{1,60}?)\s+")
# what joins a figure to the unit it is of: "150 personel Polres X", "30 personel berasal dari Polres X"
_PLACE_FRONT = re.compile(r"\s+((?:dan\s+|sedangkan\s+|sementara\s+)?(?:di|ke|untuk|menuju|dari)\s+"
                          r"[A-Z][^,;.]{1,60}?)\s+")
# a clause of its own before a figure: its subject, a place maybe, and a passive verb right before the
# figure ("logistik PPK B di Y dikawal 18 personel"), as the clause before it told its own
_PARALLEL = re.compile(r"\s+((?!(?:dan|serta|sedangkan|sementara|yang|dengan|termasuk|ditambah)\s)[a-z][\w-]*"
                       r"(?:\s+[\w()/.-]+){0,8}?\s+di[a-z]{3,}(?:kan|i)?\s+(?:oleh\s+)?)")
_VERB_BEFORE = re.compile(r"(?<![^\W_])di[a-z]{3,}\s+(?:oleh\s+)?$")
# a total's parts introduced ("36 personel ..., yakni 14 personel dari PPK A, ...")
_NAMELY = re.compile(r",?\s+(?:yakni|yaitu|masing-masing|rinciannya|dengan\s+rincian)\s*:?\s+", re.IGNORECASE)
# a total named back to open the split of it ("Dari 96 personel itu,")
_TOTAL_BACK = re.compile(r"\W*dari\s+(?:(?:total\s+|jumlah\s+)?\d[\d.]*\s+(?:personel|personil|anggota)|"
                         r"(?:jumlah|total|kekuatan)(?:\s+personel)?)\s+(?:itu|tersebut)\W*", re.IGNORECASE)
_TOTAL_AFTER_STOP = re.compile(rf"[.!?][\"”]?\s+{_TOTAL_BACK.pattern}$", re.IGNORECASE)
_OF_UNIT = re.compile(r"\s+(?:(?:yang\s+)?(?:berasal\s+)?dari\s+|(?:merupakan\s+)?(?:BKO|bko)\s+(?:dari\s+)?|"
                      r"merupakan\s+)?")  # ("60 personel merupakan BKO Satbrimob X")


def _unit_after(article: Article, units: Sequence[Any], at: int, end: int) -> str | None:
    """The specific unit a figure ending at ``at`` is of, written right after it, else None."""
    m = _OF_UNIT.match(article.text, at, end)
    if m is None:
        return None
    return next((u.text for u in units if u.start == m.end()), None)


def _first_clause_end(article: Article, start: int, end: int) -> int:
    """Where the sentence's first clause ends: what a record of the whole sentence is about."""
    return clauses(article, start, end)[0][1]


# an unnamed venue, then the named one it occupies or lies in: "gudang logistik KPU yang menempati GOR X"
_OCCUPIES = re.compile(r",?\s+yang\s+(?:menempati|memakai|terletak\s+di|berada\s+di|bertempat\s+di)\s+"
                       r"(?:(?:halaman|kompleks|komplek|area|kawasan)\s+)?(?=[A-Z])")


def _occupied_venue(article: Article, spans: Sequence[tuple[int, int]], s: int,
                    e: int) -> tuple[int, int] | None:
    """The named venue an unnamed one (a kind of venue and its body, "gudang logistik KPU") occupies or
    lies in, as a reviewer places it ("... yang menempati GOR Dharma Santi"); ``None`` unless the
    place ``s:e`` is such an unnamed venue and a venue with a name (not a region) follows it."""
    words = article.text[s:e].split()
    if not words or not words[0].islower() or not all(w.islower() or (w.isupper() and len(w) <= 6)
                                                      for w in words[1:]):
        return None
    m = _OCCUPIES.match(article.text, e)
    if m is None or _HEAD_WORD.match(article.text, m.end()) is None or _ROUTE.match(article.text, m.end()):
        return None
    ends = [pe for ps, pe in spans if ps == m.end()]  # a labelled place, or a venue the text names ("Gor X")
    return (m.end(), max(ends)) if ends else None


def _places(article: Article, inside: Sequence[Any], start: int, end: int,
            toward: bool = False, first: bool = False) -> list[tuple[float, int, int]]:
    """The places the sentence ``start:end`` names for its activity, as (rank, start, end): 0 after
    "di", 1 after "ke"/"menuju" or the start of a movement ("dari Gudang ... menuju"), 2 with no
    preposition; a place in a scene-setting clause ("Setibanya di Elat, ...") ranks lower, one that
    only says where a thing lies ("berada di") lower still; a place one comes "dari" and a bare
    kind of place ("kecamatan", "TPS") are left out; ``toward``: where people are sent, so the place
    they leave "dari" is left out too."""
    body = _dateline_end(article, start, end)
    end = max(body, _first_clause_end(article, start, end))  # "..., sedangkan 75 personel ... di Mapolres"
    units = [e for e in inside if e.label == "POLICE_UNIT"]
    # "Polres Kapuas Hulu, Kalimantan Barat, menggeser" (or "... (OKI), Sumatera Selatan,"): the
    # province after a unit only says where it is
    locs = [e for e in inside if e.label == "LOC" and body <= e.start and e.end <= end and not any(
        re.fullmatch(r"(?:\s*\([^()]{1,20}\))?\s*,\s*", article.text[u.end:e.start]) for u in units
        if u.end <= e.start) and not _OFFICE_OF.search(article.text, max(body, e.start - 12), e.start)
        and not _BODY_NAMED.search(article.text, max(body, e.start - 60), e.start)]
    moving = _MOVING.search(article.text, body, end) is not None and not toward
    places: list[tuple[float, int, int]] = []
    after_prep: set[int] = set()
    for pattern in (_KIND_OF_VILLAGE, _VENUE, _VISITED, _BARE_VENUE):
        for m in pattern.finditer(article.text, body, end):
            s, e = m.span(1)
            count = _COUNT_TAIL.search(article.text, s, e)
            if count is not None and _PEOPLE_AFTER.match(article.text, e):
                e = count.start()  # "di halaman gedung 65 personel": the figure is the people's, not a number
            if pattern is not _BARE_VENUE:
                if s in after_prep:
                    continue
                after_prep.add(s)
            elif s in after_prep:
                continue  # the same venue, already ranked by its preposition
            base = 2.0 if pattern is _BARE_VENUE else 0.0  # "menyambangi X": the place visited
            if pattern is _VENUE or pattern is _KIND_OF_VILLAGE:
                prep = article.text[m.start():m.start(1)].split()[0].casefold()
                base = 0 if prep == "di" else 1 if prep != "dari" else 1 if moving else 3
                if prep == "dari" and moving and _ESCORT_VERB_FROM.search(article.text, e, end):
                    base = 1.5  # (as for a place's run below: the group's origin, the escort's start after)
            if pattern is not _KIND_OF_VILLAGE and article.text[s].islower() and _PLACE_AFTER.match(
                    article.text, e) and (all(w.islower() or (w.isupper() and len(w) <= 6)
                                                     for w in article.text[s:e].split()[1:])):
                # "dari gudang KPU di Aek Badak", "menyisir kantor PPK di Kecamatan X dan Y", "berjaga di
                # rumah warga di Desa Z": an unnamed venue is known by the place it lies in (a venue named
                # by its body and place, "kantor Bawaslu Kota X di Jalan Y", "dari gudang logistik KPU X di
                # Y", is the venue, as the guidelines' "Gudang Logistik KPU Kabupaten Lebak")
                base = 3
            phrase = article.text[s:e]
            covering = next((x for x in locs if x.start <= s < x.end or s <= x.start < e), None)
            if covering is not None and covering.end > e:
                e = covering.end
            words = phrase.split()
            # "lapangan Mapolres Garut", "pos penyekatan Jembatan X": the venue is named
            # (not a village a body is named by, "sekretariat PPS Desa X", nor the body's own office word,
            # "kantor Sekretariat PPK X"); a hall is a venue of its own, "aula Kantor Camat X" (dev: 6 of 7)
            named = next((w for i, w in enumerate(words[1:3], 1) if _VENUE_WORD.match(w) or (
                w[:1].isupper() and w.casefold() != "sekretariat" and (_HEAD_WORD.fullmatch(w) or (
                    _ADMIN.fullmatch(w) and not words[i - 1].isupper())))), None) if (
                words[0].islower() and pattern is not _KIND_OF_VILLAGE and words[0] != "aula") else None
            if named is not None:
                s = article.text.index(named, s)
            # "kecamatan", "TPS", "tempat pemungutan suara": a kind of place, not a venue
            bare = len(words) == 1 or phrase.casefold() == "tempat pemungutan suara"
            places.append((base + (3 if bare else 0), s, e))
    for u in units:  # "Rakor digelar di Polres Malang": a unit's headquarters as the venue
        after_di = article.text[max(body, u.start - 4):u.start] in (" di ", "\ndi ")
        if after_di and u.end <= end and _specific(u) and _TERRITORIAL.match(u.text):
            places.append((1.0, u.start, u.end))
    seated = -1  # where the last body taken as a place ends ("ke PPK A dan PPK B": the list)
    seat_rank = 1.0
    for b in inside:  # "40 personel berjaga di PPK Maulafa": the body's seat, where its count is held
        if b.label == "ELECTION_BODY" and seated >= 0 and b.end <= end and _LIST_JOIN.match(
                article.text[seated:b.start]):
            places.append((seat_rank, b.start, b.end))
            seated = b.end
            continue
        seated = -1
        at_seat = article.text[max(body, b.start - 4):b.start] in (" di ", "\ndi ") or bool(
            _COUNT_FROM.search(article.text, max(body, b.start - 30), b.start))  # "14 personel dari PPK A"
        # "kotak suara dari PPK A dikawal ...": where the escort starts, unless a venue it leaves is named
        left = moving and _LEFT_FROM.search(article.text, max(body, b.start - 8), b.start) is not None
        # "PPK Long Kali dijaga 14 personel", "Pleno PPK X dijaga ...": the body's seat, guarded
        guarded = _BODY_GUARDED.match(article.text, _bodies_end(article, inside, b)) is not None
        left = left or (guarded and not _OFFICE_BEFORE.search(article.text, max(body, b.start - 14), b.start))
        # (not "kantor Bawaslu X dijaga": the office; "PPK A dan PPK B mendapat pengawalan Polsek A": a list)
        if b.label == "ELECTION_BODY" and _SEATED_BODY.match(b.text) and body <= b.start and (
                b.end <= end and (at_seat or left or (
                _TO_BODY.search(article.text, max(body, b.start - 8), b.start)
                and "Provinsi" not in b.text))):
            # (a body goods go to gives way to a venue they are taken from: "logistik untuk PPK X diangkut
            # dengan perahu dari Dermaga Y": an escort starts where it takes the goods over)
            # ("Dari PPK X, kotak suara dikawal ... ke gudang": where the escort starts, not where it goes)
            fronted = article.text[max(body, start):b.start].strip().casefold() == "dari"
            seat_rank = 1.0 if at_seat or fronted else 1.2
            places.append((seat_rank, b.start, b.end))
            seated = b.end
    runs = _loc_runs(article, locs, first)
    levels: set[int] = set()  # "pleno ... tingkat Kecamatan X di Aula Y": the level counted at, not a place
    for run_s, run_e in runs:
        last = (article.text[max(body, run_s - 25):run_s].casefold().split() or [""])[-1]
        if last == "tingkat":
            levels.add(run_s)
        named_venue = _HEAD_WORD.match(article.text, run_s) is not None
        origin: float = 1 if moving else 2 if named_venue else 3  # "dari Pelabuhan X": an escort starts there
        if moving and last == "dari" and _ESCORT_VERB_FROM.search(article.text, run_e, end):
            origin = 1.5  # "Rombongan dari X dikawal ... dari Terminal Y": who they are, not the start
        area = _IN_AREA.search(article.text, max(body, run_s - 25), run_s) is not None
        at_area = area and article.text[max(body, run_s - 25):run_s].casefold().split()[-2:-1] == ["di"]
        route = last in _ROUTE_WORDS and _ESCORTING.search(article.text, body, end) is None and (
            _FROM_NAMED.search(article.text, body, run_s) is None)  # ("dari Mapolda X menyusuri ...")
        rank = 0 if last in _AT_WORDS or route else AREA_RANK if at_area else \
            1 if last in ("ke", "menuju") or area else \
            3 if last == "dari" and _DISTANCE_FROM.search(article.text, max(body, run_s - 60), run_s) else \
            origin if last == "dari" else 3 if last in ("asal", "wilayah") else \
            0.5 if last in _VENUE_PEOPLE and named_venue else 2  # "dengan pengasuh Pondok Pesantren X"
        places.append((rank, run_s, run_e))
    out: list[tuple[float, int, int]] = []
    spans = [(x.start, x.end) for x in locs] + [(ps, pe) for _, ps, pe in places]
    for base_rank, s, e in places:
        if base_rank >= 3:
            continue  # a bare kind of place or where things come from: never the place
        if any(rs < s and e <= re_ and (rs, re_) != (s, e) for rs, re_ in runs):
            continue  # "ke Kantor KPU X dan Kantor Bawaslu X di Y": the list stands for its later items
        before = article.text[max(body, s - 60):s]
        weight = float(base_rank)
        occupied = _occupied_venue(article, spans, s, e)
        if occupied is not None:  # "ke gudang logistik KPU yang menempati GOR X": the venue named
            s, e = occupied
        frame = _FRAME.fullmatch(article.text[body:s])
        scene = _SCENE_PLACE.search(before)
        if scene is not None and scene.group().split()[0].casefold() in _AFTER_WORDS:
            at = max(body, s - 60) + scene.start()
            opened = max(body, article.text.rfind(",", body, at) + 1)
            if any(w.islower() and _VERB_WORD.fullmatch(w) for w in article.text[opened:at].split()) and not (
                    _GOES_AWAY.search(article.text, opened, at)):
                # "menyampaikan imbauan usai salat isya di Masjid X": the act there, after it (not
                # "menggeser 1.200 personel ke Kecamatan X usai apel di Mapolres Y": the act goes elsewhere)
                scene = None
        if scene is not None or (_ARRIVES.search(before) and _PLACED.search(article.text, e, end)):
            weight += 1.5  # ("tiba di Mapolres X ... dan akan ditempatkan di TPS Y": where they go to serve)
        elif frame is not None and _FRAME_END.match(article.text, e) and not (
                moving and frame.group(1).casefold() == "dari") and not any(
                w.islower() and _VERB_WORD.fullmatch(w.strip(",")) for w in frame.group(0).split()[:-1]):
            weight += 1  # "Di Kecamatan Cikajang, ... berjaga di kantor PPK": the frame, then the venue
            # (not "Dari Pelabuhan X, kotak suara dikawal ... menuju Y": where the escort starts)
        lies = _LIES.search(before)
        if (lies is not None and not _SPREAD_OVER.search(before, 0, lies.start())
                and not _KIND_LIES.search(before)):
            posted = _FORCE_POSTED.search(before) is not None and not _MUSTER.search(article.text, body, end)
            weight = max(weight, 2.2 if posted else LIES_RANK)
        elif _NOT_HERE.search(before) or _SAID_AT.search(article.text, max(body, s - 200), s) or (
                _TAKEN_TO.search(before) and _HEADQUARTERS.match(article.text, s)) or (
                before.endswith(" di ") and _SPEAKER_AT.match(article.text, e) and any(
                    x.label == "PERSON" and x.end == s - 4 for x in inside)):
            # "kata Kapolres saat ditemui di Mapolres X": where it was said, not done; "dilerai ... dan
            # dibawa ke Mapolsek X": where those held were taken after
            weight = 3
        elif _DESTINATION.search(before):
            weight = max(weight, 1)  # "ke TPS-TPS di Pulau Kanalo": where the destination lies
        if _INCLUDED.search(before) and _HEAD_WORD.match(article.text, s) and article.text[s].isupper():
            weight = min(weight, 0) - 0.5  # "sejumlah titik di kota X, termasuk Kantor KPU ...": the venues
        if _ROUTE_END.search(before) and _ROUTE_START.search(article.text, body, s):
            weight = max(weight, 2.2)  # "menyusuri Jalan X hingga kawasan Pelabuhan Y": the route's end
        if _STANDS_BY.search(before) and _TO_FETCH.match(article.text, e, end):
            weight = max(weight, 1.5)  # "disiagakan di Dermaga X untuk mengawal ... dari A": it acts from A
        cause = _CAUSE.search(before)
        if cause is not None and any(p[1] < max(body, s - 60) + cause.start() for p in places):
            # "dari Turikale ... akibat jalan tertutup longsor di Kecamatan X": where the cause is, after
            # the act's own place (a cause naming the only place, "karena jalan dari Desa A menuju Desa B
            # tidak bisa dilalui", is the route)
            weight = 3
        if _CAME_FROM.search(before):
            weight = 3  # "simpatisan yang datang dari desa-desa di Kabupaten X": where others come from
        if _AS_PLACE.match(article.text, e) and article.text[s].isupper():
            weight = min(weight, 0.5)  # "menyiapkan Aula Kantor Camat X sebagai tempat singgah personel"
        if _CONCEDED.match(article.text, body, s):
            weight = 3  # "Meski sidang berlangsung di Jakarta, ... patroli": where another thing is
        if _ASKED_TO.search(article.text, body, s):
            weight = 3  # "mengimbau simpatisan agar tidak membawa atribut ke Masjid X": what others are asked
        if _WITH_BODY.search(before):
            weight = 3  # "memantau gelombang bersama Stasiun Meteorologi X": a body worked with, not a place
        # "Gudang Logistik KPU ... di Desa Aek Badak": the second place says where the first lies
        # (not a named venue after a region: "bersama warga Kelurahan X, Kecamatan Y, di Aula Kantor Lurah X":
        # the hall is where the act is, the region whose people came)
        host = [p for p in places if p[2] <= s and p[0] < 3 and _LIES_IN.match(article.text[p[2]:s])
                and p[1] not in levels and not (_REGION_HEAD.match(article.text, p[1]) and _named_venue(
                    article.text, s))]
        if host:
            continue
        # ... and lifts it to the rank of its "di", unless the venue is where a movement goes ("menuju
        # Gudang X di Desa Y": the escort starts where it comes "dari")
        later_item = any(p[2] <= s and _LIST_JOIN.match(article.text[p[2]:s]) for p in places)
        lying = [p[0] for p in places if p[1] >= e and _LIES_IN.match(article.text[e:p[1]])
                 and not _TOWARD.search(article.text, max(body, s - 12), s) and s not in levels
                 and not later_item]  # ("ke kantor KPU X dan kantor Bawaslu Y di Z": both go to Z)
        out.append((min([weight, *lying]) if weight < 3 else weight, s, e))
    return [p for p in out if p[0] < 3]


_FROM_BEFORE = re.compile(r"(?<![^\W_])dari\s+$", re.IGNORECASE)
# an election body with its place, whose seat is where it works ("di PPK Maulafa"; not a joint team,
# "di Sentra Gakkumdu")
# a figure of people from an election body ("14 personel dari PPK Batu, 12 personel dari PPK Bumiaji"): where
# that part works from, not who they are
_COUNT_FROM = re.compile(r"(?<![^\W_])\d[\d.]*\s+(?:personel|personil|anggota)\s+dari\s+$")
_TO_BODY = re.compile(r"(?<![^\W_])(?:ke|menuju|untuk)\s+$")  # "dikawal ke PPK Kejajar": where the goods go
_SEATED_BODY = re.compile(r"(?:KPU|KIP|PPK|PPS|PPD|Bawaslu|Panwascam|Panwaslu)\s+[A-Z]")
# where goods are taken from: "kotak suara dari PPK A dikawal", "Dari PPK A, kotak suara dikawal"
_LEFT_FROM = re.compile(r"(?<![^\W_])[Dd]ari\s+$")
_OFFICE_BEFORE = re.compile(r"(?<![^\W_])(?:kantor|gudang|sekretariat|aula|gedung|posko)\s+$", re.IGNORECASE)
_BODY_GUARDED = re.compile(r",?\s+(?:juga\s+|tetap\s+)?(?:(?:dijaga|diamankan|dikawal)(?:\s+langsung)?\s+"
                           r"(?:oleh\s+)?(?:(?:\d[\d.]*|[a-z]+)\s+)?(?:personel|personil|anggota|polisi)(?![^\W_])|"
                           r"mendapat\s+(?:pengawalan|penjagaan|pengamanan)\s+(?:dari\s+)?(?=[A-Z\d]))")


def _bodies_end(article: Article, inside: Sequence[Any], b: Any) -> int:
    """Where the list of election bodies opening with ``b`` ends ("PPK A dan PPK B", "PPK A, PPK B")."""
    end: int = b.end
    for e in inside:
        if e.start >= end and e.label == "ELECTION_BODY" and _LIST_JOIN.match(article.text[end:e.start]):
            end = e.end
        elif e.start >= end:
            break
    return end


_COUNT_TAIL = re.compile(r"\s+\d[\d.]*$")
_PEOPLE_AFTER = re.compile(r"\s+(?:personel|personil|anggota|orang|petugas|prajurit)(?![^\W_])",
                           re.IGNORECASE)
_WITH_BODY = re.compile(r"(?<![^\W_])(?:bersama|dengan)\s+(?:pihak\s+)?$", re.IGNORECASE)
_REGION_HEAD = re.compile(rf"(?:{_ADMIN.pattern}|Kabupaten|Kab\.|Kota|Provinsi|Pulau|Kec\.)(?![^\W_])")


def _named_venue(text: str, at: int) -> bool:
    """Whether a venue with a name starts at ``at`` ("Balai Desa Y", "TPS 05"), not a road or a region."""
    return text[at:at + 1].isupper() and _HEAD_WORD.match(text, at) is not None and (
        _ROUTE.match(text, at) is None and _REGION_HEAD.match(text, at) is None)


def _body_venue(place: str) -> bool:
    """Whether a place is an unnamed venue known by its body and place ("kantor PPK Miangas", "gudang
    logistik KPU X"): a kind of venue in lower case, then a name."""
    words = place.split()
    return len(words) > 1 and words[0].islower() and _HEAD_WORD.fullmatch(words[0]) is not None and (
        _ROUTE.match(words[0]) is None) and any(w[:1].isupper() for w in words[1:])


def names_a_venue(sentence: str) -> bool:
    """Whether the sentence names a venue after a preposition ("di sekitar kantor camat"), labelled
    as a place or not (the suggestions count it as a cue of an activity sentence)."""
    return any(len(m.group(1).split()) > 1 for m in _VENUE.finditer(sentence))


def location_in(article: Article, inside: Sequence[Any], start: int, end: int,
                max_rank: float = LIES_RANK, toward: bool = False,
                first: bool = False) -> tuple[str, float] | None:
    """Where the activity of the sentence ``start:end`` happens and how surely (the rank of
    ``_places``): a venue after "di" (or "ke", "menuju") first, else the first place that is not
    the dateline nor a unit's province; places listed together are the list as written, or
    (``first``: the project's convention) only the first of them."""
    contrast = _CONTRAST.search(article.text, start, end)
    places = [p for p in _places(article, inside, start, contrast.start(), toward, first)
              if p[0] < max_rank] if contrast is not None else []
    # ("40 personel di Kecamatan X, sedangkan personel BKO disiagakan di Mapolres Y": the clause's own
    # place, the one after ", sedangkan" another group's)
    places = places or [p for p in _places(article, inside, start, end, toward, first) if p[0] < max_rank]
    if not places:
        return None
    # of places ranked alike, a named venue beats a region ("Kegiatan di Kecamatan X dilaksanakan ... di Balai
    # Desa Y": the hall; not where a movement starts, "dari Kecamatan X menuju Gudang Y")
    # (a place by its bare name, "Sementara di Miangas, ... yang disimpan di kantor PPK Miangas", is a
    # region too, and an unnamed venue known by its body and place is a venue)
    def region_beaten(v: tuple[float, int, int]) -> bool:
        if _FROM_BEFORE.search(article.text, max(start, v[1] - 8), v[1]):
            return False
        if _REGION_HEAD.match(article.text, v[1]) is not None:
            return any(p[0] == v[0] and (_named_venue(article.text, p[1]) or _body_venue(
                article.text[p[1]:p[2]])) for p in places)
        return _HEAD_WORD.match(article.text, v[1]) is None and article.text[v[1]:v[1] + 1].isupper() and any(
            p[0] == v[0] and _body_venue(article.text[p[1]:p[2]]) for p in places)

    rank, s, e = min(places, key=lambda v: (v[0], region_beaten(v), v[1], v[1] - v[2]))
    head = article.text[s:e].split()[0].casefold()
    starts = [s]  # venues each written with where it lies: "Kantor A di Jalan X dan Kantor B di Jalan Y"
    listed = [(s, e)]
    for _, ns, ne in sorted(places, key=lambda v: v[1]):  # "TPS 03 Desa A dan TPS 11 Desa B": one list
        of_list = ns >= e and (article.text[ns:ne].split()[0].casefold() == head or _venues_listed(
            article.text, s, ns))
        if (ns == s and ne > e) or (of_list and not first and _LIST_JOIN.match(article.text[e:ns])):
            e = ne
            listed[-1] = (listed[-1][0], ne)
        elif of_list and not first and _LIES_THEN_JOIN.fullmatch(article.text, e, ns) is not None:
            starts.append(ns)
            listed.append((ns, ne))
            e = ne
    if len(listed) > 1:  # the venues, as a reviewer lists them ("Kantor A dan Kantor B")
        names = [article.text[a:b].strip(" ,.") for a, b in listed]
        return f"{', '.join(names[:-1])} dan {names[-1]}", rank
    rest = _HYPHEN_REST.match(article.text, e) or _ACRONYM_REST.match(article.text, e)
    if rest is not None:  # "Langgar Al" before "-Hidayah", "Tempat Pelelangan Ikan" before "(TPI)
        e = rest.end()  # Tanjung Seloka": a name cut at its hyphen or its acronym goes on
    villages = _villages(article.text, s, e) if not first else None
    if villages is not None:
        return villages, rank
    # "di Kecamatan A, B dan C", "yakni Bukit Kemuning dan Abung Tinggi": the later names left unmarked
    bare = _BARE_LIST.match(article.text, e) if not first and (_ADMIN.match(article.text, s) or (
        _HEAD_WORD.match(article.text, s) is None and not article.text[s:e].count(" dan "))) else None
    if bare is not None and not any(_ADMIN.fullmatch(w) or _HEAD_WORD.fullmatch(w) or _REGION.fullmatch(w)
                                    for w in bare.group().split()) and not any(
            x.label != "LOC" and e <= x.start < bare.end() for x in article.entities):
        e = bare.end()  # "di Kecamatan A, B dan C": the districts, the head written once
    text = article.text[s:e].strip(" ,.")
    return (text, rank) if text else None


_VILLAGE_OF = re.compile(r"((Desa|Kelurahan|Kampung|Dusun|Gampong|Nagari|Pekon)\s+"
                         r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*?)\s+(?:Kecamatan|Kec\.)\s+[A-Z][\w'’-]*(?:[\s-]+[A-Z][\w'’-]*)*")
_REGION = re.compile(r"Kabupaten|Kab\.|Kota|Provinsi|Pulau|Kec\.|Ds\.")
_NAME = r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}"
_BARE_LIST = re.compile(rf"(?:\s*,\s*{_NAME})*\s*,?\s+dan\s+{_NAME}(?=\s*[,.;]|\s+[a-z]|\s*$)")
_VILLAGE_JOIN = re.compile(r"\s*(?:,\s*dan|,|dan)\s+")


# the place a listed venue lies in, then the list goes on: ", di Jalan X, dan", " di Jalan X dan"
_LIES_THEN_JOIN = re.compile(r",?\s+(?:di|dalam)\s+[A-Z][^,.;()]{1,50}?(\s*,\s*(?:dan\s+)?|,?\s+dan\s+)")


def _villages(text: str, s: int, e: int) -> str | None:
    """Villages each written with its district and no comma ("di Desa A Kecamatan B dan Desa C
    Kecamatan D"): the villages, as the text joins them ("Desa A dan Desa C"); ``None`` unless the
    place ``s:e`` is such a village."""
    while e > s and text[e - 1] in " ,.":
        e -= 1
    first = _VILLAGE_OF.fullmatch(text, s, e)
    if first is None:
        return None
    out, at = first.group(1), e
    while (join := _VILLAGE_JOIN.match(text, at)) is not None:
        more = _VILLAGE_OF.match(text, join.end())
        if more is None or more.group(2) != first.group(2):
            break
        out += text[at:join.end()] + more.group(1)
        at = more.end()
    return out


def _venues_listed(text: str, s: int, ns: int) -> bool:
    """Whether the places at ``s`` and ``ns`` are venues named by their kinds, capitalised ("Kantor KPU,
    Kantor Bawaslu dan Gudang Logistik"): one list of the places guarded, whatever their kinds."""
    return all(text[at].isupper() and _HEAD_WORD.match(text, at) is not None
               and _ROUTE.match(text, at) is None for at in (s, ns))


def _title_end(article: Article) -> int:
    """Where the headline ends in the text (0 when the text does not start with it)."""
    at = article.text.find(article.title) if article.title else -1
    return at + len(article.title) if 0 <= at < 400 else 0


def _reference(earlier: Sequence[ActivityRecord], start: int) -> ActivityRecord | None:
    """The record a new one takes its defaults from: the last saved before its sentence, else
    the first one."""
    before = [r for r in earlier if r.evidence and r.evidence[0].start <= start]
    if before:
        return max(before, key=lambda r: r.evidence[0].start)
    return earlier[0] if earlier else None


# an activity told as done before the statement, or by its results
_DONE_BEFORE = re.compile(r"(?<![^\W_])(?:(?:telah|sudah)\s+(?:me|di|ber)\w+|"
                          r"(?:dari\s+hasil|berdasarkan(?:\s+hasil)?)\s+"
                          r"(?:pemetaan|pendataan|analisis|penilaian|evaluasi))(?![^\W_])", re.IGNORECASE)
# "Sebelumnya, Polres X juga meningkatkan koordinasi ...": told as done before the day of the story
_BEFORE_OPENING = re.compile(r"^\W*(?:sebelumnya|sebelum\s+itu)\s*,", re.IGNORECASE)
# ... but "Sebelumnya, pagi hari, ...", "Sebelumnya, pukul 05.00 WIB, ...": earlier the same day
_EARLIER_THAT_DAY = re.compile(r"^\W*(?:sebelumnya|sebelum\s+itu)\s*,\s*(?:(?:pada\s+)?"
                               r"(?:pagi|siang|sore|petang)(?:\s+(?:hari|harinya|tadi))?\s*,|pukul\s+\d)",
                               re.IGNORECASE)
_SINCE = re.compile(r"(?<![^\W_])sejak\s+(?:awal|dimulainya|tahapan)(?![^\W_])", re.IGNORECASE)
PLANNING = "planning"
_PATROL_TOO = re.compile(r"(?<![^\W_])(?:(?:menggelar|melaksanakan|melakukan|untuk)\s+patroli|berpatroli)"
                         r"(?![^\W_])[^.;]{0,120}?,?\s+sekaligus\s", re.IGNORECASE)
DEPLOYMENT = "troop_deployment"
_SENT_FROM = re.compile(r"(?<![^\W_])dari\s+[^.;]*?(?<![^\W_])(?:ke|menuju)\s", re.IGNORECASE)
_SHIFTS = {"sehari sebelumnya": -1, "sehari sebelum": -1, "sehari kemudian": 1, "keesokan harinya": 1,
           "keesokan hari": 1, "esok harinya": 1, "dua hari sebelumnya": -2, "besok": 1,
           # "Malam sebelum PSU, personel ... patroli": the eve of the day the page tells
           "malam sebelum": -1, "malam sebelumnya": -1}
# "... juga akan disiagakan di Mapolsek X pada hari yang sama": the day the sentence before gives (a
# sentence opening "Pada hari yang sama, ..." sets itself beside the story's own day instead)
# ("Malam itu juga TPS sudah kami jaga": the night the sentence before told)
_SAME_DAY = re.compile(r"(?<![^\W_])(?:hari|malam|pagi|siang|sore|petang)\s+(?:yang\s+sama|itu(?:\s+juga)?)"
                       r"(?![^\W_])", re.IGNORECASE)
_OPENER = re.compile(r"\W*(?:pada\s+)?", re.IGNORECASE)
# a relative clause telling when a force arrived: its day shift dates the arrival, not the act
_ARRIVED_SHIFT = re.compile(r"(?<![^\W_])yang\s+(?:sudah\s+|telah\s+)?(?:tiba|datang|didatangkan|"
                            r"diberangkatkan)(?![^\W_])[^,.;]*$", re.IGNORECASE)
_UNTIL_SHIFT = re.compile(r"(?<![^\W_])(?:hingga|sampai)\s[^,.;]*$", re.IGNORECASE)
_DAY_SHIFT = re.compile(rf"(?<![^\W_])({'|'.join(sorted(_SHIFTS, key=len, reverse=True))})(?![^\W_])",
                        re.IGNORECASE)
# "Polsek X di bawah Polres Y, Polda Z", "Polsek X di bawah naungan Polres Y": the units it belongs to
_UNDER = re.compile(r"^[\s,()]*(?:di\s*bawah(?:\s+naungan)?\s+)?$", re.IGNORECASE)
_GOODS = re.compile(r"(?<![^\W_])(?:logistik|kotak suara|surat suara|bilik suara|dokumen|formulir|berkas)"
                    r"(?![^\W_])", re.IGNORECASE)
_HANDED = frozenset("diserahkan diserahterimakan diberikan dikirim dikirimkan disampaikan dititipkan".split())
# the day of what troops are moved for ("digeser ke 11 kecamatan untuk mengamankan 482 TPS pada hari
# pemungutan suara, Rabu (27/11)"): not the day they move
_SENT_FOR_DAY = re.compile(r"(?<![^\W_])(?:digeser|dikirim|diberangkatkan|dikerahkan|disebar|ditempatkan|"
                           r"diterjunkan|bergeser|berangkat|menggeser|mengirim|memberangkatkan|mengerahkan|"
                           r"menyebar|menempatkan|menerjunkan)(?![^\W_])[^.;]*?(?<![^\W_])(?:untuk|guna)\s+"
                           r"(?:mengamankan|menjaga|mengawal|pengamanan)(?![^\W_])[^.;]*?(?<![^\W_])pada\s+"
                           r"(?:hari\s+)?(?:pemungutan|pencoblosan|hari\s+pemungutan)[^.;]*$", re.IGNORECASE)
# a statement's day after its speaker and place ("Kapolres X di Y, Rabu, mengatakan ...")
_SPOKE_AT = re.compile(r"(?<![^\W_])di\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3},\s*$")
_STATED_ON = re.compile(r",?\s*(?:mengatakan|menyebutkan|menjelaskan|menuturkan|mengungkapkan|menyampaikan|"
                        r"menegaskan|menyatakan|mengemukakan)(?![^\W_])")
_NOT_WHEN = re.compile(r"(?<![^\W_])(?:hingga|sampai|menjelang|jelang)(?![^\W_])[^,.]*(?:,\s*)?$|"
                       # the next step ("mengawal kotak suara ke PPS sebelum digeser ke PPK pada Kamis")
                       r"\S\s+sebelum\s+di[a-z]{3,}(?![^\W_])[^,.]*$",
                       re.IGNORECASE)  # ("sampai hari pencoblosan, Rabu (27/11)": the end, named then dated)
_FROM_PEOPLE = re.compile(r"(?<![^\W_])(?:personel|personil|anggota|gabungan|prajurit|petugas|unsur|tim|"
                          r"perwakilan|pasukan|babinsa|bhabinkamtibmas|babinkamtibmas|staf|jajaran)(?![^\W_])")
_TAKES_PART = re.compile(r"(?<![^\W_])(?:melibatkan|diikuti|dihadiri|terdiri atas|terdiri dari|gabungan|"
                         r"dibantu|didukung|diperkuat|bersama|didampingi|turut|unsur|bekerja sama|"
                         r"juga\s+dilakukan|"
                         # "Patroli dipimpin Kasat Samapta X dengan 12 personel": the activity's own people
                         r"dengan\s+(?:\d[\d.]*|[a-z]+)\s+(?:personel|personil|anggota|pasukan))(?![^\W_])",
                         re.IGNORECASE)  # "Pengiriman itu juga dilakukan personel Kodim X serta Panwaslu Y"


_NUMBER_WORD = re.compile(r"satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|seratus|"
                          r"\w+puluh|\w+belas|\w+ratus|puluhan|belasan|ratusan|sejumlah|seluruh|setiap|tiap|para|"
                          r"masing-masing|semua|beberapa")
_WITH = re.compile(r"(?<![^\W_])(?:bersama|dengan|dibantu|didampingi|melibatkan|serta|dan)\s+$",
                   re.IGNORECASE)


def _within(text: str, place: str, start: int, end: int) -> bool:
    """Whether ``start:end`` lies inside a mention of ``place`` written around it."""
    lo = max(0, end - len(place))
    at = text.find(place, lo, start + len(place))
    while at >= 0:
        if at <= start and end <= at + len(place):
            return True
        at = text.find(place, at + 1, start + len(place))
    return False


def _affiliation(article: Article, inside: Sequence[Any], e: Any) -> bool:
    """A unit written right after a role ("Kabag Ops Polres Seluma ... menambahkan") names the
    office of the one who speaks or leads, not a body taking part (unless the role is named as
    taking part: "bersama Kasat Lantas Polres X"); so do the units a role with its place is
    written under ("Kapolsek X, Polres Y, Polda Z, Iptu A, ... memimpin": ``_written_under``)."""
    role = next((r for r in inside if r.label == "ROLE" and r.end < e.start
                 and not article.text[r.end:e.start].strip()), None)
    if role is not None and not _WITH.search(article.text[max(0, role.start - 20):role.start]):
        return True
    return _written_under(article, inside, e)


# between a role with its place and the units it is written under: "Kapolsek Teluk Dalam, Polres X"
_ROLE_PLACE_GAP = re.compile(r"(?:[ \t]+[A-Z][\w'’-]*){1,4}[ \t]*,[ \t]*")
_CHAIN_GAP = re.compile(r"[ \t]*,[ \t]*")


def _written_under(article: Article, inside: Sequence[Any], e: Any) -> bool:
    """Whether the unit ``e`` is one a role with its place is written under ("Kapolsek X, Polres Y,
    Polda Z": Polres Y and Polda Z, where the Polsek's head belongs), not a unit of its own."""
    while True:
        before = [x for x in inside if x.end <= e.start and x.label in ("ROLE", "POLICE_UNIT")]
        if not before:
            return False
        prev = before[-1]
        gap = article.text[prev.end:e.start]
        if prev.label == "ROLE":
            return _role_head(prev.text) is not None and _ROLE_PLACE_GAP.fullmatch(gap) is not None and (
                not _WITH.search(article.text[max(0, prev.start - 20):prev.start]))
        if _CHAIN_GAP.fullmatch(gap) is None:
            return False
        if _LEVEL.get(prev.text.split()[0].casefold(), 9) < _LEVEL.get(e.text.split()[0].casefold(), -1):
            return True  # "Personel Polsek X, Polres Y, mengawal ...": the Polres is where the Polsek belongs
        e = prev


_LEVEL = {"polsek": 0, "polsekta": 0, "polres": 1, "polresta": 1, "polrestabes": 1, "polda": 2}


# the joint law-enforcement centre of police, election supervisors and prosecutors (Sentra Gakkumdu)
_POLICE_TEAM = re.compile(r"(?<![^\W_])Gakkumdu(?![^\W_])", re.IGNORECASE)
# a joint team named by what it is made of: the team is the actor's own, its other members the partners
_MADE_OF = re.compile(r",?\s+(?:yang\s+)?(?:terdiri\s+(?:atas|dari)|beranggotakan|beranggota)(?![^\W_])",
                      re.IGNORECASE)


# a list that goes on from a destination: "memberangkatkan personel BKO ke lima polres hari ini, yakni
# Polres A, Polres B ..." names where they go
# a force handed over to the acting unit, the object of the handing verb ("menyerahkan 60 personel
# Satbrimob X", "menyerahterimakan pasukan"): what is received, not a body taking part
_HANDS_OVER = re.compile(r"(?<![^\W_])(?:menyerahkan|menyerahterimakan|mem-?bko-?kan)\s+(?:[\w.]+\s+){0,3}$",
                         re.IGNORECASE)
# a body whose office or store a venue is ("yang menjadi sekretariat PPK", "yang menjadi tempat penyimpanan")
_VENUE_OF_BODY = re.compile(r"(?<![^\W_])(?:menjadi|merupakan|sebagai)\s+(?:[\w-]+\s+){0,2}?"
                            r"(?:sekretariat|kantor|posko|tempat|lokasi|gudang)(?:\s+[a-z-]+)?\s*$",
                            re.IGNORECASE)
# bodies (a list of them) guarded: "PPK A, PPK B dan PPK C masing-masing dijaga 26 personel"
_GUARDED_AFTER = re.compile(r"(?:(?:,\s*|\s+dan\s+)[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,4})*\s+"
                            r"(?:masing-masing\s+|juga\s+|turut\s+)?(?:dijaga|diamankan|dikawal)(?![^\W_])")
_LISTED_DESTINATION = re.compile(r"(?<![^\W_])(?:ke|menuju)\s+[^.;\n]*?(?<![^\W_])(?:yakni|yaitu|antara lain|"
                                 r"di antaranya|meliputi)(?![^\W_])[^.;\n]*$", re.IGNORECASE)


# a meeting a body held, which the police sit in: "saat menjadi narasumber Rapat Koordinasi (Rakor) ... yang
# digelar KPU Kabupaten X" (the body is a party to the talks; the organiser of an event guarded, "rapat
# pleno yang digelar KPU", is not)
_TALKS_HELD = re.compile(r"(?<![^\W_])(?:rakor|rapat\s+koordinasi|pertemuan|audiensi|diskusi)(?![^\W_])"
                         r"[^.;]{0,70}?\s(?:digelar|diselenggarakan)\s+$", re.IGNORECASE)


_OWN_SHORT = re.compile(r"(?:\s+dan\s+[A-Z][\w'’-]*)*\s*\(")
# a body's people talked with on the way ("berbincang dengan petugas KPU yang berjaga", "berdialog dengan
# anggota PPK"), and the body holding an event guarded ("mengamankan rapat koordinasi PPK X")
_TALKED_TO = re.compile(rf"(?<![^\W_])(?:{TALK_VERBS})\s+dengan\s+"
                        r"(?:para\s+)?(?:petugas|anggota|staf|pegawai|penjaga)\s+$", re.IGNORECASE)
_GUARDED_EVENT = re.compile(r"(?<![^\W_])(?:mengamankan|menjaga|pengamanan|penjagaan)\s+(?:jalannya\s+)?"
                            r"(?:rapat(?:\s+koordinasi|\s+pleno)?|rakor|pertemuan|kampanye|debat)\s+$",
                            re.IGNORECASE)


# the agent of what an act is for: "kotak suara dikawal ke Aula X untuk direkapitulasi oleh PPK Y"
_DONE_BY_FOR = re.compile(r"(?<![^\W_])(?:untuk|guna|agar)\s+(?:segera\s+)?di[a-z]{3,}\s+(?:oleh\s+)?$",
                          re.IGNORECASE)


def _sentence_before(article: Article, at: int) -> str:
    """The text of ``at``'s sentence before it (to 200 characters): what a clause late in it is about."""
    text = article.text[max(0, at - 200):at]
    cut = max(text.rfind(". "), text.rfind("\n"))
    return text[cut + 1:]


def _partners(article: Article, inside: Sequence[Any], unit_text: str, location: str | None) -> list[str]:
    """Other bodies named as taking part: never the acting unit nor the units it is written
    with ("Polsek Praya Barat Polres Lombok Tengah": its parent), nor a body that only names the
    place (``Gudang Logistik KPU``) or what was guarded."""
    out: list[str] = []
    key = _acting_key(article, unit_text) if unit_text else ""
    chain_end = -1
    gone_to = -1  # where the last body a movement goes to ends ("ke PPK A dan PPK B": both are where)
    for e in inside:
        if gone_to >= 0 and e.label in ("ELECTION_BODY", "GOV_ORG") and _LIST_JOIN.match(
                article.text[gone_to:e.start]):
            gone_to = e.end
            continue
        gone_to = -1
        bare = _BKO_TAIL.sub("", e.text)  # "Satbrimob Polda Papua BKO" acting as "Satbrimob Polda Papua"
        if e.label == "POLICE_UNIT" and key and (_acting_key(article, bare) == key or key.endswith(
                _acting_key(article, bare)) or bare in unit_text):
            chain_end = e.end  # the acting unit itself; a unit written right after it is its parent
            continue
        if e.label == "POLICE_UNIT" and chain_end >= 0 and (_UNDER.match(article.text[chain_end:e.start]) or (
                _OWN_SHORT.fullmatch(article.text, chain_end, e.start))):
            chain_end = e.end  # its parent, or its own short form in brackets ("... dan Y (Polres X)")
            continue
        if e.label not in PARTNER_LABELS or e.text in out:
            continue
        if e.label == "POLICE_UNIT" and (not _specific(e) or (
                bool(key) and page_key(article, e.text).endswith(key))):
            continue
        if e.label == "POLICE_UNIT" and _RECEIVES.match(article.text, e.end):
            continue  # "Polres X mendapat tambahan 60 personel Satbrimob Y": the host, no partner
        if _POLICE_TEAM.search(e.text):
            continue  # "rakor Sentra Gakkumdu": the joint team the police sit in by law is the actor's own
        if _MADE_OF.match(article.text, e.end):
            continue  # "Tim Sentra Gakkumdu X yang terdiri atas Polres X, Bawaslu ...": its members take part
        if e.label == "ELECTION_BODY" and e.text in _BARE_BODIES and _OWNED_BY_BODY.search(
                article.text, max(0, e.start - 30), e.start):
            continue  # "kapal motor sewaan KPU", "ditetapkan KPU", "bertemu komisioner KPU": the body owns,
            # rules or hosts something; it takes no part in the act
        if location and _within(article.text, location, e.start, e.end) and not _TO_CONFER.match(
                article.text, article.text.find(location, max(0, e.end - len(location))) + len(location)):
            gone_to = e.end if e.label != "POLICE_UNIT" else -1  # (and the list it opens)
            continue  # "bersama Bawaslu X di Kantor Bawaslu X": the second only names the place (not
            # "mendatangi sekretariat PPS X untuk berkoordinasi": the body met in its own office)
        if e.label == "POLICE_UNIT" and _affiliation(article, inside, e):
            continue
        before = article.text[max(0, e.start - 80):e.start]
        if before.endswith(f"{e.text}-"):  # "berpatroli ke PPK-PPK": a plural, read from its first half
            before = before[:-len(e.text) - 1]
        if before.endswith("("):  # "ke 23 panitia pemilihan kecamatan (PPK)": what stands before the name
            words = before[:-1].casefold().split()
            words = words[:max(0, len(words) - sum(ch.isupper() for ch in e.text))]
        else:
            words = before[-30:].casefold().split()
        if words:  # "kantor-kantor PPK": one kind of place, written twice for the plural
            words[-1] = words[-1].rsplit("-", 1)[-1]
        while words and (words[-1][:1].isdigit() or _NUMBER_WORD.fullmatch(words[-1])):
            words.pop()  # "dari 42 PPK", "menuju delapan PPK"
        held_talks = bool(words) and words[-1] in ("digelar", "diselenggarakan") and bool(
            _TALKS_HELD.search(before))  # "Rakor ... yang digelar KPU X": a party to the talks
        if e.label != "POLICE_UNIT" and len(words) > 1 and words[-1] in ("sekretariat", "posko") and (
                words[-2] in ("ke", "di", "menuju", "dari")):
            gone_to = e.end  # "tiba di sekretariat PPK", "ke sekretariat PPK A, PPK B dan PPK C": where
            continue
        if e.label != "POLICE_UNIT" and len(words) > 1 and words[-1] == "untuk" and words[-2] in (
                "logistik", "suara", "kotak", "dokumen", "perlengkapan", "muatan", "barang"):
            gone_to = e.end  # "logistik untuk PPK X": where the goods go, not who takes part
            continue
        if e.label == "ELECTION_BODY" and _COUNT_FROM.search(before):
            continue  # "14 personel dari PPK Batu": where that part works from
        if e.label != "POLICE_UNIT" and _GUARDED_AFTER.match(article.text, e.end):
            continue  # "PPK A, PPK B dan PPK C masing-masing dijaga 26 personel": what is guarded
        if not held_talks and words and words[-1] in (
                "gudang", "kantor", "gedung", "aula", "mengamankan", "menjaga", "ke",
                "menuju", "tingkat", "hasil", "pleno", "rekapitulasi",
                "digelar", "diselenggarakan",  # the guarded event's organiser
                "diterima",  # who receives what is delivered ("logistik diterima PPS X")
                # whose goods or papers are moved or guarded: "mengawal logistik KPU X",
                # "menjaga kotak suara KPU X", "gudang milik KPU X"
                "logistik", "suara", "dokumen", "formulir", "berkas", "milik",
                "perlengkapan",
                "di", "tempat",  # a body as a place: "sidang di Mahkamah Konstitusi"
                "hukum", "wilkum", "wilayah"):  # "di wilayah hukum Polrestabes X": an area
            # (a list goes on as it began: "ke kantor PPK A dan PPK B", "mengamankan KPU X dan Bawaslu Y")
            gone_to = e.end if e.label != "POLICE_UNIT" else -1
            continue
        if _VENUE_OF_BODY.search(before):
            continue  # "di Kantor Camat X yang menjadi sekretariat PPK", "... yang menjadi tempat penyimpanan
            # PPK X": whose office or store the venue is
        if e.label != "POLICE_UNIT" and (_TALKED_TO.search(before) or _GUARDED_EVENT.search(before)):
            continue  # "berbincang dengan petugas KPU yang berjaga": met on the way; "mengamankan rapat
            # koordinasi PPK X": who holds the event guarded (the conventions: neither takes part)
        if e.label == "POLICE_UNIT" and words and words[-1] in ("ke", "kepada"):
            continue  # "BKO ke Polres X", "menyerahkan ... personel BKO kepada Polres X": where troops go
        if e.label == "POLICE_UNIT" and _HANDS_OVER.search(before):
            continue  # "Danki menyerahkan personel Satbrimob X itu kepada Kapolres": the force handed over
        if _LISTED_DESTINATION.search(article.text, max(0, e.start - 160), e.start):
            continue
        handed = len(words) > 1 and words[-1] in ("kepada", "ke") and words[-2] in _HANDED
        if handed and _GOODS.search(_sentence_before(article, e.start)):
            continue  # "logistik diserahkan kepada PPK X": who receives what is delivered (a case handed
            # over "untuk ditindaklanjuti" is work done together)
        if e.label != "POLICE_UNIT" and _NOT_TAKING_PART.search(before):
            continue  # "adu mulut antara seorang saksi dan petugas KPPS": a party to the quarrel; "hingga
            # kotak suara disegel petugas KPPS": ends the time told; "mengantar petugas KPPS": taken along
        if e.label != "POLICE_UNIT" and _DONE_BY_FOR.search(before):
            continue  # "dikawal ke Aula X untuk direkapitulasi oleh PPK Y": who does what the goods go for
        if words and words[-1] == "dari" and not _FROM_PEOPLE.search(" ".join(words[-5:-1])):
            gone_to = e.end if e.label != "POLICE_UNIT" else -1  # ("Dari PPK A dan PPK B, ...": both)
            continue  # "logistik ... dari 42 PPK": where things come from; "personel gabungan dari": who
        out.append(e.text)
    # a TNI commander with his formation's number ("dipimpin Danramil 1601-04/Lewa Kapten Inf Y dan Kapolsek
    # Z"): the formation he commands takes part, as a Kapolres's role implies his Polres
    for r in inside:
        head = _COMMANDS.get(r.text.casefold()) if r.label == "ROLE" else None
        cut = min((x.start for x in inside if x.start > r.end and x.label in ("RANK", "PERSON")), default=len(
            article.text))
        code = _FORMATION.match(article.text[:cut], r.end) if head else None
        written = code is not None and any(x.label == "MILITARY_UNIT" and r.end <= x.start <= code.end()
                                           for x in inside)
        if code is not None and not written:
            implied = f"{head} {code.group(1).strip()}"
            if implied not in out:
                out.append(implied)
    return out


_COMMANDS = {"dandim": "Kodim", "danramil": "Koramil", "danrem": "Korem", "danlanal": "Lanal",
             "danlanud": "Lanud"}
# a formation's number, with its place after a slash: "0911/Sungai Jernih", "1601-04/Lewa", "0825"
_FORMATION = re.compile(r"[ \t]+(\d{2,4}(?:-\d{1,2})?(?:/[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,2})?)"
                        r"(?![\w/-])")


# a sentence that goes on about the activity just told: it refers back to it ("Rakor itu dihadiri
# ...", "... turut bergabung dalam patroli tersebut") or names it as its subject ("Pengamanan
# melibatkan ...", "Apel diikuti ...")
# ("apel di halaman gudang tersebut" points to the warehouse, not to an apel told before)
_BACK = (rf"(?<![^\W_])(?:{_ACTIVITY_NOUN})(?:\s+(?!(?:di|ke|dari)\s)[\w.]+){{0,4}}?\s+(?:itu|tersebut)"
         r"(?![^\W_])")
_REFERS_BACK = re.compile(_BACK, re.IGNORECASE)
# ("Dalam kegiatan pengamanan yang berlangsung di X itu hadir ...": the activity as the frame it is in)
_GOES_ON = re.compile(rf"^[\"“'‘]?(?:(?:dalam|pada|selama)\s+)?(?:{_ACTIVITY_NOUN}|mereka|para personel|"
                      rf"(?:personel|pasukan|anggota|petugas)\s+(?:gabungan\s+)?(?:itu|tersebut))(?![^\W_])|{_BACK}",
                      re.IGNORECASE)
FOLLOWING = 2  # sentences after the activity's own that may go on about it
# the event the activity secures, said to be guarded by others too: "Rapat pleno yang berlangsung di X itu
# juga dijaga personel Kodim Y, Dinas Perhubungan Z dan Satpol PP" after "... mengamankan rapat pleno"
_ALSO_GUARDED = re.compile(r"[\"“'‘]?((?:rapat\s+)?pleno|rekapitulasi|kampanye|debat|pengundian|pelantikan|"
                           r"sidang)(?:\s+[^\s.;]+){0,10}?\s+(?:juga|turut|pun)\s+(?:dijaga|diamankan|dikawal)"
                           r"(?![^\W_])", re.IGNORECASE)
# a sentence opening with an activity's name goes on about the activity told only when that
# activity was named so (or by its verb): "Apel diikuti ..." after an apel, not after a guard
_NAMED_AS = {"apel": r"apel", "patroli": r"patroli", "rakor": r"rakor|rapat koordinasi",
             "rapat koordinasi": r"rakor|rapat koordinasi", "pengawalan": r"kawal",
             "pengamanan": r"aman|jaga|siaga", "penjagaan": r"jaga|aman", "pergeseran": r"geser",
             "razia": r"razia", "sosialisasi": r"sosialisasi", "simulasi": r"simulasi",
             "silaturahmi": r"silaturahmi", "sambang": r"sambang|menyambangi", "operasi": r"operasi"}
_OPENS_WITH = re.compile(rf"({'|'.join(_NAMED_AS)})(?![^\W_])(?!\s+(?:itu|tersebut|ini)(?![^\W_]))",
                         re.IGNORECASE)


# a meeting the sentence says something was settled in ("dimatangkan dalam rapat koordinasi")
_MEETING_IN = re.compile(r"(?<![^\W_])(?:(?:dalam|pada|melalui|lewat|(?:tindak\s+)?lanjut(?:an)?|hasil|"
                         r"sesuai|berdasarkan)\s+(?:rapat\s+koordinasi|rakor|rapat)(?![^\W_])|"
                         r"(?:rapat\s+koordinasi|rakor)\s+yang\s+(?:digelar|dilaksanakan|diadakan|dipimpin)(?![^\W_]))",
                         re.IGNORECASE)


def _following(article: Article, end: int, since: int | None = None) -> list[tuple[int, int]]:
    """The sentences right after ``end`` (up to ``FOLLOWING``, across a paragraph break) that go on
    about the same activity: a partner or the count is often there ("Apel diikuti 418 personel
    gabungan dari Polres, Kodim 1206 serta Satpol PP")."""
    spans = _body_sentences(article.text, tuple((n.start, n.end) for n in article.noise))
    told_span = next(((s, e) for s, e in spans if s < end <= e), (max(0, end - 300), end))
    told = article.text[min(told_span[0], since if since is not None else told_span[0]):told_span[1]]
    told_by: str | None = None
    out = []
    interrupted = False  # a sentence about another act stood between
    for i, (s, e) in enumerate([(s, e) for s, e in spans if s >= end][:FOLLOWING + 1]):
        text = article.text[s:e]
        guarded = _ALSO_GUARDED.match(text) if not interrupted else None
        if guarded is not None and re.search(rf"(?<![^\W_]){guarded.group(1)}", told, re.IGNORECASE):
            out.append((s, e))  # "Rapat pleno ... itu juga dijaga personel Kodim X, Dishub Y dan Satpol PP"
            continue
        opening = _OPENS_WITH.match(text)
        said = _SAYS.search(text) if opening is None else None
        said_at = 0
        if said is not None and said.group().rstrip().endswith(","):
            # "Wakapolres X yang memimpin patroli mengatakan, patroli melibatkan 150 personel": what is
            # said opens with the activity's name, as a sentence of its own would
            said_at = len(text) - len(text[said.end():].lstrip())
            opening = _OPENS_WITH.match(text, said_at)
            said_at = said_at if opening is not None else 0
        if opening is not None and not re.search(  # (a word's start, with its verb prefix: not "halaman")
                rf"(?<![^\W_])(?:me[nm]?g?|di|pe[nm]?g?|ber|ter)?(?:{_NAMED_AS[opening.group(1).casefold()]})",
                told, re.IGNORECASE):
            break  # "Patroli gabungan ... menyasar ..." after a guard: another activity, not this one
        if (interrupted or i == FOLLOWING) and opening is None:
            break  # past another act, or two sentences on, only a sentence naming this one again goes on
        if _MEETING_IN.search(text) and not _MEETING_IN.search(told) and not re.search(
                r"(?<![^\W_])(?:rakor|rapat)(?![^\W_])", told, re.IGNORECASE):
            break  # "pola pengamanan tersebut telah dimatangkan dalam rapat koordinasi ... bersama KPU, ...":
            # those took part in the meeting, not in the act told
        back = _REFERS_BACK.match(text)
        noun = back.group().split()[0].casefold() if back is not None else ""
        if noun in _NAMED_AS and _only_scene(told, _NAMED_AS[noun]):
            break  # "... dilakukan seusai apel di Mapolres" then "Apel tersebut dihadiri ...": the apel's
        if told_by is None:
            # (a sentence naming no unit of its own is the page's unit's act)
            told_by = page_key(article, _unit_in(article, *told_span) or main_unit(article) or "-")
        # (its first clause's: "Pengamanan melibatkan Kodim X, sementara Sat Lantas Y mengalihkan arus")
        contrast = _CONTRAST.search(article.text, s, e)
        own = "" if _REFERS_BACK.search(text) else _unit_in(article, s, contrast.start() if contrast else e)
        if own and page_key(article, own) != told_by:
            # "Pengamanan di TPS 3 dilakukan oleh personel Polsek X bersama ...": X's own guard; what
            # follows it is X's too, unless it names this activity again
            if interrupted:
                break
            interrupted = True
            continue
        if _TAKES_PART.search(text) and (_GOES_ON.search(text[said_at:]) or "\n" not in article.text[end:s]):
            out.append((s, e))
        elif opening is None and any(s <= x.start < e and x.label in ("POLICE_UNIT", "PERSONNEL", "ROLE")
                                     for x in article.entities):  # ("Pengamanan dipimpin X": this one's)
            # another group's (or leader's) activity: what follows it is about that one, unless it
            # names this one again ("Sebelum pleno dimulai, Wakapolres X memimpin apel ..." then
            # "Pengamanan melibatkan personel Polres X, Kodim Y dan Satpol PP Z")
            if interrupted:
                break
            interrupted = True
    return out


_SETS_SCENE = re.compile(r"(?<![^\W_])(?:usai|seusai|setelah|sesudah|sebelum|selesai|pasca|jelang|menjelang)"
                        r"\s+(?:[a-z]\w*\s+)?$", re.IGNORECASE)


def _only_scene(told: str, named: str) -> bool:
    """Whether the activity ``named`` appears in the sentence ``told`` only in a clause setting its
    scene ("seusai apel", "sebelum patroli"), so the sentence's own activity is another one."""
    found = list(re.finditer(rf"(?<![^\W_])(?:{named})\w*", told, re.IGNORECASE))
    return bool(found) and all(_SETS_SCENE.search(told, max(0, m.start() - 30), m.start()) for m in found)


def _unit_in(article: Article, start: int, end: int) -> str:
    """The acting unit the sentence ``start:end`` names itself ("" when it names none)."""
    return _unit(article, [x for x in article.entities if start <= x.start and x.end <= end], start, end)


def _next_sentence_partners(article: Article, end: int, unit_text: str, location: str | None,
                            since: int | None = None) -> list[str]:
    """Partners the following sentences add when they go on about the same activity (told from ``since``,
    the evidence's start, when it holds several sentences)."""
    out: list[str] = []
    for s, e in _following(article, end, since):
        contrast = _CONTRAST.search(article.text, s, e)  # ("..., sementara Sat Lantas X bersama Dishub ...")
        e = contrast.start() if contrast is not None else e
        inside = [x for x in article.entities if s <= x.start and x.end <= e]
        out += [p for p in _partners(article, inside, unit_text, location) if p not in out]
    return out


_HELD_AT = re.compile(r"(?<![^\W_])(?:berlangsung|digelar|dilaksanakan|diadakan|bertempat)\s+di\s",
                      re.IGNORECASE)


_ROUTE = re.compile(r"(?:jalan|jl\.?|ruas|jalur|simpang|bundaran|jembatan|perempatan|persimpangan)(?![^\W_])",
                    re.IGNORECASE)
# the next sentence saying where the event the sentence secures is held: "Polres X menerjunkan 185
# personel untuk mengamankan rapat pleno ..., Selasa (3/12)." then "Rapat pleno berlangsung di X."
# ... the time it was held told between ("Kampanye tersebut berlangsung pada Senin (21/10) pukul 14.00 WIB
# hingga selesai di Kampung X")
_HELD_WHEN = r"(?:\s+(?:pada|sejak|mulai|hari|pukul)(?![^\W_])[^;\n]{0,90}?)?"
_EVENT_HELD = re.compile(r"[\"“'‘]?((?:rapat\s+)?pleno|rapat|debat|kampanye|sidang|rekapitulasi|pendaftaran|"
                         r"pengundian|deklarasi|pelantikan|simulasi|acara)(?:\s+[a-z]\w*){0,3}?\s+"
                         r"(?:itu\s+|tersebut\s+)?(?:berlangsung|digelar|dilaksanakan|diadakan|bertempat|"
                         rf"dipusatkan){_HELD_WHEN}\s+di\s", re.IGNORECASE)


def _taken_to(article: Article, inside: Sequence[Any], start: int, end: int) -> str | None:
    """The police station people were taken to ("dibawa ke Mapolres X"): left out of the places of
    an act told at a place of its own ("dilerai di pintu keluar lapangan dan dibawa ke Mapolsek X"),
    the place of an arrest that names no other."""
    for e in inside:
        if e.label == "LOC" and _HEADQUARTERS.match(e.text) and _TAKEN_TO.search(
                article.text, max(start, e.start - 40), e.start):
            return str(e.text)
    return None


def _event_venue_next(article: Article, start: int, end: int) -> str | None:
    """Where the next sentence says the event named in the sentence ``start:end`` is held."""
    spans = _body_sentences(article.text, tuple((n.start, n.end) for n in article.noise))
    s, e = next(((s, e) for s, e in spans if s >= end), (end, end))
    held = _EVENT_HELD.match(article.text, s, e)
    if held is None or not re.search(rf"(?<![^\W_]){held.group(1)}(?![^\W_])", article.text[start:end],
                                     re.IGNORECASE):
        return None
    found = location_in(article, [x for x in article.entities if held.end() <= x.start and x.end <= e],
                        held.end() - 3, e)
    return found[0] if found is not None else None


def _following_location(article: Article, end: int) -> str | None:
    """Where a following sentence that goes on about the activity says it was held."""
    for s, e in _following(article, end):
        held = _HELD_AT.search(article.text, s, e)
        if held is not None:
            inside = [x for x in article.entities if held.start() <= x.start and x.end <= e]
            found = location_in(article, inside, held.start(), e)
            if found is not None:
                return found[0]
    return None


# "Patroli ... itu dilakukan di X", not "Patroli diawali apel di X" nor "Patroli dimulai dari X" (where
# it set out)
_DONE_AT = re.compile(r"(?<![^\W_])(?:dilakukan|dilaksanakan|digelar|diadakan|berlangsung|dipusatkan)"
                      r"(?![^\W_])", re.IGNORECASE)
_SET_OUT = re.compile(r"(?<![^\W_])(?:diawali|dimulai|bermula|berangkat|bertolak|start)(?![^\W_])",
                      re.IGNORECASE)


def _done_at_next(article: Article, start: int, end: int, unit_text: str) -> str | None:
    """Where the sentences right after ``start:end``, going on about its activity and naming no
    other unit, say it was done: "... menggelar patroli rutin." then "Patroli yang dipimpin ... itu
    dilakukan di Desa X, Kecamatan Y" or "Kegiatan itu dilakukan dengan menyambangi pos kamling yang
    berada di Desa X" (the village), not a place only told as where people come from."""
    spans = _body_sentences(article.text, tuple((n.start, n.end) for n in article.noise))
    told = article.text[start:end]
    told_by = page_key(article, unit_text)
    for s, e in [(s, e) for s, e in spans if s >= end][:FOLLOWING]:
        text = article.text[s:e]
        opening = _OPENS_WITH.match(text)
        if not _GOES_ON.search(text) or (opening is not None and not re.search(
                _NAMED_AS[opening.group(1).casefold()], told, re.IGNORECASE)):
            return None
        own = _unit_in(article, s, e)
        if own and page_key(article, own) != told_by:
            return None
        if not _DONE_AT.search(text) or _SET_OUT.search(text):
            continue
        found = location_in(article, [x for x in article.entities if s <= x.start and x.end <= e], s, e)
        if found is not None and found[1] < 1.5:
            return found[0]
    return None


# a muster the activity begins with, told in the next sentence: "Kegiatan diawali apel kesiapan ... dan
# diikuti 140 personel gabungan", "Apel dipimpin Kapolres X dan diikuti 480 personel" (the apel's count)
_MUSTER_NEXT = re.compile(r"^\W*apel(?![^\W_])|(?<![^\W_])(?:diawali|didahului|dimulai\s+dengan)\s+"
                          r"apel(?![^\W_])", re.IGNORECASE)
_MUSTER = re.compile(r"(?<![^\W_])apel(?![^\W_])", re.IGNORECASE)


def _next_personnel(article: Article, end: int, told: str = "") -> int | None:
    """The count of a following sentence that goes on about the activity ("... diikuti 418
    personel") when the sentence itself gives none; one only joined to it in a paragraph, neither
    naming it nor pointing back to it, counts the act at a place of its own when it names one
    ("Malam itu juga, kotak suara disimpan di Balai Desa X dan dijaga dua personel bersama Linmas")."""
    for s, e in _following(article, end):
        contrast = _CONTRAST.search(article.text, s, e)  # ("..., sementara Sat Lantas X bersama Dishub ...")
        e = contrast.start() if contrast is not None else e
        inside = [x for x in article.entities if s <= x.start and x.end <= e]
        if any(x.label == "LOC" for x in inside) and not _GOES_ON.search(article.text[s:e]):
            continue
        if _MUSTER_NEXT.search(article.text, s, e) and not _MUSTER.search(told):
            continue  # the apel a patrol begins with counts the apel, not the patrol
        found = _personnel(article, inside)
        if found is not None:
            return found
    return None


def _owned_figure(article: Article, inside: Sequence[Any], start: int, end: int) -> int | None:
    """The figure of the first unit of a figure split by unit ("Sebanyak 410 personel dikerahkan,
    terdiri atas 150 personel Satbrimob X, 90 personel ..."): the first record's, not the total's."""
    parts = clauses(article, start, end)
    if len(parts) < 2:
        return None
    if parts[0][0] > start:  # "Dari 96 personel itu, 38 personel mengawal ...": the first part's figure
        return next((int(e.value) for e in inside if e.label == "PERSONNEL" and e.value is not None
                     and parts[0][0] <= e.start and e.end <= parts[0][1]), None)
    units = [e for e in inside if _specific(e)]
    return next((int(e.value) for e in inside if e.label == "PERSONNEL" and e.value is not None
                 and e.end <= parts[0][1] and _unit_after(article, units, e.end, end) is not None), None)


def _own_share(article: Article, inside: Sequence[Any], unit_text: str, end: int) -> int | None:
    """The acting unit's own share of a joint force broken down by body ("menerjunkan 265 personel
    gabungan. Ratusan personel itu terdiri atas 180 personel Polres X, 45 personel Kodim Y serta 40
    personel Satpol PP"): the police record's figure, the other bodies its partners (the older dev writers
    31 of 42 such records, the judges 23 of 27)."""
    figures = [e for e in inside if e.label == "PERSONNEL" and e.value is not None]
    if len(figures) < 2 or not unit_text:
        return None
    key = page_key(article, unit_text)
    own = other = None
    for f in figures:
        m = _OF_UNIT.match(article.text, f.end, end)
        after = next((u for u in inside if m is not None and u.start == m.end() and u.label in (
            "POLICE_UNIT", "MILITARY_UNIT", "GOV_ORG")), None)
        if after is None:
            continue
        if after.label == "POLICE_UNIT":
            if own is None and page_key(article, unit_surface(article, after)) == key:
                own = f
        else:
            other = f
    after_total = article.text[figures[0].end:figures[0].end + 12]
    joint = "gabungan" in figures[0].text.casefold() or bool(re.match(r"\s+gabungan(?![^\W_])", after_total))
    if own is None or (other is None and not joint) or figures[0] is own:
        return None  # (a total of one body's people, broken down by its units, is that body's: no share)
    return int(own.value)


def _personnel(article: Article, inside: Sequence[Any]) -> int | None:
    """The sentence's first figure of people that is not another body's ("berjaga bersama dua anggota
    Linmas": the guards' helpers, no police figure; dev: 5 records of four writers leave it empty)."""
    figure = next((e for e in inside if e.label == "PERSONNEL" and e.value is not None
                   and not _OTHERS_FIGURE.match(article.text, e.end)), None)
    return int(figure.value) if figure is not None else None


# a figure of another body's people: "dua anggota Linmas", "12 anggota Satpol PP"
_OTHERS_FIGURE = re.compile(r"\s+(?:Linmas|Satlinmas|Satpol\s+PP|KPPS|PPS|PPK|Babinsa|"
                            r"TNI(?![^.;]{0,12}Polri)|warga|relawan)(?![^\W_])", re.IGNORECASE)


def prefill(article: Article, start: int, end: int, taxonomy: Taxonomy,
            earlier: Sequence[ActivityRecord] = (),
            classifier: TypeClassifier | None = None) -> dict[str, Any]:
    """Record fields for the evidence span ``start:end`` of ``article``; slots the sentence does
    not give come from the record coded before it in the article (``earlier``), else from the
    article (its main unit, an earlier sentence's place, the dateline, the publication date).
    A sentence telling several activities or a figure split by unit or place (``clauses``) whose
    first clauses ``earlier`` already codes drafts its next clause, with that clause as evidence."""
    selected = (start, end)
    start, end = _next_clause(article, start, end, earlier)
    inside = [e for e in article.entities if start <= e.start and e.end <= end]
    sentence = article.text[start:end]
    # the record a sentence coded again takes its defaults from: one of that sentence's own; of the record
    # of the sentence just before, only what its reviewer corrected (its slots unlike their draft) carries
    # on to a sentence that gives none of its own (dev pages coded top to bottom, of 4,736 records: taking
    # the record before's slots whatever it was and wherever it stood, 3,347 partners, 4,127 units, 2,998
    # places and 4,387 dates right; its corrections, the sentence just before only: 4,191, 4,371, 3,208 and
    # 4,547; only those its own sentence does not write, nor a form of: 4,230, 4,386, 3,238 and 4,547;
    # nothing from another sentence: 4,237, 4,388, 3,239 and 4,544)
    ref = _reference([r for r in earlier if any(sp.start < selected[1] and selected[0] < sp.end
                                                for sp in r.evidence)], start)
    before = _reference(earlier, start) if ref is None else None
    just_before = before is not None and bool(before.evidence) and not article.text[
        before.evidence[-1].end:selected[0]].strip()
    carried = _corrected(article, before, taxonomy) if just_before else {}

    def first(label: str) -> Any:
        return next((e for e in inside if e.label == label), None)

    head = _after_header(article, inside, start)
    acting = [e for e in inside if e.start >= head]
    step_before = _step_before(article, selected, start, end)
    first_part = clauses(article, start, end)[0]
    if (start, end) == selected and first_part[1] < end and any(
            e.label == "PERSONNEL" for e in acting if e.end <= first_part[1]) and not any(
            e.label == "POLICE_UNIT" for e in acting if e.end <= first_part[1]):
        # "Dari jumlah itu, 150 personel berjaga di depan kantor X, 40 personel Sat Lantas mengatur arus ...":
        # the first figure has no unit of its own; the page's force, not the next clause's unit (dev: +6, -1)
        acting = [e for e in acting if e.end <= first_part[1]]
    unit_text = (_unit(article, acting, head, end) or _sub_role_unit(article, acting)
                 or _bare_force_unit(article, head, end) or (ref.unit if ref else carried.get("unit", ""))
                 or _antecedent_unit(article, start)
                 or _clause_doer(article, start)
                 or _main_unit_as(article, taxonomy.conventions["unit_form"]))
    # "dijaga ... hingga digeser ke TPS pada Selasa (26/11)": an end bound; "menjelang pemungutan
    # suara 27 November": the election day as a reference; neither dates the activity
    dates = [e for e in inside if e.label == "DATE" and not _NOT_WHEN.search(
        article.text[max(start, e.start - 45):e.start]) and not _SENT_FOR_DAY.search(
        article.text[max(start, e.start - 140):e.start])]
    if len(dates) > 1 and dates[1].value and _STATED_ON.match(article.text, dates[0].end) and (
            _SPOKE_AT.search(article.text, max(start, dates[0].start - 60), dates[0].start)):
        # "Kapolres X di Y, Rabu, mengatakan seluruh personel sudah berada di TPS sejak Selasa (26/11) sore":
        # the day it was said, the activity's own day after it
        dates = dates[1:]
    if len(dates) == 1 and _STATED_ON.match(article.text, dates[0].end) and (
            _SPOKE_AT.search(article.text, max(start, dates[0].start - 60), dates[0].start)):
        # "Bonar di Tarempa, Jumat, mengatakan 22 personel mengawal logistik ...": the day of the statement
        # alone; the activity's day is the one the page told it on
        dates = []
    first_step = _steps(article, start, end)[0] if (start, end) == selected else (start, end)
    if dates and first_step[1] < end and _TODAY.search(article.text, *first_step) and not any(
            e.end <= first_step[1] for e in dates):
        dates = []  # "ke sekretariat PPS malam ini, kemudian ke kantor PPK pada Kamis (28/11)": the first
        # step's own day
    date = dates[0] if dates else None
    told = _clause_date(article, start) if (date is None or not date.value) and ref is None else None
    opens = _range_start(article, inside if date is None or not date.value else [date], start)
    if date is not None and date.value and opens is None:
        date_iso = date.value
    elif opens is not None:  # "selama rapat pleno pada 4 hingga 6 Desember 2024", "pada 16–20 September
        # 2024": from its first day
        date_iso = opens
    elif told is not None:  # "Pada Senin (25/11), ... 40 personel di A, sedangkan 25 personel dikirim ke B"
        date_iso = told
    elif ref is not None and ref.date:
        date_iso = ref.date
    elif carried.get("date"):
        date_iso = carried["date"]
    elif _VOTING_EVE.search(sentence) and not _REVOTE.search(sentence):  # "pada malam menjelang pencoblosan"
        date_iso = (datetime.date.fromisoformat(VOTING_DAY) - datetime.timedelta(days=1)).isoformat()
    elif _VOTING_DAY.search(sentence):
        date_iso = VOTING_DAY
    elif (para := _paragraph_date(article, start)) is not None:
        date_iso = para
    elif _TPS_GUARD.search(sentence) and _VOTING_DAY.search(article.text, 0, _lede_end(article)) and (
            article.published or "")[:10] >= VOTING_DAY:
        # a TPS guarded on a page about the voting day ("Hari Pencoblosan, Kapolres Pantau TPS"): a TPS
        # stands on that day, whatever day the lede's apel was
        date_iso = VOTING_DAY
    else:  # the date the article's body gives first (the lede's event), else its own
        dated = [e for e in article.entities if e.label == "DATE" and e.value and not _in_noise(article, e)
                 and e.start > _title_end(article) and not _SENT_FOR_DAY.search(
                     article.text[max(0, e.start - 140):e.start])]
        lede_end = _lede_end(article)
        yesterday = bool(article.published) and _YESTERDAY.search(article.text, _title_end(article), lede_end)
        if yesterday and not (dated and dated[0].start < lede_end):
            # the lede's "kemarin" (and no date of its own): the day before the page's date, not a later date
            date_iso = _yesterday(article.published or "")
        elif dated:
            date_iso = dated[0].value
        elif article.published:
            date_iso = article.published[:10]
        else:  # no publication date: the article's first dated event is the best guess
            first_dated = next((e for e in article.entities if e.label == "DATE" and e.value
                                and not _in_noise(article, e)), None)
            date_iso = first_dated.value if first_dated else None
    if (date is None or not date.value) and told is None and ref is None and opens is None and (
            article.published and _YESTERDAY.search(sentence)):
        date_iso = _yesterday(article.published)  # "..., kemarin": the day before the page
    elif (date is None or not date.value) and (ref is None or (start, end) != selected) and (
            opens is None and article.published and _TODAY.search(sentence)):
        # "dilanjutkan hari ini": the page's own day (a clause's own "sejak pagi tadi" too, whatever day the
        # sentence named before it: "pleno yang dimulai Sabtu ... dijaga ..., sedangkan ... sejak pagi tadi")
        date_iso = article.published[:10]
    shift = _DAY_SHIFT.search(sentence)
    if shift is not None and _ARRIVED_SHIFT.search(sentence, max(0, shift.start() - 70), shift.start()):
        shift = None  # "82 personel BKO Satbrimob X yang tiba di Y sehari sebelumnya": the force's arrival
    elif shift is not None and _UNTIL_SHIFT.search(sentence, 0, shift.start()):
        shift = None  # "dijaga ... sampai diantar ke TPS besok subuh": the end of the guard, not its day
    if (date is None or not date.value) and shift is not None and date_iso:
        # "sudah berangkat sehari sebelumnya", "keesokan harinya": a day from the date told before
        days = _SHIFTS[" ".join(shift.group(1).casefold().split())]
        # "Keesokan harinya, ..." after "... Rabu (20/11)": from the day the sentence before told
        prior = _sentence_before_span(article, start) if days > 0 and ref is None else None
        base = (_told_date(article, *prior) if prior is not None else None) or date_iso
        with contextlib.suppress(ValueError):
            date_iso = (datetime.date.fromisoformat(base) + datetime.timedelta(days=days)).isoformat()
    same_day = _SAME_DAY.search(sentence)
    if (date is None or not date.value) and shift is None and told is None and ref is None and (
            same_day is not None and (not _OPENER.fullmatch(sentence, 0, same_day.start())
                                      or not same_day.group().casefold().startswith("hari"))):
        # ("Pada malam yang sama, ...": the day the sentence before told)
        date_iso = _previous_date(article, start) or date_iso
    elif (date is None or not date.value) and shift is None and told is None and ref is None and (
            same_day is not None):  # "Pada hari yang sama, Polres X menggelar rakor ...": the day of
        # the event told last, across a paragraph break too (dev: +7 of 34 such openers, none lost)
        date_iso = _last_told(article, start) or date_iso
    found = location_in(article, inside, start, end, first=taxonomy.conventions["location_list"] == "first")
    if found is None and (start, end) == selected:  # "enam personel Satpolairud dan empat personel Satbrimob
        # Y mengawal kapal ... dari Pelabuhan X": a figure split by unit, its act and place said once, after
        found = _items_place(article, start, end)
    if found is None:  # "... mengawal kotak suara dari Distrik A dan 16 personel dari Distrik B": the
        # clause's figure and where it starts, the escort's verb said once before it
        lead = _FIGURE_FROM.match(sentence)
        place = next((e for e in inside if lead is not None and e.start == start + lead.end()
                      and e.label in ("LOC", "ELECTION_BODY")), None)
        found = (place.text, 1.0) if place is not None else None
    contrast = _CONTRAST.search(sentence)
    if found is not None and contrast is not None and _pointer(sentence[:contrast.start()]) and location_in(
            article, inside, start, start + contrast.start()) is None:
        found = None  # "pagar betis di depan kantor tersebut, sementara kendaraan disiagakan di Lapangan X"
    location = found[0] if found is not None else None
    in_turn = _respective_place(article, selected, start)
    if in_turn is not None:  # "10 personel Polsek A, 12 personel Polsek B dan 8 personel Polsek C ...,
        # masing-masing ke PPK A, PPK B dan PPK C": each share its own place, in the order told
        location = in_turn
    if found is not None and found[0][:1].islower() and re.search(
            re.escape(found[0]) + r"\s+(?:tersebut|itu)(?![^\W_])", sentence):
        # "di depan kantor KPU tersebut": the office the page named before ("Kantor KPU Kabupaten X"); "di
        # ruang rapat kantor itu": the office, not a room of it
        last = found[0].split()[-1].casefold()
        a_kind = _HEAD_WORD.fullmatch(last) is not None and " " in found[0]
        location = _named_in_full(article, start, found[0]) or (
            (_named_in_full(article, start, last) or _earlier_location(article, start, last, kind_only=True))
            if a_kind else None) or location
    there = _pointer(sentence) if found is None or found[1] >= 1.5 or (
        _MEETING_FRAME.match(sentence) and not _named_venue(sentence, sentence.find(found[0]))) else None
    # ("Dalam rakor itu, peserta memetakan TPS rawan: dari 498 TPS di Luwu Timur, ...": where the rakor was)
    if there is not None and _no_place_pointed(sentence, there):
        there = None
    goes_on_there = there is not None  # (the sentence goes on where and when the one before told)
    if there is not None and _LOCAL_PEOPLE.search(sentence, 0, there.end()):
        there = None  # "tokoh ulama setempat mendatangi rumah warga Desa X": local people; the place its own
        # (or, naming none, "Bhabinkamtibmas Desa X ... dalam ibadah jemaat setempat": his village, below)
    if there is not None:
        # "pulau-pulau tersebut", "di lokasi pleno", "gudang itu": the place named before (of that
        # kind when the sentence says which), unless the sentence names a venue of its own; "Distrik
        # A hanya bisa dijangkau lewat udara sehingga personel di distrik itu ...": the sentence's own
        pointed = there.group().split()[0].casefold()
        words = there.group().casefold().split()
        if pointed in _POSITION and len(words) > 2:  # "halaman gudang tersebut": the warehouse
            pointed = words[1]
        both = _MANY_POINTED.search(sentence, 0, there.start()) is not None
        if both:  # "Di kedua kantor tersebut": the places listed before, else none ("kedua TPS itu", never
            # listed: a pointer to many places names no one place, the conventions)
            location = _listed_before(article, start, pointed) or location
        elif found is not None and (found[0].split()[0].casefold() == pointed or there.group().casefold() in (
                "di sana", "di situ", "di sini")) and 0 <= sentence.find(found[0]) < there.start():
            pass  # "tiba di kantor PPK X pukul 09.40. Di kantor itu logistik dijaga", "... adalah TPS 07
            # Kelurahan X. Sejak pagi dua personel berjaga di sana": the span's own place
        else:  # ("Dalam rakor itu, ...": where the page said the rakor was held)
            location = _named_before(article, inside, start + there.start(), pointed) or (
                _event_venue(article, start, pointed) if pointed in _MEETINGS else None) or _earlier_location(
                article, start, pointed) or location
        if location and location[:1].islower():  # "di lokasi" after "di depan kantor KPU": the office
            location = _named_in_full(article, start, location) or location
    site = _EVENT_SITE.search(sentence) if found is None or found[1] >= 1.5 else None
    if site is not None:  # "Di lokasi kampanye, ...": where the event told before was held
        location = _event_venue(article, start, site.group(1)) or _last_venue(article, start) or location
    rounds = _ROUNDS.search(sentence)
    start_there = _FROM_THERE.search(sentence) if _MOVING.search(sentence) else None
    if start_there is not None and rounds is not None and rounds.start() == start_there.start():
        start_there = None
    if start_there is not None and _AFTER_LEAVING.search(sentence, 0, start_there.start()):
        start_there = None  # "Usai dari gudang, rombongan bergerak ke Kantor X": a scene, then the act
    if start_there is not None:  # "dikawal dari hotel tersebut menuju Kantor X": where it starts
        start_kind = start_there.group(1).casefold()
        location = _earlier_location(article, start, start_kind, kind_only=True) or location
    goes_on = _TOLD_ON.match(sentence) if location is None else None
    if goes_on is not None:  # "Apel dipimpin Kapolres X dan diikuti ...": the apel told just before, there
        # ("Pengamanan kampanye dipimpin Kapolsek X ...": where the page said the campaign was held)
        location = _event_venue(article, start, goes_on.group(2)) or _earlier_location(
            article, start, goes_on.group(1).split()[0].casefold())
    bare = (_BARE_HEAD.search(sentence) or _BARE_GUARDED.search(sentence)) if location is None else None
    if bare is not None and rounds is not None and rounds.start() <= bare.start() < rounds.end():
        bare = None
    if bare is not None:  # "tetap tinggal di markas": the markas named before
        location = _earlier_location(article, start, bare.group(1).casefold(), kind_only=True)
    if location is None and _FORCE_BACK.match(sentence) and not _MANY_SITES.search(sentence):
        # "Ratusan personel itu terdiri atas ...": where
        location = _force_place(article, start)  # the force told before was fielded
    if location is None and _COMPOSED.search(article.text, start, end) and not _MANY_SITES.search(sentence):
        # "Personel itu terdiri atas 150 personel Polres X dan 36 personel Satbrimob Y", "Total 160 personel
        # berjaga ..., terdiri dari ...": a force's make-up, where the page had it fielded (its venue)
        # (not a force spread over polling stations or shifted to them: the writers leave those empty)
        fielded = _force_place(article, start) or _last_venue(article, start)
        if fielded is not None and not _SPREAD.search(sentence) and not _SPREAD.match(fielded):
            location = fielded
    if location is None and _RESPONDS.search(sentence):
        # "Personel Polsek X yang berjaga langsung menengahi ...": where the page just told the clash
        location = _incident_place(article, start)
    beat = _BEAT.search(sentence) if location is None else None
    if beat is not None:  # "Bhabinkamtibmas Kelurahan X mendatangi rumah-rumah warga": his village, where he
        # works (dev: the writers 7 of 7 such sentences naming no place of their own)
        location = beat.group(1)
    if location is None:  # "diamankan dan dibawa ke Mapolres X": the station, the act naming no other place
        location = _taken_to(article, inside, start, end)
    if location is None:  # "Kegiatan yang berlangsung di Ballroom Hotel Tugu ini melibatkan ..."
        location = (_following_location(article, end) or _event_venue_next(article, start, end)
                    or _done_at_next(article, start, end, unit_text))
    part = _VENUE_PART.search(sentence) if location is None and found is None else None
    if part is not None and taxonomy.conventions.get("location_unnamed") != "as_written":
        # "membentuk pagar betis di depan gerbang", "Pengamanan panggung utama dipercayakan kepada": a
        # part of the venue the page told the event at, named by its kind alone: that venue
        location = _last_venue(article, start)
    if location is None and taxonomy.conventions.get("location_unnamed") == "as_written":
        location = unnamed_place(sentence)  # "berpatroli ke permukiman warga": the unnamed place as written
    if step_before is not None and found is None:  # "dikawal ... menuju Kantor Desa X, lalu dijaga",
        # "..., lalu dijaga di sana": a step naming no place of its own is where the step before went
        location = _destination(article, *step_before) or location
    if location is None:  # "WONOSOBO - Polres Wonosobo menyebar 437 personel ...": the lede's own dateline
        location = _lede_dateline(article, start, end)
    if location is None and ref is not None and ref.location:
        location = ref.location
    if location is None and carried.get("location"):
        location = carried["location"]
    floor = _FLOOR.search(sentence) if location else None
    if floor is not None and location in floor.group(1):
        # "di ruang rapat lantai dua kantor tersebut", "di aula lantai dua Gedung X": the room on its floor,
        # as written (dev: 18 records code the floor with the room, none without it)
        location = floor.group(1)
    ring = _RING_SPOT.search(sentence)
    if ring is not None and ring.group(1) != "gedung" and (location is None or location not in sentence or (
            location in ring.group(1))):
        # "ring satu di dalam aula dijaga 20 personel, ring dua di halaman gedung ...": each ring's own spot
        # as written, not the event's venue nor the ring before's (dev: 56 of 83 ring records code the
        # spot, most of the rest a road the sentence names; "di dalam gedung" is the event's building)
        location = re.sub(r"(?:,|\s+dan|\s+serta)+$", "", ring.group(1))
    said_when = bool(article.published) and bool(_TODAY.search(sentence) or _YESTERDAY.search(sentence))
    undated = (date is None or not date.value) and told is None and ref is None and shift is None and (
        opens is None) and not said_when
    if goes_on_there and undated:
        # "Di dayah itu, personel ... membagikan selebaran", "Setibanya di balai desa itu, dua personel
        # berjaga ...": the sentence goes on at the place the one before told, on that one's day
        date_iso = _previous_date(article, start) or date_iso
    first_end = _first_clause_end(article, start, end)  # "..., sedangkan Polsek Kejajar ...": another group's
    own = [e for e in acting if e.end <= first_end]
    partners = _partners(article, own, unit_text, location)
    parts = clauses(article, *selected)
    if len(parts) > 1 and all(_ITEM_JOIN.fullmatch(article.text, a[1], b[0])
                              for a, b in itertools.pairwise(parts)):
        # a figure split by unit ("310 personel Polres X dan 60 personel Satbrimob Y, ditambah 80 prajurit
        # Kodim Z ..."): the soldiers and local bodies of the force take part with every unit of it
        force = [e for e in article.entities if selected[0] <= e.start and e.end <= selected[1]
                 and e.label in ("MILITARY_UNIT", "GOV_ORG") and not start <= e.start < first_end]
        partners += [p for p in _partners(article, force, unit_text, location) if p not in partners]
    partners += [p for p in _next_sentence_partners(article, end, unit_text, location, selected[0])
                 if p not in partners]
    if not partners and ref is not None and ((start, end) == selected or (step_before is not None and not any(
            e.label == "POLICE_UNIT" for e in inside))):  # a next clause: another group's; a next step of
        # its own: the same people going on ("dikawal personel bersama Linmas ke PPS, kemudian ke kantor PPK")
        partners = [p for p in ref.partners if p != unit_text]
    if not partners and carried.get("partners"):
        partners = [p for p in carried["partners"] if p != unit_text]
    listed = _listed_with(article, acting, unit_text)
    if len({u.split()[0] for u in listed}) == 1 and _TERRITORIAL.match(unit_text):
        # "Polsek A dan Polsek B menyisir ...": stations of one kind, one record each, neither the other's
        # partner (not "Polres X dan Satbrimob Y", "pengawalan Sat Lantas dan Sat Samapta": one force, the
        # other a partner)
        partners = [p for p in partners if p not in listed]
    if len(partners) > 1:  # "Satpol PP" beside "Satpol PP Kabupaten X": one body, in its long form
        partners = [p for p in partners if not any(q != p and q.startswith(p + " ") for q in partners)]
    clf = classifier if classifier is not None else _lexicon_only(taxonomy)
    kind = _type(article, start, _typed_clause(article, start, end), clf, sentence)
    if kind == DEPLOYMENT and "escort" in taxonomy.activities and ((_GOODS_ESCORTED.search(sentence) and (
            _GOODS.search(sentence) or _MOVED_GOODS.search(sentence))) or _FOR_DELIVERY.search(sentence)):
        # "logistik akan digeser dari PPK ke PPS dengan pengawalan serupa", "Kotak ... digeser ke hotel dengan
        # pengawalan Sat Lantas": goods moved under guard are an escort, whatever shift word moves them
        kind = "escort"
    if kind in ("", "other", "coordination") and "static_guard" in taxonomy.activities and _SAME_GUARD.search(
            sentence):
        # "pola pengamanan serupa akan diterapkan pada rapat umum ...": the guard told before, again (dev: 14
        # of 20 such records static_guard, 5 a deployment, none a meeting)
        kind = "static_guard"
    if kind == "other" and "patrol" in taxonomy.activities and _PATROL_TOO.search(sentence):
        kind = "patrol"  # "menggelar patroli gabungan sekaligus menertibkan alat peraga": a patrol that does
        # more on its way (a removal told on its own, "Dalam patroli itu ... menurunkan APK", stays other)
    if kind == "escort" and page_key(article, unit_text) == page_key(article, main_unit(article)):
        # "Petugas KPU dan Bawaslu X ikut dalam rombongan ...", anywhere on the page: the page's own convoy
        partners += [p for p in _convoy_companions(article) if p not in partners and p != unit_text]
    if kind == DEPLOYMENT and found is not None and _SENT_FROM.search(sentence):
        # "personel ... diberangkatkan dari Mapolsek X ke Desa A dan Desa B": where they are sent
        # (an escort starts where it takes the goods over; troops are placed where they go)
        sent_to = location_in(article, inside, start, end, toward=True)
        location = sent_to[0] if sent_to is not None else location
    if (date is None or not date.value) and shift is None and ((
            _BEFORE_OPENING.match(sentence) and not _EARLIER_THAT_DAY.match(sentence)) or (
            _DONE_BEFORE.search(sentence) and (kind == PLANNING or _SINCE.search(sentence)))):
        # "Polres X telah memetakan 27 TPS rawan", "pihaknya telah menugaskan delapan penyidik sejak
        # awal masa kampanye", "Dari hasil pemetaan, ...": done before the statement, on a day the text
        # does not give (the guidelines: none -> empty)
        date_iso = None
    unit_text = _next_listed_unit(article, acting, earlier, selected, unit_text)
    sharers = _listed_subject(article, start, end) if _SHARE.search(sentence) else None
    if sharers is not None and (location is None or location not in sentence or location in sharers):
        # "PPK A, PPK B dan PPK C masing-masing dijaga 26 personel": the places the clause opens with
        location = sharers
    location = _next_shared_place(sentence, location, earlier, (start, end))
    if taxonomy.conventions.get("sub_unit") == "alone":  # "Sat Lantas Polres X" coded "Sat Lantas"
        unit_text = sub_unit_alone(unit_text)
    if location and taxonomy.conventions.get("location_where") == "with_where":  # "Gudang KPU X di Dringu"
        location = location_where(location, article.text[start:end])
    if location and taxonomy.conventions.get("location_phrase") == "phrase":  # "halaman Mapolres X"
        location = location_phrase(location, article.text[start:end])
    if location and taxonomy.conventions.get("location_unnamed") == "as_written":
        # "ruang sidang dan area parkir": the unnamed places listed after it too
        location = listed_as_written(location, article.text[start:end])
    return {
        "type": kind,
        "unit": unit_text,
        "date": date_iso,
        "date_text": date.text if date is not None else None,
        "location": location,
        "partners": partners,
        "personnel": _owned_figure(article, inside, start, end) or _own_share(article, inside, unit_text, end)
        or _personnel(article, inside) or _next_personnel(article, end, sentence) or (
            _personnel(article, [e for e in article.entities
                                 if step_before[0] <= e.start and e.end <= step_before[1]])
            if step_before is not None and not any(e.label == "POLICE_UNIT" for e in inside) else None),
        "phase": phase_for(date_iso),
        "evidence": [{"start": start, "end": end}],
        "notes": "",
    }


# a village officer named by his village: "Bhabinkamtibmas Desa Ababi Aipda X"
_BEAT = re.compile(r"(?<![^\W_])Bhabinkamtibmas\s+("
                   r"(?:Desa|Kelurahan|Kalurahan|Kampung|Nagari|Gampong|Pekon|Jorong)\s+[A-Z][\w'’-]*(?:\s+(?!(?:Aipda|Aiptu|Bripka|Brigpol|Briptu|Bripda|Ipda|Iptu|AKP|Bharaka|"
                   r"Bharatu|Bharada)(?![^\W_]))[A-Z][\w'’-]*){0,2})")


# units listed as one doer: "Polsek A, Polsek B dan Polsek C menjaga ..." (nothing but the joins between them)
_UNITS_JOIN = re.compile(r"\s*(?:,\s*(?:dan\s+|serta\s+)?|\s+(?:dan|serta)\s+)")


# each of the places listed gets the figure: "Distrik A dan Distrik B masing-masing mendapat 30 personel",
# "Kantor A dan Kantor B ..., dengan 20 personel bersiaga di masing-masing kantor"
# (not "Polsek masing-masing", "basis pendukung masing-masing pasangan calon": no figure shared; nor
# "masing-masing 38 personel dan 22 personel", each place its own figure in turn)
_PEOPLE = r"(?:\d[\d.]*|[a-z]+)\s+(?:personel|personil|anggota|polisi)(?![^\W_])"
_SHARE = re.compile(rf"(?<![^\W_])masing-masing\s+(?:[a-z]+\s+){{0,2}}?{_PEOPLE}"
                    rf"(?!,?\s+(?:dan|serta)\s+{_PEOPLE})|{_PEOPLE}[^,.;]{{0,40}}?\sdi\s+masing-masing\s+[a-z]+",
                    re.IGNORECASE)
_ITEMS = re.compile(r",\s+(?:dan\s+|serta\s+)?|\s+(?:dan|serta)\s+")


def _shared_places(sentence: str, location: str | None) -> list[str]:
    """The places a share is given to, one record each (the guidelines: a figure split by place gives one
    record per place): the listed location's items when the clause shares its figure "masing-masing";
    [] otherwise (a figure given "masing-masing 38 personel dan 22 personel" goes to each place in turn, a
    split of its own)."""
    if not location or _SHARE.search(sentence) is None or location not in sentence:
        return []
    items = [x for x in _ITEMS.split(location) if x]
    return items if len(items) > 1 and all(x[:1].isupper() for x in items) else []


def _listed_subject(article: Article, start: int, end: int) -> str | None:
    """The places a clause opens with, listed as written ("PPK A, PPK B dan PPK C masing-masing dijaga ..."):
    the subject a share goes to; ``None`` unless two or more open it."""
    lead = re.match(r"\W*(?:(?:sedangkan|sementara|adapun)\s+)?", article.text[start:end])
    at = start + (lead.end() if lead is not None else 0)
    listed: list[Any] = []
    for x in sorted((x for x in article.entities if at <= x.start and x.end <= end), key=lambda x: x.start):
        if x.label not in ("LOC", "ELECTION_BODY") or not (
                x.start == at if not listed else _LIST_JOIN.match(article.text[listed[-1].end:x.start])):
            break
        listed.append(x)
    return article.text[listed[0].start:listed[-1].end] if len(listed) > 1 else None


def _next_shared_place(sentence: str, location: str | None, earlier: Sequence[ActivityRecord],
                       clause: tuple[int, int]) -> str | None:
    """The next of the places a clause shares its figure between that no record of the clause names yet (dev:
    the writers and a second annotator code each place its own record, 12 records)."""
    items = _shared_places(sentence, location)
    if not items:
        return location
    taken = {r.location for r in earlier if r.evidence and any(
        (s.start <= clause[0] and clause[1] <= s.end) or (clause[0] <= s.start and s.end <= clause[1])
        for s in r.evidence)}
    return next((x for x in items if x not in taken), items[-1])


def _next_listed_unit(article: Article, acting: Sequence[Any], earlier: Sequence[ActivityRecord],
                      selected: tuple[int, int], unit_text: str) -> str:
    """The next unit of a list acting as one ("personel Polsek A dan Polsek B menyisir ...") when the
    span's earlier records already code the first ones: a reviewer codes each unit its own record (dev:
    the writers 11 of 11), so the draft moves on to the first unit no record of the span names."""
    taken = {r.unit for r in earlier if r.evidence and any(
        selected[0] <= s.start and s.end <= selected[1] for s in r.evidence)}
    if unit_text not in taken:
        return unit_text
    free = [n for n in _listed_with(article, acting, unit_text) if n not in taken]
    return free[0] if free else unit_text


def _listed_with(article: Article, acting: Sequence[Any], unit_text: str) -> list[str]:
    """The units written in one list with ``unit_text`` ("Polsek A, Polsek B dan Polsek C"), it included;
    [] when it stands alone."""
    units = [e for e in acting if _specific(e)]
    for i, e in enumerate(units):
        if unit_surface(article, e) != unit_text:
            continue
        listed = [e]  # the list this unit opens or stands in
        for a, b in itertools.pairwise(units[i:]):
            if not _UNITS_JOIN.fullmatch(article.text, a.end, b.start):
                break
            listed.append(b)
        back = units[:i][::-1]
        for b, a in zip(back, [e, *back], strict=False):
            if not _UNITS_JOIN.fullmatch(article.text, b.end, a.start):
                break
            listed.insert(0, b)
        if len(listed) > 1:
            return [unit_surface(article, x) for x in listed]
    return []


# a ring of a venue's guard and its spot, unnamed: "ring dua di lobi dan halaman hotel dijaga ...", "Ring satu
# di sekitar panggung utama dijaga ..."
_SPOT_WORD = (r"(?:lobi|halaman|pintu(?:\s+(?:masuk|keluar|utama|gerbang))?|area|ruang|ballroom|aula|"
              r"panggung|tribun|gerbang|pagar|selasar|teras|kantong\s+parkir|parkir|ruas\s+jalan|"
              r"jalan(?:-jalan|\s+masuk)?|gedung|meja|podium)")
_SPOT_STOP = (r"(?:sebagai|untuk|yang|dengan|oleh|pada|sejak|hingga|selama|sementara|sedangkan|serta|"
              r"ditambah|masing-masing|berjaga|bersiaga|ring|di[a-z]{3,})")
# (a road the spot list ends with is named: "di halaman, kantong parkir dan ruas Jalan Teuku Umar"; the spots
# may be joined by "serta": "di halaman serta pintu masuk gedung")
_SPOT_ROAD = r"(?:\s+(?:Jalan|Jl\.)(?:\s+[A-Z][\w.'’-]*){1,4})"
_RING_SPOT = re.compile(rf"(?<![^\W_])(?i:ring)\s+(?i:satu|dua|tiga|empat|I{{1,3}}|IV|[1-4]|pertama|kedua|"
                        rf"ketiga)(?![^\W_])[^,.;]{{0,30}}?\s(?:di|ke)\s+(?:dalam\s+)?("
                        rf"(?:(?:sekitar|luar|depan|sepanjang)\s+)?{_SPOT_WORD}"
                        rf"(?:,?\s+(?:serta\s+(?={_SPOT_WORD}))?(?!{_SPOT_STOP}(?![^\W_]))[a-z][\w-]*){{0,6}}"
                        rf"{_SPOT_ROAD}?)(?!\s+[A-Z])")


# a room on a floor of its building: "ruang rapat lantai dua kantor tersebut", "aula lantai dua Gedung X"
_FLOOR = re.compile(r"(?<![^\W_])((?:ruang(?:an)?(?:\s+(?!lantai)[a-z]+)?|aula|ballroom)\s+(?:di\s+)?"
                    r"lantai\s+(?:satu|dua|tiga|empat|lima|\d+)(?![^\W_])(?:\s+(?:(?:kantor|gedung)"
                    r"(?:\s+(?:tersebut|itu)(?![^\W_])|(?:\s+[A-Z][\w'’/-]*)+)?|"
                    r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’/-]*)*))?)")
# a body named bare as the owner or the authority of something: "sewaan KPU", "ditetapkan KPU", "komisioner
# KPU", "kesepakatan dengan KPU" (not "petugas KPPS", "anggota PPS": its people take part)
_BARE_BODIES = frozenset("KPU KIP PPK PPS PPD KPPS Bawaslu Panwaslih Panwascam".split())
_OWNED_BY_BODY = re.compile(r"(?<![^\W_])(?:sewaan|disewa|milik|ditetapkan|diumumkan|"
                            r"kesepakatan\s+dengan|keputusan|sesuai\s+jadwal)\s+$", re.IGNORECASE)
# the same guard again: "pola pengamanan serupa akan diterapkan", "Pengamanan yang sama kami berlakukan"
_SAME_GUARD = re.compile(r"(?<![^\W_])(?:(?:pola\s+)?pengamanan\s+(?:dengan\s+pola\s+)?|pola\s+)(?:yang\s+)?"
                         r"(?:sama|serupa)(?![^\W_])", re.IGNORECASE)
# goods moved under a guard: "dengan pengawalan Sat Lantas", "Pengawalannya oleh Bhabinkamtibmas"
_GOODS_ESCORTED = re.compile(r"(?<![^\W_])(?:(?:dengan|di\s+bawah|mendapat)\s+(?:pengawalan|kawalan)|"
                             r"pengawalannya|dikawal|mengawal)(?![^\W_])", re.IGNORECASE)
# personnel fielded for a delivery or its route: "mengerahkan 14 personel untuk pengiriman dari Balai X ke 18
# desa", "menurunkan 22 personel untuk rute ke Mengkatip" (not "untuk pergeseran pasukan": troops moved)
_FOR_DELIVERY = re.compile(r"(?<![^\W_])untuk\s+(?:(?:pengiriman|pendistribusian|distribusi|pergeseran|"
                           r"pengantaran)(?!\s+(?:pasukan|personel|personil|anggota))|rute\s+(?:dari|ke|menuju))"
                           r"(?![^\W_])",
                           re.IGNORECASE)
# a move of goods named by its stage, the goods unnamed: "Pergeseran dari PPK ke PPS ... dengan pengawalan"
_MOVED_GOODS = re.compile(r"(?<![^\W_])(?:pergeseran|pendistribusian|distribusi)\s+(?:berikutnya\s+)?dari\s+"
                          r"(?:PPK|PPS|TPS|gudang|kapanewon|kecamatan)(?![^\W_])", re.IGNORECASE)


# a sentence whose doer is a pronoun for the one the sentence before told of ("Pihaknya juga telah
# berkoordinasi ...", "Mereka kemudian ..."), a fronted frame aside ("Di lokasi itu, ia ..."; not a
# speaker's "Fadli menambahkan, pihaknya ...": the speaker's own side)
_PRONOUN_DOER = re.compile(r"(?:(?:di|dari|dalam|pada|selain|setelah|usai|sebelum|saat|ketika|setibanya|"
                           r"sementara|selanjutnya|kemudian|selama)(?![^\W_])[^,.;]{0,60},\s+)?(?:pihaknya|ia|dia|mereka|beliau|jajarannya|anggotanya|"
                           r"personelnya)(?![^\W_])", re.IGNORECASE)


# a later clause that opens with its active verb, its doer the sentence's ("..., lalu berjaga di TPS 05 ...";
# not a passive one, whose subject is what the sentence tells of: "..., lalu disimpan di Kantor X")
_DOERLESS = re.compile(r"\W*(?:lalu|kemudian|dan|serta|selanjutnya|sambil|sekaligus|lantas)?\s*"
                       r"(?:(?:juga|pun|langsung|tetap|kembali)\s+)?(?:me|ber)[a-z]{3,}(?![^\W_])",
                       re.IGNORECASE)


def _clause_doer(article: Article, start: int) -> str:
    """The unit the sentence names before ``start`` when the span opens a later clause with its verb, no doer
    of its own ("Dua personel Polsek X mengawal kotak suara ..., | lalu berjaga di TPS 05 ..."), else ""."""
    around = _sentence_of(article, start)
    if around is None or around[0] >= start or _DOERLESS.match(article.text, start) is None:
        return ""
    before = [e for e in article.entities if around[0] <= e.start and e.end <= start]
    return _unit(article, before, around[0], start)


def _antecedent_unit(article: Article, start: int) -> str:
    """The unit the sentence before ``start`` names as acting (or its role implies), when the sentence
    at ``start`` names none and its doer is a pronoun for that one: who "pihaknya" is ("Kapolsek
    Cijulang ... telah memetakan ... . Pihaknya juga telah berkoordinasi ..." → Polsek Cijulang); ""
    otherwise (the caller falls back to the article's unit)."""
    if _PRONOUN_DOER.match(article.text, start) is None:
        return ""
    spans = [sp for sp in _body_sentences(article.text, tuple((n.start, n.end) for n in article.noise))
             if sp[1] <= start]
    if not spans or article.text[spans[-1][1]:start].strip():
        return ""  # something between (a credit, a heading): not the sentence before
    s, e = spans[-1]
    inside = [x for x in article.entities if s <= x.start and x.end <= e]
    head = _after_header(article, inside, s)
    return _unit(article, [x for x in inside if x.start >= head], head, e)


# bodies going along with a convoy: "Petugas KPU dan Bawaslu X ikut dalam rombongan", "... turut
# mendampingi setiap kloter" (the conventions: a body the article has take part in the activity)
_GOES_ALONG = re.compile(r"(?<![^\W_])(?:ikut|turut)\s+(?:serta\s+)?(?:mendampingi|mengiringi|dalam\s+"
                         r"(?:rombongan|iring-iringan|konvoi)|bersama\s+rombongan)(?![^\W_])", re.IGNORECASE)


def _convoy_companions(article: Article) -> list[str]:
    """Bodies (not police) a sentence of the page says go along with the convoy, named before its verb."""
    out: list[str] = []
    for s, e in _body_sentences(article.text, tuple((n.start, n.end) for n in article.noise)):
        m = _GOES_ALONG.search(article.text, s, e)
        if m is None:
            continue
        named = [x for x in article.entities if s <= x.start and x.end <= m.start()
                 and x.label in ("ELECTION_BODY", "GOV_ORG", "MILITARY_UNIT")]
        if any(x.label in ("POLICE_UNIT", "PERSONNEL") and s <= x.start < m.start()
               for x in article.entities):
            continue  # "dua personel ikut mendampingi petugas KPU": the police go along, not the body
        out += [x.text for x in named if x.text not in out]
    return out


# "kemarin": the day before the page's date (the guidelines: relative words are no DATE, their value dates)
_TODAY = re.compile(r"(?<![^\W_])(?:kini|hari\s+ini|pagi\s+ini|siang\s+ini|sore\s+ini|malam\s+ini|"
                    r"(?:pagi|siang|sore)\s+tadi|tadi\s+(?:pagi|siang|sore)|(?:siang|sore|malam)\s+nanti|nanti\s+(?:siang|sore|malam))"
                    r"(?![^\W_])",
                    re.IGNORECASE)
_YESTERDAY = re.compile(r"(?<![^\W_])kemarin(?![^\W_])(?!\s+(?:lusa|sore|malam|pagi|siang)?\s*\w*\s*hari)",
                        re.IGNORECASE)


def _yesterday(published: str) -> str:
    """The day before a page's date (ISO)."""
    day = datetime.date.fromisoformat(published[:10])
    return (day - datetime.timedelta(days=1)).isoformat()


def _lede_end(article: Article) -> int:
    """Where the body's first sentence ends (the lede that dates the story)."""
    title_end = _title_end(article)
    spans = [sp for sp in _body_sentences(article.text, tuple((n.start, n.end) for n in article.noise))
             if sp[0] >= title_end]
    if article.dateline and len(spans) > 1:
        # a photo caption above the lede ("Kotak suara dinaikkan ke speedboat ... (Dok. Polres X)"): the
        # lede is the sentence opening with the dateline ("AGATS, OUTLET.ID – ... kemarin.")
        place = article.dateline.casefold()
        opening = next((e for s, e in spans[:4] if article.text[s:s + len(place) + 4].casefold().lstrip(
            " *_#").startswith(place)), None)
        if opening is not None:
            return opening
    return spans[0][1] if spans else title_end


# a pointer to all of the places named before: "Di kedua kantor tersebut", "ketiga gudang itu"
_MANY_POINTED = re.compile(r"(?<![^\W_])(?:kedua|ketiga|keempat|kelima|semua|seluruh)\s+$", re.IGNORECASE)


def _listed_before(article: Article, start: int, kind: str) -> str | None:
    """The places of that kind a sentence just before ``start`` lists ("Kantor A dan Kantor B"), for a
    pointer to all of them ("Di kedua kantor tersebut")."""
    spans = [sp for sp in _body_sentences(article.text, tuple((n.start, n.end) for n in article.noise))
             if sp[1] <= start]
    for s, e in reversed(spans[-3:]):
        found = location_in(article, [x for x in article.entities if s <= x.start and x.end <= e], s, e)
        if found is not None and found[0].casefold().count(kind) > 1:
            return found[0]
    return None


def _named_in_full(article: Article, before: int, mention: str) -> str | None:
    """The venue a lower-case mention stands for: the last place before ``before`` whose name begins
    with the mention ("kantor KPU" -> "Kantor KPU Kabupaten Pemalang", named in the lede)."""
    head = " ".join(mention.split()).casefold() + " "
    named = [x.text for x in article.entities if x.label == "LOC" and x.end <= before
             and x.text.casefold().startswith(head) and not _in_noise(article, x)]
    if named:
        return named[-1]
    # ... or written in lower case with its body's whole name: "kantor KPU Kabupaten Dompu"
    kind, _, body = mention.partition(" ")
    for x in reversed(article.entities):
        at = x.start - len(kind) - 1
        if x.end <= before and x.label in ("ELECTION_BODY", "GOV_ORG") and (not body or x.text.startswith(
                body + " ")) and at >= 0 and article.text[at:x.start].casefold() == kind.casefold() + " ":
            return article.text[at:x.end]
    return None


def _sentence_of(article: Article, at: int) -> tuple[int, int] | None:
    """The body sentence holding the offset ``at``."""
    spans = _body_sentences(article.text, tuple((n.start, n.end) for n in article.noise))
    return next(((s, e) for s, e in spans if s <= at < e), None)


# a range of days written with the month once: "pada 5 hingga 7 Desember 2024" (the date marked is its end)
_RANGE_FROM = re.compile(r"(?<![^\W_])(\d{1,2})\s*(?:hingga|sampai|s/d|s\.d\.?|-|–)\s*$", re.IGNORECASE)


def _range_start(article: Article, inside: Sequence[Any], start: int) -> str | None:
    """The first day of a range the sentence dates its activity by ("4 hingga 6 Desember 2024"), the
    month and year written once after its last day."""
    for e in inside:
        m = _RANGE_FROM.search(article.text, max(start, e.start - 14), e.start) if e.label == "DATE" else None
        if m is None or not e.value:
            continue
        try:
            last = datetime.date.fromisoformat(str(e.value))
            first = last.replace(day=int(m.group(1)))
        except ValueError:
            continue
        if first < last:
            return first.isoformat()
    return None


def _told_date(article: Article, start: int, end: int) -> str | None:
    """The first date ``start:end`` gives its activity (not an end bound nor a reference)."""
    for e in article.entities:
        if e.label == "DATE" and e.value and start <= e.start and e.end <= end and not _NOT_WHEN.search(
                article.text[max(start, e.start - 45):e.start]) and not _SENT_FOR_DAY.search(
                article.text[max(start, e.start - 140):e.start]):
            return str(e.value)
    return None


# a sentence whose date is not an event's day: a plan, a start, a reported statement, a quote
_DATES_ELSE = re.compile(r"(?<![^\W_])(?:akan|dijadwalkan|rencananya|direncanakan|sejak|mengatakan|"
                         r"menjelaskan)(?![^\W_])|^\W*[\"“]", re.IGNORECASE)


# places given in the order of the shares before them: "..., masing-masing ke PPK A, PPK B dan PPK C"
_RESPECTIVELY = re.compile(r",?\s+masing-masing\s+(?:ke|di|menuju|untuk)\s+(?=[A-Z])")


def _respective_place(article: Article, selected: tuple[int, int], start: int) -> str | None:
    """The place a share of a figure split by unit gets when the sentence lists the places after the shares,
    one each in the same order ("masing-masing ke A, B dan C"); ``None`` unless the counts match."""
    told = _RESPECTIVELY.search(article.text, *selected)
    if told is None:
        return None
    parts = [p for p in clauses(article, selected[0], told.start()) if p[0] < told.start()]
    places = [e for e in article.entities if told.end() <= e.start and e.end <= selected[1]
              and e.label in ("LOC", "ELECTION_BODY")]
    at = next((i for i, (a, b) in enumerate(parts) if a <= start < b), None)
    if len(parts) < 2 or len(places) != len(parts) or at is None:
        return None
    return places[at].text


def _last_told(article: Article, start: int) -> str | None:
    """The date the nearest body sentence before ``start`` tells an event on, for "Pada hari yang sama, ..."
    (not a plan, a start ("sejak"), a quote or a reported statement: those date something else)."""
    spans = [sp for sp in _body_sentences(article.text, tuple((n.start, n.end) for n in article.noise))
             if sp[1] <= start and sp[0] >= _title_end(article)]
    for s, e in reversed(spans):
        told = _told_date(article, s, e)
        if told is not None and not _DATES_ELSE.search(article.text[s:e]):
            return told
    return None


def _clause_date(article: Article, start: int) -> str | None:
    """A later clause of a sentence takes the date its sentence gives before it."""
    around = _sentence_of(article, start)
    if around is None or around[0] >= start or not clauses(article, *around)[1:]:
        return None
    return _told_date(article, around[0], start)


def _pointer(sentence: str) -> re.Match[str] | None:
    """The sentence's pointer back to a place: one naming a kind of venue ("di hotel yang sama") before
    one naming an activity ("Pengamanan tersebut disepakati ... di hotel yang sama")."""
    found = list(_THERE.finditer(sentence))
    if not found or found[0].group().split()[0].casefold() in _MEETINGS:
        return found[0] if found else None  # "Dalam rakor itu, ...": where the meeting was
    venue = next((m for m in found if _HEAD_WORD.fullmatch(m.group().split()[0]) is not None), None)
    return venue or found[0]


def _sentence_before_span(article: Article, start: int) -> tuple[int, int] | None:
    """The body sentence just before ``start``, if any."""
    spans = [s for s in _body_sentences(article.text, tuple((n.start, n.end) for n in article.noise))
             if s[1] <= start]
    return spans[-1] if spans else None


def _paragraph_date(article: Article, start: int) -> str | None:
    """The date the sentence just before ``start`` gives when it stands in the same paragraph."""
    spans = [s for s in _body_sentences(article.text, tuple((n.start, n.end) for n in article.noise))
             if s[1] <= start]
    if not spans or "\n" in article.text[spans[-1][0]:start]:
        return None
    return _told_date(article, *spans[-1])


_OF_A_THING = re.compile(r"(?<![^\W_])yang\s+(?:[\w-]+\s+){1,4}$", re.IGNORECASE)


def _previous_date(article: Article, start: int) -> str | None:
    """The day of the sentence just before ``start``: the date it gives, else the day it shifts to
    from the article's first date ("Sehari sebelumnya, ...")."""
    spans = [s for s in _body_sentences(article.text, tuple((n.start, n.end) for n in article.noise))
             if s[1] <= start]
    if not spans:
        return None
    s, e = spans[-1]
    own = _told_date(article, s, e)
    if own is not None:
        return own
    shift = _DAY_SHIFT.search(article.text, s, e)
    if shift is not None and _OF_A_THING.search(article.text, max(s, shift.start() - 60), shift.start()):
        shift = None  # "hasil pleno yang ditetapkan sehari sebelumnya": the day of a thing it names
    first = next((x.value for x in article.entities if x.label == "DATE" and x.value and x.start < s
                  and not _in_noise(article, x) and x.start > _title_end(article)), None)
    if shift is None or first is None:
        return None
    with contextlib.suppress(ValueError):
        days = _SHIFTS[" ".join(shift.group(1).casefold().split())]
        return (datetime.date.fromisoformat(str(first)) + datetime.timedelta(days=days)).isoformat()
    return None


def _share_coded_elsewhere(article: Article, a: int, b: int, outside: Sequence[ActivityRecord]) -> bool:
    """Whether the share ``a:b`` of a figure split by unit ("20 personel Polres X") is a record's of another
    sentence already, unit and figure (the reviewer gave the lede the Polres's own 20)."""
    inside = [e for e in article.entities if a <= e.start and e.end <= b]
    figure = _personnel(article, inside)
    unit = next((e for e in inside if _specific(e)), None)
    return figure is not None and unit is not None and any(
        r.personnel == figure and page_key(article, r.unit) == page_key(article, unit_surface(article, unit))
        for r in outside)


def _next_clause(article: Article, start: int, end: int,
                 earlier: Sequence[ActivityRecord]) -> tuple[int, int]:
    """The span to draft when ``start:end`` splits into clauses: the first clause no earlier record
    codes (the first one is coded by a record of the whole span or of a span inside it, a further
    one by a record inside it), else the span itself. A share of a figure split by unit that a record
    of another sentence codes, unit and figure, counts as coded ("terdiri atas 135 personel Polres X dan
    40 personel Batalyon B ..." after the lede coded with the Polres's own 135; dev: of 63 such sentences
    the 6 whose first share an earlier record carries all code the next share first, the 50 coding the
    first share here have no such record)."""
    spans = [(s.start, s.end) for r in earlier for s in r.evidence if start <= s.start and s.end <= end]
    outside = [r for r in earlier if r.personnel and r.evidence and (not any(
        start <= sp.start < end or sp.start <= start < sp.end for sp in r.evidence) or any(
        # ... or of a longer span holding this one: "menyiagakan 250 personel. Jumlah itu terdiri dari 190
        # personel Polres X dan 60 personel Satbrimob Y" coded with the Polres's 190, then its second sentence
        sp.start <= start and end <= sp.end and sp.end - sp.start > end - start for sp in r.evidence))]
    if not spans:  # (a share coded elsewhere needs one of this span's figures on a record: else no split)
        figures = {e.value for e in article.entities
                   if start <= e.start and e.end <= end and e.label == "PERSONNEL"}
        if len(figures) < 2 or not any(r.personnel in figures for r in outside):
            return start, end
    parts = clauses(article, start, end)
    if len(parts) == 1 and spans:  # "dikawal ke sekretariat PPS malam ini, lalu pada Kamis (28/11) ke PPK": a
        # sentence coded once goes on to its next step, each step of the chain an act of its own
        steps = _steps(article, start, end)
        coded = sum(start <= s and e <= end for s, e in spans)
        if 1 < len(steps) and coded < len(steps):
            return steps[coded]
    for i, (a, b) in enumerate(parts if len(parts) > 1 else []):
        coded = sum((a <= s and e <= b) or (i == 0 and (s, e) == (start, end)) for s, e in spans)
        if coded and coded < _share_count(article, a, b):
            return (start, end) if i == 0 else (a, b)  # a place of the share still to code
        if not coded and not _share_coded_elsewhere(article, a, b, outside):
            return (start, end) if i == 0 else (a, b)
    return start, end


# the next step of a chain of acts: ", lalu dijaga ...", ", kemudian ke kantor PPK ...", ", lalu pada Kamis
# (28/11) mengawal ..." (a verb or a destination after it, not a noun)
_THEN = re.compile(r",\s+(?:lalu|kemudian|selanjutnya|lantas)\s+"
                   r"(?=(?:(?:pada|sejak|mulai)\s+[^,.;]{1,30}?\s+)?"
                   r"(?:(?:di|me|ber)[a-z]{3,}(?![^\W_])|ke\s+[a-zA-Z]|menuju\s))", re.IGNORECASE)


def _steps(article: Article, start: int, end: int) -> list[tuple[int, int]]:
    """The steps of a sentence telling a chain of acts ("dikawal dari Gudang X menuju Kantor Y, lalu dijaga
    semalaman oleh ..."), each from its own verb; the whole sentence alone when it tells no chain."""
    out, at = [], start
    for m in _THEN.finditer(article.text, start, end):
        out.append((at, m.start()))
        at = m.end()
    out.append((at, end))
    return out


def _corrected(article: Article, record: ActivityRecord | None, taxonomy: Taxonomy) -> dict[str, Any]:
    """The slots of ``record`` its reviewer corrected: those unlike the draft of its own evidence (the issue's
    "the second record starts from the first one's corrections", not from what the pre-fill gave it), less
    a value its own sentence writes or the same value written another way (that sentence's, not the
    page's)."""
    if record is None or not record.evidence:
        return {}
    span = record.evidence[0]
    draft = prefill(article, span.start, span.end, taxonomy)
    got = {"unit": record.unit, "date": record.date, "location": record.location, "partners": record.partners}
    out = {k: v for k, v in got.items() if v and v != draft.get(k)}
    was_unit, was_place = str(draft.get("unit") or ""), str(draft.get("location") or "")
    if "unit" in out and was_unit and (page_key(article, was_unit) == page_key(article, record.unit) or (
            sub_unit_alone(was_unit) == record.unit)):
        del out["unit"]  # the same unit written another way ("Sat Samapta" for "Sat Samapta Polres X")
    place = str(record.location)
    if "location" in out and was_place and (was_place in place or place in was_place):
        del out["location"]  # "halaman Mapolres X" for "Mapolres X": the same place written another way
    own = " ".join(sp.text for sp in record.evidence)
    for slot in ("unit", "location"):  # a value its own sentence writes is that sentence's, not the page's
        if slot in out and str(out[slot]) in own:
            del out[slot]
    if "partners" in out:
        out["partners"] = [p for p in out["partners"] if p not in own]
        if not out["partners"]:
            del out["partners"]
    return out


def _step_before(article: Article, selected: tuple[int, int], start: int, end: int) -> tuple[int, int] | None:
    """The step before the clause ``start:end`` when it is a later step of the chain ``selected`` tells."""
    if (start, end) == selected:
        return None
    steps = _steps(article, *selected)
    at = steps.index((start, end)) if (start, end) in steps else 0
    return steps[at - 1] if at > 0 else None


def _destination(article: Article, start: int, end: int) -> str | None:
    """Where the movement of ``start:end`` goes: its last place after "ke" or "menuju"."""
    inside = [e for e in article.entities if start <= e.start and e.end <= end]
    went = [p for p in _places(article, inside, start, end, toward=True) if p[0] == 1.0]
    return article.text[went[-1][1]:went[-1][2]].strip(" ,.") if went else None


def _share_count(article: Article, a: int, b: int) -> int:
    """How many records the clause ``a:b`` takes: one per place it shares its figure between, else one."""
    found = location_in(article, [x for x in article.entities if a <= x.start and x.end <= b], a, b)
    place = found[0] if found is not None else _listed_subject(article, a, b)
    return max(1, len(_shared_places(article.text[a:b], place)))


_FOR = re.compile(r"(?<![^\W_])(?:untuk|guna|demi)\s+$", re.IGNORECASE)
# where an event told before was held: "Di lokasi kampanye", "ke lokasi pleno"
_EVENT_SITE = re.compile(r"(?<![^\W_])(?:di|ke|menuju)\s+(?:lokasi\s+(kampanye|pleno|acara|kegiatan|rapat|"
                         r"apel|debat|deklarasi|unjuk rasa|aksi|rekapitulasi)|"
                         # the venue told before: "di lokasi yang sama", "di tempat yang sama"
                         r"(?:lokasi|tempat)\s+yang\s+sama|"
                         # a part of the event's venue: "Di sekitar panggung", "di depan podium"
                         r"(?:(?:sekitar|depan|atas|bawah|belakang|samping)\s+)?(?:panggung|podium|tribun))(?![^\W_])",
                         re.IGNORECASE)
# a sentence opening with the activity told before, going on about it in the passive: "Apel dipimpin
# Kapolres X dan diikuti 480 personel" (the apel the lede placed)
# ... or its guard ("Pengamanan kampanye dipimpin Kapolsek X", "Pengamanan pleno dilakukan 15 personel")
_EVENTS = r"kampanye|pleno|rapat pleno|debat|deklarasi|rekapitulasi|pendaftaran|pengundian"
_TOLD_ON = re.compile(rf"\W*(apel|patroli|rakor|rapat koordinasi|simulasi|pengamanan\s+({_EVENTS}))\s+"
                      r"(?:juga\s+)?(?:dipimpin|diikuti|dihadiri|dilaksanakan|berlangsung|dilakukan)(?![^\W_])",
                      re.IGNORECASE)


# meetings and gatherings a pointer names ("Dalam rakor itu"), with the names the page may have told them by
_MEETINGS = {"rakor": r"rakor|rapat\s+koordinasi", "rapat": r"rapat|rakor", "apel": r"apel",
             "pertemuan": r"pertemuan|rapat|rakor|silaturahmi|audiensi", "acara": r"acara"}


def _event_venue(article: Article, start: int, event: str | None) -> str | None:
    """The named venue of the last sentence before ``start`` that tells of the ``event`` ("kampanye",
    "pleno"): where the page said it was held ("Di lokasi kampanye", "Pengamanan pleno dilakukan ...")."""
    if not event:
        return None
    # (not one that only dates another act by it: "Usai pleno, kotak suara dibawa ke Gudang X")
    told = re.compile(rf"(?<![^\W_])(?<!usai )(?<!seusai )(?<!setelah )(?<!sebelum )(?<!selesai )"
                      rf"(?:{_MEETINGS.get(event.casefold(), re.escape(event))})(?![^\W_])", re.IGNORECASE)
    spans = [s for s in _body_sentences(article.text, tuple((n.start, n.end) for n in article.noise))
             if s[1] <= start]
    for s, e in reversed(spans):
        if told.search(article.text, s, e) is None:
            continue
        found = location_in(article, [x for x in article.entities if s <= x.start and x.end <= e], s, e)
        if found is not None and found[0][:1].isupper() and _HEAD_WORD.match(found[0]) and not _ROUTE.match(
                found[0]):
            return found[0]
    return None
# a movement that starts at a place named before: "dikawal dari hotel tersebut menuju ..."
_FROM_THERE = re.compile(rf"(?<![^\W_])dari\s+({_VENUE_HEADS})(?:(?:\s+[a-z]\w*){{0,2}}?\s+(?:itu|tersebut)"
                         # ... or by its kind alone, the movement said right after: "dari GOR hingga ke posko"
                         r"|(?=\s+(?:hingga|sampai|ke|menuju)\s)"
                         # ... or fronted before the clause that moves: "Dari pelabuhan, kotak suara dibawa
                         # ke ..."
                         r"|(?=\s*,))(?![^\W_])", re.IGNORECASE)
# a place left before the act ("Usai dari gudang, ..."): the scene the act follows, not where it starts
_AFTER_LEAVING = re.compile(r"(?<![^\W_])(?:usai|seusai|setelah|selesai|sepulang|pulang|kembali)\s+$",
                            re.IGNORECASE)
# rounds over many of a kind ("berpatroli dari TPS ke TPS", "dari desa ke desa"): no place, neither end
_ROUNDS = re.compile(r"(?<![^\W_])dari\s+(\w+)\s+(?:hingga\s+|sampai\s+)?ke\s+\1(?![^\W_])", re.IGNORECASE)
_ACTIVITY = re.compile(rf"(?:{_ACTIVITY_NOUN})(?![^\W_])", re.IGNORECASE)
_EACH = re.compile(r"(?<![^\W_])(?:di|ke)\s+(?:setiap|tiap|masing-masing)\s+([\w-]+)", re.IGNORECASE)


_OWN_POSTS = re.compile(r"(?:\s+(?:tugas|jaga|pengamanan))?\s+masing-masing(?![^\W_])", re.IGNORECASE)
# a force placed over many sites ("348 personel ditempatkan di 1.236 TPS", "disebar ke seluruh TPS"): no
# one place, neither where the force mustered
_MANY_SITES = re.compile(r"(?<![^\W_])(?:di|ke)\s+(?:(?:sejumlah|beberapa|seluruh|semua|setiap|tiap|"
                         r"\d[\d.]*)\s+(?:TPS|titik|lokasi|pos|desa|kelurahan|kecamatan|distrik|PPK|PPS)|TPS-TPS)(?![^\W_])",
                         re.IGNORECASE)


# the local one of a body or of people: "Polsek setempat", "Babinsa setempat", "warga setempat"
_LOCAL_BODY = re.compile(r"(?<![^\W_])(?:polsek|polres|koramil|babinsa|bhabinkamtibmas|bhabin|linmas|kpps|"
                         r"pps|ppk|panwascam|pengawas|petugas|personel|anggota|polisi|aparat|warga|tokoh|masyarakat|"
                         r"pemerintah|perangkat|kepala|ketua|camat|lurah|kades|pemuda|nelayan|ulama|jemaah|"
                         r"jamaah|tim|satgas)(?:\s+[a-z]\w*)?\s+$", re.IGNORECASE)


def _no_place_pointed(sentence: str, there: re.Match[str]) -> bool:
    """Whether a pointer back names no one place: what an act is for ("Untuk operasi itu, Polres X
    menyiapkan ..."), or a set the sentence spreads the act over ("Untuk TPS rawan itu, ... dua
    personel di setiap TPS")."""
    if _ACTIVITY.match(sentence, there.start()) and _FOR.search(sentence, max(0, there.start() - 8),
                                                                 there.start()):
        return True
    if _OWN_POSTS.match(sentence, there.end()):  # "digeser ke lokasi tugas masing-masing": each its own post
        return True
    if there.group().casefold() == "setempat" and _LOCAL_BODY.search(sentence, max(0, there.start() - 40),
                                                                     there.start()):
        return True  # "dijaga personel Polsek setempat", "Bhabinkamtibmas setempat": who is local, not where

    kind = there.group().split()[0].casefold()
    if kind == "tps-tps":  # "Personel untuk TPS-TPS tersebut": many polling stations (the conventions' own
        return True  # example; "pulau-pulau tersebut" after two kecamatan named is e06's list of them)
    return any(m.group(1).casefold() == kind for m in _EACH.finditer(sentence))


# a verb telling an act (not a noun a verb's prefix starts, nor "berasal/merupakan": what a part is)
_ACT_WORD = re.compile(r"(?<![^\W_])(?!(?:merupakan|berasal|berjumlah|distrik|dinas|direktorat|diantaranya|"
                       r"dini)(?![^\W_]))(?:me|ber|di)[a-z]{3,}(?![^\W_])|"
                       r"(?<=kami |kita )[a-z]{4,}kan(?![^\W_])")  # "kami siagakan": the speaker's passive


def _items_place(article: Article, start: int, end: int) -> tuple[str, float] | None:
    """The place of the first later clause that names one, when the span's clauses are the items of a figure
    split by unit joined by "dan" or a comma (the first item's own clause names none); else ``None``."""
    parts = clauses(article, start, end)
    joints = [_ITEM_JOIN.fullmatch(article.text, a[1], b[0]) for a, b in itertools.pairwise(parts)]
    if len(parts) < 2 or not all(j is not None and "ditambah" not in j.group() for j in joints) or re.search(
            r"\s(?:di|ke|menuju|dari)\s", article.text[parts[0][0]:parts[0][1]]):
        return None  # (not "..., ditambah 100 personel Y yang disiagakan di Z": the added force's own place;
        # not "12 personel di aula itu dan empat personel di gudang X": the first item's own place, pointed)
    for a, b in parts[1:]:
        found = location_in(article, [x for x in article.entities if a <= x.start and x.end <= b], a, b)
        if found is not None:
            return found
    return None


def _typed_clause(article: Article, start: int, end: int) -> str:
    """What the type is read from: the first clause, or the whole span when its clauses are the items
    of a figure split by unit joined by "dan" or a comma ("menyiagakan 150 personel Polres X dan 30
    personel Batalyon Y untuk mengamankan jalannya aksi"): the act and its purpose are every item's."""
    parts = clauses(article, start, end)
    joints = [_ITEM_JOIN.fullmatch(article.text, a[1], b[0]) for a, b in itertools.pairwise(parts)]
    if joints and all(joints):
        return article.text[start:end]
    return article.text[start:parts[0][1]]


# a clause whose cues all set a scene or name a thing weighs less than this (a weak trigger weighs 0.4)
SCENE_ONLY = SCENE + 0.04


def _type(article: Article, start: int, clause: str, clf: TypeClassifier, sentence: str) -> str:
    """The type of the sentence's first clause (the whole sentence when it was coded before); a
    sentence with no trigger word and nothing learned like it ("Sebanyak 46 personel ... di
    Kecamatan Praya Barat.") is about the activity of the sentence before it, else of the headline."""
    if clause != sentence and not clf.known(sentence) and clf.lexicon_scores(clause):
        sentence = clause  # "65 personel berjaga ..., sedangkan 100 personel disiagakan"
    if clause == sentence and not _ACT_WORD.search(clause):
        # "... Apel diikuti 78 personel Polres X dan | 24 personel BKO Satbrimob Y.": a later item of a split
        # that has no verb of its own takes its sentence's (not what its own nouns cue, "BKO")
        spans = _body_sentences(article.text, tuple((n.start, n.end) for n in article.noise))
        own = next((s for s, e in spans if s < start < e), None)
        if own is not None and _ITEM_JOIN.search(article.text, own, start) and clf.lexicon_scores(
                article.text[own:start]):
            return clf.guess(article.text[own:start])[0]
    kind, p = clf.guess(sentence)
    scores = clf.lexicon_scores(sentence)
    spans = _body_sentences(article.text, tuple((n.start, n.end) for n in article.noise))
    own = next((s for s, e in spans if s < start < e), None)
    if scores and max(scores.values()) < SCENE_ONLY and p < 0.5 and own is not None and _ITEM_JOIN.search(
            article.text, own, start) and clf.lexicon_scores(article.text[own:start]):
        # "..., 16 personel Sat Samapta di atas truk dan 8 personel Sat Lantas yang membuka jalan dengan
        # mobil patroli": a later part whose only cue names a thing ("mobil patroli") does its sentence's act
        return clf.guess(article.text[own:start])[0]
    if scores or p >= 0.5:
        return kind
    if own is not None and clf.lexicon_scores(article.text[own:start]):
        # "Sebanyak 60 personel dikirim ke A, sedangkan 60 personel lainnya ke B": a later clause
        # that leaves its verb out has the verb of its sentence, not of the sentence before
        return clf.guess(article.text[own:start])[0]
    before = [s for s in spans if s[1] <= start]
    if _FORCE_BACK.match(sentence):
        # "Ratusan personel itu terdiri atas ...", "Dari jumlah tersebut, ...": the force told before,
        # the act it was fielded for (not the sentence just before, "... dengan pengawalan tim walpri")
        for s, e in reversed(before[-4:]):
            if any(x.label == "PERSONNEL" and s <= x.start < e for x in article.entities) and (
                    clf.lexicon_scores(article.text[s:e])):
                return clf.guess(article.text[s:e])[0]
    for s, e in reversed(before[-1:]):
        if clf.lexicon_scores(article.text[s:e]):
            return clf.guess(article.text[s:e])[0]
    if article.title and clf.lexicon_scores(article.title):
        return clf.guess(article.title)[0]
    return kind


_FORCE_BACK = re.compile(r"\W*(?:(?:ratusan|puluhan|ribuan|seluruh|para|sebanyak)\s+)?"
                         r"(?:personel|pasukan|personil|anggota)\s+(?:gabungan\s+)?(?:itu|tersebut)|"
                         r"\W*(?:dari|dengan)\s+jumlah\s+(?:itu|tersebut)", re.IGNORECASE)


_SPREAD = re.compile(r"(?<![^\W_])(?:TPS|digeser|pergeseran|Mapol\w*|Lapangan\s+Apel)(?![^\W_])")
_COMPOSED = re.compile(r"(?<![^\W_])terdiri\s+(?:atas|dari)\s+(?:\d[\d.]*|[a-z]+)\s+"
                       r"(?:personel|personil|anggota)(?![^\W_])", re.IGNORECASE)


# a response to a clash told just before: "yang berjaga langsung menengahi", "segera melerai", "menenangkan"
_RESPONDS = re.compile(r"(?<![^\W_])(?:menengahi|melerai|menenangkan|memisahkan|meredam|meredakan|"
                       r"mengamankan\s+(?:warga|pemilih|pelaku|orang|seorang|kedua|para))(?![^\W_])",
                       re.IGNORECASE)
_CLASH = re.compile(r"(?<![^\W_])(?:adu\s+mulut|memprotes|protes|memanas|ricuh|kericuhan|keributan|gesekan|"
                    r"saling\s+dorong|cekcok|bentrok|perselisihan|keberatan)(?![^\W_])", re.IGNORECASE)


def _incident_place(article: Article, start: int) -> str | None:
    """Where the clash the sentence at ``start`` answers was told: the place of the nearest of the three
    sentences before that tells a clash and names one (dev: the writers 8 of 8 such responses)."""
    spans = [sp for sp in _body_sentences(article.text, tuple((n.start, n.end) for n in article.noise))
             if sp[1] <= start]
    for s, e in reversed(spans[-3:]):
        if not _CLASH.search(article.text, s, e):
            continue
        found = location_in(article, [x for x in article.entities if s <= x.start and x.end <= e], s, e)
        if found is not None:
            return found[0]
    return None


def _force_place(article: Article, start: int) -> str | None:
    """Where the force a sentence points back to ("Ratusan personel itu ...") was fielded: the place of
    the last of the four sentences before ``start`` that counts personnel."""
    spans = [sp for sp in _body_sentences(article.text, tuple((n.start, n.end) for n in article.noise))
             if sp[1] <= start]
    for s, e in reversed(spans[-4:]):
        inside = [x for x in article.entities if s <= x.start and x.end <= e]
        if any(x.label == "PERSONNEL" for x in inside):
            found = location_in(article, inside, s, e)
            return found[0] if found is not None else None
    return None


_LEXICON_ONLY: dict[int, TypeClassifier] = {}


def _lexicon_only(taxonomy: Taxonomy) -> TypeClassifier:
    """The classifier with nothing learned, one per taxonomy (its trigger pattern is compiled once)."""
    clf = _LEXICON_ONLY.get(id(taxonomy))
    if clf is None or clf.taxonomy is not taxonomy:
        if len(_LEXICON_ONLY) > 16:
            _LEXICON_ONLY.clear()
        clf = _LEXICON_ONLY[id(taxonomy)] = TypeClassifier(taxonomy)
    return clf


@functools.lru_cache(maxsize=16)
def _body_sentences(text: str, noise: tuple[tuple[int, int], ...]) -> list[tuple[int, int]]:
    """The sentences outside page noise (kept for the few articles being drafted just now)."""
    spans = sentences(text, [Span(s, e) for s, e in noise])
    return [s for s in spans if not any(a <= s[0] and s[1] <= b for a, b in noise)]


# where in or around a venue: "halaman gudang itu" points to the warehouse
_POSITION = frozenset("halaman depan sekitar dalam area luar pagar gerbang pintu lingkungan tepi pinggir "
                      "sisi ujung belakang samping seberang masuk keluar utama".split())
_AREA_KINDS = frozenset(
    "desa kelurahan kecamatan distrik kampung gampong nagari pulau kabupaten kota dusun jorong korong pekon "
    "banjar".split())


def _named_before(article: Article, inside: Sequence[Any], at: int, kind: str) -> str | None:
    """The last place of that kind of area the sentence names before its pointer at ``at``."""
    if kind not in _AREA_KINDS:
        return None
    named = [e for e in inside if e.label == "LOC" and e.end <= at and e.text.split()[0].casefold() == kind]
    return named[-1].text if named else None


# a pointer to an occasion, not to a place: the activity told before ("Dalam kesempatan itu")
_OCCASIONS = frozenset("kesempatan pertemuan acara".split())
# kinds of venue a page names many of ("di TPS", "di kantor"): a bare one points back only a little
_MANY_OF_A_KIND = frozenset("tps kantor gudang pos posko rumah balai".split())
# ... of which a page names few by name (a warehouse, an office): a bare one may point further back to one
_FEW_NAMED = frozenset("kantor gudang balai".split())


# venues that are a building ("gedung" points back to them): an event hall, a sports hall, a hotel
_BUILDINGS = frozenset("gedung gor hotel graha wisma pendopo pendapa auditorium ballroom".split())


def _of_kind(place: str, kind: str) -> bool:
    """Whether a place is of that kind of venue: "Gudang Logistik KPU X" of "gudang", "Ballroom
    Hotel Y" of "hotel" (the room of a venue named with it), a long form of its acronym."""
    words = place.casefold().split()
    if kind == "bangunan":  # a building: "Gedung X", "GOR Y", "Hotel Z"
        return bool(words) and words[0] in _BUILDINGS
    return bool(words) and (words[0].startswith(kind) or (len(words) > 2 and words[1] == kind)
                            or f"({kind})" in words)  # "Gedung Olahraga (GOR) X" of "gor"


def _occupied_of_kind(text: str, at: int, kind: str) -> bool:
    """Whether the named venue at ``at`` is where an unnamed one of that kind is ("gudang logistik KPU
    yang menempati GOR X": "gudang itu" points to the GOR)."""
    return re.search(rf"(?<![^\W_]){re.escape(kind)}(?:\s+[\w()-]+){{0,3}}?,?\s+yang\s+(?:menempati|memakai|"
                     r"terletak\s+di|berada\s+di|bertempat\s+di)\s+(?:(?:halaman|kompleks|komplek|area|kawasan)"
                     r"\s+)?$", text[max(0, at - 90):at], re.IGNORECASE) is not None


def _named_of_kind(article: Article, spans: Sequence[tuple[int, int]], kind: str) -> bool:
    """Whether the sentences ``spans`` name a venue of that kind with a capital (its name)."""
    for s, e in spans:
        inside = [x for x in article.entities if s <= x.start and x.end <= e]
        if any(article.text[ps].isupper() and _of_kind(article.text[ps:pe], kind)
               for _, ps, pe in _places(article, inside, s, e)):
            return True
    return False


# a part of a venue named by its kind alone: "di depan gerbang", "dekat pintu masuk", "panggung utama"
_VENUE_PART = re.compile(r"(?<![^\W_])(?:gerbang|pintu\s+(?:masuk|keluar|gerbang|pagar)|panggung|pelataran|"
                         r"(?:area|lahan|kantong)\s+parkir|tribun|lobi)(?![^\W_])", re.IGNORECASE)


def _last_venue(article: Article, start: int) -> str | None:
    """The last named venue of the sentences before ``start`` ("Lapangan X", "Hotel Y"; an event is
    held at a venue, not on the road its crowd came along nor at the police station its guards mustered)."""
    spans = [s for s in _body_sentences(article.text, tuple((n.start, n.end) for n in article.noise))
             if s[1] <= start]
    for s, e in reversed(spans):
        inside = [x for x in article.entities if s <= x.start and x.end <= e]
        places = _places(article, inside, s, e)
        for _, ps, pe in sorted(places, key=lambda p: -p[1]):
            if any(qs < ps and pe <= qe for _, qs, qe in places):
                continue  # "Tugu Kuala Kurun" in "Lapangan Tugu Kuala Kurun": the whole name
            if _HEAD_WORD.match(article.text, ps) is not None and article.text[ps].isupper() and (
                    _ROUTE.match(article.text, ps) is None) and _HEADQUARTERS.match(article.text, ps) is None:
                return article.text[ps:pe].strip(" ,.")  # (not the station the apel before it was at)
    return None


def _earlier_location(article: Article, start: int, kind: str = "", kind_only: bool = False,
                      strict: bool = False) -> str | None:
    """The place of the sentences just before ``start`` (up to three back; first the last venue
    of that ``kind`` named before, "gudang" for "gudang itu"), else the dateline. Asked only when the
    sentence points back to a place ("di sana", "di lokasi"): a sentence that names no place
    leaves the slot empty (on the real-shaped gold's dev part, falling back whenever the
    sentence names none gets 0.61 of locations right, only on "di sana" 0.74)."""
    if kind == "gedung" and kind_only and not strict:
        # "Ring satu di dalam gedung" after "di GOR X": no Gedung named before, the building the event is in
        return _earlier_location(article, start, kind, True, strict=True) or _earlier_location(
            article, start, "bangunan", True)
    spans = [s for s in _body_sentences(article.text, tuple((n.start, n.end) for n in article.noise))
             if s[1] <= start]
    venue = _HEAD_WORD.fullmatch(kind) is not None or kind == "bangunan"
    # a bare kind ("di TPS", "di area TPS") points back a paragraph or so (a page names many TPS and
    # offices), the unit's headquarters ("tetap tinggal di markas") anywhere: it has one
    headquarters = _HEADQUARTERS.fullmatch(kind) is not None  # "di markas": Mapolres X, Markas Polres X
    near = kind_only and not headquarters
    back = spans[-3:] if near else spans if venue else spans[-3:] if _INCIDENT.fullmatch(kind) else []
    if kind in _AREA_KINDS:  # "desa itu", "distrik tersebut": the last area of that kind named before
        for s, e in reversed(spans[-3:]):
            named = [x for x in article.entities if s <= x.start and x.end <= e and x.label == "LOC"
                     and x.text.split()[0].casefold() == kind]
            if named:
                return named[-1].text
    # the body's sentences, then the headline's (a title-case headline capitalises every word: "Patroli
    # Gudang Logistik KPU Pasca Pilkada" names no venue the lede's "gudang logistik KPU X" does not)
    title_end = _title_end(article)
    looked = [(s, e) for s, e in reversed(back) if s >= title_end]
    looked += [(s, e) for s, e in reversed(back) if s < title_end]
    has_name: bool | None = None  # whether those sentences name a venue of that kind (asked once)
    unnamed = None  # "patroli ke gudang logistik dilakukan ...": the kind again, no name; one further back
    for s, e in looked:  # the last venue of that kind; an incident's: the last venue
        inside = [x for x in article.entities if s <= x.start and x.end <= e]
        for _, ps, pe in sorted(_places(article, inside, s, e), key=lambda p: -p[1]):
            if article.text[ps:pe].islower() and _of_kind(article.text[ps:pe], kind):
                unnamed = unnamed or article.text[ps:pe].strip(" ,.")
                continue
            if article.text[ps].islower():
                if has_name is None:
                    has_name = _named_of_kind(article, [(a, b) for a, b in looked if a >= title_end], kind)
                if has_name:
                    continue  # "hingga ke kantor KPU" after "Kantor KPU Kabupaten X": the name
            if _of_kind(article.text[ps:pe], kind) or _occupied_of_kind(article.text, ps, kind) or (
                    headquarters and _HEADQUARTERS.match(article.text, ps) is not None) or (
                    not venue and _HEAD_WORD.match(article.text, ps) is not None):
                return article.text[ps:pe].strip(" ,.")
    if unnamed is not None:
        return unnamed
    if kind_only and near:
        # a venue a page names once ("di tepi lapangan" after "Lapangan X" four sentences before); of a
        # kind pages name many of ("Setibanya di gudang" after an escort "menuju Gudang X"), by its name
        for s, e in reversed(spans[:-3]):
            inside = [x for x in article.entities if s <= x.start and x.end <= e]
            for _, ps, pe in sorted(_places(article, inside, s, e), key=lambda p: -p[1]):
                if _of_kind(article.text[ps:pe], kind) and (kind not in _MANY_OF_A_KIND or (
                        article.text[ps].isupper() and kind in _FEW_NAMED)):
                    return article.text[ps:pe].strip(" ,.")
    if kind_only:
        return None
    # an occasion ("Dalam pertemuan tersebut", "kesempatan itu") is the last activity told, its place
    # perhaps a few sentences back (a statement about it and a date line between)
    for s, e in reversed(spans[-5:] if kind in _OCCASIONS else spans[-3:]):
        inside = [x for x in article.entities if s <= x.start and x.end <= e]
        found = location_in(article, inside, s, e, max_rank=3)
        if found:
            return found[0]
    return article.dateline or None


def validate(article: Article, fields: dict[str, Any], taxonomy: Taxonomy) -> dict[str, Any]:
    """The record's fields cleaned (spans carry their text, dates are ISO, phase derived), or
    InvalidRecord naming every problem; a value of the wrong type is reported, never used."""
    wrong_type = record_field_problems(fields)
    fields = {k: v for k, v in fields.items() if k not in wrong_type}
    problems: dict[str, str] = {}
    unknown = set(fields) - RECORD_FIELDS
    if unknown:
        problems["fields"] = f"unknown field(s): {', '.join(sorted(unknown))}"
    out = dict(fields)
    rtype = (out.get("type") or "").strip()
    if not rtype:
        problems["type"] = "an activity type is required"
    elif rtype not in taxonomy.activities:
        problems["type"] = f"{rtype!r} is not an activity type ({', '.join(taxonomy.activities)})"
    out["type"] = rtype
    unit = (out.get("unit") or "").strip()
    if not unit:
        problems["unit"] = "the acting unit is required"
    out["unit"] = unit
    spans: list[Span] = []
    for raw in out.get("evidence") or []:
        span = raw if isinstance(raw, Span) else Span.from_dict(raw) if isinstance(raw, dict) else None
        if span is None or not (0 <= span.start < span.end <= len(article.text)):
            problems["evidence"] = "an evidence span lies outside the article's text"
            continue
        spans.append(Span(span.start, span.end, article.text[span.start : span.end]))
    if not spans and "evidence" not in problems:
        problems["evidence"] = "at least one evidence sentence is required"
    out["evidence"] = spans
    raw_date = out.get("date")
    if raw_date:
        iso = parse_date(str(raw_date), article.published)
        if iso is None:
            problems["date"] = f"{raw_date!r} is not a date (try 2024-11-27 or 27/11/2024)"
        else:
            out["date"] = iso
    else:
        out["date"] = None
    out["personnel"] = parse_personnel(out.get("personnel"))  # checked above: 2.5 is not 25
    phase = out.get("phase")
    if not phase:
        out["phase"] = phase_for(out.get("date"))
    elif phase not in PHASES:
        problems["phase"] = f"{phase!r} is not a phase ({', '.join(PHASES)})"
    partners = out.get("partners") or []
    if isinstance(partners, str):
        partners = [p.strip() for p in partners.split(",")]
    out["partners"] = [str(p).strip() for p in partners if str(p).strip()]
    out["location"] = (out.get("location") or "").strip() or None
    out["date_text"] = (out.get("date_text") or "").strip() or None
    out["notes"] = out.get("notes") or ""
    problems.update(wrong_type)
    if problems:
        raise InvalidRecord(problems)
    return out
