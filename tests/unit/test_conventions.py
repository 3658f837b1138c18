"""A project's coding conventions (``[conventions]`` in the store's taxonomy.toml): where the
guidelines can be read either way, the pre-fill follows what the project settled. Measured on the
dev gold (session 14): a list of places drafted as the list suits the older dev pages' writers
(−76 records of 804 with ``first``), only the first place every guidelines-only writer since
(+29 of 867); the article's unit as the page most often writes it suits both (``first_written``:
−44 of 804 and −17 of 867). A sub-unit written with its Polres (session 17): each gold writer is of one
mind (the older writers "Sat Lantas Polres X" 267 of 274, judge batches one way each, as of session 16), so a store
learns it from its reviewers' records; the judge batches that code the sub-unit alone, drafted as they
code it: unit 63→69, 70→77, 58→64, 56→58, 66→72, 69→70 of 71–82 records. Where around a place (session
17): the older writers code the place (126 of 186 records deciding it), seven of nine judge batches the
phrase as written; learned so, their locations gain 27 (40→43, 47→48, 40→44, 32→37, 29→34, 46→53,
34→36). Pages are invented, ingested into a real store on disk and drafted
through ``Store.draft_record``."""

from __future__ import annotations

from pathlib import Path

import pytest

import store
from store.errors import StoreError

PAGE = """Polres Lembah Hijau Jaga Dua Kecamatan Rawan

LEMBAH HIJAU – Kepolisian Resor (Polres) Lembah Hijau menyiagakan 300 personel sejak Selasa (26/11/2024).

Polres Lembah Hijau menempatkan 40 personel di Kecamatan Sungai Batu dan Kecamatan Padang Luas untuk mengamankan pemungutan suara, Rabu (27/11/2024).

Sat Samapta Polres Lembah Hijau berpatroli di Desa Air Jernih, Desa Batu Gajah dan Desa Lubuk Tua pada malam harinya.

Sebanyak 20 personel berjaga di gudang logistik KPU Kabupaten Lembah Hijau selama 24 jam.
"""


def _ingest_coding_alone(st: store.Store, src: Path) -> str:
    """Ingest the page and code three of its sub-units without the Polres the sentences write: its id."""
    st.ingest([src])
    aid = next(a.id for a in st.articles())
    for needle, unit in (("menjaga pintu masuk", "Sat Samapta"), ("memantau simpatisan", "Sat Intelkam"),
                         ("menyambangi tokoh", "Sat Binmas")):
        _code(st, aid, needle, unit=unit)
    return aid


def _open(tmp_path: Path, conventions: str | None = None, page: str | None = None) -> tuple[Path, Path]:
    """A folder holding the page and a store folder with ``conventions`` in its taxonomy.toml."""
    src, path = tmp_path / "in", tmp_path / "store"
    src.mkdir()
    path.mkdir()
    (src / "page.txt").write_text(page if page is not None else SUB_UNITS, encoding="utf-8")
    if conventions is not None:
        (path / "taxonomy.toml").write_text(f"[conventions]\n{conventions}\n", encoding="utf-8")
    return src, path


def _draft(tmp_path: Path, conventions: str | None, needle: str) -> dict[str, object]:
    src, path = _open(tmp_path, conventions, PAGE)
    with store.open(path, reviewer="rina") as st:
        st.ingest([src])
        aid = next(a.id for a in st.articles())
        text = st.article(aid).text
        at = text.index(needle)
        start = text.rfind("\n", 0, at) + 1
        return st.draft_record(aid, start, text.index("\n", at))


@pytest.mark.parametrize(("conventions", "needle", "expected"), [
    (None, "menempatkan 40 personel", "Kecamatan Sungai Batu dan Kecamatan Padang Luas"),
    ('location_list = "all"', "berpatroli di Desa", "Desa Air Jernih, Desa Batu Gajah dan Desa Lubuk Tua"),
    ('location_list = "first"', "menempatkan 40 personel", "Kecamatan Sungai Batu"),
    ('location_list = "first"', "berpatroli di Desa", "Desa Air Jernih"),
])
def test_a_list_of_places_is_drafted_as_the_project_settled(tmp_path: Path, conventions: str | None,
                                                             needle: str, expected: str) -> None:
    assert _draft(tmp_path, conventions, needle)["location"] == expected


