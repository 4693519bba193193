"""When a self-care routine is meant to happen: every day, chosen weekdays, or N times a week.

Days are plain calendar dates in the person's local calendar, so a week that
crosses a daylight-saving change still has seven days; only
:func:`local_day` ever looks at a clock time.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from typing import Literal

ScheduleKind = Literal["daily", "weekdays", "per_week"]
WEEKDAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
TIMES_OF_DAY = ("morning", "afternoon", "evening")


@dataclass(frozen=True)
class Schedule:
    """How often a routine is meant to happen; ``weekdays`` are 0 (Monday) to 6 (Sunday)."""

    kind: ScheduleKind = "daily"
    weekdays: tuple[int, ...] = ()
    per_week: int = 7

    def is_planned_on(self, day: date) -> bool:
        """Whether ``day`` is one of the planned days (a per-week routine fits any day)."""
        if self.kind == "weekdays":
            return day.weekday() in self.weekdays
        return True

    def weekly_target(self) -> int:
        """How many times a week the routine is meant to happen."""
        if self.kind == "weekdays":
            return len(set(self.weekdays))
        if self.kind == "per_week":
            return self.per_week
        return 7

    def describe(self) -> str:
        """``every day``, ``Mon, Wed, Fri`` or ``3 times a week``."""
        if self.kind == "weekdays":
            return ", ".join(WEEKDAY_KEYS[d].capitalize() for d in sorted(set(self.weekdays)))
        if self.kind == "per_week":
            return "once a week" if self.per_week == 1 else f"{self.per_week} times a week"
        return "every day"

    def to_document(self) -> dict[str, object]:
        return {"kind": self.kind, "weekdays": list(self.weekdays), "per_week": self.per_week}


EVERY_DAY = Schedule()


def every_day() -> Schedule:
    return EVERY_DAY


def on_weekdays(days: Iterable[int]) -> Schedule:
    """A routine on the given weekdays (0 = Monday); raises ValueError when there are none."""
    chosen = tuple(sorted({int(d) for d in days}))
    if not chosen or any(not 0 <= d <= 6 for d in chosen):
        raise ValueError("Choose at least one day of the week.")
    return Schedule("weekdays", weekdays=chosen)


def times_a_week(count: int) -> Schedule:
    """A routine done ``count`` times a week on any days; raises ValueError outside 1-7."""
    if not 1 <= count <= 7:
        raise ValueError("Times a week is a number from 1 to 7.")
    return Schedule("per_week", per_week=count)


def parse_weekdays(text: str) -> tuple[int, ...]:
    """``mon,wed,fri`` (any case, full names too) as weekday numbers; ValueError names what is unclear."""
    days: list[int] = []
    for part in text.replace(" ", ",").split(","):
        word = part.strip().casefold()
        if not word:
            continue
        match = [
            i for i, key in enumerate(WEEKDAY_KEYS) if word[:3] == key and WEEKDAY_NAMES[i].casefold().startswith(word)
        ]
        if not match:
            raise ValueError(f"“{part.strip()}” is not a day of the week; use mon, tue, wed, thu, fri, sat, sun.")
        days.append(match[0])
    if not days:
        raise ValueError("Name at least one day, for example mon,wed,fri.")
    return tuple(sorted(set(days)))


def schedule_from_document(value: object) -> Schedule:
    """A stored schedule, or every day for anything missing or unreadable."""
    if not isinstance(value, dict):
        return EVERY_DAY
    try:
        kind = value.get("kind")
        if kind == "weekdays":
            return on_weekdays(value.get("weekdays", ()))
        if kind == "per_week":
            return times_a_week(int(value.get("per_week", 7)))
    except (TypeError, ValueError):
        return EVERY_DAY
    return EVERY_DAY


def less_often(schedule: Schedule) -> Schedule:
    """A gentler schedule: every day becomes 3 times a week, others about half as often (at least once)."""
    if schedule.kind == "daily":
        return times_a_week(3)
    return times_a_week(max(1, schedule.weekly_target() // 2))


def week_start_day(day: date, week_start: str = "monday") -> date:
    """The first day of the week holding ``day`` (``week_start`` is "monday" or "sunday")."""
    first = 6 if week_start == "sunday" else 0
    return day - timedelta(days=(day.weekday() - first) % 7)


def week_days(day: date, week_start: str = "monday") -> list[date]:
    """The seven calendar dates of the week holding ``day``."""
    start = week_start_day(day, week_start)
    return [start + timedelta(days=offset) for offset in range(7)]


def local_day(moment: datetime, zone: tzinfo) -> date:
    """The calendar date ``moment`` falls on in ``zone`` (what "today" means to the person)."""
    return moment.astimezone(zone).date()
