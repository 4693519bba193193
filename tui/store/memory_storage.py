"""An in-memory TinyDB Storage with the same strictness as the file storage.

Every write is encoded exactly as the file storage would encode it, so tests
that use memory still refuse the values the disk would refuse, and a refused
or failed change is rolled back to the last good state just as on disk.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
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
        self._batch_depth = 0
        self._batch_pending = False

    def read(self) -> dict[str, Any] | None:
        return self._data

    def write(self, data: dict[str, Any]) -> None:
        if self._batch_depth:
            self._data, self._batch_pending = data, True  # written once, when the batch ends
            return
        try:
            payload = codec.encode(data)
        except InvalidValueError:
            self.rollback()
            raise
        self._data = data
        self._last_good = payload
        self.writes += 1

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Every write inside counts as one: all of the changes, or none of them."""
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
            assert self._data is not None
            self.write(self._data)

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
