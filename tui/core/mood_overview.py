"""Everything the mood dashboard shows, computed in one pass from light check-in points.

The store hands over every check-in once (``day``, ``pleasantness``,
``emotions``, ``tags``); this module turns them into daily means and then
into the dashboard's figures with :mod:`tui.core.mood_stats`. The cost is one
walk over the check-ins plus work proportional to the days *shown*, so ten
years of data costs little more than one month.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from tui.core import mood_stats
from tui.core.mood_stats import PixelCell, RangeSummary, WeekComparison, WeekdayMean

RANGES = (7, 30, 90, 365)


class CheckinLike(Protocol):
    """What the overview needs from a check-in."""

    @property
    def day(self) -> date: ...

    @property
    def pleasantness(self) -> int: ...

    @property
    def emotions(self) -> Sequence[str]: ...

    @property
    def tags(self) -> Sequence[str]: ...


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
    start = mood_stats.range_start(today, range_days)
    points: list[tuple[date, float]] = []
    emotions_in_range: list[Sequence[str]] = []
    tags_in_range: list[Sequence[str]] = []
    total = 0
    for checkin in checkins:
        total += 1
        points.append((checkin.day, checkin.pleasantness))
        if start <= checkin.day <= today:
            emotions_in_range.append(checkin.emotions)
            tags_in_range.append(checkin.tags)
    means = mood_stats.daily_means(points)
    daily = mood_stats.series(means, start, today)
    return MoodOverview(
        today=today,
        range_days=range_days,
        total_checkins=total,
        days_with_data=len(means),
        daily=daily,
        rolling=mood_stats.rolling_average(means, start, today),
        summary=mood_stats.summarize(daily),
        weeks=mood_stats.compare_weeks(means, today, week_start),
        weekdays=mood_stats.weekday_pattern(means, week_start) if mood_stats.enough_for_patterns(means) else None,
        pixels=mood_stats.year_in_pixels(means, today, week_start),
        top_emotions=mood_stats.most_frequent(emotions_in_range),
        top_tags=mood_stats.most_frequent(tags_in_range),
    )


def weekday_names(week_start: str = "monday") -> list[str]:
    """Short weekday names in week order."""
    names = list(mood_stats.WEEKDAY_NAMES)
    return names[6:] + names[:6] if week_start == "sunday" else names
