"""A TinyDB table that refuses values JSON cannot hold, never half-applies a change, and stays fast.

What it adds to TinyDB's ``Table``:

* Every document is checked before the disk is touched, including the result
  of ``update`` with a callable (orjson would silently write NaN as null).
* Every write runs inside the database transaction (the cross-process lock),
  even when the caller forgot to open one, and the cached next document id is
  thrown away whenever the data in memory was replaced (another process wrote).
* A record removed leaves a tombstone in the same write, and a record saved
  again after its deletion is brought back newer than the deletion (see
  :mod:`tui.store.tombstones`), so merging another device's copy never
  resurrects what was deleted.
* If a change fails part-way (an invalid value, an error in a callable), memory
  is rolled back to the last saved state: nothing half-done is ever written later.
* Writes work on a shallow copy of the stored table (C speed) instead of
  converting every key of the table to int and back on each save, and records
  are found by their string ``id`` through an index, so finding the record to
  save costs the same for 1 record or 30,000.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, MutableMapping
from contextlib import AbstractContextManager, nullcontext
from typing import Any, Protocol, cast

from tinydb.table import Document, Table

from tui.store import codec
from tui.store.tombstones import mark_deletions, tombstoned_among

TransactionFactory = Callable[[], AbstractContextManager[None]]


class TrackedStorage(Protocol):
    """What a checked table needs of its storage: read, write, roll back, and a change counter."""

    generation: int

    def read(self) -> dict[str, Any] | None: ...

    def write(self, data: dict[str, Any]) -> None: ...

    def rollback(self) -> None: ...


class IntKeyedView(MutableMapping[int, Any]):
    """The stored table (string keys) seen with TinyDB's integer document ids, without copying."""

    __slots__ = ("raw",)

    def __init__(self, raw: dict[str, Any]) -> None:
        self.raw = raw

    def __getitem__(self, doc_id: int) -> Any:
        return self.raw[str(doc_id)]

    def __setitem__(self, doc_id: int, document: Any) -> None:
        self.raw[str(doc_id)] = document

    def __delitem__(self, doc_id: int) -> None:
        del self.raw[str(doc_id)]

    def __contains__(self, doc_id: object) -> bool:
        return str(doc_id) in self.raw

    def __iter__(self) -> Iterator[int]:
        return (int(key) for key in self.raw)

    def __len__(self) -> int:
        return len(self.raw)

    def clear(self) -> None:
        self.raw.clear()


def checked_callable(change: Callable[[MutableMapping[str, Any]], None]) -> Callable[[MutableMapping[str, Any]], None]:
    """Wrap an update callable so the document it changed is checked afterwards."""

    def apply_and_check(document: MutableMapping[str, Any]) -> None:
        change(document)
        codec.check_document(document)

    return apply_and_check


