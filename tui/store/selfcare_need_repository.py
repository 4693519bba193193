"""The needs a person names for their self-care (``selfcare_needs``)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from tui.core.selfcare import OLD_CATEGORIES, SelfCareNeed, category_named, clean_need_text
from tui.core.timefmt import to_text
from tui.store.repository import Repository


class SelfCareNeedRepository(Repository[SelfCareNeed]):
    """Needs in the order they were named."""

    table_name = "selfcare_needs"

    def to_document(self, item: SelfCareNeed) -> dict[str, Any]:
        return {"id": item.id, "text": item.text, "category": item.category, "created_at": item.created_at}

    def from_document(self, document: Mapping[str, Any]) -> SelfCareNeed:
        category = str(document.get("category", "mind"))
        return SelfCareNeed(
            id=str(document["id"]),
            text=str(document.get("text", "")),
            category=OLD_CATEGORIES.get(category, category),
            created_at=str(document.get("created_at", "")),
        )

    def needs(self) -> list[SelfCareNeed]:
        return sorted(self.all(), key=lambda need: need.created_at)

    def add(self, text: str, category: str, now: datetime) -> SelfCareNeed:
        """Name a need (the same words twice keep one)."""
        cleaned = clean_need_text(text)
        chosen = category_named(category)
        with self.database.transaction():
            for need in self.all():
                if need.text.casefold() == cleaned.casefold():
                    return need
            return self.save(SelfCareNeed(text=cleaned, category=chosen, created_at=to_text(now)))
