"""Turning encryption on, changing the passphrase, turning it off, for one open database.

Each is one atomic save through the database's own storage (under its lock):
a kill at any moment leaves the old file or the new one, each complete and
opening with the passphrase it was written under. The backups are
rewritten the same way (each atomically): turning encryption on leaves no
readable copy behind, and after a change they open with the new passphrase.
A kill among the backups is finished by the next unlocked open
(:mod:`tui.store.backup_sealing`).
"""

from __future__ import annotations

from tui.store.backup_sealing import seal_backups_like
from tui.store.database import Database
from tui.store.encryption import (
    Envelope,
    create_envelope,
    remember,
    rewrap,
)
from tui.store.file_storage import AtomicFileStorage


def _storage(database: Database) -> AtomicFileStorage:
    storage = database.storage
    if not isinstance(storage, AtomicFileStorage):
        raise ValueError("Only a database kept in a file can be locked with a passphrase.")
    return storage


def is_locked_with_passphrase(database: Database) -> bool:
    """True if the database file is encrypted."""
    return _storage(database).envelope is not None


def _rewrite(database: Database, envelope: Envelope | None) -> None:
    # Removing: backups first, so a kill in between leaves the data still locked (and the next
    # unlocked open seals those backups again), never encrypted backups beside a plain database
    # that nobody would unlock again. Setting or changing: the database first, for the same reason.
    if envelope is None:
        _rewrite_backups(database, None)
    storage = _storage(database)
    before = storage.envelope
    try:
        with database.transaction():
            data = storage.read() or {}
            storage.envelope = envelope
            storage.write(data)  # StoreWriteError: the old file is intact and still opens as before
    except BaseException:
        # The file on disk still opens as it did, so the next save must be written the same way:
        # never under a passphrase the person was told did not take.
        storage.envelope = before
        if before is not None:
            remember(before)
        raise
    if envelope is not None:
        _rewrite_backups(database, envelope)


class BackupsNotRewrittenError(OSError):
    """The database was rewritten, but an older backup could not be (the disk refused).

    After turning encryption on it carries the ``recovery_code``: the data is
    locked by then, so the code must still be shown.
    """

    recovery_code: str | None = None


def _rewrite_backups(database: Database, envelope: Envelope | None) -> None:
    if database.backups is not None:
        try:
            seal_backups_like(database.backups, envelope)
        except OSError as error:
            raise BackupsNotRewrittenError(error.errno, error.strerror or str(error), error.filename) from error


def set_passphrase(
    database: Database, passphrase: str, *, opslimit: int | None = None, memlimit: int | None = None
) -> str:
    """Encrypt the database (and its backups) under ``passphrase``; returns the recovery code."""
    envelope, code = create_envelope(passphrase, opslimit=opslimit, memlimit=memlimit)
    remember(envelope)
    try:
        _rewrite(database, envelope)
    except BackupsNotRewrittenError as error:
        error.recovery_code = code  # the data is locked now: the code is the way back if the passphrase is lost
        raise
    return code


def change_passphrase(database: Database, passphrase: str) -> None:
    """Rewrap the data key under a new passphrase (the recovery code keeps working)."""
    current = _storage(database).envelope
    if current is None:
        raise ValueError("The data is not locked with a passphrase yet.")
    envelope = rewrap(current, passphrase)
    remember(envelope)
    _rewrite(database, envelope)


def remove_passphrase(database: Database) -> None:
    """Store the database (and its backups) unencrypted again."""
    _rewrite(database, None)
