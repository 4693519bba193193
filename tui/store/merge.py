"""Combining an unsaved change with a newer file another process saved meanwhile.

When a save fails (full disk, say) the change waits in memory for a retry. If
another Heartwork process saves in the meantime, writing memory back as it is
would undo that process's work. Instead our change, the difference between the
version we started from (``base``) and memory (``ours``), is replayed onto the
newer file (``theirs``): records we added are added (under a fresh document
number if theirs took ours), records we edited take our version, records we
deleted are deleted. Nothing either side added is lost.
"""

from __future__ import annotations

from typing import Any

Data = dict[str, dict[str, Any]]


def merge_unsaved(base: Data, ours: Data, theirs: Data) -> None:
    """Apply the change from ``base`` to ``ours`` onto ``theirs``, in place."""
    for name in set(ours) | set(base):
        base_table = base.get(name, {})
        our_table = ours.get(name, {})
        their_table = theirs.setdefault(name, {})
        for key, document in our_table.items():
            if key not in base_table:
                if key in their_table and their_table[key] != document:
                    key = str(_next_number(their_table, our_table))
                their_table[key] = document
            elif document != base_table[key]:
                their_table[key] = document
        for key in base_table.keys() - our_table.keys():
            their_table.pop(key, None)


def _next_number(*tables: dict[str, Any]) -> int:
    return max((int(key) for table in tables for key in table), default=0) + 1
