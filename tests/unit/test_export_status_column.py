"""The status on a record's row (CSV and the events table) is the status of the record's reviewer
for that article (red team s28, A8): it was the exporting reviewer's, so rina's patrol showed budi's
'irrelevant', and the same file changed with whoever ran the export."""

from __future__ import annotations

import csv
import io
import os
import subprocess
from pathlib import Path

import store
from tests.unit.test_import_s26 import TANDAI
from tests.unit.test_import_views import _rina_done


def export_as(tmp: Path, who: str, fmt: str) -> list[dict[str, str]]:
    """``tandai export --format FMT`` (CSV on standard output) run by reviewer ``who``."""
    env = {**os.environ, "TANDAI_STORE": str(tmp / "store"), "TANDAI_REVIEWER": who,
           "XDG_CONFIG_HOME": str(tmp / "config"), "XDG_DATA_HOME": str(tmp / "data")}
    done = subprocess.run([str(TANDAI), "export", "--format", fmt], capture_output=True, text=True,
                          env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    return list(csv.DictReader(io.StringIO(done.stdout)))


def test_a_record_row_carries_its_reviewer_s_status_whoever_exports(tmp_path: Path) -> None:
    main, aid = _rina_done(tmp_path)  # rina: a patrol, done
    with store.open(main, reviewer="budi") as st:
        st.set_status(aid, "irrelevant")
    for who in ("rina", "budi", "lead"):
        for fmt in ("csv", "events"):
            rows = export_as(tmp_path, who, fmt)
            assert [(r["reviewer"], r["status"]) for r in rows] == [("rina", "done")], (who, fmt, rows)
