"""The storage itself: atomic private writes, strict values, caching, locking, write failures."""

from __future__ import annotations

import errno
import math
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest
from param_ids import stable_repr

from tui.store import permissions
from tui.store.database import Database, lock_path_for
from tui.store.errors import CorruptDatabaseError, InvalidValueError, StoreWriteError
from tui.store.file_storage import AtomicFileStorage


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def on_disk(path: Path) -> dict:
    return orjson.loads(path.read_bytes())


@pytest.fixture(params=["file", "memory"])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    db = Database.open(tmp_path / "data" / "heartwork.json") if request.param == "file" else Database.in_memory()
    yield db
    db.close()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "heartwork.json"


# -- values JSON cannot hold are refused before the disk is touched ----------------------

BAD_VALUES = [
    math.nan,
    math.inf,
    -math.inf,
    b"bytes",
    {1, 2},
    object(),
    {"nested": [1, math.nan]},
    {3: "int key"},
    2**70,
]


@pytest.mark.parametrize("bad", BAD_VALUES, ids=stable_repr)
def test_every_write_path_refuses_values_json_cannot_hold(database: Database, bad: object) -> None:
    table = database.table("things")
    table.save_records([{"id": "a", "value": 1, "tags": ["x"]}])
    before = database.snapshot()
    attempts = [
        lambda: table.insert({"value": bad}),
        lambda: table.insert_multiple([{"value": 2}, {"value": bad}]),
        lambda: table.update({"value": bad}),
        lambda: table.update(lambda doc: doc.__setitem__("value", bad)),
        lambda: table.update(lambda doc: doc["tags"].append(bad), doc_ids=[1]),
        lambda: table.update_multiple([(lambda doc: doc.__setitem__("value", bad), lambda doc: True)]),
        lambda: table.upsert({"id": "b", "value": bad}, lambda doc: doc.get("id") == "b"),
        lambda: table.save_records([{"id": "c", "value": bad}]),
    ]
    for attempt in attempts:
        with pytest.raises(InvalidValueError):
            attempt()
        assert database.snapshot() == before, "a refused change must leave memory as it was"
    if database.path is not None:
        assert on_disk(database.path) == before
    table.save_records([{"id": "d", "value": 2}])
    assert {doc["id"] for doc in table.all()} == {"a", "d"}


def test_an_error_inside_an_update_callable_leaves_nothing_half_done(database: Database) -> None:
    table = database.table("things")
    table.save_records([{"id": str(n), "n": n} for n in range(3)])

    def explode_on_second(doc: dict) -> None:
        doc["n"] += 100
        if doc["id"] == "1":
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        table.update(explode_on_second)
    assert sorted(doc["n"] for doc in table.all()) == [0, 1, 2]
    table.save_records([{"id": "3", "n": 3}])
    assert sorted(doc["n"] for doc in table.all()) == [0, 1, 2, 3]


def test_records_are_saved_replaced_found_and_deleted_by_string_id(database: Database) -> None:
    table = database.table("things")
    table.save_records([{"id": "a", "text": "first", "extra": 1}])
    table.save_records([{"id": "a", "text": "second"}, {"id": "b", "text": "other"}])
    assert dict(table.get_record("a") or {}) == {"id": "a", "text": "second"}
    assert len(table) == 2
    assert table.delete_record("a") is True
    assert table.delete_record("a") is False
    assert table.get_record("a") is None
    table.insert({"id": "c", "text": "through plain TinyDB"})
    assert dict(table.get_record("c") or {}) == {"id": "c", "text": "through plain TinyDB"}


# -- the file: atomic, durable, private, UTF-8 --------------------------------------------


