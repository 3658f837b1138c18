"""The keys-per-record bench (bench/keys_per_record.py), short: its first target through the
three flows, every key through the pilot and the record read back from the store. It keeps the
bench working and holds issue 11's targets on it (accepting a right suggestion in at most 3
keys, a record coded by hand or typed whole in at most 15), with the moves to the sentence
counted by hand."""

from __future__ import annotations

import json
from pathlib import Path

from bench.keys_per_record import main


def test_the_short_bench_codes_every_target_within_the_issue_s_keys(tmp_path: Path, config_home: Path) -> None:
    out = tmp_path / "keys.json"
    assert main(["--only", "1", "--json", str(out)]) == 0  # every target slot right in the store
    data = json.loads(out.read_text())
    figures = data["summary"]
    assert figures["suggestion"]["accepted_right_max"] <= 3
    assert figures["hand"]["max"] <= 15 and figures["typed"]["max"] <= 15
    by_flow = {o["flow"]: o for o in data["outcomes"]}
    # by hand starts where the article opens, not on the suggestion: the moves cost keys
    assert by_flow["hand"]["keys"] > by_flow["suggestion"]["keys"] and by_flow["hand"]["rank"] is None
    assert by_flow["typed"]["fixed"] == ["type", "unit", "date"]