@pytest.mark.parametrize(("conventions", "expected"), [
    (None, "Polres Lembah Hijau"),
    ('unit_form = "first_written"', "Kepolisian Resor (Polres) Lembah Hijau"),
])
def test_a_sentence_naming_no_unit_takes_the_articles_in_the_form_settled(tmp_path: Path, conventions: str | None,
                                                                         expected: str) -> None:
    """"short": as the page most often writes its unit; "first_written": as its body first writes it."""
    assert _draft(tmp_path, conventions, "Sebanyak 20 personel berjaga")["unit"] == expected


@pytest.mark.parametrize(("conventions", "says"), [
    ('location_list = "last"', "location_list must be one of 'all', 'first'"),
    ('halaman = "keep"', "'halaman' is not a convention tandai knows"),
    ('location_list = 3', "location_list must be one of"),
    ('unit_form = "long"', "unit_form must be one of 'short', 'first_written'"),
    ('sub_unit = "short"', "sub_unit must be one of 'with_parent', 'alone'"),
    ('location_phrase = "as_written"', "location_phrase must be one of 'place', 'phrase'"),
    ('location_where = "both"', "location_where must be one of 'place', 'with_where'"),
    ('location_unnamed = "phrase"', "location_unnamed must be one of 'none', 'as_written'"),
])
def test_a_convention_it_does_not_know_is_one_line_naming_the_file(tmp_path: Path, conventions: str,
                                                                    says: str) -> None:
    with pytest.raises(StoreError) as err:
        _draft(tmp_path, conventions, "menempatkan 40 personel")
    message = str(err.value)
    assert says in message and "taxonomy.toml" in message and "\n" not in message


SUB_UNITS = """Satuan Polres Bukit Tinggi Amankan Kampanye

BUKIT TINGGI – Polres Bukit Tinggi mengamankan rapat umum pasangan calon di Lapangan Kantin, Sabtu (16/11/2024).

Sat Samapta Polres Bukit Tinggi menjaga pintu masuk lapangan dengan 60 personel.

Sat Intelkam Polres Bukit Tinggi memantau simpatisan di sekitar panggung.

Sat Binmas Polres Bukit Tinggi menyambangi tokoh masyarakat di Kelurahan Aur Tajungkang.

Sat Lantas Polres Bukit Tinggi mengatur arus kendaraan di Jalan Sudirman.

Sat Reskrim Polres Bukit Tinggi berpatroli di Kecamatan Guguk Panjang dan Kecamatan Mandiangin.

Sebanyak 20 personel berjaga di Kelurahan Campago dan Kelurahan Garegeh hingga malam.

Patroli malam menyisir Desa Koto Baru, Desa Koto Tuo dan Desa Koto Gadang.

Sat Polairud Polres Bukit Tinggi berjaga di Dermaga Danau Batu dan Dermaga Danau Kecil.

Apel pengamanan digelar di halaman Mapolres Bukit Tinggi pukul 07.00 WIB.

Personel Polsek Guguk Panjang berjaga di depan Kantor KPU Kota Bukit Tinggi.

Personel Polsek Mandiangin mengatur parkir di sekitar Lapangan Kantin.

Personel Polsek Aur Birugo memantau massa di depan Gedung DPRD Kota Bukit Tinggi.

Sebanyak 12 personel mengawal kotak suara ke Gudang Logistik KPU Kota Bukit Tinggi di Kelurahan Tarok.

Personel Polsek Guguk Panjang menjaga pleno di Aula Kantor Camat Guguk Panjang di Kelurahan Bukit Cangang.

Personel Polsek Mandiangin menjaga pleno di Gedung Serbaguna Mandiangin di Kelurahan Garegeh.

Patroli Sat Samapta berakhir di Pos Polisi Simpang Aur di Kelurahan Aur Kuning.

Malam harinya personel Polsek Guguk Panjang berpatroli ke permukiman warga untuk mencegah politik uang.

Personel Polsek Mandiangin menyambangi pangkalan ojek di dekat terminal untuk mengimbau pengemudi.

Personel Polsek Aur Birugo berjaga di depan pintu masuk pasar sejak pagi.

Sat Binmas menggelar patroli dialogis ke dusun-dusun di sekitar area perkebunan agar warga menolak politik uang.

Surat suara cadangan diangkut ke gudang PPK di Kelurahan Tarok dengan pengawalan delapan personel.

Personel Polsek Aur Birugo berpatroli ke permukiman warga di Kelurahan Campago usai apel.

Personel Sat Samapta berpatroli ke Pasar Aur Kuning dan pangkalan ojek di sekitarnya pada sore hari.
"""


