"""The annotation journal, the writer lock and the files around them, under damage and hostility.

Every test goes through a real interface (the store API on real files, the `tandai` CLI in a
subprocess, real second processes) and reproduces a way data was lost or written where it must
not be: a damaged last journal line, symlinks inside a store, readers racing a compaction, odd
files where folders belong, a read-only mount, snapshots and backups that do not join up.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

import store
from store.check import check_store
from store.disk import annotations as ann_mod

CLI = [sys.executable, "-m", "tui.cli"]


def run_cli(path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TANDAI_STORE": str(path), "TANDAI_REVIEWER": "rina"}
    out = subprocess.run([*CLI, *args], capture_output=True, text=True, env=env, timeout=120)
    assert "Traceback" not in out.stderr + out.stdout, (args, out.stderr)
    return out


def names_in(path: Path) -> set[str]:
    with store.open(path, reviewer="rina", read_only=True) as st:
        return {s["name"] for s in st.saved_searches()}


def die_without_compacting(st: store.Store) -> None:
    """What a killed process leaves: the journal as written, the lock released by the kernel."""
    st.annotations.journal.close()
    st._lock.release()  # type: ignore[union-attr]


@pytest.fixture()
def journalled(tmp_path: Path) -> Path:
    """A store whose snapshot holds s0..s4 and whose journal holds j0..j2 (acknowledged, never
    compacted: the process died)."""
    path = tmp_path / "s"
    with store.open(path, reviewer="rina") as st:
        for i in range(5):
            st.save_search(f"s{i}", "x")
    st = store.open(path, reviewer="rina")
    for i in range(3):
        st.save_search(f"j{i}", "y")
    die_without_compacting(st)
    return path


JOURNALLED = {f"s{i}" for i in range(5)} | {f"j{i}" for i in range(3)}


# -- 1. a damaged last line is damage, not a torn append ------------------------------------------


def _damage_last_line(journal: Path, how: str) -> bytes:
    data = journal.read_bytes()
    assert data.endswith(b"\n")
    if how == "bitflip":
        i = data.rindex(b"j2")
        data = data[:i] + b"k" + data[i + 1 :]  # one changed byte inside an acknowledged change
    else:
        data += b"garbage that is not a journal line\n"
    journal.write_bytes(data)
    return data


@pytest.mark.parametrize("how", ["bitflip", "garbage"])
def test_damaged_last_journal_line_is_kept_aside_and_reported_never_silently_dropped(
        journalled: Path, how: str) -> None:
    path = journalled
    journal = path / "annotations" / "journal.jsonl"
    damaged = _damage_last_line(journal, how)
    # a reader says so and changes nothing
    with store.open(path, read_only=True) as st:
        assert st.notice and "journal.jsonl" in st.notice and "damaged" in st.notice
    assert journal.read_bytes() == damaged
    report = check_store(path)
    assert not report.ok and any("journal.jsonl" in p and "damaged" in p for p in report.problems)
    # a writer keeps a byte-for-byte copy before cutting the damaged line off, and says where
    with store.open(path, reviewer="rina") as st:
        assert st.writable and st.notice and "damaged" in st.notice
        copies = list((path / "annotations" / "damaged").iterdir())
        assert len(copies) == 1 and copies[0].name in st.notice
        assert copies[0].read_bytes() == damaged
        st.save_search("after", "z")
    expected = JOURNALLED | {"after"} if how == "garbage" else (JOURNALLED - {"j2"}) | {"after"}
    assert names_in(path) == expected
    after = check_store(path)
    assert after.ok, after.lines()
    assert any("damaged" in n for n in after.notes), after.lines()  # the copy is still mentioned


def test_damaged_last_journal_line_is_repaired_by_check_keeping_a_copy(journalled: Path) -> None:
    path = journalled
    journal = path / "annotations" / "journal.jsonl"
    damaged = _damage_last_line(journal, "bitflip")
    fixed = check_store(path, repair=True)
    assert any("damaged journal line" in a for a in fixed.actions), fixed.lines()
    kept = list((path / "annotations").glob("journal.jsonl.broken-*"))
    assert kept and kept[0].read_bytes() == damaged
    assert names_in(path) == JOURNALLED - {"j2"}


def test_unterminated_tail_is_a_torn_append_and_is_cut_off(journalled: Path) -> None:
    """Already held: only this case may be truncated without a copy (it was never acknowledged)."""
    path = journalled
    journal = path / "annotations" / "journal.jsonl"
    good = journal.read_bytes()
    journal.write_bytes(good + b'0badf00d {"seq": 9, "ops": [["put", "sea')
    with store.open(path, reviewer="rina") as st:
        assert st.writable and not st.notice
    # the torn tail is cut (or the journal archived whole on close): never a copy, never a notice
    assert not journal.exists() or journal.read_bytes() in (good, b"")
    assert not (path / "annotations" / "damaged").exists()
    assert names_in(path) == JOURNALLED


def test_failed_cut_back_never_glues_the_next_change_onto_a_torn_line(tmp_path: Path) -> None:
    """If an append fails and cutting the partial line back fails too, the next append must not be
    written after the partial bytes (that would make an acknowledged change unreadable)."""
    from store.disk.journal import Journal, decode_line

    path = tmp_path / "journal.jsonl"
    j = Journal(path)
    j.append({"seq": 1, "ops": []})
    j.close()  # a failed append closes the file before it tries to cut the partial line back
    with open(path, "ab") as fh:  # what a failed write and a failed cut-back leave behind
        fh.write(b'0badf00d {"seq": 2, "op')
    j.append({"seq": 2, "ops": []})
    j.close()
    lines = path.read_bytes().split(b"\n")
    assert [decode_line(ln)["seq"] for ln in lines if ln] == [1, 2]  # type: ignore[index]


# -- 2. symlinks inside a store never make tandai write outside it --------------------------------


def _busy(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ann_mod, "COMPACT_EVERY", 3)
    with store.open(path, reviewer="rina") as st:
        for i in range(7):
            st.save_search(f"q{i}", "x")
    st = store.open(path, reviewer="rina")
    st.save_search("live", "y")
    die_without_compacting(st)


LINKED = ["annotations/journal.jsonl", "write.owner", "write.lock", "annotations/annotations.json",
          "tandai.json", "annotations", "annotations/backups", "annotations/damaged"]


@pytest.mark.parametrize("dangling", [False, True], ids=["existing", "dangling"])
@pytest.mark.parametrize("inside", LINKED)
def test_symlinks_in_a_store_never_make_tandai_write_outside_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, inside: str, dangling: bool) -> None:
    path = tmp_path / "s"
    _busy(path, monkeypatch)
    outside_dir = tmp_path / "outside"
    outside_dir.mkdir()
    is_dir = inside.endswith(("annotations", "backups", "damaged"))
    if is_dir:
        target = outside_dir / "dir"
        if not dangling:
            target.mkdir()
            (target / "keep.txt").write_bytes(b"precious\n")
    else:
        target = outside_dir / "precious.txt"
        if not dangling:
            target.write_bytes(b"precious, not part of any store\n")

    def outside_state() -> dict[str, bytes]:
        return {str(p.relative_to(outside_dir)): (p.read_bytes() if p.is_file() else b"<dir>")
                for p in sorted(outside_dir.rglob("*"))}

    link = path / inside
    if link.is_dir():
        shutil.rmtree(link)
    elif link.exists():
        link.unlink()
    link.symlink_to(target)
    before = outside_state()
    # a garbage last line, so a writable open would cut it (and keep a copy in damaged/)
    journal = path / "annotations" / "journal.jsonl"
    if inside not in ("annotations/journal.jsonl", "annotations"):
        with open(journal, "ab") as fh:
            fh.write(b"garbage\n")
    try:
        st = store.open(path, reviewer="rina")
    except store.StoreError as exc:
        assert inside.split("/")[-1] in str(exc)
    else:
        try:
            if st.writable:
                for i in range(5):  # enough to compact
                    st.save_search(f"n{i}", "z")
                st.annotations.compact()
            else:
                assert st.notice and inside.split("/")[-1] in st.notice
        finally:
            st.close()
    assert outside_state() == before
    for args in (["check"], ["check", "--repair"], ["stats"]):
        out = run_cli(path, *args)
        assert out.returncode in (0, 1)
        assert outside_state() == before, args
    assert outside_state() == before


@pytest.mark.parametrize("inside", ["annotations/journal.jsonl", "write.lock"])
def test_a_store_file_with_another_hard_link_is_not_written_in_place(
        journalled: Path, tmp_path: Path, inside: str) -> None:
    """A hard link is a second name for the same bytes: writing in place would change the other file."""
    own = journalled / inside
    if not own.exists():
        own.write_bytes(b"")
    other = tmp_path / "elsewhere"
    other.write_bytes(b"precious\n") if inside == "write.lock" else None
    if inside == "write.lock":
        own.unlink()
        os.link(other, own)
    else:
        os.link(own, other)
    before = other.read_bytes()
    with store.open(journalled, reviewer="rina") as st:
        assert st.writable
        st.save_search("new", "q")
    assert other.read_bytes() == before
    assert names_in(journalled) == JOURNALLED | {"new"}


# -- 3. readers racing a writer's compaction ------------------------------------------------------

RACE_WRITER = """
import sys, time
import store
from store.disk import annotations
annotations.COMPACT_EVERY = 2
path, seconds = sys.argv[1], float(sys.argv[2])
st = store.open(path, reviewer="w")
assert st.writable
print("ready", flush=True)
end = time.monotonic() + seconds
i = 0
while time.monotonic() < end:
    st.save_search(f"w{i}", "q")
    i += 1
