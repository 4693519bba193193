"""The three guided exercises: their steps (from content) and how a filled one becomes an entry.

Each exercise is a short form. When it is saved, the answers are kept in the
entry's ``fields`` (so they can be read back one by one) and also written out
as plain, readable text in the body (so search and export show them).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from tui.core.journal import (
    KIND_COMPASSION_BREAK,
    KIND_KIND_LETTER,
    JournalEntry,
)

BELIEF_MIN = 0
BELIEF_MAX = 100


@dataclass(frozen=True)
class ExerciseField:
    """One question of an exercise."""

    id: str
    label: str
    hint: str
    kind: str = "text"  # "text" | "belief"


@dataclass(frozen=True)
class Exercise:
    """A guided exercise: its title, a short introduction and its questions."""

    kind: str
    title: str
    intro: str
    fields: tuple[ExerciseField, ...]
    extra: str = ""  # soothing-touch reminder, or letter hints


LETTER_FIELD_ID = "letter"
SOOTHING_FIELD_ID = "soothing-touch"


def parse_belief(text: str) -> int | None:
    """A belief rating 0-100 from what was typed (blank is None); ValueError with a kind message."""
    cleaned = text.strip().rstrip("%").strip()
    if not cleaned:
        return None
    try:
        value = int(cleaned)
    except ValueError:
        raise ValueError(f"Please use a whole number from {BELIEF_MIN} to {BELIEF_MAX}.") from None
    if not BELIEF_MIN <= value <= BELIEF_MAX:
        raise ValueError(f"Please use a number from {BELIEF_MIN} to {BELIEF_MAX}.")
    return value


def validate_answers(exercise: Exercise, answers: dict[str, str]) -> dict[str, str]:
    """Problems by field id (empty when the answers can be saved)."""
    problems: dict[str, str] = {}
    for question in exercise.fields:
        if question.kind == "belief":
            try:
                parse_belief(answers.get(question.id, ""))
            except ValueError as error:
                problems[question.id] = str(error)
    return problems


def readable_body(exercise: Exercise, fields: dict[str, Any]) -> str:
    """The answers as plain text, one labelled paragraph per answered question."""
    if exercise.kind == KIND_KIND_LETTER:
        return str(fields.get(LETTER_FIELD_ID, "")).strip()
    parts: list[str] = []
    for question in exercise.fields:
        value = fields.get(question.id)
        if value is None or str(value).strip() == "":
            continue
        shown = f"{value} / {BELIEF_MAX}" if question.kind == "belief" else str(value).strip()
        parts.append(f"{question.label}\n{shown}")
    if exercise.kind == KIND_COMPASSION_BREAK and fields.get(SOOTHING_FIELD_ID):
        parts.append("I offered myself a soothing touch.")
    return "\n\n".join(parts)


def answers_to_fields(exercise: Exercise, answers: dict[str, str]) -> dict[str, Any]:
    """Typed answers turned into stored values (beliefs as int or None, text trimmed)."""
    fields: dict[str, Any] = {}
    for question in exercise.fields:
        raw = answers.get(question.id, "")
        fields[question.id] = parse_belief(raw) if question.kind == "belief" else raw.strip()
    if exercise.kind == KIND_COMPASSION_BREAK:
        fields[SOOTHING_FIELD_ID] = str(answers.get(SOOTHING_FIELD_ID, "")).lower() in ("1", "true", "yes")
    return fields


def to_entry(
    exercise: Exercise,
    answers: dict[str, str],
    now: datetime,
    *,
    entry_date: date | None = None,
    title: str = "",
    tags: list[str] | None = None,
    existing: JournalEntry | None = None,
) -> JournalEntry:
    """A journal entry of the exercise's kind; raises ValueError if a belief is out of range."""
    fields = answers_to_fields(exercise, answers)
    body = readable_body(exercise, fields)
    if existing is not None:
        entry = existing.touched(now)
        entry.title, entry.body, entry.fields = title or existing.title, body, fields
        if entry_date is not None:
            entry.entry_date = entry_date.isoformat()
        if tags is not None:
            entry.tags = list(tags)
        return entry
    return JournalEntry.new(
        now,
        entry_date=entry_date,
        kind=exercise.kind,
        title=title or exercise.title,
        body=body,
        tags=list(tags or []),
        fields=fields,
    )


def answers_from_entry(exercise: Exercise, entry: JournalEntry) -> dict[str, str]:
    """The typed form of an entry's stored answers, to edit it again."""
    answers: dict[str, str] = {}
    for question in exercise.fields:
        value = entry.fields.get(question.id)
        answers[question.id] = "" if value is None else str(value)
    if exercise.kind == KIND_COMPASSION_BREAK:
        answers[SOOTHING_FIELD_ID] = "yes" if entry.fields.get(SOOTHING_FIELD_ID) else ""
    return answers
