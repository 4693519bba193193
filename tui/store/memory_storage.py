"""An in-memory TinyDB Storage with the same strictness as the file storage.

Every write is encoded exactly as the file storage would encode it, so tests
that use memory still refuse the values the disk would refuse.
"""

from __future__ import annotations

from typing import Any

from tinydb.storages import Storage

from tui.store import codec


class MemoryStorage(Storage):
    """Keeps the database in memory; for tests and throwaway sessions."""

    def __init__(self, initial: dict[str, Any] | None = None) -> None:
        self._data: dict[str, Any] | None = initial
        self.unsaved_changes = False
        self.writes = 0

    def read(self) -> dict[str, Any] | None:
        return self._data

    def write(self, data: dict[str, Any]) -> None:
        codec.encode(data)
        self._data = data
        self.writes += 1

    def changed_on_disk(self) -> bool:
        return False

    def discard_cache(self) -> None:
        pass

    def snapshot(self) -> bytes:
        """The bytes the file storage would have written."""
        return codec.encode(self._data or {})

    def close(self) -> None:
        pass
