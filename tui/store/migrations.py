"""Schema versions of the database file and the steps between them.

The version lives in the ``_meta`` table. Each step turns version N into N+1
in place, on the parsed data, before anything else reads it. A file from a
newer version is refused, never rewritten.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from tui.core.ids import new_id

META_TABLE = "_meta"
META_DOC_ID = "1"
CURRENT_VERSION = 3

Data = dict[str, Any]


def version_problem(data: Data) -> str | None:
    """Why the version stamped in ``data`` cannot be trusted, or None if it can.

    A file with no ``_meta`` table predates version stamps and is version 1.
    Otherwise only a whole number of at least 1 (not ``true``, ``3.0`` or
    ``"3"``) is a version; anything else means the file was not written by a
    Heartwork this code knows, so it is refused rather than guessed at (a
    guess would "migrate" and rewrite it).
    """
    if META_TABLE not in data:
        return None
    meta = data[META_TABLE].get(META_DOC_ID)
    if not isinstance(meta, dict) or "schema_version" not in meta:
        return "its format version is missing, so Heartwork cannot tell how to read it"
    version = meta["schema_version"]
    if type(version) is int and version >= 1:
        return None
    shown = json.dumps(version, ensure_ascii=True)
    shown = shown if len(shown) <= 24 else shown[:21] + "..."
    return f"its format version ({shown}) is not one Heartwork knows"


def version_of(data: Data) -> int:
    """The schema version stamped in the data; a file without a ``_meta`` table is version 1.

    Raises ValueError for a version :func:`version_problem` refuses (files are
    checked for that when they are read, so this does not happen to them).
    """
    problem = version_problem(data)
    if problem is not None:
        raise ValueError(problem)
    if META_TABLE not in data:
        return 1
    version: int = data[META_TABLE][META_DOC_ID]["schema_version"]
    return version


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


_V3_CATEGORIES = {"environment": "surroundings", "joy": "creativity"}
_V3_KNOWN = ("body", "mind", "connection", "rest", "creativity", "surroundings")


def _v2_to_v3(data: Data) -> None:
    """Version 3 gives self-care routines a schedule, a time of day, an order and the new categories.

    Every routine kept so far was an every-day one, so that is what it becomes;
    its order is the order it was added in. Every tick so far meant "done".
    """
    items = data.get("selfcare_items", {})
    readable = [doc for doc in items.values() if isinstance(doc, dict)]
    readable.sort(key=lambda doc: str(doc.get("created_at", "")))
    for position, document in enumerate(readable):
        category = str(document.get("category", ""))
        category = _V3_CATEGORIES.get(category, category)
        document["category"] = category if category in _V3_KNOWN else "mind"
        document.setdefault("schedule", {"kind": "daily", "weekdays": [], "per_week": 7})
        document.setdefault("time_of_day", "")
        document.setdefault("need_id", "")
        document.setdefault("position", position)
        document.setdefault("suggestion_dismissed", False)
    for document in data.get("selfcare_ticks", {}).values():
        if isinstance(document, dict):
            document.setdefault("state", "done")


STEPS: dict[int, Callable[[Data], None]] = {1: _v1_to_v2, 2: _v2_to_v3}


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