st.close()
print("wrote", i, flush=True)
"""

RACE_READER = """
import sys, time
import store
path, seconds = sys.argv[1], float(sys.argv[2])
end = time.monotonic() + seconds
last, reads, bad = -1, 0, 0
while time.monotonic() < end:
    try:
        with store.open(path, read_only=True) as st:
            n = len(st.saved_searches())
    except Exception as exc:
        print("ERROR", type(exc).__name__, exc, flush=True)
        bad += 1
        continue
    reads += 1
    if n < last:
        print("WENT DOWN", last, n, flush=True)
        bad += 1
    last = max(last, n)
print("reads", reads, "bad", bad, "last", last, flush=True)
"""


def test_readers_racing_compaction_never_see_fewer_records_or_an_error(tmp_path: Path) -> None:
    path = tmp_path / "s"
    with store.open(path, reviewer="rina") as st:
        st.save_search("first", "q")
    seconds = 4.0
    writer = subprocess.Popen([sys.executable, "-c", RACE_WRITER, str(path), str(seconds)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert writer.stdout is not None and writer.stdout.readline().strip() == "ready"
        reader = subprocess.run([sys.executable, "-c", RACE_READER, str(path), str(seconds)],
                                capture_output=True, text=True, timeout=120)
    finally:
        w_out, w_err = writer.communicate(timeout=120)
    assert writer.returncode == 0, w_err
    lines = reader.stdout.splitlines()
    assert reader.returncode == 0, reader.stderr
    summary = lines[-1].split()
    assert summary[0] == "reads" and int(summary[1]) > 20, lines[-1]
    assert not [ln for ln in lines if ln.startswith(("ERROR", "WENT DOWN"))][:5], lines[-1]
    written = int(w_out.split()[-1])
    assert names_in(path) == {"first"} | {f"w{i}" for i in range(written)}


def test_check_while_a_writer_compacts_finds_nothing_wrong(tmp_path: Path) -> None:
    """`tandai check` is a reader too: files archived or pruned under it are not damage."""
    path = tmp_path / "s"
    with store.open(path, reviewer="rina") as st:
        st.save_search("first", "q")
    writer = subprocess.Popen([sys.executable, "-c", RACE_WRITER, str(path), "3"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    checks, wrong = 0, []
    try:
        assert writer.stdout is not None and writer.stdout.readline().strip() == "ready"
        while writer.poll() is None:
            report = check_store(path)
            checks += 1
            if not report.ok:
                wrong.append(report.problems)
    finally:
        writer.communicate(timeout=120)
    assert checks > 3 and not wrong[:3], wrong[:3]


# -- 4. odd files where the store expects folders or links ----------------------------------------


def test_backups_being_a_regular_file_is_a_clear_error_and_repairable(journalled: Path) -> None:
    path = journalled
    backups = path / "annotations" / "backups"
    shutil.rmtree(backups)
    backups.write_bytes(b"not a folder\n")
    with pytest.raises(store.StoreError, match="backups"):
        store.open(path, reviewer="rina")
    with store.open(path, read_only=True) as st:  # reading needs no backups
        assert {s["name"] for s in st.saved_searches()} == JOURNALLED
    out = run_cli(path, "check")
    assert out.returncode == 1 and "backups" in out.stdout
    out = run_cli(path, "ingest", str(path / "nothing-here"))
    assert out.returncode == 1 and out.stderr.strip().splitlines()[-1].startswith("tandai: ")
    out = run_cli(path, "check", "--repair")
    assert out.returncode == 0, out.stdout + out.stderr
    kept = list(backups.parent.glob("backups.broken-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == b"not a folder\n"
    with store.open(path, reviewer="rina") as st:
        assert st.writable
    assert names_in(path) == JOURNALLED


@pytest.mark.parametrize("victim,kind", [("annotations", "file"), ("annotations/journal.jsonl", "dir"),
                                         ("annotations/journal.jsonl", "fifo"),
                                         ("annotations/annotations.json", "fifo")])
def test_the_wrong_kind_of_file_is_one_clear_line_never_a_hang_or_traceback(
        journalled: Path, victim: str, kind: str) -> None:
    path = journalled
    target = path / victim
    shutil.rmtree(target) if target.is_dir() else target.unlink()
    {"file": lambda: target.write_bytes(b"x\n"), "dir": target.mkdir, "fifo": lambda: os.mkfifo(target)}[kind]()
    for read_only in (True, False):
        with pytest.raises(store.StoreError, match=target.name):
            store.open(path, reviewer="rina", read_only=read_only)
    out = run_cli(path, "stats")
    assert out.returncode == 1 and target.name in out.stderr.strip().splitlines()[-1]
    out = run_cli(path, "check")
    assert out.returncode == 1 and target.name in out.stdout
    out = run_cli(path, "check", "--repair")  # moves it aside and rebuilds what it can
    assert target.name in out.stdout
    with store.open(path, reviewer="rina") as st:
        assert st.writable


def test_write_lock_symlink_loop_is_a_clear_message_not_a_traceback(journalled: Path) -> None:
    path = journalled
    (path / "write.lock").unlink(missing_ok=True)
    os.symlink("write.lock", path / "write.lock")  # a link to itself
    with store.open(path, reviewer="rina") as st:
        assert not st.writable and st.notice and "write.lock" in st.notice
    with pytest.raises(store.StoreError, match=r"write\.lock"):
        store.Store(path, reviewer="rina", wait_for_lock=True)
    out = run_cli(path, "check")
    assert out.returncode == 1 and "write.lock" in out.stdout
    out = run_cli(path, "reindex")
    assert out.returncode == 1 and "write.lock" in out.stderr.strip().splitlines()[-1]
    out = run_cli(path, "check", "--repair")
    assert out.returncode == 0, out.stdout + out.stderr
    assert (path / "write.lock").is_symlink() is False
    with store.open(path, reviewer="rina") as st:
        assert st.writable
    assert names_in(path) == JOURNALLED


# -- 5. a store on a read-only mount --------------------------------------------------------------


@pytest.fixture()
def readonly_mount(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    """A tmpfs holding a store, remounted read-only (needs root and mount rights)."""
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("a read-only mount needs root and mount(8); the write.lock-directory test covers the path")
    tag = f"tandai-{uuid.uuid4().hex[:8]}"
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64m", tag, str(mnt)], capture_output=True, text=True)
    if made.returncode != 0:
        print("cannot mount:", made.stderr.strip())
        pytest.skip(f"this sandbox cannot mount a tmpfs ({made.stderr.strip()})")
    try:
        path = mnt / "s"
        with store.open(path, reviewer="rina") as st:
            for i in range(3):
                st.save_search(f"r{i}", "x")
        ro = subprocess.run(["mount", "-o", "remount,ro", str(mnt)], capture_output=True, text=True)
        if ro.returncode != 0:
            pytest.skip(f"this sandbox cannot remount read-only ({ro.stderr.strip()})")
        yield mnt, path
    finally:
        for _ in range(20):
            if subprocess.run(["umount", str(mnt)], capture_output=True).returncode == 0:
                break
            time.sleep(0.1)


def test_store_on_a_read_only_mount_opens_read_only_and_says_so(readonly_mount: tuple[Path, Path]) -> None:
    _, path = readonly_mount
    with store.open(path, reviewer="rina") as st:
        assert not st.writable and st.notice and "read-only" in st.notice
        assert {s["name"] for s in st.saved_searches()} == {"r0", "r1", "r2"}
        with pytest.raises(store.ReadOnlyStore):
            st.save_search("nope", "q")
    for args in (["reindex"], ["ingest", str(path)]):
        out = run_cli(path, *args)
        assert out.returncode == 1, (args, out.stdout, out.stderr)
        text = out.stderr.strip() or out.stdout.strip()
        assert "read-only" in text.lower(), (args, text)
    out = run_cli(path, "stats")
    assert out.returncode == 0
    assert run_cli(path, "check").returncode == 0  # the index is read from a private copy
    out = run_cli(path, "check", "--repair")  # a healthy store: nothing to write, nothing refused
    assert out.returncode == 0 and out.stdout.strip().endswith("ok"), out.stdout


def test_lock_file_that_cannot_be_created_opens_read_only_and_says_why(journalled: Path) -> None:
    """The same path as a read-only mount, reachable without root: write.lock cannot be opened."""
    path = journalled
    (path / "write.lock").unlink(missing_ok=True)
    (path / "write.lock").mkdir()
    with store.open(path, reviewer="rina") as st:
        assert not st.writable and st.notice and "write.lock" in st.notice
        assert "open for writing by" not in st.notice  # nobody holds it: say what is wrong
        assert {s["name"] for s in st.saved_searches()} == JOURNALLED
    out = run_cli(path, "reindex")
    assert out.returncode == 1 and "write.lock" in out.stderr.strip().splitlines()[-1]
    out = run_cli(path, "check", "--repair")
    assert "write.lock" in out.stdout


# -- 6. snapshots, journals and backups must join up ----------------------------------------------


@pytest.fixture()
def compacted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Several compactions behind it, closed cleanly: the current journal is empty."""
    monkeypatch.setattr(ann_mod, "COMPACT_EVERY", 3)
    path = tmp_path / "s"
    with store.open(path, reviewer="rina") as st:
        for i in range(13):
            st.save_search(f"c{i}", "x")
    return path


