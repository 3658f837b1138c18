"""Exported files keep the zero-width joiner and non-joiner (red team s28, A11): the command's stand-ins
for codes a terminal acts on turned "👮🏻‍♂️" into "👮🏻·♂️" in CoNLL, CSV and events files, so a file's
tokens no longer matched the article. ESC and the bidi overrides still become stand-ins."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

import store
from tests.conftest import store_of_text
from tests.unit.test_import_s26 import TANDAI

EMOJI = "\U0001f46e\U0001f3fb\u200d\u2642\ufe0f"  # police officer, light skin, ZWJ, male sign
TEXT = (f"Patroli Malam\n\n{EMOJI} Polres Bontang bersama warga Ke\u200cpulauan berpatroli di Desa Maju "
        "pada 25 November 2024, \x1b[31mmerah\u202e terbalik.\n")


@pytest.mark.parametrize("fmt", ["conll", "csv", "events"])
def test_an_exported_file_keeps_the_joiners_and_still_hides_escape(tmp_path: Path, fmt: str) -> None:
    path, aid = store_of_text(tmp_path, TEXT)
    with store.open(path, reviewer="rina") as st:
        at = st.article(aid).text.index(EMOJI)
        st.add_record(aid, type="patrol", unit="Polres Bontang", evidence=[{"start": at, "end": at + 60}])
    out = tmp_path / f"out.{fmt}"
    env = {**os.environ, "TANDAI_STORE": str(path), "TANDAI_REVIEWER": "rina",
           "XDG_CONFIG_HOME": str(tmp_path / "config")}
    done = subprocess.run([str(TANDAI), "export", "--format", fmt, "--out", str(out)], capture_output=True,
                          text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    written = out.read_text(encoding="utf-8")
    assert EMOJI in written  # one token in CoNLL, as in the text
    assert ("Ke\u200cpulauan" in written) if fmt != "conll" else ("\u200c" in written)
    assert "\x1b" not in written and "\u202e" not in written
