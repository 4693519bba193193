"""Issue 18: locking an open database forgets the key; a save while locked waits in memory, never in plain text."""

from __future__ import annotations

from pathlib import Path

import pytest
from encrypted_db import sealed_database

from tui.core.encryption_header import is_encrypted
from tui.store import encryption
from tui.store.database import Database
from tui.store.encryption import TEST_MEMLIMIT, TEST_OPSLIMIT
from tui.store.errors import StoreError
from tui.store.passphrase import set_passphrase
from tui.store.session_lock import is_session_locked, lock_session, resume_session

pytestmark = pytest.mark.usefixtures("no_keys_in_memory")


def test_item18_a_save_while_locked_waits_and_lands_encrypted_after_unlock(tmp_path: Path) -> None:
    path = tmp_path / "hw.json"
    database = sealed_database(path, "before", "a long passphrase")
    locked = lock_session(database)
    assert locked is not None and is_session_locked(database)
    assert encryption.envelope_for(path.read_bytes()) is None  # the key is forgotten
    written = path.read_bytes()
    with pytest.raises(StoreError):
        database.table("journal").insert({"id": "j2", "text": "while locked", "updated_at": "2026-01-01T00:00:01"})
    assert path.read_bytes() == written  # nothing reached the disk, least of all in plain text
    assert database.unsaved_changes
    assert not resume_session(database, locked)  # not unlocked yet
    encryption.remember(encryption.unlock(locked.header, locked.header_bytes, "a long passphrase"))
    assert resume_session(database, locked)
    assert not is_session_locked(database) and not database.unsaved_changes
    payload = path.read_bytes()
    assert is_encrypted(payload) and b"while locked" not in payload
    assert b"while locked" in encryption.decrypt(path, payload)
    database.close()


def test_item18_a_plain_database_has_nothing_to_lock(tmp_path: Path) -> None:
    database = Database.open(tmp_path / "hw.json")
    assert lock_session(database) is None and not is_session_locked(database)
    database.close()


def test_item18_a_quick_capture_sealed_while_locked_is_merged_after_unlock(tmp_path: Path) -> None:
    from tui.store import inbox

    path = tmp_path / "hw.json"
    database = sealed_database(path, "before", "a long passphrase")
    locked = lock_session(database)
    assert locked is not None
    capture = {"id": "j2", "text": "added from the shell", "updated_at": "2026-01-01T00:00:02"}
    inbox.append(path, "journal", capture)
    assert b"added from the shell" not in inbox.inbox_path_for(path).read_bytes()  # sealed
    database.table("journal").all()  # a screen reads while locked: the sealed line cannot be opened yet
    encryption.remember(encryption.unlock(locked.header, locked.header_bytes, "a long passphrase"))
    assert resume_session(database, locked)
    texts = {document["text"] for document in database.table("journal").all()}
    assert texts == {"before", "added from the shell"}
    database.table("journal").insert({"id": "j3", "text": "after", "updated_at": "2026-01-01T00:00:03"})
    assert b"added from the shell" in encryption.decrypt(path, path.read_bytes())  # merged into the file
    database.close()


@pytest.mark.parametrize("action", ["set", "change"])
def test_item18_a_failed_rewrite_keeps_saving_the_way_the_file_opens(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, action: str
) -> None:
    import errno

    import tui.store.file_storage as file_storage
    from tui.store.passphrase import change_passphrase

    path = tmp_path / "hw.json"
    database = Database.open(path)
    database.table("journal").insert({"id": "j1", "text": "kept words", "updated_at": "2026-01-01T00:00:00"})
    if action == "change":
        set_passphrase(database, "the first passphrase", opslimit=TEST_OPSLIMIT, memlimit=TEST_MEMLIMIT)
    before = database.storage.envelope  # type: ignore[attr-defined]
    real_write = file_storage.write_private_file

    def full_disk(*args: object, **kwargs: object) -> object:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(file_storage, "write_private_file", full_disk)
    with pytest.raises(StoreError):
        if action == "set":
            set_passphrase(database, "never confirmed", opslimit=TEST_OPSLIMIT, memlimit=TEST_MEMLIMIT)
        else:
            change_passphrase(database, "never confirmed")
    monkeypatch.setattr(file_storage, "write_private_file", real_write)
    assert database.storage.envelope is before  # type: ignore[attr-defined]
    database.table("journal").insert({"id": "j2", "text": "later", "updated_at": "2026-01-01T00:00:01"})
    database.close()
    payload = path.read_bytes()
    if action == "set":
        assert not is_encrypted(payload) and b"later" in payload
    else:
        encryption.forget_all()
        from tui.core.encryption_header import decode_header

        header, raw = decode_header(payload)[:2]
        encryption.remember(encryption.unlock(header, raw, "the first passphrase"))
        assert b"later" in encryption.decrypt(path, payload)
