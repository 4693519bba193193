"""Read what :mod:`tui.core.homework_effects` needs straight from the tables."""

from __future__ import annotations

from collections.abc import Collection

from tui.content.breathing_patterns import builtin_patterns
from tui.content.guides import built_in_guides
from tui.core.breathing import custom_pattern_key
from tui.core.homework_effects import HomeworkEffects, homework_effects
from tui.store.database import Database

BREATHING = "breathing_sessions"
CHECKINS = "checkins"
SELFCARE_TICKS = "selfcare_ticks"
PATTERNS = "breathing_patterns"
MEDITATION = "meditation_sessions"


def load_homework_effects(database: Database, guide_ids: Collection[str] | None = None) -> HomeworkEffects:
    """Changes per breathing pattern and per guide, and mood with/without self-care, from saved data.

    ``guide_ids``: the guides that can still be chosen (the shipped ones when not given).
    """
    available = {pattern.key for pattern in builtin_patterns()}
    available |= {custom_pattern_key(str(d["id"])) for d in database.readable_table(PATTERNS).values() if d.get("id")}
    return homework_effects(
        list(database.readable_table(BREATHING).values()),
        list(database.readable_table(CHECKINS).values()),
        list(database.readable_table(SELFCARE_TICKS).values()),
        available,
        list(database.readable_table(MEDITATION).values()),
        set(guide_ids) if guide_ids is not None else {guide.id for guide in built_in_guides()},
    )
