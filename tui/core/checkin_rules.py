"""The rules a check-in's values follow, without the dataclass: cheap to import.

:mod:`tui.core.checkin` builds a :class:`~tui.core.checkin.Checkin` with these;
the shell's quick capture (:mod:`tui.cli.commands.capture_fast`) checks with
them directly, because importing ``dataclasses`` would cost a third of its time.
"""

from __future__ import annotations

import re
from datetime import datetime

TYPE_CHECKING = False  # importing typing costs the quick capture time; annotations only
if TYPE_CHECKING:
    from collections.abc import Iterable

SCORE_MIN = 1
SCORE_MAX = 10
MAX_WORDS = 12
MAX_WORD_LENGTH = 32
MAX_NOTE_LENGTH = 1000
DATE_TIME_FORMAT = "%Y-%m-%d %H:%M"
DATE_TIME_HINT = "YYYY-MM-DD HH:MM"
EARLIEST_YEAR = 1900

_SPACES = re.compile(r"\s+")


class CheckinError(ValueError):
    """A value that cannot be part of a check-in; ``field`` names which one."""

    def __init__(self, field_name: str, message: str) -> None:
        super().__init__(message)
        self.field = field_name
        self.message = message


def check_score(value: object, field_name: str = "pleasantness", *, optional: bool = False) -> int | None:
    """``value`` as a whole number from 1 to 10 (text like "7" is accepted)."""
    label = "Pleasantness" if field_name == "pleasantness" else "Energy"
    if value is None or (isinstance(value, str) and not value.strip()):
        if optional:
            return None
        raise CheckinError(field_name, f"{label} is needed: a whole number from 1 to 10.")
    if isinstance(value, bool):
        raise CheckinError(field_name, f"{label} must be a whole number from 1 to 10.")
    if isinstance(value, str):
        text = value.strip()
        if not re.fullmatch(r"[+-]?\d+", text):
            raise CheckinError(field_name, f"{label} must be a whole number from 1 to 10, not {value!r}.")
        number = int(text)
    elif isinstance(value, int):
        number = value
    elif isinstance(value, float) and value.is_integer():
        number = int(value)
    else:
        raise CheckinError(field_name, f"{label} must be a whole number from 1 to 10, not {value!r}.")
    if not SCORE_MIN <= number <= SCORE_MAX:
        raise CheckinError(field_name, f"{label} goes from 1 to 10; {number} is outside that.")
    return number


def normalize_words(values: Iterable[str], field_name: str) -> tuple[str, ...]:
    """Trimmed, lower-case, single-spaced, de-duplicated words in first-seen order.

    Empty entries are dropped. More than :data:`MAX_WORDS` words, or a word
    longer than :data:`MAX_WORD_LENGTH` characters, is an error (nothing is
    silently cut, so nothing the person meant is lost without a word).
    """
    label = "emotion" if field_name == "emotions" else "tag"
    seen: list[str] = []
    for raw in values:
        word = _SPACES.sub(" ", str(raw)).strip().lower().lstrip("#").strip()
        if not word:
            continue
        if len(word) > MAX_WORD_LENGTH:
            raise CheckinError(
                field_name, f"The {label} {word[:20]!r}... is long; keep each to {MAX_WORD_LENGTH} characters."
            )
        if word not in seen:
            seen.append(word)
    if len(seen) > MAX_WORDS:
        raise CheckinError(field_name, f"That is {len(seen)} {label}s; up to {MAX_WORDS} fit in one check-in.")
    return tuple(seen)


def split_words(text: str) -> list[str]:
    """Split typed text like ``"work, family , sleep"`` on commas."""
    return [part for part in text.split(",") if part.strip()]


def check_note(note: str | None) -> str:
    text = (note or "").strip()
    if len(text) > MAX_NOTE_LENGTH:
        raise CheckinError("note", f"The note is {len(text)} characters; up to {MAX_NOTE_LENGTH} fit.")
    return text


def check_moment(at: datetime, now: datetime) -> datetime:
    """``at`` made timezone-aware, and not later than ``now`` (a minute's grace)."""
    if at.tzinfo is None:
        at = at.astimezone()
    if (at - now).total_seconds() > 60:
        raise CheckinError("at", f"{at:%Y-%m-%d %H:%M} is in the future; a check-in can be now or earlier.")
    return at.replace(microsecond=0)


def parse_moment(text: str, now: datetime) -> datetime:
    """Parse ``YYYY-MM-DD HH:MM`` (or ``YYYY-MM-DD``: noon, or now for today) as local time, not in the future."""
    cleaned = _SPACES.sub(" ", text).strip()
    if not cleaned:
        raise CheckinError("at", f"The date and time are needed, as {DATE_TIME_HINT}.")
    pattern = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2}))?", cleaned)
    if pattern is None:
        raise CheckinError("at", f"{text.strip()!r} is not a date and time written as {DATE_TIME_HINT}.")
    year, month, day = (int(pattern.group(i)) for i in (1, 2, 3))
    hour = int(pattern.group(4)) if pattern.group(4) is not None else 12
    minute = int(pattern.group(5)) if pattern.group(5) is not None else 0
    if year < EARLIEST_YEAR:
        raise CheckinError("at", f"{cleaned!r} is out of range: dates before {EARLIEST_YEAR} are not accepted.")
    from tui.core.dates import DateProblem, parse_user_date  # only for --at: its typing import costs time

    try:
        parse_user_date(f"{year:04d}-{month:02d}-{day:02d}")
        naive = datetime(year, month, day, hour, minute)
    except DateProblem as problem:
        if problem.kind == "too_early":
            raise CheckinError("at", str(problem)) from None
        why = str(problem).split(": ", 1)[-1].rstrip(".")  # e.g. "there is no month 13"
        raise CheckinError(
            "at", f"{cleaned!r} does not exist: it is not a real date on the calendar ({why})."
        ) from None
    except ValueError:
        raise CheckinError(
            "at", f"{cleaned!r} does not exist: it is not a real date and time on the calendar."
        ) from None
    if pattern.group(4) is None and naive.date() == now.date():
        return check_moment(now, now)  # "today" with no time means now
    # The machine's local offset for that day (so summer and winter time are right).
    try:
        local = naive.astimezone()
    except (OverflowError, OSError, ValueError):
        raise CheckinError("at", f"{cleaned!r} is out of range for this computer's calendar.") from None
    return check_moment(local, now)
