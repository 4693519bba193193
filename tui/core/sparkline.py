"""A one-line sparkline of daily mood: one cell per day, or per bucket of days when narrow.

Pure layout: which block each cell gets (1 to 8, on a fixed 1-10 scale so a
calm month does not look dramatic), which cells are missing (no check-in on
any of their days: ``None``, drawn as a faint mark, never as the lowest
block), the latest value and the range's average, and whether the words fit
beside the cells or need a row of their own. Buckets are counted back from the
last day, so every cell but the oldest holds the same number of days.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

LEVELS = 8
SCALE_MIN = 1.0
SCALE_MAX = 10.0
GAP = 2  # spaces between the cells and the words beside them


@dataclass(frozen=True)
class SparklineWords:
    """Format strings, longest first, for the words beside or under the cells.

    Fields available: ``{latest}``, ``{average}``, ``{days}`` and ``{per_cell}``.
    ``daily`` is used with one cell per day, ``bucketed`` when a cell holds several
    days (so it says how many), ``empty`` when the range has no check-in.
    """

    daily: tuple[str, ...]
    bucketed: tuple[str, ...]
    empty: tuple[str, ...]


@dataclass(frozen=True)
class SparklineLine:
    """What to draw: a level (1-8) or None per cell, the words, and where they go."""

    levels: list[int | None]
    days_per_cell: int
    text: str
    text_beside: bool

    @property
    def rows(self) -> int:
        return 1 if self.text_beside or not self.text else 2


def level_for(value: float) -> int:
    """The block (1 lowest to 8 highest) for a mood ``value`` on the 1-10 scale."""
    clamped = min(max(value, SCALE_MIN), SCALE_MAX)
    return 1 + round((clamped - SCALE_MIN) * (LEVELS - 1) / (SCALE_MAX - SCALE_MIN))


def days_per_cell(days: int, room: int) -> int:
    """How many days each cell holds so that ``days`` fit in ``room`` cells."""
    return max(1, math.ceil(days / max(room, 1)))


def cell_levels(values: Sequence[float | None], per_cell: int) -> list[int | None]:
    """One level per cell of ``per_cell`` days, counted back from the last day; a cell is
    the mean of its days with a check-in, or None when none of its days has one."""
    levels: list[int | None] = []
    end = len(values)
    while end > 0:
        start = max(end - per_cell, 0)
        present = [value for value in values[start:end] if value is not None]
        levels.append(level_for(sum(present) / len(present)) if present else None)
        end = start
    return levels[::-1]


def latest_value(values: Sequence[float | None]) -> float | None:
    """The most recent day's value in the range, or None when no day has one."""
    return next((value for value in reversed(values) if value is not None), None)


def range_average(values: Sequence[float | None]) -> float | None:
    """The mean of the days with a check-in (missing days are skipped, never zero)."""
    present = [value for value in values if value is not None]
    return sum(present) / len(present) if present else None


def score_text(value: float) -> str:
    """A score as people say it: "6", "6.5", "5.8" (one decimal, none when whole)."""
    return f"{value:.1f}".removesuffix(".0")


def lay_out(values: Sequence[float | None], width: int, words: SparklineWords) -> SparklineLine:
    """The sparkline for ``values`` (one per day, None for no check-in) in ``width`` columns.

    The cells come first: one per day when they fit, else the fewest days per cell
    that fit the whole width. The words go beside the cells (the longest wording
    that fits) or, when none fits, on a row of their own underneath.
    """
    per_cell = days_per_cell(len(values), width)
    levels = cell_levels(values, per_cell)
    latest = latest_value(values)
    average = range_average(values)
    wordings = words.empty if latest is None or average is None else words.daily if per_cell == 1 else words.bucketed
    fields = {
        "latest": score_text(latest) if latest is not None else "",
        "average": score_text(average) if average is not None else "",
        "days": len(values),
        "per_cell": per_cell,
    }
    texts = [wording.format(**fields) for wording in wordings]
    for text in texts:
        if len(levels) + GAP + len(text) <= width:
            return SparklineLine(levels, per_cell, text, True)
    below = next((text for text in texts if len(text) <= width), texts[-1] if texts else "")
    return SparklineLine(levels, per_cell, below, False)
