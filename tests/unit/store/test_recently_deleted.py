"""Recently deleted (kept 30 days) and the journal changes that touch two tables in one write."""

from __future__ import annotations

import errno
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tui.core.journal import JournalEntry
from tui.core.recently_deleted import KEEP_DAYS, KIND_DRAFT, KIND_ENTRY
from tui.store import journal_keeping
from tui.store.errors import StoreWriteError
from tui.store.journal_draft_repository import JournalDraftRepository
from tui.store.journal_repository import JournalRepository
from tui.store.recently_deleted_repository import RecentlyDeletedRepository
from tui.store.store import Store

NOW = datetime(2026, 3, 2, 9, 30).astimezone()


def test_item9_1_discarding_a_draft_moves_it_to_recently_deleted_in_one_write(store: Store) -> None:
    drafts = store.repo(JournalDraftRepository)
    drafts.keep(JournalEntry.new(NOW, body="a page I wrote"), None)
    writes = store.database.storage.writes
    item = journal_keeping.discard_draft(store, NOW)
    assert store.database.storage.writes == writes + 1  # both tables changed in one write
    assert drafts.current() is None
    assert item is not None and item.kind == KIND_DRAFT
    (listed,) = store.repo(RecentlyDeletedRepository).listed(NOW)
    assert listed.entry is not None and listed.entry.body == "a page I wrote"
    assert listed.days_left(NOW) == KEEP_DAYS


def test_item9_1_a_discarded_draft_comes_back_as_a_journal_entry(store: Store) -> None:
    store.repo(JournalDraftRepository).keep(JournalEntry.new(NOW, body="bring me back"), None)
    item = journal_keeping.discard_draft(store, NOW)
    assert item is not None
    entry = journal_keeping.restore_deleted(store, item.id, NOW)
    assert entry is not None and store.repo(JournalRepository).get(entry.id).body == "bring me back"  # type: ignore[union-attr]
    assert store.repo(RecentlyDeletedRepository).listed(NOW) == []
    stone = store.repo(RecentlyDeletedRepository).get(item.id)
    assert stone is not None and stone.is_tombstone and stone.restored  # the id stays, the text does not


def test_item9_1_deleting_an_entry_keeps_it_and_restoring_never_overwrites(store: Store) -> None:
    entries = store.repo(JournalRepository)
    entry = JournalEntry.new(NOW, body="first version")
    entries.save(entry)
    item = journal_keeping.delete_entry(store, entry.id, NOW)
    assert item is not None and item.kind == KIND_ENTRY and entries.get(entry.id) is None
    entries.save(JournalEntry(**{**entry.__dict__, "body": "a newer page with the same id"}))
    back = journal_keeping.restore_deleted(store, item.id, NOW)
    assert back is not None and back.id != entry.id and back.body == "first version"
    assert entries.get(entry.id).body == "a newer page with the same id"  # type: ignore[union-attr]


def test_item9_1_removing_for_good_and_after_30_days_leaves_only_a_tombstone(store: Store) -> None:
    deleted = store.repo(RecentlyDeletedRepository)
    for words in ("old page", "other page"):
        store.repo(JournalDraftRepository).keep(JournalEntry.new(NOW, body=words), None)
        journal_keeping.discard_draft(store, NOW)
    first, second = sorted(deleted.listed(NOW), key=lambda item: item.entry.body)  # type: ignore[union-attr]
    assert journal_keeping.remove_for_good(store, first.id, NOW)
    assert [item.id for item in deleted.listed(NOW)] == [second.id]
    later = NOW + timedelta(days=KEEP_DAYS, minutes=1)
    assert deleted.listed(later) == []  # too old to offer
    store.repo(JournalDraftRepository).keep(JournalEntry.new(later, body="fresh page"), None)
    journal_keeping.discard_draft(store, later)  # a save purges what was kept 30 days
    stored = {item.id: item for item in deleted.all()}
    assert stored[first.id].is_tombstone and stored[second.id].is_tombstone
    assert "other page" not in str(store.database.snapshot())
    assert [item.entry.body for item in deleted.listed(later)] == ["fresh page"]  # type: ignore[union-attr]


def test_item9_14_a_save_that_succeeds_on_retry_clears_the_draft_too(
    file_store: Store, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    drafts = file_store.repo(JournalDraftRepository)
    entry = JournalEntry.new(NOW, body="saved on the second try")
    drafts.keep(entry, None)
    from tui.store import file_storage

    real = file_storage.write_private_file

    def full_disk(*args: object, **kwargs: object) -> object:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(file_storage, "write_private_file", full_disk)
    with pytest.raises(StoreWriteError):
        journal_keeping.save_entry(file_store, entry)
    monkeypatch.setattr(file_storage, "write_private_file", real)
    file_store.database.retry_save()
    path = file_store.path
    assert path is not None
    file_store.close()
    reopened = Store.open(path)
    try:
        assert reopened.repo(JournalRepository).get(entry.id) is not None
        assert reopened.repo(JournalDraftRepository).current() is None  # never offered again
    finally:
        reopened.close()


def test_item9_14_a_change_that_fails_inside_written_together_leaves_nothing_half_done(store: Store) -> None:
    store.repo(JournalDraftRepository).keep(JournalEntry.new(NOW, body="still here"), None)
    with pytest.raises(RuntimeError), store.database.written_together():
        store.repo(JournalDraftRepository).clear()
        raise RuntimeError("stopped part-way")
    draft = store.repo(JournalDraftRepository).current()
    assert draft is not None and draft.entry.body == "still here"


def test_item9_1_saving_an_entry_purges_what_was_kept_30_days(store: Store) -> None:
    store.repo(JournalDraftRepository).keep(JournalEntry.new(NOW, body="long ago"), None)
    journal_keeping.discard_draft(store, NOW)
    later = NOW + timedelta(days=KEEP_DAYS + 1)
    journal_keeping.save_entry(store, JournalEntry.new(later, body="today"), now=later)
    assert "long ago" not in str(store.database.snapshot())


def test_item9_1_days_left_counts_a_part_day_as_a_day(store: Store) -> None:
    store.repo(JournalDraftRepository).keep(JournalEntry.new(NOW, body="words"), None)
    item = journal_keeping.discard_draft(store, NOW)
    assert item is not None
    assert item.days_left(NOW + timedelta(minutes=5)) == KEEP_DAYS
    assert item.days_left(NOW + timedelta(days=KEEP_DAYS - 1, hours=1)) == 1
