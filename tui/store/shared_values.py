"""One string object for each repeated value in the loaded records (issue 12.3: memory).

A parser makes a new string for every value it reads: the same self-care
item id in every tick, the same day in five ticks, the same emotion words in
thousands of check-ins, the same pattern name in every breathing session.
Strings never change, so records loaded from a file can share one copy of each
such value; nothing a reader or a writer sees changes, only memory (about a
sixth of the records). Only the fields known to repeat are looked at, so it
costs little per record.

A few small containers repeat whole, too: a breathing session's phases (the
same three for every session of a pattern), a check-in's words, an entry's
tags. Equal ones (same items, same types, same order) become one object
(issue 12.3: the phases alone were a fifth of the records). That is safe
because nothing changes a stored document's inner lists in place: a write
replaces whole documents, readers get the documents read-only, and every
record handed out is a copy (``Repository.from_document``).
"""

from __future__ import annotations

from typing import Any

SHARED_FIELDS: dict[str, tuple[str, ...]] = {
    "selfcare_ticks": ("item_id", "day"),
    "homework_ticks": ("assignment_id", "day"),
    "checkins": ("emotions", "tags"),
    "journal_entries": ("kind", "tags", "entry_date"),
    "breathing_sessions": ("pattern_key", "pattern_name", "phases"),
}
"""Per table, the fields whose values repeat (a list's words, a phase's kind, are shared inside it)."""

WHOLE_FIELDS: dict[str, tuple[str, ...]] = {
    "breathing_sessions": ("phases",),
    "checkins": ("emotions", "tags"),
    "journal_entries": ("tags",),
}
"""Per table, the fields whose lists repeat whole: equal lists (of text, or of flat records) become one."""

SAME_AS = {"journal_entries": ("updated_at", "created_at")}
"""Per table, a field that often holds the same text as another: then it holds the same object."""


def share_repeated_values(data: dict[str, Any]) -> None:
    """Make equal values of the known repeating fields one object, in place."""
    sharer = ValueSharer()
    for name, table in data.items():
        sharer(name, table)


class ValueSharer:
    """Shares values across the runs of records of one load (called once per run, as parsed).

    Sharing as each run is parsed, not after the whole file, lets the next run
    reuse the memory of the copies just dropped.
    """

    def __init__(self) -> None:
        self._seen: dict[str, dict[str, str]] = {}
        self._whole: dict[str, dict[Any, Any]] = {}

    def __call__(self, table_name: str, records: Any) -> None:
        fields = SHARED_FIELDS.get(table_name)
        if fields is None or not isinstance(records, dict):
            return
        _share_in_table(records, fields, self._seen.setdefault(table_name, {}))
        whole = WHOLE_FIELDS.get(table_name)
        if whole is not None:
            _share_whole(records, whole, self._whole.setdefault(table_name, {}))
        same = SAME_AS.get(table_name)
        if same is not None:
            _same_objects(records, *same)


def _same_objects(table: dict[str, Any], field: str, other: str) -> None:
    for document in table.values():
        if isinstance(document, dict):
            value = document.get(field)
            if value is not None and value.__class__ is str and value == document.get(other):
                document[field] = document[other]


def _share_in_table(table: dict[str, Any], fields: tuple[str, ...], seen: dict[str, str]) -> None:
    share = seen.setdefault
    for document in table.values():
        if not isinstance(document, dict):
            continue
        for field in fields:
            value = document.get(field)
            if value.__class__ is str:
                document[field] = share(value, value)
            elif value.__class__ is list:
                for position, item in enumerate(value):
                    if item.__class__ is str:
                        value[position] = share(item, item)
                    elif item.__class__ is dict:
                        for key, inner in item.items():
                            if inner.__class__ is str:
                                item[key] = share(inner, inner)


def _share_whole(table: dict[str, Any], fields: tuple[str, ...], seen: dict[Any, Any]) -> None:
    share = seen.setdefault
    for document in table.values():
        if not isinstance(document, dict):
            continue
        for field in fields:
            value = document.get(field)
            if value.__class__ is not list:
                continue
            key: tuple[Any, ...] | None = tuple(value)
            for item in value:
                if item.__class__ is not str:  # not a list of text: look closer
                    key = _list_key(value)
                    break
            if key is not None:
                document[field] = share(key, value)


def _list_key(items: list[Any]) -> tuple[Any, ...] | None:
    """What makes ``items`` equal to another list, types and order included; None if not flat enough to share.

    Types are part of it (``1``, ``1.0`` and ``True`` are equal in Python but
    not in the file; nor are ``0.0`` and ``-0.0``), and so is the order of a
    record's fields.
    """
    parts: list[Any] = []
    for item in items:
        kind = item.__class__
        if kind is str:
            parts.append(item)
        elif kind is dict:
            fields = []
            for name, inner in item.items():
                inner_kind = inner.__class__
                if inner_kind is float:
                    inner = inner.hex()  # -0.0 == 0.0, but the file tells them apart
                elif inner_kind not in _SCALARS:
                    return None
                fields.append((name, inner_kind, inner))
            parts.append(tuple(fields))
        else:
            return None
    return tuple(parts)


_SCALARS = frozenset({str, int, float, bool, type(None)})
