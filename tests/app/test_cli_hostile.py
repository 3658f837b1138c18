"""The ``tandai`` command line against hostile or unlucky input, run as a real process.

Each test names what must hold: no data destroyed, a one-line verdict instead of a traceback,
no terminal control codes from data on any output, and input files that hold nothing get a verdict.
"""

from __future__ import annotations

import csv
import io
import json
import os
import pty
import re
import select
import signal
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest

import store
from store.disk.lock import WriterLock

ROOT = Path(__file__).resolve().parents[2]
# Raw bytes a terminal would act on: C0 controls but tab/newline, DEL, and C1 (as UTF-8).
DANGER = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
EVIL = "\x1b]52;c;ZXZpbA==\x07\x1b[2J\x9b31m\u202e"


def run(*args: str | bytes, store_path: Path | None = None, env: dict[str, str] | None = None,
        timeout: float = 120, reviewer: str | None = "rina") -> subprocess.CompletedProcess[bytes]:
    base = {**os.environ, "XDG_CONFIG_HOME": str(Path(os.environ.get("TMPDIR", "/tmp")) / "no-such-cfg")}
    base.pop("TANDAI_STORE", None)
    base.pop("TANDAI_REVIEWER", None)
    if store_path is not None:
        base["TANDAI_STORE"] = str(store_path)
    if reviewer is not None:
        base["TANDAI_REVIEWER"] = reviewer
    base.update(env or {})
    return subprocess.run([sys.executable, "-m", "tui.cli", *args], capture_output=True, env=base,
                          timeout=timeout, cwd=ROOT)


def one_line_error(out: subprocess.CompletedProcess[bytes], code: int = 1) -> str:
    err = out.stderr.decode("utf-8", "replace")
    assert out.returncode == code, (out.returncode, err)
    assert "Traceback" not in err and "panicked" not in err and "unexpected error" not in err, err
    assert err.startswith("tandai: ") and err.count("\n") == 1, err
    return err


def no_danger(data: bytes) -> None:
    text = data.decode("utf-8").replace("\r\n", "\n")  # CSV rows end in CRLF: harmless
    found = DANGER.findall(text)
    assert not found, [hex(ord(c)) for c in found[:10]]


# -- item 1: demo ------------------------------------------------------------------------------


def _coded_demo(path: Path) -> str:
    """A demo store a reviewer has coded in: one record and one status."""
    with store.open(path, reviewer="rina") as st:
        st.ingest([ROOT / "sample_articles"])
        aid = next(iter(st.articles())).id
        art = st.article(aid)
        st.add_record(aid, type="patrol", unit="Polres X", evidence=[{"start": 0, "end": min(20, len(art.text))}])
        st.set_status(aid, "done")
        return aid


def _run_in_pty(args: list[str], env: dict[str, str], until: bytes | None, timeout: float = 60) -> tuple[int, bytes]:
    """Run tandai (``args`` after ``python -m tui.cli``; or, starting with ``-c``, a Python program) in a
    real terminal, wait for ``until`` on screen and press ctrl+q (None: until it ends by itself)."""
    master, slave = pty.openpty()
    os.set_blocking(master, False)
    argv = [sys.executable, *args] if args[:1] == ["-c"] else [sys.executable, "-m", "tui.cli", *args]
    proc = subprocess.Popen(argv, stdin=slave, stdout=slave,
                            stderr=slave, env={**env, "TERM": "xterm-256color", "COLUMNS": "160",
                                               "LINES": "50"}, cwd=ROOT, start_new_session=True)
    os.close(slave)
    seen = b""
    deadline = time.monotonic() + timeout
    last_quit = 0.0
    try:
        while proc.poll() is None and time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.2)
            if ready:
                try:
                    seen += os.read(master, 65536)
                except OSError:
                    break
            if until is not None and until in seen and time.monotonic() - last_quit > 2.0:
                os.write(master, b"\x11")  # ctrl+q, again until it is heard
                last_quit = time.monotonic()
        proc.wait(timeout=max(1.0, deadline - time.monotonic()))
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        os.close(master)
    return proc.returncode, seen


def test_demo_never_deletes_a_store_with_annotations(tmp_path: Path) -> None:
    path = tmp_path / "demo"
    aid = _coded_demo(path)
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "cfg"), "TANDAI_REVIEWER": "rina"}
    env.pop("TANDAI_STORE", None)
    code, screen = _run_in_pty(["demo", "--store", str(path)], env, until=b"search:")
    assert code == 0, screen[-2000:]
    with store.open(path, reviewer="rina", read_only=True) as st:
        assert len(st.records(aid)) == 1
        assert st.status(aid) == "done"


