"""Putting a backup back: list backups, find the newest good one, restore it safely.

Restoring never destroys anything. The current file is first kept beside the
database, byte-for-byte and private: as ``<name>.unreadable-YYYYmmdd-HHMMSS``
when it does not parse, or ``<name>.before-restore-YYYYmmdd-HHMMSS`` when it
does. Then the backup is written into place atomically, under the database lock.
Used by ``heartwork restore`` and by the app's recovery screen.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from filelock import FileLock, Timeout

from tui.store.backups import BackupRotator
from tui.store.errors import CorruptDatabaseError, StoreBusyError, StoreWriteError
from tui.store.file_storage import parse_database
from tui.store.permissions import PRIVATE_FILE_MODE, make_private, write_private_file

LOCK_TIMEOUT_SECONDS = 15.0


@dataclass(frozen=True)
class BackupInfo:
    """One backup file: where it is, when that version was saved, how big, whether it parses."""

    path: Path
    saved_at: datetime
    size: int
    readable: bool


@dataclass(frozen=True)
class RestoreResult:
    """What a restore did: which file it put back and where the old file was kept."""

    database: Path
    restored_from: Path
    kept_as: Path | None


def list_backups(database: Path) -> list[BackupInfo]:
    """Every backup of ``database``, newest first."""
    found = []
    for path in BackupRotator(database).backups():
        try:
            info = path.stat()
            payload = path.read_bytes()
        except OSError:
            continue
        found.append(
            BackupInfo(path, datetime.fromtimestamp(info.st_mtime).astimezone(), info.st_size, _parses(path, payload))
        )
    return found


def newest_good_backup(database: Path) -> BackupInfo | None:
    """The newest backup that parses as a database, or None."""
    return next((backup for backup in list_backups(database) if backup.readable), None)


def current_file_state(database: Path) -> str:
    """"missing", "readable" or "unreadable": what is at ``database`` now."""
    try:
        payload = database.read_bytes()
    except FileNotFoundError:
        return "missing"
    except OSError:
        return "unreadable"
    return "readable" if _parses(database, payload) else "unreadable"


def restore_backup(database: Path, backup: Path, *, now: datetime | None = None) -> RestoreResult:
    """Put ``backup`` in place of ``database``, keeping the current file aside first.

    Raises CorruptDatabaseError if the backup itself does not parse (nothing is
    changed then), StoreBusyError if another process holds the lock, and
    StoreWriteError if the disk refuses.
    """
    from tui.store.database import lock_path_for

    database = Path(database).absolute()
    payload = Path(backup).read_bytes()
    parse_database(Path(backup), payload)  # refuse a bad backup before touching anything
    lock = FileLock(str(lock_path_for(database)), timeout=LOCK_TIMEOUT_SECONDS, mode=PRIVATE_FILE_MODE)
    try:
        lock.acquire()
    except Timeout as error:
        raise StoreBusyError(lock_path_for(database), LOCK_TIMEOUT_SECONDS) from error
    try:
        kept_as = _keep_current_file(database, now or datetime.now())
        try:
            write_private_file(database, payload)
        except OSError as error:
            raise StoreWriteError(database, error) from error
    finally:
        lock.release()
    return RestoreResult(database, Path(backup), kept_as)


def _keep_current_file(database: Path, now: datetime) -> Path | None:
    state = current_file_state(database)
    if state == "missing":
        return None
    label = "unreadable" if state == "unreadable" else "before-restore"
    stamp = now.strftime("%Y%m%d-%H%M%S")
    target = database.with_name(f"{database.name}.{label}-{stamp}")
    counter = 2
    while target.exists():
        target = database.with_name(f"{database.name}.{label}-{stamp}-{counter}")
        counter += 1
    try:
        try:
            os.link(database, target)  # the very same bytes, no copy
        except OSError:
            write_private_file(target, database.read_bytes(), overwrite=False)
        make_private(target)
    except OSError as error:
        raise StoreWriteError(target, error) from error
    return target


def _parses(path: Path, payload: bytes) -> bool:
    try:
        parse_database(path, payload)
    except CorruptDatabaseError:
        return False
    return True
