"""Date labels for the row under the mood bar chart, as one plain line of text.

The chart gives each column a slice of the range's days (one day, or a bucket
of neighbouring days on a narrow screen) and ``cell_width`` characters. What is
labelled depends on the range: weekday names for a week, day numbers with the
month's name on its first day for a month, month names for longer ranges.
A range that starts mid-month names that month at its first column, so the
oldest days are never nameless. Labels never overlap: a month start wins over
the leading month name, which wins over a day number, a label that would
run past the right edge moves left to end there, and one that would touch a
neighbour is left out.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

WEEK_DAYS = 7
MONTH_DAYS = 31
DAY_NUMBER_STEPS = (1, 2, 5, 7, 10, 15)
ROOM_PER_DAY_NUMBER = 4  # two digits and two spaces


def date_labels(first_day: date, bounds: Sequence[tuple[int, int]], cell_width: int, range_days: int) -> str:
    """The label line for columns ``bounds`` (day-offset slices from ``first_day``), each
    ``cell_width`` characters wide, for a range of ``range_days`` days."""
    width = len(bounds) * cell_width
    candidates: list[tuple[int, int, str]] = []  # (priority, column, text); lower goes first
    for column, (low, high) in enumerate(bounds):
        days = [first_day + timedelta(days=offset) for offset in range(low, high)]
        candidates.extend(_labels_for(column, days, cell_width, range_days))
    if range_days > WEEK_DAYS and bounds and first_day.day != 1:
        candidates.append((1, 0, f"{first_day:%b}"))
    line = [" "] * width
    taken: list[tuple[int, int]] = []
    for _, column, text in sorted(candidates):
        start = min(column * cell_width, width - len(text))
        end = start + len(text)
        if start < 0 or any(start <= other_end and other_start <= end for other_start, other_end in taken):
            continue
        taken.append((start, end))
        line[start:end] = text
    return "".join(line)


def _labels_for(column: int, days: Sequence[date], cell_width: int, range_days: int) -> list[tuple[int, int, str]]:
    if not days:
        return []
    if range_days <= WEEK_DAYS:
        return [(0, column, f"{days[0]:%a}")]
    month_starts = [day for day in days if day.day == 1]
    if month_starts:
        return [(0, column, f"{month_starts[0]:%b}")]
    if range_days <= MONTH_DAYS:
        step = next(
            (step for step in DAY_NUMBER_STEPS if step * cell_width >= ROOM_PER_DAY_NUMBER), DAY_NUMBER_STEPS[-1]
        )
        numbered = [day for day in days if (day.day - 1) % step == 0]
        if numbered:
            return [(2, column, str(numbered[0].day))]
    return []
