"""Which backups to keep: a spread over hours, days and weeks, not just the newest few.

Keeping only the newest handful means a long session (a backup every ten
minutes) pushes out everything older than an hour, so a mistake noticed the
next day cannot be undone. Instead the newest ``recent`` backups are kept, and
the last backup of each of the last ``hours`` hours, ``days`` days and
``weeks`` weeks (weeks start on Monday): how that hour, day or week ended.

Pure: it looks only at the moments the backups were made and at ``now``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True)
class RetentionPolicy:
    """How many of each kind of backup to keep."""

    recent: int = 5
    hours: int = 6
    days: int = 7
    weeks: int = 5


DEFAULT_POLICY = RetentionPolicy()


def _hour_of(moment: datetime) -> datetime:
    return moment.replace(minute=0, second=0, microsecond=0)


def _day_of(moment: datetime) -> datetime:
    return moment.replace(hour=0, minute=0, second=0, microsecond=0)


def _week_of(moment: datetime) -> datetime:
    return _day_of(moment) - timedelta(days=moment.weekday())


def backups_to_keep(
    moments: Iterable[datetime], now: datetime, policy: RetentionPolicy = DEFAULT_POLICY
) -> set[datetime]:
    """The moments (from ``moments``) whose backups should be kept at ``now``.

    A backup dated after ``now`` (the clock was changed) is always kept: it is
    never safe to guess that it is old.
    """
    ordered = sorted(set(moments), reverse=True)
    keep = set(ordered[: max(policy.recent, 0)])
    keep.update(moment for moment in ordered if moment > now)
    tiers: tuple[tuple[Callable[[datetime], datetime], datetime], ...] = (
        (_hour_of, _hour_of(now) - timedelta(hours=policy.hours - 1)),
        (_day_of, _day_of(now) - timedelta(days=policy.days - 1)),
        (_week_of, _week_of(now) - timedelta(weeks=policy.weeks - 1)),
    )
    for period_of, first_period in tiers:
        last_in_period: dict[datetime, datetime] = {}
        for moment in ordered:  # newest first, so the first one seen is the last of its period
            period = period_of(moment)
            if first_period <= period <= now:
                last_in_period.setdefault(period, moment)
        keep.update(last_in_period.values())
    return keep
