"""The guided journal exercises (inner critic, self-compassion break, kind letter), read from ``exercises.toml``."""

from __future__ import annotations

from tui import content
from tui.core.journal import (
    KIND_COMPASSION_BREAK,
    KIND_INNER_CRITIC,
    KIND_KIND_LETTER,
)
from tui.core.journal_exercises import LETTER_FIELD_ID, Exercise, ExerciseField


def inner_critic() -> Exercise:
    data = content.load("exercises")["inner_critic"]
    fields = tuple(ExerciseField(f["id"], f["label"], f["hint"], f.get("kind", "text")) for f in data["field"])
    return Exercise(KIND_INNER_CRITIC, data["title"], data["intro"], fields)


def compassion_break() -> Exercise:
    data = content.load("exercises")["self_compassion_break"]
    fields = tuple(ExerciseField(s["id"], s["label"], s["hint"]) for s in data["step"])
    return Exercise(KIND_COMPASSION_BREAK, data["title"], data["intro"], fields, extra=data["soothing_touch"])


def kind_letter() -> Exercise:
    data = content.load("exercises")["kind_letter"]
    hints = "\n".join(f"• {hint}" for hint in data["hints"])
    field = ExerciseField(LETTER_FIELD_ID, "Your letter", hints)
    return Exercise(KIND_KIND_LETTER, data["title"], data["intro"], (field,))


def exercise_for(kind: str) -> Exercise:
    builders = {KIND_INNER_CRITIC: inner_critic, KIND_COMPASSION_BREAK: compassion_break, KIND_KIND_LETTER: kind_letter}
    return builders[kind]()
