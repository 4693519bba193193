"""What the homework seems to do: plain numbers, only when there is enough data.

Two questions, answered from saved records:

* the mean change in feeling from before to after a breathing session, per
  pattern, counting only sessions that recorded both values, and only for a
  pattern with at least :data:`MIN_SESSIONS_PER_PATTERN` such sessions (the
  same for guided meditations, per guide);
* the mean daily mood on days with some self-care ticked and on days without,
  counting only days that have a check-in, and only with at least
  :data:`MIN_DAYS_EACH` days of each kind.

With less data the results say how many more are needed instead of guessing.
Inputs are plain stored documents (dicts with the fields in CONTRACT.md).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeGuard

MIN_SESSIONS_PER_PATTERN = 3
MIN_DAYS_EACH = 3


@dataclass(frozen=True)
class PatternEffect:
    """Before-to-after change in feeling for one breathing pattern."""

    pattern_key: str
    pattern_name: str
    sessions: int  # sessions with both a before and an after value
    mean_change: float | None  # None until there are enough sessions

    @property
    def enough(self) -> bool:
        return self.mean_change is not None

    @property
    def sessions_needed(self) -> int:
        """How many more sessions with both values are needed."""
        return max(0, MIN_SESSIONS_PER_PATTERN - self.sessions)


@dataclass(frozen=True)
class SelfCareMoodEffect:
    """Mean daily mood on check-in days with and without self-care."""

    days_with: int
    days_without: int
    mean_with: float | None
    mean_without: float | None

    @property
    def enough(self) -> bool:
        return self.mean_with is not None and self.mean_without is not None

    @property
    def days_with_needed(self) -> int:
        return max(0, MIN_DAYS_EACH - self.days_with)

    @property
    def days_without_needed(self) -> int:
        return max(0, MIN_DAYS_EACH - self.days_without)

    @property
    def difference(self) -> float | None:
        """Mean with minus mean without (None without enough data)."""
        if self.mean_with is None or self.mean_without is None:
            return None
        return self.mean_with - self.mean_without


@dataclass(frozen=True)
class HomeworkEffects:
    """Both answers together, ready to show in words."""

    patterns: tuple[PatternEffect, ...]
    selfcare: SelfCareMoodEffect
    guides: tuple[PatternEffect, ...] = ()  # guided meditations, by guide


def _is_score(value: object) -> TypeGuard[int | float]:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def breathing_effects(
    sessions: Iterable[Mapping[str, Any]],
    available: Collection[str] | None = None,
    *,
    key_field: str = "pattern_key",
    name_field: str = "pattern_name",
) -> tuple[PatternEffect, ...]:
    """Per pattern: how many sessions have both feelings, and their mean change if >= 3.

    Patterns are ordered by most sessions first, then by name. A pattern with
    sessions but none with both values is still listed (with 0 sessions), so
    the person can see what would be needed; unless ``available`` (the keys of
    patterns that can still be chosen) leaves it out: a deleted pattern never
    asks for more sessions, though a result it already has stays.

    The same rules serve every practice with a before and after feeling:
    guided meditations pass ``key_field="guide_id", name_field="guide_title"``
    (see :func:`meditation_effects`).
    """
    changes: dict[str, list[float]] = defaultdict(list)
    names: dict[str, str] = {}
    for session in sessions:
        key = str(session.get(key_field) or session.get(name_field) or "unknown")
        names.setdefault(key, str(session.get(name_field) or key))
        before, after = session.get("feeling_before"), session.get("feeling_after")
        changes.setdefault(key, [])
        if _is_score(before) and _is_score(after):
            changes[key].append(float(after) - float(before))
    effects = [
        PatternEffect(
            pattern_key=key,
            pattern_name=names[key],
            sessions=len(values),
            mean_change=(sum(values) / len(values)) if len(values) >= MIN_SESSIONS_PER_PATTERN else None,
        )
        for key, values in changes.items()
        if available is None or key in available or len(values) >= MIN_SESSIONS_PER_PATTERN
    ]
    effects.sort(key=lambda effect: (-effect.sessions, effect.pattern_name.lower()))
    return tuple(effects)


def meditation_effects(
    sessions: Iterable[Mapping[str, Any]], available: Collection[str] | None = None
) -> tuple[PatternEffect, ...]:
    """Per guide: the before-to-after change in feeling, with the same minimum data as breathing."""
    return breathing_effects(sessions, available, key_field="guide_id", name_field="guide_title")


def daily_mood(checkins: Iterable[Mapping[str, Any]]) -> dict[date, float]:
    """Each local day's mean pleasantness, for days with at least one check-in."""
    totals: dict[date, float] = {}
    counts: dict[date, int] = {}
    days: dict[str, date | None] = {}  # one date per day written (not one per check-in): nothing piles up
    for checkin in checkins:
        at, score = checkin.get("at"), checkin.get("pleasantness")
        if not isinstance(at, str) or len(at) < 10 or not _is_score(score):
            continue
        day = _day_of(at[:10], days)
        if day is None:
            continue
        totals[day] = totals.get(day, 0) + float(score)  # added in the same order sum() would
        counts[day] = counts.get(day, 0) + 1
    for day, count in counts.items():
        totals[day] /= count
    return totals


