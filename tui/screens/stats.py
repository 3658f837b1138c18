"""The stats screen: the figures of ``store.stats`` as plots, one tab each (records per week on
the election calendar, by type, unit, province, regency, phase; coding progress), drawn by
``tui.stats_plots`` into textual-plotext widgets. ``e`` exports the screen as SVG for a report
(saved in the current folder; in a browser, ``tandai serve``, the browser downloads it).

The figures are computed in a worker (through the store's one owner) so the workbench never
waits; labels are escaped by the drawers, so a unit called ``[bold]`` shows as written."""

from __future__ import annotations

import os
import time
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Static, TabbedContent, TabPane
from textual_plotext import PlotextPlot

from store.stats import figures

from ..safe import safe_line
from ..stats_plots import CHARTS
from .computed import Computed


class StatsScreen(Computed):
    NAME = "stats"
    DEFAULT_CSS = """
    StatsScreen #stats-summary { height: 1; padding: 0 1; background: $panel; }
    StatsScreen TabbedContent { height: 1fr; }
    StatsScreen TabPane { padding: 0; }
    StatsScreen .stats-note { height: auto; max-height: 2; padding: 0 1; color: $text-muted; }
    """
    BINDINGS = [
        Binding("escape,q", "close", "Close", id="stats_close"),
        Binding("e", "export", "Export SVG", id="stats_export"),
        Binding("r", "refresh_figures", "Refresh", id="stats_refresh"),
        Binding("right,l", "tab(1)", "Next chart", id="stats_next", show=False),
        Binding("left,h", "tab(-1)", "Previous chart", id="stats_previous", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.figures: dict[str, Any] | None = None

    def compose(self) -> ComposeResult:
        yield Static("computing the figures…", id="stats-summary")
        with TabbedContent(id="stats-tabs"):
            for chart_id, label, _ in CHARTS:
                with TabPane(label, id=f"tab-{chart_id}"):
                    yield Static("", id=f"note-{chart_id}", classes="stats-note")
                    yield PlotextPlot(id=f"chart-{chart_id}")
        yield Footer()

    def gather(self, owner: Any) -> dict[str, Any]:
        return owner.call(figures, owner.store)  # type: ignore[no-any-return]

    def show(self, fig: dict[str, Any]) -> None:
        self.figures = fig
        for chart_id, _, draw in CHARTS:
            plot = self.query_one(f"#chart-{chart_id}", PlotextPlot)
            plot.plt.clear_figure()
            note = draw(plot.plt, fig)
            plot.refresh()
            self.query_one(f"#note-{chart_id}", Static).update(Text(safe_line(note)))
        summary = (f"{fig['articles']:,} articles · {fig['records']:,} records · "
                   f"{fig['by_unit']['units']:,} units · computed in {fig['seconds'] * 1000:.0f} ms · "
                   "←/→ chart · e export SVG · r refresh · Esc back")
        self.query_one("#stats-summary", Static).update(Text(safe_line(summary)))

    def action_tab(self, step: int) -> None:
        tabs = self.query_one(TabbedContent)
        ids = [f"tab-{chart_id}" for chart_id, _, _ in CHARTS]
        here = ids.index(tabs.active) if tabs.active in ids else 0
        tabs.active = ids[(here + step) % len(ids)]

    def action_export(self) -> None:
        tab = self.query_one(TabbedContent).active.removeprefix("tab-")
        name = f"tandai-stats-{tab}-{time.strftime('%Y%m%d-%H%M%S')}.svg"
        folder = os.getcwd()
        self.app.deliver_screenshot(filename=name, path=folder)
        where = "sent to your browser" if self.app.is_web else f"saved as {os.path.join(folder, name)}"
        self.notify(safe_line(f"Stats screen {where}"), markup=False)
