"""Putting a backup back: list backups, find the newest good one, restore it safely.

Restoring never destroys anything. The current file is first kept beside the
database, byte-for-byte and private: as ``<name>.unreadable-YYYYmmdd-HHMMSS``
when it does not parse, or ``<name>.before-restore-YYYYmmdd-HHMMSS`` when it
does. Then the backup is written into place atomically, under the database lock.
Used by ``heartwork restore`` and by the app's recovery screen.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout

from tui.core.backup_contents import newest_day, record_counts, records_lost
from tui.store.backups import BackupRotator, read_backup
from tui.store.errors import (
    BackupRefusedError,
    CorruptDatabaseError,
    DatabaseTooNewError,
    LockUnavailableError,
    StoreBusyError,
    StoreWriteError,
)
from tui.store.file_storage import parse_database
from tui.store.migrations import CURRENT_VERSION, version_of, version_problem
from tui.store.permissions import PRIVATE_FILE_MODE, make_private, write_private_file

LOCK_TIMEOUT_SECONDS = 15.0


@dataclass(frozen=True)
class BackupInfo:
    """One backup file: where it is, when that version was saved, how big, whether it parses, what it holds."""

    path: Path
    saved_at: datetime
    size: int
    readable: bool
    counts: dict[str, int] = field(default_factory=dict)
    newest_day: str | None = None
    reason: str | None = None  # "migration", "restore", "import": taken just before one
    problem: str | None = None  # why it is not readable (or refused), in words


@dataclass(frozen=True)
class RestoreResult:
    """What a restore did: which file it put back and where the old file was kept."""

    database: Path
    restored_from: Path
    kept_as: Path | None


def list_backups(database: Path) -> list[BackupInfo]:
    """Every backup of ``database``, newest first (BackupRefusedError if ``backups/`` is a link)."""
    rotator = BackupRotator(database)
    found = []
    for path in rotator.backups():
        try:
            info = os.lstat(path)
            payload = read_backup(path)
        except BackupRefusedError as error:
            found.append(BackupInfo(path, _saved_at(rotator, path), 0, False, problem=error.reason))
            continue
        except OSError:
            continue
        saved_at = _saved_at(rotator, path, info.st_mtime)
        reason = rotator.reason_of(path)
        try:
            data = parse_database(path, payload)
            check_known_version(path, data)
        except CorruptDatabaseError as error:
            found.append(BackupInfo(path, saved_at, info.st_size, False, reason=reason, problem=error.reason))
            continue
        except DatabaseTooNewError as error:
            problem = f"it is from a newer Heartwork (format {error.found})"
            found.append(BackupInfo(path, saved_at, info.st_size, False, reason=reason, problem=problem))
            continue
        found.append(BackupInfo(path, saved_at, info.st_size, True, record_counts(data), newest_day(data), reason))
    return found


def _saved_at(rotator: BackupRotator, path: Path, mtime: float | None = None) -> datetime:
    moment = rotator.moment_of(path)
    if moment is not None:
        return moment.astimezone()
    return datetime.fromtimestamp(mtime or 0).astimezone()


def read_restorable(source: Path, *, from_backups: bool = False) -> tuple[bytes, dict[str, Any]]:
    """The bytes and parsed data of a file to restore, checked before anything is touched.

    A file in the backups folder (``from_backups``) is never read through a
    symbolic link (BackupRefusedError).

    Raises CorruptDatabaseError if it cannot be read, does not parse, is not
    shaped like a Heartwork database or carries a version that is not a whole
    number, and DatabaseTooNewError if its version is newer than this Heartwork knows.
    """
    try:
        payload = read_backup(source) if from_backups else source.read_bytes()
    except OSError as error:
        raise CorruptDatabaseError(source, f"it could not be read ({error.strerror or error})") from error
    data = parse_database(source, payload)
    check_known_version(source, data)
    return payload, data


def check_known_version(source: Path, data: dict[str, Any]) -> None:
    """Raise unless ``data`` carries a schema version this Heartwork can open (none at all is version 1).

    DatabaseTooNewError for a newer whole number, CorruptDatabaseError for
    anything else ("3", 3.0, 0, a meta table without a version).
    """
    problem = version_problem(data)  # the one version rule, shared with every reader
    if problem is not None:
        raise CorruptDatabaseError(source, problem)
    found = version_of(data)
    if found > CURRENT_VERSION:
        raise DatabaseTooNewError(source, found, CURRENT_VERSION)


def records_lost_by_restoring(database: Path, data: dict[str, Any]) -> dict[str, int]:
    """Per table, how many records in the current database the restored ``data`` would not have.

    Empty when the current file is missing or cannot be read (nothing readable
    to lose; it is kept aside anyway).
    """
    try:
        current = parse_database(database, database.read_bytes())
    except (OSError, CorruptDatabaseError):
        return {}
    return records_lost(current, data)


def is_in_backups_folder(database: Path, path: Path) -> bool:
    """True if ``path`` is one of the files in ``database``'s backups folder."""
    return Path(path).absolute().parent == BackupRotator(Path(database).absolute()).folder


def newest_good_backup(database: Path) -> BackupInfo | None:
    """The newest backup that parses as a database, or None (also when ``backups/`` is a link)."""
    try:
        backups = list_backups(database)
    except BackupRefusedError:
        return None
    return next((backup for backup in backups if backup.readable), None)


def current_file_state(database: Path) -> str:
    """ "missing", "readable" or "unreadable": what is at ``database`` now."""
    try:
        payload = database.read_bytes()
    except FileNotFoundError:
        return "missing"
    except OSError:
        return "unreadable"
    return "readable" if _parses(database, payload) else "unreadable"


def restore_backup(database: Path, backup: Path, *, now: datetime | None = None) -> RestoreResult:
    """Put ``backup`` in place of ``database``, keeping the current file aside first.

    The backup is checked first (:func:`read_restorable`: nothing is changed if
    it cannot be read, does not parse or is from a newer Heartwork). Then a
    backup of the current database is taken in ``backups/`` and the current
    file is kept beside it. Raises StoreBusyError if another process holds the
    lock, LockUnavailableError if the lock file cannot be opened, and
    StoreWriteError if the disk refuses.
    """
    from tui.store.database import lock_path_for

    database = Path(database).absolute()
    # refuse a bad backup before touching anything
    payload, _ = read_restorable(Path(backup), from_backups=is_in_backups_folder(database, Path(backup)))
    lock_path = lock_path_for(database)
    lock = FileLock(str(lock_path), timeout=LOCK_TIMEOUT_SECONDS, mode=PRIVATE_FILE_MODE)
    try:
        lock.acquire()
    except Timeout as error:
        raise StoreBusyError(lock_path, LOCK_TIMEOUT_SECONDS) from error
    except OSError as error:
        raise LockUnavailableError(lock_path, error) from error
    try:
        try:
            BackupRotator(database).back_up_now("restore")
        except (OSError, BackupRefusedError):
            pass  # the current file is also kept beside the database, below
        kept_as = _keep_current_file(database, now or datetime.now())
        try:
            write_private_file(database, payload)
        except OSError as error:
            raise StoreWriteError(database, error, change_kept=False) from error
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
        raise StoreWriteError(target, error, change_kept=False) from error
    return target


def _parses(path: Path, payload: bytes) -> bool:
    try:
        parse_database(path, payload)
    except CorruptDatabaseError:
        return False
    return True
