"""The person's own affirmations (table ``affirmations``): written here or saved from a reframe.

Fields: id, text, tag, created_at, source ("own" | "reframe"), and the
optional ``favourite`` (bool) and ``entry_id`` (the journal entry a reframe
was kept from). Optional fields are written only when set, so files from
before them read unchanged (no schema step needed).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from tui.core.affirmations import OWN_SOURCES, Affirmation, clean_affirmation_text
from tui.core.timefmt import to_text
from tui.store.affirmation_document import affirmation_document
from tui.store.repository import Repository


class AffirmationRepository(Repository[Affirmation]):
    """Add, edit, star and delete the person's own affirmations."""

    table_name = "affirmations"

    def to_document(self, item: Affirmation) -> dict[str, Any]:
        return affirmation_document(
            affirmation_id=item.id,
            text=item.text,
            tag=item.tag,
            created_at=item.created_at,
            source=item.source,
            favourite=item.favourite,
            entry_id=item.entry_id,
        )

    def from_document(self, document: Mapping[str, Any]) -> Affirmation:
        source = str(document.get("source", "own"))
        return Affirmation(
            id=str(document["id"]),
            text=str(document.get("text", "")),
            tag=str(document.get("tag", "") or ""),
            created_at=str(document.get("created_at", "")),
            source=source if source in OWN_SOURCES else "own",
            favourite=document.get("favourite") is True,
            entry_id=str(document.get("entry_id", "") or ""),
        )

    def add_own(
        self,
        text: str,
        tag: str = "",
        source: str = "own",
        *,
        at: datetime | None = None,
        entry_id: str = "",
    ) -> Affirmation:
        """Save a new own affirmation (``source`` "own" or "reframe", which links to ``entry_id``)."""
        if source not in OWN_SOURCES:
            raise ValueError(f"source must be one of {OWN_SOURCES}, not {source!r}")
        moment = at if at is not None else datetime.now().astimezone()
        return self.save(
            Affirmation(
                text=clean_affirmation_text(text),
                tag=str(tag).strip(),
                created_at=to_text(moment),
                source=source,
                entry_id=entry_id,
            )
        )

    def own(self) -> list[Affirmation]:
        """Every own affirmation, oldest first."""
        return sorted(self.all(), key=lambda affirmation: affirmation.created_at)

    def edit(self, item_id: str, text: str, tag: str) -> Affirmation | None:
        """Change the words and tag of an own affirmation."""
        cleaned = clean_affirmation_text(text)
        with self.database.transaction():
            found = self.get(item_id)
            if found is None:
                return None
            found.text, found.tag = cleaned, str(tag).strip()
            return self.save(found)

    def set_favourite(self, item_id: str, favourite: bool) -> Affirmation | None:
        with self.database.transaction():
            found = self.get(item_id)
            if found is None:
                return None
            found.favourite = favourite
            return self.save(found)

    def has_text(self, text: str) -> bool:
        """True if an own affirmation already says ``text`` (ignoring case and spacing)."""
        wanted = " ".join(text.split()).casefold()
        return any(" ".join(str(d.get("text", "")).split()).casefold() == wanted for d in self.readable_documents())
