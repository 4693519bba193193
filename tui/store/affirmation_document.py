"""The stored shape of an affirmation, from plain values: shared by the repository and the quick capture.

Kept apart from :mod:`tui.store.affirmation_repository` (which imports the
whole store) so ``heartwork affirm add TEXT`` can build the same document cheaply.
"""

from __future__ import annotations

TYPE_CHECKING = False  # importing typing costs the quick capture time; annotations only
if TYPE_CHECKING:
    from typing import Any


def affirmation_document(
    *,
    affirmation_id: str,
    text: str,
    tag: str,
    created_at: str,
    source: str,
    favourite: bool = False,
    entry_id: str = "",
) -> dict[str, Any]:
    """The JSON-ready document of one affirmation, keys in their stored order (defaults left out)."""
    document: dict[str, Any] = {
        "id": affirmation_id,
        "text": text,
        "tag": tag,
        "created_at": created_at,
        "source": source,
    }
    if favourite:
        document["favourite"] = True
    if entry_id:
        document["entry_id"] = entry_id
    return document
