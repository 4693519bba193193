"""A one-line sparkline of daily mood, with the latest value and the average beside it.

Presentational: the screen hands over one value per day (None for a day without
a check-in) and the words to use; the layout comes from :mod:`tui.core.sparkline`.
Cells touch (no gaps), a missing day is a faint ``·`` (a different shape from
every block, so it reads without colour), and a range wider than the widget
shares each cell among a few days, which the words then say. When the words do
not fit beside the cells they take a second row rather than being cut off.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.geometry import Size
from textual.widget import Widget

from tui.core.sparkline import GAP, SparklineLine, SparklineWords, lay_out

BLOCKS = "▁▂▃▄▅▆▇█"
MISSING_MARK = "·"


class DaySparkline(Widget):
    """Mood per day on one line of blocks (1-10 scale), missing days as a faint mark."""

    DEFAULT_CSS = """
    DaySparkline { height: auto; width: 1fr; }
    DaySparkline > .day-sparkline--cell { color: $primary; }
    DaySparkline > .day-sparkline--missing { color: $text-muted 60%; }
    DaySparkline > .day-sparkline--words { color: $text-muted; }
    """

    COMPONENT_CLASSES = {"day-sparkline--cell", "day-sparkline--missing", "day-sparkline--words"}

    def __init__(self, words: SparklineWords, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._words = words
        self._values: list[float | None] = []

    @property
    def values(self) -> list[float | None]:
        """The days shown, oldest first."""
        return list(self._values)

    def set_data(self, values: Sequence[float | None]) -> None:
        """Show ``values``: one per day, oldest first, None for a day without a check-in."""
        self._values = list(values)
        self.refresh(layout=True)

    def line_for(self, width: int) -> SparklineLine:
        """The cells and words for a widget ``width`` columns wide."""
        return lay_out(self._values, max(width, 1), self._words)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return self.line_for(width).rows if self._values else 1

    def render(self) -> Text:
        text = Text(no_wrap=True, overflow="crop")
        if not self._values:
            return text
        line = self.line_for(self.content_size.width)
        cell_style = self.get_component_rich_style("day-sparkline--cell")
        missing_style = self.get_component_rich_style("day-sparkline--missing")
        words_style = self.get_component_rich_style("day-sparkline--words")
        for level in line.levels:
            if level is None:
                text.append(MISSING_MARK, missing_style)
            else:
                text.append(BLOCKS[level - 1], cell_style)
        text.append(" " * GAP if line.text_beside else "\n")
        text.append(line.text, words_style)
        return text
