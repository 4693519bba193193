"""Locking an open, encrypted database again while the app stays open (idle lock, "Lock now").

:func:`lock_session` forgets every key this process holds and puts a
:class:`LockedEnvelope` in the storage's place: it carries only the header
(nothing secret) and refuses to seal, so a save that happens while locked is
kept in memory (as after a full disk) and never reaches the disk in plain
text. :func:`resume_session` puts the unlocked key back once the person has
typed the passphrase again, and saves whatever waited.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from tui.store.database import Database
from tui.store.encryption import Envelope, envelope_for, forget_all
from tui.store.errors import DatabaseLockedError
from tui.store.file_storage import AtomicFileStorage


@dataclass(frozen=True)
class LockedEnvelope(Envelope):
    """The header of a locked database with no key in it: every seal is refused."""

    def seal(self, payload: bytes) -> bytes:
        raise SessionLockedError()

    def seal_parts(self, payload: bytes) -> list[bytes]:
        raise SessionLockedError()

    def seal_stream(self, parts: Iterable[bytes]) -> Iterator[bytes]:
        raise SessionLockedError()  # at once, before a temp file is made: nothing is written


class SessionLockedError(DatabaseLockedError):
    """A save was asked for while the app is locked; the change waits in memory."""

    def __init__(self) -> None:
        Exception.__init__(self, "Heartwork is locked; your change is kept and saved once you unlock.")


def _storage(database: Database) -> AtomicFileStorage | None:
    storage = database.storage
    return storage if isinstance(storage, AtomicFileStorage) else None


def lock_session(database: Database) -> DatabaseLockedError | None:
    """Forget the key; what the unlock screen needs to open it again (None if not encrypted)."""
    storage = _storage(database)
    envelope = storage.envelope if storage is not None else None
    if storage is None or envelope is None:
        return None
    storage.envelope = LockedEnvelope(envelope.header, envelope.header_bytes, b"", b"")
    forget_all()
    return DatabaseLockedError(storage.path, envelope.header, envelope.header_bytes)


def is_session_locked(database: Database) -> bool:
    """True between :func:`lock_session` and :func:`resume_session`."""
    storage = _storage(database)
    return storage is not None and isinstance(storage.envelope, LockedEnvelope)


def resume_session(database: Database, locked: DatabaseLockedError) -> bool:
    """Use the key unlocked for ``locked`` again and save what waited; False if it is not unlocked.

    Raises StoreError if the waiting save fails (it stays in memory for a retry, as any failed save).
    """
    storage = _storage(database)
    envelope = envelope_for(locked.header_bytes)
    if storage is None or envelope is None:
        return False
    storage.envelope = envelope
    if storage.inbox is not None:
        # Quick captures sealed while locked could not be opened then: read the whole inbox again with the key.
        storage.inbox.reset()
    database.refresh()
    if database.unsaved_changes:
        database.retry_save()
    return True
