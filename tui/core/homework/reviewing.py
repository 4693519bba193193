"""Applying a review: adherence and mood in plain words, and the one step chosen.

The mood comparison uses the dashboard's minimum-data rule
(:data:`tui.core.homework_effects.MIN_DAYS_EACH` check-in days with practice
and without) and says how many more days are needed instead of guessing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from tui.core.homework.assignment import ENDED, Assignment, Frequency
from tui.core.homework.review import (
    STEP_END,
    STEP_FOCUS,
    STEP_FREQUENCY,
    STEP_KEEP,
    STEP_MINUTES,
    HomeworkReview,
)
from tui.core.homework_effects import selfcare_mood_effect
from tui.core.ids import new_id


def adherence_words(assignment: Assignment, done: set[date], today: date) -> str:
    """Practice days since the start (or the last four weeks) against the days asked for."""
    start = assignment.start_day() or today - timedelta(days=27)
    days = max(1, (today - start).days + 1)
    practised = sum(1 for day in done if start <= day <= today)
    asked = round(days / 7 * assignment.frequency.per_week()) or 1
    return f"Practised on {practised} day{'s' if practised != 1 else ''} of about {asked} asked for since {start.isoformat()}."


def mood_words(checkins: Iterable[Mapping[str, Any]], done: set[date]) -> str:
    """Mean mood on check-in days with this practice and without, once there is enough data."""
    effect = selfcare_mood_effect(checkins, [{"day": day.isoformat(), "state": "done"} for day in done])
    if effect.mean_with is None or effect.mean_without is None:
        return (
            f"Mood: {effect.days_with_needed} more check-in day(s) with this practice and "
            f"{effect.days_without_needed} more without before the two can be compared."
        )
    return (
        f"Mood averaged {effect.mean_with:.1f} on days with this practice ({effect.days_with}) and "
        f"{effect.mean_without:.1f} on other days ({effect.days_without}). "
        "This shows what went together, not what caused what."
    )


def apply_review(
    assignment: Assignment,
    answers: Mapping[str, str],
    step: str,
    value: Any,
    today: date,
    at: str,
    adherence: str = "",
    mood: str = "",
) -> tuple[Assignment, HomeworkReview]:
    """The assignment after the chosen step, and the review record that keeps what was said.

    ``value`` is a :class:`Frequency` for a frequency step, whole minutes for a
    duration step, text for a focus step, and ignored otherwise. The review date
    moves on by the same span it had (two weeks when there was none).
    """
    changes: dict[str, Any] = {}
    if step == STEP_FREQUENCY:
        if not isinstance(value, Frequency):
            raise ValueError("a frequency step needs a frequency")
        detail = f"how often: {assignment.frequency.describe()} → {value.describe()}"
        changes["frequency"] = value
    elif step == STEP_MINUTES:
        if type(value) is not int or not 0 < value <= 24 * 60:
            raise ValueError("minutes must be a whole number from 1 to 1440")
        detail = f"minutes: {assignment.minutes} → {value}"
        changes["minutes"] = value
    elif step == STEP_FOCUS:
        detail = f"focus: {assignment.focus or '(none)'} → {value or '(none)'}"
        changes["focus"] = str(value)
    elif step == STEP_END:
        detail = "ended after review"
        changes["status"] = ENDED
    elif step == STEP_KEEP:
        detail = "kept as it is"
    else:
        raise ValueError(f"unknown review step {step!r}")
    if step != STEP_END:
        changes["review"] = _next_review(assignment, today).isoformat()
    updated = assignment.with_change(at, "reviewed", detail, **changes)
    review = HomeworkReview(
        id=new_id(),
        assignment_id=assignment.id,
        day=today.isoformat(),
        helped=answers.get("helped", ""),
        hard=answers.get("hard", ""),
        change=answers.get("change", ""),
        step=step,
        detail=detail,
        adherence=adherence,
        mood=mood,
        at=at,
    )
    return updated, review


def _next_review(assignment: Assignment, today: date) -> date:
    start, review = assignment.start_day(), assignment.review_day()
    span = (review - start) if start and review and review > start else timedelta(days=14)
    return today + span


def edit(assignment: Assignment, at: str, **changes: Any) -> Assignment:
    """The assignment with ``changes`` and a history line naming what changed."""
    names = [name for name, value in changes.items() if getattr(assignment, name) != value]
    if not names:
        return assignment
    return assignment.with_change(at, "edited", ", ".join(names), **changes)


def set_status(assignment: Assignment, status: str, at: str) -> Assignment:
    """Pause, resume or end, with a history line."""
    what = {"paused": "paused", "active": "resumed", "ended": "ended"}[status]
    if assignment.status == status:
        return assignment
    return replace(assignment.with_change(at, what), status=status)
