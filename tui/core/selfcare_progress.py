"""Kind progress for self-care routines: "3 of 5 this week", a four-week grid, a gentle suggestion.

Nothing here counts what was missed: a resting day lowers the week's aim
instead of counting against it, and there are no streaks.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from tui.core.selfcare_schedule import Schedule, week_days, week_start_day

TickState = Literal["done", "partly", "rest"]
TICK_STATES: tuple[TickState, ...] = ("done", "partly", "rest")
QUIET_DAYS = 14  # how long without any tick before a gentle suggestion
HISTORY_WEEKS = 4
CELL_MARKS: dict[str, str] = {"done": "●", "partly": "◐", "rest": "~"}
EMPTY_MARK = "·"


@dataclass(frozen=True)
class WeekProgress:
    """How a routine (or the whole list) went in one week."""

    done: int
    target: int
    partly: int = 0
    rested: int = 0

    def sentence(self, when: str = "this week") -> str:
        """``3 of 5 this week`` (partly done counts; resting days lower the aim)."""
        if self.target == 0 and self.done == 0:
            return "resting this week" if self.rested else f"nothing planned {when}"
        extra = f", {self.partly} partly" if self.partly else ""
        return f"{self.done} of {max(self.target, self.done)} {when}{extra}"


def week_progress(
    schedule: Schedule, states: Mapping[date, str], day: date, week_start: str, since: date | None = None
) -> WeekProgress:
    """Progress in the week holding ``day``: done or partly days out of the aim, less resting days.

    ``since`` is the day the routine was added: the days of the week before it
    (and before its first tick, for a day filled in afterwards) are not part of
    the aim, so a routine added on a Friday asks for Friday to Sunday, not seven days.
    """
    days = week_days(day, week_start)
    kept = [states.get(d) for d in days]
    done = sum(1 for s in kept if s in ("done", "partly"))
    partly = sum(1 for s in kept if s == "partly")
    if since is not None:
        since = min([since, *(d for d in days if d in states)])
    counted = days if since is None else [d for d in days if d >= since]
    if schedule.kind == "per_week":
        rested = sum(1 for s in kept if s == "rest")
        target = max(0, min(schedule.per_week, len(counted) - rested))
    else:
        planned = [d for d in counted if schedule.is_planned_on(d)]
        rested = sum(1 for d in planned if states.get(d) == "rest")
        target = len(planned) - rested
    return WeekProgress(done=done, target=target, partly=partly, rested=rested)


def overall_week(progress: Iterable[WeekProgress]) -> WeekProgress:
    """All routines' weeks added together."""
    weeks = list(progress)
    return WeekProgress(
        done=sum(w.done for w in weeks),
        target=sum(max(w.target, w.done) for w in weeks),
        partly=sum(w.partly for w in weeks),
        rested=sum(w.rested for w in weeks),
    )


def is_on_list(schedule: Schedule, day: date) -> bool:
    """Whether a routine belongs on the list for ``day`` (a per-week routine fits any day)."""
    return schedule.is_planned_on(day)


def states_by_item(ticks: Iterable[tuple[str, str, str]]) -> dict[str, dict[date, str]]:
    """``(item_id, "YYYY-MM-DD", state)`` triples as item id -> day -> state (unreadable days skipped)."""
    found: dict[str, dict[date, str]] = {}
    for item_id, day_text, state in ticks:
        try:
            day = date.fromisoformat(day_text)
        except ValueError:
            continue
        found.setdefault(item_id, {})[day] = state if state in TICK_STATES else "done"
    return found


def history_weeks(today: date, week_start: str, weeks: int = HISTORY_WEEKS) -> list[list[date]]:
    """The last ``weeks`` calendar weeks, oldest first, each as its seven dates (this week last)."""
    this_week = week_start_day(today, week_start)
    return [week_days(this_week - timedelta(days=7 * back), week_start) for back in range(weeks - 1, -1, -1)]


def history_row(states: Mapping[date, str], weeks: list[list[date]], today: date) -> str:
    """One routine's grid line: ``●`` done, ``◐`` partly, ``~`` resting, ``·`` no tick, blank for days to come."""
    groups = []
    for week in weeks:
        groups.append("".join(" " if d > today else CELL_MARKS.get(states.get(d, ""), EMPTY_MARK) for d in week))
    return " ".join(groups)


def history_header(weeks: list[list[date]]) -> str:
    """Day initials over each week of the grid (``MTWTFSS`` or ``SMTWTFS``)."""
    initials = "MTWTFSS"
    return " ".join("".join(initials[d.weekday()] for d in week) for week in weeks)


def wants_gentle_suggestion(
    schedule: Schedule,
    states: Mapping[date, str],
    today: date,
    added_on: date | None,
    *,
    active: bool = True,
    dismissed: bool = False,
) -> bool:
    """True when a routine has had no tick at all (not even a rest) for two weeks it was planned in.

    Never for an archived routine, one added less than two weeks ago, or one
    whose suggestion was dismissed for good.
    """
    if not active or dismissed:
        return False
    window = [today - timedelta(days=back) for back in range(QUIET_DAYS)]
    if added_on is not None and added_on > window[-1]:
        return False
    if not any(schedule.is_planned_on(d) for d in window):
        return False
    return not any(d in states for d in window)
