"""A homework plan file a therapist can write (TOML), read into assignments, or refused with where and why.

The file (see the README's "A plan file from your therapist")::

    agreed = "Agreed with Dr. Rivera on 2 March"   # optional, for every assignment

    [[assignment]]
    id = "box"                 # optional: a name unique in the file
    kind = "breathing"         # breathing, meditation, journal, affirmation, selfcare, questionnaire, free-text
    title = "Box breathing before work"
    target = "box"             # a pattern, guide, journal kind, self-care item or questionnaire id
    frequency = "daily"        # daily, weekdays (with days = ["mon", "thu"]), times-a-week (with times = 3)
    minutes = 5                # breathing and meditation only
    focus = "Slow the out-breath"
    start = 2026-03-02
    review = 2026-03-16

Every assignment gets a stable id from the file: from its ``id`` when given,
else from its content, so importing the same file again adds nothing. A
problem raises :class:`PlanProblem` naming the line and the field; then
nothing from the file is used.
"""

from __future__ import annotations

import re
import tomllib
import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from tui.core.homework.assignment import (
    DAILY,
    FREQUENCIES,
    KIND_FREE_TEXT,
    KIND_TITLES,
    KINDS,
    TIMED_KINDS,
    TIMES_A_WEEK,
    WEEKDAYS,
    Assignment,
    Frequency,
)

_NAMESPACE = uuid.UUID("0c2f7a61-3b9e-4d58-a6f4-1e7b9d3c5a82")
DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
MAX_TEXT = 500
MAX_MINUTES = 180
TOP_FIELDS = frozenset({"agreed", "assignment"})
FIELDS = frozenset(
    {"id", "kind", "title", "target", "frequency", "days", "times", "minutes", "focus", "start", "review", "agreed"}
)
_TOML_LINE = re.compile(r"at line (\d+)")
_HEADER = re.compile(r"^\s*\[\[\s*assignment\s*\]\]")


class PlanProblem(ValueError):
    """Why a plan file cannot be used: ``line N, field F: what is wrong``."""


@dataclass(frozen=True)
class PlannedAssignment:
    """One assignment read from the file, with the file line it starts on."""

    assignment: Assignment
    line: int
    id_line: int  # where its ``id`` is written (its header line when it has none)


class _Lines:
    """Finds the line of an assignment's header or field in the file's text (tomllib keeps no positions)."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.headers = [n for n, line in enumerate(self.lines) if _HEADER.match(line)]

    def of(self, index: int, name: str | None = None) -> int:
        if index >= len(self.headers):
            return 1
        first = self.headers[index]
        last = self.headers[index + 1] if index + 1 < len(self.headers) else len(self.lines)
        if name is not None:
            wanted = re.compile(rf"^\s*{re.escape(name)}\s*=")
            for n in range(first + 1, last):
                if wanted.match(self.lines[n]):
                    return n + 1
        return first + 1

    def top(self, name: str) -> int:
        wanted = re.compile(rf"^\s*{re.escape(name)}\s*=")
        return next((n + 1 for n, line in enumerate(self.lines) if wanted.match(line)), 1)


def _problem(line: int, field: str, message: str) -> PlanProblem:
    return PlanProblem(f"line {line}, field {field!r}: {message}")


def _text(value: Any, line: int, field: str, *, required: bool = False) -> str:
    if value is None:
        if required:
            raise _problem(line, field, "is missing")
        return ""
    if not isinstance(value, str):
        raise _problem(line, field, "should be text in quotes")
    cleaned = value.strip()
    if required and not cleaned:
        raise _problem(line, field, "is empty")
    if len(cleaned) > MAX_TEXT:
        raise _problem(line, field, f"is longer than {MAX_TEXT} characters")
    return cleaned


def _day(value: Any, line: int, field: str) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip()).isoformat()
        except ValueError:
            pass
    raise _problem(line, field, "should be a date like 2026-03-02")


def _whole(value: Any, line: int, field: str, low: int, high: int) -> int:
    if type(value) is not int or not low <= value <= high:
        raise _problem(line, field, f"should be a whole number from {low} to {high}")
    return value


def _frequency(table: dict[str, Any], at: _Lines, index: int) -> Frequency:
    how = table.get("frequency", DAILY)
    line = at.of(index, "frequency")
    if how not in FREQUENCIES:
        raise _problem(line, "frequency", f"should be one of {', '.join(FREQUENCIES)}")
    if how == WEEKDAYS:
        days = table.get("days")
        day_line = at.of(index, "days")
        if not isinstance(days, list) or not days:
            raise _problem(day_line, "days", 'should list the days, like ["mon", "thu"]')
        numbers = []
        for name in days:
            if not isinstance(name, str) or name.strip().lower()[:3] not in DAY_NAMES:
                raise _problem(day_line, "days", f"{name!r} is not a day (mon, tue, wed, thu, fri, sat, sun)")
            numbers.append(DAY_NAMES.index(name.strip().lower()[:3]))
        return Frequency(WEEKDAYS, tuple(sorted(set(numbers))))
    if how == TIMES_A_WEEK:
        return Frequency(TIMES_A_WEEK, times=_whole(table.get("times"), at.of(index, "times"), "times", 1, 7))
    return Frequency(DAILY)


def stable_id(table: dict[str, Any], given: str) -> str:
    """The assignment's id: from its ``id`` in the file, else from everything it says."""
    content = "content:" + repr(sorted((name, repr(value)) for name, value in table.items()))
    return str(uuid.uuid5(_NAMESPACE, f"id:{given}" if given else content))


