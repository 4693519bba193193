"""Issue 19: a database in a synced folder: conflict copies, temp and lock names, files replaced underneath."""

from __future__ import annotations

import os
import shutil
from datetime import datetime
from pathlib import Path

import pytest

from tui.core.journal import JournalEntry
from tui.store import codec
from tui.store.conflict_copies import find_conflict_copies, is_conflict_copy
from tui.store.database import lock_path_for
from tui.store.errors import StoreWriteError
from tui.store.journal_repository import JournalRepository
from tui.store.permissions import sweep_stale_temp_files, temp_name_for
from tui.store.store import Store

NOW = datetime(2026, 12, 3, 12, 0).astimezone()
DB = Path("/sync/heartwork.json")


@pytest.mark.parametrize(
    "name",
    [
        "heartwork.sync-conflict-20261203-174501-ABCDEF7.json",
        "heartwork.sync-conflict-20261203-174501-ABCDEF7.sync-conflict-20261204-080000-ZZZZ999.json",
        "heartwork (conflicted copy 2026-12-03).json",
        "heartwork (Sam's conflicted copy 2026-12-03).json",
        "heartwork (conflicted copy 2026-12-03 174501).json",
        "heartwork (Conflicted Copy).json",
    ],
)
def test_item19_3_conflict_names_are_recognised(name: str) -> None:
    assert is_conflict_copy(DB, name)


@pytest.mark.parametrize(
    "name",
    [
        "heartwork.json",
        "heartwork.json.lock",
        ".heartwork.json.4242-laptop.9f3a01bc.tmp",
        ".heartwork.sync-conflict-20261203-174501-ABCDEF7.json.4242-laptop.9f3a01bc.tmp",
        ".syncthing.heartwork.json.tmp",
        "heartwork.sync-conflict-20261203-174501-ABCDEF7.json.lock",
        "heartwork.sync-conflict-2026-174501-ABCDEF7.json",
        "other.sync-conflict-20261203-174501-ABCDEF7.json",
        "heartwork (conflicted copy 2026-12-03).json.tmp",
        "heartwork-inbox (conflicted copy 2026-12-03).json",
    ],
)
def test_item19_1_temp_lock_and_other_files_are_never_taken_for_a_copy(name: str) -> None:
    assert not is_conflict_copy(DB, name)


def test_item19_1_temp_and_lock_names_match_the_documented_stignore_lines() -> None:
    temp = temp_name_for(DB)
    assert temp.startswith(".heartwork.json.") and temp.endswith(".tmp")
    assert lock_path_for(DB).name == "heartwork.json.lock"
    readme = (Path(__file__).parents[3] / "README.md").read_text(encoding="utf-8")
    assert "(?d).heartwork.json.*.tmp" in readme and "(?d)heartwork.json.lock" in readme


def test_item19_1_a_temp_file_from_another_computer_is_not_swept_while_fresh(tmp_path: Path) -> None:
    database = tmp_path / "heartwork.json"
    foreign = tmp_path / ".heartwork.json.4242-otherbox.9f3a01bc.tmp"
    foreign.write_bytes(b"{}")
    assert sweep_stale_temp_files(database) == 0 and foreign.exists()
    old = datetime(2020, 1, 1).timestamp()
    os.utime(foreign, (old, old))
    assert sweep_stale_temp_files(database) == 1 and not foreign.exists()


def _entry(body: str) -> JournalEntry:
    return JournalEntry.new(NOW, body=body)


def _conflict_copy_of(
    source: Path, folder: Path, name: str = "heartwork.sync-conflict-20261203-174501-ABCDEF7.json"
) -> Path:
    """What a sync tool does when two computers changed the file: keep one version under this name."""
    copy = folder / name
    shutil.copyfile(source, copy)
    return copy


def test_item19_3_conflict_copy_found_at_start_is_merged_and_moved_into_backups(tmp_path: Path) -> None:
    database = tmp_path / "sync" / "heartwork.json"
    store = Store.open(database)
    journal = store.repo(JournalRepository)
    shared, theirs_only = _entry("shared"), _entry("written on the desktop")
    journal.save(shared)
    journal.save(theirs_only)
    journal.delete(theirs_only.id)  # the laptop deleted one, added one and edited the shared one
    mine = journal.save(_entry("written on the laptop"))
    journal.save(JournalEntry(**{**shared.__dict__, "body": "shared, edited on the laptop"}))
    edited_there = JournalEntry(**{**shared.__dict__, "body": "edited on the desktop, later"})
    edited_there.updated_at = "2099-01-01T00:00:00+00:00"
    desktop = Store.open(tmp_path / "desktop" / "heartwork.json")  # the desktop still has the deleted one
    desktop.repo(JournalRepository).save_many([theirs_only, edited_there])
    desktop.close()
    copy = _conflict_copy_of(tmp_path / "desktop" / "heartwork.json", database.parent)
    store.close()

    reopened = Store.open(database)
    report = reopened.opening_conflicts
    assert report is not None and len(report.merged) == 1
    assert report.merged[0].parent == database.parent / "backups" and report.merged[0].exists()
    assert find_conflict_copies(database) == []
    bodies = sorted(entry.body for entry in reopened.repo(JournalRepository).all())
    assert bodies == ["edited on the desktop, later", "written on the laptop"]  # deleted stays deleted
    assert mine.id in {entry.id for entry in reopened.repo(JournalRepository).all()}
    assert report.merged[0].name == copy.name
    assert report.describe().startswith("Merged a copy from your sync folder:")
    assert "earlier version" in report.describe()
    reopened.close()