def test_a_workbench_that_fails_exits_non_zero(tmp_path: Path) -> None:
    """Red team (session 26): a worker's exception put its traceback on the terminal and ``tandai`` still
    exited 0, so a script could not tell a crash from a quit. A fault is injected into the shipped app
    (the conventions a workbench reads when it opens raise, as a record with no unit merged by an older
    tandai made them) and the process is run in a real terminal."""
    path = tmp_path / "demo"
    _coded_demo(path)
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "cfg"), "TANDAI_REVIEWER": "rina"}
    env.pop("TANDAI_STORE", None)
    boom = ("import sys, store.suggest.mixin\n"
            "def boom(*a, **k):\n    raise RuntimeError('injected fault')\n"
            "store.suggest.mixin.Suggesting.conventions_in_use = boom\n"
            "from tui.app import run_app\n"
            f"sys.exit(run_app({str(path)!r}))\n")
    code, seen = _run_in_pty(["-c", boom], env, until=None)
    assert b"injected fault" in seen, seen[-2000:]
    assert code == 1, seen[-2000:]


def test_demo_never_touches_a_locked_store(tmp_path: Path) -> None:
    path = tmp_path / "demo"
    aid = _coded_demo(path)
    before = {p: p.read_bytes() for p in path.rglob("*") if p.is_file() and "index" not in p.parts}
    lock = WriterLock(path)
    assert lock.acquire()
    try:
        out = run("demo", "--store", str(path), timeout=60)
    finally:
        lock.release()
    err = one_line_error(out)
    assert "open for writing" in err
    after = {p: p.read_bytes() for p in path.rglob("*") if p.is_file() and "index" not in p.parts}
    assert {k: v for k, v in after.items() if k.name not in ("write.lock", "write.owner")} == {
        k: v for k, v in before.items() if k.name not in ("write.lock", "write.owner")}
    with store.open(path, read_only=True) as st:
        assert len(st.records(aid)) == 1


def test_demo_refuses_a_store_that_is_not_the_demo(tmp_path: Path, article_files: Path) -> None:
    path = tmp_path / "mine"
    with store.open(path, reviewer="rina") as st:
        st.ingest([article_files])
    out = run("demo", "--store", str(path), timeout=60)
    one_line_error(out)
    with store.open(path, read_only=True) as st:
        assert st.count() == 2


# -- item 2: config ----------------------------------------------------------------------------

CONFIG = """# my settings
reviewer = "old"   # who I am
theme.dark = true

[keys]
add_record = "A"
next_todo = "ctrl+n"

[ui]
colours = { unit = "red", loc = "blue" }
"""


def test_saving_the_reviewer_keeps_config_valid_and_every_setting(tmp_path: Path) -> None:
    from tui.config import load_config, save_reviewer

    path = tmp_path / "config.toml"
    path.write_text(CONFIG, encoding="utf-8")
    expected = tomllib.loads(CONFIG)
    save_reviewer('r"ina\\', path)
    text = path.read_text(encoding="utf-8")
    data = tomllib.loads(text)  # valid TOML
    expected["reviewer"] = 'r"ina\\'
    assert data == expected
    assert "# my settings" in text and "# who I am" in text
    assert load_config(path) == expected


def test_saving_the_reviewer_creates_the_file(tmp_path: Path) -> None:
    from tui.config import load_config, save_reviewer

    path = tmp_path / "sub" / "config.toml"
    save_reviewer("rina", path)
    assert load_config(path) == {"reviewer": "rina"}


def test_saving_the_reviewer_keeps_a_linked_config_linked(tmp_path: Path) -> None:
    from tui.config import load_config, save_reviewer

    real = tmp_path / "dotfiles" / "tandai.toml"
    real.parent.mkdir()
    real.write_text(CONFIG, encoding="utf-8")
    link = tmp_path / "config.toml"
    link.symlink_to(real)
    save_reviewer("rina", link)
    assert link.is_symlink() and load_config(real)["reviewer"] == "rina"


