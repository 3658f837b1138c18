"""A directory of hostile input files: every one must get a verdict, none may crash ingest, and
memory must stay bounded on the big ones.

    python bench/hostile_corpus.py DIR [--big]      # --big adds a 50 MB text file
    python bench/hostile_corpus.py DIR --ingest     # also ingest it into DIR/store and report
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

BODY = ("Polres Uji melaksanakan patroli malam di Kecamatan Sukamaju pada Senin (25/11/2024) "
        "bersama 40 personel gabungan TNI-Polri jelang Pilkada 2024.")


def make(directory: Path, big: bool = False, line_mb: int = 4) -> list[Path]:
    """Write the hostile files; returns their paths (the 'vanishing' one included)."""
    d = directory
    d.mkdir(parents=True, exist_ok=True)
    rng = random.Random(11)
    files: dict[str, bytes] = {
        "binary.txt": bytes(rng.randrange(256) for _ in range(20000)),
        "empty.txt": b"",
        "whitespace.txt": b"   \n\t\n  \r\n ",
        "nul_bytes.txt": b"Judul\x00\x00\x00" + BODY.encode() * 3,
        "invalid_utf8.txt": b"Judul\n\n" + BODY.encode() + b" \xff\xfe\xc3\x28 caf\xe9",
        "windows1252.txt": ("Judul “kutip”\n\n" + BODY + " – Jum’at").encode("cp1252"),
        "utf16_bom.txt": ("Judul UTF-16\n\n" + BODY).encode("utf-16"),
        "crlf.txt": ("Judul CRLF\r\n\r\n" + BODY + "\r\n").encode(),
        "lone_cr.txt": ("Judul CR\r\r" + BODY + "\r").encode(),
        "control_codes.txt": ("Judul \x1b[31mmerah\x1b[0m\n\n" + BODY + " \x07\x1b]52;c;eA==\x07").encode(),
        "broken.jsonl": b"\n".join([
            json.dumps({"title": "Baik", "text": BODY}).encode(), b"{\"title\": \"rusak\", ", b"[1, 2]",
            json.dumps({"title": "tanpa isi"}).encode(), json.dumps({"judul": "Baik 2", "isi": BODY + " 2"}).encode(),
        ]),
        "bad_quoting.csv": ('title,text\n"A","' + BODY + '"x"\n"B","' + BODY + ' 2"\n').encode(),
        "missing_columns.csv": b"title,outlet\nA,b\n",
        "short_rows.csv": ("title,outlet,text\nA,b," + BODY + "\nB,c\n").encode(),
        "scripts.html": ("<html><head><title>Judul HTML</title><script>alert(1)</script></head><body>"
                         "<nav>menu</nav><article><p>" + BODY + "</p><script>document.write('x')</script>"
                         "</article></body></html>").encode(),
        "deep.html": ("<html><body>" + "<div>" * 5000 + BODY + "</div>" * 5000 + "</body></html>").encode(),
        "photo.png": b"\x89PNG\r\n\x1a\n" + bytes(200),
        "archive.zip": b"PK\x03\x04" + bytes(100),
        "one_long_line.txt": ("Judul baris panjang " + ("kata " * (line_mb * 2**20 // 5))).encode(),
        "vanishing.txt": ("Judul hilang\n\n" + BODY).encode(),
        "unreadable.txt": ("Judul rahasia\n\n" + BODY).encode(),
    }
    for name, data in files.items():
        (d / name).write_bytes(data)
    if big:
        with open(d / "fifty_mb.txt", "wb") as fh:
            chunk = (BODY + "\n").encode() * 1000
            while fh.tell() < 50 * 2**20:
                fh.write(chunk)
    os.chmod(d / "unreadable.txt", 0)
    return sorted(d.iterdir())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dir", type=Path)
    ap.add_argument("--big", action="store_true")
    ap.add_argument("--ingest", action="store_true")
    args = ap.parse_args(argv)
    paths = make(args.dir / "files", big=args.big)
    print(f"{len(paths)} hostile files in {args.dir / 'files'}")
    if args.ingest:
        import store

        with store.open(args.dir / "store") as st:
            report = st.ingest([args.dir / "files"])
        for source, reason in report.skipped:
            print(f"  skipped {Path(source).name}: {reason}")
        print(report.summary())
        hwm = next(line.split()[1] for line in open("/proc/self/status") if line.startswith("VmHWM"))
        print(f"peak RSS {int(hwm) / 1024:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
