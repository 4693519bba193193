"""Tombstones: what a deletion leaves behind, so a merge never brings a deleted record back.

A record removed from any table (deleted, moved to "recently deleted", a
draft cleared) leaves ``{table, record_id, deleted_at}`` in the
``_tombstones`` table, written in the same save as the removal. When another
device's copy still holds the record, :func:`tui.core.record_merge.merge_copies`
sees the tombstone is newer and keeps it deleted. Saving a record again after
its deletion (bringing an entry back from "recently deleted") clears its
tombstone and makes the record newer than the deletion, so the return wins
over the other device's tombstone too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from typing import Any

from tui.core.record_merge import TOMBSTONES_TABLE, make_tombstone, tombstone_id


def _system_now() -> datetime:
    return datetime.now().astimezone()


clock: Callable[[], datetime] = _system_now  # the time stamped on changes (a simulation sets its own)


def now_stamp() -> str:
    """The time of a change, to the microsecond with its UTC offset (orders edits made the same second)."""
    return clock().isoformat(timespec="microseconds")


def tombstoned_among(data: Mapping[str, Any], table: str, documents: Iterable[dict[str, Any]]) -> frozenset[str]:
    """Ids among ``documents`` (the caller's own copies) that were deleted; those are stamped as changed now."""
    stones = data.get(TOMBSTONES_TABLE)
    if not stones or table.startswith("_"):
        return frozenset()
    dead = {stone.get("record_id") for stone in stones.values() if stone.get("table") == table}
    revived = set()
    for document in documents:
        if document["id"] in dead:
            revived.add(document["id"])
            document["updated_at"] = now_stamp()
    return frozenset(revived)


def mark_deletions(
    changed: dict[str, Any],
    table: str,
    before: Mapping[str, Any],
    after: Mapping[str, Any],
    revived: frozenset[str] = frozenset(),
) -> None:
    """In the data about to be written: a tombstone for each record of ``table`` that is gone, none for ``revived``."""
    if table.startswith("_"):
        return
    removed: set[str] = set()
    if len(after) < len(before):  # a removal: the records under the keys that are gone (set difference at C speed)
        removed = _ids(before[key] for key in before.keys() - after.keys())
    if not removed and not revived:
        return
    stones = dict(changed.get(TOMBSTONES_TABLE) or {})
    key_of = {stone.get("id"): key for key, stone in stones.items() if isinstance(stone, dict)}
    for record_id in revived:
        key = key_of.pop(tombstone_id(table, record_id), None)
        if key is not None:
            del stones[key]
    next_key = max((int(key) for key in stones if key.isdigit()), default=0) + 1
    stamp = now_stamp()
    for record_id in sorted(removed):
        key = key_of.get(tombstone_id(table, record_id))
        if key is None:
            key, next_key = str(next_key), next_key + 1
        stones[key] = make_tombstone(table, record_id, stamp)
    changed[TOMBSTONES_TABLE] = stones


def _ids(documents: Iterable[Any]) -> set[str]:
    return {doc["id"] for doc in documents if isinstance(doc, dict) and isinstance(doc.get("id"), str)}
