"""The Heartwork database: one TinyDB file, opened safely and changed under a lock.

Every change goes through :meth:`Database.transaction`, which holds an
exclusive lock (a lock file beside the database, shared by every Heartwork
process) and first reloads the file if another process replaced it. Reads
need no lock: the file on disk is always complete, because writers rename a
new file into place.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from tinydb import TinyDB
from tinydb.table import Table

from tui.store import codec
from tui.store.backups import BackupRotator
from tui.store.errors import DatabaseTooNewError, StoreBusyError, StoreWriteError
from tui.store.file_lock import lock_timeout_errors, make_lock
from tui.store.file_storage import AtomicFileStorage
from tui.store.memory_storage import MemoryStorage
from tui.store.migrations import CURRENT_VERSION, META_TABLE, migrate, version_of
from tui.store.permissions import PRIVATE_FILE_MODE, ensure_private_dir, make_private, sweep_stale_temp_files

LOCK_TIMEOUT_SECONDS = 15.0

R = TypeVar("R")


class CheckedTable(Table):
    """A TinyDB table that refuses documents JSON cannot hold exactly."""

    def insert(self, document: Mapping) -> int:
        codec.check_document(document)
        return super().insert(document)

    def insert_multiple(self, documents: Any) -> list[int]:
        documents = list(documents)
        for document in documents:
            codec.check_document(document)
        return super().insert_multiple(documents)

    def update(self, fields: Any, cond: Any = None, doc_ids: Any = None) -> list[int]:
        if isinstance(fields, Mapping):
            codec.check_document(fields)
        return super().update(fields, cond, doc_ids)

    def upsert(self, document: Mapping, cond: Any = None) -> list[int]:
        codec.check_document(document)
        return super().upsert(document, cond)


class _CheckedTinyDB(TinyDB):
    table_class = CheckedTable


class Database:
    """One open Heartwork database (a file, or memory for tests)."""

    def __init__(self, storage: AtomicFileStorage | MemoryStorage, path: Path | None) -> None:
        self.path = path
        self.storage = storage
        self._tinydb = _CheckedTinyDB(storage=lambda: storage)
        self._thread_lock = threading.RLock()
        self._file_lock: Any = None
        self.backups: BackupRotator | None = None
        if path is not None:
            self._file_lock = make_lock(str(lock_path_for(path)), LOCK_TIMEOUT_SECONDS, PRIVATE_FILE_MODE)

    # -- opening ---------------------------------------------------------------

    @classmethod
    def open(cls, path: Path, *, own_folder: bool = False) -> Database:
        """Open (or create) the database at ``path``.

        Raises CorruptDatabaseError if the file cannot be used (it is left
        untouched), DatabaseTooNewError for a newer format, StoreWriteError if
        a new file cannot be created.
        """
        path = Path(path).expanduser().absolute()
        ensure_private_dir(path.parent, ours=own_folder)
        sweep_stale_temp_files(path)
        rotator = BackupRotator(path)
        storage = AtomicFileStorage(path, on_written=rotator.after_successful_write, newest_backup=rotator.newest)
        database = cls(storage, path)
        database.backups = rotator
        data = storage.read()  # raises CorruptDatabaseError before any write
        if data is not None and version_of(data) > CURRENT_VERSION:
            raise DatabaseTooNewError(path, version_of(data), CURRENT_VERSION)
        if data is None or version_of(data) < CURRENT_VERSION or META_TABLE not in data:
            with database.transaction():
                current = storage.read() or {}
                if version_of(current) > CURRENT_VERSION:
                    raise DatabaseTooNewError(path, version_of(current), CURRENT_VERSION)
                migrate(current)
                storage.write(current)
        else:
            make_private(path)
        return database

    @classmethod
    def in_memory(cls, initial: dict[str, Any] | None = None) -> Database:
        """A database that lives only in memory (tests, previews)."""
        data = initial if initial is not None else {}
        migrate(data)
        return cls(MemoryStorage(data), None)

    # -- using -----------------------------------------------------------------

    def table(self, name: str) -> Table:
        """The TinyDB table ``name``; change it only inside :meth:`transaction`."""
        return self._tinydb.table(name, cache_size=0)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Hold the exclusive lock for a read-modify-write; reload first if needed."""
        with self._thread_lock:
            if self._file_lock is None:
                yield
                return
            try:
                self._file_lock.acquire()
            except lock_timeout_errors() as error:
                raise StoreBusyError(Path(self._file_lock.lock_file), LOCK_TIMEOUT_SECONDS) from error
            except OSError as error:
                assert self.path is not None
                raise StoreWriteError(self.path, error) from error
            try:
                if self._file_lock.lock_counter == 1:
                    self._forget_cached_ids()
                    if self.storage.changed_on_disk() and not self.storage.unsaved_changes:
                        self.storage.discard_cache()
                        self._forget_query_caches()
                yield
            finally:
                self._file_lock.release()

    def refresh(self) -> bool:
        """Reload if another process changed the file; True if it did."""
        if not self.storage.changed_on_disk() or self.storage.unsaved_changes:
            return False
        self.storage.discard_cache()
        self._forget_query_caches()
        self._forget_cached_ids()
        return True

    def retry_save(self) -> None:
        """Write what is in memory again after a failed save."""
        with self.transaction():
            data = self.storage.read()
            if data is not None:
                self.storage.write(data)

    def snapshot(self) -> dict[str, Any]:
        """Every table as plain data (for exports)."""
        with self.transaction():
            data = self.storage.read() or {}
            return {name: {k: dict(v) for k, v in table.items()} for name, table in data.items()}

    def close(self) -> None:
        self._tinydb.close()

    # -- internals -------------------------------------------------------------

    def _forget_cached_ids(self) -> None:
        for table in self._tinydb._tables.values():
            table._next_id = None

    def _forget_query_caches(self) -> None:
        for table in self._tinydb._tables.values():
            table.clear_cache()


def lock_path_for(database: Path) -> Path:
    """Where the lock file for ``database`` lives."""
    return database.with_name(database.name + ".lock")
