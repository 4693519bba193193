"""A year of daily moods as a calendar grid, shaded with glyphs so it reads without colour.

Each column is a week and each row a weekday; a cell's glyph shows the day's
mean (░ ▒ ▓ █ from low to high, · for a day without a check-in), and colour
only repeats what the glyph already says, so ``NO_COLOR`` loses nothing. When
the widget is narrow it shows the most recent weeks that fit.
"""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.widget import Widget

from tui.core.mood_stats import PixelCell, shade_level

GLYPHS = ("·", "░", "▒", "▓", "█")
LEGEND = (("·", "no check-in"), ("░", "1-3"), ("▒", "4-5"), ("▓", "6-7"), ("█", "8-10"))
LABEL_WIDTH = 4
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


class YearInPixels(Widget):
    """A year-in-pixels calendar with month labels, weekday labels and a legend."""

    DEFAULT_CSS = """
    YearInPixels { height: 10; width: 1fr; }
    YearInPixels > .year-in-pixels--label { color: $text-muted; }
    YearInPixels > .year-in-pixels--level-0 { color: $text-muted; }
    YearInPixels > .year-in-pixels--level-1 { color: $primary 40%; }
    YearInPixels > .year-in-pixels--level-2 { color: $primary 60%; }
    YearInPixels > .year-in-pixels--level-3 { color: $primary 80%; }
    YearInPixels > .year-in-pixels--level-4 { color: $primary; }
    """

    COMPONENT_CLASSES = {
        "year-in-pixels--label",
        *(f"year-in-pixels--level-{level}" for level in range(5)),
    }

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._columns: list[list[PixelCell]] = []
        self._weekday_names: list[str] = []

    def set_data(self, columns: list[list[PixelCell]], weekday_names: list[str]) -> None:
        """Show ``columns`` (weeks, oldest first) with rows named ``weekday_names``."""
        self._columns = columns
        self._weekday_names = weekday_names
        self.refresh()

    def visible_columns(self, width: int) -> tuple[list[list[PixelCell]], int]:
        """The most recent weeks that fit in ``width``, and the cell width (2 or 1)."""
        room = max(width - LABEL_WIDTH, 1)
        cell_width = 2 if room >= 2 * len(self._columns) else 1
        fitting = room // cell_width
        return self._columns[-fitting:] if fitting else [], cell_width

    def render(self) -> Text:
        columns, cell_width = self.visible_columns(self.size.width)
        label_style = self.get_component_rich_style("year-in-pixels--label")
        levels = [self.get_component_rich_style(f"year-in-pixels--level-{level}") for level in range(5)]
        text = Text(no_wrap=True, overflow="crop")
        text.append(" " * LABEL_WIDTH + _month_row(columns, cell_width) + "\n", label_style)
        for row, name in enumerate(self._weekday_names):
            text.append(f"{name if row % 2 == 0 else '':<{LABEL_WIDTH}}", label_style)
            for column in columns:
                cell = column[row]
                if not cell.in_range:
                    text.append(" " * cell_width)
                    continue
                level = shade_level(cell.value)
                glyph = GLYPHS[level]
                text.append((glyph * cell_width) if level else glyph.ljust(cell_width), levels[level])
            text.append("\n")
        for index, (glyph, meaning) in enumerate(LEGEND):
            text.append(("" if index else " " * LABEL_WIDTH) + glyph + " ", levels[index])
            text.append(meaning + "   ", label_style)
        return text


def _month_row(columns: list[list[PixelCell]], cell_width: int) -> str:
    """Month names above the week in which each month begins (when there is room)."""
    row = [" "] * (len(columns) * cell_width)
    last_month: int | None = None
    for index, column in enumerate(columns):
        first_day: date = column[0].day
        month = max(cell.day for cell in column).month
        if month != last_month and (index > 0 or first_day.day == 1):
            position = index * cell_width
            name = MONTHS[month - 1]
            if position + len(name) <= len(row) and all(
                ch == " " for ch in row[max(position - 1, 0) : position + len(name)]
            ):
                row[position : position + len(name)] = list(name)
        last_month = month
    return "".join(row)
