"""A mood check-in: how pleasant this moment feels, and what goes with it.

:func:`make_checkin` is the one way in for values a person typed (in the app
or the shell): it trims, de-duplicates and caps the words, and refuses values
that make no sense with a :class:`CheckinError` that names the field and says
what would work instead.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from tui.core.checkin_rules import (
    DATE_TIME_FORMAT,
    DATE_TIME_HINT,
    EARLIEST_YEAR,
    MAX_NOTE_LENGTH,
    MAX_WORD_LENGTH,
    MAX_WORDS,
    SCORE_MAX,
    SCORE_MIN,
    CheckinError,
    check_moment,
    check_note,
    check_score,
    normalize_words,
    parse_moment,
    split_words,
)
from tui.core.ids import new_id

__all__ = [
    "DATE_TIME_FORMAT",
    "DATE_TIME_HINT",
    "EARLIEST_YEAR",
    "MAX_NOTE_LENGTH",
    "MAX_WORDS",
    "MAX_WORD_LENGTH",
    "SCORE_MAX",
    "SCORE_MIN",
    "Checkin",
    "CheckinError",
    "check_moment",
    "check_note",
    "check_score",
    "make_checkin",
    "normalize_words",
    "parse_moment",
    "split_words",
]


@dataclass(frozen=True)
class Checkin:
    """One check-in. ``at`` is an aware local datetime; ``energy`` is optional."""

    at: datetime
    pleasantness: int
    energy: int | None = None
    emotions: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    note: str = ""
    id: str = field(default_factory=new_id)


def make_checkin(
    *,
    pleasantness: object,
    now: datetime,
    at: datetime | None = None,
    energy: object = None,
    emotions: Iterable[str] = (),
    tags: Iterable[str] = (),
    note: str | None = "",
    checkin_id: str | None = None,
) -> Checkin:
    """A validated :class:`Checkin`; ``at`` defaults to ``now``. Raises CheckinError."""
    score = check_score(pleasantness, "pleasantness")
    assert score is not None
    return Checkin(
        at=check_moment(at if at is not None else now, now),
        pleasantness=score,
        energy=check_score(energy, "energy", optional=True),
        emotions=normalize_words(emotions, "emotions"),
        tags=normalize_words(tags, "tags"),
        note=check_note(note),
        id=checkin_id or new_id(),
    )