def test_a_broken_config_is_a_one_line_error_not_defaults(tmp_path: Path) -> None:
    from tui.config import ConfigError, load_config, save_reviewer

    cfg = tmp_path / "cfg" / "tandai"
    cfg.mkdir(parents=True)
    (cfg / "config.toml").write_text('reviewer = "rina"\n[keys\n', encoding="utf-8")
    with pytest.raises(ConfigError):
        load_config(cfg / "config.toml")
    with pytest.raises(ConfigError):
        save_reviewer("x", cfg / "config.toml")
    assert (cfg / "config.toml").read_text(encoding="utf-8") == 'reviewer = "rina"\n[keys\n'
    store.open(tmp_path / "s").close()
    out = run("stats", store_path=tmp_path / "s", reviewer=None, env={"XDG_CONFIG_HOME": str(tmp_path / "cfg")})
    err = one_line_error(out)
    assert "config.toml" in err


# -- item 3: tracebacks ------------------------------------------------------------------------


@pytest.fixture()
def cli_store(tmp_path: Path, article_files: Path) -> Path:
    path = tmp_path / "s"
    with store.open(path, reviewer="rina") as st:
        st.ingest([article_files])
    return path


def test_a_reviewer_name_that_is_not_utf8_is_a_one_line_error(cli_store: Path) -> None:
    aid = next(iter(store.open(cli_store, read_only=True).articles())).id
    out = run("--reviewer", b"r\xffx", "stats", store_path=cli_store)
    assert "reviewer" in one_line_error(out)
    out = run("stats", store_path=cli_store, reviewer=None, env={"TANDAI_REVIEWER": "r\udcffx"})
    assert "reviewer" in one_line_error(out)
    out = run("--reviewer", "rina\x1b[2J", "stats", store_path=cli_store)
    assert "reviewer" in one_line_error(out)
    with pytest.raises(store.StoreError):
        store.open(cli_store, reviewer="r\udcffx")
    with store.open(cli_store, reviewer="rina", read_only=True) as st:
        assert st.status(aid) == "todo"


@pytest.mark.parametrize("limit", ["0", "-5", "-1", "99999999999999999999999", "1e3", "abc"])
def test_search_limit_out_of_range_is_refused(cli_store: Path, limit: str) -> None:
    out = run("search", "patroli", "--limit", limit, store_path=cli_store)
    err = out.stderr.decode()
    assert out.returncode == 2, err
    assert "Traceback" not in err and "panicked" not in err and "--limit" in err


def test_search_limit_counts_every_hit(cli_store: Path) -> None:
    out = run("search", "polres OR polsek", "--limit", "1", store_path=cli_store)
    assert out.returncode == 0, out.stderr
    out = run("search", "", "--limit", "2", store_path=cli_store)
    assert out.returncode == 0 and b"2 of 2 articles" in out.stdout, out.stdout


def test_show_an_id_that_is_not_utf8_is_a_one_line_error(cli_store: Path) -> None:
    out = run("show", b"\xff", store_path=cli_store)
    assert "no article" in one_line_error(out)
    out = run("show", "\x1b]0;evil\x07", store_path=cli_store)
    err = one_line_error(out)
    assert "\x1b" not in err


@pytest.mark.parametrize("value", ["", "x" * 5000, "a/" + "y" * 300 + "/s", b"/tmp/\xff\x1b[2J"])
def test_a_hostile_store_path_is_a_one_line_error(tmp_path: Path, value: str | bytes) -> None:
    for cmd in (["stats"], ["search", "x"], ["export"], ["check"], ["reindex"], ["ingest", str(tmp_path)]):
        out = run(*cmd, "--store", value, store_path=tmp_path / "unused")
        err = one_line_error(out)
        assert "\x1b" not in err, (cmd, err)
    assert not (tmp_path / "unused").exists()


def _damage_entity(path: Path) -> str:
    shard = next((path / "corpus").glob("shard-*[0-9].json"))
    data = json.loads(shard.read_text(encoding="utf-8"))
    doc = next(iter(data["articles"].values()))
    doc["entities"][0]["start"] = "x"
    doc["entities"].append({"start": None})
    doc["noise"].append({"start": "y", "end": 3})
    shard.write_text(json.dumps(data), encoding="utf-8")
    return str(doc["id"])


