"""Reading a Heartwork JSON export back: checked whole, restored exactly.

Generic over tables like the export itself (:mod:`tui.core.portable_export`):
every table in the file is read, whatever its name, so tables added later
round-trip with no change here. Records keep their ids, fields and order.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tui.core.import_plan import ImportPlan, ImportRefused
from tui.core.portable_export import EXPORT_FORMAT, EXPORT_VERSION, from_export_fields, is_internal_table


def looks_like_backup(parsed: Any) -> bool:
    return isinstance(parsed, Mapping) and parsed.get("format") == EXPORT_FORMAT


def read_backup(parsed: Mapping[str, Any], *, newest_schema: int) -> ImportPlan:
    """The plan for a parsed Heartwork export; ImportRefused naming the table, record and field."""
    version = parsed.get("version")
    if type(version) is not int or version < 1:
        raise ImportRefused("this Heartwork backup has no readable format version")
    if version > EXPORT_VERSION:
        raise ImportRefused(
            f"this backup was made by a newer Heartwork (export format version {version}; "
            f"this one reads up to version {EXPORT_VERSION}). Please update Heartwork to import it"
        )
    schema = parsed.get("schema_version", 1)
    if type(schema) is not int or schema < 1:
        raise ImportRefused("this Heartwork backup has no readable schema_version")
    if schema > newest_schema:
        raise ImportRefused(
            f"this backup was made by a newer Heartwork (data version {schema}; "
            f"this one reads up to version {newest_schema}). Please update Heartwork to import it"
        )
    tables = parsed.get("tables")
    if not isinstance(tables, Mapping):
        raise ImportRefused('this Heartwork backup has no "tables"')
    plan = ImportPlan("Heartwork backup")
    for name, records in tables.items():
        if not isinstance(name, str) or not name or is_internal_table(name):
            raise ImportRefused(f"table {name!r}: not a table Heartwork can import")
        if not isinstance(records, list):
            raise ImportRefused(f"table {name}: expected a list of records")
        seen: set[str] = set()
        for number, record in enumerate(records, start=1):
            where = f"table {name}, record {number}"
            if not isinstance(record, dict):
                raise ImportRefused(f"{where}: not a record")
            record_id = record.get("id")
            if not isinstance(record_id, str) or not record_id:
                raise ImportRefused(f"{where}, field id: missing (every record needs its id)")
            if record_id in seen:
                raise ImportRefused(f"{where}, field id: {record_id!r} appears twice")
            seen.add(record_id)
        plan.tables[name] = [from_export_fields(name, record) for record in records] if version >= 2 else records
    return plan