@pytest.mark.parametrize("umask", [0o022, 0o000])
def test_folder_and_every_file_are_private_whatever_the_umask(tmp_path: Path, umask: int) -> None:
    old = os.umask(umask)
    try:
        path = tmp_path / f"umask{umask:o}" / "heartwork.json"
        db = Database.open(path, own_folder=True)
        db.table("things").insert({"id": "a"})
        db.table("things").insert({"id": "b"})
    finally:
        os.umask(old)
    assert mode_of(path.parent) == 0o700
    assert mode_of(path) == 0o600
    assert mode_of(lock_path_for(path)) == 0o600
    assert mode_of(path.parent / "backups") == 0o700
    backups = list((path.parent / "backups").iterdir())
    assert backups and all(mode_of(backup) == 0o600 for backup in backups)


def test_an_existing_file_with_loose_permissions_is_made_private(db_path: Path) -> None:
    db_path.parent.mkdir()
    db_path.write_text("{}")
    db_path.chmod(0o644)
    Database.open(db_path).close()
    assert mode_of(db_path) == 0o600


def test_text_is_written_as_utf8_not_escaped(db_path: Path) -> None:
    db = Database.open(db_path)
    db.table("journal").insert({"id": "a", "body": "Ça va 😊 你好 שלום"})
    assert "Ça va 😊 你好 שלום".encode() in db_path.read_bytes()


