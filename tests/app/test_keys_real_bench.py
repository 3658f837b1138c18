"""The real-page keys bench (bench/keys_real.py), short: one dev gold page coded through the pilot
top to bottom, every record read back from the store. It keeps the bench working and holds what
the location field's place phrases bought on that page (coded alone, in a store of its own): its four
location fixes cost 148 keys when the field offered only named places (three typed in full), 21 with
the sentence's phrases on offer."""

from __future__ import annotations

import json
from pathlib import Path

from bench.keys_real import main


def test_a_page_is_coded_right_and_its_place_phrases_are_offered(tmp_path: Path, config_home: Path) -> None:
    out = tmp_path / "keys.json"
    assert main(["--part", "dev", "--pages", "e859_*", "--json", str(out)]) == 0
    data = json.loads(out.read_text())
    figures, records = data["summary"], data["records"]
    assert figures["records"] == len(records) == 7 and figures["right_in_the_end"] == 7
    assert all(r["nav"] >= 2 for r in records)  # a, escape at least
    location = [r["fixed"]["location"] for r in records if "location" in r["fixed"]]
    assert location and max(location) <= 10, location  # before: 52, 45, 46 (typed in full) and 5