def test_item19_3_a_copy_that_cannot_be_read_is_left_alone_and_reported_once(tmp_path: Path) -> None:
    database = tmp_path / "heartwork.json"
    store = Store.open(database)
    copy = database.parent / "heartwork (conflicted copy 2026-12-03).json"
    copy.write_bytes(b"{ not json")
    first = store.merge_conflict_copies()
    assert [path for path, _ in first.left_alone] == [copy] and "could not be read" in first.describe()
    assert not store.merge_conflict_copies().anything
    assert copy.read_bytes() == b"{ not json"
    store.close()


def test_item19_2_file_replaced_underneath_during_a_pending_change_merges_by_id(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A sync tool renames another computer's file in while our save waits for a retry.

    That file numbers its records its own way: our pending edit must land on
    our record by id (not overwrite their record with the same number), and
    their additions must survive.
    """
    database = tmp_path / "heartwork.json"
    store = Store.open(database)
    journal = store.repo(JournalRepository)
    ours = _entry("ours, first words")
    journal.save(ours)

    def disk_full(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("tui.store.file_storage.write_private_file", disk_full)
    with pytest.raises(StoreWriteError):
        journal.save(JournalEntry(**{**ours.__dict__, "body": "ours, edited while the disk was full"}))
    assert store.database.unsaved_changes
    monkeypatch.undo()

    # the other computer's file: their entry under number 1, ours under number 2
    theirs_entry = _entry("theirs, from the desktop")
    from tui.store.journal_repository import entry_to_document

    replacement = codec.decode(database.read_bytes())
    replacement["journal_entries"] = {"1": entry_to_document(theirs_entry), "2": entry_to_document(ours)}
    incoming = tmp_path / ".syncthing.heartwork.json.tmp"
    incoming.write_bytes(codec.encode(replacement))
    os.replace(incoming, database)  # what a sync engine does: a new inode renamed in

    store.database.retry_save()
    after = Store.open(database)
    bodies = sorted(entry.body for entry in after.repo(JournalRepository).all())
    assert bodies == ["ours, edited while the disk was full", "theirs, from the desktop"]
    after.close()
    store.close()


def test_item19_2_file_replaced_underneath_is_reloaded_before_the_next_write(tmp_path: Path) -> None:
    database = tmp_path / "heartwork.json"
    store = Store.open(database)
    journal = store.repo(JournalRepository)
    journal.save(_entry("laptop"))
    other = Store.open(tmp_path / "other" / "heartwork.json")
    other.repo(JournalRepository).save(_entry("desktop"))
    other.close()
    os.replace(tmp_path / "other" / "heartwork.json", database)
    journal.save(_entry("laptop again"))
    assert sorted(entry.body for entry in Store.open(database).repo(JournalRepository).all()) == [
        "desktop",
        "laptop again",
    ]
    store.close()


def test_item19_3_the_keep_deletion_marks_setting_drops_old_tombstones_at_the_next_merge(tmp_path: Path) -> None:
    from tui.core.record_merge import TOMBSTONES_TABLE
    from tui.core.settings import Settings
    from tui.store import tombstones

    database = tmp_path / "heartwork.json"
    store = Store.open(database)
    store.settings.save(Settings(keep_deletion_marks_days=5))
    journal = store.repo(JournalRepository)
    old, recent = _entry("deleted long ago"), _entry("deleted lately")
    journal.save_many([old, recent])
    saved_clock = tombstones.clock
    tombstones.clock = lambda: datetime.now().astimezone().replace(year=2020)
    try:
        journal.delete(old.id)
    finally:
        tombstones.clock = saved_clock
    journal.delete(recent.id)
    _conflict_copy_of(database, tmp_path)
    report = store.merge_conflict_copies()
    assert len(report.merged) == 1
    stones = (store.database.storage.read() or {})[TOMBSTONES_TABLE]
    assert [stone["record_id"] for stone in stones.values()] == [recent.id]
    store.close()


def test_item19_3_heartwork_sync_merges_copies_and_never_creates_a_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tui.cli.main import main

    missing = tmp_path / "none" / "heartwork.json"
    assert main(["--db", str(missing), "sync"]) == 0
    assert "no database" in capsys.readouterr().out and not missing.parent.exists()
    database = tmp_path / "heartwork.json"
    store = Store.open(database)
    store.repo(JournalRepository).save(_entry("here"))
    store.close()
    other = Store.open(tmp_path / "desktop" / "heartwork.json")
    other.repo(JournalRepository).save(_entry("there"))
    other.close()
    _conflict_copy_of(tmp_path / "desktop" / "heartwork.json", tmp_path)
    assert main(["--db", str(database), "sync"]) == 0
    assert capsys.readouterr().out.strip() == "Merged a copy from your sync folder: 1 new."
    assert main(["--db", str(database), "sync"]) == 0
    assert "Nothing to merge" in capsys.readouterr().out
