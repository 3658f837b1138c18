"""A directory of hostile input files: every one must get a verdict, none may crash ingest, and
memory must stay bounded on the big ones.

    python bench/hostile_corpus.py DIR                  # write the files to DIR/files
    python bench/hostile_corpus.py DIR --ingest         # also ingest them into DIR/store, report
    python bench/hostile_corpus.py DIR --ingest --big   # plus a 50 MB text file and bigger lines

With ``--ingest`` the ingest runs in a child process that reports its peak memory (VmHWM); the
script exits 1 if a file got no verdict, the store does not check out, or the peak exceeds
``--max-rss`` MB.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

BODY = ("Polres Uji melaksanakan patroli malam di Kecamatan Sukamaju pada Senin (25/11/2024) "
        "bersama 40 personel gabungan TNI-Polri jelang Pilkada 2024.")
# Names that are not files (or not readable ones); ``make`` creates what the platform allows.
SPECIAL = ("fifo.txt", "dev_zero.txt", "loop.txt", "dangling.txt", "folder.txt", "unreadable.txt")


def _body(i: int) -> str:
    return BODY.replace("Polres Uji", f"Polres Uji {i}")


def make(directory: Path, big: bool = False, line_mb: int = 4) -> list[Path]:
    """Write the hostile files; returns their paths (the 'vanishing' one included).

    Every regular file that holds an article has a distinct body, so a verdict of "added" can be
    told from "already present".
    """
    d = directory
    d.mkdir(parents=True, exist_ok=True)
    rng = random.Random(11)
    files: dict[str | bytes, bytes] = {
        "binary.txt": bytes(rng.randrange(256) for _ in range(20000)),
        "gzip_named_txt.txt": b"\x1f\x8b\x08\x00" + bytes(rng.randrange(256) for _ in range(3000)),
        "empty.txt": b"",
        "whitespace.txt": b"   \n\t\n  \r\n \x0c ",
        "only_bom.txt": b"\xef\xbb\xbf",
        "nul_bytes.txt": b"Judul\x00\x00\x00" + BODY.encode() * 3,
        "invalid_utf8.txt": b"Judul\n\n" + _body(1).encode() + b" \xff\xfe\xc3\x28 caf\xe9",
        "windows1252.txt": ("Judul “kutip”\n\n" + _body(2) + " – Jum’at").encode("cp1252"),
        "utf16_bom.txt": ("Judul UTF-16\n\n" + _body(3)).encode("utf-16"),
        "utf32_bom.txt": ("Judul UTF-32\n\n" + _body(4)).encode("utf-32"),
        "crlf.txt": ("Judul CRLF\r\n\r\n" + _body(5) + "\r\n").encode(),
        "lone_cr.txt": ("Judul CR\r\r" + _body(6) + "\r").encode(),
        "control_codes.txt": ("Judul \x1b[31mmerah\x1b[0m\n\n" + _body(7) + " \x07\x1b]52;c;eA==\x07").encode(),
        "broken.jsonl": b"\n".join([
            json.dumps({"title": "Baik", "text": _body(8)}).encode(), b"{\"title\": \"rusak\", ", b"[1, 2]",
            json.dumps({"title": "tanpa isi"}).encode(), json.dumps({"judul": "Baik 2", "isi": _body(9)}).encode(),
            b"\xff\xfe not json", json.dumps({"title": 5, "text": ["bukan", "teks"]}).encode(),
        ]),
        "deep_nesting.jsonl": b"[" * 200_000 + b"\n" + json.dumps({"title": "x", "text": _body(10)}).encode(),
        "deep_nesting.json": b'{"a":' * 100_000 + b"1" + b"}" * 100_000,
        "not_objects.json": json.dumps([1, "dua", None, {"text": _body(11)}]).encode(),
        "bad_quoting.csv": ('title,text\n"A","' + _body(12) + '"x"\n"B","' + _body(13) + ' 2"\n').encode(),
        "unclosed_quote.csv": ('title,text\n"A","' + _body(14) + "\n").encode(),
        "missing_columns.csv": b"title,outlet\nA,b\n",
        "short_rows.csv": ("title,outlet,text\nA,b," + _body(15) + "\nB,c\n").encode(),
        "huge_field.csv": ("title,text\nBesar,\"" + _body(16) + " " + "kata " * 400_000 + "\"\n").encode(),
        "scripts.html": ("<html><head><title>Judul HTML</title><script>alert(1)</script></head><body>"
                         "<nav>menu</nav><article><p>" + _body(17) + "</p><script>document.write('x')</script>"
                         "<img src=x onerror=alert(1)></article></body></html>").encode(),
        "deep.html": ("<html><body>" + "<div>" * 5000 + _body(18) + "</div>" * 5000 + "</body></html>").encode(),
        "unclosed.html": ("<html><body><article><p>" + _body(19) + "<p><b><i><table><tr><td>").encode(),
        "photo.png": b"\x89PNG\r\n\x1a\n" + bytes(200),
        "archive.zip": b"PK\x03\x04" + bytes(100),
        "one_long_line.txt": ("Judul baris panjang " + ("kata " * (line_mb * 2**20 // 5))).encode(),
        "one_long_word.txt": ("Judul kata panjang\n\n" + _body(20) + " " + "a" * (line_mb * 2**20 // 2)).encode(),
        "many_lines.txt": ("Judul banyak baris\n\n" + _body(21) + "\n" + "baris\n" * 300_000).encode(),
        "repeated_heads.txt": ("Judul kepala berulang\n\n" + "Polres Kapolres AKBP Polsek Desa " * 40_000).encode(),
        "vanishing.txt": ("Judul hilang\n\n" + _body(22)).encode(),
        "unreadable.txt": ("Judul rahasia\n\n" + _body(23)).encode(),
        b"bad_name_\xff\xfe.txt": ("Judul nama rusak\n\n" + _body(24)).encode(),
        "new\nline name.txt": ("Judul nama dengan baris baru\n\n" + _body(25)).encode(),
        "\x1b[31mescape_name.txt": ("Judul nama dengan escape\n\n" + _body(26)).encode(),
    }
    for name, data in files.items():
        target = os.path.join(os.fsencode(d), name) if isinstance(name, bytes) else d / name
        with open(target, "wb") as fh:
            fh.write(data)
    if big:
        with open(d / "fifty_mb.txt", "wb") as fh:
            chunk = (BODY + "\n").encode() * 1000
            while fh.tell() < 50 * 2**20:
                fh.write(chunk)
    if hasattr(os, "mkfifo"):
        os.mkfifo(d / "fifo.txt")  # reading it would block forever
    for name, target in (("dev_zero.txt", "/dev/zero"), ("loop.txt", "loop.txt"), ("dangling.txt", "gone.txt")):
        try:
            os.symlink(target, d / name)
        except OSError:
            pass
    (d / "folder.txt").mkdir()
    (d / "folder.txt" / "inside.txt").write_text("Judul di dalam folder\n\n" + _body(27), encoding="utf-8")
    os.chmod(d / "unreadable.txt", 0)
    raw = os.fsencode(d)
    return sorted(Path(os.fsdecode(os.path.join(raw, name))) for name in os.listdir(raw))


INGEST_CHILD = r"""
import json, sys, time
sys.path.insert(0, sys.argv[3])
import store
from store.check import check_store
started = time.perf_counter()
with store.open(sys.argv[1]) as st:
    report = st.ingest([sys.argv[2]])
    added = [[a.source, a.id] for a in st.articles()]
