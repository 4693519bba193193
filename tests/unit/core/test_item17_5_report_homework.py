"""Issue 17 item 5: homework in the session report: adherence per assignment over the range, review answers."""

from __future__ import annotations

from datetime import date

from tui.core.homework.assignment import ENDED, TIMES_A_WEEK, WEEKDAYS, Assignment, Frequency
from tui.core.homework.review import HomeworkReview
from tui.core.report.homework_range import homework_lines, range_adherence, review_answers

# 2026-03-02 is a Monday; the range is two full weeks.
START, END = date(2026, 3, 2), date(2026, 3, 15)


def _days(*numbers: int) -> set[date]:
    return {date(2026, 3, n) for n in numbers}


def test_item17_5_daily_adherence_from_the_start_date() -> None:
    daily = Assignment(id="a", kind="breathing", title="Box breathing", start="2026-03-09")
    assert range_adherence(daily, _days(3, 9, 10, 11), START, END) == (3, 7)


def test_item17_5_weekdays_and_times_a_week_never_count_more_than_asked() -> None:
    weekdays = Assignment(id="a", kind="journal", frequency=Frequency(WEEKDAYS, (0, 3)))
    assert range_adherence(weekdays, _days(2, 5, 9), START, END) == (3, 4)
    weekly = Assignment(id="b", kind="journal", frequency=Frequency(TIMES_A_WEEK, times=2))
    assert range_adherence(weekly, _days(2, 3, 4, 5, 9), START, END) == (3, 4)


def test_item17_5_review_answers_in_the_range_with_the_step() -> None:
    reviews = [
        HomeworkReview("r1", "a", "2026-03-10", helped="Mornings", hard="", change="Shorter", detail="Now 3 minutes"),
        HomeworkReview("r0", "a", "2026-02-01", helped="Before the range"),
    ]
    assert review_answers(reviews, START, END) == (
        ("2026-03-10 What did this practice give you, even a little?", "Mornings"),
        ("2026-03-10 What would make it fit your life better?", "Shorter"),
        ("2026-03-10 The step chosen", "Now 3 minutes"),
    )


def test_item17_5_homework_lines_skip_what_did_not_belong_to_the_range() -> None:
    active = Assignment(id="a", kind="breathing", title="Box breathing", minutes=5)
    ended_quiet = Assignment(id="b", kind="free-text", title="Walk", status=ENDED)
    later = Assignment(id="c", kind="free-text", title="Later", start="2026-04-01")
    lines = homework_lines([active, ended_quiet, later], {"a": _days(2, 3)}, {}, START, END)
    assert [(line.title, line.done, line.target) for line in lines] == [("Box breathing (every day, 5 minutes)", 2, 14)]
