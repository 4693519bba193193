"""The shape every repository shares: core dataclasses in, core dataclasses out.

A repository owns one table. Records carry a stable string ``id`` (never
TinyDB's integer document id), so exports and imports can match records.
Subclasses say how to turn their dataclass into a plain document and back.

Stored text is the person's and may come from another program (a restored or
synced file), so every document a repository turns into a dataclass, and every
document it makes from one, has its control characters made visible by
:func:`tui.core.safe_text.visible_values`: raw terminal control never reaches a
screen, the shell, or the file. Subclasses get this without asking (see
``__init_subclass__``). Reads return only records that pass their table's
rules (:mod:`tui.store.record_checks`); the rest are set aside, untouched.

Every saved record carries an ``updated_at`` (merging another device's copy
keeps the later version): a kind whose dataclass has none gets the time of
the save. Records saved before this have none and count as oldest.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Generic, Protocol, TypeVar

from tui.core.safe_text import visible_values

if TYPE_CHECKING:  # not at run time: a quick capture (add_to_inbox) never loads TinyDB
    from tui.store.database import Database
from tui.store.tombstones import now_stamp


class HasId(Protocol):
    """A record with a stable string id (read-only, so frozen dataclasses fit)."""

    @property
    def id(self) -> str: ...


T = TypeVar("T", bound=HasId)


class Repository(ABC, Generic[T]):
    """Save, find and delete records of one kind in one table."""

    table_name: ClassVar[str]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        """Make every subclass's conversions pass text through the one sanitiser."""
        super().__init_subclass__(**kwargs)
        if "to_document" in cls.__dict__:
            # Wrapping a subclass's own method once, at class creation: mypy cannot type the rebinding.
            cls.to_document = _visible_result(cls.__dict__["to_document"])  # type: ignore[method-assign, assignment]
        if "from_document" in cls.__dict__:
            cls.from_document = _visible_argument(cls.__dict__["from_document"])  # type: ignore[method-assign, assignment]

    def __init__(self, database: Database) -> None:
        self.database = database
        self.table = database.table(self.table_name)

    @abstractmethod
    def to_document(self, item: T) -> dict[str, Any]:
        """The plain JSON-ready document for ``item`` (must include ``id``)."""

    @abstractmethod
    def from_document(self, document: Mapping[str, Any]) -> T:
        """The dataclass stored in ``document``."""

    def save(self, item: T) -> T:
        """Insert ``item`` or replace the record with the same id; saved on disk when this returns."""
        self.table.save_records([_stamped(self.to_document(item))])
        return item

    def save_many(self, items: Iterable[T]) -> int:
        """Insert or replace many items in one write; returns how many."""
        stamp = now_stamp()
        return self.table.save_records([_stamped(self.to_document(item), stamp) for item in items])

    @classmethod
    def add_to_inbox(cls, database: Path, item: T, *, own_folder: bool = False) -> None:
        """Save ``item`` through the inbox beside ``database`` (quick capture, see :mod:`tui.store.inbox`).

        The database is not read: this costs the same at any size. Every reader
        sees the record at once; the next save merges it into the file.
        """
        from tui.store import inbox

        converter = cls.__new__(cls)  # to_document needs no database
        document = _stamped(converter.to_document(item), now_stamp())
        inbox.append(database, cls.table_name, document, own_folder=own_folder)

    def get(self, item_id: str) -> T | None:
        """The record with ``item_id``, or None."""
        document = self.table.get_record(item_id)
        if document is None or not self.database.is_readable(self.table_name, document):
            return None
        return self.from_document(document)

    def delete(self, item_id: str) -> bool:
        """Delete the record with ``item_id``; True if it existed."""
        return self.table.delete_record(item_id)

    def all(self) -> list[T]:
        """Every record, in storage order."""
        return [self.from_document(document) for document in self.readable_documents()]

    def each(self) -> Iterator[T]:
        """:meth:`all` made one at a time, for a caller that keeps few of them (no list of every record)."""
        for document in self.readable_documents():
            yield self.from_document(document)

    def find(self, predicate: Callable[[Mapping[str, Any]], bool]) -> list[T]:
        """Records whose document satisfies ``predicate``."""
        return [self.from_document(d) for d in self.readable_documents() if predicate(d)]

    def count(self) -> int:
        """How many records can be read (those set aside are not counted)."""
        return len(self.database.readable_table(self.table_name))

    def readable_documents(self) -> list[Mapping[str, Any]]:
        """The stored documents that pass this table's rules, in storage order (read-only!).

        Records that fail (see :mod:`tui.store.record_checks`) are set aside: never
        returned, never changed, listed by ``Database.unreadable_records``.
        """
        return list(self.database.readable_table(self.table_name).values())


def _stamped(document: dict[str, Any], stamp: str | None = None) -> dict[str, Any]:
    """``document`` with an ``updated_at``: its own if its kind keeps one, else the time of this save."""
    if not document.get("updated_at"):
        document["updated_at"] = stamp or now_stamp()
    return document


def _visible_result(to_document: Callable[[Any, Any], dict[str, Any]]) -> Callable[[Any, Any], dict[str, Any]]:
    @wraps(to_document)
    def visible_to_document(self: Any, item: Any) -> dict[str, Any]:
        return visible_values(to_document(self, item))  # type: ignore[no-any-return]

    return visible_to_document


def _visible_argument(
    from_document: Callable[[Any, Mapping[str, Any]], Any],
) -> Callable[[Any, Mapping[str, Any]], Any]:
    @wraps(from_document)
    def visible_from_document(self: Any, document: Mapping[str, Any]) -> Any:
        return from_document(self, visible_values(document))

    return visible_from_document