seconds = time.perf_counter() - started
hwm = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM"))
print(json.dumps({"added": added, "skipped": report.skipped, "present": report.present,
                  "summary": report.summary(), "seconds": seconds, "peak_mb": hwm / 1024,
                  "check": check_store(sys.argv[1]).lines()}, ensure_ascii=True))
"""


def ingest_in_child(files: Path, store_dir: Path, timeout: float = 600) -> dict[str, object]:
    """Ingest ``files`` into ``store_dir`` in a fresh process; its verdicts and peak memory."""
    out = subprocess.run([sys.executable, "-c", INGEST_CHILD, str(store_dir), str(files), str(ROOT)],
                         capture_output=True, text=True, timeout=timeout)
    if out.returncode != 0:
        raise RuntimeError(f"ingest crashed (exit {out.returncode}):\n{out.stderr[-4000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def verdicts(result: dict[str, object], files: Path) -> dict[str, str]:
    """File name (first path part under ``files``) -> its verdict: "added" (with a count when a
    file holds several articles) and/or "skipped: <reason>" for each part that was not read."""
    added: dict[str, int] = {}
    skipped: dict[str, list[str]] = {}

    def name(source: str) -> str:
        rel = source.split("#")[0][len(str(files)) + 1 :]
        return rel.split(os.sep)[0]

    for source, reason in result["skipped"]:  # type: ignore[union-attr]
        skipped.setdefault(name(source), []).append(reason)
    for source, _ in result["added"]:  # type: ignore[union-attr]
        added[name(source)] = added.get(name(source), 0) + 1
    out: dict[str, str] = {}
    for n in set(added) | set(skipped):
        parts = [("added" if added[n] == 1 else f"added {added[n]}")] if n in added else []
        parts += [f"skipped: {r}" for r in skipped.get(n, [])]
        out[n] = "; ".join(parts)
    return out


def expected_names(paths: list[Path]) -> set[str]:
    """What ingest calls each file: names that are not UTF-8 show U+FFFD for the bad bytes."""
    return {p.name.encode("utf-8", "surrogateescape").decode("utf-8", "replace") for p in paths}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dir", type=Path)
    ap.add_argument("--big", action="store_true", help="add a 50 MB file and 16 MB single lines")
    ap.add_argument("--ingest", action="store_true")
    ap.add_argument("--max-rss", type=float, default=400.0, help="peak memory allowed for the ingest, MB")
    args = ap.parse_args(argv)
    files = args.dir / "files"
    paths = make(files, big=args.big, line_mb=16 if args.big else 4)
    print(f"{len(paths)} hostile files in {files}")
    if not args.ingest:
        return 0
    started = time.perf_counter()
    result = ingest_in_child(files, args.dir / "store")
    seen = verdicts(result, files)
    missing = expected_names(paths) - set(seen)
    for name in sorted(seen):
        print(f"  {name!r}: {seen[name]}")
    print(result["summary"])
    print("\n".join(result["check"]))  # type: ignore[arg-type]
    print(f"hostile files tried: {len(paths)}; with a verdict: {len(paths) - len(missing)}; "
          f"peak RSS {result['peak_mb']:.0f} MB (limit {args.max_rss:.0f}); "
          f"ingest {result['seconds']:.1f} s; total {time.perf_counter() - started:.1f} s")
    if os.geteuid() == 0:
        print("note: running as root, so the chmod-000 file is readable and gets read")
    bad = bool(missing) or result["check"][-1] != "ok" or result["peak_mb"] > args.max_rss  # type: ignore[index]
    if missing:
        print(f"NO VERDICT for: {sorted(missing)}")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
