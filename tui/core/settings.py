"""The person's preferences, as one small immutable value."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

WEEK_STARTS = ("monday", "sunday")
AFFIRM_ADVANCE_CHOICES = (0, 10, 20, 30, 60)
LOCK_AFTER_CHOICES = (0, 5, 15, 30, 60)  # minutes idle before an encrypted app locks itself (0: never)


@dataclass(frozen=True)
class Settings:
    """Everything the settings screen can change; saved the moment it changes."""

    theme: str = "dusk"
    reduced_motion: bool = False
    bell: bool = False
    week_start: str = "monday"
    affirm_advance_seconds: int = 0  # Affirm moves on by itself every N seconds (0: off)
    care_shown_on: str = ""  # ISO date the low-check-in care line was last shown ("" for never)
    lock_after_minutes: int = 0  # lock after this many idle minutes when encrypted (0: off)
    keep_deletion_marks_days: int = 180  # how long a deletion is remembered so a synced copy cannot undo it
    id: str = "settings"

    def with_changes(self, **changes: Any) -> Settings:
        """A copy with ``changes`` applied."""
        return replace(self, **changes)
