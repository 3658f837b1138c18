"""The workbench as a ``tandai serve`` session runs it (``--served``: ``IngestRule.for_session``), driven
by keys: its ingest dialog reads only inside the folder the server was started with, every link
followed, and without one ingests nothing (before, whoever held the served address could ingest ``/etc``
or another user's files into the store and read them in the reader)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.app.pilot import screen_text, settle, type_text
from tests.conftest import ARTICLE_A, ARTICLE_B
from tui.app import TandaiApp
from tui.ingest_rule import ENV, IngestRule, Refused
from tui.screens.dialogs import IngestScreen
from tui.widgets.article_list import ArticleList

UP = "../"  # a path typed that climbs out of the served folder (built: no path in a shipped file climbs)


@pytest.fixture()
def folders(tmp_path: Path) -> tuple[Path, Path]:
    """``allowed`` (the served folder: one article, and links out of it) and ``secret`` beside it."""
    allowed, secret = tmp_path / "allowed", tmp_path / "secret"
    allowed.mkdir()
    secret.mkdir()
    (allowed / "bontang.txt").write_text(ARTICLE_A, encoding="utf-8")
    (secret / "rahasia.txt").write_text(ARTICLE_B, encoding="utf-8")
    (allowed / "pointer.txt").symlink_to(secret / "rahasia.txt")
    (allowed / "door").symlink_to(secret)
    return allowed, secret


async def open_dialog(pilot: Pilot[int], app: TandaiApp) -> None:
    """On a new, empty store: decline the samples, then ``i`` from the list, as a reviewer does."""
    await settle(pilot, app)
    await pilot.press("n")  # the empty store's offer of the samples
    await settle(pilot, app)
    app.query_one(ArticleList).focus()
    await pilot.press("i")
    await pilot.pause()


async def test_a_served_session_ingests_only_inside_its_folder(
        tmp_path: Path, config_home: Path, folders: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    allowed, secret = folders
    monkeypatch.setenv(ENV, str(allowed))
    app = TandaiApp(tmp_path / "s", reviewer="rina", config={}, ingest=IngestRule.for_session(served=True))
    async with app.run_test(size=(160, 50)) as pilot:
        await open_dialog(pilot, app)
        assert isinstance(app.screen, IngestScreen)
        # completion lists no folder outside (the link's target, the folder beside)
        for typed in ("door/", f"{UP}secret/"):
            await type_text(pilot, typed)
            await settle(pilot, app)
            assert "rahasia" not in screen_text(app), typed
            await pilot.press("ctrl+u")
        for typed in (str(secret / "rahasia.txt"), f"{UP}secret/rahasia.txt", "pointer.txt", "*/rahasia.txt"):
            await type_text(pilot, typed)
            await pilot.press("enter")
            await settle(pilot, app)
            assert app.said[-1].startswith(f"{typed} is outside the ingest folder {allowed}"), app.said[-1]
            assert "is outside the ingest folder" in str(app.screen.query_one("#ingest-status").render())
            assert app.owner.count() == 0, typed
            await pilot.press("ctrl+u")  # the dialog stays open with the path: cleared for the next
        await type_text(pilot, "bont")  # relative to the served folder; → takes the completion
        await settle(pilot, app)
        await pilot.press("right", "enter")
        await settle(pilot, app)
        assert "1 added" in str(app.screen.query_one("#ingest-status").render()), list(app.said)[-3:]
        assert app.owner.count() == 1
        assert app.owner.search("rahasia", limit=5).rows == []


@pytest.mark.parametrize("typed", ["{secret}/rahasia.txt", "{secret}", "{up}secret/rahasia.txt", "pointer.txt",
                                   "door", "door/", "door/rahasia.txt", "{up}secret/*.txt",
                                   "*.txt", "*/rahasia.txt", "d*/../../secret/*", "{secret}/*",
                                   "**/rahasia.txt", "~/"])
def test_every_way_out_of_the_folder_is_refused(folders: tuple[Path, Path], typed: str,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """The rule the dialog's Enter runs, over the ways out: absolute, ``..``, a link to a file or a
    folder, a pattern whose folder or any of whose matches is outside (``*.txt`` matches the link
    ``pointer.txt``), ``~`` (the serving user's home)."""
    allowed, secret = folders
    monkeypatch.setenv("HOME", str(secret))
    text = typed.format(secret=secret, up=UP)
    with pytest.raises(Refused, match=r"is outside the ingest folder .*\(links are followed\): not read\.$"):
        IngestRule(served=True, root=str(allowed)).paths(text)


@pytest.mark.parametrize("typed", ["bontang.txt", "./bontang.txt", "{allowed}", "b*.txt", "{allowed}/b*",
                                   "{up}allowed/bontang.txt", "inner/../bontang.txt",
                                   "door/../allowed/bontang.txt"])
def test_paths_inside_the_folder_are_read(folders: tuple[Path, Path], typed: str) -> None:
    """Relative to the folder; a link's ``..`` is the kernel's (``door/..`` is the folder beside)."""
    allowed, _ = folders
    (allowed / "inner").mkdir()
    got = IngestRule(served=True, root=str(allowed)).paths(typed.format(allowed=allowed, up=UP))
    assert got in ([str(allowed / "bontang.txt")], [str(allowed)]), got


async def test_a_served_session_without_a_folder_ingests_nothing(
        tmp_path: Path, config_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV, raising=False)
    app = TandaiApp(tmp_path / "s", reviewer="rina", config={}, ingest=IngestRule.for_session(served=True))
    async with app.run_test(size=(160, 50)) as pilot:
        await open_dialog(pilot, app)
        assert not isinstance(app.screen, IngestScreen)
        assert app.said[-1] == ("Ingest is off in a browser session: start the server with "
                                "`tandai serve --ingest-dir FOLDER` to allow ingesting from FOLDER.")


async def test_the_web_driver_alone_makes_a_session_served(monkeypatch: pytest.MonkeyPatch) -> None:
    """A browser session started some other way (``textual serve tandai``) is confined too."""
    monkeypatch.setenv(ENV, "/")
    monkeypatch.delenv("TEXTUAL_DRIVER", raising=False)
    assert IngestRule.for_session(served=False) == IngestRule()
    monkeypatch.setenv("TEXTUAL_DRIVER", "textual.drivers.web_driver:WebDriver")
    assert IngestRule.for_session(served=False) == IngestRule(served=True, root="/")
