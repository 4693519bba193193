"""Journal entries: the dataclass, limits, and counting words in any script.

An entry is what the person wrote on one day: free writing under a prompt, or
a filled guided exercise (``kind``), with its structured answers in ``fields``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any

from tui.core.dates import parse_user_date
from tui.core.ids import new_id
from tui.core.journal_rules import MAX_ENTRY_CHARS as MAX_ENTRY_CHARS
from tui.core.journal_rules import MAX_TAG_CHARS as MAX_TAG_CHARS
from tui.core.journal_rules import MAX_TAGS as MAX_TAGS
from tui.core.journal_rules import MAX_TAGS_TEXT_CHARS as MAX_TAGS_TEXT_CHARS
from tui.core.journal_rules import MAX_TITLE_CHARS as MAX_TITLE_CHARS
from tui.core.journal_rules import count_words as count_words
from tui.core.journal_rules import normalize_tags as normalize_tags
from tui.core.journal_rules import title_and_tags_problem as title_and_tags_problem
from tui.core.timefmt import to_text

KIND_FREE = "free"
KIND_INNER_CRITIC = "inner-critic"
KIND_COMPASSION_BREAK = "compassion-break"
KIND_KIND_LETTER = "kind-letter"
KINDS: tuple[str, ...] = (KIND_FREE, KIND_INNER_CRITIC, KIND_COMPASSION_BREAK, KIND_KIND_LETTER)
KIND_TITLES: dict[str, str] = {
    KIND_FREE: "Free writing",
    KIND_INNER_CRITIC: "Inner critic",
    KIND_COMPASSION_BREAK: "Compassion break",
    KIND_KIND_LETTER: "Kind letter",
}


def parse_entry_date(text: str) -> date:
    """A ``YYYY-MM-DD`` date, or ValueError with a message a person can read (see :mod:`tui.core.dates`)."""
    return parse_user_date(text)


def parse_tags(text: str) -> list[str]:
    """Tags from what the person typed: separated by commas."""
    return normalize_tags(text.split(","))


def _has_content(value: Any) -> bool:
    if isinstance(value, bool) or value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    return True


@dataclass
class JournalEntry:
    """One journal entry (free writing or a guided exercise)."""

    id: str
    created_at: str
    updated_at: str
    entry_date: str
    kind: str = KIND_FREE
    title: str = ""
    body: str = ""
    tags: list[str] = field(default_factory=list)
    prompt_id: str | None = None
    prompt_text: str | None = None
    fields: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def new(cls, now: datetime, *, entry_date: date | None = None, **values: Any) -> JournalEntry:
        """A fresh entry created ``now`` (on ``entry_date``, default the day of ``now``)."""
        stamp = to_text(now)
        day = (entry_date or now.date()).isoformat()
        return cls(id=new_id(), created_at=stamp, updated_at=stamp, entry_date=day, **values)

    def is_empty(self) -> bool:
        """True when nothing was written: such an entry is never saved."""
        return not self.body.strip() and not any(_has_content(value) for value in self.fields.values())

    def touched(self, now: datetime) -> JournalEntry:
        """A copy marked as changed ``now``."""
        return replace(self, updated_at=to_text(now))


def entry_date_problem(text: str, today: date) -> str | None:
    """Why ``text`` cannot be an entry's day (not a date, or a day still to come), or None."""
    try:
        day = parse_entry_date(text)
    except ValueError as error:
        return str(error)
    if day > today:
        return "That day has not come yet; please pick today or an earlier day."
    return None


def page_status(body: str, *, editing: bool, changed: bool, draft_kept_at: str | None) -> str:
    """The journal's quiet status line: words, the length near the cap, what is being edited, the draft."""
    words = count_words(body)
    parts = [f"{words:,} word{'s' if words != 1 else ''}"]
    if len(body) > MAX_ENTRY_CHARS * 0.9:
        parts.append(f"{len(body):,} of {MAX_ENTRY_CHARS:,} characters")
    if editing:
        parts.append("editing a saved entry" + (" (changed)" if changed else ""))
    if draft_kept_at:
        parts.append(f"draft kept {draft_kept_at}")
    parts.append("Esc leaves the text, i comes back")
    return " · ".join(parts)
