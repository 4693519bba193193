"""Homework assignments, hand ticks for free-text tasks, and reviews.

Tables: ``homework_assignments`` (one record per assignment, its history
inside), ``homework_ticks`` (a free-text task ticked for a day; clearing
removes it) and ``homework_reviews`` (one record per review).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from typing import Any

from tui.core.homework.assignment import (
    KINDS,
    STATUSES,
    Assignment,
    Change,
    Frequency,
    HomeworkTick,
)
from tui.core.homework.review import STEPS, HomeworkReview
from tui.core.ids import new_id
from tui.store.homework_tick_document import HOMEWORK_TICKS_TABLE, homework_tick_document, homework_tick_id
from tui.store.repository import Repository


def _text(document: Mapping[str, Any], name: str) -> str:
    value = document.get(name, "")
    return value if isinstance(value, str) else ""


class HomeworkTickRepository(Repository[HomeworkTick]):
    """Free-text tasks ticked by hand, one record per assignment and day."""

    table_name = HOMEWORK_TICKS_TABLE

    def to_document(self, item: HomeworkTick) -> dict[str, Any]:
        document = homework_tick_document(assignment_id=item.assignment_id, day=item.day, at=item.at)
        document["id"] = item.id
        return document

    def from_document(self, document: Mapping[str, Any]) -> HomeworkTick:
        return HomeworkTick(
            id=str(document["id"]),
            assignment_id=_text(document, "assignment_id"),
            day=_text(document, "day"),
            at=_text(document, "at"),
        )

    def set_done(self, assignment_id: str, day: date, done: bool, at: str = "") -> None:
        """Tick (once) or untick a free-text task for ``day`` (today or an earlier day)."""
        key = homework_tick_id(assignment_id, day.isoformat())
        if done:
            if self.get(key) is None:
                self.save(HomeworkTick(key, assignment_id, day.isoformat(), at))
        elif self.get(key) is not None:
            self.delete(key)

    def days_for(self, assignment_id: str) -> set[str]:
        """Every ISO day ``assignment_id`` was ticked."""
        return {tick.day for tick in self.all() if tick.assignment_id == assignment_id}


class HomeworkReviewRepository(Repository[HomeworkReview]):
    """Reviews, newest last."""

    table_name = "homework_reviews"

    def to_document(self, item: HomeworkReview) -> dict[str, Any]:
        return {
            "id": item.id,
            "assignment_id": item.assignment_id,
            "day": item.day,
            "helped": item.helped,
            "hard": item.hard,
            "change": item.change,
            "step": item.step,
            "detail": item.detail,
            "adherence": item.adherence,
            "mood": item.mood,
            "at": item.at,
        }

    def from_document(self, document: Mapping[str, Any]) -> HomeworkReview:
        step = _text(document, "step")
        return HomeworkReview(
            id=str(document["id"]),
            assignment_id=_text(document, "assignment_id"),
            day=_text(document, "day"),
            helped=_text(document, "helped"),
            hard=_text(document, "hard"),
            change=_text(document, "change"),
            step=step if step in STEPS else "kept",
            detail=_text(document, "detail"),
            adherence=_text(document, "adherence"),
            mood=_text(document, "mood"),
            at=_text(document, "at"),
        )

    def for_assignment(self, assignment_id: str) -> list[HomeworkReview]:
        found = [review for review in self.all() if review.assignment_id == assignment_id]
        return sorted(found, key=lambda review: (review.day, review.at))


class HomeworkRepository(Repository[Assignment]):
    """The person's homework assignments."""

    table_name = "homework_assignments"

    def to_document(self, item: Assignment) -> dict[str, Any]:
        return {
            "id": item.id,
            "kind": item.kind,
            "title": item.title,
            "target": item.target,
            "frequency": item.frequency.to_document(),
            "minutes": item.minutes,
            "focus": item.focus,
            "start": item.start,
            "review": item.review,
            "agreed": item.agreed,
            "status": item.status,
            "created_at": item.created_at,
            "history": [change.to_document() for change in item.history],
            "source": item.source,
        }

    def from_document(self, document: Mapping[str, Any]) -> Assignment:
        minutes = document.get("minutes", 0)
        status = _text(document, "status")
        history = document.get("history", [])
        return Assignment(
            id=str(document["id"]),
            kind=str(document["kind"]),
            title=_text(document, "title"),
            target=_text(document, "target"),
            frequency=Frequency.from_document(document.get("frequency")),
            minutes=minutes if type(minutes) is int and minutes >= 0 else 0,
            focus=_text(document, "focus"),
            start=_text(document, "start"),
            review=_text(document, "review"),
            agreed=_text(document, "agreed"),
            status=status if status in STATUSES else "active",
            created_at=_text(document, "created_at"),
            history=tuple(
                Change(_text(c, "at"), _text(c, "what"), _text(c, "detail"))
                for c in (history if isinstance(history, list) else [])
                if isinstance(c, Mapping)
            ),
            source=_text(document, "source"),
        )

    @property
    def ticks(self) -> HomeworkTickRepository:
        return HomeworkTickRepository(self.database)

    @property
    def reviews(self) -> HomeworkReviewRepository:
        return HomeworkReviewRepository(self.database)

    def add(self, item: Assignment) -> Assignment:
        """Save a new assignment (a fresh id if it has none)."""
        if item.kind not in KINDS:
            raise ValueError(f"unknown homework kind {item.kind!r}")
        return self.save(item if item.id else replace(item, id=new_id()))

    def ordered(self) -> list[Assignment]:
        """Active first, then paused, then ended; oldest first within each."""
        rank = {status: n for n, status in enumerate(STATUSES)}
        return sorted(self.all(), key=lambda a: (rank.get(a.status, 9), a.start, a.created_at))

    def current(self) -> list[Assignment]:
        """Active assignments, oldest first."""
        return [a for a in self.ordered() if a.status == "active"]

    def save_review(self, updated: Assignment, review: HomeworkReview) -> None:
        """Keep a review and the assignment it changed, together in one write."""
        with self.database.transaction():
            self.reviews.save(review)
            self.save(updated)
