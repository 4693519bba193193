"""Records that could not be read, and the plain words that tell the person about them.

The store sets such records aside (they stay in the file, untouched, and are
never shown); the app and the shell use these sentences to say so, kindly and
without blame, naming each record's table and id so it can be found.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tui.core.safe_text import visible_text

TABLE_TITLES: dict[str, str] = {
    "checkins": "check-ins",
    "journal_entries": "journal entries",
    "journal_drafts": "journal drafts",
    "breathing_sessions": "breathing sessions",
    "breathing_patterns": "breathing patterns",
    "meditation_sessions": "guided meditations",
    "affirmations": "affirmations",
    "affirmation_marks": "affirmation favourites and hidden marks",
    "affirmation_practice": "affirmation practice days",
    "selfcare_items": "self-care items",
    "selfcare_ticks": "self-care ticks",
    "selfcare_needs": "self-care needs",
    "homework_assignments": "homework assignments",
    "homework_ticks": "homework ticks",
    "homework_reviews": "homework reviews",
    "questionnaire_results": "questionnaire results",
    "reflections": "reflections",
    "settings": "settings",
}


@dataclass(frozen=True)
class UnreadableRecord:
    """One record that could not be read: its table, its id and what is wrong with it."""

    table: str
    record_id: str
    problem: str


def unreadable_summary(records: Sequence[UnreadableRecord]) -> str:
    """One sentence: how many records were set aside, and that they are safe. Empty when none."""
    count = len(records)
    if count == 0:
        return ""
    which = "1 record" if count == 1 else f"{count:,} records"
    verb = "was" if count == 1 else "were"
    return (
        f"{which} in your data could not be read and {verb} set aside. "
        "They are kept in the file just as they are, and nothing else is affected."
    )


def unreadable_lines(records: Sequence[UnreadableRecord], limit: int = 20) -> list[str]:
    """One line per record ("check-ins, id abc: pleasantness has a value that does not fit"), at most ``limit``."""
    lines = [
        f"{visible_text(TABLE_TITLES.get(record.table, record.table))}, id {visible_text(record.record_id)}: {record.problem}"
        for record in records[:limit]
    ]
    if len(records) > limit:
        lines.append(f"… and {len(records) - limit:,} more")
    return lines
