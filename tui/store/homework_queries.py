"""Read-only: gather the records homework detection needs from the store."""

from __future__ import annotations

from datetime import date, datetime, tzinfo
from typing import Any

from tui.core.homework.assignment import Assignment
from tui.core.homework.detection import PracticeRecords, done_days_all
from tui.core.homework.progress import TodaySummary, first_weekday, today_summary
from tui.store.affirmation_practice_repository import AffirmationPracticeRepository
from tui.store.breathing_repository import BreathingSessionRepository
from tui.store.checkin_repository import CheckinRepository
from tui.store.homework_repository import HomeworkRepository, HomeworkTickRepository
from tui.store.journal_repository import JournalRepository
from tui.store.meditation_repository import MeditationSessionRepository
from tui.store.questionnaire_repository import QuestionnaireRepository
from tui.store.selfcare_repository import SelfCareTickRepository
from tui.store.store import Store


def practice_records(store: Store) -> PracticeRecords:
    """Every record that can fulfil homework, as core objects."""
    return PracticeRecords(
        breathing=tuple(store.repo(BreathingSessionRepository).all()),
        meditation=tuple(store.repo(MeditationSessionRepository).all()),
        journal=tuple(store.repo(JournalRepository).all()),
        selfcare=tuple(store.repo(SelfCareTickRepository).all()),
        affirmation_days=store.repo(AffirmationPracticeRepository).counts(),
        questionnaires=tuple(store.repo(QuestionnaireRepository).all()),
        ticks=tuple(store.repo(HomeworkTickRepository).all()),
    )


def checkin_documents(store: Store) -> list[dict[str, Any]]:
    """Check-ins as plain documents (what the mood comparison reads)."""
    repo = store.repo(CheckinRepository)
    return [repo.to_document(checkin) for checkin in repo.all()]


def homework_done_days(store: Store, tz: tzinfo | None) -> tuple[list[Assignment], dict[str, set[date]]]:
    """Every assignment (active first) and the local days each was practised."""
    assignments = store.repo(HomeworkRepository).ordered()
    if not assignments:
        return assignments, {}  # nothing to detect: the practice records (every session, entry, tick) stay unread
    return assignments, done_days_all(assignments, practice_records(store), tz)


def homework_today(store: Store, now: datetime, week_start: str = "monday") -> TodaySummary:
    """Today's homework: how many are asked for and how many already have practice."""
    assignments, done = homework_done_days(store, now.tzinfo)
    return today_summary(assignments, done, now.date(), first_weekday(week_start))
