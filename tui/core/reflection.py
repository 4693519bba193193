"""Reflections: answers to the look-back questions, one record per day."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from tui.core.ids import new_id

MAX_ANSWER_CHARS = 4000


@dataclass(frozen=True)
class ReflectionQuestion:
    """One of the look-back questions."""

    id: str
    text: str


@dataclass
class Reflection:
    """A day's answers, keyed by question id."""

    day: str  # "YYYY-MM-DD"
    answers: dict[str, str] = field(default_factory=dict)
    created_at: str = ""
    id: str = field(default_factory=new_id)

    @property
    def is_empty(self) -> bool:
        return not any(text.strip() for text in self.answers.values())

    @property
    def date(self) -> date:
        return date.fromisoformat(self.day)


def clean_answers(answers: Mapping[str, Any]) -> dict[str, str]:
    """Answers as trimmed text, capped in length; empty answers are dropped."""
    cleaned: dict[str, str] = {}
    for key, value in answers.items():
        text = str(value).strip()[:MAX_ANSWER_CHARS]
        if text:
            cleaned[str(key)] = text
    return cleaned


def newest_first(reflections: Iterable[Reflection]) -> list[Reflection]:
    """Reflections sorted by day, most recent first."""
    return sorted(reflections, key=lambda reflection: reflection.day, reverse=True)


def excerpt(reflection: Reflection, questions: list[ReflectionQuestion], width: int = 60) -> str:
    """The first answered question's answer on one line, shortened to ``width``."""
    order = [question.id for question in questions] + sorted(reflection.answers)
    for question_id in order:
        text = " ".join(reflection.answers.get(question_id, "").split())
        if text:
            return text if len(text) <= width else text[: max(1, width - 1)].rstrip() + "…"
    return ""
