"""Saying an affirmation: counts per day, and how many days this week had a practice.

Counted kindly: days with a practice this week, never a streak, so a missed
day takes nothing away.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

from tui.core.mood_stats import week_start_of


def days_practised_this_week(counts: Mapping[str, int], today: date, week_start: str = "monday") -> int:
    """How many days of this week (up to today) have at least one "said it"."""
    first = week_start_of(today, week_start)
    days = ((first + timedelta(days=offset)).isoformat() for offset in range((today - first).days + 1))
    return sum(1 for day in days if counts.get(day, 0) > 0)


def practice_line(counts: Mapping[str, int], today: date, week_start: str = "monday") -> str:
    """One warm line: today's count and this week's days (no streaks, nothing to lose)."""
    said_today = counts.get(today.isoformat(), 0)
    days = days_practised_this_week(counts, today, week_start)
    today_text = (
        "Press Enter when you have said one, aloud or written."
        if said_today == 0
        else f"Said {said_today} time{'s' if said_today != 1 else ''} today."
    )
    week_text = "" if days == 0 else f" {days} day{'s' if days != 1 else ''} this week had a practice."
    return today_text + week_text