def _sentence(st: store.Store, aid: str, needle: str) -> tuple[int, int]:
    text = st.article(aid).text
    at = text.index(needle)
    return text.rfind("\n", 0, at) + 1, text.index("\n", at)


def _draft_sub_units(tmp_path: Path, conventions: str | None, needle: str) -> dict[str, object]:
    """The draft of the needle's sentence on the sub-units page, in a store with ``conventions``."""
    src, path = _open(tmp_path, conventions)
    with store.open(path, reviewer="rina") as st:
        st.ingest([src])
        aid = next(a.id for a in st.articles())
        return st.draft_record(aid, *_sentence(st, aid, needle))


def _located_after_coding(tmp_path: Path, needle: str, coded: tuple[tuple[str, str], ...]) -> list[object]:
    """The needle's drafted location on the sub-units page after each of ``coded`` (a sentence, the place a
    reviewer gives it) is saved, in turn."""
    src, path = _open(tmp_path)
    with store.open(path, reviewer="rina") as st:
        st.ingest([src])
        aid = next(a.id for a in st.articles())
        out = []
        for coded_needle, place in coded:
            _code(st, aid, coded_needle, location=place)
            out.append(st.draft_record(aid, *_sentence(st, aid, needle))["location"])
        return out


def _code(st: store.Store, aid: str, needle: str, **changes: object) -> str:
    """Save the draft of the needle's sentence with a reviewer's ``changes``: the record's id."""
    start, end = _sentence(st, aid, needle)
    fields = {**st.draft_record(aid, start, end), **changes}
    return st.add_record(aid, **{k: fields[k] for k in ("type", "unit", "date", "location", "partners",
                                                       "personnel", "evidence")}).id


@pytest.mark.parametrize(("conventions", "expected"), [
    (None, "Sat Lantas Polres Bukit Tinggi"),
    ('sub_unit = "with_parent"', "Sat Lantas Polres Bukit Tinggi"),
    ('sub_unit = "alone"', "Sat Lantas"),
])
def test_a_sub_unit_written_with_its_polres_is_drafted_as_the_project_settled(
        tmp_path: Path, conventions: str | None, expected: str) -> None:
    assert _draft_sub_units(tmp_path, conventions, "mengatur arus")["unit"] == expected


def test_the_sub_unit_reading_is_learned_from_the_reviewers_records_and_follows_their_changes(
        tmp_path: Path) -> None:
    """A store that does not settle it drafts the reading its records follow once three of them decide it
    (two of three agreeing): reviewers who code "Sat Samapta" for "Sat Samapta Polres X" get "Sat Lantas"
    drafted next, and the unit as written again when they change their records back. It holds across a
    reopen (the records are the store's, nothing else is kept)."""
    src, path = _open(tmp_path)
    with store.open(path, reviewer="rina") as st:
        st.ingest([src])
        aid = next(a.id for a in st.articles())
        lantas = _sentence(st, aid, "mengatur arus")
        ids = [_code(st, aid, "menjaga pintu masuk", unit="Sat Samapta"),
               _code(st, aid, "memantau simpatisan", unit="Sat Intelkam")]
        assert st.draft_record(aid, *lantas)["unit"] == "Sat Lantas Polres Bukit Tinggi"  # two: not yet
        ids.append(_code(st, aid, "menyambangi tokoh", unit="Sat Binmas"))
        assert st.draft_record(aid, *lantas)["unit"] == "Sat Lantas"
    with store.open(path, reviewer="rina") as st:
        assert st.draft_record(aid, *lantas)["unit"] == "Sat Lantas"
        for rid in ids[:2]:
            st.update_record(rid, unit=st.record(rid).unit + " Polres Bukit Tinggi")
        assert st.draft_record(aid, *lantas)["unit"] == "Sat Lantas Polres Bukit Tinggi"


