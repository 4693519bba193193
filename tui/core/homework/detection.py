"""Which local calendar days fulfil an assignment, read from records the person already made.

Nothing is entered twice: a breathing or meditation session long enough (an
early-ended one counts when it still reached the minutes asked), a journal
entry of the asked kind or prompt topic, a self-care item ticked done or
partly, an affirmation said, a questionnaire filled in. Only free-text tasks
are ticked by hand. A record counts on its own day (back-dated entries on the
day they are dated); session times are turned into local calendar days with
``tz``, so a week crossing a daylight-saving change still has seven days.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo

from tui.core.breathing.session import BreathingRecord
from tui.core.homework.assignment import (
    KIND_AFFIRMATION,
    KIND_BREATHING,
    KIND_FREE_TEXT,
    KIND_JOURNAL,
    KIND_MEDITATION,
    KIND_QUESTIONNAIRE,
    KIND_SELFCARE,
    Assignment,
    HomeworkTick,
)
from tui.core.journal import JournalEntry
from tui.core.meditation.session import MeditationRecord
from tui.core.questionnaire import QuestionnaireResult
from tui.core.selfcare import SelfCareTick

COUNTED_SELFCARE_STATES = frozenset({"done", "partly"})  # resting is looking after yourself too, but not this item


@dataclass(frozen=True)
class PracticeRecords:
    """Everything detection reads, as core objects (the store fills it)."""

    breathing: tuple[BreathingRecord, ...] = ()
    meditation: tuple[MeditationRecord, ...] = ()
    journal: tuple[JournalEntry, ...] = ()
    selfcare: tuple[SelfCareTick, ...] = ()
    affirmation_days: Mapping[str, int] = field(default_factory=dict)
    questionnaires: tuple[QuestionnaireResult, ...] = ()
    ticks: tuple[HomeworkTick, ...] = ()


def local_day(moment: datetime, tz: tzinfo | None = None) -> date:
    """The calendar day of ``moment`` where the person is (naive times are taken as local already)."""
    if moment.tzinfo is None:
        return moment.date()
    return moment.astimezone(tz).date()


def _iso_day(text: str, tz: tzinfo | None) -> date | None:
    try:
        moment = datetime.fromisoformat(text)
    except (TypeError, ValueError):
        return None
    return local_day(moment, tz)


def long_enough(actual_seconds: float, minutes: int) -> bool:
    """True when a session lasted the minutes asked (any length when none were asked).

    Half a second of slack absorbs timer rounding; a session ended early counts
    when it still reached the minutes, never otherwise.
    """
    return actual_seconds > 0 and actual_seconds + 0.5 >= minutes * 60


def _journal_fits(entry: JournalEntry, target: str) -> bool:
    if not target:
        return True
    prompt = entry.prompt_id or ""
    return target in (entry.kind, prompt) or prompt.startswith((f"{target}-", f"{target}:"))


def done_days(assignment: Assignment, records: PracticeRecords, tz: tzinfo | None = None) -> set[date]:
    """Every day (from the start date on) with practice that fulfils ``assignment``."""
    days = _candidate_days(assignment, records, tz)
    start = assignment.start_day()
    return {day for day in days if start is None or day >= start}


def _candidate_days(assignment: Assignment, records: PracticeRecords, tz: tzinfo | None) -> set[date]:
    target = assignment.target
    if assignment.kind == KIND_BREATHING:
        return {
            local_day(s.started_at, tz)
            for s in records.breathing
            if (not target or s.pattern_key == target) and long_enough(s.actual_seconds, assignment.minutes)
        }
    if assignment.kind == KIND_MEDITATION:
        return {
            local_day(s.started_at, tz)
            for s in records.meditation
            if (not target or s.guide_id == target) and long_enough(s.actual_seconds, assignment.minutes)
        }
    if assignment.kind == KIND_JOURNAL:
        return {day for e in records.journal if _journal_fits(e, target) and (day := _day(e.entry_date)) is not None}
    if assignment.kind == KIND_SELFCARE:
        return {
            day
            for t in records.selfcare
            if t.item_id == target and t.state in COUNTED_SELFCARE_STATES and (day := _day(t.day)) is not None
        }
    if assignment.kind == KIND_AFFIRMATION:
        return {day for text, count in records.affirmation_days.items() if count > 0 and (day := _day(text))}
    if assignment.kind == KIND_QUESTIONNAIRE:
        return {
            day
            for r in records.questionnaires
            if (not target or r.questionnaire_id == target) and (day := _iso_day(r.at, tz)) is not None
        }
    if assignment.kind == KIND_FREE_TEXT:
        return {day for t in records.ticks if t.assignment_id == assignment.id and (day := _day(t.day)) is not None}
    return set()


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text[:10])
    except (TypeError, ValueError):
        return None


def done_days_all(
    assignments: Iterable[Assignment], records: PracticeRecords, tz: tzinfo | None = None
) -> dict[str, set[date]]:
    """``done_days`` for each assignment, by id."""
    return {a.id: done_days(a, records, tz) for a in assignments}
