"""A save streams the file (issue 12.3): each piece is written as it is made, nothing whole is held.

The pieces join to exactly :func:`codec.encode`'s bytes; an encrypted save is
sealed a chunk at a time into the body :func:`seal_chunked` would give; the
backup is copied from the file just written. A value that cannot be saved,
found in the last piece, leaves the file and the backups untouched and memory
rolled back; a disk that fails midway keeps the change for a retry and leaves
no temp file behind.
"""

from __future__ import annotations

import errno
import itertools
import os
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import nacl.utils
import orjson
import pytest
from encrypted_db import sealed_database
from hypothesis import given
from hypothesis import strategies as st

from tui.store import codec, file_pieces
from tui.store.database import Database
from tui.store.errors import InvalidValueError, StoreWriteError
from tui.store.sealed_body import CHUNK_BYTES, TAG_BYTES, open_chunked, seal_chunked, seal_stream
from tui.store.session_lock import SessionLockedError, lock_session

texts = st.text(alphabet=st.characters(codec="utf-8"), max_size=12)
values = st.one_of(texts, st.integers(-(1 << 40), 1 << 40), st.booleans(), st.none(), st.lists(texts, max_size=3))
records = st.dictionaries(texts, values, max_size=4)
tables = st.dictionaries(st.integers(1, 400).map(str), records, max_size=40)
databases = st.dictionaries(texts, tables, max_size=5)

NOTE = "A quiet walk after lunch, and a kinder word to myself than yesterday. "
NOTES = 3000  # about 600 KB: a few pieces of the file


@given(databases, st.integers(1, 400), st.integers(1, 9))
def test_the_pieces_join_to_exactly_the_bytes_encode_gives(
    data: codec.Tables, piece_bytes: int, first_run: int
) -> None:
    pieces = list(codec.encode_parts(data, piece_bytes, first_run))
    assert b"".join(pieces) == codec.encode(data)
    assert all(isinstance(piece, bytes) for piece in pieces)


def test_a_big_table_comes_in_pieces_of_about_the_size_asked_for() -> None:
    table = {str(n): {"id": f"r{n}", "note": NOTE} for n in range(1, 2001)}
    data = {"_meta": {"1": {"schema_version": 3}}, "notes": table}
    pieces = list(codec.encode_parts(data, piece_bytes=4096, first_run=16))
    assert b"".join(pieces) == codec.encode(data)
    assert len(pieces) > 40
    assert max(map(len, pieces)) <= 2 * 4096


@pytest.mark.parametrize("where", ["first", "middle", "last"])
def test_a_value_json_cannot_hold_is_refused_from_whichever_piece_holds_it(where: str) -> None:
    table: dict[str, dict[str, Any]] = {str(n): {"id": f"r{n}", "note": NOTE} for n in range(1, 2001)}
    key = {"first": "1", "middle": "1000", "last": "2000"}[where]
    table[key]["tags"] = {"a set", "is not JSON"}
    pieces = codec.encode_parts({"notes": table}, piece_bytes=4096, first_run=16)
    with pytest.raises(InvalidValueError):
        list(pieces)
    with pytest.raises(InvalidValueError):
        codec.encode({"notes": table})


@given(st.binary(max_size=400), st.lists(st.integers(0, 400), max_size=6))
def test_a_streamed_seal_is_the_body_seal_chunked_gives(payload: bytes, cuts: list[int]) -> None:
    bounds = [0, *sorted(min(cut, len(payload)) for cut in cuts), len(payload)]
    parts = [payload[start:end] for start, end in itertools.pairwise(bounds)]
    header, key, prefix = b"HWENC\x02header", bytes(range(32)), bytes(range(24))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(nacl.utils, "random", lambda size: prefix[:size])
        streamed = b"".join(seal_stream(iter(parts), header, key, chunk_bytes=64))
        whole = b"".join(seal_chunked(payload, header, key, chunk_bytes=64))
    assert streamed == whole
    assert open_chunked(streamed, header, key) == payload


# -- the store ---------------------------------------------------------------------------------


