"""Merging two copies of the database record by record (another device's copy, a sync conflict).

Pure: plain data in, plain data out. Records are matched by their stable
string ``id``, never by storage key (two devices number their records
independently). The rules, chosen so that merging is commutative and
idempotent (merge A with B, or B with A, or the result with either again,
and the records come out the same):

* a record only one side has is kept;
* a record both sides changed: the later ``updated_at`` wins (a missing or
  unreadable one counts as oldest; a tie is settled by the content, so both
  devices settle it the same way), and the other version is kept in the
  ``_history`` table, where the person can open it;
* a deletion leaves a tombstone (``_tombstones``: table, record id,
  ``deleted_at``); a record whose tombstone is at least as new as its
  ``updated_at`` stays deleted, so the other copy never brings it back;
* tombstones older than ``keep_tombstone_days`` are dropped.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

Data = dict[str, dict[str, Any]]

META_TABLE = "_meta"
TOMBSTONES_TABLE = "_tombstones"
HISTORY_TABLE = "_history"
DEFAULT_KEEP_TOMBSTONE_DAYS = 180
_OLDEST = (0, 0.0)


@dataclass(frozen=True)
class MergeSummary:
    """What merging another copy changed in ours."""

    added: int = 0
    updated: int = 0
    deleted: int = 0
    versions_kept: int = 0

    @property
    def changed_records(self) -> bool:
        return bool(self.added or self.updated or self.deleted or self.versions_kept)

    def plus(self, other: MergeSummary) -> MergeSummary:
        return MergeSummary(
            self.added + other.added,
            self.updated + other.updated,
            self.deleted + other.deleted,
            self.versions_kept + other.versions_kept,
        )

    def describe(self) -> str:
        """One calm line, e.g. "2 new, 1 updated; 1 earlier version kept"."""
        parts = []
        if self.added:
            parts.append(f"{self.added} new")
        if self.updated:
            parts.append(f"{self.updated} updated")
        if self.deleted:
            parts.append(f"{self.deleted} removed as deleted elsewhere")
        text = ", ".join(parts) if parts else "nothing new"
        if self.versions_kept:
            plural = "s" if self.versions_kept != 1 else ""
            text += f"; {self.versions_kept} earlier version{plural} kept"
        return text


def moment_order(text: Any) -> tuple[int, float]:
    """A sortable form of a stored timestamp; missing or unreadable sorts first (oldest)."""
    if not isinstance(text, str) or not text:
        return _OLDEST
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return _OLDEST
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return (1, moment.timestamp())


def canonical(document: Any) -> str:
    """The one text form of a document (sorted keys), to compare and to settle ties."""
    import json  # here, not at the top: every shell command imports this module, few merge

    return json.dumps(document, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def tombstone_id(table: str, record_id: str) -> str:
    return f"{table}/{record_id}"


def make_tombstone(table: str, record_id: str, deleted_at: str) -> dict[str, Any]:
    """The record a deletion leaves behind: no content, only what and when."""
    return {"id": tombstone_id(table, record_id), "table": table, "record_id": record_id, "deleted_at": deleted_at}


def history_entry(table: str, version: Mapping[str, Any]) -> dict[str, Any]:
    """An earlier version of a record, under an id made from its content (so both devices agree)."""
    import hashlib  # here, not at the top: loading OpenSSL costs every shell command ~30 ms

    digest = hashlib.sha256(canonical(version).encode("utf-8")).hexdigest()[:16]
    record_id = str(version.get("id", ""))
    return {
        "id": f"{table}/{record_id}/{digest}",
        "table": table,
        "record_id": record_id,
        "updated_at": version.get("updated_at", ""),
        "version": dict(version),
    }


def newer(first: Mapping[str, Any], second: Mapping[str, Any], field: str = "updated_at") -> Mapping[str, Any]:
    """Whichever of two versions wins: later ``field``, then (a tie) the larger content."""
    first_key = (moment_order(first.get(field)), canonical(first))
    second_key = (moment_order(second.get(field)), canonical(second))
    return first if first_key >= second_key else second


def expired_before(now: datetime, keep_days: int) -> tuple[int, float]:
    """Tombstones sorting before this are old enough to drop."""
    aware = now if now.tzinfo is not None else now.replace(tzinfo=UTC)
    return (1, (aware - timedelta(days=keep_days)).timestamp())


def merge_copies(
    ours: Data, theirs: Data, *, now: datetime, keep_tombstone_days: int = DEFAULT_KEEP_TOMBSTONE_DAYS
) -> tuple[Data, MergeSummary]:
    """The union of two copies, record by record; ``ours`` keeps its storage keys. Inputs are not changed."""
    cutoff = expired_before(now, keep_tombstone_days)
    tombstones = _union_by_id(ours.get(TOMBSTONES_TABLE, {}), theirs.get(TOMBSTONES_TABLE, {}), "deleted_at")
    tombstones = {i: t for i, t in tombstones.items() if moment_order(t.get("deleted_at")) >= cutoff}
    history = _union_by_id(ours.get(HISTORY_TABLE, {}), theirs.get(HISTORY_TABLE, {}), "updated_at")
    ours_history_ids = set(_by_id(ours.get(HISTORY_TABLE, {})))
    result: Data = {}
    added = updated = deleted = 0
    for name in sorted(set(ours) | set(theirs)):
        if name.startswith("_"):
            continue
        table, counts = _merge_table(name, ours.get(name, {}), theirs.get(name, {}), tombstones, history)
        result[name] = table
        added, updated, deleted = added + counts[0], updated + counts[1], deleted + counts[2]
    for name in (META_TABLE,):
        if name in ours or name in theirs:
            result[name] = {key: dict(doc) for key, doc in (ours.get(name) or theirs.get(name) or {}).items()}
    if tombstones:
        result[TOMBSTONES_TABLE] = _keyed(tombstones)
    if history:
        result[HISTORY_TABLE] = _keyed(history)
    versions_kept = len(set(history) - ours_history_ids)
    return result, MergeSummary(added, updated, deleted, versions_kept)


def content_view(data: Data) -> dict[str, dict[str, str]]:
    """Every table as {record id: canonical text}, storage keys left out (to compare merges)."""
    view: dict[str, dict[str, str]] = {}
    for name, table in data.items():
        rows: dict[str, str] = {}
        for document in table.values():
            record_id = document.get("id") if isinstance(document, dict) else None
            text = canonical(document)
            rows[record_id if isinstance(record_id, str) else f"?{text}"] = text
        if rows:
            view[name] = rows
    return view


def drop_expired_tombstones(data: Data, *, now: datetime, keep_days: int) -> int:
    """Remove, in place, tombstones older than ``keep_days``; how many."""
    table = data.get(TOMBSTONES_TABLE)
    if not table:
        return 0
    cutoff = expired_before(now, keep_days)
    old = [key for key, stone in table.items() if moment_order(stone.get("deleted_at")) < cutoff]
    for key in old:
        del table[key]
    return len(old)


# -- internals ---------------------------------------------------------------------


def _merge_table(
    name: str,
    ours: Mapping[str, Any],
    theirs: Mapping[str, Any],
    tombstones: dict[str, dict[str, Any]],
    history: dict[str, dict[str, Any]],
) -> tuple[dict[str, Any], tuple[int, int, int]]:
    our_ids = _by_id(ours)
    our_keys = {document["id"]: key for key, document in ours.items() if _has_id(document)}
    their_ids = _by_id(theirs)
    merged: dict[str, Any] = {}
    added = updated = deleted = 0
    for key, document in ours.items():  # records without an id (set aside) stay exactly where they are
        if not _has_id(document):
            merged[key] = document
    seen_unnamed = {canonical(doc) for doc in merged.values()}
    their_unnamed = [doc for doc in theirs.values() if not _has_id(doc) and canonical(doc) not in seen_unnamed]
    next_key = max((int(key) for key in ours if key.isdigit()), default=0) + 1
    for record_id in sorted(set(our_ids) | set(their_ids)):
        mine, other = our_ids.get(record_id), their_ids.get(record_id)
        winner: Mapping[str, Any]
        if mine is not None and other is not None and mine != other:
            winner = newer(mine, other)
            loser = other if winner is mine else mine
            entry = history_entry(name, loser)
            history.setdefault(entry["id"], entry)
        else:
            found = mine if mine is not None else other
            assert found is not None
            winner = found
        stone = tombstones.get(tombstone_id(name, record_id))
        if stone is not None and moment_order(stone.get("deleted_at")) >= moment_order(winner.get("updated_at")):
            deleted += mine is not None
            continue
        if mine is None:
            added += 1
            merged[str(next_key)] = dict(winner)
            next_key += 1
        else:
            updated += winner is not mine
            merged[our_keys[record_id]] = dict(winner)
    for document in their_unnamed:
        merged[str(next_key)] = dict(document)
        next_key += 1
        added += 1
    return merged, (added, updated, deleted)


def _has_id(document: Any) -> bool:
    return isinstance(document, dict) and isinstance(document.get("id"), str) and bool(document["id"])


def _by_id(table: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for document in table.values():
        if _has_id(document):
            record_id = document["id"]
            earlier = found.get(record_id)  # one file should never hold an id twice; if so, keep one
            found[record_id] = document if earlier is None else dict(newer(earlier, document))
    return found


def _union_by_id(first: Mapping[str, Any], second: Mapping[str, Any], field: str) -> dict[str, dict[str, Any]]:
    union = _by_id(first)
    for record_id, document in _by_id(second).items():
        earlier = union.get(record_id)
        union[record_id] = document if earlier is None else dict(newer(earlier, document, field))
    return union


def _keyed(records: dict[str, dict[str, Any]]) -> dict[str, Any]:
    return {str(number): dict(records[record_id]) for number, record_id in enumerate(sorted(records), start=1)}
