"""Activity types of sentence shapes police news writes (issue 10, item 3), guessed by the lexicon
alone: who or what a movement verb moves, an activity told as what another begins with, the
security rings of a guarded venue, the escort written as a noun, personnel sent off or sent to a
place. Sentences are invented, in the shape of real ones."""

from __future__ import annotations

import pytest

from store.classify import TypeClassifier
from store.taxonomy import load_taxonomy

CLF = TypeClassifier(load_taxonomy())  # nothing learned: the lexicon alone guesses


@pytest.mark.parametrize(("sentence", "expected"), [
    # logistics set moving and escorted: the escort, not a deployment of police
    ("Menurut Sartika, logistik untuk Kecamatan Air Hitam yang berjarak lebih dari 50 kilometer dari ibu kota "
     "kabupaten diberangkatkan lebih awal dan dikawal personel Polsek Air Hitam.", "escort"),
    ("Untuk dua kecamatan terjauh, armada diberangkatkan lebih pagi dengan kawalan Polsek Air Hitam.", "escort"),
    # ... while police sent off are a deployment
    ("Sebanyak 120 personel diberangkatkan ke Kecamatan Air Hitam dengan truk.", "troop_deployment"),
    ("Kapolres Tebo melepas 40 personel BKO Polda Jambi yang akan ditempatkan di TPS-TPS terpencil.",
     "troop_deployment"),
    ("Pada hari pemungutan suara, 380 personel akan disebar ke 402 TPS di tujuh kecamatan.", "troop_deployment"),
    ("Ditpolairud Polda Jambi menyeberangkan 30 personel ke Pulau Berhala dengan dua kapal patroli.",
     "troop_deployment"),
    # what the people of the act will do later is not the act
    ("Apel dipimpin Kapolres Tebo dan diikuti 540 personel gabungan dari Polri, TNI dan Satlinmas yang akan "
     "disebar ke 1.120 TPS di 12 kecamatan.", "ceremony_apel"),
    # the apel a patrol begins with
    ("Patroli diawali apel di halaman Mapolres Tebo yang dipimpin Kabag Ops Kompol Arif Munandar.",
     "ceremony_apel"),
    # the rings of a guarded venue, a checkpoint post
    ("Ring satu di dalam ruang pleno diisi personel Sat Intelkam dan Si Propam.", "static_guard"),
    ("Polsek Muara Tebo juga mendirikan pos penyekatan di Jalan Lintas Tengah untuk memeriksa kendaraan.",
     "static_guard"),
    # what is done alongside the act is not the act
    ("Polsek Tebo Ulu menggelar patroli dialogis di pasar desa sambil membagikan stiker ajakan pilkada damai.",
     "patrol"),
    # an opening clause only dates the act; a clause after it says what the act answers
    ("Setelah massa membubarkan diri, Polres Tebo menyiagakan 30 personel di kantor tersebut hingga pleno.",
     "static_guard"),
    ("Personel Polsek Tebo Ilir mendatangi sebuah rumah setelah warga melaporkan pembagian amplop.",
     "incident_response"),
    # a meeting about the guarding is the meeting
    ("Polres Tebo menggelar rapat koordinasi pengamanan rapat pleno rekapitulasi yang bertempat di Aula "
     "Bhayangkari Polres Tebo.", "coordination"),
    # visits to residents are outreach (the guidelines), a muster of troops an apel
    ("Bhabinkamtibmas menggelar sambang ke rumah-rumah warga untuk mengajak datang ke TPS.", "community_outreach"),
    ("Polres Tebo menggelar doa bersama lintas agama di Masjid Raya Muara Tebo.", "community_outreach"),
    ("Di tingkat desa, Bhabinkamtibmas Polsek Tebo Tengah mendatangi rumah warga di Desa Sungai Alai.",
     "community_outreach"),
    ("Polres Tebo menggelar pasukan pengamanan pilkada di Lapangan Merdeka.", "ceremony_apel"),
    ("Hari ini kami mengapelkan 900 personel gabungan sebelum bergeser ke TPS.", "ceremony_apel"),
    # personnel spread over the polling stations guard them
    ("Sebanyak 420 personel Polres Tebo akan disebarkan di seluruh TPS di wilayah hukumnya.", "static_guard"),
])
def test_the_type_of_each_shape(sentence: str, expected: str) -> None:
    assert CLF.guess(sentence)[0] == expected
