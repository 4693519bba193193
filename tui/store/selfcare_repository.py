"""Self-care items (``selfcare_items``) and the days they were done (``selfcare_ticks``)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from tinydb import where

from tui.content.selfcare_ideas import starter_ideas
from tui.core.selfcare import SelfCareIdea, SelfCareItem, SelfCareTick, clean_item_text
from tui.core.timefmt import to_text
from tui.store.repository import Repository


class SelfCareTickRepository(Repository[SelfCareTick]):
    """Which item was done on which day; unticking removes the record."""

    table_name = "selfcare_ticks"

    def to_document(self, item: SelfCareTick) -> dict[str, Any]:
        return {"id": item.id, "day": item.day, "item_id": item.item_id}

    def from_document(self, document: Mapping[str, Any]) -> SelfCareTick:
        return SelfCareTick(
            day=str(document.get("day", "")), item_id=str(document.get("item_id", "")), id=str(document["id"])
        )

    def for_day(self, day: date) -> list[SelfCareTick]:
        wanted = day.isoformat()
        return [self.from_document(d) for d in self.readable_documents() if d.get("day") == wanted]

    def set_done(self, item_id: str, day: date, done: bool) -> None:
        """Tick (once) or untick ``item_id`` for ``day``."""
        key = day.isoformat()
        with self.database.transaction():
            existing = self.table.search((where("day") == key) & (where("item_id") == item_id))
            if done and not existing:
                self.table.insert(self.to_document(SelfCareTick(day=key, item_id=item_id)))
            elif not done and existing:
                self.table.remove((where("day") == key) & (where("item_id") == item_id))


class SelfCareRepository(Repository[SelfCareItem]):
    """The person's routines; removing one keeps its history (it becomes inactive)."""

    table_name = "selfcare_items"

    def to_document(self, item: SelfCareItem) -> dict[str, Any]:
        return {
            "id": item.id,
            "text": item.text,
            "category": item.category,
            "active": item.active,
            "created_at": item.created_at,
        }

    def from_document(self, document: Mapping[str, Any]) -> SelfCareItem:
        return SelfCareItem(
            id=str(document["id"]),
            text=str(document.get("text", "")),
            category=str(document.get("category", "own")),
            active=bool(document.get("active", True)),
            created_at=str(document.get("created_at", "")),
        )

    @property
    def ticks(self) -> SelfCareTickRepository:
        return SelfCareTickRepository(self.database)

    def active_items(self) -> list[SelfCareItem]:
        """Active routines, oldest first (ties keep the order they were added)."""
        return sorted((item for item in self.all() if item.active), key=lambda item: item.created_at)

    def ensure_started(self, now: datetime) -> bool:
        """On first use (no items at all), add a few starter ideas; True if it did."""
        if len(self.table):
            return False  # nothing to write, so no lock either (a read-only disk stays quiet)
        with self.database.transaction():
            if len(self.table):
                return False
            stamp = to_text(now)
            self.table.insert_multiple(
                self.to_document(SelfCareItem(text=idea.text, category=idea.category, created_at=stamp))
                for idea in starter_ideas()
            )
            return True

    def add(self, text: str, now: datetime, category: str = "own") -> SelfCareItem:
        """Add a routine (or bring back an inactive one with the same words)."""
        cleaned = clean_item_text(text)
        with self.database.transaction():
            for item in self.all():
                if item.text.casefold() == cleaned.casefold():
                    if not item.active:
                        item.active = True
                        self.save(item)
                    return item
            return self.save(SelfCareItem(text=cleaned, category=category, created_at=to_text(now)))

    def add_idea(self, idea: SelfCareIdea, now: datetime) -> SelfCareItem:
        return self.add(idea.text, now, category=idea.category)

    def rename(self, item_id: str, text: str) -> SelfCareItem | None:
        cleaned = clean_item_text(text)
        with self.database.transaction():
            item = self.get(item_id)
            if item is None:
                return None
            item.text = cleaned
            return self.save(item)

    def remove(self, item_id: str) -> None:
        """Take a routine off the list; its past ticks stay."""
        with self.database.transaction():
            item = self.get(item_id)
            if item is not None:
                item.active = False
                self.save(item)
