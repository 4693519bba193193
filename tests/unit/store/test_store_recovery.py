"""Files that cannot be used are never touched; backups; schema versions and migrations; restore."""

from __future__ import annotations

import os
import stat
import time
from datetime import datetime
from pathlib import Path

import orjson
import pytest
from tinydb import TinyDB
from tinydb.storages import JSONStorage

from tui.store.backups import BackupRotator
from tui.store.database import Database
from tui.store.errors import CorruptDatabaseError, DatabaseTooNewError, StoreError
from tui.store.migrations import CURRENT_VERSION, META_TABLE, version_of
from tui.store.restore import (
    current_file_state,
    list_backups,
    newest_good_backup,
    restore_backup,
)

BAD_FILES = {
    "empty": (b"", "empty"),
    "whitespace": (b"  \n", "empty"),
    "truncated": (b'{"checkins": {"1": {"id": "a", "note": "hal', "not valid JSON"),
    "not utf-8": (b'{"checkins": {"1": {"note": "\xff\xfe"}}}', "not UTF-8"),
    "a list": (b"[1, 2, 3]", "does not hold a set of tables"),
    "a table that is a list": (b'{"checkins": [1]}', "not a set of records"),
    "a record that is text": (b'{"checkins": {"1": "hello"}}', "is not a record"),
    "a key that is not a number": (b'{"checkins": {"one": {}}}', "not a number"),
}


def make_backups(path: Path, count: int) -> Database:
    """A database with ``count`` backups (one per save, no waiting between them)."""
    db = Database.open(path)
    assert db.backups is not None
    db.backups.min_interval = 0
    for number in range(count):
        db.table("things").save_records([{"id": f"r{number}", "n": number}])
    return db


@pytest.mark.parametrize("name", list(BAD_FILES))
def test_an_unusable_file_is_kept_byte_for_byte_and_named_with_the_newest_backup(tmp_path: Path, name: str) -> None:
    path = tmp_path / "heartwork.json"
    make_backups(path, 2).close()
    payload, words = BAD_FILES[name]
    path.write_bytes(payload)
    path.chmod(0o600)
    before = os.stat(path)
    with pytest.raises(CorruptDatabaseError) as caught:
        Database.open(path)
    message = str(caught.value)
    assert str(path) in message and words in message and "has not been changed or deleted" in message
    newest = newest_good_backup(path)
    assert newest is not None and caught.value.newest_backup == newest.path and str(newest.path) in message
    assert path.read_bytes() == payload
    after = os.stat(path)
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_an_unusable_file_without_backups_says_so(tmp_path: Path) -> None:
    path = tmp_path / "heartwork.json"
    path.write_bytes(b"{oops")
    with pytest.raises(CorruptDatabaseError, match="No backup was found"):
        Database.open(path)
    assert path.read_bytes() == b"{oops"


# -- backups ------------------------------------------------------------------------------


def test_backups_rotate_keep_five_are_private_and_hold_saved_states(tmp_path: Path) -> None:
    path = tmp_path / "data" / "heartwork.json"
    make_backups(path, 8).close()
    backups = list_backups(path)
    assert len(backups) == 5
    folder = path.parent / "backups"
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert all(stat.S_IMODE(b.path.stat().st_mode) == 0o600 for b in backups)
    assert [b.path for b in backups] == sorted((b.path for b in backups), reverse=True)
    assert backups[0].path.read_bytes() == path.read_bytes(), "the newest backup is the last successful save"
    assert all(b.readable for b in backups)
    for backup in backups:
        assert backup.path.stat().st_ino != path.stat().st_ino, "a backup is a copy, not a link to the live file"


def test_a_backup_is_made_only_after_a_successful_write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "heartwork.json"
    db = make_backups(path, 1)
    count = len(list_backups(path))
    monkeypatch.setattr(os, "fsync", lambda fd: (_ for _ in ()).throw(OSError(5, "Input/output error")))
    with pytest.raises((StoreError, OSError)):
        db.table("things").save_records([{"id": "never"}])
    monkeypatch.undo()
    assert len(list_backups(path)) == count
    assert all(b"never" not in b.path.read_bytes() for b in list_backups(path))


def test_backups_are_made_at_most_every_few_minutes_by_default(tmp_path: Path) -> None:
    path = tmp_path / "heartwork.json"
    db = Database.open(path)
    for number in range(5):
        db.table("things").save_records([{"id": str(number)}])
    assert len(BackupRotator(path).backups()) == 1


# -- schema versions -----------------------------------------------------------------------


