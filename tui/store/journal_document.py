"""The stored shape of a journal entry, from plain values: shared by the repository and the quick capture.

Kept apart from :mod:`tui.store.journal_repository` (which imports the whole
store) so ``heartwork journal add TEXT`` can build the same document cheaply.
"""

from __future__ import annotations

TYPE_CHECKING = False  # importing typing costs the quick capture time; annotations only
if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping
    from typing import Any


def journal_document(
    *,
    entry_id: str,
    created_at: str,
    updated_at: str,
    entry_date: str,
    kind: str,
    title: str,
    body: str,
    tags: Iterable[str],
    prompt_id: str | None = None,
    prompt_text: str | None = None,
    fields: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """The JSON-ready document of one entry, keys in their stored order."""
    return {
        "id": entry_id,
        "created_at": created_at,
        "updated_at": updated_at,
        "entry_date": entry_date,
        "kind": kind,
        "title": title,
        "body": body,
        "tags": list(tags),
        "prompt_id": prompt_id,
        "prompt_text": prompt_text,
        "fields": dict(fields or {}),
    }