def test_a_damaged_entity_in_a_shard_is_skipped_with_a_message(cli_store: Path) -> None:
    aid = _damage_entity(cli_store)
    out = run("show", aid, store_path=cli_store)
    err = out.stderr.decode()
    assert out.returncode == 0 and "Traceback" not in err, err
    assert "damaged" in err and "tandai check" in err
    for fmt in ("jsonl", "csv"):
        out = run("export", "--format", fmt, store_path=cli_store)
        err = out.stderr.decode()
        assert out.returncode == 0 and "Traceback" not in err, err
        assert "damaged" in err
    rows = [json.loads(x) for x in run("export", store_path=cli_store).stdout.splitlines()]
    assert len(rows) == 2


# -- item 4: escapes ---------------------------------------------------------------------------


@pytest.fixture()
def evil_store(tmp_path: Path) -> tuple[Path, str]:
    """A store whose titles, outlets, record fields and reviewer names carry terminal controls."""
    d = tmp_path / "evil-in"
    d.mkdir()
    rows = [{"title": f"Judul {EVIL} satu", "outlet": f"Media{EVIL}", "published": "2024-11-25",
             "text": f"Polres Bontang menggelar patroli malam {EVIL} di Bontang Utara. Sebanyak 40 personel."}]
    (d / "a.jsonl").write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    path = tmp_path / "evil"
    with store.open(path, reviewer="rina") as st:
        st.reviewer = f"rina{EVIL}"  # as an older tandai (or a hand-edited store) could hold it
        report = st.ingest([d])
        assert report.added == 1, report.skipped
        aid = report.added_ids[0]
        art = st.article(aid)
        st.add_record(aid, type="patrol", unit=f"Polres{EVIL}", location=f"=cmd|{EVIL}", notes=EVIL,
                      partners=[EVIL], evidence=[{"start": 0, "end": 30}])
        st.save_search(f"s{EVIL}", "patroli")
        assert art.text
    return path, aid


@pytest.mark.parametrize("cmd", [["export", "--format", "csv"], ["export", "--format", "jsonl"],
                                 # (the red team of session 26: CoNLL printed the tokens' ESC, BEL and CSI raw)
                                 *(["export", "--format", f] for f in ("conll", "events", "prodigy", "doccano",
                                                                       "labelstudio")), ["stats"],
                                 ["search", "patroli"], ["search", ""], ["show", "AID"], ["check"]])
def test_no_output_carries_terminal_controls_from_data(evil_store: tuple[Path, str], cmd: list[str]) -> None:
    path, aid = evil_store
    out = run(*[aid if c == "AID" else c for c in cmd], store_path=path, reviewer=None,
              env={"TANDAI_REVIEWER": "rina"})
    assert out.returncode == 0, out.stderr
    no_danger(out.stdout)
    no_danger(out.stderr)


def test_jsonl_export_escapes_controls_without_losing_them(evil_store: tuple[Path, str]) -> None:
    path, _ = evil_store
    out = run("export", "--format", "jsonl", store_path=path)
    no_danger(out.stdout)
    row = json.loads(out.stdout)
    assert EVIL in row["title"] and EVIL in row["records"][0]["notes"]


def test_csv_export_to_a_file_neutralises_cells(evil_store: tuple[Path, str], tmp_path: Path) -> None:
    path, _ = evil_store
    target = tmp_path / "out.csv"
    out = run("export", "--format", "csv", "--out", str(target), store_path=path)
    assert out.returncode == 0, out.stderr
    no_danger(out.stderr)
    data = target.read_bytes()
    no_danger(data)
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"))))
    assert rows[0]["location"].startswith("'=")


def test_ingest_report_carries_no_terminal_controls(tmp_path: Path) -> None:
    d = tmp_path / f"in{EVIL}"
    d.mkdir()
    (d / f"x{EVIL}.bin").write_bytes(b"\x00\x01")
    (d / f"y{EVIL}.csv").write_text(f"title,text\n{EVIL},\n", encoding="utf-8")
    out = run("ingest", str(d), store_path=tmp_path / "s")
    assert out.returncode == 0, out.stderr
    no_danger(out.stdout)
    no_danger(out.stderr)
    assert out.stdout.count(b"skipped ") >= 2


# -- item 5: smaller ---------------------------------------------------------------------------


def test_a_query_starting_with_a_dash_needs_no_double_dash(cli_store: Path) -> None:
    out = run("search", "-polsek", store_path=cli_store)
    assert out.returncode == 0, out.stderr
    assert b"Polres Bontang" in out.stdout and b"Bungoro" not in out.stdout and b"1 of 1" in out.stdout
    out = run("search", "-polsek", "--limit", "5", store_path=cli_store)
    assert out.returncode == 0 and b"1 of 1" in out.stdout, out.stderr
    out = run("--store", str(cli_store), "search", "--limit", "5", "patroli", "-polsek")
    assert out.returncode == 0 and b"1 of 1" in out.stdout, out.stderr


