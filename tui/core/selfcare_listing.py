"""A day's self-care list as rows grouped by time of day, shared by the screen and ``selfcare list``."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from tui.core.selfcare import SelfCareItem, SelfCareTick, added_on
from tui.core.selfcare_progress import WeekProgress, overall_week, states_by_item, week_progress

TIME_GROUPS: tuple[tuple[str, str], ...] = (
    ("morning", "Morning"),
    ("afternoon", "Afternoon"),
    ("evening", "Evening"),
    ("", "Any time"),
)
STATE_MARKS: dict[str, str] = {"": "[ ]", "done": "[✓]", "partly": "[½]", "rest": "[~]"}
STATE_WORDS: dict[str, str] = {"": "", "done": "done", "partly": "partly done", "rest": "resting today"}


@dataclass(frozen=True)
class DayRow:
    """One routine on a day's list: its state that day and its week so far."""

    item: SelfCareItem
    state: str  # "" (not yet), "done", "partly", "rest"
    week: WeekProgress


def day_groups(
    items: Sequence[SelfCareItem], ticks: Iterable[SelfCareTick], day: date, week_start: str
) -> list[tuple[str, list[DayRow]]]:
    """``(heading, rows)`` for each time of day that has routines planned on ``day``, in the person's order."""
    states = states_by_item((tick.item_id, tick.day, tick.state) for tick in ticks)
    groups: list[tuple[str, list[DayRow]]] = []
    for key, heading in TIME_GROUPS:
        rows = [
            DayRow(item, kept.get(day, ""), week_progress(item.schedule, kept, day, week_start, added_on(item)))
            for item in items
            if item.active and item.time_of_day == key
            for kept in [states.get(item.id, {})]
            if item.schedule.is_planned_on(day) or day in kept  # ticked on a free day: still shown
        ]
        if rows:
            groups.append((heading, rows))
    return groups


def week_overall(
    items: Sequence[SelfCareItem], ticks: Iterable[SelfCareTick], day: date, week_start: str
) -> WeekProgress:
    """All active routines' week holding ``day``, added together."""
    states = states_by_item((tick.item_id, tick.day, tick.state) for tick in ticks)
    return overall_week(
        week_progress(item.schedule, states.get(item.id, {}), day, week_start, added_on(item))
        for item in items
        if item.active
    )


def listing_lines(
    items: Sequence[SelfCareItem], ticks: Sequence[SelfCareTick], day: date, week_start: str
) -> list[str]:
    """Plain lines for the shell: headings, ``[✓] Walk · 3 of 5 this week``, and the week overall."""
    groups = day_groups(items, ticks, day, week_start)
    if not groups:
        return ["Nothing is planned for today. 'heartwork selfcare add NAME' adds a routine."]
    lines = [f"Self-care for {day:%A %-d %B}"]
    for heading, rows in groups:
        lines.append("")
        lines.append(heading)
        for row in rows:
            word = f" ({STATE_WORDS[row.state]})" if row.state else ""
            lines.append(f"  {STATE_MARKS[row.state]} {row.item.text}{word} · {row.week.sentence()}")
    lines.append("")
    lines.append(f"All routines: {week_overall(items, ticks, day, week_start).sentence()}.")
    return lines
