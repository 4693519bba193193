"""A soft round shape that grows while breathing in and shrinks breathing out.

The widget only draws: the screen sets ``level`` (0 empty .. 1 full) from the
breathing schedule. Half-block characters give twice the vertical resolution,
so the circle looks round and moves smoothly at about ten frames a second.
"""

from __future__ import annotations

import math
from functools import lru_cache

from rich.text import Text
from textual.widget import Widget

MIN_RADIUS_SHARE = 0.18  # the smallest circle, as a share of the largest one
MAX_RADIUS = 15.0  # in half-rows; keeps the circle calm on very large terminals
LEVEL_STEPS = 200  # levels are rounded to this many steps, so unchanged frames are skipped


@lru_cache(maxsize=512)
def draw_circle(width: int, height: int, level_step: int) -> str:
    """Rows of half blocks showing a circle ``level_step / LEVEL_STEPS`` full in a width x height box.

    Rows are stripped; the widget centres them (so only the shape itself is drawn).
    """
    if width <= 0 or height <= 0:
        return ""
    level = level_step / LEVEL_STEPS
    pixel_rows = height * 2
    # A cell is about twice as tall as wide, so one column and half a row make a square pixel.
    largest = max(1.0, min(width / 2.0, pixel_rows / 2.0, MAX_RADIUS + 0.5) - 0.5)
    radius = largest * (MIN_RADIUS_SHARE + (1 - MIN_RADIUS_SHARE) * level)
    centre_x = (width - 1) / 2.0
    centre_y = (pixel_rows - 1) / 2.0
    rows = []
    for row in range(height):
        cells = []
        for column in range(width):
            top = math.hypot(column - centre_x, row * 2 - centre_y) <= radius
            bottom = math.hypot(column - centre_x, row * 2 + 1 - centre_y) <= radius
            cells.append("█" if top and bottom else "▀" if top else "▄" if bottom else " ")
        rows.append("".join(cells).strip())
    return "\n".join(rows)


class BreathVisual(Widget):
    """The breathing circle; set ``level`` to redraw (only when it visibly changes)."""

    DEFAULT_CSS = """
    BreathVisual {
        width: 100%;
        height: 1fr;
        min-height: 3;
        color: $accent;
        text-align: center;
    }
    """

    def __init__(self, level: float = 0.0, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._level_step = self._step(level)

    @staticmethod
    def _step(level: float) -> int:
        return round(min(1.0, max(0.0, level)) * LEVEL_STEPS)

    @property
    def level(self) -> float:
        return self._level_step / LEVEL_STEPS

    @level.setter
    def level(self, value: float) -> None:
        step = self._step(value)
        if step != self._level_step:
            self._level_step = step
            self.refresh()

    def render(self) -> Text:
        width, height = self.content_size
        art = draw_circle(width, height, self._level_step)
        return Text(art, no_wrap=True, overflow="crop", justify="center")
