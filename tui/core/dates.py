"""Reading a date a person typed into a form: one set of rules and one set of messages.

``YYYY-MM-DD`` only (what every field asks for); a date that does not exist
says so ("2026-13-45: there is no month 13"), and days before 1900 are
refused, since they are almost always a slip of the keyboard and older dates
sort and display badly.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from typing import Literal

EARLIEST_YEAR = 1900
DATE_HINT = "YYYY-MM-DD, for example 2026-03-02"

ProblemKind = Literal["format", "calendar", "too_early"]


class DateProblem(ValueError):
    """A typed date that cannot be used; ``str()`` is a message for the person, ``kind`` says why."""

    def __init__(self, kind: ProblemKind, message: str) -> None:
        super().__init__(message)
        self.kind: ProblemKind = kind


def parse_user_date(text: str) -> date:
    """The ``YYYY-MM-DD`` date in ``text`` (outer spaces ignored), or :class:`DateProblem`."""
    cleaned = text.strip()
    found = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", cleaned)
    if found is None:
        raise DateProblem("format", f"Write the date as {DATE_HINT}.")
    year, month, day = (int(part) for part in found.groups())
    if not 1 <= month <= 12:
        raise DateProblem("calendar", f"{cleaned} is not a day on the calendar: there is no month {month}.")
    days_in_month = calendar.monthrange(year, month)[1] if year >= 1 else 31
    if not 1 <= day <= days_in_month:
        month_name = calendar.month_name[month]
        raise DateProblem(
            "calendar", f"{cleaned} is not a day on the calendar: {month_name} {year} has {days_in_month} days."
        )
    if year < EARLIEST_YEAR:
        raise DateProblem("too_early", f"{cleaned} is before {EARLIEST_YEAR}; please check the year.")
    return date(year, month, day)