def test_a_save_writes_a_new_file_and_renames_it_into_place(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = Database.open(db_path)
    inode_before = db_path.stat().st_ino
    fsynced: list[int] = []
    real_fsync = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (fsynced.append(fd), real_fsync(fd))[1])
    db.table("things").insert({"id": "a"})
    assert db_path.stat().st_ino != inode_before, "the old file must be replaced, never rewritten in place"
    assert len(fsynced) >= 2, "the new file and its folder are both fsynced before the save returns"
    assert [p.name for p in db_path.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_stale_temp_files_of_dead_writers_are_swept_at_open(db_path: Path) -> None:
    db_path.parent.mkdir()
    dead = db_path.parent / f".{db_path.name}.999999999.deadbeef.tmp"
    dead.write_text("half a save")
    unrelated = db_path.parent / "notes.txt"
    unrelated.write_text("keep me")
    Database.open(db_path).close()
    assert not dead.exists()
    assert unrelated.exists()


# -- the parsed data is reused while the file is unchanged ------------------------------------


def test_the_parsed_file_is_reused_until_another_process_replaces_it(db_path: Path) -> None:
    db = Database.open(db_path)
    storage = db.storage
    assert isinstance(storage, AtomicFileStorage)
    db.table("things").insert({"id": "a"})
    reads = storage.reads_from_disk
    for _ in range(5):
        db.table("things").all()
        db.table("things").insert({"id": "more"})
    assert storage.reads_from_disk == reads, "our own saves and reads must not re-parse the file"
    other = Database.open(db_path)
    other.table("things").insert({"id": "from-other"})
    assert "from-other" in {doc["id"] for doc in db.table("things").all()}
    assert storage.reads_from_disk == reads + 1


def test_another_processs_write_resets_the_cached_next_document_id(db_path: Path) -> None:
    first = Database.open(db_path)
    second = Database.open(db_path)
    first.table("things").insert({"id": "a"})  # first now caches next id 2
    second.table("things").insert({"id": "b"})  # takes document 2 on disk
    first.table("things").insert({"id": "c"})  # must not reuse 2 and overwrite "b"
    assert sorted(doc["id"] for doc in on_disk(db_path)["things"].values()) == ["a", "b", "c"]


def test_refresh_reports_changes_made_by_another_process(db_path: Path) -> None:
    db = Database.open(db_path)
    assert db.refresh() is False
    Database.open(db_path).table("things").insert({"id": "x"})
    assert db.refresh() is True
    assert [doc["id"] for doc in db.table("things").all()] == ["x"]
    assert db.refresh() is False


# -- full disk, read-only folder, missing folder -------------------------------------------


def failing(error_number: int, real: object) -> object:
    def fail(*args: object, **kwargs: object) -> object:
        raise OSError(error_number, os.strerror(error_number))

    return fail


@pytest.mark.parametrize(
    ("target", "error_number", "words"),
    [
        ("write", errno.ENOSPC, "the disk is full"),
        ("open", errno.EROFS, "read-only"),
        ("open", errno.EACCES, "not allowed to write"),
        ("replace", errno.EROFS, "read-only"),
        ("fsync", errno.EIO, "Input/output error"),
    ],
)
def test_a_failed_save_says_why_keeps_the_old_file_and_the_change_for_a_retry(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, target: str, error_number: int, words: str
) -> None:
    db = Database.open(db_path)
    db.table("things").insert({"id": "saved"})
    before = db_path.read_bytes()
    real = getattr(os, target)

    def broken(*args: object, **kwargs: object) -> object:
        if target == "open" and not str(args[0]).endswith(".tmp"):
            return real(*args, **kwargs)
        raise OSError(error_number, os.strerror(error_number))

    monkeypatch.setattr(os, target, broken)
    with pytest.raises(StoreWriteError) as caught:
        db.table("things").insert({"id": "waiting"})
    message = str(caught.value)
    assert str(db_path) in message and words in message and "kept in memory" in message
    assert db_path.read_bytes() == before
    assert [p.name for p in db_path.parent.iterdir() if p.name.endswith(".tmp")] == []
    assert db.unsaved_changes
    assert {doc["id"] for doc in db.table("things").all()} == {"saved", "waiting"}
    monkeypatch.setattr(os, target, real)
    db.retry_save()
    assert not db.unsaved_changes
    assert {doc["id"] for doc in on_disk(db_path)["things"].values()} == {"saved", "waiting"}


def test_a_missing_folder_is_reported_and_the_change_kept(db_path: Path) -> None:
    db = Database.open(db_path)
    db.table("things").insert({"id": "saved"})
    moved = db_path.parent.with_name("moved")
    db_path.parent.rename(moved)
    with pytest.raises(StoreWriteError, match="no longer exists"):
        db.table("things").insert({"id": "waiting"})
    assert not db_path.parent.exists(), "a vanished folder is not silently recreated"
    moved.rename(db_path.parent)
    db.retry_save()
    assert {doc["id"] for doc in on_disk(db_path)["things"].values()} == {"saved", "waiting"}


def test_a_change_waiting_for_retry_is_merged_with_another_processs_save(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mine = Database.open(db_path)
    mine.table("things").save_records([{"id": "shared", "v": 0}, {"id": "gone", "v": 0}])
    real_write = os.write
    monkeypatch.setattr(os, "write", failing(errno.ENOSPC, real_write))
    with pytest.raises(StoreWriteError):
        mine.table("things").save_records([{"id": "mine", "v": 1}])
    monkeypatch.setattr(os, "write", real_write)
    other = Database.open(db_path)
    other.table("things").save_records([{"id": "theirs", "v": 1}])
    other.table("things").delete_record("gone")
    mine.retry_save()
    ids = sorted(doc["id"] for doc in on_disk(db_path)["things"].values())
    assert ids == ["mine", "shared", "theirs"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores folder permissions")
def test_a_real_read_only_folder_is_reported(db_path: Path) -> None:
    db = Database.open(db_path)
    db.table("things").insert({"id": "saved"})
    before = db_path.read_bytes()
    db_path.parent.chmod(0o500)
    try:
        with pytest.raises(StoreWriteError, match="not allowed to write"):
            db.table("things").insert({"id": "waiting"})
        assert db_path.read_bytes() == before
    finally:
        db_path.parent.chmod(0o700)


def test_private_files_are_written_whole_or_not_at_all(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "export.json"
    target.write_bytes(b"old")
    monkeypatch.setattr(os, "write", failing(errno.ENOSPC, os.write))
    with pytest.raises(OSError):
        permissions.write_private_file(target, b"new content")
    assert target.read_bytes() == b"old"
    assert list(tmp_path.iterdir()) == [target]
    monkeypatch.undo()
    with pytest.raises(FileExistsError):
        permissions.write_private_file(target, b"new content", overwrite=False)
    assert target.read_bytes() == b"old"


def test_a_reader_iterating_a_table_is_not_disturbed_by_a_save(database: Database) -> None:
    table = database.table("things")
    table.save_records([{"id": str(n)} for n in range(3)])
    reading = iter(table._read_table().values())
    next(reading)
    table.save_records([{"id": "new"}])
    table.insert({"id": "newer"})
    assert len(list(reading)) == 2, "the reader keeps the version it started with"
    assert len(table) == 5


def test_a_loose_lock_file_left_by_an_older_version_is_made_private(db_path: Path) -> None:
    db_path.parent.mkdir()
    lock = lock_path_for(db_path)
    lock.write_bytes(b"")
    lock.chmod(0o644)
    Database.open(db_path).table("things").insert({"id": "a"})
    assert mode_of(lock) == 0o600


def test_a_file_broken_while_open_keeps_reads_working_refuses_saves_and_is_never_overwritten(db_path: Path) -> None:
    db = Database.open(db_path)
    db.table("things").save_records([{"id": "a"}])
    good = db_path.read_bytes()
    broken = b'{"things": {"1": {"id": "a"'
    permissions.write_private_file(db_path, broken)  # another program replaced it with something unreadable
    with pytest.raises(CorruptDatabaseError, match=str(db_path)):
        db.refresh()
    assert db.refresh() is False, "reported once, not every poll"
    assert [doc["id"] for doc in db.table("things").all()] == ["a"], "the last good data is still shown"
    with pytest.raises(CorruptDatabaseError):
        db.table("things").save_records([{"id": "b"}])
    assert db_path.read_bytes() == broken
    permissions.write_private_file(db_path, good)
    assert db.refresh() is True
    db.table("things").save_records([{"id": "b"}])
    assert sorted(doc["id"] for doc in on_disk(db_path)["things"].values()) == ["a", "b"]


def test_a_vanished_folder_keeps_what_is_shown(db_path: Path) -> None:
    db = Database.open(db_path)
    db.table("things").save_records([{"id": "a"}])
    moved = db_path.parent.with_name("unplugged")
    db_path.parent.rename(moved)
    assert db.refresh() is False
    assert [doc["id"] for doc in db.table("things").all()] == ["a"]
    moved.rename(db_path.parent)
    assert db.refresh() is False


def test_a_database_on_a_read_only_disk_opens_for_reading_and_explains_saves(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = Database.open(db_path)
    db.table("things").save_records([{"id": "a"}])
    db.close()
    db_path.chmod(0o644)
    before = db_path.read_bytes()
    real_open = os.open

    def read_only_disk(*args: object, **kwargs: object) -> object:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    def open_for_reading_only(path: object, flags: int, *args: object, **kwargs: object) -> int:
        if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            raise OSError(errno.EROFS, os.strerror(errno.EROFS))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "chmod", read_only_disk)
    monkeypatch.setattr(os, "open", open_for_reading_only)
    reopened = Database.open(db_path)
    assert [doc["id"] for doc in reopened.table("things").all()] == ["a"]
    with pytest.raises(StoreWriteError, match="read-only"):
        reopened.table("things").save_records([{"id": "b"}])
    assert db_path.read_bytes() == before


def test_a_folder_that_cannot_be_created_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(Path, "mkdir", refuse)
    with pytest.raises(StoreWriteError, match="not allowed to write"):
        Database.open(tmp_path / "nowhere" / "heartwork.json")


def test_when_the_lock_cannot_be_taken_the_message_says_nothing_changed(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = Database.open(db_path)
    lock = db._file_lock
    assert lock is not None

    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(lock, "acquire", refuse)
    with pytest.raises(StoreWriteError, match="nothing was changed") as caught:
        db.table("things").save_records([{"id": "a"}])
    assert caught.value.change_kept is False
    assert not db.unsaved_changes and db.table("things").all() == []
