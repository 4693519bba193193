"""What the session report needs from the store, for a range of days, as :class:`ReportInputs`.

Read-only: it goes through the repositories' normal read paths (records that
cannot be read are set aside there, never shown), one record at a time: only
what falls in the range is kept (issue 12.3). Homework practice is found
the same way the Homework section finds it (:mod:`tui.store.homework_queries`).
"""

from __future__ import annotations

from datetime import date

from tui.core.homework.progress import first_weekday
from tui.core.homework.review import HomeworkReview
from tui.core.report.homework_range import homework_lines
from tui.core.report.model import JournalLine, QuestionnaireLine, ReportInputs, SelfCareLine
from tui.core.report.selfcare_range import range_progress
from tui.core.selfcare_progress import states_by_item
from tui.core.timefmt import day_of
from tui.store.breathing_repository import BreathingSessionRepository
from tui.store.checkin_repository import CheckinRepository
from tui.store.free_memory import give_back_memory
from tui.store.homework_queries import homework_done_days
from tui.store.homework_repository import HomeworkReviewRepository
from tui.store.journal_repository import JournalRepository
from tui.store.meditation_repository import MeditationSessionRepository
from tui.store.questionnaire_repository import QuestionnaireRepository
from tui.store.reflection_repository import ReflectionRepository
from tui.store.selfcare_repository import SelfCareRepository, SelfCareTickRepository
from tui.store.store import Store


def _within(day: date, start: date, end: date) -> bool:
    return start <= day <= end


def _safe_day(text: str) -> date | None:
    try:
        return day_of(text)
    except ValueError:
        return None


def report_inputs(store: Store, start: date, end: date, *, include_journal: bool = False) -> ReportInputs:
    """Everything the report shows from ``start`` to ``end`` (both included)."""
    checkins = [point for point in store.repo(CheckinRepository).iter_points() if _within(point.day, start, end)]
    totals: dict[date, list[int]] = {}
    for point in checkins:
        totals.setdefault(point.day, []).append(point.pleasantness)
    daily_mood = {day: sum(scores) / len(scores) for day, scores in totals.items()}

    breathing = [r for r in store.repo(BreathingSessionRepository).each() if _within(r.started_at.date(), start, end)]
    meditation = [r for r in store.repo(MeditationSessionRepository).each() if _within(r.started_at.date(), start, end)]

    week_start = store.settings.load().week_start
    ticks = store.repo(SelfCareTickRepository).each()
    states = states_by_item((tick.item_id, tick.day, tick.state) for tick in ticks)
    selfcare = []
    for item in store.repo(SelfCareRepository).active_items():
        done, aim = range_progress(item.schedule, states.get(item.id, {}), start, end, week_start)
        selfcare.append(SelfCareLine(item.text, done, aim))

    reflections = 0
    for reflection in store.repo(ReflectionRepository).each():
        day = _safe_day(reflection.day)
        if day is not None and _within(day, start, end) and not reflection.is_empty:
            reflections += 1

    questionnaires = []
    for result in store.repo(QuestionnaireRepository).each():
        day = _safe_day(result.at)
        if day is not None and _within(day, start, end):
            questionnaires.append(QuestionnaireLine(day, result.title, result.total))
    questionnaires.sort(key=lambda line: line.day)

    journal: tuple[JournalLine, ...] | None = None
    if include_journal:
        lines = []
        for entry in store.repo(JournalRepository).each():
            day = _safe_day(entry.entry_date)
            if day is not None and _within(day, start, end):
                lines.append(JournalLine(day, entry.title, entry.body))
        journal = tuple(sorted(lines, key=lambda line: line.day))

    assignments, practised = homework_done_days(store, None)
    reviews: dict[str, list[HomeworkReview]] = {}
    for review in store.repo(HomeworkReviewRepository).all():
        reviews.setdefault(review.assignment_id, []).append(review)
    homework = homework_lines(assignments, practised, reviews, start, end, first_weekday(week_start))

    inputs = ReportInputs(
        start=start,
        end=end,
        daily_mood=daily_mood,
        breathing_seconds=sum(r.actual_seconds for r in breathing),
        breathing_sessions=len(breathing),
        meditation_seconds=sum(r.actual_seconds for r in meditation),
        meditation_sessions=len(meditation),
        selfcare=tuple(selfcare),
        reflections=reflections,
        questionnaires=tuple(questionnaires),
        homework=homework,
        homework_recorded=len(assignments),
        journal=journal,
    )
    give_back_memory()  # a pass over every table: hand the heap pages it freed back to the system
    return inputs
