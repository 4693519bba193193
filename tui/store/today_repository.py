"""Read a day's overview straight from the tables (cheap: no dataclass building).

Each table is folded into per-day figures once per version of its documents
(issue 12.4): Home asks for today on every change it hears of, and a scan of
thirty years of records each time would grow with the years.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable
from datetime import date
from typing import Any

from tui.core.today import DaySummary
from tui.store.database import Database

CHECKINS = "checkins"
BREATHING = "breathing_sessions"
MEDITATION = "meditation_sessions"
JOURNAL = "journal_entries"
SELFCARE_TICKS = "selfcare_ticks"

DayFigures = dict[str, tuple[int, float]]
"""Per day ("YYYY-MM-DD"): how many records count, and the sum of their figure."""


def _checkin(doc: dict[str, Any]) -> tuple[str, float] | None:
    score = doc.get("pleasantness")
    if not isinstance(score, (int, float)):
        return None
    return str(doc.get("at", ""))[:10], float(score)


def _session(doc: dict[str, Any]) -> tuple[str, float] | None:
    try:
        seconds = float(doc.get("actual_seconds", 0) or 0)
    except (TypeError, ValueError):
        seconds = 0.0  # counted as a session all the same
    return str(doc.get("started_at", ""))[:10], seconds


def _journal(doc: dict[str, Any]) -> tuple[str, float] | None:
    return str(doc.get("entry_date", doc.get("created_at", "")))[:10], 0.0


def _tick(doc: dict[str, Any]) -> tuple[str, float] | None:
    if doc.get("state") == "rest":  # resting is not a tick
        return None
    return str(doc.get("day", ""))[:10], 0.0


FOLDS: dict[str, Callable[[dict[str, Any]], tuple[str, float] | None]] = {
    CHECKINS: _checkin,
    BREATHING: _session,
    MEDITATION: _session,
    JOURNAL: _journal,
    SELFCARE_TICKS: _tick,
}


class _DayIndex:
    """One database's per-day figures, table by table, each kept with the documents it was built from."""

    def __init__(self) -> None:
        self._lock = threading.Lock()  # the opening worker builds it; the UI thread reads it
        self._built: dict[str, tuple[dict[str, Any], DayFigures]] = {}

    def figures(self, database: Database, name: str) -> tuple[bool, DayFigures]:
        """(any readable record at all, the table's per-day figures)."""
        documents = database.readable_table(name)
        with self._lock:
            built = self._built.get(name)
            if built is None or built[0] is not documents:  # every write makes a new table dict
                built = (documents, _fold(documents, FOLDS[name]))
                self._built[name] = built
        return bool(documents), built[1]


def _fold(documents: dict[str, Any], fold: Callable[[dict[str, Any]], tuple[str, float] | None]) -> DayFigures:
    figures: DayFigures = {}
    for doc in documents.values():
        found = fold(doc)
        if found is None:
            continue
        day, value = found
        count, total = figures.get(day, (0, 0.0))
        figures[day] = (count + 1, total + value)
    return figures


_INDEXES: weakref.WeakKeyDictionary[Database, _DayIndex] = weakref.WeakKeyDictionary()
_INDEXES_LOCK = threading.Lock()


def _index_of(database: Database) -> _DayIndex:
    with _INDEXES_LOCK:
        index = _INDEXES.get(database)
        if index is None:
            index = _INDEXES[database] = _DayIndex()
        return index


def summarize_day(database: Database, day: date) -> DaySummary:
    """Counts for ``day`` from check-ins, breathing, guided meditation, journal and self-care."""
    prefix = day.isoformat()
    index = _index_of(database)
    anything = False
    found: dict[str, tuple[int, float]] = {}
    for name in FOLDS:
        present, figures = index.figures(database, name)
        anything = anything or present
        found[name] = figures.get(prefix, (0, 0.0))
    checkins, score_total = found[CHECKINS]
    return DaySummary(
        day=day,
        checkins=checkins,
        mood_mean=(score_total / checkins) if checkins else None,
        breathing_seconds=found[BREATHING][1],
        breathing_sessions=found[BREATHING][0],
        meditation_seconds=found[MEDITATION][1],
        meditation_sessions=found[MEDITATION][0],
        journal_entries=found[JOURNAL][0],
        selfcare_done=found[SELFCARE_TICKS][0],
        anything_ever=anything,
    )
