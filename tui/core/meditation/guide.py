"""A guide: a title, a purpose line, a safety note and ordered timed steps.

Guides arrive as plain data (parsed TOML, built-in or the person's own);
:func:`parse_guide` checks every field and raises :class:`GuideError` naming
the file, the line when it is known, and the problem in plain words.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from tui.core.timed_steps import TimedSteps

MAX_STEPS = 500
MAX_STEP_SECONDS = 3600.0
MAX_TEXT_CHARS = 600
MAX_TITLE_CHARS = 80
ID_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-_")

# Given a step's number (0-based) and a key, the line of that key in the step (or of the
# step's ``[[steps]]`` header when the key is not there), when known.
StepLines = Callable[[int, str], int | None]


class GuideError(ValueError):
    """A guide that cannot be used: which file, which line (if known), what is wrong."""

    def __init__(self, source: str, problem: str, line: int | None = None) -> None:
        self.source = source
        self.problem = problem
        self.line = line
        where = f"{source}, line {line}" if line is not None else source
        super().__init__(f"{where}: {problem}")


@dataclass(frozen=True)
class GuideStep:
    """One instruction and how long to stay with it; ``section`` starts a new part when set."""

    text: str
    seconds: float
    section: str = ""


@dataclass(frozen=True)
class Guide:
    """A whole guide, ready to play."""

    id: str
    title: str
    purpose: str
    safety: str
    steps: tuple[GuideStep, ...]
    stated_minutes: float | None = None
    source: str = "built-in"

    @property
    def total_seconds(self) -> float:
        return sum(step.seconds for step in self.steps)

    @property
    def schedule(self) -> TimedSteps:
        """The same schedule of timed steps the breathing timer uses."""
        return TimedSteps(tuple(step.seconds for step in self.steps))

    @property
    def minutes_text(self) -> str:
        """About how long, in words: "5 min"."""
        minutes = max(1, round(self.total_seconds / 60))
        return f"{minutes} min"

    def section_of(self, index: int) -> str:
        """The heading in force at step ``index`` (the nearest one at or before it)."""
        for step in reversed(self.steps[: index + 1]):
            if step.section:
                return step.section
        return ""


def _no_line(_: int, __: str) -> int | None:
    return None


def _text(data: Mapping[str, Any], key: str, source: str, line: int | None, limit: int, required: bool = True) -> str:
    value = data.get(key)
    if value is None:
        if required:
            raise GuideError(source, f"'{key}' is missing", line)
        return ""
    if not isinstance(value, str):
        raise GuideError(source, f"'{key}' should be text in quotes", line)
    value = " ".join(value.split())
    if required and not value:
        raise GuideError(source, f"'{key}' is empty", line)
    if len(value) > limit:
        raise GuideError(source, f"'{key}' is longer than {limit} characters", line)
    return value


def _seconds(value: Any, source: str, line: int | None) -> float:
    if value is None:
        raise GuideError(source, "'seconds' is missing", line)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise GuideError(source, "'seconds' should be a number, like 30", line)
    if value <= 0:
        raise GuideError(source, f"'seconds' must be more than 0, not {value}", line)
    if value > MAX_STEP_SECONDS:
        raise GuideError(source, f"'seconds' can be at most {MAX_STEP_SECONDS:.0f} (an hour)", line)
    return float(value)


def parse_guide(data: Mapping[str, Any], source: str, step_lines: StepLines = _no_line) -> Guide:
    """Check a parsed guide file; raises GuideError with the first problem found."""
    guide_id = _text(data, "id", source, None, 60)
    if not set(guide_id) <= ID_CHARACTERS:
        raise GuideError(source, "'id' may use only lower-case letters, digits, '-' and '_'")
    title = _text(data, "title", source, None, MAX_TITLE_CHARS)
    purpose = _text(data, "purpose", source, None, MAX_TEXT_CHARS)
    safety = _text(data, "safety", source, None, MAX_TEXT_CHARS)
    raw_steps = data.get("steps")
    if raw_steps is None:
        raise GuideError(source, "there are no steps: add [[steps]] tables with 'text' and 'seconds'")
    if not isinstance(raw_steps, Sequence) or isinstance(raw_steps, str):
        raise GuideError(source, "'steps' should be a list of [[steps]] tables")
    if not raw_steps:
        raise GuideError(source, "the list of steps is empty")
    if len(raw_steps) > MAX_STEPS:
        raise GuideError(source, f"a guide can have at most {MAX_STEPS} steps")
    steps: list[GuideStep] = []
    for number, raw in enumerate(raw_steps):
        if not isinstance(raw, Mapping):
            raise GuideError(source, f"step {number + 1} should be a [[steps]] table", step_lines(number, ""))
        steps.append(
            GuideStep(
                text=_text(raw, "text", source, step_lines(number, "text"), MAX_TEXT_CHARS),
                seconds=_seconds(raw.get("seconds"), source, step_lines(number, "seconds")),
                section=_text(raw, "section", source, step_lines(number, "section"), MAX_TITLE_CHARS, required=False),
            )
        )
    guide = Guide(guide_id, title, purpose, safety, tuple(steps), source=source)
    minutes = data.get("minutes")
    if minutes is not None:
        if isinstance(minutes, bool) or not isinstance(minutes, (int, float)) or minutes <= 0:
            raise GuideError(source, "'minutes' should be a number above 0, like 5")
        if abs(guide.total_seconds - minutes * 60) > 0.5:
            raise GuideError(
                source,
                f"the steps add up to {guide.total_seconds:g} seconds, not the {minutes:g} minutes stated",
            )
        guide = Guide(guide_id, title, purpose, safety, tuple(steps), float(minutes), source)
    return guide


def find_guide(name: str, guides: Sequence[Guide]) -> Guide | None:
    """A guide by id or by title, ignoring case and surrounding spaces."""
    wanted = name.strip().casefold()
    for guide in guides:
        if guide.id.casefold() == wanted:
            return guide
    for guide in guides:
        if guide.title.casefold() == wanted:
            return guide
    return None
