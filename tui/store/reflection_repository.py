"""Reflections (table ``reflections``): one record per day, saved by date."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from tinydb import where

from tui.core.reflection import Reflection, clean_answers, newest_first
from tui.core.timefmt import to_text
from tui.store.repository import Repository


class ReflectionRepository(Repository[Reflection]):
    """Save and read reflections by day."""

    table_name = "reflections"

    def to_document(self, item: Reflection) -> dict[str, Any]:
        return {"id": item.id, "day": item.day, "answers": dict(item.answers), "created_at": item.created_at}

    def from_document(self, document: Mapping[str, Any]) -> Reflection:
        answers = document.get("answers") or {}
        return Reflection(
            id=str(document["id"]),
            day=str(document.get("day", "")),
            answers={str(k): str(v) for k, v in answers.items()} if isinstance(answers, Mapping) else {},
            created_at=str(document.get("created_at", "")),
        )

    def for_day(self, day: str) -> Reflection | None:
        """The reflection saved for ``day`` ("YYYY-MM-DD"), if any."""
        found = [document for document in self.readable_documents() if document.get("day") == day]
        return self.from_document(found[0]) if found else None

    def save_for_day(self, day: str, answers: Mapping[str, Any], now: datetime) -> Reflection | None:
        """Create or update the day's reflection; all answers empty removes it.

        Returns the saved reflection, or None when nothing is left to keep.
        """
        cleaned = clean_answers(answers)
        with self.database.transaction():
            existing = self.for_day(day)
            if not cleaned:
                if existing is not None:
                    self.table.remove(where("id") == existing.id)
                return None
            if existing is None:
                reflection = Reflection(day=day, answers=cleaned, created_at=to_text(now))
            else:
                reflection = Reflection(day=day, answers=cleaned, created_at=existing.created_at, id=existing.id)
            self.table.upsert(self.to_document(reflection), where("id") == reflection.id)
            return reflection

    def latest(self, limit: int = 5) -> list[Reflection]:
        """The most recent reflections, newest first."""
        return newest_first(self.all())[:limit]
