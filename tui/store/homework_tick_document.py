"""The stored shape of a homework tick, from plain values: shared by the repository and the quick ``plan tick``.

Kept apart from :mod:`tui.store.homework_repository` (which imports TinyDB and
the core dataclasses) so ``heartwork plan tick NAME`` can build the same
document cheaply. A tick's id is ``assignment_id:day``: one per task and day.
"""

from __future__ import annotations

TYPE_CHECKING = False  # importing typing costs the quick command time; annotations only
if TYPE_CHECKING:
    from typing import Any

HOMEWORK_TICKS_TABLE = "homework_ticks"


def homework_tick_id(assignment_id: str, day: str) -> str:
    """The id of the tick of ``assignment_id`` on ``day`` (YYYY-MM-DD)."""
    return f"{assignment_id}:{day}"


def homework_tick_document(*, assignment_id: str, day: str, at: str) -> dict[str, Any]:
    """The JSON-ready document of one tick, keys in their stored order."""
    return {"id": homework_tick_id(assignment_id, day), "assignment_id": assignment_id, "day": day, "at": at}