def _notes(count: int, start: int = 0) -> list[dict[str, Any]]:
    return [{"id": f"n{n}", "note": NOTE, "day": n} for n in range(start, start + count)]


def _files_beside(database: Path) -> dict[str, bytes]:
    """Every file in the database's folder and its backups folder, with its bytes (temp files too)."""
    found = {}
    for folder in (database.parent, database.parent / "backups"):
        for path in sorted(folder.iterdir()) if folder.is_dir() else []:
            if path.is_file() and not path.name.endswith(".lock"):
                found[str(path.relative_to(database.parent))] = path.read_bytes()
    return found


def _ids(db: Database, table: str = "notes") -> set[str]:
    return {document["id"] for document in db.table(table).all()}


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    db = Database.open(tmp_path / "data" / "heartwork.json")
    db.table("notes").save_records(_notes(NOTES))  # the first save with records: a backup too
    yield db
    db.close()


@pytest.fixture
def writes(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The size of every os.write, in order."""
    sizes: list[int] = []
    real_write = os.write

    def counting(fd: int, data: Any) -> int:
        sizes.append(len(data))
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", counting)
    return sizes


def _with_bad_last_record(db: Database) -> dict[str, Any]:
    """Memory plus one record JSON cannot hold, at the very end of the table written last."""
    data = db.storage.read() or {}
    changed = dict(data)
    changed["notes"] = {**data["notes"], str(NOTES + 1): {"id": "bad", "tags": {"a set"}}}
    assert codec.table_order(changed)[-1] == "notes"
    return changed


def test_a_value_that_cannot_be_saved_in_the_last_piece_leaves_file_and_backups_untouched(
    database: Database, writes: list[int]
) -> None:
    path = database.path
    assert path is not None and database.backups is not None and database.backups.backups()
    before = _files_beside(path)
    writes.clear()
    with pytest.raises(InvalidValueError):
        database.storage.write(_with_bad_last_record(database))
    assert sum(writes) > len(before["heartwork.json"]) // 2, "the pieces before the bad one were written"
    assert _files_beside(path) == before, "no temp file left, the file and every backup as they were"
    assert not database.unsaved_changes
    assert _ids(database) == {f"n{n}" for n in range(NOTES)}
    database.table("notes").save_records([{"id": "good"}])
    on_disk = orjson.loads(path.read_bytes())["notes"]
    assert {document["id"] for document in on_disk.values()} == _ids(database) and "bad" not in _ids(database)


def _failing_after(calls: int, real_write: Callable[[int, Any], int]) -> Callable[[int, Any], int]:
    count = [0]

    def write(fd: int, data: Any) -> int:
        count[0] += 1
        if count[0] > calls:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_write(fd, data)

    return write


def test_a_value_that_cannot_be_saved_rolls_back_to_the_change_waiting_for_a_retry(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = database.path
    assert path is not None
    before = _files_beside(path)
    real_write = os.write
    monkeypatch.setattr(os, "write", _failing_after(2, real_write))
    with pytest.raises(StoreWriteError):
        database.table("notes").save_records([{"id": "waiting"}])
    monkeypatch.setattr(os, "write", real_write)
    with pytest.raises(InvalidValueError):
        database.storage.write(_with_bad_last_record(database))
    assert _files_beside(path) == before
    assert database.unsaved_changes
    assert _ids(database) == {f"n{n}" for n in range(NOTES)} | {"waiting"}
    database.retry_save()
    assert {document["id"] for document in orjson.loads(path.read_bytes())["notes"].values()} == _ids(database)


@pytest.mark.usefixtures("no_keys_in_memory")
@pytest.mark.parametrize("sealed", [False, True], ids=["plain", "encrypted"])
def test_a_disk_that_fills_up_midway_keeps_the_change_for_a_retry_and_removes_the_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sealed: bool
) -> None:
    path = tmp_path / "data" / "heartwork.json"
    path.parent.mkdir(mode=0o700)
    db = sealed_database(path, "first words", "correct horse") if sealed else Database.open(path)
    db.table("notes").save_records(_notes(NOTES))
    before = _files_beside(path)
    real_write = os.write
    monkeypatch.setattr(os, "write", _failing_after(2, real_write))  # the file's first pieces reach the disk
    with pytest.raises(StoreWriteError, match="the disk is full"):
        db.table("notes").save_records(_notes(10, start=NOTES))
    assert _files_beside(path) == before, "the temp file is removed, the database as it was"
    assert db.unsaved_changes
    assert _ids(db) == {f"n{n}" for n in range(NOTES + 10)}
    monkeypatch.setattr(os, "write", real_write)
    db.retry_save()
    assert not db.unsaved_changes
    db.close()
    again = Database.open(path)
    assert _ids(again) == {f"n{n}" for n in range(NOTES + 10)}
    again.close()


def _never(data: codec.Tables) -> bytes:
    raise AssertionError("codec.encode was called on a save that succeeded")


@pytest.mark.usefixtures("no_keys_in_memory")
@pytest.mark.parametrize("sealed", [False, True], ids=["plain", "encrypted"])
def test_a_save_writes_pieces_never_the_whole_file_and_the_backup_is_byte_identical(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, writes: list[int], sealed: bool
) -> None:
    path = tmp_path / "data" / "heartwork.json"
    path.parent.mkdir(mode=0o700)
    db = sealed_database(path, "first words", "correct horse") if sealed else Database.open(path)
    assert db.backups is not None
    db.backups.min_interval = 0  # every save makes a backup
    monkeypatch.setattr(codec, "encode", _never)  # the file's bytes are never made whole on a save that succeeds
    writes.clear()
    db.table("notes").save_records(_notes(4 * NOTES))  # over 1 MiB: several sealed chunks
    size = path.stat().st_size
    assert size > CHUNK_BYTES
    piece = CHUNK_BYTES + TAG_BYTES if sealed else 2 * codec.PIECE_BYTES
    assert max(writes) <= max(piece, file_pieces.PIECE_BYTES) < size  # file pieces, then the backup's
    assert sum(writes) >= 2 * size, "the file, then its backup"
    newest = db.backups.backups()[0]
    assert newest.read_bytes() == path.read_bytes()
    db.close()
    monkeypatch.undo()
    again = Database.open(path)
    assert _ids(again) == {f"n{n}" for n in range(4 * NOTES)}
    again.close()


@pytest.mark.usefixtures("no_keys_in_memory")
def test_a_save_while_locked_writes_nothing_and_keeps_the_change(tmp_path: Path) -> None:
    path = tmp_path / "data" / "heartwork.json"
    path.parent.mkdir(mode=0o700)
    db = sealed_database(path, "first words", "correct horse")
    before = _files_beside(path)
    assert lock_session(db) is not None
    with pytest.raises(SessionLockedError):
        db.table("notes").save_records([{"id": "while locked"}])
    assert _files_beside(path) == before
    assert db.unsaved_changes and "while locked" in _ids(db)
    db.close()


@pytest.mark.usefixtures("no_keys_in_memory")
@pytest.mark.parametrize(("sealed", "share"), [(False, 4), (True, 2)], ids=["plain", "encrypted"])
def test_a_save_and_its_backup_hold_a_small_share_of_the_file_in_memory(
    tmp_path: Path, sealed: bool, share: int
) -> None:
    path = tmp_path / "data" / "heartwork.json"
    path.parent.mkdir(mode=0o700)
    db = sealed_database(path, "first words", "correct horse") if sealed else Database.open(path)
    long_note = NOTE * 20
    db.table("notes").save_records([{"id": f"n{n}", "note": long_note, "day": n} for n in range(6000)])
    assert db.backups is not None
    db.backups.min_interval = 0  # the measured save makes a backup too
    size = path.stat().st_size  # about 8.7 MB
    tracemalloc.start()
    try:
        db.table("notes").save_records([{"id": "one more"}])
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert db.backups.backups()[0].read_bytes() == path.read_bytes()
    assert peak < size / share, f"a save held {peak / size:.2f}x the file"  # whole bytes would be 1x and more
    db.close()
