"""The lines of a day's self-care list: a heading per time of day, then one option per routine."""

from __future__ import annotations

from rich.text import Text
from textual.widgets.option_list import Option

from tui.core.selfcare_listing import STATE_MARKS, STATE_WORDS, DayRow

HEADING_PREFIX = "heading-"


def heading_option(heading: str) -> Option:
    """A time-of-day heading: shown, never highlighted."""
    return Option(Text(heading, style="bold"), id=HEADING_PREFIX + heading.casefold().replace(" ", "-"), disabled=True)


def row_prompt(row: DayRow, *, today: bool = True) -> Text:
    """``[✓] Drink a glass of water · 3 of 7 this week``: the routine's words as plain text, never markup."""
    prompt = Text(f"{STATE_MARKS[row.state]}  ")
    prompt.append(row.item.text)
    if row.state in ("partly", "rest"):  # the tick already says "done"
        words = STATE_WORDS[row.state] if today else STATE_WORDS[row.state].replace(" today", " that day")
        prompt.append(f"  ({words})", style="italic")
    prompt.append(f"  · {row.week.sentence()}", style="dim")
    return prompt


def row_option(row: DayRow, *, today: bool = True) -> Option:
    return Option(row_prompt(row, today=today), id=row.item.id)


def day_options(groups: list[tuple[str, list[DayRow]]], *, today: bool = True) -> list[Option]:
    """Headings and routines in order, for an OptionList."""
    options: list[Option] = []
    for heading, rows in groups:
        options.append(heading_option(heading))
        options.extend(row_option(row, today=today) for row in rows)
    return options
