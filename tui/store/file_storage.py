"""A TinyDB Storage that never leaves a half-written file and never re-parses needlessly.

Stock ``JSONStorage`` rewrites the file in place, so a crash between write and
truncate leaves JSON that no longer parses. This storage writes a new file
beside the old one and renames it over, fsyncing file and folder, so the file
on disk is always either the old complete version or the new one. The new
file is serialised (and sealed, when encrypted) a piece at a time as it is
written, and its backup copied from it, so a save holds no copy of the file.

The parsed data is kept in memory and reused while the file is unchanged. To
know that for certain, the storage keeps the file it last read or wrote open:
while that inode is held, no other file can be given its number, so a path that
still shows the same device, inode, size and modification time is the same,
untouched file (every writer renames a new file into place).

A save that fails because of the disk (full, read-only, folder gone) keeps the
change in memory (``unsaved_changes``) so it can be retried; a save refused
because of a value JSON cannot hold rolls the memory back to the last good
state, as if the change had never been tried.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tinydb.storages import Storage

from tui.core.backup_contents import holds_records
from tui.core.encryption_header import is_encrypted
from tui.store import codec
from tui.store.database_file import parse_database, parse_plain_file, read_database_fd, read_whole, shape_problem
from tui.store.errors import CorruptDatabaseError, InvalidValueError, StoreWriteError
from tui.store.file_pieces import pieces_of
from tui.store.inbox_overlay import InboxOverlay
from tui.store.merge import merge_unsaved
from tui.store.permissions import write_private_file

if TYPE_CHECKING:
    from tui.store.encryption import Envelope

# parse_database, read_database_fd and shape_problem are imported from here by older callers.
__all__ = ["AtomicFileStorage", "FileIdentity", "identity_of", "parse_database", "read_database_fd", "shape_problem"]

FileIdentity = tuple[int, int, int, int]


def identity_of(info: os.stat_result) -> FileIdentity:
    """What tells one version of the file from another: (device, inode, size, mtime)."""
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns)


class AtomicFileStorage(Storage):
    """Crash-safe, private JSON storage for one database file."""

    def __init__(
        self,
        path: Path,
        *,
        on_written: Callable[[Path, Iterable[bytes], bool], object] | None = None,
        newest_backup: Callable[[], Path | None] | None = None,
        inbox: bool = False,
    ) -> None:
        self.path = path
        # With ``inbox``, memory is the file with its inbox laid over it (see tui.store.inbox).
        self.inbox = InboxOverlay(path) if inbox else None
        self._on_written = on_written
        self._newest_backup = newest_backup or (lambda: None)
        self._cache: dict[str, Any] | None = None
        self._identity: FileIdentity | None = None
        self._held_fd: int | None = None
        self._unsaved_payload: bytes | None = None
        self._bad_identity: FileIdentity | None = None
        self.unsaved_changes = False
        # Bumped whenever the data in memory is replaced (reload, rollback), so
        # tables know their cached next id and record index are stale.
        self.generation = 0
        self.reads_from_disk = 0
        self.writes = 0
        self._batch_depth = 0
        self._batch_pending = False
        # Set while the file is encrypted: every write is sealed with it (see tui.store.encryption).
        self.envelope: Envelope | None = None

    # -- reading ---------------------------------------------------------------

    def current_identity(self) -> FileIdentity | None:
        """The file's identity now, or None if it does not exist."""
        try:
            return identity_of(os.stat(self.path))
        except FileNotFoundError:
            return None

    def changed_on_disk(self) -> bool:
        """True if someone else replaced or changed the file since we last read or wrote it.

        A file that vanished together with its folder (an unplugged drive) is
        not a change: what is in memory is kept, and saving says the folder is gone.
        """
        current = self.current_identity()
        if current is None and self._identity is not None and not self.path.parent.is_dir():
            return False
        return current != self._identity

    def read(self) -> dict[str, Any] | None:
        """The data, reloaded only if another process replaced the file.

        If the new file cannot be read, the last good data is still served for
        reading (the app keeps working); :meth:`reload` and every save report it.
        """
        if self._cache is not None and (self.unsaved_changes or not self.changed_on_disk()):
            return self._with_inbox()
        if self._cache is not None and self._bad_identity is not None and self.current_identity() == self._bad_identity:
            return self._with_inbox()
        try:
            return self.reload()
        except CorruptDatabaseError:
            if self._cache is None:
                raise
            return self._cache

    def reload(self) -> dict[str, Any] | None:
        """Read the file now; raise CorruptDatabaseError (keeping memory as it was) if it cannot be used."""
        loaded = self._parse_file()
        if loaded is None:
            self._forget()
            return None
        data, fd, identity = loaded
        self._forget()
        self._cache = data
        self._hold(fd, identity)
        self._bad_identity = None
        self.reads_from_disk += 1
        return self._with_inbox()

    def _with_inbox(self) -> dict[str, Any] | None:
        """Memory, with any inbox records it does not hold yet laid over it (a new dict if so)."""
        if self.inbox is not None and self._cache is not None:
            overlaid = self.inbox.catch_up(self._cache)
            if overlaid is not self._cache:
                self._cache = overlaid
                self.generation += 1
        return self._cache

    def _parse_file(self) -> tuple[dict[str, Any], int, FileIdentity] | None:
        try:
            fd = os.open(self.path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
        except FileNotFoundError:
            return None
        try:
            info = os.fstat(fd)
            data = parse_plain_file(self.path, fd, info.st_size, self._newest_backup)
            # The file as it is now says how the next save is written: a passphrase set,
            # changed or removed elsewhere (the shell, another device) is kept, never undone.
            envelope = None
            if data is None:  # encrypted, or not laid out as expected: read whole, as before
                payload = read_whole(fd, info.st_size)
                data = parse_database(self.path, payload, self._newest_backup)
                if is_encrypted(payload):
                    from tui.store.encryption import adopt_header

                    envelope = adopt_header(payload)
                del payload  # parsed: never kept beside the records
            self.envelope = envelope
        except CorruptDatabaseError:
            os.close(fd)
            self._bad_identity = identity_of(info)
            raise
        except BaseException:
            os.close(fd)
            raise
        return data, fd, identity_of(info)

    def read_held_version(self) -> dict[str, Any] | None:
        """The version of the file this process last read or wrote (even if replaced since)."""
        if self._held_fd is None:
            return None
        info = os.fstat(self._held_fd)
        return parse_database(self.path, os.pread(self._held_fd, info.st_size, 0))

    # -- writing ---------------------------------------------------------------

    def write(self, data: dict[str, Any]) -> None:
        """Save ``data``: serialised, sealed if encrypted, and written a piece at a time as it is made.

        No copy of the whole file is held beside the records, neither the plain
        bytes nor the sealed ones; the backup is copied from the file just written.
        A value JSON cannot hold (found in any piece) leaves the file untouched and
        rolls memory back; a failure of the disk keeps the change for a retry.
        """
        if self._batch_depth:
            self._cache, self._batch_pending = data, True  # written once, when the batch ends
            return
        try:
            parts = codec.encode_parts(data)
            fd = write_private_file(
                self.path, parts if self.envelope is None else self.envelope.seal_stream(parts), keep_open=True
            )
        except InvalidValueError:
            self.rollback()
            raise
        except OSError as error:
            self._keep_for_retry(data)
            raise StoreWriteError(self.path, error) from error
        except BaseException:
            self._keep_for_retry(data)  # locked (the key was forgotten), interrupted, ...
            raise
        assert fd is not None
        self._cache = data
        self._release_held()
        self._hold(fd, identity_of(os.fstat(fd)))
        self.unsaved_changes = False
        self._unsaved_payload = None
        self.writes += 1
        if self.inbox is not None:
            try:
                self.inbox.after_write(data)  # merged: this save holds the inbox, so empty it
            except OSError:
                pass  # left for the next save: merging again finds the records already there
        if self._on_written is not None:
            try:
                # The backup is copied from the file just written (held open), never from bytes in memory.
                self._on_written(self.path, pieces_of(fd), holds_records(data))
            except OSError:
                pass  # a backup that could not be made never undoes a save that succeeded

    def _keep_for_retry(self, data: dict[str, Any]) -> None:
        """A save did not reach the disk: keep ``data`` in memory, and its bytes for :meth:`rollback`.

        Only this failure path holds the file's bytes. A value JSON cannot hold
        found now (the write stopped before reaching it) rolls back instead:
        InvalidValueError, as if the save had been refused at once.
        """
        try:
            payload = codec.encode(data)
        except InvalidValueError:
            self.rollback()
            raise
        self._cache = data
        self.unsaved_changes = True
        self._unsaved_payload = payload

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Every write inside reaches the disk as one file: all of the changes, or none of them.

        Call it holding the database lock. If the body raises, memory returns
        to the last saved state; if the one write fails, the whole change waits
        in memory for a retry, as any failed save does.
        """
        self._batch_depth += 1
        try:
            yield
        except BaseException:
            self._batch_depth -= 1
            if self._batch_depth == 0 and self._batch_pending:
                self._batch_pending = False
                self.rollback()
            raise
        self._batch_depth -= 1
        if self._batch_depth == 0 and self._batch_pending:
            self._batch_pending = False
            assert self._cache is not None
            self.write(self._cache)

    def rollback(self) -> None:
        """Return memory to the last state that was saved (or kept for a retry)."""
        if self._unsaved_payload is not None:
            self._cache = codec.decode(self._unsaved_payload)
            self.generation += 1
            if self.inbox is not None:
                self.inbox.reset()  # laid over again (by id) on the next read
        else:
            self._forget()

    def merge_with_disk(self) -> None:
        """Another process saved while our change was waiting for a retry: combine both.

        Our unsaved change is what differs between the version we last saw (still
        held open) and memory; it is replayed onto the newer file on disk. If the
        newer file cannot be read, CorruptDatabaseError is raised and memory,
        with our change, stays as it was.
        """
        base = self.read_held_version() or {}
        if self.inbox is not None:
            base = self.inbox.place_applied(base)  # inbox records are not our change
        ours = self._cache or {}
        loaded = self._parse_file()
        theirs: dict[str, Any] = {}
        self._forget()
        if loaded is not None:
            theirs, fd, identity = loaded
            self._hold(fd, identity)
        if self.inbox is not None:
            theirs = self.inbox.catch_up(theirs)
        merge_unsaved(base, ours, theirs)
        self._cache = theirs
        self.unsaved_changes = True
        self._unsaved_payload = codec.encode(theirs)
        self.reads_from_disk += 1

    def discard_cache(self) -> None:
        """Forget what is in memory so the next read comes from disk."""
        self._forget()
        self.unsaved_changes = False
        self._unsaved_payload = None

    def close(self) -> None:
        self._release_held()

    # -- internals -------------------------------------------------------------

    def _hold(self, fd: int, identity: FileIdentity) -> None:
        self._release_held()
        self._held_fd = fd
        self._identity = identity

    def _release_held(self) -> None:
        if self._held_fd is not None:
            try:
                os.close(self._held_fd)
            except OSError:
                pass
            self._held_fd = None

    def _forget(self) -> None:
        self._release_held()
        self._cache, self._identity = None, None
        self.generation += 1
        if self.inbox is not None:
            self.inbox.reset()

    def __del__(self) -> None:
        try:
            self._release_held()
        except Exception:
            pass
