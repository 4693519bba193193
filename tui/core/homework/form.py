"""Turning the homework form's words into checked values (ValueError says what to fix)."""

from __future__ import annotations

from datetime import date

from tui.core.homework.assignment import DAILY, TIMES_A_WEEK, WEEKDAYS, Frequency
from tui.core.selfcare_schedule import WEEKDAY_KEYS, parse_weekdays


def frequency_from_form(how: str, detail: str) -> Frequency:
    """The frequency the form describes."""
    if how == WEEKDAYS:
        days = parse_weekdays(detail)
        if not days:
            raise ValueError("Name the days, for example mon,thu.")
        return Frequency(WEEKDAYS, weekdays=tuple(sorted(set(days))))
    if how == TIMES_A_WEEK:
        try:
            times = int(detail.strip())
        except ValueError:
            raise ValueError("Times a week is a number from 1 to 7.") from None
        if not 1 <= times <= 7:
            raise ValueError("Times a week is a number from 1 to 7.")
        return Frequency(TIMES_A_WEEK, times=times)
    return Frequency(DAILY)


def frequency_detail(frequency: Frequency) -> str:
    """What the form's detail field shows for ``frequency``."""
    if frequency.how == WEEKDAYS:
        return ",".join(WEEKDAY_KEYS[d] for d in frequency.weekdays)
    if frequency.how == TIMES_A_WEEK:
        return str(frequency.times)
    return ""


def minutes_from_form(text: str) -> int:
    """Whole minutes, 0 to 1440 (empty: 0, any length)."""
    text = text.strip()
    if not text:
        return 0
    if not text.isdigit() or int(text) > 24 * 60:
        raise ValueError("Minutes is a whole number, 0 to 1440.")
    return int(text)


def day_from_form(text: str, name: str, *, required: bool = False) -> str:
    """An ISO date (YYYY-MM-DD) or empty."""
    text = text.strip()
    if not text:
        if required:
            raise ValueError(f"The {name} is a date like 2026-03-01.")
        return ""
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise ValueError(f"The {name} is a date like 2026-03-01.") from None


def frequency_from_words(text: str) -> Frequency:
    """ "daily" (or empty), a number of times a week ("3"), or weekdays ("mon,thu")."""
    words = text.strip().casefold()
    if words in ("", "daily", "every day"):
        return Frequency(DAILY)
    if words.isdigit():
        return frequency_from_form(TIMES_A_WEEK, words)
    return frequency_from_form(WEEKDAYS, words)
