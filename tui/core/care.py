"""When a low check-in earns a gentle line about support: a rule, no words.

A check-in of 1 or 2 (pleasantness) gets one kind line pointing to Help and the
support lines, at most once a day, so it stays a quiet offer and never a
repeated alarm. The day it was last shown is kept in the settings.
"""

from __future__ import annotations

from datetime import date

CARE_AT_OR_BELOW = 2


def care_due(pleasantness: int, today: date, last_shown_on: str) -> bool:
    """True when a check-in of ``pleasantness`` should get the care line ``today``,
    given the ISO date it was ``last_shown_on`` ("" for never)."""
    return pleasantness <= CARE_AT_OR_BELOW and last_shown_on != today.isoformat()