COMPACTED = {f"c{i}" for i in range(13)}


@pytest.mark.parametrize("damage", ["empty-object", "deleted"])
def test_snapshot_replaced_by_empty_object_or_deleted_after_a_clean_close_is_noticed(
        compacted: Path, damage: str) -> None:
    path = compacted
    snap = path / "annotations" / "annotations.json"
    if damage == "deleted":
        snap.unlink()
    else:
        snap.write_bytes(b"{}")
    with pytest.raises(store.StoreError, match=r"annotations\.json"):
        store.open(path, reviewer="rina")
    with pytest.raises(store.StoreError, match=r"annotations\.json"):
        store.open(path, read_only=True)
    report = check_store(path)
    assert not report.ok and any("annotations.json" in p for p in report.problems), report.lines()
    fixed = check_store(path, repair=True)
    assert fixed.ok, fixed.lines()
    assert names_in(path) == COMPACTED


def test_a_bit_flip_in_the_snapshot_that_stays_valid_json_is_noticed_and_repaired(compacted: Path) -> None:
    """A snapshot carries a checksum: one changed byte inside a value is damage, not data."""
    path = compacted
    snap = path / "annotations" / "annotations.json"
    data = snap.read_bytes()
    i = data.index(b"c12")
    snap.write_bytes(data[:i] + b"c92" + data[i + 3 :])  # still valid JSON, one search renamed
    with pytest.raises(store.StoreError, match=r"annotations\.json"):
        store.open(path, read_only=True)
    report = check_store(path)
    assert not report.ok and any("annotations.json" in p for p in report.problems), report.lines()
    fixed = check_store(path, repair=True)
    assert fixed.ok, fixed.lines()
    assert names_in(path) == COMPACTED


