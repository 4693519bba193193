"""Favourite and hidden marks on built-in affirmations (table ``affirmation_marks``).

Built-in texts live in the package, not the database, so what the person
decides about one is kept here under the built-in's id: ``favourite`` and
``hidden`` (bools). A record with neither set is deleted.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from tui.store.repository import Repository


@dataclass(frozen=True)
class AffirmationMark:
    """What the person chose for one built-in affirmation."""

    id: str
    favourite: bool = False
    hidden: bool = False


class AffirmationMarksRepository(Repository[AffirmationMark]):
    """Star, hide and unhide built-in affirmations."""

    table_name = "affirmation_marks"

    def to_document(self, item: AffirmationMark) -> dict[str, Any]:
        return {"id": item.id, "favourite": item.favourite, "hidden": item.hidden}

    def from_document(self, document: Mapping[str, Any]) -> AffirmationMark:
        return AffirmationMark(
            id=str(document["id"]),
            favourite=document.get("favourite") is True,
            hidden=document.get("hidden") is True,
        )

    def marks(self) -> dict[str, AffirmationMark]:
        """Every mark by built-in id."""
        return {mark.id: mark for mark in self.all()}

    def mark(self, built_in_id: str, *, favourite: bool | None = None, hidden: bool | None = None) -> AffirmationMark:
        """Change one or both marks of a built-in affirmation."""
        with self.database.transaction():
            old = self.get(built_in_id) or AffirmationMark(built_in_id)
            new = AffirmationMark(
                built_in_id,
                favourite=old.favourite if favourite is None else favourite,
                hidden=old.hidden if hidden is None else hidden,
            )
            if not new.favourite and not new.hidden:
                self.delete(built_in_id)
                return new
            return self.save(new)
