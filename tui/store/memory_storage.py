"""An in-memory TinyDB Storage with the same strictness as the file storage.

Every write is encoded exactly as the file storage would encode it, so tests
that use memory still refuse the values the disk would refuse, and a refused
or failed change is rolled back to the last good state just as on disk.
"""

from __future__ import annotations

from typing import Any

from tinydb.storages import Storage

from tui.store import codec
from tui.store.errors import InvalidValueError


class MemoryStorage(Storage):
    """Keeps the database in memory; for tests and throwaway sessions."""

    def __init__(self, initial: dict[str, Any] | None = None) -> None:
        self._data: dict[str, Any] | None = initial
        self._last_good = codec.encode(initial or {})
        self.unsaved_changes = False
        self.generation = 0
        self.writes = 0

    def read(self) -> dict[str, Any] | None:
        return self._data

    def write(self, data: dict[str, Any]) -> None:
        try:
            payload = codec.encode(data)
        except InvalidValueError:
            self.rollback()
            raise
        self._data = data
        self._last_good = payload
        self.writes += 1

    def rollback(self) -> None:
        """Return to the last successfully written state."""
        self._data = codec.decode(self._last_good)
        self.generation += 1

    def changed_on_disk(self) -> bool:
        return False

    def discard_cache(self) -> None:
        pass

    def merge_with_disk(self) -> None:
        pass

    def snapshot(self) -> bytes:
        """The bytes the file storage would have written."""
        return self._last_good

    def close(self) -> None:
        pass
