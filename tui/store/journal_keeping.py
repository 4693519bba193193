"""Journal changes that touch two tables, each made as one write to the disk.

Saving an entry clears its draft; discarding a draft or deleting an entry
moves it into "recently deleted"; bringing one back moves it out again. Each
is done inside :meth:`Database.written_together`, so a crash or a save that
only succeeds on retry can never leave it half done: no saved entry whose
draft is still offered, no discarded draft that is in neither place.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from tui.core.ids import new_id
from tui.core.journal import JournalEntry
from tui.core.recently_deleted import KIND_DRAFT, KIND_ENTRY, DeletedItem, tombstone_of
from tui.core.timefmt import to_text
from tui.store.journal_draft_repository import JournalDraftRepository
from tui.store.journal_repository import JournalRepository
from tui.store.recently_deleted_repository import RecentlyDeletedRepository
from tui.store.store import Store


def save_entry(
    store: Store, entry: JournalEntry, *, draft_slot: str | None = None, now: datetime | None = None
) -> None:
    """Save ``entry`` and clear the draft it was written in (the editor's, or an exercise's), in one write.

    Given ``now``, the same write also drops the text of what was deleted 30 days ago.
    """
    with store.database.written_together():
        store.repo(JournalRepository).save(entry)
        store.repo(JournalDraftRepository).clear(draft_slot)
        if now is not None:
            store.repo(RecentlyDeletedRepository).purge_expired(now)


def discard_draft(store: Store, now: datetime, *, slot: str | None = None) -> DeletedItem | None:
    """Move the current draft into "recently deleted" (kept 30 days); the deleted item, or None if there was none."""
    drafts = store.repo(JournalDraftRepository)
    with store.database.written_together():
        draft = drafts.current(slot)
        if draft is None:
            drafts.clear(slot)
            return None
        stamp = to_text(now)
        item = DeletedItem(
            id=new_id(), kind=KIND_DRAFT, deleted_at=stamp, updated_at=stamp, entry=draft.entry, entry_id=draft.entry_id
        )
        store.repo(RecentlyDeletedRepository).keep(item, now)
        drafts.clear(slot)
    return item


def delete_entry(store: Store, entry_id: str, now: datetime) -> DeletedItem | None:
    """Move a saved entry into "recently deleted" (kept 30 days); the deleted item, or None if it was not there."""
    entries = store.repo(JournalRepository)
    with store.database.written_together():
        entry = entries.get(entry_id)
        if entry is None:
            return None
        stamp = to_text(now)
        item = DeletedItem(
            id=new_id(), kind=KIND_ENTRY, deleted_at=stamp, updated_at=stamp, entry=entry, entry_id=entry_id
        )
        store.repo(RecentlyDeletedRepository).keep(item, now)
        entries.delete(entry_id)
    return item


def restore_deleted(store: Store, item_id: str, now: datetime) -> JournalEntry | None:
    """Bring a deleted entry or discarded draft back into the journal as an entry; None if it is gone.

    A discarded draft comes back as a saved entry (so it can never be offered
    and discarded by accident again). Nothing already in the journal is ever
    overwritten: if its id is taken, it comes back under a new one.
    """
    deleted = store.repo(RecentlyDeletedRepository)
    entries = store.repo(JournalRepository)
    with store.database.written_together():
        item = deleted.get(item_id)
        if item is None or item.entry is None:
            return None
        entry = item.entry
        if entries.get(entry.id) is not None:
            entry = replace(entry, id=new_id())
        entries.save(entry)
        deleted.save(tombstone_of(item, to_text(now), restored=True))
    return entry


def remove_for_good(store: Store, item_id: str, now: datetime) -> bool:
    """Drop the text of a deleted item now (its tombstone stays); True if there was text to drop."""
    deleted = store.repo(RecentlyDeletedRepository)
    with store.database.written_together():
        item = deleted.get(item_id)
        if item is None or item.entry is None:
            return False
        deleted.save(tombstone_of(item, to_text(now)))
    return True