def test_a_hole_in_the_backups_is_reported_and_repair_keeps_one_chain(compacted: Path) -> None:
    path = compacted
    backups = path / "annotations" / "backups"
    journals = sorted(backups.glob("journal-upto-*.jsonl"))
    assert len(journals) >= 3
    # the journal after a backup snapshot, and the snapshot that could bridge it: changes lost
    bridge = backups / journals[1].name.replace("journal-upto-", "annotations-").replace(".jsonl", ".json")
    journals[1].unlink()
    bridge.unlink()
    report = check_store(path)
    assert not report.ok and any("are in none" in p for p in report.problems), report.lines()
    fixed = check_store(path, repair=True)
    assert fixed.ok, fixed.lines()
    assert journals[0].name + ".broken-" in " ".join(p.name for p in backups.iterdir())  # kept, aside
    assert names_in(path) == COMPACTED


def test_seq_hole_inside_a_backup_journal_is_reported(compacted: Path) -> None:
    path = compacted
    journal = sorted((path / "annotations" / "backups").glob("journal-upto-*.jsonl"))[-2]
    lines = journal.read_bytes().splitlines(keepends=True)
    assert len(lines) == 3
    journal.write_bytes(lines[0] + lines[2])  # one valid line gone: a hole in the numbers
    report = check_store(path)
    assert not report.ok and any(journal.name in p for p in report.problems), report.lines()
    fixed = check_store(path, repair=True)
    assert fixed.ok, fixed.lines()
    assert names_in(path) == COMPACTED


