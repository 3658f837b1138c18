"""The agreement screen (issue 13): the figures of ``tandai agreement`` and a progress table per
reviewer. Computed in a worker through the store's one owner; every name is data (escaped,
never markup). ``c`` opens the adjudication of the articles where reviewers disagree."""

from __future__ import annotations

from typing import Any

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.binding import Binding
from textual.widgets import Static

from store.adjudicate import report

from ..safe import safe_line
from .computed import Computed


def fmt(value: Any) -> str:
    if value is None:
        return "n/a"
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def _table(title: str, columns: list[str], rows: list[list[str]]) -> Table:
    table = Table(title=Text(title), box=None, title_justify="left", pad_edge=False)
    for col in columns:
        table.add_column(Text(col))
    for row in rows:
        table.add_row(*(Text(safe_line(c)) for c in row))
    return table


def tables(rep: dict[str, Any]) -> list[Table]:
    """The report as tables: progress, status, records per slot, entities (all labels)."""
    prog_cols = ["done", "in_progress", "skipped", "irrelevant", "flagged", "records", "adjudicated"]
    out = [_table("progress per reviewer", ["reviewer", *prog_cols],
                  [[r, *(str(c.get(k, 0)) for k in prog_cols)] for r, c in rep["progress"].items()])]
    status = [[p, str(v["articles"]), str(v["agree"]), fmt(v["kappa"])]
              for p, v in rep["status"]["pairs"].items()]
    status.append(["all reviewers", "", "", f"α {fmt(rep['status']['alpha'])}"])
    out.append(_table("article status", ["pair", "articles", "agree", "Cohen's κ"], status))
    slots = ["type", "unit", "date", "location", "personnel", "partners"]
    recs = [[p, str(v["aligned"]), str(v["only_a"]), str(v["only_b"]), fmt(v["type_kappa"]),
             *(fmt(v["slots"][s]) for s in slots)] for p, v in rep["records"]["pairs"].items()]
    type_alpha = f"type α {fmt(rep['records']['type_alpha'])}"
    recs.append(["all reviewers", "", "", "", type_alpha, *[""] * len(slots)])
    out.append(_table("records (share of aligned pairs that agree, per slot)",
                      ["pair", "aligned", "only A", "only B", "type κ", *slots], recs))
    readings = [[p, name, str(n), str(v["differ"]["unit"] + v["differ"]["location"])]
                for p, v in rep["records"]["pairs"].items() for name, n in v["conventions"].items()]
    if readings:
        out.append(_table("unit and place differences two readings of a convention make (R: conventions)",
                          ["pair", "convention", "records", "of the unit and place differences"], readings))
    ents = [[p, *(fmt(m["exact"]["ALL"][k]) for k in ("precision", "recall", "f1")),
             fmt(m["overlap"]["ALL"]["f1"])] for p, m in rep["entities"].items()]
    out.append(_table("entities, all labels (B against A)",
                      ["pair", "P", "R", "F1 exact", "F1 overlap"], ents))
    return out


class AgreementScreen(Computed):
    NAME = "agreement"
    WAITING = "computing agreement…"
    DEFAULT_CSS = """
    AgreementScreen #agreement-summary { height: 1; padding: 0 1; background: $panel; }
    AgreementScreen #agreement-body { padding: 0 1; }
    """
    BINDINGS = [
        Binding("escape,q", "close", "Close", id="agreement_close"),
        Binding("r", "refresh_figures", "Refresh", id="agreement_refresh"),
        Binding("c", "adjudicate", "Adjudicate", id="agreement_adjudicate"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.report: dict[str, Any] | None = None

    def gather(self, owner: Any) -> dict[str, Any]:
        return owner.call(report, owner.store)  # type: ignore[no-any-return]

    def show(self, rep: dict[str, Any]) -> None:
        self.report = rep
        names = ", ".join(rep["reviewers"]) or "nobody yet"
        summary = (f"{rep['articles']} article(s) finished by two or more reviewers ({names}) · "
                   "c adjudicate · r refresh · Esc back")
        self.query_one("#agreement-summary", Static).update(Text(safe_line(summary)))
        self.query_one("#agreement-body", Static).update(Group(*tables(rep)))

    def action_adjudicate(self) -> None:
        from .adjudicate import AdjudicateScreen

        self.app.push_screen(AdjudicateScreen())


SCREEN = AgreementScreen
