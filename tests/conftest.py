"""Shared fixtures: real stores on disk, built from the bundled samples or from small files."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

import store

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_articles"

ARTICLE_A = """Polres Bontang Gelar Patroli Malam Jelang Pilkada 2024

Gerbangkaltim.com, Bontang – Polres Bontang menggelar patroli malam di Kecamatan Bontang Utara pada Senin (25/11/2024) untuk menjaga situasi kamtibmas jelang pemungutan suara Pilkada 2024.

Sebanyak 40 personel diterjunkan bersama unsur TNI dari Kodim 0908 dan Satpol PP Kota Bontang.

Kapolres Bontang AKBP Alex Frestian Lumban Tobing, S.I.K. mengatakan patroli akan terus dilakukan hingga tahapan rekapitulasi selesai.

"Kami ingin masyarakat merasa aman," ujarnya.

BACA JUGA: Harga Cabai Naik di Pasar Rawa Indah

Tinggalkan Komentar
"""

ARTICLE_B = """Polsek Bungoro Kunjungi Kantor Panwas Kecamatan

BUNGORO – Dalam rangka menjaga kamtibmas jelang Pilkada 2024, KA SPK 2 Polsek Bungoro Aiptu Syarifuddin melaksanakan patroli dialogis pada Minggu, 06 Oktober 2024 malam.

Patroli dilanjutkan dengan kunjungan ke Kantor Panwas Kecamatan Bungoro untuk memperkuat sinergitas antara kepolisian dan pengawas pemilu.

Kapolsek Bungoro AKP Abdul Haris, S.Sos., M.H. menegaskan pentingnya koordinasi dengan Panwas.

(Humas Polsek Bungoro)
"""


@pytest.fixture()
def article_files(tmp_path: Path) -> Path:
    """A directory with two small, real-shaped articles."""
    d = tmp_path / "in"
    d.mkdir()
    (d / "bontang.txt").write_text(ARTICLE_A, encoding="utf-8")
    (d / "bungoro.txt").write_text(ARTICLE_B, encoding="utf-8")
    return d


@pytest.fixture()
def small_store(tmp_path: Path, article_files: Path) -> Iterator[store.Store]:
    st = store.open(tmp_path / "store", reviewer="rina")
    st.ingest([article_files])
    yield st
    st.close()


@pytest.fixture(scope="session")
def sample_store_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled samples ingested once per session; tests copy it before writing."""
    path = tmp_path_factory.mktemp("template") / "store"
    with store.open(path, reviewer="rina") as st:
        st.ingest([SAMPLES])
    return path


@pytest.fixture()
def sample_store_path(tmp_path: Path, sample_store_template: Path) -> Path:
    dst = tmp_path / "samples-store"
    shutil.copytree(sample_store_template, dst, ignore=shutil.ignore_patterns("write.lock", "write.owner"))
    return dst


def store_of_text(tmp: Path, text: str, reviewer: str = "rina") -> tuple[Path, str]:
    """A store (``tmp/store``) holding one article ingested from ``text``, and its id."""
    src = tmp / "src"
    src.mkdir()
    (src / "article.txt").write_text(text, encoding="utf-8")
    path = tmp / "store"
    with store.open(path, reviewer=reviewer) as st:
        st.ingest([src])
        (art,) = st.articles()
    return path, art.id


def article_id_with(st: store.Store, word: str) -> str:
    res = st.search(word, limit=1)
    assert res.hits, f"no article contains {word!r}"
    return res.hits[0]
