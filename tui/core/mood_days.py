"""Check-ins folded into one aggregate per day, built once per load and read by every mood view.

Home's sparkline and the mood dashboard used to walk every check-in on each
redraw, so the first look at Mood grew with the years. :func:`collect_days`
walks them once (the store does it while the database opens, off the UI
thread); afterwards a view costs only the days it shows.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from tui.core import mood_stats
from tui.core.mood_stats import WeekdayMean


class CheckinLike(Protocol):
    """What the per-day aggregate needs from a check-in."""

    @property
    def day(self) -> date: ...

    @property
    def pleasantness(self) -> int: ...

    @property
    def emotions(self) -> Sequence[str]: ...

    @property
    def tags(self) -> Sequence[str]: ...


WordPair = tuple[Sequence[str], Sequence[str]]
"""One check-in's (emotions, tags)."""


@dataclass
class MoodDays:
    """Per day: the mean score and the words used; plus the total number of check-ins."""

    means: dict[date, float] = field(default_factory=dict)
    words: dict[date, tuple[WordPair, ...]] = field(default_factory=dict)
    total: int = 0
    _weekdays: dict[str, list[WeekdayMean] | None] = field(default_factory=dict, repr=False, compare=False)

    def words_between(self, start: date, end: date) -> tuple[list[Sequence[str]], list[Sequence[str]]]:
        """(emotion lists, tag lists) of the check-ins from ``start`` to ``end``: work per day shown."""
        emotions: list[Sequence[str]] = []
        tags: list[Sequence[str]] = []
        for day in mood_stats.days_between(start, end):
            for day_emotions, day_tags in self.words.get(day, ()):
                emotions.append(day_emotions)
                tags.append(day_tags)
        return emotions, tags

    def weekday_pattern(self, week_start: str) -> list[WeekdayMean] | None:
        """The weekday pattern over all days (None until there are enough), computed once per week start."""
        if week_start not in self._weekdays:
            enough = mood_stats.enough_for_patterns(self.means)
            self._weekdays[week_start] = mood_stats.weekday_pattern(self.means, week_start) if enough else None
        return self._weekdays[week_start]


def collect_days(checkins: Iterable[CheckinLike]) -> MoodDays:
    """One walk over ``checkins``: daily means, each day's words, and the count.

    Built to be held for the whole session, so kept small (issue 12.3): a
    day's words are one tuple, check-ins with the same words share one pair,
    and the means replace the running totals in the same dict.
    """
    totals: dict[date, float] = {}
    counts: dict[date, int] = {}
    words: dict[date, tuple[WordPair, ...]] = {}
    pairs: dict[WordPair, WordPair] = {}
    share = pairs.setdefault  # one (emotions, tags) pair for check-ins with the same words: years repeat them
    total = 0
    run_day: date | None = None
    run: list[WordPair] = []  # the words of the check-ins in a row on ``run_day`` (usually: all of that day)
    for checkin in checkins:
        total += 1
        day = checkin.day
        totals[day] = totals.get(day, 0.0) + checkin.pleasantness
        counts[day] = counts.get(day, 0) + 1
        if day != run_day:
            if run_day is not None:
                words[run_day] = words.get(run_day, ()) + tuple(run)
            run_day, run = day, []
        pair = (checkin.emotions, checkin.tags)
        run.append(share(pair, pair))
    if run_day is not None:
        words[run_day] = words.get(run_day, ()) + tuple(run)
    for day, count in counts.items():
        totals[day] /= count
    return MoodDays(means=totals, words=words, total=total)
