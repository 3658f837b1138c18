"""`tandai check [--repair]` on stores broken on purpose: clear errors naming the file, repairs
that lose no acknowledged change, broken files kept aside."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import tantivy

import store
from store.check import check_store
from store.disk import annotations as ann_mod
from store.search import index as search
from tests.conftest import article_id_with


@pytest.fixture()
def busy_store(tmp_path: Path, article_files: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, str]:
    """A store with several compactions behind it (backups exist) and changes after the last one."""
    monkeypatch.setattr(ann_mod, "COMPACT_EVERY", 4)
    path = tmp_path / "s"
    with store.open(path, reviewer="rina") as st:
        st.ingest([article_files])
        aid = article_id_with(st, "bontang")
        for i in range(10):
            st.save_search(f"q{i}", "x")
        st.set_status(aid, "done")
    st = store.open(path, reviewer="rina")
    st.save_search("after-close", "y")  # only in the journal of this session
    st.annotations.journal.close()
    st._lock.release()  # type: ignore[union-attr]  # the process "dies" without compacting
    return path, aid


def test_healthy_store_checks_ok(busy_store: tuple[Path, str]) -> None:
    report = check_store(busy_store[0])
    assert report.ok, report.lines()
    assert report.articles == 2


def test_truncated_snapshot_is_named_and_restored_without_loss(busy_store: tuple[Path, str]) -> None:
    path, aid = busy_store
    snap = path / "annotations" / "annotations.json"
    snap.write_bytes(snap.read_bytes()[:25])
    report = check_store(path)
    assert not report.ok and any("annotations.json" in p for p in report.problems)
    fixed = check_store(path, repair=True)
    assert fixed.ok, fixed.lines()
    assert list((path / "annotations").glob("annotations.json.broken-*"))
    with store.open(path, reviewer="rina") as st:
        names = {s["name"] for s in st.saved_searches()}
        assert names == {f"q{i}" for i in range(10)} | {"after-close"}
        assert st.status(aid) == "done"


def test_damaged_journal_keeps_its_valid_entries(busy_store: tuple[Path, str]) -> None:
    path, _ = busy_store
    journal = path / "annotations" / "journal.jsonl"
    good = journal.read_bytes()
    journal.write_bytes(b"0000beef {broken}\n" + good)  # a damaged line followed by valid ones
    assert not check_store(path).ok
    fixed = check_store(path, repair=True)
    assert fixed.ok, fixed.lines()
    assert list((path / "annotations").glob("journal.jsonl.broken-*"))


def test_stale_or_missing_index_is_rebuilt(busy_store: tuple[Path, str]) -> None:
    path, _ = busy_store
    shutil.rmtree(path / "index")
    report = check_store(path)
    assert any("index" in p for p in report.problems)
    fixed = check_store(path, repair=True)
    assert fixed.ok and any("rebuilt the search index" in a for a in fixed.actions)
    with store.open(path, read_only=True) as st:
        assert st.search("patroli").total == 2


def test_broken_shard_is_reported_with_what_to_do(busy_store: tuple[Path, str]) -> None:
    path, _ = busy_store
    shard = next((path / "corpus").glob("shard-*[0-9].json"))
    shard.write_text("{not json")
    report = check_store(path, repair=True)
    assert not report.ok
    assert any(shard.name in p and "re-ingest" in p for p in report.problems)


def test_cli_check_exit_codes(busy_store: tuple[Path, str]) -> None:
    path, _ = busy_store
    ok = subprocess.run([sys.executable, "-m", "tui.cli", "check", "--store", str(path)], capture_output=True,
                        text=True, timeout=60)
    assert ok.returncode == 0 and ok.stdout.strip().endswith("ok")
    (path / "annotations" / "annotations.json").write_text("")
    bad = subprocess.run([sys.executable, "-m", "tui.cli", "check", "--store", str(path)], capture_output=True,
                         text=True, timeout=60)
    assert bad.returncode == 1 and "annotations.json" in bad.stdout
    fixed = subprocess.run([sys.executable, "-m", "tui.cli", "check", "--repair", "--store", str(path)],
                           capture_output=True, text=True, timeout=60)
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr


# -- more ways to break a store -------------------------------------------------------------------

CLI = [sys.executable, "-m", "tui.cli"]


def names_in(path: Path) -> set[str]:
    with store.open(path, reviewer="rina", read_only=True) as st:
        return {s["name"] for s in st.saved_searches()}


ALL_NAMES = {f"q{i}" for i in range(10)} | {"after-close"}


def test_well_formed_json_with_a_malformed_entry_is_repaired(busy_store: tuple[Path, str]) -> None:
    path, _ = busy_store
    snap = path / "annotations" / "annotations.json"
    snap.write_text('{"_meta": {"1": {"seq": 3}}, "searches": {"1": {"name": "no key"}}}')
    with pytest.raises(store.StoreError) as err:
        store.open(path, read_only=True)
    assert "annotations.json" in str(err.value)
    fixed = check_store(path, repair=True)
    assert fixed.ok, fixed.lines()
    assert names_in(path) == ALL_NAMES


def test_deleted_snapshot_is_noticed_not_silently_emptied(busy_store: tuple[Path, str]) -> None:
    """Without its snapshot the store would open with only the last journal's changes; it must
    refuse instead, and repair must bring every change back from the backups."""
    path, aid = busy_store
    (path / "annotations" / "annotations.json").unlink()
    with pytest.raises(store.StoreError) as err:
        store.open(path, reviewer="rina")
    assert "annotations.json" in str(err.value) and "missing" in str(err.value)
    report = check_store(path)
    assert not report.ok and any("annotations.json" in p for p in report.problems)
    fixed = check_store(path, repair=True)
    assert fixed.ok, fixed.lines()
    assert names_in(path) == ALL_NAMES
    with store.open(path, reviewer="rina", read_only=True) as st:
        assert st.status(aid) == "done"


def test_old_snapshot_put_back_is_caught_up_from_archived_journals(busy_store: tuple[Path, str]) -> None:
    """A snapshot replaced by an older copy (a restore from a sync tool, say) leaves a gap before
    the journal: the store refuses to open, repair replays the archived journals."""
    path, _ = busy_store
    ann = path / "annotations"
    oldest = sorted((ann / "backups").glob("annotations-*.json"))[0]
    shutil.copyfile(oldest, ann / "annotations.json")
    with pytest.raises(store.StoreError, match="journal continues"):
        store.open(path, reviewer="rina")
    fixed = check_store(path, repair=True)
    assert fixed.ok, fixed.lines()
    assert names_in(path) == ALL_NAMES


def test_damaged_line_in_the_middle_keeps_entries_before_and_after(busy_store: tuple[Path, str]) -> None:
    path, _ = busy_store
    with store.open(path, reviewer="rina") as st:  # compacts on close: start from an empty journal
        pass
    st = store.open(path, reviewer="rina")
    for name in ("m1", "m2", "m3"):
        st.save_search(name, "z")
    st.annotations.journal.close()
    st._lock.release()  # type: ignore[union-attr]  # dies without compacting
    journal = path / "annotations" / "journal.jsonl"
    lines = journal.read_bytes().split(b"\n")
    lines[1] = lines[1].replace(b"m2", b"mX")  # the checksum no longer matches
    journal.write_bytes(b"\n".join(lines))
    with pytest.raises(store.StoreError, match=r"journal\.jsonl"):
        store.open(path, reviewer="rina")
    fixed = check_store(path, repair=True)
    # the damaged change itself is gone, and the report says which one; everything else is back
    assert len(fixed.problems) == 1 and "could not be recovered" in fixed.problems[0], fixed.lines()
    assert any("damaged journal line" in a for a in fixed.actions)
    assert check_store(path).ok
    names = names_in(path)
    assert {"m1", "m3"} <= names and "m2" not in names and ALL_NAMES <= names
    kept = list((path / "annotations").glob("journal.jsonl.broken-*"))
    assert kept and b"mX" in kept[0].read_bytes()  # the damaged original is kept, byte for byte


def test_repair_refuses_while_another_process_writes(busy_store: tuple[Path, str]) -> None:
    path, _ = busy_store
    snap = path / "annotations" / "annotations.json"
    snap.write_bytes(snap.read_bytes()[:10])
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys, store\n"
        "from store.disk.lock import WriterLock\n"
        f"lock = WriterLock(__import__('pathlib').Path({str(path)!r}))\n"
        "assert lock.acquire()\n"
        "print('holding', flush=True)\n"
        "sys.stdin.readline()\n")], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        before = snap.read_bytes()
        report = check_store(path, repair=True)
        assert not report.ok and any("not repaired" in p and "open for writing" in p for p in report.problems)
        assert snap.read_bytes() == before and not list(snap.parent.glob("*.broken-*"))
    finally:
        holder.communicate("\n", timeout=30)
    assert check_store(path, repair=True).ok


def test_damaged_backup_is_reported_and_set_aside(busy_store: tuple[Path, str]) -> None:
    path, _ = busy_store
    backup = sorted((path / "annotations" / "backups").glob("annotations-*.json"))[-1]
    backup.write_bytes(backup.read_bytes()[:-5])
    report = check_store(path)
    assert any(backup.name in p for p in report.problems)
    fixed = check_store(path, repair=True)
    assert fixed.ok, fixed.lines()
    assert list(backup.parent.glob(backup.name + ".broken-*")) and not backup.exists()
    assert names_in(path) == ALL_NAMES


def test_broken_meta_file_is_rebuilt_from_its_shard(busy_store: tuple[Path, str]) -> None:
    path, _ = busy_store
    meta = next((path / "corpus").glob("shard-*.meta.json"))
    with store.open(path, read_only=True) as st:
        before = [(a.id, a.title, a.published) for a in st.articles()]
    meta.write_text('{"summaries": {"1": {"id": "0000000000000000"}}}')
    report = check_store(path)
    assert any(meta.name in p for p in report.problems)
    fixed = check_store(path, repair=True)
    assert fixed.ok, fixed.lines()
    with store.open(path, read_only=True) as st:
        assert [(a.id, a.title, a.published) for a in st.articles()] == before


def _shard_data(path: Path) -> tuple[Path, dict]:
    shard = next(p for p in (path / "corpus").glob("shard-*.json") if not p.name.endswith(".meta.json"))
    return shard, json.loads(shard.read_text())


def test_offsets_and_ids_that_do_not_match_their_text_are_reported(busy_store: tuple[Path, str]) -> None:
    path, _ = busy_store
    shard, data = _shard_data(path)
    docs = list(data["articles"].values())
    ent = docs[0]["entities"][0]
    ent["start"] += 1  # one character off
    docs[1]["entities"].append({"start": 0, "end": 10**6, "label": "LOC", "text": "x"})
    docs[1]["text"] += " (diubah)"  # the id no longer matches the text
    shard.write_text(json.dumps(data))
    problems = check_store(path).problems
    assert any(docs[0]["id"] in p and "does not cover" in p for p in problems), problems
    assert any(docs[1]["id"] in p and "outside the text" in p for p in problems), problems
    assert any(docs[1]["id"] in p and "id does not match" in p for p in problems), problems


def test_records_pointing_at_wrong_text_or_missing_articles_are_reported(busy_store: tuple[Path, str]) -> None:
    path, aid = busy_store
    with store.open(path, reviewer="rina") as st:
        rec = st.add_record(aid, type="patrol", unit="Polres Bontang", evidence=[{"start": 0, "end": 14}])
        st.correct_entity(aid, 0, 6, "POLICE_UNIT")
    assert check_store(path).ok
    snap = path / "annotations" / "annotations.json"
    data = json.loads(snap.read_text())
    for doc in data["records"].values():
        if doc["_key"] == rec.id:
            doc["evidence"][0]["text"] = "teks lain sama sekali"
    for doc in data["overrides"].values():
        doc["article_id"] = "ffffffffffffffff"
    meta = data["_meta"]["1"]
    meta["crc"] = ann_mod.snapshot_digest(meta["seq"], data)  # edited on purpose, not damaged
    snap.write_text(json.dumps(data))
    problems = check_store(path).problems
    assert any(rec.id in p and "evidence" in p for p in problems), problems
    assert any("correction" in p and "not in the store" in p for p in problems), problems


def test_index_with_too_few_documents_is_rebuilt(busy_store: tuple[Path, str]) -> None:
    path, _ = busy_store
    stamp = (path / "index" / "stamp.json").read_bytes()
    shutil.rmtree(path / "index")
    (path / "index").mkdir()
    (path / "index" / "stamp.json").write_bytes(stamp)  # says "in step" over an empty index
    empty = path / "index" / json.loads(stamp)["dir"]  # the directory the stamp names, now empty
    empty.mkdir()
    tantivy.Index(search._schema(), path=str(empty))
    report = check_store(path)
    assert any("0 documents for 2 articles" in p for p in report.problems), report.problems
    fixed = check_store(path, repair=True)
    assert fixed.ok, fixed.lines()


def test_leftover_temporary_files_are_noted_and_removed(busy_store: tuple[Path, str]) -> None:
    path, _ = busy_store
    tmp = path / "annotations" / ".annotations.json.abc123.tmp"
    tmp.write_bytes(b'{"_meta": {"1"')  # a write that a crash cut short
    report = check_store(path)
    assert report.ok and any("temporary file" in n for n in report.notes)
    fixed = check_store(path, repair=True)
    assert fixed.ok and not tmp.exists()
    assert names_in(path) == ALL_NAMES


@pytest.mark.parametrize("target", ["tandai.json", "shard", "meta", "annotations.json", "journal", "stamp"])
def test_truncated_file_anywhere_gives_a_clear_error_naming_it(busy_store: tuple[Path, str], target: str) -> None:
    """Every command meets a truncated file with one line naming it (or works around it), never
    a traceback; `tandai check` names it too."""
    path, aid = busy_store
    files = {
        "tandai.json": path / "tandai.json",
        "shard": _shard_data(path)[0],
        "meta": next((path / "corpus").glob("*.meta.json")),
        "annotations.json": path / "annotations" / "annotations.json",
        "journal": path / "annotations" / "journal.jsonl",
        "stamp": path / "index" / "stamp.json",
    }
    victim = files[target]
    data = victim.read_bytes()
    if target == "journal":
        victim.write_bytes(b"00000000 {\"seq\"\n" + data)  # damaged, followed by valid entries
    else:
        victim.write_bytes(data[: len(data) // 2])
    report = check_store(path)
    assert not report.ok
    assert any(victim.name in p or (target == "stamp" and "index" in p) for p in report.problems), report.problems
    env = {**os.environ, "TANDAI_STORE": str(path), "TANDAI_REVIEWER": "rina"}
    for args in (["stats"], ["search", "patroli"], ["show", aid], ["export"]):
        out = subprocess.run([*CLI, *args], capture_output=True, text=True, env=env, timeout=60)
        assert "Traceback" not in out.stderr, (args, out.stderr)
        if out.returncode != 0:
            last = out.stderr.strip().splitlines()[-1]
            assert out.returncode == 1 and last.startswith("tandai: ") and victim.name in last, (args, last)
