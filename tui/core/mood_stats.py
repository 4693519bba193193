"""Mood statistics for the dashboard: plain functions over daily means.

Everything starts from :func:`daily_means`: several check-ins on one day count
as that day's mean, and a day without a check-in is *missing* (``None``),
never zero. Every other function takes those means and a date range.

Minimum-data rules (so the dashboard never guesses from too little):

- week comparison: each of the two weeks needs at least
  :data:`MIN_DAYS_PER_WEEK` days with a check-in;
- 7-day rolling average: a day gets a value only when at least
  :data:`MIN_DAYS_IN_WINDOW` of the 7 days ending that day have a check-in
  (missing days are skipped, not counted as zero);
- weekday pattern: shown only with :data:`MIN_DAYS_FOR_PATTERNS` days of data
  in all, and a weekday's mean only with :data:`MIN_DAYS_PER_WEEKDAY` days of
  that weekday;
- most frequent words: a word needs to appear at least twice.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

MIN_DAYS_PER_WEEK = 2
ROLLING_WINDOW_DAYS = 7
MIN_DAYS_IN_WINDOW = 3
MIN_DAYS_FOR_PATTERNS = 14
MIN_DAYS_PER_WEEKDAY = 2
MIN_WORD_COUNT = 2
SAME_WEEK_TOLERANCE = 0.5

WEEKDAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")

DailyMeans = Mapping[date, float]


@dataclass(frozen=True)
class RangeSummary:
    """Lowest, mean and highest daily mean in a range, and how many days had data."""

    minimum: float | None
    mean: float | None
    maximum: float | None
    days_with_data: int
    days: int


@dataclass(frozen=True)
class WeekComparison:
    """This week so far against last week; ``verdict`` is "better", "same", "lower" or None."""

    this_week: float | None
    last_week: float | None
    this_week_days: int
    last_week_days: int
    verdict: str | None


@dataclass(frozen=True)
class WeekdayMean:
    """The mean mood on one weekday (0 = Monday) and how many days it rests on."""

    weekday: int
    mean: float | None
    days: int

    @property
    def name(self) -> str:
        return WEEKDAY_NAMES[self.weekday]


@dataclass(frozen=True)
class PixelCell:
    """One day in the year-in-pixels grid; ``in_range`` is False for padding."""

    day: date
    value: float | None
    in_range: bool


def daily_means(points: Iterable[tuple[date, float]]) -> dict[date, float]:
    """The mean score per day from ``(day, score)`` pairs."""
    totals: dict[date, float] = {}
    counts: dict[date, int] = {}
    for day, score in points:
        totals[day] = totals.get(day, 0.0) + score
        counts[day] = counts.get(day, 0) + 1
    return {day: totals[day] / counts[day] for day in totals}


def days_between(start: date, end: date) -> list[date]:
    """Every day from ``start`` to ``end``, both included (empty if end < start)."""
    return [start + timedelta(days=offset) for offset in range((end - start).days + 1)]


def range_start(end: date, days: int) -> date:
    """The first day of the ``days``-long range that ends on ``end``."""
    return end - timedelta(days=days - 1)


def series(means: DailyMeans, start: date, end: date) -> list[float | None]:
    """One value per day from ``start`` to ``end``; missing days are None (a gap, not zero)."""
    return [means.get(day) for day in days_between(start, end)]


def summarize(values: Sequence[float | None]) -> RangeSummary:
    """Min, mean and max of the days that have data (the mean of daily means)."""
    present = [value for value in values if value is not None]
    if not present:
        return RangeSummary(None, None, None, 0, len(values))
    return RangeSummary(min(present), sum(present) / len(present), max(present), len(present), len(values))


def week_start_of(day: date, week_start: str = "monday") -> date:
    """The first day of the week holding ``day`` ("monday" or "sunday" weeks)."""
    first_weekday = 6 if week_start == "sunday" else 0
    return day - timedelta(days=(day.weekday() - first_weekday) % 7)


def compare_weeks(means: DailyMeans, today: date, week_start: str = "monday") -> WeekComparison:
    """This week (its start up to today) against the whole of last week.

    The verdict is "same" when the two means are within
    :data:`SAME_WEEK_TOLERANCE` of each other; None when either week has fewer
    than :data:`MIN_DAYS_PER_WEEK` days with a check-in.
    """
    this_start = week_start_of(today, week_start)
    last_start = this_start - timedelta(days=7)
    this = summarize(series(means, this_start, today))
    last = summarize(series(means, last_start, this_start - timedelta(days=1)))
    verdict: str | None = None
    if this.days_with_data >= MIN_DAYS_PER_WEEK and last.days_with_data >= MIN_DAYS_PER_WEEK:
        assert this.mean is not None and last.mean is not None
        difference = this.mean - last.mean
        verdict = "same" if abs(difference) < SAME_WEEK_TOLERANCE else "better" if difference > 0 else "lower"
    return WeekComparison(this.mean, last.mean, this.days_with_data, last.days_with_data, verdict)


def rolling_average(
    means: DailyMeans,
    start: date,
    end: date,
    window: int = ROLLING_WINDOW_DAYS,
    min_days: int = MIN_DAYS_IN_WINDOW,
) -> list[float | None]:
    """For each day from ``start`` to ``end``: the mean of the days with data among the
    ``window`` days ending that day (days before ``start`` count too), or None when
    fewer than ``min_days`` of them have data. Missing days are skipped, never zero.
    """
    values = series(means, start - timedelta(days=window - 1), end)
    result: list[float | None] = []
    total = 0.0
    count = 0
    for index, value in enumerate(values):
        if value is not None:
            total += value
            count += 1
        if index >= window:
            leaving = values[index - window]
            if leaving is not None:
                total -= leaving
                count -= 1
        if index >= window - 1:
            result.append(total / count if count >= min_days else None)
    return result


def weekday_pattern(means: DailyMeans, week_start: str = "monday") -> list[WeekdayMean]:
    """The mean mood per weekday, in week order; a weekday with fewer than
    :data:`MIN_DAYS_PER_WEEKDAY` days has mean None."""
    totals = [0.0] * 7
    counts = [0] * 7
    for day, value in means.items():
        totals[day.weekday()] += value
        counts[day.weekday()] += 1
    order = [6, 0, 1, 2, 3, 4, 5] if week_start == "sunday" else list(range(7))
    return [
        WeekdayMean(
            weekday,
            totals[weekday] / counts[weekday] if counts[weekday] >= MIN_DAYS_PER_WEEKDAY else None,
            counts[weekday],
        )
        for weekday in order
    ]


def enough_for_patterns(means: DailyMeans) -> bool:
    """True when there are enough days of check-ins for the weekday pattern."""
    return len(means) >= MIN_DAYS_FOR_PATTERNS


def year_in_pixels(
    means: DailyMeans, today: date, week_start: str = "monday", weeks: int = 53
) -> list[list[PixelCell]]:
    """Columns of weeks (oldest first), each seven cells in week order, ending with the
    week holding ``today``. Days after ``today`` or older than 365 days are padding."""
    first_shown = week_start_of(today, week_start) - timedelta(days=7 * (weeks - 1))
    oldest_in_range = today - timedelta(days=364)
    columns: list[list[PixelCell]] = []
    for week in range(weeks):
        column = []
        for offset in range(7):
            day = first_shown + timedelta(days=week * 7 + offset)
            in_range = oldest_in_range <= day <= today
            column.append(PixelCell(day, means.get(day) if in_range else None, in_range))
        columns.append(column)
    return columns


def shade_level(value: float | None) -> int:
    """0 for no check-in, else 1 (1 to under 3.5) up to 4 (7.5 and above)."""
    if value is None:
        return 0
    if value < 3.5:
        return 1
    if value < 5.5:
        return 2
    if value < 7.5:
        return 3
    return 4


def most_frequent(
    word_lists: Iterable[Iterable[str]], limit: int = 5, min_count: int = MIN_WORD_COUNT
) -> list[tuple[str, int]]:
    """The ``limit`` most used words with their counts (ties alphabetical), each used
    at least ``min_count`` times."""
    counter: Counter[str] = Counter()
    for words in word_lists:
        counter.update(words)
    ranked = sorted((item for item in counter.items() if item[1] >= min_count), key=lambda item: (-item[1], item[0]))
    return ranked[:limit]


def bucket_bounds(count: int, columns: int) -> list[tuple[int, int]]:
    """The ``(low, high)`` index slices that share ``count`` values among at most
    ``columns`` columns, oldest first (one value per column when there is room)."""
    if columns <= 0:
        return []
    if count <= columns:
        return [(index, index + 1) for index in range(count)]
    return [(index * count // columns, (index + 1) * count // columns) for index in range(columns)]


def bucket(values: Sequence[float | None], columns: int) -> list[float | None]:
    """Squeeze ``values`` into at most ``columns`` buckets: each bucket is the mean of its
    days with data, or None when none of its days has data. With room to spare, the
    values come back unchanged."""
    result: list[float | None] = []
    for low, high in bucket_bounds(len(values), columns):
        present = [value for value in values[low:high] if value is not None]
        result.append(sum(present) / len(present) if present else None)
    return result
