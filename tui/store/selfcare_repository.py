"""Self-care items (``selfcare_items``) and the days they were done (``selfcare_ticks``)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from tinydb import where

from tui.content.selfcare_ideas import starter_ideas
from tui.core.selfcare import OLD_CATEGORIES, SelfCareIdea, SelfCareItem, SelfCareTick, clean_item_text
from tui.core.selfcare_progress import TICK_STATES
from tui.core.selfcare_schedule import EVERY_DAY, TIMES_OF_DAY, Schedule, schedule_from_document
from tui.core.timefmt import to_text
from tui.store.repository import Repository
from tui.store.selfcare_tick_document import TICKS_TABLE, tick_document


class SelfCareTickRepository(Repository[SelfCareTick]):
    """Which item was done (or partly, or rested) on which day; clearing removes the record."""

    table_name = TICKS_TABLE

    def to_document(self, item: SelfCareTick) -> dict[str, Any]:
        return tick_document(tick_id=item.id, day=item.day, item_id=item.item_id, state=item.state)

    def from_document(self, document: Mapping[str, Any]) -> SelfCareTick:
        state = str(document.get("state", "done"))
        return SelfCareTick(
            day=str(document.get("day", "")),
            item_id=str(document.get("item_id", "")),
            id=str(document["id"]),
            state=state if state in TICK_STATES else "done",
        )

    def for_day(self, day: date) -> list[SelfCareTick]:
        wanted = day.isoformat()
        return [self.from_document(d) for d in self.readable_documents() if d.get("day") == wanted]

    def set_state(self, item_id: str, day: date, state: str | None) -> None:
        """Record ``state`` ("done", "partly", "rest") for ``item_id`` on ``day``, or clear it (None).

        Replacing a tick is one save (the old one removed, with its tombstone, and
        the new one added), so a crash never leaves the day with neither.
        """
        if state is not None and state not in TICK_STATES:
            raise ValueError(f"unknown self-care state {state!r}")
        key = day.isoformat()
        match = (where("day") == key) & (where("item_id") == item_id)
        with self.database.written_together():
            existing = [self.from_document(d) for d in self.table.search(match)]
            if state is None:
                if existing:
                    self.table.remove(match)
                return
            if existing and existing[0].state == state and len(existing) == 1:
                return
            if existing:
                self.table.remove(match)
            self.table.insert(self.to_document(SelfCareTick(day=key, item_id=item_id, state=state)))

    def set_done(self, item_id: str, day: date, done: bool) -> None:
        """Tick (once) or untick ``item_id`` for ``day``."""
        self.set_state(item_id, day, "done" if done else None)


class SelfCareRepository(Repository[SelfCareItem]):
    """The person's routines; archiving one keeps its history (it becomes inactive)."""

    table_name = "selfcare_items"

    def to_document(self, item: SelfCareItem) -> dict[str, Any]:
        return {
            "id": item.id,
            "text": item.text,
            "category": item.category,
            "active": item.active,
            "created_at": item.created_at,
            "need_id": item.need_id,
            "schedule": item.schedule.to_document(),
            "time_of_day": item.time_of_day,
            "position": item.position,
            "suggestion_dismissed": item.suggestion_dismissed,
        }

    def from_document(self, document: Mapping[str, Any]) -> SelfCareItem:
        category = str(document.get("category", "mind"))
        time_of_day = str(document.get("time_of_day", ""))
        position = document.get("position", 0)
        return SelfCareItem(
            id=str(document["id"]),
            text=str(document.get("text", "")),
            category=OLD_CATEGORIES.get(category, category),
            active=bool(document.get("active", True)),
            created_at=str(document.get("created_at", "")),
            need_id=str(document.get("need_id", "") or ""),
            schedule=schedule_from_document(document.get("schedule")),
            time_of_day=time_of_day if time_of_day in TIMES_OF_DAY else "",
            position=position if type(position) is int else 0,
            suggestion_dismissed=bool(document.get("suggestion_dismissed", False)),
        )

    @property
    def ticks(self) -> SelfCareTickRepository:
        return SelfCareTickRepository(self.database)

    def _ordered(self, items: list[SelfCareItem]) -> list[SelfCareItem]:
        return sorted(items, key=lambda item: (item.position, item.created_at))

    def active_items(self) -> list[SelfCareItem]:
        """Active routines in the person's order (oldest first where no order was chosen)."""
        return self._ordered([item for item in self.all() if item.active])

    def archived_items(self) -> list[SelfCareItem]:
        """Archived routines, their history kept, in the order they had."""
        return self._ordered([item for item in self.all() if not item.active])

    def _next_position(self) -> int:
        return max((item.position for item in self.all()), default=-1) + 1

    def ensure_started(self, now: datetime) -> bool:
        """On first use (no items at all), add a few starter ideas; True if it did."""
        if len(self.table):
            return False  # nothing to write, so no lock either (a read-only disk stays quiet)
        with self.database.transaction():
            if len(self.table):
                return False
            stamp = to_text(now)
            self.table.insert_multiple(
                self.to_document(SelfCareItem(text=idea.text, category=idea.category, created_at=stamp, position=n))
                for n, idea in enumerate(starter_ideas())
            )
            return True

    def add(
        self,
        text: str,
        now: datetime,
        category: str = "mind",
        *,
        schedule: Schedule = EVERY_DAY,
        time_of_day: str = "",
        need_id: str = "",
    ) -> SelfCareItem:
        """Add a routine at the end (or bring back an archived one with the same words)."""
        cleaned = clean_item_text(text)
        with self.database.transaction():
            for item in self.all():
                if item.text.casefold() == cleaned.casefold():
                    if not item.active:
                        item.active = True
                        item.position = self._next_position()
                        self.save(item)
                    return item
            return self.save(
                SelfCareItem(
                    text=cleaned,
                    category=category,
                    created_at=to_text(now),
                    schedule=schedule,
                    time_of_day=time_of_day,
                    need_id=need_id,
                    position=self._next_position(),
                )
            )

    def add_idea(self, idea: SelfCareIdea, now: datetime) -> SelfCareItem:
        return self.add(idea.text, now, category=idea.category)

    def rename(self, item_id: str, text: str) -> SelfCareItem | None:
        return self.update(item_id, text=clean_item_text(text))

    def update(self, item_id: str, **changes: Any) -> SelfCareItem | None:
        """Change a routine's fields (text, category, schedule, time_of_day, need_id...); ticks stay as they were."""
        if "text" in changes:
            changes["text"] = clean_item_text(changes["text"])
        with self.database.transaction():
            item = self.get(item_id)
            if item is None:
                return None
            for name, value in changes.items():
                setattr(item, name, value)
            return self.save(item)

    def move(self, item_id: str, step: int) -> bool:
        """Move an active routine ``step`` places up (-1) or down (+1); True if it moved."""
        with self.database.transaction():
            items = self.active_items()
            index = next((i for i, item in enumerate(items) if item.id == item_id), None)
            if index is None or not 0 <= index + step < len(items):
                return False
            items.insert(index + step, items.pop(index))
            for position, item in enumerate(items):
                item.position = position
            self.save_many(items)
            return True

    def remove(self, item_id: str) -> None:
        """Archive a routine: off the list, its past ticks kept."""
        self.update(item_id, active=False)

    def restore(self, item_id: str) -> SelfCareItem | None:
        """Bring an archived routine back, at the end of the list."""
        with self.database.transaction():
            return self.update(item_id, active=True, position=self._next_position())
