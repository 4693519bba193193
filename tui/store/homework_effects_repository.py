"""Read what :mod:`tui.core.homework_effects` needs straight from the tables."""

from __future__ import annotations

from tui.core.homework_effects import HomeworkEffects, homework_effects
from tui.store.database import Database

BREATHING = "breathing_sessions"
CHECKINS = "checkins"
SELFCARE_TICKS = "selfcare_ticks"


def load_homework_effects(database: Database) -> HomeworkEffects:
    """Breathing changes per pattern and mood with/without self-care, from saved data."""
    return homework_effects(
        list(database.readable_table(BREATHING).values()),
        list(database.readable_table(CHECKINS).values()),
        list(database.readable_table(SELFCARE_TICKS).values()),
    )
