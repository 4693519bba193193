"""A review of one assignment: the person's answers and the one step they chose.

The questions are for assessing the impact of the practice with the
therapist; ``step`` is what changed afterwards ("kept", "frequency",
"minutes", "focus", "ended") and ``detail`` says how, in plain words.
"""

from __future__ import annotations

from dataclasses import dataclass

REVIEW_QUESTIONS: tuple[tuple[str, str], ...] = (
    ("helped", "What did this practice give you, even a little?"),
    ("hard", "What got in the way, or felt hard?"),
    ("change", "What would make it fit your life better?"),
)

STEP_KEEP = "kept"
STEP_FREQUENCY = "frequency"
STEP_MINUTES = "minutes"
STEP_FOCUS = "focus"
STEP_END = "ended"
STEPS: tuple[str, ...] = (STEP_KEEP, STEP_FREQUENCY, STEP_MINUTES, STEP_FOCUS, STEP_END)


@dataclass(frozen=True)
class HomeworkReview:
    """What the person said about one assignment on one day."""

    id: str
    assignment_id: str
    day: str
    helped: str = ""
    hard: str = ""
    change: str = ""
    step: str = STEP_KEEP
    detail: str = ""
    adherence: str = ""
    mood: str = ""
    at: str = ""
