"""Questionnaire results (table ``questionnaire_results``)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from tui.core.questionnaire import Questionnaire, QuestionnaireResult
from tui.core.timefmt import to_text
from tui.store.repository import Repository


class QuestionnaireRepository(Repository[QuestionnaireResult]):
    """Save completed questionnaires and read their totals over time."""

    table_name = "questionnaire_results"

    def to_document(self, item: QuestionnaireResult) -> dict[str, Any]:
        return {
            "id": item.id,
            "questionnaire_id": item.questionnaire_id,
            "title": item.title,
            "at": item.at,
            "answers": dict(item.answers),
            "total": float(item.total),
        }

    def from_document(self, document: Mapping[str, Any]) -> QuestionnaireResult:
        answers = document.get("answers") or {}
        return QuestionnaireResult(
            id=str(document["id"]),
            questionnaire_id=str(document.get("questionnaire_id", "")),
            title=str(document.get("title", "")),
            at=str(document.get("at", "")),
            answers={str(k): int(v) for k, v in answers.items()} if isinstance(answers, Mapping) else {},
            total=float(document.get("total", 0.0)),
        )

    def record(self, questionnaire: Questionnaire, answers: Mapping[str, int], now: datetime) -> QuestionnaireResult:
        """Save a completed questionnaire with its total (raises ValueError if incomplete)."""
        total = questionnaire.total(answers)
        result = QuestionnaireResult(
            questionnaire_id=questionnaire.id,
            title=questionnaire.title,
            at=to_text(now),
            answers={item.id: int(answers[item.id]) for item in questionnaire.items},
            total=total,
        )
        return self.save(result)

    def by_questionnaire(self) -> dict[str, list[QuestionnaireResult]]:
        """Results grouped by questionnaire id, oldest first within each."""
        grouped: dict[str, list[QuestionnaireResult]] = defaultdict(list)
        for result in sorted(self.all(), key=lambda r: r.at):
            grouped[result.questionnaire_id].append(result)
        return dict(grouped)
