"""Converting timestamps to and from the text stored in the database.

Times are stored as ISO 8601 local time with its UTC offset, to the second,
so the day a record belongs to is the day the person lived it.
"""

from __future__ import annotations

from datetime import date, datetime


def to_text(moment: datetime) -> str:
    """``2026-03-02T09:30:00+01:00``; naive datetimes are taken as local time."""
    if moment.tzinfo is None:
        moment = moment.astimezone()
    return moment.isoformat(timespec="seconds")


def from_text(text: str) -> datetime:
    """Parse what :func:`to_text` wrote (naive text is taken as local time)."""
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        moment = moment.astimezone()
    return moment


def day_of(text: str) -> date:
    """The local calendar day of a stored timestamp, without full parsing."""
    return date.fromisoformat(text[:10])


def friendly_day(day_text: str) -> str:
    """``Monday 2 March 2026`` for a stored ``YYYY-MM-DD`` (the text itself if it is not one)."""
    try:
        return f"{date.fromisoformat(day_text):%A %-d %B %Y}"
    except ValueError:
        return day_text


def friendly_time(stamp: str) -> str:
    """``3 March at 14:05`` for a stored time, or ``earlier`` if it cannot be read."""
    try:
        return f"{from_text(stamp):%-d %B at %H:%M}"
    except ValueError:
        return "earlier"
