"""How a self-care routine went over any range of days ("3 of 5"), for the session report.

The same kind counting as :mod:`tui.core.selfcare_progress`: partly done
counts as done, a resting day lowers the aim instead of counting against it,
and a per-week routine aims for its number in each week (no more than the
days of that week inside the range).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from tui.core.mood_stats import days_between
from tui.core.selfcare_schedule import Schedule, week_start_day


def range_progress(
    schedule: Schedule, states: Mapping[date, str], start: date, end: date, week_start: str = "monday"
) -> tuple[int, int]:
    """``(done, aim)`` for a routine from ``start`` to ``end`` (both included)."""
    days = days_between(start, end)
    done = sum(1 for day in days if states.get(day) in ("done", "partly"))
    if schedule.kind != "per_week":
        planned = [day for day in days if schedule.is_planned_on(day)]
        return done, sum(1 for day in planned if states.get(day) != "rest")
    weeks: dict[date, list[date]] = {}
    for day in days:
        weeks.setdefault(week_start_day(day, week_start), []).append(day)
    aim = 0
    for week in weeks.values():
        rested = sum(1 for day in week if states.get(day) == "rest")
        aim += max(0, min(schedule.per_week, len(week) - rested))
    return done, aim
