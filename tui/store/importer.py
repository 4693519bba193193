"""Bringing an import plan into the database: merged by id, one atomic save, a backup first.

Each imported record is matched with the local one by its ``id`` (the id a
Heartwork backup carries, or the stable id derived from the source record of
another app), so importing the same file twice adds nothing. When both sides
hold a record with the same id and they differ, the newer ``updated_at`` wins;
without times to compare the local record is kept. Nothing local is deleted,
and nothing deleted here comes back: a journal entry whose id is in "recently
deleted" (text or tombstone) is left out, even if an older backup holds it.
Every record is first held to its table's rules (:mod:`tui.store.record_checks`):
one that the app could not read refuses the whole file (:func:`check_plan`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from tui.core.import_plan import ImportPlan, ImportRefused
from tui.core.record_merge import TOMBSTONES_TABLE
from tui.core.timefmt import from_text
from tui.store.backups import back_up_before
from tui.store.database import Database
from tui.store.record_checks import record_problem


@dataclass
class ImportOutcome:
    """What an import did (or, for a dry run, would do), per table."""

    added: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    already_here: dict[str, int] = field(default_factory=dict)
    kept_local: dict[str, int] = field(default_factory=dict)
    left_deleted: dict[str, int] = field(default_factory=dict)
    backup: Path | None = None

    @property
    def changes_anything(self) -> bool:
        return bool(self.added or self.updated)


def check_plan(plan: ImportPlan) -> None:
    """ImportRefused naming the first record the app could not read (table, record number, field)."""
    for name, records in plan.tables.items():
        for number, record in enumerate(records, start=1):
            problem = record_problem(name, record)
            if problem is not None:
                raise ImportRefused(f"table {name}, record {number}: {problem}; nothing was imported")


def decide(database: Database, plan: ImportPlan) -> tuple[dict[str, list[dict[str, Any]]], ImportOutcome]:
    """The records to save per table, and the outcome, against the database as it is now."""
    outcome = ImportOutcome()
    to_save: dict[str, list[dict[str, Any]]] = {}
    snapshot = database.storage.read() or {}
    deleted = deleted_here(snapshot)
    for name, records in plan.tables.items():
        local = {
            document.get("id"): document
            for document in (snapshot.get(name) or {}).values()
            if isinstance(document, dict)
        }
        saving: list[dict[str, Any]] = []
        for record in records:
            mine = local.get(record["id"])
            if mine is None and record["id"] in deleted.get(name, ()):
                _count(outcome.left_deleted, name)
            elif mine is None:
                saving.append(record)
                _count(outcome.added, name)
            elif mine == record:
                _count(outcome.already_here, name)
            elif _is_newer(record, mine):
                saving.append(record)
                _count(outcome.updated, name)
            else:
                _count(outcome.kept_local, name)
        if saving:
            to_save[name] = saving
    return to_save, outcome


def apply_import(database: Database, plan: ImportPlan) -> ImportOutcome:
    """Save what ``plan`` adds or updates, in one atomic write, after a backup of the file."""
    backup = back_up_before(database.path, "import") if database.path is not None else None
    with database.written_together():
        to_save, outcome = decide(database, plan)
        for name, records in to_save.items():
            database.table(name).save_records(records, from_strict_json=plan.from_strict_json)
    outcome.backup = backup
    return outcome


def deleted_here(snapshot: Mapping[str, Any]) -> dict[str, set[str]]:
    """Ids of records deleted in this database, per table.

    Journal entries kept in "recently deleted", and every record a deletion
    left a tombstone for: an import never brings back what was deleted here.
    """
    entries = {
        document.get("entry_id")
        for document in (snapshot.get("recently_deleted") or {}).values()
        if isinstance(document, dict) and document.get("kind") == "entry"
    }
    deleted: dict[str, set[str]] = {"journal_entries": {entry_id for entry_id in entries if isinstance(entry_id, str)}}
    for stone in (snapshot.get(TOMBSTONES_TABLE) or {}).values():
        if isinstance(stone, dict) and isinstance(stone.get("table"), str) and isinstance(stone.get("record_id"), str):
            deleted.setdefault(stone["table"], set()).add(stone["record_id"])
    return deleted


def _count(counts: dict[str, int], name: str) -> None:
    counts[name] = counts.get(name, 0) + 1


def _is_newer(theirs: Mapping[str, Any], mine: Mapping[str, Any]) -> bool:
    their_time, my_time = _moment(theirs.get("updated_at")), _moment(mine.get("updated_at"))
    return their_time is not None and my_time is not None and their_time > my_time


def _moment(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return from_text(value)
    except ValueError:
        return None
