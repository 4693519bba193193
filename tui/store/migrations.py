"""Schema versions of the database file and the steps between them.

The version lives in the ``_meta`` table. Each step turns version N into N+1
in place, on the parsed data, before anything else reads it. A file from a
newer version is refused, never rewritten.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tui.core.ids import new_id

META_TABLE = "_meta"
META_DOC_ID = "1"
CURRENT_VERSION = 2

Data = dict[str, Any]


def version_of(data: Data) -> int:
    """The schema version stamped in the data; an unstamped file is version 1."""
    meta = data.get(META_TABLE, {}).get(META_DOC_ID, {})
    version = meta.get("schema_version", 1)
    return version if isinstance(version, int) and version >= 1 else 1


def stamp(data: Data, version: int) -> None:
    """Record ``version`` in the data's meta table."""
    meta = data.setdefault(META_TABLE, {}).setdefault(META_DOC_ID, {})
    meta["schema_version"] = version


def _v1_to_v2(data: Data) -> None:
    """Version 2 gives every record a stable string id (exports match on it)."""
    for name, table in data.items():
        if name == META_TABLE:
            continue
        for document in table.values():
            if not isinstance(document.get("id"), str) or not document["id"]:
                document["id"] = new_id()


STEPS: dict[int, Callable[[Data], None]] = {1: _v1_to_v2}


def migrate(data: Data) -> bool:
    """Bring ``data`` up to CURRENT_VERSION in place; True if anything changed."""
    version = version_of(data)
    if version == CURRENT_VERSION and META_TABLE in data:
        return False
    while version < CURRENT_VERSION:
        STEPS[version](data)
        version += 1
    stamp(data, CURRENT_VERSION)
    return True
