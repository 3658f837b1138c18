"""Which paths the workbench's ingest dialog may read.

In a terminal, any: the person at the keys is the user whose files they are. In a browser session
(``tandai serve``) the person at the keys is whoever holds the served address, and the workbench runs
as the user who started the server: it may read only inside the folder that user named
(``--ingest-dir``; passed to each session in ``TANDAI_INGEST_DIR``), with every link followed before
the path is judged; without that folder, nothing. A session counts as served when its command line
says so (``--served``, which ``tandai serve`` puts there) or when Textual draws it through its web
driver (``TEXTUAL_DRIVER``: any web server of Textual apps), so losing one of the two still confines.
"""

from __future__ import annotations

import glob
import os
from dataclasses import dataclass
from pathlib import Path

from .safe import safe_line

ENV = "TANDAI_INGEST_DIR"
HOW = "start the server with `tandai serve --ingest-dir FOLDER` to allow ingesting from FOLDER"


class Refused(Exception):
    """A path the rule does not let the dialog read; the message is one line, shown as it is."""


def served_by_web_driver() -> bool:
    """Textual draws this app in a browser (textual-serve and textual-web set this driver)."""
    return "web" in os.environ.get("TEXTUAL_DRIVER", "").casefold()


@dataclass(frozen=True)
class IngestRule:
    """``served`` False: any path, as typed (relative to the working folder). True: only what resolves
    inside ``root`` (relative paths are relative to it); ``root`` None: nothing."""

    served: bool = False
    root: str | None = None

    @classmethod
    def for_session(cls, served: bool) -> IngestRule:
        """The rule of this process: served when asked or drawn by the web driver, its folder from
        the environment (an empty value is none)."""
        if not (served or served_by_web_driver()):
            return cls()
        return cls(served=True, root=os.environ.get(ENV) or None)

    def _real_root(self) -> str:
        if self.root is None:
            raise Refused(f"Ingest is off in a browser session: {HOW}.")
        real = os.path.realpath(self.root)
        if not os.path.isdir(real):
            raise Refused(f"The ingest folder {safe_line(self.root)} is not there any more.")
        return real

    def check_open(self) -> None:
        """Refused when no path at all may be read (served without a folder)."""
        if self.served:
            self._real_root()

    def label(self) -> str:
        """Where the dialog's paths are read from, for its prompt."""
        return f" from {safe_line(self.root or '')}" if self.served else ""

    def listable(self, folder: str) -> str | None:
        """The folder whose names the dialog's completion may show for a folder typed: as typed when
        not served; else its real path when inside the ingest folder, or None (no names shown)."""
        if not self.served:
            return folder
        try:
            root = self._real_root()
            real = os.path.realpath(os.path.join(root, os.path.expanduser(folder)))
        except (Refused, OSError, ValueError):
            return None
        return real if Path(real).is_relative_to(root) else None

    def paths(self, text: str) -> list[str]:
        """What the ingest reads for the text typed in the dialog: the text itself when not served;
        else the real paths it names, each inside the folder, or ``Refused``."""
        if not self.served:
            return [text]
        root = self._real_root()
        shown = safe_line(text)[:200]
        outside = Refused(f"{shown} is outside the ingest folder {safe_line(self.root or '')} "
                          "(links are followed): not read.")

        def inside(real: str) -> bool:
            return Path(real).is_relative_to(root)

        try:
            typed = os.path.expanduser(text)
            literal = os.path.join(root, typed)
            if os.path.lexists(literal) or not glob.has_magic(typed):
                real = os.path.realpath(literal)  # relative to the folder, every link followed
                if not inside(real):
                    raise outside
                return [real]
            # the folder the pattern searches must be inside; below it no ``..`` may climb out
            parts = Path(typed).parts
            magic = next(i for i, part in enumerate(parts) if glob.has_magic(part))
            prefix = "" if os.path.isabs(typed) else root  # the folder's own name may hold a [ or *
            if not inside(os.path.realpath(os.path.join(prefix, *parts[:magic]))) or ".." in parts[magic:]:
                raise outside
            pattern = os.path.join(glob.escape(prefix), typed) if prefix else typed
            matches = [os.path.realpath(m) for m in sorted(glob.glob(pattern, recursive=True))]
        except (OSError, ValueError) as exc:
            raise Refused(f"{shown} is not a usable path ({safe_line(str(exc))[:60]}).") from exc
        if not all(inside(m) for m in matches):
            raise outside
        if not matches:
            raise Refused(f"No files match {shown}.")
        return list(dict.fromkeys(matches))
