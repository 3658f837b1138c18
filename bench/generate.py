"""A seeded generator of synthetic Indonesian police/election news, written as files to ingest.

Articles are 2–6 KB, with units across provinces, ranks + names + academic titles, election
bodies, dates in the styles news uses, personnel counts, boilerplate lines, about 3 % near
duplicates (a republication with small edits) and about 5 % off-topic pieces. Mostly .txt,
with some articles batched into .jsonl files.

    python -m bench.generate DIR --n 10000 [--seed 7]
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

PLACES = [
    ("Bontang", "Kaltim"), ("Samarinda", "Kaltim"), ("Balikpapan", "Kaltim"), ("Berau", "Kaltim"),
    ("Pesisir Barat", "Lampung"), ("Tanggamus", "Lampung"), ("Lampung Selatan", "Lampung"),
    ("Purwakarta", "Jabar"), ("Sumedang", "Jabar"), ("Garut", "Jabar"), ("Cianjur", "Jabar"),
    ("Magelang", "Jateng"), ("Kendal", "Jateng"), ("Banyuwangi", "Jatim"), ("Sampang", "Jatim"),
    ("Tuban", "Jatim"), ("Pangkep", "Sulsel"), ("Gowa", "Sulsel"), ("Bone", "Sulsel"),
    ("Bengkulu Selatan", "Bengkulu"), ("Kaur", "Bengkulu"), ("Lombok Timur", "NTB"), ("Sumbawa", "NTB"),
    ("Kupang", "NTT"), ("Ende", "NTT"), ("Jayapura", "Papua"), ("Merauke", "Papua Selatan"),
    ("Aceh Utara", "Aceh"), ("Bireuen", "Aceh"), ("Deli Serdang", "Sumut"), ("Asahan", "Sumut"),
    ("Ketapang", "Kalbar"), ("Sintang", "Kalbar"), ("Banggai", "Sulteng"), ("Poso", "Sulteng"),
    ("Tarakan", "Kaltara"), ("Nunukan", "Kaltara"), ("Sleman", "DIY"), ("Bantul", "DIY"),
]
DISTRICTS = ["Sukamaju", "Tanjung Harapan", "Bukit Indah", "Sungai Raya", "Muara Baru", "Karang Anyar",
             "Padang Jaya", "Talang Mas", "Gunung Sari", "Air Hitam", "Batu Ampar", "Lubuk Tua"]
FIRST = ["Ahmad", "Budi", "Dedi", "Eko", "Fajar", "Hendra", "Irwan", "Joko", "Agus", "Rudi", "Yusuf",
         "Made", "Andi", "Bambang", "Dwi", "Rahmat", "Syamsul", "Teguh", "Wahyu", "Zulkifli", "Ni Luh", "Siti"]
LAST = ["Saputra", "Hidayat", "Santoso", "Wibowo", "Nugroho", "Siregar", "Harahap", "Pratama", "Setiawan",
        "Kurniawan", "Rahman", "Hasibuan", "Lubis", "Suryadi", "Gunawan", "Wijaya", "Halim", "Situmorang"]
TITLES = ["S.I.K.", "S.I.K., M.H.", "S.H.", "S.H., M.H.", "S.Sos.", "S.I.K., M.Si.", "", ""]
RANKS_HIGH = ["AKBP", "Kompol", "Kombes Pol.", "Kombespol"]
RANKS_LOW = ["AKP", "Iptu", "Ipda", "Aiptu", "Aipda", "Bripka", "Brigpol"]
OUTLETS = ["kabarpolisi.id", "beritanusantara.com", "radarwilayah.co.id", "suaradaerah.id", "ANTARA",
           "tribratanews.example", "detikregion.com", "lintaskota.co.id", "harianrakyat.id"]
DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember"]
ACTIVITY = [
    "{unit} menggelar patroli dialogis di {district} pada {date} untuk menjaga kamtibmas jelang Pilkada 2024.",
    "Sebanyak {n} personel {unit} diterjunkan untuk pengamanan statis di Kantor KPU Kabupaten {place}.",
    "{unit} mengawal distribusi logistik Pilkada dari gudang KPU menuju PPK di Kecamatan {district} pada {date}.",
    "{role} {place} {rank} {name}, {title} memimpin apel gelar pasukan Operasi Mantap Praja di halaman Mapolres {place}.",
    "{unit} bersama Kodim {kodim} dan Satpol PP menggelar patroli gabungan skala besar pada {date} malam.",
    "{unit} menggelar rapat koordinasi bersama Bawaslu Kabupaten {place} dan Panwascam {district} membahas TPS rawan.",
    "Kegiatan cooling system dan Jumat Curhat digelar {unit} di Desa {district} bersama tokoh agama dan tokoh pemuda.",
    "{unit} memetakan {k} TPS rawan dan sangat rawan di Kabupaten {place} sebagai dasar rancangan pengamanan.",
    "Personel {unit} mengamankan unjuk rasa pendukung pasangan calon di depan Kantor KPU {place} pada {date}.",
    "Sebanyak {n} personel BKO dari Satbrimob Polda {prov} tiba untuk memperkuat {unit} menjelang pemungutan suara.",
]
FILLER = [
    "Ia meminta masyarakat tidak mudah terprovokasi berita bohong yang beredar di media sosial.",
    "Menurutnya, sinergitas TNI-Polri dan penyelenggara pemilu menjadi kunci Pilkada yang aman dan damai.",
    '"Kami mengajak seluruh elemen masyarakat menjaga kondusivitas wilayah," ujar {short}.',
    "Hingga kegiatan berakhir, situasi di wilayah hukum {unit} terpantau aman dan terkendali.",
    "Pengamanan akan berlanjut hingga tahapan rekapitulasi dan penetapan pasangan calon terpilih.",
    "Warga menyambut baik kehadiran polisi yang rutin menyambangi permukiman pada malam hari.",
    "Petugas juga mengimbau warga melapor ke Bhabinkamtibmas jika menemukan potensi gangguan.",
    "Dalam kesempatan itu, personel membagikan selebaran berisi imbauan kamtibmas kepada pengendara.",
]
NOISE = ["BACA JUGA: Harga Cabai di Pasar Induk Turun Lagi", "Baca juga: Jadwal Kapal Ferry Pekan Ini",
         "Tinggalkan Komentar", "Cek Berita dan Artikel yang lain di Google News", "Editor: Redaksi",
         "Pewarta: Tim Liputan", "Share this article", "Tags: pilkada, polri, kamtibmas"]
OFFTOPIC = [
    "Harga komoditas di pasar tradisional {place} kembali naik menjelang akhir tahun.",
    "Dinas Pertanian {place} menyalurkan bantuan bibit kepada kelompok tani di {district}.",
    "Festival budaya tahunan di {place} menarik ribuan wisatawan dari berbagai daerah.",
    "Tim sepak bola lokal {place} memenangi laga persahabatan dengan skor tipis.",
]


def _date(rng: random.Random) -> tuple[str, str]:
    month = rng.choice([9, 10, 11, 11, 11, 12])
    day = rng.randint(1, 28)
    dn = rng.choice(DAYS)
    style = rng.randrange(4)
    if style == 0:
        text = f"{dn} ({day:02d}/{month:02d}/2024)"
    elif style == 1:
        text = f"{dn} ({day}/{month})"
    elif style == 2:
        text = f"{dn}, {day} {MONTHS[month - 1]} 2024"
    else:
        text = f"{day} {MONTHS[month - 1]} 2024"
    return text, f"2024-{month:02d}-{day:02d}"


def article(rng: random.Random, i: int) -> dict[str, str]:
    place, prov = rng.choice(PLACES)
    district = rng.choice(DISTRICTS)
    unit = rng.choice([f"Polres {place}", f"Polsek {district}", f"Polresta {place}", f"Polda {prov}"])
    name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    date_text, iso = _date(rng)
    fields = {
        "unit": unit, "place": place, "prov": prov, "district": district, "date": date_text,
        "n": f"{rng.randint(20, 2500):,}".replace(",", "."), "k": rng.randint(5, 120), "role": "Kapolres",
        "rank": rng.choice(RANKS_HIGH), "name": name, "title": rng.choice(TITLES), "short": name.split()[-1],
        "kodim": f"{rng.randint(100, 1799):04d}",
    }
    off_topic = rng.random() < 0.05
    title = (f"Harga dan Kabar Warga {place} Pekan Ini" if off_topic
             else f"{unit} {rng.choice(['Gelar', 'Tingkatkan', 'Perkuat', 'Siagakan'])} "
                  f"{rng.choice(['Patroli', 'Pengamanan', 'Koordinasi', 'Apel'])} Jelang Pilkada {i}")
    paras = []
    outlet = rng.choice(OUTLETS)
    lead = f"{place.upper()}, {outlet.upper()} - " if outlet != "ANTARA" else f"{place} (ANTARA) - "
    source = OFFTOPIC if off_topic else ACTIVITY
    paras.append(lead + rng.choice(source).format(**fields))
    target = rng.randint(2000, 6000)
    size = len(title) + len(paras[0])
    while size < target:
        pool = source if rng.random() < 0.4 else FILLER
        p = rng.choice(pool).format(**fields) + " " + rng.choice(FILLER).format(**fields)
        paras.append(p)
        size += len(p) + 2
        if rng.random() < 0.08:
            paras.append(rng.choice(NOISE))
    paras.append(rng.choice(NOISE))
    text = title + "\n\n" + "\n\n".join(paras) + "\n"
    return {"title": title, "text": text, "outlet": outlet, "published": iso}


def near_duplicate(rng: random.Random, art: dict[str, str]) -> dict[str, str]:
    """The same release republished: another lead and title, one sentence changed, other noise."""
    lines = art["text"].split("\n\n")
    body = lines[1:]
    if len(body) > 3:
        j = rng.randrange(1, len(body) - 1)
        body[j] = body[j].replace(" dan ", " serta ", 1)
    text = "Rilis: " + lines[0] + "\n\n" + "\n\n".join(body[:-1]) + "\n\nBaca juga: Berita lainnya\n"
    return {**art, "title": "Rilis: " + art["title"], "text": text, "outlet": rng.choice(OUTLETS)}


def generate(out: Path, n: int, seed: int = 7) -> Path:
    """Write ``n`` articles under ``out`` (reused when a finished corpus of that size and seed is there)."""
    marker = out / f".done-{n}-{seed}"
    if marker.exists():
        return out
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    recent: list[dict[str, str]] = []
    batch: list[dict[str, str]] = []
    for i in range(n):
        if recent and rng.random() < 0.03:
            art = near_duplicate(rng, rng.choice(recent))
        else:
            art = article(rng, i)
            recent = [*recent[-50:], art]
        folder = out / f"{i // 1000:04d}"
        if rng.random() < 0.1:
            batch.append(art)
            if len(batch) == 25:
                folder.mkdir(exist_ok=True)
                with open(folder / f"batch-{i:07d}.jsonl", "w", encoding="utf-8") as fh:
                    fh.writelines(json.dumps(b, ensure_ascii=False) + "\n" for b in batch)
                batch = []
            continue
        folder.mkdir(exist_ok=True)
        (folder / f"{i:07d}.txt").write_text(art["text"], encoding="utf-8")
    if batch:
        with open(out / "batch-last.jsonl", "w", encoding="utf-8") as fh:
            fh.writelines(json.dumps(b, ensure_ascii=False) + "\n" for b in batch)
    marker.write_text("ok\n")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("dir", type=Path)
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    t = time.perf_counter()
    generate(args.dir, args.n, args.seed)
    print(f"{args.n} articles in {args.dir} ({time.perf_counter() - t:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
