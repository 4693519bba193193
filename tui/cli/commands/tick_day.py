"""The day a shell tick is for (``selfcare done`` and ``plan tick``): today, or an earlier ``--date``."""

from __future__ import annotations

from datetime import date, datetime


def tick_day(date_text: str | None) -> tuple[date, date] | str:
    """(today, the day to tick) for ``--date`` (None: today), or the one line saying why it cannot be."""
    from tui.core.dates import DateProblem, parse_user_date

    today = datetime.now().astimezone().date()
    if date_text is None:
        return today, today
    try:
        day = parse_user_date(date_text)
    except DateProblem as problem:
        return f"{problem} Nothing was saved."
    if day > today:
        return f"{day.isoformat()} has not happened yet; tick today or an earlier day."
    return today, day
