"""Homework over the report's days: "4 of 7" per assignment and the review answers given then.

The same counting as the Homework section (:mod:`tui.core.homework.progress`):
days with practice against the days asked for, never more than were asked in
any week, and only from the assignment's start on. An assignment shows when
it is active, or when it was practised or reviewed in the range.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from tui.core.homework.assignment import ACTIVE, DAILY, KIND_TITLES, WEEKDAYS, Assignment
from tui.core.homework.progress import week_start
from tui.core.homework.review import REVIEW_QUESTIONS, HomeworkReview
from tui.core.mood_stats import days_between
from tui.core.report.model import HomeworkLine

STEP_WORDS = "The step chosen"


def range_adherence(
    assignment: Assignment, done: set[date], start: date, end: date, first_weekday: int = 0
) -> tuple[int, int]:
    """``(days practised, days asked for)`` from ``start`` to ``end``, counted week by week."""
    weeks: dict[date, list[date]] = {}
    for day in days_between(start, end):
        if assignment.runs_on(day):
            weeks.setdefault(week_start(day, first_weekday), []).append(day)
    frequency = assignment.frequency
    practised = asked = 0
    for days in weeks.values():
        if frequency.how in (DAILY, WEEKDAYS):
            week_asked = sum(1 for day in days if frequency.asks_on(day))
        else:
            week_asked = min(frequency.per_week(), len(days))
        practised += min(sum(1 for day in days if day in done), week_asked)
        asked += week_asked
    return practised, asked


def review_answers(reviews: Iterable[HomeworkReview], start: date, end: date) -> tuple[tuple[str, str], ...]:
    """The questions answered in reviews held in the range, and the step chosen, oldest first."""
    answers: list[tuple[str, str]] = []
    for review in sorted(reviews, key=lambda r: (r.day, r.at)):
        if not start.isoformat() <= review.day <= end.isoformat():
            continue
        for key, question in REVIEW_QUESTIONS:
            answer = str(getattr(review, key, "")).strip()
            if answer:
                answers.append((f"{review.day} {question}", answer))
        if review.detail.strip():
            answers.append((f"{review.day} {STEP_WORDS}", review.detail.strip()))
    return tuple(answers)


def homework_lines(
    assignments: Iterable[Assignment],
    done: Mapping[str, set[date]],
    reviews: Mapping[str, list[HomeworkReview]],
    start: date,
    end: date,
    first_weekday: int = 0,
) -> tuple[HomeworkLine, ...]:
    """One line per assignment that belongs in the report's days."""
    lines: list[HomeworkLine] = []
    for assignment in assignments:
        days = done.get(assignment.id, set())
        practised, asked = range_adherence(assignment, days, start, end, first_weekday)
        answers = review_answers(reviews.get(assignment.id, []), start, end)
        if assignment.status != ACTIVE and practised == 0 and not answers:
            continue
        if assignment.status == ACTIVE and asked == 0 and practised == 0 and not answers:
            continue  # starts after the range
        title = assignment.title.strip() or KIND_TITLES.get(assignment.kind, assignment.kind)
        how = assignment.frequency.describe()
        if assignment.timed and assignment.minutes:
            how += f", {assignment.minutes} minutes"
        if assignment.status != ACTIVE:
            how += f", {assignment.status}"
        lines.append(HomeworkLine(f"{title} ({how})", practised, asked, answers))
    return tuple(lines)
