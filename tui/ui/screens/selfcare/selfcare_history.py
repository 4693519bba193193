"""Four weeks of self-care at a glance: one row per routine, one mark per day, no judgement."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static

from tui.core.selfcare import SelfCareItem
from tui.core.selfcare_progress import history_header, history_row, history_weeks
from tui.core.shorten import shorten_at_word
from tui.ui.base import HeartworkModal
from tui.ui.widgets.calm_footer import CalmFooter

NAME_WIDTH = 32
LEGEND = "● done   ◐ partly   ~ resting   · no tick (that is fine)"


def history_lines(items: list[SelfCareItem], states: dict[str, dict[date, str]], today: date, week_start: str) -> Text:
    """The grid as plain text: a header of day initials, then each routine's four weeks."""
    weeks = history_weeks(today, week_start)
    lines = Text(no_wrap=True, overflow="ellipsis")
    lines.append("Routine".ljust(NAME_WIDTH) + history_header(weeks) + "\n", style="dim")
    for item in items:
        name = shorten_at_word(item.text, NAME_WIDTH - 2).ljust(NAME_WIDTH)
        lines.append(name)
        lines.append(history_row(states.get(item.id, {}), weeks, today) + "\n")
    return lines


class SelfCareHistoryScreen(HeartworkModal[None]):
    """The last four weeks of every routine on the list; Esc closes."""

    BINDINGS = [Binding("escape", "close", "Close")]

    DEFAULT_CSS = """
    SelfCareHistoryScreen { align: center middle; }
    SelfCareHistoryScreen #history-sheet {
        width: 90%; max-width: 78; height: auto; max-height: 90%; padding: 0 1;
        border: round $primary; background: $surface;
    }
    SelfCareHistoryScreen #history-title { text-style: bold; padding: 1 0 0 0; }
    SelfCareHistoryScreen #history-legend { color: $text-muted; padding-bottom: 1; }
    SelfCareHistoryScreen #history-grid-scroll { height: auto; max-height: 16; scrollbar-gutter: auto; }
    SelfCareHistoryScreen #history-grid { width: auto; }
    """

    def __init__(
        self, items: list[SelfCareItem], states: dict[str, dict[date, str]], today: date, week_start: str
    ) -> None:
        super().__init__()
        self._grid = history_lines(items, states, today, week_start)
        self._empty = not items

    def compose(self) -> ComposeResult:
        with Vertical(id="history-sheet"):
            yield Static("The last four weeks", id="history-title")
            yield Static(LEGEND, id="history-legend")
            with VerticalScroll(id="history-grid-scroll"):
                if self._empty:
                    yield Static("No routines yet, so nothing to show. That can change any day.", id="history-grid")
                else:
                    yield Static(self._grid, id="history-grid")
        yield CalmFooter()

    def action_close(self) -> None:
        self.dismiss(None)