def test_a_convention_the_project_settled_is_never_overruled_by_its_records(tmp_path: Path) -> None:
    src, path = _open(tmp_path, 'sub_unit = "with_parent"\nlocation_list = "all"')
    with store.open(path, reviewer="rina") as st:
        aid = _ingest_coding_alone(st, src)
        for needle, place in (("berpatroli di Kecamatan", "Kecamatan Guguk Panjang"),
                              ("Sebanyak 20 personel", "Kelurahan Campago"),
                              ("Patroli malam", "Desa Koto Baru")):
            _code(st, aid, needle, location=place)
        draft = st.draft_record(aid, *_sentence(st, aid, "Sat Polairud Polres"))
        assert draft["unit"] == "Sat Polairud Polres Bukit Tinggi"
        assert draft["location"] == "Dermaga Danau Batu dan Dermaga Danau Kecil"


def test_a_list_of_places_coded_by_its_first_is_learned(tmp_path: Path) -> None:
    src, path = _open(tmp_path)
    with store.open(path, reviewer="rina") as st:
        st.ingest([src])
        aid = next(a.id for a in st.articles())
        dermaga = _sentence(st, aid, "Sat Polairud Polres")
        assert st.draft_record(aid, *dermaga)["location"] == "Dermaga Danau Batu dan Dermaga Danau Kecil"
        for needle, place in (("berpatroli di Kecamatan", "Kecamatan Guguk Panjang"),
                              ("Sebanyak 20 personel", "Kelurahan Campago"),
                              ("Patroli malam", "Desa Koto Baru")):
            _code(st, aid, needle, location=place)
        assert st.draft_record(aid, *dermaga)["location"] == "Dermaga Danau Batu"


@pytest.mark.parametrize(("conventions", "expected"), [
    (None, "Gedung DPRD Kota Bukit Tinggi"),
    ('location_phrase = "phrase"', "depan Gedung DPRD Kota Bukit Tinggi"),
])
def test_where_around_a_place_is_drafted_as_the_project_settled(tmp_path: Path, conventions: str | None,
                                                                 expected: str) -> None:
    assert _draft_sub_units(tmp_path, conventions, "memantau massa")["location"] == expected


def test_the_location_phrase_is_learned_from_the_reviewers_records(tmp_path: Path) -> None:
    """Reviewers who code "halaman Mapolres X" where the sentence says "di halaman Mapolres X" get the
    phrase drafted next (the session-16 and -17 judges wrote it so, the older writers the place)."""
    got = _located_after_coding(tmp_path, "memantau massa", (
        ("Apel pengamanan digelar", "halaman Mapolres Bukit Tinggi"),
        ("Personel Polsek Guguk Panjang", "depan Kantor KPU Kota Bukit Tinggi"),
        ("Personel Polsek Mandiangin", "sekitar Lapangan Kantin")))
    assert got[-1] == "depan Gedung DPRD Kota Bukit Tinggi"


@pytest.mark.parametrize(("conventions", "expected"), [
    (None, "Gudang Logistik KPU Kota Bukit Tinggi"),
    ('location_where = "with_where"', "Gudang Logistik KPU Kota Bukit Tinggi di Kelurahan Tarok"),
])
def test_a_venue_written_with_where_it_lies_is_drafted_as_the_project_settled(
        tmp_path: Path, conventions: str | None, expected: str) -> None:
    assert _draft_sub_units(tmp_path, conventions, "mengawal kotak suara ke")["location"] == expected


@pytest.mark.parametrize(("conventions", "needle", "expected"), [
    (None, "diangkut ke gudang PPK", "Kelurahan Tarok"),
    ('location_where = "with_where"', "diangkut ke gudang PPK", "gudang PPK di Kelurahan Tarok"),
    # an area is not a venue: "ke permukiman warga di Kelurahan X" is coded the village (dev e780, e785)
    ('location_where = "with_where"', "ke permukiman warga di", "Kelurahan Campago"),
])
def test_an_unnamed_venue_written_before_where_it_lies_is_drafted_as_the_project_settled(
        tmp_path: Path, conventions: str | None, needle: str, expected: str) -> None:
    """"diangkut ke gudang PPK di Kelurahan X": reviewers who code a venue with where it lies code this unnamed
    venue with it too (session 22, the judge batches drafted with what each learns: location +11, none lost)."""
    assert _draft_sub_units(tmp_path, conventions, needle)["location"] == expected


