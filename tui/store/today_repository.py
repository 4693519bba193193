"""Read a day's overview straight from the tables (cheap: no dataclass building).

Each table is folded into the figures of the day asked about once per version
of its documents (issue 12.4): Home asks for today on every change it hears
of, and a scan of thirty years of records each time would grow with the years.
Only that day's figures are kept, not every day's (issue 12.3: memory).
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
    """One database's figures for the day asked about, table by table, kept with the documents they came from.

    Only the day asked about is kept (Home asks about today): one scan per
    version of a table's documents, and per new day, and no figures held for
    the thousands of other days (issue 12.3).
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()  # the opening worker builds it; the UI thread reads it
        self._built: dict[str, tuple[dict[str, Any], str, tuple[int, float]]] = {}

    def figures(self, database: Database, name: str, day: str) -> tuple[bool, tuple[int, float]]:
        """(any readable record at all, the table's (count, total) for ``day``, "YYYY-MM-DD")."""
        documents = database.readable_table(name)
        with self._lock:
            built = self._built.get(name)
            if built is None or built[0] is not documents or built[1] != day:  # every write makes a new table dict
                built = (documents, day, _fold(documents, FOLDS[name], day))
                self._built[name] = built
        return bool(documents), built[2]


def _fold(
    documents: dict[str, Any], fold: Callable[[dict[str, Any]], tuple[str, float] | None], wanted: str
) -> tuple[int, float]:
    count, total = 0, 0.0
    for doc in documents.values():
        found = fold(doc)
        if found is None or found[0] != wanted:
            continue
        count, total = count + 1, total + found[1]
    return count, total


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
        present, figures = index.figures(database, name, prefix)
        anything = anything or present
        found[name] = figures
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
