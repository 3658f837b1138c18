"""The activity type of a sentence: the taxonomy's trigger words as a prior, plus what this
store's reviewers have coded.

Why two parts: on a new store nothing has been coded, so the trigger lexicon must carry the
guess alone; once reviewers code, their records say what a store's outlets call each activity
(words no lexicon lists, a project's own reading of a type). The learned part is a multinomial
naive Bayes over the words of the records' evidence sentences, refreshed from the records table
whenever it changed (no restart; other reviewers' records count too); its weight grows with the
number of records and with how many of the sentence's words the records know. A sentence of a
template coded before (a copy's sentence, the same release sentence about another unit) takes
that record's type.

The lexicon part reads the whole sentence: every trigger found adds its weight to its type
(longer phrases weigh more), and a trigger in a clause that only sets the scene (``usai apel``,
``sebelum bergeser``, ``dalam rangka pengamanan``) counts less than the sentence's own verb.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from store.taxonomy import Taxonomy

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_WORD_START = re.compile(r"(?<![^\W_])[^\W_]")
# words that introduce a scene-setting clause: a trigger right after one is not the main verb
_SCENE = re.compile(
    r"(?:usai|seusai|setelah|sesudah|sebelum|selesai|pasca|jelang|menjelang|selama|saat|ketika|"
    r"sela|sela-sela|rangka|dalam rangka|terkait|lanjutan|selain)\W+(?!(?:itu|ini|tersebut)\W)"
    r"(?:\w+\W+){0,1}$",
    re.IGNORECASE)  # "Sebelum itu, simulasi ..." is a connective: the trigger after it is the act
# the event another body holds when the act is done ("pengamanan akan ditingkatkan saat DPRD Kabupaten X
# menggelar rapat dengar pendapat"): the time of the act, not the act (the police's own is theirs: "saat
# Polres X menggelar Jumat Curhat")
_HELD_DURING = re.compile(r"(?<![^\W_])(?:saat|ketika|selama)\s+(?!(?:Polres|Polresta|Polrestabes|Polsek|"
                          r"Polda|Kapol\w*|Sat\w*|Dit\w*|Brimob|pihaknya|kami|kita|personel|polisi|petugas|jajaran)"
                          r"(?![^\W_]))(?:[\w/-]+\s+){1,6}?(?:menggelar|mengadakan|"
                          r"melaksanakan|melangsungkan)\s+(?:\w+\s+)?$", re.IGNORECASE)
# the kind of exercise or plan before what it is about: "simulasi pengamanan TPS" is a simulation
# ... and the way a thing is done or the people who do it: "pola pengamanan pleno telah disepakati
# dalam rapat" is a meeting, "memberangkatkan 60 personel pengamanan TPS" a deployment
# ... and what talks are about: "berkoordinasi dengan PPK soal pengamanan rapat pleno" is coordination
_TOPIC = re.compile(r"(?<![^\W_])(?:simulasi|latihan|rencana|rancangan|persiapan|pemetaan|gladi|memetakan|"
                    r"merencanakan|menyusun|mempersiapkan|menyiapkan|pola|skema|konsep|strategi|koordinasi|rakor|"
                    r"evaluasi|kesiapan|soal|mengenai|tentang|perihal|membahas)\s+"
                    r"(?:[a-z]+\s+)?$", re.IGNORECASE)
# what the people already do, told of them in passing: "Personel Polsek X yang berjaga di ruangan itu
# segera melerai ..." (the act is the main verb's)
_WHO_DO = re.compile(r"(?<![^\W_])(?:personel|personil|anggota|petugas|polisi|aparat)(?:\s+[\w/-]+){0,4}?"
                     r"\s+yang\s+$", re.IGNORECASE)
_BEING_THERE = frozenset(("static_guard", "patrol"))  # "yang dikirim ke 798 TPS berjumlah ...": a deployment
_CREW = re.compile(r"(?<![^\W_])(?:personel|personil|pasukan|petugas|anggota)\s+$", re.IGNORECASE)
# an incident the activity answers: "mendatangi sebuah rumah setelah warga melaporkan ..." is a
# response (the guidelines: reacting to a clash, demo or report is incident_response)
_ANSWERS = re.compile(r"(?<![^\W_])(?:setelah|usai|seusai|menyusul|menanggapi|merespons|atas)\W+"
                      r"(?:\w+\W+){0,2}$", re.IGNORECASE)
INCIDENT = "incident_response"
GUARD = "static_guard"
# the means of an act named before ("memimpin pengamanan di aula tersebut dengan menurunkan 14 personel"):
# the guard is the act, the people it takes are how (not when the sentence names no act before it:
# "Operasi X dijalankan oleh Polres Y dengan menurunkan 310 personel ke 812 TPS")
_MEANS = re.compile(r"(?<![^\W_])dengan\s+$", re.IGNORECASE)
# Verbs the type and the pre-fill's slots both read (one list each, here, so the two never drift apart):
# an appeal to others ("mengimbau simpatisan agar ..."), and talk with people met on the way ("berbincang
# dengan petugas KPU yang berjaga"); regex alternations, longest first where one opens another
APPEAL_VERBS = r"mengimbau|menghimbau|mengajak|mengingatkan|berpesan|meminta"
TALK_VERBS = r"berbincang-bincang|berbincang|berdialog|bercengkerama|menyapa|mengobrol|bertegur\s+sapa"
# what an escort takes along ("mengawal iring-iringan kendaraan patroli dari Mapolres X"): its object
_ESCORTED = re.compile(r"(?<![^\W_])(?:mengawal|dikawal|mengiringi|diiringi|pengawalan)\s+"
                       r"(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
# what is checked on ("memantau alat peraga kampanye yang belum diturunkan"): the object, not the act
_CHECKED = re.compile(r"(?<![^\W_])(?:memantau|memonitor|mengecek|memeriksa)\s+(?:[\w-]+\s+)?$",
                      re.IGNORECASE)
# what an act is for keeping from happening ("menyisir Kampung X untuk mencegah praktik politik uang",
# "mengantisipasi kericuhan"): a purpose, not an incident answered
_PREVENTED = re.compile(r"(?<![^\W_])(?:mencegah|pencegahan|mengantisipasi|antisipasi|mewaspadai|menangkal|"
                        r"meminimalisir|meminimalkan|menekan)\s+(?:[\w-]+\s+){0,2}?$", re.IGNORECASE)
# a frame and what fills it ("ring ketiga berupa patroli Sat Lantas"): the act is what it is made of
_MADE_UP = re.compile(r"\s+(?:[\w-]+\s+)?(?:berupa|yakni|yaitu)\s", re.IGNORECASE)
# what an appeal asks of others ("mengimbau simpatisan agar tidak membawa atribut kampanye", "... tidak
# terpancing provokasi"): the appeal is the act, what it names is not (not an order to the police's own
# people: "meminta seluruh personel agar berjaga ...")
_ASKED = re.compile(rf"(?<![^\W_])(?:{APPEAL_VERBS})(?![^\W_])"
                    r"(?!\s+(?:kepada\s+)?(?:seluruh\s+|para\s+|semua\s+)?(?:personel|personil|anggota|jajaran|"
                    r"petugas|pasukan|prajurit)(?![^\W_]))[^.;]{0,80}?(?<![^\W_])(?:agar|supaya|untuk)\s+",
                    re.IGNORECASE)
DEPLOYMENT = "troop_deployment"
# things set moving: "logistik ... diberangkatkan lebih awal dan dikawal personel" is an escort; a
# deployment verb there moves the logistics, not the police (no people noun between them)
_THINGS_MOVE = re.compile(r"(?<![^\W_])(?:logistik|kotak suara|surat suara|armada|truk|kendaraan pengangkut|"
                          r"kapal pengangkut)(?![^\W_])"
                          r"(?:(?!personel|personil|anggota|pasukan|polisi)[^.;])*$", re.IGNORECASE)
# what is done alongside the act: "patroli dialogis ... sambil membagikan stiker" is the patrol
_ALONGSIDE = re.compile(r"(?<![^\W_])(?:sambil|seraya|sembari)(?![^\W_])", re.IGNORECASE)
_WHILE = re.compile(rf"{_ALONGSIDE.pattern}[^,.;]*$", re.IGNORECASE)
# what the people of the act will do later: "diikuti 612 personel ... yang akan disebar ke 1.304 TPS"
# is the apel they attend now, "melepas 60 personel BKO yang akan ditempatkan di TPS" a deployment
# personnel sent to another police unit (see ``_CONSTRUCTIONS``): what they are for does not name the act
_TO_A_UNIT = re.compile(r"(?<![^\W_])(?<!yang )(?:mengirim|mengirimkan|dikirim|dikirimkan|memberangkatkan|"
                        r"diberangkatkan|menyerahkan|diserahkan|di-?BKO-?kan|mem-?BKO-?kan|diperbantukan|"
                        r"memperbantukan)\s+(?:[^\s.;]+\s+){0,8}?(?:ke|kepada)\s+"
                        r"(?:Polres|Polresta|Polrestabes|Polsek|Polda)(?![^\W_])")
# who the people of the act are: "100 personel Brimob yang diperbantukan ke Polres X berjaga di ..." guard
_DESCRIBES = re.compile(r"(?<![^\W_])yang\s+(?:telah\s+|sudah\s+|juga\s+)?$", re.IGNORECASE)
_LENT = frozenset("diperbantukan di-bko-kan dibko-kan di-bkokan didatangkan".split())  # a force's status
_LATER = re.compile(r"(?<![^\W_])yang\s+akan\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
# an activity told as what another begins with: "Patroli diawali apel di halaman Mapolres" is the apel
# (not across a time clause: "saling lempar batu menjelang acara dibuka" is the clash, not an opening)
_BEGUN_WITH = re.compile(r"(?:\s+(?!(?:menjelang|jelang|sebelum|setelah|sesudah|usai|seusai|saat|ketika|"
                         r"hingga|sampai)(?![^\W_]))[\w-]+){0,5}?\s+"
                         r"(?:diawali|didahului|ditandai|dibuka|dimulai dengan)(?![^\W_])", re.IGNORECASE)
# constructions that say what a deployment verb does: personnel placed AT a place that is guarded
# ("menyiagakan 60 personel di Kantor KPU") guard it; personnel kept as a reserve are a deployment
# ("disiagakan di Mapolres sebagai pasukan cadangan")
_CONSTRUCTIONS = (
    # personnel readied for what they will do ("Sebagian personel disiapkan untuk menjaga 401 TPS",
    # "menyiapkan 310 personel untuk mengamankan ..."): none sent yet, planning (the gold's convention)
    (re.compile(r"(?<![^\W_])(?:(?:personel|personil|pasukan|anggota)\s+(?:[\w.]+\s+){0,2}?(?:disiapkan|"
                r"dipersiapkan)|(?:menyiapkan|mempersiapkan)\s+(?:[\w.]+\s+){0,3}?(?:personel|personil|pasukan|"
                r"anggota))(?![^\W_])[^.]*?\s(?:untuk|guna)\s", re.IGNORECASE), "planning"),
    # traffic re-routing readied ("menyiapkan rekayasa arus untuk kampanye ..."): a plan; put in force
    # ("memberlakukan rekayasa arus di Jalan X"): traffic work, other (the taxonomy's trigger)
    (re.compile(r"(?<![^\W_])(?:menyiapkan|mempersiapkan|merencanakan|menyusun|merancang)\s+(?:[\w-]+\s+){0,2}?"
                r"rekayasa(?![^\W_])", re.IGNORECASE), "planning"),
    # the vehicles of a convoy checked before it leaves ("memeriksa kendaraan pengangkut", "mengecek kelayakan
    # truk"): preparing, planning (the guidelines: preparing is planning), not the escort
    # (not vehicles stopped at a post: "memeriksa kendaraan yang keluar dari pelabuhan")
    (re.compile(r"(?<![^\W_])(?:memeriksa|mengecek|pengecekan|pemeriksaan)\s+(?:(?:kelayakan|kesiapan)\s+"
                r"(?:kendaraan|truk|armada|kapal|perahu|speedboat|longboat)|(?:kendaraan|truk|kapal|perahu)\s+"
                r"(?:pengangkut|pembawa)|armada\s+(?:pengangkut|pengiriman|distribusi))(?![^\W_])",
                re.IGNORECASE), "planning"),
    # an apel held before an act ("menggelar apel patroli skala besar ..., yang diikuti 450 personel"): the
    # apel (the guidelines: an apel is ceremony_apel), whatever it opens
    (re.compile(r"(?<![^\W_])(?:menggelar|melaksanakan|mengadakan|menyelenggarakan|memimpin)\s+apel(?![^\W_])",
                re.IGNORECASE), "ceremony_apel"),
    # supporters' convoy escorted ("mengawal iring-iringan simpatisan dari titik kumpul ... hingga lapangan"):
    # an escort, whatever traffic work the sentence adds
    (re.compile(r"(?<![^\W_])(?:mengawal|dikawal|pengawalan)\s+(?:iring-iringan|rombongan|konvoi|arak-arakan)"
                r"(?![^\W_])", re.IGNORECASE), "escort"),
    # the journey of goods secured is an escort ("ikut bertugas mengamankan perjalanan kotak suara hingga
    # tiba di Kantor KPU", "menjaga pergeseran logistik"), not a guard of them where they lie
    (re.compile(r"(?<![^\W_])(?:mengamankan|menjaga|pengamanan|penjagaan)\s+(?:perjalanan|pergerakan|"
                r"pergeseran|pengiriman|pendistribusian|distribusi|perpindahan|pemindahan|pengangkutan)\s+"
                r"(?:[\w-]+\s+){0,2}?(?:logistik|kotak\s+suara|surat\s+suara|bilik\s+suara|dokumen)(?![^\W_])",
                re.IGNORECASE), "escort"),
    # ... and people setting out from where the goods are kept ("berangkat pagi hari dari gudang logistik
    # PPK X menuju rumah singgah Kampung Y"): the escort going on, not troops sent
    (re.compile(r"(?<![^\W_])(?:berangkat|bertolak|bergerak)(?:\s+[\w-]+){0,3}?\s+dari\s+gudang(?![^\W_])",
                re.IGNORECASE), "escort"),
    # an event escorted is an event secured ("mengawal kampanye terbuka pasangan calon", "pengawalan
    # jalannya debat publik"): its guard, not an escort of goods or people
    (re.compile(r"(?<![^\W_])(?:mengawal|dikawal|pengawalan)\s+(?:(?:jalannya|pelaksanaan|kegiatan)\s+)?"
                r"(?:kampanye|debat|rapat\s+pleno|pleno|pendaftaran|pemungutan\s+suara|penghitungan\s+suara|"
                r"rekapitulasi|sidang|deklarasi|pengundian)(?![^\W_])", re.IGNORECASE), "static_guard"),
    # ... and a meeting secured ("mengamankan pertemuan terbatas pasangan calon", "menjaga rapat pleno"):
    # its guard, not the talks (the guidelines: a rakor the police hold with other bodies is coordination)
    (re.compile(r"(?<![^\W_])(?:mengamankan|menjaga|diamankan|dijaga)\s+(?:(?:jalannya|pelaksanaan|kegiatan)\s+)?"
                r"(?:pertemuan|rapat|kampanye|debat|deklarasi)(?![^\W_])", re.IGNORECASE), "static_guard"),
    # ... and personnel placed FOR places ("menempatkan 22 personel untuk 98 TPS"), or fielded at a
    # counted number of them ("mengerahkan 18 personel di 84 TPS"): each place is guarded (not a
    # placement still ahead: "Personel BKO itu akan ditempatkan di TPS rawan", below)
    (re.compile(r"(?<![^\W_])(?:menyiagakan|disiagakan|menempatkan|(?<!akan )ditempatkan|menyebar|disebar|"
                r"mengerahkan|dikerahkan)\s+"
                r"(?:[\w.]+\s+){0,4}?(?:di|untuk)\s+(?:(?:setiap|seluruh|sejumlah|depan|sekitar|masing-masing|"
                r"\d[\d.]*|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh)\s+)?"
                r"(?:kantor|tps|gudang|gedung|hotel|lokasi|pos(?!\s+sektor)|posko|balai|aula|stadion|rumah|ppk|pps|"
                r"kpu|bawaslu|panwascam|gereja|masjid|pura|vihara|klenteng)(?![^\W_])",
                re.IGNORECASE), "static_guard"),
    # ... and personnel placed in an area, not at a place they guard ("akan menempatkan 40 personel di
    # Kecamatan Loloda", "ditempatkan di Distrik X"): sent there
    (re.compile(r"(?<![^\W_])(?:menempatkan|ditempatkan|menyebar|disebar|mengerahkan|dikerahkan)\s+"
                r"(?:[\w.]+\s+){0,4}?(?:di|ke)\s+(?:wilayah\s+)?"
                r"(?:Kecamatan|Distrik|Desa|Kelurahan|Pulau|Kabupaten|Kampung|Gampong|Nagari)\s+[A-Z]"),
     "troop_deployment"),
    # ... and personnel placed at posts that each cover areas ("menempatkan personel di enam pos sektor
    # ..., masing-masing mengamankan tiga hingga empat distrik"): spread over the area, not guarding posts
    (re.compile(r"(?<![^\W_])(?:menempatkan|ditempatkan|menyiagakan|disiagakan|menyebar|disebar|membagi|dibagi)"
                r"\s+[^.;]*?(?<![^\W_])(?:pos|posko|sektor)(?![^\W_])[^.;]*?(?<![^\W_])(?:masing-masing|setiap|tiap)"
                r"\s+(?:[\w-]+\s+){0,2}?(?:mengamankan|membawahi|mencakup|meliputi|menjangkau|mengampu)\s+"
                r"(?:[\w-]+\s+){0,4}?(?:distrik|kecamatan|desa|kelurahan|kampung|nagari|wilayah)(?![^\W_])",
                re.IGNORECASE), "troop_deployment"),
    (re.compile(r"(?<![^\W_])(?:sebagai\s+(?:pasukan\s+|personel\s+)?cadangan|(?:pasukan|personel)\s+cadangan)"
                r"(?![^\W_])", re.IGNORECASE), "troop_deployment"),
    # ... and personnel sent to another police unit ("mengirim 300 personel BKO ke Polres X ... untuk
    # mengamankan PSU", "menyerahkan 60 personel Satbrimob BKO kepada Polres Y"): a deployment, whatever
    # it is for (not in a clause describing who guards: "... yang diperbantukan ke Polres X berjaga di")
    (_TO_A_UNIT, "troop_deployment"),
    # ... and personnel standing by at a police base ("bersiaga di Mapolsek X"): held ready, not guarding it
    (re.compile(r"(?<![^\W_])(?:bersiaga|disiagakan|siaga|standby|stand\s+by)\s+di\s+"
                r"(?:Mapolres|Mapolresta|Mapolsek|Mapolda|Mako|Markas)(?![^\W_])", re.IGNORECASE),
     "troop_deployment"),
    # a rehearsal of the security ("gladi simulasi pengamanan rapat pleno") is the exercise, not a muster;
    # a meeting of the police alone ("rapat internal ... untuk membagi sektor pengamanan") makes plans:
    # planning (the guidelines: a meeting with other bodies is coordination)
    (re.compile(r"(?<![^\W_])(?:(?:gladi|geladi)(?:\s+resik)?\s+(?:simulasi|sispamkota|pengamanan)|"
                r"rapat\s+(?:internal|intern))(?![^\W_])", re.IGNORECASE), "planning"),
    # the security of an event coordinated with a body ("mengoordinasikan pengamanan rapat pleno ...
    # dengan KIP X"): the coordination, not the guard it is about
    (re.compile(r"(?<![^\W_])(?:mengoordinasikan|mengkoordinasikan|dikoordinasikan|dikordinasikan)\s+"
                r"(?:[^\s.;]+\s+){0,14}?dengan\s", re.IGNORECASE), "coordination"),
    # a patrol's stop where it talks with the people on duty ("berdialog dengan petugas jaga", "berbincang
    # dengan petugas KPU yang berjaga", "berdialog dengan anggota PPK yang masih bekerja"): checking on the
    # place, not outreach to residents nor talks with a body
    (re.compile(rf"(?<![^\W_])(?:{TALK_VERBS})\s+"
                r"(?:dengan\s+)?(?:para\s+)?(?:petugas|personel|anggota|penjaga|staf|pegawai)(?:\s+[\w/-]+){0,2}?"
                r"\s+(?:jaga|piket|(?:yang\s+)?(?:sedang\s+|masih\s+|tengah\s+)?(?:berjaga|bertugas|bekerja|piket))"
                r"(?![^\W_])", re.IGNORECASE), "patrol"),
    # personnel arriving ("30 personel Satbrimob Polda X tiba di Y untuk memperkuat pengamanan ...", "satu
    # kompi Ditsamapta yang tiba di Z"): sent there, whatever they come for (not goods arriving where people
    # act: "personel Polsek X menjaga kotak suara yang tiba dari ...")
    (re.compile(r"(?<![^\W_])(?:personel|personil|pasukan|anggota|kompi|peleton|pleton|BKO)"
                r"(?:\s+(?!(?:hingga|sampai|saat|ketika|setelah|sebelum)\s|me[a-z]{3,}\s)[\w./-]+){0,8}?\s+(?:yang\s+)?"
                r"(?:tiba|datang)(?![^\W_])", re.IGNORECASE), "troop_deployment"),
    # ... and a placement told as still ahead ("Personel BKO itu akan ditempatkan di TPS rawan", "438 personel
    # akan disebar ke 412 TPS"): people sent, not yet guarding (not what readied people are for: "menyiapkan
    # 612 personel yang akan disebar ke ..." is planning)
    # (people spread AT the stations, "akan disebarkan di seluruh TPS", guard them, as above)
    (re.compile(r"(?<![^\W_])(?<!yang )akan\s+(?:ditempatkan\s+(?:[\w.]+\s+){0,3}?(?:di|ke)|"
                r"(?:disebar|disebarkan|dikirim|digeser|diterjunkan|dikerahkan|diberangkatkan)\s+"
                r"(?:[\w.]+\s+){0,3}?ke)(?![^\W_])", re.IGNORECASE),
     "troop_deployment"),
    # campaign props taken down ("mencopot 260 baliho, spanduk dan bendera", "menurunkan alat peraga
    # kampanye"): other, as the taxonomy's "menertibkan" is; the props are what is removed, not outreach
    (re.compile(r"(?<![^\W_])(?:mencopot|dicopot|menurunkan|diturunkan|menertibkan|ditertibkan|membongkar|"
                r"dibongkar|mencabut|dicabut)\s+(?:[\w.]+\s+){0,3}?(?:baliho|spanduk|bendera|alat\s+peraga|apk|"
                r"atribut|poster|stiker)(?![^\W_])", re.IGNORECASE), "other"),
    # an event given security ("Rapat pleno ... di Aula X, Minggu (1/12), mendapat pengamanan ketat dari
    # jajaran kepolisian"): the guard of it, not the meeting
    (re.compile(r"(?<![^\W_])(?:mendapat|mendapatkan|memperoleh)\s+(?:pengamanan|penjagaan)(?![^\W_])",
                re.IGNORECASE), "static_guard"),
    # personnel placed for polling stations named first ("Untuk TPS sangat rawan, ..., polisi menyiagakan 22
    # personel", as "menempatkan 22 personel untuk 98 TPS"): they guard them (not people sent off to them:
    # "Untuk TPS di lereng X, personel ... diberangkatkan dengan truk")
    (re.compile(r"^\W*(?:untuk|khusus|bagi)\s+(?:[\w-]+\s+){0,2}?TPS(?![^\W_])[^.;]*?"
                r"(?<![^\W_])(?:menyiagakan|disiagakan|menempatkan|ditempatkan)(?![^\W_])", re.IGNORECASE),
     "static_guard"),
    # campaign props checked on a round ("melintasi Jalan X untuk memantau alat peraga kampanye yang belum
    # diturunkan"): the patrol, not the props' removal
    (re.compile(r"(?<![^\W_])(?:memantau|memonitor|mengecek|memeriksa|pemantauan|pengecekan)\s+"
                r"(?:[\w-]+\s+){0,2}?(?:alat\s+peraga|apk|baliho|spanduk|atribut\s+kampanye)(?![^\W_])",
                re.IGNORECASE), "patrol"),
    # parking kept in order for an event ("mengatur parkir kendaraan simpatisan"): traffic work, other
    (re.compile(r"(?<![^\W_])(?:mengatur|menata|menertibkan|pengaturan|penataan|penertiban)\s+(?:area\s+|lahan\s+)?"
                r"parkir(?![^\W_])", re.IGNORECASE), "other"),
    # a protest's people met or brought to talks ("memfasilitasi pertemuan lima perwakilan massa dengan
    # Ketua Bawaslu", "menemui massa"): the police answer a demo (the guidelines), not a coordination
    (re.compile(r"(?<![^\W_])(?:bernegosiasi|berdialog|bermediasi)\s+dengan\s+(?:para\s+)?"
                r"(?:koordinator\s+(?:aksi|lapangan)|korlap|perwakilan\s+massa|massa)(?![^\W_])|"
                # a person held ("mengamankan warga tersebut dan menyerahkan penanganannya kepada ...")
                r"(?<![^\W_])(?:mengamankan|diamankan)\s+(?:seorang\s+|dua\s+|tiga\s+|para\s+)?"
                r"(?:warga|pria|wanita|pemuda|oknum|orang|pelaku|terduga)\s+(?:tersebut|itu|yang|berinisial)"
                r"(?![^\W_])|"
                # a crowd's representatives brought to talks ("memfasilitasi lima perwakilan untuk bertemu")
                r"(?<![^\W_])(?:memfasilitasi|mempertemukan)\s+(?:[\w-]+\s+){0,2}?perwakilan(?![^\W_])|"
                r"(?<![^\W_])(?:memfasilitasi|mempertemukan|menemui|menerima|mengajak)\s+(?:[\w-]+\s+){0,3}?"
                r"(?:perwakilan\s+)?(?:massa|pengunjuk\s+rasa|demonstran|pendemo|koordinator\s+lapangan|"
                r"koordinator\s+aksi|korlap)(?![^\W_])",
                re.IGNORECASE), "incident_response"),
    # a meeting halted ("rapat pleno sempat diskors setelah saksi ... mempersoalkan ..."): the police
    # answer a disturbance (not the pleno "yang sempat diskors" named as the one resumed later)
    (re.compile(r"(?<![^\W_])(?<!yang )(?<!yang sempat )(?:diskors|diskor)(?![^\W_])", re.IGNORECASE),
     "incident_response"),
    # a crowd pressing on ("puluhan pendukung ... sempat berkumpul di depan pagar gedung dan meminta masuk"),
    # its representatives received ("sepuluh perwakilan massa diterima Ketua KPU"): the police answer it
    (re.compile(r"(?<![^\W_])(?:pendukung|simpatisan|massa|pengunjuk\s+rasa|pendemo)\s+(?:[\w-]+\s+){0,5}?"
                r"sempat\s+(?:berkumpul|memaksa|mendesak|menerobos|merangsek|berusaha\s+masuk|memblokade|"
                r"menghadang|memprotes)(?![^\W_])|"
                # ... or brought to talks ("perwakilan massa difasilitasi bertemu", "sehingga lima perwakilan
                # massa dapat bertemu ...")
                r"(?<![^\W_])perwakilan\s+(?:massa|pengunjuk\s+rasa|demonstran|pendemo)\s+(?:(?:dapat|bisa|lalu|kemudian|"
                r"akhirnya|untuk)\s+)?(?:diterima|difasilitasi|dipertemukan|bertemu|beraudiensi|berdialog)(?![^\W_])",
                re.IGNORECASE), "incident_response"),
    # the act as a topic of a meeting ("pengamanan pleno tingkat kabupaten akan dibahas dalam rapat
    # koordinasi bersama KPU"): the meeting is the act
    (re.compile(r"(?<![^\W_])(?:dibahas|dimatangkan|dikoordinasikan|dirapatkan|dievaluasi)\s+(?:[\w-]+\s+){0,2}?"
                r"(?:dalam|pada|melalui|lewat)\s+(?:rapat|rakor)(?![^\W_])", re.IGNORECASE), "coordination"),
    # personnel fixed at the TPS ("personel sudah melekat di TPS masing-masing"): a guard
    (re.compile(r"(?<![^\W_])(?:personel|personil|anggota|petugas)\s+(?:[\w-]+\s+){0,3}?melekat\s+di\s+"
                r"(?:setiap\s+|tiap\s+|masing-masing\s+)?(?:TPS|tempat\s+pemungutan)", re.IGNORECASE),
     "static_guard"),
    # a protest escorted by the police ("Aksi itu dikawal 250 personel gabungan"): they answer a demo
    (re.compile(r"(?<![^\W_])(?:aksi|unjuk\s+rasa|demo|demonstrasi|unras|long\s+march)(?:\s+(?:itu|tersebut|"
                r"massa|damai|mereka))?\s+(?:juga\s+|turut\s+)?(?:dikawal|dijaga|diamankan)(?![^\W_])",
                re.IGNORECASE), "incident_response"),
    # a place guarded by people counted ("kediaman calon wakil bupati ... dijaga tiga personel Polsek X")
    (re.compile(r"(?<![^\W_])dijaga\s+(?:oleh\s+)?(?:\d[\d.]*|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|"
                r"sepuluh|belasan|puluhan|ratusan)\s+(?:personel|personil|anggota|petugas|polisi)(?![^\W_])",
                re.IGNORECASE), "static_guard"),
    # ... and a crowd held back ("menyekat massa", "mengurai kerumunan"): the police answer a demo
    (re.compile(r"(?<![^\W_])(?:menyekat|disekat|menghalau|dihalau|mengurai|membendung|menghadang|"
                r"menghentikan|meredam|memukul\s+mundur|mendorong\s+mundur|menahan)\s+(?:[\w-]+\s+){0,2}?"
                r"(?:massa|kerumunan|pengunjuk\s+rasa|pendemo|demonstran|dorongan|desakan)(?![^\W_])",
                re.IGNORECASE),
     "incident_response"),
)
# what personnel are sent for ("mengerahkan 2.450 personel gabungan dari A, B dan C untuk mengamankan
# sidang ...") names the activity: the purpose's trigger after a deployment verb counts double
_PURPOSE = re.compile(r"(?<![^\W_])(?:untuk|guna)\s+(?:(?:membantu|mendukung)\s+)?$", re.IGNORECASE)
PURPOSE = 2.0
# ... unless it is the election at large ("diterjunkan untuk mengamankan Pilkada 2024", "menurunkan 512
# personel untuk mengawal tahapan Pilkada"): no act more specific than the deployment itself, whose
# weight the purpose's trigger then adds to
_AT_LARGE = re.compile(r"\s+(?:(?:seluruh\s+)?(?:tahapan|pelaksanaan|jalannya|penyelenggaraan)\s+)?"
                       r"(?:pilkada|pemilu|pilbup|pilgub|pilwalkot|pemilihan\s+kepala\s+daerah|pesta\s+demokrasi)"
                       r"(?![^\W_])", re.IGNORECASE)
# a figure between a verb and its personnel: "mengirim 120 personel", "menerjunkan ratusan personel"
_COUNT = re.compile(r"(?<=\s)(?:\d[\d.,]*|[a-z]+puluh|[a-z]+ratus|puluhan|ratusan|ribuan|belasan)\s+"
                    r"(?=(?:personel|personil|anggota|pasukan)(?![^\W_]))", re.IGNORECASE)
# a figure or quantifier that may stand between the words of a trigger phrase ("memeriksa tiga
# saksi", "mengumpulkan para camat", "memberangkatkan 200 personel")
_FILL = (r"(?:\d[\d.,]*|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|seratus|"
         r"seribu|[a-z]+belas|[a-z]+puluh|[a-z]+ratus|[a-z]+ribu|belasan|puluhan|ratusan|ribuan|seorang|"
         r"sejumlah|beberapa|para|seluruh|semua)")
_FILL_WORD = re.compile(_FILL, re.IGNORECASE)


# a vehicle named by its use ("kapal patroli", "mobil patroli"): a thing, not the act it is named for
_VEHICLE = re.compile(r"(?<![^\W_])(?:kapal|mobil|kendaraan|speedboat|perahu|motor|sepeda\s+motor|truk)\s+$",
                      re.IGNORECASE)


# "Pleno PPK X diamankan 8 personel Polsek X": secured by people, not someone detained
# (the lexicon reads the sentence with its counts taken out: "diamankan personel Polsek X")
_SECURED_BY = re.compile(r"\s+(?:oleh\s+)?(?:sebanyak\s+)?(?:(?:\d[\d.]*|puluhan|ratusan|ribuan)\s+)?"
                         r"(?:personel|personil|anggota|petugas|aparat)(?![^\W_])", re.IGNORECASE)


# what someone was doing when the act came ("Syaiful yang tengah berkeliling segera mendatangi lokasi dan
# menenangkan saksi"): a scene, not the act
_DOING_THEN = re.compile(r"(?<![^\W_])yang\s+(?:tengah|sedang)\s+$", re.IGNORECASE)
# who takes part in an activity named by it ("peserta patroli mengikuti apel"): the people, not the act
_PARTICIPANTS = re.compile(r"(?<![^\W_])peserta\s+$", re.IGNORECASE)
# ... who take part in another ("peserta patroli mengikuti apel"; not "Peserta apel terdiri atas ...")
_TAKE_PART = re.compile(r"(?:\s+[\w-]+){0,2}?\s+(?:terlebih\s+dahulu\s+)?(?:mengikuti|ikut|menghadiri|hadir)"
                        r"(?![^\W_])", re.IGNORECASE)
# a speaker's passive: "kami"/"kita" and a bare verb ("kami kawal", "kita amankan"); not an adverb or
# an active verb after the pronoun ("kami juga", "kami mengimbau")
_OWN_PASSIVE = re.compile(r"(?<![^\W_])(?:kami|kita)\s+(?!(?:juga|sudah|akan|telah|tidak|masih|terus|selalu|"
                          r"siap|harap|minta|mohon|bersama|semua|sendiri|pun|hanya|sempat|tetap|sedang|baru|"
                          r"langsung|segera|pastikan|imbau|ingatkan|harapkan)(?![^\W_]))"
                          r"(?!(?:me|ber|di|ter|se|pe|ke)[a-z])([a-z]{3,}kan|kawal|jaga|pantau|awasi|sisir|geser|"
                          r"kirim|antar|tempatkan|sebar|siagakan|amankan|tertibkan|periksa|data|tangkap)(?![^\W_])")


# an event named "rapat" that is no meeting of the police with others: the count ("rapat pleno terbuka"), a
# campaign rally ("rapat umum pasangan calon", "rapat akbar")
_EVENT_MEETING = re.compile(r"\s+(?:pleno|umum|terbuka|rekapitulasi|akbar)(?![^\W_])", re.IGNORECASE)
# a room named for what is held in it ("ruang rapat", "ruang pleno"): a place, its word no trigger
_ROOM = re.compile(r"(?<![^\W_])(?:ruang|ruangan)\s+$", re.IGNORECASE)


def _trigger_key(phrase: str) -> str:
    """A matched phrase without the figures inside it: the trigger it stands for."""
    ws = phrase.split()
    if len(ws) < 3:
        return phrase
    return " ".join([ws[0], *(w for w in ws[1:-1] if not _FILL_WORD.fullmatch(w)), ws[-1]])


# an opening phrase naming an activity told before ("Dalam rakor itu, Kasat Intelkam memaparkan
# ..."): it sets the scene for what the sentence reports
_OPENING = re.compile(r"^\W*(?:dalam|pada|di sela|di sela-sela)\s+$", re.IGNORECASE)
_BEFORE_NOW = re.compile(r"(?:\s+\w+)?\s+(?:itu|tersebut)\s*,", re.IGNORECASE)
_STOP = frozenset(
    "yang di ke dari dan atau dengan pada untuk dalam ini itu tersebut juga akan telah sudah ada para "
    "sebanyak oleh se bagi serta bahwa karena agar sejak hingga sampai tidak kami kita ia dia nya "
    "secara sebagai tahun hari pukul wib wita wit senin selasa rabu kamis jumat sabtu minggu".split())
OTHER = "other"
OUTREACH = "community_outreach"
ESCORT = "escort"
# Triggers that name what an activity is about, or a bare deployment, rather than the act: they
# count less than a verb that says what was done ("menerjunkan 275 personel untuk mengamankan aksi"
# is a response to the protest; "kotak suara ... disimpan di gudang yang dijaga" is guarding).
WEAK = {
    "kotak suara": 0.5, "surat suara": 0.5, "logistik pilkada": 0.5, "logistik pemilu": 0.5, "tps rawan": 0.5,
    "bko": 0.5, "personel bko": 0.6, "pasukan": 0.4, "kekuatan": 0.4, "cadangan": 0.5, "melibatkan": 0.5,
    "dilibatkan": 0.6, "personel tambahan": 0.6, "mengerahkan": 0.6, "dikerahkan": 0.6, "menerjunkan": 0.6,
    "diterjunkan": 0.6, "diturunkan": 0.6, "menurunkan personel": 0.6, "disiagakan": 0.6, "menyiagakan": 0.6,
    "memperkuat": 0.6, "kunjungan": 0.7, "pertemuan": 0.6, "rapat": 0.7, "berangkat": 0.6, "keliling": 0.6,
    "jaga": 0.7, "lansia": 0.6, "disabilitas": 0.6, "hoaks": 0.7, "hoax": 0.7, "dialog": 0.7,
    "pengamanan": 0.5, "mengamankan": 0.5, "siaga": 0.5, "distribusi": 0.6, "membagikan": 0.5,
    "mengajak": 0.5, "rencana": 0.5, "persiapan": 0.5, "laporan": 0.5, "pelaku": 0.5,
    "tersangka": 0.6, "dikirim": 0.5, "lalu lintas": 0.5, "monitoring": 0.6, "pemantauan": 0.6,
    "mengawasi": 0.5,
    "pelanggaran": 0.6, "ancaman": 0.5, "tkp": 0.6, "melaporkan": 0.5, "dilaporkan": 0.5, "mengimbau": 0.7,
    "menghimbau": 0.7, "ulama": 0.6, "cooling": 0.6, "edukasi": 0.7, "pengerahan": 0.7, "memantau tps": 0.7,
    "menghadiri": 0.6, "diskusi": 0.6, "mendatangi": 0.6, "pelajar": 0.5, "mahasiswa": 0.5, "santri": 0.6,
    "spanduk": 0.6, "baliho": 0.5, "diproses": 0.6, "memproses": 0.6, "mengirimkan": 0.6, "gakkumdu": 0.6,
    "sentra gakkumdu": 0.6, "deklarasi": 0.7, "menyapa": 0.7,
    "membantu petugas": 0.6,  # helping KPPS carry things is "other"; helping them guard is guarding
    # a visit says little of what it is for: "menyambangi nelayan ... untuk mengimbau warga" is
    # outreach, "menyambangi kantor Panwascam" coordination, "menyambangi posko" a patrol's stop
    "menyambangi": 0.6,
}
CACHE_SIZE = 4096
# records at which the word model weighs half as much as it can: a few dozen records of ten types
# say little about words (coding the dev part's 74 records and guessing the frozen part's types
# with the model at up to 0.8 weight: 0.72 -> 0.64 right); sentences of one template count at once
LEARNED_HALF = 300.0
# how the learned weight follows the lexicon's doubt: teaching one half of the dev gold's records and
# guessing the other half's types, with the trigger lexicon whole or thinned to 60 % / 30 % of its
# triggers (3 random thinnings; a thinned lexicon stands in for pages the triggers were not written
# for): a fixed weight 0.969 / 0.847 / 0.729 right, this 0.976 / 0.884 / 0.831
UNSURE = 1.5
NO_TRIGGER = 2.0
MIN_LEARNED = 0.3  # what the records' words alone must give a type for a sentence with no trigger
CONSTRUCTION = 1.6  # above a two-word trigger (1.5): "personel disiagakan" + "di Kantor KPU" guards
SCENE = 0.35  # the weight of a trigger in a clause that sets the scene ("usai apel, ...")


def words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


def features(text: str) -> list[str]:
    """The words that say what a sentence is about (no function words, no figures)."""
    return [w for w in words(text) if w not in _STOP and not w.isdigit() and len(w) > 1]


def _norm(text: str) -> str:
    """The sentence's template: its words with figures and capitalised names masked, so a copy's
    sentence, or the same press-release sentence about another unit or place, is one template."""
    out: list[str] = []
    for w in _WORD.findall(text):
        token = "#" if w.isdigit() else "X" if w[:1].isupper() else w.casefold()
        if not (token == "X" and out and out[-1] == "X"):
            out.append(token)
    return " ".join(out)


@dataclass
class TypeClassifier:
    """Guesses a sentence's activity type; ``learn`` brings it up to date with the records."""

    taxonomy: Taxonomy
    _pattern: re.Pattern[str] | None = None
    _owners: dict[str, str] = field(default_factory=dict)
    # learned state: record id -> (its stamp, type, features, normalised evidence)
    _seen: dict[str, tuple[str, str, list[str], str]] = field(default_factory=dict)
    _counts: dict[str, Counter[str]] = field(default_factory=dict)
    _totals: Counter[str] = field(default_factory=Counter)
    _docs: Counter[str] = field(default_factory=Counter)
    _vocab: Counter[str] = field(default_factory=Counter)
    _exact: dict[str, Counter[str]] = field(default_factory=dict)
    # per sentence text: its lexicon scores and its probabilities (the suggestions, the pre-fill
    # and the ranking ask about the same sentence several times); emptied when learning changes
    _lex_cache: dict[str, dict[str, float]] = field(default_factory=dict)
    _prob_cache: dict[str, dict[str, float]] = field(default_factory=dict)

    # -- the lexicon ---------------------------------------------------------------------------

    def _lexicon(self) -> re.Pattern[str] | None:
        """One pattern of all triggers, longest first; between the words of a phrase it lets one
        figure or quantifier stand ("memeriksa tiga saksi" is the trigger "memeriksa saksi")."""
        if self._pattern is None:
            for a in self.taxonomy.activities.values():
                for t in a.triggers:
                    if t.strip():
                        self._owners.setdefault(" ".join(t.split()).casefold(), a.name)
            if not self._owners:
                return None
            for trig, owner in list(self._owners.items()):
                self._owners.setdefault(_trigger_key(trig), owner)
            gap = rf"\s+(?:{_FILL}\s+)?"
            # grouped by their first two letters, longest first in a group: a word start tries the
            # few triggers it can begin, not all of them (the lexicon costs the same as it grows)
            groups: dict[str, list[str]] = {}
            for t in sorted(self._owners, key=len, reverse=True):
                groups.setdefault(t[:2], []).append(t[2:])
            alts = "|".join(re.escape(head) + "(?:" + "|".join(
                gap.join(re.escape(w) for w in rest.split(" ")) for rest in rests) + ")"
                for head, rests in groups.items())
            self._pattern = re.compile(rf"(?<![^\W_])(?:{alts})(?![^\W_])", re.IGNORECASE)
        return self._pattern

    def _triggers(self, sentence: str) -> list[tuple[int, int, str]]:
        """The sentence's trigger phrases as (start, end, text), the longest first where two
        overlap: "memimpin apel pergeseran pasukan" reads "apel pergeseran pasukan", not
        "memimpin apel" then "pergeseran pasukan" (a leftmost reading took the longer one's words)."""
        pattern = self._lexicon()
        if pattern is None:
            return []
        found: list[tuple[int, int, str]] = []
        for m in pattern.finditer(sentence):
            found.append((m.start(), m.end(), m.group()))
            for w in _WORD_START.finditer(sentence, m.start() + 1, m.end()):  # a longer one begun inside it
                inner = pattern.match(sentence, w.start())
                if inner is not None and inner.end() > m.end():
                    found.append((inner.start(), inner.end(), inner.group()))
        taken: list[tuple[int, int, str]] = []
        for s, e, text in sorted(found, key=lambda f: (f[0] - f[1], f[0])):
            if all(e <= ts or te <= s for ts, te, _ in taken):
                taken.append((s, e, text))
        return sorted(taken)

    def lexicon_scores(self, sentence: str) -> dict[str, float]:
        """Each type's weight of evidence from its trigger words in the sentence."""
        cached = self._lex_cache.get(sentence)
        if cached is None:
            if len(self._lex_cache) > CACHE_SIZE:
                self._lex_cache.clear()
            cached = self._lex_cache[sentence] = self._lexicon_scores(sentence)
        return cached

    def _lexicon_scores(self, sentence: str) -> dict[str, float]:
        out: dict[str, float] = {}
        sentence = _COUNT.sub("", sentence)  # "mengirim 120 personel": the trigger "mengirim personel"
        # "kotak suara akan kami kawal ke PPK", "150 personel kami siagakan di Mapolsek": the speaker's
        # passive, read as its di- form ("dikawal", "disiagakan")
        sentence = _OWN_PASSIVE.sub(lambda m: "di" + m.group(1), sentence)
        alongside = _ALONGSIDE.search(sentence)
        while_at = alongside.start() if alongside is not None else -1
        sent = False  # a deployment verb read before: what it is for may follow
        to_unit: bool | None = None  # personnel sent to another police unit (asked once, when needed)
        asked = _ASKED.search(sentence)
        asked_at = asked.end() if asked is not None else len(sentence) + 1
        for start, end, text in self._triggers(sentence):
            word = " ".join(text.split()).casefold()
            owner = self._owners.get(word)
            if owner is None:
                word = _trigger_key(word)
                owner = self._owners.get(word)
                if owner is None:
                    continue
            if _ROOM.search(sentence, max(0, start - 9), start):
                continue  # "di ruang rapat KIP": a room, no meeting
            if word == "rapat" and _EVENT_MEETING.match(sentence, end):
                continue  # "rapat pleno", "rapat umum pasangan calon": the count or a rally, no meeting
            if _HELD_DURING.search(sentence[max(0, start - 80):start] + text.split()[0] + " "):
                continue  # "... saat DPRD X menggelar rapat": another body's event, the time of the act
            weight = WEAK.get(word, 1.0 + 0.5 * word.count(" "))
            if owner == INCIDENT and word == "diamankan" and GUARD in self.taxonomy.activities and (
                    _SECURED_BY.match(sentence, end)):
                owner = GUARD  # "Pleno PPK X diamankan 8 personel Polsek X": secured by them, none detained
            answers = _ANSWERS.search(sentence, max(0, start - 40), start)
            if owner == INCIDENT and answers is not None and sentence[:answers.start()].strip(" \"'"):
                weight *= 2  # what the activity answers names its type ("Setelah ..." opening: only a time)
            elif _SCENE.search(sentence[max(0, start - 40):start]) or _TOPIC.search(
                    sentence[max(0, start - 30):start]) or (
                    word.startswith("pe") and _CREW.search(sentence[max(0, start - 12):start])) or (
                    _OPENING.match(sentence[:start]) and _BEFORE_NOW.match(sentence, end)) or (
                    owner == DEPLOYMENT and _THINGS_MOVE.search(sentence[max(0, start - 160):start])) or (
                    _BEGUN_WITH.match(sentence, end)) or (
                    _LATER.search(sentence, max(0, start - 30), start)) or (
                    word in _LENT and _DESCRIBES.search(sentence, max(0, start - 20), start)) or (
                    owner in _BEING_THERE and _WHO_DO.search(sentence, max(0, start - 60), start)) or (
                    0 <= while_at < start and _WHILE.search(sentence, while_at, start)) or (
                    start >= asked_at and owner != OUTREACH) or (
                    owner == DEPLOYMENT and any(k != DEPLOYMENT for k in out)
                    and _MEANS.search(sentence, max(0, start - 8), start)) or (
                    owner == INCIDENT and _PREVENTED.search(sentence, max(0, start - 40), start)) or (
                    _MADE_UP.match(sentence, end)) or (
                    owner == OTHER and _CHECKED.search(sentence, max(0, start - 30), start)) or (
                    owner != ESCORT and _ESCORTED.search(sentence, max(0, start - 40), start)) or (
                    _VEHICLE.search(sentence, max(0, start - 14), start)) or (
                    _DOING_THEN.search(sentence, max(0, start - 20), start)) or (
                    _PARTICIPANTS.search(sentence, max(0, start - 10), start)
                    and _TAKE_PART.match(sentence, end)):
                weight *= SCENE
            elif sent and owner != DEPLOYMENT and _PURPOSE.search(sentence, max(0, start - 20), start):
                if to_unit is None:
                    to_unit = _TO_A_UNIT.search(sentence) is not None
                if not to_unit and _AT_LARGE.match(sentence, end):
                    owner = DEPLOYMENT  # the election at large: the purpose goes to the sending
                elif not to_unit:
                    weight *= PURPOSE
            sent = sent or owner == DEPLOYMENT
            weight += 0.02 * (1 - start / max(1, len(sentence)))  # a tie goes to the earlier act
            out[owner] = out.get(owner, 0.0) + weight
        for construction, owner in _CONSTRUCTIONS:
            if owner in self.taxonomy.activities and construction.search(sentence):
                # what the construction says outweighs the verb it reads, written with its people
                # or not ("Sebanyak 40 personel disiagakan di sekitar Kantor Bawaslu")
                out[owner] = out.get(owner, 0.0) + CONSTRUCTION
        return out

    def _lexicon_probs(self, sentence: str) -> dict[str, float]:
        scores = self.lexicon_scores(sentence)
        names = list(self.taxonomy.activities)
        base = {n: scores.get(n, 0.0) * 2.5 for n in names}
        if OTHER in base:
            base[OTHER] = max(base[OTHER], 0.6)
        top = max(base.values(), default=0.0)
        exp = {n: math.exp(v - top) for n, v in base.items()}
        total = sum(exp.values()) or 1.0
        return {n: v / total for n, v in exp.items()}

    # -- learning from records -----------------------------------------------------------------

    def learn(self, records: Iterable[Mapping[str, Any]], evidence_text: Any = None) -> None:
        """Bring the learned counts up to date with ``records`` (the records table's values:
        added, edited and deleted records since the last call are taken in or out)."""
        present: set[str] = set()
        for r in records:
            rid = str(r.get("id", ""))
            present.add(rid)
            stamp = f"{r.get('updated', '')}|{r.get('type', '')}"
            old = self._seen.get(rid)
            if old is not None and old[0] == stamp:
                continue
            if old is not None:
                self._forget(rid)
            text = " ".join(str(e.get("text") or "") for e in r.get("evidence") or [] if isinstance(e, dict))
            rtype = str(r.get("type") or "")
            if not text.strip() or rtype not in self.taxonomy.activities:
                continue
            feats = features(text)
            self._seen[rid] = (stamp, rtype, feats, _norm(text))
            self._add(rtype, feats, _norm(text), +1)
        for rid in [rid for rid in self._seen if rid not in present]:
            self._forget(rid)

    def _forget(self, rid: str) -> None:
        old = self._seen.pop(rid, None)
        if old is not None:
            self._add(old[1], old[2], old[3], -1)

    def _add(self, rtype: str, feats: list[str], norm: str, sign: int) -> None:
        self._prob_cache.clear()
        counts = self._counts.setdefault(rtype, Counter())
        for f in feats:
            counts[f] += sign
            self._vocab[f] += sign
            if counts[f] <= 0:
                del counts[f]
            if self._vocab[f] <= 0:
                del self._vocab[f]
        self._totals[rtype] += sign * len(feats)
        self._docs[rtype] += sign
        exact = self._exact.setdefault(norm, Counter())
        exact[rtype] += sign
        if exact[rtype] <= 0:
            del exact[rtype]
        if not exact:
            del self._exact[norm]

    def without(self, record_ids: Iterable[str]) -> TypeClassifier:
        """A copy that has not learned the given records (another reviewer's records of the article
        a reviewer codes independently); ``self`` is left as it is (other threads may read it)."""
        ids = {rid for rid in record_ids if rid in self._seen}
        if not ids:
            return self
        gone = [self._seen[rid] for rid in ids]
        copy = TypeClassifier(self.taxonomy, self._pattern, self._owners,
                              {k: v for k, v in self._seen.items() if k not in ids},
                              {t: Counter(c) for t, c in self._counts.items()}, Counter(self._totals),
                              Counter(self._docs), Counter(self._vocab),
                              {n: Counter(c) for n, c in self._exact.items()}, self._lex_cache, {})
        for _, rtype, feats, norm in gone:
            copy._add(rtype, feats, norm, -1)
        return copy

    @property
    def learned(self) -> int:
        """How many records the learned part holds."""
        return sum(self._docs.values())

    def _learned_probs(self, sentence: str) -> dict[str, float]:
        vocab = len(self._vocab) + 1
        docs = self.learned
        logs: dict[str, float] = {}
        feats = [f for f in features(sentence) if f in self._vocab]
        for name in self.taxonomy.activities:
            n = self._docs.get(name, 0)
            total = self._totals.get(name, 0)
            counts = self._counts.get(name, Counter())
            lp = math.log((n + 0.5) / (docs + 0.5 * len(self.taxonomy.activities)))
            for f in feats:
                lp += math.log((counts.get(f, 0) + 0.1) / (total + 0.1 * vocab))
            logs[name] = lp
        top = max(logs.values())
        exp = {n: math.exp(v - top) for n, v in logs.items()}
        total_p = sum(exp.values()) or 1.0
        return {n: v / total_p for n, v in exp.items()}

    # -- guessing ------------------------------------------------------------------------------

    def probabilities(self, sentence: str) -> dict[str, float]:
        """Each type's probability for the sentence (sums to 1)."""
        cached = self._prob_cache.get(sentence)
        if cached is None:
            if len(self._prob_cache) > CACHE_SIZE:
                self._prob_cache.clear()
            cached = self._prob_cache[sentence] = self._probabilities(sentence)
        return cached

    def _probabilities(self, sentence: str) -> dict[str, float]:
        exact = self._exact.get(_norm(sentence))
        if exact:
            total = sum(exact.values())
            return {n: exact.get(n, 0) / total for n in self.taxonomy.activities}
        lex = self._lexicon_probs(sentence)
        n = self.learned
        if n == 0:
            return lex
        feats = features(sentence)
        coverage = sum(1 for f in feats if f in self._vocab) / len(feats) if feats else 0.0
        # the records speak as much as the lexicon is unsure: little against a clear trigger, more
        # where triggers pull apart, most where the sentence has none (a store's own words)
        unsure = UNSURE * (1 - max(lex.values())) if self.lexicon_scores(sentence) else NO_TRIGGER
        weight = min(0.5, coverage * n / (n + LEARNED_HALF) * unsure)
        learned = self._learned_probs(sentence)
        return {t: (1 - weight) * lex[t] + weight * learned[t] for t in lex}

    def known(self, sentence: str) -> bool:
        """Whether a record was coded on a sentence of this one's template."""
        return _norm(sentence) in self._exact

    def guess(self, sentence: str) -> tuple[str, float]:
        """The likeliest type and its probability; ("", 0.0) when nothing speaks for any type (no
        trigger word, no coded sentence of its template, the records' words not sure enough): an
        empty type asks the reviewer, where "other" would pass for a guess."""
        probs = self.probabilities(sentence)
        if not probs:
            return "", 0.0
        best = max(probs, key=lambda t: (probs[t], t != OTHER))
        if (probs[best] < MIN_LEARNED and not self.lexicon_scores(sentence)
                and _norm(sentence) not in self._exact):
            return "", 0.0
        return best, probs[best]
