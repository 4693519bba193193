"""One string object for each repeated value in the loaded records (issue 12.3: memory).

A parser makes a new string for every value it reads: the same self-care
item id in every tick, the same day in five ticks, the same emotion words in
thousands of check-ins, the same pattern name in every breathing session.
Strings never change, so records loaded from a file can share one copy of each
such value; nothing a reader or a writer sees changes, only memory (about a
sixth of the records). Only the fields known to repeat are looked at, so it
costs little per record; values are shared, containers (lists, dicts) never.
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

    def __call__(self, table_name: str, records: Any) -> None:
        fields = SHARED_FIELDS.get(table_name)
        if fields is None or not isinstance(records, dict):
            return
        _share_in_table(records, fields, self._seen.setdefault(table_name, {}))
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