def test_where_a_venue_lies_is_learned_from_the_reviewers_records(tmp_path: Path) -> None:
    """Reviewers who code "Aula X di Kelurahan Y" where the sentence writes it so get the venue with where it
    lies drafted next (session 18: the judges code it so in 68 of the 92 records deciding it, the older
    writers the venue, 71 of 124, the first writers 23 of 23; learned per batch, 11 of 22 judge batches
    learn it and their locations gain 19, none lost)."""
    got = _located_after_coding(tmp_path, "mengawal kotak suara ke", (
        ("menjaga pleno di Aula", "Aula Kantor Camat Guguk Panjang di Kelurahan Bukit Cangang"),
        ("menjaga pleno di Gedung", "Gedung Serbaguna Mandiangin di Kelurahan Garegeh"),
        ("Patroli Sat Samapta berakhir", "Pos Polisi Simpang Aur di Kelurahan Aur Kuning")))
    assert got[1:] == ["Gudang Logistik KPU Kota Bukit Tinggi",  # two records: not yet
                       "Gudang Logistik KPU Kota Bukit Tinggi di Kelurahan Tarok"]


@pytest.mark.parametrize(("conventions", "expected"), [
    (None, None),
    ('location_unnamed = "as_written"', "dusun-dusun di sekitar area perkebunan"),
])
def test_an_unnamed_place_is_drafted_as_the_project_settled(tmp_path: Path, conventions: str | None,
                                                            expected: str | None) -> None:
    """"none": the sentence's unnamed place is no place (the dateline, the record before); "as_written": it."""
    got = _draft_sub_units(tmp_path, conventions, "Sat Binmas menggelar patroli dialogis")["location"]
    assert got == expected


def test_an_unnamed_place_as_written_is_learned_from_the_reviewers_records(tmp_path: Path) -> None:
    """Reviewers who code "permukiman warga" where the sentence puts the patrol there get the next unnamed
    place drafted as written (session 18: learned per judge batch, 19 of 26 batches learn it and their
    locations gain 22; the older and first writers never code so, nor learn it)."""
    got = _located_after_coding(tmp_path, "Sat Binmas menggelar patroli dialogis", (
        ("berpatroli ke permukiman warga", "permukiman warga"),
        ("menyambangi pangkalan ojek", "dekat terminal"),
        ("berjaga di depan pintu masuk pasar", "depan pintu masuk pasar")))
    assert got[1] != got[2] == "dusun-dusun di sekitar area perkebunan"  # two records: not yet


def test_tandai_stats_says_which_reading_each_convention_drafts_and_why(tmp_path: Path) -> None:
    """The installed command shows each convention's reading and where it comes from (a reviewer whose
    drafts changed reading sees why), the records' counts beside it; the JSON carries the same."""
    import json
    import os
    import subprocess
    import sys

    src, path = _open(tmp_path, 'location_list = "all"')
    with store.open(path, reviewer="rina") as st:
        _ingest_coding_alone(st, src)
    env = {**os.environ, "TANDAI_STORE": str(path), "TANDAI_REVIEWER": "rina", "COLUMNS": "160"}
    out = subprocess.run([sys.executable, "-m", "tui.cli", "stats"], capture_output=True, text=True, env=env,
                         timeout=120, check=True).stdout
    lines = {line.split()[1]: line for line in map(str.strip, out.splitlines()) if line.startswith("convention ")}
    assert "alone (learned from your records; records: alone 3)" in lines["sub_unit"]
    assert "all (set in taxonomy.toml" in lines["location_list"]
    assert "place (default" in lines["location_phrase"]
    assert "place (default" in lines["location_where"]
    assert "none (default" in lines["location_unnamed"]
    data = json.loads(subprocess.run([sys.executable, "-m", "tui.cli", "stats", "--json"], capture_output=True,
                                     text=True, env=env, timeout=120, check=True).stdout)
    assert data["conventions"]["sub_unit"] == {"reading": "alone", "how": "learned", "from": "yours",
                                               "records": {"alone": 3}, "yours": {"alone": 3}}