def _assignment(table: Any, at: _Lines, index: int, agreed: str) -> PlannedAssignment:
    line = at.of(index)
    if not isinstance(table, dict):
        raise _problem(line, "assignment", "should be a [[assignment]] table")
    for name in table:
        if name not in FIELDS:
            raise _problem(at.of(index, name), name, f"is not a known field ({', '.join(sorted(FIELDS))})")
    kind = table.get("kind")
    if kind not in KINDS:
        raise _problem(at.of(index, "kind"), "kind", f"should be one of {', '.join(KINDS)}")
    title = _text(table.get("title"), at.of(index, "title"), "title", required=kind == KIND_FREE_TEXT)
    minutes = 0
    if "minutes" in table:
        if kind not in TIMED_KINDS:
            raise _problem(at.of(index, "minutes"), "minutes", "applies only to breathing and meditation")
        minutes = _whole(table["minutes"], at.of(index, "minutes"), "minutes", 1, MAX_MINUTES)
    start = _day(table.get("start"), at.of(index, "start"), "start")
    review = _day(table.get("review"), at.of(index, "review"), "review")
    if start and review and review < start:
        raise _problem(at.of(index, "review"), "review", f"comes before the start ({start})")
    given = _text(table.get("id"), at.of(index, "id"), "id")
    assignment = Assignment(
        id=stable_id(table, given),
        kind=kind,
        title=title,
        target=_text(table.get("target"), at.of(index, "target"), "target"),
        frequency=_frequency(table, at, index),
        minutes=minutes,
        focus=_text(table.get("focus"), at.of(index, "focus"), "focus"),
        start=start,
        review=review,
        agreed=_text(table.get("agreed"), at.of(index, "agreed"), "agreed") or agreed,
        source="plan file",
    )
    return PlannedAssignment(assignment, line, at.of(index, "id"))


def parse_plan(text: str) -> list[PlannedAssignment]:
    """Every assignment in a plan file's ``text``; :class:`PlanProblem` for the first thing wrong."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        found = _TOML_LINE.search(str(error))
        line = found.group(1) if found else "?"
        raise PlanProblem(f"line {line}: this is not valid TOML ({str(error).split(' (at')[0]})") from None
    at = _Lines(text)
    for name in data:
        if name not in TOP_FIELDS:
            raise _problem(at.top(name), name, "is not a known field (agreed, [[assignment]])")
    agreed = _text(data.get("agreed"), at.top("agreed"), "agreed")
    tables = data.get("assignment")
    if not isinstance(tables, list) or not tables:
        raise PlanProblem("line 1, field 'assignment': the file has no [[assignment]]")
    planned = [_assignment(table, at, index, agreed) for index, table in enumerate(tables)]
    seen: dict[str, int] = {}
    for item in planned:
        if item.assignment.id in seen:
            raise _problem(item.id_line, "id", f"the same assignment as on line {seen[item.assignment.id]}")
        seen[item.assignment.id] = item.line
    return planned


def describe(assignment: Assignment) -> str:
    """One line for the preview: title, kind, how often, how long, dates."""
    parts = [KIND_TITLES.get(assignment.kind, assignment.kind), assignment.frequency.describe()]
    if assignment.minutes:
        parts.append(f"{assignment.minutes} minutes")
    if assignment.start:
        parts.append(f"from {assignment.start}")
    if assignment.review:
        parts.append(f"review {assignment.review}")
    title = assignment.title or KIND_TITLES.get(assignment.kind, assignment.kind)
    return f"{title}: {', '.join(parts)}"
