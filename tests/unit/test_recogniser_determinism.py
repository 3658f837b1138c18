"""The same text gives the same entities in every Python process (str hashes differ per process).

Names gathered in a set were tried in hash order, so where one name starts another ("Wolo",
"Wolo Jaya") which one was marked changed from run to run."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = """
from store.text.entities import recognise
t = ("Personel Polsek Wolo Jaya dan Polsek Wolo berjaga di Kecamatan Wolo Jaya Timur. Warga Wolo Jaya "
     "hadir, warga Wolo juga. Di Wolo Jaya situasi aman, kata warga Wolo.")
print([(e.start, e.end, e.label, t[e.start:e.end]) for e in recognise(t)])
"""


def test_overlapping_known_names_give_one_answer_under_any_hash_seed() -> None:
    seen = set()
    for seed in range(8):
        env = {**os.environ, "PYTHONHASHSEED": str(seed)}
        out = subprocess.run([sys.executable, "-c", SCRIPT], env=env, cwd=ROOT, capture_output=True,
                             text=True, check=True).stdout
        seen.add(out)
    assert len(seen) == 1, seen
    assert "(86, 95, 'LOC', 'Wolo Jaya')" in seen.pop()  # the longer name the article knows wins
