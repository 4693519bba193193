"""Saved guided meditations (table ``meditation_sessions``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tui.core.meditation import MeditationRecord
from tui.core.timefmt import from_text, to_text
from tui.store.repository import Repository

TABLE = "meditation_sessions"


def _optional_int(value: Any) -> int | None:
    return None if value is None else int(value)


class MeditationSessionRepository(Repository[MeditationRecord]):
    """Every guided meditation, finished or ended early."""

    table_name = TABLE

    def to_document(self, item: MeditationRecord) -> dict[str, Any]:
        return {
            "id": item.id,
            "started_at": to_text(item.started_at),
            "guide_id": item.guide_id,
            "guide_title": item.guide_title,
            "planned_seconds": float(item.planned_seconds),
            "actual_seconds": float(item.actual_seconds),
            "finished": bool(item.finished),
            "feeling_before": item.feeling_before,
            "feeling_after": item.feeling_after,
        }

    def from_document(self, document: Mapping[str, Any]) -> MeditationRecord:
        return MeditationRecord(
            id=str(document["id"]),
            started_at=from_text(str(document["started_at"])),
            guide_id=str(document.get("guide_id", "")),
            guide_title=str(document.get("guide_title", "")),
            planned_seconds=float(document.get("planned_seconds", 0) or 0),
            actual_seconds=float(document.get("actual_seconds", 0) or 0),
            finished=bool(document.get("finished", False)),
            feeling_before=_optional_int(document.get("feeling_before")),
            feeling_after=_optional_int(document.get("feeling_after")),
        )

    def recent(self, limit: int = 50) -> list[MeditationRecord]:
        """The newest sessions first."""
        documents = sorted(self.readable_documents(), key=lambda doc: str(doc.get("started_at", "")), reverse=True)
        return [self.from_document(doc) for doc in documents[:limit]]
