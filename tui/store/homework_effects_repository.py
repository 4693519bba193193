"""Read what :mod:`tui.core.homework_effects` needs straight from the tables."""

from __future__ import annotations

from tui.content.breathing_patterns import builtin_patterns
from tui.core.breathing import custom_pattern_key
from tui.core.homework_effects import HomeworkEffects, homework_effects
from tui.store.database import Database

BREATHING = "breathing_sessions"
CHECKINS = "checkins"
SELFCARE_TICKS = "selfcare_ticks"
PATTERNS = "breathing_patterns"


def load_homework_effects(database: Database) -> HomeworkEffects:
    """Breathing changes per pattern and mood with/without self-care, from saved data."""
    available = {pattern.key for pattern in builtin_patterns()}
    available |= {custom_pattern_key(str(d["id"])) for d in database.readable_table(PATTERNS).values() if d.get("id")}
    return homework_effects(
        list(database.readable_table(BREATHING).values()),
        list(database.readable_table(CHECKINS).values()),
        list(database.readable_table(SELFCARE_TICKS).values()),
        available,
    )
