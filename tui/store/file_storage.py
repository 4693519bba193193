"""A TinyDB Storage that never leaves a half-written file and never re-parses needlessly.

Stock ``JSONStorage`` rewrites the file in place, so a crash between write and
truncate leaves JSON that no longer parses. This storage writes a new file
beside the old one and renames it over, fsyncing file and folder, so the file
on disk is always either the old complete version or the new one.

The parsed data is kept in memory and reused while the file's identity
(inode, size, modification time) is unchanged; another process's write always
changes the inode, because every writer renames a new file into place.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from tui.store import codec
from tui.store.errors import CorruptDatabaseError, StoreWriteError
from tui.store.permissions import ensure_private_dir, write_private_file

FileIdentity = tuple[int, int, int]


class AtomicFileStorage(Storage):
    """Crash-safe, private JSON storage for one database file."""

    def __init__(
        self,
        path: Path,
        *,
        on_written: Callable[[Path], None] | None = None,
        newest_backup: Callable[[], Path | None] | None = None,
    ) -> None:
        self.path = path
        self._on_written = on_written
        self._newest_backup = newest_backup or (lambda: None)
        self._cache: dict[str, Any] | None = None
        self._identity: FileIdentity | None = None
        self.unsaved_changes = False

    # -- reading ---------------------------------------------------------------

    def current_identity(self) -> FileIdentity | None:
        """The file's (inode, size, mtime) now, or None if it does not exist."""
        try:
            info = os.stat(self.path)
        except FileNotFoundError:
            return None
        return (info.st_ino, info.st_size, info.st_mtime_ns)

    def changed_on_disk(self) -> bool:
        """True if someone else replaced the file since we last read or wrote it."""
        return self.current_identity() != self._identity

    def read(self) -> dict[str, Any] | None:
        if self._cache is not None and (self.unsaved_changes or not self.changed_on_disk()):
            return self._cache
        try:
            fd = os.open(self.path, os.O_RDONLY)
        except FileNotFoundError:
            self._cache, self._identity = None, None
            return None
        try:
            info = os.fstat(fd)
            chunks = []
            while chunk := os.read(fd, 1 << 20):
                chunks.append(chunk)
        finally:
            os.close(fd)
        payload = b"".join(chunks)
        self._cache = parse_database(self.path, payload, self._newest_backup)
        self._identity = (info.st_ino, info.st_size, info.st_mtime_ns)
        self.unsaved_changes = False
        return self._cache

    # -- writing ---------------------------------------------------------------

    def write(self, data: dict[str, Any]) -> None:
        self._cache = data
        self.unsaved_changes = True
        payload = codec.encode(data)
        try:
            if not self.path.parent.is_dir():
                ensure_private_dir(self.path.parent)
            write_private_file(self.path, payload)
        except OSError as error:
            raise StoreWriteError(self.path, error) from error
        self._identity = self.current_identity()
        self.unsaved_changes = False
        if self._on_written is not None:
            self._on_written(self.path)

    def discard_cache(self) -> None:
        """Forget what is in memory so the next read comes from disk."""
        self._cache, self._identity = None, None
        self.unsaved_changes = False

    def close(self) -> None:
        pass


def parse_database(
    path: Path, payload: bytes, newest_backup: Callable[[], Path | None] = lambda: None
) -> dict[str, Any]:
    """Parse and shape-check a database file, or raise CorruptDatabaseError."""
    if not payload.strip():
        raise CorruptDatabaseError(path, "the file is empty", newest_backup())
    try:
        data = codec.decode(payload)
    except ValueError as error:
        try:
            payload.decode("utf-8")
        except UnicodeDecodeError:
            reason = "the file holds bytes that are not UTF-8 text"
        else:
            reason = f"the file is not valid JSON: {error}"
        raise CorruptDatabaseError(path, reason, newest_backup()) from error
    problem = shape_problem(data)
    if problem:
        raise CorruptDatabaseError(path, problem, newest_backup())
    return data


def shape_problem(data: Any) -> str | None:
    """Describe why ``data`` is not a TinyDB database, or None if it is one."""
    if not isinstance(data, dict):
        return "the file does not hold a set of tables"
    for name, table in data.items():
        if not isinstance(table, dict):
            return f"the table {name!r} is not a set of records"
        for doc_id, document in table.items():
            if not isinstance(document, dict):
                return f"record {doc_id} in table {name!r} is not a record"
            if not doc_id.isdigit():
                return f"table {name!r} has a record key {doc_id!r} that is not a number"
    return None
