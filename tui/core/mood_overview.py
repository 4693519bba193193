"""Everything the mood dashboard shows, computed in one pass from light check-in points.

The store folds every check-in once per load into a per-day aggregate
(:mod:`tui.core.mood_days`); :func:`overview_of` turns it into the
dashboard's figures with :mod:`tui.core.mood_stats`, in work proportional to
the days *shown*, so thirty years of data cost no more than one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from tui.core import mood_stats
from tui.core.mood_days import CheckinLike, MoodDays, collect_days
from tui.core.mood_stats import PixelCell, RangeSummary, WeekComparison, WeekdayMean

RANGES = (7, 30, 90, 365)


@dataclass(frozen=True)
class MoodOverview:
    """The dashboard's figures for one range of days ending today."""

    today: date
    range_days: int
    total_checkins: int
    days_with_data: int
    daily: list[float | None]
    rolling: list[float | None]
    summary: RangeSummary
    weeks: WeekComparison
    weekdays: list[WeekdayMean] | None
    pixels: list[list[PixelCell]]
    top_emotions: list[tuple[str, int]]
    top_tags: list[tuple[str, int]]

    @property
    def empty(self) -> bool:
        return self.total_checkins == 0


def build_overview(
    checkins: Iterable[CheckinLike], today: date, range_days: int = 30, week_start: str = "monday"
) -> MoodOverview:
    """Daily series, rolling average, summary, week comparison, weekday pattern,
    year in pixels and the most frequent words for the ``range_days`` ending ``today``."""
    return overview_of(collect_days(checkins), today, range_days, week_start)


def overview_of(days: MoodDays, today: date, range_days: int = 30, week_start: str = "monday") -> MoodOverview:
    """The same figures from the per-day aggregate: work in proportion to the days shown, not the years kept."""
    start = mood_stats.range_start(today, range_days)
    means = days.means
    emotions_in_range, tags_in_range = days.words_between(start, today)
    daily = mood_stats.series(means, start, today)
    return MoodOverview(
        today=today,
        range_days=range_days,
        total_checkins=days.total,
        days_with_data=len(means),
        daily=daily,
        rolling=mood_stats.rolling_average(means, start, today),
        summary=mood_stats.summarize(daily),
        weeks=mood_stats.compare_weeks(means, today, week_start),
        weekdays=days.weekday_pattern(week_start),
        pixels=mood_stats.year_in_pixels(means, today, week_start),
        top_emotions=mood_stats.most_frequent(emotions_in_range),
        top_tags=mood_stats.most_frequent(tags_in_range),
    )


def weekday_names(week_start: str = "monday") -> list[str]:
    """Short weekday names in week order."""
    names = list(mood_stats.WEEKDAY_NAMES)
    return names[6:] + names[:6] if week_start == "sunday" else names