def test_a_second_reviewer_of_the_same_article_drafts_without_the_first_reviewer_s_reading(
        tmp_path: Path) -> None:
    """Double coding stays independent: the readings learned from another reviewer's records of the very
    article being drafted are left out (as the type classifier leaves them out), those of other articles
    count (a team's style)."""
    src, path = _open(tmp_path)
    (src / "other.txt").write_text(SUB_UNITS.replace("Bukit Tinggi", "Lembah Sari"), encoding="utf-8")
    with store.open(path, reviewer="rina") as st:
        st.ingest([src])
        ids = {Path(a.source).stem: a.id for a in st.articles()}
        for needle, unit in (("menjaga pintu masuk", "Sat Samapta"), ("memantau simpatisan", "Sat Intelkam"),
                             ("menyambangi tokoh", "Sat Binmas")):
            _code(st, ids["page"], needle, unit=unit)
    with store.open(path, reviewer="budi") as st:
        same = st.draft_record(ids["page"], *_sentence(st, ids["page"], "mengatur arus"))
        other = st.draft_record(ids["other"], *_sentence(st, ids["other"], "mengatur arus"))
        assert (same["unit"], other["unit"]) == ("Sat Lantas Polres Bukit Tinggi", "Sat Lantas")


def test_a_reviewer_s_own_reading_is_drafted_before_the_team_s(tmp_path: Path) -> None:
    """In a team whose reviewers read a convention differently, each is drafted in their own reading once
    their records decide it, and in the team's until then: rina keeps "Sat X Polres Y" six times, budi codes
    the sub-unit alone three times (the team's records: six to three), and budi is drafted "Sat Lantas" on an
    article nobody coded while rina and sari, who has coded nothing, get the unit as written. ``stats`` says
    whose records decided it."""
    src, path = _open(tmp_path)
    for stem, place in (("other", "Lembah Sari"), ("third", "Danau Biru")):
        (src / f"{stem}.txt").write_text(SUB_UNITS.replace("Bukit Tinggi", place), encoding="utf-8")
    with store.open(path, reviewer="rina") as st:
        st.ingest([src])
        ids = {Path(a.source).stem: a.id for a in st.articles()}
        for needle in ("menjaga pintu masuk", "memantau simpatisan", "menyambangi tokoh", "mengatur arus",
                       "berpatroli di Kecamatan", "Sat Polairud Polres"):
            _code(st, ids["other"], needle)
    with store.open(path, reviewer="budi") as st:
        for needle, unit in (("menjaga pintu masuk", "Sat Samapta"), ("memantau simpatisan", "Sat Intelkam"),
                             ("menyambangi tokoh", "Sat Binmas")):
            _code(st, ids["page"], needle, unit=unit)
    drafted = {}
    for reviewer in ("budi", "rina", "sari"):
        with store.open(path, reviewer=reviewer) as st:
            drafted[reviewer] = st.draft_record(ids["third"], *_sentence(st, ids["third"], "mengatur arus"))["unit"]
            used = st.conventions_in_use()["sub_unit"]
            assert used["records"] == {"with_parent": 6, "alone": 3}
            assert (used["reading"], used["how"], used.get("from")) == (
                ("alone", "learned", "yours") if reviewer == "budi" else ("with_parent", "learned",
                                                                          "yours" if reviewer == "rina" else "team"))
    assert drafted == {"budi": "Sat Lantas", "rina": "Sat Lantas Polres Danau Biru",
                       "sari": "Sat Lantas Polres Danau Biru"}


@pytest.mark.parametrize(("place", "sentence", "expected"), [
    ("Mapolres Lembah Hijau", "Apel digelar di halaman Mapolres Lembah Hijau.", "halaman Mapolres Lembah Hijau"),
    # "dalam" and "sepanjang" are left out by the people who keep "halaman" (session 20: 9 of 40 and 13 of 60
    # keep them against 188 of 253)
    ("Ballroom Cempaka", "Ring satu di dalam Ballroom Cempaka dijaga 30 personel.", "Ballroom Cempaka"),
    ("Jalan Raya Sungai Batu", "Petugas menurunkan baliho di sepanjang Jalan Raya Sungai Batu.",
     "Jalan Raya Sungai Batu"),
])
def test_the_phrase_around_a_place_keeps_where_around_it_not_inside_or_along(place: str, sentence: str,
                                                                              expected: str) -> None:
    from store.conventions import location_phrase

    assert location_phrase(place, sentence) == expected


