"""The Heartwork database: one TinyDB file, opened safely and changed under a lock.

Every change goes through :meth:`Database.transaction`, which holds an
exclusive lock (a lock file beside the database, shared by every Heartwork
process) and first reloads the file if another process replaced it. Tables
open their own transaction for every write, so a forgotten ``with`` cannot
lose another process's change. Reads need no lock: the file on disk is always
complete, because writers rename a new file into place.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tinydb import TinyDB

from tui.paths import real_path
from tui.store.backups import BackupRotator
from tui.store.checked_table import CheckedTable
from tui.store.errors import DatabaseTooNewError, StoreBusyError, StoreWriteError
from tui.store.file_lock import lock_timeout_errors, make_lock
from tui.store.file_storage import AtomicFileStorage, read_database_fd
from tui.store.inbox import apply_records, read_pending
from tui.store.memory_storage import MemoryStorage
from tui.store.migrations import CURRENT_VERSION, META_TABLE, migrate, version_of
from tui.store.permissions import (
    PRIVATE_FILE_MODE,
    check_private_dir,
    ensure_private_dir,
    make_private,
    sweep_stale_temp_files,
)

if TYPE_CHECKING:
    from tui.core.unreadable_records import UnreadableRecord
    from tui.store.record_checks import SetAside

LOCK_TIMEOUT_SECONDS = 15.0


class _CheckedTinyDB(TinyDB):
    table_class = CheckedTable


class Database:
    """One open Heartwork database (a file, or memory for tests)."""

    def __init__(
        self, storage: AtomicFileStorage | MemoryStorage, path: Path | None, *, read_only: bool = False
    ) -> None:
        self.path = path
        self.storage = storage
        self.read_only = read_only
        self._tinydb = _CheckedTinyDB(storage=lambda: storage)
        self._thread_lock = threading.RLock()
        self._file_lock: Any = None
        self.backups: BackupRotator | None = None
        self._lock_file_checked = False
        self._set_aside: SetAside | None = None  # made on the first read: quick shell commands never need it
        if path is not None and not read_only:
            self._file_lock = make_lock(str(lock_path_for(path)), LOCK_TIMEOUT_SECONDS, PRIVATE_FILE_MODE)

    # -- opening ---------------------------------------------------------------

    @classmethod
    def open(cls, path: Path, *, own_folder: bool = False) -> Database:
        """Open (or create) the database at ``path``.

        A path that is a symbolic link is followed once, here: everything is
        written beside the real file (temp file, lock, backups), so the link
        survives. Raises CorruptDatabaseError if the file cannot be used (it
        is left untouched), DatabaseTooNewError for a newer format,
        UnsafeFolderError if Heartwork's own folder could be changed by someone
        else, StoreWriteError if a new file cannot be created.
        """
        path = real_path(Path(path))  # idempotent: the CLI resolved it already
        try:
            ensure_private_dir(path.parent, ours=own_folder, refuse_unsafe=own_folder)
        except OSError as error:
            if not path.parent.is_dir():
                raise StoreWriteError(path, error) from error
            # an existing folder whose mode cannot be changed (read-only disk, not ours): go on
        sweep_stale_temp_files(path)
        rotator = BackupRotator(path)
        storage = AtomicFileStorage(
            path, on_written=rotator.after_successful_write, newest_backup=rotator.newest, inbox=True
        )
        database = cls(storage, path)
        database.backups = rotator
        data = storage.read()  # raises CorruptDatabaseError before any write
        _refuse_too_new(path, data)
        if data is None or version_of(data) < CURRENT_VERSION or META_TABLE not in data:
            with database.transaction():
                current = storage.read() or {}
                _refuse_too_new(path, current)
                if current:
                    rotator.before_migration()
                migrate(current)
                storage.write(current)
        else:
            try:
                make_private(path)
            except OSError:
                pass  # a read-only disk: reading works, and saving will say why it cannot
        database.merge_inbox()
        if storage.envelope is not None:  # finish a passphrase set or change that a kill cut short
            from tui.store.backup_sealing import seal_backups_left_behind

            seal_backups_left_behind(rotator, storage.envelope)
        return database

    def merge_inbox(self) -> bool:
        """Take quick captures waiting in the inbox into the file now, in one atomic save.

        Every save does this anyway (the inbox is laid over memory and emptied once
        a save holds it); opening for writing calls it so the inbox stays small.
        True if there was something to merge. A save that fails leaves the inbox as it was.
        """
        storage = self.storage
        if not isinstance(storage, AtomicFileStorage) or storage.inbox is None:
            return False
        storage.read()
        if not storage.inbox.has_pending:
            return False
        try:
            with self.transaction():
                data = storage.read()
                if storage.inbox.has_pending and data is not None:
                    storage.write(data)
        except StoreBusyError:
            return False  # another process holds the lock (and will merge); readers still see the inbox
        except StoreWriteError:
            # A read-only disk, say: the captures stay in the inbox, still seen by every reader,
            # and nothing of ours is waiting (the file on disk is as it was).
            storage.discard_cache()
            return False
        return True

    @classmethod
    def open_read_only(cls, path: Path, *, own_folder: bool = False) -> Database:
        """The database at ``path`` as it is now, for commands that only read (export).

        Nothing on disk is created, written, chmodded or migrated: an older
        file is brought up to date in memory only, a missing file reads as
        empty. The same files are refused as by :meth:`open`. Changes made to
        the returned database stay in memory.
        """
        path = real_path(Path(path))  # idempotent: the CLI resolved it already
        if own_folder:
            check_private_dir(path.parent)
        try:
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
        except FileNotFoundError:
            data: dict[str, Any] = {}
        else:
            try:
                data = read_database_fd(path, fd, BackupRotator(path).newest)  # streamed: no copy of the file
            finally:
                os.close(fd)
        _refuse_too_new(path, data)
        migrate(data)
        data = apply_records(data, read_pending(path).records)  # quick captures, read without merging
        return cls(MemoryStorage(data), path, read_only=True)

    @classmethod
    def in_memory(cls, initial: dict[str, Any] | None = None) -> Database:
        """A database that lives only in memory (tests, previews)."""
        data = initial if initial is not None else {}
        migrate(data)
        return cls(MemoryStorage(data), None)

    # -- using -----------------------------------------------------------------

    def table(self, name: str) -> CheckedTable:
        """The TinyDB table ``name``; every write to it runs inside :meth:`transaction`."""
        table = self._tinydb.table(name, cache_size=0)
        assert isinstance(table, CheckedTable)
        table.transaction = self.transaction
        table.changed_in_place = self._forget_checks
        return table

    @property
    def set_aside(self) -> SetAside:
        """Which stored records fail their table's rules (see :mod:`tui.store.record_checks`)."""
        if self._set_aside is None:
            from tui.store.record_checks import SetAside

            self._set_aside = SetAside()
        return self._set_aside

    def _forget_checks(self, name: str) -> None:
        if self._set_aside is not None:
            self._set_aside.forget(name)

    def readable_table(self, name: str) -> dict[str, Any]:
        """The stored documents of table ``name`` that can be read (read-only!), by storage key.

        Records that fail their table's rules (see :mod:`tui.store.record_checks`)
        are left out here and stay in the file untouched.
        """
        raw = (self.storage.read() or {}).get(name) or {}
        return self.set_aside.readable(name, raw)

    def is_readable(self, name: str, document: Any) -> bool:
        """True if ``document`` of table ``name`` passes its table's rules."""
        from tui.store.record_checks import record_problem

        return record_problem(name, document) is None

    def unreadable_records(self) -> list[UnreadableRecord]:
        """Every stored record that could not be read and was set aside."""
        return self.set_aside.unreadable(self.storage.read() or {})

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Hold the exclusive cross-process lock for a read-modify-write.

        Re-entrant. On first entry, if another process replaced the file since
        we last saw it, memory is reloaded (or, when a change of ours is waiting
        for a retry, our change is replayed onto the newer file).
        """
        with self._thread_lock:
            if self._file_lock is None:
                yield
                return
            assert self.path is not None
            if not self.path.parent.is_dir() and not self._file_lock.is_locked:
                # The folder vanished (an unplugged drive, say). Taking the lock would
                # silently recreate it; no other process can write there either, so go
                # on: the save fails with a clear message and the change waits in memory.
                yield
                return
            try:
                self._file_lock.acquire()
            except lock_timeout_errors() as error:
                raise StoreBusyError(Path(self._file_lock.lock_file), LOCK_TIMEOUT_SECONDS) from error
            except OSError as error:  # the lock file cannot be made: nothing was changed yet
                raise StoreWriteError(self.path, error, change_kept=False) from error
            try:
                if self._file_lock.lock_counter == 1:
                    self._make_lock_file_private()
                    try:
                        self._sync_with_disk()
                    except OSError as error:  # the file could not be re-read: nothing was changed yet
                        raise StoreWriteError(self.path, error, change_kept=False) from error
                yield
            finally:
                self._file_lock.release()

    @contextmanager
    def transaction_if_free(self) -> Iterator[bool]:
        """Enter :meth:`transaction` only if that needs no waiting; yields whether it did.

        Yields False, having done nothing, when another thread of this process or
        another process holds the lock: the caller then hands its write to a
        thread that may wait (the app's UI thread never waits for another
        process). Exceptions inside reach the transaction as usual.
        """
        with ExitStack() as stack:
            if not self._thread_lock.acquire(blocking=False):
                yield False
                return
            stack.callback(self._thread_lock.release)
            lock = self._file_lock
            waited = lock.timeout if lock is not None else 0.0
            if lock is not None:
                lock.timeout = 0.0
            try:
                stack.enter_context(self.transaction())
                entered = True
            except StoreBusyError:
                entered = False
            finally:
                if lock is not None:
                    lock.timeout = waited
            yield entered

    @contextmanager
    def written_together(self) -> Iterator[None]:
        """Changes to several tables inside reach the disk in one write, or not at all.

        Saving an entry and clearing its draft, or moving something into
        "recently deleted" and out of its table, is one step: a crash or a failed
        save can never leave one half done (a saved entry still offered as a draft).
        """
        with self.transaction(), self.storage.batch():
            yield

    def refresh(self) -> bool:
        """Reload if another process changed the file; True if it did.

        Raises CorruptDatabaseError once if the new file cannot be read (the
        last good data stays in memory for reading; saves are refused until
        the file is readable again, so it is never overwritten).
        """
        if not self.storage.changed_on_disk():
            return self._caught_up_with_inbox()
        if self.storage.unsaved_changes:
            with self.transaction():
                pass  # entering merges our waiting change with theirs
            return True
        if (
            isinstance(self.storage, AtomicFileStorage)
            and self.storage.current_identity() == self.storage._bad_identity
        ):
            return False  # already reported
        if isinstance(self.storage, AtomicFileStorage):
            self.storage.reload()
        self._forget_query_caches()
        return True

    def _caught_up_with_inbox(self) -> bool:
        """True if a shell capture was added to the inbox since memory last looked (now in memory)."""
        storage = self.storage
        if not isinstance(storage, AtomicFileStorage) or storage.inbox is None:
            return False
        generation = storage.generation
        storage.read()
        if storage.generation == generation:
            return False
        self._forget_query_caches()
        return True

    def retry_save(self) -> None:
        """Write what is in memory again after a failed save (raises StoreWriteError if it fails again)."""
        with self.transaction():
            if self.storage.unsaved_changes:
                data = self.storage.read()
                assert data is not None
                self.storage.write(data)

    @property
    def unsaved_changes(self) -> bool:
        """True while a change is kept in memory because its save failed."""
        return bool(self.storage.unsaved_changes)

    def replace_data(self, data: dict[str, Any]) -> None:
        """Write ``data`` as the whole database (a merge made it); call inside :meth:`transaction`."""
        try:
            self.storage.write(data)  # a failed write keeps ``data`` in memory for a retry, as any save
        finally:
            self.storage.generation += 1  # record numbers may have moved: tables drop their cached ids
            self._forget_query_caches()
            self._set_aside = None

    def snapshot(self) -> dict[str, dict[str, dict[str, Any]]]:
        """Every table as plain data, as stored (for exports)."""
        data = self.storage.read() or {}
        return {name: {key: dict(doc) for key, doc in table.items()} for name, table in data.items()}

    def close(self) -> None:
        self._tinydb.close()
        self.storage.close()

    # -- internals -------------------------------------------------------------

    def _make_lock_file_private(self) -> None:
        """A lock file left by an older version may be 0644; every file is 0600."""
        if self._lock_file_checked or self.path is None:
            return
        try:
            make_private(lock_path_for(self.path))
        except OSError:
            pass
        self._lock_file_checked = True

    def _sync_with_disk(self) -> None:
        """Before a change: catch up with the file (raises CorruptDatabaseError if it cannot be read)."""
        if not self.storage.changed_on_disk():
            return
        if self.storage.unsaved_changes:
            self.storage.merge_with_disk()
        elif isinstance(self.storage, AtomicFileStorage):
            self.storage.reload()
        self._forget_query_caches()

    def _forget_query_caches(self) -> None:
        for table in self._tinydb._tables.values():
            table.clear_cache()


def _refuse_too_new(path: Path, data: dict[str, Any] | None) -> None:
    if data is not None and version_of(data) > CURRENT_VERSION:
        raise DatabaseTooNewError(path, version_of(data), CURRENT_VERSION)


def lock_path_for(database: Path) -> Path:
    """Where the lock file for ``database`` lives."""
    return database.with_name(database.name + ".lock")
