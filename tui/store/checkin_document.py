"""The stored shape of a check-in, from plain values: shared by the repository and the quick capture.

Kept apart from :mod:`tui.store.checkin_repository` (which imports the whole
store) so ``heartwork checkin 7`` can build the same document cheaply.
"""

from __future__ import annotations

from tui.core.timefmt import to_text

TYPE_CHECKING = False  # importing typing costs the quick capture time; annotations only
if TYPE_CHECKING:
    from collections.abc import Iterable
    from datetime import datetime
    from typing import Any


def checkin_document(
    *,
    checkin_id: str,
    at: datetime,
    pleasantness: int,
    energy: int | None,
    emotions: Iterable[str],
    tags: Iterable[str],
    note: str,
) -> dict[str, Any]:
    """The JSON-ready document of one check-in, keys in their stored order."""
    return {
        "id": checkin_id,
        "at": to_text(at),
        "pleasantness": pleasantness,
        "energy": energy,
        "emotions": list(emotions),
        "tags": list(tags),
        "note": note,
    }
