"""Inbox records that replace another record of the same kind: a self-care tick replaces that day's tick.

The app's :meth:`tui.store.selfcare_repository.SelfCareTickRepository.set_state`
keeps one tick per (day, routine): marking a routine "partly" after "done"
removes the "done" tick (leaving a tombstone) and adds the new one. A tick that
arrives through the inbox (``heartwork selfcare done NAME``) must mean the
same, so when :func:`tui.store.inbox.apply_records` places one, this removes
every other tick of that (day, routine) and leaves a tombstone for each,
stamped with the new tick's ``updated_at``.

Replaying an inbox whose merge was cut off before it was emptied stays safe:
an older tick is never placed over a newer one for the same day (the newer
change stands), and the tombstones left here keep a replaced tick from coming
back (apply_records skips a record deleted after it was stamped).
"""

from __future__ import annotations

from typing import Any

from tui.core.record_merge import TOMBSTONES_TABLE, make_tombstone, moment_order

Tables = dict[str, dict[str, Any]]
Placed = list[tuple[str, str, dict[str, Any] | None]]  # (table, key, document; None: removed)

SLOT_FIELDS: dict[str, tuple[str, ...]] = {"selfcare_ticks": ("day", "item_id")}
"""Per table, the fields that name a slot holding one record at most."""


class SlotReplacer:
    """Makes room in one slot for an incoming record, during one :func:`apply_records` call.

    ``merged`` is apply_records' new top-level dict (its tables already copied
    before they are changed here); ``deleted`` its (table, id) -> deleted_at,
    kept up to date; ``applied`` its list of what was placed, to which
    removals (document None) and tombstones are added.
    """

    def __init__(self, merged: Tables, deleted: dict[tuple[str, str], Any], applied: Placed | None) -> None:
        self.merged = merged
        self.deleted = deleted
        self.applied = applied
        self._slots: dict[str, dict[tuple[Any, ...], dict[str, str | None]]] = {}
        self._stones_copied = False
        self._stone_keys: dict[str, str] | None = None
        self._next_stone_key = 0

    def make_room(self, table_name: str, document: dict[str, Any], index: dict[str, str]) -> bool:
        """Remove the other records in ``document``'s slot (True), or False if one is newer: skip it.

        ``index`` is apply_records' storage key by id for this table (kept up to date).
        """
        slot = tuple(document.get(name) for name in SLOT_FIELDS[table_name])
        if not all(isinstance(value, str) for value in slot):
            return True  # not a tick the store can read: placed as any record is, and set aside on reading
        table = self.merged[table_name]
        holders = self._slots_of(table_name, table).setdefault(slot, {})
        rivals: list[tuple[str, str]] = []
        for record_id, known_key in list(holders.items()):
            key = known_key if known_key is not None else index.get(record_id)
            if key is None or not isinstance(table.get(key), dict) or table[key].get("id") != record_id:
                del holders[record_id]  # moved or gone since
            elif record_id != document["id"]:
                rivals.append((record_id, key))
        mine = moment_order(document.get("updated_at"))
        if any(moment_order(table[key].get("updated_at")) > mine for _, key in rivals):
            return False  # a newer change to this day's tick stands
        stamp = document.get("updated_at")
        for record_id, key in rivals:
            del table[key]
            del holders[record_id]
            index.pop(record_id, None)
            if self.applied is not None:
                self.applied.append((table_name, key, None))
            self._leave_tombstone(table_name, record_id, stamp)
        holders[document["id"]] = None  # its key is in ``index`` once placed
        return True

    def _slots_of(self, table_name: str, table: dict[str, Any]) -> dict[tuple[Any, ...], dict[str, str | None]]:
        """Slot -> {record id: storage key} for ``table``, built once per call."""
        slots = self._slots.get(table_name)
        if slots is None:
            fields = SLOT_FIELDS[table_name]
            slots = self._slots[table_name] = {}
            for key, record in table.items():
                if isinstance(record, dict) and isinstance(record.get("id"), str):
                    slot = tuple(record.get(name) for name in fields)
                    slots.setdefault(slot, {})[record["id"]] = key
        return slots

    def _leave_tombstone(self, table_name: str, record_id: str, stamp: Any) -> None:
        if not isinstance(stamp, str) or not stamp:
            from tui.store.tombstones import now_stamp

            stamp = now_stamp()
        if not self._stones_copied:
            self.merged[TOMBSTONES_TABLE] = dict(self.merged.get(TOMBSTONES_TABLE) or {})
            self._stones_copied = True
        stones = self.merged[TOMBSTONES_TABLE]
        if self._stone_keys is None:
            self._stone_keys = {
                s["id"]: key for key, s in stones.items() if isinstance(s, dict) and isinstance(s.get("id"), str)
            }
            self._next_stone_key = max((int(key) for key in stones if key.isdigit()), default=0) + 1
        stone = make_tombstone(table_name, record_id, stamp)
        key = self._stone_keys.get(stone["id"])
        if key is None:
            key, self._next_stone_key = str(self._next_stone_key), self._next_stone_key + 1
            self._stone_keys[stone["id"]] = key
        stones[key] = stone
        self.deleted[(table_name, record_id)] = stamp
        if self.applied is not None:
            self.applied.append((TOMBSTONES_TABLE, key, stone))
