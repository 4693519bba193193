"""A mood chart for a range of days: bars where there is a check-in, a dot where there is none.

Unlike a plain sparkline, a day without a check-in is drawn as a gap (a dot on
the baseline), never as a zero bar, and the scale is always 1 to 10, so a calm
month does not look dramatic. A second row shows the 7-day rolling average.
When there are more days than columns, neighbouring days share a column (the
mean of those with data); with fewer days, each day gets a wider bar. When
the first day is known, a last row names the dates under the columns
(:func:`tui.core.chart_labels.date_labels`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from rich.text import Text
from textual.widget import Widget

from tui.core.chart_labels import date_labels
from tui.core.mood_stats import bucket, bucket_bounds

EIGHTHS = " ▁▂▃▄▅▆▇█"
GAP_GLYPH = "·"
GUTTER = 4
SCALE_MAX = 10.0


class MoodSparkline(Widget):
    """Daily mood bars (1-10) with gaps for missing days, plus a rolling-average row."""

    DEFAULT_CSS = """
    MoodSparkline { height: 6; width: 1fr; }
    MoodSparkline > .mood-sparkline--bar { color: $primary; }
    MoodSparkline > .mood-sparkline--gap { color: $text-muted; }
    MoodSparkline > .mood-sparkline--axis { color: $text-muted; }
    MoodSparkline > .mood-sparkline--average { color: $secondary; }
    MoodSparkline > .mood-sparkline--dates { color: $text-muted; }
    """

    COMPONENT_CLASSES = {
        "mood-sparkline--bar",
        "mood-sparkline--gap",
        "mood-sparkline--axis",
        "mood-sparkline--average",
        "mood-sparkline--dates",
    }

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._values: list[float | None] = []
        self._average: list[float | None] = []
        self._first_day: date | None = None

    def set_data(
        self, values: Sequence[float | None], average: Sequence[float | None], first_day: date | None = None
    ) -> None:
        """Show ``values`` (one per day, None for no check-in) and their rolling ``average``;
        with ``first_day`` (the day of ``values[0]``), a row of date labels too."""
        self._values = list(values)
        self._average = list(average)
        self._first_day = first_day
        self.refresh()

    def date_line(self, width: int) -> str:
        """The date labels under the columns for a chart ``width`` wide ("" without a first day)."""
        if self._first_day is None:
            return ""
        room = max(width - GUTTER, 1)
        _, _, per_value = self.columns_for(width)
        return date_labels(self._first_day, bucket_bounds(len(self._values), room), per_value, len(self._values))

    def columns_for(self, width: int) -> tuple[list[float | None], list[float | None], int]:
        """The bucketed values and averages for a chart ``width`` wide, and columns per value."""
        room = max(width - GUTTER, 1)
        values = bucket(self._values, room)
        average = bucket(self._average, room)
        per_value = max(1, min(room // max(len(values), 1), 8))
        return values, average, per_value

    def render(self) -> Text:
        width, height = self.size
        dates = self.date_line(width)
        bar_rows = max(height - 1 - (1 if dates else 0), 1)
        values, average, per_value = self.columns_for(width)
        bar_style = self.get_component_rich_style("mood-sparkline--bar")
        gap_style = self.get_component_rich_style("mood-sparkline--gap")
        axis_style = self.get_component_rich_style("mood-sparkline--axis")
        average_style = self.get_component_rich_style("mood-sparkline--average")
        text = Text(no_wrap=True, overflow="crop")
        for row in range(bar_rows):
            label = " 10│" if row == 0 else "  1│" if row == bar_rows - 1 else "   │"
            text.append(label, axis_style)
            base = (bar_rows - 1 - row) * 8
            for value in values:
                text.append(
                    _bar_cell(value, base, bar_rows, row == bar_rows - 1, per_value),
                    gap_style if value is None else bar_style,
                )
            text.append("\n")
        text.append("avg│", axis_style)
        for value in average:
            glyph = " " if value is None else EIGHTHS[max(1, round(value / SCALE_MAX * 8))]
            text.append(_widen(glyph, per_value), average_style)
        if dates:
            text.append("\n" + " " * GUTTER + dates, self.get_component_rich_style("mood-sparkline--dates"))
        return text


def _bar_cell(value: float | None, base: int, bar_rows: int, bottom: bool, per_value: int) -> str:
    if value is None:
        return _widen(GAP_GLYPH if bottom else " ", per_value)
    filled = max(1, round(value / SCALE_MAX * bar_rows * 8))
    glyph = EIGHTHS[min(max(filled - base, 0), 8)]
    return _widen(glyph, per_value)


def _widen(glyph: str, per_value: int) -> str:
    """A cell ``per_value`` columns wide, leaving a space between wide bars."""
    if per_value >= 3:
        return glyph * (per_value - 1) + " "
    return glyph * per_value