@pytest.mark.parametrize("name,content", [
    ("header.csv", "title,text\n"),
    ("blank.csv", "title,text\n,\n\n"),
    ("empty.json", "[]"),
    ("empty-list.jsonl", "[]\n"),
    ("blank.jsonl", "\n\n{}\n"),
])
def test_a_file_with_no_article_gets_a_verdict(tmp_path: Path, name: str, content: str) -> None:
    f = tmp_path / name
    f.write_text(content, encoding="utf-8")
    out = run("ingest", str(f), store_path=tmp_path / "s")
    assert out.returncode == 0, out.stderr
    assert f"skipped {f}".encode() in out.stdout, out.stdout
    assert b"1 skipped" in out.stdout or b"0 added" in out.stdout


def test_a_failed_export_leaves_no_temp_file(cli_store: Path, tmp_path: Path) -> None:
    target_dir = tmp_path / "exports"
    target_dir.mkdir()
    (target_dir / "taken").mkdir()  # the target is a directory: the final rename fails
    for fmt in ("jsonl", "csv"):
        out = run("export", "--format", fmt, "--out", str(target_dir / "taken"), store_path=cli_store)
        one_line_error(out)
    assert sorted(p.name for p in target_dir.iterdir()) == ["taken"]
    out = run("export", "--out", str(tmp_path / "missing-dir" / "x.jsonl"), store_path=cli_store)
    one_line_error(out)
    out = run("export", "--out", str(target_dir / "ok.jsonl"), store_path=cli_store)
    assert out.returncode == 0 and sorted(p.name for p in target_dir.iterdir()) == ["ok.jsonl", "taken"]


def test_an_export_into_its_own_store_is_refused_and_a_writer_holding_it_loses_nothing(
        cli_store: Path, tmp_path: Path) -> None:
    """Red team (session 26): ``export --out`` over the store's journal, while a writer held the store open,
    replaced the file the writer went on appending to: two acknowledged records were gone after
    ``check --repair``. Over ``tandai.json`` it broke the store. Any path inside the store, by a link too,
    is refused in one line and nothing there changes."""
    manifest = (cli_store / "tandai.json").read_bytes()
    (tmp_path / "into").symlink_to(cli_store / "annotations")
    with store.open(cli_store, reviewer="rina") as st:
        aid = next(iter(st.articles())).id
        st.add_record(aid, type="patrol", unit="Polres Satu", date="2024-11-25", evidence=[{"start": 0, "end": 40}])
        for target, fmt in ((cli_store / "annotations" / "journal.jsonl", "jsonl"),
                            (cli_store / "tandai.json", "jsonl"), (tmp_path / "into" / "journal.jsonl", "csv"),
                            (cli_store / "stray.jsonl", "jsonl"), (cli_store / "brat", "brat"), (cli_store, "brat")):
            out = run("export", "--format", fmt, "--out", str(target), "status:todo", store_path=cli_store)
            assert "inside the store" in one_line_error(out)
        st.add_record(aid, type="escort", unit="Polres Dua", date="2024-11-26", evidence=[{"start": 0, "end": 40}])
    assert (cli_store / "tandai.json").read_bytes() == manifest
    assert not (cli_store / "stray.jsonl").exists() and not (cli_store / "brat").exists()
    assert run("check", store_path=cli_store).returncode == 0
    with store.open(cli_store, read_only=True) as st:
        assert sorted(r.unit for r in st.records()) == ["Polres Dua", "Polres Satu"]


def test_a_taxonomy_linked_from_outside_the_store_is_never_read(cli_store: Path, tmp_path: Path) -> None:
    """Red team (session 26): a ``taxonomy.toml`` linked to a file outside the store was read (its settled
    conventions decided the drafts), against "a link inside a store is an error naming it"."""
    outside = tmp_path / "outside.toml"
    outside.write_text('[conventions]\nsub_unit = "alone"\n', encoding="utf-8")
    (cli_store / "taxonomy.toml").symlink_to(outside)
    for args in (("conventions",), ("stats",), ("conventions", "set", "sub_unit", "with_parent")):
        assert "taxonomy.toml: is a symbolic link" in one_line_error(run(*args, store_path=cli_store))
    assert (cli_store / "taxonomy.toml").is_symlink()
    assert outside.read_text(encoding="utf-8") == '[conventions]\nsub_unit = "alone"\n'
    out = run("check", store_path=cli_store)
    assert out.returncode == 1 and b"taxonomy.toml is a symbolic link" in out.stdout + out.stderr
    assert run("check", "--repair", store_path=cli_store).returncode == 0
    assert not (cli_store / "taxonomy.toml").exists() and outside.exists()
    assert run("conventions", store_path=cli_store).returncode == 0


