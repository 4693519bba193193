"""Therapy homework: assignments agreed with a therapist, detection of done days, reviews."""

from tui.core.homework.assignment import (
    FREQUENCIES,
    KIND_AFFIRMATION,
    KIND_BREATHING,
    KIND_FREE_TEXT,
    KIND_JOURNAL,
    KIND_MEDITATION,
    KIND_QUESTIONNAIRE,
    KIND_SELFCARE,
    KIND_TITLES,
    KINDS,
    STATUSES,
    Assignment,
    Change,
    Frequency,
    HomeworkTick,
)

__all__ = [
    "FREQUENCIES",
    "KINDS",
    "KIND_AFFIRMATION",
    "KIND_BREATHING",
    "KIND_FREE_TEXT",
    "KIND_JOURNAL",
    "KIND_MEDITATION",
    "KIND_QUESTIONNAIRE",
    "KIND_SELFCARE",
    "KIND_TITLES",
    "STATUSES",
    "Assignment",
    "Change",
    "Frequency",
    "HomeworkTick",
]
