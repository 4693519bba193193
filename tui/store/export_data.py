"""Exports of the open database: the bytes of a JSON or CSV export, and writing them privately.

Read through the database's normal read path (:meth:`Database.snapshot`), so
whatever the store holds, every table and anything it merges on reading, is
exported. The shape of the export is :mod:`tui.core.portable_export`.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path
from typing import Any

import orjson

from tui.core.portable_export import build_export, checkins_csv
from tui.core.timefmt import to_text
from tui.store.database import Database
from tui.store.migrations import version_of
from tui.store.permissions import write_private_file

FORMATS = ("json", "csv")
SUFFIXES = {"json": ".json", "csv": ".csv"}

_C1_AND_SEPARATORS = re.compile(rb"\xc2[\x80-\x9f]|\xe2\x80[\xa8\xa9]")


def export_document(
    database: Database, exported_at: datetime | None = None, start: date | None = None, end: date | None = None
) -> dict[str, Any]:
    """Every table of ``database`` as lists of records, ready to write as JSON."""
    data = database.snapshot()
    return build_export(
        data,
        schema_version=version_of(data),
        exported_at=to_text(exported_at or datetime.now().astimezone()),
        start=start,
        end=end,
    )


def encode_export(export: dict[str, Any]) -> bytes:
    """UTF-8 JSON, indented, every character kept as itself (whatever the locale).

    orjson escapes C0 controls itself; C1 controls and the line/paragraph
    separators are written as ``\\uXXXX`` escapes too (the same JSON value), so an
    export printed to a terminal can never drive it.
    """
    payload = orjson.dumps(export, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)
    return _C1_AND_SEPARATORS.sub(lambda found: b"\\u%04x" % ord(found.group().decode("utf-8")), payload)


def export_bytes(database: Database, export_format: str, start: date | None = None, end: date | None = None) -> bytes:
    """The whole export in ``export_format`` ("json" or "csv") as bytes."""
    if export_format == "csv":
        records = database.snapshot().get("checkins", {}).values()
        return checkins_csv(records, start, end).encode("utf-8")
    return encode_export(export_document(database, start=start, end=end))


def write_export(path: Path, payload: bytes, *, overwrite: bool) -> None:
    """Write ``payload`` to ``path``: created 0600, atomically; FileExistsError unless ``overwrite``."""
    write_private_file(path, payload, overwrite=overwrite)
