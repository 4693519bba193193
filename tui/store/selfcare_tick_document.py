"""The stored shape of a self-care tick, from plain values: shared by the repository and the quick ``selfcare done``.

Kept apart from :mod:`tui.store.selfcare_repository` (which imports TinyDB and
the core dataclasses) so ``heartwork selfcare done NAME`` can build the same
document cheaply.
"""

from __future__ import annotations

TYPE_CHECKING = False  # importing typing costs the quick command time; annotations only
if TYPE_CHECKING:
    from typing import Any

TICKS_TABLE = "selfcare_ticks"


def tick_document(*, tick_id: str, day: str, item_id: str, state: str) -> dict[str, Any]:
    """The JSON-ready document of one tick (``day`` as YYYY-MM-DD), keys in their stored order."""
    return {"id": tick_id, "day": day, "item_id": item_id, "state": state}