@pytest.mark.parametrize(("conventions", "expected"), [
    (None, "Pasar Aur Kuning"),
    ('location_unnamed = "as_written"', "Pasar Aur Kuning dan pangkalan ojek di sekitarnya"),
])
def test_unnamed_places_listed_after_a_place_are_drafted_as_the_project_settled(
        tmp_path: Path, conventions: str | None, expected: str) -> None:
    """"ke Pasar X dan pangkalan ojek di sekitarnya": reviewers who write unnamed places as written write the
    list so (session 22, the judge batches drafted with what each learns: location +15, −1)."""
    assert _draft_sub_units(tmp_path, conventions, "ke Pasar Aur Kuning")["location"] == expected


@pytest.mark.parametrize(("place", "sentence", "expected"), [
    ("ruang sidang", "Tim Jibom menyisir ruang sidang dan area parkir.", "ruang sidang dan area parkir"),
    ("kantor PPK", "Patroli ke kantor PPK dan gudang logistik KPU Kabupaten X setiap malam.",
     "kantor PPK dan gudang logistik KPU Kabupaten X"),
    ("kantor PPK", "Patroli ke kantor PPK dan sejumlah posko pemenangan pasangan calon.",
     "kantor PPK dan sejumlah posko pemenangan pasangan calon"),
    ("Jalan Merdeka", "Personel berjaga di Jalan Merdeka dan menutup arus.", "Jalan Merdeka"),  # a verb: no place
])
def test_an_unnamed_place_listed_after_a_place_joins_it_as_written(place: str, sentence: str, expected: str) -> None:
    from store.conventions import listed_as_written

    assert listed_as_written(place, sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Ring dua di pintu masuk dan area parkir diisi 95 personel Sat Samapta.", "pintu masuk dan area parkir"),
    ("Personel yang membentuk barikade di depan gerbang menahan dorongan massa.", "depan gerbang"),
    ("Sat Lantas menutup ruas jalan menuju gedung selama pleno.", None),  # no preposition: no place
    ("Sat Lantas berjaga di ruas jalan menuju gedung selama pleno.", "ruas jalan menuju gedung"),
    # ... nor into the role the place is given: "di sekitar desa sebagai ring tiga" (dev e826, e827)
    ("Sebanyak 15 personel berpatroli di sekitar desa sebagai ring tiga.", "sekitar desa"),
])
def test_an_unnamed_place_as_written_ends_before_the_verb_after_it(sentence: str, expected: str | None) -> None:
    """The unnamed place runs to the verb that follows it ("diisi", "menahan"), never into it (dev, with the
    phrase conventions learned: +7 records that had the verb in the place)."""
    from store.conventions import unnamed_place

    assert unnamed_place(sentence) == expected


def test_a_ring_s_unnamed_spot_is_drafted_without_the_verb_after_it(tmp_path: Path) -> None:
    page = ("Polres Lembah Hijau Amankan Pleno\n\nLEMBAH HIJAU – Polres Lembah Hijau mengamankan pleno KPU di Gedung "
            "Serbaguna Lembah Hijau, Rabu (4/12/2024).\n\nRing dua di lobi dan pintu masuk gedung ditempati 90 "
            "personel Sat Samapta.\n")
    src, path = _open(tmp_path, 'location_unnamed = "as_written"', page)
    with store.open(path, reviewer="rina") as st:
        st.ingest([src])
        aid = next(a.id for a in st.articles())
        text = st.article(aid).text
        at = text.index("Ring dua")
        assert st.draft_record(aid, at, text.index("\n", at))["location"] == "lobi dan pintu masuk gedung"


