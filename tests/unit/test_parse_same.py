"""The parser's fast paths give what the plain definitions give (issue 10, ingest speed): a
whole text spaced once and free of markup is split without cleaning each line, and one
combined pattern stands before the four boilerplate patterns."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from store.sources.raw import RawDoc
from store.text import noise
from store.text.parse import parse_article


def plain_lines(text: str) -> list[tuple[int, int, str, str]]:
    """Each line with its offsets and its clean form, cleaned one line at a time."""
    out, pos = [], 0
    for raw in text.split("\n"):
        c = "" if not raw or len(raw) > noise.MAX_NOISE_LINE else noise.clean(raw)
        out.append((pos, pos + len(raw), raw, c))
        pos += len(raw) + 1
    return out


_PIECES = [*"ab C\n\n \t\u00a0\u200b*_#|>•[]()\\\x0b\x0c\x1c\x1f\x07é", "  ", "Baca juga: ", "Tags:", "Editor: Ani", "© 2024 ",
           "[x](http://a.b)", "Polres Garut menggelar apel. ", "x" * 420]
# mostly plain texts (the fast path, and its edges: a line opening or ending with a space),
# and texts with anything a line can hold
_TEXTS = st.one_of(st.lists(st.sampled_from([*"ab C\n\n ", "Baca juga: ", "x" * 420]), max_size=30).map("".join),
                   st.lists(st.sampled_from(_PIECES), max_size=40).map("".join))


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_split_lines_is_the_plain_definition(text: str) -> None:
    raws, cleans, nonblank = noise.split_lines(text)
    starts = noise.line_starts(raws)
    assert [(s, s + len(r), r, c) for s, r, c in zip(starts, raws, cleans, strict=False)] == plain_lines(text)
    assert nonblank == [i for i, r in enumerate(raws) if r.strip()]


_LINES = st.lists(st.sampled_from(["Baca juga", " ", ":", "Tags", "Artikel Sebelumnya", "share", "Facebook",
                                   "Twitter", "Berita Terkait", "©", "12", "komentar", "Editor", "x", "Iklan"]),
                  max_size=6).map("".join)


@settings(max_examples=600, deadline=None)
@given(_LINES)
def test_boilerplate_is_any_of_the_four(line: str) -> None:
    four = any(p.match(line) for p in (noise.PREV_NEXT, noise.TAGS, noise.LIST_HEAD, noise.NOISE))
    assert (noise.BOILERPLATE.match(line) is not None) == four


def test_a_page_with_boilerplate_parses_as_before() -> None:
    """Both paths of split_lines in one parse: the markup line sends the text down the slow one."""
    body = ("Garut, MEDIA.CO.ID - Polres Garut menggelar apel pengamanan di halaman Mapolres pada Senin.\n\n"
            "Baca juga: Polsek Lain Patroli\n\nTags:\nPilkada\nPolres\n\nEditor: Ani")
    plain = parse_article(RawDoc("a.txt", "Polres Garut Gelar Apel\n\n" + body))
    marked = parse_article(RawDoc("b.txt", "**Polres Garut Gelar Apel**\n\n" + body))
    assert plain.title == marked.title == "Polres Garut Gelar Apel"
    assert [s.text for s in plain.noise] == [s.text for s in marked.noise] == [
        "Baca juga: Polsek Lain Patroli", "Tags:", "Pilkada", "Polres", "Editor: Ani"]


_OPENINGS = st.lists(st.sampled_from(["K", "ſ", "İ", "ı", "A", "b", "1", " ", ":", "©", "Ta", "gs", "Bac", "a ",
                                      "juga", "SHARE", "Whats", "App", "Facebook ", "hak cipta", "Editor", "Iklan",
                                      "Halaman", " 2", "Next", "Prev", "komentar", "Topik", "x"]),
                     min_size=1, max_size=6).map("".join)


@settings(max_examples=1500, deadline=None)
@given(_OPENINGS)
def test_is_boilerplate_is_the_combined_pattern(line: str) -> None:
    assert noise.is_boilerplate(line) == (noise.BOILERPLATE.match(line) is not None)


def test_is_boilerplate_knows_every_opening() -> None:
    """One line of each kind the four patterns list, in three casings."""
    lines = """Artikel Sebelumnya|Berita Berikutnya: X|Postingan Selanjutnya|Previous Post|Next Article|Older Post
    |Newer Story|Tags|Tag Terkait|Topik|Kata Kunci:|Keywords|Berita Terkait|Rekomendasi|Baca Juga|Terpopuler
    |Paling Banyak Dibaca|Pilihan Redaksi|Related Posts|More Stories|You May Also Like|Lihat Juga|Simak Juga
    |Populer|Terkini|Trending Now|Tinggalkan Komentar|Leave a Reply|12 Komentar|Komentar|Tulis Komentar
    |Batalkan Balasan|Cek Berita dan Artikel lain|Ikuti kami di Google News|Follow our WhatsApp channel
    |Gabung channel Telegram|Bergabung di Telegram|Dapatkan aplikasi|Download app|Unduh aplikasi|Klik Instagram
    |Izinkan notifikasi|Aktifkan notifikasi|Nyalakan notifikasi|Allow notifications|Terima update berita
    |Artikel ini telah tayang di X|Share|Bagikan: Facebook|Facebook Twitter|WhatsApp Telegram|LinkedIn Pinterest
    |Copy link Facebook|Salin tautan Twitter|Pewarta: A|Editor: A|Penulis: A|Reporter: A|Redaktur: A
    |Penyunting: A|Fotografer: A|Pengirim: A|Kontributor: A|Uploader: A|Diunggah oleh: A|Ditulis oleh: A
    |Dilaporkan oleh: A|Copyright 2024|Hak Cipta X|All rights reserved|Media © 2024|Sumber:|Advertisement
    |Advertorial|Iklan|Sponsored|Scroll to continue|Iklan Layanan Masyarakat X|Halaman 2|Halaman Selanjutnya
    |Selanjutnya|Sebelumnya|Next|Previous|Prev »""".split("|")
    for line in (ln.strip() for ln in lines):
        for form in (line, line.upper(), line.lower()):
            assert noise.BOILERPLATE.match(form), form
            assert noise.is_boilerplate(form), form
