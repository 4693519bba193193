"""What was deleted or discarded from the journal, kept for 30 days so it can be brought back.

Deleting an entry or discarding an unfinished draft never sends the words
straight to oblivion: they wait here, and only after :data:`KEEP_DAYS` (or
when the person removes them for good, after a second look) is the text
dropped. What stays then is a tombstone (the id and when it went, no text),
so a merge with an older copy of the file can never bring the text back.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from tui.core.journal import JournalEntry
from tui.core.timefmt import from_text

KEEP_DAYS = 30

KIND_ENTRY = "entry"  # a saved journal entry that was deleted
KIND_DRAFT = "draft"  # an unfinished page that was discarded


@dataclass
class DeletedItem:
    """One deleted entry or discarded draft; ``entry`` is None once its text is gone (a tombstone)."""

    id: str
    kind: str
    deleted_at: str
    updated_at: str
    entry: JournalEntry | None
    entry_id: str | None = None  # for a draft: the saved entry it was changing, if any
    restored: bool = False

    @property
    def is_tombstone(self) -> bool:
        return self.entry is None

    def expires_at(self) -> datetime:
        return from_text(self.deleted_at) + timedelta(days=KEEP_DAYS)

    def is_expired(self, now: datetime) -> bool:
        """True once it has been kept for :data:`KEEP_DAYS`."""
        try:
            return now >= self.expires_at()
        except ValueError:
            return False  # a stamp we cannot read: keep the words rather than guess

    def days_left(self, now: datetime) -> int:
        """Days (counting a part day as one) until it is removed for good: 30 just after deleting."""
        try:
            left = self.expires_at() - now
        except ValueError:
            return KEEP_DAYS
        return max(0, math.ceil(left / timedelta(days=1)))


def tombstone_of(item: DeletedItem, stamp: str, *, restored: bool = False) -> DeletedItem:
    """``item`` without its text: what is kept after it was restored or removed for good."""
    return DeletedItem(
        id=item.id,
        kind=item.kind,
        deleted_at=item.deleted_at,
        updated_at=stamp,
        entry=None,
        entry_id=item.entry_id,
        restored=restored,
    )