def test_places_coded_one_by_one_for_a_shared_figure_teach_no_list_reading(tmp_path: Path) -> None:
    """Records of "Distrik A dan Distrik B masing-masing mendapat 30 personel", one per district (as the
    guidelines split a figure by place), are no vote for coding a list by its first place: a plain list
    after them is still drafted whole."""
    page = ("Personel Digeser ke Distrik\n\nLEMBAH HIJAU – Polres Lembah Hijau menggeser 180 personel, Senin "
            "(25/11/2024).\n\nDistrik Hulu dan Distrik Hilir masing-masing mendapat 30 personel.\n\n"
            "Kelurahan Tua dan Kelurahan Muda masing-masing dijaga 20 personel.\n\n"
            "PPK Timur dan PPK Barat masing-masing dijaga 12 personel.\n\n"
            "Sat Samapta berpatroli di Desa Satu dan Desa Dua pada malam harinya.\n")
    src, path = _open(tmp_path, page=page)
    with store.open(path, reviewer="rina") as st:
        st.ingest([src])
        aid = next(a.id for a in st.articles())
        for needle, place in (("Distrik Hulu dan", "Distrik Hulu"), ("Distrik Hulu dan", "Distrik Hilir"),
                              ("Kelurahan Tua dan", "Kelurahan Tua"), ("Kelurahan Tua dan", "Kelurahan Muda"),
                              ("PPK Timur dan", "PPK Timur"), ("PPK Timur dan", "PPK Barat")):
            _code(st, aid, needle, location=place)
        assert st.draft_record(aid, *_sentence(st, aid, "berpatroli di Desa"))["location"] == "Desa Satu dan Desa Dua"


def test_tandai_conventions_settles_a_reading_for_everyone_and_unsets_it(tmp_path: Path) -> None:
    """The project lead's one line: ``tandai conventions set sub_unit with_parent`` writes the store's
    taxonomy.toml (its labels and comments as they were), and a reviewer whose records code the sub-unit
    alone is drafted with its Polres from then on; ``unset`` gives the drafts back to the records. A name or
    reading it does not know is one line on stderr and nothing is written."""
    import os
    import subprocess
    import sys

    src, path = _open(tmp_path, "")
    own = "# our codebook, 2024\n[labels.PERSON]\nkey = \"7\"\n"
    (path / "taxonomy.toml").write_text(own, encoding="utf-8")
    with store.open(path, reviewer="rina") as st:
        aid = _ingest_coding_alone(st, src)
        lantas = _sentence(st, aid, "mengatur arus")
        assert st.draft_record(aid, *lantas)["unit"] == "Sat Lantas"
    env = {**os.environ, "TANDAI_STORE": str(path), "TANDAI_REVIEWER": "rina", "COLUMNS": "200"}

    def tandai(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "tui.cli", "conventions", *argv], capture_output=True,
                              text=True, env=env, timeout=120)

    shown = tandai().stdout
    assert "learned from your records" in next(line for line in shown.splitlines() if "sub_unit" in line)
    assert "(records never decide it)" in next(line for line in shown.splitlines() if "unit_form" in line)
    done = tandai("set", "sub_unit", "with_parent")
    assert done.returncode == 0 and done.stdout.startswith("sub_unit settled for everyone"), done
    text = (path / "taxonomy.toml").read_text(encoding="utf-8")
    assert text.startswith(own) and 'sub_unit = "with_parent"' in text
    with store.open(path, reviewer="rina") as st:
        assert st.draft_record(aid, *lantas)["unit"] == "Sat Lantas Polres Bukit Tinggi"
    assert "settled in the store" in next(line for line in tandai().stdout.splitlines() if "sub_unit" in line)
    for argv, code in ((("set", "sub_unit", "phrase"), 1), (("set", "sub_units", "alone"), 2),
                       (("set", "sub_unit", "sideways"), 2)):
        refused = tandai(*argv)
        assert refused.returncode == code and refused.stdout == "", refused
        assert len(refused.stderr.strip().splitlines()) <= 3 and "Traceback" not in refused.stderr
    assert (path / "taxonomy.toml").read_text(encoding="utf-8") == text
    assert tandai("unset", "sub_unit").returncode == 0
    with store.open(path, reviewer="rina") as st:
        assert st.draft_record(aid, *lantas)["unit"] == "Sat Lantas"
