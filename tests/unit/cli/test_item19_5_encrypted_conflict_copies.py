"""Issue 19 item 5: conflict copies of an encrypted database are merged after unlock, never before."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from tui.core.journal import JournalEntry
from tui.store import encryption
from tui.store.conflict_copies import find_conflict_copies
from tui.store.encryption import TEST_MEMLIMIT, TEST_OPSLIMIT
from tui.store.errors import DatabaseLockedError
from tui.store.journal_repository import JournalRepository
from tui.store.passphrase import set_passphrase
from tui.store.store import Store

CHEAP = {"opslimit": TEST_OPSLIMIT, "memlimit": TEST_MEMLIMIT}
COPY_NAME = "heartwork.sync-conflict-20261203-174501-ABCDEF7.json"


@pytest.fixture(autouse=True)
def _locked_after() -> Iterator[None]:
    encryption.forget_all()
    yield
    encryption.forget_all()


def _unlock(path: Path, secret: str) -> None:
    header, header_bytes, _ = encryption.decode_header(path.read_bytes())
    encryption.remember(encryption.unlock(header, header_bytes, secret))


def _entry(body: str) -> JournalEntry:
    return JournalEntry.new(datetime(2026, 12, 3, 9, 0).astimezone(), body=body)


def _encrypted_pair(tmp_path: Path) -> tuple[Path, Path]:
    """The laptop's encrypted database, and the desktop's conflict copy of it (same key) with one more entry."""
    database = tmp_path / "sync" / "heartwork.json"
    store = Store.open(database)
    store.repo(JournalRepository).save(_entry("written on the laptop"))
    set_passphrase(store.database, "gentle", **CHEAP)
    store.close()
    desktop = tmp_path / "desktop" / "heartwork.json"
    desktop.parent.mkdir()
    shutil.copyfile(database, desktop)
    other = Store.open(desktop)  # this process holds the key: the desktop writes the same encrypted file
    other.repo(JournalRepository).save(_entry("written on the desktop"))
    other.close()
    copy = database.parent / COPY_NAME
    shutil.copyfile(desktop, copy)
    return database, copy


def test_item19_5_an_encrypted_conflict_copy_is_merged_after_unlock(tmp_path: Path) -> None:
    database, copy = _encrypted_pair(tmp_path)
    assert holds_no(copy, "written on the desktop")  # the copy is encrypted too
    reopened = Store.open(database)
    report = reopened.opening_conflicts
    assert report is not None and len(report.merged) == 1
    assert find_conflict_copies(database) == []
    bodies = sorted(entry.body for entry in reopened.repo(JournalRepository).all())
    assert bodies == ["written on the desktop", "written on the laptop"]
    reopened.close()
    assert holds_no(database, "written on the desktop")  # merged, and still encrypted on disk


def test_item19_5_before_unlock_an_encrypted_copy_is_never_read_or_moved(tmp_path: Path) -> None:
    database, copy = _encrypted_pair(tmp_path)
    encryption.forget_all()  # a fresh process: nothing unlocked
    with pytest.raises(DatabaseLockedError):
        Store.open(database)
    assert copy.exists()  # left where it was, for after the unlock
    _unlock(database, "gentle")
    reopened = Store.open(database)
    assert reopened.opening_conflicts is not None and len(reopened.opening_conflicts.merged) == 1
    reopened.close()


def holds_no(path: Path, words: str) -> bool:
    return words.encode("utf-8") not in path.read_bytes()


def test_item19_5_a_copy_locked_with_another_key_is_left_alone_and_said(tmp_path: Path) -> None:
    database, _ = _encrypted_pair(tmp_path)
    stranger = tmp_path / "stranger" / "heartwork.json"
    other = Store.open(stranger)
    other.repo(JournalRepository).save(_entry("someone else's words"))
    set_passphrase(other.database, "another", **CHEAP)
    other.close()
    for name in list(find_conflict_copies(database)):
        name.unlink()
    copy = database.parent / COPY_NAME
    shutil.copyfile(stranger, copy)
    encryption.forget_all()
    _unlock(database, "gentle")  # only our own key
    reopened = Store.open(database)
    assert copy.exists()  # not read, not moved
    assert (
        reopened.opening_conflicts is not None and "locked with a passphrase" in reopened.opening_conflicts.describe()
    )
    assert sorted(entry.body for entry in reopened.repo(JournalRepository).all()) == ["written on the laptop"]
    reopened.close()
