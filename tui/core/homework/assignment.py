"""One homework assignment: what to practise, how often and how long, and its history.

``kind`` says what fulfils it and ``target`` which one: a breathing pattern
key, a guide id, a journal kind (``inner-critic``...) or prompt topic, a
self-care item id or a questionnaire id (empty for affirmation practice and
free text). ``minutes`` applies to breathing and meditation (0: any length).
Every change (created, edited, paused, resumed, reviewed, ended) is kept in
``history``, oldest first.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

KIND_BREATHING = "breathing"
KIND_MEDITATION = "meditation"
KIND_JOURNAL = "journal"
KIND_AFFIRMATION = "affirmation"
KIND_SELFCARE = "selfcare"
KIND_QUESTIONNAIRE = "questionnaire"
KIND_FREE_TEXT = "free-text"
KINDS: tuple[str, ...] = (
    KIND_BREATHING,
    KIND_MEDITATION,
    KIND_JOURNAL,
    KIND_AFFIRMATION,
    KIND_SELFCARE,
    KIND_QUESTIONNAIRE,
    KIND_FREE_TEXT,
)
KIND_TITLES: dict[str, str] = {
    KIND_BREATHING: "Breathing",
    KIND_MEDITATION: "Meditation",
    KIND_JOURNAL: "Journal",
    KIND_AFFIRMATION: "Affirmation practice",
    KIND_SELFCARE: "Self-care",
    KIND_QUESTIONNAIRE: "Questionnaire",
    KIND_FREE_TEXT: "Your own task",
}
TIMED_KINDS = frozenset({KIND_BREATHING, KIND_MEDITATION})

DAILY = "daily"
WEEKDAYS = "weekdays"
TIMES_A_WEEK = "times-a-week"
FREQUENCIES: tuple[str, ...] = (DAILY, WEEKDAYS, TIMES_A_WEEK)

ACTIVE = "active"
PAUSED = "paused"
ENDED = "ended"
STATUSES: tuple[str, ...] = (ACTIVE, PAUSED, ENDED)


@dataclass(frozen=True)
class Frequency:
    """How often: every day, on chosen weekdays (0 = Monday), or ``times`` days a week."""

    how: str = DAILY
    weekdays: tuple[int, ...] = ()
    times: int = 1

    def per_week(self) -> int:
        """How many days a week are asked for."""
        if self.how == WEEKDAYS:
            return len(set(self.weekdays)) or 1
        if self.how == TIMES_A_WEEK:
            return max(1, min(7, self.times))
        return 7

    def asks_on(self, day: date) -> bool:
        """True if ``day`` is one of the days it is asked for (any day for N times a week)."""
        if self.how == WEEKDAYS:
            return day.weekday() in self.weekdays
        return True

    def describe(self) -> str:
        """Plain words: "every day", "Mon, Thu", "3 times a week"."""
        if self.how == WEEKDAYS:
            names = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
            return ", ".join(names[d] for d in sorted(set(self.weekdays)) if 0 <= d < 7) or "chosen days"
        if self.how == TIMES_A_WEEK:
            return "once a week" if self.per_week() == 1 else f"{self.per_week()} times a week"
        return "every day"

    def to_document(self) -> dict[str, Any]:
        return {"how": self.how, "weekdays": list(self.weekdays), "times": self.times}

    @classmethod
    def from_document(cls, document: Any) -> Frequency:
        if not isinstance(document, dict):
            return cls()
        how = document.get("how", DAILY)
        weekdays = document.get("weekdays", [])
        times = document.get("times", 1)
        return cls(
            how=how if how in FREQUENCIES else DAILY,
            weekdays=tuple(d for d in weekdays if type(d) is int and 0 <= d < 7) if isinstance(weekdays, list) else (),
            times=times if type(times) is int and 1 <= times <= 7 else 1,
        )


@dataclass(frozen=True)
class Change:
    """One line of an assignment's history: when, what happened, in plain words."""

    at: str
    what: str
    detail: str = ""

    def to_document(self) -> dict[str, str]:
        return {"at": self.at, "what": self.what, "detail": self.detail}


@dataclass(frozen=True)
class Assignment:
    """A piece of homework agreed with a therapist."""

    id: str
    kind: str
    title: str = ""
    target: str = ""
    frequency: Frequency = field(default_factory=Frequency)
    minutes: int = 0
    focus: str = ""
    start: str = ""
    review: str = ""
    agreed: str = ""
    status: str = ACTIVE
    created_at: str = ""
    history: tuple[Change, ...] = ()
    source: str = ""

    @property
    def timed(self) -> bool:
        """True when ``minutes`` applies (breathing and meditation)."""
        return self.kind in TIMED_KINDS

    def start_day(self) -> date | None:
        try:
            return date.fromisoformat(self.start)
        except ValueError:
            return None

    def review_day(self) -> date | None:
        try:
            return date.fromisoformat(self.review)
        except ValueError:
            return None

    def review_due(self, today: date) -> bool:
        """True on or after the review date while it is not ended."""
        review = self.review_day()
        return self.status != ENDED and review is not None and today >= review

    def runs_on(self, day: date) -> bool:
        """True if the assignment had started by ``day`` (paused or ended ones still show their past)."""
        start = self.start_day()
        return start is None or day >= start

    def with_change(self, at: str, what: str, detail: str = "", **changes: Any) -> Assignment:
        """A copy with ``changes`` applied and one more line of history."""
        return replace(self, history=(*self.history, Change(at, what, detail)), **changes)


@dataclass(frozen=True)
class HomeworkTick:
    """A free-text task ticked by hand for one day (``id`` is ``assignment_id:day``)."""

    id: str
    assignment_id: str
    day: str
    at: str = ""