def test_a_plain_tinydb_file_from_version_1_is_migrated(tmp_path: Path) -> None:
    path = tmp_path / "heartwork.json"
    stock = TinyDB(path, storage=JSONStorage)
    stock.table("checkins").insert({"at": "2026-03-02T09:30:00+01:00", "pleasantness": 6, "note": "fine"})
    stock.table("checkins").insert({"id": "kept-id", "at": "2026-03-02T19:30:00+01:00", "pleasantness": 8})
    stock.close()
    db = Database.open(path)
    data = orjson.loads(path.read_bytes())
    assert version_of(data) == CURRENT_VERSION
    ids = [doc["id"] for doc in data["checkins"].values()]
    assert ids[1] == "kept-id" and isinstance(ids[0], str) and len(ids[0]) >= 16
    assert data["checkins"]["1"]["note"] == "fine"
    assert [doc["id"] for doc in db.table("checkins").all()] == ids
    reopened = Database.open(path)
    assert [doc["id"] for doc in reopened.table("checkins").all()] == ids, "ids stay stable after migration"


def test_a_file_from_a_newer_version_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "heartwork.json"
    payload = orjson.dumps({META_TABLE: {"1": {"schema_version": CURRENT_VERSION + 1}}, "checkins": {}})
    path.write_bytes(payload)
    with pytest.raises(DatabaseTooNewError, match="newer version of Heartwork"):
        Database.open(path)
    assert path.read_bytes() == payload


def test_a_new_database_is_stamped_with_the_current_version(tmp_path: Path) -> None:
    path = tmp_path / "new" / "heartwork.json"
    Database.open(path).close()
    assert version_of(orjson.loads(path.read_bytes())) == CURRENT_VERSION
    assert version_of(Database.in_memory().snapshot()) == CURRENT_VERSION


# -- restore ---------------------------------------------------------------------------------


def test_restoring_keeps_an_unreadable_file_aside_and_puts_the_newest_backup_back(tmp_path: Path) -> None:
    path = tmp_path / "heartwork.json"
    make_backups(path, 3).close()
    newest = newest_good_backup(path)
    assert newest is not None
    path.write_bytes(b"\x00garbage")
    assert current_file_state(path) == "unreadable"
    result = restore_backup(path, newest.path, now=datetime(2026, 3, 2, 9, 30, 5))
    assert result.kept_as == tmp_path / "heartwork.json.unreadable-20260302-093005"
    assert result.kept_as.read_bytes() == b"\x00garbage"
    assert stat.S_IMODE(result.kept_as.stat().st_mode) == 0o600
    assert path.read_bytes() == newest.path.read_bytes()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [doc["id"] for doc in Database.open(path).table("things").all()] == ["r0", "r1", "r2"]


def test_restoring_over_a_readable_file_keeps_it_as_before_restore(tmp_path: Path) -> None:
    path = tmp_path / "heartwork.json"
    make_backups(path, 2).close()
    oldest = list_backups(path)[-1]
    current = path.read_bytes()
    result = restore_backup(path, oldest.path, now=datetime(2026, 3, 2, 9, 30, 5))
    assert result.kept_as is not None and result.kept_as.name == "heartwork.json.before-restore-20260302-093005"
    assert result.kept_as.read_bytes() == current
    again = restore_backup(path, oldest.path, now=datetime(2026, 3, 2, 9, 30, 5))
    assert again.kept_as is not None and again.kept_as.name.endswith("-093005-2"), "never overwrites a kept file"


def test_a_bad_backup_is_refused_before_anything_changes(tmp_path: Path) -> None:
    path = tmp_path / "heartwork.json"
    make_backups(path, 1).close()
    current = path.read_bytes()
    bad = tmp_path / "bad.json"
    bad.write_bytes(b"{nope")
    with pytest.raises(CorruptDatabaseError):
        restore_backup(path, bad)
    assert path.read_bytes() == current
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "backups",
        "bad.json",
        "heartwork.json",
        "heartwork.json.lock",
    ]


def test_an_unreadable_backup_is_listed_but_never_offered(tmp_path: Path) -> None:
    path = tmp_path / "heartwork.json"
    make_backups(path, 2).close()
    time.sleep(0.01)
    broken = path.parent / "backups" / f"heartwork-{datetime.now():%Y%m%d-%H%M%S-%f}.json"
    broken.write_bytes(b"{")
    backups = list_backups(path)
    assert backups[0].path == broken and not backups[0].readable
    newest = newest_good_backup(path)
    assert newest is not None and newest.path == backups[1].path


def test_backup_interval_holds_across_processes(tmp_path) -> None:
    """A second process (a new rotator) does not back up again within the interval."""
    from tui.store.backups import BackupRotator

    database = tmp_path / "heartwork.json"
    saved = b'{"_meta": {}, "things": {"1": {"id": "a"}}}'  # an empty database is never backed up
    database.write_bytes(saved)
    first = BackupRotator(database, min_interval=600)
    assert first.after_successful_write(database, saved) is not None
    second = BackupRotator(database, min_interval=600)
    assert second.after_successful_write(database, saved) is None
    assert len(second.backups()) == 1
    third = BackupRotator(database, min_interval=0)
    assert third.after_successful_write(database, saved) is not None
    assert len(third.backups()) == 2