class CheckedTable(Table):
    """TinyDB ``Table`` with value checks, automatic locking, rollback and an id index."""

    transaction: TransactionFactory = staticmethod(nullcontext)
    changed_in_place: Callable[[str], None] = staticmethod(lambda table_name: None)

    def __init__(self, storage: Any, name: str, cache_size: int = 0, persist_empty: bool = False) -> None:
        self._next_id_generation = -1
        self._index: dict[str, str] | None = None
        self._index_generation = -1
        super().__init__(storage, name, cache_size=cache_size, persist_empty=persist_empty)

    # -- TinyDB's write operations, checked and locked ----------------------------

    def insert(self, document: Mapping[str, Any]) -> int:
        codec.check_document(document)
        with self.transaction():
            return super().insert(document)

    def insert_multiple(self, documents: Iterable[Mapping[str, Any]]) -> list[int]:
        documents = list(documents)
        for document in documents:
            codec.check_document(document)
        with self.transaction():
            return super().insert_multiple(documents)

    def update(self, fields: Any, cond: Any = None, doc_ids: Iterable[int] | None = None) -> list[int]:
        if callable(fields):
            fields = checked_callable(fields)
        else:
            codec.check_document(fields)
        with self.transaction():
            try:
                return super().update(fields, cond, doc_ids)
            finally:
                self.changed_in_place(self.name)

    def update_multiple(self, updates: Iterable[tuple[Any, Any]]) -> list[int]:
        checked = []
        for fields, cond in updates:
            if callable(fields):
                fields = checked_callable(fields)
            else:
                codec.check_document(fields)
            checked.append((fields, cond))
        with self.transaction():
            try:
                return super().update_multiple(checked)
            finally:
                self.changed_in_place(self.name)

    def upsert(self, document: Mapping[str, Any], cond: Any = None) -> list[int]:
        codec.check_document(document)
        with self.transaction():
            try:
                return super().upsert(document, cond)
            finally:
                self.changed_in_place(self.name)

    def remove(self, cond: Any = None, doc_ids: Iterable[int] | None = None) -> list[int]:
        with self.transaction():
            return super().remove(cond, doc_ids)

    def truncate(self) -> None:
        with self.transaction():
            super().truncate()

    # -- records by their string id (what repositories use) -------------------------

    def doc_key_for(self, record_id: str) -> str | None:
        """The storage key of the record whose ``id`` is ``record_id``, or None."""
        raw = self._read_table()
        index = self._current_index(raw)
        key = index.get(record_id)
        if key is not None and (key not in raw or raw[key].get("id") != record_id):
            self._index = None
            key = self._current_index(raw).get(record_id)
        return key

    def get_record(self, record_id: str) -> Document | None:
        """The document whose ``id`` is ``record_id``, or None."""
        key = self.doc_key_for(record_id)
        if key is None:
            return None
        return Document(self._read_table()[key], int(key))

    def save_records(self, documents: Iterable[Mapping[str, Any]], *, from_strict_json: bool = False) -> int:
        """Insert or replace (by string ``id``) each document, all in one write.

        ``from_strict_json`` says the documents were just parsed from strict JSON
        (an import): such values always survive a round trip (no NaN, no lone
        surrogates), so the per-value check is skipped.
        """
        copies: list[dict[str, Any]] = [dict(document) for document in documents]
        for document in copies:
            if not from_strict_json:
                codec.check_document(document)
            if not isinstance(document.get("id"), str) or not document["id"]:
                raise ValueError("A record needs a non-empty string id.")
        with self.transaction():
            revived = tombstoned_among(self._tracked.read() or {}, self.name, copies)
            # The table, its index and the next number are looked up once, not once per
            # record: an import of 30,000 records would otherwise stat the file 60,000 times.
            raw = self._read_table()
            index = self._current_index(raw)
            number: int | None = None
            targets: list[tuple[str, Mapping[str, Any]]] = []
            for document in copies:
                key = index.get(document["id"])
                if key is not None and (key not in raw or raw[key].get("id") != document["id"]):
                    self._index = None
                    index = self._current_index(raw)
                    key = index.get(document["id"])
                if key is None:
                    number = self._get_next_id() if number is None else number + 1
                    key = str(number)
                targets.append((key, document))
            if number is not None:
                self._next_id = number + 1  # type: ignore[assignment]  # tinydb annotates _next_id as always None

            def replace_or_add(table: IntKeyedView) -> None:
                index = self._index
                for key, document in targets:
                    table.raw[key] = document
                    if index is not None:
                        index[document["id"]] = key

            self._update_table(replace_or_add, keeps_index=True, revived=revived)
        return len(copies)

    def delete_record(self, record_id: str) -> bool:
        """Delete the record whose ``id`` is ``record_id``; True if it existed."""
        with self.transaction():
            key = self.doc_key_for(record_id)
            if key is None:
                return False

            def delete(table: IntKeyedView) -> None:
                del table.raw[key]
                if self._index is not None:
                    self._index.pop(record_id, None)

            self._update_table(delete, keeps_index=True)
        return True

    # -- internals ------------------------------------------------------------------

    @property
    def _tracked(self) -> TrackedStorage:
        """The table's storage (always one of the project's own: file or memory)."""
        return cast(TrackedStorage, self._storage)

    def _current_index(self, raw: dict[str, Any]) -> dict[str, str]:
        generation = self._tracked.generation
        if self._index is None or self._index_generation != generation:
            self._index = {
                document["id"]: key
                for key, document in raw.items()
                if isinstance(document, dict) and isinstance(document.get("id"), str)
            }
            self._index_generation = generation
        return self._index

    def _get_next_id(self) -> int:
        self._tracked.read()  # reloads (and bumps the generation) if another process wrote
        generation = self._tracked.generation
        if generation != self._next_id_generation:
            self._next_id = None
            self._next_id_generation = generation
        next_id: int = super()._get_next_id()  # type: ignore[no-untyped-call]  # tinydb leaves it unannotated
        return next_id

    def _update_table(
        self, updater: Callable[[Any], None], keeps_index: bool = False, revived: frozenset[str] = frozenset()
    ) -> None:
        """Apply ``updater`` to a shallow copy of the table and save it.

        The copy (C speed, no key conversion) means a reader in another thread
        that is iterating the table never sees it change size under it, and an
        updater that fails part-way leaves the stored table as it was. Changes
        made inside documents are undone by rolling memory back.
        """
        storage = self._tracked
        tables = storage.read() or {}
        working = dict(tables.get(self.name, {}))
        try:
            updater(IntKeyedView(working))
        except BaseException:
            storage.rollback()
            raise
        finally:
            if not keeps_index:
                self._index = None
        changed = dict(tables)
        changed[self.name] = working
        mark_deletions(changed, self.name, tables.get(self.name, {}), working, revived)
        storage.write(changed)
        self.clear_cache()
