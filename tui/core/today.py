"""A calm overview of one day, built from whatever has been recorded."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from tui.core.durations import duration_text


@dataclass(frozen=True)
class DaySummary:
    """What happened on ``day``: counts and totals, nothing judged."""

    day: date
    checkins: int = 0
    mood_mean: float | None = None
    breathing_seconds: float = 0.0
    breathing_sessions: int = 0
    meditation_seconds: float = 0.0
    meditation_sessions: int = 0
    journal_entries: int = 0
    selfcare_done: int = 0
    anything_ever: bool = False

    @property
    def breathing_minutes(self) -> float:
        return self.breathing_seconds / 60.0

    @property
    def mindful_seconds(self) -> float:
        """Breathing and guided meditation together: today's mindful time."""
        return self.breathing_seconds + self.meditation_seconds

    def lines(self) -> list[str]:
        """Plain sentences for the home screen; empty parts are left out."""
        parts: list[str] = []
        if self.checkins:
            mean = f", feeling {self.mood_mean:.1f} of 10 on average" if self.mood_mean is not None else ""
            noun = "check-in" if self.checkins == 1 else "check-ins"
            parts.append(f"{self.checkins} {noun}{mean}")
        if self.breathing_sessions:
            parts.append(
                f"{duration_text(self.breathing_seconds)} of breathing ({self.breathing_sessions} session{'s' if self.breathing_sessions != 1 else ''})"
            )
        if self.meditation_sessions:
            noun = "session" if self.meditation_sessions == 1 else "sessions"
            parts.append(
                f"{duration_text(self.meditation_seconds)} of guided meditation ({self.meditation_sessions} {noun})"
            )
        if self.journal_entries:
            noun = "journal entry" if self.journal_entries == 1 else "journal entries"
            parts.append(f"{self.journal_entries} {noun}")
        if self.selfcare_done:
            parts.append(f"{self.selfcare_done} self-care step{'s' if self.selfcare_done != 1 else ''} done")
        return parts
