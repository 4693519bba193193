"""Turning encryption on, changing the passphrase, turning it off, for one open database.

Each is one atomic save through the database's own storage (under its lock):
a kill at any moment leaves the old file or the new one, each complete and
opening with the passphrase it was written under. The backups are then
rewritten the same way (each atomically): turning encryption on leaves no
readable copy behind, and after a change they open with the new passphrase.
"""

from __future__ import annotations

from tui.core.encryption_header import is_encrypted
from tui.store.backups import read_backup
from tui.store.database import Database
from tui.store.encryption import (
    Envelope,
    create_envelope,
    decrypt,
    remember,
    rewrap,
)
from tui.store.file_storage import AtomicFileStorage
from tui.store.permissions import write_private_file


def _storage(database: Database) -> AtomicFileStorage:
    storage = database.storage
    if not isinstance(storage, AtomicFileStorage):
        raise ValueError("Only a database kept in a file can be locked with a passphrase.")
    return storage


def is_locked_with_passphrase(database: Database) -> bool:
    """True if the database file is encrypted."""
    return _storage(database).envelope is not None


def _rewrite(database: Database, envelope: Envelope | None) -> None:
    storage = _storage(database)
    with database.transaction():
        data = storage.read() or {}
        storage.envelope = envelope
        storage.write(data)  # StoreWriteError: the old file is intact and still opens as before
    _rewrite_backups(database, envelope)


def _rewrite_backups(database: Database, envelope: Envelope | None) -> None:
    rotator = database.backups
    if rotator is None:
        return
    for backup in rotator.backups():
        payload = read_backup(backup)
        plain = decrypt(backup, payload) if is_encrypted(payload) else payload
        write_private_file(backup, envelope.seal(plain) if envelope is not None else plain)


def set_passphrase(
    database: Database, passphrase: str, *, opslimit: int | None = None, memlimit: int | None = None
) -> str:
    """Encrypt the database (and its backups) under ``passphrase``; returns the recovery code."""
    envelope, code = create_envelope(passphrase, opslimit=opslimit, memlimit=memlimit)
    remember(envelope)
    _rewrite(database, envelope)
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
