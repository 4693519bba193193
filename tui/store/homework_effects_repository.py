"""Read what :mod:`tui.core.homework_effects` needs straight from the tables, once per data version.

The effects walk every check-in, breathing session and self-care tick; the
dashboard asks for them on every redraw, so the result is kept until the
data changes (the same stored data object and write count), and the
launcher computes it while the database opens (issue 12.4).
"""

from __future__ import annotations

import threading
import weakref
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


_Kept = tuple[object, object, frozenset[str] | None, HomeworkEffects]
_computed: weakref.WeakKeyDictionary[Database, _Kept] = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def load_homework_effects(database: Database, guide_ids: Collection[str] | None = None) -> HomeworkEffects:
    """Changes per breathing pattern and per guide, and mood with/without self-care (kept per data version).

    ``guide_ids``: the guides that can still be chosen (the shipped ones when not given).
    """
    wanted = frozenset(guide_ids) if guide_ids is not None else None
    with _lock:
        data = database.storage.read()
        writes = getattr(database.storage, "writes", None)
        kept = _computed.get(database)
        if kept is not None and kept[0] is data and kept[1] == writes and kept[2] == wanted:
            return kept[3]
        effects = _compute(database, guide_ids)
        _computed[database] = (data, writes, wanted, effects)
        return effects


def _compute(database: Database, guide_ids: Collection[str] | None) -> HomeworkEffects:
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