def test_a_store_is_never_copied_into_itself_and_copy_to_a_pipe_has_no_carriage_returns(
        cli_store: Path, tmp_path: Path) -> None:
    """Red team 2 (session 26): ``tandai copy L L/inner`` wrote a whole store inside the source and ``check``
    still said ok; piped, its progress came out as carriage returns. Now the nesting is one line (links
    followed, either way round) and a pipe gets the result line alone."""
    before = sorted(p.relative_to(cli_store) for p in cli_store.rglob("*"))
    (tmp_path / "alias").symlink_to(cli_store)
    for dst in (cli_store / "inner", tmp_path / "alias" / "inner"):
        assert "inside the other" in one_line_error(run("copy", str(cli_store), str(dst)))
    assert sorted(p.relative_to(cli_store) for p in cli_store.rglob("*")) == before
    out = run("copy", str(cli_store), str(tmp_path / "copy"))
    assert out.returncode == 0, out.stderr
    assert b"\r" not in out.stdout and out.stdout.decode().endswith(" copied\n")


def test_csv_cells_with_leading_spaces_before_a_formula_are_neutralised() -> None:
    from store.export import neutralise

    for cell in (" =1+1", "  +1", "\t-1", " @SUM(A1)", "\n=cmd", "\u00a0=1", "=1", "-3"):
        assert neutralise(cell).startswith("'"), cell
    for cell in ("Polres", "1.112", " 40", ""):
        assert neutralise(cell) == cell


