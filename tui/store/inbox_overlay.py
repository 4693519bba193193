"""What the file storage knows of the inbox: which of its records memory already holds.

The storage (:mod:`tui.store.file_storage`) shows the database with the inbox
laid over it, so every reader sees quick captures as if they were saved. This
class keeps track of how far the inbox has been laid over memory (one ``stat``
per read tells whether it grew), and after a save that holds all of it, empties
it: the inbox is merged exactly once, in the same atomic save.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from operator import is_
from pathlib import Path
from typing import Any

from tui.core.record_merge import TOMBSTONES_TABLE
from tui.store.inbox import Pending, apply_records, empty_after_merge, inbox_identity, read_pending

Tables = dict[str, dict[str, Any]]


class InboxOverlay:
    """The inbox beside one database file, as laid over that file's data in memory."""

    def __init__(self, database: Path) -> None:
        self.database = database
        self.pending: Pending | None = None  # what was last read and laid over memory
        self._seen: tuple[int, int, int, int] | None = None
        self._applied_count = 0
        # (table, storage key, document) of every inbox record placed in memory since the
        # file was last read: a replayed unsaved change must not count them as its own.
        self.applied: list[tuple[str, str, dict[str, Any] | None]] = []

    def reset(self) -> None:
        """Memory was replaced by the file's data: lay the whole inbox over it again."""
        self.pending = None
        self._seen = None
        self._applied_count = 0
        self.applied = []

    @property
    def has_pending(self) -> bool:
        """True if the inbox holds anything (records or torn bytes) a save should take in."""
        return self.pending is not None and bool(self.pending.records or self.pending.torn)

    def catch_up(self, data: Tables) -> Tables:
        """``data`` with inbox records it does not hold yet laid over it (``data`` itself if none)."""
        identity = inbox_identity(self.database)
        if identity == self._seen:
            return data
        with _collector_paused():  # thousands of new records, none of them cyclic garbage
            pending = read_pending(self.database)
            same_file = self.pending is not None and self.pending.identity == pending.identity
            start = self._applied_count if same_file and len(pending.records) >= self._applied_count else 0
            self.pending, self._seen, self._applied_count = pending, identity, len(pending.records)
            return apply_records(data, pending.records[start:], self.applied)

    def place_applied(self, base: Tables) -> Tables:
        """``base`` (the file as last read) with the inbox records memory holds, at the same keys."""
        for table, key, document in self.applied:
            if document is None:  # a tick replaced by an inbox tick (tui.store.inbox_replacing)
                base.get(table, {}).pop(key, None)
            else:
                base.setdefault(table, {})[key] = document
        return base

    def after_write(self, written: Tables) -> None:
        """A save reached the disk (the lock is held): empty the inbox if the save holds all of it."""
        pending = self.pending
        if pending is not None and (pending.records or pending.torn) and _holds_all(written, pending, self.applied):
            empty_after_merge(self.database, pending)
        self.reset()


def _holds_all(data: Tables, pending: Pending, applied: list[tuple[str, str, dict[str, Any] | None]]) -> bool:
    """True if every record of ``pending`` is in ``data`` (by id; first where it was placed: cheap)."""
    if _placed_as_read(data, pending, applied):
        return True
    placed = {
        (table, document["id"])
        for table, key, document in applied
        if document is not None and (data.get(table) or {}).get(key, {}).get("id") == document["id"]
    }
    ids: dict[str, set[Any]] = {}
    deleted: set[tuple[Any, Any]] | None = None
    for table, document in pending.records:
        if (table, document["id"]) in placed:
            continue
        if deleted is None:  # merged, then deleted: held by its tombstone
            stones = (data.get(TOMBSTONES_TABLE) or {}).values()
            deleted = {(s.get("table"), s.get("record_id")) for s in stones if isinstance(s, dict)}
        if (table, document["id"]) in deleted:
            continue
        if table not in ids:
            ids[table] = {doc.get("id") for doc in (data.get(table) or {}).values() if isinstance(doc, dict)}
        if document["id"] not in ids[table]:
            return False
    return True


def _placed_as_read(data: Tables, pending: Pending, applied: list[tuple[str, str, dict[str, Any] | None]]) -> bool:
    """The common case, checked at C speed: this merge placed every record of ``pending`` and each is still there.

    True only if the records placed are the very objects read (in order, to
    the same tables) and ``data`` still holds each at the key it was given;
    anything else is left to the full check by id.
    """
    if len(applied) != len(pending.records):
        return False
    tables = [table for table, _, _ in applied]
    documents = [document for _, _, document in applied]
    if not all(map(is_, documents, [document for _, document in pending.records])):
        return False
    if tables != [table for table, _ in pending.records]:
        return False
    for table in set(tables):
        rows = data.get(table)
        if not isinstance(rows, dict):
            return False
        keys = [key for name, key, _ in applied if name == table]
        placed = [document for name, _, document in applied if name == table]
        if not all(map(is_, map(rows.get, keys), placed)):
            return False
    return True


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The cyclic garbage collector paused (never frozen) while the inbox is read and laid over memory.

    Parsing a thousand captures makes thousands of dicts and lists; left
    running, the collector would walk them several times inside the save.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
