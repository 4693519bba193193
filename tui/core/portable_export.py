"""What an export holds: every table as plainly named records, or the check-ins as CSV rows.

Pure functions over the tables as they are stored (``{table: {key: record}}``):
the store reads them, this turns them into the export, the shell or the app
writes the bytes. The JSON export is generic: every table present is written
(internal tables, whose names start with ``_``, are not), so a table added
later is exported, and read back by :mod:`tui.core.heartwork_backup`, with no
change here.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

EXPORT_FORMAT = "heartwork-export"
EXPORT_VERSION = 2  # 2: a breathing session's fields carry the plain names below (1 had the stored ones)

EXPORT_FIELD_NAMES: dict[str, dict[str, str]] = {
    "breathing_sessions": {"pattern_key": "pattern", "phases": "timings", "actual_seconds": "seconds"},
}
"""Stored field name -> the plainer name an export uses, per table (renamed back on import)."""
CSV_FIELDS = ("id", "at", "pleasantness", "energy", "emotions", "tags", "note")
WORD_SEPARATOR = " | "
"""How emotions and tags share one CSV cell (the separator Daylio uses for activities)."""
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""A cell starting with one of these is read as a formula by spreadsheet programs."""

_DAY_FIELDS = ("at", "started_at", "entry_date", "day", "created_at")


def is_internal_table(name: str) -> bool:
    """True for tables that describe the file itself (``_meta``), never exported or imported."""
    return name.startswith("_")


def record_day(record: Mapping[str, Any]) -> date | None:
    """The day a record belongs to (from its first date field), or None if it has none."""
    for field in _DAY_FIELDS:
        value = record.get(field)
        if isinstance(value, str) and len(value) >= 10:
            try:
                return date.fromisoformat(value[:10])
            except ValueError:
                continue
    return None


def in_range(record: Mapping[str, Any], start: date | None, end: date | None) -> bool:
    """True if ``record`` falls between ``start`` and ``end`` (inclusive); undated records always do."""
    if start is None and end is None:
        return True
    day = record_day(record)
    if day is None:
        return True
    return (start is None or day >= start) and (end is None or day <= end)


def to_export_fields(table: str, record: Mapping[str, Any]) -> dict[str, Any]:
    """``record`` with the export's plain field names (a name already in use is left as stored)."""
    names = EXPORT_FIELD_NAMES.get(table)
    if not names:
        return dict(record)
    return {names[key] if key in names and names[key] not in record else key: value for key, value in record.items()}


def from_export_fields(table: str, record: Mapping[str, Any]) -> dict[str, Any]:
    """``record`` from an export with the stored field names back (the inverse of :func:`to_export_fields`)."""
    names = {plain: stored for stored, plain in EXPORT_FIELD_NAMES.get(table, {}).items()}
    if not names:
        return dict(record)
    return {names[key] if key in names and names[key] not in record else key: value for key, value in record.items()}


def build_export(
    tables: Mapping[str, Mapping[str, Any]],
    *,
    schema_version: int,
    exported_at: str,
    start: date | None = None,
    end: date | None = None,
) -> dict[str, Any]:
    """The versioned JSON export of every non-internal table, records in stored order."""
    return {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "exported_at": exported_at,
        "schema_version": schema_version,
        "tables": {
            name: [to_export_fields(name, record) for record in table.values() if in_range(record, start, end)]
            for name, table in sorted(tables.items())
            if not is_internal_table(name)
        },
    }


def checkins_csv(records: Iterable[Mapping[str, Any]], start: date | None = None, end: date | None = None) -> str:
    """The mood check-ins as CSV text: a header, then one row each, oldest first, times in ISO 8601."""
    rows = sorted(
        (record for record in records if isinstance(record.get("at"), str) and in_range(record, start, end)),
        key=lambda record: str(record["at"]),
    )
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_FIELDS)
    for record in rows:
        writer.writerow(
            [
                record.get("id", ""),
                record["at"],
                record.get("pleasantness", ""),
                "" if record.get("energy") is None else record.get("energy"),
                spreadsheet_safe(WORD_SEPARATOR.join(str(word) for word in record.get("emotions") or ())),
                spreadsheet_safe(WORD_SEPARATOR.join(str(word) for word in record.get("tags") or ())),
                spreadsheet_safe(str(record.get("note") or "")),
            ]
        )
    return buffer.getvalue()


def spreadsheet_safe(text: str) -> str:
    """``text`` as a CSV cell a spreadsheet shows as text: a leading ``'`` before a would-be formula.

    A note such as ``=HYPERLINK(...)`` would otherwise run when the file is
    opened in a spreadsheet program (CSV injection); the apostrophe is what
    those programs themselves use to mean "this is text".
    """
    return "'" + text if text.startswith(FORMULA_STARTS) else text
