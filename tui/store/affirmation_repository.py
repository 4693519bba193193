"""The person's own affirmations in the ``affirmations`` table (id, text, tag, created_at, source)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from tui.store.repository import Repository


@dataclass
class Affirmation:
    """An affirmation the person wrote or kept (source "own" or "reframe")."""

    id: str
    text: str
    tag: str
    created_at: str
    source: str = "own"


class AffirmationRepository(Repository[Affirmation]):
    """Save and list the person's own affirmations."""

    table_name = "affirmations"

    def to_document(self, item: Affirmation) -> dict[str, Any]:
        return {"id": item.id, "text": item.text, "tag": item.tag, "created_at": item.created_at, "source": item.source}

    def from_document(self, document: Mapping[str, Any]) -> Affirmation:
        return Affirmation(
            id=str(document["id"]),
            text=str(document.get("text", "")),
            tag=str(document.get("tag") or ""),
            created_at=str(document.get("created_at", "")),
            source=str(document.get("source") or "own"),
        )

    def has_text(self, text: str) -> bool:
        wanted = " ".join(text.split()).casefold()
        return any(" ".join(str(d.get("text", "")).split()).casefold() == wanted for d in self.table.all())
