"""The ``recently_deleted`` table: deleted journal entries and discarded drafts, kept 30 days.

Each record holds the whole entry as it was, under its own id. Once restored,
removed for good, or older than 30 days, a record keeps only its id and
times (a tombstone, no text). Every save here also turns the records that
have been kept for 30 days into tombstones, in the same write.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from tui.core.recently_deleted import DeletedItem, tombstone_of
from tui.core.timefmt import to_text
from tui.store.journal_repository import entry_from_document, entry_to_document
from tui.store.repository import Repository


class RecentlyDeletedRepository(Repository[DeletedItem]):
    """Keep, list, purge and turn into tombstones what was deleted from the journal."""

    table_name = "recently_deleted"

    def to_document(self, item: DeletedItem) -> dict[str, Any]:
        return {
            "id": item.id,
            "kind": item.kind,
            "deleted_at": item.deleted_at,
            "updated_at": item.updated_at,
            "entry": None if item.entry is None else entry_to_document(item.entry),
            "entry_id": item.entry_id,
            "restored": item.restored,
        }

    def from_document(self, document: Mapping[str, Any]) -> DeletedItem:
        entry = document.get("entry")
        return DeletedItem(
            id=str(document["id"]),
            kind=str(document.get("kind") or "entry"),
            deleted_at=str(document.get("deleted_at") or ""),
            updated_at=str(document.get("updated_at") or document.get("deleted_at") or ""),
            entry=entry_from_document(entry) if isinstance(entry, Mapping) else None,
            entry_id=document.get("entry_id"),
            restored=bool(document.get("restored")),
        )

    def listed(self, now: datetime) -> list[DeletedItem]:
        """What can still be brought back, most recently deleted first."""
        items = [item for item in self.all() if not item.is_tombstone and not item.is_expired(now)]
        return sorted(items, key=lambda item: item.deleted_at, reverse=True)

    def keep(self, item: DeletedItem, now: datetime) -> None:
        """Save ``item``, and in the same write drop the text of everything kept for 30 days."""
        stamp = to_text(now)
        expired = [tombstone_of(old, stamp) for old in self.all() if not old.is_tombstone and old.is_expired(now)]
        self.save_many([item, *expired])

    def purge_expired(self, now: datetime) -> int:
        """Drop the text of everything kept for 30 days; how many."""
        stamp = to_text(now)
        expired = [tombstone_of(old, stamp) for old in self.all() if not old.is_tombstone and old.is_expired(now)]
        return self.save_many(expired) if expired else 0
