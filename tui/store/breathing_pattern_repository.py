"""A person's own breathing patterns (table ``breathing_patterns``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tui.core.breathing import Pattern, custom_pattern
from tui.store.breathing_repository import phases_from_documents, phases_to_documents
from tui.store.repository import Repository


class BreathingPatternRepository(Repository[Pattern]):
    """Custom patterns: a name and one cycle of phases."""

    table_name = "breathing_patterns"

    def to_document(self, item: Pattern) -> dict[str, Any]:
        return {"id": item.id, "name": item.name, "phases": phases_to_documents(item.phases)}

    def from_document(self, document: Mapping[str, Any]) -> Pattern:
        return custom_pattern(
            str(document.get("name", "")), phases_from_documents(document.get("phases")), str(document["id"])
        )

    def sorted_by_name(self) -> list[Pattern]:
        return sorted(self.all(), key=lambda pattern: pattern.name.casefold())

    def named(self, name: str) -> Pattern | None:
        """The custom pattern called ``name`` (ignoring case and outer spaces)."""
        wanted = name.strip().casefold()
        for pattern in self.all():
            if pattern.name.strip().casefold() == wanted:
                return pattern
        return None
