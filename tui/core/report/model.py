"""The session report as data: a title, a date range and sections of plain lines.

Built from :class:`ReportInputs` (what the store found in the range), so the
same report renders to Markdown and to HTML. Every stored text is made
visible here (:func:`tui.core.safe_text.visible_text`); escaping for a format
is the renderer's job. Nothing is invented: a part with no data says so in
plain words, and homework says "No homework plan recorded" only when there
are no assignments at all.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from tui.core.mood_stats import days_between, summarize
from tui.core.safe_text import visible_text
from tui.core.sparkline import level_for, score_text

BLOCKS = "▁▂▃▄▅▆▇█"
NO_DATA_MARK = "·"
DEFAULT_DAYS = 14


@dataclass(frozen=True)
class SelfCareLine:
    """One self-care routine: its name and how it went in the range ("3 of 5")."""

    name: str
    done: int
    target: int


@dataclass(frozen=True)
class QuestionnaireLine:
    """One questionnaire result in the range."""

    day: date
    title: str
    total: float


@dataclass(frozen=True)
class HomeworkLine:
    """One homework assignment: how often it was practised, and its review answers."""

    title: str
    done: int
    target: int
    review_answers: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class JournalLine:
    """One journal entry (only with --include-journal)."""

    day: date
    title: str
    body: str


@dataclass(frozen=True)
class ReportInputs:
    """Everything the store found between ``start`` and ``end`` (both included)."""

    start: date
    end: date
    daily_mood: dict[date, float] = field(default_factory=dict)
    breathing_seconds: float = 0.0
    breathing_sessions: int = 0
    meditation_seconds: float = 0.0
    meditation_sessions: int = 0
    selfcare: tuple[SelfCareLine, ...] = ()
    reflections: int = 0
    questionnaires: tuple[QuestionnaireLine, ...] = ()
    homework: tuple[HomeworkLine, ...] = ()
    homework_recorded: int = 0  # assignments stored at all (0: truly no plan)
    journal: tuple[JournalLine, ...] | None = None  # None: not asked for


@dataclass(frozen=True)
class Section:
    """A titled part of the report: plain lines, and optional (term, detail) rows."""

    key: str
    title: str
    lines: tuple[str, ...] = ()
    rows: tuple[tuple[str, str], ...] = ()
    body: tuple[tuple[str, str], ...] = ()  # (heading, multi-line text): journal entries


@dataclass(frozen=True)
class Report:
    """The whole report: title, range, the daily mood values (for a chart) and sections."""

    title: str
    start: date
    end: date
    mood_values: tuple[float | None, ...]
    sections: tuple[Section, ...]

    def section(self, key: str) -> Section | None:
        return next((section for section in self.sections if section.key == key), None)


def mood_sparkline(values: Sequence[float | None]) -> str:
    """One block per day on the fixed 1-10 scale; a faint dot for a day without a check-in."""
    return "".join(NO_DATA_MARK if value is None else BLOCKS[level_for(value) - 1] for value in values)


def minutes_text(seconds: float) -> str:
    """Whole minutes as people say them: "0 minutes", "1 minute", "25 minutes"."""
    minutes = round(seconds / 60)
    return f"{minutes} minute" if minutes == 1 else f"{minutes} minutes"


def sessions_text(count: int) -> str:
    return f"{count} session" if count == 1 else f"{count} sessions"


def _mood_section(values: Sequence[float | None]) -> Section:
    summary = summarize(values)
    if summary.mean is None or summary.minimum is None or summary.maximum is None:
        return Section("mood", "Mood", ("No check-ins in these days.",))
    lines = (
        f"Sparkline (one mark per day, · for no check-in): {mood_sparkline(values)}",
        f"Average {score_text(summary.mean)} out of 10, from {score_text(summary.minimum)} "
        f"to {score_text(summary.maximum)}, on {summary.days_with_data} of {summary.days} days.",
    )
    return Section("mood", "Mood", lines)


def _practice_section(inputs: ReportInputs) -> Section:
    rows = (
        (
            "Breathing",
            f"{minutes_text(inputs.breathing_seconds)} in {sessions_text(inputs.breathing_sessions)}",
        ),
        (
            "Meditation",
            f"{minutes_text(inputs.meditation_seconds)} in {sessions_text(inputs.meditation_sessions)}",
        ),
    )
    return Section("practice", "Breathing and meditation", rows=rows)


def _selfcare_section(lines: Sequence[SelfCareLine]) -> Section:
    if not lines:
        return Section("selfcare", "Self-care", ("No self-care routines on the list.",))
    rows = tuple((visible_text(line.name), f"{line.done} of {max(line.target, line.done)}") for line in lines)
    return Section("selfcare", "Self-care", rows=rows)


def _reflection_section(inputs: ReportInputs) -> Section:
    count = inputs.reflections
    reflections = "No reflections" if count == 0 else f"{count} reflection" + ("" if count == 1 else "s")
    rows = tuple(
        (f"{line.day.isoformat()} {visible_text(line.title)}", f"total {score_text(line.total)}")
        for line in inputs.questionnaires
    )
    lines = (f"{reflections} written.",) + (() if rows else ("No questionnaires taken.",))
    return Section("reflections", "Reflections and questionnaires", lines, rows)


def _homework_section(inputs: ReportInputs) -> Section:
    if inputs.homework_recorded == 0:
        return Section("homework", "Homework", ("No homework plan recorded.",))
    if not inputs.homework:
        count = inputs.homework_recorded
        plural = "assignment is" if count == 1 else "assignments are"
        return Section("homework", "Homework", (f"{count} homework {plural} recorded; none was active in these days.",))
    rows: list[tuple[str, str]] = []
    body: list[tuple[str, str]] = []
    for line in inputs.homework:
        title = visible_text(line.title)
        rows.append((title, f"{line.done} of {max(line.target, line.done)}"))
        for question, answer in line.review_answers:
            body.append((f"{title}: {visible_text(question)}", visible_text(answer, keep_newlines=True)))
    return Section("homework", "Homework", rows=tuple(rows), body=tuple(body))


def _journal_section(entries: Sequence[JournalLine]) -> Section:
    if not entries:
        return Section("journal", "Journal", ("No journal entries in these days.",))
    body = tuple(
        (
            f"{entry.day.isoformat()} {visible_text(entry.title)}".rstrip(),
            visible_text(entry.body, keep_newlines=True),
        )
        for entry in entries
    )
    return Section("journal", "Journal", body=body)


def build_report(inputs: ReportInputs) -> Report:
    """The report's sections, in the order a session goes: mood, homework, practice, the rest."""
    values = tuple(inputs.daily_mood.get(day) for day in days_between(inputs.start, inputs.end))
    sections = [
        _mood_section(values),
        _homework_section(inputs),
        _practice_section(inputs),
        _selfcare_section(inputs.selfcare),
        _reflection_section(inputs),
    ]
    if inputs.journal is not None:
        sections.append(_journal_section(inputs.journal))
    title = f"Heartwork session report: {inputs.start.isoformat()} to {inputs.end.isoformat()}"
    return Report(title, inputs.start, inputs.end, values, tuple(sections))
