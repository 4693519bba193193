"""Read a day's overview straight from the tables (cheap: no dataclass building)."""

from __future__ import annotations

from datetime import date

from tui.core.today import DaySummary
from tui.store.database import Database

CHECKINS = "checkins"
BREATHING = "breathing_sessions"
MEDITATION = "meditation_sessions"
JOURNAL = "journal_entries"
SELFCARE_TICKS = "selfcare_ticks"


def summarize_day(database: Database, day: date) -> DaySummary:
    """Counts for ``day`` from check-ins, breathing, guided meditation, journal and self-care."""
    prefix = day.isoformat()
    anything = any(database.readable_table(name) for name in (CHECKINS, BREATHING, MEDITATION, JOURNAL, SELFCARE_TICKS))
    scores = [
        doc["pleasantness"]
        for doc in database.readable_table(CHECKINS).values()
        if str(doc.get("at", "")).startswith(prefix) and isinstance(doc.get("pleasantness"), (int, float))
    ]
    breathing = [
        doc for doc in database.readable_table(BREATHING).values() if str(doc.get("started_at", "")).startswith(prefix)
    ]
    meditation = [
        doc for doc in database.readable_table(MEDITATION).values() if str(doc.get("started_at", "")).startswith(prefix)
    ]
    journal = [
        doc
        for doc in database.readable_table(JOURNAL).values()
        if str(doc.get("entry_date", doc.get("created_at", ""))).startswith(prefix)
    ]
    ticks = [
        doc
        for doc in database.readable_table(SELFCARE_TICKS).values()
        if str(doc.get("day", "")).startswith(prefix) and doc.get("state") != "rest"  # resting is not a tick
    ]
    return DaySummary(
        day=day,
        checkins=len(scores),
        mood_mean=(sum(scores) / len(scores)) if scores else None,
        breathing_seconds=sum(float(doc.get("actual_seconds", 0) or 0) for doc in breathing),
        breathing_sessions=len(breathing),
        meditation_seconds=sum(float(doc.get("actual_seconds", 0) or 0) for doc in meditation),
        meditation_sessions=len(meditation),
        journal_entries=len(journal),
        selfcare_done=len(ticks),
        anything_ever=anything,
    )