def test_symlinks_in_a_folder_are_not_followed_outside_it(tmp_path: Path, article_files: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("Polda rahasia menggelar patroli di luar folder yang diminta pengguna ini.", encoding="utf-8")
    outside_dir = tmp_path / "outside"
    outside_dir.mkdir()
    (outside_dir / "more.txt").write_text("Polsek lain berpatroli di tempat lain yang juga di luar.", encoding="utf-8")
    (article_files / "link.txt").symlink_to(secret)
    (article_files / "linkdir").symlink_to(outside_dir)
    (article_files / "inside.txt").symlink_to(article_files / "bontang.txt")
    s = tmp_path / "s"
    out = run("ingest", str(article_files), store_path=s)
    assert out.returncode == 0, out.stderr
    assert b"2 added" in out.stdout, out.stdout
    assert b"link.txt" in out.stdout and b"--follow-symlinks" in out.stdout
    with store.open(s, read_only=True) as st:
        assert all(st.article(a.id).text.find("rahasia") < 0 for a in st.articles())
    out = run("ingest", str(article_files / "*.txt"), store_path=s)  # a glob picks from a folder too
    assert out.returncode == 0 and b"0 added" in out.stdout and b"link.txt" in out.stdout, out.stdout
    out = run("ingest", "--follow-symlinks", str(article_files), store_path=s)
    assert out.returncode == 0 and b"2 added" in out.stdout, out.stdout
    out = run("ingest", str(secret), store_path=s)  # named on the command line: asked for
    assert out.returncode == 0 and b"0 added" in out.stdout and b"1 already present" in out.stdout, out.stdout


def test_a_device_or_fifo_gets_a_verdict(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    d = tmp_path / "dir"
    d.mkdir()
    os.mkfifo(d / "inner.jsonl")
    out = run("ingest", "/dev/zero", str(fifo), str(d), store_path=tmp_path / "s", timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.count(b"not a regular file") == 3, out.stdout


def _descendants(pid: int) -> set[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(ppid, []).append(int(entry.name))
    out: set[int] = set()
    todo = [pid]
    while todo:
        for c in children.get(todo.pop(), []):
            out.add(c)
            todo.append(c)
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc")
def test_pool_workers_exit_when_the_ingest_process_dies(tmp_path: Path) -> None:
    src = tmp_path / "many.jsonl"
    words = "Polres Bontang menggelar patroli malam di Kecamatan Bontang Utara bersama TNI dan Satpol PP."
    with open(src, "w", encoding="utf-8") as fh:
        for i in range(6000):
            fh.write(json.dumps({"title": f"Patroli {i}", "text": f"Artikel {i}. {words} " * 8}) + "\n")
    env = {**os.environ, "TANDAI_STORE": str(tmp_path / "s"), "TANDAI_REVIEWER": "rina"}
    proc = subprocess.Popen([sys.executable, "-m", "tui.cli", "ingest", str(src)], env=env, cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: set[int] = set()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(workers) < 2:
        workers = _descendants(proc.pid)
        time.sleep(0.1)
    assert len(workers) >= 2, "the ingest never started worker processes"
    time.sleep(0.5)
    workers |= _descendants(proc.pid)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(p) for p in workers):
        time.sleep(0.1)
    left = [p for p in workers if _alive(p)]
    for p in left:  # do not leave them behind for the next test
        os.kill(p, signal.SIGKILL)
    assert not left, f"{len(left)} orphan worker(s) still running"


@pytest.mark.parametrize("args", [["stats", EVIL], ["export", "--format", EVIL], [EVIL], ["search", "x", "--limit", EVIL],
                                  ["show"], ["--store", EVIL, "check"]])
def test_usage_errors_carry_no_terminal_controls(tmp_path: Path, args: list[str]) -> None:
    out = run(*args, store_path=tmp_path / "s")
    assert out.returncode in (1, 2), out.stderr
    assert b"Traceback" not in out.stderr
    no_danger(out.stdout)
    no_danger(out.stderr)


def test_export_out_to_a_pipe_or_a_link_writes_through_it(cli_store: Path, tmp_path: Path) -> None:
    """`--out /dev/stdout` (a link to a pipe) or a FIFO is written into, never replaced by a file.
    (Tested with a FIFO of our own: a failing run must not replace the machine's /dev/stdout.)"""
    import threading

    fifo = tmp_path / "pipe.jsonl"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    out = run("export", "--out", str(fifo), store_path=cli_store, timeout=60)
    if reader.is_alive():  # the export never opened the FIFO: unblock the reader
        with open(fifo, "wb"):
            pass
    reader.join(10)
    assert out.returncode == 0, out.stderr
    assert fifo.is_fifo()
    assert got and len(got[0].splitlines()) == 2 and json.loads(got[0].splitlines()[0])["id"]
    real = tmp_path / "real.csv"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    out = run("export", "--format", "csv", "--out", str(link), store_path=cli_store)
    assert out.returncode == 0, out.stderr
    assert link.is_symlink() and real.read_text(encoding="utf-8").startswith("article_id,")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")) == []


@pytest.mark.parametrize(("saved", "said"), [
    ('reviewer = ["a", "b"]\n', "must be text"),
    ('reviewer = "a\\u001b[31mred"\n', "control characters"),
])
def test_the_workbench_checks_the_saved_reviewer_as_every_command_does(tmp_path: Path, saved: str,
                                                                       said: str) -> None:
    """Red team 3 (F8): a list in config.toml was stamped on records as "['a', 'b']" by the workbench
    while every command refused the file; a name with control characters stopped it with a message
    that did not say where the name came from. Now one line naming the file, nothing written."""
    cfg = tmp_path / "cfg" / "tandai"
    cfg.mkdir(parents=True)
    (cfg / "config.toml").write_text(saved)
    out = run("--store", str(tmp_path / "s"), reviewer=None, env={"XDG_CONFIG_HOME": str(tmp_path / "cfg")})
    err = one_line_error(out)
    assert str(cfg / "config.toml") in err and said in err, err
    assert not (tmp_path / "s" / "annotations").exists() or not any((tmp_path / "s" / "annotations").iterdir())


def test_the_workbench_takes_its_reviewer_from_the_environment_as_every_command_does(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``$TANDAI_REVIEWER`` names the reviewer of every command (README), the workbench included: it
    was ignored there, so records were stamped with the saved name or the workbench asked."""
    from tui.app import TandaiApp

    monkeypatch.setenv("TANDAI_REVIEWER", "sari")
    app = TandaiApp(tmp_path / "s", config={"reviewer": "budi"})
    try:
        assert app.owner.store.reviewer == "sari" and app.reviewer_known
    finally:
        app.owner.close()
