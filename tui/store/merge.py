"""Combining an unsaved change with a newer file another process saved meanwhile.

When a save fails (full disk, say) the change waits in memory for a retry. If
another Heartwork process saves in the meantime, writing memory back as it is
would undo that process's work. Instead our change, the difference between the
version we started from (``base``) and memory (``ours``), is replayed onto the
newer file (``theirs``): records we added are added (under a fresh document
number if theirs took ours), records we edited take our version, records we
deleted are deleted. Nothing either side added is lost.

Records are matched by their stable ``id``, not by document number: a file a
sync tool renamed in from another device numbers its records its own way, so
our edit of record 5 must land on the record with our id wherever theirs keeps
it. If they changed that record too, their version is kept in ``_history``.
Records without an id (set aside as unreadable) are matched by number.
"""

from __future__ import annotations

from typing import Any

from tui.core.record_merge import HISTORY_TABLE, history_entry

Data = dict[str, dict[str, Any]]


def merge_unsaved(base: Data, ours: Data, theirs: Data) -> None:
    """Apply the change from ``base`` to ``ours`` onto ``theirs``, in place."""
    for name in sorted(set(ours) | set(base)):
        base_table = base.get(name, {})
        our_table = ours.get(name, {})
        their_table = theirs.setdefault(name, {})
        base_ids, their_ids = _keys_by_id(base_table), _keys_by_id(their_table)
        our_ids = _keys_by_id(our_table)
        for key, document in our_table.items():
            record_id = _id_of(document)
            if record_id is None:
                _replay_by_number(key, document, base_table, our_table, their_table)
                continue
            base_key = base_ids.get(record_id)
            if base_key is not None and base_table[base_key] == document:
                continue  # we did not change it
            their_key = their_ids.get(record_id)
            if their_key is None:
                if key in their_table:
                    key = str(_next_number(their_table, our_table))
                their_table[key] = document
                their_ids[record_id] = key
                continue
            their_version = their_table[their_key]
            if base_key is not None and their_version not in (base_table[base_key], document):
                _keep_in_history(theirs, name, their_version)
            their_table[their_key] = document
        for key in base_table.keys() - our_table.keys():
            record_id = _id_of(base_table[key])
            if record_id is None:
                their_table.pop(key, None)
            elif record_id not in our_ids and record_id in their_ids:
                their_table.pop(their_ids.pop(record_id), None)


def _replay_by_number(key: str, document: Any, base_table: Any, our_table: Any, their_table: Any) -> None:
    if key not in base_table:
        if key in their_table and their_table[key] != document:
            key = str(_next_number(their_table, our_table))
        their_table[key] = document
    elif document != base_table[key]:
        their_table[key] = document


def _keep_in_history(data: Data, table: str, version: dict[str, Any]) -> None:
    if table.startswith("_"):
        return
    entry = history_entry(table, version)
    history = data.setdefault(HISTORY_TABLE, {})
    if any(kept.get("id") == entry["id"] for kept in history.values()):
        return
    history[str(_next_number(history))] = entry


def _id_of(document: Any) -> str | None:
    record_id = document.get("id") if isinstance(document, dict) else None
    return record_id if isinstance(record_id, str) and record_id else None


def _keys_by_id(table: dict[str, Any]) -> dict[str, str]:
    return {record_id: key for key, document in table.items() if (record_id := _id_of(document)) is not None}


def _next_number(*tables: dict[str, Any]) -> int:
    return max((int(key) for table in tables for key in table), default=0) + 1
