"""What a database (or a backup of it) holds, in words: counts per kind and the newest day.

Used to list backups ("3 check-ins, 1 journal entry; newest 2026-03-02"), to
skip backing up a database with nothing in it, and to say exactly what a
restore would lose. Works on the parsed file (tables of records); pure.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

META_TABLE = "_meta"  # like every table whose name starts with "_" (tombstones, history): bookkeeping, not records

# Table name -> (one, many): how a person would name its records.
KIND_NAMES: dict[str, tuple[str, str]] = {
    "checkins": ("check-in", "check-ins"),
    "journal_entries": ("journal entry", "journal entries"),
    "journal_drafts": ("unfinished journal page", "unfinished journal pages"),
    "breathing_sessions": ("breathing session", "breathing sessions"),
    "breathing_patterns": ("breathing pattern", "breathing patterns"),
    "meditation_sessions": ("guided meditation", "guided meditations"),
    "affirmations": ("affirmation", "affirmations"),
    "affirmation_marks": ("affirmation mark", "affirmation marks"),
    "affirmation_practice": ("day of affirmation practice", "days of affirmation practice"),
    "reflections": ("reflection", "reflections"),
    "questionnaire_results": ("questionnaire result", "questionnaire results"),
    "selfcare_items": ("self-care idea", "self-care ideas"),
    "selfcare_ticks": ("self-care tick", "self-care ticks"),
    "selfcare_needs": ("self-care need", "self-care needs"),
    "homework_assignments": ("homework assignment", "homework assignments"),
    "homework_ticks": ("homework tick", "homework ticks"),
    "homework_reviews": ("homework review", "homework reviews"),
    "settings": ("setting", "settings"),
}

# Fields that say when a record was made or changed, in the order they are trusted.
_DATE_FIELDS = ("updated_at", "created_at", "at", "started_at", "entry_date", "day")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")

Tables = Mapping[str, Any]


def record_counts(data: Tables) -> dict[str, int]:
    """How many records each table holds (tables with none, and the meta table, left out)."""
    return {
        name: len(table)
        for name, table in data.items()
        if not name.startswith("_") and isinstance(table, Mapping) and len(table) > 0
    }


def holds_records(data: Tables) -> bool:
    """True if any table (other than the meta table) holds a record."""
    return bool(record_counts(data))


def newest_day(data: Tables) -> str | None:
    """The latest ``YYYY-MM-DD`` any record carries (when it was made or changed), or None."""
    newest: str | None = None
    for name, table in data.items():
        if name.startswith("_") or not isinstance(table, Mapping):
            continue
        for record in table.values():
            if not isinstance(record, Mapping):
                continue
            for field_name in _DATE_FIELDS:
                value = record.get(field_name)
                if isinstance(value, str) and _DAY.match(value):
                    day = value[:10]
                    if newest is None or day > newest:
                        newest = day
                    break
    return newest


def kind_name(table: str, count: int) -> str:
    """``"1 check-in"``, ``"3 journal entries"``, ``"2 records in 'notes'"``."""
    one, many = KIND_NAMES.get(table, (f"record in {table!r}", f"records in {table!r}"))
    return f"{count:,} {one if count == 1 else many}"


def describe_counts(counts: Mapping[str, int]) -> str:
    """Counts in words, known kinds first: ``"2 check-ins, 1 journal entry"``; ``"nothing"`` if empty."""
    order = list(KIND_NAMES)
    names = sorted(counts, key=lambda name: (order.index(name) if name in order else len(order), name))
    parts = [kind_name(name, counts[name]) for name in names if counts[name] > 0]
    return ", ".join(parts) if parts else "nothing"


def records_lost(current: Tables, replacement: Tables) -> dict[str, int]:
    """Per table, how many records of ``current`` are missing from ``replacement``.

    Records are matched by their stable ``id`` (by document number when they
    have none), so a backup that holds as many records, but different ones,
    still counts what would be lost.
    """
    lost: dict[str, int] = {}
    for name, table in current.items():
        if name.startswith("_") or not isinstance(table, Mapping):
            continue
        other = replacement.get(name)
        kept = _keys(other) if isinstance(other, Mapping) else set()
        missing = len(_keys(table) - kept)
        if missing:
            lost[name] = missing
    return lost


def _keys(table: Mapping[str, Any]) -> set[str]:
    keys = set()
    for doc_id, record in table.items():
        record_id = record.get("id") if isinstance(record, Mapping) else None
        keys.add(f"id:{record_id}" if isinstance(record_id, str) and record_id else f"doc:{doc_id}")
    return keys
