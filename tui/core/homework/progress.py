"""Kind summaries of done days: "N of M this week", a four-week grid, and today's line.

No streaks and no counting of what was missed: a week says how many of the
asked-for days had practice, a grid shows the practice that happened.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from tui.core.homework.assignment import ACTIVE, DAILY, WEEKDAYS, Assignment

DONE_MARK = "●"
ASKED_MARK = "·"
REST_MARK = " "


def first_weekday(setting: str) -> int:
    """The settings' week start ("monday" or "sunday") as a weekday number."""
    return 6 if setting == "sunday" else 0


def week_start(day: date, first_weekday: int = 0) -> date:
    """The first day of the week holding ``day`` (0 = Monday ... 6 = Sunday)."""
    return day - timedelta(days=(day.weekday() - first_weekday) % 7)


@dataclass(frozen=True)
class WeekCount:
    """Practice days this week against the days asked for."""

    done: int
    asked: int

    def words(self) -> str:
        return f"{self.done} of {self.asked} this week"


def week_count(assignment: Assignment, done: set[date], today: date, first_weekday: int = 0) -> WeekCount:
    """How many asked-for days this week had practice (never more than were asked).

    Days of the week before the start date are not asked for, so a first week is counted kindly.
    """
    first = week_start(today, first_weekday)
    week = [first + timedelta(days=n) for n in range(7)]
    practised = sum(1 for day in week if day in done and assignment.runs_on(day))
    if assignment.frequency.how in (DAILY, WEEKDAYS):
        asked = sum(1 for day in week if assignment.runs_on(day) and assignment.frequency.asks_on(day)) or 1
    else:
        asked = assignment.frequency.per_week()
    return WeekCount(done=min(practised, asked), asked=asked)


def grid(assignment: Assignment, done: set[date], today: date, first_weekday: int = 0) -> list[str]:
    """Four rows of seven marks, oldest week first: ● practised, · a day it was asked for."""
    first = week_start(today, first_weekday) - timedelta(days=21)
    rows: list[str] = []
    for week in range(4):
        marks: list[str] = []
        for offset in range(7):
            day = first + timedelta(days=week * 7 + offset)
            if day in done:
                marks.append(DONE_MARK)
            elif day <= today and assignment.runs_on(day) and _asked(assignment, day):
                marks.append(ASKED_MARK)
            else:
                marks.append(REST_MARK)
        rows.append(" ".join(marks))
    return rows


def weekday_header(first_weekday: int = 0) -> str:
    """The grid's column letters, starting on the week's first day."""
    letters = "MTWTFSS"
    return " ".join(letters[(first_weekday + n) % 7] for n in range(7))


def _asked(assignment: Assignment, day: date) -> bool:
    return assignment.frequency.how in (DAILY, WEEKDAYS) and assignment.frequency.asks_on(day)


def due_today(assignment: Assignment, today: date, done: set[date], first_weekday: int = 0) -> bool:
    """True when today is a day this active assignment asks for (or its week is not full yet)."""
    if assignment.status != ACTIVE or not assignment.runs_on(today):
        return False
    if today in done:
        return True
    if assignment.frequency.how in (DAILY, WEEKDAYS):
        return assignment.frequency.asks_on(today)
    count = week_count(assignment, done, today, first_weekday)
    return count.done < count.asked


@dataclass(frozen=True)
class TodaySummary:
    """Today's homework: how many there are and how many already have practice."""

    done: int
    total: int
    titles_left: tuple[str, ...] = ()

    def words(self) -> str:
        if not self.total:
            return "No homework asked for today"
        if self.done == self.total:
            return f"{self.done} of {self.total} homework done today, well looked after"
        return f"{self.done} of {self.total} homework done today"


def today_summary(
    assignments: Iterable[Assignment], done: Mapping[str, set[date]], today: date, first_weekday: int = 0
) -> TodaySummary:
    """Count the active assignments asked for today, and those already practised today."""
    total = practised = 0
    left: list[str] = []
    for assignment in assignments:
        days = done.get(assignment.id, set())
        if not due_today(assignment, today, days, first_weekday):
            continue
        total += 1
        if today in days:
            practised += 1
        else:
            left.append(assignment.title)
    return TodaySummary(done=practised, total=total, titles_left=tuple(left))


def homework_line(summary: TodaySummary, width: int = 60) -> str:
    """Home's line about today's homework ("" when none is asked for today)."""
    if not summary.total:
        return ""
    line = f"Homework today: {summary.done} of {summary.total} done"
    if summary.titles_left:
        left = ", ".join(summary.titles_left)
        line += f" · still to come: {left if len(left) <= width else left[: width - 1] + '…'}"
    return line + "."
