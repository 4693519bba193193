"""Saved breathing sessions (table ``breathing_sessions``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tui.core.breathing import BreathingRecord, Phase
from tui.core.timefmt import from_text, to_text
from tui.store.repository import Repository


def phases_to_documents(phases: tuple[Phase, ...]) -> list[dict[str, Any]]:
    return [{"kind": phase.kind, "seconds": phase.seconds} for phase in phases]


_MADE_FROM: dict[int, tuple[list[Any], tuple[Phase, ...]]] = {}
"""Phases already made, by the stored list they came from (held, so its id is never another list's)."""

MADE_FROM_LIMIT = 256
"""How many stored lists :data:`_MADE_FROM` remembers before starting again."""


def phases_from_documents(documents: Any) -> tuple[Phase, ...]:
    """The phases in a stored list (one tuple for every record holding the same list).

    Loading makes equal phase lists one object (:mod:`tui.store.shared_values`)
    and stored lists are never changed in place, so the sessions of a pattern
    share one tuple of phases (issue 12.3): years of sessions made for homework
    or a report no longer make three phases each.
    """
    stored = documents if documents.__class__ is list else None
    if stored is not None:
        made = _MADE_FROM.get(id(stored))
        if made is not None and made[0] is stored:
            return made[1]
    phases = tuple(Phase(str(doc.get("kind", "hold")), float(doc.get("seconds", 0) or 0)) for doc in documents or ())
    if stored is not None:
        if len(_MADE_FROM) >= MADE_FROM_LIMIT:
            _MADE_FROM.clear()
        _MADE_FROM[id(stored)] = (stored, phases)
    return phases


def _optional_int(value: Any) -> int | None:
    return None if value is None else int(value)


class BreathingSessionRepository(Repository[BreathingRecord]):
    """Every breathing session, finished or ended early."""

    table_name = "breathing_sessions"

    def to_document(self, item: BreathingRecord) -> dict[str, Any]:
        return {
            "id": item.id,
            "started_at": to_text(item.started_at),
            "pattern_key": item.pattern_key,
            "pattern_name": item.pattern_name,
            "phases": phases_to_documents(item.phases),
            "planned_seconds": None if item.planned_seconds is None else float(item.planned_seconds),
            "planned_cycles": item.planned_cycles,
            "actual_seconds": float(item.actual_seconds),
            "cycles_completed": int(item.cycles_completed),
            "finished": bool(item.finished),
            "feeling_before": item.feeling_before,
            "feeling_after": item.feeling_after,
        }

    def from_document(self, document: Mapping[str, Any]) -> BreathingRecord:
        planned_seconds = document.get("planned_seconds")
        return BreathingRecord(
            id=str(document["id"]),
            started_at=from_text(str(document["started_at"])),
            pattern_key=str(document.get("pattern_key", "")),
            pattern_name=str(document.get("pattern_name", "")),
            phases=phases_from_documents(document.get("phases")),
            planned_seconds=None if planned_seconds is None else float(planned_seconds),
            planned_cycles=_optional_int(document.get("planned_cycles")),
            actual_seconds=float(document.get("actual_seconds", 0) or 0),
            cycles_completed=int(document.get("cycles_completed", 0) or 0),
            finished=bool(document.get("finished", False)),
            feeling_before=_optional_int(document.get("feeling_before")),
            feeling_after=_optional_int(document.get("feeling_after")),
        )

    def recent(self, limit: int = 50) -> list[BreathingRecord]:
        """The newest sessions first."""
        documents = sorted(self.readable_documents(), key=lambda doc: str(doc.get("started_at", "")), reverse=True)
        return [self.from_document(doc) for doc in documents[:limit]]

    def latest_for(self, pattern_key: str) -> BreathingRecord | None:
        """The newest session of one pattern (to remember an adjusted pace)."""
        documents = [doc for doc in self.readable_documents() if doc.get("pattern_key") == pattern_key]
        if not documents:
            return None
        return self.from_document(max(documents, key=lambda doc: str(doc.get("started_at", ""))))
