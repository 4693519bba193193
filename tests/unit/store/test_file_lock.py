"""The light flock-based write lock: exclusive, re-entrant, and compatible with the filelock package."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tui.store.file_lock import LockTimeout, PosixFileLock

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="flock is POSIX only")


def test_second_holder_waits_then_times_out(tmp_path: Path) -> None:
    path = str(tmp_path / "db.json.lock")
    first, second = PosixFileLock(path, 5, 0o600), PosixFileLock(path, 0.1, 0o600)
    first.acquire()
    with pytest.raises(LockTimeout):
        second.acquire()
    first.release()
    second.acquire()
    assert second.is_locked and not first.is_locked
    second.release()
    assert (Path(path).stat().st_mode & 0o077) == 0


def test_lock_is_reentrant(tmp_path: Path) -> None:
    path = str(tmp_path / "db.json.lock")
    lock, other = PosixFileLock(path, 5, 0o600), PosixFileLock(path, 0.1, 0o600)
    lock.acquire()
    lock.acquire()
    assert lock.lock_counter == 2
    lock.release()
    with pytest.raises(LockTimeout):
        other.acquire()
    lock.release()
    other.acquire()
    other.release()


def test_excludes_and_is_excluded_by_the_filelock_package(tmp_path: Path) -> None:
    from filelock import FileLock, Timeout

    path = str(tmp_path / "db.json.lock")
    theirs = FileLock(path, timeout=0.1, thread_local=False)
    ours = PosixFileLock(path, 0.1, 0o600)
    theirs.acquire()
    with pytest.raises(LockTimeout):
        ours.acquire()
    theirs.release()
    ours.acquire()
    with pytest.raises(Timeout):
        theirs.acquire()
    ours.release()


def test_database_says_busy_while_another_process_holds_the_lock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from filelock import FileLock

    from tui.store import database as database_module
    from tui.store.errors import StoreBusyError

    monkeypatch.setattr(database_module, "LOCK_TIMEOUT_SECONDS", 0.2)
    path = tmp_path / "hw.json"
    db = database_module.Database.open(path)
    other = FileLock(str(database_module.lock_path_for(path)), timeout=1, thread_local=False)
    other.acquire()
    try:
        with pytest.raises(StoreBusyError), db.transaction():
            pass
    finally:
        other.release()
    with db.transaction():
        db.table("checkins").insert({"id": "a", "at": "2026-03-01T10:00:00+01:00", "pleasantness": 5})
    assert len(db.table("checkins")) == 1
