"""How many times an affirmation was said each day (table ``affirmation_practice``).

One record per day: ``id`` and ``day`` are the ISO date, ``count`` how many
times "said it" was pressed. Only counts are kept, never which words.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from tui.store.repository import Repository


@dataclass(frozen=True)
class PracticeDay:
    """One day's count of affirmations said."""

    id: str
    count: int = 0


class AffirmationPracticeRepository(Repository[PracticeDay]):
    """Count "said it" per day."""

    table_name = "affirmation_practice"

    def to_document(self, item: PracticeDay) -> dict[str, Any]:
        return {"id": item.id, "day": item.id, "count": item.count}

    def from_document(self, document: Mapping[str, Any]) -> PracticeDay:
        return PracticeDay(id=str(document["id"]), count=int(document.get("count", 0)))

    def said_it(self, day: date) -> int:
        """Add one to ``day``'s count; returns the new count."""
        with self.database.transaction():
            old = self.get(day.isoformat()) or PracticeDay(day.isoformat())
            return self.save(PracticeDay(old.id, old.count + 1)).count

    def counts(self) -> dict[str, int]:
        """Every day's count by ISO date."""
        return {day.id: day.count for day in self.all()}