def _day_of(text: str, known: dict[str, date | None]) -> date | None:
    """``text`` ("YYYY-MM-DD") as a date, or None if it is not one; each text parsed once."""
    if text in known:
        return known[text]
    try:
        day: date | None = date.fromisoformat(text)
    except ValueError:
        day = None
    known[text] = day
    return day


def selfcare_days(ticks: Iterable[Mapping[str, Any]]) -> set[date]:
    """Days on which at least one self-care item was ticked."""
    days: set[date] = set()
    known: dict[str, date | None] = {}
    for tick in ticks:
        if tick.get("state") == "rest":  # a deliberate rest day is not self-care ticked
            continue
        day = _day_of(str(tick.get("day", ""))[:10], known)
        if day is not None:
            days.add(day)
    return days


def selfcare_mood_effect(
    checkins: Iterable[Mapping[str, Any]], ticks: Iterable[Mapping[str, Any]]
) -> SelfCareMoodEffect:
    """Mean daily mood on check-in days with and without any self-care ticked."""
    moods = daily_mood(checkins)
    done = selfcare_days(ticks)
    with_care = [mood for day, mood in moods.items() if day in done]
    without_care = [mood for day, mood in moods.items() if day not in done]
    enough = len(with_care) >= MIN_DAYS_EACH and len(without_care) >= MIN_DAYS_EACH
    return SelfCareMoodEffect(
        days_with=len(with_care),
        days_without=len(without_care),
        mean_with=(sum(with_care) / len(with_care)) if enough else None,
        mean_without=(sum(without_care) / len(without_care)) if enough else None,
    )


def homework_effects(
    sessions: Iterable[Mapping[str, Any]],
    checkins: Iterable[Mapping[str, Any]],
    ticks: Iterable[Mapping[str, Any]],
    available_patterns: Collection[str] | None = None,
    meditations: Iterable[Mapping[str, Any]] = (),
    available_guides: Collection[str] | None = None,
) -> HomeworkEffects:
    """All answers from the tables' documents (``available_*``: see :func:`breathing_effects`)."""
    return HomeworkEffects(
        breathing_effects(sessions, available_patterns),
        selfcare_mood_effect(checkins, ticks),
        meditation_effects(meditations, available_guides),
    )


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def pattern_sentence(effect: PatternEffect) -> str:
    """One plain, kind line about a pattern."""
    if effect.mean_change is None:
        return (
            f"{effect.pattern_name}: {_plural(effect.sessions_needed, 'more session')} with a before "
            f"and after feeling will show a change here."
        )
    change = round(effect.mean_change, 1)
    sessions = _plural(effect.sessions, "session")
    if change == 0:
        return f"{effect.pattern_name}: you felt about the same before and after ({sessions})."
    if change > 0:
        return f"{effect.pattern_name}: after a session you felt {change:.1f} points better on average ({sessions})."
    return (
        f"{effect.pattern_name}: after a session you felt {-change:.1f} points lower on average ({sessions}). "
        "Not every pattern suits everyone, and that is useful to know."
    )


def selfcare_sentence(effect: SelfCareMoodEffect) -> str:
    """One plain, kind line about mood and self-care days."""
    if effect.mean_with is None or effect.mean_without is None:
        needs: list[str] = []
        if effect.days_with_needed:
            needs.append(f"{_plural(effect.days_with_needed, 'more check-in day')} with some self-care")
        if effect.days_without_needed:
            needs.append(
                f"{effect.days_without_needed} more without"
                if needs
                else f"{_plural(effect.days_without_needed, 'more check-in day')} without self-care"
            )
        return "Mood and self-care: " + " and ".join(needs) + " before the two can be compared."
    return (
        f"Mood averaged {effect.mean_with:.1f} on days with some self-care ({effect.days_with}) "
        f"and {effect.mean_without:.1f} on other days ({effect.days_without}). "
        "This shows what went together, not what caused what."
    )
