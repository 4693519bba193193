"""Self-care routines: the person's checklist, today's ticks and kind summaries.

Removing an item only marks it inactive, so earlier days keep their ticks.
Summaries count what was done; missed days are never called failures.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from tui.core.ids import new_id
from tui.core.selfcare_schedule import EVERY_DAY, Schedule
from tui.core.timefmt import day_of

MAX_ITEM_CHARS = 120
MAX_NEED_CHARS = 120
STARTER_IDEAS = ("glass-of-water", "fresh-air", "shoulder-stretch", "warm-drink")
CATEGORIES = ("body", "mind", "connection", "rest", "creativity", "surroundings")
OWN_CATEGORY = "mind"  # a routine the person names without choosing a category
OLD_CATEGORIES = {"environment": "surroundings", "joy": "creativity"}  # names used before version 3


@dataclass
class SelfCareItem:
    """One routine on the checklist."""

    text: str
    category: str = OWN_CATEGORY
    active: bool = True  # False: archived (its history kept, restorable)
    created_at: str = ""
    id: str = field(default_factory=new_id)
    need_id: str = ""
    schedule: Schedule = EVERY_DAY
    time_of_day: str = ""  # "morning" | "afternoon" | "evening" | "" (any time)
    position: int = 0
    suggestion_dismissed: bool = False


def added_on(item: SelfCareItem) -> date | None:
    """The local day a routine was added, or None when its stamp is missing or cannot be read."""
    try:
        return day_of(item.created_at)
    except ValueError:
        return None


@dataclass
class SelfCareNeed:
    """Something the person needs (rest, joy, connection...), in one of the categories."""

    text: str
    category: str = OWN_CATEGORY
    created_at: str = ""
    id: str = field(default_factory=new_id)


@dataclass(frozen=True)
class SelfCareTick:
    """An item done on a day."""

    day: str  # "YYYY-MM-DD"
    item_id: str
    id: str = field(default_factory=new_id)
    state: str = "done"  # "done" | "partly" | "rest" (a deliberate skip)


@dataclass(frozen=True)
class SelfCareIdea:
    """A suggestion from the built-in list."""

    id: str
    text: str
    category: str


def clean_item_text(text: str) -> str:
    """Trimmed, single-line, capped item text; raises ValueError if empty."""
    cleaned = " ".join(str(text).split())[:MAX_ITEM_CHARS]
    if not cleaned:
        raise ValueError("A routine needs a few words.")
    return cleaned


def category_named(text: str) -> str:
    """One of CATEGORIES for ``text`` (any case, old names too); raises ValueError naming the choices."""
    word = OLD_CATEGORIES.get(text.strip().casefold(), text.strip().casefold())
    if word not in CATEGORIES:
        raise ValueError(f"“{text}” is not a category; choose one of {', '.join(CATEGORIES)}.")
    return word


def clean_need_text(text: str) -> str:
    """Trimmed, single-line, capped need text; raises ValueError if empty."""
    cleaned = " ".join(str(text).split())[:MAX_NEED_CHARS]
    if not cleaned:
        raise ValueError("A need can be named in a few words.")
    return cleaned


def ideas_not_on_list(ideas: Iterable[SelfCareIdea], items: Iterable[SelfCareItem]) -> list[SelfCareIdea]:
    """Ideas whose text is not already an active item."""
    taken = {item.text.casefold() for item in items if item.active}
    return [idea for idea in ideas if idea.text.casefold() not in taken]


@dataclass(frozen=True)
class DaySummary:
    """How much of the checklist was done on a day."""

    done: int
    total: int

    def sentence(self) -> str:
        if self.total == 0:
            return "Your list is empty. Add a routine or pick one from the ideas."
        if self.done == 0:
            return f"0 of {self.total} so far today. Any one small thing counts."
        if self.done >= self.total:
            return f"All {self.total} today. That is a lot of care."
        return f"{self.done} of {self.total} today."


@dataclass(frozen=True)
class WeekSummary:
    """How many of the last seven days had any self-care."""

    days_with_care: int
    days: int = 7

    def sentence(self) -> str:
        if self.days_with_care == 0:
            return "A fresh start: nothing ticked in the last 7 days yet, and that is okay."
        day_word = "day" if self.days_with_care == 1 else "days"
        return f"{self.days_with_care} {day_word} of the last {self.days} had some self-care."


def day_summary(items: Iterable[SelfCareItem], ticks: Iterable[SelfCareTick], day: date) -> DaySummary:
    """Active items planned for ``day`` and done (or partly) out of those not resting that day."""
    planned = {item.id for item in items if item.active and item.schedule.is_planned_on(day)}
    states = {tick.item_id: tick.state for tick in ticks if tick.day == day.isoformat() and tick.item_id in planned}
    done = sum(1 for state in states.values() if state in ("done", "partly"))
    resting = sum(1 for state in states.values() if state == "rest")
    return DaySummary(done=done, total=len(planned) - resting)


def week_summary(ticks: Iterable[SelfCareTick], today: date, days: int = 7) -> WeekSummary:
    """Days among the last ``days`` (today included) with at least one tick."""
    window = {(today - timedelta(days=offset)).isoformat() for offset in range(days)}
    cared = {tick.day for tick in ticks if tick.day in window and tick.state != "rest"}
    return WeekSummary(days_with_care=len(cared), days=days)