def test_repair_restores_an_emptied_snapshot_with_a_live_journal_from_the_backups(
        compacted: Path) -> None:
    path = compacted
    st = store.open(path, reviewer="rina")
    st.save_search("live1", "q")
    st.save_search("live2", "q")
    die_without_compacting(st)
    (path / "annotations" / "annotations.json").write_bytes(b"{}")
    assert not check_store(path).ok
    fixed = check_store(path, repair=True)
    assert fixed.ok, fixed.lines()
    assert names_in(path) == COMPACTED | {"live1", "live2"}


def test_check_repair_refuses_while_a_writer_holds_the_lock_cli(journalled: Path) -> None:
    """Already held (tests/unit/test_check.py covers the API): the CLI says so and exits 1."""
    path = journalled
    (path / "annotations" / "annotations.json").write_bytes(b"{}")
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import sys
        from pathlib import Path
        from store.disk.lock import WriterLock
        lock = WriterLock(Path({str(path)!r}))
        assert lock.acquire()
        print("holding", flush=True)
        sys.stdin.readline()
    """)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        out = run_cli(path, "check", "--repair")
        assert out.returncode == 1 and "not repaired" in out.stdout and "open for writing" in out.stdout
        assert (path / "annotations" / "annotations.json").read_bytes() == b"{}"
    finally:
        holder.communicate("\n", timeout=30)


# -- a deleted or emptied journal is a loss that is said, never a smaller state ----------------------


@pytest.mark.parametrize("how", ["deleted", "emptied"])
def test_a_missing_journal_is_reported_not_taken_for_no_changes(journalled: Path, how: str) -> None:
    """j0..j2 live only in the journal (the writer died before compacting). Deleting it (a sync
    tool, a stray `rm`) or emptying it must not open as a store without them: readers and writers
    refuse with one line naming the journal, `check` says so, and `check --repair` accepts the
    loss explicitly, saying which changes could not be recovered."""
    journal = journalled / "annotations" / "journal.jsonl"
    if how == "deleted":
        journal.unlink()
    else:
        journal.write_bytes(b"")
    for read_only in (True, False):
        with pytest.raises(store.StoreError, match=r"journal\.jsonl"):
            store.open(journalled, reviewer="rina", read_only=read_only)
    report = check_store(journalled)
    assert not report.ok and any("journal" in p and "6" in p for p in report.problems), report.lines()
    out = run_cli(journalled, "check")
    assert out.returncode != 0 and "journal" in out.stdout + out.stderr
    fixed = check_store(journalled, repair=True)
    assert any("6" in p and "could not be recovered" in p for p in fixed.problems), fixed.lines()
    assert names_in(journalled) == {f"s{i}" for i in range(5)}
    assert check_store(journalled).ok
    with store.open(journalled, reviewer="rina") as st:  # and the store goes on
        st.save_search("after", "z")
    assert names_in(journalled) == {f"s{i}" for i in range(5)} | {"after"}


def test_no_false_alarm_after_compaction_or_a_crash_with_no_changes(tmp_path: Path) -> None:
    """The journal is archived on close and begun again by the next change: a store closed cleanly,
    one opened and killed without a change, and one killed between archiving the journal and
    forgetting it all open as they are."""
    path = tmp_path / "s"
    with store.open(path, reviewer="rina") as st:
        st.save_search("a", "x")
    assert not (path / "annotations" / "journal.jsonl").exists()
    die_without_compacting(store.open(path, reviewer="rina"))
    assert names_in(path) == {"a"}
    st = store.open(path, reviewer="rina")
    st.save_search("b", "y")
    st.annotations.compact()  # archived, then the process dies: nothing of it is missing
    die_without_compacting(st)
    assert names_in(path) == {"a", "b"}
    assert check_store(path).ok
    with store.open(path, reviewer="rina") as st:
        st.save_search("c", "z")
    assert names_in(path) == {"a", "b", "c"}


def test_a_journal_whose_only_line_is_damaged_is_damage_not_a_missing_journal(tmp_path: Path) -> None:
    path = tmp_path / "s"
    with store.open(path, reviewer="rina") as st:
        st.save_search("a", "x")
    st = store.open(path, reviewer="rina")
    st.save_search("b", "y")
    die_without_compacting(st)
    journal = path / "annotations" / "journal.jsonl"
    journal.write_bytes(journal.read_bytes().replace(b'"b"', b'"c"'))
    with store.open(path, reviewer="rina") as st:
        assert st.notice and "damaged" in st.notice
    assert names_in(path) == {"a"}
    assert check_store(path).ok
