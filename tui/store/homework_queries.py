"""Read-only: gather the records homework detection needs from the store.

Detection walks every session, entry and tick ever kept, and Home asks for
today's homework on every change it hears of; so the days found are kept per
version of the data (the same stored data object and write count) and time
zone, as the homework effects are (issue 12.3: each walk left megabytes behind,
and took a tenth of a second at ten years).
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Collection
from datetime import date, datetime, tzinfo
from typing import TYPE_CHECKING, Any

from tui.core.homework.assignment import (
    KIND_AFFIRMATION,
    KIND_BREATHING,
    KIND_FREE_TEXT,
    KIND_JOURNAL,
    KIND_MEDITATION,
    KIND_QUESTIONNAIRE,
    KIND_SELFCARE,
    Assignment,
)
from tui.core.homework.detection import PracticeRecords, done_days_all
from tui.core.homework.progress import TodaySummary, first_weekday, today_summary
from tui.store.affirmation_practice_repository import AffirmationPracticeRepository
from tui.store.breathing_repository import BreathingSessionRepository
from tui.store.checkin_repository import CheckinRepository
from tui.store.free_memory import give_back_memory
from tui.store.homework_repository import HomeworkRepository, HomeworkTickRepository
from tui.store.journal_repository import JournalRepository
from tui.store.meditation_repository import MeditationSessionRepository
from tui.store.questionnaire_repository import QuestionnaireRepository
from tui.store.selfcare_repository import SelfCareTickRepository
from tui.store.store import Store

if TYPE_CHECKING:
    from tui.store.database import Database

_Found = dict[str, set[date]]
_kept: weakref.WeakKeyDictionary[Database, tuple[object, object, tzinfo | None, _Found]] = weakref.WeakKeyDictionary()
_kept_lock = threading.Lock()


def practice_records(store: Store, kinds: Collection[str] | None = None) -> PracticeRecords:
    """Every record that can fulfil homework, as core objects.

    With ``kinds`` (assignment kinds), only the records those kinds are found
    in: each kind reads one sort of record, so the rest is never built.
    """

    def wanted(kind: str) -> bool:
        return kinds is None or kind in kinds

    def each(repository: Any, kind: str) -> tuple[Any, ...]:
        return tuple(store.repo(repository).all()) if wanted(kind) else ()

    return PracticeRecords(
        breathing=each(BreathingSessionRepository, KIND_BREATHING),
        meditation=each(MeditationSessionRepository, KIND_MEDITATION),
        journal=each(JournalRepository, KIND_JOURNAL),
        selfcare=each(SelfCareTickRepository, KIND_SELFCARE),
        affirmation_days=store.repo(AffirmationPracticeRepository).counts() if wanted(KIND_AFFIRMATION) else {},
        questionnaires=each(QuestionnaireRepository, KIND_QUESTIONNAIRE),
        ticks=each(HomeworkTickRepository, KIND_FREE_TEXT),
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
    database = store.database
    data = database.storage.read()
    writes = getattr(database.storage, "writes", None)
    with _kept_lock:
        kept = _kept.get(database)
        if kept is not None and kept[0] is data and kept[1] == writes and kept[2] == tz:
            return assignments, _copy(kept[3])
    found = done_days_all(assignments, practice_records(store, {a.kind for a in assignments}), tz)
    give_back_memory()  # the walk over every record: hand the heap pages it freed back
    with _kept_lock:
        _kept[database] = (data, writes, tz, found)
    return assignments, _copy(found)


def _copy(found: _Found) -> _Found:
    """A copy the caller may change without changing what is kept."""
    return {assignment_id: set(days) for assignment_id, days in found.items()}


def homework_today(store: Store, now: datetime, week_start: str = "monday") -> TodaySummary:
    """Today's homework: how many are asked for and how many already have practice."""
    assignments, done = homework_done_days(store, now.tzinfo)
    return today_summary(assignments, done, now.date(), first_weekday(week_start))
