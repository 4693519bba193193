"""The mood reflection's questions, read from ``reflection_questions.toml``."""

from __future__ import annotations

from tui import content
from tui.core.reflection import ReflectionQuestion


def reflection_questions() -> list[ReflectionQuestion]:
    """The built-in questions, in order."""
    return [ReflectionQuestion(str(q["id"]), str(q["text"])) for q in content.load("reflection_questions")["question"]]
